//! The one way the app changes its query string: through the router, so that every
//! reader (`use_location().search`, the notices, the other writers) sees the change at
//! once. Writing `history` behind the router's back once made the language come back:
//! the language switch rewrote `?lang=` directly, the next chart change wrote the
//! router's stale query, and a reload showed the old language again.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::domain::query::{fragment, with_param};

/// Whether a change to the address is a step the Back button undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Replace the current entry: view settings (a chart's scale, a table's sort).
    Replace,
    /// Add an entry: a change the reader may want to undo with Back (a wizard answer).
    Push,
}

/// The router's `navigate`, stored so the writer stays `Copy`.
type Navigate = Box<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Reads and writes the query string of the current page. `Copy`, so closures and
/// child components can take it freely.
#[derive(Clone, Copy)]
pub struct QueryWriter {
    search: Memo<String>,
    pathname: Memo<String>,
    hash: Memo<String>,
    navigate: StoredValue<Navigate>,
}

impl QueryWriter {
    /// Replaces the whole query string with what `next` makes of the current one
    /// (the router's, without its `?`: [`crate::domain::query`] reads it either way),
    /// keeping the path and the fragment.
    pub fn update(&self, history: History, next: impl FnOnce(&str) -> String) {
        let search = next(&self.search.get_untracked());
        let path = self.pathname.get_untracked();
        let hash = fragment(&self.hash.get_untracked());
        self.navigate.with_value(|navigate| {
            navigate(
                &format!("{path}{search}{hash}"),
                NavigateOptions {
                    // The path is the browser's, base path included: resolving it
                    // against the base would put the base in twice under a sub-path.
                    resolve: false,
                    replace: history == History::Replace,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }

    /// Sets `key` to `value`, or removes it when `value` is `None` or empty.
    pub fn set(&self, key: &str, value: Option<&str>, history: History) {
        self.update(history, |search| with_param(search, key, value));
    }
}

/// The query-string writer of the page. Must be called inside the `<Router>`.
pub fn use_query_writer() -> QueryWriter {
    let location = use_location();
    let navigate = use_navigate();
    QueryWriter {
        search: location.search,
        pathname: location.pathname,
        hash: location.hash,
        navigate: StoredValue::new(Box::new(navigate)),
    }
}
