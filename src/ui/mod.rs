//! The UI layer: Leptos components that read data, call the domain layer and render.

pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod document;
pub mod html;
pub mod i18n;
pub mod lab;
pub mod notices;
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod query;
pub mod route;

/// The id of the element the app renders into (see `index.html`).
pub const ROOT_ID: &str = "app";

/// Runs `f` once the app has started: after hydration took over the pre-rendered page
/// (or the app mounted), before the browser paints again. What the pre-rendered HTML
/// cannot know (stored preferences, the viewport, notices about the reader's input)
/// is applied here, so that hydration meets exactly the HTML the renderer wrote.
/// Never runs in the native renderer.
/// `f` runs under the caller's reactive owner (its signals, context and cleanups).
pub fn after_start(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let owner = leptos::prelude::Owner::current();
        leptos::prelude::queue_microtask(move || match owner {
            Some(owner) => owner.with(f),
            None => f(),
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

thread_local! {
    static HYDRATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app is hydrating the pre-rendered page right now: true while the views
/// of the first address are built over its HTML, false for every view built later
/// (after a click, which may reuse a page's element, children and all).
pub fn hydrating() -> bool {
    HYDRATING.with(std::cell::Cell::get)
}

/// The attribute of `#app` that names the address its pre-rendered HTML was made for
/// (relative to the base path: `/zh/gpus`). The app hydrates only HTML made for the
/// address it is at; any other (the 404 page at an unknown path) it replaces.
pub const RENDERED_ATTR: &str = "data-rendered";

/// Whether the page pre-rendered at `rendered` (relative to the base: `/zh/gpus`) is the
/// one at `pathname`, in the same language; a trailing slash (which static hosts add
/// to a folder's address) does not matter.
pub fn same_page(rendered: &str, pathname: &str, base: &str) -> bool {
    use crate::base::page::split_location;
    match (split_location(rendered, ""), split_location(pathname, base)) {
        (Some((lang, page)), Some((here_lang, here))) => {
            lang == here_lang && page.trim_end_matches('/') == here.trim_end_matches('/')
        }
        _ => false,
    }
}

/// Where the app starts in this browser: the base path of the build (from `<base>`)
/// and the language of the address.
pub fn start_here() -> app::Start {
    let base = crate::domain::pages::base_path(&browser::base_href().unwrap_or_default());
    let at = browser::address();
    app::Start {
        lang: crate::base::page::lang_of_location(&at.path, &base),
        base,
        at,
        then: None,
    }
}

/// Starts the app in the browser, in `#app` (or the body, if a page lacks it):
/// hydrates the pre-rendered page, or mounts where there is none (`trunk serve`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    browser::mark(browser::START_MARK);
    panic::install();
    let start = start_here();
    let base = start.base.clone();
    let pathname = browser::location_pathname();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(root) = root else {
        mount(None, start);
        return;
    };
    let rendered = root.get_attribute(RENDERED_ATTR);
    if rendered.is_some_and(|at| same_page(&at, &pathname, &base)) {
        // The HTML shows the page's default view: hydrate at the bare path; the app
        // then shows the whole address (`Start::then`), so that a view in the query
        // (a chart's scale, wizard answers) applies as a change. (The browser has
        // already scrolled to the fragment's element, pre-rendered.)
        let start = if start.at.search.is_empty() && start.at.hash.is_empty() {
            start
        } else {
            app::Start {
                at: crate::domain::address::Address::new(&pathname, "", ""),
                then: Some(start.at),
                ..start
            }
        };
        HYDRATING.set(true);
        leptos::mount::hydrate_from(root, move || leptos::view! { <app::App start /> }).forget();
        HYDRATING.set(false);
        browser::mark(browser::HYDRATED_MARK);
        // Queued after everything hydration queued: the app answers.
        after_start(|| browser::mark(browser::READY_MARK));
    } else {
        // Nothing pre-rendered for this address (or a 404 page): replaced by the app.
        mount(Some(root), start);
    }
}

/// Mounts the app where nothing pre-rendered matches the address (`trunk serve`, the
/// 404 page), in place of what `root` holds (or into the body). In split builds that
/// code is a chunk of its own (`code::load_mount`): the pre-rendered pages, which
/// hydrate, never fetch it. If it cannot be fetched, what `root` holds stays (the 404
/// page reads without it); an empty page gets the error panel.
#[cfg(target_arch = "wasm32")]
fn mount(root: Option<web_sys::HtmlElement>, start: app::Start) {
    let mounted = |mount: pages::code::MountApp, root, start| {
        mount(root, start);
        // Queued after everything mounting queued: the app answers.
        after_start(|| browser::mark(browser::READY_MARK));
    };
    // Not Leptos' spawner: mounting sets it up, and this runs before.
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async move {
        match pages::code::load_mount().await {
            Ok(mount) => mounted(mount, root, start),
            Err(_) => {
                let empty = root.as_ref().is_none_or(|r| r.child_element_count() == 0);
                if empty {
                    panic::show_panic_panel(
                        "The app's code (a chunk of its wasm) could not be fetched: check the connection and reload.",
                    );
                }
            }
        }
    });
    #[cfg(not(feature = "split"))]
    mounted(pages::code::mount_now, root, start);
}

/// Renders the page at `location` (a path under `base`: `/some/sub/path/zh/gpus`) to
/// HTML, as the browser's first view of it shows; the markup hydration expects.
#[cfg(not(target_arch = "wasm32"))]
pub fn render(address: &str, base: &str) -> String {
    use leptos::prelude::{IntoView, Owner, RenderHtml, view};
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    let start = app::Start {
        lang: crate::base::page::lang_of_location(address, base),
        base: base.to_owned(),
        at: crate::domain::address::Address::parse(address),
        then: None,
    };
    owner.with(move || view! { <app::App start /> }.into_view().to_html())
}

#[cfg(test)]
mod tests {
    use super::same_page;

    #[test]
    fn a_pre_rendered_page_is_recognised_with_or_without_a_trailing_slash() {
        assert!(same_page("/zh/gpus", "/zh/gpus/", ""));
        assert!(same_page("/gpus", "/sub/gpus/", "/sub"));
        assert!(same_page("/", "/sub", "/sub"));
        assert!(same_page("/zh/", "/zh", ""));
        assert!(!same_page("/gpus", "/zh/gpus", ""));
        assert!(!same_page("/404", "/no/such/page", ""));
        assert!(!same_page("/", "/gpus", ""));
        assert!(!same_page("/gpus", "/other/gpus", "/sub"));
    }
}
