//! Running a component on an engine that knows core modules only (a browser's
//! `WebAssembly`, or `wasmi` in the tests).
//!
//! [`plan`] reads the component once: its core modules, the core instances to make
//! from them and what each is given, the imports it lowers into core functions, the
//! functions it lifts and exports. [`Linked::instantiate`] carries the plan out on an
//! [`Engine`]; [`Linked::call`] calls an export with component values through the
//! canonical ABI ([`super::abi`]). Lowered imports arrive at a [`Dispatch`], which
//! lifts their arguments, asks an [`Imports`] host and lowers its answer.
//!
//! What is not run yet is refused by name before anything runs: nested components
//! instantiated inside the component, a component start function, async and
//! thread built-ins. Resource built-ins (`resource.new`, `resource.drop`,
//! `resource.rep`) are made, and trap with their name if called.

use super::abi::{self, AbiError, Encoding, Guest, Handles, Side};
use super::types::{FuncTy, Resources};
use super::val::{self, Val};
use crate::domain::inspect::{NumType, Value};
use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;
use wasmparser::{
    CanonicalFunction, CanonicalOption, ComponentAlias, ComponentExternalKind,
    ComponentOuterAliasKind, ComponentTypeRef, ExternalKind, Instance, Parser, Payload, Validator,
    WasmFeatures,
};

/// An engine's handle to one of its core functions, memories, tables or globals.
pub type Item = u32;

/// What the component's code needs while it runs: memory and calls.
pub trait Access {
    /// `len` bytes at `at` of memory `memory`; `None` past its end.
    fn read(&mut self, memory: Item, at: u32, len: u32) -> Option<Vec<u8>>;
    /// `false` past its end.
    fn write(&mut self, memory: Item, at: u32, bytes: &[u8]) -> bool;
    /// Calls core function `func`, whose results are of types `results` (an engine
    /// without type reflection, the browser's, needs them to read what returned);
    /// `Err` with the engine's words on a trap.
    fn call(
        &mut self,
        func: Item,
        args: &[Value],
        results: &[NumType],
    ) -> Result<Vec<Value>, String>;
}

/// A core engine, as instantiating a component uses it.
pub trait Engine: Access {
    /// Compiles a core module; its handle.
    fn compile(&mut self, bytes: &[u8]) -> Result<u32, String>;
    /// Instantiates `module` with these imports (module name, name, item); its handle.
    fn instantiate(
        &mut self,
        module: u32,
        imports: &[(String, String, Item)],
    ) -> Result<u32, String>;
    /// An export of an instance made by [`Engine::instantiate`].
    fn export(&mut self, instance: u32, name: &str) -> Result<Item, String>;
    /// One host function per signature, in order: function `i` calls
    /// `dispatch.call(i, …)`.
    fn hosts(
        &mut self,
        signatures: &[(Vec<NumType>, Vec<NumType>)],
        dispatch: Rc<Dispatch>,
    ) -> Result<Vec<Item>, String>;
}

