//! A chart's body: the drawing, the table (shown, or kept for screen readers under
//! the drawing), the tooltip, and the legend. The marks are SVG text set as
//! `inner_html`; the body listens for events on their container: hover and focus
//! show a mark's tooltip, arrow keys move between marks, and the table's header
//! buttons sort.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Viewport;
use super::state::UseChartView;
use super::table;
use crate::base::lang::Lang;
use crate::base::quantity::{Kind, number};
use crate::data::charts::{ChartDef, ChartKind, Role};
use crate::domain::chart::{Footnotes, Row, SortBy};
use crate::domain::scale::ScaleKind;
use crate::i18n::Key;
use crate::ui::html::Html;
use crate::ui::i18n::use_lang;

/// The narrowest and widest a chart is drawn, in CSS pixels.
const MIN_WIDTH: f64 = 260.0;
const MAX_WIDTH: f64 = 1100.0;
/// The content column (72rem) and the horizontal padding of the page and of a chart's
/// card, for the first estimate of a chart's width before it can be measured.
const CONTENT_MAX: f64 = 1152.0;
const PAGE_PADDING: f64 = 16.0;
const CARD_PADDING: f64 = 18.0;

/// The width a chart has to draw in: estimated from the viewport for the first
/// drawing, then measured on `body` whenever the viewport changes.
pub fn use_plot_width(body: NodeRef<leptos::html::Div>) -> Memo<f64> {
    let viewport = use_context::<Viewport>().map(|v| v.0);
    let measured = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        if let Some(v) = viewport {
            v.track();
        }
        if let Some(body) = body.get() {
            let w = f64::from(body.client_width());
            if w > 0.0 {
                measured.set(Some(w));
            }
        }
    });
    Memo::new(move |_| {
        let estimate = || {
            let vw = viewport.map_or(1024.0, |v| v.get());
            vw.min(CONTENT_MAX) - 2.0 * PAGE_PADDING - 2.0 * CARD_PADDING
        };
        measured
            .get()
            .unwrap_or_else(estimate)
            .clamp(MIN_WIDTH, MAX_WIDTH)
            .floor()
    })
}

/// The drawing, the table, the tooltip and the legend of one chart.
#[component]
pub fn ChartBody(
    /// The chart's view state.
    state: UseChartView,
    /// The width to draw at (see [`use_plot_width`]).
    width: Memo<f64>,
    /// The body's container, which [`use_plot_width`] measures.
    body: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let lang = use_lang();
    let def = state.def;
    let tip_ref = NodeRef::<leptos::html::Div>::new();
    let is_table = move || state.is_table();
    let svg_html = move || {
        if is_table() {
            String::new()
        } else if state.shown.with(Vec::is_empty) {
            let mut h = Html::new();
            h.element("p", &[("class", "empty")], Key::ChartEmpty.text(lang.get()));
            h.finish()
        } else {
            state.svg(width.get(), lang.get(), false).0
        }
    };
    let table_html = move || {
        let lang = lang.get();
        let interactive = is_table();
        state.shown.with(|rows| {
            state.notes.with(|notes| {
                state
                    .view
                    .with(|v| table::html(def, rows, notes, v, lang, interactive))
            })
        })
    };
    let legend = move || {
        let scale = state.view.with(|v| v.scale_kind(def));
        state
            .rows
            .with(|rows| legend_html(def, rows, scale, lang.get()))
    };
    let notes_html = move || {
        let lang = lang.get();
        state.notes.with(|notes| footnotes_html(notes, lang))
    };
    let no_notes = move || state.notes.with(Footnotes::is_empty);

    let show_tip = move |target: Option<web_sys::EventTarget>| {
        let (Some(tip), Some(body)) = (tip_ref.get_untracked(), body.get_untracked()) else {
            return;
        };
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".mark").ok().flatten());
        match mark.and_then(|m| m.get_attribute("data-tip").map(|text| (m, text))) {
            Some((mark, text)) => place_tip(&tip, &body, &mark, &text),
            None => tip.set_hidden(true),
        }
    };
    let hide_tip = move || {
        if let Some(tip) = tip_ref.get_untracked() {
            tip.set_hidden(true);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: i32 = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -1000,
            "End" => 1000,
            "Escape" => {
                hide_tip();
                return;
            }
            _ => return,
        };
        if let Some(body) = body.get_untracked()
            && move_focus(&body, ev.target(), step)
        {
            ev.prevent_default();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let sort = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-sort]").ok().flatten())
            .and_then(|e| e.get_attribute("data-sort"));
        if let Some(sort) = sort {
            let by = match sort.as_str() {
                "name" => SortBy::Name,
                other => other
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n < def.series.len())
                    .map_or(SortBy::Report, SortBy::Series),
            };
            state.update(|v| v.sort_by(by));
        }
    };

    view! {
        <div
            class="chart-body"
            node_ref=body
            on:mouseover=move |ev| show_tip(ev.target())
            on:focusin=move |ev| show_tip(ev.target())
            on:mouseleave=move |_| hide_tip()
            on:focusout=move |_| hide_tip()
            on:keydown=on_key
            on:click=on_click
        >
            <div class="chart-figure" inner_html=svg_html hidden=is_table></div>
            <div class="table-wrap" class:sr-only=move || !is_table() inner_html=table_html></div>
            <div class="chart-tip" role="tooltip" node_ref=tip_ref hidden=true></div>
        </div>
        <p class="chart-legend" inner_html=legend hidden=is_table></p>
        <ul
            class="chart-notes"
            aria-label=move || Key::ChartFootnotes.text(lang.get())
            inner_html=notes_html
            hidden=no_notes
        ></ul>
    }
}

