//! Components in the worker: the plan, the canonical ABI and the stubs of
//! `domain::component` (the same code `cargo test` runs on wasmi), carried out on
//! the browser's WebAssembly, which instantiates core modules only. The component's
//! lowered imports are functions of the bridge module (`domain::run::bridge`), so
//! any core signature reaches one Rust closure; its instance is kept between calls
//! until the reader asks for a fresh one, a call traps, or another binary comes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::run::{self, Browser, FLUSH_BYTES, FLUSH_MS, JsMemory};
use super::{js_message, post, results_from_js, to_js};
use crate::domain::component::link::{self, Access, Dispatch, Item};
use crate::domain::component::wasi2::{self, Wasi2};
use crate::domain::component::{CallError, Engine, LinkError, Linked, Stubs, Val, val};
use crate::domain::inspect::protocol::{
    Both, CallShown, ComponentExportShown, ComponentShown, ParamShown, Response, RunEnd,
    RunRequest, RunShown,
};
use crate::domain::inspect::{NumType, Value};
use crate::domain::run::bridge::{self, FuncType};
use crate::domain::run::console::Console;
use crate::domain::run::wasi::Memory;
use crate::i18n::Key;

/// Nodes in a result's tree; the WAVE text has the rest.
const TREE_NODES: usize = 2000;

/// The engine's items (functions, memories, tables, globals), by handle; shared with
/// the host closure, which reads memory and calls `cabi_realloc` while the guest runs.
#[derive(Clone, Default)]
struct Items(Rc<RefCell<Vec<JsValue>>>);

impl Items {
    fn get(&self, item: Item) -> Option<JsValue> {
        self.0.borrow().get(item as usize).cloned()
    }

    fn push(&self, value: JsValue) -> Item {
        let mut items = self.0.borrow_mut();
        items.push(value);
        items.len() as Item - 1
    }

    fn memory(&self, item: Item) -> Option<JsMemory> {
        self.get(item)?.dyn_into().ok().map(JsMemory)
    }
}

impl Access for Items {
    fn read(&mut self, memory: Item, at: u32, len: u32) -> Option<Vec<u8>> {
        let memory = self.memory(memory)?;
        // Checked before the buffer is made: a length from the guest can be 4 GiB.
        if u64::from(at) + u64::from(len) > memory.size() {
            return None;
        }
        let mut out = vec![0; len as usize];
        memory.read(at, &mut out).then_some(out)
    }

    fn write(&mut self, memory: Item, at: u32, bytes: &[u8]) -> bool {
        self.memory(memory)
            .is_some_and(|mut memory| memory.write(at, bytes))
    }

    fn call(
        &mut self,
        func: Item,
        args: &[Value],
        results: &[NumType],
    ) -> Result<Vec<Value>, String> {
        let function: Function = self
            .get(func)
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("item {func} is not a function"))?;
        let js_args: Array = args.iter().map(|v| to_js(*v)).collect();
        let value = function
            .apply(&JsValue::NULL, &js_args)
            .map_err(|e| js_message(&e))?;
        Ok(results_from_js(results, value))
    }
}

type HostCall = Closure<dyn Fn(u32) -> Result<(), JsValue>>;

/// The browser's WebAssembly as a core engine.
#[derive(Default)]
struct JsEngine {
    items: Items,
    modules: Vec<WebAssembly::Module>,
    instances: Vec<WebAssembly::Instance>,
    /// The closure behind the bridge, alive as long as the instance.
    host: Option<HostCall>,
}

impl Access for JsEngine {
    fn read(&mut self, memory: Item, at: u32, len: u32) -> Option<Vec<u8>> {
        self.items.read(memory, at, len)
    }
    fn write(&mut self, memory: Item, at: u32, bytes: &[u8]) -> bool {
        self.items.write(memory, at, bytes)
    }
    fn call(
        &mut self,
        func: Item,
        args: &[Value],
        results: &[NumType],
    ) -> Result<Vec<Value>, String> {
        self.items.call(func, args, results)
    }
}

impl Engine for JsEngine {
    fn compile(&mut self, bytes: &[u8]) -> Result<u32, String> {
        let module = WebAssembly::Module::new(&Uint8Array::from(bytes).into())
            .map_err(|e| js_message(&e))?;
        self.modules.push(module);
        Ok(self.modules.len() as u32 - 1)
    }

