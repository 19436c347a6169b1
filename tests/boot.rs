//! The boot script (`assets/boot.js`, inlined in every page, run before the first paint)
//! against the language-path rules it must follow (`base::page::boot_move`): the script
//! runs in Node.js with a stub of the few browser objects it touches, for every
//! combination of base path, address, `?lang=`, stored choice and browser languages
//! below, and must go where the rules say, or stay.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write as _;
use std::process::{Command, Stdio};

use container_atlas::base::page::{StoredLang, boot_move};
use serde_json::{Value, json};

/// Runs the boot script once per case; answers `["replace", address]`,
/// `["history", address]` or `["stay"]` for each.
const HARNESS: &str = r#"
const vm = require("node:vm");
const fs = require("node:fs");
const [boot, cases] = JSON.parse(fs.readFileSync(0, "utf8"));
const out = [];
for (const c of cases) {
  let did = ["stay"];
  const store = new Map(c.stored === null ? [] : [["atlas.lang", c.stored]]);
  const storage = {
    getItem(k) { if (c.unavailable) throw new Error("blocked"); return store.has(k) ? store.get(k) : null; },
    setItem(k, v) { if (c.unavailable) throw new Error("blocked"); store.set(k, String(v)); },
    removeItem(k) { store.delete(k); },
  };
  const root = { classList: { add() {} }, setAttribute() {} };
  const location = {
    pathname: c.pathname, search: c.search, hash: "",
    replace(address) { did = ["replace", address]; },
  };
  const window = {
    localStorage: storage, location,
    history: { state: null, replaceState(_s, _t, address) { did = ["history", address]; } },
  };
  const document = {
    documentElement: root,
    addEventListener() {},
    querySelector(selector) {
      if (selector !== "base[href^='/']") throw new Error("unexpected query " + selector);
      return { getAttribute: () => c.base + "/" };
    },
  };
  const navigator = { languages: c.browser, language: c.browser[0] ?? "" };
  vm.runInNewContext(boot, { window, document, navigator, URLSearchParams, String });
  out.push(did);
}
process.stdout.write(JSON.stringify(out));
"#;

#[test]
fn the_boot_script_follows_the_language_path_rules() {
    let boot = std::fs::read_to_string("assets/boot.js").unwrap();
    let mut cases = Vec::new();
    let mut expected = Vec::new();
    for base in ["", "/some/sub/path"] {
        let paths = [
            format!("{base}/"),
            format!("{base}/gpus"),
            format!("{base}/zh"),
            format!("{base}/zh/"),
            format!("{base}/zh/gpus"),
            format!("{base}/zhx/gpus"),
            format!("{base}/no/such/page"),
            "/elsewhere/gpus".to_owned(),
            format!("{base}x"),
        ];
        for pathname in &paths {
            for lang_param in [None, Some("zh"), Some(" EN "), Some("fr"), Some("")] {
                for query in ["", "?gpu-fp16=log"] {
                    let search = match lang_param {
                        Some(lang) if query.is_empty() => format!("?lang={lang}"),
                        Some(lang) => format!("?lang={lang}&{}", &query[1..]),
                        None => query.to_owned(),
                    };
                    let stores = [
                        StoredLang::Unavailable,
                        StoredLang::Unset,
                        StoredLang::Value("zh"),
                        StoredLang::Value("en"),
                        StoredLang::Value("klingon"),
                    ];
                    for stored in stores {
                        for browser in [
                            &["zh-CN", "en"][..],
                            &["en-US"],
                            &["fr", "zh_TW"],
                            &["de"],
                            &[],
                        ] {
                            let (unavailable, value) = match stored {
                                StoredLang::Unavailable => (true, None),
                                StoredLang::Unset => (false, None),
                                StoredLang::Value(v) => (false, Some(v)),
                            };
                            cases.push(json!({
                                "base": base, "pathname": pathname, "search": search,
                                "unavailable": unavailable, "stored": value, "browser": browser,
                            }));
                            let rule =
                                boot_move(base, pathname, lang_param, query, stored, browser);
                            expected.push(match rule {
                                Some((true, address)) => json!(["replace", address]),
                                Some((false, address)) => json!(["history", address]),
                                None => json!(["stay"]),
                            });
                        }
                    }
                }
            }
        }
    }
    let mut node = Command::new("node")
        .args(["-e", HARNESS])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node (Node.js), which scripts/atlas.sh setup needs too");
    node.stdin
        .take()
        .unwrap()
        .write_all(json!([boot, cases]).to_string().as_bytes())
        .unwrap();
    let out = node.wait_with_output().unwrap();
    assert!(out.status.success(), "the harness failed");
    let seen: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen.len(), cases.len());
    let wrong: Vec<String> = cases
        .iter()
        .zip(&seen)
        .zip(&expected)
        .filter(|((_, seen), expected)| seen != expected)
        .map(|((case, seen), expected)| format!("{case}: script {seen}, rules {expected}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} cases differ:\n{}",
        wrong.len(),
        cases.len(),
        wrong[..wrong.len().min(10)].join("\n")
    );
    // The cases reach every outcome.
    for kind in ["replace", "history", "stay"] {
        assert!(
            expected.iter().any(|e| e[0] == kind),
            "no case ends in {kind}"
        );
    }
}