/// An imported function, as a component names it: `docs:calc/logger@0.1.0#log`, or
/// a function imported by itself, `log`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub instance: Option<String>,
    pub name: String,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.instance {
            Some(instance) => write!(f, "{instance}#{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// What answers the component's imports.
pub trait Imports {
    fn call(&mut self, target: &Target, ty: &FuncTy, args: Vec<Val>)
    -> Result<Option<Val>, String>;
    /// The calls logged since the last time, and how many calls there were in all
    /// (the log keeps the first [`Stubs::KEEP`]).
    fn take_log(&mut self) -> (Vec<String>, u64);
    /// The guest dropped its handle to `resource`'s representation `rep`.
    fn dropped(&mut self, _resource: &str, _rep: u32) {}
    /// Itself, for the runner to read what the host gathered after a run.
    fn as_any(&mut self) -> &mut dyn std::any::Any;
}

/// Imports answered with a default value of their result type (or a trap, as the
/// reader picks), every call logged with its arguments as WAVE.
#[derive(Debug, Default)]
pub struct Stubs {
    /// Trap rather than return a default; shared, so the reader can change it
    /// while the instance lives.
    pub trap: Rc<std::cell::Cell<bool>>,
    /// The first [`Stubs::KEEP`] calls: `docs:calc/logger@0.1.0#log(0, 5)`.
    pub log: Vec<String>,
    /// Calls in all.
    pub calls: u64,
}

impl Stubs {
    pub const KEEP: usize = 1000;
}

impl Imports for Stubs {
    fn call(
        &mut self,
        target: &Target,
        ty: &FuncTy,
        args: Vec<Val>,
    ) -> Result<Option<Val>, String> {
        self.calls += 1;
        if self.log.len() < Stubs::KEEP {
            let args: Vec<String> = args.iter().map(val::write).collect();
            self.log.push(format!("{target}({})", args.join(", ")));
        }
        if self.trap.get() {
            return Err(format!("{target} is a stub that traps"));
        }
        match &ty.result {
            None => Ok(None),
            Some(t) => t
                .default_value()
                .map(Some)
                .ok_or_else(|| format!("{target} returns a {t}, which a stub cannot make")),
        }
    }

    fn take_log(&mut self) -> (Vec<String>, u64) {
        let calls = std::mem::take(&mut self.calls);
        (std::mem::take(&mut self.log), calls)
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// Where a core item comes from, before anything is instantiated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoreRef {
    /// Host function `i` ([`Plan::hosts`]).
    Host(usize),
    /// An export of planned instance `instance`.
    Export { instance: usize, name: String },
    /// Something the runner does not make (named).
    Unsupported(String),
}

/// A host function: an import lowered, or a built-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostFunc {
    Import {
        target: Target,
        ty: FuncTy,
        memory: Option<CoreRef>,
        realloc: Option<CoreRef>,
        encoding: Encoding,
    },
    /// `resource.drop` of a resource type, by its name.
    Drop(String),
    /// `resource.new`, `resource.rep` (of the component's own resources): made, trap
    /// if called.
    Builtin(&'static str),
}

impl HostFunc {
    fn signature(&self) -> (Vec<NumType>, Vec<NumType>) {
        match self {
            HostFunc::Import { ty, .. } => abi::core_signature(ty, Side::Import),
            HostFunc::Drop(_) => (vec![NumType::I32], Vec::new()),
            HostFunc::Builtin(_) => (vec![NumType::I32], vec![NumType::I32]),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PlannedInstance {
    module: usize,
    imports: Vec<(String, String, CoreRef)>,
}

/// An export the reader can call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Callable {
    /// `["docs:calc/math@0.1.0", "add"]`, or `["greet"]` for a function exported by
    /// itself.
    pub path: Vec<String>,
    pub ty: FuncTy,
    func: CoreRef,
    memory: Option<CoreRef>,
    realloc: Option<CoreRef>,
    post_return: Option<CoreRef>,
    encoding: Encoding,
}

impl Callable {
    /// As people write it: `docs:calc/math@0.1.0#add`.
    pub fn name(&self) -> String {
        self.path.join("#")
    }
}

/// What running a component takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    modules: Vec<Range<usize>>,
    instances: Vec<PlannedInstance>,
    pub hosts: Vec<HostFunc>,
    pub exports: Vec<Callable>,
    /// Exports not offered, with why: `docs:demo/api@0.1.0` (instantiating a nested
    /// component).
    pub skipped: Vec<(String, String)>,
}

impl Plan {
    /// The imports the component calls, in order, each once.
    pub fn imports(&self) -> Vec<(Target, FuncTy)> {
        let mut out: Vec<(Target, FuncTy)> = Vec::new();
        for h in &self.hosts {
            if let HostFunc::Import { target, ty, .. } = h
                && !out.iter().any(|(t, _)| t == target)
            {
                out.push((target.clone(), ty.clone()));
            }
        }
        out
    }
}

/// Why a component cannot be run here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a valid component (a core module, or the validator's message).
    NotComponent(String),
    /// Something the runner does not do yet, named.
    Unsupported(String),
    /// The engine refused (compiling, instantiating) or a start function trapped.
    Engine(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotComponent(m) | LinkError::Unsupported(m) | LinkError::Engine(m) => {
                f.write_str(m)
            }
        }
    }
}

#[derive(Clone, Debug)]
enum CoreInst {
    Planned(usize),
    Bag(Vec<(String, CoreRef)>),
}

#[derive(Clone, Debug)]
enum CFunc {
    Import(Target),
    Lifted(Box<Callable>),
    Unsupported(String),
}

#[derive(Clone, Debug)]
enum CInst {
    Import(String),
    Bag(Vec<(String, CItem)>),
    Unsupported(String),
}

#[derive(Clone, Debug)]
enum CItem {
    Func(usize),
    Instance(usize),
    Other,
}

/// A component or module the reader cannot read, in the reader's words.
fn malformed(e: wasmparser::BinaryReaderError) -> LinkError {
    LinkError::NotComponent(e.message().to_owned())
}

fn unsupported(what: impl Into<String>) -> LinkError {
    LinkError::Unsupported(what.into())
}

/// Reads a component: what running it takes.
pub fn plan(bytes: &[u8]) -> Result<Plan, LinkError> {
    if !wasmparser::Parser::is_component(bytes) {
        return Err(LinkError::NotComponent("not a component".into()));
    }
    let types = Validator::new_with_features(WasmFeatures::all())
        .validate_all(bytes)
        .map_err(malformed)?;
    let types = types.as_ref();

    let mut plan = Plan::default();
    // The component's index spaces, as far as running it needs them.
    let mut modules: Vec<Option<Range<usize>>> = Vec::new();
    let mut core_instances: Vec<CoreInst> = Vec::new();
    let mut core_funcs: Vec<CoreRef> = Vec::new();
    let mut memories: Vec<CoreRef> = Vec::new();
    let mut tables: Vec<CoreRef> = Vec::new();
    let mut globals: Vec<CoreRef> = Vec::new();
    let mut funcs: Vec<CFunc> = Vec::new();
    let mut instances: Vec<CInst> = Vec::new();
    let mut exported: Vec<(String, CItem)> = Vec::new();
    let mut resources = Resources::default();
    // Nested components (their bytes), for the ones that only pass on what they are
    // given (what wit-component writes for a component's exported interfaces).
    let mut components: Vec<Option<Range<usize>>> = Vec::new();

    fn core_export(instances: &[CoreInst], index: u32, name: &str) -> Result<CoreRef, LinkError> {
        match instances.get(index as usize) {
            Some(CoreInst::Planned(i)) => Ok(CoreRef::Export {
                instance: *i,
                name: name.to_owned(),
            }),
            Some(CoreInst::Bag(items)) => items
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.clone())
                .ok_or_else(|| unsupported(format!("core instance {index} has no {name}"))),
            None => Err(unsupported(format!("core instance {index}"))),
        }
    }
    fn get<T: Clone>(space: &[T], index: u32, what: &str) -> Result<T, LinkError> {
        space
            .get(index as usize)
            .cloned()
            .ok_or_else(|| unsupported(format!("{what} {index}")))
    }

    let mut parser = Parser::new(0);
    let mut offset = 0usize;
    loop {
        let (payload, consumed) = match parser.parse(&bytes[offset..], true).map_err(malformed)? {
            wasmparser::Chunk::Parsed { payload, consumed } => (payload, consumed),
            wasmparser::Chunk::NeedMoreData(_) => {
                return Err(LinkError::NotComponent("the component ends early".into()));
            }
        };
        offset += consumed;
        match payload {
            Payload::ModuleSection {
                unchecked_range, ..
            } => {
                let range = unchecked_range.start as usize..unchecked_range.end as usize;
                offset = range.end;
                modules.push(Some(range));
            }
            Payload::ComponentSection {
                unchecked_range, ..
            } => {
                let range = unchecked_range.start as usize..unchecked_range.end as usize;
                offset = range.end;
                components.push(Some(range));
            }
            Payload::InstanceSection(reader) => {
                for instance in reader {
                    let instance = instance.map_err(malformed)?;
                    match instance {
                        Instance::Instantiate { module_index, args } => {
                            let range = get(&modules, module_index, "core module")?
                                .ok_or_else(|| unsupported("an imported core module"))?;
                            let mut imports = Vec::new();
                            for (module, name) in module_imports(&bytes[range.clone()])? {
                                let arg =
                                    args.iter().find(|a| a.name == module).ok_or_else(|| {
                                        unsupported(format!("nothing given for {module}.{name}"))
                                    })?;
                                let item = core_export(&core_instances, arg.index, &name)?;
                                imports.push((module, name, item));
                            }
                            let module = plan.modules.len();
                            plan.modules.push(range);
                            plan.instances.push(PlannedInstance { module, imports });
                            core_instances.push(CoreInst::Planned(plan.instances.len() - 1));
                        }
                        Instance::FromExports(exports) => {
                            let mut items = Vec::new();
                            for e in exports.iter() {
                                let space = match e.kind {
                                    ExternalKind::Func | ExternalKind::FuncExact => &core_funcs,
                                    ExternalKind::Memory => &memories,
                                    ExternalKind::Table => &tables,
                                    ExternalKind::Global => &globals,
                                    ExternalKind::Tag => {
                                        return Err(unsupported("an exception tag"));
                                    }
                                };
                                items.push((e.name.to_owned(), get(space, e.index, "core item")?));
                            }
                            core_instances.push(CoreInst::Bag(items));
                        }
                    }
                }
            }
            Payload::ComponentImportSection(reader) => {
                for import in reader {
                    let import = import.map_err(malformed)?;
                    let name = import.name.name.to_owned();
                    resources.add_import(types, &name);
                    match import.ty {
                        ComponentTypeRef::Func(_) => funcs.push(CFunc::Import(Target {
                            instance: None,
                            name,
                        })),
                        ComponentTypeRef::Instance(_) => instances.push(CInst::Import(name)),
                        ComponentTypeRef::Module(_) => modules.push(None),
                        ComponentTypeRef::Component(_) => components.push(None),
                        _ => {}
                    }
                }
            }
            Payload::ComponentAliasSection(reader) => {
                for alias in reader {
                    let alias = alias.map_err(malformed)?;
                    match alias {
                        ComponentAlias::InstanceExport {
                            kind,
                            instance_index,
                            name,
                        } => {
                            let from = get(&instances, instance_index, "instance")?;
                            let item = match &from {
                                CInst::Bag(items) => items
                                    .iter()
                                    .find(|(n, _)| n == name)
                                    .map(|(_, i)| i.clone()),
                                _ => None,
                            };
                            match kind {
                                ComponentExternalKind::Func => funcs.push(match (&from, item) {
                                    (CInst::Import(instance), _) => CFunc::Import(Target {
                                        instance: Some(instance.clone()),
                                        name: name.to_owned(),
                                    }),
                                    (_, Some(CItem::Func(i))) => get(&funcs, i as u32, "func")?,
                                    (CInst::Unsupported(why), _) => CFunc::Unsupported(why.clone()),
                                    _ => CFunc::Unsupported(format!("function {name}")),
                                }),
                                ComponentExternalKind::Instance => {
                                    instances.push(match (&from, item) {
                                        (_, Some(CItem::Instance(i))) => {
                                            get(&instances, i as u32, "instance")?
                                        }
                                        (CInst::Import(outer), _) => {
                                            CInst::Import(format!("{outer}#{name}"))
                                        }
                                        (CInst::Unsupported(why), _) => {
                                            CInst::Unsupported(why.clone())
                                        }
                                        _ => CInst::Unsupported(format!("instance {name}")),
                                    })
                                }
                                ComponentExternalKind::Module => modules.push(None),
                                ComponentExternalKind::Component => components.push(None),
                                _ => {}
                            }
                        }
                        ComponentAlias::CoreInstanceExport {
                            kind,
                            instance_index,
                            name,
                        } => {
                            let item = core_export(&core_instances, instance_index, name)?;
                            match kind {
                                ExternalKind::Func | ExternalKind::FuncExact => {
                                    core_funcs.push(item)
                                }
                                ExternalKind::Memory => memories.push(item),
                                ExternalKind::Table => tables.push(item),
                                ExternalKind::Global => globals.push(item),
                                ExternalKind::Tag => {
                                    return Err(unsupported("an exception tag"));
                                }
                            }
                        }
                        ComponentAlias::Outer { kind, .. } => match kind {
                            ComponentOuterAliasKind::CoreModule => modules.push(None),
                            ComponentOuterAliasKind::Component => components.push(None),
                            _ => {}
                        },
                    }
                }
            }
            Payload::ComponentCanonicalSection(reader) => {
                for canon in reader {
                    let canon = canon.map_err(malformed)?;
                    match canon {
                        CanonicalFunction::Lift {
                            core_func_index,
                            options,
                            ..
                        } => {
                            let func = get(&core_funcs, core_func_index, "core func")?;
                            let o = read_options(&options, &memories, &core_funcs)?;
                            let ty = FuncTy::read(
                                types,
                                types.component_function_at(funcs.len() as u32),
                                &resources,
                            );
                            funcs.push(CFunc::Lifted(Box::new(Callable {
                                path: Vec::new(),
                                ty,
                                func,
                                memory: o.memory,
                                realloc: o.realloc,
                                post_return: o.post_return,
                                encoding: o.encoding,
                            })));
                        }
                        CanonicalFunction::Lower {
                            func_index,
                            options,
                        } => {
                            let target = match get(&funcs, func_index, "func")? {
                                CFunc::Import(target) => target,
                                CFunc::Lifted(_) => {
                                    return Err(unsupported(
                                        "a component calling a function it lifts itself",
                                    ));
                                }
                                CFunc::Unsupported(why) => return Err(unsupported(why)),
                            };
                            let o = read_options(&options, &memories, &core_funcs)?;
                            let ty = FuncTy::read(
                                types,
                                types.component_function_at(func_index),
                                &resources,
                            );
                            core_funcs.push(CoreRef::Host(plan.hosts.len()));
                            plan.hosts.push(HostFunc::Import {
                                target,
                                ty,
                                memory: o.memory,
                                realloc: o.realloc,
                                encoding: o.encoding,
                            });
                        }
                        CanonicalFunction::ResourceNew { .. } => {
                            core_funcs.push(CoreRef::Host(plan.hosts.len()));
                            plan.hosts.push(HostFunc::Builtin("resource.new"));
                        }
                        CanonicalFunction::ResourceDrop { resource } => {
                            core_funcs.push(CoreRef::Host(plan.hosts.len()));
                            plan.hosts
                                .push(HostFunc::Drop(resources.at(types, resource)));
                        }
                        CanonicalFunction::ResourceRep { .. } => {
                            core_funcs.push(CoreRef::Host(plan.hosts.len()));
                            plan.hosts.push(HostFunc::Builtin("resource.rep"));
                        }
                        other => {
                            let name = format!("{other:?}");
                            let name = name.split([' ', '{', '(']).next().unwrap_or("").to_owned();
                            core_funcs.push(CoreRef::Unsupported(format!("canon {name}")));
                        }
                    }
                }
            }
            Payload::ComponentInstanceSection(reader) => {
                for instance in reader {
                    let instance = instance.map_err(malformed)?;
                    match instance {
                        wasmparser::ComponentInstance::Instantiate {
                            component_index,
                            args,
                        } => {
                            let given: Vec<(String, CItem)> = args
                                .iter()
                                .map(|a| (a.name.to_owned(), item(a.kind, a.index)))
                                .collect();
                            let passed = components
                                .get(component_index as usize)
                                .cloned()
                                .flatten()
                                .and_then(|range| bytes.get(range))
                                .and_then(|nested| passes_on(nested, &given));
                            instances.push(match passed {
                                Some(items) => CInst::Bag(items),
                                None => {
                                    CInst::Unsupported("instantiating a nested component".into())
                                }
                            });
                        }
                        wasmparser::ComponentInstance::FromExports(exports) => {
                            let items = exports
                                .iter()
                                .map(|e| (e.name.name.to_owned(), item(e.kind, e.index)))
                                .collect();
                            instances.push(CInst::Bag(items));
                        }
                    }
                }
            }
            Payload::ComponentExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(malformed)?;
                    // An export is a new index in its space.
                    match export.kind {
                        ComponentExternalKind::Func => {
                            funcs.push(get(&funcs, export.index, "func")?);
                            exported
                                .push((export.name.name.to_owned(), CItem::Func(funcs.len() - 1)));
                        }
                        ComponentExternalKind::Instance => {
                            instances.push(get(&instances, export.index, "instance")?);
                            exported.push((
                                export.name.name.to_owned(),
                                CItem::Instance(instances.len() - 1),
                            ));
                        }
                        ComponentExternalKind::Module => modules.push(None),
                        ComponentExternalKind::Component => {
                            let same = get(&components, export.index, "component")?;
                            components.push(same);
                        }
                        _ => {}
                    }
                }
            }
            Payload::ComponentStartSection { .. } => {
                return Err(unsupported("a component start function"));
            }
            Payload::End(_) => break,
            _ => {}
        }
    }

    // The functions the reader can call: lifted ones, exported by themselves or in
    // an exported instance (to any depth).
    fn collect(
        path: Vec<String>,
        item: &CItem,
        funcs: &[CFunc],
        instances: &[CInst],
        out: &mut Vec<Callable>,
    ) {
        match item {
            CItem::Func(i) => {
                if let Some(CFunc::Lifted(c)) = funcs.get(*i) {
                    let mut c = (**c).clone();
                    c.path = path;
                    out.push(c);
                }
            }
            CItem::Instance(i) => {
                if let Some(CInst::Bag(items)) = instances.get(*i) {
                    for (name, item) in items {
                        let mut p = path.clone();
                        p.push(name.clone());
                        collect(p, item, funcs, instances, out);
                    }
                }
            }
            CItem::Other => {}
        }
    }
    for (name, item) in &exported {
        collect(
            vec![name.clone()],
            item,
            &funcs,
            &instances,
            &mut plan.exports,
        );
        let why = match item {
            CItem::Instance(i) => match instances.get(*i) {
                Some(CInst::Unsupported(why)) => Some(why.clone()),
                _ => None,
            },
            CItem::Func(i) => match funcs.get(*i) {
                Some(CFunc::Unsupported(why)) => Some(why.clone()),
                _ => None,
            },
            CItem::Other => None,
        };
        if let Some(why) = why {
            plan.skipped.push((name.clone(), why));
        }
    }
    // Everything a core instance is given must be something we make.
    for instance in &plan.instances {
        for (module, name, item) in &instance.imports {
            if let CoreRef::Unsupported(what) = item {
                return Err(unsupported(format!("{what} (imported as {module}.{name})")));
            }
        }
    }
    Ok(plan)
}

