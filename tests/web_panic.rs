//! Layer 2: the panic panel replaces the page with a visible, translated error.
//! A file of its own, because the panel wipes the page it runs in.
#![cfg(target_arch = "wasm32")]

use container_atlas::base::lang::Lang;
use container_atlas::i18n::Key;
use container_atlas::ui::panic::show_panic_panel;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn panic_panel_is_translated_and_quotes_the_message() {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .document_element()
        .unwrap()
        .set_attribute("lang", "zh")
        .unwrap();
    let app = document.create_element("div").unwrap();
    app.set_id(container_atlas::ui::ROOT_ID);
    app.set_text_content(Some("the app before the panic"));
    document.body().unwrap().append_child(&app).unwrap();
    show_panic_panel("index out of bounds: <script>");
    let panel = document
        .get_element_by_id("panic-panel")
        .expect("the panel is shown");
    assert_eq!(
        panel.parent_element().unwrap().id(),
        container_atlas::ui::ROOT_ID
    );
    assert!(
        !app.text_content()
            .unwrap()
            .contains("the app before the panic")
    );
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains(Key::PanicTitle.text(Lang::Zh)));
    assert!(text.contains("index out of bounds: <script>"));
    assert!(panel.query_selector("script").unwrap().is_none());
    let reload = panel.query_selector("a.panic-reload").unwrap().unwrap();
    assert!(reload.get_attribute("href").is_some_and(|h| !h.is_empty()));
}
