//! The playground's Web Worker: a second wasm (`src/bin/worker.rs` starts it), loaded
//! only when `/playground` opens. It parses, validates, prints and compiles with
//! `domain::inspect` (whose crates stay out of the app's own wasm: nothing the app
//! links calls this module), and runs exports of core modules with stubbed imports.
//!
//! Messages in are `{ json, bytes? }`: an `Envelope<Request>` as JSON, and for
//! `Inspect` the file's bytes as an `ArrayBuffer`, transferred rather than copied
//! (as JSON numbers a 10 MB file would be 35 MB of text). Messages out are an
//! `Envelope<Response>` as a JSON string.
//!
//! The component tests, which have no worker script to load, serve the same
//! messages in the page through [`receive`] and [`connect`].

mod component;
mod run;

use std::cell::RefCell;
use std::rc::Rc;

use crate::base::lang::Lang;
use crate::domain::inspect::protocol::{
    Both, CallShown, ComponentShown, Envelope, List, NestedShown, Request, Response, Shown, Stage,
    TextFile,
};
use crate::domain::inspect::{
    ExternType, Inspection, Kind, NumType, ProblemKind, Value, WasmError, callable_exports,
    compile_and_locate, nested, parse_args, structure, to_wat, validate, wit_text,
};
use crate::i18n::Key;
use crate::ui::html::Html;
use crate::ui::pages::playground::tables;
use js_sys::{Array, BigInt, Function, Object, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The binary the worker was last given, and its inspection.
struct Kept {
    bytes: Vec<u8>,
    inspection: Inspection,
    /// A component's instance, made on its first call and kept for the next.
    instance: Option<component::Instance>,
}

/// What takes the worker's answers: JSON, and the bytes an answer carries beside it
/// (a run's files).
pub type Sink = crate::domain::inspect::protocol::Answers;

thread_local! {
    /// Where answers go: the page, through the worker's `postMessage`, or (in the
    /// component tests) a function of the page's own.
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// The lab's features this browser supports, as the page detected them.
    static SUPPORTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The name of the binary being inspected, for its summary.
    static NAME: RefCell<String> = const { RefCell::new(String::new()) };
}

fn post(id: u32, body: Response) {
    post_with(id, body, None);
}

fn post_with(id: u32, body: Response, bytes: Option<Vec<u8>>) {
    let json = serde_json::to_string(&Envelope { id, body })
        .unwrap_or_else(|e| format!("{{\"id\":{id},\"body\":{{\"Failed\":{{\"kind\":\"Invalid\",\"offset\":0,\"message\":\"{e}\"}}}}}}"));
    SINK.with_borrow(|sink| {
        if let Some(sink) = sink {
            sink(json, bytes);
        }
    });
}

/// Sends every answer from now on to `sink`, and says it is ready. [`start`] connects
/// the worker's `postMessage`; the component tests, a function of the page.
pub fn connect(sink: Sink) {
    // A fresh start, as a new Web Worker's (the component tests connect again).
    KEPT.with_borrow_mut(|k| *k = None);
    NAME.with_borrow_mut(String::clear);
    SUPPORTED.with_borrow_mut(Vec::clear);
    SINK.with_borrow_mut(|s| *s = Some(sink));
    post(0, Response::Ready);
}

/// Handles one message: `json` an `Envelope<Request>`, `bytes` what it transferred.
pub fn receive(json: &str, bytes: Option<Vec<u8>>) {
    match serde_json::from_str::<Envelope<Request>>(json) {
        Ok(Envelope { id, body }) => handle(id, body, bytes),
        Err(e) => post(
            u32::MAX,
            Response::Failed(WasmError {
                kind: ProblemKind::Invalid,
                offset: 0,
                message: format!("a message the worker cannot read: {e}"),
            }),
        ),
    }
}

/// Runs the worker, in a Web Worker's global scope.
pub fn start() {
    // A panic says so to the page, which restarts the worker, instead of a
    // worker that silently stops answering.
    std::panic::set_hook(Box::new(|info| {
        post(
            u32::MAX,
            Response::Failed(WasmError {
                kind: ProblemKind::Invalid,
                offset: 0,
                message: format!("the worker stopped: {info}"),
            }),
        );
    }));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let json = Reflect::get(&data, &"json".into())
            .ok()
            .and_then(|j| j.as_string())
            .unwrap_or_default();
        let bytes = Reflect::get(&data, &"bytes".into())
            .ok()
            .filter(|b| !b.is_undefined() && !b.is_null())
            .map(|b| Uint8Array::new(&b).to_vec());
        receive(&json, bytes);
    });
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    connect(Box::new(move |json, bytes| match bytes {
        None => {
            let _ = scope.post_message(&JsValue::from_str(&json));
        }
        Some(bytes) => {
            let message = Object::new();
            let buffer = Uint8Array::from(bytes.as_slice()).buffer();
            let _ = Reflect::set(&message, &"json".into(), &json.into());
            let _ = Reflect::set(&message, &"bytes".into(), &buffer);
            let _ = scope.post_message_with_transfer(&message, &Array::of1(&buffer));
        }
    }));
}

