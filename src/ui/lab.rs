//! The Wasm lab's contact with the browser: validate, instantiate and call the lab's
//! modules through the JavaScript WebAssembly API, time them, and read this visit's
//! Resource Timing. Nothing here can throw: a missing API or feature is a `false` or
//! a `None`, shown as such.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{self, Reflect, Uint8Array, WebAssembly};

use crate::data::wasm_features::{Feature, Method};
use crate::domain::wasm_lab::{
    DOT_LENGTH, dot_expected, dot_inputs, dot_module, feature_module, instantiate_module,
};

fn bytes(module: &[u8]) -> JsValue {
    Uint8Array::from(module).into()
}

/// `WebAssembly.validate` on the module; false where WebAssembly is missing.
pub fn validates(module: &[u8]) -> bool {
    WebAssembly::validate(&bytes(module)).unwrap_or(false)
}

/// A synchronous compile and instantiate, without imports.
pub fn instantiate(module: &[u8]) -> Option<WebAssembly::Instance> {
    let compiled = WebAssembly::Module::new(&bytes(module)).ok()?;
    WebAssembly::Instance::new(&compiled, &js_sys::Object::new()).ok()
}

fn export(instance: &WebAssembly::Instance, name: &str) -> Option<JsValue> {
    Reflect::get(&instance.exports(), &name.into()).ok()
}

fn function(instance: &WebAssembly::Instance, name: &str) -> Option<js_sys::Function> {
    export(instance, name)?.dyn_into().ok()
}

/// Whether this browser has a feature, by the feature's own method.
pub fn detect(f: &Feature) -> bool {
    let module = feature_module(f.id);
    match f.method {
        Method::Validate => validates(module),
        Method::Run { expect } => (|| {
            if !validates(module) {
                return None;
            }
            let result = function(&instantiate(module)?, "f")?
                .call0(&JsValue::NULL)
                .ok()?;
            Some(result.as_f64() == Some(f64::from(expect)))
        })()
        .unwrap_or(false),
        Method::RunBigInt => (|| {
            let f = function(&instantiate(module)?, "f")?;
            let result = f
                .call1(&JsValue::NULL, &js_sys::BigInt::from(41).into())
                .ok()?;
            Some(result.is_bigint() && result == JsValue::from(js_sys::BigInt::from(42)))
        })()
        .unwrap_or(false),
        Method::JsApi => {
            let wasm = Reflect::get(&js_sys::global(), &"WebAssembly".into())
                .unwrap_or(JsValue::UNDEFINED);
            ["Suspending", "promising"]
                .iter()
                .all(|name| Reflect::get(&wasm, &(*name).into()).is_ok_and(|v| v.is_function()))
        }
    }
}

