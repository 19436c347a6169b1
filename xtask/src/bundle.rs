//! The app's wasm, from what rustc linked to what a page loads: split by page
//! (`wasm_split_cli_support`), bound to JavaScript (`wasm-bindgen-cli-support`), and in
//! a release build optimized (`wasm-opt`, `terser`).
//!
//! Trunk builds the app (`cargo build --features split`) and runs its own wasm-bindgen
//! on the unsplit wasm; that output is thrown away here (about a second, as Trunk is
//! told not to optimize it). Trunk has no step between rustc and wasm-bindgen, and a
//! split must come first: the splitter reads the linker's relocations, which
//! wasm-bindgen drops. So this program reads rustc's own output from the target
//! directory instead, and none of its tools stands in for another on PATH.
//!
//! Every file is named `<stem>-<hash>`, the hash of everything that decides its bytes:
//! the linked wasm, this program's source and the versions of the tools it runs. So
//! the names are known before the files are made, the loader and wasm-bindgen's
//! JavaScript are written with the final names in them, and a cached old file is never
//! taken for a new one.

use std::collections::BTreeMap;
use std::path::Path;

use crate::tools::{Optimizers, hash16};

/// The import module Leptos' split points leave in an unsplit wasm.
const PLACEHOLDER: &[u8] = b"__wasm_split_placeholder__";

/// This program's own source: part of every name's hash.
const SOURCES: [&str; 8] = [
    include_str!("main.rs"),
    include_str!("bundle.rs"),
    include_str!("tools.rs"),
    include_str!("page.rs"),
    include_str!("packs.rs"),
    include_str!("prerender.rs"),
    include_str!("pack_fetch.js"),
    include_str!("preload_chunks.js"),
];

/// What the build writes for the app's code.
pub struct Bundle {
    /// wasm-bindgen's JavaScript (`container-atlas-<hash>.js`).
    pub glue: String,
    /// Every file, by name: the JavaScript, the main module, the split loader, the chunks.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The chunk files each split point needs (`gpus` → `chunk_3-<hash>.wasm`, …,
    /// `split_gpus-<hash>.wasm`).
    pub pages: BTreeMap<String, Vec<String>>,
}

/// Splits and binds `linked` (rustc's output) in `work`, a folder of its own.
pub fn bundle(
    linked: &[u8],
    work: &Path,
    release: bool,
    optimizers: Option<&Optimizers>,
) -> Result<Bundle, String> {
    if !linked.windows(PLACEHOLDER.len()).any(|w| w == PLACEHOLDER) {
        return Err(
            "the app's wasm has no split points: build it with `--features split` \
             (index.html's data-cargo-features)"
                .into(),
        );
    }
    let mut key: Vec<&[u8]> = SOURCES.iter().map(|s| s.as_bytes()).collect();
    key.push(if release { b"release" } else { b"debug" });
    if let Some(o) = optimizers {
        key.push(o.wasm_opt.version.as_bytes());
        key.push(o.terser.version.as_bytes());
    }
    key.push(linked);
    let hash = hash16(&key);

    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let glue = format!("container-atlas-{hash}.js");
    let main_module = format!("./{glue}");
    let loader = format!("atlas-split-{hash}.js");
    let link_name = format!("./{loader}");
    let main_out = work.join("main.wasm");
    let split = {
        let mut options = wasm_split_cli_support::Options::new(linked);
        options.output_dir = work;
        options.main_out_path = &main_out;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options.target.web();
        wasm_split_cli_support::transform(options).map_err(|e| format!("splitting: {e:?}"))?
    };

    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut loader_text = String::from_utf8(read(&work.join(&loader))?)
        .map_err(|_| "the split loader is not UTF-8".to_owned())?;
    let mut chunks = BTreeMap::new();
    for module in &split.split_modules {
        let stem = module
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("odd chunk name {}", module.display()))?;
        let name = format!("{stem}-{hash}.wasm");
        loader_text = fetch_through_pack(&loader_text, stem, &name)?;
        chunks.insert(name, read(module)?);
    }
    let mut pages = BTreeMap::new();
    for (page, stems) in &split.prefetch_map {
        let files = stems.iter().map(|s| format!("{s}-{hash}.wasm")).collect();
        pages.insert(page.clone(), files);
    }

    let bound = work.join("bindgen");
    let stem = format!("container-atlas-{hash}");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&main_out)
        .out_name(&stem)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:?}"))?
        .typescript(false)
        // The chunks import what they share with the main module from its exports.
        .keep_lld_exports(true)
        .generate(&bound)
        .map_err(|e| format!("wasm-bindgen: {e:?}"))?;
    if bound.join("snippets").exists() {
        return Err("wasm-bindgen wrote snippets, which this build does not place".into());
    }
    let mut glue_js = read(&bound.join(&glue))?;
    let mut main_wasm = read(&bound.join(format!("{stem}_bg.wasm")))?;
    let mut loader_js = [
        include_str!("pack_fetch.js").as_bytes(),
        loader_text.as_bytes(),
    ]
    .concat();

    if let Some(o) = optimizers {
        // Two at a time: the machines that build this have two cores. The main module,
        // the largest, goes first.
        let jobs: Vec<(&String, &Vec<u8>)> = chunks.iter().collect();
        let (main, optimized) = std::thread::scope(|s| {
            let main = s.spawn(|| o.module(&main_wasm));
            let rest = jobs
                .iter()
                .map(|(name, bytes)| Ok(((*name).clone(), o.chunk(bytes)?)))
                .collect::<Result<Vec<_>, String>>();
            (
                main.join().map_err(|_| "wasm-opt panicked".to_owned()),
                rest,
            )
        });
        main_wasm = main??;
        chunks = optimized?.into_iter().collect();
        glue_js = o.script(&glue_js)?;
        loader_js = o.script(&loader_js)?;
    }

    let mut files = chunks;
    files.insert(glue.clone(), glue_js);
    files.insert(format!("{stem}_bg.wasm"), main_wasm);
    files.insert(loader, loader_js);
    Ok(Bundle { glue, files, pages })
}

/// The loader's fetch of chunk `stem` made through `atlasFetch` (which takes it out of
/// the page's pack when it is there), under its hashed `name`.
fn fetch_through_pack(loader: &str, stem: &str, name: &str) -> Result<String, String> {
    let call = format!("fetch(new URL(\"./{stem}.wasm\", import.meta.url))");
    if loader.matches(&call).count() != 1 {
        return Err(format!(
            "the split loader does not fetch ./{stem}.wasm once as `{call}`"
        ));
    }
    Ok(loader.replace(&call, &format!("atlasFetch(\"./{name}\")")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_is_fetched_through_the_pack_under_its_hashed_name() {
        let loader = r#"a(fetch(new URL("./chunk_1.wasm", import.meta.url)));"#;
        assert_eq!(
            fetch_through_pack(loader, "chunk_1", "chunk_1-ab.wasm").unwrap(),
            r#"a(atlasFetch("./chunk_1-ab.wasm"));"#
        );
        assert!(fetch_through_pack(loader, "chunk_2", "chunk_2-ab.wasm").is_err());
        let twice = format!("{loader}{loader}");
        assert!(fetch_through_pack(&twice, "chunk_1", "x").is_err());
    }

    #[test]
    fn a_wasm_without_split_points_is_refused() {
        let dir = std::env::temp_dir().join("atlas-xtask-unsplit");
        let err = bundle(b"\0asm\x01\0\0\0", &dir, false, None).err().unwrap();
        assert!(err.contains("--features split"), "{err}");
    }
}
