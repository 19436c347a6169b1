//! Domain logic: pure Rust, no Leptos and no web-sys, so that every rule here is
//! compiled and tested natively with `cargo test`.
//!
//! The UI layer reads browser state (query string, localStorage, navigator), hands the
//! raw strings to these functions, and renders what they decide.

pub mod address;
pub mod chart;
pub mod component;
pub mod data_view;
pub mod evidence;
pub mod export;
pub mod format;
pub mod inspect;
pub mod pages;
pub mod playground;
pub mod prefs;
pub mod query;
pub mod run;
pub mod scale;
pub mod wasm_lab;
pub mod wizard;
