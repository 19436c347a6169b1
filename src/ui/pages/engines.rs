//! The engines page (`/engines`): Podman 5 against 4, Pasta against slirp4netns,
//! the report's performance deltas, Kubernetes 1.31 by maturity, and the report's
//! picks between Docker and Podman, Kubernetes and Podman Farm.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::charts::ENGINES_CHARTS;
use crate::data::facts::Area;
use crate::i18n::Key;
use crate::ui::charts::Chart;
use crate::ui::components::page_intro::{PageIntro, html_section};
use crate::ui::components::report_blocks::{from_section, kubernetes_features, side_by_side};

#[component]
pub fn EnginesPage() -> impl IntoView {
    let charts = ENGINES_CHARTS
        .iter()
        .map(|def| view! { <Chart def=def /> })
        .collect_view();
    view! {
        <div class="page chart-page" data-page=Page::Engines.path()>
            <PageIntro page=Page::Engines />
            {charts}
            {html_section("k8s-block", None, kubernetes_features)}
            {html_section("side-by-side", None, |h, lang| {
                h.element("h2", &[], Key::ChartSideBySide.text(lang));
                h.element("p", &[("class", "note")], Key::ChartSideBySideLead.text(lang));
                side_by_side(h, lang, Area::Engine);
                side_by_side(h, lang, Area::Orchestration);
                from_section(h, "selection", lang);
            })}
        </div>
    }
}
