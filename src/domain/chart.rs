//! Charts as data: a chart definition resolved to values with their sources, the view
//! a reader chose (scale, sort, hidden rows, filters, table) as a query-string value,
//! and the geometry of every mark as fractions of the plot, so the UI only scales
//! and draws.

use super::export::csv;
use super::format::format_quantity;
use super::scale::{Scale, ScaleKind, readable_unit};
use crate::base::lang::Lang;
use crate::base::lang::Text;
use crate::base::quantity::{Amount, Kind, Quantity, Unit, number};
use crate::data::charts::{CellDef, ChartDef, ChartKind, RowDef};
use crate::data::figures::{Figure, figure, item_name, metric_name};
use crate::data::notes::{INDEPENDENT_FIGURES, IndependentFigure};
use crate::data::sections::section;
use crate::i18n::Key;

/// Where a value on a chart comes from.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    Figure(&'static Figure),
    Independent(&'static IndependentFigure),
    /// `numerator / denominator × factor`.
    Ratio(&'static Figure, &'static Figure, f64),
    /// `figure × fraction`.
    Share(&'static Figure, f64),
    /// A rating with what it rests on.
    Rating(Text),
}

#[derive(Clone, Copy, Debug)]
pub struct Cell {
    pub quantity: Quantity,
    pub source: Source,
}

/// A row of a chart with its values resolved.
#[derive(Clone, Debug)]
pub struct Row {
    pub def: &'static RowDef,
    /// Its key in links (`hide-<key>`): the item, with the metric and a number where
    /// the item alone is not unique in the chart.
    pub key: String,
    /// Its place in the report's order.
    pub index: usize,
    pub cells: Vec<Option<Cell>>,
}

/// Rows come from static definitions: the same key is the same row.
impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.key == other.key
    }
}

impl Row {
    /// The first value of the row, what "sort by value" and panels go by.
    pub fn primary(&self) -> Option<Cell> {
        self.cells.iter().flatten().next().copied()
    }

    /// The row's name: the item, the metric where the chart names one, and the share
    /// for a slice ("Biren BR100 · Hardware partition size · 1/4").
    pub fn label(&self, lang: Lang) -> String {
        if let (true, Some(metric)) = (self.def.metric_only, self.def.metric) {
            return metric_name(metric).get(lang).to_owned();
        }
        let mut label = item_name(self.def.item).get(lang).to_owned();
        if let Some(metric) = self.def.metric {
            label.push_str(" · ");
            label.push_str(metric_name(metric).get(lang));
        }
        if let Some(Cell {
            source: Source::Share(_, fraction),
            ..
        }) = self.primary()
            && fraction < 1.0
        {
            label.push_str(&format!(" · 1/{}", number(1.0 / fraction)));
        }
        label
    }
}

/// The value of `numerator / denominator`, keeping what is known about each: a
/// bound divided by an exact value stays a bound, dividing by a lower bound gives an
/// upper bound. Both must be positive; `None` otherwise.
pub fn divide(numerator: Amount, denominator: Amount) -> Option<Amount> {
    let (nl, nh) = numerator.bounds();
    let (dl, dh) = denominator.bounds();
    let (nl, nh) = (nl.unwrap_or(0.0), nh.unwrap_or(f64::INFINITY));
    let (dl, dh) = (dl.unwrap_or(0.0), dh.unwrap_or(f64::INFINITY));
    if nh <= 0.0 || dl < 0.0 || dh <= 0.0 {
        return None;
    }
    let lo = nl / dh;
    let hi = if dl == 0.0 { f64::INFINITY } else { nh / dl };
    let about = matches!(numerator, Amount::About(_)) || matches!(denominator, Amount::About(_));
    Some(match (lo > 0.0, hi.is_finite()) {
        (true, true) if (hi - lo).abs() <= 1e-12 * hi && about => Amount::About(lo),
        (true, true) if (hi - lo).abs() <= 1e-12 * hi => Amount::Exact(lo),
        (true, true) => Amount::Range(lo, hi),
        (true, false) => Amount::AtLeast(lo),
        (false, true) => Amount::AtMost(hi),
        (false, false) => return None,
    })
}

