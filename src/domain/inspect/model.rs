//! What an inspection finds, as plain data: the worker sends it to the page (serde), the
//! page renders it. Everything is owned, so it crosses the worker boundary whole.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What the bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A core WebAssembly module (version 1).
    Module,
    /// A component (the component model's binary, layer 1).
    Component,
    /// Not WebAssembly at all: empty, or no `\0asm` magic.
    NotWasm,
}

/// Why bytes could not be read, or did not validate: a category the page translates,
/// with wasmparser's own message (English) as the detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProblemKind {
    /// No bytes at all.
    Empty,
    /// No WebAssembly magic number at the start.
    NotWasm,
    /// The bytes end in the middle of something (a cut download, a truncated file).
    Truncated,
    /// The binary cannot be decoded: bad lengths, unknown opcodes, bad UTF-8…
    Malformed,
    /// The binary decodes but the validator rejects it (types, indices, features).
    Invalid,
}

/// A decoding or validation error at a byte offset of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WasmError {
    pub kind: ProblemKind,
    /// From the start of the bytes given to [`inspect`](super::inspect).
    pub offset: u64,
    /// wasmparser's message, without its "(at offset …)" suffix.
    pub message: String,
}

impl fmt::Display for WasmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {:#x})", self.message, self.offset)
    }
}

/// One section of the outer module or component, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The id byte (0 for custom sections). Core and component ids overlap: read it
    /// with the inspection's [`Kind`].
    pub id: u8,
    /// `type`, `code`… for known ids, the custom section's own name for id 0.
    pub name: String,
    pub custom: bool,
    /// Where the section starts (its id byte) and how many bytes it takes with its
    /// header: the sizes of all sections plus 8 for the preamble add up to the file.
    pub offset: u64,
    pub size: u64,
    /// Where its contents start, after the id and the size, and their length.
    pub content_offset: u64,
    pub content_size: u64,
}

/// A core module or component nested in a component, at any depth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nested {
    /// [`Kind::Module`] or [`Kind::Component`].
    pub kind: Kind,
    /// 1 for a direct child of the outer component, 2 for a grandchild…
    pub depth: u32,
    /// Its bytes in the outer file: open them with [`nested`](super::nested) or
    /// [`Nested::bytes`], and inspect them as a file of their own.
    pub offset: u64,
    pub size: u64,
    /// The module name from its own `name` section, when it has one.
    pub name: Option<String>,
}

impl Nested {
    /// Its bytes in `outer` (the bytes that were inspected), if they are all there.
    pub fn bytes<'a>(&self, outer: &'a [u8]) -> Option<&'a [u8]> {
        let start = usize::try_from(self.offset).ok()?;
        let end = start.checked_add(usize::try_from(self.size).ok()?)?;
        outer.get(start..end)
    }
}

/// A function type as text-ready value types (`i32`, `f64`, `v128`, `funcref`,
/// `(ref null 3)`…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub params: Vec<String>,
    pub results: Vec<String>,
}

impl fmt::Display for Signature {
    /// `(i32, i64) -> f64`; `() -> ()` for no params and no results, and results in
    /// parentheses when there are several: `(i32) -> (i32, i32)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}) -> ", self.params.join(", "))?;
        match self.results.as_slice() {
            [one] => f.write_str(one),
            many => write!(f, "({})", many.join(", ")),
        }
    }
}

/// Initial and maximum size: pages of a memory, elements of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub min: u64,
    pub max: Option<u64>,
}

impl fmt::Display for Limits {
    /// `1`, or `1..16` with a maximum.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) => write!(f, "{}..{max}", self.min),
            None => write!(f, "{}", self.min),
        }
    }
}

/// What an import or export of a core module is, with its type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExternType {
    /// A function; `None` when its type index points at no function type (an invalid
    /// module).
    Func(Option<Signature>),
    Table {
        element: String,
        limits: Limits,
        table64: bool,
        shared: bool,
    },
    Memory {
        /// In pages.
        limits: Limits,
        shared: bool,
        memory64: bool,
        /// Bytes per page: 65 536 unless the custom-page-sizes proposal says otherwise.
        page_size: u64,
    },
    Global {
        value: String,
        mutable: bool,
        shared: bool,
    },
    /// An exception tag, with the parameters it carries.
    Tag(Option<Signature>),
}

impl ExternType {
    /// `func`, `table`, `memory`, `global` or `tag`.
    pub fn kind(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "func",
            ExternType::Table { .. } => "table",
            ExternType::Memory { .. } => "memory",
            ExternType::Global { .. } => "global",
            ExternType::Tag(_) => "tag",
        }
    }
}