/// What a nested component exports when it only passes on what it is given (its
/// imports, by the names of `given`, exported again, maybe under other names or
/// types): each export as the item given for it. `None` for one that does more (has
/// core modules, instances or functions of its own), which the runner does not run.
fn passes_on(bytes: &[u8], given: &[(String, CItem)]) -> Option<Vec<(String, CItem)>> {
    let mut funcs: Vec<CItem> = Vec::new();
    let mut instances: Vec<CItem> = Vec::new();
    let mut out = Vec::new();
    let mut depth = 0usize;
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.ok()?;
        match payload {
            Payload::ModuleSection { .. } | Payload::ComponentSection { .. } => return None,
            Payload::End(_) if depth == 0 => break,
            Payload::End(_) => depth -= 1,
            Payload::ComponentImportSection(reader) => {
                for import in reader {
                    let import = import.ok()?;
                    let arg = given
                        .iter()
                        .find(|(n, _)| n == import.name.name)
                        .map(|(_, i)| i.clone());
                    match import.ty {
                        ComponentTypeRef::Func(_) => funcs.push(arg?),
                        ComponentTypeRef::Instance(_) => instances.push(arg?),
                        ComponentTypeRef::Type(_) | ComponentTypeRef::Value(_) => {}
                        _ => return None,
                    }
                }
            }
            Payload::ComponentExportSection(reader) => {
                for export in reader {
                    let export = export.ok()?;
                    let item = match export.kind {
                        ComponentExternalKind::Func => {
                            let f = funcs.get(export.index as usize)?.clone();
                            funcs.push(f.clone());
                            f
                        }
                        ComponentExternalKind::Instance => {
                            let i = instances.get(export.index as usize)?.clone();
                            instances.push(i.clone());
                            i
                        }
                        ComponentExternalKind::Type => continue,
                        _ => return None,
                    };
                    out.push((export.name.name.to_owned(), item));
                }
            }
            // Aliases of types only: one that makes a function or an instance would
            // move the indices counted here.
            Payload::ComponentAliasSection(reader) => {
                for alias in reader {
                    match alias.ok()? {
                        ComponentAlias::InstanceExport {
                            kind: ComponentExternalKind::Type,
                            ..
                        }
                        | ComponentAlias::Outer {
                            kind: ComponentOuterAliasKind::Type | ComponentOuterAliasKind::CoreType,
                            ..
                        } => {}
                        _ => return None,
                    }
                }
            }
            Payload::ComponentTypeSection(_)
            | Payload::CustomSection(_)
            | Payload::Version { .. } => {}
            _ => return None,
        }
    }
    Some(out)
}

