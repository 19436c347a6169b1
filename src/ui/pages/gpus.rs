//! The GPU page (`/gpus`): every GPU the report gives figures for, their compute,
//! memory, power and price beside the makers' published figures, derived compute per
//! yuan and per watt, MIG, the report's words on each vendor, and how to share a GPU.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::charts::{ChartKind, GPUS_CHARTS};
use crate::data::figures::Topic;
use crate::ui::charts::Chart;
use crate::ui::components::gpu_blocks::{
    SHARING_TITLE_ID, WORDS_TITLE_ID, report_words, sharing_modes,
};
use crate::ui::components::page_intro::{
    INDEPENDENT_TITLE_ID, PageIntro, html_section, independent_figures,
};

#[component]
pub fn GpusPage() -> impl IntoView {
    let charts = |table: bool| {
        GPUS_CHARTS
            .iter()
            .filter(move |def| (def.kind == ChartKind::Table) == table)
            .map(|def| view! { <Chart def=def /> })
            .collect_view()
    };
    view! {
        <div class="page chart-page" data-page=Page::Gpus.path()>
            <PageIntro page=Page::Gpus />
            {charts(true)}
            <div class="chart-grid">{charts(false)}</div>
            {html_section("gpu-words", Some(WORDS_TITLE_ID), report_words)}
            {html_section("gpu-sharing", Some(SHARING_TITLE_ID), sharing_modes)}
            {html_section("independent", Some(INDEPENDENT_TITLE_ID), |h, lang| independent_figures(h, lang, Some(Topic::Gpus)))}
        </div>
    }
}