    fn instantiate(
        &mut self,
        module: u32,
        imports: &[(String, String, Item)],
    ) -> Result<u32, String> {
        let module = self.modules.get(module as usize).ok_or("no such module")?;
        let object = Object::new();
        for (m, n, item) in imports {
            let namespace = match Reflect::get(&object, &m.as_str().into()) {
                Ok(ns) if ns.is_object() => ns,
                _ => {
                    let ns: JsValue = Object::new().into();
                    let _ = Reflect::set(&object, &m.as_str().into(), &ns);
                    ns
                }
            };
            let value = self.items.get(*item).ok_or("no such item")?;
            let _ = Reflect::set(&namespace, &n.as_str().into(), &value);
        }
        let instance = WebAssembly::Instance::new(module, &object).map_err(|e| js_message(&e))?;
        self.instances.push(instance);
        Ok(self.instances.len() as u32 - 1)
    }

    fn export(&mut self, instance: u32, name: &str) -> Result<Item, String> {
        let instance = self
            .instances
            .get(instance as usize)
            .ok_or("no such instance")?;
        let value = Reflect::get(&instance.exports(), &name.into()).map_err(|e| js_message(&e))?;
        if value.is_undefined() {
            return Err(format!("the instance exports no {name}"));
        }
        Ok(self.items.push(value))
    }

    fn hosts(
        &mut self,
        signatures: &[(Vec<NumType>, Vec<NumType>)],
        dispatch: Rc<Dispatch>,
    ) -> Result<Vec<Item>, String> {
        if signatures.is_empty() {
            return Ok(Vec::new());
        }
        let types: Vec<FuncType> = signatures
            .iter()
            .map(|(params, results)| FuncType {
                params: params.clone(),
                results: results.clone(),
            })
            .collect();
        let slots: Rc<RefCell<Option<WebAssembly::Memory>>> = Rc::default();
        let host: HostCall = {
            let (types, slots, items) = (types.clone(), Rc::clone(&slots), self.items.clone());
            // `Fn`, not `FnMut`: the guest may call an import again while one is
            // answered (through cabi_realloc), and wasm-bindgen refuses to re-enter
            // an `FnMut`.
            Closure::new(move |index: u32| {
                let ty = types
                    .get(index as usize)
                    .ok_or_else(|| JsValue::from_str("no such import"))?;
                let slots = slots
                    .borrow()
                    .clone()
                    .ok_or_else(|| JsValue::from_str("the bridge has no memory"))?;
                let view = Uint8Array::new(&slots.buffer());
                let mut raw = vec![0u8; ty.params.len() * 8];
                view.subarray(0, raw.len() as u32).copy_to(&mut raw);
                let args = bridge::read(&raw, &ty.params);
                let results = dispatch
                    .call(index as usize, &args, &mut items.clone())
                    .map_err(|message| JsValue::from(js_sys::Error::new(&message)))?;
                let written = bridge::write(&results);
                if !written.is_empty() {
                    Uint8Array::new(&slots.buffer())
                        .subarray(0, written.len() as u32)
                        .copy_from(&written);
                }
                Ok(())
            })
        };
        let outcome = (|| -> Result<Vec<Item>, JsValue> {
            let host_ns = Object::new();
            Reflect::set(&host_ns, &bridge::HOST.1.into(), host.as_ref())?;
            let imports = Object::new();
            Reflect::set(&imports, &bridge::HOST.0.into(), &host_ns)?;
            let module = WebAssembly::Module::new(
                &Uint8Array::from(bridge::module(&types).as_slice()).into(),
            )?;
            let exports = WebAssembly::Instance::new(&module, &imports)?.exports();
            *slots.borrow_mut() = Some(Reflect::get(&exports, &bridge::SLOTS.into())?.dyn_into()?);
            (0..types.len())
                .map(|i| {
                    Ok(self
                        .items
                        .push(Reflect::get(&exports, &bridge::export_name(i).into())?))
                })
                .collect()
        })();
        self.host = Some(host);
        outcome.map_err(|e| js_message(&e))
    }
}

/// A component instantiated in the worker, kept between calls.
pub(super) struct Instance {
    engine: JsEngine,
    linked: Linked,
    trap: Rc<Cell<bool>>,
}

