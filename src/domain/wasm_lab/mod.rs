//! The WebAssembly lab's modules and results, in pure Rust.
//!
//! Each feature of [`FEATURES`](crate::data::wasm_features::FEATURES) is detected with
//! a tiny module (`modules`): if the browser validates it, the feature is there. SIMD is
//! also run, since validating and computing right are not the same thing. Threads also
//! need `crossOriginIsolated`; JS promise integration is a JavaScript API, detected by
//! its presence. The benchmark kernel is a module too. Results (`results`) are kept in
//! localStorage as versioned JSON (`storage`) and written out as JSON or Markdown (`report`) for the
//! visitor to copy.

mod modules;
mod report;
mod results;
mod storage;

pub use modules::{
    DOT_LENGTH, dot_expected, dot_inputs, dot_module, feature_module, instantiate_module,
};
pub use report::{duration_text, kb_text, speedup_figure, speedup_text, stat_text};
pub use results::{LabResults, Stat};
