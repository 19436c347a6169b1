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

/// What to tell the reader about the language sources the address does not decide: a
/// `?lang=` the boot script could not use (it moves a valid one into the path), and a
/// stored choice that is unreadable (`true`: rewrite it).
pub fn lang_notices(search: &str, stored: Option<&str>) -> (Vec<PrefNotice>, bool) {
    let mut notices = Vec::new();
    if let Some(value) = get_param(search, LANG_PARAM)
        && Lang::parse(&value).is_none()
    {
        notices.push(PrefNotice::IgnoredLangParam(abbreviate(
            &value,
            QUOTE_CHARS,
        )));
    }
    let reset = stored.is_some_and(|value| Lang::parse(value).is_none());
    if let Some(value) = stored.filter(|_| reset) {
        notices.push(PrefNotice::ResetStoredLang(abbreviate(value, QUOTE_CHARS)));
    }
    (notices, reset)
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

    #[test]
    fn usable_sources_need_no_notice() {
        assert_eq!(lang_notices("?lang=zh", Some("en")), (vec![], false));
        assert_eq!(lang_notices("", None), (vec![], false));
        assert_eq!(lang_notices("?other=1", Some("zh")), (vec![], false));
    }

    #[test]
    fn bad_query_value_is_ignored_with_a_notice() {
        let (notices, reset) = lang_notices("?lang=%3Cscript%3E", Some("zh"));
        assert_eq!(
            notices,
            vec![PrefNotice::IgnoredLangParam("<script>".into())]
        );
        assert!(!reset);
    }

    #[test]
    fn corrupt_storage_is_reset_with_a_notice() {
        let (notices, reset) = lang_notices("", Some("{\"broken"));
        assert!(reset);
        assert_eq!(
            notices,
            vec![PrefNotice::ResetStoredLang("{\"broken".into())]
        );
    }

    #[test]
    fn huge_values_are_quoted_short() {
        let huge = "x".repeat(10_000);
        let (notices, _) = lang_notices(&format!("?lang={huge}"), None);
        match &notices[0] {
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
