//! The inspector on the examples, on the lab's detector modules, on fixtures compiled
//! here from text, and on garbage.

use super::*;
use crate::data::wasm_features::{FEATURES, Method};
use crate::domain::wasm_lab::feature_module;

fn example(file: &str) -> Example {
    examples()
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no example {file}"))
}

fn compiled(text: &str) -> Vec<u8> {
    compile_wat(text).unwrap_or_else(|e| panic!("{}:{}: {}", e.line, e.column, e.message))
}

fn export<'a>(inspection: &'a Inspection, name: &str) -> &'a Export {
    inspection
        .exports
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no export {name}"))
}

fn feature_ids(inspection: &Inspection) -> Vec<&str> {
    let features = inspection.validation.features.as_ref().expect("valid");
    features.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn the_core_example_shows_its_imports_exports_names_and_producers() {
    let module = example("calc-module.wasm");
    let i = inspect(module.bytes);
    assert_eq!(i.kind, Kind::Module);
    assert_eq!(i.version, Some(1));
    assert_eq!(i.size, module.bytes.len() as u64);
    assert!(i.is_valid(), "{:?}", i.problem());

    // Sections in file order, covering the whole file after the 8-byte preamble.
    let names: Vec<&str> = i.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "type",
            "import",
            "function",
            "export",
            "code",
            "producers",
            "name"
        ]
    );
    assert_eq!(i.sections[0].offset, 8);
    let covered: u64 = i.sections.iter().map(|s| s.size).sum();
    assert_eq!(covered + 8, i.size);
    for s in &i.sections {
        assert!(
            s.content_offset > s.offset && s.content_offset + s.content_size == s.offset + s.size
        );
    }

    assert_eq!(
        i.imports,
        [
            Import {
                module: "env".into(),
                name: "log".into(),
                ty: ExternType::Func(Some(Signature {
                    params: vec!["i32".into(), "i32".into()],
                    results: vec![],
                })),
            },
            Import {
                module: "env".into(),
                name: "memory".into(),
                ty: ExternType::Memory {
                    limits: Limits {
                        min: 1,
                        max: Some(16)
                    },
                    shared: false,
                    memory64: false,
                    page_size: 65_536,
                },
            },
        ]
    );
    assert_eq!(i.imports[0].ty.to_string(), "(i32, i32) -> ()");
    assert_eq!(i.imports[1].ty.to_string(), "1..16 pages");
    let signatures: Vec<(&str, String)> = i
        .exports
        .iter()
        .map(|e| (e.name.as_str(), e.ty.to_string()))
        .collect();
    assert_eq!(
        signatures,
        [
            ("add", "(i32, i32) -> i32".to_owned()),
            ("factorial", "(i64) -> i64".to_owned()),
            ("fib", "(i32) -> i32".to_owned()),
            ("average", "(f64, f64) -> f64".to_owned()),
            ("spin", "() -> ()".to_owned()),
            ("count_calls", "() -> i32".to_owned()),
        ]
    );
    // Exported indices count the imported function first.
    assert_eq!(export(&i, "add").index, 1);

    assert_eq!(i.module_name.as_deref(), Some("calc"));
    assert_eq!((i.imported_functions, i.defined_functions), (1, 6));
    assert_eq!(i.function_name_count, 7);
    assert_eq!(i.function_names[0], (0, "log".to_owned()));
    assert!(
        i.producers
            .iter()
            .any(|p| p.field == "processed-by" && p.name == "wat" && p.version == "1.263.0"),
        "{:?}",
        i.producers
    );

    // The loops are the largest bodies; names come from the name section, and the
    // indices are past the one imported function.
    let largest = &i.largest_functions;
    assert_eq!(largest.len(), 6);
    assert!(largest.windows(2).all(|w| w[0].size >= w[1].size));
    // The bodies fill the code section but for its count and their one-byte sizes.
    let bodies: u64 = largest.iter().map(|f| f.size).sum();
    assert_eq!(bodies, i.code_size);
    assert_eq!(bodies + 1 + 6, i.sections[4].content_size);
    assert!(
        matches!(largest[0].name.as_str(), "fib" | "factorial"),
        "{largest:?}"
    );
    let spin = largest.iter().find(|f| f.name == "spin").unwrap();
    assert_eq!(spin.index, 5);

    // It uses nothing beyond the MVP but an i64 at the JavaScript boundary.
    let needed = i.validation.features.as_ref().unwrap();
    assert_eq!(
        needed,
        &[NeededFeature {
            id: "bigint".into(),
            in_lab: true,
            evidence: Evidence::JsBoundary,
            offset: None,
        }]
    );
}

