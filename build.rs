//! Generates four pieces of the binary at build time, so the browser never parses
//! the locale files, the figures' values or WebAssembly text:
//!
//! - `locales/*.json` becomes typed `Key` constants, so a mistyped key is a compile error.
//!   A key missing from one locale falls back to English with a build warning; the
//!   native test `tests/i18n.rs` turns that into a failure.
//! - `data/figures.tsv` (with `data/items.tsv` and `data/metrics.tsv`) becomes the
//!   `FIGURES` table: every value string is read by the same parser the app uses
//!   (`src/base/quantity.rs`), and a malformed one stops the build with its line.
//! - The Wasm lab's modules, written in the WebAssembly text format under
//!   `src/domain/wasm_lab/wat/`, become binary modules in `OUT_DIR/wasm_lab/` that
//!   `src/domain/wasm_lab/modules.rs` includes as bytes. The tests validate them.
//! - The playground's examples, a core module and a component in the text format under
//!   `src/domain/inspect/examples/`, become binaries in `OUT_DIR/inspect_examples/`,
//!   with their custom sections (names, producers): showing them is the point.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LOCALES: [&str; 2] = ["en", "zh"];

#[path = "build/locales.rs"]
mod locales;
#[allow(dead_code)]
#[path = "src/base/quantity.rs"]
mod quantity;

fn main() {
    generate_translations();
    generate_figures();
    compile_lab_modules();
    compile_inspector_examples();
    link_for_the_split();
}

/// The app split by page (feature `split`, see src/ui/pages/code.rs): the wasm split
/// tool needs the linker's relocations to move each page's functions into its chunk.
/// Only the app's own wasm is linked so; the worker and the tests are not split.
fn link_for_the_split() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=container-atlas=--emit-relocs");
    }
}

fn generate_translations() {
    let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
    for locale in LOCALES {
        let path = format!("locales/{locale}.json");
        println!("cargo::rerun-if-changed={path}");
        tables.push(locales::load(&path));
    }

    let keys: Vec<&String> = {
        let mut all: Vec<&String> = tables.iter().flat_map(|t| t.keys()).collect();
        all.sort();
        all.dedup();
        all
    };
    for (locale, table) in LOCALES.iter().zip(&tables) {
        for key in &keys {
            if !table.contains_key(*key) {
                println!("cargo::warning=locales/{locale}.json has no key {key}");
            }
        }
    }

    // Each key is a pointer to its own static texts, not a variant of an enum: a
    // `match` over every key would put every text of every page in whatever code
    // calls it (the shell), where the split build keeps each text with the code that
    // names it (in its page's chunk, or the shell's when the shell names it too).
    let mut out = String::new();
    out.push_str(
        "/// A translatable string, one per key of `locales/*.json`: `Key::NavOverview`.\n\
         #[derive(Clone, Copy)]\npub struct Key(&'static Texts);\n\n\
         /// A key's text in each language.\npub struct Texts {\n    en: &'static str,\n    \
         zh: &'static str,\n}\n\n",
    );
    for key in &keys {
        let texts: Vec<&String> = (0..LOCALES.len())
            .map(|i| tables[i].get(*key).or_else(|| tables[0].get(*key)).unwrap())
            .collect();
        let fields: Vec<String> = LOCALES
            .iter()
            .zip(&texts)
            .map(|(locale, text)| format!("{locale}: {text:?}"))
            .collect();
        writeln!(
            out,
            "static {}: Texts = Texts {{ {} }};",
            static_name(key),
            fields.join(", ")
        )
        .unwrap();
    }
    out.push_str("\n#[allow(non_upper_case_globals)]\nimpl Key {\n");
    for key in &keys {
        writeln!(
            out,
            "    /// `{key}`\n    pub const {}: Key = Key(&{});",
            locales::constant_name(key),
            static_name(key)
        )
        .unwrap();
    }
    out.push_str("\n    /// Every key, sorted by id.\n    pub const ALL: &'static [Key] = &[\n");
    for key in &keys {
        writeln!(out, "        Key::{},", locales::constant_name(key)).unwrap();
    }
    out.push_str("    ];\n\n    /// The dotted id of each key of [`Key::ALL`], in its order.\n");
    out.push_str("    const IDS: &'static [&'static str] = &[\n");
    for key in &keys {
        writeln!(out, "        {key:?},").unwrap();
    }
    out.push_str("    ];\n}\n");

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("i18n_keys.rs");
    std::fs::write(dest, out).unwrap();
}

/// `pages.sandboxes.title` becomes `PAGES_SANDBOXES_TITLE`, the name of its texts.
fn static_name(key: &str) -> String {
    key.replace('.', "_").to_ascii_uppercase()
}

/// Rows of a tab-separated file, without comments and blank lines, with line numbers.
fn tsv_rows(path: &str, columns: usize) -> Vec<(usize, Vec<String>)> {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| {
            let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_owned()).collect();
            assert_eq!(
                fields.len(),
                columns,
                "{path}:{}: expected {columns} columns",
                i + 1
            );
            (i + 1, fields)
        })
        .collect()
}

