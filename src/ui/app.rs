//! The app shell: preferences, router, header, notices, page content and footer.

use leptos::prelude::*;

use super::components::footer::Footer;
use super::components::header::Header;
use super::notices::{NoticeList, Notices};
use super::prefs::{follow_address, provide_prefs};
use super::route::{Location, provide_location};
use crate::base::lang::Lang;
use crate::base::page::{Page, page_location};
use crate::domain::address::Address;
use crate::i18n::Key;
use crate::ui::i18n::{t, use_lang};

/// The app's base path (`""` at the root of a host), shared through context.
#[derive(Clone, Debug)]
pub struct BasePath(pub String);

/// Where the app starts: read from the browser's address by [`super::start`], or
/// given to the renderer for each pre-rendered page. Render code reads this, never
/// the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The path the build is served under (`""` at the root of a host).
    pub base: String,
    /// The language the address names (`/zh/…` Chinese, English otherwise).
    pub lang: Lang,
    /// The address the app's views are first built for.
    pub at: Address,
    /// The browser's whole address, when the app hydrated the pre-rendered page at
    /// its bare path (`at`): shown once the app has started, so that a view in the
    /// query applies as any change of the address does.
    pub then: Option<Address>,
}

/// Shows the address hydration ran without, once the app has started.
fn restore_address(location: Location, then: Option<Address>) {
    if let Some(address) = then {
        super::after_start(move || location.show(address));
    }
}

/// The link to a page in the reader's language, under the app's base path; the
/// language prefix follows the language switch.
pub fn page_href(page: Page) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    let lang = use_lang();
    move || page_location(page, lang.get(), &base)
}

