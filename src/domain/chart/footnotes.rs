//! Footnotes: what a chart must say about some of its values on the chart itself.
//! A data note that doubts a figure the chart draws (`DataNote::doubted`) is shown
//! with the chart, and every value drawn from that figure carries its marker,
//! derived values included (a ratio inherits the doubts of both its terms). A value
//! that measures something other than the rest of its chart (a [`Caveat`]) carries a
//! marker and a few words, and its footnote says what it is.

use super::values::{Cell, Row, Source};
use crate::base::lang::Lang;
use crate::data::charts::{CAVEATS, Caveat, ChartDef};
use crate::data::notes::{DOUBTING_NOTES, DataNote};
use crate::i18n::Key;

/// What a footnote says.
#[derive(Clone, Copy, Debug)]
pub enum Said {
    Note(&'static DataNote),
    Caveat(&'static Caveat),
}

#[derive(Clone, Copy, Debug)]
pub struct Footnote {
    /// A superscript number: "¹", "²", …
    pub marker: &'static str,
    pub said: Said,
}

impl Footnote {
    /// The footnote's line, after its marker.
    pub fn text(&self, lang: Lang) -> String {
        match self.said {
            Said::Note(note) => Key::ChartFootnoteNote.fill(lang, &[("text", note.text.get(lang))]),
            Said::Caveat(caveat) => caveat.note.get(lang).to_owned(),
        }
    }
}

const MARKERS: [&str; 9] = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

/// A chart's footnotes, numbered in the order of the values they are about, and
/// which value carries which.
#[derive(Clone, Debug, Default)]
pub struct Footnotes {
    pub list: Vec<Footnote>,
    /// Row key, series, index in `list`.
    marks: Vec<(String, usize, usize)>,
}

/// The report's figures a value is drawn from, by id.
pub fn figures_of(cell: &Cell) -> Vec<&'static str> {
    match cell.source {
        Source::Figure(f) | Source::Share(f, _) => vec![f.id],
        Source::Ratio(n, d, _) => vec![n.id, d.id],
        Source::Independent(_)
        | Source::Rating(_)
        | Source::File { .. }
        | Source::FileSum { .. } => Vec::new(),
    }
}

impl Footnotes {
    /// The footnotes of `chart` over `rows` (every row, so that a marker keeps its
    /// number when rows are hidden or sorted).
    pub fn of(chart: &ChartDef, rows: &[Row]) -> Footnotes {
        let mut out = Footnotes::default();
        let add = |out: &mut Footnotes,
                   said: Said,
                   same: &dyn Fn(&Said) -> bool,
                   row: &str,
                   series: usize| {
            let index = match out.list.iter().position(|f| same(&f.said)) {
                Some(index) => index,
                None if out.list.len() < MARKERS.len() => {
                    out.list.push(Footnote {
                        marker: MARKERS[out.list.len()],
                        said,
                    });
                    out.list.len() - 1
                }
                None => return,
            };
            out.marks.push((row.to_owned(), series, index));
        };
        for row in rows {
            for (series, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let figures = figures_of(cell);
                for &note in DOUBTING_NOTES {
                    if note.doubted.iter().any(|id| figures.contains(id)) {
                        let same = |s: &Said| matches!(s, Said::Note(n) if n.id == note.id);
                        add(&mut out, Said::Note(note), &same, &row.key, series);
                    }
                }
                for caveat in CAVEATS {
                    if caveat.chart == chart.id && caveat.row == row.key && caveat.series == series
                    {
                        let same =
                            |s: &Said| matches!(s, Said::Caveat(c) if std::ptr::eq(*c, caveat));
                        add(&mut out, Said::Caveat(caveat), &same, &row.key, series);
                    }
                }
            }
        }
        out
    }

    fn of_mark(&self, row: &str, series: usize) -> impl Iterator<Item = &Footnote> {
        self.marks
            .iter()
            .filter(move |(r, s, _)| r == row && *s == series)
            .map(|(_, _, i)| &self.list[*i])
    }

    /// The markers of one value ("¹²"), empty when it has none.
    pub fn markers(&self, row: &str, series: usize) -> String {
        self.of_mark(row, series).map(|f| f.marker).collect()
    }

