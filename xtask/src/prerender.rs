//! Every page of the app as finished HTML, in both languages, rendered in this process
//! into the build's `index.html`:
//!
//! Each page's address gets an `index.html` (`gpus/index.html`, `zh/gpus/index.html`),
//! from the build's own `index.html` with the page's HTML in `#app`; `404.html` holds
//! the page-not-found page. The browser hydrates what it finds there. Each page names
//! the pack of its chunks of the wasm to preload (`pack_<split point>-<hash>.wasm`),
//! which `packs.rs` then makes.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use container_atlas::base::lang::Lang;
use container_atlas::base::page::{Page, page_location};
use container_atlas::domain::pages::base_path;
use container_atlas::ui::document::{PageDoc, file_for, page_document};
use container_atlas::ui::pages::code::{MOUNT_CHUNK_NAME, PART_CHUNK_NAMES, chunk_name, is_static};
use container_atlas::ui::render;

/// Writes every page into `dist` (whose `index.html` is the template), for the app
/// served under `public_url`, each page preloading the pack of its chunks from `pages`
/// (split point → chunk files). Returns the packs the pages name: pack file → chunks.
pub fn run(
    dist: &Path,
    public_url: &str,
    pages: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let base = base_path(public_url);
    let chunks = known_split_points(pages)?;
    // A page kept without its code (`is_static`) fetches it only when it needs it.
    // Any other preloads its chunks packed in one file (made by the post-build hook
    // from `atlas-packs.json`, written below: which chunks each pack holds).
    let packs = RefCell::new(BTreeMap::new());
    // The 404 page, where the app mounts (nothing pre-rendered matches its address),
    // packs the code that mounts it with its own.
    let preload = |page: Option<Page>| -> (Vec<String>, Vec<String>) {
        if is_static(page) {
            return (Vec::new(), Vec::new());
        }
        let name = chunk_name(page);
        let Some(files) = chunks.get(name) else {
            return (Vec::new(), Vec::new());
        };
        let mut files = files.clone();
        if page.is_none() {
            for file in chunks.get(MOUNT_CHUNK_NAME).into_iter().flatten() {
                if !files.contains(file) {
                    files.push(file.clone());
                }
            }
        }
        let pack = pack_name(name, &files);
        let holds = files.iter().map(|f| chunk_stem(f).to_owned()).collect();
        packs.borrow_mut().insert(pack.clone(), files);
        (vec![format!("{base}/{pack}")], holds)
    };
    let template = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    let mut written = 0;
    for page in Page::ALL {
        for lang in Lang::ALL {
            let address = page_location(page, lang, &base);
            let rendered_at = &address[base.len()..];
            let (preload, holds) = preload(Some(page));
            let doc = PageDoc {
                page: Some(page),
                lang,
                base: &base,
                rendered_at,
                body: &render(&address, &base),
                preload: &preload,
                holds: &holds,
            };
            write(
                dist,
                &file_for(rendered_at),
                &page_document(&template, &doc)?,
            )?;
            written += 1;
        }
    }
    let missing = "/404";
    let body = render(&format!("{base}{missing}"), &base);
    let (preload, holds) = preload(None);
    let doc = PageDoc {
        page: None,
        lang: Lang::En,
        base: &base,
        rendered_at: missing,
        body: &body,
        preload: &preload,
        holds: &holds,
    };
    write(dist, "404.html", &page_document(&template, &doc)?)?;
    println!(
        "xtask: {written} pages and 404.html pre-rendered under {}",
        dist.display()
    );
    Ok(packs.into_inner())
}

/// The file that packs a split point's chunks (`files`, each named
/// `<chunk>-<hash>.wasm`): `pack_<split point>-<hash>.wasm`, with their hash.
fn pack_name(split_point: &str, files: &[String]) -> String {
    let hash = files
        .first()
        .and_then(|f| stem_and_hash(f))
        .map_or("", |(_, hash)| hash);
    format!("pack_{split_point}-{hash}.wasm")
}

/// A chunk's name without its hash: `chunk_12` for `chunk_12-140691e73b1552b2.wasm`.
fn chunk_stem(file: &str) -> &str {
    stem_and_hash(file).map_or(file, |(stem, _)| stem)
}

/// `chunk_12-140691e73b1552b2.wasm` as `("chunk_12", "140691e73b1552b2")`.
fn stem_and_hash(file: &str) -> Option<(&str, &str)> {
    file.strip_suffix(".wasm")?.rsplit_once('-')
}

#[test]
fn a_pack_is_named_after_its_split_point_with_its_chunks_hash() {
    let files = [
        "chunk_12-140691e73b1552b2.wasm".to_owned(),
        "split_gpus-140691e73b1552b2.wasm".to_owned(),
    ];
    assert_eq!(pack_name("gpus", &files), "pack_gpus-140691e73b1552b2.wasm");
    assert_eq!(
        pack_name("not_found", &files[1..]),
        "pack_not_found-140691e73b1552b2.wasm"
    );
    assert_eq!(chunk_stem(&files[0]), "chunk_12");
    assert_eq!(chunk_stem(&files[1]), "split_gpus");
}

/// `pages`, checked against the split points the app has: a name it does not know
/// means the app and the build disagree.
fn known_split_points(
    pages: &BTreeMap<String, Vec<String>>,
) -> Result<&BTreeMap<String, Vec<String>>, String> {
    let known: Vec<&str> = Page::ALL
        .iter()
        .map(|p| chunk_name(Some(*p)))
        .chain([chunk_name(None)])
        .chain(PART_CHUNK_NAMES.iter().copied())
        .collect();
    match pages.keys().find(|k| !known.contains(&k.as_str())) {
        Some(odd) => Err(format!("no page has the split point {odd}")),
        None => Ok(pages),
    }
}

fn write(dist: &Path, file: &str, html: &str) -> Result<(), String> {
    let path = dist.join(file);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
}
