//! Running a WASI program: its arguments, environment, standard input and files; the
//! console its output streams into; how it ended; and the files it wrote, to open or
//! download. The run itself is the worker's (`worker::run`).

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::client;
use super::results::LimitField;
use super::session::{State, restart, send};
use super::tables;
use crate::base::lang::Lang;
use crate::domain::inspect::protocol::{Request, RunEnd, RunRequest, RunShown};
use crate::domain::run::console::{OUTPUT_CAP, Stream};
use crate::domain::run::fs::Change;
use crate::domain::run::line::{LineError, parse_env, split_words};
use crate::domain::run::trap::{Frame, frame_line};
use crate::domain::run::{Shows, Why, shows};
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};

/// The most bytes of files and standard input one run takes.
pub(super) const MAX_INPUT_BYTES: u64 = 64_000_000;
/// The most of a text file shown on the page (the download has all of it).
const TEXT_PREVIEW: usize = 64 * 1024;

/// A file the visitor gave the program.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct InputFile {
    pub(super) name: String,
    pub(super) bytes: Rc<Vec<u8>>,
}

/// A message and its values, written in the reader's language when shown.
pub(super) type Said = (Key, Vec<(&'static str, String)>);

/// Where a run is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ProgramEnd {
    Running(String),
    Done(Rc<RunShown>),
    TimedOut(u32),
    Stopped,
    /// What the visitor typed cannot be read, or the worker failed: the message.
    Said(Key, Vec<(&'static str, String)>),
    Failed(String),
}

/// The run panel's state, part of the page's.
#[derive(Clone, Copy)]
pub(super) struct Program {
    pub(super) args: RwSignal<String>,
    pub(super) env: RwSignal<String>,
    pub(super) stdin: RwSignal<String>,
    pub(super) stdin_file: RwSignal<Option<InputFile>, LocalStorage>,
    pub(super) files: RwSignal<Vec<InputFile>, LocalStorage>,
    pub(super) stub: RwSignal<bool>,
    /// What the program wrote, batch by batch.
    pub(super) output: RwSignal<Vec<(Stream, String)>>,
    pub(super) end: RwSignal<Option<ProgramEnd>, LocalStorage>,
    /// What is said about the files the reader gave (too large, unreadable), apart from
    /// the run's own end, which they must not overwrite.
    pub(super) input_said: RwSignal<Option<Said>>,
    pub(super) run_id: StoredValue<u32>,
}

thread_local! {
    /// The time limit of the run in flight (calls of numeric exports have their own).
    static RUN_TIMER: std::cell::RefCell<Option<gloo_timers::callback::Timeout>> =
        const { std::cell::RefCell::new(None) };
}

impl Program {
    pub(super) fn new() -> Program {
        Program {
            args: RwSignal::new(String::new()),
            env: RwSignal::new(String::new()),
            stdin: RwSignal::new(String::new()),
            stdin_file: RwSignal::new_local(None),
            files: RwSignal::new_local(Vec::new()),
            stub: RwSignal::new(false),
            output: RwSignal::new(Vec::new()),
            end: RwSignal::new_local(None),
            input_said: RwSignal::new(None),
            run_id: StoredValue::new(0),
        }
    }

    /// Forgets the last run's output (another binary is on screen). A run still going
    /// is of the binary before: `true` if the worker must be restarted to end it.
    #[must_use]
    pub(super) fn clear(self) -> bool {
        let was_running = self.running();
        self.output.set(Vec::new());
        self.end.set(None);
        self.input_said.set(None);
        self.ended();
        was_running
    }

    /// The run's end came (or will never come): its time limit goes.
    pub(super) fn ended(self) {
        RUN_TIMER.with_borrow_mut(|t| *t = None);
    }

    pub(super) fn running(self) -> bool {
        self.end
            .with_untracked(|e| matches!(e, Some(ProgramEnd::Running(_))))
    }
}

fn line_error(e: &LineError) -> (Key, Vec<(&'static str, String)>) {
    match e {
        LineError::OpenQuote { quote, at } => (
            Key::RunOpenQuote,
            vec![("quote", quote.to_string()), ("at", (at + 1).to_string())],
        ),
        LineError::TrailingBackslash => (Key::RunTrailingBackslash, Vec::new()),
        LineError::NotAVariable { line } => (Key::RunNotVariable, vec![("line", line.to_string())]),
    }
}

/// Starts a run of the binary on screen with what the panel holds.
fn start(state: State, name: String) {
    let program = state.program;
    let parsed = split_words(&program.args.get_untracked())
        .and_then(|args| Ok((args, parse_env(&program.env.get_untracked())?)));
    let (args, env) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let (key, values) = line_error(&e);
            program.end.set(Some(ProgramEnd::Said(key, values)));
            return;
        }
    };
    let stdin: Vec<u8> = match program.stdin_file.get_untracked() {
        Some(file) => file.bytes.to_vec(),
        None => program.stdin.get_untracked().into_bytes(),
    };
    let files = program.files.get_untracked();
    let mut bytes = stdin;
    let stdin_len = bytes.len() as u64;
    for file in &files {
        bytes.extend_from_slice(&file.bytes);
    }
    let limit = state.limit_ms.get_untracked().clamp(10, 600_000);
    program.output.set(Vec::new());
    program.input_said.set(None);
    program.end.set(Some(ProgramEnd::Running(name)));
    send(
        program.run_id,
        Request::Run(RunRequest {
            args,
            env,
            stdin_len,
            files: files
                .iter()
                .map(|f| (f.name.clone(), f.bytes.len() as u64))
                .collect(),
            stub_missing: program.stub.get_untracked(),
        }),
        Some(&bytes),
    );
    let id = program.run_id.get_value();
    let timer = gloo_timers::callback::Timeout::new(limit, move || {
        if program.run_id.get_value() == id && program.running() {
            program.end.set(Some(ProgramEnd::TimedOut(limit)));
            restart(state, true);
        }
    });
    RUN_TIMER.with_borrow_mut(|t| *t = Some(timer));
}

/// Stops the run where it is.
fn stop(state: State) {
    if state.program.running() {
        state.program.ended();
        state.program.end.set(Some(ProgramEnd::Stopped));
        restart(state, true);
    }
}

fn ms_text(ms: f64) -> String {
    crate::base::quantity::number((ms * 1000.0).round() / 1000.0)
}

/// One line on how the run ended.
fn end_text(end: &ProgramEnd, lang: Lang) -> String {
    match end {
        ProgramEnd::Running(name) => Key::RunRunning.fill(lang, &[("name", name)]),
        ProgramEnd::TimedOut(ms) => Key::RunTimedOut.fill(lang, &[("ms", &ms.to_string())]),
        ProgramEnd::Stopped => Key::RunStopped.text(lang).to_owned(),
        ProgramEnd::Said(key, values) => {
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            key.fill(lang, &values)
        }
        ProgramEnd::Failed(message) => Key::RunFailed.fill(lang, &[("message", message)]),
        ProgramEnd::Done(shown) => {
            let ms = ms_text(shown.ms);
            match &shown.end {
                RunEnd::Returned => Key::RunReturned.fill(lang, &[("ms", &ms)]),
                RunEnd::Exited(code) => {
                    Key::RunExited.fill(lang, &[("code", &code.to_string()), ("ms", &ms)])
                }
                RunEnd::Trapped(message) => {
                    Key::RunTrapped.fill(lang, &[("ms", &ms), ("message", message)])
                }
                RunEnd::Refused(message) => message.get(lang).to_owned(),
            }
        }
    }
}

/// Reads the files the visitor picked, then hands them to `done`; a file that would
/// take the run past its limit is refused with a message.
fn read_files(state: State, list: web_sys::FileList, done: impl Fn(Vec<InputFile>) + 'static) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    leptos::task::spawn_local(async move {
        let mut total: u64 = state
            .program
            .files
            .with_untracked(|f| f.iter().map(|f| f.bytes.len() as u64).sum());
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            total += file.size() as u64;
            if total > MAX_INPUT_BYTES {
                state.program.input_said.set(Some((
                    Key::RunFileTooLarge,
                    vec![
                        ("name", name),
                        ("size", tables::bytes_text(file.size() as u64)),
                        ("limit", tables::bytes_text(MAX_INPUT_BYTES)),
                    ],
                )));
                break;
            }
            match client::read_file(&file).await {
                Ok(bytes) => read.push(InputFile {
                    name,
                    bytes: Rc::new(bytes),
                }),
                Err(key) => {
                    state
                        .program
                        .input_said
                        .set(Some((key, vec![("name", name)])));
                }
            }
        }
        done(read);
    });
}

