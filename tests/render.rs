//! The pre-rendered pages, natively: every page in both languages renders, with its
//! heading, its words in its language, and its charts drawn. The HTML each reader
//! gets first, and what hydration expects, without a browser.
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::base::lang::Lang;
use container_atlas::base::page::{Page, page_location};
use container_atlas::i18n::Key;
use container_atlas::ui::components::page_names::title_key;
use container_atlas::ui::render;

fn rendered(page: Page, lang: Lang, base: &str) -> String {
    render(&page_location(page, lang, base), base)
}

#[test]
fn every_page_renders_in_both_languages_with_its_heading() {
    for page in Page::ALL {
        for lang in Lang::ALL {
            let html = rendered(page, lang, "");
            let title = title_key(page).text(lang);
            assert!(
                html.contains(title),
                "{page:?} in {lang:?} lacks its title {title:?}"
            );
            assert!(html.contains("<h1"), "{page:?} in {lang:?} has no <h1>");
        }
    }
}

#[test]
fn every_page_links_within_its_language_and_base() {
    let base = "/some/sub/path";
    for page in Page::ALL {
        for lang in Lang::ALL {
            let html = rendered(page, lang, base);
            // The navigation leads to every page in the same language.
            for target in Page::ALL {
                let href = format!("href=\"{}\"", page_location(target, lang, base));
                assert!(html.contains(&href), "{page:?} {lang:?} lacks {href}");
            }
            // The language switch leads to the same page in the other language.
            let other = if lang == Lang::En { Lang::Zh } else { Lang::En };
            let switch = format!("href=\"{}\"", page_location(page, other, base));
            assert!(html.contains(&switch), "{page:?} {lang:?} lacks {switch}");
            // No link leaves the base path.
            for href in html.split("href=\"").skip(1) {
                let href = &href[..href.find('"').unwrap()];
                assert!(
                    href.starts_with(base) || href.starts_with('#') || href.starts_with("https://"),
                    "{page:?} {lang:?} links to {href}"
                );
            }
        }
    }
}

#[test]
fn a_page_speaks_its_language() {
    let zh = rendered(Page::Gpus, Lang::Zh, "");
    let en = rendered(Page::Gpus, Lang::En, "");
    assert!(zh.contains(Key::NavOverview.text(Lang::Zh)));
    assert!(!zh.contains(&format!(">{}<", Key::NavOverview.text(Lang::En))));
    assert!(en.contains(&format!(">{}<", Key::NavOverview.text(Lang::En))));
    assert!(!en.contains(Key::NavOverview.text(Lang::Zh)));
}

#[test]
fn chart_pages_carry_their_charts_drawn() {
    for (page, ids) in [
        (Page::Sandboxes, &["startup", "isolation", "footprint"][..]),
        (Page::Gpus, &["gpu-fp16", "gpu-memory", "gpu-power"][..]),
        (Page::Engines, &["podman", "network"][..]),
    ] {
        for lang in Lang::ALL {
            let html = rendered(page, lang, "");
            for id in ids {
                let at = html
                    .find(&format!("data-chart=\"{id}\""))
                    .unwrap_or_else(|| panic!("{page:?} {lang:?} lacks chart {id}"));
                let rest = &html[at..];
                let end = rest[1..].find("data-chart=").map_or(rest.len(), |e| e + 1);
                let chart = &rest[..end];
                assert!(chart.contains("<svg"), "{id} in {lang:?} is not drawn");
                assert!(chart.contains("<table"), "{id} in {lang:?} has no table");
            }
        }
    }
}

#[test]
fn the_overview_shows_the_headline_figures_and_data_its_notes() {
    for lang in Lang::ALL {
        let overview = rendered(Page::Overview, lang, "");
        assert!(overview.matches("class=\"figure-card\"").count() >= 4);
        let data = rendered(Page::Data, lang, "");
        assert!(
            data.contains("data-note="),
            "/data in {lang:?} has no data notes"
        );
    }
}

#[test]
fn an_unknown_path_renders_the_not_found_page() {
    let html = render("/no/such/page", "");
    assert!(html.contains(Key::NotFoundTitle.text(Lang::En)));
    // The file serves every unknown path, so it names none.
    assert!(html.contains(Key::NotFoundBodyHere.text(Lang::En)));
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    assert!(!main.contains("/no/such/page"), "{main}");
    let html = render("/zh/no/such/page", "");
    assert!(html.contains(Key::NotFoundTitle.text(Lang::Zh)));
}

/// A page that keeps its pre-rendered HTML on a first visit, without fetching its code
/// (`code::is_static`), must have nothing in it that needs that code; the interactive
/// pages do (else this test could not fail).
#[test]
fn a_page_kept_without_its_code_has_no_control() {
    use container_atlas::ui::pages::code::is_static;
    let controls = [
        "<button",
        "<input",
        "<select",
        "<textarea",
        "<details",
        "data-live",
    ];
    let page_part = |html: &str| {
        let start = html.find("class=\"page-host\"").expect("a page host");
        let end = html.find("<footer").expect("a footer");
        html[start..end].to_owned()
    };
    for page in Page::ALL {
        for lang in Lang::ALL {
            let html = page_part(&rendered(page, lang, ""));
            let found: Vec<&str> = controls
                .iter()
                .copied()
                .filter(|c| html.contains(c))
                .collect();
            if is_static(Some(page)) {
                assert!(
                    found.is_empty(),
                    "{page:?} {lang:?} is kept static but has {found:?}"
                );
            } else if page != Page::Overview {
                assert!(
                    !found.is_empty(),
                    "{page:?} {lang:?} has no control: could it be static?"
                );
            }
        }
    }
}
