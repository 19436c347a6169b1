//! A chart's view state. The view lives in the query string under the chart's id;
//! [`use_chart_view`] reads it into signals and returns them with the writer as one
//! `Copy` struct, so the controls and the body share one source of truth.

use crate::ui::route::use_location;
use leptos::prelude::*;

use super::{Plot, render_svg};
use crate::base::lang::Lang;
use crate::data::charts::{ChartDef, ChartKind};
use crate::domain::chart::{ChartView, Footnotes, Row, resolve};
use crate::domain::query::get_param;
use crate::ui::i18n::use_lang;
use crate::ui::query::{History, QueryWriter, use_query_writer};

/// What [`use_chart_view`] returns: the chart's rows, the view read from the query
/// string and the rows it shows; [`UseChartView::update`] writes a new view.
#[derive(Clone, Copy)]
pub struct UseChartView {
    pub def: &'static ChartDef,
    /// Every row with its values, in the report's order (or the file's, for rows
    /// given at run time: these change when another file is opened).
    pub rows: Signal<Vec<Row>>,
    /// What the chart says about some of its values (see [`Footnotes`]).
    pub notes: Memo<Footnotes>,
    /// The view the query string holds.
    pub view: Memo<ChartView>,
    /// Tokens of the query value that do not apply to this chart, for a notice.
    pub ignored: Memo<Vec<String>>,
    /// The rows the view shows, in its order.
    pub shown: Memo<Vec<Row>>,
    query: QueryWriter,
}

impl UseChartView {
    /// Changes the current view with `change` and writes the result into the query
    /// string under the chart's id (replacing the history entry), so that a reload or
    /// a shared link restores it.
    pub fn update(&self, change: impl FnOnce(&mut ChartView)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        let value = next.to_value(self.def);
        self.query.set(self.def.id, Some(&value), History::Replace);
    }

    /// Whether the numbers show as a table instead of a drawing (tracked).
    pub fn is_table(&self) -> bool {
        self.def.kind == ChartKind::Table || self.view.with(|v| v.table)
    }

    /// The chart as SVG, `width` wide, with its height (tracks the view and the rows
    /// shown). `standalone`: as a file (see [`render_svg`]).
    pub fn svg(&self, width: f64, lang: Lang, standalone: bool) -> (String, f64) {
        let scale = self.view.with(|v| v.scale_kind(self.def));
        self.shown.with(|rows| {
            self.notes.with(|notes| {
                render_svg(
                    &Plot {
                        chart: self.def,
                        rows,
                        notes,
                        scale,
                        width,
                        lang,
                    },
                    standalone,
                )
            })
        })
    }
}

/// The view state of `def`, read from the query string (see [`UseChartView`]). Its
/// rows are `given` (and follow it: the frame stays, its drawing changes), or else
/// the report's, resolved from the definition.
pub fn use_chart_view(def: &'static ChartDef, given: Option<Signal<Vec<Row>>>) -> UseChartView {
    let lang = use_lang();
    let rows = given.unwrap_or_else(|| Signal::stored(resolve(def)));
    // New rows are new notes (rows compare by key alone, which two files can share).
    let notes = Memo::new_with_compare(
        move |_| rows.with(|rows| Footnotes::of(def, rows)),
        |_, _| true,
    );
    let location = use_location();
    let parsed = Memo::new(move |_| {
        let value = get_param(&location.search.get(), def.id).unwrap_or_default();
        rows.with(|rows| ChartView::parse(&value, def, rows))
    });
    let view = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let ignored = Memo::new(move |_| parsed.with(|p| p.1.clone()));
    let shown = Memo::new(move |_| {
        let lang = lang.get();
        rows.with(|rows| view.with(|v| v.apply(rows, lang)))
    });
    UseChartView {
        def,
        rows,
        notes,
        view,
        ignored,
        shown,
        query: use_query_writer(),
    }
}
