//! The walk over a binary: sections, nested modules, imports, exports, custom sections
//! and function sizes, with wasmparser's parser (no validation here; see `features`).
//!
//! Nothing is allocated from a count the file states: lists grow as entries decode, so
//! a file that claims four billion imports fails at the first missing byte instead of
//! reserving memory for them.

use super::model::*;
use super::{MAX_NAMES, TOP_FUNCTIONS};
use std::collections::BTreeMap;
use wasmparser::{
    BinaryReader, BinaryReaderError, CompositeInnerType, Encoding, FuncType, GlobalType,
    KnownCustom, MemoryType, Name, Parser, Payload, TableType, TypeRef,
};

/// The WebAssembly magic number, `\0asm`.
const MAGIC: &[u8; 4] = b"\0asm";

/// A wasmparser error as the inspector reports it.
pub(super) fn problem(error: &BinaryReaderError, invalid: bool) -> WasmError {
    let message = error.message().to_owned();
    let kind = if message.contains("unexpected end") {
        ProblemKind::Truncated
    } else if invalid {
        ProblemKind::Invalid
    } else {
        ProblemKind::Malformed
    };
    WasmError {
        kind,
        offset: error.offset(),
        message,
    }
}

/// What the bytes start with, before any parsing: `Err` for empty input, input that
/// does not start with the magic number, or that ends inside the 8-byte preamble.
pub(super) fn preamble(bytes: &[u8]) -> Result<(), WasmError> {
    let error = |kind, offset: usize, message: &str| WasmError {
        kind,
        offset: offset as u64,
        message: message.to_owned(),
    };
    if bytes.is_empty() {
        return Err(error(ProblemKind::Empty, 0, "no bytes"));
    }
    let common = bytes.len().min(4);
    if bytes[..common] != MAGIC[..common] {
        let at = bytes.iter().zip(MAGIC).take_while(|(a, b)| a == b).count();
        return Err(error(
            ProblemKind::NotWasm,
            at,
            "not WebAssembly: it does not start with the magic number \\0asm",
        ));
    }
    if bytes.len() < 8 {
        return Err(error(
            ProblemKind::Truncated,
            bytes.len(),
            "unexpected end-of-file in the 8-byte preamble",
        ));
    }
    Ok(())
}

/// Name of a section id, for a module or a component.
fn section_name(encoding: Encoding, id: u8) -> &'static str {
    match (encoding, id) {
        (_, 0) => "custom",
        (Encoding::Module, 1) => "type",
        (Encoding::Module, 2) => "import",
        (Encoding::Module, 3) => "function",
        (Encoding::Module, 4) => "table",
        (Encoding::Module, 5) => "memory",
        (Encoding::Module, 6) => "global",
        (Encoding::Module, 7) => "export",
        (Encoding::Module, 8) => "start",
        (Encoding::Module, 9) => "element",
        (Encoding::Module, 10) => "code",
        (Encoding::Module, 11) => "data",
        (Encoding::Module, 12) => "datacount",
        (Encoding::Module, 13) => "tag",
        (Encoding::Component, 1) => "core module",
        (Encoding::Component, 2) => "core instance",
        (Encoding::Component, 3) => "core type",
        (Encoding::Component, 4) => "component",
        (Encoding::Component, 5) => "instance",
        (Encoding::Component, 6) => "alias",
        (Encoding::Component, 7) => "type",
        (Encoding::Component, 8) => "canon",
        (Encoding::Component, 9) => "start",
        (Encoding::Component, 10) => "import",
        (Encoding::Component, 11) => "export",
        (Encoding::Component, 12) => "value",
        _ => "unknown",
    }
}

/// The index spaces of the outer core module, in index order (imports first), as far
/// as the export types need them.
#[derive(Default)]
struct Spaces {
    /// Every type of the type section: `Some` for a function type.
    types: Vec<Option<FuncType>>,
    /// The type index of each function.
    funcs: Vec<u32>,
    tables: Vec<TableType>,
    memories: Vec<MemoryType>,
    globals: Vec<GlobalType>,
    /// The type index of each tag.
    tags: Vec<u32>,
}

impl Spaces {
    fn signature(&self, type_index: u32) -> Option<Signature> {
        let func = self.types.get(type_index as usize)?.as_ref()?;
        Some(Signature {
            params: func.params().iter().map(ToString::to_string).collect(),
            results: func.results().iter().map(ToString::to_string).collect(),
        })
    }

