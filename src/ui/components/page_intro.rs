//! The top of a page that presents the report: its title, its lead, and a summary
//! of each report section it covers; and blocks of static text from the report.

use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::data::figures::Topic;
use crate::data::notes::INDEPENDENT_FIGURES;
use crate::data::sections::sections_for;
use crate::i18n::Key;
use crate::ui::components::page_names::{lead_key, title_key};
use crate::ui::components::report_blocks::independent_card;
use crate::ui::components::section_card::section_summary;
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};

#[component]
pub fn PageIntro(
    /// The page being introduced.
    page: Page,
) -> impl IntoView {
    let lang = use_lang();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    let summaries = move || {
        let mut h = Html::new();
        for section in sections_for(page) {
            section_summary(&mut h, section, lang.get());
        }
        h.finish()
    };
    view! {
        <h1>{t(title_key(page))}</h1>
        <p class="lead">{t(lead_key(page))}</p>
        <div class="sections" inner_html=summaries></div>
    }
}

/// A section of static HTML, rebuilt when the language changes. `labelled_by` names
/// the id of the heading `build` writes, when it writes one with an id.
pub fn html_section(
    class: &'static str,
    labelled_by: Option<&'static str>,
    build: fn(&mut Html, Lang),
) -> impl IntoView {
    let lang = use_lang();
    let html = move || {
        let mut h = Html::new();
        build(&mut h, lang.get());
        h.finish()
    };
    view! { <section class=class aria-labelledby=labelled_by inner_html=html></section> }
}

/// The id of the heading [`independent_figures`] writes.
pub const INDEPENDENT_TITLE_ID: &str = "independent-title";

/// The independent figures beside the report's: on one topic, or all of them.
pub fn independent_figures(h: &mut Html, lang: Lang, topic: Option<Topic>) {
    h.element(
        "h2",
        &[("id", INDEPENDENT_TITLE_ID)],
        Key::DataIndependentTitle.text(lang),
    );
    h.element(
        "p",
        &[("class", "note")],
        Key::DataIndependentLead.text(lang),
    );
    h.open("ul", &[("class", "card-list")]);
    for f in INDEPENDENT_FIGURES
        .iter()
        .filter(|f| topic.is_none_or(|t| f.topic == t))
    {
        independent_card(h, f, lang);
    }
    h.close("ul");
}
