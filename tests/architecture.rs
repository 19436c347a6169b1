//! Layer 1: the data and domain layers stay pure Rust. Dependencies point one way,
//! data -> domain -> UI, so neither may reach for Leptos, web-sys or the UI module.
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
    for layer in ["data", "domain", "i18n"] {
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
