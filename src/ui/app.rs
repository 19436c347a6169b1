//! The app shell: preferences, router, header, notices, page content and footer.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment};

use super::components::footer::Footer;
use super::components::header::Header;
use super::notices::{NoticeList, Notices};
use super::pages::{
    data::DataPage, engines::EnginesPage, gpus::GpusPage, not_found::NotFoundPage,
    overview::OverviewPage, playground::PlaygroundPage, sandboxes::SandboxesPage, wasm::WasmPage,
    wizard::WizardPage,
};
use super::prefs::{follow_address, provide_prefs};
use crate::base::lang::Lang;
use crate::base::page::{Page, page_location, strip_lang_prefix};
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
    /// The whole address (query and fragment) to give the router once the app has
    /// started, when it hydrated the pre-rendered page at the bare path.
    pub then: Option<String>,
}

/// Gives the router the address hydration ran without, once the app has started: a
/// view in the query then applies as any change of the address does.
fn restore_address(then: Option<String>) {
    if let Some(address) = then {
        let navigate = use_navigate();
        super::after_start(move || {
            navigate(
                &address,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
}

/// The link to a page in the reader's language, under the app's base path. The router
/// resolves only relative links against its base, so absolute page paths get the base
/// here; the language prefix follows the language switch.
pub fn page_href(page: Page) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    let lang = use_lang();
    move || page_location(page, lang.get(), &base)
}

/// The start of a route's path: the Chinese pages' prefix (`/zh`), or nothing for the
/// English pages, so one route matches a page in either language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LangPrefix;

impl PossibleRouteMatch for LangPrefix {
    fn optional(&self) -> bool {
        // It always matches (consuming the prefix when there is one), so the router
        // need not try the route without it.
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let (_, rest) = strip_lang_prefix(path);
        let matched = &path[..path.len() - rest.len()];
        Some(PartialPathMatch::new(rest, Vec::new(), matched))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.push(PathSegment::Unit);
    }
}

/// Where a page goes in the shell. The renderer writes the page's HTML into it. In the
/// browser the shell around it is hydrated, and the page is drawn into its host once
/// the app has started, replacing it in one step: hydrating each page's views
/// would add a second, hydrating copy of all their rendering code to the wasm (+29% of
/// it, 607 KB gzip against 472 KB), for the same pixels.
fn page_host<V: IntoView + 'static>(page: fn() -> V) -> impl IntoView {
    #[cfg(not(target_arch = "wasm32"))]
    {
        view! { <div class="page-host">{page()}</div> }
    }
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let host = NodeRef::<leptos::html::Div>::new();
        let mounted = StoredValue::new_local(None);
        // Runs once the host is in the DOM (its node is set once).
        Effect::new(move |_| {
            if let Some(el) = host.get() {
                // The pre-rendered page (when hydrating) gives way to the live one.
                el.set_inner_html("");
                let el: web_sys::HtmlElement = el.unchecked_into();
                mounted.set_value(Some(leptos::mount::mount_to(el, page)));
            }
        });
        view! { <div class="page-host" node_ref=host inner_html=""></div> }
    }
}

/// Moves focus to the page content. Done here rather than by the `#main` fragment,
/// which the router would treat as a navigation.
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
    provide_prefs(notices, start.lang, start.then.clone());
    super::charts::provide_viewport();

    // Routes and links are relative to the path the build was made for.
    let base = start.base;
    provide_context(BasePath(base.clone()));

    view! {
        <Router base=base.clone()>
            {restore_address(start.then)}
            {follow_address(base)}
            <a class="skip-link" href="#main" on:click=skip_to_content>
                {t(Key::AppSkip)}
            </a>
            <Header />
            <NoticeList />
            <main id="main" tabindex="-1">
                // Each page in English (no prefix) and in Chinese (`/zh`) is one route:
                // the language switch keeps the page (its state, the playground's
                // worker) and changes its words. A native test renders every one.
                <Routes fallback=|| page_host(NotFoundPage)>
                    <Route path=(LangPrefix, StaticSegment("/")) view=|| page_host(OverviewPage) />
                    <Route path=(LangPrefix, StaticSegment("sandboxes")) view=|| page_host(SandboxesPage) />
                    <Route path=(LangPrefix, StaticSegment("gpus")) view=|| page_host(GpusPage) />
                    <Route path=(LangPrefix, StaticSegment("engines")) view=|| page_host(EnginesPage) />
                    <Route path=(LangPrefix, StaticSegment("wasm")) view=|| page_host(WasmPage) />
                    <Route
                        path=(LangPrefix, StaticSegment("playground"))
                        view=|| page_host(PlaygroundPage)
                    />
                    <Route path=(LangPrefix, StaticSegment("wizard")) view=|| page_host(WizardPage) />
                    <Route path=(LangPrefix, StaticSegment("data")) view=|| page_host(DataPage) />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
