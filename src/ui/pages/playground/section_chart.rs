//! The sections of the binary on screen, drawn by the app's chart frame: bars or a table,
//! sorting, a log scale, hiding rows, CSV, SVG and PNG, its view kept in the link
//! (`?sections=`). In split builds the frame's code is fetched when the chart comes near
//! the screen (`code::section_chart`); a reader who never scrolls to it does not pay for
//! it.

use leptos::prelude::*;

use crate::domain::chart::Row;

/// The section chart for `rows`, which change from file to file under the same frame.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn SectionChart(rows: Signal<Vec<Row>>) -> impl IntoView {
    use crate::domain::inspect::chart::SECTIONS_CHART;
    use crate::ui::charts::Chart;
    view! { <Chart def=&SECTIONS_CHART rows=rows nested=true /> }
}

/// The section chart for `rows`, which change from file to file under the same frame:
/// its code fetched when the chart comes near the screen.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn SectionChart(rows: Signal<Vec<Row>>) -> impl IntoView {
    use super::deferred::{Part, When, host};
    use crate::i18n::Key;
    host(
        Part {
            name: "chart",
            code: crate::ui::pages::code::section_chart_code,
            when: When::Near,
            loading: Some(Key::PlaygroundChartLoading),
            failed: Key::PlaygroundChartFailed,
        },
        rows,
    )
}
