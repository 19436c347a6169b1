//! Notices: what the app tells the reader when it ignored or reset something they
//! supplied (a query parameter, a stored setting). Shown until dismissed.

use leptos::prelude::*;

use crate::ui::route::use_location;

use crate::base::page::Page;
use crate::domain::pages::GLOBAL_QUERY_KEYS;
use crate::domain::prefs::PrefNotice;
use crate::domain::query::{IgnoredValue, summarize, unknown_keys};
use crate::i18n::Key;
use crate::ui::app::BasePath;
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

/// One notice: its text, and a dismiss button where it can be dismissed. The one
/// markup for every notice of the app.
pub fn notice_box(
    code: &'static str,
    text: Signal<String>,
    dismiss: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="notice" role="status" data-notice=code>
            <p>{move || text.get()}</p>
            {dismiss
                .map(|dismiss| {
                    view! {
                        <button
                            type="button"
                            class="notice-dismiss"
                            aria-label=t(Key::NoticesDismiss)
                            title=t(Key::NoticesDismiss)
                            on:click=move |_| dismiss.run(())
                        >
                            "×"
                        </button>
                    }
                })}
        </div>
    }
}

/// The notice a page shows for the values of its query string it could not use
/// (`key=value`, the first four and how many more), worded by `text` with its
/// `{{ list }}`; nothing while every value was used.
pub fn ignored_values_notice(
    code: &'static str,
    text: Key,
    ignored: impl Fn() -> Vec<IgnoredValue> + Send + Sync + 'static,
) -> impl IntoView {
    ignored_notice(code, text, Vec::new(), move || {
        ignored()
            .iter()
            .map(|i| format!("{}={}", i.key, i.value))
            .collect()
    })
}

/// The notice for settings a reader's link holds that could not be used, listed as
/// given (the first four and how many more) in `text`'s `{{ list }}`, with `args` for
/// its other placeholders; nothing while the list is empty.
pub fn ignored_notice(
    code: &'static str,
    text: Key,
    args: Vec<(&'static str, &'static str)>,
    ignored: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let ignored = ignored();
        (!ignored.is_empty()).then(|| {
            let list = summarize(&ignored, 4);
            let args = args.clone();
            let text = t_fill(text, move || {
                let mut filled: Vec<(&'static str, String)> =
                    args.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
                filled.push(("list", list.clone()));
                filled
            });
            notice_box(code, Signal::derive(text), None)
        })
    }
}

/// The notice list, rendered as a polite live region above the page content.
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <section class="notices" aria-label=t(Key::NoticesLabel) aria-live="polite">
            <IgnoredParamsNotice />
            {move || {
                notices
                    .0
                    .get()
                    .into_iter()
                    .map(|(id, notice)| {
                        let code = notice_code(&notice);
                        let text = Signal::derive(notice_text(notice));
                        notice_box(code, text, Some(Callback::new(move |()| notices.dismiss(id))))
                    })
                    .collect_view()
            }}
        </section>
    }
}

/// Names the query-string keys the current page does not read, so a mistyped or
/// stale link is noticed rather than silently half-applied.
#[component]
fn IgnoredParamsNotice() -> impl IntoView {
    let location = use_location();
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    let dismissed_for = RwSignal::new(None::<String>);
    let ignored = Memo::new(move |_| {
        let search = location.search.get();
        let page_keys = Page::from_location(&location.pathname.get(), &base)
            .map_or(&[][..], crate::domain::pages::query_keys);
        let known: Vec<&str> = GLOBAL_QUERY_KEYS.iter().chain(page_keys).copied().collect();
        let unknown = unknown_keys(&search, &known);
        // Dismissed for this page and these keys: a change to the rest of the
        // address (a view, the language) does not bring it back.
        let said = format!("{}?{}", location.pathname.get(), unknown.join("&"));
        (!unknown.is_empty() && dismissed_for.get().as_deref() != Some(said.as_str()))
            .then(|| (said, summarize(&unknown, 5)))
    });
    move || {
        ignored.get().map(|(search, names)| {
            let text = t_fill(Key::NoticesIgnoredParams, move || {
                vec![("names", names.clone())]
            });
            let dismiss = Callback::new(move |()| dismissed_for.set(Some(search.clone())));
            notice_box("ignored-params", Signal::derive(text), Some(dismiss))
        })
    }
}

fn notice_code(notice: &PrefNotice) -> &'static str {
    match notice {
        PrefNotice::IgnoredLangParam(_) => "ignored-lang-param",
        PrefNotice::ResetStoredLang(_) => "reset-stored-lang",
        PrefNotice::ResetStoredTheme(_) => "reset-stored-theme",
    }
}

/// The notice's text, following the language.
fn notice_text(notice: PrefNotice) -> impl Fn() -> String + Send + Sync + 'static {
    let (key, value) = match notice {
        PrefNotice::IgnoredLangParam(value) => (Key::NoticesBadLangParam, value),
        PrefNotice::ResetStoredLang(value) => (Key::NoticesResetLang, value),
        PrefNotice::ResetStoredTheme(value) => (Key::NoticesResetTheme, value),
    };
    t_fill(key, move || vec![("value", value.clone())])
}