/// A cell's value and source; `None` for an empty cell. Panics name the cell when
/// the definition is wrong (a test resolves every chart).
pub fn resolve_cell(cell: &CellDef) -> Option<Cell> {
    let fig = |id: &str| figure(id).unwrap_or_else(|| panic!("no figure {id}"));
    let (quantity, source) = match *cell {
        CellDef::Empty => return None,
        CellDef::Figure(id) => (fig(id).quantity, Source::Figure(fig(id))),
        CellDef::Independent(id, quantity) => {
            let entry = INDEPENDENT_FIGURES
                .iter()
                .find(|f| f.id == id)
                .unwrap_or_else(|| panic!("no independent figure {id}"));
            (quantity, Source::Independent(entry))
        }
        CellDef::Ratio {
            numerator,
            denominator,
            factor,
            unit,
        } => {
            let (n, d) = (fig(numerator), fig(denominator));
            let amount = divide(n.quantity.amount, d.quantity.amount)
                .unwrap_or_else(|| panic!("{numerator} / {denominator}"));
            let quantity = Quantity {
                amount: amount.map(|v| v * factor),
                unit,
            };
            (quantity, Source::Ratio(n, d, factor))
        }
        CellDef::Share(id, fraction) => {
            let f = fig(id);
            let quantity = Quantity {
                amount: f.quantity.amount.map(|v| v * fraction),
                unit: f.quantity.unit,
            };
            (quantity, Source::Share(f, fraction))
        }
        CellDef::Rating(rating) => (
            Quantity {
                amount: Amount::Exact(f64::from(rating.level)),
                unit: Unit::Stars,
            },
            Source::Rating(rating.basis),
        ),
    };
    // Plot in the base unit, so a panel's rows share one axis (ms, MB, MB/s).
    Some(Cell {
        quantity: quantity.in_base_unit(),
        source,
    })
}

/// Every row of a chart with its values, in the report's order.
pub fn resolve(chart: &'static ChartDef) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::with_capacity(chart.rows.len());
    for (index, def) in chart.rows.iter().enumerate() {
        let same_item = chart.rows.iter().filter(|r| r.item == def.item).count();
        let mut key = def.item.to_owned();
        if same_item > 1 {
            if let Some(metric) = def.metric {
                key = format!("{key}.{metric}");
            }
            let same_key = rows.iter().filter(|r| r.key.starts_with(&key)).count();
            let total = chart
                .rows
                .iter()
                .filter(|r| r.item == def.item && r.metric == def.metric)
                .count();
            if total > 1 {
                key = format!("{key}.{}", same_key + 1);
            }
        }
        rows.push(Row {
            def,
            key,
            index,
            cells: def.cells.iter().map(resolve_cell).collect(),
        });
    }
    rows
}

/// How rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The report's order.
    #[default]
    Report,
    Name,
    /// By the values of a series (0-based).
    Series(usize),
}

/// What a reader chose for one chart. The default is the chart as defined.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChartView {
    /// `None`: the chart's own default scale.
    pub scale: Option<ScaleKind>,
    pub sort: SortBy,
    pub descending: bool,
    pub table: bool,
    /// Keys of rows left out.
    pub hidden: Vec<String>,
    /// Tags a row must carry to be shown.
    pub only: Vec<String>,
}

impl ChartView {
    /// The scale in effect for `chart`.
    pub fn scale_kind(&self, chart: &ChartDef) -> ScaleKind {
        match self.scale {
            Some(ScaleKind::Log) if chart.can_log => ScaleKind::Log,
            Some(_) => ScaleKind::Linear,
            None if chart.log => ScaleKind::Log,
            None => ScaleKind::Linear,
        }
    }

