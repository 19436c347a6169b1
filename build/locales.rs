//! Reading `locales/*.json` into flat tables (`pages.gpus.title` -> text). Shared by
//! `build.rs`, which generates the typed `Key` constants from them, and `tests/i18n.rs`,
//! which checks them, so both read the files the same way.

use std::collections::BTreeMap;

/// The locale file at `path` as a table from dotted key to text. Panics with the file
/// and key when the file is unreadable or holds anything but strings and objects.
pub fn load(path: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut table = BTreeMap::new();
    flatten("", &json, &mut table, path);
    table
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

/// The name of a key's constant: `pages.sandboxes.title` is `PagesSandboxesTitle`.
#[allow(dead_code)]
pub fn constant_name(key: &str) -> String {
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
