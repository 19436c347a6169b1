//! Language and theme: read once at start-up through the domain rules, then kept in
//! signals whose changes are written back to localStorage and `<html>`. A `?lang=` in
//! the address follows the language through `ui::query::keep_lang_in_query`.

use leptos::prelude::*;

use super::browser;
use super::i18n::LangSignal;
use super::notices::Notices;
use crate::base::lang::Lang;
use crate::domain::prefs::{
    LANG_STORAGE_KEY, THEME_STORAGE_KEY, ThemePref, choose_lang, choose_theme,
};

/// The reader's theme preference, shared through context.
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<ThemePref>);

/// Reads the starting preferences, provides them as context, and keeps the browser in
/// step with every later change.
pub fn provide_prefs(notices: Notices) {
    let search = browser::location_search();
    let choice = choose_lang(
        &search,
        browser::storage_get(LANG_STORAGE_KEY).as_deref(),
        &browser::navigator_languages(),
    );
    if choice.store {
        browser::storage_set(LANG_STORAGE_KEY, choice.lang.code());
    }
    for notice in choice.notices {
        notices.push(notice);
    }
    let (theme, theme_notice) = choose_theme(browser::storage_get(THEME_STORAGE_KEY).as_deref());
    if let Some(notice) = theme_notice {
        browser::storage_set(THEME_STORAGE_KEY, theme.code());
        notices.push(notice);
    }

    // Set <html> now, so the first paint already has the right language and colors.
    apply_lang(choice.lang, false);
    apply_theme(theme, false);

    let lang = RwSignal::new(choice.lang);
    let theme = RwSignal::new(theme);
    provide_context(LangSignal(lang));
    provide_context(ThemeSignal(theme));

    Effect::new(move |previous: Option<Lang>| {
        let current = lang.get();
        if previous.is_some_and(|p| p != current) {
            apply_lang(current, true);
        }
        current
    });
    Effect::new(move |previous: Option<ThemePref>| {
        let current = theme.get();
        if previous.is_some_and(|p| p != current) {
            apply_theme(current, true);
        }
        current
    });
}

fn apply_lang(lang: Lang, remember: bool) {
    browser::set_root_attribute("lang", lang.code());
    if remember {
        // The address follows in the language switch, through the router.
        browser::storage_set(LANG_STORAGE_KEY, lang.code());
    }
}

fn apply_theme(theme: ThemePref, remember: bool) {
    browser::set_root_attribute("data-theme", theme.code());
    if remember {
        browser::storage_set(THEME_STORAGE_KEY, theme.code());
    }
}