const TOPICS: &[(&str, &str)] = &[
    ("report", "Report"),
    ("sandboxes", "Sandboxes"),
    ("market", "Market"),
    ("gpus", "Gpus"),
    ("engines", "Engines"),
    ("kubernetes", "Kubernetes"),
    ("performance", "Performance"),
    ("wasm", "Wasm"),
];

fn generate_figures() {
    use quantity::{Quantity, Unit};

    let mut out = String::from("// Generated by build.rs from data/*.tsv.\n\n");
    let mut names = Vec::new();
    for (table, path) in [("ITEMS", "data/items.tsv"), ("METRICS", "data/metrics.tsv")] {
        let rows = tsv_rows(path, 3);
        writeln!(out, "/// `{path}`\npub static {table}: &[Name] = &[").unwrap();
        let mut ids = Vec::new();
        for (line, f) in rows {
            assert!(!ids.contains(&f[0]), "{path}:{line}: duplicate id {}", f[0]);
            writeln!(
                out,
                "    Name {{ id: {:?}, text: Text {{ en: {:?}, zh: {:?} }} }},",
                f[0], f[1], f[2]
            )
            .unwrap();
            ids.push(f[0].clone());
        }
        out.push_str("];\n\n");
        names.push(ids);
    }

    let path = "data/figures.tsv";
    let mut ids: Vec<String> = Vec::new();
    out.push_str("/// `data/figures.tsv`\npub static FIGURES: &[Figure] = &[\n");
    for (line, f) in tsv_rows(path, 8) {
        let [id, topic, section, item, metric, value, unit, quote] = &f[..] else {
            unreachable!()
        };
        let at = format!("{path}:{line} ({id})");
        assert!(!ids.contains(id), "{at}: duplicate id");
        let topic = TOPICS
            .iter()
            .find(|(code, _)| code == topic)
            .unwrap_or_else(|| panic!("{at}: unknown topic {topic}"))
            .1;
        assert!(
            names[0].contains(item),
            "{at}: item {item} is not in data/items.tsv"
        );
        assert!(
            names[1].contains(metric),
            "{at}: metric {metric} is not in data/metrics.tsv"
        );
        let unitless = match unit.as_str() {
            "" => Unit::Count,
            "version" => Unit::Version,
            other => panic!("{at}: unknown unit column {other}"),
        };
        let quantity = Quantity::parse_as(value, unitless).unwrap_or_else(|e| panic!("{at}: {e}"));
        let signed = value.starts_with(['+', '-']);
        writeln!(
            out,
            "    Figure {{ id: {id:?}, topic: Topic::{topic}, section: {section:?}, item: {item:?}, \
             metric: {metric:?}, value: {value:?}, quantity: Quantity {{ amount: Amount::{:?}, \
             unit: Unit::{:?} }}, signed: {signed}, quote_zh: {quote:?} }},",
            quantity.amount, quantity.unit
        )
        .unwrap();
        ids.push(id.clone());
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("figures_data.rs");
    std::fs::write(dest, out).unwrap();
}

const LAB_MODULES: &str = "src/domain/wasm_lab/wat";

/// Every `.wat` file of the lab to `OUT_DIR/wasm_lab/<name>.wasm`, without custom
/// sections: the text's `$names` make it readable, but the browser needs none of them,
/// and the page states the SIMD module's size in bytes.
fn compile_lab_modules() {
    println!("cargo::rerun-if-changed={LAB_MODULES}");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("wasm_lab");
    std::fs::create_dir_all(&out).unwrap();
    let entries = std::fs::read_dir(LAB_MODULES).unwrap_or_else(|e| panic!("{LAB_MODULES}: {e}"));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "wat") {
            continue;
        }
        let binary = wat::parse_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let name = path.file_stem().unwrap();
        let dest = out.join(name).with_extension("wasm");
        std::fs::write(dest, without_custom_sections(&binary)).unwrap();
    }
}

const INSPECTOR_EXAMPLES: &str = "src/domain/inspect/examples";

/// Every `.wat` file of the inspector's examples to `OUT_DIR/inspect_examples/<name>.wasm`,
/// as the text compiles (a component's text gives a component).
fn compile_inspector_examples() {
    println!("cargo::rerun-if-changed={INSPECTOR_EXAMPLES}");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("inspect_examples");
    std::fs::create_dir_all(&out).unwrap();
    let entries = std::fs::read_dir(INSPECTOR_EXAMPLES)
        .unwrap_or_else(|e| panic!("{INSPECTOR_EXAMPLES}: {e}"));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "wat") {
            continue;
        }
        let binary = wat::parse_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let dest = out.join(path.file_stem().unwrap()).with_extension("wasm");
        std::fs::write(dest, binary).unwrap();
    }
}

/// A module's bytes with its custom sections (names, and any other) left out: every
/// other section as it was, read by wasmparser and written by wasm-encoder.
fn without_custom_sections(module: &[u8]) -> Vec<u8> {
    let mut out = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        let payload = payload.unwrap_or_else(|e| panic!("a lab module: {e}"));
        if let wasmparser::Payload::CustomSection(_) = payload {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            out.section(&wasm_encoder::RawSection {
                id,
                data: &module[range.start as usize..range.end as usize],
            });
        }
    }
    out.finish()
}
