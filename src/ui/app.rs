//! The app shell: preferences, router, header, notices, page content and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::browser;
use super::components::footer::Footer;
use super::components::header::Header;
use super::notices::{NoticeList, Notices};
use super::pages::{
    data::DataPage, engines::EnginesPage, gpus::GpusPage, not_found::NotFoundPage,
    overview::OverviewPage, playground::PlaygroundPage, sandboxes::SandboxesPage, wasm::WasmPage,
    wizard::WizardPage,
};
use super::prefs::provide_prefs;
use crate::base::page::Page;
use crate::domain::pages::base_path;
use crate::i18n::Key;
use crate::ui::i18n::t;

/// The app's base path (`""` at the root of a host), shared through context.
#[derive(Clone, Debug)]
pub struct BasePath(pub String);

/// The link to a page under the app's base path. The router resolves only relative
/// links against its base, so absolute page paths get the base here.
pub fn page_href(page: Page) -> String {
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    format!("{base}{}", page.path())
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
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    provide_prefs(notices);
    super::charts::provide_viewport();

    // Routes and links are relative to the path the build was made for.
    let base = base_path(&browser::base_href().unwrap_or_default());
    provide_context(BasePath(base.clone()));

    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=skip_to_content>
                {t(Key::AppSkip)}
            </a>
            <Header />
            <NoticeList />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=OverviewPage />
                    <Route path=path!("/sandboxes") view=SandboxesPage />
                    <Route path=path!("/gpus") view=GpusPage />
                    <Route path=path!("/engines") view=EnginesPage />
                    <Route path=path!("/wasm") view=WasmPage />
                    <Route path=path!("/playground") view=PlaygroundPage />
                    <Route path=path!("/wizard") view=WizardPage />
                    <Route path=path!("/data") view=DataPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