fn item(kind: ComponentExternalKind, index: u32) -> CItem {
    match kind {
        ComponentExternalKind::Func => CItem::Func(index as usize),
        ComponentExternalKind::Instance => CItem::Instance(index as usize),
        _ => CItem::Other,
    }
}

struct Options {
    memory: Option<CoreRef>,
    realloc: Option<CoreRef>,
    post_return: Option<CoreRef>,
    encoding: Encoding,
}

fn read_options(
    options: &[CanonicalOption],
    memories: &[CoreRef],
    core_funcs: &[CoreRef],
) -> Result<Options, LinkError> {
    let mut o = Options {
        memory: None,
        realloc: None,
        post_return: None,
        encoding: Encoding::Utf8,
    };
    let at = |space: &[CoreRef], i: u32| {
        space
            .get(i as usize)
            .cloned()
            .ok_or_else(|| unsupported(format!("core item {i}")))
    };
    for option in options {
        match option {
            CanonicalOption::UTF8 => o.encoding = Encoding::Utf8,
            CanonicalOption::UTF16 => o.encoding = Encoding::Utf16,
            CanonicalOption::CompactUTF16 => o.encoding = Encoding::Latin1Utf16,
            CanonicalOption::Memory(i) => o.memory = Some(at(memories, *i)?),
            CanonicalOption::Realloc(i) => o.realloc = Some(at(core_funcs, *i)?),
            CanonicalOption::PostReturn(i) => o.post_return = Some(at(core_funcs, *i)?),
            CanonicalOption::Async | CanonicalOption::Callback(_) => {
                return Err(unsupported("async functions (WASI 0.3)"));
            }
            _ => {}
        }
    }
    Ok(o)
}

