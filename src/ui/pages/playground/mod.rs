//! The playground (`/playground`): open a `.wasm` file, write WebAssembly text, or pick
//! an example; see what is inside (sections, imports and exports, custom sections,
//! the largest functions, the features it needs against this browser, its text and,
//! for a component, its WIT world); and call a core module's numeric exports.
//!
//! Parsing, printing, compiling and running happen in a Web Worker, a second wasm
//! loaded only here (`client`), so the page stays responsive and a runaway call can be
//! stopped by terminating the worker.

pub mod client;
pub mod tables;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::data::wasm_features::FEATURES;
use crate::domain::inspect::protocol::{CallShown, Request, Response, Shown, Stage};
use crate::domain::inspect::{
    CallableExport, Kind, NumType, Printed, TEXT_LIMIT, TextError, TextErrorKind, WatError,
    examples,
};
use crate::domain::playground;
use crate::domain::wasm_lab::feature_module;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};
use client::Client;

/// Above this size the text view starts as a skeleton (signatures, no bodies).
const SKELETON_FROM: u64 = 512 * 1024;
/// The largest file the playground reads (refused before reading, the limit named).
const MAX_FILE_BYTES: u64 = 32_000_000;
/// The default time limit of a call, in milliseconds.
const DEFAULT_LIMIT_MS: u32 = 2000;
/// How long the editor waits after the last key before compiling.
const COMPILE_DELAY_MS: u32 = 400;

/// What the page is working on, for the status line.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Starting,
    Idle,
    Working(Stage),
    Cancelled,
    /// The worker failed or could not start: its message.
    Failed(String),
}

/// A call's result as shown.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    Running(String),
    Done(CallShown),
    /// Stopped at the time limit, in ms.
    TimedOut(String, u32),
}

/// Where the binary on screen came from.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    name: String,
    bytes: Rc<Vec<u8>>,
    /// Compiled from the editor's text (a link then carries the text).
    from_text: bool,
}

/// The page's state, shared by its handlers.
#[derive(Clone, Copy)]
struct State {
    status: RwSignal<Status>,
    /// The inspection on screen, as the worker wrote it.
    shown: RwSignal<Option<Shown>>,
    /// The name of the binary the inspection on screen is of.
    shown_name: RwSignal<String>,
    opened: RwSignal<Option<Opened>, LocalStorage>,
    text: RwSignal<String>,
    compile: RwSignal<Option<Result<usize, WatError>>>,
    printed: RwSignal<Option<Result<Printed, TextError>>>,
    skeleton: RwSignal<bool>,
    wit: RwSignal<Option<Result<String, TextError>>>,
    run: RwSignal<Option<Run>>,
    limit_ms: RwSignal<u32>,
    /// The id of the request whose answers the page is waiting for, per kind.
    load_id: StoredValue<u32>,
    print_id: StoredValue<u32>,
    wit_id: StoredValue<u32>,
    call_id: StoredValue<u32>,
    /// A name for the binary the next `Inspected` brings (a file, an example).
    pending_name: StoredValue<String>,
}

impl State {
    fn new() -> State {
        State {
            status: RwSignal::new(Status::Starting),
            shown: RwSignal::new(None),
            shown_name: RwSignal::new(String::new()),
            opened: RwSignal::new_local(None),
            text: RwSignal::new(String::new()),
            compile: RwSignal::new(None),
            printed: RwSignal::new(None),
            skeleton: RwSignal::new(false),
            wit: RwSignal::new(None),
            run: RwSignal::new(None),
            limit_ms: RwSignal::new(DEFAULT_LIMIT_MS),
            load_id: StoredValue::new(0),
            print_id: StoredValue::new(0),
            wit_id: StoredValue::new(0),
            call_id: StoredValue::new(0),
            pending_name: StoredValue::new(String::new()),
        }
    }
}

