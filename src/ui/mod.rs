//! The UI layer: Leptos components that read data, call the domain layer and render.

pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
pub mod html;
pub mod i18n;
pub mod lab;
pub mod notices;
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod query;

/// The id of the element the app renders into (see `index.html`).
pub const ROOT_ID: &str = "app";

/// Starts the app in the browser, in `#app` (or the body, if a page lacks it).
pub fn start() {
    use wasm_bindgen::JsCast;
    browser::mark(browser::START_MARK);
    panic::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            // Whatever index.html shows before the wasm arrives gives way to the app.
            root.set_text_content(None);
            leptos::mount::mount_to(root, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
