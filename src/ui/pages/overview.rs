//! The overview (`/`): the report's headline figures and one card per section.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::headline::HEADLINE_FIGURES;
use crate::data::sections::SECTIONS;
use crate::i18n::Key;
use crate::ui::app::BasePath;
use crate::ui::components::figure_card::figure_card;
use crate::ui::components::page_names::{lead_key, nav_key, title_key};
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    let cards = move || {
        let lang = lang.get();
        let mut figures = Html::new();
        for figure in HEADLINE_FIGURES {
            figure_card(&mut figures, figure, lang, &base);
        }
        let mut sections = Html::new();
        for section in SECTIONS {
            let href = crate::base::page::page_location(section.page, lang, &base);
            let open = Key::OverviewOpen.fill(lang, &[("page", nav_key(section.page).text(lang))]);
            sections.open(
                "li",
                &[("class", "section-card"), ("data-section", section.id)],
            );
            sections.element("h3", &[], section.title.get(lang));
            sections.element("p", &[], section.summary.get(lang));
            sections
                .open("a", &[("href", &href), ("class", "card-link")])
                .text(&open);
            sections
                .element("span", &[("aria-hidden", "true")], " →")
                .close("a");
            sections.close("li");
        }
        (figures.finish(), sections.finish())
    };
    let cards = Memo::new(move |_| cards());
    view! {
        <div class="page overview" data-page="/">
            <h1>{t(title_key(Page::Overview))}</h1>
            <p class="lead">{t(lead_key(Page::Overview))}</p>

            <section class="figures" aria-labelledby="figures-heading">
                <h2 id="figures-heading">{t(Key::OverviewFigures)}</h2>
                <p class="note">{t(Key::OverviewFiguresNote)}</p>
                <div class="figure-grid" inner_html=move || cards.get().0></div>
            </section>

            <section class="section-cards" aria-labelledby="sections-heading">
                <h2 id="sections-heading">{t(Key::OverviewSections)}</h2>
                <ul class="card-grid" inner_html=move || cards.get().1></ul>
            </section>
        </div>
    }
}
