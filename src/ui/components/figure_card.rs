//! A headline figure: its values from the dataset, written with the report's own
//! honesty marks, what it measures, and the section it comes from.

use crate::base::lang::Lang;
use crate::data::headline::HeadlineFigure;
use crate::data::sections::section;
use crate::domain::format::format_quantity;
use crate::i18n::Key;
use crate::ui::html::Html;

/// Writes the card; `base` is the app's base path, for the link to the section's page.
pub fn figure_card(h: &mut Html, figure: &HeadlineFigure, lang: Lang, base: &str) {
    let value: Vec<String> = figure
        .records()
        .map(|f| format_quantity(f.quantity, f.signed, lang))
        .collect();
    h.open(
        "article",
        &[("class", "figure-card"), ("data-figure", figure.id)],
    );
    h.element(
        "p",
        &[("class", "figure-value")],
        &value.join(figure.joiner),
    );
    h.element("p", &[("class", "figure-label")], figure.label.get(lang));
    if let Some(s) = section(figure.section()) {
        let href = crate::base::page::page_location(s.page, lang, base);
        let text = Key::OverviewFrom.fill(lang, &[("section", s.title.get(lang))]);
        h.open("p", &[("class", "figure-source")]);
        h.element("a", &[("href", &href)], &text);
        h.close("p");
    }
    h.close("article");
}