    /// Reads the view from its query value (`log,by-1,desc,hide-vm`). Tokens that do
    /// not apply to `chart` are ignored and returned, for a notice.
    pub fn parse(value: &str, chart: &'static ChartDef, rows: &[Row]) -> (ChartView, Vec<String>) {
        let mut view = ChartView::default();
        let mut ignored = Vec::new();
        for token in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let ok = match token {
                "log" if chart.can_log => {
                    view.scale = Some(ScaleKind::Log);
                    true
                }
                "lin" => {
                    view.scale = Some(ScaleKind::Linear);
                    true
                }
                "by-name" => {
                    view.sort = SortBy::Name;
                    true
                }
                "desc" => {
                    view.descending = true;
                    true
                }
                "table" => {
                    view.table = true;
                    true
                }
                _ => {
                    if let Some(n) = token.strip_prefix("by-") {
                        match n.parse::<usize>() {
                            Ok(n) if (1..=chart.series.len()).contains(&n) => {
                                view.sort = SortBy::Series(n - 1);
                                true
                            }
                            _ => false,
                        }
                    } else if let Some(key) = token.strip_prefix("hide-") {
                        let known = rows.iter().any(|r| r.key == key);
                        if known && !view.hidden.iter().any(|h| h == key) {
                            view.hidden.push(key.to_owned());
                        }
                        known
                    } else if let Some(tag) = token.strip_prefix("only-") {
                        let known = chart.filters.iter().any(|group| group.contains(&tag));
                        if known && !view.only.iter().any(|t| t == tag) {
                            view.only.push(tag.to_owned());
                        }
                        known
                    } else {
                        false
                    }
                }
            };
            if !ok {
                ignored.push(token.to_owned());
            }
        }
        (view, ignored)
    }

    /// The query value for this view: only what differs from the chart's defaults,
    /// so an untouched chart adds nothing to the link.
    pub fn to_value(&self, chart: &ChartDef) -> String {
        let mut tokens: Vec<String> = Vec::new();
        match self.scale {
            Some(ScaleKind::Log) if !chart.log && chart.can_log => tokens.push("log".into()),
            Some(ScaleKind::Linear) if chart.log => tokens.push("lin".into()),
            _ => {}
        }
        match self.sort {
            SortBy::Report => {}
            SortBy::Name => tokens.push("by-name".into()),
            SortBy::Series(n) => tokens.push(format!("by-{}", n + 1)),
        }
        if self.descending {
            tokens.push("desc".into());
        }
        if self.table {
            tokens.push("table".into());
        }
        tokens.extend(self.only.iter().map(|t| format!("only-{t}")));
        tokens.extend(self.hidden.iter().map(|k| format!("hide-{k}")));
        tokens.join(",")
    }

    /// Shows or hides one row.
    pub fn toggle_hidden(&mut self, key: &str) {
        if let Some(i) = self.hidden.iter().position(|h| h == key) {
            self.hidden.remove(i);
        } else {
            self.hidden.push(key.to_owned());
        }
    }

    /// Sets the filter of the tag group `tag` belongs to (`None`: the whole group).
    pub fn set_only(&mut self, chart: &ChartDef, group: usize, tag: Option<&str>) {
        if let Some(tags) = chart.filters.get(group) {
            self.only.retain(|t| !tags.contains(&t.as_str()));
        }
        if let Some(tag) = tag {
            self.only.push(tag.to_owned());
        }
    }

    /// Sorting by `by`; choosing the current sort again flips its direction.
    pub fn sort_by(&mut self, by: SortBy) {
        if self.sort == by {
            self.descending = !self.descending;
        } else {
            self.sort = by;
            self.descending = false;
        }
    }

    /// The rows this view shows, in its order. Rows without a value to sort by come last.
    pub fn apply(&self, rows: &[Row], lang: Lang) -> Vec<Row> {
        let mut shown: Vec<Row> = rows
            .iter()
            .filter(|r| !self.hidden.contains(&r.key))
            .filter(|r| self.only.iter().all(|t| r.def.tags.contains(&t.as_str())))
            .cloned()
            .collect();
        match self.sort {
            SortBy::Report => {
                if self.descending {
                    shown.reverse();
                }
            }
            SortBy::Name => {
                shown.sort_by_cached_key(|r| r.label(lang));
                if self.descending {
                    shown.reverse();
                }
            }
            SortBy::Series(n) => {
                let value = |r: &Row| {
                    r.cells
                        .get(n)
                        .copied()
                        .flatten()
                        .map(|c| c.quantity.amount.representative())
                };
                shown.sort_by(|a, b| match (value(a), value(b)) {
                    (Some(x), Some(y)) if self.descending => y.total_cmp(&x),
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.index.cmp(&b.index),
                });
            }
        }
        shown
    }
}

/// A cell's value for display, in the unit that reads best. Derived values are
/// rounded to three significant digits: more would claim a precision the report's
/// round figures do not have.
pub fn cell_text(cell: &Cell, lang: Lang) -> String {
    let mut q = readable(cell.quantity);
    if matches!(cell.source, Source::Ratio(..) | Source::Share(..)) {
        q.amount = q.amount.map(|v| significant(v, 3));
    }
    let signed = matches!(cell.source, Source::Figure(f) if f.signed);
    format_quantity(q, signed, lang)
}