thread_local! {
    /// The worker of the playground on screen (one page at a time).
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    /// The time limit of the call in flight.
    static CALL_TIMER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    /// The editor's pending compile.
    static COMPILE_TIMER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

fn client() -> Option<Rc<Client>> {
    CLIENT.with_borrow(|c| c.clone())
}

/// Sends `request` and records its id as the one to wait for.
fn send(slot: StoredValue<u32>, request: Request, bytes: Option<&[u8]>) {
    if let Some(client) = client() {
        slot.set_value(client.send(request, bytes));
    }
}

/// Opens a binary: kept on the page (to download, to send again after a restart) and
/// inspected by the worker.
fn open_bytes(state: State, name: String, bytes: Vec<u8>) {
    state.pending_name.set_value(name);
    state.status.set(Status::Working(Stage::Structure));
    state.run.set(None);
    send(
        state.load_id,
        Request::Inspect {
            name: state.pending_name.get_value(),
            bytes: Vec::new(),
        },
        Some(&bytes),
    );
    state.opened.set(Some(Opened {
        name: state.pending_name.get_value(),
        bytes: Rc::new(bytes),
        from_text: false,
    }));
}

/// Compiles the editor's text now; `name` is what the binary will be called.
fn compile_now(state: State, name: &str) {
    let text = state.text.get_untracked();
    state.pending_name.set_value(name.to_owned());
    state.status.set(Status::Working(Stage::Structure));
    send(
        state.load_id,
        Request::Compile {
            name: name.to_owned(),
            text,
        },
        None,
    );
}

/// Compiles the editor's text once typing pauses.
fn compile_soon(state: State) {
    let timer = gloo_timers::callback::Timeout::new(COMPILE_DELAY_MS, move || {
        // What was written is kept across reloads.
        let text = state.text.get_untracked();
        if text.chars().count() <= playground::MAX_STORED_CHARS {
            browser::storage_set(playground::STORE_KEY, &playground::to_store(&text));
        }
        compile_now(state, "playground.wasm");
    });
    COMPILE_TIMER.with_borrow_mut(|t| *t = Some(timer));
}

fn request_text(state: State) {
    state.printed.set(None);
    send(
        state.print_id,
        Request::Print {
            skeleton: state.skeleton.get_untracked(),
            limit: TEXT_LIMIT,
        },
        None,
    );
}

/// What the worker answered.
fn on_response(state: State, id: u32, response: Response) {
    match response {
        Response::Ready if state.status.get_untracked() == Status::Starting => {
            state.status.set(Status::Idle);
        }
        Response::Progress { stage } if id == state.load_id.get_value() => {
            state.status.set(Status::Working(stage));
        }
        Response::Progress { .. } => {}
        Response::Compiled(result) if id == state.load_id.get_value() => match result {
            Ok(bytes) => {
                state.compile.set(Some(Ok(bytes.len())));
                state.opened.set(Some(Opened {
                    name: state.pending_name.get_value(),
                    bytes: Rc::new(bytes),
                    from_text: true,
                }));
            }
            Err(e) => {
                state.compile.set(Some(Err(e)));
                state.status.set(Status::Idle);
            }
        },
        Response::Inspected(shown) if id == state.load_id.get_value() => {
            let big = shown.size > SKELETON_FROM;
            let component = shown.kind == Kind::Component;
            state.skeleton.set(big);
            state.shown_name.set(state.pending_name.get_value());
            state.shown.set(Some(*shown));
            state.status.set(Status::Idle);
            state.wit.set(None);
            request_text(state);
            if component {
                send(state.wit_id, Request::Wit, None);
            }
        }
        Response::Printed(printed) if id == state.print_id.get_value() => {
            state.printed.set(Some(printed));
        }
        Response::Wit(wit) if id == state.wit_id.get_value() => state.wit.set(Some(wit)),
        Response::Called(shown) if id == state.call_id.get_value() => {
            CALL_TIMER.with_borrow_mut(|t| *t = None);
            state.run.set(Some(Run::Done(shown)));
        }
        Response::Failed(error) if id == state.call_id.get_value() => {
            CALL_TIMER.with_borrow_mut(|t| *t = None);
            let message = error.message;
            state.run.set(Some(Run::Done(CallShown {
                result: crate::domain::inspect::protocol::Both {
                    en: message.clone(),
                    zh: message,
                },
                imports: Vec::new(),
            })));
        }
        Response::Failed(error) if id == u32::MAX => {
            // The worker stopped (it panicked, or could not load): a new one takes
            // the next request.
            state.status.set(Status::Failed(error.message));
            restart(state, false);
        }
        Response::Failed(error) if id == state.load_id.get_value() => {
            state.status.set(Status::Failed(error.message));
        }
        Response::NoBinary | Response::Failed(_) => {}
        // Answers to requests since replaced.
        _ => {}
    }
}

/// Stops the worker and starts a new one; the binary on screen is sent again when
/// `resend` (after a runaway call), so the page can go on calling it.
fn restart(state: State, resend: bool) {
    CALL_TIMER.with_borrow_mut(|t| *t = None);
    if let Some(client) = client() {
        client.restart();
        client.send(start_request(), None);
    }
    if resend && let Some(opened) = state.opened.get_untracked() {
        state.pending_name.set_value(opened.name.clone());
        send(
            state.load_id,
            Request::Inspect {
                name: opened.name.clone(),
                bytes: Vec::new(),
            },
            Some(&opened.bytes),
        );
    }
}

/// The first request to a worker: what this browser supports, detected here once.
fn start_request() -> Request {
    thread_local! {
        static SUPPORTED: Vec<String> = FEATURES
            .iter()
            .filter(|f| crate::ui::lab::detect(f))
            .map(|f| f.id.to_owned())
            .collect();
    }
    Request::Start {
        supported: SUPPORTED.with(Clone::clone),
    }
}

fn call(state: State, export: &CallableExport, args: Vec<String>) {
    let limit = state.limit_ms.get_untracked().clamp(10, 600_000);
    state.run.set(Some(Run::Running(export.name.clone())));
    send(
        state.call_id,
        Request::Call {
            export: export.name.clone(),
            args,
            time_limit_ms: limit,
        },
        None,
    );
    let name = export.name.clone();
    let timer = gloo_timers::callback::Timeout::new(limit, move || {
        state.run.set(Some(Run::TimedOut(name.clone(), limit)));
        restart(state, true);
    });
    CALL_TIMER.with_borrow_mut(|t| *t = Some(timer));
}

fn status_text(status: &Status, lang: Lang) -> String {
    match status {
        Status::Starting => Key::PlaygroundStarting.text(lang).to_owned(),
        Status::Idle => String::new(),
        Status::Working(Stage::Structure) => Key::PlaygroundReading.text(lang).to_owned(),
        Status::Working(Stage::Validation) => Key::PlaygroundValidating.text(lang).to_owned(),
        Status::Working(Stage::Printing) => Key::PlaygroundPrinting.text(lang).to_owned(),
        Status::Cancelled => Key::PlaygroundCancelled.text(lang).to_owned(),
        Status::Failed(message) => Key::PlaygroundWorkerFailed.fill(lang, &[("message", message)]),
    }
}

fn text_error(e: &TextError, lang: Lang) -> String {
    match e.kind {
        TextErrorKind::NotAComponent => Key::PlaygroundNotComponent.text(lang).to_owned(),
        TextErrorKind::Malformed => Key::PlaygroundCannotPrint.fill(
            lang,
            &[
                ("message", &e.message),
                (
                    "offset",
                    &e.offset
                        .map(|o| format!("{o:#x}"))
                        .unwrap_or_else(|| "?".into()),
                ),
            ],
        ),
    }
}

fn run_text(run: &Run, lang: Lang) -> (String, Vec<String>) {
    match run {
        Run::Running(export) => (
            Key::PlaygroundRunning.fill(lang, &[("export", export)]),
            Vec::new(),
        ),
        Run::TimedOut(export, ms) => (
            Key::PlaygroundTimedOut.fill(lang, &[("export", export), ("ms", &ms.to_string())]),
            Vec::new(),
        ),
        Run::Done(shown) => (shown.result.get(lang).to_owned(), shown.imports.clone()),
    }
}

/// One export to call: an input per parameter, typed, and a Call button.
#[component]
fn CallRow(state: State, export: CallableExport) -> impl IntoView {
    let lang = use_lang();
    let inputs: Vec<RwSignal<String>> = export
        .params
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let signature = format!(
        "({}) -> ({})",
        export
            .params
            .iter()
            .map(|t| t.name())
            .collect::<Vec<_>>()
            .join(", "),
        export
            .results
            .iter()
            .map(|t| t.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let fields = export
        .params
        .iter()
        .zip(inputs.iter().copied())
        .enumerate()
        .map(|(i, (ty, value))| {
            let label = format!("{} {} ({})", export.name, i + 1, ty.name());
            let placeholder = match ty {
                NumType::I32 | NumType::I64 => "0",
                NumType::F32 | NumType::F64 => "0.0",
            };
            view! {
                <input
                    type="text"
                    inputmode="decimal"
                    class="pg-arg"
                    aria-label=label
                    placeholder=placeholder
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            }
        })
        .collect_view();
    let name = export.name.clone();
    let label = name.clone();
    let run = move |_| {
        let texts = inputs.iter().map(|s| s.get_untracked()).collect();
        call(state, &export, texts);
    };
    let _ = lang;
    view! {
        <li class="pg-call" data-export=name.clone()>
            <code class="pg-export-name">{label}</code>
            <code class="pg-signature">{signature}</code>
            <span class="pg-args">{fields}</span>
            <button type="button" class="pg-call-button" on:click=run>
                {t(Key::PlaygroundCall)}
            </button>
        </li>
    }
}

#[component]
pub fn PlaygroundPage() -> impl IntoView {
    let lang = use_lang();
    let state = State::new();
    let query = use_query_map();

    // The worker starts with the page (once the app has started: the pre-rendered
    // page shows the first example) and stops with it.
    on_cleanup(|| {
        if let Some(client) = CLIENT.with_borrow_mut(Option::take) {
            client.stop();
        }
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
        let wanted = query.with_untracked(|q| q.get("example"));
        let all = examples();
        let example = wanted.as_deref().and_then(|w| {
            all.iter()
                .find(|e| e.file == w || e.file.trim_end_matches(".wasm") == w)
        });
        let fragment = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
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
        match playground::from_fragment(&fragment) {
            Ok(playground::Shared::Text(text)) => {
                state.text.set(text);
                compile_now(state, "shared.wasm");
            }
            Ok(playground::Shared::Binary(bytes)) => {
                state.text.set(all[0].source.to_owned());
                open_bytes(state, "shared.wasm".to_owned(), bytes);
            }
            Err(error) => {
                if error == playground::FragmentError::Damaged {
                    notice.set(Some(Key::PlaygroundLinkBad));
                }
                match (example, kept.flatten().filter(|t| !t.trim().is_empty())) {
                    (None, Some(text)) => {
                        state.text.set(text);
                        compile_now(state, "playground.wasm");
                    }
                    (example, _) => {
                        let first = example.unwrap_or(&all[0]);
                        state.text.set(first.source.to_owned());
                        compile_now(state, first.file);
                    }
                }
            }
        }
    });
    Effect::new(|_| browser::mark_content_ready());

    let on_text = move |ev: leptos::ev::Event| {
        state.text.set(event_target_value(&ev));
        compile_soon(state);
    };

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            // Refused before reading: a file this large would not be inspected in
            // reasonable time or memory here.
            let text = Key::PlaygroundTooLarge.fill(
                lang.get_untracked(),
                &[
                    ("name", &name),
                    ("size", &tables::bytes_text(file.size() as u64)),
                    ("limit", &tables::bytes_text(MAX_FILE_BYTES)),
                ],
            );
            state.status.set(Status::Failed(text));
            return;
        }
        leptos::task::spawn_local(async move {
            match client::read_file(&file).await {
                Some(bytes) => open_bytes(state, name, bytes),
                None => state
                    .status
                    .set(Status::Failed(format!("{name}: unreadable"))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
        if let Some(input) = input {
            // Choosing the same file again opens it again.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    };
    let on_drag_over = |ev: leptos::ev::DragEvent| ev.prevent_default();

    let example_buttons = examples()
        .into_iter()
        .map(|example| {
            let open = move |_| {
                state.text.set(example.source.to_owned());
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
    let cancel = move |_| {
        restart(state, false);
        state.status.set(Status::Cancelled);
    };
    let working = move || matches!(state.status.get(), Status::Working(_));

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

    // The results, rebuilt when the inspection or the language changes.
    let name = move || state.shown_name.get();
    let result_html = move || {
        let lang = lang.get();
        state
            .shown
            .with(|shown| shown.as_ref().map(|s| s.html.get(lang).to_owned()))
            .unwrap_or_default()
    };
    let has_result = move || {
        state
            .shown
            .with(|s| s.as_ref().is_some_and(|s| s.kind != Kind::NotWasm))
    };
    let sections_csv = move |_| {
        state.shown.with_untracked(|s| {
            if let Some(s) = s {
                let csv = s.sections_csv.get(lang.get_untracked());
                let file = format!("{}-sections.csv", name().trim_end_matches(".wasm"));
                browser::download(&file, "text/csv;charset=utf-8", csv);
            }
        });
    };

    // Nested modules and components of a component, each can be opened on its own.
    let nested = move || {
        state.shown.with(|s| {
            s.as_ref()
                .map(|s| s.nested.clone())
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(index, n)| {
                    let label = format!(
                        "{} {} · {} · {:#x}",
                        tables::kind_text(n.kind, lang.get()),
                        index,
                        tables::bytes_text(n.size),
                        n.offset
                    );
                    let open = move |_| {
                        state.pending_name.set_value(format!("{}#{index}", name()));
                        state.status.set(Status::Working(Stage::Structure));
                        send(
                            state.load_id,
                            Request::Nested {
                                name: state.pending_name.get_value(),
                                index,
                            },
                            None,
                        );
                        let inner = state.opened.with_untracked(|o| {
                            o.as_ref()
                                .and_then(|o| n.bytes(&o.bytes).map(<[u8]>::to_vec))
                        });
                        if let Some(inner) = inner {
                            state.opened.set(Some(Opened {
                                name: state.pending_name.get_value(),
                                bytes: Rc::new(inner),
                                from_text: false,
                            }));
                        }
                    };
                    view! {
                        <li>
                            <span>{label}</span>
                            " "
                            <button type="button" class="pg-open-nested" on:click=open>
                                {t(Key::PlaygroundOpen)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_nested = move || {
        state
            .shown
            .with(|s| s.as_ref().is_some_and(|s| !s.nested.is_empty()))
    };

    let is_component = move || {
        state
            .shown
            .with(|s| s.as_ref().is_some_and(|s| s.kind == Kind::Component))
    };
    let is_module = move || {
        state.shown.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.kind == Kind::Module && s.valid)
        })
    };
    let wit_text = move || match state.wit.get() {
        None => Key::PlaygroundWorking.text(lang.get()).to_owned(),
        Some(Ok(wit)) => wit,
        Some(Err(e)) => text_error(&e, lang.get()),
    };

    let callables = move || {
        state
            .shown
            .with(|s| s.as_ref().map(|s| s.callable.clone()).unwrap_or_default())
            .into_iter()
            .map(|export| view! { <CallRow state=state export=export /> })
            .collect_view()
    };
    let run_output = move || {
        state.run.get().map(|run| {
            let (head, calls) = run_text(&run, lang.get());
            let calls = (!calls.is_empty()).then(|| {
                let title = Key::PlaygroundImportCalls.fill(lang.get(), &[("n", &calls.len().to_string())]);
                view! {
                    <p class="note">{title}</p>
                    <ol class="pg-import-calls">
                        {calls.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ol>
                }
            });
            view! {
                <p class="pg-run-result">{head}</p>
                {calls}
            }
        })
    };

    let text_view = move || match state.printed.get() {
        None => Key::PlaygroundWorking.text(lang.get()).to_owned(),
        Some(Ok(printed)) => printed.text,
        Some(Err(e)) => text_error(&e, lang.get()),
    };
    let truncated = move || {
        state
            .printed
            .with(|p| matches!(p, Some(Ok(p)) if p.truncated))
            .then(|| view! { <p class="note">{t(Key::PlaygroundTruncated)}</p> })
    };
    let toggle_skeleton = move |_| {
        state.skeleton.update(|s| *s = !*s);
        request_text(state);
    };
    let download_wat = move |_| {
        if let Some(Ok(printed)) = state.printed.get_untracked() {
            let file = format!("{}.wat", name().trim_end_matches(".wasm"));
            browser::download(&file, "text/plain;charset=utf-8", &printed.text);
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
                playground::to_fragment(&input)
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
    let copy_wat = Callback::new(move |()| match state.printed.get_untracked() {
        Some(Ok(printed)) => printed.text,
        _ => String::new(),
    });

    view! {
        <div
            class="page playground-page"
            data-page=Page::Playground.path()
            on:drop=on_drop
            on:dragover=on_drag_over
        >
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

            <section class="pg-result" aria-labelledby="pg-result-title" data-live="">
                <h2 id="pg-result-title">{t(Key::PlaygroundResultTitle)}</h2>
                <div class="pg-tables" inner_html=result_html></div>
                {move || has_result().then(|| view! {
                    <button type="button" class="pg-sections-csv" on:click=sections_csv>
                        {t(Key::PlaygroundSectionsCsv)}
                    </button>
                })}
                {move || has_nested().then(|| view! {
                    <h3>{t(Key::PlaygroundNestedTitle)}</h3>
                    <ul class="pg-nested">{nested}</ul>
                })}
                {move || is_component().then(|| view! {
                    <h3>{t(Key::PlaygroundWitTitle)}</h3>
                    <pre class="pg-wit"><code>{wit_text}</code></pre>
                    <p class="note pg-component-run">{t(Key::PlaygroundComponentRun)}</p>
                })}
                {move || is_module().then(|| view! {
                    <section class="pg-run" aria-labelledby="pg-run-title">
                        <h3 id="pg-run-title">{t(Key::PlaygroundRunTitle)}</h3>
                        <p class="note">{t(Key::PlaygroundRunLead)}</p>
                        <label class="field pg-limit">
                            <span>{t(Key::PlaygroundLimit)}</span>
                            <input
                                type="number"
                                min="10"
                                step="100"
                                prop:value=move || state.limit_ms.get().to_string()
                                on:change=move |ev| {
                                    let value = event_target_value(&ev).trim().parse().unwrap_or(DEFAULT_LIMIT_MS);
                                    state.limit_ms.set(value);
                                }
                            />
                        </label>
                        <ul class="pg-calls">{callables}</ul>
                        <div class="pg-run-output" aria-live="polite">{run_output}</div>
                    </section>
                })}
                {move || has_result().then(|| view! {
                    <h3>{t(Key::PlaygroundTextTitle)}</h3>
                    <div class="pg-text-tools">
                        <button
                            type="button"
                            class="pg-skeleton"
                            aria-pressed=move || state.skeleton.get().to_string()
                            on:click=toggle_skeleton
                        >
                            {t(Key::PlaygroundSkeleton)}
                        </button>
                        <crate::ui::components::copy::CopyButton
                            label=Key::PlaygroundCopyWat
                            copied=Key::PlaygroundCopiedWat
                            text=copy_wat
                            name="wat"
                        />
                        <button type="button" class="pg-download-wat" on:click=download_wat>
                            {t(Key::PlaygroundDownloadWat)}
                        </button>
                    </div>
                    {truncated}
                    <pre class="pg-text" tabindex="0"><code>{text_view}</code></pre>
                })}
            </section>
        </div>
    }
}