impl fmt::Display for ExternType {
    /// The type in a line: `(i32) -> i32`, `memory 1..16 shared i64`, `funcref 2`,
    /// `mut i64`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExternType::Func(Some(sig)) | ExternType::Tag(Some(sig)) => sig.fmt(f),
            ExternType::Func(None) | ExternType::Tag(None) => f.write_str("?"),
            ExternType::Table {
                element,
                limits,
                table64,
                shared,
            } => {
                write!(f, "{element} {limits}")?;
                if *table64 {
                    f.write_str(" i64")?;
                }
                if *shared {
                    f.write_str(" shared")?;
                }
                Ok(())
            }
            ExternType::Memory {
                limits,
                shared,
                memory64,
                page_size,
            } => {
                write!(f, "{limits} pages")?;
                if *page_size != 65_536 {
                    write!(f, " of {page_size} bytes")?;
                }
                if *memory64 {
                    f.write_str(" i64")?;
                }
                if *shared {
                    f.write_str(" shared")?;
                }
                Ok(())
            }
            ExternType::Global {
                value,
                mutable,
                shared,
            } => {
                if *shared {
                    f.write_str("shared ")?;
                }
                if *mutable {
                    f.write_str("mut ")?;
                }
                f.write_str(value)
            }
        }
    }
}

/// An import of a core module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub ty: ExternType,
}

/// An export of a core module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub name: String,
    /// The index in its kind's index space (imports first).
    pub index: u32,
    pub ty: ExternType,
}

/// What a component's import or export is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComponentKind {
    Module,
    Func,
    Value,
    Type,
    Instance,
    Component,
}

impl ComponentKind {
    pub fn name(self) -> &'static str {
        match self {
            ComponentKind::Module => "module",
            ComponentKind::Func => "func",
            ComponentKind::Value => "value",
            ComponentKind::Type => "type",
            ComponentKind::Instance => "instance",
            ComponentKind::Component => "component",
        }
    }
}

/// A component-level import or export: `wasi:cli/stdout@0.2.0` (an instance), `run`
/// (a function)…; its full type is in the WIT text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentItem {
    pub name: String,
    pub kind: ComponentKind,
}

/// One value of a `producers` field: `rustc` `1.95.0 (…)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Producer {
    /// `language`, `processed-by` or `sdk` (or another field a tool wrote).
    pub field: String,
    pub name: String,
    pub version: String,
}

/// One entry of the `target_features` section that LLVM writes: `+simd128`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetFeature {
    /// `+` used, `-` disallowed, `=` required (the last is obsolete).
    pub prefix: char,
    pub name: String,
}

/// A function and the size of its body in the code section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionSize {
    /// Its index in the function index space (imported functions come first).
    pub index: u32,
    /// From the `name` section, or `func[index]`.
    pub name: String,
    /// Bytes of the body, locals included, without its length prefix.
    pub size: u64,
}

/// How a needed feature was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Evidence {
    /// The validator rejects the binary without it.
    Validator,
    /// An imported or exported function or global has an `i64`, which JavaScript
    /// passes as a BigInt.
    JsBoundary,
}

/// A feature the binary needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeededFeature {
    /// The lab's id ([`FEATURES`](crate::data::wasm_features::FEATURES)) when the lab
    /// detects it, else the proposal's usual name (`wide-arithmetic`…).
    pub id: String,
    /// Whether `id` is one of the lab's, so the page can say if this browser has it.
    pub in_lab: bool,
    pub evidence: Evidence,
    /// Where the validator first asked for it, when it said.
    pub offset: Option<u64>,
}

/// The validator's verdict and what the binary needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validation {
    /// The first error with every feature on; `None` when valid.
    pub error: Option<WasmError>,
    /// What the binary needs, for a valid binary; `None` for an invalid one (what it
    /// would need is unknowable).
    pub features: Option<Vec<NeededFeature>>,
}

/// Everything [`inspect`](super::inspect) finds. A decoding error stops the walk but
/// keeps what came before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub kind: Kind,
    /// Bytes in the input.
    pub size: u64,
    /// The header's version: 1 for a module, 13 (`0x0d`) for a component.
    pub version: Option<u16>,
    /// The outer binary's sections in order (not those of nested modules).
    pub sections: Vec<Section>,
    /// For a component: the core modules and components in it, depth first.
    pub nested: Vec<Nested>,
    /// For a core module.
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    /// For a component.
    pub component_imports: Vec<ComponentItem>,
    pub component_exports: Vec<ComponentItem>,
    /// From the `name` section (`component-name` for a component).
    pub module_name: Option<String>,
    /// Function names from the `name` section, by index, at most
    /// [`MAX_NAMES`](super::MAX_NAMES) of them; `function_name_count` says how many
    /// there are.
    pub function_names: Vec<(u32, String)>,
    pub function_name_count: u32,
    pub producers: Vec<Producer>,
    pub target_features: Vec<TargetFeature>,
    /// Functions imported and defined in a core module, and the bytes of their bodies.
    pub imported_functions: u32,
    pub defined_functions: u32,
    pub code_size: u64,
    /// The largest bodies, largest first, at most [`TOP_FUNCTIONS`](super::TOP_FUNCTIONS).
    pub largest_functions: Vec<FunctionSize>,
    /// The decoding error that stopped the walk, if any.
    pub error: Option<WasmError>,
    pub validation: Validation,
}

impl Inspection {
    /// No error of any kind: it decodes and validates.
    pub fn is_valid(&self) -> bool {
        self.kind != Kind::NotWasm && self.error.is_none() && self.validation.error.is_none()
    }

    /// The first problem to show: the decoding error, else the validation error.
    pub fn problem(&self) -> Option<&WasmError> {
        self.error.as_ref().or(self.validation.error.as_ref())
    }
}
