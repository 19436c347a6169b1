//! Layer 2: components in headless Chromium. The app shell mounts, the language switch
//! changes the text and `<html lang>`, the theme switch changes `<html data-theme>`.
#![cfg(target_arch = "wasm32")]

use container_atlas::domain::pages::Page;
use container_atlas::domain::prefs::Lang;
use container_atlas::i18n::Key;
use container_atlas::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn root_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

/// Mounts a fresh app in its own container, with the given query string and nothing
/// in localStorage but the given entries.
async fn mount_with(search: &str, stored: &[(&str, &str)]) -> Element {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    for (key, value) in stored {
        storage.set_item(key, value).unwrap();
    }
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        )
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    // Keep the app mounted for the rest of the test page.
    std::mem::forget(handle);
    leptos::task::tick().await;
    container.unchecked_into()
}

async fn mount(search: &str) -> Element {
    mount_with(search, &[]).await
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn shell_mounts_with_header_navigation_and_footer() {
    let app = mount("?lang=en").await;
    assert_eq!(text(&app, ".brand-name"), Key::AppName.text(Lang::En));
    let links = app.query_selector_all(".site-nav a").unwrap();
    assert_eq!(links.length() as usize, Page::ALL.len());
    for (i, page) in Page::ALL.iter().enumerate() {
        let link: Element = links.item(i as u32).unwrap().unchecked_into();
        assert!(link.get_attribute("href").unwrap().ends_with(page.path()));
    }
    assert!(text(&app, ".site-footer").contains("2025-10-19"));
    assert!(
        find(&app, ".site-footer a")
            .get_attribute("href")
            .unwrap()
            .ends_with("/data")
    );
    assert!(
        find(&app, "main h1")
            .text_content()
            .is_some_and(|t| !t.is_empty())
    );
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_and_html_lang() {
    let app = mount("?lang=en").await;
    assert_eq!(root_attr("lang").as_deref(), Some("en"));
    let english = text(&app, ".site-nav a");
    assert_eq!(english, Key::NavOverview.text(Lang::En));

    click(&app, "button[data-lang=zh]").await;
    assert_eq!(text(&app, ".site-nav a"), Key::NavOverview.text(Lang::Zh));
    assert_eq!(text(&app, ".brand-name"), Key::AppName.text(Lang::Zh));
    assert_eq!(root_attr("lang").as_deref(), Some("zh"));
    assert_eq!(
        find(&app, "button[data-lang=zh]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("atlas.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("zh"));
    // The `?lang=en` that opened the page must not undo the switch on reload.
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?lang=zh");

    click(&app, "button[data-lang=en]").await;
    assert_eq!(text(&app, ".site-nav a"), english);
    assert_eq!(root_attr("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn theme_switch_sets_the_theme_attribute() {
    let app = mount("").await;
    assert_eq!(root_attr("data-theme").as_deref(), Some("system"));
    for choice in ["dark", "light", "system"] {
        click(&app, &format!("button[data-theme-choice={choice}]")).await;
        assert_eq!(root_attr("data-theme").as_deref(), Some(choice));
        let pressed = find(&app, &format!("button[data-theme-choice={choice}]"));
        assert_eq!(
            pressed.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
    }
}

#[wasm_bindgen_test]
async fn unknown_lang_parameter_shows_a_notice_and_keeps_going() {
    let app = mount("?lang=%3Cb%3Efr%3C%2Fb%3E").await;
    let notice = find(&app, ".notice[data-notice=ignored-lang-param]");
    let shown = notice.text_content().unwrap();
    assert!(
        shown.contains("<b>fr</b>"),
        "the value is quoted as text: {shown}"
    );
    assert!(
        notice.query_selector("b").unwrap().is_none(),
        "no markup is injected"
    );
    click(&app, ".notice-dismiss").await;
    assert!(app.query_selector(".notice").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn corrupt_stored_theme_is_reset_with_a_notice() {
    let app = mount_with("", &[("atlas.theme", "{not json"), ("atlas.lang", "zh")]).await;
    assert!(
        app.query_selector(".notice[data-notice=reset-stored-theme]")
            .unwrap()
            .is_some()
    );
    assert_eq!(root_attr("data-theme").as_deref(), Some("system"));
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("atlas.theme").unwrap().as_deref(),
        Some("system")
    );
    // The valid language beside it is kept.
    assert_eq!(root_attr("lang").as_deref(), Some("zh"));
}
