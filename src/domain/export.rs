//! The whole dataset as CSV and JSON, generated in the browser for download: CSV by
//! hand (a few lines), JSON with serde; the tests read the output back with real
//! parsers.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::data_view::normalised;
use crate::base::lang::Lang;
use crate::base::quantity::number;
use crate::data::figures::{Figure, item_name, metric_name};
use crate::data::report;
use crate::data::sections::section;

/// Column names of the CSV, and keys of each JSON record, in order.
pub const FIELDS: [&str; 18] = [
    "id",
    "topic",
    "item_en",
    "item_zh",
    "metric_en",
    "metric_zh",
    "value_as_written",
    "kind",
    "low",
    "high",
    "unit",
    "normalised_en",
    "base_low",
    "base_high",
    "base_unit",
    "section_id",
    "section_heading_zh",
    "quote_zh",
];

fn fields(f: &Figure) -> [String; 18] {
    let (low, high) = f.quantity.amount.bounds();
    let base = f.quantity.in_base_unit();
    let (base_low, base_high) = base.amount.bounds();
    let opt = |v: Option<f64>| v.map(number).unwrap_or_default();
    let item = item_name(f.item);
    let metric = metric_name(f.metric);
    [
        f.id.into(),
        f.topic.code().into(),
        item.en.into(),
        item.zh.into(),
        metric.en.into(),
        metric.zh.into(),
        f.value.into(),
        f.quantity.amount.kind().code().into(),
        opt(low),
        opt(high),
        f.quantity.unit.code().into(),
        normalised(f, Lang::En),
        opt(base_low),
        opt(base_high),
        base.unit.code().into(),
        f.section.into(),
        section(f.section)
            .map(|s| s.heading_zh)
            .unwrap_or_default()
            .into(),
        f.quote_zh.into(),
    ]
}

/// The figures as CSV, one record per figure.
pub fn to_csv(figures: &[&Figure]) -> String {
    csv(&FIELDS, figures.iter().map(|f| fields(f).to_vec()))
}

/// Any table as CSV (RFC 4180) with a UTF-8 byte-order mark, so spreadsheet
/// programs read the Chinese names correctly.
pub fn csv(header: &[&str], records: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for record in records {
        let row: Vec<String> = record.iter().map(|v| csv_field(v)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// JSON: the source report and one object per figure, its members in [`FIELDS`]
/// order. Bounds are numbers (or null).
pub fn to_json(figures: &[&Figure]) -> String {
    let document = Document {
        source: Source {
            title_zh: report::TITLE.zh,
            title_en: report::TITLE.en,
            date: report::DATE,
        },
        figures: figures.iter().map(|f| Record(f)).collect(),
    };
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct Document<'a> {
    source: Source,
    figures: Vec<Record<'a>>,
}

#[derive(Serialize)]
struct Source {
    title_zh: &'static str,
    title_en: &'static str,
    date: &'static str,
}

/// A figure as the CSV has it, with its bounds as numbers: one definition of the
/// record ([`fields`]) for both formats.
struct Record<'a>(&'a Figure);

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const NUMERIC: [&str; 4] = ["low", "high", "base_low", "base_high"];
        let mut map = serializer.serialize_map(Some(FIELDS.len()))?;
        for (key, value) in FIELDS.iter().zip(fields(self.0)) {
            if NUMERIC.contains(key) {
                map.serialize_entry(key, &value.parse::<serde_json::Number>().ok())?;
            } else {
                map.serialize_entry(key, &value)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::FIGURES;

    fn all() -> Vec<&'static Figure> {
        FIGURES.iter().collect()
    }

    #[test]
    fn csv_has_a_bom_a_header_and_every_record() {
        let csv = to_csv(&all());
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[0], FIELDS.join(","));
        // No field holds a line break, so lines are records (plus the final empty one).
        assert_eq!(lines.len(), FIGURES.len() + 2);
        assert!(csv.contains("compare.docker.startup,sandboxes,Docker,Docker,"));
        // A quote with a comma is quoted; one with only pipes is not.
        assert!(csv.contains(",\"MIG 2.0增强版,最多7个实例\"\r\n"));
        assert!(csv.contains(",| 功耗 | 350W | 350W | 300W | 300W | 400W |\r\n"));
    }

    #[test]
    fn csv_fields_are_escaped() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn json_parses_and_holds_every_record() {
        let json: serde_json::Value = serde_json::from_str(&to_json(&all())).unwrap();
        let figures = json["figures"].as_array().unwrap();
        assert_eq!(figures.len(), FIGURES.len());
        assert_eq!(json["source"]["date"], "2025-10-19");
        let docker = figures
            .iter()
            .find(|f| f["id"] == "compare.docker.startup")
            .unwrap();
        assert_eq!(docker["low"], 1.0);
        assert_eq!(docker["high"], 5.0);
        assert_eq!(docker["base_high"], 5000.0);
        assert_eq!(docker["base_unit"], "ms");
        assert_eq!(docker["kind"], "range");
        let bound = figures
            .iter()
            .find(|f| f["id"] == "firecracker.startup")
            .unwrap();
        assert_eq!(bound["low"], serde_json::Value::Null);
        assert_eq!(bound["item_zh"], "Firecracker");
    }
}
