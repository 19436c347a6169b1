//! Turns `locales/*.json` into a typed `Key` enum, so a mistyped key is a compile error
//! and the translations are plain `&'static str` in the binary (no JSON parser in wasm).
//!
//! A key missing from one locale falls back to English with a build warning; the
//! native test `tests/i18n.rs` turns that into a failure.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LOCALES: [&str; 2] = ["en", "zh"];

fn main() {
    let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
    for locale in LOCALES {
        let path = format!("locales/{locale}.json");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut table = BTreeMap::new();
        flatten("", &json, &mut table, &path);
        tables.push(table);
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

    let mut out = String::new();
    out.push_str("/// A translatable string: one variant per key of `locales/*.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in &keys {
        writeln!(out, "    /// `{key}`\n    {},", variant(key)).unwrap();
    }
    out.push_str("}\n\nimpl Key {\n    /// Every key, sorted by id.\n    pub const ALL: &'static [Key] = &[\n");
    for key in &keys {
        writeln!(out, "        Key::{},", variant(key)).unwrap();
    }
    out.push_str("    ];\n\n    /// The dotted id of the key in the locale files.\n");
    out.push_str("    pub const fn id(self) -> &'static str {\n        match self {\n");
    for key in &keys {
        writeln!(out, "            Key::{} => {:?},", variant(key), key).unwrap();
    }
    out.push_str("        }\n    }\n");
    for (locale, table) in LOCALES.iter().zip(&tables) {
        writeln!(out, "\n    /// The text in `locales/{locale}.json`.").unwrap();
        writeln!(
            out,
            "    pub const fn {locale}(self) -> &'static str {{\n        match self {{"
        )
        .unwrap();
        for key in &keys {
            let text = table.get(*key).or_else(|| tables[0].get(*key)).unwrap();
            writeln!(out, "            Key::{} => {:?},", variant(key), text).unwrap();
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n");

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("i18n_keys.rs");
    std::fs::write(dest, out).unwrap();
}

fn flatten(
    prefix: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, String>,
    path: &str,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (name, child) in map {
                let key = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                flatten(&key, child, out, path);
            }
        }
        serde_json::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        other => panic!("{path}: {prefix} must be a string or an object, not {other}"),
    }
}

/// `pages.sandboxes.title` becomes `PagesSandboxesTitle`.
fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
