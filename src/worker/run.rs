//! Runs the kept core module as a WASI preview 1 program, on the browser's
//! WebAssembly: the host is `domain::run::wasi` (the same one `cargo test` runs on
//! wasmi), reached through the bridge module (`domain::run::bridge`); output goes to
//! the page as it is written, in batches; the files the program wrote come back with
//! the end of the run.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{js_message, js_stack, made, post, value_list};
use crate::domain::inspect::protocol::{Both, FileShown, Response, RunEnd, RunRequest, RunShown};
use crate::domain::inspect::{ExternType, Inspection, Value};
use crate::domain::run::bridge::{self, FuncType};
use crate::domain::run::wasi::{self, Bytes, Host, Memory, Outside, Setup, Stop};
use crate::domain::run::{self, ENTRY, fs::Change, trap};
use crate::i18n::Key;

/// Output waits at most this long (ms) before it goes to the page…
pub(super) const FLUSH_MS: f64 = 50.0;
/// …or until this much waits.
pub(super) const FLUSH_BYTES: usize = 64 * 1024;
/// Calls to stubbed imports kept for the log.
const STUB_LOG_MAX: usize = 1000;

/// A guest memory in the browser: a view over its buffer made for each access, as
/// the buffer is replaced when the memory grows.
pub(super) struct JsMemory(pub(super) WebAssembly::Memory);

impl JsMemory {
    fn view(&self, at: u32, len: usize) -> Option<Uint8Array> {
        let buffer = self.0.buffer();
        let end = u64::from(at) + len as u64;
        (end <= self.size())
            .then(|| Uint8Array::new_with_byte_offset_and_length(&buffer, at, len as u32))
    }
}

impl Memory for JsMemory {
    fn size(&self) -> u64 {
        // As a double: a 4 GiB memory's length does not fit a u32.
        Reflect::get(&self.0.buffer(), &"byteLength".into())
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(0, |n| n as u64)
    }
    fn read(&self, at: u32, out: &mut [u8]) -> bool {
        match self.view(at, out.len()) {
            Some(view) => {
                view.copy_to(out);
                true
            }
            None => false,
        }
    }
    fn write(&mut self, at: u32, data: &[u8]) -> bool {
        match self.view(at, data.len()) {
            Some(view) => {
                view.copy_from(data);
                true
            }
            None => false,
        }
    }
}

/// The worker's clocks, its crypto's randomness, and a wait that spins (a worker
/// cannot block without a SharedArrayBuffer, which needs a cross-origin-isolated page).
pub(super) struct Browser {
    performance: Option<web_sys::Performance>,
    get_random_values: Option<(JsValue, Function)>,
}

impl Browser {
    pub(super) fn new() -> Browser {
        let global = js_sys::global();
        let performance = Reflect::get(&global, &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into().ok());
        let get_random_values = Reflect::get(&global, &"crypto".into())
            .ok()
            .filter(|c| c.is_object())
            .and_then(|crypto| {
                let f = Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
                Some((crypto, f.dyn_into::<Function>().ok()?))
            });
        Browser {
            performance,
            get_random_values,
        }
    }

    pub(super) fn now_ms(&self) -> f64 {
        self.performance
            .as_ref()
            .map_or_else(js_sys::Date::now, |p| p.now())
    }
}

impl Outside for Browser {
    fn realtime_ns(&mut self) -> u64 {
        (js_sys::Date::now() * 1e6) as u64
    }
    fn monotonic_ns(&mut self) -> u64 {
        (self.now_ms() * 1e6) as u64
    }
    fn fill_random(&mut self, buf: &mut [u8]) {
        // getRandomValues takes at most 65,536 bytes a call.
        for chunk in buf.chunks_mut(65_536) {
            let array = Uint8Array::new_with_length(chunk.len() as u32);
            match &self.get_random_values {
                Some((crypto, f)) if f.call1(crypto, &array).is_ok() => array.copy_to(chunk),
                _ => {
                    for b in chunk.iter_mut() {
                        *b = (js_sys::Math::random() * 256.0) as u8;
                    }
                }
            }
        }
    }
    fn sleep_ns(&mut self, ns: u64) {
        let until = self.now_ms() + ns as f64 / 1e6;
        while self.now_ms() < until {}
    }
}

pub(super) fn refused(message: Both) -> (RunShown, Vec<u8>) {
    (
        RunShown {
            end: RunEnd::Refused(message),
            ms: 0.0,
            dropped: 0,
            files: Vec::new(),
            trace: Vec::new(),
            calls: 0,
            stubbed: Vec::new(),
            backtrace: Vec::new(),
            bytes: Vec::new(),
        },
        Vec::new(),
    )
}

