//! The reader's language as shared reactive state, and reactive translations of
//! [`Key`]s for components.

use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::i18n::Key;

/// The reader's language, shared through context.
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// The reader's language signal. Panics outside the app's component tree.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<LangSignal>().0
}

/// The text of `key`, following the language: `{t(Key::NavOverview)}`.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || key.text(lang.get())
}

/// The text of `key` with its `{{ name }}` placeholders filled from `args`, following
/// the language and the arguments' own signals.
pub fn t_fill<F>(key: Key, args: F) -> impl Fn() -> String + Send + Sync + 'static
where
    F: Fn() -> Vec<(&'static str, String)> + Send + Sync + 'static,
{
    let lang = use_lang();
    move || {
        let values = args();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        key.fill(lang.get(), &pairs)
    }
}
