//! Layer 1: the Wasm lab's modules, written in the WebAssembly text format and compiled
//! by build.rs, decoded and validated by a real validator (wasmparser). Each detector
//! must be valid with its feature and invalid without it, or it would detect nothing.
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::data::wasm_features::{FEATURES, Method};
use container_atlas::domain::wasm_lab::{dot_module, feature_module};
use wasmparser::{Parser, Payload, Validator, WasmFeatures};

fn validate(bytes: &[u8], features: WasmFeatures) -> Result<(), String> {
    Validator::new_with_features(features)
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// What a detector needs switched off to become invalid (with what depends on it).
fn without(id: &str) -> Option<WasmFeatures> {
    let off = match id {
        "simd" => WasmFeatures::SIMD | WasmFeatures::RELAXED_SIMD,
        "relaxed-simd" => WasmFeatures::RELAXED_SIMD,
        "threads" => WasmFeatures::THREADS | WasmFeatures::SHARED_EVERYTHING_THREADS,
        "bulk-memory" => WasmFeatures::BULK_MEMORY,
        "reference-types" => {
            WasmFeatures::REFERENCE_TYPES | WasmFeatures::GC | WasmFeatures::FUNCTION_REFERENCES
        }
        "multi-value" => WasmFeatures::MULTI_VALUE,
        "sign-extension" => WasmFeatures::SIGN_EXTENSION,
        "saturating-float-to-int" => WasmFeatures::SATURATING_FLOAT_TO_INT,
        "exceptions" => WasmFeatures::EXCEPTIONS | WasmFeatures::LEGACY_EXCEPTIONS,
        "tail-calls" => WasmFeatures::TAIL_CALL,
        "gc" => WasmFeatures::GC,
        "typed-function-references" => WasmFeatures::FUNCTION_REFERENCES | WasmFeatures::GC,
        "extended-const" => WasmFeatures::EXTENDED_CONST,
        "memory64" => WasmFeatures::MEMORY64,
        "multi-memory" => WasmFeatures::MULTI_MEMORY,
        // BigInt integration and JSPI are JavaScript API features: the module is MVP.
        _ => return None,
    };
    Some(WasmFeatures::all().difference(off))
}

#[test]
fn every_detector_is_valid_with_its_feature_and_invalid_without() {
    for f in FEATURES {
        let bytes = feature_module(f.id);
        if f.method == Method::JsApi {
            assert!(bytes.is_empty());
            continue;
        }
        validate(bytes, WasmFeatures::all()).unwrap_or_else(|e| panic!("{}: {e}", f.id));
        if let Some(features) = without(f.id) {
            assert!(
                validate(bytes, features).is_err(),
                "{}: still valid without the feature, so it detects nothing",
                f.id
            );
        }
    }
}

#[test]
fn detectors_decode_into_the_sections_the_spec_orders() {
    for f in FEATURES.iter().filter(|f| f.method != Method::JsApi) {
        let bytes = feature_module(f.id);
        let mut ids = Vec::new();
        let mut exports = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.unwrap_or_else(|e| panic!("{}: {e}", f.id)) {
                Payload::TypeSection(_) => ids.push(1),
                Payload::FunctionSection(_) => ids.push(3),
                Payload::MemorySection(_) => ids.push(5),
                Payload::TagSection(_) => ids.push(13),
                Payload::GlobalSection(_) => ids.push(6),
                Payload::ExportSection(reader) => {
                    ids.push(7);
                    for export in reader {
                        exports.push(export.unwrap().name.to_owned());
                    }
                }
                Payload::CodeSectionStart { count, .. } => {
                    ids.push(10);
                    assert_eq!(count, 1, "{}", f.id);
                }
                Payload::CustomSection(section) => {
                    panic!("{}: custom section {}", f.id, section.name())
                }
                _ => {}
            }
        }
        assert_eq!(ids[..2], [1, 3], "{}", f.id);
        assert_eq!(ids[ids.len() - 2..], [7, 10], "{}", f.id);
        assert_eq!(
            exports,
            ["f"],
            "{}: one export, the function the lab calls",
            f.id
        );
    }
}

#[test]
fn the_dot_product_kernel_validates_with_simd_only() {
    let bytes = dot_module();
    validate(bytes, WasmFeatures::all()).unwrap();
    let mvp_and_simd = WasmFeatures::WASM1 | WasmFeatures::SIMD;
    validate(bytes, mvp_and_simd).unwrap();
    assert!(
        validate(bytes, WasmFeatures::WASM1).is_err(),
        "its second function is SIMD"
    );
    let mut exports = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.unwrap() {
            Payload::ExportSection(reader) => {
                for export in reader {
                    exports.push(export.unwrap().name.to_owned());
                }
            }
            Payload::CustomSection(section) => panic!("custom section {}", section.name()),
            _ => {}
        }
    }
    assert_eq!(exports, ["memory", "scalar", "simd"]);
}
