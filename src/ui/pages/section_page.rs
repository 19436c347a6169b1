//! The layout shared by pages that present parts of the report: a heading, a lead,
//! then each report section the page covers with the headline figures it states.

use leptos::prelude::*;

use crate::data::headline::HEADLINE_FIGURES;
use crate::data::sections::sections_for;
use crate::domain::pages::Page;
use crate::i18n::Key;
use crate::ui::components::figure_card::FigureCard;
use crate::ui::components::page_names::{lead_key, title_key};
use crate::ui::components::section_card::SectionSummary;
use crate::ui::i18n::t;

#[component]
pub fn SectionPage(page: Page) -> impl IntoView {
    let sections: Vec<_> = sections_for(page).collect();
    let figures: Vec<_> = HEADLINE_FIGURES
        .iter()
        .filter(|f| sections.iter().any(|s| s.id == f.section()))
        .collect();
    let has_figures = !figures.is_empty();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    view! {
        <div class="page" data-page=page.path()>
            <h1>{t(title_key(page))}</h1>
            <p class="lead">{t(lead_key(page))}</p>
            <section class="sections" aria-label=t(Key::SectionInReport)>
                {sections
                    .into_iter()
                    .map(|section| view! { <SectionSummary section=section /> })
                    .collect_view()}
            </section>
            {has_figures
                .then(|| {
                    view! {
                <section class="figures">
                    <h2>{t(Key::SectionFigures)}</h2>
                    <div class="figure-grid">
                        {figures
                            .iter()
                            .map(|figure| view! { <FigureCard figure=figure /> })
                            .collect_view()}
                    </div>
                </section>
                    }
                })}
        </div>
    }
}
