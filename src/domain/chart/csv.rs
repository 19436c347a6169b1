//! A chart's values as CSV: one record per value, with its bounds, unit, source and
//! the footnotes the chart shows on it (a file read on its own keeps the warnings).

use super::footnotes::Footnotes;
use super::text::{cell_text, source_text};
use super::values::Row;
use crate::base::lang::Lang;
use crate::base::quantity::decimal;
use crate::data::charts::{ChartDef, Origin};
use crate::domain::export::csv;

/// The rows shown, one record per value: what it is, how the report states it, its
/// bounds in the unit of the chart, where it comes from, and what the chart's
/// footnotes say about it (data notes that doubt its figures, caveats).
pub fn chart_csv(def: &'static ChartDef, rows: &[Row], lang: Lang) -> String {
    let header = [
        "chart", "row", "series", "value", "kind", "low", "high", "unit", "source", "notes",
    ];
    let footnotes = Footnotes::of(def, rows);
    // Bounds to three decimals, as the report's round figures warrant; a file's sizes
    // (in megabytes, the base unit) to six, exact to the byte.
    let places = match def.origin {
        Origin::Report(_) => 3,
        Origin::File => 6,
    };
    let mut records = Vec::new();
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let (low, high) = cell.quantity.amount.bounds();
            let opt = |v: Option<f64>| v.map(|v| decimal(v, places)).unwrap_or_default();
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
                footnotes.notes_text(&row.key, i, lang),
            ]);
        }
    }
    csv(&header, records.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::charts::chart;
    use crate::domain::chart::resolve;

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
            "chart,row,series,value,kind,low,high,unit,source,notes"
        );
        let biren = fields(records.iter().find(|r| r.contains("Biren")).unwrap());
        assert_eq!(biren.len(), 10);
        // Biren's "700+ TF" matches no card in the report: the file says so too.
        assert!(biren[9].contains("700"), "{:?}", biren[9]);
        let hygon = fields(records.iter().find(|r| r.contains("Hygon")).unwrap());
        assert_eq!(hygon[9], "", "no note doubts Hygon's figures");
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
            .map(fields)
            .filter(|f| f.len() > 1 && f[1].contains("Kata"))
            .collect();
        assert_eq!(kata.len(), 2, "the report's figure and the independent one");
        assert_eq!(kata[0][4], "approximate");
        assert!(kata[0][8].starts_with("报告"), "{}", kata[0][8]);
        // The report's own words travel with its figure; an independent one its date.
        assert!(
            kata[0][8].ends_with("“Kata Containers: ~200ms ⭐⭐⭐”"),
            "{}",
            kata[0][8]
        );
        assert!(kata[1][8].contains("2020-11-02"), "{}", kata[1][8]);
        assert_eq!(kata[1][4], "range");
        assert_eq!((kata[1][5].as_str(), kata[1][6].as_str()), ("990", "1100"));
        assert!(kata[1][8].contains("kata-containers"), "{}", kata[1][8]);
    }
}
