//! Translations. The keys and texts are generated from `locales/en.json` and
//! `locales/zh.json` by `build.rs`; this module adds language selection and the
//! `{{ name }}` placeholders. Pure Rust: tested natively.

use crate::base::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

impl Key {
    /// The text in the given language.
    pub const fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0.en,
            Lang::Zh => self.0.zh,
        }
    }

    /// The text in `locales/en.json`.
    pub const fn en(self) -> &'static str {
        self.0.en
    }

    /// The text in `locales/zh.json` (English where it has none, with a build warning).
    pub const fn zh(self) -> &'static str {
        self.0.zh
    }

    /// The dotted id of the key in the locale files, `app.skip` (for tests and
    /// messages: it searches every key).
    pub fn id(self) -> &'static str {
        Key::ALL
            .iter()
            .position(|key| *key == self)
            .map_or("", |i| Key::IDS[i])
    }
}

/// Keys are the same when they are the same texts (each key's are a static of its own).
impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Key {}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({:?})", self.0.en)
    }
}

impl Key {
    /// The text with each `{{ name }}` placeholder replaced by its value.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.text(lang), args)
    }
}

/// Replaces `{{ name }}` (spaces optional) with the matching value. Placeholders with
/// no value are left as they are, so a forgotten argument shows rather than vanishes.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the placeholders in a text, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.push(after[..end].trim());
        rest = &after[end + 2..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("No page at {{ path }}.", &[("path", "/x")]),
            "No page at /x."
        );
        assert_eq!(fill("{{a}}+{{ b }}", &[("a", "1"), ("b", "2")]), "1+2");
    }

    #[test]
    fn values_are_not_reinterpreted() {
        assert_eq!(fill("{{ v }}", &[("v", "{{ v }}")]), "{{ v }}");
    }

    #[test]
    fn unknown_or_unclosed_placeholders_stay_visible() {
        assert_eq!(fill("a {{ missing }} b", &[]), "a {{ missing }} b");
        assert_eq!(fill("a {{ open", &[("open", "x")]), "a {{ open");
    }

    #[test]
    fn lists_placeholders() {
        assert_eq!(placeholders("{{ a }} and {{b}}"), vec!["a", "b"]);
        assert!(placeholders("none").is_empty());
    }

    #[test]
    fn generated_keys_have_text_in_both_languages() {
        assert!(Key::ALL.len() > 20);
        assert_eq!(Key::AppSkip.id(), "app.skip");
        assert_eq!(Key::LangZh.text(Lang::En), "中文");
        assert_ne!(
            Key::NavOverview.text(Lang::En),
            Key::NavOverview.text(Lang::Zh)
        );
    }
}