    fn extern_type(&self, ty: &TypeRef) -> ExternType {
        match ty {
            TypeRef::Func(index) | TypeRef::FuncExact(index) => {
                ExternType::Func(self.signature(*index))
            }
            TypeRef::Table(t) => table(t),
            TypeRef::Memory(m) => memory(m),
            TypeRef::Global(g) => global(g),
            TypeRef::Tag(t) => ExternType::Tag(self.signature(t.func_type_idx)),
        }
    }

    fn add(&mut self, ty: &TypeRef) {
        match ty {
            TypeRef::Func(index) | TypeRef::FuncExact(index) => self.funcs.push(*index),
            TypeRef::Table(t) => self.tables.push(*t),
            TypeRef::Memory(m) => self.memories.push(*m),
            TypeRef::Global(g) => self.globals.push(*g),
            TypeRef::Tag(t) => self.tags.push(t.func_type_idx),
        }
    }

    /// The type of export `index` of `kind`; `None` for an index out of range.
    fn export_type(&self, kind: wasmparser::ExternalKind, index: u32) -> Option<ExternType> {
        use wasmparser::ExternalKind as K;
        let i = index as usize;
        Some(match kind {
            K::Func | K::FuncExact => ExternType::Func(self.signature(*self.funcs.get(i)?)),
            K::Table => table(self.tables.get(i)?),
            K::Memory => memory(self.memories.get(i)?),
            K::Global => global(self.globals.get(i)?),
            K::Tag => ExternType::Tag(self.signature(*self.tags.get(i)?)),
        })
    }
}

fn table(t: &TableType) -> ExternType {
    ExternType::Table {
        element: t.element_type.to_string(),
        limits: Limits {
            min: t.initial,
            max: t.maximum,
        },
        table64: t.table64,
        shared: t.shared,
    }
}

fn memory(m: &MemoryType) -> ExternType {
    ExternType::Memory {
        limits: Limits {
            min: m.initial,
            max: m.maximum,
        },
        shared: m.shared,
        memory64: m.memory64,
        // A log2 of 64 or more is invalid; the validator says so, this must not shift.
        page_size: 1u64.checked_shl(m.page_size_log2()).unwrap_or(0),
    }
}

fn global(g: &GlobalType) -> ExternType {
    ExternType::Global {
        value: g.content_type.to_string(),
        mutable: g.mutable,
        shared: g.shared,
    }
}

fn component_kind(kind: wasmparser::ComponentExternalKind) -> ComponentKind {
    use wasmparser::ComponentExternalKind as K;
    match kind {
        K::Module => ComponentKind::Module,
        K::Func => ComponentKind::Func,
        K::Value => ComponentKind::Value,
        K::Type => ComponentKind::Type,
        K::Instance => ComponentKind::Instance,
        K::Component => ComponentKind::Component,
    }
}

fn component_type_kind(ty: &wasmparser::ComponentTypeRef) -> ComponentKind {
    use wasmparser::ComponentTypeRef as T;
    match ty {
        T::Module(_) => ComponentKind::Module,
        T::Func(_) => ComponentKind::Func,
        T::Value(_) => ComponentKind::Value,
        T::Type(_) => ComponentKind::Type,
        T::Instance(_) => ComponentKind::Instance,
        T::Component(_) => ComponentKind::Component,
    }
}

/// The walk's state: the inspection it fills in, and what it needs on the way.
struct Walk<'a> {
    out: Inspection,
    spaces: Spaces,
    encoding: Encoding,
    /// 0 before the outer header, 1 inside the outer binary, 2+ inside nested ones.
    depth: u32,
    /// Where the next outer section starts (its id byte).
    next_section: u64,
    /// For each open binary, the index in `out.nested` of the nested one (`None` for
    /// the outer binary).
    open: Vec<Option<usize>>,
    /// The nested binary whose header comes next.
    pending: Option<usize>,
    /// Body size of each defined function, in order.
    bodies: Vec<u64>,
    /// Function names, borrowed from the input until the end.
    names: BTreeMap<u32, &'a str>,
}

