//! The evidence table, shown on `/wizard` (under "How this works") and on `/data`:
//! first the rows where the engine follows the sources against the report, then every
//! technology's rows, one folded table each.

use crate::base::lang::Lang;
use crate::data::figures::figure;
use crate::data::sections::section;
use crate::data::sources::Source;
use crate::data::tech::{ReportWords, TECHNOLOGIES};
use crate::domain::evidence::{Evidence, disagreements, evidence_for, value_text};
use crate::domain::format::report_quote;
use crate::i18n::Key;
use crate::ui::html::Html;

/// The id of the heading the table writes.
pub const EVIDENCE_TITLE_ID: &str = "evidence-title";

/// The whole evidence table, under an `h2` or `h3` heading.
pub fn evidence_table(h: &mut Html, lang: Lang, heading: &str) {
    h.element(
        heading,
        &[("id", EVIDENCE_TITLE_ID)],
        Key::EvidenceTitle.text(lang),
    );
    h.element("p", &[("class", "note")], Key::EvidenceLead.text(lang));

    h.element(
        "p",
        &[("class", "evidence-differs-title")],
        Key::EvidenceDiffersTitle.text(lang),
    );
    h.open("ul", &[("class", "card-list evidence-differs")]);
    for e in disagreements() {
        h.open(
            "li",
            &[
                ("data-tech", e.tech.code),
                ("data-attribute", e.attribute.code()),
            ],
        );
        let head = format!(
            "{} · {}: {}",
            e.tech.name.get(lang),
            e.attribute.key().text(lang),
            value_text(&e, lang)
        );
        h.element("p", &[], &head);
        basis_cell_body(h, &e, lang);
        report_words(h, &e, lang);
        sources(h, e.basis.sources, lang);
        h.close("li");
    }
    h.close("ul");

    for tech in TECHNOLOGIES {
        let rows: Vec<Evidence> = evidence_for(tech).collect();
        let differs = rows
            .iter()
            .filter(|e| e.basis.report_differs.is_some())
            .count();
        h.open(
            "details",
            &[("class", "evidence"), ("data-tech", tech.code)],
        );
        let summary = if differs == 0 {
            tech.name.get(lang).to_owned()
        } else {
            let count = Key::EvidenceCount.fill(lang, &[("n", &differs.to_string())]);
            format!("{} ({count})", tech.name.get(lang))
        };
        h.element("summary", &[], &summary);
        h.open_scroll_region(tech.name.get(lang));
        h.open("table", &[("class", "compact evidence-table")]);
        h.open("thead", &[]).open("tr", &[]);
        for key in [
            Key::EvidenceColAttribute,
            Key::EvidenceColLevel,
            Key::EvidenceColBasis,
            Key::EvidenceColReport,
            Key::EvidenceColSources,
        ] {
            h.element("th", &[("scope", "col")], key.text(lang));
        }
        h.close("tr").close("thead").open("tbody", &[]);
        for e in &rows {
            let mut attrs = vec![("data-attribute", e.attribute.code())];
            if e.basis.report_differs.is_some() {
                attrs.push(("class", "report-differs"));
            }
            h.open("tr", &attrs);
            h.element("th", &[("scope", "row")], e.attribute.key().text(lang));
            h.element("td", &[("class", "level")], &value_text(e, lang));
            h.open("td", &[]);
            basis_cell_body(h, e, lang);
            h.close("td");
            h.open("td", &[]);
            report_words(h, e, lang);
            h.close("td");
            h.open("td", &[]);
            sources(h, e.basis.sources, lang);
            h.close("td");
            h.close("tr");
        }
        h.close("tbody")
            .close("table")
            .close("div")
            .close("details");
    }
}

/// What a level rests on, and what the report says where it differs.
fn basis_cell_body(h: &mut Html, e: &Evidence, lang: Lang) {
    h.element("p", &[("class", "basis")], e.basis.text.get(lang));
    if let Some(report) = e.basis.report_differs {
        h.open("p", &[("class", "differs")]);
        h.element("strong", &[], Key::EvidenceDiffers.text(lang));
        h.text(" ").text(report.get(lang));
        h.close("p");
    }
}

/// The report's words, verbatim in Chinese, with their section.
fn report_words(h: &mut Html, e: &Evidence, lang: Lang) {
    let (quote, section_id) = match e.basis.report {
        Some(ReportWords::Quote { section, zh }) => (zh, section),
        Some(ReportWords::Figure(id)) => match figure(id) {
            Some(f) => (f.quote_zh, f.section),
            None => return,
        },
        None => {
            h.element(
                "p",
                &[("class", "no-report")],
                Key::EvidenceNoReport.text(lang),
            );
            return;
        }
    };
    h.open("p", &[("class", "report-words")]);
    h.element("q", &[("lang", "zh")], report_quote(quote));
    if let Some(s) = section(section_id) {
        h.text(" — ").element("cite", &[], s.title.get(lang));
    }
    h.close("p");
}

/// Independent sources: links that open the source, with the date it said it.
pub fn sources(h: &mut Html, sources: &[&Source], lang: Lang) {
    if sources.is_empty() {
        h.element(
            "p",
            &[("class", "no-source")],
            Key::EvidenceNoSource.text(lang),
        );
        return;
    }
    h.open("ul", &[("class", "sources")]);
    for s in sources {
        h.open("li", &[("data-source", s.id)]);
        h.element(
            "a",
            &[
                ("href", s.url),
                ("rel", "noopener noreferrer external"),
                ("target", "_blank"),
            ],
            s.title.get(lang),
        );
        let as_of = Key::EvidenceAsOf.fill(lang, &[("date", s.as_of)]);
        h.text(" ").element("span", &[("class", "as-of")], &as_of);
        h.close("li");
    }
    h.close("ul");
}
