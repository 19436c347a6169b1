//! The lab's WebAssembly modules, as bytes. They are written in the WebAssembly text
//! format in `wat/` (one file per module, each saying what it detects and why it is
//! valid only with that feature) and compiled by `build.rs`, so the app carries the
//! bytes and no text parser; `tests/wasm_modules.rs` validates each with and without
//! its feature.

/// One compiled module of `wat/`, by file name.
macro_rules! lab_module {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/wasm_lab/", $name, ".wasm"))
    };
}

/// The module that tests a feature of [`FEATURES`](crate::data::wasm_features::FEATURES)
/// (empty for a JavaScript API check, and for an unknown id).
pub fn feature_module(id: &str) -> &'static [u8] {
    match id {
        "simd" => lab_module!("simd"),
        "relaxed-simd" => lab_module!("relaxed-simd"),
        "threads" => lab_module!("threads"),
        "bulk-memory" => lab_module!("bulk-memory"),
        "reference-types" => lab_module!("reference-types"),
        "multi-value" => lab_module!("multi-value"),
        "sign-extension" => lab_module!("sign-extension"),
        "saturating-float-to-int" => lab_module!("saturating-float-to-int"),
        "bigint" => lab_module!("bigint"),
        "exceptions" => lab_module!("exceptions"),
        "tail-calls" => lab_module!("tail-calls"),
        "gc" => lab_module!("gc"),
        "typed-function-references" => lab_module!("typed-function-references"),
        "extended-const" => lab_module!("extended-const"),
        "memory64" => lab_module!("memory64"),
        "multi-memory" => lab_module!("multi-memory"),
        _ => &[],
    }
}

/// The small module timed for compile-and-instantiate: the SIMD detector, so the
/// figure is for a module that does some work, and its size is stated on the page.
pub fn instantiate_module() -> &'static [u8] {
    feature_module("simd")
}

/// The dot-product kernel (`wat/dot.wat`): exports `memory`, where the lab writes
/// `a` from 0 and `b` from `n * 4`, and `scalar(n)` and `simd(n)`, the same sum one
/// float and four floats at a time.
pub fn dot_module() -> &'static [u8] {
    lab_module!("dot")
}

/// How many floats each vector of the dot product has.
pub const DOT_LENGTH: u32 = 16_384;

/// The value in `a[i]` and `b[i]`, and the exact dot product they give (small
/// integers and halves: exact in f32 whatever the order of the additions).
pub fn dot_inputs(i: u32) -> (f32, f32) {
    ((i % 7) as f32, 0.5)
}

pub fn dot_expected(n: u32) -> f32 {
    (0..n)
        .map(|i| {
            let (a, b) = dot_inputs(i);
            a * b
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::wasm_features::{FEATURES, Method};

    #[test]
    fn every_feature_but_a_javascript_api_has_a_module() {
        for f in FEATURES {
            let bytes = feature_module(f.id);
            assert_eq!(bytes.is_empty(), f.method == Method::JsApi, "{}", f.id);
            if !bytes.is_empty() {
                assert_eq!(bytes[..8], *b"\0asm\x01\0\0\0", "{}", f.id);
            }
        }
        assert!(feature_module("no-such-feature").is_empty());
    }

    #[test]
    fn the_dot_product_inputs_are_exact() {
        assert_eq!(dot_expected(7), 10.5);
        assert_eq!(dot_expected(DOT_LENGTH), 24_573.0);
    }
}