/// Where a page goes in the shell. The renderer writes the page's HTML into it. In the
/// browser the shell around it is hydrated, and the page is drawn into its host once
/// the app has started, replacing it in one step: hydrating each page's views
/// would add a second, hydrating copy of all their rendering code to the wasm (+29% of
/// it, 607 KB gzip against 472 KB), for the same pixels.
fn page_host(page: Option<Page>) -> impl IntoView {
    // Natively the page is rendered in place; in the browser `loading` until its code
    // has drawn it (the host keeps the pre-rendered page meanwhile), then `ready`.
    let state = RwSignal::new(if cfg!(target_arch = "wasm32") {
        HostState::Loading
    } else {
        HostState::Static
    });
    let attempt = RwSignal::new(0u32);
    // Whether the host holds the page pre-rendered (the first page, hydrated): while its
    // code loads the reader has the page; after a click they have an empty host, and
    // a word that it is coming (shown only if it takes a moment: see the stylesheet).
    let pre_rendered = super::hydrating();
    // What the host says of its page's code: coming, or failed (with a retry).
    let host_status = move || {
        let loading = state.get() == HostState::Loading && !pre_rendered;
        let loading = loading.then(|| {
            view! { <p class="page-loading" role="status">{t(Key::PageCodeLoading)}</p> }
        });
        let failed = (state.get() == HostState::Failed).then(|| {
            view! {
                <div class="notice page-load-failed" role="alert" data-notice="page-code">
                    <p>{t(Key::PageCodeFailed)}</p>
                    <button
                        type="button"
                        class="page-load-retry"
                        on:click=move |_| attempt.update(|n| *n += 1)
                    >
                        {t(Key::PageCodeRetry)}
                    </button>
                </div>
            }
        });
        (loading, failed)
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = attempt;
        let view = super::pages::code::load_now(page).ok().map(|view| view());
        view! {
            {host_status}
            <div class="page-host" data-state=move || state.get().name()>
                {view}
            </div>
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        use super::pages::code;
        use wasm_bindgen::JsCast;
        let host = NodeRef::<leptos::html::Div>::new();
        let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
        let busy = StoredValue::new_local(false);
        // A page with nothing to run (`code::is_static`) keeps its pre-rendered HTML
        // rather than fetch its code, while the language is `kept`, that HTML's.
        let kept = StoredValue::new_local(None::<Lang>);
        let lang = use_lang();
        // The page lives under the host's owner, not the effect's below: a second run
        // of the effect (a retry, the language) would dispose what its first made.
        let owner = Owner::current();
        let draw = move |el: web_sys::HtmlElement, view: code::PageView| {
            // The pre-rendered page (when hydrating) gives way to the live one.
            el.set_inner_html("");
            let mount = || untrack(|| view(el));
            let handle = match &owner {
                Some(owner) => owner.with(mount),
                None => mount(),
            };
            mounted.try_set_value(Some(handle));
            state.try_set(HostState::Ready);
        };
        // Draws the page into its host once the host is in the DOM; again on a retry
        // after its code failed to load; a kept page once the language changes.
        Effect::new(move |_| {
            let draw = draw.clone();
            attempt.track();
            let Some(el) = host.get() else { return };
            if busy.try_get_value().unwrap_or(true)
                || mounted.try_with_value(Option::is_some).unwrap_or(true)
            {
                return;
            }
            let el: web_sys::HtmlElement = el.unchecked_into();
            if code::is_static(page) && pre_rendered {
                // Read (and so followed) only while the page is kept.
                let lang = lang.get();
                match kept.get_value() {
                    None => {
                        kept.set_value(Some(lang));
                        state.set(HostState::Ready);
                        super::browser::mark_content_ready();
                        return;
                    }
                    Some(kept) if kept == lang => return,
                    Some(_) => {}
                }
            }
            #[cfg(feature = "split")]
            {
                state.set(HostState::Loading);
                busy.set_value(true);
                leptos::task::spawn_local(async move {
                    let loaded = code::load(page).await;
                    busy.try_set_value(false);
                    // The reader may have left the page while its code loaded.
                    if !el.is_connected() {
                        return;
                    }
                    match loaded {
                        Ok(view) => draw(el, view),
                        Err(_) => drop(state.try_set(HostState::Failed)),
                    }
                });
            }
            #[cfg(not(feature = "split"))]
            if let Ok(view) = code::load_now(page) {
                draw(el, view);
            }
        });
        view! {
            {host_status}
            <div
                class="page-host"
                data-state=move || state.get().name()
                node_ref=host
                inner_html=""
            ></div>
        }
    }
}

/// Where a page's host is: drawn in place (the renderer), waiting for its code,
/// drawn by it, or without it because it could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum HostState {
    Static,
    Loading,
    Ready,
    Failed,
}

impl HostState {
    /// The host's `data-state`, which the tests wait on.
    fn name(self) -> &'static str {
        match self {
            HostState::Static => "static",
            HostState::Loading => "loading",
            HostState::Ready => "ready",
            HostState::Failed => "failed",
        }
    }
}

/// Moves focus to the page content. Done here rather than by the `#main` fragment,
/// which `<base>` resolves to the overview's address, not this page's.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
            main.scroll_into_view();
        }
    }
}

/// The whole app.
#[component]
pub fn App(start: Start) -> impl IntoView {
    let notices = Notices::provide();
    provide_prefs(notices, start.lang);
    super::charts::provide_viewport();

    // Routes and links are relative to the path the build was made for.
    let base = start.base;
    provide_context(BasePath(base.clone()));
    let location = provide_location(&base, start.at);
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    super::pages::code::prefetch_on_intent(base.clone());

    view! {
        {restore_address(location, start.then)}
        {follow_address(base)}
        <a class="skip-link" href="#main" on:click=skip_to_content>
            {t(Key::AppSkip)}
        </a>
        <Header />
        <NoticeList />
        <main id="main" tabindex="-1">
            // Each page in English (no prefix) and in Chinese (`/zh`) is one page here:
            // the language switch keeps the page (its state, the playground's worker)
            // and changes its words. A native test renders every one.
            {move || page_host(location.page.get())}
        </main>
        <Footer />
    }
}
