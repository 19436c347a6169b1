//! Charts: one frame for every chart, and a file per part. `state` holds a chart's
//! view (read from and written to the query string), `controls` the toolbar,
//! `body` the drawing, table, tooltip and legend, `table` the table's HTML, `files`
//! the PNG download; `bars`, `scatter`, `radar` and `stacked` draw each kind of
//! chart as SVG (built by `svg`). This file holds the frame ([`Chart`]), what drawing
//! needs ([`Plot`]) and the SVG document ([`render_svg`]). The geometry comes from
//! `domain::chart` and `domain::scale`.

mod bars;
mod body;
mod controls;
mod files;
mod radar;
mod scatter;
mod stacked;
mod state;
pub mod svg;
mod table;

use leptos::either::Either;
use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::data::charts::{ChartDef, ChartKind, Origin};
use crate::data::sections::section;
use crate::domain::chart::{Cell, Footnotes, Row, cell_text, source_text};
use crate::domain::scale::ScaleKind;
use crate::i18n::Key;
use crate::ui::html::Html;
use crate::ui::i18n::use_lang;
use crate::ui::notices::ignored_notice;
use body::{ChartBody, use_plot_width};
use controls::ChartControls;
use state::use_chart_view;
use svg::Svg;

/// The viewport width in CSS pixels, kept up to date on resize; charts draw at the
/// width they have, so that their text stays legible on a phone.
#[derive(Clone, Copy)]
pub struct Viewport(pub RwSignal<f64>);

/// The viewport width the pre-rendered pages are drawn for: a laptop's. A narrower
/// screen redraws its charts once the app has started.
pub const RENDER_VIEWPORT: f64 = 1280.0;

/// Provides [`Viewport`]; called once by the app. It starts at [`RENDER_VIEWPORT`],
/// as the pre-rendered HTML was drawn, and follows the window once the app has started.
pub fn provide_viewport() {
    let viewport = RwSignal::new(RENDER_VIEWPORT);
    provide_context(Viewport(viewport));
    #[cfg(target_arch = "wasm32")]
    {
        let width = || {
            window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(RENDER_VIEWPORT)
        };
        let handle = window_event_listener(leptos::ev::resize, move |_| viewport.set(width()));
        on_cleanup(move || handle.remove());
        crate::ui::after_start(move || viewport.set(width()));
    }
}

/// What drawing needs: the chart, the rows shown in order, the chart's footnotes,
/// the scale, the width.
pub struct Plot<'a> {
    pub chart: &'static ChartDef,
    pub rows: &'a [Row],
    pub notes: &'a Footnotes,
    pub scale: ScaleKind,
    pub width: f64,
    pub lang: Lang,
}

impl Plot<'_> {
    pub fn value(&self, cell: &Cell) -> String {
        cell_text(cell, self.lang)
    }

    /// A value as drawn: with its footnote markers, and the words of a caveat.
    pub fn value_text(&self, row: &Row, series: usize, cell: &Cell) -> String {
        self.notes
            .value_text(&row.key, series, self.value(cell), self.lang)
    }

    /// The tooltip of one mark: the row, the series and value, the source, and the
    /// value's footnotes.
    pub fn tip(&self, row: &Row, series: usize, cell: &Cell) -> String {
        format!(
            "{}\n{}{}",
            row.label(self.lang),
            self.tip_value(series, cell),
            self.notes.tip_lines(&row.key, series, self.lang)
        )
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
/// namespace, a background, the title and source, and colors as a stylesheet.
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
    // A file carries the chart's footnotes under the drawing (on the page they are
    // HTML under it), so that a downloaded chart keeps its warnings.
    let mut foot = Svg::new();
    let mut foot_h = 0.0;
    if standalone && !p.notes.is_empty() {
        for note in &p.notes.list {
            let line = format!("{} {}", note.marker, note.text(p.lang));
            for part in svg::wrap(&line, p.width - 2.0 * NOTE_X) {
                foot_h += NOTE_LINE;
                foot.text(NOTE_X, head + height + foot_h, "start", "sub", &part);
            }
        }
        foot_h += NOTE_LINE / 2.0;
    }
    let total = height + head + foot_h;
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
        let mut head = Svg::new();
        head.text(8.0, 20.0, "start", "title", title);
        let sub = origin_line(p.chart, p.lang);
        head.text(8.0, 40.0, "start", "tick", &sub);
        out.append(head.into_html());
        out.open("g", &[("transform", "translate(0 52)")]);
        out.append(body.into_html());
        out.close("g");
        out.append(foot.into_html());
    } else {
        out.append(body.into_html());
    }
    out.close("svg");
    (out.finish(), total)
}