/// The imports of a core module: (module, name) pairs.
fn module_imports(bytes: &[u8]) -> Result<Vec<(String, String)>, LinkError> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(malformed)?;
        if let Payload::CodeSectionStart { .. } = payload {
            break;
        }
        if let Payload::ImportSection(reader) = payload {
            for import in reader.into_imports() {
                let import = import.map_err(malformed)?;
                out.push((import.module.to_owned(), import.name.to_owned()));
            }
        }
    }
    Ok(out)
}

/// A host function's options, resolved to the engine's items once the instance
/// they come from exists.
#[derive(Clone, Debug)]
struct Resolved {
    func: HostFunc,
    memory: Option<Item>,
    realloc: Option<Item>,
}

/// Where the engine's host functions arrive.
pub struct Dispatch {
    hosts: RefCell<Vec<Resolved>>,
    /// The instance's resource handles.
    pub handles: RefCell<Handles>,
    pub imports: RefCell<Box<dyn Imports>>,
}

/// The guest's memory and allocator for one call.
struct Memory<'a> {
    access: &'a mut dyn Access,
    handles: &'a RefCell<Handles>,
    memory: Option<Item>,
    realloc: Option<Item>,
    encoding: Encoding,
}

impl Guest for Memory<'_> {
    fn read(&mut self, at: u32, len: u32) -> Result<Vec<u8>, AbiError> {
        let memory = self.memory.ok_or(AbiError::NoMemory)?;
        self.access
            .read(memory, at, len)
            .ok_or(AbiError::OutOfBounds {
                at: u64::from(at),
                len: u64::from(len),
            })
    }

    fn write(&mut self, at: u32, bytes: &[u8]) -> Result<(), AbiError> {
        let memory = self.memory.ok_or(AbiError::NoMemory)?;
        if self.access.write(memory, at, bytes) {
            Ok(())
        } else {
            Err(AbiError::OutOfBounds {
                at: u64::from(at),
                len: bytes.len() as u64,
            })
        }
    }

    fn realloc(&mut self, align: u32, size: u32) -> Result<u32, AbiError> {
        let realloc = self.realloc.ok_or(AbiError::NoRealloc)?;
        let args = [0, 0, align, size].map(|x| Value::I32(x as i32));
        match self
            .access
            .call(realloc, &args, &[NumType::I32])
            .map_err(AbiError::Engine)?[..]
        {
            [Value::I32(ptr)] => Ok(ptr as u32),
            _ => Err(AbiError::Engine("cabi_realloc returned no i32".into())),
        }
    }

    fn encoding(&self) -> Encoding {
        self.encoding
    }

    fn lift_handle(&mut self, resource: &str, own: bool, index: u32) -> Result<u32, AbiError> {
        let mut handles = self.handles.borrow_mut();
        if own {
            handles.take(resource, index).map(|(rep, _)| rep)
        } else {
            handles.get(resource, index)
        }
    }

    fn lower_handle(&mut self, resource: &str, own: bool, rep: u32) -> Result<u32, AbiError> {
        Ok(self.handles.borrow_mut().insert(resource, rep, own))
    }
}

