//! The wizard page (`/wizard`): questions, the report's five profiles as presets, a
//! ranked and explained recommendation, what would change it, a side-by-side
//! comparison, Markdown to copy, and how the engine works. Every answer lives in
//! the query string; the engine is `domain::wizard`.
//!
//! The controls (the questions, the stepper, the comparison's pickers) are Leptos
//! views bound to the answers (`form.rs`, `compare.rs`). Long runs of read-only
//! markup are escaped HTML (`ui/html.rs`), and the page's one click listener reads
//! the `data-*` attributes of their buttons (presets, ways out, suggested changes).

mod compare;
mod form;
mod how;
mod results;

use crate::ui::route::use_location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::base::page::Page;
use crate::base::quantity::number;
use crate::data::tech::{TECHNOLOGIES, Technology};
use crate::data::wizard_presets::PRESETS;
use crate::domain::wizard::text::to_markdown;
use crate::domain::wizard::{Answer, Answers, COMPARE_PARAM, rank};
use crate::i18n::Key;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::page_intro::PageIntro;
use crate::ui::i18n::{t, use_lang};
use crate::ui::notices::ignored_values_notice;
use crate::ui::query::{History, use_query_writer};
use compare::{ComparePickers, compare_table_html, compared};
use form::QuestionsForm;
use how::how_html;
use results::{presets_html, results_html};

/// The element an event came from, or its closest ancestor matching `selector`.
fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

#[component]
pub fn WizardPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let writer = use_query_writer();
    let parsed = Memo::new(move |_| Answers::from_search(&location.search.get()));
    let answers = Memo::new(move |_| parsed.get().0);
    let outcome = Memo::new(move |_| rank(&answers.get()));
    // Each answer is a step back in history: Back undoes it.
    let set_answers = move |a: Answers| writer.update(History::Push, |search| a.write_into(search));

    let on_answer = Callback::new(move |answer: Answer| {
        set_answers(answers.get_untracked().with(answer));
    });

    // Presets and results: markup with `data-*` buttons.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(button) = closest(&ev, "[data-preset]") {
            let index = button
                .get_attribute("data-preset")
                .and_then(|i| i.parse::<usize>().ok());
            if let Some(preset) = index.and_then(|i| PRESETS.get(i)) {
                set_answers(preset.answers);
            }
        } else if let Some(button) = closest(&ev, "[data-apply]") {
            let search = button.get_attribute("data-apply").unwrap_or_default();
            set_answers(Answers::from_search(&search).0);
        }
    };
    let presets_html = move || presets_html(&answers.get(), &outcome.get(), lang.get());
    let results_html = move || results_html(&answers.get(), &outcome.get(), lang.get());

    let pair = Memo::new(move |_| compared(&location.search.get(), &outcome.get()));
    let on_pick = Callback::new(move |(slot, tech): (usize, &'static Technology)| {
        let mut codes = pair.get_untracked().map(|t| t.code);
        codes[slot] = tech.code;
        let value = codes.join(",");
        writer.set(COMPARE_PARAM, Some(&value), History::Replace);
    });
    let compare_table =
        move || compare_table_html(&answers.get(), &outcome.get(), &pair.get(), lang.get());

    let markdown =
        Callback::new(move |()| to_markdown(&answers.get_untracked(), lang.get_untracked()));
    let how_html = move || how_html(&answers.get(), lang.get());
    let timed = RwSignal::new(None::<(usize, f64)>);
    let on_time = move |_| {
        let now = || window().performance().map_or(0.0, |p| p.now());
        let start = now();
        // Every combination, ranked in full (the count keeps the work from being skipped).
        let count = Answers::all()
            .filter(|a| rank(a).excluded.len() <= TECHNOLOGIES.len())
            .count();
        timed.set(Some((count, now() - start)));
    };
    let timed_text = move || {
        timed.get().map(|(count, ms)| {
            Key::WizardTimed.fill(
                lang.get(),
                &[
                    ("count", &count.to_string()),
                    ("ms", &number((ms * 10.0).round() / 10.0)),
                ],
            )
        })
    };

    view! {
        <div class="page wizard-page" data-page=Page::Wizard.path() on:click=on_click>
            <PageIntro page=Page::Wizard />
            {ignored_values_notice("wizard-ignored", Key::WizardIgnored, move || parsed.get().1)}
            <section class="presets" aria-labelledby="presets-title" inner_html=presets_html></section>
            <section class="questions-block" aria-labelledby="questions-title">
                <h2 id="questions-title">{t(Key::WizardQuestions)}</h2>
                <p class="note">{t(Key::WizardQuestionsLead)}</p>
                <QuestionsForm answers=answers on_answer=on_answer />
            </section>
            <section class="results" aria-live="polite" inner_html=results_html></section>
            <section class="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{t(Key::WizardCompare)}</h2>
                <ComparePickers pair=pair on_pick=on_pick />
                <div class="table-wrap" inner_html=compare_table></div>
            </section>
            <CopyButton label=Key::WizardCopy copied=Key::WizardCopied text=markdown name="markdown" />
            <section class="how" aria-labelledby="how-title">
                <div inner_html=how_html></div>
                <button type="button" class="link-button" data-time-engine="" on:click=on_time>{t(Key::WizardTime)}</button>
                <p class="timed" role="status">{timed_text}</p>
            </section>
        </div>
    }
}
