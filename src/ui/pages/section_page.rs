//! The layout shared by pages that present parts of the report: a heading, a lead,
//! then each report section the page covers with the headline figures it states.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::headline::{HEADLINE_FIGURES, HeadlineFigure};
use crate::data::sections::{Section, sections_for};
use crate::i18n::Key;
use crate::ui::app::BasePath;
use crate::ui::components::figure_card::figure_card;
use crate::ui::components::page_names::{lead_key, title_key};
use crate::ui::components::section_card::section_summary;
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};

#[component]
pub fn SectionPage(page: Page) -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    let sections: Vec<&'static Section> = sections_for(page).collect();
    let figures: Vec<&'static HeadlineFigure> = HEADLINE_FIGURES
        .iter()
        .filter(|f| sections.iter().any(|s| s.id == f.section()))
        .collect();
    let has_figures = !figures.is_empty();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    let summaries = move || {
        let mut h = Html::new();
        for section in &sections {
            section_summary(&mut h, section, lang.get());
        }
        h.finish()
    };
    let cards = move || {
        let mut h = Html::new();
        for figure in &figures {
            figure_card(&mut h, figure, lang.get(), &base);
        }
        h.finish()
    };
    view! {
        <div class="page" data-page=page.path()>
            <h1>{t(title_key(page))}</h1>
            <p class="lead">{t(lead_key(page))}</p>
            <section class="sections" aria-label=t(Key::SectionInReport) inner_html=summaries></section>
            {has_figures
                .then(|| {
                    view! {
                        <section class="figures">
                            <h2>{t(Key::SectionFigures)}</h2>
                            <div class="figure-grid" inner_html=cards></div>
                        </section>
                    }
                })}
        </div>
    }
}
