//! Container Atlas: the October 2025 container-technology report as an explorable,
//! bilingual single-page app.
//!
//! Three layers over a shared vocabulary, with dependencies pointing one way
//! (`tests/architecture.rs` checks it):
//! - [`base`]: the vocabulary every layer uses (languages, pages, quantities, the
//!   wizard's answers); it uses nothing else of the crate;
//! - [`data`]: the report as typed values, embedded in the binary;
//! - [`domain`]: pure logic (preferences, query strings, charts, the wizard, the lab),
//!   tested natively;
//! - [`ui`]: Leptos components, one file per page.
//!
//! [`i18n`] holds every visible string of the UI, in Chinese and English.
// The server-side renderer resolves each page's view type recursively; the
// playground's is deep.
#![recursion_limit = "256"]

pub mod base;
pub mod data;
pub mod domain;
pub mod i18n;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
