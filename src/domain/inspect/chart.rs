//! The playground's section chart: the sections of the file on screen as rows of the
//! app's chart frame (`ui::charts::Chart`), one bar per section, sized in bytes, each
//! value sourced to its offset in the file.

use std::collections::HashMap;

use super::model::Section;
use crate::base::lang::text;
use crate::base::page::Page;
use crate::base::quantity::{Amount, Quantity, Unit};
use crate::data::charts::{ChartDef, ChartKind, Origin, Role, SeriesDef};
use crate::domain::chart::{Cell, Row, RowOf, Source};

/// The chart's id: its key in the playground's query string.
pub const SECTIONS_CHART_ID: &str = "sections";

/// The chart: its view lives in the playground's query string under `sections`
/// (`?sections=log,by-1,desc`), like a report chart's.
pub static SECTIONS_CHART: ChartDef = ChartDef {
    id: SECTIONS_CHART_ID,
    page: Page::Playground,
    kind: ChartKind::Bars,
    title: text("Sections by size", "各段大小"),
    origin: Origin::File,
    what: text(
        "Bytes each section takes, with its header",
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

/// At most this many rows: past it, the smallest sections are summed in one row, so
/// that a file of thousands of tiny sections is not thousands of bars, row choices
/// and table rows drawn on the page's thread. (The section table lists every one.)
pub const MAX_ROWS: usize = 40;

/// The chart's rows: one per section with a size, in file order, the smallest summed
/// in one last row when there are more than [`MAX_ROWS`]. A row's key (its name in
/// links, `hide-<key>`) is the section's name made link-safe, numbered where names
/// repeat (a component's `core module` sections), so that hiding `code` still
/// applies to the next file opened; the summed row's key is `others`.
pub fn section_rows(sections: &[Section]) -> Vec<Row> {
    let sized: Vec<&Section> = sections.iter().filter(|s| s.size > 0).collect();
    // Which sections get a row of their own: all, or the largest (ties by place).
    let mut own = vec![true; sized.len()];
    if sized.len() > MAX_ROWS {
        let mut by_size: Vec<usize> = (0..sized.len()).collect();
        by_size.sort_by_key(|&i| (std::cmp::Reverse(sized[i].size), i));
        own.fill(false);
        for &i in &by_size[..MAX_ROWS - 1] {
            own[i] = true;
        }
    }
    let keys: Vec<String> = sized.iter().map(|s| link_safe(&s.name)).collect();
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for (key, _) in keys.iter().zip(&own).filter(|(_, own)| **own) {
        *repeats.entry(key).or_default() += 1;
    }
    let mut numbered: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<Row> = Vec::with_capacity(MAX_ROWS.min(sized.len()));
    let (mut rest, mut rest_bytes) = (0, 0u64);
    for ((section, key), own) in sized.iter().zip(&keys).zip(&own) {
        if !own {
            rest += 1;
            rest_bytes += section.size;
            continue;
        }
        // Names that repeat (a component's `type`, `alias`, `core module` sections)
        // are numbered in the key and in the label, so their bars can be told apart.
        let (key, label) = if repeats[key.as_str()] > 1 {
            let n = numbered.entry(key).or_default();
            *n += 1;
            (format!("{key}.{n}"), format!("{} #{n}", section.name))
        } else {
            (key.clone(), section.name.clone())
        };
        let source = Source::File {
            offset: section.offset,
        };
        rows.push(row(
            RowOf::Named(label),
            key,
            rows.len(),
            section.size,
            source,
        ));
    }
    if rest > 0 {
        let source = Source::FileSum { count: rest };
        rows.push(row(
            RowOf::Others(rest),
            "others".into(),
            rows.len(),
            rest_bytes,
            source,
        ));
    }
    rows
}

fn row(of: RowOf, key: String, index: usize, bytes: u64, source: Source) -> Row {
    let quantity = Quantity {
        amount: Amount::Exact(bytes as f64),
        unit: Unit::Bytes,
    };
    Row {
        of,
        key,
        index,
        cells: vec![Some(Cell {
            quantity: quantity.in_base_unit(),
            source,
        })],
    }
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
        assert_eq!(cell_text(&rows[1].primary().unwrap(), Lang::En), "2.35 MB");
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
        // Their labels too, so that the bars can be told apart.
        let labels: Vec<String> = rows.iter().map(|r| r.label(Lang::En)).collect();
        assert_eq!(
            labels,
            ["core module #1", "core module #2", "name", "producers,x.y"]
        );
        // A link that hides one of them reads back; one for a row this file does not
        // have (another file's) is not applied; a token no chart knows is reported.
        let (view, ignored) = ChartView::parse(
            "hide-core_module.2,hide-data,log,bogus",
            &SECTIONS_CHART,
            &rows,
        );
        assert_eq!(view.hidden, ["core_module.2"]);
        assert_eq!(ignored, ["bogus"]);
        assert_eq!(view.apply(&rows, Lang::En).len(), 3);
    }

    #[test]
    fn past_forty_sections_the_smallest_are_one_row_and_thousands_stay_quick() {
        // 20,000 empty custom sections (3 bytes each) and a code section.
        let mut sections: Vec<Section> = (0..20_000).map(|i| section("x", 8 + 3 * i, 3)).collect();
        sections.insert(5_000, section("code", 60_000, 5_000));
        let started = std::time::Instant::now();
        let rows = section_rows(&sections);
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        assert_eq!(rows.len(), MAX_ROWS);
        // The largest (ties by place) keep their order in the file; the rest add up.
        assert_eq!(rows[MAX_ROWS - 2].label(Lang::En), "code");
        assert_eq!(rows[0].key, "x.1");
        let last = rows.last().unwrap();
        assert_eq!(last.key, "others");
        assert_eq!(last.label(Lang::En), "19962 others, together");
        assert_eq!(last.label(Lang::Zh), "其余 19962 项合计");
        let cell = last.primary().unwrap();
        assert_eq!(cell_text(&cell, Lang::En), "59.9 KB");
        assert_eq!(
            source_text(&SECTIONS_CHART, &cell, Lang::En),
            "this file, the sum of 19962 sections"
        );
        let total: f64 = rows
            .iter()
            .map(|r| r.primary().unwrap().quantity.amount.representative())
            .sum();
        assert!((total - (20_000.0 * 3.0 + 5_000.0) / 1e6).abs() < 1e-9);
    }

    #[test]
    fn the_view_of_one_file_carries_to_the_next_without_a_notice() {
        let rows = section_rows(&[section("code", 8, 100)]);
        let (view, ignored) = ChartView::parse("hide-data,log", &SECTIONS_CHART, &rows);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert!(view.hidden.is_empty());
        assert!(crate::domain::pages::query_keys(SECTIONS_CHART.page).contains(&SECTIONS_CHART.id));
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
