//! What the app knows about its pages beyond their paths: the query keys each reads,
//! and the base path it is served under.

use crate::base::page::Page;

/// The query-string keys this page reads, besides the global ones
/// ([`GLOBAL_QUERY_KEYS`]). Any other key is reported as ignored. A chart's
/// view is under its id (`crate::data::charts`; a test keeps the two lists equal).
pub const fn query_keys(page: Page) -> &'static [&'static str] {
    match page {
        Page::Data => super::data_view::DATA_QUERY_KEYS,
        Page::Sandboxes => &[
            "startup",
            "isolation",
            "footprint",
            "profiles",
            "market",
            "segments",
        ],
        Page::Gpus => &[
            "gpu-table",
            "gpu-fp16",
            "gpu-memory",
            "gpu-power",
            "gpu-price",
            "gpu-per-price",
            "gpu-per-watt",
            "gpu-scatter",
            "h100-h200",
            "mig",
        ],
        Page::Engines => &["podman", "network", "deltas"],
        Page::Wizard => super::wizard::WIZARD_QUERY_KEYS,
        // `quick=1` runs the lab's benchmarks with a few samples (for tests).
        Page::Wasm => &["quick"],
        // `example=<file>` opens one of the playground's examples (a shareable view);
        // `sections=` is the view of its section chart.
        Page::Playground => &["example", super::inspect::chart::SECTIONS_CHART_ID],
        _ => &[],
    }
}

/// Query-string keys every page understands.
pub const GLOBAL_QUERY_KEYS: &[&str] = &[super::prefs::LANG_PARAM];

/// The app's base path, from the `href` of the page's `<base>` element as the browser
/// resolved it (`http://host/some/sub/path/`): `/some/sub/path`, or `""` at the root.
/// Routes and links are relative to it, so one build serves from any path it was
/// built for (`trunk build --public-url /some/sub/path/`).
pub fn base_path(base_href: &str) -> String {
    let without_scheme = base_href
        .split_once("://")
        .map_or(base_href, |(_, rest)| rest);
    let path = match without_scheme.find('/') {
        Some(start) if base_href.contains("://") => &without_scheme[start..],
        Some(_) => without_scheme,
        None => "/",
    };
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    dir.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_round_trip() {
        for page in Page::ALL {
            assert_eq!(Page::from_path(page.path()), Some(page));
            let count = Page::ALL.iter().filter(|p| p.path() == page.path()).count();
            assert_eq!(count, 1, "{page:?} shares its path");
        }
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(
            base_path("http://127.0.0.1:8080/some/sub/path/"),
            "/some/sub/path"
        );
        assert_eq!(base_path("https://example.org/atlas/index.html"), "/atlas");
        assert_eq!(base_path("http://host"), "");
        assert_eq!(base_path("/atlas/"), "/atlas");
    }

    #[test]
    fn pages_under_a_base_path() {
        assert_eq!(
            Page::from_location("/atlas/gpus", "/atlas"),
            Some(Page::Gpus)
        );
        assert_eq!(
            Page::from_location("/atlas/", "/atlas"),
            Some(Page::Overview)
        );
        assert_eq!(
            Page::from_location("/atlas", "/atlas"),
            Some(Page::Overview)
        );
        assert_eq!(Page::from_location("/atlasgpus", "/atlas"), None);
        assert_eq!(Page::from_location("/gpus", "/atlas"), None);
        assert_eq!(Page::from_location("/gpus", ""), Some(Page::Gpus));
    }

    #[test]
    fn each_language_has_its_own_paths() {
        use crate::base::lang::Lang;
        use crate::base::page::{lang_of_location, page_location, relocate, split_location};
        assert_eq!(page_location(Page::Gpus, Lang::En, ""), "/gpus");
        assert_eq!(
            page_location(Page::Gpus, Lang::Zh, "/atlas"),
            "/atlas/zh/gpus"
        );
        assert_eq!(page_location(Page::Overview, Lang::Zh, ""), "/zh/");
        assert_eq!(page_location(Page::Overview, Lang::En, "/atlas"), "/atlas/");
        for page in Page::ALL {
            for lang in Lang::ALL {
                for base in ["", "/some/sub/path"] {
                    let path = page_location(page, lang, base);
                    assert_eq!(Page::from_location(&path, base), Some(page), "{path}");
                    assert_eq!(lang_of_location(&path, base), lang, "{path}");
                    let other = if lang == Lang::En { Lang::Zh } else { Lang::En };
                    assert_eq!(
                        relocate(&path, base, other),
                        page_location(page, other, base)
                    );
                }
            }
        }
        assert_eq!(split_location("/zh", ""), Some((Lang::Zh, "")));
        assert_eq!(
            split_location("/zhx/gpus", ""),
            Some((Lang::En, "/zhx/gpus"))
        );
        assert_eq!(lang_of_location("/zh/no-such-page", ""), Lang::Zh);
        assert_eq!(relocate("/zh/no-such-page", "", Lang::En), "/no-such-page");
        assert_eq!(Page::from_location("/zh/gpus/", ""), Some(Page::Gpus));
        assert_eq!(Page::from_location("/zh/zh/gpus", ""), None);
    }

    #[test]
    fn trailing_slash_and_unknown_paths() {
        assert_eq!(Page::from_path("/gpus/"), Some(Page::Gpus));
        assert_eq!(Page::from_path(""), Some(Page::Overview));
        assert_eq!(Page::from_path("/gpu"), None);
        assert_eq!(Page::from_path("/gpus/h100"), None);
    }
}
