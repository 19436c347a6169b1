//! The sandboxes page (`/sandboxes`): startup, isolation, footprint and profiles of
//! each lightweight-virtualization technology, who runs them, and their market.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::charts::SANDBOXES_CHARTS;
use crate::data::figures::Topic;
use crate::i18n::Key;
use crate::ui::charts::Chart;
use crate::ui::components::page_intro::{
    INDEPENDENT_TITLE_ID, PageIntro, html_section, independent_figures,
};
use crate::ui::components::report_blocks::{cloud_adoption, sandbox_profiles};

#[component]
pub fn SandboxesPage() -> impl IntoView {
    let charts = |ids: &[&str]| {
        ids.iter()
            .filter_map(|id| SANDBOXES_CHARTS.iter().find(|c| c.id == *id))
            .map(|def| view! { <Chart def=def /> })
            .collect_view()
    };
    view! {
        <div class="page chart-page" data-page=Page::Sandboxes.path()>
            <PageIntro page=Page::Sandboxes />
            {charts(&["startup", "isolation", "footprint", "profiles"])}
            {html_section("profiles-block", None, |h, lang| {
                h.element("h2", &[], Key::ChartTechnologies.text(lang));
                sandbox_profiles(h, lang);
                cloud_adoption(h, lang);
            })}
            {charts(&["market", "segments"])}
            {html_section("independent", Some(INDEPENDENT_TITLE_ID), |h, lang| independent_figures(h, lang, Some(Topic::Sandboxes)))}
        </div>
    }
}