impl Dispatch {
    /// A call of host function `index` by the guest, with its core arguments.
    pub fn call(
        &self,
        index: usize,
        args: &[Value],
        access: &mut dyn Access,
    ) -> Result<Vec<Value>, String> {
        let Some(host) = self.hosts.borrow().get(index).cloned() else {
            return Err(format!("host function {index} does not exist"));
        };
        let (target, ty, encoding) = match &host.func {
            HostFunc::Import {
                target,
                ty,
                encoding,
                ..
            } => (target, ty, encoding),
            HostFunc::Drop(resource) => {
                let index = args.first().map_or(0, |v| match v {
                    Value::I32(x) => *x as u32,
                    _ => 0,
                });
                let taken = self.handles.borrow_mut().take(resource, index);
                let (rep, own) = taken.map_err(|e| format!("resource.drop: {e}"))?;
                if own {
                    self.imports.borrow_mut().dropped(resource, rep);
                }
                return Ok(Vec::new());
            }
            HostFunc::Builtin(name) => {
                return Err(format!("canon {name} is not supported by this runner yet"));
            }
        };
        let mut memory = Memory {
            access,
            handles: &self.handles,
            memory: host.memory,
            realloc: host.realloc,
            encoding: *encoding,
        };
        let (vals, result_ptr) = abi::lift_args(ty, args, &mut memory)
            .map_err(|e| format!("{target}: the arguments cannot be read: {e}"))?;
        let result = self.imports.borrow_mut().call(target, ty, vals)?;
        abi::lower_result(ty, result.as_ref(), result_ptr, &mut memory)
            .map_err(|e| format!("{target}: the result cannot be handed back: {e}"))
    }
}

