//! The app shell: preferences, router, header, notices, page content and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::components::footer::Footer;
use super::components::header::Header;
use super::notices::{NoticeList, Notices};
use super::pages::{
    data::DataPage, engines::EnginesPage, gpus::GpusPage, not_found::NotFoundPage,
    overview::OverviewPage, sandboxes::SandboxesPage, wasm::WasmPage, wizard::WizardPage,
};
use super::prefs::provide_prefs;
use crate::i18n::Key;
use crate::ui::i18n::t;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    provide_prefs(notices);

    view! {
        <Router>
            <a class="skip-link" href="#main">{t(Key::AppSkip)}</a>
            <Header />
            <NoticeList />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=OverviewPage />
                    <Route path=path!("/sandboxes") view=SandboxesPage />
                    <Route path=path!("/gpus") view=GpusPage />
                    <Route path=path!("/engines") view=EnginesPage />
                    <Route path=path!("/wasm") view=WasmPage />
                    <Route path=path!("/wizard") view=WizardPage />
                    <Route path=path!("/data") view=DataPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
