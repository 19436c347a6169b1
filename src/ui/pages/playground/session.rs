//! The playground's state, and its conversation with the worker: what it asks
//! (inspect, compile, print, call) and what it does with each answer.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::client::{self, Client, WORKER_MISSING, WORKER_STOPPED};
use super::program::{Program, ProgramEnd};
use super::tables;
use crate::base::lang::Lang;
use crate::data::wasm_features::FEATURES;
use crate::domain::inspect::protocol::{Both, CallShown, List, Request, Response, Shown, Stage};
use crate::domain::inspect::{
    CallableExport, Kind, Printed, TEXT_LIMIT, TextError, TextErrorKind, WatError,
};
use crate::domain::playground;
use crate::i18n::Key;
use crate::ui::browser;

/// Above this size the text view starts as a skeleton (signatures, no bodies).
pub(super) const SKELETON_FROM: u64 = 512 * 1024;
/// The largest file the playground reads (refused before reading, the limit named).
pub(super) const MAX_FILE_BYTES: u64 = 32_000_000;
/// The default time limit of a call, in milliseconds.
pub(super) const DEFAULT_LIMIT_MS: u32 = 2000;
/// How long the editor waits after the last key before compiling.
pub(super) const COMPILE_DELAY_MS: u32 = 400;

/// What the page is working on, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Status {
    Starting,
    Idle,
    Working(Stage),
    Cancelled,
    /// The worker failed or could not start: its message.
    Failed(String),
    /// Reading the file of this name, chosen or dropped.
    ReadingFile(String),
    /// What is said about the visitor's file (too large, unreadable): the message and
    /// its values, written in the reader's language when shown.
    Said(Key, Vec<(&'static str, String)>),
    /// The worker could not be loaded (offline, or the site was updated).
    WorkerMissing,
    /// A binary or text file of this name was opened: what is inside is below.
    Opened(String),
}

/// A call's result as shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Run {
    Running(String),
    Done(CallShown),
    /// Stopped at the time limit, in ms.
    TimedOut(String, u32),
}

/// Where the binary on screen came from.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Opened {
    pub(super) name: String,
    pub(super) bytes: Rc<Vec<u8>>,
    /// Compiled from the editor's text (a link then carries the text).
    pub(super) from_text: bool,
}

/// What the editor's text last compiled to.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Compiled {
    /// The name the binary goes by (the example's, the file's, `playground.wasm`).
    pub(super) name: String,
    pub(super) bytes: Rc<Vec<u8>>,
    /// It does not validate: why, and where in the text.
    pub(super) invalid: Option<WatError>,
}

/// The page's state, shared by its handlers.
#[derive(Clone, Copy)]
pub(super) struct State {
    pub(super) status: RwSignal<Status>,
    /// The inspection on screen, as the worker wrote it.
    pub(super) shown: RwSignal<Option<Shown>>,
    /// The name of the binary the inspection on screen is of.
    pub(super) shown_name: RwSignal<String>,
    pub(super) opened: RwSignal<Option<Opened>, LocalStorage>,
    /// The component a nested module or component on screen was opened from.
    pub(super) parent: RwSignal<Option<Opened>, LocalStorage>,
    pub(super) text: RwSignal<String>,
    /// The editor's last compile: a binary (maybe invalid), or where the text is wrong.
    pub(super) compile: RwSignal<Option<Result<Compiled, WatError>>, LocalStorage>,
    /// Counts the files opened: the results take the focus each time it moves.
    pub(super) reveal: RwSignal<u32>,
    /// The next inspection is of something the reader opened (a file, a lab module,
    /// a nested module), rather than of text being typed: it is announced and shown.
    pub(super) reveal_next: StoredValue<bool>,
    pub(super) printed: RwSignal<Option<Result<Printed, TextError>>>,
    pub(super) skeleton: RwSignal<bool>,
    pub(super) wit: RwSignal<Option<Result<String, TextError>>>,
    pub(super) run: RwSignal<Option<Run>>,
    pub(super) limit_ms: RwSignal<u32>,
    /// A component's stubbed imports trap rather than return a default value.
    pub(super) trap_imports: RwSignal<bool>,
    /// The id of the request whose answers the page is waiting for, per kind.
    pub(super) load_id: StoredValue<u32>,
    pub(super) print_id: StoredValue<u32>,
    pub(super) wit_id: StoredValue<u32>,
    pub(super) call_id: StoredValue<u32>,
    /// The whole text asked for a download.
    pub(super) file_id: StoredValue<u32>,
    /// The imports' and the exports' tables filtered by name (`None`: as inspected),
    /// and the requests they wait for.
    pub(super) filtered: [RwSignal<Option<Both>>; 2],
    pub(super) filter_ids: [StoredValue<u32>; 2],
    /// A name for the binary the next `Inspected` brings (a file, an example).
    pub(super) pending_name: StoredValue<String>,
    /// Running it as a WASI program.
    pub(super) program: Program,
}

