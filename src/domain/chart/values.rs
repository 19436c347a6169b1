//! Value resolution: a chart's cell definitions turned into quantities with their
//! sources (a report figure, an independent one, a ratio, a share, a rating), in the
//! base unit, and the division that keeps what is known about a bound.

use crate::base::lang::Text;
use crate::base::quantity::{Amount, Quantity, Unit};
use crate::data::charts::{Better, CellDef, ChartDef, RowDef};
use crate::data::figures::{Figure, figure};
use crate::data::notes::{INDEPENDENT_FIGURES, IndependentFigure};

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
    /// Read from the visitor's own file, at this byte offset (the playground's
    /// section chart): not a figure of the report.
    File {
        offset: u64,
    },
    /// The sum of this many parts of the visitor's file (the smallest sections, as
    /// one row).
    FileSum {
        count: usize,
    },
}

#[derive(Clone, Copy, Debug)]
pub struct Cell {
    pub quantity: Quantity,
    pub source: Source,
}

/// What a row is a row of.
#[derive(Clone, Debug)]
pub enum RowOf {
    /// A row the report's chart defines.
    Report(&'static RowDef),
    /// A row made at run time, from something the visitor opened (a section of
    /// their file), with its name as the file gives it.
    Named(String),
    /// The rest, as one row: this many rows too small to show on their own.
    Others(usize),
}

/// A row of a chart with its values resolved.
#[derive(Clone, Debug)]
pub struct Row {
    pub of: RowOf,
    /// Its key in links (`hide-<key>`): the item, with the metric and a number where
    /// the item alone is not unique in the chart.
    pub key: String,
    /// Its place in the report's order.
    pub index: usize,
    pub cells: Vec<Option<Cell>>,
}

/// A chart's rows have distinct keys: the same key is the same row.
impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.key == other.key
    }
}

impl Row {
    /// Which way the row's values are good (a named row's: neither).
    pub fn better(&self) -> Better {
        match &self.of {
            RowOf::Report(def) => def.better,
            RowOf::Named(_) | RowOf::Others(_) => Better::Neither,
        }
    }

    /// The row's filter labels (`only-<tag>`); a named row has none.
    pub fn tags(&self) -> &'static [&'static str] {
        match &self.of {
            RowOf::Report(def) => def.tags,
            RowOf::Named(_) | RowOf::Others(_) => &[],
        }
    }

    /// The first value of the row, what "sort by value" and panels go by.
    pub fn primary(&self) -> Option<Cell> {
        self.cells.iter().flatten().next().copied()
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
            Source::Rating(rating.basis.text),
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
            of: RowOf::Report(def),
            key,
            index,
            cells: def.cells.iter().map(resolve_cell).collect(),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;
    use crate::base::page::Page;
    use crate::base::quantity::{Kind, number};
    use crate::data::charts::{ChartKind, all_charts, chart, charts_for};
    use crate::domain::chart::{cell_text, significant};

    #[test]
    fn each_page_table_holds_that_page_s_charts() {
        use crate::data::charts::{ENGINES_CHARTS, GPUS_CHARTS, SANDBOXES_CHARTS};
        for (table, page) in [
            (SANDBOXES_CHARTS, Page::Sandboxes),
            (GPUS_CHARTS, Page::Gpus),
            (ENGINES_CHARTS, Page::Engines),
        ] {
            assert!(!table.is_empty());
            for chart in table {
                assert_eq!(chart.page, page, "{} is in the wrong table", chart.id);
            }
        }
        assert_eq!(
            all_charts().count(),
            SANDBOXES_CHARTS.len() + GPUS_CHARTS.len() + ENGINES_CHARTS.len()
        );
    }

    #[test]
    fn every_chart_resolves_and_every_cell_has_a_source() {
        for chart in all_charts() {
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
            assert!(
                chart
                    .section()
                    .and_then(crate::data::sections::section)
                    .is_some()
            );
        }
    }

    #[test]
    fn independent_values_are_the_ones_their_source_states() {
        for chart in all_charts() {
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
        for chart in all_charts() {
            assert_eq!(all_charts().filter(|c| c.id == chart.id).count(), 1);
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
                    is_chart
                        || matches!(
                            page,
                            Page::Data | Page::Wizard | Page::Wasm | Page::Playground
                        ),
                    "{page:?} lists {key}"
                );
            }
        }
    }

    #[test]
    fn series_of_a_row_share_a_dimension() {
        for chart in all_charts().filter(|c| c.kind == ChartKind::Bars) {
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
}
