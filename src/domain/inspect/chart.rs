//! The playground's section chart: the sections of the file on screen as rows of the
//! app's chart frame (`ui::charts::Chart`), one bar per section, sized in bytes, each
//! value sourced to its offset in the file.

use super::model::Section;
use crate::base::lang::text;
use crate::base::page::Page;
use crate::base::quantity::{Amount, Quantity, Unit};
use crate::data::charts::{ChartDef, ChartKind, Origin, Role, SeriesDef};
use crate::domain::chart::{Cell, Row, RowOf, Source};

/// The chart: its view lives in the playground's query string under `sections`
/// (`?sections=log,by-1,desc`), like a report chart's.
pub static SECTIONS_CHART: ChartDef = ChartDef {
    id: "sections",
    page: Page::Playground,
    kind: ChartKind::Bars,
    title: text("Sections by size", "各段大小"),
    origin: Origin::File,
    what: text(
        "bytes each section takes, with its header",
        "每段所占字节（含段头）",
    ),
    series: &[SeriesDef {
        name: text("Size", "大小"),
        role: Role::Report,
    }],
    rows: &[],
    log: false,
    // Sizes span orders of magnitude: a code section of megabytes beside a few bytes
    // of `start`.
    can_log: true,
    filters: &[],
};

/// The chart's rows: one per section with a size, in file order. A row's key (its
/// name in links, `hide-<key>`) is the section's name made link-safe, numbered where
/// names repeat (a component's `core module` sections), so that hiding `code` still
/// applies to the next file opened.
pub fn section_rows(sections: &[Section]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::with_capacity(sections.len());
    for section in sections.iter().filter(|s| s.size > 0) {
        let base = link_safe(&section.name);
        let same = sections
            .iter()
            .filter(|s| s.size > 0 && link_safe(&s.name) == base)
            .count();
        let key = if same > 1 {
            let before = rows
                .iter()
                .filter(|r| r.key.starts_with(&format!("{base}.")));
            format!("{base}.{}", before.count() + 1)
        } else {
            base
        };
        rows.push(Row {
            of: RowOf::Named(section.name.clone()),
            key,
            index: rows.len(),
            cells: vec![Some(Cell {
                quantity: Quantity {
                    amount: Amount::Exact(section.size as f64),
                    unit: Unit::Bytes,
                }
                .in_base_unit(),
                source: Source::File {
                    offset: section.offset,
                },
            })],
        });
    }
    rows
}

/// `name` with only ASCII letters, digits, `-` and `_` (anything else, `.` included,
/// as `_`): a query token's separators (`,`) and numbering (`.`) stay unambiguous.
fn link_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.is_empty() { "_".into() } else { safe }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;
    use crate::domain::chart::{ChartView, cell_text, chart_csv, source_text};

    fn section(name: &str, offset: u64, size: u64) -> Section {
        Section {
            id: 0,
            name: name.into(),
            custom: false,
            offset,
            size,
            content_offset: offset + 2,
            content_size: size.saturating_sub(2),
        }
    }

    #[test]
    fn a_row_per_section_with_a_size_in_file_order_sourced_to_its_offset() {
        let rows = section_rows(&[
            section("type", 8, 12),
            section("start", 20, 0),
            section("code", 20, 2_345_678),
        ]);
        let names: Vec<String> = rows.iter().map(|r| r.label(Lang::En)).collect();
        assert_eq!(names, ["type", "code"]);
        assert_eq!(rows[1].index, 1);
        let cell = rows[0].primary().unwrap();
        assert_eq!(cell_text(&cell, Lang::En), "12 B");
        assert_eq!(cell_text(&rows[1].primary().unwrap(), Lang::En), "2.346 MB");
        assert_eq!(
            source_text(&SECTIONS_CHART, &cell, Lang::En),
            "this file, from byte 0x8"
        );
        assert_eq!(
            source_text(&SECTIONS_CHART, &cell, Lang::Zh),
            "本文件，自字节 0x8 起"
        );
    }

    #[test]
    fn keys_are_link_safe_and_numbered_where_names_repeat() {
        let rows = section_rows(&[
            section("core module", 8, 100),
            section("core module", 108, 50),
            section("name", 158, 10),
            section("producers,x.y", 168, 10),
        ]);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            ["core_module.1", "core_module.2", "name", "producers_x_y"]
        );
        // A link that hides one of them reads back, and one for a row this file does
        // not have is reported, not applied.
        let (view, ignored) =
            ChartView::parse("hide-core_module.2,hide-data,log", &SECTIONS_CHART, &rows);
        assert_eq!(view.hidden, ["core_module.2"]);
        assert_eq!(ignored, ["hide-data"]);
        assert_eq!(view.apply(&rows, Lang::En).len(), 3);
    }

    #[test]
    fn its_csv_names_each_section_its_bytes_and_offset() {
        let rows = section_rows(&[section("code", 0x1a, 1500)]);
        let csv = chart_csv(&SECTIONS_CHART, &rows, Lang::En);
        let record = csv.lines().nth(1).unwrap();
        assert!(
            record.starts_with("sections,code,Size,1.5 KB,exact,0.0015,0.0015,MB,"),
            "{record}"
        );
        assert!(record.contains("this file, from byte 0x1a"), "{record}");
    }
}