fn handle(id: u32, request: Request, bytes: Option<Vec<u8>>) {
    match request {
        Request::Start { supported } => SUPPORTED.with_borrow_mut(|s| *s = supported),
        Request::Inspect {
            name,
            bytes: inline,
        } => {
            NAME.with_borrow_mut(|n| *n = name);
            keep_and_inspect(id, bytes.unwrap_or(inline));
        }
        Request::Nested { name, index } => {
            NAME.with_borrow_mut(|n| *n = name);
            let inner = KEPT.with_borrow(|k| {
                k.as_ref()
                    .and_then(|k| nested(&k.bytes, index))
                    .map(<[u8]>::to_vec)
            });
            match inner {
                Some(inner) => keep_and_inspect(id, inner),
                None => post(id, Response::NoBinary),
            }
        }
        Request::Print { skeleton, limit } => {
            post(
                id,
                Response::Progress {
                    stage: Stage::Printing,
                },
            );
            let printed =
                KEPT.with_borrow(|k| k.as_ref().map(|k| to_wat(&k.bytes, skeleton, limit)));
            match printed {
                Some(printed) => post(id, Response::Printed(printed)),
                None => post(id, Response::NoBinary),
            }
        }
        Request::PrintFile { skeleton } => {
            post(
                id,
                Response::Progress {
                    stage: Stage::Printing,
                },
            );
            let printed =
                KEPT.with_borrow(|k| k.as_ref().map(|k| to_wat(&k.bytes, skeleton, usize::MAX)));
            match printed {
                Some(Ok(printed)) => post_with(
                    id,
                    Response::TextFile(Ok(TextFile::default())),
                    Some(printed.text.into_bytes()),
                ),
                Some(Err(e)) => post(id, Response::TextFile(Err(e))),
                None => post(id, Response::NoBinary),
            }
        }
        Request::Filter { list, query } => {
            let html = KEPT.with_borrow(|k| {
                k.as_ref().map(|k| {
                    Both::write(|lang| {
                        let mut h = Html::new();
                        tables::list_part(&mut h, &k.inspection, list, &query, lang);
                        h.finish()
                    })
                })
            });
            match html {
                Some(html) => post(id, Response::Filtered { list, html }),
                None => post(id, Response::NoBinary),
            }
        }
        Request::Wit => {
            let wit = KEPT.with_borrow(|k| k.as_ref().map(|k| wit_text(&k.bytes)));
            match wit {
                Some(wit) => post(id, Response::Wit(wit)),
                None => post(id, Response::NoBinary),
            }
        }
        Request::Compile { name, text } => {
            NAME.with_borrow_mut(|n| *n = name);
            // Inspected before it is said to have compiled, so a binary that does not
            // validate is said so under the editor, at its place in the text.
            let mut inspected = None;
            let compiled = compile_and_locate(&text, |bytes| {
                let (shown, inspection) = inspect(id, bytes);
                let error = inspection
                    .validation
                    .error
                    .as_ref()
                    .map(|e| (e.offset, e.message.clone()));
                inspected = Some((shown, inspection));
                error
            });
            match compiled {
                Ok((binary, invalid)) => {
                    let (shown, inspection) = inspected.unwrap_or_else(|| inspect(id, &binary));
                    post(
                        id,
                        Response::Compiled {
                            result: Ok(binary.clone()),
                            invalid,
                        },
                    );
                    post(id, Response::Inspected(Box::new(shown)));
                    keep(binary, inspection);
                }
                Err(e) => post(
                    id,
                    Response::Compiled {
                        result: Err(e),
                        invalid: None,
                    },
                ),
            }
        }
        Request::Run(request) => {
            let kept =
                KEPT.with_borrow(|k| k.as_ref().map(|k| (k.bytes.clone(), k.inspection.clone())));
            match kept {
                None => post(id, Response::NoBinary),
                Some((binary, inspection)) if inspection.kind == Kind::Component => {
                    let name = NAME.with_borrow(Clone::clone);
                    let (shown, files) =
                        component::run(id, &binary, &name, request, bytes.unwrap_or_default());
                    post_with(id, Response::Ran(Box::new(shown)), Some(files));
                }
                Some((binary, inspection)) => {
                    let name = NAME.with_borrow(Clone::clone);
                    let (shown, files) = run::run(
                        id,
                        &binary,
                        &inspection,
                        &name,
                        request,
                        bytes.unwrap_or_default(),
                    );
                    post_with(id, Response::Ran(Box::new(shown)), Some(files));
                }
            }
        }
        Request::Call { export, args, .. } => {
            let response = KEPT.with_borrow(|k| match k {
                None => Response::NoBinary,
                Some(k) => call(k, &export, &args),
            });
            post(id, response);
        }
        Request::CallComponent {
            export,
            args,
            trap_imports,
            ..
        } => {
            let response = KEPT.with_borrow_mut(|k| match k {
                Some(k) if k.inspection.kind == Kind::Component => {
                    component::call(&k.bytes, &mut k.instance, export, &args, trap_imports, &now)
                }
                _ => Response::NoBinary,
            });
            post(id, response);
        }
        Request::FreshInstance => {
            KEPT.with_borrow_mut(|k| {
                if let Some(k) = k {
                    k.instance = None;
                }
            });
            post(
                id,
                Response::Called(CallShown {
                    result: Both::write(|lang| Key::ComponentFreshened.text(lang).to_owned()),
                    ..CallShown::default()
                }),
            );
        }
    }
}