/// A file's footnotes: their left margin and line height.
const NOTE_X: f64 = 8.0;
const NOTE_LINE: f64 = 16.0;

/// The light theme's colors, for SVG and PNG files (the page's stylesheet is not
/// there to resolve its variables). Okabe-Ito colors, as on the page.
const STANDALONE_STYLE: &str = "text{font:12px system-ui,'Noto Sans CJK SC',sans-serif;fill:#1a1f29}.title{font-size:16px;font-weight:600}.strong,.point-label{font-weight:600}.tick,.axis-title,.sub,.muted{fill:#4f5868}.paper{fill:#fff}.grid{stroke:#d5dae2;fill:none}.zero{stroke:#4f5868;fill:none}.whisker,.onward{stroke:#1a1f29;stroke-width:1.5}.onward{stroke-dasharray:3 3}.arrow,.cap{fill:#1a1f29}.hatch-bg{fill:#fff}.inside{fill:#fff;font-weight:600}.s0{--c:#0072b2}.s1{--c:#d55e00}.s2{--c:#009e73}.s3{--c:#cc79a7}.s4{--c:#e69f00}.s5{--c:#8a7800}.s6{--c:#1a1f29}.bar,.dot,.swatch,.hatch-fg{fill:var(--c)}.hatched{stroke:var(--c);stroke-width:1.5}.area{fill:var(--c);fill-opacity:.12;stroke:var(--c);stroke-width:2}.about .bar,.about .dot{fill-opacity:.7}.range .bar{stroke:#1a1f29}.point .dot{fill-opacity:.8;stroke:#fff}";

/// Where the chart's values come from, in words: its report section, or the file
/// the visitor opened.
fn origin_line(def: &ChartDef, lang: Lang) -> String {
    match def.origin {
        Origin::Report(id) => {
            let title = section(id).map_or("", |s| s.title.get(lang));
            Key::ChartSubtitle.fill(lang, &[("section", title)])
        }
        Origin::File => Key::ChartSubtitleFile.text(lang).to_owned(),
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

/// One chart with everything around it: title, source line, a notice for settings
/// in the link that do not apply, the toolbar, and the body. Its view lives in the
/// query string under the chart's id.
#[component]
pub fn Chart(
    /// The chart to draw.
    def: &'static ChartDef,
    /// Its rows, for a chart of something opened at run time (`Origin::File`): the
    /// frame stays and redraws when they change. Without them, the report's rows the
    /// definition names.
    #[prop(optional, into)]
    rows: Option<Signal<Vec<Row>>>,
    /// Titled with an `h3`, for a chart inside a section of its page (the
    /// playground's results); an `h2` otherwise.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let lang = use_lang();
    let state = use_chart_view(def, rows);
    let body = NodeRef::<leptos::html::Div>::new();
    let width = use_plot_width(body);
    let section_line = move || {
        let lang = lang.get();
        format!("{} · {}", origin_line(def, lang), def.what.get(lang))
    };
    let ignored_notice = ignored_notice(
        "chart-ignored",
        Key::ChartIgnored,
        vec![("chart", def.id)],
        move || state.ignored.get(),
    );
    let title_id = format!("{}-title", def.id);
    let labelled_by = title_id.clone();
    let title = move || def.title.get(lang.get());
    let location = crate::ui::route::use_location();
    // Inside a page section (the playground's), no permalink: the playground keeps a
    // shared input in the URL fragment, which a link to `#sections` would replace.
    let heading = if nested {
        Either::Left(view! { <h3 id=title_id>{title}</h3> })
    } else {
        Either::Right(view! {
            <h2 id=title_id>
                <a class="permalink" href=move || location.link_to(def.id)>{title}</a>
            </h2>
        })
    };

    view! {
        <section class="chart" id=def.id data-chart=def.id data-kind=kind_code(def.kind) aria-labelledby=labelled_by>
            {heading}
            <p class="chart-sub">{section_line}</p>
            {ignored_notice}
            <ChartControls state=state width=width />
            <ChartBody state=state width=width body=body />
        </section>
    }
}
