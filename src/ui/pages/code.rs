//! Where each page's code is. In Trunk's builds (cargo feature `split`) every page's
//! views are a chunk of the wasm of their own, split off by `wasm-split` (see
//! `xtask/src/bundle.rs`) and fetched when the page is opened; the shell
//! (header, navigation, router, notices) is all the first visit needs besides its page.
//! Everywhere else (the native renderer, the component tests, builds without the
//! feature) a page's code is simply there.

#[cfg(not(target_arch = "wasm32"))]
use leptos::prelude::*;

use crate::base::page::Page;

/// Whether `page` has nothing to run: no control, nothing drawn from the reader's input
/// or this browser. Its pre-rendered HTML is then the page, and its code is fetched
/// only to draw it in the other language (or after client navigation to it), not on
/// a first visit. `tests/render.rs` checks its HTML has no control.
pub const fn is_static(page: Option<Page>) -> bool {
    matches!(page, Some(Page::Overview))
}

/// A page's view, built by its own code once that code is loaded. Natively, the view
/// to render to HTML.
#[cfg(not(target_arch = "wasm32"))]
pub type PageView = fn() -> AnyView;

/// In the browser, what draws a page into its host and keeps it alive (dropping the
/// box unmounts it). The page's code mounts its own view: erasing it to an `AnyView`
/// would bring in the code to hydrate it, synchronously and asynchronously, for
/// every view type of the page, which is never run (a page is drawn, not hydrated)
/// and was about a quarter of each page's chunks.
#[cfg(target_arch = "wasm32")]
pub type PageView = fn(web_sys::HtmlElement) -> Box<dyn std::any::Any>;

/// Makes a page's [`PageView`] from its component.
macro_rules! page_view {
    ($page:expr) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let view: PageView = || $page().into_any();
        #[cfg(target_arch = "wasm32")]
        let view: PageView = |el| Box::new(leptos::mount::mount_to(el, $page));
        view
    }};
}

/// A page's code could not be fetched (offline, or the server has a newer build).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFailed;

#[cfg(all(target_arch = "wasm32", feature = "split"))]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declares, for each page, the function that makes its view: a split point in split
/// builds (the function and all it alone calls go to the chunk named after it, with a
/// preload function that fetches the chunk without drawing), a plain function elsewhere.
macro_rules! page_code {
    ($( $pattern:pat => $view:ident, $preload:ident => $page:expr; )*) => {
        $(
            #[cfg(all(target_arch = "wasm32", feature = "split"))]
            #[wasm_split_helpers::wasm_split($view, fallible, preload($preload))]
            fn $view() -> Result<PageView, LoadFailed> {
                Ok(page_view!($page))
            }

            #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
            fn $view() -> Result<PageView, LoadFailed> {
                Ok(page_view!($page))
            }
        )*

        /// The view of `page` (`None`: the not-found page), once its code is loaded.
        #[cfg(all(target_arch = "wasm32", feature = "split"))]
        pub async fn load(page: Option<Page>) -> Result<PageView, LoadFailed> {
            match page {
                $( $pattern => $view().await, )*
            }
        }

        /// The view of `page` (`None`: the not-found page): its code is always there.
        #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
        pub fn load_now(page: Option<Page>) -> Result<PageView, LoadFailed> {
            match page {
                $( $pattern => $view(), )*
            }
        }

        /// Fetches `page`'s code ahead of a visit, without drawing it.
        #[cfg(all(target_arch = "wasm32", feature = "split"))]
        pub async fn preload(page: Option<Page>) -> Result<(), LoadFailed> {
            match page {
                $( $pattern => Ok($preload().await?), )*
            }
        }

        /// The name of the chunk that holds `page`'s code (the build names its file
        /// `split_<name>`), for the preload links of each pre-rendered page.
        pub const fn chunk_name(page: Option<Page>) -> &'static str {
            match page {
                $( $pattern => stringify!($view), )*
            }
        }
    };
}

page_code! {
    Some(Page::Overview) => overview, preload_overview => super::overview::OverviewPage;
    Some(Page::Sandboxes) => sandboxes, preload_sandboxes => super::sandboxes::SandboxesPage;
    Some(Page::Gpus) => gpus, preload_gpus => super::gpus::GpusPage;
    Some(Page::Engines) => engines, preload_engines => super::engines::EnginesPage;
    Some(Page::Wasm) => wasm, preload_wasm => super::wasm::WasmPage;
    Some(Page::Playground) => playground, preload_playground => super::playground::PlaygroundPage;
    Some(Page::Wizard) => wizard, preload_wizard => super::wizard::WizardPage;
    Some(Page::Data) => data, preload_data => super::data::DataPage;
    None => not_found, preload_not_found => super::not_found::NotFoundPage;
}

/// Split points that are parts of a page rather than pages, by the name the build gives
/// their chunk: fetched by their page when it needs them, never preloaded.
pub const PART_CHUNK_NAMES: &[&str] = &[
    "section_chart",
    "program_panel",
    "component_panel",
    "export",
    MOUNT_CHUNK_NAME,
];

/// The chunk of the code that mounts the app (`code::load_mount`), which the 404 page
/// needs beside its own.
pub const MOUNT_CHUNK_NAME: &str = "mount";

/// Mounts the whole app into an element, replacing what it holds (`None`: into the
/// body), where nothing pre-rendered matches the address.
#[cfg(target_arch = "wasm32")]
pub type MountApp = fn(Option<web_sys::HtmlElement>, crate::ui::app::Start);