/// The files a run made, changed or removed, and their bytes one after another.
pub(super) fn written(fs: &crate::domain::run::fs::Fs) -> (Vec<FileShown>, Vec<u8>) {
    let mut blob = Vec::new();
    let files = fs
        .changes()
        .into_iter()
        .map(|(path, change)| {
            let bytes = match change {
                Change::Removed => &[][..],
                _ => fs.file(&path).unwrap_or_default(),
            };
            let offset = blob.len() as u64;
            blob.extend_from_slice(bytes);
            FileShown {
                path,
                change,
                size: bytes.len() as u64,
                offset,
            }
        })
        .collect();
    (files, blob)
}

/// Standard input and the files, cut from the request's bytes by their sizes.
pub(super) fn inputs(request: &RunRequest, bytes: &[u8]) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let mut rest = bytes;
    let mut take = |n: u64| {
        let n = (n.min(rest.len() as u64)) as usize;
        let (head, tail) = rest.split_at(n);
        rest = tail;
        head.to_vec()
    };
    let stdin = take(request.stdin_len);
    let files = request
        .files
        .iter()
        .map(|(path, size)| (path.clone(), take(*size)))
        .collect();
    (stdin, files)
}

/// Runs `binary` (its inspection, its name as `argv[0]`) for request `id`, posting
/// output as it comes; the end of the run, and the bytes of the files it wrote.
pub(super) fn run(
    id: u32,
    binary: &[u8],
    inspection: &Inspection,
    name: &str,
    request: RunRequest,
    bytes: Vec<u8>,
) -> (RunShown, Vec<u8>) {
    let plan = run::plan(inspection);
    if !plan.command {
        return refused(Both::write(|lang| Key::RunNotCommand.text(lang).to_owned()));
    }
    if !plan.missing.is_empty() && !request.stub_missing {
        let names: Vec<String> = plan
            .missing
            .iter()
            .map(|m| format!("{}.{}", m.module, m.name))
            .collect();
        return refused(Both::write(|lang| {
            Key::RunMissingRefused.fill(lang, &[("names", &names.join(", "))])
        }));
    }
    // Every function import with its type, and whether the host provides it.
    let mut functions = Vec::new();
    for import in &inspection.imports {
        if let ExternType::Func(signature) = &import.ty {
            let ty = signature
                .as_ref()
                .and_then(|s| FuncType::parse(&s.params, &s.results));
            let Some(ty) = ty else {
                let what = format!("{}.{}", import.module, import.name);
                return refused(Both::write(|lang| {
                    Key::RunUnpassable.fill(lang, &[("import", &what)])
                }));
            };
            let provided = import.module == wasi::MODULE
                && !plan
                    .missing
                    .iter()
                    .any(|m| m.module == import.module && m.name == import.name);
            functions.push((import.clone(), ty, provided));
        }
    }

    let (stdin, files) = inputs(&request, &bytes);
    let mut args = vec![name.to_owned()];
    args.extend(request.args);
    let browser = Browser::new();
    // One clock for the host's calls, in the closure; one for the run's own time.
    let clock = Browser::new();
    let timer = Browser::new();
    let host = Rc::new(RefCell::new(Host::new(
        Setup {
            args,
            env: request.env,
            stdin,
            files,
        },
        Box::new(browser),
    )));
    let guest_memory: Rc<RefCell<Option<WebAssembly::Memory>>> = Rc::default();
    let slots: Rc<RefCell<Option<WebAssembly::Memory>>> = Rc::default();
    let exit: Rc<Cell<Option<u32>>> = Rc::default();
    let stubbed: Rc<RefCell<Vec<String>>> = Rc::default();
    let last_flush = Rc::new(Cell::new(timer.now_ms()));

    let types: Vec<FuncType> = functions.iter().map(|(_, ty, _)| ty.clone()).collect();
    let host_call = {
        let (host, guest_memory, slots, exit, stubbed) = (
            Rc::clone(&host),
            Rc::clone(&guest_memory),
            Rc::clone(&slots),
            Rc::clone(&exit),
            Rc::clone(&stubbed),
        );
        let last_flush = Rc::clone(&last_flush);
        Closure::<dyn FnMut(u32) -> Result<(), JsValue>>::new(move |index: u32| {
            let Some((import, ty, provided)) = functions.get(index as usize) else {
                return Err(JsValue::from_str("no such import"));
            };
            let Some(slots) = slots.borrow().clone() else {
                return Err(JsValue::from_str("the bridge has no memory"));
            };
            let view = Uint8Array::new(&slots.buffer());
            let width = ty.params.len().max(ty.results.len()) as u32 * 8;
            let mut raw = vec![0u8; ty.params.len() * 8];
            view.subarray(0, raw.len() as u32).copy_to(&mut raw);
            let args = bridge::read(&raw, &ty.params);
            let results: Vec<Value> = if *provided {
                let memory = guest_memory.borrow().clone();
                let mut host = host.borrow_mut();
                // What was written before a sleep is shown before it, not after.
                if import.name == "poll_oneoff" {
                    let output = host.console.drain();
                    if !output.is_empty() {
                        post(id, Response::Output(output));
                    }
                }
                let answer = match memory {
                    Some(memory) => host.call(&import.name, &args, &mut JsMemory(memory)),
                    None => host.call(&import.name, &args, &mut Bytes(&mut [])),
                };
                let now = clock.now_ms();
                if host.console.pending_bytes() > FLUSH_BYTES || now - last_flush.get() >= FLUSH_MS
                {
                    let output = host.console.drain();
                    if !output.is_empty() {
                        post(id, Response::Output(output));
                    }
                    last_flush.set(now);
                }
                match answer {
                    Ok(values) => values,
                    Err(Stop::Exit(code)) => {
                        exit.set(Some(code));
                        return Err(JsValue::from_str("proc_exit"));
                    }
                }
            } else {
                let mut log = stubbed.borrow_mut();
                if log.len() < STUB_LOG_MAX {
                    log.push(format!(
                        "{}.{}({})",
                        import.module,
                        import.name,
                        value_list(&args)
                    ));
                }
                ty.results.iter().map(|t| Value::zero(*t)).collect()
            };
            let written = bridge::write(&results);
            if !written.is_empty() && written.len() as u32 <= width.max(8) {
                view.subarray(0, written.len() as u32).copy_from(&written);
            }
            Ok(())
        })
    };

    // Until the program starts, a failure took no time of its own.
    let started = Cell::new(timer.now_ms());
    let outcome = (|| -> Result<(), JsValue> {
        let host_ns = Object::new();
        Reflect::set(&host_ns, &bridge::HOST.1.into(), host_call.as_ref())?;
        let bridge_imports = Object::new();
        Reflect::set(&bridge_imports, &bridge::HOST.0.into(), &host_ns)?;
        let bridge_module =
            WebAssembly::Module::new(&Uint8Array::from(bridge::module(&types).as_slice()).into())?;
        let bridge_instance = WebAssembly::Instance::new(&bridge_module, &bridge_imports)?;
        let bridged = bridge_instance.exports();
        *slots.borrow_mut() = Some(Reflect::get(&bridged, &bridge::SLOTS.into())?.dyn_into()?);

        let imports = Object::new();
        let mut function_index = 0;
        for import in &inspection.imports {
            let namespace = match Reflect::get(&imports, &import.module.as_str().into()) {
                Ok(ns) if ns.is_object() => ns,
                _ => {
                    let ns: JsValue = Object::new().into();
                    Reflect::set(&imports, &import.module.as_str().into(), &ns)?;
                    ns
                }
            };
            let value = match &import.ty {
                ExternType::Func(_) => {
                    let f = Reflect::get(&bridged, &bridge::export_name(function_index).into())?;
                    function_index += 1;
                    f
                }
                _ => {
                    let value = made(import).map_err(|e| JsValue::from_str(&e))?;
                    if let Some(memory) = value.dyn_ref::<WebAssembly::Memory>() {
                        guest_memory
                            .borrow_mut()
                            .get_or_insert_with(|| memory.clone());
                    }
                    value
                }
            };
            Reflect::set(&namespace, &import.name.as_str().into(), &value)?;
        }
        let module = WebAssembly::Module::new(&Uint8Array::from(binary).into())?;
        started.set(timer.now_ms());
        let instance = WebAssembly::Instance::new(&module, &imports)?;
        let exports = instance.exports();
        if let Ok(memory) =
            Reflect::get(&exports, &"memory".into())?.dyn_into::<WebAssembly::Memory>()
        {
            *guest_memory.borrow_mut() = Some(memory);
        }
        let start: Function = Reflect::get(&exports, &ENTRY.into())?.dyn_into()?;
        start.call0(&JsValue::NULL)?;
        Ok(())
    })();
    let ms = timer.now_ms() - started.get();
    drop(host_call);
    let mut backtrace = Vec::new();
    let end = match (outcome, exit.get()) {
        (_, Some(code)) => RunEnd::Exited(code),
        (Ok(()), None) => RunEnd::Returned,
        (Err(e), None) => {
            backtrace = trap::backtrace(&js_stack(&e), binary);
            RunEnd::Trapped(js_message(&e))
        }
    };

    let mut host = host.borrow_mut();
    let output = host.console.finish();
    if !output.is_empty() {
        post(id, Response::Output(output));
    }
    let (files, blob) = written(&host.fs);
    let shown = RunShown {
        end,
        ms: (ms * 1000.0).round() / 1000.0,
        dropped: host.console.dropped,
        files,
        trace: std::mem::take(&mut host.trace),
        calls: host.calls,
        stubbed: stubbed.take(),
        backtrace,
        bytes: Vec::new(),
    };
    (shown, blob)
}
