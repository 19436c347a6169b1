//! Thin, failure-tolerant wrappers over the browser APIs the app touches. Every call
//! may fail (storage disabled, no window in a worker): failures read as "absent".

use web_sys::{Storage, Window};

/// The window; never natively, where the app only renders HTML (the pre-rendered
/// pages, the render tests) and a browser call would panic.
fn window() -> Option<Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn local_storage() -> Option<Storage> {
    window()?.local_storage().ok().flatten()
}

/// The stored value of `key`, if storage is available and holds one.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; quietly does nothing when storage is unavailable.
pub fn storage_set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The current query string, with its leading `?` (or empty).
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current path (`/zh/gpus`).
pub fn location_pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// The current fragment, with its leading `#` (or empty).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The browser's address.
pub fn address() -> crate::domain::address::Address {
    crate::domain::address::Address::new(&location_pathname(), &location_search(), &location_hash())
}

/// Writes `url` into the browser's history, as a new entry (`push`) or in place of the
/// current one, without loading it.
pub fn write_address(url: &str, push: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
    } else {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        history.replace_state_with_url(&state, "", Some(url))
    };
}

/// Scrolls to the element the fragment names (`#gpu-fp16`), or to the top when there
/// is none, as a new page opens.
pub fn scroll_to_fragment(hash: &str) {
    let Some(window) = window() else { return };
    let id = hash.trim_start_matches('#');
    let target = (!id.is_empty())
        .then(|| window.document()?.get_element_by_id(id))
        .flatten();
    match target {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The document's base URL, if the page has a `<base>` element (Trunk writes one
/// with the public URL the build was made for).
pub fn base_href() -> Option<String> {
    let document = window()?.document()?;
    document.query_selector("base").ok()??;
    document.base_uri().ok()?
}

/// Marks the moment a page's main content is in the DOM (`atlas:content`), for the
/// time-to-content figure in `bench/` and the lab's start figures.
pub fn mark_content_ready() {
    mark(CONTENT_MARK);
}

/// Sets a performance mark.
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The mark set when the app's own code first runs (the wasm compiled and
/// instantiated), for the lab's start figures.
pub const START_MARK: &str = "atlas:start";

/// The mark set once the app has taken over the page (hydrated or mounted) and
/// applied what the pre-rendered HTML could not know: from here it answers clicks.
pub const READY_MARK: &str = "atlas:ready";

/// The mark set when the app has hydrated a pre-rendered page (rather than drawn one).
pub const HYDRATED_MARK: &str = "atlas:hydrated";

/// The name of the performance mark set by [`mark_content_ready`].
pub const CONTENT_MARK: &str = "atlas:content";

/// Offers `content` as a file download, generated in the page (no request is made).
/// The object URL is revoked when it drops, after the click has started the download.
pub fn download(file_name: &str, mime: &str, content: &str) -> Option<()> {
    save_blob(
        gloo_file::Blob::new_with_options(content, Some(mime)),
        file_name,
    )
}

/// Offers `content` as a file download, as [`download`] does for text.
pub fn download_bytes(file_name: &str, mime: &str, content: &[u8]) -> Option<()> {
    save_blob(
        gloo_file::Blob::new_with_options(content, Some(mime)),
        file_name,
    )
}

fn save_blob(blob: gloo_file::Blob, file_name: &str) -> Option<()> {
    let url = gloo_file::ObjectUrl::from(blob);
    save_as(&url, file_name)
}

/// Saves what `url` names (an object or `data:` URL) under `file_name`, as a click on
/// a download link would.
pub fn save_as(url: &str, file_name: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Some(())
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Sets an attribute of the `<html>` element.
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Reads an attribute of the `<html>` element.
pub fn root_attribute(name: &str) -> Option<String> {
    window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}
