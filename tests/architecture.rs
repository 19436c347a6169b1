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

/// The top-level crate modules a source names through `crate::`: `crate::x::…`,
/// `crate::x;`, `crate::x as y`, and every first segment of `crate::{a::…, b, …}`.
fn crate_modules(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group's top level by commas; nested groups belong to their item.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.push(first_segment(&item));
        } else {
            found.push(first_segment(rest));
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

fn mentions_module(text: &str, module: &str) -> bool {
    crate_modules(text).iter().any(|m| m == module)
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
    // Control case: the check above must catch the import that made the old cycle,
    // and the other ways a `use` can name a module.
    assert!(mentions_module("use crate::domain::pages::Page;", "domain"));
    assert!(mentions_module("use crate::{domain, base};", "domain"));
    assert!(mentions_module(
        "use crate::{base::lang::Lang, domain::pages};",
        "domain"
    ));
    assert!(mentions_module(
        "use crate::{base::{lang, page}, domain};",
        "domain"
    ));
    assert!(mentions_module("use crate::domain;", "domain"));
    assert!(mentions_module("use crate::domain as d;", "domain"));
    assert!(mentions_module("fn f() { crate::domain::x() }", "domain"));
    assert!(!mentions_module("use crate::base::page::Page;", "domain"));
    assert!(!mentions_module(
        "use crate::{base::{domain_like, page}};",
        "domain"
    ));
    assert!(!mentions_module("use crate::domains::x;", "domain"));
}

/// A page names its own table of charts (`GPUS_CHARTS`…): a lookup over every chart
/// from the UI would bring every page's charts into each page's chunk of the wasm.
#[test]
fn the_ui_reads_each_page_s_charts_from_its_own_table() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut pages = 0;
    for (path, text) in sources(&format!("{root}/src/ui")) {
        for lookup in ["all_charts", "charts_for", "charts::chart", "chart(\""] {
            assert!(!text.contains(lookup), "{path} uses {lookup}");
        }
        pages += usize::from(text.contains("_CHARTS"));
    }
    assert_eq!(pages, 3, "three chart pages, each naming its own table");
}
