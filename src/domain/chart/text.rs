//! Display text: a row's name, a value in the unit that reads best, and where a
//! value comes from, in words.

use super::values::{Cell, Row, RowOf, Source};
use crate::base::lang::Lang;
use crate::base::quantity::{Quantity, number};
use crate::data::charts::ChartDef;
use crate::data::figures::{item_name, metric_name};
use crate::data::sections::section;
use crate::domain::format::{format_quantity, report_quote};
use crate::domain::scale::readable_unit;
use crate::i18n::Key;

impl Row {
    /// The row's name: the item, the metric where the chart names one, and the share
    /// for a slice ("Biren BR100 · Hardware partition size · 1/4").
    pub fn label(&self, lang: Lang) -> String {
        let def = match &self.of {
            RowOf::Report(def) => def,
            RowOf::Named(name) => return name.clone(),
            RowOf::Others(n) => return Key::ChartOthers.fill(lang, &[("n", &n.to_string())]),
        };
        if let (true, Some(metric)) = (def.metric_only, def.metric) {
            return metric_name(metric).get(lang).to_owned();
        }
        let mut label = item_name(def.item).get(lang).to_owned();
        if let Some(metric) = def.metric {
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

/// A cell's value for display, in the unit that reads best. Derived values are
/// rounded to three significant digits: more would claim a precision the report's
/// round figures do not have.
pub fn cell_text(cell: &Cell, lang: Lang) -> String {
    let mut q = readable(cell.quantity);
    // Derived values, and a file's bytes (written as the playground writes every size:
    // three significant digits, "59.9 KB" rather than "59.886 KB").
    if matches!(
        cell.source,
        Source::Ratio(..) | Source::Share(..) | Source::File { .. } | Source::FileSum { .. }
    ) {
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

/// Where a value comes from, in words: the report's section, the independent
/// source, the formula of a derivation, or the basis of a rating.
pub fn source_text(chart: &ChartDef, cell: &Cell, lang: Lang) -> String {
    let section_title = |id: &str| section(id).map_or(id, |s| s.title.get(lang)).to_owned();
    let written = |f: &crate::data::figures::Figure| format_quantity(f.quantity, f.signed, lang);
    match cell.source {
        Source::Figure(f) => {
            // The report's own words travel with the value: "…, section · “启动时间: <125ms”".
            let section =
                Key::ChartSourceReport.fill(lang, &[("section", &section_title(f.section))]);
            format!("{section} · “{}”", report_quote(f.quote_zh))
        }
        Source::Independent(entry) => {
            let mut text = Key::ChartSourceIndependent.fill(lang, &[("source", entry.source)]);
            if let Some(first) = entry.links.first() {
                text.push_str(" · ");
                text.push_str(&Key::EvidenceAsOf.fill(lang, &[("date", first.as_of)]));
            }
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
                    (
                        "section",
                        &section_title(chart.section().unwrap_or_default()),
                    ),
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
        Source::File { offset } => {
            Key::ChartSourceFile.fill(lang, &[("offset", &format!("{offset:#x}"))])
        }
        Source::FileSum { count } => {
            Key::ChartSourceFileSum.fill(lang, &[("n", &count.to_string())])
        }
    }
}
