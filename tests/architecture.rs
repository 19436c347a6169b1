//! Layer 1: the data and domain layers stay pure Rust, and dependencies point one way:
//! base -> data -> domain -> UI. `base` (languages, pages, quantities) is the shared
//! vocabulary and uses nothing else of the crate; `data` uses only `base`; `domain`
//! never reaches for the UI or the browser.
#![cfg(not(target_arch = "wasm32"))]

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(path.to_str().unwrap()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn data_domain_and_i18n_do_not_depend_on_the_browser_or_the_ui() {
    const FORBIDDEN: [&str; 5] = ["leptos", "web_sys", "wasm_bindgen", "js_sys", "crate::ui"];
    let root = env!("CARGO_MANIFEST_DIR");
    let mut checked = 0;
    for layer in ["base", "data", "domain", "i18n"] {
        for (path, text) in sources(&format!("{root}/src/{layer}")) {
            checked += 1;
            for word in FORBIDDEN {
                assert!(!text.contains(word), "{path} mentions {word}");
            }
        }
    }
    assert!(
        checked >= 5,
        "expected the layer folders to hold sources, found {checked}"
    );
}

/// The crate modules a layer's sources name, as `crate::x`, `super::x` at the layer's
/// top, or `container_atlas::x`.
fn mentions_module(text: &str, module: &str) -> bool {
    text.contains(&format!("crate::{module}::"))
        || text.contains(&format!("crate::{module}}}"))
        || text.contains(&format!("crate::{{{module}"))
}

/// Which of the crate's layers each layer may use. Anything else is a dependency
/// pointing the wrong way (data importing domain made a cycle once:
/// `domain::pages -> domain::data_view -> data::sections -> domain::pages`).
const MAY_USE: [(&str, &[&str]); 4] = [
    ("base", &[]),
    ("data", &["base"]),
    ("i18n", &["base"]),
    ("domain", &["base", "data", "i18n"]),
];

#[test]
fn layers_depend_only_on_the_layers_below() {
    const LAYERS: [&str; 5] = ["base", "data", "i18n", "domain", "ui"];
    let root = env!("CARGO_MANIFEST_DIR");
    for (layer, allowed) in MAY_USE {
        let files = sources(&format!("{root}/src/{layer}"));
        assert!(!files.is_empty(), "no sources in src/{layer}");
        for (path, text) in files {
            for other in LAYERS {
                if other == layer || allowed.contains(&other) {
                    continue;
                }
                assert!(
                    !mentions_module(&text, other),
                    "{path} uses crate::{other}, but {layer} may use only {allowed:?}"
                );
            }
        }
    }
}

#[test]
fn the_layer_check_sees_a_wrong_way_import() {
    // Control case: the check above must catch the import that made the old cycle.
    assert!(mentions_module("use crate::domain::pages::Page;", "domain"));
    assert!(mentions_module("use crate::{domain, base};", "domain"));
    assert!(!mentions_module("use crate::base::page::Page;", "domain"));
}