    /// The markers of every value of a row.
    pub fn row_markers(&self, row: &str) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for (r, _, i) in &self.marks {
            let marker = self.list[*i].marker;
            if r == row && !seen.contains(&marker) {
                seen.push(marker);
            }
        }
        seen.concat()
    }

    /// A value with its markers and the words of its caveats: "3–30 µs² in-process
    /// instantiation".
    pub fn value_text(&self, row: &str, series: usize, value: String, lang: Lang) -> String {
        let mut text = value;
        text.push_str(&self.markers(row, series));
        for f in self.of_mark(row, series) {
            if let Said::Caveat(c) = f.said {
                text.push(' ');
                text.push_str(c.label.get(lang));
            }
        }
        text
    }

    /// What the footnotes of one value say, for a file: "note; caveat", empty when none.
    pub fn notes_text(&self, row: &str, series: usize, lang: Lang) -> String {
        let lines: Vec<String> = self.of_mark(row, series).map(|f| f.text(lang)).collect();
        lines.join("; ")
    }

    /// The footnotes of one value, for its tooltip: a line each.
    pub fn tip_lines(&self, row: &str, series: usize, lang: Lang) -> String {
        self.of_mark(row, series)
            .map(|f| format!("\n{} {}", f.marker, f.text(lang)))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::charts::{all_charts, chart};
    use crate::domain::chart::resolve;

    fn notes_of(id: &str) -> Vec<&'static str> {
        let def = chart(id).unwrap();
        Footnotes::of(def, &resolve(def))
            .list
            .iter()
            .map(|f| match f.said {
                Said::Note(n) => n.id,
                Said::Caveat(c) => c.chart,
            })
            .collect()
    }

    #[test]
    fn derived_charts_inherit_the_notes_of_their_inputs() {
        // Biren's "700+ TF" matches no card, and the Moore Threads column repeats
        // figures no source gives the MTT S80: every chart drawn from them says so,
        // the ratios per yuan and per watt included, and marks those two alone.
        for id in ["gpu-fp16", "gpu-per-price", "gpu-per-watt", "gpu-scatter"] {
            let mut notes = notes_of(id);
            notes.sort_unstable();
            assert_eq!(
                notes,
                ["biren-table-vs-products", "moore-threads-column"],
                "{id}"
            );
            let def = chart(id).unwrap();
            let rows = resolve(def);
            let notes = Footnotes::of(def, &rows);
            for row in &rows {
                let marked = !notes.row_markers(&row.key).is_empty();
                let doubted = row.key == "biren" || row.key == "moore-threads";
                assert_eq!(marked, doubted, "{id} {}", row.key);
            }
        }
        // Biren's memory and power are the BR104's: only Moore Threads is noted.
        assert_eq!(notes_of("gpu-memory"), ["moore-threads-column"]);
        assert_eq!(notes_of("gpu-power"), ["moore-threads-column"]);
        let mut table = notes_of("gpu-table");
        table.sort_unstable();
        assert_eq!(
            table,
            [
                "bi-v100-int8",
                "br104-memory",
                "moore-threads-column",
                "mtt-s70-memory",
                "mtt-s80-tf32"
            ]
        );
    }

    #[test]
    fn the_startup_chart_says_what_its_values_time() {
        let def = chart("startup").unwrap();
        let rows = resolve(def);
        let notes = Footnotes::of(def, &rows);
        let wasm = notes.value_text("wasm", 1, "3–30 µs".into(), Lang::En);
        assert!(
            wasm.starts_with("3–30 µs") && wasm.ends_with(" in-process instantiation"),
            "{wasm}"
        );
        assert!(notes.markers("wasm", 0).is_empty());
        assert!(!notes.markers("docker", 0).is_empty());
        assert!(
            notes.markers("docker", 1).is_empty(),
            "the independent figure is not the report's"
        );
        assert_eq!(notes.list.len(), 2);
        for f in &notes.list {
            assert!(!f.text(Lang::En).is_empty() && !f.text(Lang::Zh).is_empty());
        }
    }

    #[test]
    fn every_caveat_names_a_value_its_chart_draws() {
        for caveat in CAVEATS {
            let def = all_charts().find(|c| c.id == caveat.chart).unwrap();
            let rows = resolve(def);
            let row = rows.iter().find(|r| r.key == caveat.row).unwrap();
            assert!(row.cells[caveat.series].is_some(), "{}", caveat.chart);
        }
    }
}