/// What the call panel shows of a valid component, and what running it as a WASI 0.2
/// command takes.
pub(super) fn shown(bytes: &[u8]) -> (ComponentShown, crate::domain::run::Plan) {
    match link::plan(bytes) {
        Err(e) => (
            ComponentShown {
                refused: Some(refused(&e)),
                ..ComponentShown::default()
            },
            crate::domain::run::Plan::default(),
        ),
        Ok(plan) => (
            ComponentShown {
                exports: plan
                    .exports
                    .iter()
                    .map(|c| ComponentExportShown {
                        name: c.name(),
                        wit: c.ty.wit(),
                        params: c
                            .ty
                            .params
                            .iter()
                            .map(|(name, ty)| ParamShown {
                                name: name.clone(),
                                ty: ty.to_string(),
                                default: ty
                                    .default_value()
                                    .map(|v| val::write(&v))
                                    .unwrap_or_default(),
                                shape: ty.clone(),
                            })
                            .collect(),
                        unsupported: c.ty.unsupported().map(str::to_owned),
                    })
                    .collect(),
                imports: plan
                    .imports()
                    .iter()
                    .map(|(target, ty)| format!("{target}: {}", ty.wit()))
                    .collect(),
                refused: None,
                skipped: plan.skipped.clone(),
            },
            wasi2::program(&plan),
        ),
    }
}

fn refused(e: &LinkError) -> Both {
    Both::write(|lang| Key::ComponentRefused.fill(lang, &[("what", &e.to_string())]))
}

fn answer(write: impl FnMut(crate::base::lang::Lang) -> String) -> Response {
    Response::Called(CallShown {
        result: Both::write(write),
        ..CallShown::default()
    })
}

/// Calls export `index` of the component `bytes` with `args` (WAVE texts), on
/// `kept`'s instance, made first if there is none; a trap discards it.
pub(super) fn call(
    bytes: &[u8],
    kept: &mut Option<Instance>,
    index: usize,
    args: &[String],
    trap_imports: bool,
    now: &dyn Fn() -> f64,
) -> Response {
    if kept.is_none() {
        let plan = match link::plan(bytes) {
            Ok(plan) => plan,
            Err(e) => {
                let message = refused(&e);
                return answer(|lang| message.get(lang).to_owned());
            }
        };
        let trap = Rc::new(Cell::new(trap_imports));
        let stubs = Stubs {
            trap: Rc::clone(&trap),
            ..Stubs::default()
        };
        let mut engine = JsEngine::default();
        match Linked::instantiate(plan, bytes, &mut engine, Box::new(stubs)) {
            Ok(linked) => {
                *kept = Some(Instance {
                    engine,
                    linked,
                    trap,
                })
            }
            Err(e) => {
                let message = e.to_string();
                return answer(|lang| Key::ComponentFailed.fill(lang, &[("message", &message)]));
            }
        }
    }
    let Some(instance) = kept.as_mut() else {
        return Response::NoBinary;
    };
    instance.trap.set(trap_imports);
    let Some(export) = instance.linked.plan.exports.get(index).cloned() else {
        return Response::NoBinary;
    };
    let name = export.name();
    let mut vals: Vec<Val> = Vec::with_capacity(args.len());
    for ((param, ty), text) in export.ty.params.iter().zip(args) {
        match val::parse(ty, text) {
            Ok(v) => vals.push(v),
            Err(e) => {
                return answer(|lang| {
                    Key::ComponentBadArgument.fill(
                        lang,
                        &[
                            ("name", param),
                            ("type", &ty.to_string()),
                            ("message", &e.message),
                        ],
                    )
                });
            }
        }
    }
    let started = now();
    let outcome = instance.linked.call(&mut instance.engine, index, &vals);
    let ms = crate::base::quantity::number(((now() - started) * 1000.0).round() / 1000.0);
    let (imports, _) = instance.linked.dispatch.imports.borrow_mut().take_log();
    let mut shown = CallShown {
        imports,
        ..CallShown::default()
    };
    let fill = |key: Key, extra: &[(&str, &str)]| {
        Both::write(|lang| {
            let mut values = vec![("export", name.as_str()), ("ms", ms.as_str())];
            values.extend_from_slice(extra);
            key.fill(lang, &values)
        })
    };
    shown.result = match outcome {
        Ok(Some(value)) => {
            shown.wave = Some(val::write(&value));
            shown.tree = Some(val::tree(&value, TREE_NODES));
            fill(Key::ComponentReturned, &[])
        }
        Ok(None) => fill(Key::ComponentReturnedNothing, &[]),
        Err(CallError::Trap(message)) => {
            // A trapped instance may be left half-way through a change.
            *kept = None;
            fill(Key::ComponentTrapped, &[("message", &message)])
        }
        Err(CallError::Abi(e)) => fill(Key::ComponentAbi, &[("message", &e.to_string())]),
        Err(CallError::Unsupported(what)) => fill(Key::ComponentUnsupported, &[("what", &what)]),
        Err(CallError::NoExport) => return Response::NoBinary,
    };
    Response::Called(shown)
}