/// The quantity in a unit that reads best at its size (1500 ms as 1.5 s).
pub fn readable(q: Quantity) -> Quantity {
    let q = q.in_base_unit();
    q.convert(readable_unit(q.unit, q.amount.representative()))
        .unwrap_or(q)
}

/// `v` rounded to `digits` significant digits.
pub fn significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * magnitude).round() / magnitude
}

/// How a bar or marker is drawn, so that its shape says how exact the value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Exact,
    /// "~": the bar ends in a soft edge.
    About,
    /// "<": hatched, capped at the bound; the value is somewhere below.
    UpperBound,
    /// "+": solid to the bound, then an arrow onward.
    LowerBound,
    /// "a-b": a floating bar from a to b.
    Range,
}

impl Shape {
    pub const fn of(kind: Kind) -> Shape {
        match kind {
            Kind::Exact => Shape::Exact,
            Kind::Approximate => Shape::About,
            Kind::UpperBound => Shape::UpperBound,
            Kind::LowerBound => Shape::LowerBound,
            Kind::Range => Shape::Range,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Shape::Exact => "exact",
            Shape::About => "about",
            Shape::UpperBound => "upper",
            Shape::LowerBound => "lower",
            Shape::Range => "range",
        }
    }
}

/// A bar along an axis, from `start` to `end` (fractions of the plot width).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSpan {
    pub start: f64,
    pub end: f64,
    pub shape: Shape,
}

/// Where a value's bar lies on `scale`. A range floats between its ends; every other
/// value starts at the baseline (zero, or the bottom of a log axis). `None` when the
/// scale cannot show it (zero or below on a log axis).
pub fn bar_span(amount: Amount, scale: &Scale) -> Option<BarSpan> {
    let shape = Shape::of(amount.kind());
    let (start, end) = match amount {
        Amount::Range(lo, hi) => (scale.position(lo)?, scale.position(hi)?),
        other => {
            let v = scale.position(other.representative())?;
            let base = scale.baseline();
            (base.min(v), base.max(v))
        }
    };
    Some(BarSpan { start, end, shape })
}

/// Every end of every value: what a scale must hold.
pub fn extent(cells: impl Iterator<Item = Cell>) -> Vec<f64> {
    let mut values = Vec::new();
    for cell in cells {
        let (lo, hi) = cell.quantity.amount.bounds();
        values.extend(lo);
        values.extend(hi);
    }
    values
}

/// Rows of a bar chart grouped into panels, one per dimension, in order of first
/// appearance: each panel gets its own axis.
pub fn panels(rows: &[Row]) -> Vec<(Unit, Vec<&Row>)> {
    let mut panels: Vec<(Unit, Vec<&Row>)> = Vec::new();
    for row in rows {
        let Some(cell) = row.primary() else { continue };
        let unit = cell.quantity.unit;
        match panels
            .iter_mut()
            .find(|(u, _)| u.dimension() == unit.dimension())
        {
            Some((_, members)) => members.push(row),
            None => panels.push((unit, vec![row])),
        }
    }
    panels
}

/// The point of a radar chart for `value` (out of `max`) on axis `axis` of `axes`,
/// in a unit circle centred on 0 with the first axis pointing up.
pub fn radar_point(axis: usize, axes: usize, value: f64, max: f64) -> (f64, f64) {
    let (sin, cos) = sin_cos_of_turn(axis as f64 / axes.max(1) as f64);
    let r = (value / max).clamp(0.0, 1.0);
    (r * sin, -r * cos)
}