/// The code that mounts the app. In split builds a chunk of its own: every pre-rendered
/// page hydrates, and building the shell afresh (each of its views' `build`, beside the
/// `hydrate` every page runs) is about 3 KB gzip the main module would otherwise carry.
/// Only `trunk serve` and the 404 page fetch it.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(mount, fallible)]
fn mount() -> Result<MountApp, LoadFailed> {
    Ok(mount_now)
}

/// The code that mounts the app, once it is loaded.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub async fn load_mount() -> Result<MountApp, LoadFailed> {
    mount().await
}

/// Mounts the app into `root`, replacing what it holds (`None`: into the body).
#[cfg(target_arch = "wasm32")]
pub fn mount_now(root: Option<web_sys::HtmlElement>, start: crate::ui::app::Start) {
    use crate::ui::app::App;
    use leptos::prelude::*;
    match root {
        Some(root) => {
            root.set_text_content(None);
            leptos::mount::mount_to(root, move || view! { <App start /> }).forget();
        }
        None => leptos::mount::mount_to_body(move || view! { <App start /> }),
    }
}

/// The whole dataset as a file to download (`json`: JSON, else CSV): its name, its
/// MIME type and its text.
pub type ExportFile = fn(json: bool) -> (&'static str, &'static str, String);

/// The data page's downloads. In split builds a chunk of its own: the CSV and JSON
/// writers (serde_json's among them) are about 5 KB gzip a visit to `/data` would
/// otherwise fetch for two buttons most readers never press. The page fetches it when
/// a pointer or the focus comes to the buttons, or at the click.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(export, fallible, preload(preload_export))]
fn export() -> Result<ExportFile, LoadFailed> {
    Ok(export_file)
}

/// The data page's downloads, once their code is loaded.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub async fn load_export() -> Result<ExportFile, LoadFailed> {
    export().await
}

/// The data page's downloads: their code is always there.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub async fn load_export() -> Result<ExportFile, LoadFailed> {
    Ok(export_file)
}

/// Fetches the downloads' code ahead of a click; a failure is left to the click, which
/// tries again and says so.
pub fn prefetch_export() {
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    leptos::task::spawn_local(async {
        let _ = preload_export().await;
    });
}

fn export_file(json: bool) -> (&'static str, &'static str, String) {
    use crate::data::figures::{FIGURES, Figure};
    use crate::domain::export;
    let all: Vec<&Figure> = FIGURES.iter().collect();
    if json {
        (
            "container-atlas-figures.json",
            "application/json",
            export::to_json(&all),
        )
    } else {
        (
            "container-atlas-figures.csv",
            "text/csv;charset=utf-8",
            export::to_csv(&all),
        )
    }
}

/// What draws the playground's section chart (the app's chart frame, with rows given
/// at run time) into an element, and keeps it alive (dropping the box unmounts it).
#[cfg(target_arch = "wasm32")]
pub type SectionChartView = fn(
    web_sys::HtmlElement,
    leptos::prelude::Signal<Vec<crate::domain::chart::Row>>,
) -> Box<dyn std::any::Any>;

/// The playground's section chart. In split builds a chunk of its own: the chart frame
/// and its ways of drawing, which the three chart pages share, are about a third of what
/// a visit to the playground fetches, and the chart sits below the editor, the examples
/// and the summary: the playground fetches it when the chart comes near the screen.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(section_chart, fallible)]
fn section_chart() -> Result<SectionChartView, LoadFailed> {
    Ok(draw_section_chart)
}

/// The playground's section chart's code, fetched (split builds) or there.
#[cfg(target_arch = "wasm32")]
pub fn section_chart_code()
-> std::pin::Pin<Box<dyn std::future::Future<Output = Result<SectionChartView, LoadFailed>>>> {
    #[cfg(feature = "split")]
    return Box::pin(section_chart());
    #[cfg(not(feature = "split"))]
    return Box::pin(std::future::ready(Ok(
        draw_section_chart as SectionChartView
    )));
}

#[cfg(target_arch = "wasm32")]
fn draw_section_chart(
    el: web_sys::HtmlElement,
    rows: leptos::prelude::Signal<Vec<crate::domain::chart::Row>>,
) -> Box<dyn std::any::Any> {
    use crate::domain::inspect::chart::SECTIONS_CHART;
    use crate::ui::charts::Chart;
    use leptos::prelude::*;
    Box::new(leptos::mount::mount_to(el, move || {
        view! { <Chart def=&SECTIONS_CHART rows=rows nested=true /> }
    }))
}

/// Fetches a page's code as soon as the reader shows they may open it: a pointer over
/// a link to it (a touch raises one too), or focus on one. By the click the code is usually there.
/// Nothing is fetched ahead otherwise: a reader who only reads pays only for what
/// they read.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub fn prefetch_on_intent(base: String) {
    use std::cell::RefCell;
    use std::collections::HashSet;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let asked = RefCell::new(HashSet::new());
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let same_origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .is_some_and(|origin| origin == link.origin());
        let Some(page) = same_origin
            .then(|| Page::from_location(&link.pathname(), &base))
            .flatten()
        else {
            return;
        };
        if asked.borrow_mut().insert(page) {
            leptos::task::spawn_local(async move {
                // A failure is not kept: opening the page tries again, and says so.
                let _ = preload(Some(page)).await;
            });
        }
    });
    for kind in ["pointerover", "focusin"] {
        let _ = document.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    // Listens for the life of the page.
    listener.forget();
}
