//! A section of the report: title, summary and the heading it has in the report.

use crate::base::lang::Lang;
use crate::data::sections::Section;
use crate::i18n::Key;
use crate::ui::html::Html;

pub fn section_summary(h: &mut Html, section: &Section, lang: Lang) {
    h.open(
        "article",
        &[("class", "section-summary"), ("data-section", section.id)],
    );
    h.element("h2", &[], section.title.get(lang));
    h.element("p", &[], section.summary.get(lang));
    let heading = Key::SectionHeading.fill(lang, &[("heading", section.heading_zh)]);
    h.element("p", &[("class", "section-heading")], &heading);
    h.close("article");
}