impl<'a> Walk<'a> {
    fn new(size: u64) -> Self {
        Walk {
            out: Inspection {
                kind: Kind::NotWasm,
                size,
                version: None,
                sections: Vec::new(),
                nested: Vec::new(),
                imports: Vec::new(),
                exports: Vec::new(),
                component_imports: Vec::new(),
                component_exports: Vec::new(),
                module_name: None,
                function_names: Vec::new(),
                function_name_count: 0,
                producers: Vec::new(),
                target_features: Vec::new(),
                imported_functions: 0,
                defined_functions: 0,
                code_size: 0,
                largest_functions: Vec::new(),
                error: None,
                validation: Validation::default(),
            },
            spaces: Spaces::default(),
            encoding: Encoding::Module,
            depth: 0,
            next_section: 8,
            open: Vec::new(),
            pending: None,
            bodies: Vec::new(),
            names: BTreeMap::new(),
        }
    }

    fn payload(&mut self, payload: Payload<'a>) -> Result<(), BinaryReaderError> {
        match &payload {
            Payload::Version { num, encoding, .. } => {
                self.depth += 1;
                self.open.push(self.pending.take());
                if self.depth == 1 {
                    self.encoding = *encoding;
                    self.out.version = Some(*num);
                    self.out.kind = match encoding {
                        Encoding::Module => Kind::Module,
                        Encoding::Component => Kind::Component,
                    };
                }
                return Ok(());
            }
            Payload::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                self.open.pop();
                return Ok(());
            }
            _ => {}
        }
        if let Payload::ModuleSection {
            unchecked_range, ..
        }
        | Payload::ComponentSection {
            unchecked_range, ..
        } = &payload
        {
            let kind = match payload {
                Payload::ModuleSection { .. } => Kind::Module,
                _ => Kind::Component,
            };
            self.pending = Some(self.out.nested.len());
            self.out.nested.push(Nested {
                kind,
                depth: self.depth,
                offset: unchecked_range.start,
                size: unchecked_range.end.saturating_sub(unchecked_range.start),
                name: None,
            });
        }
        if self.depth == 1 {
            self.outer_section(&payload);
            self.outer_payload(payload)
        } else {
            self.nested_payload(payload);
            Ok(())
        }
    }

    fn outer_section(&mut self, payload: &Payload<'a>) {
        let Some((id, range)) = payload.as_section() else {
            return;
        };
        let name = match payload {
            Payload::CustomSection(c) => c.name().to_owned(),
            _ => section_name(self.encoding, id).to_owned(),
        };
        let offset = self.next_section.min(range.start);
        self.out.sections.push(Section {
            id,
            name,
            custom: id == 0,
            offset,
            size: range.end.saturating_sub(offset),
            content_offset: range.start,
            content_size: range.end.saturating_sub(range.start),
        });
        self.next_section = range.end;
    }

    fn outer_payload(&mut self, payload: Payload<'a>) -> Result<(), BinaryReaderError> {
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group?.into_types() {
                        self.spaces.types.push(match sub.composite_type.inner {
                            CompositeInnerType::Func(f) => Some(f),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        self.out.imported_functions += 1;
                    }
                    let ty = self.spaces.extern_type(&import.ty);
                    self.spaces.add(&import.ty);
                    self.out.imports.push(Import {
                        module: import.module.to_owned(),
                        name: import.name.to_owned(),
                        ty,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    self.spaces.funcs.push(ty?);
                    self.out.defined_functions += 1;
                }
            }
            Payload::TableSection(reader) => {
                for t in reader {
                    self.spaces.tables.push(t?.ty);
                }
            }
            Payload::MemorySection(reader) => {
                for m in reader {
                    self.spaces.memories.push(m?);
                }
            }
            Payload::GlobalSection(reader) => {
                for g in reader {
                    self.spaces.globals.push(g?.ty);
                }
            }
            Payload::TagSection(reader) => {
                for t in reader {
                    self.spaces.tags.push(t?.func_type_idx);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    let ty = self
                        .spaces
                        .export_type(export.kind, export.index)
                        .unwrap_or(match export.kind {
                            // Out of range: the validator reports it; show the kind.
                            wasmparser::ExternalKind::Tag => ExternType::Tag(None),
                            _ => ExternType::Func(None),
                        });
                    self.out.exports.push(Export {
                        name: export.name.to_owned(),
                        index: export.index,
                        ty,
                    });
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                let size = range.end.saturating_sub(range.start);
                self.bodies.push(size);
                self.out.code_size += size;
            }
            Payload::ComponentImportSection(reader) => {
                for import in reader {
                    let import = import?;
                    self.out.component_imports.push(ComponentItem {
                        name: import.name.full_name().into_owned(),
                        kind: component_type_kind(&import.ty),
                    });
                }
            }
            Payload::ComponentExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    self.out.component_exports.push(ComponentItem {
                        name: export.name.full_name().into_owned(),
                        kind: component_kind(export.kind),
                    });
                }
            }
            Payload::CustomSection(custom) => self.custom(&custom),
            _ => {}
        }
        Ok(())
    }

    /// Inside a nested binary, only its module name is wanted.
    fn nested_payload(&mut self, payload: Payload<'a>) {
        let (Some(Some(index)), Payload::CustomSection(custom)) = (self.open.last(), &payload)
        else {
            return;
        };
        if let KnownCustom::Name(reader) = custom.as_known() {
            for name in reader.flatten() {
                if let Name::Module { name, .. } = name {
                    self.out.nested[*index].name = Some(name.to_owned());
                }
            }
        }
    }

    /// A custom section of the outer binary. A malformed one keeps what decoded
    /// before the fault: custom sections do not affect validity.
    fn custom(&mut self, custom: &wasmparser::CustomSectionReader<'a>) {
        match custom.as_known() {
            KnownCustom::Name(reader) => {
                for name in reader.flatten() {
                    match name {
                        Name::Module { name, .. } => self.out.module_name = Some(name.to_owned()),
                        Name::Function(map) => {
                            for naming in map.flatten() {
                                self.names.insert(naming.index, naming.name);
                            }
                        }
                        _ => {}
                    }
                }
            }
            KnownCustom::ComponentName(reader) => {
                for name in reader.flatten() {
                    if let wasmparser::ComponentName::Component { name, .. } = name {
                        self.out.module_name = Some(name.to_owned());
                    }
                }
            }
            KnownCustom::Producers(reader) => {
                for field in reader.into_iter().flatten() {
                    for value in field.values.into_iter().flatten() {
                        self.out.producers.push(Producer {
                            field: field.name.to_owned(),
                            name: value.name.to_owned(),
                            version: value.version.to_owned(),
                        });
                    }
                }
            }
            _ if custom.name() == "target_features" => {
                self.out.target_features = target_features(custom.data(), custom.data_offset());
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Inspection {
        let imported = self.out.imported_functions;
        let mut order: Vec<usize> = (0..self.bodies.len()).collect();
        // Largest first; equal sizes by index, so the order is stable.
        order.sort_by(|&a, &b| self.bodies[b].cmp(&self.bodies[a]).then(a.cmp(&b)));
        self.out.largest_functions = order
            .into_iter()
            .take(TOP_FUNCTIONS)
            .map(|i| {
                let index = imported.saturating_add(i as u32);
                FunctionSize {
                    index,
                    name: self
                        .names
                        .get(&index)
                        .map_or_else(|| format!("func[{index}]"), |n| (*n).to_owned()),
                    size: self.bodies[i],
                }
            })
            .collect();
        self.out.function_name_count = self.names.len() as u32;
        self.out.function_names = self
            .names
            .iter()
            .take(MAX_NAMES)
            .map(|(i, n)| (*i, (*n).to_owned()))
            .collect();
        self.out
    }
}

/// The `target_features` section: a count, then entries of a prefix byte and a name.
/// Stops quietly at the first malformed entry.
fn target_features(data: &[u8], offset: u64) -> Vec<TargetFeature> {
    let mut reader = BinaryReader::new(data, offset);
    let mut out = Vec::new();
    let Ok(count) = reader.read_var_u32() else {
        return out;
    };
    for _ in 0..count {
        let (Ok(prefix), Ok(name)) = (reader.read_u8(), reader.read_string()) else {
            break;
        };
        out.push(TargetFeature {
            prefix: char::from(prefix),
            name: name.to_owned(),
        });
    }
    out
}

/// The structure of `bytes`, without validation: see [`inspect`](super::inspect).
pub fn structure(bytes: &[u8]) -> Inspection {
    let mut walk = Walk::new(bytes.len() as u64);
    if let Err(error) = preamble(bytes) {
        walk.out.error = Some(error);
        return walk.finish();
    }
    for payload in Parser::new(0).parse_all(bytes) {
        if let Err(e) = payload.and_then(|p| walk.payload(p)) {
            walk.out.error = Some(problem(&e, false));
            break;
        }
    }
    walk.finish()
}
