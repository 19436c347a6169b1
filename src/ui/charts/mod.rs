//! Charts: one frame for every chart (title, source, controls, downloads, tooltip,
//! keyboard, table), and a file per way of drawing (bars, scatter, radar, stacked).
//! The geometry comes from `domain::chart` and `domain::scale`; the marks are SVG
//! text set as `inner_html`, with the frame listening for events on their container.

mod bars;
mod files;
mod radar;
mod scatter;
mod stacked;
pub mod svg;
mod table;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::base::lang::Lang;
use crate::base::quantity::number;
use crate::data::charts::{ChartDef, ChartKind, Role};
use crate::data::sections::section;
use crate::domain::chart::{
    Cell, ChartView, Row, SortBy, cell_text, has_scale_toggle, resolve, source_text,
};
use crate::domain::query::{get_param, summarize};
use crate::domain::scale::ScaleKind;
use crate::i18n::Key;
use crate::ui::html::Html;
use crate::ui::i18n::{t, t_fill, use_lang};
use crate::ui::notices::notice_box;
use crate::ui::query::{History, use_query_writer};
use svg::Svg;

/// The viewport width in CSS pixels, kept up to date on resize; charts draw at the
/// width they have, so that their text stays legible on a phone.
#[derive(Clone, Copy)]
pub struct Viewport(pub RwSignal<f64>);

/// Provides [`Viewport`]; called once by the app.
pub fn provide_viewport() {
    let width = || {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0)
    };
    let viewport = RwSignal::new(width());
    let handle = window_event_listener(leptos::ev::resize, move |_| viewport.set(width()));
    on_cleanup(move || handle.remove());
    provide_context(Viewport(viewport));
}

/// What drawing needs: the chart, the rows shown in order, the scale, the width.
pub struct Plot<'a> {
    pub chart: &'static ChartDef,
    pub rows: &'a [Row],
    pub scale: ScaleKind,
    pub width: f64,
    pub lang: Lang,
}

impl Plot<'_> {
    pub fn value(&self, cell: &Cell) -> String {
        cell_text(cell, self.lang)
    }

    /// The tooltip of one mark: the row, the series and value, and the source.
    pub fn tip(&self, row: &Row, series: usize, cell: &Cell) -> String {
        format!("{}\n{}", row.label(self.lang), self.tip_value(series, cell))
    }

    /// "Series: value (source)".
    pub fn tip_value(&self, series: usize, cell: &Cell) -> String {
        format!(
            "{}: {} — {}",
            self.chart.series[series].name.get(self.lang),
            self.value(cell),
            source_text(self.chart, cell, self.lang)
        )
    }
}

