//! Notices: what the app tells the reader when it ignored or reset something they
//! supplied (a query parameter, a stored setting). Shown until dismissed.

use leptos::prelude::*;

use crate::domain::prefs::PrefNotice;
use crate::i18n::Key;
use crate::ui::i18n::{t, t_fill};

/// The notices on screen, shared through context.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<(usize, PrefNotice)>>);

impl Notices {
    /// Creates the list and provides it to the component tree.
    pub fn provide() -> Notices {
        let notices = Notices(RwSignal::new(Vec::new()));
        provide_context(notices);
        notices
    }

    pub fn push(self, notice: PrefNotice) {
        self.0.update(|list| {
            let id = list.last().map_or(0, |(id, _)| id + 1);
            list.push((id, notice));
        });
    }

    fn dismiss(self, id: usize) {
        self.0.update(|list| list.retain(|(other, _)| *other != id));
    }
}

/// The notice list, rendered as a polite live region above the page content.
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <section class="notices" aria-label=t(Key::NoticesLabel) aria-live="polite">
            <For each=move || notices.0.get() key=|(id, _)| *id let((id, notice))>
                <div class="notice" role="status" data-notice=notice_code(&notice)>
                    {notice_text(notice.clone())}
                    <button
                        type="button"
                        class="notice-dismiss"
                        aria-label=t(Key::NoticesDismiss)
                        title=t(Key::NoticesDismiss)
                        on:click=move |_| notices.dismiss(id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </section>
    }
}

fn notice_code(notice: &PrefNotice) -> &'static str {
    match notice {
        PrefNotice::IgnoredLangParam(_) => "ignored-lang-param",
        PrefNotice::ResetStoredLang(_) => "reset-stored-lang",
        PrefNotice::ResetStoredTheme(_) => "reset-stored-theme",
    }
}

fn notice_text(notice: PrefNotice) -> impl IntoView {
    let (key, value) = match notice {
        PrefNotice::IgnoredLangParam(value) => (Key::NoticesBadLangParam, value),
        PrefNotice::ResetStoredLang(value) => (Key::NoticesResetLang, value),
        PrefNotice::ResetStoredTheme(value) => (Key::NoticesResetTheme, value),
    };
    view! { <p>{t_fill(key, move || vec![("value", value.clone())])}</p> }
}
