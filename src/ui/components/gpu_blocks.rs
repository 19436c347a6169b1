//! The GPU page's blocks beyond the charts: the words of the report's comparison
//! table, as a table a buyer can read across.

use crate::base::lang::Lang;
use crate::data::figures::{figure, item_name};
use crate::data::gpus::{MATURITY_ROW, SELF_RELIANCE_ROW, TABLE_HEADER, VENDOR_COLUMNS};
use crate::domain::format::format_quantity;
use crate::i18n::Key;
use crate::ui::html::Html;

/// The id of the heading [`report_words`] writes.
pub const WORDS_TITLE_ID: &str = "gpu-words-title";

/// The report's comparison table's rows in words: container support, ecosystem
/// maturity and self-reliance, per vendor, with the card each column repeats.
pub fn report_words(h: &mut Html, lang: Lang) {
    h.element(
        "h2",
        &[("id", WORDS_TITLE_ID)],
        Key::GpusWordsTitle.text(lang),
    );
    h.element("p", &[("class", "note")], Key::GpusWordsLead.text(lang));
    h.open_scroll_region(Key::GpusWordsTitle.text(lang));
    h.open("table", &[("class", "compact gpu-words")]);
    h.open("thead", &[]).open("tr", &[]);
    for key in [
        Key::GpusColVendor,
        Key::GpusColCard,
        Key::GpusColContainer,
        Key::GpusColStack,
        Key::GpusColMaturity,
        Key::GpusColReliance,
    ] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead");
    h.open("tbody", &[]);
    for column in VENDOR_COLUMNS {
        h.open("tr", &[("data-vendor", column.vendor)]);
        h.element(
            "th",
            &[("scope", "row")],
            item_name(column.vendor).get(lang),
        );
        let card = match (column.card, column.vendor) {
            (Some(card), _) => item_name(card).get(lang).to_owned(),
            (None, "a100") => Key::GpusNotDescribed.text(lang).to_owned(),
            (None, _) => Key::GpusNoCard.text(lang).to_owned(),
        };
        h.element("td", &[], &card);
        let stars = figure(column.container_stars)
            .map(|f| format_quantity(f.quantity, false, lang))
            .unwrap_or_default();
        let rank = column.maturity.rank.to_string();
        h.element("td", &[("class", "stars")], &stars);
        if column.stack_zh.is_empty() {
            h.element("td", &[], Key::GpusNotDescribed.text(lang));
        } else {
            h.element("td", &[("lang", "zh")], &column.stack_zh.join("；"));
        }
        h.element(
            "td",
            &[("data-rank", &rank)],
            column.maturity.text().get(lang),
        );
        h.element("td", &[], column.self_reliance.text().get(lang));
        h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("div");
    h.open("details", &[("class", "report-rows")]);
    h.element("summary", &[], Key::GpusReportRows.text(lang));
    h.open("pre", &[("lang", "zh")]);
    h.text(&[TABLE_HEADER, MATURITY_ROW, SELF_RELIANCE_ROW].join("\n"));
    h.close("pre");
    h.close("details");
}
