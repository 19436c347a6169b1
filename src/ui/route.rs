//! The router: the address the views read, the page it names, and the one way the
//! address changes.
//!
//! The app's routes are fixed (eight pages, each in two languages, under one base
//! path), so what it needs of a router is small: the address as signals, a `go` that
//! writes the browser's history, same-site link clicks followed without a reload, and
//! Back and Forward. leptos_router did this with a general route tree, nested routes,
//! async route data and its own link component, all of it in the main module every
//! page loads (see the README's "Dependencies" for the measurement).

use leptos::prelude::*;

use crate::base::page::Page;
use crate::domain::address::Address;

/// Whether a change to the address is a step the Back button undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Replace the current entry: view settings (a chart's scale, a table's sort).
    Replace,
    /// Add an entry: a change the reader may want to undo with Back (a wizard answer,
    /// another page).
    Push,
}

/// The address the app shows, in the parts views read. `Copy`: closures and child
/// components take it freely.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, base path included (`/some/sub/path/zh/gpus`).
    pub pathname: Memo<String>,
    /// The query string without its `?`.
    pub search: Memo<String>,
    /// The fragment with its `#`, or empty.
    pub hash: Memo<String>,
    /// The page the path names; `None` for a path that names none (the 404 page).
    pub page: Memo<Option<Page>>,
    address: RwSignal<Address>,
}

impl Location {
    /// Goes to `to` (a path with its query and fragment, base path included): a new
    /// entry in the browser's history or in place of the current one, scrolled to
    /// the fragment's element (or the top) when `scroll` is set. Pushing the address
    /// the app is at adds no entry.
    pub fn go(&self, to: &str, history: History, scroll: bool) {
        let next = Address::parse(to);
        let same = self.address.with_untracked(|here| *here == next);
        if history == History::Replace || !same {
            super::browser::write_address(&next.to_string(), history == History::Push);
        }
        let hash = next.hash.clone();
        if !same {
            self.address.set(next);
        }
        if scroll {
            super::browser::scroll_to_fragment(&hash);
        }
    }

    /// A link to the element `id` on this page, in its current view (the query):
    /// what a reader copies to share a chart as they see it. A bare `#id` would not
    /// do, since `<base>` resolves it against the overview's address. Tracked.
    pub fn link_to(&self, id: &str) -> String {
        self.address
            .with(|here| Address::new(&here.path, &here.search, id).to_string())
    }

    /// Shows `address` without writing the browser's history: the address the browser
    /// is already at, after the app started at another (see [`super::app::Start`]),
    /// or after Back or Forward.
    pub fn show(&self, address: Address) {
        if self.address.with_untracked(|here| *here != address) {
            self.address.set(address);
        }
    }
}

/// Provides the app's address, starting at `at`, under `base` (the build's base path,
/// `""` at the root of a host). In the browser it then follows Back and Forward,
/// fragment jumps, and clicks on links to the app's own pages, which it opens without
/// a reload.
pub fn provide_location(base: &str, at: Address) -> Location {
    let address = RwSignal::new(at);
    let base = base.to_owned();
    let location = Location {
        pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
        search: Memo::new(move |_| address.with(|a| a.search.clone())),
        hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
        page: {
            let base = base.clone();
            Memo::new(move |_| address.with(|a| Page::from_location(&a.path, &base)))
        },
        address,
    };
    provide_context(location);
    #[cfg(target_arch = "wasm32")]
    follow_the_browser(location, base);
    location
}

/// The app's address, from [`provide_location`].
pub fn use_location() -> Location {
    use_context::<Location>().expect("the app's location, from provide_location")
}

/// Back and Forward, fragment jumps, and same-site link clicks.
#[cfg(target_arch = "wasm32")]
fn follow_the_browser(location: Location, base: String) {
    let moved = move || location.show(super::browser::address());
    let popstate = window_event_listener(leptos::ev::popstate, move |_| moved());
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| moved());
    let click = window_event_listener(leptos::ev::click, move |event| {
        if let Some(next) = link_to_follow(&event, &base) {
            let jump = !next.hash.is_empty()
                && location
                    .address
                    .with_untracked(|here| here.same_but_fragment(&next));
            // A jump within the page is the browser's: it scrolls, sets `:target` and
            // adds the history entry; `hashchange` then brings the address here.
            if !jump {
                event.prevent_default();
                location.go(&next.to_string(), History::Push, true);
            }
        }
    });
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
        click.remove();
    });
}

/// The address a click opens in the app, when it is a plain click (no modifier, main
/// button, not already handled) on a link to one of the app's own addresses that
/// neither opens elsewhere (`target`), downloads, nor says it leaves (`rel=external`).
#[cfg(target_arch = "wasm32")]
fn link_to_follow(event: &web_sys::MouseEvent, base: &str) -> Option<Address> {
    use wasm_bindgen::JsCast;
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let link = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let leaves = !link.target().is_empty()
        || link.has_attribute("download")
        || link.rel().split_ascii_whitespace().any(|r| r == "external");
    let origin = web_sys::window()?.location().origin().ok()?;
    if leaves || link.origin() != origin {
        return None;
    }
    let next = Address::new(&link.pathname(), &link.search(), &link.hash());
    crate::domain::address::under_base(&next.path, base).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_its_page_under_the_base_in_either_language() {
        let owner = Owner::new();
        owner.with(|| {
            let location =
                provide_location("/sub", Address::parse("/sub/zh/gpus?gpu-fp16=log#gpu-fp16"));
            assert_eq!(location.page.get_untracked(), Some(Page::Gpus));
            assert_eq!(location.pathname.get_untracked(), "/sub/zh/gpus");
            assert_eq!(location.search.get_untracked(), "gpu-fp16=log");
            assert_eq!(location.hash.get_untracked(), "#gpu-fp16");

            location.go("/sub/wizard?use=agents", History::Push, true);
            assert_eq!(location.page.get_untracked(), Some(Page::Wizard));
            assert_eq!(location.search.get_untracked(), "use=agents");
            assert_eq!(location.hash.get_untracked(), "");
            // A link to an element of the page keeps its view.
            assert_eq!(
                location.link_to("ranking"),
                "/sub/wizard?use=agents#ranking"
            );

            location.go("/sub/zh/", History::Replace, false);
            assert_eq!(location.page.get_untracked(), Some(Page::Overview));
            // Outside the base, or a path that names no page: the 404 page.
            location.show(Address::parse("/wizard"));
            assert_eq!(location.page.get_untracked(), None);
            location.show(Address::parse("/sub/no/such/page"));
            assert_eq!(location.page.get_untracked(), None);
            assert_eq!(use_location().pathname.get_untracked(), "/sub/no/such/page");
        });
    }
}