fn picked(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::FileList)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let files = input.files()?;
    Some((input, files))
}

/// A file the program wrote: its name, what happened to it, its size, a download,
/// and what a browser can show of it.
fn written_file(
    path: String,
    change: Change,
    bytes: Vec<u8>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let change_text = move || {
        match change {
            Change::Created => Key::RunCreated,
            Change::Changed => Key::RunChanged,
            Change::Removed => Key::RunRemoved,
        }
        .text(lang.get())
    };
    let size = tables::bytes_text(bytes.len() as u64);
    let shows_as = shows(&path, &bytes);
    let file_name = path.rsplit('/').next().unwrap_or("file").to_owned();
    let mime = match shows_as {
        Shows::Image(m) | Shows::Audio(m) => m,
        Shows::Text => "text/plain;charset=utf-8",
        Shows::Nothing => "application/octet-stream",
    };
    let blob = gloo_file::Blob::new_with_options(bytes.as_slice(), Some(mime));
    let url = Rc::new(gloo_file::ObjectUrl::from(blob));
    let preview = match (change, shows_as) {
        (Change::Removed, _) => None,
        (_, Shows::Text) => {
            let cut = bytes.len().min(TEXT_PREVIEW);
            let text = String::from_utf8_lossy(&bytes[..cut]).into_owned();
            Some(view! { <pre class="pg-file-text">{text}</pre> }.into_any())
        }
        (_, Shows::Image(_)) => Some(
            view! { <img class="pg-file-image" src=url.to_string() alt=path.clone() /> }.into_any(),
        ),
        (_, Shows::Audio(_)) => Some(
            view! { <audio class="pg-file-audio" controls src=url.to_string()></audio> }.into_any(),
        ),
        (_, Shows::Nothing) => None,
    };
    let download = (change != Change::Removed).then(|| {
        let url = Rc::clone(&url);
        let name = file_name.clone();
        let label = move || Key::RunDownload.fill(lang.get(), &[("name", &file_name)]);
        view! {
            <button
                type="button"
                class="pg-file-download"
                on:click=move |_| {
                    browser::save_as(&url, &name);
                }
            >
                {label}
            </button>
        }
    });
    view! {
        <li class="pg-written" data-path=path.clone()>
            <code>{path.clone()}</code>
            " · "
            <span>{change_text}</span>
            " · "
            <span>{size}</span>
            " "
            {download}
            {preview}
        </li>
    }
}

