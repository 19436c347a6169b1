//! The app's routes. One list, so the router, the navigation bar, the tests and the
//! static-host copies of `index.html` can never disagree about which pages exist.

use super::lang::Lang;

/// A top-level page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Overview,
    Sandboxes,
    Gpus,
    Engines,
    Wasm,
    Playground,
    Wizard,
    Data,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 8] = [
        Page::Overview,
        Page::Sandboxes,
        Page::Gpus,
        Page::Engines,
        Page::Wasm,
        Page::Playground,
        Page::Wizard,
        Page::Data,
    ];

    /// The path of the page, relative to the app's base path.
    pub const fn path(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Sandboxes => "/sandboxes",
            Page::Gpus => "/gpus",
            Page::Engines => "/engines",
            Page::Wasm => "/wasm",
            Page::Playground => "/playground",
            Page::Wizard => "/wizard",
            Page::Data => "/data",
        }
    }

    /// The page a path names, ignoring a trailing slash; `None` for unknown paths.
    pub fn from_path(path: &str) -> Option<Page> {
        let trimmed = path.trim_end_matches('/');
        let wanted = if trimmed.is_empty() { "/" } else { trimmed };
        Page::ALL.into_iter().find(|page| page.path() == wanted)
    }

    /// The page at a browser path under the app's base path (`domain::pages::base_path`),
    /// in either language (`/gpus`, `/zh/gpus`).
    pub fn from_location(pathname: &str, base: &str) -> Option<Page> {
        let (_, relative) = split_location(pathname, base)?;
        Page::from_path(relative)
    }
}

/// The path prefix of a language's pages: English at the root (`/gpus`), Chinese under
/// `/zh` (`/zh/gpus`). A static host serves each language its own file this way.
pub const fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Zh => "/zh",
    }
}

/// Splits a browser path under `base` into the language its prefix names and the
/// page path after it (`/zh/gpus` → Chinese, `/gpus`); `None` outside `base`.
pub fn split_location<'a>(pathname: &'a str, base: &str) -> Option<(Lang, &'a str)> {
    let relative = pathname.strip_prefix(base)?;
    if !relative.is_empty() && !relative.starts_with('/') {
        return None;
    }
    Some(strip_lang_prefix(relative))
}

/// A path relative to the base path split into the language its prefix names and the
/// rest: `/zh/gpus` → Chinese, `/gpus`; `/gpus` → English, `/gpus`.
pub fn strip_lang_prefix(path: &str) -> (Lang, &str) {
    match path.strip_prefix(lang_prefix(Lang::Zh)) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => (Lang::Zh, rest),
        _ => (Lang::En, path),
    }
}

/// The language of a browser path under `base`: its prefix's, English without one.
pub fn lang_of_location(pathname: &str, base: &str) -> Lang {
    split_location(pathname, base).map_or(Lang::En, |(lang, _)| lang)
}

/// The browser path of `page` in `lang` under `base`: `/atlas/zh/gpus`, `/atlas/`.
pub fn page_location(page: Page, lang: Lang, base: &str) -> String {
    let prefix = lang_prefix(lang);
    match page.path() {
        "/" => format!("{base}{prefix}/"),
        path => format!("{base}{prefix}{path}"),
    }
}

/// The same browser path in another language (an unknown page keeps its path after
/// the prefix, so a 404 switches language in place).
pub fn relocate(pathname: &str, base: &str, lang: Lang) -> String {
    let rest = split_location(pathname, base).map_or("/", |(_, rest)| rest);
    let rest = if rest.is_empty() { "/" } else { rest };
    format!("{base}{}{rest}", lang_prefix(lang))
}

/// What the browser keeps of the reader's language choice (`atlas.lang`), as the boot
/// script finds it.
#[derive(Clone, Copy, Debug)]
pub enum StoredLang<'a> {
    /// Storage throws (blocked, or a private mode without it): no choice can be kept.
    Unavailable,
    /// Storage works and holds no choice: a first visit.
    Unset,
    /// What it holds, valid or not.
    Value(&'a str),
}

/// Where the boot script (`assets/boot.js`) sends a reader before the first paint, by
/// the rules above: an old link's `?lang=` moves into the path (and is kept as the
/// choice); a path without a language sends a reader who chose Chinese before (or whose
/// browser prefers it, on a first visit) to the Chinese page. `base` is Trunk's
/// `<base href>` without its trailing slash; `query` the address's query without
/// `?lang=`, `lang_param` that parameter's value. `Some((true, address))` is a new
/// page load, `Some((false, address))` the same page with its address rewritten (the
/// parameter dropped), `None` staying as it is. The boot script is tested against this
/// (`tests/boot.rs`), so the rules are written once here and once in the script that
/// must run before any wasm.
pub fn boot_move(
    base: &str,
    pathname: &str,
    lang_param: Option<&str>,
    query: &str,
    stored: StoredLang,
    browser: &[&str],
) -> Option<(bool, String)> {
    let (here, _) = split_location(pathname, base)?;
    let want = match lang_param {
        // A value the app cannot use stays, and the app says so.
        Some(value) => Lang::parse(value)?,
        None if here == Lang::Zh => return None,
        None => match stored {
            StoredLang::Value(value) => Lang::parse(value)?,
            StoredLang::Unset => browser
                .iter()
                .find_map(|tag| Lang::parse(tag.split(['-', '_']).next().unwrap_or("")))?,
            StoredLang::Unavailable => return None,
        },
    };
    let target = if want == here {
        pathname.to_owned()
    } else {
        relocate(pathname, base, want)
    };
    let address = format!("{target}{query}");
    if target != pathname {
        Some((true, address))
    } else if lang_param.is_some() {
        Some((false, address))
    } else {
        None
    }
}