/// Runs the component `binary` as a WASI 0.2 command (its `wasi:cli/run` export) for
/// request `id`, posting output as it comes; the end of the run, and the bytes of the
/// files it wrote.
pub(super) fn run(
    id: u32,
    binary: &[u8],
    name: &str,
    request: RunRequest,
    bytes: Vec<u8>,
) -> (RunShown, Vec<u8>) {
    let plan = match link::plan(binary) {
        Ok(plan) => plan,
        Err(e) => return run::refused(refused(&e)),
    };
    let Some(entry) = wasi2::run_export(&plan) else {
        return run::refused(Both::write(|lang| Key::RunNotCommand.text(lang).to_owned()));
    };
    let program = wasi2::program(&plan);
    if !program.missing.is_empty() && !request.stub_missing {
        let names: Vec<String> = program.missing.iter().map(|m| m.full_name()).collect();
        return run::refused(Both::write(|lang| {
            Key::RunMissingRefused.fill(lang, &[("names", &names.join(", "))])
        }));
    }
    let (stdin, files) = run::inputs(&request, &bytes);
    let mut args = vec![name.to_owned()];
    args.extend(request.args);
    let mut host = Wasi2::new(
        wasi2::Setup {
            args,
            env: request.env,
            stdin,
            files,
        },
        Box::new(Browser::new()),
    );
    let clock = Browser::new();
    let last_flush = Cell::new(clock.now_ms());
    host.on_output = Some(Box::new(move |console: &mut Console| {
        let now = clock.now_ms();
        if console.pending_bytes() > FLUSH_BYTES || now - last_flush.get() >= FLUSH_MS {
            let output = console.drain();
            if !output.is_empty() {
                post(id, Response::Output(output));
            }
            last_flush.set(now);
        }
    }));
    let mut engine = JsEngine::default();
    let linked = match Linked::instantiate(plan, binary, &mut engine, Box::new(host)) {
        Ok(linked) => linked,
        Err(e) => {
            let message = e.to_string();
            return run::refused(Both::write(|lang| {
                Key::ComponentFailed.fill(lang, &[("message", &message)])
            }));
        }
    };
    let timer = Browser::new();
    let started = timer.now_ms();
    let outcome = linked.call(&mut engine, entry, &[]);
    let ms = timer.now_ms() - started;
    let mut imports = linked.dispatch.imports.borrow_mut();
    let Some(host) = imports.as_any().downcast_mut::<Wasi2>() else {
        return run::refused(Both::default());
    };
    let end = match (outcome, host.exit) {
        (_, Some(code)) => RunEnd::Exited(code),
        (Ok(Some(Val::Result(Err(_)))), None) => RunEnd::Exited(1),
        (Ok(_), None) => RunEnd::Returned,
        (Err(CallError::Trap(message)), None) => RunEnd::Trapped(message),
        (Err(CallError::Abi(e)), None) => RunEnd::Trapped(e.to_string()),
        (Err(CallError::Unsupported(what)), None) => RunEnd::Trapped(what),
        (Err(CallError::NoExport), None) => RunEnd::Trapped("no wasi:cli/run export".into()),
    };
    let output = host.console.finish();
    if !output.is_empty() {
        post(id, Response::Output(output));
    }
    let (files, blob) = run::written(&host.fs);
    let shown = RunShown {
        end,
        ms: (ms * 1000.0).round() / 1000.0,
        dropped: host.console.dropped,
        files,
        trace: std::mem::take(&mut host.trace),
        calls: host.calls,
        stubbed: std::mem::take(&mut host.stubs.log),
        backtrace: Vec::new(),
        bytes: Vec::new(),
    };
    (shown, blob)
}