impl State {
    pub(super) fn new() -> State {
        State {
            status: RwSignal::new(Status::Starting),
            shown: RwSignal::new(None),
            shown_name: RwSignal::new(String::new()),
            opened: RwSignal::new_local(None),
            parent: RwSignal::new_local(None),
            text: RwSignal::new(String::new()),
            compile: RwSignal::new_local(None),
            reveal: RwSignal::new(0),
            reveal_next: StoredValue::new(false),
            printed: RwSignal::new(None),
            skeleton: RwSignal::new(false),
            wit: RwSignal::new(None),
            run: RwSignal::new(None),
            limit_ms: RwSignal::new(DEFAULT_LIMIT_MS),
            trap_imports: RwSignal::new(false),
            load_id: StoredValue::new(0),
            print_id: StoredValue::new(0),
            wit_id: StoredValue::new(0),
            call_id: StoredValue::new(0),
            file_id: StoredValue::new(0),
            filtered: [RwSignal::new(None), RwSignal::new(None)],
            filter_ids: [StoredValue::new(0), StoredValue::new(0)],
            pending_name: StoredValue::new(String::new()),
            program: Program::new(),
        }
    }
}

thread_local! {
    /// The worker of the playground on screen (one page at a time).
    pub(super) static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    /// The time limit of the call in flight.
    pub(super) static CALL_TIMER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    /// The editor's pending compile.
    pub(super) static COMPILE_TIMER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

pub(super) fn client() -> Option<Rc<Client>> {
    CLIENT.with_borrow(|c| c.clone())
}

/// Sends `request` and records its id as the one to wait for.
pub(super) fn send(slot: StoredValue<u32>, request: Request, bytes: Option<&[u8]>) {
    if let Some(client) = client() {
        slot.set_value(client.send(request, bytes));
    }
}

/// Opens a binary: kept on the page (to download, to send again after a restart) and
/// inspected by the worker.
pub(super) fn open_bytes(state: State, name: String, bytes: Vec<u8>) {
    state.reveal_next.set_value(true);
    state.parent.set(None);
    state.pending_name.set_value(name);
    state.status.set(Status::Working(Stage::Structure));
    state.run.set(None);
    forget_run(state);
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

/// Forgets the last run, which was of another binary; one still going is ended.
fn forget_run(state: State) {
    if state.program.clear() {
        restart(state, false);
    }
}

/// Compiles the editor's text now; `name` is what the binary will be called.
pub(super) fn compile_now(state: State, name: &str) {
    let text = state.text.get_untracked();
    forget_run(state);
    state.reveal_next.set_value(false);
    state.parent.set(None);
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

/// Puts a text file into the editor (kept as typed text is) and compiles it; what it
/// compiles to is announced and shown as an opened binary is.
fn open_text(state: State, name: &str, text: String) {
    if text.chars().count() <= playground::MAX_STORED_CHARS {
        browser::storage_set(playground::STORE_KEY, &playground::to_store(&text));
    }
    state.text.set(text);
    let stem = name
        .strip_suffix(".wat")
        .or_else(|| name.strip_suffix(".wast"))
        .unwrap_or(name);
    compile_now(state, &format!("{stem}.wasm"));
    state.reveal_next.set_value(true);
}

/// Compiles the editor's text once typing pauses.
pub(super) fn compile_soon(state: State) {
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

pub(super) fn request_text(state: State) {
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
pub(super) fn on_response(state: State, id: u32, response: Response) {
    match response {
        Response::Ready if state.status.get_untracked() == Status::Starting => {
            state.status.set(Status::Idle);
        }
        Response::Progress { stage } if id == state.load_id.get_value() => {
            state.status.set(Status::Working(stage));
        }
        Response::Progress { .. } => {}
        Response::Compiled { result, invalid } if id == state.load_id.get_value() => match result {
            Ok(bytes) => {
                let name = state.pending_name.get_value();
                let bytes = Rc::new(bytes);
                state.compile.set(Some(Ok(Compiled {
                    name: name.clone(),
                    bytes: bytes.clone(),
                    invalid,
                })));
                state.opened.set(Some(Opened {
                    name,
                    bytes,
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
            for filtered in state.filtered {
                filtered.set(None);
            }
            state.shown.set(Some(*shown));
            if state.reveal_next.get_value() {
                // Said, and the focus moved to what is inside (not while typing).
                state.reveal_next.set_value(false);
                state
                    .status
                    .set(Status::Opened(state.pending_name.get_value()));
                state.reveal.update(|n| *n += 1);
            } else {
                state.status.set(Status::Idle);
            }
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
        Response::Filtered { list, html }
            if id == state.filter_ids[list_index(list)].get_value() =>
        {
            state.filtered[list_index(list)].set(Some(html));
        }
        Response::TextFile(_) if id != state.file_id.get_value() => {}
        Response::TextFile(file) => {
            state.status.set(Status::Idle);
            match file {
                Ok(file) => {
                    let name = format!(
                        "{}.wat",
                        state.shown_name.get_untracked().trim_end_matches(".wasm")
                    );
                    browser::download_bytes(&name, "text/plain;charset=utf-8", &file.bytes);
                }
                Err(e) => state.status.set(Status::Failed(e.message)),
            }
        }
        Response::Output(batch) if id == state.program.run_id.get_value() => {
            state.program.output.update(|o| o.extend(batch));
        }
        Response::Ran(shown) if id == state.program.run_id.get_value() => {
            state.program.ended();
            state
                .program
                .end
                .set(Some(ProgramEnd::Done(Rc::new(*shown))));
        }
        Response::Failed(error) if id == state.program.run_id.get_value() => {
            state.program.ended();
            state
                .program
                .end
                .set(Some(ProgramEnd::Failed(error.message)));
        }
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
                ..CallShown::default()
            })));
        }
        Response::Failed(error) if id == WORKER_STOPPED => {
            // The worker stopped (it panicked, or died): a new one takes the next request.
            if state.program.running() {
                state.program.ended();
                state
                    .program
                    .end
                    .set(Some(ProgramEnd::Failed(error.message.clone())));
            }
            state.status.set(Status::Failed(error.message));
            restart(state, false);
        }
        // Not restarted: another would fail to load the same way.
        Response::Failed(_) if id == WORKER_MISSING => state.status.set(Status::WorkerMissing),
        Response::Failed(error) if id == state.load_id.get_value() => {
            state.status.set(Status::Failed(error.message));
        }
        Response::NoBinary | Response::Failed(_) => {}
        // Answers to requests since replaced.
        _ => {}
    }
}

/// Where a list's state is kept in [`State::filtered`].
pub(super) fn list_index(list: List) -> usize {
    match list {
        List::Imports => 0,
        List::Exports => 1,
    }
}

/// Shows the rows of `list` whose names hold `query` (all of them for an empty one).
pub(super) fn filter(state: State, list: List, query: String) {
    let index = list_index(list);
    if query.trim().is_empty() {
        // As inspected; an answer still on its way is not waited for.
        state.filter_ids[index].set_value(0);
        state.filtered[index].set(None);
        return;
    }
    send(
        state.filter_ids[index],
        Request::Filter { list, query },
        None,
    );
}

/// Stops the worker and starts a new one; the binary on screen is sent again when
/// `resend` (after a runaway call), so the page can go on calling it.
pub(super) fn restart(state: State, resend: bool) {
    CALL_TIMER.with_borrow_mut(|t| *t = None);
    // A run the restart ends (Cancel) says so rather than running forever.
    if state.program.running() {
        state.program.ended();
        state.program.end.set(Some(ProgramEnd::Stopped));
    }
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
pub(super) fn start_request() -> Request {
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

pub(super) fn call(state: State, export: &CallableExport, args: Vec<String>) {
    let time_limit_ms = call_limit(state);
    start_call(
        state,
        export.name.clone(),
        Request::Call {
            export: export.name.clone(),
            args,
            time_limit_ms,
        },
    );
}

/// Calls export `index` (named `name`) of the component on screen with arguments
/// written as WAVE.
pub(super) fn call_component(state: State, index: usize, name: String, args: Vec<String>) {
    let time_limit_ms = call_limit(state);
    start_call(
        state,
        name,
        Request::CallComponent {
            export: index,
            args,
            trap_imports: state.trap_imports.get_untracked(),
            time_limit_ms,
        },
    );
}

fn call_limit(state: State) -> u32 {
    state.limit_ms.get_untracked().clamp(10, 600_000)
}

/// Sends a call and stops it (with the worker) past the time limit.
fn start_call(state: State, name: String, request: Request) {
    let limit = call_limit(state);
    state.run.set(Some(Run::Running(name.clone())));
    send(state.call_id, request, None);
    let timer = gloo_timers::callback::Timeout::new(limit, move || {
        state.run.set(Some(Run::TimedOut(name.clone(), limit)));
        restart(state, true);
    });
    CALL_TIMER.with_borrow_mut(|t| *t = Some(timer));
}

pub(super) fn status_text(status: &Status, lang: Lang) -> String {
    match status {
        Status::Starting => Key::PlaygroundStarting.text(lang).to_owned(),
        Status::Idle => String::new(),
        Status::Working(Stage::Structure) => Key::PlaygroundReading.text(lang).to_owned(),
        Status::Working(Stage::Validation) => Key::PlaygroundValidating.text(lang).to_owned(),
        Status::Working(Stage::Printing) => Key::PlaygroundPrinting.text(lang).to_owned(),
        Status::Cancelled => Key::PlaygroundCancelled.text(lang).to_owned(),
        Status::Failed(message) => Key::PlaygroundWorkerFailed.fill(lang, &[("message", message)]),
        Status::ReadingFile(name) => Key::PlaygroundReadingFile.fill(lang, &[("name", name)]),
        Status::Said(key, values) => {
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            key.fill(lang, &values)
        }
        Status::WorkerMissing => Key::PlaygroundWorkerMissing.text(lang).to_owned(),
        Status::Opened(name) => Key::PlaygroundOpened.fill(lang, &[("name", name)]),
    }
}

pub(super) fn text_error(e: &TextError, lang: Lang) -> String {
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

pub(super) fn run_text(run: &Run, lang: Lang) -> (String, Vec<String>) {
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

/// Opens a file the reader chose or dropped, unless it is over the size limit.
pub(super) fn open_file(state: State, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        // Refused before reading: a file this large would not be inspected in
        // reasonable time or memory here.
        state.status.set(Status::Said(
            Key::PlaygroundTooLarge,
            vec![
                ("name", name),
                ("size", tables::bytes_text(file.size() as u64)),
                ("limit", tables::bytes_text(MAX_FILE_BYTES)),
            ],
        ));
        return;
    }
    state.status.set(Status::ReadingFile(name.clone()));
    leptos::task::spawn_local(async move {
        match client::read_file(&file).await {
            Ok(bytes) => match playground::wat_text(&name, &bytes) {
                Some(text) => open_text(state, &name, text),
                None => open_bytes(state, name, bytes),
            },
            Err(key) => state.status.set(Status::Said(key, vec![("name", name)])),
        }
    });
}