#[test]
fn the_component_example_shows_its_world_and_nested_module() {
    let component = example("calc-component.wasm");
    let i = inspect(component.bytes);
    assert_eq!(i.kind, Kind::Component);
    assert_eq!(i.version, Some(0x0d));
    assert!(i.is_valid(), "{:?}", i.problem());
    assert_eq!(i.module_name.as_deref(), Some("calculator"));
    assert_eq!(
        i.component_imports,
        [ComponentItem {
            name: "docs:calc/logger@0.1.0".into(),
            kind: ComponentKind::Instance
        }]
    );
    assert_eq!(
        i.component_exports,
        [ComponentItem {
            name: "docs:calc/math@0.1.0".into(),
            kind: ComponentKind::Instance
        }]
    );
    assert!(i.imports.is_empty() && i.exports.is_empty());
    assert!(i.sections.iter().any(|s| s.name == "core module"));
    let covered: u64 = i.sections.iter().map(|s| s.size).sum();
    assert_eq!(covered + 8, i.size);

    // One nested core module, which opens and inspects as a module of its own.
    assert_eq!(i.nested.len(), 1);
    assert_eq!((i.nested[0].kind, i.nested[0].depth), (Kind::Module, 1));
    assert_eq!(i.nested[0].name.as_deref(), Some("impl"));
    let inner = nested(component.bytes, 0).unwrap();
    assert_eq!(Some(inner), i.nested[0].bytes(component.bytes));
    assert!(nested(component.bytes, 1).is_none());
    let m = inspect(inner);
    assert_eq!(m.kind, Kind::Module);
    assert!(m.is_valid(), "{:?}", m.problem());
    assert_eq!(export(&m, "add").ty.to_string(), "(i32, i32) -> i32");
    assert_eq!(m.imports[0].module, "logger");
    assert_eq!(m.largest_functions[0].name, "add");

    let wit = wit_text(component.bytes).unwrap();
    for needle in [
        "package docs:calc@0.1.0",
        "interface logger",
        "log: func(level: u32, code: u32);",
        "interface math",
        "add: func(a: u32, b: u32) -> u32;",
        "import docs:calc/logger@0.1.0;",
        "export docs:calc/math@0.1.0;",
    ] {
        assert!(wit.contains(needle), "no {needle:?} in\n{wit}");
    }
    // A core module has no world.
    let err = wit_text(inner).unwrap_err();
    assert_eq!(err.kind, TextErrorKind::NotAComponent);
}

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
fn memories_tables_globals_and_tags_have_their_types() {
    let bytes = compiled(
        "(module
           (import \"m\" \"shared\" (memory 1 2 shared))
           (import \"m\" \"g\" (global i32))
           (memory (export \"big\") i64 3)
           (table (export \"t\") 2 10 funcref)
           (global (export \"counter\") (mut f32) (f32.const 0))
           (tag (export \"oops\") (param i32 f64))
           (func (export \"v\") (param v128) (result externref) (ref.null extern)))",
    );
    let i = inspect(&bytes);
    assert!(i.is_valid(), "{:?}", i.problem());
    let text = |name: &str| export(&i, name).ty.to_string();
    assert_eq!(i.imports[0].ty.to_string(), "1..2 pages shared");
    assert_eq!(i.imports[1].ty.to_string(), "i32");
    assert_eq!(text("big"), "3 pages i64");
    assert_eq!(text("t"), "funcref 2..10");
    assert_eq!(text("counter"), "mut f32");
    assert_eq!(export(&i, "oops").ty.kind(), "tag");
    assert_eq!(text("oops"), "(i32, f64) -> ()");
    assert_eq!(text("v"), "(v128) -> externref");
    let ids = feature_ids(&i);
    for id in [
        "simd",
        "threads",
        "reference-types",
        "exceptions",
        "memory64",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    // The v128 export is not callable with numbers; the others are not functions.
    assert!(callable_exports(&i).is_empty());
    assert_eq!(uncallable_exports(&i), ["v"]);
}

#[test]
fn callable_exports_are_those_with_numbers_only() {
    let i = inspect(example("calc-module.wasm").bytes);
    let callable = callable_exports(&i);
    let names: Vec<&str> = callable.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["add", "factorial", "fib", "average", "spin", "count_calls"]
    );
    assert_eq!(callable[1].params, [NumType::I64]);
    assert_eq!(callable[3].results, [NumType::F64]);
    assert!(uncallable_exports(&i).is_empty());
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

#[test]
fn functions_without_names_fall_back_to_their_index() {
    let bytes = compiled("(module (import \"a\" \"b\" (func)) (func) (func (drop (i32.const 1))))");
    let mut without_names = bytes.clone();
    // Drop the name section: the last section, which wat writes for the `$`-less
    // module only when there are names; build one without.
    let i = inspect(&bytes);
    if let Some(name) = i.sections.iter().find(|s| s.name == "name") {
        without_names.truncate(name.offset as usize);
    }
    let i = inspect(&without_names);
    assert!(i.is_valid());
    assert_eq!(i.largest_functions[0].name, "func[2]");
    assert_eq!(i.largest_functions[1].name, "func[1]");
}

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

#[test]
fn compile_errors_report_line_and_column() {
    let e =
        compile_wat("(module\n  (func (result i32)\n    i32.const 1\n    i32.bogus))").unwrap_err();
    assert_eq!((e.line, e.column), (4, 5), "{}", e.message);
    assert!(e.message.contains("unknown operator"), "{}", e.message);

    // An undefined name is found after parsing, still at its place.
    let e = compile_wat("(module\n  (func $f\n    call $nowhere))").unwrap_err();
    assert_eq!((e.line, e.column), (3, 10), "{}", e.message);

    // Columns count characters, not bytes.
    let e = compile_wat("(module (; 中文 ;) oops)").unwrap_err();
    assert_eq!((e.line, e.column), (1, 18), "{}", e.message);

    let e = compile_wat("(module").unwrap_err();
    assert_eq!(e.line, 1, "{}", e.message);

    // Components compile too, and the text of both examples is what was built.
    for ex in examples() {
        assert_eq!(compiled(ex.source), ex.bytes, "{}", ex.file);
    }
}

#[test]
fn text_prints_whole_skeleton_or_cut() {
    let module = example("calc-module.wasm").bytes;
    let full = to_wat(module, false, TEXT_LIMIT).unwrap();
    assert!(!full.truncated);
    assert!(
        full.text.contains("(func $fib (;3;) (type"),
        "{}",
        full.text
    );
    assert!(full.text.contains("i64.mul"));
    // The text compiles back to the same binary.
    assert_eq!(compiled(&full.text), module);

    let skeleton = to_wat(module, true, TEXT_LIMIT).unwrap();
    assert!(skeleton.text.contains("$fib") && !skeleton.text.contains("i64.mul"));
    assert!(skeleton.text.len() < full.text.len());

    let cut = to_wat(module, false, 300).unwrap();
    assert!(cut.truncated);
    assert!(cut.text.len() <= 300 && cut.text.ends_with('\n'));
    assert!(full.text.starts_with(&cut.text));

    let component = to_wat(example("calc-component.wasm").bytes, false, TEXT_LIMIT).unwrap();
    assert!(component.text.starts_with("(component $calculator"));

    let e = to_wat(b"\0asm\x01\0\0\0\x01\xff", false, TEXT_LIMIT).unwrap_err();
    assert_eq!(e.kind, TextErrorKind::Malformed);
    assert!(e.offset.is_some(), "{e:?}");
}

#[test]
fn inspections_cross_the_worker_boundary() {
    for ex in examples() {
        let i = inspect(ex.bytes);
        let shown = protocol::Shown {
            kind: i.kind,
            size: i.size,
            valid: i.is_valid(),
            html: protocol::Both::write(|lang| format!("<p>{lang:?}</p>")),
            sections_csv: protocol::Both::default(),
            callable: callable_exports(&i),
            nested: i
                .nested
                .iter()
                .map(|n| protocol::NestedShown {
                    kind: n.kind,
                    offset: n.offset,
                    size: n.size,
                })
                .collect(),
        };
        let response = protocol::Response::Inspected(Box::new(shown));
        let json = serde_json::to_string(&response).unwrap();
        let back: protocol::Response = serde_json::from_str(&json).unwrap();
        assert_eq!(back, response);
        // The nested ranges the page slices are the inspector's.
        if let protocol::Response::Inspected(shown) = back {
            for (index, n) in shown.nested.iter().enumerate() {
                assert_eq!(n.bytes(ex.bytes), nested(ex.bytes, index));
            }
        }
    }
}

#[test]
fn examples_are_described_in_both_languages() {
    for ex in examples() {
        assert!(ex.description.en.len() > 40 && ex.description.zh.len() > 20);
        assert!(ex.source.starts_with(";;"));
        assert!(ex.file.ends_with(".wasm"));
    }
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

/// A core module of about `size` bytes, written byte by byte: `n` functions
/// `(i32) -> i32` that add constants to their parameter, the last one with a
/// sign-extension operator so the feature search has something to find at the end.
fn generated(size: usize) -> Vec<u8> {
    fn leb(out: &mut Vec<u8>, mut x: u64) {
        loop {
            let byte = (x & 0x7f) as u8;
            x >>= 7;
            if x == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(out: &mut Vec<u8>, id: u8, contents: &[u8]) {
        out.push(id);
        leb(out, contents.len() as u64);
        out.extend_from_slice(contents);
    }
    const ADDS: u64 = 200;
    let mut body = vec![0, 0x20, 0]; // no locals; local.get 0
    for k in 0..ADDS {
        body.push(0x41); // i32.const k
        leb(&mut body, k * 1000);
        body.push(0x6a); // i32.add
    }
    let n = (size / (body.len() + 3)).max(1);
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    section(&mut out, 1, &[1, 0x60, 1, 0x7f, 1, 0x7f]);
    let mut functions = Vec::new();
    leb(&mut functions, n as u64);
    functions.resize(functions.len() + n, 0);
    section(&mut out, 3, &functions);
    section(&mut out, 7, &[1, 1, b'f', 0, 0]);
    let mut code = Vec::new();
    leb(&mut code, n as u64);
    for i in 0..n {
        let mut b = body.clone();
        if i == n - 1 {
            b.push(0xc0); // i32.extend8_s
        }
        b.push(0x0b);
        leb(&mut code, b.len() as u64);
        code.extend_from_slice(&b);
    }
    section(&mut out, 10, &code);
    out
}

#[test]
fn a_generated_module_is_what_it_says() {
    let bytes = generated(100_000);
    let i = inspect(&bytes);
    assert!(i.is_valid(), "{:?}", i.problem());
    assert!(i.size > 90_000 && i.size < 110_000, "{}", i.size);
    assert_eq!(feature_ids(&i), ["sign-extension"]);
    let last = i.defined_functions - 1;
    assert_eq!(i.largest_functions[0].index, last, "one byte larger");
}

/// Measures inspection on a large module: this app's release wasm, or a generated one
/// of 10 MB. Run with `[INSPECT_WASM=path/to.wasm] cargo test --release --lib
/// inspect::tests::measure -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure() {
    let (path, bytes) = match std::env::var("INSPECT_WASM") {
        Ok(path) => {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        }
        Err(_) => ("generated".to_owned(), generated(10_000_000)),
    };
    let time = |label: &str, f: &dyn Fn()| {
        let runs = 5;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            f();
        }
        println!(
            "{label}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0 / runs as f64
        );
    };
    let s = structure(&bytes);
    println!(
        "{path}: {} bytes, {} functions",
        bytes.len(),
        s.defined_functions
    );
    time("structure", &|| drop(structure(&bytes)));
    time("validate (all features)", &|| {
        wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
            .validate_all(&bytes)
            .unwrap();
    });
    time("validation + feature search", &|| {
        drop(validate(&bytes, &s))
    });
    time("feature search by knock-out", &|| {
        drop(features::knock_out(&bytes))
    });
    println!("knock-out finds {:?}", features::knock_out(&bytes));
    time("inspect", &|| drop(inspect(&bytes)));
    time("to_wat skeleton", &|| {
        drop(to_wat(&bytes, true, TEXT_LIMIT))
    });
    time("to_wat full, 2 MiB limit", &|| {
        drop(to_wat(&bytes, false, TEXT_LIMIT))
    });
    println!("{:?}", validate(&bytes, &s).features);
}

/// `depth` components nested one in another, the innermost empty, as bytes.
fn nested_components(depth: usize) -> Vec<u8> {
    const HEADER: &[u8] = b"\0asm\x0d\0\x01\0";
    let mut inner = HEADER.to_vec();
    for _ in 0..depth {
        let mut outer = HEADER.to_vec();
        outer.push(4); // component section
        let mut size = inner.len();
        loop {
            let byte = (size & 0x7f) as u8;
            size >>= 7;
            outer.push(if size == 0 { byte } else { byte | 0x80 });
            if size == 0 {
                break;
            }
        }
        outer.extend_from_slice(&inner);
        inner = outer;
    }
    inner
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
