//! The app's routes. One list, so the router, the navigation bar, the tests and the
//! static-host copies of `index.html` can never disagree about which pages exist.

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

    /// The page at a browser path under the app's base path (`domain::pages::base_path`).
    pub fn from_location(pathname: &str, base: &str) -> Option<Page> {
        let relative = pathname.strip_prefix(base)?;
        if !relative.is_empty() && !relative.starts_with('/') {
            return None;
        }
        Page::from_path(relative)
    }
}