/// Shows `text` in the tooltip above `mark`, centered on it but inside `body`.
fn place_tip(
    tip: &web_sys::HtmlDivElement,
    body: &web_sys::HtmlDivElement,
    mark: &web_sys::Element,
    text: &str,
) {
    let (m, b) = (
        mark.get_bounding_client_rect(),
        body.get_bounding_client_rect(),
    );
    let half = (b.width() / 2.0 - 8.0).min(150.0);
    // max/min rather than clamp: clamp panics when a narrow body puts min above max.
    let left = (m.left() - b.left() + m.width() / 2.0)
        .min(b.width() - half)
        .max(half);
    tip.set_text_content(Some(text));
    let style = web_sys::HtmlElement::style(tip);
    let _ = style.set_property("left", &format!("{}px", number(left.round())));
    let _ = style.set_property("top", &format!("{}px", number((m.top() - b.top()).round())));
    tip.set_hidden(false);
}

/// Moves focus `step` marks on from the mark `target` is in (roving tabindex: only
/// the focused mark is in the tab order). Whether it moved.
fn move_focus(
    body: &web_sys::HtmlDivElement,
    target: Option<web_sys::EventTarget>,
    step: i32,
) -> bool {
    let Ok(marks) = body.query_selector_all(".mark") else {
        return false;
    };
    let count = marks.length() as i32;
    let current = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(".mark").ok().flatten());
    let Some(current) = current else {
        return false;
    };
    let index = (0..count).find(|i| {
        marks
            .item(*i as u32)
            .is_some_and(|m| m.is_same_node(Some(&current)))
    });
    let Some(index) = index else {
        return false;
    };
    let next = (index + step).min(count - 1).max(0);
    if let Some(next) = marks
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = current.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
    true
}

/// The chart's footnotes, a line each after its marker: the data notes on figures
/// it draws, and what a value measures when it is not what the rest do.
fn footnotes_html(notes: &Footnotes, lang: Lang) -> String {
    let mut h = Html::new();
    for note in &notes.list {
        h.open("li", &[]);
        h.element("span", &[("class", "marker")], note.marker);
        h.text(" ").text(&note.text(lang));
        h.close("li");
    }
    h.finish()
}

/// The legend: the series, and what each shape of value means, for the shapes the
/// chart has (on a log scale, as the dot plot draws them).
fn legend_html(def: &'static ChartDef, rows: &[Row], scale: ScaleKind, lang: Lang) -> String {
    let mut h = Html::new();
    if matches!(def.kind, ChartKind::Bars) {
        for (i, series) in def.series.iter().enumerate() {
            let class = match series.role {
                Role::Independent => format!("key independent s{i}"),
                _ => format!("key s{i}"),
            };
            h.open("span", &[("class", &class)])
                .text(series.name.get(lang))
                .close("span");
        }
        let mut kinds: Vec<Kind> = Vec::new();
        for row in rows {
            for cell in row.cells.iter().flatten() {
                let kind = cell.quantity.amount.kind();
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        let dots = scale == ScaleKind::Log;
        if dots {
            h.element(
                "span",
                &[("class", "key-shape")],
                Key::ChartShapeDots.text(lang),
            );
        }
        for kind in kinds {
            let key = match (kind, dots) {
                (Kind::Exact, _) => continue,
                (Kind::Approximate, _) => Key::ChartShapeAbout,
                (Kind::UpperBound, false) => Key::ChartShapeUpper,
                (Kind::UpperBound, true) => Key::ChartShapeUpperDot,
                (Kind::LowerBound, false) => Key::ChartShapeLower,
                (Kind::LowerBound, true) => Key::ChartShapeLowerDot,
                (Kind::Range, false) => Key::ChartShapeRange,
                (Kind::Range, true) => Key::ChartShapeRangeDot,
            };
            h.element("span", &[("class", "key-shape")], key.text(lang));
        }
    }
    h.finish()
}
