//! A chart's numbers as a table: what a screen reader gets under the drawing, and
//! the table view. (The CSV download is `domain::chart::chart_csv`.)

use crate::base::lang::Lang;
use crate::data::charts::ChartDef;
use crate::domain::chart::{ChartView, Footnotes, Row, SortBy, cell_text, source_text};
use crate::i18n::Key;
use crate::ui::components::sort_header::{SortState, sort_header_html};
use crate::ui::html::Html;

/// The table, sortable from its header buttons (`data-sort`: `name` or a series
/// index), which the chart frame listens to. Without `interactive` (the table kept
/// for screen readers under a chart) the headers are plain text: no invisible stops
/// for the keyboard.
pub fn html(
    def: &'static ChartDef,
    rows: &[Row],
    notes: &Footnotes,
    view: &ChartView,
    lang: Lang,
    interactive: bool,
) -> String {
    let mut h = Html::new();
    h.open("table", &[]);
    h.element("caption", &[], def.title.get(lang));
    h.open("thead", &[]).open("tr", &[]);
    let header = |h: &mut Html, label: &str, sort: &str, by: SortBy| {
        if interactive {
            let state = SortState::of(view.sort == by, view.descending);
            sort_header_html(h, label, sort, state);
        } else {
            h.element("th", &[("scope", "col"), ("class", "plain")], label);
        }
    };
    header(&mut h, Key::ChartColItem.text(lang), "name", SortBy::Name);
    for (i, series) in def.series.iter().enumerate() {
        header(
            &mut h,
            series.name.get(lang),
            &i.to_string(),
            SortBy::Series(i),
        );
    }
    h.element(
        "th",
        &[("scope", "col"), ("class", "plain")],
        Key::ChartColSource.text(lang),
    );
    h.close("tr").close("thead");
    h.open("tbody", &[]);
    for row in rows {
        h.open("tr", &[("data-row", &row.key)]);
        h.element("th", &[("scope", "row")], &row.label(lang));
        for (i, cell) in row.cells.iter().enumerate() {
            let text = cell
                .map(|c| notes.value_text(&row.key, i, cell_text(&c, lang), lang))
                .unwrap_or_else(|| "—".into());
            let class = if notes.markers(&row.key, i).is_empty() {
                "num"
            } else {
                "num noted"
            };
            h.element("td", &[("class", class)], &text);
        }
        h.open("td", &[("class", "source")]);
        let sources: Vec<(usize, String)> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| cell.map(|c| (i, source_text(def, &c, lang))))
            .collect();
        // One line when every value has the same source; otherwise one per series.
        let same = sources.windows(2).all(|w| w[0].1 == w[1].1);
        for (i, source) in &sources {
            if same {
                h.element("span", &[], source);
                break;
            }
            let line = format!("{}: {source}", def.series[*i].name.get(lang));
            h.element("span", &[], &line);
        }
        h.close("td").close("tr");
    }
    h.close("tbody").close("table");
    h.finish()
}
