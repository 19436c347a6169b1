//! The pre-rendered page: the app's HTML for one address, put into the `index.html`
//! Trunk built (its scripts, styles and policy kept), with the page's language, title
//! and links to the same page in the other language.

use crate::base::lang::Lang;
use crate::base::page::{Page, page_location};
use crate::i18n::Key;
use crate::ui::RENDERED_ATTR;
use crate::ui::components::page_names::page_title;

/// The `<meta name>` that names the files of a page's code (in a release build, its
/// chunks of the wasm packed in one file), for the loader to preload.
pub const CHUNKS_META: &str = "atlas-chunks";

/// What one pre-rendered file holds.
pub struct PageDoc<'a> {
    /// The page (`None`: the 404 page).
    pub page: Option<Page>,
    pub lang: Lang,
    /// The base path (`""` or `/some/sub/path`).
    pub base: &'a str,
    /// The address the HTML was rendered at, relative to the base (`/zh/gpus`).
    pub rendered_at: &'a str,
    /// The app's HTML.
    pub body: &'a str,
    /// The files of the page's code (its wasm chunks, packed in one file, under the
    /// base path), fetched ahead with the main module rather than after it.
    pub preload: &'a [String],
    /// The chunks the pack holds, by name without hash (`chunk_12 split_gpus`): the
    /// loader takes these out of it, and fetches any other chunk (another page's, after
    /// a click) at once on its own rather than after the pack.
    pub holds: &'a [String],
}