/// Where a module trapped, innermost frame first; the name as the module writes it
/// on hover.
pub(super) fn backtrace_view(frames: &[Frame]) -> Option<impl IntoView + use<>> {
    (!frames.is_empty()).then(|| {
        let rows = frames
            .iter()
            .enumerate()
            .map(|(n, f)| {
                let raw = f.raw.clone().unwrap_or_default();
                view! { <li><code title=raw>{frame_line(n, f)}</code></li> }
            })
            .collect_view();
        view! { <ol class="pg-backtrace">{rows}</ol> }
    })
}

#[cfg(target_arch = "wasm32")]
fn draw_panel(el: web_sys::HtmlElement, state: State) -> Box<dyn std::any::Any> {
    Box::new(leptos::mount::mount_to(el, move || {
        view! { <ProgramPanel state=state /> }
    }))
}

/// The run panel's code. In split builds a chunk of its own (its views are about 45 KB
/// gzip, a sixth of a visit to the playground), fetched when a program is first on
/// screen: a reader who only inspects modules never loads it.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(program_panel, fallible)]
fn panel_code() -> Result<super::deferred::Draw<State>, crate::ui::pages::code::LoadFailed> {
    Ok(draw_panel)
}

#[cfg(target_arch = "wasm32")]
fn program_code() -> std::pin::Pin<
    Box<
        dyn std::future::Future<
                Output = Result<super::deferred::Draw<State>, crate::ui::pages::code::LoadFailed>,
            >,
    >,
