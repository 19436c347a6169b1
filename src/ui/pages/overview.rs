//! The overview (`/`): the report's headline figures and one card per section.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::headline::HEADLINE_FIGURES;
use crate::data::sections::SECTIONS;
use crate::domain::pages::Page;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::components::figure_card::FigureCard;
use crate::ui::components::page_names::{lead_key, nav_key, title_key};
use crate::ui::i18n::{t, t_fill, use_lang};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = use_lang();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    view! {
        <div class="page overview" data-page="/">
            <h1>{t(title_key(Page::Overview))}</h1>
            <p class="lead">{t(lead_key(Page::Overview))}</p>

            <section class="figures" aria-labelledby="figures-heading">
                <h2 id="figures-heading">{t(Key::OverviewFigures)}</h2>
                <p class="note">{t(Key::OverviewFiguresNote)}</p>
                <div class="figure-grid">
                    {HEADLINE_FIGURES
                        .iter()
                        .map(|figure| view! { <FigureCard figure=figure /> })
                        .collect_view()}
                </div>
            </section>

            <section class="section-cards" aria-labelledby="sections-heading">
                <h2 id="sections-heading">{t(Key::OverviewSections)}</h2>
                <ul class="card-grid">
                    {SECTIONS
                        .iter()
                        .map(|section| {
                            view! {
                                <li class="section-card" data-section=section.id>
                                    <h3>{move || section.title.get(lang.get())}</h3>
                                    <p>{move || section.summary.get(lang.get())}</p>
                                    <A href=page_href(section.page) attr:class="card-link">
                                        {t_fill(
                                            Key::OverviewOpen,
                                            move || vec![("page", nav_key(section.page).text(lang.get()).into())],
                                        )}
                                        <span aria-hidden="true">" →"</span>
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}
