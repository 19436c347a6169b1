//! The panic hook: instead of a blank page, a visible error panel in the reader's
//! language, with a reload link and the message to quote in a bug report.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::base::lang::Lang;
use crate::i18n::Key;
use crate::ui::browser;

static SHOWN: AtomicBool = AtomicBool::new(false);

/// Installs the hook. The console still gets the full panic message (with its source
/// location), for bug reports.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_panic_panel(&message);
    }));
}

/// Replaces the app (`#app`) with the error panel. Only the first panic is shown; DOM
/// failures here are ignored, since there is nothing left to fall back to.
pub fn show_panic_panel(message: &str) {
    if SHOWN.swap(true, Ordering::SeqCst) {
        return;
    }
    let lang = browser::root_attribute("lang")
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default();
    let _ = build_panel(lang, message);
}

fn build_panel(lang: Lang, message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let root = match document.get_element_by_id(super::ROOT_ID) {
        Some(root) => root,
        None => document.body()?.into(),
    };
    let element = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };

    let panel = document.create_element("div").ok()?;
    panel.set_id("panic-panel");
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;

    let title = element("h1", Key::PanicTitle.text(lang))?;
    let body_text = element("p", Key::PanicBody.text(lang))?;
    let reload = element("a", Key::PanicReload.text(lang))?;
    let href = web_sys::window()?.location().href().unwrap_or_default();
    reload.set_attribute("href", &href).ok()?;
    reload.set_class_name("panic-reload");
    // A reload, not a move within the app: the router leaves it to the browser.
    reload.set_attribute("rel", "external").ok()?;
    let details = document.create_element("details").ok()?;
    let summary = element("summary", Key::PanicDetails.text(lang))?;
    let pre = element("pre", message)?;
    details.append_child(&summary).ok()?;
    details.append_child(&pre).ok()?;

    for child in [&title, &body_text, &reload, &details] {
        panel.append_child(child).ok()?;
    }
    root.set_text_content(None);
    root.append_child(&panel).ok()?;
    Some(())
}
