//! The questions as a form of Leptos views bound to the answers: one fieldset per
//! question, a radio per answer whose `checked` property follows the answers, and on
//! phones a stepper that shows one question at a time (`data-step`, see the CSS).

use leptos::prelude::*;

use crate::domain::wizard::text::{answer_key, question_key};
use crate::domain::wizard::{Answer, Answers, Question};
use crate::i18n::Key;
use crate::ui::i18n::{t, use_lang};

/// The stepper's last step.
const LAST: usize = Question::ALL.len() - 1;

/// The questions and the stepper. `on_answer` gets each answer the reader picks.
#[component]
pub(super) fn QuestionsForm(answers: Memo<Answers>, on_answer: Callback<Answer>) -> impl IntoView {
    let lang = use_lang();
    let step = RwSignal::new(0usize);
    let step_text = move || {
        Key::WizardStep.fill(
            lang.get(),
            &[
                ("n", &(step.get() + 1).to_string()),
                ("total", &Question::ALL.len().to_string()),
            ],
        )
    };
    let fieldsets = Question::ALL
        .into_iter()
        .map(|q| {
            let radios = q
                .answers()
                .into_iter()
                .map(|answer| {
                    let id = format!("q-{}-{}", q.key(), answer.code());
                    let label_for = id.clone();
                    view! {
                        <label for=label_for>
                            <input
                                type="radio"
                                id=id
                                name=q.key()
                                value=answer.code()
                                prop:checked=move || answers.with(|a| a.get(q) == answer)
                                on:change=move |_| on_answer.run(answer)
                            />
                            {t(answer_key(answer))}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset data-q=q.index().to_string()>
                    <legend>{t(question_key(q))}</legend>
                    {radios}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <form
            class="questions"
            data-step=move || step.get().to_string()
            on:submit=|ev| ev.prevent_default()
        >
            {fieldsets}
        </form>
        <div class="stepper">
            <button
                type="button"
                disabled=move || step.get() == 0
                on:click=move |_| step.update(|s| *s = s.saturating_sub(1))
            >
                {t(Key::WizardBack)}
            </button>
            <span aria-live="polite">{step_text}</span>
            <button
                type="button"
                disabled=move || { step.get() >= LAST }
                on:click=move |_| step.update(|s| *s = (*s + 1).min(LAST))
            >
                {t(Key::WizardNext)}
            </button>
        </div>
    }
}