/// The chart as SVG. `standalone` adds what a file needs on its own: the XML
/// namespace, a background, the title and source, and colours as a stylesheet.
pub fn render_svg(p: &Plot, standalone: bool) -> (String, f64) {
    let mut body = Svg::new();
    let height = match p.chart.kind {
        ChartKind::Bars => bars::draw(p, &mut body),
        ChartKind::Scatter => scatter::draw(p, &mut body),
        ChartKind::Radar => radar::draw(p, &mut body),
        ChartKind::Stacked => stacked::draw(p, &mut body),
        ChartKind::Table => 0.0,
    };
    let head = if standalone { 52.0 } else { 0.0 };
    let total = height + head;
    let view_box = format!("0 0 {} {}", svg::n(p.width), svg::n(total));
    let (w, h) = (svg::n(p.width), svg::n(total));
    let title = p.chart.title.get(p.lang);
    let mut out = Html::new();
    let mut attrs: Vec<(&str, &str)> = vec![
        ("viewBox", &view_box),
        ("width", &w),
        ("height", &h),
        ("class", "chart-svg"),
        ("role", "group"),
        ("aria-label", title),
    ];
    if standalone {
        attrs.push(("xmlns", "http://www.w3.org/2000/svg"));
    }
    out.open("svg", &attrs);
    out.open("defs", &[]);
    for i in 0..p.chart.series.len() {
        let id = format!("hatch-{}-{i}", p.chart.id);
        let class = format!("hatch s{i}");
        out.open(
            "pattern",
            &[
                ("id", &id),
                ("width", "6"),
                ("height", "6"),
                ("patternUnits", "userSpaceOnUse"),
                ("patternTransform", "rotate(45)"),
            ],
        );
        out.open("g", &[("class", &class)]);
        out.open(
            "rect",
            &[("width", "6"), ("height", "6"), ("class", "hatch-bg")],
        )
        .close("rect");
        out.open(
            "rect",
            &[("width", "2.5"), ("height", "6"), ("class", "hatch-fg")],
        )
        .close("rect");
        out.close("g").close("pattern");
    }
    out.close("defs");
    if standalone {
        out.element("style", &[], STANDALONE_STYLE);
        out.open(
            "rect",
            &[("width", "100%"), ("height", "100%"), ("class", "paper")],
        )
        .close("rect");
        let section = section(p.chart.section).map_or("", |s| s.title.get(p.lang));
        let mut head = Svg::new();
        head.text(8.0, 20.0, "start", "title", title);
        let sub = Key::ChartSubtitle.fill(p.lang, &[("section", section)]);
        head.text(8.0, 40.0, "start", "tick", &sub);
        out.append(head.into_html());
        out.open("g", &[("transform", "translate(0 52)")]);
        out.append(body.into_html());
        out.close("g");
    } else {
        out.append(body.into_html());
    }
    out.close("svg");
    (out.finish(), total)
}

/// The light theme's colours, for SVG and PNG files (the page's stylesheet is not
/// there to resolve its variables). Okabe-Ito colours, as on the page.
const STANDALONE_STYLE: &str = "text{font:12px system-ui,'Noto Sans CJK SC',sans-serif;fill:#1a1f29}.title{font-size:16px;font-weight:600}.strong,.point-label{font-weight:600}.tick,.axis-title,.sub,.muted{fill:#4f5868}.paper{fill:#fff}.grid{stroke:#d5dae2;fill:none}.zero{stroke:#4f5868;fill:none}.whisker,.onward{stroke:#1a1f29;stroke-width:1.5}.onward{stroke-dasharray:3 3}.arrow,.cap{fill:#1a1f29}.hatch-bg{fill:#fff}.inside{fill:#fff;font-weight:600}.s0{--c:#0072b2}.s1{--c:#d55e00}.s2{--c:#009e73}.s3{--c:#cc79a7}.s4{--c:#e69f00}.s5{--c:#8a7800}.s6{--c:#1a1f29}.bar,.dot,.swatch,.hatch-fg{fill:var(--c)}.hatched{stroke:var(--c);stroke-width:1.5}.area{fill:var(--c);fill-opacity:.12;stroke:var(--c);stroke-width:2}.about .bar{fill-opacity:.7}.range .bar{stroke:#1a1f29}.point .dot{fill-opacity:.8;stroke:#fff}";

/// Writes one chart's view into the query string (replacing the history entry), so
/// that a reload or a shared link restores it.
fn use_view_writer(chart: &'static ChartDef) -> impl Fn(ChartView) + Copy + Send + Sync {
    let query = use_query_writer();
    move |view: ChartView| {
        let value = view.to_value(chart);
        query.set(chart.id, Some(&value), History::Replace);
    }
}

fn kind_code(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bars => "bars",
        ChartKind::Scatter => "scatter",
        ChartKind::Radar => "radar",
        ChartKind::Stacked => "stacked",
        ChartKind::Table => "table",
    }
}

fn tag_key(tag: &str) -> Key {
    match tag {
        "cn" => Key::ChartTagCn,
        "intl" => Key::ChartTagIntl,
        "inference" => Key::ChartTagInference,
        _ => Key::ChartTagTraining,
    }
}

