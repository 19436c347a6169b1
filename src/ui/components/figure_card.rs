//! A headline figure: its values from the dataset, written with the report's own
//! honesty marks, what it measures, and the section it comes from.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::headline::HeadlineFigure;
use crate::data::sections::section;
use crate::domain::format::format_quantity;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::i18n::t_fill;
use crate::ui::i18n::use_lang;

#[component]
pub fn FigureCard(figure: &'static HeadlineFigure) -> impl IntoView {
    let lang = use_lang();
    let source = section(figure.section());
    let value = move || {
        let lang = lang.get();
        figure
            .records()
            .map(|f| format_quantity(f.quantity, f.signed, lang))
            .collect::<Vec<_>>()
            .join(figure.joiner)
    };
    view! {
        <article class="figure-card" data-figure=figure.id>
            <p class="figure-value">{value}</p>
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
