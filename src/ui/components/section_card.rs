//! A section of the report: title, summary and the heading it has in the report.

use leptos::prelude::*;

use crate::data::sections::Section;
use crate::i18n::Key;
use crate::ui::i18n::t_fill;
use crate::ui::i18n::use_lang;

#[component]
pub fn SectionSummary(section: &'static Section) -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="section-summary" data-section=section.id>
            <h2>{move || section.title.get(lang.get())}</h2>
            <p>{move || section.summary.get(lang.get())}</p>
            <p class="section-heading">
                {t_fill(Key::SectionHeading, move || vec![("heading", section.heading_zh.into())])}
            </p>
        </article>
    }
}