/// One chart with everything around it. Its view lives in the query string under
/// the chart's id.
#[component]
pub fn Chart(
    /// The chart to draw.
    def: &'static ChartDef,
) -> impl IntoView {
    let lang = use_lang();
    let viewport = use_context::<Viewport>().map(|v| v.0);
    let body_ref = NodeRef::<leptos::html::Div>::new();
    // The width the chart has: estimated from the viewport for the first drawing
    // (the content column, 72rem, less page and card padding), then measured.
    let measured = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        if let Some(v) = viewport {
            v.track();
        }
        if let Some(body) = body_ref.get() {
            let w = f64::from(body.client_width());
            if w > 0.0 {
                measured.set(Some(w));
            }
        }
    });
    let width = Memo::new(move |_| {
        let estimate = || {
            let vw = viewport.map_or(1024.0, |v| v.get());
            vw.min(1152.0) - 2.0 * 16.0 - 2.0 * 18.0
        };
        measured
            .get()
            .unwrap_or_else(estimate)
            .clamp(260.0, 1100.0)
            .floor()
    });
    let rows = StoredValue::new(resolve(def));
    let location = use_location();
    let parsed = Memo::new(move |_| {
        let value = get_param(&location.search.get(), def.id).unwrap_or_default();
        rows.with_value(|rows| ChartView::parse(&value, def, rows))
    });
    let view = Memo::new(move |_| parsed.get().0);
    let write = use_view_writer(def);
    let change = move |f: &dyn Fn(&mut ChartView)| {
        let mut next = view.get_untracked();
        f(&mut next);
        write(next);
    };
    let shown = Memo::new(move |_| {
        let lang = lang.get();
        rows.with_value(|rows| view.with(|v| v.apply(rows, lang)))
    });
    let is_table = move || def.kind == ChartKind::Table || view.with(|v| v.table);
    let plot_svg = move |standalone: bool| {
        let scale = view.with(|v| v.scale_kind(def));
        shown.with(|rows| {
            render_svg(
                &Plot {
                    chart: def,
                    rows,
                    scale,
                    width: width.get(),
                    lang: lang.get(),
                },
                standalone,
            )
        })
    };
    let svg_html = move || {
        if is_table() {
            String::new()
        } else if shown.with(Vec::is_empty) {
            let mut h = Html::new();
            h.element("p", &[("class", "empty")], Key::ChartEmpty.text(lang.get()));
            h.finish()
        } else {
            plot_svg(false).0
        }
    };
    let table_html = move || {
        let lang = lang.get();
        shown.with(|rows| view.with(|v| table::html(def, rows, v, lang, is_table())))
    };
    let tip_ref = NodeRef::<leptos::html::Div>::new();

    let section_line = move || {
        let lang = lang.get();
        let title = section(def.section).map_or("", |s| s.title.get(lang));
        format!(
            "{} · {}",
            Key::ChartSubtitle.fill(lang, &[("section", title)]),
            def.what.get(lang)
        )
    };
    let ignored_notice = move || {
        let ignored = parsed.with(|p| p.1.clone());
        (!ignored.is_empty()).then(|| {
            let list = summarize(&ignored, 4);
            let text = t_fill(Key::ChartIgnored, move || {
                vec![("chart", def.id.to_owned()), ("list", list.clone())]
            });
            notice_box("chart-ignored", Signal::derive(text), None)
        })
    };

    let scale_control = has_scale_toggle(def).then(|| {
        let pressed = move |kind: ScaleKind| move || (view.with(|v| v.scale_kind(def)) == kind).to_string();
        let set = move |kind: ScaleKind| move |_| change(&|v| v.scale = Some(kind));
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
    });
    let view_control = (def.kind != ChartKind::Table).then(|| {
        let pressed = move |table: bool| move || (view.with(|v| v.table) == table).to_string();
        let set = move |table: bool| move |_| change(&|v| v.table = table);
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
    });
    let sort_value = move || match view.with(|v| v.sort) {
        SortBy::Report => "report".to_owned(),
        SortBy::Name => "name".to_owned(),
        SortBy::Series(n) => format!("by-{}", n + 1),
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        change(&|v| {
            v.sort = match value.as_str() {
                "name" => SortBy::Name,
                other => other
                    .strip_prefix("by-")
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| (1..=def.series.len()).contains(n))
                    .map_or(SortBy::Report, |n| SortBy::Series(n - 1)),
            }
        });
    };
    let sort_options = def
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
    let row_boxes = rows
        .with_value(|rows| {
            rows.iter()
                .map(|r| (r.key.clone(), r.clone()))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .map(|(key, row)| {
            let checked_key = key.clone();
            let checked = move || view.with(|v| !v.hidden.contains(&checked_key));
            let label = move || row.label(lang.get());
            view! {
                <li>
                    <label>
                        <input
                            type="checkbox"
                            data-row=key.clone()
                            prop:checked=checked
                            on:change=move |_| change(&|v| v.toggle_hidden(&key))
                        />
                        {label}
                    </label>
                </li>
            }
        })
        .collect_view();
    let rows_summary = move || {
        let total = rows.with_value(Vec::len).to_string();
        let count = shown.with(Vec::len).to_string();
        Key::ChartRowsShown.fill(lang.get(), &[("shown", &count), ("total", &total)])
    };
    let filters = def
        .filters
        .iter()
        .enumerate()
        .map(|(group, tags)| {
            let current = move || {
                view.with(|v| {
                    tags.iter()
                        .find(|t| v.only.iter().any(|o| o == *t))
                        .map_or(String::new(), |t| (*t).to_owned())
                })
            };
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let tag = tags.iter().copied().find(|t| *t == value);
                change(&|v| v.set_only(def, group, tag));
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
        .collect_view();

    let download_csv = move |_| {
        let lang = lang.get_untracked();
        let csv = shown.with_untracked(|rows| crate::domain::chart::chart_csv(def, rows, lang));
        crate::ui::browser::download(&format!("{}.csv", def.id), "text/csv;charset=utf-8", &csv);
    };
    let download_svg = move |_| {
        let (svg, _) = plot_svg(true);
        crate::ui::browser::download(&format!("{}.svg", def.id), "image/svg+xml", &svg);
    };
    let download_png = move |_| {
        let (svg, height) = plot_svg(true);
        files::download_png(
            &svg,
            width.get_untracked(),
            height,
            &format!("{}.png", def.id),
        );
    };
    let pictures = (def.kind != ChartKind::Table).then(|| {
        view! {
            <button type="button" data-download="svg" on:click=download_svg>{t(Key::ChartDownloadSvg)}</button>
            <button type="button" data-download="png" on:click=download_png>{t(Key::ChartDownloadPng)}</button>
        }
    });

    // Tooltips on hover and focus; arrow keys between marks; sorting from the table.
    let show_tip = move |target: Option<web_sys::EventTarget>| {
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".mark").ok().flatten());
        let (Some(tip), Some(body)) = (tip_ref.get_untracked(), body_ref.get_untracked()) else {
            return;
        };
        match mark.and_then(|m| m.get_attribute("data-tip").map(|text| (m, text))) {
            Some((mark, text)) => {
                let (m, b) = (
                    mark.get_bounding_client_rect(),
                    body.get_bounding_client_rect(),
                );
                let half = (b.width() / 2.0 - 8.0).min(150.0);
                // max/min rather than clamp: clamp panics when a narrow body puts min above max.
                let left = (m.left() - b.left() + m.width() / 2.0)
                    .min(b.width() - half)
                    .max(half);
                tip.set_text_content(Some(&text));
                let style = web_sys::HtmlElement::style(&tip);
                let _ = style.set_property("left", &format!("{}px", number(left.round())));
                let _ = style
                    .set_property("top", &format!("{}px", number((m.top() - b.top()).round())));
                tip.set_hidden(false);
            }
            None => tip.set_hidden(true),
        }
    };
    let hide_tip = move |_| {
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
                hide_tip(());
                return;
            }
            _ => return,
        };
        let Some(body) = body_ref.get_untracked() else {
            return;
        };
        let Ok(marks) = body.query_selector_all(".mark") else {
            return;
        };
        let count = marks.length() as i32;
        let current = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".mark").ok().flatten());
        let Some(current) = current else { return };
        let index = (0..count).find(|i| {
            marks
                .item(*i as u32)
                .is_some_and(|m| m.is_same_node(Some(&current)))
        });
        let Some(index) = index else { return };
        ev.prevent_default();
        let next = (index + step).min(count - 1).max(0);
        if let Some(next) = marks
            .item(next as u32)
            .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = current.set_attribute("tabindex", "-1");
            let _ = next.set_attribute("tabindex", "0");
            let _ = next.focus();
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
            change(&|v| v.sort_by(by));
        }
    };
    let legend = move || rows.with_value(|rows| legend_html(def, rows, lang.get()));

    view! {
        <section class="chart" id=def.id data-chart=def.id data-kind=kind_code(def.kind)>
            <h2>
                <a class="permalink" href=format!("#{}", def.id)>{move || def.title.get(lang.get())}</a>
            </h2>
            <p class="chart-sub">{section_line}</p>
            {ignored_notice}
            <div class="chart-controls">
                {scale_control}
                {filters}
                <label class="field">
                    {t(Key::ChartSortLabel)}
                    <select data-sort-select="" on:change=on_sort prop:value=sort_value>
                        <option value="report">{t(Key::ChartSortReport)}</option>
                        <option value="name">{t(Key::ChartSortName)}</option>
                        {sort_options}
                    </select>
                </label>
                <button
                    type="button"
                    class="toggle"
                    data-desc=""
                    aria-pressed=move || view.with(|v| v.descending).to_string()
                    on:click=move |_| change(&|v| v.descending = !v.descending)
                >
                    {t(Key::ChartReverse)}
                </button>
                <details class="row-picker">
                    <summary tabindex="0">{rows_summary}</summary>
                    <ul>{row_boxes}</ul>
                </details>
                {view_control}
                <div class="downloads">
                    {pictures}
                    <button type="button" data-download="csv" on:click=download_csv>{t(Key::ChartDownloadCsv)}</button>
                </div>
            </div>
            <div
                class="chart-body"
                node_ref=body_ref
                on:mouseover=move |ev| show_tip(ev.target())
                on:focusin=move |ev| show_tip(ev.target())
                on:mouseleave=move |_| hide_tip(())
                on:focusout=move |_| hide_tip(())
                on:keydown=on_key
                on:click=on_click
            >
                <div class="chart-figure" inner_html=svg_html hidden=is_table></div>
                <div class="table-wrap" class:sr-only=move || !is_table() inner_html=table_html></div>
                <div class="chart-tip" role="tooltip" node_ref=tip_ref hidden=true></div>
            </div>
            <p class="chart-legend" inner_html=legend hidden=is_table></p>
        </section>
    }
}

/// The legend: the series, and what each shape of value means, for the shapes the
/// chart has.
fn legend_html(def: &'static ChartDef, rows: &[Row], lang: Lang) -> String {
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
        let mut kinds: Vec<crate::base::quantity::Kind> = Vec::new();
        for row in rows {
            for cell in row.cells.iter().flatten() {
                let kind = cell.quantity.amount.kind();
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        use crate::base::quantity::Kind;
        for kind in kinds {
            let key = match kind {
                Kind::Exact => continue,
                Kind::Approximate => Key::ChartShapeAbout,
                Kind::UpperBound => Key::ChartShapeUpper,
                Kind::LowerBound => Key::ChartShapeLower,
                Kind::Range => Key::ChartShapeRange,
            };
            h.element("span", &[("class", "key-shape")], key.text(lang));
        }
    }
    h.finish()
}
