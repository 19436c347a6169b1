//! Which translated strings name each page, for the navigation bar, links and headings.

use crate::base::page::Page;
use crate::i18n::Key;

/// The page's short name, as in the navigation bar.
pub const fn nav_key(page: Page) -> Key {
    match page {
        Page::Overview => Key::NavOverview,
        Page::Sandboxes => Key::NavSandboxes,
        Page::Gpus => Key::NavGpus,
        Page::Engines => Key::NavEngines,
        Page::Wasm => Key::NavWasm,
        Page::Playground => Key::NavPlayground,
        Page::Wizard => Key::NavWizard,
        Page::Data => Key::NavData,
    }
}

/// The page's main heading.
pub const fn title_key(page: Page) -> Key {
    match page {
        Page::Overview => Key::OverviewTitle,
        Page::Sandboxes => Key::PagesSandboxesTitle,
        Page::Gpus => Key::PagesGpusTitle,
        Page::Engines => Key::PagesEnginesTitle,
        Page::Wasm => Key::PagesWasmTitle,
        Page::Playground => Key::PagesPlaygroundTitle,
        Page::Wizard => Key::PagesWizardTitle,
        Page::Data => Key::PagesDataTitle,
    }
}

/// The paragraph under the page's heading.
pub const fn lead_key(page: Page) -> Key {
    match page {
        Page::Overview => Key::OverviewIntro,
        Page::Sandboxes => Key::PagesSandboxesLead,
        Page::Gpus => Key::PagesGpusLead,
        Page::Engines => Key::PagesEnginesLead,
        Page::Wasm => Key::PagesWasmLead,
        Page::Playground => Key::PagesPlaygroundLead,
        Page::Wizard => Key::PagesWizardLead,
        Page::Data => Key::PagesDataLead,
    }
}

/// The document's title for a page (`None`: an unknown path) in `lang`: the page's
/// name, then the app's; the overview leads with the app's name.
pub fn page_title(page: Option<Page>, lang: crate::base::lang::Lang) -> String {
    let app = Key::AppName.text(lang);
    match page {
        Some(Page::Overview) => format!("{app} · {}", Key::AppTagline.text(lang)),
        Some(page) => format!("{} · {app}", nav_key(page).text(lang)),
        None => format!("{} · {app}", Key::NotFoundTitle.text(lang)),
    }
}
