//! Which features a module needs: the lab's detectors, checks wasmparser does not tag,
//! the search against deciding each feature alone, and `target_features`.

use super::*;

#[test]
fn each_lab_detector_needs_its_own_feature() {
    for f in FEATURES {
        let bytes = feature_module(f.id);
        if f.method == Method::JsApi {
            continue;
        }
        let i = inspect(bytes);
        assert!(i.is_valid(), "{}: {:?}", f.id, i.problem());
        let ids = feature_ids(&i);
        assert!(ids.contains(&f.id), "{}: found {ids:?}", f.id);
        // Only what it uses: SIMD under relaxed SIMD, reference types under typed
        // references and GC, and no more than three in all.
        assert!(ids.len() <= 3, "{}: found {ids:?}", f.id);
        let needed = i.validation.features.as_ref().unwrap();
        for n in needed {
            assert!(n.in_lab, "{}: {n:?}", f.id);
            if n.evidence == Evidence::Validator {
                assert!(n.offset.is_some_and(|o| o < bytes.len() as u64), "{n:?}");
            }
        }
    }
    // And the MVP dot-product kernel's scalar half needs nothing, its SIMD half SIMD.
    let dot = inspect(crate::domain::wasm_lab::dot_module());
    assert_eq!(feature_ids(&dot), ["simd"]);
}

#[test]
fn untagged_checks_still_find_their_feature() {
    // Two memories fail without multi-memory through a count check that wasmparser
    // does not tag with a feature; the search must fall back and still find it, and
    // find the other features on the way.
    let bytes = compiled(
        "(module (memory 1) (memory 1)
           (func (export \"f\") (param i32) (result i32)
             (i32.extend8_s (i32.load 1 (local.get 0)))))",
    );
    let i = inspect(&bytes);
    assert_eq!(feature_ids(&i), ["sign-extension", "multi-memory"]);

    // A passive data segment and memory.init: the data count section comes first and
    // its check is untagged too (Rust's output has one).
    let bytes = compiled(
        "(module (memory 1) (data $d \"abc\")
           (func (export \"f\") (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3))))",
    );
    let i = inspect(&bytes);
    assert!(i.sections.iter().any(|s| s.name == "datacount"));
    assert_eq!(feature_ids(&i), ["bulk-memory"]);
}

#[test]
fn the_search_agrees_with_deciding_each_feature_alone() {
    // The greedy search may add a proposal another would also satisfy, never miss
    // one that deciding each alone finds.
    let mut binaries: Vec<&[u8]> = examples().iter().map(|e| e.bytes).collect();
    binaries.extend(
        FEATURES
            .iter()
            .map(|f| feature_module(f.id))
            .filter(|b| !b.is_empty()),
    );
    for bytes in binaries {
        let i = inspect(bytes);
        let greedy = feature_ids(&i);
        for id in features::knock_out(bytes) {
            assert!(greedy.contains(&id), "{id} missing from {greedy:?}");
        }
    }
}

#[test]
fn features_outside_the_lab_and_bigint_globals_are_named() {
    let bytes = compiled(
        "(module (global (export \"g\") (mut i64) (i64.const 0))
           (func (export \"w\") (param i64 i64 i64 i64) (result i64 i64)
             (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3))))",
    );
    let i = inspect(&bytes);
    let needed = i.validation.features.as_ref().unwrap();
    let ids: Vec<(&str, bool)> = needed.iter().map(|n| (n.id.as_str(), n.in_lab)).collect();
    assert_eq!(
        ids,
        [
            ("multi-value", true),
            ("mutable-globals", false),
            ("wide-arithmetic", false),
            ("bigint", true)
        ]
    );
}

#[test]
fn target_features_are_decoded() {
    // Count 2; '+' and "simd128"; '-' and "atomics".
    let bytes = compiled(r#"(module (@custom "target_features" "\02\2b\07simd128\2d\07atomics"))"#);
    let i = inspect(&bytes);
    assert_eq!(
        i.target_features,
        [
            TargetFeature {
                prefix: '+',
                name: "simd128".into()
            },
            TargetFeature {
                prefix: '-',
                name: "atomics".into()
            }
        ]
    );
    assert_eq!(i.sections[0].name, "target_features");
    assert!(i.sections[0].custom);
}
