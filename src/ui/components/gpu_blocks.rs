//! The GPU page's blocks beyond the charts: the words of the report's comparison
//! table, as a table a buyer can read across, and the ways to share one GPU.

use crate::base::lang::Lang;
use crate::data::figures::{figure, item_name};
use crate::data::gpus::{
    MATURITY_ROW, SELF_RELIANCE_ROW, SHARING_MODES, TABLE_HEADER, VENDOR_COLUMNS,
};
use crate::data::sections::section;
use crate::domain::format::format_quantity;
use crate::i18n::Key;
use crate::ui::components::evidence::sources;
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
    // The region's name differs from the section's: axe wants landmarks unique.
    h.open_scroll_region(Key::GpusWordsTable.text(lang));
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

/// The id of the heading [`sharing_modes`] writes.
pub const SHARING_TITLE_ID: &str = "gpu-sharing-title";

/// The ways to share one GPU, a card each: what it isolates, where it runs, what it
/// needs, what changing it takes, how a pod asks for it, and the sources.
pub fn sharing_modes(h: &mut Html, lang: Lang) {
    h.element(
        "h2",
        &[("id", SHARING_TITLE_ID)],
        Key::GpusSharingTitle.text(lang),
    );
    h.element("p", &[("class", "note")], Key::GpusSharingLead.text(lang));
    h.open("ul", &[("class", "card-list sharing-modes")]);
    for mode in SHARING_MODES {
        h.open("li", &[("data-sharing", mode.id)]);
        h.element("h3", &[], mode.name.get(lang));
        h.open("dl", &[]);
        h.element("dt", &[], Key::GpusSharingReport.text(lang));
        match mode.report {
            Some((section_id, words)) => {
                h.open("dd", &[]);
                h.element("q", &[("lang", "zh"), ("class", "quote")], words);
                if let Some(s) = section(section_id) {
                    h.text(" — ").element("cite", &[], s.title.get(lang));
                }
                h.close("dd");
            }
            None => {
                h.element("dd", &[], Key::GpusSharingReportNone.text(lang));
            }
        }
        for (key, text) in [
            (Key::GpusSharingIsolates, mode.isolates),
            (Key::GpusSharingRunsOn, mode.runs_on),
            (Key::GpusSharingNeeds, mode.needs),
            (Key::GpusSharingReconfigure, mode.reconfigure),
            (Key::GpusSharingKubernetes, mode.kubernetes),
        ] {
            h.element("dt", &[], key.text(lang));
            h.element("dd", &[], text.get(lang));
        }
        h.element("dt", &[], Key::GpusSharingSources.text(lang));
        h.open("dd", &[]);
        sources(h, mode.sources, lang);
        h.close("dd");
        h.close("dl");
        h.close("li");
    }
    h.close("ul");
}
