//! Trunk's `index.html`, made into the template every pre-rendered page starts from,
//! with an HTML rewriter (`lol_html`) rather than text patterns:
//!
//! - Trunk's names for the app's code become the build's own (`bundle.rs`), and the
//!   integrity of wasm-bindgen's JavaScript is written anew.
//! - Every inline script (Trunk's module loader; `trunk serve`'s reload script) moves
//!   into a file of its own, `loader-<hash>.js`, so that the Content-Security-Policy
//!   allows scripts from 'self' only, with no 'unsafe-inline'. The loader that starts
//!   the app first preloads the page's chunks of the wasm (`preload_chunks.js`).
//! - The boot script goes inline: as a file it would hold the parser for a round trip
//!   before the page's first heading (150 ms on a slow phone link), where a static page
//!   has none. Its SHA-256 goes into the policy.
//! - The wasm is fetched by the loader, which runs once the page is parsed and styled,
//!   not preloaded from <head>: on a slow link a preload shares the bandwidth with the
//!   stylesheet and holds back the first paint (1.1-1.3x a static page's at low
//!   priority). wasm-bindgen's JavaScript, 10 KB, is still fetched ahead, at low
//!   priority.
//! - The policy goes in as a `<meta>` right after the charset, and the worker's loader
//!   is named after it in `<meta name=atlas-worker>`.

use std::cell::RefCell;
use std::rc::Rc;

use base64::Engine as _;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str, text};
use sha2::{Digest, Sha256, Sha384};

use crate::tools::hash16;

/// The policy every page carries; `boot_hash` allows the inline boot script.
pub fn policy(boot_hash: &str) -> String {
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval' '{boot_hash}'"),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "font-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
    ]
    .join("; ")
}

/// What the template needs to know of the build.
pub struct Template<'a> {
    /// Trunk's stem for the app's code (`container-atlas-<Trunk's hash>`) and ours.
    pub rename: (&'a str, &'a str),
    /// wasm-bindgen's JavaScript, as the build writes it (its integrity).
    pub glue: &'a [u8],
    /// The boot script's text, by its file name (`boot-<hash>.js`).
    pub boot: &'a dyn Fn(&str) -> Result<String, String>,
    /// The worker's loader (`worker_loader-<hash>.js`).
    pub worker_loader: &'a str,
    /// The public URL (`/`, `/some/sub/path/`).
    pub public_url: &'a str,
}