/// The sine and cosine of a fraction of a full turn. Written out (octant symmetry
/// and a short Taylor series, good to 1e-9) because the library's general `sin` and
/// `cos` bring kilobytes of argument reduction into the wasm for five angles.
pub fn sin_cos_of_turn(turn: f64) -> (f64, f64) {
    let turn = turn - turn.floor();
    let octant = (turn * 8.0) as u32 % 8;
    // The angle within its octant, mirrored in odd octants so that it stays in [0, π/4].
    let within = turn * 8.0 - f64::from(octant);
    let within = if octant % 2 == 1 {
        1.0 - within
    } else {
        within
    };
    let x = within * std::f64::consts::FRAC_PI_4;
    let x2 = x * x;
    let s = x
        * (1.0
            - x2 / 6.0
                * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
    let c = 1.0
        - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
    // Octant k covers angles k·π/4 onward: swap and sign the pair accordingly.
    match octant {
        0 => (s, c),
        1 => (c, s),
        2 => (c, -s),
        3 => (s, -c),
        4 => (-s, -c),
        5 => (-c, -s),
        6 => (-c, s),
        _ => (-s, c),
    }
}

/// The segments of a stacked bar: each row's start and end as fractions of the
/// total of the rows' values, and that total.
pub fn stack(rows: &[Row]) -> (Vec<(f64, f64)>, f64) {
    let values: Vec<f64> = rows
        .iter()
        .map(|r| {
            r.primary()
                .map_or(0.0, |c| c.quantity.amount.representative().max(0.0))
        })
        .collect();
    let total: f64 = values.iter().sum();
    let mut at = 0.0;
    let spans = values
        .iter()
        .map(|v| {
            let start = at;
            at += if total > 0.0 { v / total } else { 0.0 };
            (start, at)
        })
        .collect();
    (spans, total)
}

/// Whether a chart kind draws a value axis that can be log.
pub const fn has_scale_toggle(chart: &ChartDef) -> bool {
    chart.can_log
        && !matches!(
            chart.kind,
            ChartKind::Radar | ChartKind::Stacked | ChartKind::Table
        )
}

/// Where a value comes from, in words: the report's section, the independent
/// source, the formula of a derivation, or the basis of a rating.
pub fn source_text(chart: &ChartDef, cell: &Cell, lang: Lang) -> String {
    let section_title = |id: &str| section(id).map_or(id, |s| s.title.get(lang)).to_owned();
    let written = |f: &crate::data::figures::Figure| format_quantity(f.quantity, f.signed, lang);
    match cell.source {
        Source::Figure(f) => {
            Key::ChartSourceReport.fill(lang, &[("section", &section_title(f.section))])
        }
        Source::Independent(entry) => {
            let mut text = Key::ChartSourceIndependent.fill(lang, &[("source", entry.source)]);
            if entry.caution {
                text.push_str(" · ");
                text.push_str(Key::ChartCaution.text(lang));
            }
            text
        }
        Source::Ratio(numerator, denominator, factor) => {
            let formula = format!(
                "{} ÷ {} × {}",
                written(numerator),
                written(denominator),
                number(factor)
            );
            Key::ChartSourceDerived.fill(
                lang,
                &[
                    ("formula", &formula),
                    ("section", &section_title(chart.section)),
                ],
            )
        }
        Source::Share(f, fraction) => {
            let formula = if fraction < 1.0 {
                format!("{} × 1/{}", written(f), number(1.0 / fraction))
            } else {
                format!("{} × {}", written(f), number(fraction))
            };
            Key::ChartSourceDerived.fill(
                lang,
                &[
                    ("formula", &formula),
                    ("section", &section_title(f.section)),
                ],
            )
        }
        Source::Rating(basis) => Key::ChartSourceRating.fill(lang, &[("basis", basis.get(lang))]),
    }
}

/// The rows shown, one record per value: what it is, how the report states it, its
/// bounds in the unit of the chart, and where it comes from.
pub fn chart_csv(def: &'static ChartDef, rows: &[Row], lang: Lang) -> String {
    let header = [
        "chart", "row", "series", "value", "kind", "low", "high", "unit", "source",
    ];
    let mut records = Vec::new();
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let (low, high) = cell.quantity.amount.bounds();
            let opt = |v: Option<f64>| v.map(number).unwrap_or_default();
            records.push(vec![
                def.id.to_owned(),
                row.label(lang),
                def.series[i].name.get(lang).to_owned(),
                cell_text(cell, lang),
                cell.quantity.amount.kind().code().to_owned(),
                opt(low),
                opt(high),
                cell.quantity.unit.code().to_owned(),
                source_text(def, cell, lang),
            ]);
        }
    }
    csv(&header, records.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::page::Page;
    use crate::data::charts::{CHARTS, chart, charts_for};

    #[test]
    fn every_chart_resolves_and_every_cell_has_a_source() {
        for chart in CHARTS {
            let rows = resolve(chart);
            assert!(!rows.is_empty(), "{}", chart.id);
            for row in &rows {
                assert_eq!(
                    row.cells.len(),
                    chart.series.len(),
                    "{} {}",
                    chart.id,
                    row.key
                );
                assert!(
                    row.primary().is_some(),
                    "{} {} has no value",
                    chart.id,
                    row.key
                );
            }
            let mut keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), rows.len(), "{}: row keys repeat", chart.id);
            assert!(crate::data::sections::section(chart.section).is_some());
        }
    }

    #[test]
    fn independent_values_are_the_ones_their_source_states() {
        for chart in CHARTS {
            for row in chart.rows {
                for cell in row.cells {
                    let CellDef::Independent(id, q) = cell else {
                        continue;
                    };
                    let entry = INDEPENDENT_FIGURES.iter().find(|f| f.id == *id).unwrap();
                    let (lo, hi) = q.amount.bounds();
                    for v in lo.into_iter().chain(hi) {
                        assert!(
                            entry.figure.en.contains(&number(v)),
                            "{}: {} is not in {id}: {}",
                            chart.id,
                            number(v),
                            entry.figure.en
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn chart_ids_are_unique_and_pages_list_them_as_query_keys() {
        for chart in CHARTS {
            assert_eq!(CHARTS.iter().filter(|c| c.id == chart.id).count(), 1);
            assert!(
                crate::domain::pages::query_keys(chart.page).contains(&chart.id),
                "{}",
                chart.id
            );
        }
        for page in Page::ALL {
            for key in crate::domain::pages::query_keys(page) {
                let is_chart = charts_for(page).any(|c| c.id == *key);
                assert!(
                    is_chart || matches!(page, Page::Data | Page::Wizard | Page::Wasm),
                    "{page:?} lists {key}"
                );
            }
        }
    }

    #[test]
    fn series_of_a_row_share_a_dimension() {
        for chart in CHARTS.iter().filter(|c| c.kind == ChartKind::Bars) {
            for row in resolve(chart) {
                let dims: Vec<_> = row
                    .cells
                    .iter()
                    .flatten()
                    .map(|c| c.quantity.unit.dimension())
                    .collect();
                assert!(
                    dims.windows(2).all(|w| w[0] == w[1]),
                    "{} {}",
                    chart.id,
                    row.key
                );
            }
        }
    }

    #[test]
    fn division_keeps_bounds_honest() {
        // 700+ TF at ~¥80k: at least 700/80000.
        assert_eq!(
            divide(Amount::AtLeast(700.0), Amount::About(80_000.0)),
            Some(Amount::AtLeast(700.0 / 80_000.0))
        );
        // 312 TF at ¥100k+: at most 312/100000.
        assert_eq!(
            divide(Amount::Exact(312.0), Amount::AtLeast(100_000.0)),
            Some(Amount::AtMost(312.0 / 100_000.0))
        );
        assert_eq!(
            divide(Amount::Exact(350.0), Amount::About(60_000.0)),
            Some(Amount::About(350.0 / 60_000.0))
        );
        assert_eq!(
            divide(Amount::Exact(350.0), Amount::Exact(350.0)),
            Some(Amount::Exact(1.0))
        );
        assert_eq!(
            divide(Amount::Range(2.0, 4.0), Amount::Exact(2.0)),
            Some(Amount::Range(1.0, 2.0))
        );
        assert_eq!(divide(Amount::Exact(1.0), Amount::Exact(0.0)), None);
        assert_eq!(divide(Amount::Exact(-1.0), Amount::Exact(2.0)), None);
    }

    /// The first value of the row with this key.
    fn value_of(rows: &[Row], key: &str) -> Cell {
        rows.iter()
            .find(|r| r.key == key)
            .unwrap()
            .primary()
            .unwrap()
    }

    #[test]
    fn derived_gpu_figures() {
        let rows = resolve(chart("gpu-per-watt").unwrap());
        let a100 = value_of(&rows, "a100");
        assert_eq!(a100.quantity.amount, Amount::Exact(780.0));
        assert_eq!(cell_text(&a100, Lang::En), "780 GFLOPS/W");
        let rows = resolve(chart("gpu-per-price").unwrap());
        let a100 = value_of(&rows, "a100");
        assert_eq!(a100.quantity.amount.kind(), Kind::UpperBound);
        let biren = value_of(&rows, "biren");
        assert_eq!(biren.quantity.amount.kind(), Kind::LowerBound);
        assert_eq!(cell_text(&biren, Lang::En), "≥87.5 TFLOPS/¥10k");
        let iluvatar = value_of(&rows, "iluvatar");
        assert_eq!(cell_text(&iluvatar, Lang::En), "~58.3 TFLOPS/¥10k");
        let h100 = resolve(chart("h100-h200").unwrap())[2].cells[0].unwrap();
        assert_eq!(cell_text(&h100, Lang::En), "3 TB/s");
        assert_eq!(significant(2333.333, 3), 2330.0);
        assert_eq!(significant(0.0031234, 2), 0.0031);
    }

    #[test]
    fn the_forecast_check_and_the_slices() {
        let rows = resolve(chart("market").unwrap());
        let derived = rows[1].cells[1].unwrap();
        // ~15 bn × 1.35² ≈ 27.3 bn against the report's 28 bn.
        assert_eq!(cell_text(&derived, Lang::En), "~USD 27.3 bn");
        let rows = resolve(chart("mig").unwrap());
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "h100",
                "biren-br100.partition.1",
                "biren-br100.partition.2",
                "biren-br100.partition.3"
            ]
        );
        assert_eq!(cell_text(&rows[0].primary().unwrap(), Lang::En), "10 GB");
        assert_eq!(
            rows[2].label(Lang::En),
            "Biren BR100 · Hardware partition size · 1/4"
        );
    }

    #[test]
    fn views_round_trip_through_the_query_value() {
        let chart = chart("startup").unwrap();
        let rows = resolve(chart);
        let (view, ignored) =
            ChartView::parse("lin,by-1,desc,table,hide-vm,hide-docker", chart, &rows);
        assert!(ignored.is_empty());
        assert_eq!(view.scale_kind(chart), ScaleKind::Linear);
        assert_eq!(view.sort, SortBy::Series(0));
        assert!(view.descending && view.table);
        assert_eq!(view.hidden, ["vm", "docker"]);
        assert_eq!(
            view.to_value(chart),
            "lin,by-1,desc,table,hide-vm,hide-docker"
        );
        assert_eq!(
            ChartView::parse(&view.to_value(chart), chart, &rows).0,
            view
        );
        // The default view writes nothing.
        assert_eq!(ChartView::default().to_value(chart), "");
        assert_eq!(ChartView::default().scale_kind(chart), ScaleKind::Log);
    }

    #[test]
    fn bad_tokens_are_ignored_and_named() {
        let chart = chart("profiles").unwrap();
        let rows = resolve(chart);
        let (view, ignored) = ChartView::parse(
            "log,by-9,by-0,hide-nope,only-cn,<script>,,by-name, desc ",
            chart,
            &rows,
        );
        assert_eq!(
            ignored,
            ["log", "by-9", "by-0", "hide-nope", "only-cn", "<script>"]
        );
        assert_eq!(view.sort, SortBy::Name);
        assert!(view.descending);
        assert_eq!(view.scale_kind(chart), ScaleKind::Linear);
    }

    #[test]
    fn sorting_filtering_and_hiding() {
        let chart = chart("gpu-table").unwrap();
        let rows = resolve(chart);
        let mut view = ChartView::default();
        view.set_only(chart, 0, Some("cn"));
        view.set_only(chart, 1, Some("inference"));
        let shown: Vec<String> = view
            .apply(&rows, Lang::En)
            .into_iter()
            .map(|r| r.key)
            .collect();
        assert_eq!(shown, ["iluvatar-bi-v100", "iluvatar-bi-v150", "mtt-s70"]);
        view.set_only(chart, 1, None);
        view.sort_by(SortBy::Series(0));
        view.sort_by(SortBy::Series(0));
        assert!(view.descending);
        let shown = view.apply(&rows, Lang::En);
        assert_eq!(shown[0].key, "biren-br100");
        // Rows without FP16 come last, in the report's order.
        assert_eq!(shown.last().unwrap().key, "mtt-s70");
        assert_eq!(view.to_value(chart), "by-1,desc,only-cn");
        view.toggle_hidden("biren-br100");
        assert_eq!(view.apply(&rows, Lang::En)[0].key, "biren-br104");
        view.toggle_hidden("biren-br100");
        assert!(view.hidden.is_empty());
    }

    #[test]
    fn bars_show_bounds_and_ranges_as_such() {
        let scale = Scale::fit(ScaleKind::Log, &[1.0, 100_000.0]);
        let range = bar_span(Amount::Range(1000.0, 5000.0), &scale).unwrap();
        assert_eq!(range.shape, Shape::Range);
        assert!((range.start - 0.6).abs() < 1e-9 && range.end > range.start);
        let bound = bar_span(Amount::AtMost(10.0), &scale).unwrap();
        assert_eq!((bound.start, bound.shape), (0.0, Shape::UpperBound));
        assert!((bound.end - 0.2).abs() < 1e-9);
        let linear = Scale::linear(&[-25.0, 50.0]);
        let negative = bar_span(Amount::Exact(-25.0), &linear).unwrap();
        assert!(negative.start < negative.end && (negative.end - linear.baseline()).abs() < 1e-9);
        assert_eq!(bar_span(Amount::Exact(0.0), &scale), None);
    }

    #[test]
    fn mixed_units_get_a_panel_each() {
        let rows = resolve(chart("deltas").unwrap());
        let split = panels(&rows);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].0, Unit::Percent);
        assert_eq!(split[1].0, Unit::Factor);
        let rows = resolve(chart("network").unwrap());
        assert_eq!(panels(&rows).len(), 3);
        let rows = resolve(chart("startup").unwrap());
        assert_eq!(panels(&rows).len(), 1);
    }

    /// Splits one CSV record (RFC 4180 quoting) into its fields.
    fn fields(record: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut quoted = false;
        let mut chars = record.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => out.push(String::new()),
                (c, _) => out.last_mut().unwrap().push(c),
            }
        }
        out
    }

    #[test]
    fn chart_csv_holds_every_value_with_its_source() {
        let def = chart("gpu-per-price").unwrap();
        let rows = resolve(def);
        let csv = chart_csv(def, &rows, Lang::En);
        assert!(csv.starts_with('\u{FEFF}'));
        let records: Vec<&str> = csv
            .trim_start_matches('\u{FEFF}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(records.len(), rows.len() + 1);
        assert_eq!(
            records[0],
            "chart,row,series,value,kind,low,high,unit,source"
        );
        let biren = fields(records.iter().find(|r| r.contains("Biren")).unwrap());
        assert_eq!(biren.len(), 9);
        assert_eq!(
            &biren[3..8],
            [
                "≥87.5 TFLOPS/¥10k",
                "lower-bound",
                "87.5",
                "",
                "TFLOPS/10kCNY"
            ]
        );
        // A derived value says how it was derived, from which figures.
        assert!(
            biren[8].starts_with("derived: ≥700 TFLOPS ÷ ~¥80k × 10000"),
            "{}",
            biren[8]
        );

        let def = chart("startup").unwrap();
        let csv = chart_csv(def, &resolve(def), Lang::Zh);
        let kata: Vec<Vec<String>> = csv
            .split("\r\n")
            .filter(|l| l.contains("Kata"))
            .map(fields)
            .collect();
        assert_eq!(kata.len(), 2, "the report's figure and the independent one");
        assert_eq!(kata[0][4], "approximate");
        assert!(kata[0][8].starts_with("报告"), "{}", kata[0][8]);
        assert_eq!(kata[1][4], "range");
        assert_eq!((kata[1][5].as_str(), kata[1][6].as_str()), ("990", "1100"));
        assert!(kata[1][8].contains("kata-containers"), "{}", kata[1][8]);
    }

    #[test]
    fn sine_and_cosine_of_turns() {
        for i in 0..=400 {
            let turn = i as f64 / 160.0 - 0.5;
            let (s, c) = sin_cos_of_turn(turn);
            let angle = turn * std::f64::consts::TAU;
            assert!((s - angle.sin()).abs() < 1e-9, "sin {turn}: {s}");
            assert!((c - angle.cos()).abs() < 1e-9, "cos {turn}: {c}");
        }
    }

    #[test]
    fn radar_and_stack_geometry() {
        let (x, y) = radar_point(0, 5, 5.0, 5.0);
        assert!(x.abs() < 1e-9 && (y + 1.0).abs() < 1e-9);
        let (x, _) = radar_point(1, 4, 2.5, 5.0);
        assert!((x - 0.5).abs() < 1e-9);
        assert_eq!(radar_point(2, 5, 9.0, 5.0), radar_point(2, 5, 5.0, 5.0));
        let rows = resolve(chart("segments").unwrap());
        let (spans, total) = stack(&rows);
        // The segments add up to the report's 2025 total: 6 + 5 + 3 + 1 = 15 bn.
        assert_eq!(total, 15e9);
        assert_eq!(spans[0], (0.0, 0.4));
        assert!((spans[3].1 - 1.0).abs() < 1e-12);
    }
}