> {
    #[cfg(feature = "split")]
    return Box::pin(panel_code());
    #[cfg(not(feature = "split"))]
    return Box::pin(std::future::ready(Ok(
        draw_panel as super::deferred::Draw<State>
    )));
}

/// Where the run panel goes: natively (the pre-rendered page, the render tests) the
/// panel itself; in the browser, a host it is drawn into once its code is there.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub(super) fn ProgramHost(state: State) -> impl IntoView {
    view! { <ProgramPanel state=state /> }
}

#[cfg(target_arch = "wasm32")]
#[component]
pub(super) fn ProgramHost(state: State) -> impl IntoView {
    use super::deferred::{Part, When, host};
    host(
        Part {
            name: "program",
            code: program_code,
            when: When::Now,
            loading: None,
            failed: Key::RunCodeFailed,
        },
        state,
    )
}

/// The run panel, for a WASI program on screen.
#[component]
pub(super) fn ProgramPanel(state: State) -> impl IntoView {
    let lang = use_lang();
    let program = state.program;
    let plan = move || {
        state
            .shown
            .with(|s| s.as_ref().map(|s| s.plan.clone()).unwrap_or_default())
    };
    let missing_note = move || {
        let plan = plan();
        (!plan.missing.is_empty()).then(|| {
            let lang = lang.get();
            let names: Vec<String> = plan
                .missing
                .iter()
                .map(|m| {
                    let why = match m.why {
                        Why::NotWasi => Key::RunWhyNotWasi,
                        Why::UnknownWasi => Key::RunWhyUnknown,
                        Why::WrongType => Key::RunWhyType,
                    };
                    format!("{} ({})", m.full_name(), why.text(lang))
                })
                .collect();
            let text = Key::RunMissing.fill(lang, &[("names", &names.join(", "))]);
            view! {
                <p class="note pg-missing">{text}</p>
                <label class="pg-stub">
                    <input
                        type="checkbox"
                        prop:checked=move || program.stub.get()
                        on:change=move |ev| program.stub.set(event_target_checked(&ev))
                    />
                    " "
                    {t(Key::RunStub)}
                </label>
            }
        })
    };

    let on_add = move |ev: leptos::ev::Event| {
        if let Some((input, list)) = picked(&ev) {
            read_files(state, list, move |read| {
                program.files.update(|files| {
                    for file in read {
                        // A file of the same name replaces the one before.
                        files.retain(|f| f.name != file.name);
                        files.push(file);
                    }
                });
            });
            input.set_value("");
        }
    };
    let on_stdin_file = move |ev: leptos::ev::Event| {
        if let Some((input, list)) = picked(&ev) {
            read_files(state, list, move |mut read| {
                if let Some(file) = read.pop() {
                    program.stdin_file.set(Some(file));
                }
            });
            input.set_value("");
        }
    };
    let file_list = move || {
        let files = program.files.get();
        if files.is_empty() {
            return view! { <p class="note pg-no-files">{t(Key::RunNoFiles)}</p> }.into_any();
        }
        let rows = files
            .into_iter()
            .map(|file| {
                let name = file.name.clone();
                let label = {
                    let name = name.clone();
                    move || Key::RunRemoveNamed.fill(lang.get(), &[("name", &name)])
                };
                let remove = {
                    let name = name.clone();
                    move |_| program.files.update(|f| f.retain(|f| f.name != name))
                };
                view! {
                    <li class="pg-input-file">
                        <code>{name.clone()}</code>
                        " · "
                        {tables::bytes_text(file.bytes.len() as u64)}
                        " "
                        <button type="button" class="pg-remove-file" aria-label=label on:click=remove>
                            {t(Key::RunRemove)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="pg-input-files">{rows}</ul> }.into_any()
    };
    let input_said = move || {
        program.input_said.get().map(|(key, values)| {
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let text = key.fill(lang.get(), &values);
            view! { <p class="pg-input-said warning" role="alert">{text}</p> }
        })
    };
    let stdin_field = move || match program.stdin_file.get() {
        Some(file) => {
            let text = Key::RunStdinUsing.fill(
                lang.get(),
                &[
                    ("name", &file.name),
                    ("size", &tables::bytes_text(file.bytes.len() as u64)),
                ],
            );
            view! {
                <p class="pg-stdin-file">
                    {text}
                    " "
                    <button type="button" on:click=move |_| program.stdin_file.set(None)>
                        {t(Key::RunStdinClear)}
                    </button>
                </p>
            }
            .into_any()
        }
        None => view! {
            <textarea
                class="pg-stdin"
                rows="3"
                spellcheck="false"
                prop:value=move || program.stdin.get()
                on:input=move |ev| program.stdin.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
    };

    let run = move || {
        let name = state.shown_name.get_untracked();
        start(state, name);
    };
    let running = move || {
        program
            .end
            .with(|e| matches!(e, Some(ProgramEnd::Running(_))))
    };
    let on_args_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !running() {
            ev.prevent_default();
            run();
        }
    };

    // One span a batch, added as batches come: a long output is not redrawn whole.
    let batches = move || {
        let run = program.run_id.get_value();
        program
            .output
            .with(|o| (0..o.len()).map(|i| (run, i)).collect::<Vec<_>>())
    };
    let batch = move |(_, i): (u32, usize)| {
        let (stream, text) = program
            .output
            .with_untracked(|o| o.get(i).cloned())
            .unwrap_or((Stream::Stdout, String::new()));
        let class = match stream {
            Stream::Stdout => "pg-stdout",
            Stream::Stderr => "pg-stderr",
        };
        view! { <span class=class>{text}</span> }
    };
    let console_empty = move || {
        (program.output.with(Vec::is_empty) && !running())
            .then(|| view! { <span class="pg-console-empty">{t(Key::RunConsoleEmpty)}</span> })
    };
    let end_line = move || {
        program
            .end
            .with(|e| e.as_ref().map(|e| end_text(e, lang.get())))
            .map(|text| view! { <p class="pg-run-end" role="status">{text}</p> })
    };
    let done = move || {
        program.end.with(|e| match e {
            Some(ProgramEnd::Done(shown)) => Some(Rc::clone(shown)),
            _ => None,
        })
    };
    let details = move || {
        done().map(|shown| {
            let lang_now = lang.get();
            let dropped = (shown.dropped > 0).then(|| {
                let text = Key::RunDropped.fill(
                    lang_now,
                    &[
                        ("cap", &tables::bytes_text(OUTPUT_CAP)),
                        ("size", &tables::bytes_text(shown.dropped)),
                    ],
                );
                view! { <p class="note pg-dropped">{text}</p> }
            });
            let files = (!shown.files.is_empty()).then(|| {
                let rows = shown
                    .files
                    .iter()
                    .map(|f| {
                        written_file(f.path.clone(), f.change, shown.file_bytes(f).to_vec(), lang)
                    })
                    .collect_view();
                view! {
                    <h4>{t(Key::RunFilesWritten)}</h4>
                    <ul class="pg-written-files">{rows}</ul>
                }
            });
            let calls_title = if shown.calls as usize > shown.trace.len() {
                Key::RunCallsFirst.fill(
                    lang_now,
                    &[
                        ("n", &shown.calls.to_string()),
                        ("shown", &shown.trace.len().to_string()),
                    ],
                )
            } else {
                Key::RunCalls.fill(lang_now, &[("n", &shown.calls.to_string())])
            };
            let trace = (shown.calls > 0).then(|| {
                let lines = shown.trace.join("\n");
                view! {
                    <details class="pg-trace">
                        <summary>{calls_title}</summary>
                        <pre><code>{lines}</code></pre>
                    </details>
                }
            });
            let stubbed = (!shown.stubbed.is_empty()).then(|| {
                let title =
                    Key::RunStubbedCalls.fill(lang_now, &[("n", &shown.stubbed.len().to_string())]);
                let lines = shown.stubbed.join("\n");
                view! {
                    <details class="pg-stubbed" open>
                        <summary>{title}</summary>
                        <pre><code>{lines}</code></pre>
                    </details>
                }
            });
            let backtrace = backtrace_view(&shown.backtrace);
            view! { {backtrace} {dropped} {files} {trace} {stubbed} }
        })
    };

    view! {
        <section class="pg-program" aria-labelledby="pg-program-title">
            <h3 id="pg-program-title">{t(Key::RunTitle)}</h3>
            <p class="note">{t(Key::RunLead)}</p>
            {missing_note}
            <div class="pg-program-fields">
                <label class="field pg-args-field">
                    <span>{t(Key::RunArgs)}</span>
                    <input
                        type="text"
                        class="pg-program-args"
                        spellcheck="false"
                        autocomplete="off"
                        prop:value=move || program.args.get()
                        on:input=move |ev| program.args.set(event_target_value(&ev))
                        on:keydown=on_args_key
                    />
                    <small class="note">{t(Key::RunArgsHint)}</small>
                </label>
                <label class="field">
                    <span>{t(Key::RunEnv)}</span>
                    <textarea
                        class="pg-env"
                        rows="2"
                        spellcheck="false"
                        placeholder="LANG=zh_CN.UTF-8"
                        prop:value=move || program.env.get()
                        on:input=move |ev| program.env.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <div class="field">
                    <span>{t(Key::RunStdin)}</span>
                    {stdin_field}
                    <label class="pg-file-pick">
                        <span>{t(Key::RunStdinFile)}</span>
                        " "
                        <input type="file" class="pg-stdin-pick" on:change=on_stdin_file />
                    </label>
                </div>
                <div class="field">
                    <span>{t(Key::RunFiles)}</span>
                    {file_list}
                    {input_said}
                    <label class="pg-file-pick">
                        <span>{t(Key::RunAddFiles)}</span>
                        " "
                        <input type="file" multiple class="pg-files-pick" on:change=on_add />
                    </label>
                </div>
                <LimitField state=state label=Key::RunLimit />
            </div>
            <p class="pg-program-actions">
                <button
                    type="button"
                    class="pg-program-run"
                    prop:disabled=running
                    on:click=move |_| run()
                >
                    {t(Key::RunRun)}
                </button>
                " "
                {move || running().then(|| view! {
                    <button type="button" class="pg-program-stop" on:click=move |_| stop(state)>
                        {t(Key::RunStop)}
                    </button>
                })}
            </p>
            <h4>{t(Key::RunConsole)}</h4>
            <pre class="pg-console" role="log" tabindex="0">
                {console_empty}
                <For each=batches key=|k| *k children=batch />
            </pre>
            {end_line}
            {details}
        </section>
    }
}