/// Whether the page is cross-origin isolated (what shared memory needs).
pub fn cross_origin_isolated() -> bool {
    Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Milliseconds since the page's time origin.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// One sample of compile-and-instantiate: `batch` of them timed together (browser
/// clocks are coarsened to 0.1 ms or more), in ms each.
pub fn time_instantiate(batch: u32) -> Option<f64> {
    let module = instantiate_module();
    let start = now();
    for _ in 0..batch {
        instantiate(module)?;
    }
    Some((now() - start) / f64::from(batch))
}

/// The dot-product kernel, instantiated with its inputs written into its memory.
pub struct DotKernel {
    scalar: js_sys::Function,
    simd: js_sys::Function,
}

impl DotKernel {
    pub fn new() -> Option<DotKernel> {
        let instance = instantiate(dot_module())?;
        let memory: WebAssembly::Memory = export(&instance, "memory")?.dyn_into().ok()?;
        let floats = js_sys::Float32Array::new(&memory.buffer());
        for i in 0..DOT_LENGTH {
            let (a, b) = dot_inputs(i);
            floats.set_index(i, a);
            floats.set_index(DOT_LENGTH + i, b);
        }
        Some(DotKernel {
            scalar: function(&instance, "scalar")?,
            simd: function(&instance, "simd")?,
        })
    }

    fn call(f: &js_sys::Function) -> Option<f64> {
        f.call1(&JsValue::NULL, &DOT_LENGTH.into()).ok()?.as_f64()
    }

    /// Both answers, to check against [`dot_expected`].
    pub fn answers(&self) -> (Option<f64>, Option<f64>) {
        (Self::call(&self.scalar), Self::call(&self.simd))
    }

    /// One sample: `reps` calls of one kernel, in ms per call.
    pub fn time(&self, simd: bool, reps: u32) -> Option<f64> {
        let f = if simd { &self.simd } else { &self.scalar };
        let start = now();
        for _ in 0..reps {
            Self::call(f)?;
        }
        Some((now() - start) / f64::from(reps))
    }
}

/// The exact dot product, for checking the kernels.
pub fn dot_answer() -> f64 {
    f64::from(dot_expected(DOT_LENGTH))
}

/// The Resource Timing entry of this app's own wasm, its main module: wasm-bindgen
/// names it `…_bg.wasm` (the pages' chunks, which the page may fetch first, are
/// `chunk_…` and `split_…`; the playground's worker is `worker-<hash>_bg.wasm`).
fn own_wasm_entry() -> Option<JsValue> {
    let performance = web_sys::window()?.performance()?;
    performance
        .get_entries_by_type("resource")
        .iter()
        .find(|e| entry_name(e).as_deref().is_some_and(is_main_module))
}

/// Every wasm file of this app the page has loaded, in the order it fetched them, with
/// the bytes each took over the wire (`None` from the cache or unknown): the main
/// module, the chunks or packs of the pages opened. The worker fetches its own, which
/// the page's Resource Timing does not list: see [`worker_wasm_name`].
pub fn loaded_wasm() -> Vec<(String, WasmFile, Option<f64>)> {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return Vec::new();
    };
    let mut seen: Vec<(String, WasmFile, Option<f64>)> = Vec::new();
    for entry in performance.get_entries_by_type("resource").iter() {
        let Some(url) = entry_name(&entry) else {
            continue;
        };
        let Some(kind) = WasmFile::of(&url) else {
            continue;
        };
        if seen.iter().any(|(u, ..)| *u == url) {
            continue;
        }
        let size = Reflect::get(&entry, &"encodedBodySize".into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|v| *v > 0.0);
        seen.push((url, kind, size));
    }
    seen
}

/// The playground worker's wasm, named after its loader (`worker_loader-<hash>.js`
/// loads `worker-<hash>_bg.wasm`).
pub fn worker_wasm_name(loader: &str) -> Option<String> {
    let hash = loader.strip_prefix("worker_loader")?.strip_suffix(".js")?;
    Some(format!("worker{hash}_bg.wasm"))
}

/// Which of this app's wasm files a URL is, by the names the build gives them (also
/// what the end-to-end tests and the bench count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasmFile {
    /// The main module, with the shell: wasm-bindgen's `…_bg.wasm`.
    Main,
    /// The playground's worker, `worker-<hash>_bg.wasm`.
    Worker,
    /// A chunk of the pages' code (`chunk_…`, `split_…`).
    Chunk,
    /// A page's chunks packed in one file (`pack_…`), which a deep link to it fetches.
    Pack,
}

impl WasmFile {
    /// What `url` is, or `None` if it is none of this app's wasm files.
    pub fn of(url: &str) -> Option<WasmFile> {
        let file = file_name(url);
        if !file.ends_with(".wasm") {
            None
        } else if file.starts_with("worker") {
            Some(WasmFile::Worker)
        } else if file.ends_with("_bg.wasm") {
            Some(WasmFile::Main)
        } else if file.starts_with("chunk_") || file.starts_with("split_") {
            Some(WasmFile::Chunk)
        } else if file.starts_with("pack_") {
            Some(WasmFile::Pack)
        } else {
            None
        }
    }
}

/// The file a URL names: its last path segment, without query or fragment.
pub fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit('/').next().unwrap_or("")
}