/// Trunk's `index.html` as the template, and the scripts moved out of it (name, code).
pub fn template(html: &str, t: &Template) -> Result<(String, Vec<(String, String)>), String> {
    let html = html.replace(t.rename.0, t.rename.1);
    let scripts = inline_scripts(&html)?;
    let mut moved = Vec::new();
    for code in scripts.iter().flatten() {
        let code = loader_code(code, t.public_url);
        let name = format!("loader-{}.js", hash16(&[code.as_bytes()]));
        moved.push((name, code));
    }
    let boot_hash = RefCell::new(None::<String>);
    let index = Rc::new(RefCell::new(0usize));
    let mut names = moved.iter().map(|(name, _)| name.clone());
    let glue_integrity = integrity(t.glue);
    let glue_name = format!("{}.js", t.rename.1);
    let out = rewrite_str(
        &html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script", |el| {
                    let at = {
                        let mut i = index.borrow_mut();
                        *i += 1;
                        *i - 1
                    };
                    if let Some(src) = el.get_attribute("src") {
                        let file = src.rsplit('/').next().unwrap_or_default();
                        if file.starts_with("boot-") && file.ends_with(".js") {
                            let body = (t.boot)(file)?;
                            if body.contains("</script") {
                                return Err("the boot script holds </script".into());
                            }
                            let digest = base64::engine::general_purpose::STANDARD
                                .encode(Sha256::digest(body.as_bytes()));
                            *boot_hash.borrow_mut() = Some(format!("sha256-{digest}"));
                            for attr in ["src", "integrity", "crossorigin"] {
                                el.remove_attribute(attr);
                            }
                            el.set_inner_content(&body, ContentType::Html);
                        }
                    } else if scripts.get(at).is_some_and(Option::is_some) {
                        let name = names.next().ok_or("a moved script without a name")?;
                        el.set_attribute("src", &format!("{}{name}", t.public_url))?;
                        el.set_inner_content("", ContentType::Text);
                    }
                    Ok(())
                }),
                element!("link[rel=preload][href$='.wasm']", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("link[rel=modulepreload]", |el| {
                    el.set_attribute("fetchpriority", "low")?;
                    if el
                        .get_attribute("href")
                        .is_some_and(|h| h.ends_with(&glue_name))
                    {
                        el.set_attribute("integrity", &glue_integrity)?;
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("index.html: {e}"))?;
    let boot_hash = boot_hash
        .into_inner()
        .ok_or("index.html has no boot-*.js script to inline")?;
    // The policy is the first thing after the charset, before any script; the worker's
    // name follows. (A minified page may have no `<head>` tag to append to.)
    let meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}"><meta name="atlas-worker" content="{}">"#,
        policy(&boot_hash),
        t.worker_loader
    );
    let placed = Rc::new(RefCell::new(false));
    let out = rewrite_str(
        &out,
        RewriteStrSettings {
            element_content_handlers: vec![element!("meta[charset]", |el| {
                el.after(&meta, ContentType::Html);
                *placed.borrow_mut() = true;
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("index.html: {e}"))?;
    if !*placed.borrow() {
        return Err("index.html has no <meta charset> to put the policy after".into());
    }
    if !out.contains(&glue_integrity) {
        return Err(format!("index.html does not preload {glue_name}"));
    }
    Ok((out, moved))
}

/// The text of each `<script>` in document order: `Some` for an inline one with code.
fn inline_scripts(html: &str) -> Result<Vec<Option<String>>, String> {
    let scripts = Rc::new(RefCell::new(Vec::<(bool, String)>::new()));
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script", |el| {
                    scripts
                        .borrow_mut()
                        .push((el.get_attribute("src").is_none(), String::new()));
                    Ok(())
                }),
                text!("script", |chunk| {
                    if let Some(last) = scripts.borrow_mut().last_mut() {
                        last.1.push_str(chunk.as_str());
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("index.html: {e}"))?;
    let scripts = scripts.take();
    Ok(scripts
        .into_iter()
        .map(|(inline, code)| (inline && !code.trim().is_empty()).then_some(code))
        .collect())
}

/// An inline script's code as a file. The script that starts the app first preloads
/// the page's chunks; `trunk serve`'s reload script, whose address Trunk's server
/// writes only into HTML, reads it from the page instead.
fn loader_code(code: &str, public_url: &str) -> String {
    if code.contains("{{__TRUNK_ADDRESS__}}") {
        return code
            .replace("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
            .replace(
                "'{{__TRUNK_WS_BASE__}}'",
                &format!("{:?}", public_url.trim_end_matches('/').to_owned() + "/"),
            );
    }
    let starts_app = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == "init");
    if starts_app {
        format!(
            "{}{code}",
            without_comment_lines(include_str!("preload_chunks.js"))
        )
    } else {
        code.to_owned()
    }
}

/// Our own script without its `//` comment lines: the moved loader is not minified
/// (terser sees only wasm-bindgen's JavaScript and the split loader), and the comment
/// that explains the script was 0.1-0.3 KB gzip on every page.
fn without_comment_lines(js: &str) -> String {
    js.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A Subresource Integrity value as Trunk writes it (SHA-384).
pub fn integrity(bytes: &[u8]) -> String {
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
    format!("sha384-{digest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!doctype html><html lang=en><meta charset=utf-8><base href=/>
<script src=/boot-1.js integrity=sha384-x crossorigin=anonymous></script>
<link rel=modulepreload href=/container-atlas-aa.js crossorigin=anonymous integrity=sha384-old>
<link rel=preload href=/container-atlas-aa_bg.wasm crossorigin=anonymous integrity=sha384-w as=fetch type=application/wasm>
<script type=module>import init, * as bindings from '/container-atlas-aa.js';
const wasm = await init({ module_or_path: '/container-atlas-aa_bg.wasm' });</script>
</head><body><div id=app></div></body></html>"#;

    fn made(html: &str) -> (String, Vec<(String, String)>) {
        let boot = |name: &str| {
            assert_eq!(name, "boot-1.js");
            Ok("var booted = 1;".to_owned())
        };
        template(
            html,
            &Template {
                rename: ("container-atlas-aa", "container-atlas-bb"),
                glue: b"glue",
                boot: &boot,
                worker_loader: "worker_loader-cc.js",
                public_url: "/",
            },
        )
        .unwrap()
    }

    #[test]
    fn the_template_carries_the_policy_and_no_inline_script_but_the_boot_script() {
        let (html, moved) = made(TRUNK);
        let boot_hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"var booted = 1;"));
        assert!(html.contains(&format!(
            r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{boot_hash}'"#
        )));
        assert!(html.contains("<script>var booted = 1;</script>"), "{html}");
        assert!(!html.contains("boot-1.js"));
        // The app's loader is a file, which preloads the chunks, then starts the app.
        assert_eq!(moved.len(), 1);
        let (name, code) = &moved[0];
        assert!(html.contains(&format!(r#"<script type=module src="/{name}"></script>"#)));
        assert!(code.starts_with("for (const href of"), "{code}");
        assert!(!code.contains("//"), "{code}");
        assert!(code.contains("'/container-atlas-bb_bg.wasm'"));
        assert_eq!(name, &format!("loader-{}.js", hash16(&[code.as_bytes()])));
        // The wasm is not preloaded; the JavaScript is, at low priority, checked anew.
        assert!(!html.contains("rel=preload"));
        assert!(!html.contains("container-atlas-aa"));
        assert!(html.contains(&format!(
            r#"href=/container-atlas-bb.js crossorigin=anonymous integrity="{}" fetchpriority="low""#,
            integrity(b"glue")
        )));
        assert!(html.contains(
            r#"'self'; form-action 'self'"><meta name="atlas-worker" content="worker_loader-cc.js">"#
        ));
    }

    #[test]
    fn trunk_serves_reload_script_reads_its_address_from_the_page() {
        let with_reload = TRUNK.replace(
            "</body>",
            "<script>const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}';</script></body>",
        );
        let (_, moved) = made(&with_reload);
        assert_eq!(moved.len(), 2);
        assert_eq!(
            moved[1].1,
            r#"const address = window.location.host; const base = "/";"#
        );
    }

    #[test]
    fn a_template_without_what_the_build_needs_is_refused() {
        let boot = |_: &str| Ok(String::new());
        let t = Template {
            rename: ("a", "b"),
            glue: b"",
            boot: &boot,
            worker_loader: "w.js",
            public_url: "/",
        };
        let no_boot = TRUNK.replace(
            "<script src=/boot-1.js integrity=sha384-x crossorigin=anonymous></script>",
            "",
        );
        assert!(template(&no_boot, &t).unwrap_err().contains("boot-*.js"));
        let no_charset = TRUNK.replace("<meta charset=utf-8>", "");
        assert!(template(&no_charset, &t).unwrap_err().contains("charset"));
    }
}