/// Milliseconds on the worker's clock, or the page's (the component tests).
fn now() -> f64 {
    Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}

/// Inspects `bytes` in two steps, telling the page where it is, and keeps them.
fn keep_and_inspect(id: u32, bytes: Vec<u8>) {
    let (shown, inspection) = inspect(id, &bytes);
    post(id, Response::Inspected(Box::new(shown)));
    keep(bytes, inspection);
}

/// Reads and validates `bytes`, saying how far it is, and writes what the page shows.
fn inspect(id: u32, bytes: &[u8]) -> (Shown, Inspection) {
    post(
        id,
        Response::Progress {
            stage: Stage::Structure,
        },
    );
    let mut inspection = structure(bytes);
    if inspection.kind != Kind::NotWasm && inspection.error.is_none() {
        post(
            id,
            Response::Progress {
                stage: Stage::Validation,
            },
        );
        inspection.validation = validate(bytes, &inspection);
    }
    // A valid component's functions and their WIT types, for the call panel and for
    // the types in its tables of imports and exports.
    let component = (inspection.kind == Kind::Component && inspection.is_valid())
        .then(|| component::shown(bytes));
    let mut shown = shown(&inspection, component.as_ref().map(|(calls, _)| calls));
    if let Some((calls, program)) = component {
        shown.component = Some(calls);
        shown.plan = program;
    }
    (shown, inspection)
}

/// Keeps a binary and its inspection for the requests that follow (print, call, run).
fn keep(bytes: Vec<u8>, inspection: Inspection) {
    KEPT.with_borrow_mut(|k| {
        *k = Some(Kept {
            bytes,
            inspection,
            instance: None,
        })
    });
}

