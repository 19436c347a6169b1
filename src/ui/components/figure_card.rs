//! A headline figure: the value as the report states it, what it measures, and the
//! section it comes from.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::headline::HeadlineFigure;
use crate::data::sections::section;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::i18n::t_fill;
use crate::ui::i18n::use_lang;

#[component]
pub fn FigureCard(figure: &'static HeadlineFigure) -> impl IntoView {
    let lang = use_lang();
    let source = section(figure.section);
    view! {
        <article class="figure-card" data-figure=figure.id>
            <p class="figure-value">{move || figure.value.get(lang.get())}</p>
            <p class="figure-label">{move || figure.label.get(lang.get())}</p>
            {source
                .map(|s| {
                    view! {
                        <p class="figure-source">
                            <A href=page_href(s.page)>{t_fill(Key::OverviewFrom, move || vec![("section", s.title.get(lang.get()).into())])}</A>
                        </p>
                    }
                })}
        </article>
    }
}
