//! Layer 1: both locale files hold the same keys, every text is filled in, the
//! placeholders agree, and every key is used by the code.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use container_atlas::i18n::{Key, placeholders};

#[path = "../build/locales.rs"]
mod locales;

fn load(locale: &str) -> BTreeMap<String, String> {
    locales::load(&format!(
        "{}/locales/{locale}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
}

#[test]
fn no_key_is_missing_in_either_language() {
    let en = load("en");
    let zh = load("zh");
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "missing in locales/zh.json: {only_en:?}"
    );
    assert!(
        only_zh.is_empty(),
        "missing in locales/en.json: {only_zh:?}"
    );
}

#[test]
fn every_text_is_filled_in() {
    for locale in ["en", "zh"] {
        for (key, text) in load(locale) {
            assert!(!text.trim().is_empty(), "{locale}: {key} is empty");
        }
    }
}

#[test]
fn placeholders_agree_between_languages() {
    let en = load("en");
    let zh = load("zh");
    for (key, en_text) in &en {
        let Some(zh_text) = zh.get(key) else { continue };
        let mut a = placeholders(en_text);
        let mut b = placeholders(zh_text);
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "placeholders of {key} differ");
    }
}

#[test]
fn chinese_texts_are_translated() {
    // Names that read the same in both languages (autonyms, product names) are exempt.
    const SAME_IN_BOTH: &[&str] = &[
        "lang.en",
        "lang.zh",
        "nav.gpus",
        "topic.gpus",
        // Notation: "≤ 100 ms", "4/5".
        "evidence.at_most",
        "evidence.rating",
    ];
    let en = load("en");
    for (key, zh_text) in load("zh") {
        if SAME_IN_BOTH.contains(&key.as_str()) {
            continue;
        }
        assert_ne!(Some(&zh_text), en.get(&key), "{key} is not translated");
        assert!(
            zh_text
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "zh {key} has no Chinese: {zh_text:?}"
        );
    }
}

#[test]
fn generated_keys_match_the_files() {
    let en = load("en");
    let ids: Vec<&str> = Key::ALL.iter().map(|k| k.id()).collect();
    let files: Vec<&str> = en.keys().map(String::as_str).collect();
    assert_eq!(ids, files);
    for key in Key::ALL {
        assert_eq!(key.en(), en[key.id()]);
    }
}

#[test]
fn every_key_is_used_by_the_code() {
    let mut source = String::new();
    collect_sources(&format!("{}/src", env!("CARGO_MANIFEST_DIR")), &mut source);
    let unused: Vec<&str> = Key::ALL
        .iter()
        .filter(|key| !source.contains(&format!("Key::{}", locales::constant_name(key.id()))))
        .map(|key| key.id())
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

fn collect_sources(dir: &str, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_sources(path.to_str().unwrap(), out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/mod.rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}
