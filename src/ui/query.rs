//! The one way the app changes its query string: through the router, so that every
//! reader (`use_location().search`, the notices, the other writers) sees the change at
//! once. Writing `history` behind the router's back once made the language come back:
//! the language switch rewrote `?lang=` directly, the next chart change wrote the
//! router's stale query, and a reload showed the old language again.

use leptos::prelude::*;

use crate::domain::query::{fragment, with_param};
pub use crate::ui::route::History;
use crate::ui::route::{Location, use_location};

/// Reads and writes the query string of the current page. `Copy`, so closures and
/// child components can take it freely.
#[derive(Clone, Copy)]
pub struct QueryWriter {
    location: Location,
}

impl QueryWriter {
    /// Replaces the whole query string with what `next` makes of the current one
    /// (the router's, without its `?`: [`crate::domain::query`] reads it either way),
    /// keeping the path and the fragment.
    pub fn update(&self, history: History, next: impl FnOnce(&str) -> String) {
        let location = self.location;
        let search = next(&location.search.get_untracked());
        let path = location.pathname.get_untracked();
        let hash = fragment(&location.hash.get_untracked());
        location.go(&format!("{path}{search}{hash}"), history, false);
    }

    /// Sets `key` to `value`, or removes it when `value` is `None` or empty.
    pub fn set(&self, key: &str, value: Option<&str>, history: History) {
        self.update(history, |search| with_param(search, key, value));
    }
}

/// The query-string writer of the page. Must be called under the app's location
/// ([`crate::ui::route::provide_location`]).
pub fn use_query_writer() -> QueryWriter {
    QueryWriter {
        location: use_location(),
    }
}
