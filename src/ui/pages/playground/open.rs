//! Where a binary comes from: a file (picked here, or dropped anywhere on the page),
//! an example, a lab module, this app's own wasm, or the text editor, which compiles
//! as one types; with the compiled binary's download and a link that shares the input.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::client;
use super::session::{State, Status, compile_now, compile_soon, open_bytes, open_file};
use super::tables;
use crate::data::wasm_features::FEATURES;
use crate::domain::inspect::examples;
use crate::domain::inspect::protocol::Stage;
use crate::domain::playground;
use crate::domain::wasm_lab::feature_module;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};

/// The "Open" section of the page.
#[component]
pub(super) fn OpenPanel(state: State) -> impl IntoView {
    let lang = use_lang();
    let on_text = move |ev: leptos::ev::Event| {
        state.text.set(event_target_value(&ev));
        compile_soon(state);
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open_file(state, file);
        }
        if let Some(input) = input {
            // Choosing the same file again opens it again.
            input.set_value("");
        }
    };
    let example_buttons = examples()
        .into_iter()
        .map(|example| {
            let open = move |_| {
                state.text.set(example.source.to_owned());
                state.program.args.set(example.args.to_owned());
                state.program.stdin.set(example.stdin.to_owned());
                compile_now(state, example.file);
            };
            view! {
                <li>
                    <button type="button" class="pg-example" data-example=example.file on:click=open>
                        {example.file}
                    </button>
                    <span class="note">{move || example.description.get(lang.get())}</span>
                </li>
            }
        })
        .collect_view();
    let lab_choice = RwSignal::new(FEATURES[0].id.to_owned());
    let lab_options = FEATURES
        .iter()
        .filter(|f| !feature_module(f.id).is_empty())
        .map(|f| view! { <option value=f.id>{move || f.name.get(lang.get())}</option> })
        .collect_view();
    let open_lab = move |_| {
        let id = lab_choice.get_untracked();
        let bytes = feature_module(&id).to_vec();
        if !bytes.is_empty() {
            open_bytes(state, format!("lab-{id}.wasm"), bytes);
        }
    };
    let open_own = move |_| {
        let Some(url) = crate::ui::lab::own_wasm_url() else {
            state.status.set(Status::Failed(
                Key::PlaygroundOwnMissing
                    .text(lang.get_untracked())
                    .to_owned(),
            ));
            return;
        };
        let name = url.rsplit('/').next().unwrap_or("app.wasm").to_owned();
        state.status.set(Status::Working(Stage::Structure));
        leptos::task::spawn_local(async move {
            match client::fetch_bytes(&url).await {
                Some(bytes) => open_bytes(state, name, bytes),
                None => state.status.set(Status::Failed(
                    Key::PlaygroundOwnMissing
                        .text(lang.get_untracked())
                        .to_owned(),
                )),
            }
        });
    };
    let compile_line = move || {
        let lang = lang.get();
        match state.compile.get() {
            None => String::new(),
            Some(Ok(size)) => Key::PlaygroundCompiled.fill(lang, &[("size", &size.to_string())]),
            Some(Err(e)) => Key::PlaygroundCompileError.fill(
                lang,
                &[
                    ("line", &e.line.to_string()),
                    ("column", &e.column.to_string()),
                    ("message", &e.message),
                ],
            ),
        }
    };
    let compile_failed = move || matches!(state.compile.get(), Some(Err(_)));
    let download_wasm = move |_| {
        if let Some(opened) = state.opened.get_untracked() {
            let name = if opened.name.ends_with(".wasm") {
                opened.name.clone()
            } else {
                format!("{}.wasm", opened.name)
            };
            let array = js_sys::Uint8Array::from(opened.bytes.as_slice());
            let parts = js_sys::Array::of1(&array);
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/wasm");
            if let Ok(blob) =
                web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            {
                let url = gloo_file::ObjectUrl::from(gloo_file::Blob::from(blob));
                browser::save_as(&url, &name);
            }
        }
    };

    // A link that reproduces the input: the text written, or a small binary.
    let shared = move || {
        state.opened.with(|o| {
            o.as_ref().and_then(|o| {
                let input = if o.from_text {
                    playground::Shared::Text(state.text.get_untracked())
                } else {
                    playground::Shared::Binary(o.bytes.to_vec())
                };
                // A program's arguments, environment and typed input go with it.
                let program = state.program;
                let is_program = state
                    .shown
                    .with(|s| s.as_ref().is_some_and(|s| s.plan.is_program()));
                let run = if is_program {
                    playground::RunInputs {
                        args: program.args.get_untracked(),
                        env: program.env.get_untracked(),
                        stdin: program.stdin.get_untracked(),
                    }
                } else {
                    playground::RunInputs::default()
                };
                playground::to_link(&input, &run)
            })
        })
    };
    let share_link = Callback::new(move |()| {
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let here = here.split('#').next().unwrap_or_default().to_owned();
        match shared() {
            Some(fragment) => format!("{here}#{fragment}"),
            None => here,
        }
    });
    let too_large_to_share = move || {
        (state.opened.with(Option::is_some) && shared().is_none()).then(|| {
            let limit = tables::bytes_text(playground::MAX_SHARED_BYTES as u64);
            view! {
                <p class="note">
                    {move || Key::PlaygroundShareTooLarge.fill(lang.get(), &[("limit", &limit)])}
                </p>
            }
        })
    };

    view! {
        <section class="pg-open" aria-labelledby="pg-open-title">
            <h2 id="pg-open-title">{t(Key::PlaygroundOpenTitle)}</h2>
            <div class="pg-sources">
                <label class="pg-file">
                    <span>{t(Key::PlaygroundPickFile)}</span>
                    <input type="file" accept=".wasm,application/wasm" on:change=on_pick />
                </label>
                <p class="note">{t(Key::PlaygroundDropHint)}</p>
            </div>
            <h3>{t(Key::PlaygroundExamplesTitle)}</h3>
            <ul class="pg-examples">
                {example_buttons}
                <li>
                    <label class="field">
                        <span>{t(Key::PlaygroundLabModules)}</span>
                        <select on:change=move |ev| lab_choice.set(event_target_value(&ev))>
                            {lab_options}
                        </select>
                    </label>
                    " "
                    <button type="button" class="pg-open-lab" on:click=open_lab>
                        {t(Key::PlaygroundOpen)}
                    </button>
                </li>
                <li>
                    <button type="button" class="pg-open-own" on:click=open_own>
                        {t(Key::PlaygroundOwnWasm)}
                    </button>
                    <span class="note">{t(Key::PlaygroundOwnWasmNote)}</span>
                </li>
            </ul>
            <label class="pg-editor-label" for="pg-editor">{t(Key::PlaygroundEditor)}</label>
            <textarea
                id="pg-editor"
                class="pg-editor"
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                rows="14"
                aria-describedby="pg-compile"
                prop:value=move || state.text.get()
                on:input=on_text
            ></textarea>
            <p id="pg-compile" class="pg-compile" class:error=compile_failed role="status" data-live="">
                {compile_line}
            </p>
            <div class="pg-text-tools">
                <button type="button" class="pg-download-wasm" on:click=download_wasm>
                    {t(Key::PlaygroundDownloadWasm)}
                </button>
                <crate::ui::components::copy::CopyButton
                    label=Key::PlaygroundShare
                    copied=Key::PlaygroundShared
                    text=share_link
                    name="link"
                />
            </div>
            {too_large_to_share}
        </section>
    }
}
