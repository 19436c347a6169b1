//! Writes every page of the app as finished HTML, in both languages, into a Trunk build
//! (run by `scripts/post-build.mjs` on release builds):
//!
//!     prerender <build directory> <public URL>
//!
//! Each page's address gets an `index.html` (`gpus/index.html`, `zh/gpus/index.html`),
//! from the build's own `index.html` with the page's HTML in `#app`; `404.html` holds
//! the page-not-found page. The browser hydrates what it finds there.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = prerender::run(std::env::args().skip(1).collect()) {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod prerender {
    use std::fs;
    use std::path::Path;

    use container_atlas::base::lang::Lang;
    use container_atlas::base::page::{Page, page_location};
    use container_atlas::domain::pages::base_path;
    use container_atlas::ui::document::{PageDoc, file_for, page_document};
    use container_atlas::ui::render;

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let [dist, public_url] = args.as_slice() else {
            return Err("usage: prerender <build directory> <public URL>".into());
        };
        let dist = Path::new(dist);
        let base = base_path(public_url);
        let template = fs::read_to_string(dist.join("index.html"))
            .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
        let mut written = 0;
        for page in Page::ALL {
            for lang in Lang::ALL {
                let address = page_location(page, lang, &base);
                let rendered_at = &address[base.len()..];
                let doc = PageDoc {
                    page: Some(page),
                    lang,
                    base: &base,
                    rendered_at,
                    body: &render(&address, &base),
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
        let doc = PageDoc {
            page: None,
            lang: Lang::En,
            base: &base,
            rendered_at: missing,
            body: &body,
        };
        write(dist, "404.html", &page_document(&template, &doc)?)?;
        println!(
            "prerender: {written} pages and 404.html under {}",
            dist.display()
        );
        Ok(())
    }

    fn write(dist: &Path, file: &str, html: &str) -> Result<(), String> {
        let path = dist.join(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
    }
}