/// What the page shows of an inspection: its tables in both languages and the
/// facts the page acts on.
fn shown(i: &Inspection, component: Option<&ComponentShown>) -> Shown {
    let supported = SUPPORTED.with_borrow(Clone::clone);
    let known = |id: &str| {
        crate::data::wasm_features::FEATURES
            .iter()
            .any(|f| f.id == id)
            .then(|| supported.iter().any(|s| s == id))
    };
    let name = NAME.with_borrow(Clone::clone);
    let inside = i.kind != Kind::NotWasm;
    let html = Both::write(|lang| {
        let mut h = Html::new();
        tables::summary(&mut h, i, &name, lang);
        if inside {
            tables::features(&mut h, i, &known, lang);
        }
        h.finish()
    });
    let part = |write: &dyn Fn(&mut Html, &Inspection, Lang)| {
        Both::write(|lang| {
            let mut h = Html::new();
            if inside {
                write(&mut h, i, lang);
            }
            h.finish()
        })
    };
    Shown {
        kind: i.kind,
        size: i.size,
        valid: i.is_valid(),
        html,
        sections: i.sections.clone(),
        sections_html: part(&tables::sections),
        lists_html: [
            part(&|h, i, lang| {
                if i.kind == Kind::Component {
                    tables::imports_exports(h, i, component, lang);
                } else {
                    tables::list_part(h, i, List::Imports, "", lang);
                }
            }),
            part(&|h, i, lang| {
                if i.kind != Kind::Component {
                    tables::list_part(h, i, List::Exports, "", lang);
                }
            }),
        ],
        details_html: part(&|h, i, lang| {
            tables::uncallable(h, i, lang);
            tables::custom(h, i, lang);
            tables::largest(h, i, lang);
        }),
        sections_csv: Both::write(|lang| tables::sections_csv(i, lang)),
        imports: i.imports.len(),
        exports: i.exports.len(),
        plan: if i.is_valid() {
            crate::domain::run::plan(i)
        } else {
            crate::domain::run::Plan::default()
        },
        callable: if i.kind == Kind::Module && i.is_valid() {
            callable_exports(i)
        } else {
            Vec::new()
        },
        nested: i
            .nested
            .iter()
            .map(|n| NestedShown {
                kind: n.kind,
                offset: n.offset,
                size: n.size,
            })
            .collect(),
        component: None,
    }
}

fn failed(message: String) -> Response {
    Response::Failed(WasmError {
        kind: ProblemKind::Invalid,
        offset: 0,
        message,
    })
}

