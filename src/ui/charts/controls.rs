//! A chart's toolbar: scale, chart or table, filters, sort, direction, the rows
//! shown, and the downloads. On a phone only the scale and the chart/table switch
//! show; the rest sits behind a "More options" button (a disclosure with
//! `aria-expanded` and `aria-controls`), so the chart starts near the top of the
//! screen. On wider screens every control shows.

use leptos::prelude::*;

use super::Viewport;
use super::files;
use super::state::UseChartView;
use crate::data::charts::{ChartKind, Origin};
use crate::domain::chart::{SortBy, chart_csv, has_scale_toggle};
use crate::domain::scale::ScaleKind;
use crate::i18n::Key;
use crate::ui::browser::download;
use crate::ui::i18n::{t, use_lang};

/// Up to this viewport width (CSS pixels; 40rem, the stylesheet's phone breakpoint,
/// `max-width: 40rem`, which includes it) the secondary controls fold behind "More
/// options".
pub const COMPACT_UP_TO: f64 = 640.0;

fn tag_key(tag: &str) -> Key {
    match tag {
        "cn" => Key::ChartTagCn,
        "intl" => Key::ChartTagIntl,
        "inference" => Key::ChartTagInference,
        _ => Key::ChartTagTraining,
    }
}

/// The toolbar of one chart.
#[component]
pub fn ChartControls(
    /// The chart's view state.
    state: UseChartView,
    /// The width the chart is drawn at, for the picture downloads.
    width: Memo<f64>,
) -> impl IntoView {
    let def = state.def;
    let viewport = use_context::<Viewport>().map(|v| v.0);
    let compact = move || viewport.is_some_and(|v| v.get() <= COMPACT_UP_TO);
    let open = RwSignal::new(false);
    let more_id = format!("{}-more", def.id);

    view! {
        <div class="chart-controls" class:compact=compact>
            {scale_control(state)}
            {view_control(state)}
            <button
                type="button"
                class="toggle more-toggle"
                hidden=move || !compact()
                aria-expanded=move || open.get().to_string()
                aria-controls=more_id.clone()
                // Every chart has one: its title tells them apart.
                aria-describedby=format!("{}-title", def.id)
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {t(Key::ChartMore)}
                <span class="more-mark" aria-hidden="true">{move || if open.get() { "▴" } else { "▾" }}</span>
            </button>
            <div class="chart-more" id=more_id hidden=move || compact() && !open.get()>
                {filters(state)}
                {sort_control(state)}
                <button
                    type="button"
                    class="toggle"
                    data-desc=""
                    aria-pressed=move || state.view.with(|v| v.descending).to_string()
                    on:click=move |_| state.update(|v| v.descending = !v.descending)
                >
                    {t(Key::ChartReverse)}
                </button>
                {row_picker(state)}
                {downloads(state, width)}
            </div>
        </div>
    }
}

/// Log or linear, for charts with a value axis that can be log.
fn scale_control(state: UseChartView) -> Option<impl IntoView> {
    let def = state.def;
    has_scale_toggle(def).then(|| {
        let pressed = move |kind: ScaleKind| {
            move || (state.view.with(|v| v.scale_kind(def)) == kind).to_string()
        };
        let set = move |kind: ScaleKind| move |_| state.update(|v| v.scale = Some(kind));
        view! {
            <div class="seg" role="group" aria-label=t(Key::ChartScaleLabel)>
                <button type="button" data-scale="log" aria-pressed=pressed(ScaleKind::Log) on:click=set(ScaleKind::Log)>
                    {t(Key::ChartLog)}
                </button>
                <button type="button" data-scale="lin" aria-pressed=pressed(ScaleKind::Linear) on:click=set(ScaleKind::Linear)>
                    {t(Key::ChartLinear)}
                </button>
            </div>
        }
    })
}

/// The drawing or the table, for charts that draw.
fn view_control(state: UseChartView) -> Option<impl IntoView> {
    (state.def.kind != ChartKind::Table).then(|| {
        let pressed = move |table: bool| move || (state.view.with(|v| v.table) == table).to_string();
        let set = move |table: bool| move |_| state.update(|v| v.table = table);
        view! {
            <div class="seg" role="group" aria-label=t(Key::ChartViewLabel)>
                <button type="button" data-view="chart" aria-pressed=pressed(false) on:click=set(false)>
                    {t(Key::ChartViewChart)}
                </button>
                <button type="button" data-view="table" aria-pressed=pressed(true) on:click=set(true)>
                    {t(Key::ChartViewTable)}
                </button>
            </div>
        }
    })
}

