//! The report as data: embedded in the binary, never fetched. Each record names the
//! report section it comes from, so every figure on screen can be traced back.

pub mod charts;
pub mod facts;
pub mod figures;
pub mod gpus;
pub mod headline;
pub mod notes;
pub mod sections;
pub mod sources;
pub mod tech;
pub mod wasm_claims;
pub mod wasm_features;
pub mod wizard_presets;

/// The report this app is built on.
pub mod report {
    use crate::base::lang::Text;

    pub const TITLE: Text = Text {
        en: "Container Technology Update Report, October 2025",
        zh: "2025年10月容器技术更新报告",
    };
    /// The report's own "last updated" date (文档信息 · 更新日期).
    pub const DATE: &str = "2025-10-19";
    pub const VERSION: &str = "1.0";
}
