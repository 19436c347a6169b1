//! `trunk serve` serves what ships: pre-rendered pages in both languages, hydrated,
//! split by page, under the strict Content-Security-Policy. `scripts/atlas.sh test`
//! starts a plain `trunk serve` (its debug build) and runs this against it:
//!
//!     ATLAS_SERVE_PORT=8089 cargo test --test serve -- --ignored

#![cfg(not(target_arch = "wasm32"))]

mod support;

use container_atlas::base::lang::Lang;
use container_atlas::base::page::{Page, page_location};
use container_atlas::ui::browser::HYDRATED_MARK;
use support::{Hosting, Server, Session, page_title};

fn port() -> u16 {
    std::env::var("ATLAS_SERVE_PORT")
        .expect("ATLAS_SERVE_PORT: the port `trunk serve` listens on")
        .parse()
        .expect("ATLAS_SERVE_PORT is a port number")
}

/// The file `trunk serve` sends for `path`, after the redirects it makes (a folder's
/// address without its slash).
fn served(port: u16, path: &str) -> String {
    let mut target = path.to_owned();
    for _ in 0..3 {
        let (status, _, body) = support::forward(port, &target);
        if status.starts_with("301") {
            target = String::from_utf8(body).unwrap();
            continue;
        }
        assert!(status.starts_with("200"), "{path}: {status}");
        return String::from_utf8(body).unwrap();
    }
    panic!("{path}: too many redirects");
}

#[tokio::test]
#[ignore = "needs `trunk serve` on ATLAS_SERVE_PORT: run through scripts/atlas.sh test"]
async fn trunk_serve_serves_pre_rendered_hydrated_split_pages_under_the_policy() {
    let port = port();
    for (page, lang) in [(Page::Gpus, Lang::En), (Page::Wizard, Lang::Zh)] {
        let path = page_location(page, lang, "");
        let html = served(port, &path);
        // Pre-rendered: the page is in the file, in its language.
        assert!(html.contains(r#"<div id="app" data-rendered="#), "{path}");
        assert!(html.contains(page_title(page, lang)), "{path}");
        assert!(
            html.contains(&format!(r#"<html lang="{}""#, lang.code())),
            "{path}"
        );
        // The policy, and no inline script but the boot script it allows by hash.
        assert!(
            html.contains(r#"http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"#),
            "{path}"
        );
        let inline = html
            .match_indices("<script")
            .filter(|(at, _)| !html[*at..].split('>').next().unwrap().contains("src="))
            .count();
        assert_eq!(inline, 1, "{path}: inline scripts besides the boot script");
        // Split: the page names the pack of its code.
        assert!(
            html.contains(r#"<meta name="atlas-chunks" content="/pack_"#),
            "{path}: no pack"
        );
    }

    let s = Session::start_on(Server::start(
        std::path::PathBuf::new(),
        "",
        Hosting::Upstream(port),
    ))
    .await;
    s.page_requests().await;
    s.open("/gpus").await;
    let hydrated = s
        .eval(&format!(
            "return performance.getEntriesByName({:?}).length",
            HYDRATED_MARK
        ))
        .await;
    assert_eq!(hydrated, serde_json::json!(1), "the page was not hydrated");
    assert_eq!(s.text("main h1").await, page_title(Page::Gpus, Lang::En));
    let requests = s.page_requests().await;
    assert!(
        requests.iter().any(|r| r.contains("/pack_gpus-")),
        "{requests:?}"
    );
    // A click fetches the next page's code, and no policy violation or other error
    // shows in the console.
    s.click(".site-nav a[href$='/engines']").await;
    s.wait_for_text("main h1", page_title(Page::Engines, Lang::En))
        .await;
    let requests = s.page_requests().await;
    assert!(
        requests.iter().any(|r| r.contains("/split_engines-")),
        "{requests:?}"
    );
    s.assert_no_request_elsewhere().await;
    s.finish_clean().await;
}
