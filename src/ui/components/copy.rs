//! A "copy" button: puts text on the clipboard, or, when the browser refuses or keeps
//! the promise waiting, shows the text selected for copying by hand.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::ui::i18n::{t, use_lang};

#[component]
pub fn CopyButton(
    /// The button's label.
    label: Key,
    /// What the status line says once the text is on the clipboard: what was copied.
    copied: Key,
    /// The text to copy, made when the button is pressed.
    text: Callback<(), String>,
    /// The `data-copy` value that names the button in markup.
    name: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(None::<bool>);
    let shown = RwSignal::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let show_text = move || {
        state.set(Some(false));
        // Once the text area is shown, select its text.
        request_animation_frame(move || {
            if let Some(area) = area.get_untracked() {
                area.select();
            }
        });
    };
    let on_click = move |_| {
        state.set(None);
        let value = text.run(());
        shown.set(value.clone());
        let promise = window().navigator().clipboard().write_text(&value);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => state.set(Some(true)),
                Err(_) => show_text(),
            }
        });
        set_timeout(
            move || {
                if state.get_untracked().is_none() {
                    show_text();
                }
            },
            std::time::Duration::from_millis(1500),
        );
    };
    let message = move || match state.get() {
        Some(true) => copied.text(lang.get()),
        Some(false) => Key::CopyFailed.text(lang.get()),
        None => "",
    };
    view! {
        <div class="copy">
            <button type="button" class="link-button" data-copy=name on:click=on_click>{t(label)}</button>
            <p class="copy-status" role="status">{message}</p>
            <textarea
                class="markdown"
                readonly=true
                node_ref=area
                hidden=move || state.get() != Some(false)
                aria-label=t(label)
                prop:value=move || shown.get()
            ></textarea>
        </div>
    }
}
