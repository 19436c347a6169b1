//! Where a binary comes from: a file (picked here, or dropped anywhere on the page;
//! text goes into the editor), an example, a lab module, this app's own wasm, or the
//! text editor (`editor`), which compiles as one types.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::client;
use super::editor::Editor;
use super::session::{State, Status, compile_now, open_bytes, open_file};
use super::tables;
use crate::data::wasm_features::FEATURES;
use crate::domain::inspect::examples;
use crate::domain::inspect::protocol::Stage;
use crate::domain::wasm_lab::feature_module;
use crate::i18n::Key;
use crate::ui::i18n::{t, use_lang};

/// The "Open" section of the page.
#[component]
pub(super) fn OpenPanel(state: State) -> impl IntoView {
    let lang = use_lang();

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
    // This page's own wasm: every file it loaded (the main module first, then the
    // chunks or packs of the pages opened, then the playground's worker), each to open.
    let own_files = RwSignal::new(Vec::<(String, String)>::new());
    let open_url = move |url: String| {
        let name = crate::ui::lab::file_name(&url).to_owned();
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
    let open_own = move |_| {
        use crate::ui::lab::WasmFile;
        let mut files = crate::ui::lab::loaded_wasm();
        // The main module first; the worker's, which it fetched itself, last.
        files.sort_by_key(|(_, kind, _)| *kind != WasmFile::Main);
        let worker = crate::ui::lab::worker_wasm_name(&client::worker_script())
            .and_then(|name| window().location().href().ok().map(|here| (here, name)))
            .and_then(|(here, name)| web_sys::Url::new_with_base(&name, &here).ok())
            .map(|url| (url.href(), WasmFile::Worker, None));
        files.extend(worker);
        let Some((main, _, _)) = files.first().cloned() else {
            state.status.set(Status::Failed(
                Key::PlaygroundOwnMissing
                    .text(lang.get_untracked())
                    .to_owned(),
            ));
            return;
        };
        own_files.set(
            files
                .into_iter()
                .map(|(url, kind, size)| {
                    let what = match kind {
                        WasmFile::Main => Key::PlaygroundOwnMain,
                        WasmFile::Chunk => Key::PlaygroundOwnChunk,
                        WasmFile::Pack => Key::PlaygroundOwnPack,
                        WasmFile::Worker => Key::PlaygroundOwnWorker,
                    };
                    let size = size.map(|s| format!(" · {}", tables::bytes_text(s as u64)));
                    let label = format!(
                        "{} · {}{}",
                        crate::ui::lab::file_name(&url),
                        what.text(lang.get_untracked()),
                        size.unwrap_or_default()
                    );
                    (url, label)
                })
                .collect(),
        );
        open_url(main);
    };
    let own_list = move || {
        let files = own_files.get();
        (!files.is_empty()).then(|| {
            let items = files
                .into_iter()
                .map(|(url, label)| {
                    let open = move |_| open_url(url.clone());
                    view! {
                        <li>
                            <span>{label}</span>
                            " "
                            <button type="button" class="pg-open-own-file" on:click=open>
                                {t(Key::PlaygroundOpen)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="note">{t(Key::PlaygroundOwnList)}</p>
                <ul class="pg-own-files">{items}</ul>
            }
        })
    };
    // What is open now, beside the file input (which forgets its file once read, so
    // that choosing the same file again opens it again).
    let open_now = move || {
        state.opened.with(|o| {
            o.as_ref().filter(|o| !o.from_text).map(|o| {
                let name = o.name.clone();
                view! {
                    <span class="pg-open-now">
                        {move || Key::PlaygroundOpenNow.fill(lang.get(), &[("name", &name)])}
                    </span>
                }
            })
        })
    };

    view! {
        <section class="pg-open" aria-labelledby="pg-open-title">
            <h2 id="pg-open-title">{t(Key::PlaygroundOpenTitle)}</h2>
            <div class="pg-sources">
                <label class="pg-file">
                    <span>{t(Key::PlaygroundPickFile)}</span>
                    <input type="file" accept=".wasm,.wat,.wast,application/wasm,text/plain" on:change=on_pick />
                </label>
                {open_now}
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
                    {own_list}
                </li>
            </ul>
            <Editor state=state />
        </section>
    }
}
