//! The reader's preferences: language and theme. Where each comes from, which source
//! wins, and what to tell the reader when a source holds something unusable.

use super::query::{abbreviate, get_param};
use crate::base::lang::Lang;

/// The query-string key that chooses the language (`?lang=zh`).
pub const LANG_PARAM: &str = "lang";
/// localStorage key of the chosen language.
pub const LANG_STORAGE_KEY: &str = "atlas.lang";
/// localStorage key of the chosen theme.
pub const THEME_STORAGE_KEY: &str = "atlas.theme";
/// How much of a rejected value a notice quotes.
const QUOTE_CHARS: usize = 40;

/// Light, dark, or whatever the operating system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ThemePref {
    Light,
    Dark,
    #[default]
    System,
}

impl ThemePref {
    pub const ALL: [ThemePref; 3] = [ThemePref::Light, ThemePref::Dark, ThemePref::System];

    /// The value stored in localStorage and in `<html data-theme>`.
    pub const fn code(self) -> &'static str {
        match self {
            ThemePref::Light => "light",
            ThemePref::Dark => "dark",
            ThemePref::System => "system",
        }
    }

    pub fn parse(code: &str) -> Option<ThemePref> {
        ThemePref::ALL.into_iter().find(|t| t.code() == code.trim())
    }
}

/// Something the reader should know about how their preferences were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrefNotice {
    /// `?lang=` named a language the app does not have; the quoted value was ignored.
    IgnoredLangParam(String),
    /// localStorage held an unreadable language; it was reset.
    ResetStoredLang(String),
    /// localStorage held an unreadable theme; it was reset.
    ResetStoredTheme(String),
}

/// The language to start in, and what to tell the reader about how it was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LangChoice {
    pub lang: Lang,
    pub notices: Vec<PrefNotice>,
    /// The stored value must be rewritten (it was corrupt, or `?lang=` overrides it).
    pub store: bool,
}

/// Chooses the starting language: a valid `?lang=` wins (and is remembered), then a
/// valid stored choice, then the browser's languages.
pub fn choose_lang<S: AsRef<str>>(search: &str, stored: Option<&str>, browser: &[S]) -> LangChoice {
    let mut notices = Vec::new();
    let from_query = match get_param(search, LANG_PARAM) {
        Some(value) => {
            let parsed = Lang::parse(&value);
            if parsed.is_none() {
                notices.push(PrefNotice::IgnoredLangParam(abbreviate(
                    &value,
                    QUOTE_CHARS,
                )));
            }
            parsed
        }
        None => None,
    };
    let from_storage = match stored {
        Some(value) => {
            let parsed = Lang::parse(value);
            if parsed.is_none() {
                notices.push(PrefNotice::ResetStoredLang(abbreviate(value, QUOTE_CHARS)));
            }
            parsed
        }
        None => None,
    };
    let lang = from_query
        .or(from_storage)
        .unwrap_or_else(|| Lang::negotiate(browser));
    let store = (from_query.is_some() && from_query != from_storage)
        || (stored.is_some() && from_storage.is_none());
    LangChoice {
        lang,
        notices,
        store,
    }
}

/// Chooses the starting theme from localStorage; a corrupt value falls back to
/// following the system, with a notice.
pub fn choose_theme(stored: Option<&str>) -> (ThemePref, Option<PrefNotice>) {
    match stored {
        None => (ThemePref::System, None),
        Some(value) => match ThemePref::parse(value) {
            Some(theme) => (theme, None),
            None => (
                ThemePref::System,
                Some(PrefNotice::ResetStoredTheme(abbreviate(value, QUOTE_CHARS))),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_BROWSER: [&str; 0] = [];

    #[test]
    fn negotiates_from_browser_tags() {
        assert_eq!(Lang::negotiate(&["zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::negotiate(&["fr-FR", "zh_TW"]), Lang::Zh);
        assert_eq!(Lang::negotiate(&["en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::negotiate(&["de", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate(&NO_BROWSER), Lang::En);
    }

    #[test]
    fn query_beats_storage_beats_browser() {
        let c = choose_lang("?lang=zh", Some("en"), &["en"]);
        assert_eq!((c.lang, c.store), (Lang::Zh, true));
        assert!(c.notices.is_empty());

        let c = choose_lang("", Some("zh"), &["en"]);
        assert_eq!((c.lang, c.store), (Lang::Zh, false));

        let c = choose_lang("?other=1", None, &["zh-Hans-CN"]);
        assert_eq!((c.lang, c.store), (Lang::Zh, false));
    }

    #[test]
    fn same_query_and_storage_needs_no_write() {
        let c = choose_lang("?lang=EN", Some("en"), &["zh"]);
        assert_eq!((c.lang, c.store), (Lang::En, false));
    }

    #[test]
    fn bad_query_value_is_ignored_with_a_notice() {
        let c = choose_lang("?lang=%3Cscript%3E", Some("zh"), &["en"]);
        assert_eq!(c.lang, Lang::Zh);
        assert_eq!(
            c.notices,
            vec![PrefNotice::IgnoredLangParam("<script>".into())]
        );
        assert!(!c.store);
    }

    #[test]
    fn corrupt_storage_is_reset_with_a_notice() {
        let c = choose_lang("", Some("{\"broken"), &["zh-CN"]);
        assert_eq!(c.lang, Lang::Zh);
        assert!(c.store);
        assert_eq!(
            c.notices,
            vec![PrefNotice::ResetStoredLang("{\"broken".into())]
        );
    }

    #[test]
    fn huge_values_are_quoted_short() {
        let huge = "x".repeat(10_000);
        let c = choose_lang(&format!("?lang={huge}"), None, &NO_BROWSER);
        match &c.notices[0] {
            PrefNotice::IgnoredLangParam(quoted) => assert!(quoted.chars().count() <= 41),
            other => panic!("unexpected notice {other:?}"),
        }
    }

    #[test]
    fn theme_from_storage() {
        assert_eq!(choose_theme(None), (ThemePref::System, None));
        assert_eq!(choose_theme(Some("dark")), (ThemePref::Dark, None));
        assert_eq!(
            choose_theme(Some("neon")),
            (
                ThemePref::System,
                Some(PrefNotice::ResetStoredTheme("neon".into()))
            )
        );
        for theme in ThemePref::ALL {
            assert_eq!(ThemePref::parse(theme.code()), Some(theme));
        }
    }
}
