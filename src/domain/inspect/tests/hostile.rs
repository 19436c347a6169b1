//! Garbage, truncated and mutated input, and components nested past any reason: errors
//! with offsets, never a panic or an overflow.

use super::*;

#[test]
fn garbage_empty_and_truncated_input_give_errors_with_offsets() {
    let empty = inspect(&[]);
    assert_eq!(empty.kind, Kind::NotWasm);
    assert_eq!(empty.problem().unwrap().kind, ProblemKind::Empty);

    let text = inspect(b"hello, world");
    assert_eq!(text.kind, Kind::NotWasm);
    let e = text.problem().unwrap();
    assert_eq!((e.kind, e.offset), (ProblemKind::NotWasm, 0));
    // A right start, then a wrong byte: the offset is where it goes wrong.
    assert_eq!(inspect(b"\0asX\x01\0\0\0").problem().unwrap().offset, 3);

    let preamble = inspect(b"\0asm\x01\0");
    assert_eq!(preamble.problem().unwrap().kind, ProblemKind::Truncated);

    let module = example("calc-module.wasm").bytes;
    let code = inspect(module).sections[4].clone();
    let cut = &module[..(code.content_offset + 3) as usize];
    let i = inspect(cut);
    assert_eq!(i.kind, Kind::Module);
    let e = i.error.as_ref().unwrap();
    assert_eq!(e.kind, ProblemKind::Truncated, "{e}");
    assert!(
        e.offset <= cut.len() as u64 && e.offset >= code.offset,
        "{e}"
    );
    // What came before the cut is kept.
    assert_eq!(i.imports.len(), 2);
    assert_eq!(i.exports.len(), 6);
    assert!(i.validation.features.is_none());

    let version = inspect(b"\0asm\x02\0\0\0");
    assert_eq!(version.problem().unwrap().kind, ProblemKind::Malformed);

    // Decodes, but does not validate: a call to a function that is not there.
    let invalid =
        inspect(b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\x03\x02\x01\0\x0a\x06\x01\x04\0\x10\x05\x0b");
    assert!(invalid.error.is_none());
    let e = invalid.validation.error.as_ref().unwrap();
    assert_eq!(e.kind, ProblemKind::Invalid);
    assert!(
        e.message.contains("function index out of bounds")
            || e.message.contains("unknown function"),
        "{e}"
    );
    // At the `call` instruction (0x10), after the body's size and locals.
    assert_eq!(e.offset, 23);
    assert!(!invalid.is_valid());
}

// proptest is a native dev-dependency: the wasm32 lint of the tests skips these.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Every function of the inspector on `bytes`, none of which may panic.
    fn everything(bytes: &[u8]) {
        let i = inspect(bytes);
        assert!(i.problem().is_some() || i.is_valid());
        if let Some(e) = &i.error {
            assert!(
                e.offset <= bytes.len() as u64 + 8,
                "{e} past {}",
                bytes.len()
            );
        }
        let _ = callable_exports(&i);
        for n in 0..i.nested.len() {
            let _ = nested(bytes, n);
        }
        let _ = to_wat(bytes, true, 4096);
        let _ = wit_text(bytes);
    }

    fn example_bytes() -> impl Strategy<Value = &'static [u8]> {
        prop_oneof![
            Just(examples()[0].bytes),
            Just(examples()[1].bytes),
            Just(feature_module("gc")),
            Just(feature_module("simd")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..200), wasm in any::<bool>()) {
            // Half of them behind a valid preamble, so the parser gets past it.
            let mut bytes = if wasm { b"\0asm\x01\0\0\0".to_vec() } else { Vec::new() };
            bytes.extend(tail);
            everything(&bytes);
        }

        #[test]
        fn truncated_examples_give_errors(bytes in example_bytes(), cut in 0.0..1.0f64) {
            let end = (bytes.len() as f64 * cut) as usize;
            let i = inspect(&bytes[..end]);
            // A cut between two sections leaves a shorter binary that may be valid;
            // anywhere else it is an error.
            let boundaries: Vec<u64> = inspect(bytes).sections.iter().map(|s| s.offset).collect();
            if !boundaries.contains(&(end as u64)) {
                prop_assert!(i.problem().is_some(), "cut at {end} of {}", bytes.len());
            }
            everything(&bytes[..end]);
        }

        #[test]
        fn mutated_examples_never_panic(bytes in example_bytes(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let mut bytes = bytes.to_vec();
            let at = at.index(bytes.len());
            bytes[at] = byte;
            everything(&bytes);
        }
    }
}

/// `depth` components nested one in another, the innermost empty, as bytes.
fn nested_components(depth: usize) -> Vec<u8> {
    let mut inner = wasm_encoder::Component::new();
    for _ in 0..depth {
        let mut outer = wasm_encoder::Component::new();
        outer.section(&wasm_encoder::NestedComponentSection(&inner));
        inner = outer;
    }
    inner.finish()
}

#[test]
fn deeply_nested_components_are_listed_or_refused_without_overflow() {
    for depth in [3, 2_000] {
        let bytes = nested_components(depth);
        let i = inspect(&bytes);
        assert_eq!(i.kind, Kind::Component);
        if depth == 3 {
            assert!(i.is_valid(), "{:?}", i.problem());
            let depths: Vec<u32> = i.nested.iter().map(|n| n.depth).collect();
            assert_eq!(depths, [1, 2, 3]);
            let innermost = nested(&bytes, 2).unwrap();
            assert_eq!(innermost, b"\0asm\x0d\0\x01\0");
        }
        // The walk lists them all; the validator refuses past its limit of 1000.
        assert_eq!(i.nested.len(), depth);
        if depth > 1000 {
            let e = i.validation.error.as_ref().expect("over the nesting limit");
            assert!(e.message.contains("exceeds limit"), "{e}");
        }
        assert!(to_wat(&bytes, false, TEXT_LIMIT).is_ok());
        let _ = wit_text(&bytes);
    }
}
