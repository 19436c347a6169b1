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
    Wizard,
    Data,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 7] = [
        Page::Overview,
        Page::Sandboxes,
        Page::Gpus,
        Page::Engines,
        Page::Wasm,
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
    fn trailing_slash_and_unknown_paths() {
        assert_eq!(Page::from_path("/gpus/"), Some(Page::Gpus));
        assert_eq!(Page::from_path(""), Some(Page::Overview));
        assert_eq!(Page::from_path("/gpu"), None);
        assert_eq!(Page::from_path("/gpus/h100"), None);
    }
}