/// One select per tag group of the chart (vendor, use).
fn filters(state: UseChartView) -> impl IntoView {
    let def = state.def;
    def.filters
        .iter()
        .enumerate()
        .map(|(group, tags)| {
            let current = move || {
                state.view.with(|v| {
                    tags.iter()
                        .find(|t| v.only.iter().any(|o| o == *t))
                        .map_or(String::new(), |t| (*t).to_owned())
                })
            };
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let tag = tags.iter().copied().find(|t| *t == value);
                state.update(|v| v.set_only(def, group, tag));
            };
            let options = tags
                .iter()
                .map(|tag| view! { <option value=*tag>{t(tag_key(tag))}</option> })
                .collect_view();
            let label_key = if group == 0 {
                Key::ChartFilterOrigin
            } else {
                Key::ChartFilterUse
            };
            view! {
                <label class="field">
                    {t(label_key)}
                    <select data-filter=group.to_string() on:change=on_change prop:value=current>
                        <option value="">{t(Key::ChartFilterAll)}</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view()
}

/// The order of the rows: the report's (or the file's), by name, or by a series.
fn sort_control(state: UseChartView) -> impl IntoView {
    let lang = use_lang();
    let def = state.def;
    let first_order = match def.origin {
        Origin::Report(_) => Key::ChartSortReport,
        Origin::File => Key::ChartSortFile,
    };
    let sort_value = move || match state.view.with(|v| v.sort) {
        SortBy::Report => "report".to_owned(),
        SortBy::Name => "name".to_owned(),
        SortBy::Series(n) => format!("by-{}", n + 1),
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let sort = match value.as_str() {
            "name" => SortBy::Name,
            other => other
                .strip_prefix("by-")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=def.series.len()).contains(n))
                .map_or(SortBy::Report, |n| SortBy::Series(n - 1)),
        };
        state.update(|v| v.sort = sort);
    };
    let series_options = def
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let value = format!("by-{}", i + 1);
            let label =
                move || Key::ChartSortBy.fill(lang.get(), &[("series", s.name.get(lang.get()))]);
            view! { <option value=value>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="field">
            {t(Key::ChartSortLabel)}
            <select data-sort-select="" on:change=on_sort prop:value=sort_value>
                <option value="report">{t(first_order)}</option>
                <option value="name">{t(Key::ChartSortName)}</option>
                {series_options}
            </select>
        </label>
    }
}

/// A checkbox per row, to hide or show it, under a summary of how many show.
fn row_picker(state: UseChartView) -> impl IntoView {
    let lang = use_lang();
    // Rebuilt when the rows change (another file opened on the playground).
    let boxes = move || {
        state
            .rows
            .get()
            .into_iter()
            .map(|row| {
                let key = row.key.clone();
                let checked_key = key.clone();
                let checked = move || state.view.with(|v| !v.hidden.contains(&checked_key));
                let label = move || row.label(lang.get());
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                data-row=key.clone()
                                prop:checked=checked
                                on:change=move |_| state.update(|v| v.toggle_hidden(&key))
                            />
                            {label}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let summary = move || {
        let total = state.rows.with(Vec::len).to_string();
        let count = state.shown.with(Vec::len).to_string();
        Key::ChartRowsShown.fill(lang.get(), &[("shown", &count), ("total", &total)])
    };
    view! {
        <details class="row-picker">
            <summary tabindex="0">{summary}</summary>
            <ul>{boxes}</ul>
        </details>
    }
}

/// The chart as an SVG or PNG picture (for charts that draw) and its values as CSV.
fn downloads(state: UseChartView, width: Memo<f64>) -> impl IntoView {
    let lang = use_lang();
    let def = state.def;
    let download_csv = move |_| {
        let lang = lang.get_untracked();
        let csv = state
            .shown
            .with_untracked(|rows| chart_csv(def, rows, lang));
        download(&format!("{}.csv", def.id), "text/csv;charset=utf-8", &csv);
    };
    let picture = move || untrack(|| state.svg(width.get(), lang.get(), true));
    let download_svg = move |_| {
        let (svg, _) = picture();
        download(&format!("{}.svg", def.id), "image/svg+xml", &svg);
    };
    let download_png = move |_| {
        let (svg, height) = picture();
        let name = format!("{}.png", def.id);
        files::download_png(&svg, width.get_untracked(), height, &name);
    };
    let pictures = (def.kind != ChartKind::Table).then(|| {
        view! {
            <button type="button" data-download="svg" on:click=download_svg>{t(Key::ChartDownloadSvg)}</button>
            <button type="button" data-download="png" on:click=download_png>{t(Key::ChartDownloadPng)}</button>
        }
    });
    view! {
        <div class="downloads">
            {pictures}
            <button type="button" data-download="csv" on:click=download_csv>{t(Key::ChartDownloadCsv)}</button>
        </div>
    }
}
