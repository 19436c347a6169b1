//! The playground (`/playground`): open a `.wasm` file, write WebAssembly text, or pick
//! an example; see what is inside (sections, imports and exports, custom sections,
//! the largest functions, the features it needs against this browser, its text and,
//! for a component, its WIT world); and call a core module's numeric exports.
//!
//! Parsing, printing, compiling and running happen in a Web Worker, a second wasm
//! loaded only here (`client`), so the page stays responsive and a runaway call can be
//! stopped by terminating the worker.

pub mod client;
mod component_calls;
mod deferred;
mod editor;
mod open;
mod program;
mod results;
mod section_chart;
mod session;
pub mod tables;
mod value_form;

use leptos::prelude::*;

use crate::base::page::Page;
use crate::domain::inspect::examples;
use crate::domain::playground;
use crate::domain::query::get_param;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};
use client::Client;
use open::OpenPanel;
use results::Results;
use session::{
    CALL_TIMER, CLIENT, COMPILE_TIMER, State, Status, compile_now, on_response, open_bytes,
    open_file, restart, start_request, status_text,
};

#[component]
pub fn PlaygroundPage() -> impl IntoView {
    let lang = use_lang();
    let state = State::new();
    let location = crate::ui::route::use_location();

    // The worker starts with the page (once the app has started: the pre-rendered
    // page shows the first example) and stops with it.
    on_cleanup(move || {
        if let Some(client) = CLIENT.with_borrow_mut(Option::take) {
            client.stop();
        }
        state.program.ended();
        CALL_TIMER.with_borrow_mut(|t| *t = None);
        COMPILE_TIMER.with_borrow_mut(|t| *t = None);
    });

    // What to open first: a shared link's input (the URL fragment), else the example
    // the address names (`?example=calc-component.wasm`), else the text kept from the
    // last visit, else the first example (as text, so the editor shows its source).
    let notice = RwSignal::new(None::<Key>);
    state.text.set(examples()[0].source.to_owned());
    crate::ui::after_start(move || {
        let started = Client::start(move |id, response| on_response(state, id, response));
        started.send(start_request(), None);
        CLIENT.with_borrow_mut(|c| *c = Some(started));
        let wanted = get_param(&location.search.get_untracked(), "example");
        let all = examples();
        let example = wanted.as_deref().and_then(|w| {
            all.iter()
                .find(|e| e.file == w || e.file.trim_end_matches(".wasm") == w)
        });
        let fragment = location.hash.get_untracked();
        let stored = browser::storage_get(playground::STORE_KEY);
        let kept = stored.as_deref().map(playground::from_store);
        if kept == Some(None) {
            // Damaged or foreign: set aside, not lost, and said.
            if let Some(raw) = &stored {
                browser::storage_set(&format!("{}.bad", playground::STORE_KEY), raw);
            }
            browser::storage_set(playground::STORE_KEY, &playground::to_store(""));
            notice.set(Some(Key::PlaygroundStoredBad));
        }
        if !open_link(state, &fragment, notice) {
            match (example, kept.flatten().filter(|t| !t.trim().is_empty())) {
                (None, Some(text)) => {
                    state.text.set(text);
                    compile_now(state, "playground.wasm");
                }
                (example, _) => {
                    let first = example.unwrap_or(&all[0]);
                    state.text.set(first.source.to_owned());
                    state.program.args.set(first.args.to_owned());
                    state.program.stdin.set(first.stdin.to_owned());
                    compile_now(state, first.file);
                }
            }
        }
    });
    // A link to the playground followed while on it (pasted into the address bar, or
    // clicked): its input opens, without a reload.
    Effect::new(move |seen: Option<String>| {
        let fragment = location.hash.get();
        if seen.is_some_and(|seen| seen != fragment) {
            open_link(state, &fragment, notice);
        }
        fragment
    });
    Effect::new(|_| browser::mark_content_ready());

    // A file dropped anywhere in the window opens here (the header, the footer and the
    // margins included: the browser would otherwise open it and leave the page); while
    // one is dragged over the window, the page says where it goes.
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &leptos::ev::DragEvent| {
        ev.data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let listeners = [
        window_event_listener(leptos::ev::dragenter, move |ev| {
            if carries_files(&ev) {
                ev.prevent_default();
                dragging.set(true);
            }
        }),
        window_event_listener(leptos::ev::dragover, move |ev| {
            if carries_files(&ev) {
                ev.prevent_default();
                if let Some(d) = ev.data_transfer() {
                    d.set_drop_effect("copy");
                }
            }
        }),
        window_event_listener(leptos::ev::dragleave, move |ev| {
            // Left the window (not one element for another).
            if ev.related_target().is_none() {
                dragging.set(false);
            }
        }),
        window_event_listener(leptos::ev::drop, move |ev| {
            dragging.set(false);
            if let Some(file) = ev
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                ev.prevent_default();
                open_file(state, file);
            }
        }),
    ];
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
    });
    let drop_zone = move || {
        dragging.get().then(|| {
            view! {
                <div class="pg-drop-zone" aria-hidden="true">
                    <p>{t(Key::PlaygroundDropHere)}</p>
                </div>
            }
        })
    };

    let cancel = move |_| {
        restart(state, false);
        state.status.set(Status::Cancelled);
    };
    let working = move || matches!(state.status.get(), Status::Working(_));

    view! {
        <div class="page playground-page" data-page=Page::Playground.path()>
            {drop_zone}
            <h1>{t(Key::PagesPlaygroundTitle)}</h1>
            <p class="lead">{t(Key::PagesPlaygroundLead)}</p>
            {move || {
                notice
                    .get()
                    .map(|key| {
                        let text = move || key.text(lang.get()).to_owned();
                        let dismiss = Callback::new(move |()| notice.set(None));
                        crate::ui::notices::notice_box(
                            "playground-state",
                            Signal::derive(text),
                            Some(dismiss),
                        )
                    })
            }}
            <OpenPanel state=state />
            <p class="pg-status" role="status" aria-live="polite" data-live="">
                {move || status_text(&state.status.get(), lang.get())}
                {move || {
                    working()
                        .then(|| {
                            view! {
                                " "
                                <button type="button" class="pg-cancel" on:click=cancel>
                                    {t(Key::PlaygroundCancel)}
                                </button>
                            }
                        })
                }}
            </p>

            <Results state=state />
        </div>
    }
}

/// Opens what a playground link carries (text for the editor, or a binary, with its
/// file name and a program's inputs); says so when the link is damaged. `false` when
/// the fragment is not a playground link.
fn open_link(state: State, fragment: &str, notice: RwSignal<Option<Key>>) -> bool {
    match playground::from_fragment(fragment) {
        Ok(shared) => {
            if let Ok(run) = playground::run_inputs(fragment) {
                state.program.args.set(run.args);
                state.program.env.set(run.env);
                state.program.stdin.set(run.stdin);
            }
            match shared {
                playground::Shared::Text(text) => {
                    state.text.set(text);
                    compile_now(state, "shared.wasm");
                }
                playground::Shared::Binary(bytes) => {
                    let name =
                        playground::link_name(fragment).unwrap_or_else(|| "shared.wasm".into());
                    if state.text.with_untracked(String::is_empty) {
                        state.text.set(examples()[0].source.to_owned());
                    }
                    open_bytes(state, name, bytes);
                }
            }
            true
        }
        Err(playground::FragmentError::Damaged) => {
            notice.set(Some(Key::PlaygroundLinkBad));
            false
        }
        Err(playground::FragmentError::NotOurs) => false,
    }
}