/// A component instantiated on an engine.
pub struct Linked {
    pub plan: Plan,
    pub dispatch: Rc<Dispatch>,
    /// The engine's handle for each planned instance.
    instances: Vec<u32>,
    hosts: Vec<Item>,
}

/// Why a call did not return a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    /// No export by that index.
    NoExport,
    /// Its types hold something not passed yet (named), or it is async.
    Unsupported(String),
    /// An argument or result could not cross.
    Abi(AbiError),
    /// The component trapped, in the engine's words.
    Trap(String),
}

impl Linked {
    /// Instantiates the planned component on `engine`, its imports answered by
    /// `imports`.
    pub fn instantiate(
        plan: Plan,
        bytes: &[u8],
        engine: &mut dyn Engine,
        imports: Box<dyn Imports>,
    ) -> Result<Linked, LinkError> {
        let dispatch = Rc::new(Dispatch {
            hosts: RefCell::new(
                plan.hosts
                    .iter()
                    .map(|h| Resolved {
                        func: h.clone(),
                        memory: None,
                        realloc: None,
                    })
                    .collect(),
            ),
            imports: RefCell::new(imports),
            handles: RefCell::default(),
        });
        let signatures: Vec<_> = plan.hosts.iter().map(HostFunc::signature).collect();
        let hosts = engine
            .hosts(&signatures, Rc::clone(&dispatch))
            .map_err(LinkError::Engine)?;
        let mut linked = Linked {
            plan,
            dispatch,
            instances: Vec::new(),
            hosts,
        };
        let mut compiled: Vec<Option<u32>> = vec![None; linked.plan.modules.len()];
        for i in 0..linked.plan.instances.len() {
            let planned = linked.plan.instances[i].clone();
            let module = match compiled[planned.module] {
                Some(m) => m,
                None => {
                    let range = linked.plan.modules[planned.module].clone();
                    let bytes = bytes
                        .get(range)
                        .ok_or_else(|| LinkError::NotComponent("a module past the end".into()))?;
                    let m = engine.compile(bytes).map_err(LinkError::Engine)?;
                    compiled[planned.module] = Some(m);
                    m
                }
            };
            let mut imports = Vec::with_capacity(planned.imports.len());
            for (m, n, r) in &planned.imports {
                let item = linked
                    .resolve(engine, r)?
                    .ok_or_else(|| unsupported(format!("{m}.{n} before it exists")))?;
                imports.push((m.clone(), n.clone(), item));
            }
            let instance = engine
                .instantiate(module, &imports)
                .map_err(LinkError::Engine)?;
            linked.instances.push(instance);
            // Host functions whose memory or allocator this instance exports.
            let count = linked.dispatch.hosts.borrow().len();
            for h in 0..count {
                let func = linked.dispatch.hosts.borrow()[h].func.clone();
                if let HostFunc::Import {
                    memory, realloc, ..
                } = &func
                {
                    let memory = linked.resolve_opt(engine, memory)?;
                    let realloc = linked.resolve_opt(engine, realloc)?;
                    let mut hosts = linked.dispatch.hosts.borrow_mut();
                    hosts[h].memory = hosts[h].memory.or(memory);
                    hosts[h].realloc = hosts[h].realloc.or(realloc);
                }
            }
        }
        Ok(linked)
    }