/// The chunks a pack holds, as `data-holds` writes them: the splitter's shared chunks
/// (`chunk_<n>`) by number, runs of them as ranges (`14-57`), any other by name
/// (`split_gpus`). A chart page's list is 75 names; this way about 40 characters
/// rather than 700. The loader's `atlasFetch` reads it back (`xtask/src/pack_fetch.js`).
pub fn holds_attribute(stems: &[String]) -> String {
    let mut numbers: Vec<u32> = stems
        .iter()
        .filter_map(|s| s.strip_prefix("chunk_")?.parse().ok())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while numbers.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        parts.push(if end == start {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    let named = stems.iter().filter(|s| {
        s.strip_prefix("chunk_")
            .is_none_or(|n| n.parse::<u32>().is_err())
    });
    parts.extend(named.cloned());
    parts.join(" ")
}

/// `template` (Trunk's `index.html`, minified or not) with `doc` in it; an error names
/// what the template lacks.
pub fn page_document(template: &str, doc: &PageDoc) -> Result<String, String> {
    let mut html = set_attribute(template, "<html", "lang", doc.lang.code())?;
    let title = page_title(doc.page, doc.lang);
    html = replace_between(&html, "<title>", "</title>", &escape(&title))?;

    html = set_description(&html, Key::AppTagline.text(doc.lang))?;

    let mut alternates = String::new();
    if let Some(page) = doc.page {
        for (hreflang, lang) in [("en", Lang::En), ("zh", Lang::Zh), ("x-default", Lang::En)] {
            let href = page_location(page, lang, doc.base);
            alternates.push_str(&format!(
                r#"<link rel="alternate" hreflang="{hreflang}" href="{}">"#,
                escape(&href)
            ));
        }
    }
    // Named here, preloaded by the loader script (`xtask/src/preload_chunks.js`) when it
    // starts the main module: preloads in <head> shared the slow link with the
    // stylesheet and held back the first paint (1.2x a static page's).
    if !doc.preload.is_empty() {
        let hrefs: Vec<String> = doc.preload.iter().map(|h| escape(h)).collect();
        alternates.push_str(&format!(
            r#"<meta name="{CHUNKS_META}" content="{}" data-holds="{}">"#,
            hrefs.join(" "),
            escape(&holds_attribute(doc.holds))
        ));
    }
    let head_end = html.find("</head>").ok_or("the template has no </head>")?;
    html.insert_str(head_end, &alternates);

    let app = ["<div id=app></div>", "<div id=\"app\"></div>"]
        .iter()
        .find_map(|tag| html.find(tag).map(|at| (at, tag.len())))
        .ok_or("the template has no empty <div id=\"app\">")?;
    let filled = format!(
        r#"<div id="app" {RENDERED_ATTR}="{}">{}</div>"#,
        escape(doc.rendered_at),
        doc.body
    );
    html.replace_range(app.0..app.0 + app.1, &filled);
    Ok(html)
}

/// The file a pre-rendered address is written to, relative to the build's directory:
/// `index.html`, `zh/index.html`, `zh/gpus/index.html`.
pub fn file_for(rendered_at: &str) -> String {
    let dir = rendered_at.trim_matches('/');
    if dir.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{dir}/index.html")
    }
}

/// Sets `name` on the first tag that starts with `open` (`<html`), quoted or not.
fn set_attribute(html: &str, open: &str, name: &str, value: &str) -> Result<String, String> {
    let start = html
        .find(open)
        .ok_or_else(|| format!("the template has no {open}>"))?;
    let end = start + html[start..].find('>').ok_or("an unclosed tag")?;
    let tag = &html[start..end];
    let attr = format!(" {name}=");
    let rest = match tag.find(&attr) {
        Some(at) => {
            let value_start = at + attr.len();
            let after = &tag[value_start..];
            let len = match after.chars().next() {
                Some(q @ ('"' | '\'')) => after[1..].find(q).map_or(after.len(), |i| i + 2),
                _ => after.find([' ', '>']).unwrap_or(after.len()),
            };
            format!("{} {name}=\"{value}\"{}", &tag[..at], &after[len..])
        }
        None => format!("{tag} {name}=\"{value}\""),
    };
    Ok(format!("{}{rest}{}", &html[..start], &html[end..]))
}

/// Replaces the content of `<meta name=description>` (its `content` first, as Trunk's
/// minifier writes it, or after `name`).
fn set_description(html: &str, text: &str) -> Result<String, String> {
    let at = ["name=description", "name=\"description\""]
        .iter()
        .find_map(|n| html.find(n))
        .ok_or("the template has no <meta name=description>")?;
    let start = html[..at]
        .rfind("<meta")
        .ok_or("a description outside <meta>")?;
    let end = at + html[at..].find('>').ok_or("an unclosed <meta>")? + 1;
    Ok(format!(
        "{}<meta name=\"description\" content=\"{}\">{}",
        &html[..start],
        escape(text),
        &html[end..]
    ))
}

fn replace_between(html: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let start = html
        .find(open)
        .ok_or_else(|| format!("the template has no {open}"))?
        + open.len();
    let end = start
        + html[start..]
            .find(close)
            .ok_or_else(|| format!("no {close}"))?;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

fn escape(text: &str) -> String {
    let mut html = crate::ui::html::Html::new();
    html.text(text);
    html.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIFIED: &str = "<!doctype html><html data-theme=system lang=en><meta charset=utf-8>\
        <meta content=\"An app.\" name=description>\
        <title>Container Atlas · 容器图谱</title></head><body><div id=app></div></body></html>";
    const PRETTY: &str = "<!doctype html>\n<html lang=\"en\" data-theme=\"system\">\n<head>\
        <meta name=\"description\" content=\"An app.\" />\
        <title>x</title></head>\n<body>\n<div id=\"app\"></div>\n</body></html>";

    fn doc<'a>(page: Option<Page>, lang: Lang, at: &'a str, body: &'a str) -> PageDoc<'a> {
        PageDoc {
            page,
            lang,
            base: "/sub",
            rendered_at: at,
            body,
            preload: &[],
            holds: &[],
        }
    }

    #[test]
    fn fills_a_minified_template() {
        let html = page_document(
            MINIFIED,
            &doc(Some(Page::Gpus), Lang::Zh, "/zh/gpus", "<main>正文</main>"),
        )
        .unwrap();
        assert!(
            html.contains("<html data-theme=system lang=\"zh\">"),
            "{html}"
        );
        let title = format!("<title>{}</title>", page_title(Some(Page::Gpus), Lang::Zh));
        assert!(html.contains(&title), "{html}");
        assert!(html.contains(r#"<div id="app" data-rendered="/zh/gpus"><main>正文</main></div>"#));
        assert!(html.contains(r#"<link rel="alternate" hreflang="en" href="/sub/gpus">"#));
        assert!(html.contains(r#"<link rel="alternate" hreflang="zh" href="/sub/zh/gpus">"#));
        assert!(html.contains(r#"<link rel="alternate" hreflang="x-default" href="/sub/gpus">"#));
        assert!(!html.contains("Container Atlas · 容器图谱"));
        let description = format!(
            "<meta name=\"description\" content=\"{}\">",
            Key::AppTagline.text(Lang::Zh)
        );
        assert!(html.contains(&description), "{html}");
        assert!(!html.contains("An app."));
    }

    #[test]
    fn fills_a_pretty_template() {
        let html = page_document(
            PRETTY,
            &doc(Some(Page::Overview), Lang::En, "/", "<p>x</p>"),
        )
        .unwrap();
        assert!(
            html.contains("<html lang=\"en\" data-theme=\"system\">"),
            "{html}"
        );
        assert!(html.contains(r#"<div id="app" data-rendered="/"><p>x</p></div>"#));
    }

    fn doc_without_preload() -> PageDoc<'static> {
        doc(Some(Page::Overview), Lang::En, "/", "")
    }

    #[test]
    fn a_pack_lists_its_chunks_by_number_and_range() {
        let stems: Vec<String> = [
            "chunk_15",
            "chunk_14",
            "chunk_16",
            "split_gpus",
            "chunk_20",
            "chunk_9",
            "chunk_10",
            "chunk_x",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(holds_attribute(&stems), "9-10 14-16 20 split_gpus chunk_x");
        assert_eq!(holds_attribute(&[]), "");
    }

    #[test]
    fn a_page_preloads_its_code() {
        let files = [
            "/sub/chunk_3-ab.wasm".to_owned(),
            "/sub/split_gpus-ab.wasm".to_owned(),
        ];
        let holds = ["chunk_3".to_owned(), "split_gpus".to_owned()];
        let doc = PageDoc {
            preload: &files,
            holds: &holds,
            ..doc(Some(Page::Gpus), Lang::En, "/gpus", "")
        };
        let html = page_document(MINIFIED, &doc).unwrap();
        let meta = format!(
            r#"<meta name="{CHUNKS_META}" content="{}" data-holds="3 split_gpus">"#,
            files.join(" ")
        );
        assert!(html.contains(&meta), "{html}");
        assert!(html.find(&meta).unwrap() < html.find("</head>").unwrap());
        let none = page_document(MINIFIED, &doc_without_preload()).unwrap();
        assert!(!none.contains(CHUNKS_META));
    }

    #[test]
    fn the_404_page_has_no_alternates_and_a_template_without_app_is_an_error() {
        let html = page_document(MINIFIED, &doc(None, Lang::En, "/404", "")).unwrap();
        assert!(!html.contains("hreflang"));
        // Everything but `#app`: the error names what is missing.
        let no_app = "<html><meta name=description content=x><title></title></head>";
        let error = page_document(no_app, &doc(None, Lang::En, "/", "")).unwrap_err();
        assert!(error.contains("id=\"app\""), "{error}");
    }

    #[test]
    fn files_per_address() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/zh/"), "zh/index.html");
        assert_eq!(file_for("/zh/gpus"), "zh/gpus/index.html");
        assert_eq!(file_for("/data"), "data/index.html");
    }
}
