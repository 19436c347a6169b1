//! What the playground shows of the binary on screen: its tables (written by the
//! worker), the nested modules of a component, its WIT world, the exports to call and
//! their results, and its text.

use std::rc::Rc;

use leptos::prelude::*;

use super::component_calls::ComponentHost;
use super::program::ProgramHost;
use super::section_chart::SectionChart;
use super::session::{
    DEFAULT_LIMIT_MS, Opened, Run, State, Status, call, filter, list_index, request_text, run_text,
    send, text_error,
};
use super::tables;
use crate::domain::inspect::chart::section_rows;
use crate::domain::inspect::protocol::{Both, List, Request, Shown, Stage};
use crate::domain::inspect::{CallableExport, Kind, NumType};
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};

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

/// The time limit of a call or a run (one for both), in milliseconds.
#[component]
pub(super) fn LimitField(state: State, label: Key) -> impl IntoView {
    view! {
        <label class="field pg-limit">
            <span>{t(label)}</span>
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
    }
}

/// What the last call returned: its sentence, a component's value as WAVE and as a
/// tree, where it trapped, the calls its imports received.
#[component]
pub(super) fn CallOutput(state: State) -> impl IntoView {
    let lang = use_lang();
    let output = move || {
        state.run.get().map(|run| {
            let (head, calls) = run_text(&run, lang.get());
            let calls = (!calls.is_empty()).then(|| {
                let title = match calls.len() {
                    1 => Key::PlaygroundImportCallsOne.text(lang.get()).to_owned(),
                    n => Key::PlaygroundImportCalls.fill(lang.get(), &[("n", &n.to_string())]),
                };
                view! {
                    <p class="note">{title}</p>
                    <ol class="pg-import-calls">
                        {calls.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ol>
                }
            });
            let (backtrace, value) = match run {
                Run::Done(shown) => (
                    super::program::backtrace_view(&shown.backtrace),
                    shown.wave.map(|wave| {
                        let copy = {
                            let wave = wave.clone();
                            Callback::new(move |()| wave.clone())
                        };
                        view! {
                            <h4>{t(Key::ComponentAsWave)}</h4>
                            <pre class="pg-wave"><code>{wave}</code></pre>
                            <crate::ui::components::copy::CopyButton
                                label=Key::ComponentCopyWave
                                copied=Key::ComponentCopiedWave
                                text=copy
                                name="wave"
                            />
                            {shown.tree.map(|tree| view! {
                                <h4>{t(Key::ComponentAsTree)}</h4>
                                <div class="pg-value-tree">{super::component_calls::tree_view(tree)}</div>
                            })}
                        }
                    }),
                ),
                _ => (None, None),
            };
            view! {
                <p class="pg-run-result">{head}</p>
                {value}
                {backtrace}
                {calls}
            }
        })
    };
    view! { <div class="pg-run-output" aria-live="polite">{output}</div> }
}

/// The "What is inside" section of the page.
#[component]
pub(super) fn Results(state: State) -> impl IntoView {
    let lang = use_lang();
    // The results, rebuilt when the inspection or the language changes.
    let name = move || state.shown_name.get();
    // One of the worker's HTML parts, in the reader's language.
    let part = move |of: fn(&Shown) -> &Both| {
        move || {
            let lang = lang.get();
            state
                .shown
                .with(|shown| shown.as_ref().map(|s| of(s).get(lang).to_owned()))
                .unwrap_or_default()
        }
    };
    // The sections, drawn by the app's chart frame (`SectionChart`). The frame is made
    // once, when there are first sections to draw; another file changes its rows, not
    // the frame.
    let rows = Memo::new_with_compare(
        move |_| {
            state.shown.with(|s| {
                s.as_ref()
                    .filter(|s| s.kind != Kind::NotWasm)
                    .map(|s| section_rows(&s.sections))
                    .unwrap_or_default()
            })
        },
        |_, _| true,
    );
    let has_rows = Memo::new(move |_| rows.with(|r| !r.is_empty()));
    let sections_chart = move || {
        has_rows.get().then(|| {
            view! { <SectionChart rows=Signal::from(rows) /> }
        })
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
                        let parent = state.opened.get_untracked();
                        state.reveal_next.set_value(true);
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
                        // The way back, to the outermost (a nested one's own nested
                        // ones go back to it too).
                        state.parent.update(|p| {
                            if p.is_none() {
                                *p = parent;
                            }
                        });
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
    let is_program = move || {
        state
            .shown
            .with(|s| s.as_ref().is_some_and(|s| s.valid && s.plan.is_program()))
    };
    let wit_text = move || match state.wit.get() {
        None => Key::PlaygroundWorking.text(lang.get()).to_owned(),
        Some(Ok(wit)) => wit,
        Some(Err(e)) => text_error(&e, lang.get()),
    };

    // The exports to call: the first hundred, or those whose names hold the filter's
    // text (a module can export thousands: a row each was 25,000 elements at 5,000).
    let call_query = RwSignal::new(String::new());
    Effect::new(move |_| {
        state.shown.track();
        call_query.set(String::new());
    });
    let call_count = move || {
        state
            .shown
            .with(|s| s.as_ref().map_or(0, |s| s.callable.len()))
    };
    let callables = move || {
        let query = call_query.get().trim().to_lowercase();
        state
            .shown
            .with(|s| {
                s.as_ref()
                    .map(|s| {
                        s.callable
                            .iter()
                            .filter(|e| query.is_empty() || e.name.to_lowercase().contains(&query))
                            .take(tables::LIST_ROWS)
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .into_iter()
            .map(|export| view! { <CallRow state=state export=export /> })
            .collect_view()
    };
    let call_filter = move || {
        (call_count() > tables::LIST_ROWS).then(|| {
            let note = move || {
                let query = call_query.get();
                let folded = query.trim().to_lowercase();
                let matching = state.shown.with(|s| {
                    s.as_ref().map_or(0, |s| {
                        s.callable
                            .iter()
                            .filter(|e| {
                                folded.is_empty() || e.name.to_lowercase().contains(&folded)
                            })
                            .count()
                    })
                });
                let shown = matching.min(tables::LIST_ROWS).to_string();
                let lang = lang.get();
                if folded.is_empty() {
                    Key::PlaygroundListCut
                        .fill(lang, &[("shown", &shown), ("count", &matching.to_string())])
                } else if matching == 0 {
                    Key::PlaygroundListNoMatch.fill(lang, &[("query", query.trim())])
                } else {
                    Key::PlaygroundListMatches.fill(
                        lang,
                        &[
                            ("shown", &shown),
                            ("count", &matching.to_string()),
                            ("query", query.trim()),
                        ],
                    )
                }
            };
            view! {
                <label class="field pg-filter">
                    <span>{t(Key::PlaygroundFilterCalls)}</span>
                    <input
                        type="search"
                        data-list="calls"
                        autocomplete="off"
                        prop:value=move || call_query.get()
                        on:input=move |ev| call_query.set(event_target_value(&ev))
                    />
                </label>
                <p class="note pg-list-cut">{note}</p>
            }
        })
    };
    let text_view = move || match state.printed.get() {
        None => Key::PlaygroundWorking.text(lang.get()).to_owned(),
        Some(Ok(printed)) => printed.text,
        Some(Err(e)) => text_error(&e, lang.get()),
    };
    // What is cut, and what gives the whole (the note knows whether signatures only
    // is already on).
    let truncated = move || {
        state
            .printed
            .with(|p| matches!(p, Some(Ok(p)) if p.truncated))
            .then(|| {
                let key = if state.skeleton.get() {
                    Key::PlaygroundTruncatedSkeleton
                } else {
                    Key::PlaygroundTruncated
                };
                view! { <p class="note pg-truncated">{t(key)}</p> }
            })
    };
    let toggle_skeleton = move |_| {
        state.skeleton.update(|s| *s = !*s);
        request_text(state);
    };
    // The whole text: what is on screen, or, when that is cut, printed again whole in
    // the worker for the file.
    let download_wat = move |_| match state.printed.get_untracked() {
        Some(Ok(printed)) if !printed.truncated => {
            let file = format!("{}.wat", name().trim_end_matches(".wasm"));
            browser::download(&file, "text/plain;charset=utf-8", &printed.text);
        }
        Some(Ok(_)) => {
            state
                .status
                .set(Status::Said(Key::PlaygroundPrintingFile, Vec::new()));
            send(
                state.file_id,
                Request::PrintFile {
                    skeleton: state.skeleton.get_untracked(),
                },
                None,
            );
        }
        _ => {}
    };
    let copy_wat = Callback::new(move |()| match state.printed.get_untracked() {
        Some(Ok(printed)) => printed.text,
        _ => String::new(),
    });

    // A core module's imports and exports: the first rows as inspected, or those whose
    // names hold what the reader typed in the filter under them (offered when the
    // inspection showed only the first).
    let list_html = move |list: List| {
        let index = list_index(list);
        move || {
            let lang = lang.get();
            state.filtered[index]
                .with(|f| f.as_ref().map(|html| html.get(lang).to_owned()))
                .or_else(|| {
                    state
                        .shown
                        .with(|s| s.as_ref().map(|s| s.lists_html[index].get(lang).to_owned()))
                })
                .unwrap_or_default()
        }
    };
    let list_filter = move |list: List| {
        move || {
            let many = state.shown.with(|s| {
                s.as_ref().is_some_and(|s| {
                    s.kind == Kind::Module
                        && match list {
                            List::Imports => s.imports,
                            List::Exports => s.exports,
                        } > tables::LIST_ROWS
                })
            });
            many.then(|| {
                let label = match list {
                    List::Imports => Key::PlaygroundFilterImports,
                    List::Exports => Key::PlaygroundFilterExports,
                };
                view! {
                    <label class="field pg-filter">
                        <span>{t(label)}</span>
                        <input
                            type="search"
                            data-list=tables::list_id(list)
                            autocomplete="off"
                            on:input=move |ev| filter(state, list, event_target_value(&ev))
                        />
                    </label>
                }
            })
        }
    };

    // A copy without the debug information, made here from the file's sections.
    let stripped = move || {
        let shown = state.shown.with(|s| {
            s.as_ref()
                .map(|s| crate::domain::inspect::debug_info(&s.sections).0 > 0)
        });
        shown.unwrap_or(false).then(|| {
            let copy = move || {
                let bytes = state.opened.with_untracked(|o| o.as_ref().map(|o| o.bytes.clone()))?;
                state.shown.with_untracked(|s| {
                    crate::domain::inspect::without_debug_info(&bytes, &s.as_ref()?.sections)
                })
            };
            let size = copy().map(|c| tables::bytes_text(c.len() as u64));
            size.map(|size| {
                let save = move |_| {
                    if let Some(copy) = copy() {
                        let file = format!("{}.stripped.wasm", name().trim_end_matches(".wasm"));
                        browser::download_bytes(&file, "application/wasm", &copy);
                    }
                };
                view! {
                    <button type="button" class="pg-download-stripped" on:click=save>
                        {move || Key::PlaygroundDownloadStripped.fill(lang.get(), &[("size", &size)])}
                    </button>
                }
            })
        })
    };

    // Back from a nested module or component to the component it is in.
    let back = move || {
        state.parent.get().map(|parent| {
            let label = parent.name.clone();
            let go_back = move |_| {
                let Some(parent) = state.parent.get_untracked() else {
                    return;
                };
                if parent.from_text {
                    // The editor's text, compiled again as it was.
                    super::session::compile_now(state, &parent.name);
                    state.reveal_next.set_value(true);
                } else {
                    super::session::open_bytes(state, parent.name, parent.bytes.to_vec());
                }
            };
            view! {
                <button type="button" class="pg-back" on:click=go_back>
                    {move || Key::PlaygroundBackTo.fill(lang.get(), &[("name", &label)])}
                </button>
            }
        })
    };

    // A file, a lab module or a nested module opened: the focus (and so the screen and
    // a screen reader) moves to what is inside.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |seen: Option<u32>| {
        let now = state.reveal.get();
        if seen.is_some_and(|seen| seen != now)
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
        }
        now
    });
    // The editor's text no longer compiles: what is below is of the text before.
    let error = super::editor::editor_error(state);
    let stale = move || {
        state.compile.with(|c| matches!(c, Some(Err(_))))
            && state
                .opened
                .with(|o| o.as_ref().is_some_and(|o| o.from_text))
            && state.shown.with(Option::is_some)
    };
    let stale_note = move || {
        stale().then(|| {
            error.get().map(|e| {
                let (line, column) = (e.line.to_string(), e.column.to_string());
                view! {
                    <div class="notice pg-stale-note" data-notice="stale">
                        <p>
                            {move || Key::PlaygroundStale.fill(lang.get(), &[("line", &line), ("column", &column)])}
                        </p>
                        <button type="button" class="pg-goto-error" on:click=move |_| super::editor::go_to(state, &e)>
                            {
                                let line = e.line.to_string();
                                move || Key::PlaygroundGotoError.fill(lang.get(), &[("line", &line)])
                            }
                        </button>
                    </div>
                }
            })
        })
    };

    view! {
        <section class="pg-result" class:pg-stale=stale aria-labelledby="pg-result-title" data-live="">
            <h2 id="pg-result-title" tabindex="-1" node_ref=heading>{t(Key::PlaygroundResultTitle)}</h2>
            {back}
            {stale_note}
            <div class="pg-tables" inner_html=part(|s| &s.html)></div>
            {move || is_program().then(|| view! { <ProgramHost state=state /> })}
            {sections_chart}
            <div class="pg-tables" inner_html=part(|s| &s.sections_html)></div>
            {move || has_result().then(|| view! {
                <button type="button" class="pg-sections-csv" on:click=sections_csv>
                    {t(Key::PlaygroundSectionsCsv)}
                </button>
            })}
            <div class="pg-tables" inner_html=list_html(List::Imports)></div>
            {list_filter(List::Imports)}
            <div class="pg-tables" inner_html=list_html(List::Exports)></div>
            {list_filter(List::Exports)}
            <div class="pg-tables" inner_html=part(|s| &s.details_html)></div>
            {stripped}
            {move || has_nested().then(|| view! {
                <h3>{t(Key::PlaygroundNestedTitle)}</h3>
                <ul class="pg-nested">{nested}</ul>
            })}
            {move || is_component().then(|| view! {
                <h3>{t(Key::PlaygroundWitTitle)}</h3>
                <pre class="pg-wit"><code>{wit_text}</code></pre>
                <ComponentHost state=state />
                <CallOutput state=state />
            })}
            {move || is_module().then(|| view! {
                <section class="pg-run" aria-labelledby="pg-run-title">
                    <h3 id="pg-run-title">{t(Key::PlaygroundRunTitle)}</h3>
                    <p class="note">{t(Key::PlaygroundRunLead)}</p>
                    <LimitField state=state label=Key::PlaygroundLimit />
                    {call_filter}
                    <ul class="pg-calls">{callables}</ul>
                    <CallOutput state=state />
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
    }
}