/// Whether a fetched URL is the app's main wasm module (see [`own_wasm_entry`]).
pub fn is_main_module(url: &str) -> bool {
    WasmFile::of(url) == Some(WasmFile::Main)
}

fn entry_name(entry: &JsValue) -> Option<String> {
    Reflect::get(entry, &"name".into()).ok()?.as_string()
}

/// The URL of this app's own wasm, as the page fetched it.
pub fn own_wasm_url() -> Option<String> {
    entry_name(&own_wasm_entry()?)
}

/// This visit's start, from Resource Timing and the app's marks: wasm bytes over the
/// wire, its download (ms), from its arrival to the app's first code (ms), and from
/// the time origin to the first content (ms).
pub fn app_start() -> (Option<f64>, Option<f64>, Option<f64>, Option<f64>) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return (None, None, None, None);
    };
    let number = |entry: &JsValue, key: &str| {
        Reflect::get(entry, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|v| v.is_finite())
    };
    let wasm = own_wasm_entry();
    let mark = |name: &str| performance.get_entries_by_name(name).get(0);
    let first_code = mark(crate::ui::browser::START_MARK);
    let first_content = mark(crate::ui::browser::CONTENT_MARK);
    let bytes = wasm.as_ref().and_then(|e| {
        // transferSize is 0 from the cache; the encoded body is what came over the wire.
        number(e, "encodedBodySize").filter(|b| *b > 0.0)
    });
    let download = wasm
        .as_ref()
        .and_then(|e| Some(number(e, "responseEnd")? - number(e, "startTime")?));
    let compile = wasm
        .as_ref()
        .and_then(|e| Some(number(&first_code, "startTime")? - number(e, "responseEnd")?))
        .filter(|v| *v >= 0.0);
    (
        bytes,
        download,
        compile,
        number(&first_content, "startTime"),
    )
}

/// The browser's own description of itself.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Now, as ISO 8601 (UTC).
pub fn iso_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Resolves after the browser has had a chance to paint: keeps a long run responsive
/// and lets Cancel be pressed between samples.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[cfg(test)]
mod tests {
    use super::{WasmFile, is_main_module, worker_wasm_name};

    #[test]
    fn the_worker_wasm_is_named_after_its_loader() {
        assert_eq!(
            worker_wasm_name("worker_loader-8581d4ddbfa6216b.js").as_deref(),
            Some("worker-8581d4ddbfa6216b_bg.wasm")
        );
        assert_eq!(
            worker_wasm_name("worker_loader.js").as_deref(),
            Some("worker_bg.wasm")
        );
        assert_eq!(worker_wasm_name("other.js"), None);
    }

    #[test]
    fn the_main_module_is_told_from_chunks_and_the_worker() {
        assert!(is_main_module(
            "http://127.0.0.1:8080/container-atlas-1ba7596be172faf9_bg.wasm"
        ));
        assert!(is_main_module("/sub/container-atlas-1ba7_bg.wasm?x=1"));
        for other in [
            "/chunk_12-3471d8d1938b8473.wasm",
            "/split_gpus-3471d8d1938b8473.wasm",
            "/pack_gpus-3471d8d1938b8473.wasm",
            "/worker-4ff662c1a539db52_bg.wasm",
            "/container-atlas-1ba7_bg.wasm.map",
        ] {
            assert!(!is_main_module(other), "{other}");
        }
        assert_eq!(WasmFile::of("/a/split_gpus-1.wasm"), Some(WasmFile::Chunk));
        assert_eq!(WasmFile::of("/chunk_3-1.wasm?v"), Some(WasmFile::Chunk));
        assert_eq!(WasmFile::of("/worker-4ff6_bg.wasm"), Some(WasmFile::Worker));
        assert_eq!(WasmFile::of("/pack_gpus-1.wasm"), Some(WasmFile::Pack));
        assert_eq!(WasmFile::of("/other.wasm"), None);
        assert_eq!(WasmFile::of("/container-atlas-1_bg.wasm.map"), None);
        assert_eq!(WasmFile::of("/atlas-split-1.js"), None);
    }
}
