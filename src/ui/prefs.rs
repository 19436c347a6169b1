//! Language and theme as signals whose changes are written back to localStorage and
//! `<html>`. The language is the address's (`/zh/…` Chinese, English otherwise) and
//! follows it; the theme starts as the pre-rendered page's and takes the stored choice
//! once the app has started (`<head>`'s boot script applied it before the first paint).

use crate::ui::route::use_location;
use leptos::prelude::*;

use super::browser;
use super::i18n::{LangSignal, use_lang};
use super::notices::Notices;
use crate::base::lang::Lang;
use crate::base::page::{Page, lang_of_location};
use crate::domain::prefs::{
    LANG_STORAGE_KEY, THEME_STORAGE_KEY, ThemePref, choose_theme, lang_notices,
};
use crate::ui::components::page_names::page_title;

/// The reader's theme preference, shared through context.
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<ThemePref>);

/// Provides the language (the address's) and the theme, and keeps the browser in step
/// with every later change. What storage and the address hold that the app cannot use
/// becomes a notice, once the app has started.
pub fn provide_prefs(notices: Notices, lang: Lang) {
    let lang = RwSignal::new(lang);
    let theme = RwSignal::new(ThemePref::default());
    provide_context(LangSignal(lang));
    provide_context(ThemeSignal(theme));

    super::after_start(move || {
        let stored_lang = browser::storage_get(LANG_STORAGE_KEY);
        let search = browser::location_search();
        let (lang_notices, reset) = lang_notices(&search, stored_lang.as_deref());
        if reset {
            browser::storage_set(LANG_STORAGE_KEY, lang.get_untracked().code());
        }
        let (stored_theme, theme_notice) =
            choose_theme(browser::storage_get(THEME_STORAGE_KEY).as_deref());
        if let Some(notice) = theme_notice {
            browser::storage_set(THEME_STORAGE_KEY, stored_theme.code());
            notices.push(notice);
        }
        for notice in lang_notices {
            notices.push(notice);
        }
        // `<html>` as the pre-rendered page has it (or, mounted, as it should).
        browser::set_root_attribute("lang", lang.get_untracked().code());
        browser::set_root_attribute("data-theme", stored_theme.code());
        theme.set(stored_theme);
    });

    Effect::new(move |previous: Option<Lang>| {
        let current = lang.get();
        if previous.is_some_and(|p| p != current) {
            apply_lang(current);
        }
        current
    });
    Effect::new(move |previous: Option<ThemePref>| {
        let current = theme.get();
        if previous.is_some_and(|p| p != current) {
            apply_theme(current);
        }
        current
    });
}

/// Keeps the language equal to the address's (after the language switch, a link to
/// the other language's page, and after Back or Forward), and the document's title
/// the page's, as the pre-rendered page has it. Under the app's location.
pub fn follow_address(base: String) {
    let lang = use_lang();
    let location = use_location();
    Effect::new(move |_| {
        let pathname = location.pathname.get();
        let wanted = lang_of_location(&pathname, &base);
        if lang.get_untracked() != wanted {
            lang.set(wanted);
        }
        browser::set_title(&page_title(Page::from_location(&pathname, &base), wanted));
    });
}

/// A language change (the switch, or Back and Forward over it): `<html lang>`, and the
/// language remembered for addresses without one, which the boot script applies. (The
/// boot script also remembers a switch followed before the app has started.)
fn apply_lang(lang: Lang) {
    browser::set_root_attribute("lang", lang.code());
    browser::storage_set(LANG_STORAGE_KEY, lang.code());
}

fn apply_theme(theme: ThemePref) {
    browser::set_root_attribute("data-theme", theme.code());
    browser::storage_set(THEME_STORAGE_KEY, theme.code());
}
