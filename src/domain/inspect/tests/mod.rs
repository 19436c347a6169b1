//! The inspector on the examples, on the lab's detector modules, on fixtures compiled
//! here from text, and on garbage.

use super::*;
use crate::data::wasm_features::{FEATURES, Method};
use crate::domain::wasm_lab::feature_module;

mod hostile;
mod large;
mod needed;

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
            sections: i.sections.clone(),
            sections_html: protocol::Both::default(),
            sections_csv: protocol::Both::default(),
            lists_html: [
                protocol::Both::write(|lang| format!("<h3>{lang:?}</h3>")),
                protocol::Both::default(),
            ],
            details_html: protocol::Both::default(),
            imports: i.imports.len(),
            exports: i.exports.len(),
            callable: callable_exports(&i),
            plan: crate::domain::run::plan(&i),
            nested: i
                .nested
                .iter()
                .map(|n| protocol::NestedShown {
                    kind: n.kind,
                    offset: n.offset,
                    size: n.size,
                })
                .collect(),
            component: None,
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

#[test]
fn debug_information_is_counted_and_a_copy_leaves_it_out() {
    let bytes = compile_wat(
        r#"(module
             (@custom ".debug_info" "0123456789")
             (func (export "f") (result i32) i32.const 1)
             (@custom ".debug_line" (after code) "abcdef")
             (@custom "producers-like" (after code) "kept"))"#,
    )
    .unwrap();
    let inspection = structure(&bytes);
    let (count, size) = debug_info(&inspection.sections);
    assert_eq!(count, 2);
    // Each: its id, its size, its name's length, its name, its contents.
    assert_eq!(size, (1 + 1 + 1 + 11 + 10) + (1 + 1 + 1 + 11 + 6));
    let stripped = without_debug_info(&bytes, &inspection.sections).unwrap();
    assert_eq!(stripped.len() as u64, bytes.len() as u64 - size);
    let again = structure(&stripped);
    assert_eq!(debug_info(&again.sections), (0, 0));
    assert!(again.sections.iter().any(|s| s.name == "producers-like"));
    assert!(validate(&stripped, &again).error.is_none());
    // Nothing to leave out, and sections that do not describe the bytes: no copy.
    assert_eq!(without_debug_info(&stripped, &again.sections), None);
    assert_eq!(
        without_debug_info(&bytes[..bytes.len() - 1], &inspection.sections),
        None
    );
}