/// A thrown error's stack trace, as the engine writes it (empty when there is none).
fn js_stack(e: &JsValue) -> String {
    Reflect::get(e, &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// What a thrown value says: an error's message, a string, or, for a WebAssembly
/// exception (exception handling's `throw` that no handler caught; it is not an
/// `Error`), that, and any other value as JavaScript writes it.
fn js_message(e: &JsValue) -> String {
    if let Some(e) = e.dyn_ref::<js_sys::Error>() {
        return e.to_string().into();
    }
    if let Some(s) = e.as_string() {
        return s;
    }
    if let Some(object) = e.dyn_ref::<Object>() {
        let made_by = Reflect::get(&object.constructor(), &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        // WebAssembly.Exception's constructor is named "Exception".
        if made_by.as_deref() == Some("Exception") {
            return "uncaught WebAssembly exception: a throw that no try_table or catch handled"
                .into();
        }
        return object.to_string().into();
    }
    e.as_f64()
        .map(|n| format!("a thrown {n}"))
        .unwrap_or_else(|| "an exception without a message".into())
}

/// A call that could not happen, and why.
fn said(write: impl FnMut(Lang) -> String) -> Response {
    Response::Called(CallShown {
        result: Both::write(write),
        ..CallShown::default()
    })
}

fn value_list(values: &[Value]) -> String {
    values
        .iter()
        .map(|v| format!("{v}: {}", v.ty().name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Calls export `name` of the kept core module with `args`: instantiated afresh
/// with every import stubbed, timed, with the calls the stubs received.
fn call(kept: &Kept, name: &str, texts: &[String]) -> Response {
    if kept.inspection.kind == Kind::Component {
        return said(|lang| Key::PlaygroundNotCallable.fill(lang, &[("export", name)]));
    }
    let Some(export) = callable_exports(&kept.inspection)
        .into_iter()
        .find(|e| e.name == name)
    else {
        return said(|lang| Key::PlaygroundNotCallable.fill(lang, &[("export", name)]));
    };
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let args = match parse_args(&export.params, &texts) {
        Ok(args) => args,
        Err((i, e)) => {
            return said(|lang| {
                Key::PlaygroundBadArgument.fill(
                    lang,
                    &[("n", &(i + 1).to_string()), ("message", &e.to_string())],
                )
            });
        }
    };
    let calls = Rc::new(RefCell::new(Vec::<String>::new()));
    let mut keep_alive = Vec::new();
    let imports = match stub_imports(&kept.inspection, &calls, &mut keep_alive) {
        Ok(imports) => imports,
        Err(message) => return failed(message),
    };
    let bytes = Uint8Array::from(kept.bytes.as_slice());
    let module = match WebAssembly::Module::new(&bytes.into()) {
        Ok(module) => module,
        Err(e) => return failed(js_message(&e)),
    };
    let instance = match WebAssembly::Instance::new(&module, &imports) {
        Ok(instance) => instance,
        Err(e) => return failed(js_message(&e)),
    };
    let Some(function) = Reflect::get(&instance.exports(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return said(|lang| Key::PlaygroundNotCallable.fill(lang, &[("export", name)]));
    };
    let js_args: Array = args.iter().map(|v| to_js(*v)).collect();
    let started = now();
    let result = function.apply(&JsValue::NULL, &js_args);
    let ms = now() - started;
    let ms = crate::base::quantity::number((ms * 1000.0).round() / 1000.0);
    let mut backtrace = Vec::new();
    let result = match result {
        Err(e) => {
            let message = js_message(&e);
            backtrace = crate::domain::run::trap::backtrace(&js_stack(&e), &kept.bytes);
            Both::write(|lang| {
                Key::PlaygroundTrapped.fill(lang, &[("export", name), ("message", &message)])
            })
        }
        Ok(value) => {
            let values = results_from_js(&export.results, value);
            Both::write(|lang| {
                if values.is_empty() {
                    Key::PlaygroundReturnedNothing.fill(lang, &[("export", name), ("ms", &ms)])
                } else {
                    Key::PlaygroundReturned.fill(
                        lang,
                        &[
                            ("export", name),
                            ("values", &value_list(&values)),
                            ("ms", &ms),
                        ],
                    )
                }
            })
        }
    };
    drop(keep_alive);
    let imports = calls.borrow().clone();
    Response::Called(CallShown {
        result,
        imports,
        backtrace,
        ..CallShown::default()
    })
}

fn to_js(value: Value) -> JsValue {
    match value {
        Value::I32(x) => JsValue::from(x),
        Value::I64(x) => BigInt::from(x).into(),
        Value::F32(x) => JsValue::from(f64::from(x)),
        Value::F64(x) => JsValue::from(x),
    }
}

/// What a function of these result types returned to JavaScript: nothing, a value,
/// or an array of them.
fn results_from_js(types: &[NumType], value: JsValue) -> Vec<Value> {
    match types {
        [] => Vec::new(),
        [one] => vec![from_js(*one, &value)],
        many => {
            let array: Array = value.unchecked_into();
            many.iter()
                .enumerate()
                .map(|(i, t)| from_js(*t, &array.get(i as u32)))
                .collect()
        }
    }
}

fn from_js(ty: NumType, value: &JsValue) -> Value {
    match ty {
        NumType::I32 => Value::I32(value.as_f64().unwrap_or(0.0) as i32),
        NumType::I64 => Value::I64(
            value
                .dyn_ref::<BigInt>()
                .and_then(|b| b.to_string(10).ok())
                .and_then(|s| String::from(s).parse().ok())
                .unwrap_or(0),
        ),
        NumType::F32 => Value::F32(value.as_f64().unwrap_or(f64::NAN) as f32),
        NumType::F64 => Value::F64(value.as_f64().unwrap_or(f64::NAN)),
    }
}

/// The zero of a result type, as JavaScript passes it to WebAssembly.
fn zero(ty: &str) -> JsValue {
    match ty {
        "i64" => BigInt::from(0_i64).into(),
        "i32" | "f32" | "f64" => JsValue::from(0),
        _ => JsValue::NULL,
    }
}

type Stub = Closure<
    dyn FnMut(JsValue, JsValue, JsValue, JsValue, JsValue, JsValue, JsValue, JsValue) -> JsValue,
>;

/// An imports object where every function returns zero and records its call,
/// and memories, tables and globals are made to their declared types.
fn stub_imports(
    inspection: &Inspection,
    calls: &Rc<RefCell<Vec<String>>>,
    keep_alive: &mut Vec<Stub>,
) -> Result<Object, String> {
    let imports = Object::new();
    for import in &inspection.imports {
        let namespace = match Reflect::get(&imports, &import.module.as_str().into()) {
            Ok(ns) if ns.is_object() => ns,
            _ => {
                let ns: JsValue = Object::new().into();
                let _ = Reflect::set(&imports, &import.module.as_str().into(), &ns);
                ns
            }
        };
        let value: JsValue = match &import.ty {
            ExternType::Func(signature) => {
                let signature = signature.clone().unwrap_or_default();
                let calls = Rc::clone(calls);
                let (module, name) = (import.module.clone(), import.name.clone());
                let stub: Stub = Closure::new(
                    move |a: JsValue,
                          b: JsValue,
                          c: JsValue,
                          d: JsValue,
                          e: JsValue,
                          f: JsValue,
                          g: JsValue,
                          h: JsValue| {
                        let given = [a, b, c, d, e, f, g, h];
                        let args: Vec<Value> = signature
                            .params
                            .iter()
                            .zip(&given)
                            .filter_map(|(t, v)| NumType::parse(t).map(|t| from_js(t, v)))
                            .collect();
                        let mut calls = calls.borrow_mut();
                        // A runaway loop of calls must not exhaust memory.
                        if calls.len() < 1000 {
                            calls.push(format!("{module}.{name}({})", value_list(&args)));
                        }
                        match signature.results.as_slice() {
                            [] => JsValue::UNDEFINED,
                            [one] => zero(one),
                            many => many.iter().map(|t| zero(t)).collect::<Array>().into(),
                        }
                    },
                );
                let function: JsValue = stub.as_ref().clone();
                keep_alive.push(stub);
                function
            }
            _ => made(import)?,
        };
        let _ = Reflect::set(&namespace, &import.name.as_str().into(), &value);
    }
    Ok(imports)
}

/// An imported memory, table or global made to its declared type; an error for what
/// cannot be made here (a 64-bit memory, a tag) or a function (the caller's to make).
fn made(import: &crate::domain::inspect::Import) -> Result<JsValue, String> {
    Ok(match &import.ty {
        ExternType::Memory {
            limits,
            shared,
            memory64,
            ..
        } => {
            if *memory64 {
                return Err(format!(
                    "{}.{}: a 64-bit memory cannot be made here",
                    import.module, import.name
                ));
            }
            let descriptor = Object::new();
            let _ = Reflect::set(&descriptor, &"initial".into(), &(limits.min as f64).into());
            if let Some(max) = limits.max {
                let _ = Reflect::set(&descriptor, &"maximum".into(), &(max as f64).into());
            }
            if *shared {
                let _ = Reflect::set(&descriptor, &"shared".into(), &true.into());
            }
            WebAssembly::Memory::new(&descriptor)
                .map_err(|e| js_message(&e))?
                .into()
        }
        ExternType::Table {
            element, limits, ..
        } => {
            let descriptor = Object::new();
            let element = if element.contains("extern") {
                "externref"
            } else {
                "anyfunc"
            };
            let _ = Reflect::set(&descriptor, &"element".into(), &element.into());
            let _ = Reflect::set(&descriptor, &"initial".into(), &(limits.min as f64).into());
            if let Some(max) = limits.max {
                let _ = Reflect::set(&descriptor, &"maximum".into(), &(max as f64).into());
            }
            WebAssembly::Table::new(&descriptor)
                .map_err(|e| js_message(&e))?
                .into()
        }
        ExternType::Global { value, mutable, .. } => {
            let descriptor = Object::new();
            let _ = Reflect::set(&descriptor, &"value".into(), &value.as_str().into());
            let _ = Reflect::set(&descriptor, &"mutable".into(), &(*mutable).into());
            WebAssembly::Global::new(&descriptor, &zero(value))
                .map_err(|e| js_message(&e))?
                .into()
        }
        ExternType::Tag(_) => {
            return Err(format!(
                "{}.{}: an imported exception tag cannot be stubbed here",
                import.module, import.name
            ));
        }
        ExternType::Func(_) => {
            return Err(format!("{}.{}: a function", import.module, import.name));
        }
    })
}
