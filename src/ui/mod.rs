//! The UI layer: Leptos components that read data, call the domain layer and render.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod notices;
pub mod pages;
pub mod panic;
pub mod prefs;

/// Starts the app in the browser.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