    /// An item, once it exists (`None` while its instance does not).
    fn resolve(&self, engine: &mut dyn Engine, r: &CoreRef) -> Result<Option<Item>, LinkError> {
        match r {
            CoreRef::Host(i) => Ok(self.hosts.get(*i).copied()),
            CoreRef::Export { instance, name } => match self.instances.get(*instance) {
                Some(handle) => engine
                    .export(*handle, name)
                    .map(Some)
                    .map_err(LinkError::Engine),
                None => Ok(None),
            },
            CoreRef::Unsupported(what) => Err(unsupported(what.clone())),
        }
    }

    fn resolve_opt(
        &self,
        engine: &mut dyn Engine,
        r: &Option<CoreRef>,
    ) -> Result<Option<Item>, LinkError> {
        match r {
            Some(r) => self.resolve(engine, r),
            None => Ok(None),
        }
    }

    /// Calls export `index` with `args` (of its parameter types, in order).
    pub fn call(
        &self,
        engine: &mut dyn Engine,
        index: usize,
        args: &[Val],
    ) -> Result<Option<Val>, CallError> {
        let callable = self.plan.exports.get(index).ok_or(CallError::NoExport)?;
        if let Some(what) = callable.ty.unsupported() {
            return Err(CallError::Unsupported(what.to_owned()));
        }
        let resolve = |engine: &mut dyn Engine, r: &Option<CoreRef>| {
            self.resolve_opt(engine, r)
                .map_err(|e| CallError::Unsupported(e.to_string()))
        };
        let func = resolve(engine, &Some(callable.func.clone()))?
            .ok_or_else(|| CallError::Unsupported(callable.name()))?;
        let memory = resolve(engine, &callable.memory)?;
        let realloc = resolve(engine, &callable.realloc)?;
        let post_return = resolve(engine, &callable.post_return)?;
        let core_args = {
            let mut guest = Memory {
                access: &mut *engine,
                handles: &self.dispatch.handles,
                memory,
                realloc,
                encoding: callable.encoding,
            };
            abi::lower_args(&callable.ty, args, &mut guest).map_err(CallError::Abi)?
        };
        let (_, result_types) = abi::core_signature(&callable.ty, Side::Export);
        let results = engine
            .call(func, &core_args, &result_types)
            .map_err(CallError::Trap)?;
        let mut guest = Memory {
            access: &mut *engine,
            handles: &self.dispatch.handles,
            memory,
            realloc,
            encoding: callable.encoding,
        };
        let result =
            abi::lift_result(&callable.ty, &results, &mut guest).map_err(CallError::Abi)?;
        if let Some(post_return) = post_return {
            engine
                .call(post_return, &results, &[])
                .map_err(CallError::Trap)?;
        }
        Ok(result)
    }
}
