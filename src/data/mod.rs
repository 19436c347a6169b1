//! The report as data: embedded in the binary, never fetched. Each record names the
//! report section it comes from, so every figure on screen can be traced back.

pub mod charts;
pub mod facts;
pub mod figures;
pub mod headline;
pub mod notes;
pub mod sections;
pub mod tech;
pub mod wasm_claims;

/// Text written in both of the app's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    /// The text in the given language.
    pub const fn get(self, lang: crate::domain::prefs::Lang) -> &'static str {
        match lang {
            crate::domain::prefs::Lang::En => self.en,
            crate::domain::prefs::Lang::Zh => self.zh,
        }
    }
}

/// The report this app is built on.
pub mod report {
    use super::Text;

    pub const TITLE: Text = Text {
        en: "Container Technology Update Report, October 2025",
        zh: "2025年10月容器技术更新报告",
    };
    /// The report's own "last updated" date (文档信息 · 更新日期).
    pub const DATE: &str = "2025-10-19";
    pub const VERSION: &str = "1.0";
}
