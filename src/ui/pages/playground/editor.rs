//! The text editor: WebAssembly text compiled as one types, with line numbers, the
//! line of an error marked (in the numbers and across the text) and its message right
//! under it with its line and column and a button that goes there; the compiled
//! binary's download and a link that shares the input.

use leptos::prelude::*;

use super::session::{Compiled, State, compile_soon};
use super::tables;
use crate::domain::inspect::{WatError, utf16_offset};
use crate::domain::playground;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::i18n::{t, use_lang};
use crate::ui::route::History;

/// The error the editor's text has now, if any: it does not compile, or what it
/// compiles to does not validate.
pub(super) fn editor_error(state: State) -> Memo<Option<WatError>> {
    Memo::new(move |_| {
        state.compile.with(|c| match c {
            Some(Err(e)) => Some(e.clone()),
            Some(Ok(c)) => c.invalid.clone(),
            None => None,
        })
    })
}

/// Puts the caret at `error` in the editor and scrolls its line into the middle.
pub(super) fn go_to(state: State, error: &WatError) {
    let Some(area) = leptos::prelude::document()
        .get_element_by_id("pg-editor")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(e).ok())
    else {
        return;
    };
    let at = state
        .text
        .with_untracked(|t| utf16_offset(t, error.line, error.column)) as u32;
    let _ = area.focus();
    let _ = area.set_selection_range(at, at);
    // The line's height from the text's own (whole pixels, no float parsing: that
    // brought Rust's float parser into the page's code, tens of KB).
    let lines = state.text.with_untracked(|t| t.split('\n').count()).max(1) as i32;
    let line_height = (area.scroll_height() / lines).max(1);
    let line = i32::try_from(error.line)
        .unwrap_or(i32::MAX)
        .saturating_sub(1);
    let top = line.saturating_mul(line_height) - area.client_height() / 2;
    area.set_scroll_top(top.max(0));
}

/// The editor, its status line and its tools.
#[component]
pub(super) fn Editor(state: State) -> impl IntoView {
    let lang = use_lang();
    let location = crate::ui::route::use_location();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let gutter = NodeRef::<leptos::html::Div>::new();
    let error = editor_error(state);
    // A textarea shows a last, empty line after a final line break: so do the numbers.
    let lines = Memo::new(move |_| state.text.with(|t| t.split('\n').count()));
    let numbers = move || {
        let count = lines.get();
        let marked = error.with(|e| e.as_ref().map(|e| e.line as usize));
        let list = |range: std::ops::Range<usize>| {
            range.map(|n| n.to_string()).collect::<Vec<_>>().join("\n")
        };
        match marked.filter(|line| (1..=count).contains(line)) {
            None => view! { {list(1..count + 1)} }.into_any(),
            // The numbers stay one text with a line break after each (what a copy or a
            // screen reader gets); the marked one is an inline block across the gutter.
            Some(line) => {
                let before = if line > 1 {
                    format!("{}\n", list(1..line))
                } else {
                    String::new()
                };
                let after = if line < count {
                    format!("\n{}", list(line + 1..count + 1))
                } else {
                    String::new()
                };
                view! {
                    {before}
                    <span class="pg-gutter-error">{line}</span>
                    {after}
                }
                .into_any()
            }
        }
    };
    // The marked line's band across the text moves with it (a background of the
    // text area, scrolled with its content): its place is a style property, set through
    // the style object, as the page's content security policy allows.
    Effect::new(move |_| {
        let line = error.with(|e| e.as_ref().map(|e| e.line));
        if let Some(area) = area.get() {
            let style = web_sys::HtmlElement::style(&area);
            let _ = match line {
                Some(line) => style.set_property("--error-line", &line.to_string()),
                None => style.remove_property("--error-line").map(|_| ()),
            };
        }
    });
    // The numbers' column is as wide as the most digits.
    let boxed = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let digits = lines.get().to_string().len().max(2);
        if let Some(boxed) = boxed.get() {
            let style = web_sys::HtmlElement::style(&boxed);
            let _ = style.set_property("--gutter-digits", &digits.to_string());
        }
    });
    let on_scroll = move |_| {
        if let (Some(area), Some(gutter)) = (area.get_untracked(), gutter.get_untracked()) {
            gutter.set_scroll_top(area.scroll_top());
        }
    };
    let on_text = move |ev: leptos::ev::Event| {
        state.text.set(event_target_value(&ev));
        // A link in the address no longer says what the editor holds: a reload keeps
        // what was typed (stored as one types) rather than going back to the link.
        if !location.hash.get_untracked().is_empty() {
            let (path, search) = (
                location.pathname.get_untracked(),
                location.search.get_untracked(),
            );
            let to = if search.is_empty() {
                path
            } else {
                format!("{path}?{search}")
            };
            location.go(&to, History::Replace, false);
        }
        compile_soon(state);
    };

    // The binary on screen is not the editor's: say so where the reader looks.
    let aside = move || {
        state.opened.with(|o| {
            o.as_ref().filter(|o| !o.from_text).map(|o| {
                let name = o.name.clone();
                view! {
                    <p class="pg-editor-aside note">
                        {move || Key::PlaygroundEditorAside.fill(lang.get(), &[("name", &name)])}
                    </p>
                }
            })
        })
    };
    let compile_line = move || {
        let lang = lang.get();
        let at = |e: &WatError| {
            [
                ("line", e.line.to_string()),
                ("column", e.column.to_string()),
                ("message", e.message.clone()),
            ]
        };
        let fill = |key: Key, values: &[(&str, String)]| {
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            key.fill(lang, &values)
        };
        state.compile.with(|c| match c {
            None => String::new(),
            Some(Ok(Compiled { bytes, invalid, .. })) => {
                let size = ("size", bytes.len().to_string());
                match invalid {
                    None => fill(Key::PlaygroundCompiled, &[size]),
                    Some(e) => {
                        let [line, column, message] = at(e);
                        fill(
                            Key::PlaygroundCompiledInvalid,
                            &[size, line, column, message],
                        )
                    }
                }
            }
            Some(Err(e)) => fill(Key::PlaygroundCompileError, &at(e)),
        })
    };
    let go_to_error = move || {
        error.get().map(|e| {
            let line = e.line.to_string();
            view! {
                <button type="button" class="pg-goto-error" on:click=move |_| go_to(state, &e)>
                    {move || Key::PlaygroundGotoError.fill(lang.get(), &[("line", &line)])}
                </button>
            }
        })
    };
    let compiled = move || state.compile.with(|c| matches!(c, Some(Ok(_))));
    let download_wasm = move |_| {
        let Some(Ok(compiled)) = state.compile.get_untracked() else {
            return;
        };
        let name = if compiled.name.ends_with(".wasm") {
            compiled.name.clone()
        } else {
            format!("{}.wasm", compiled.name)
        };
        browser::download_bytes(&name, "application/wasm", &compiled.bytes);
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
                let name = (!o.from_text).then_some(o.name.as_str());
                playground::to_link(&input, &run, name)
            })
        })
    };
    let share_link = Callback::new(move |()| {
        let here = window().location().href().unwrap_or_default();
        let here = here.split('#').next().unwrap_or_default().to_owned();
        match shared() {
            Some(fragment) => format!("{here}#{fragment}"),
            None => here,
        }
    });
    // Too large for a link: no button that would copy a link to something else.
    let can_share = move || state.opened.with(Option::is_some) && shared().is_some();
    let too_large_to_share = move || {
        (state.opened.with(Option::is_some) && shared().is_none()).then(|| {
            let limit = tables::bytes_text(playground::MAX_SHARED_BYTES as u64);
            view! {
                <p class="note pg-share-too-large">
                    {move || Key::PlaygroundShareTooLarge.fill(lang.get(), &[("limit", &limit)])}
                </p>
            }
        })
    };

    view! {
        <label class="pg-editor-label" for="pg-editor">{t(Key::PlaygroundEditor)}</label>
        {aside}
        <div class="pg-editor-box" class:invalid=move || error.with(Option::is_some) node_ref=boxed>
            <div class="pg-gutter" aria-hidden="true" node_ref=gutter>
                <div class="pg-gutter-lines">{numbers}</div>
            </div>
            <textarea
                id="pg-editor"
                class="pg-editor"
                node_ref=area
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                rows="14"
                aria-describedby="pg-compile"
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || state.text.get()
                on:input=on_text
                on:scroll=on_scroll
            ></textarea>
        </div>
        <div class="pg-compile-row">
            <p id="pg-compile" class="pg-compile" class:error=move || error.with(Option::is_some) role="status" data-live="">
                {compile_line}
            </p>
            {go_to_error}
        </div>
        <div class="pg-text-tools">
            <button type="button" class="pg-download-wasm" on:click=download_wasm disabled=move || !compiled()>
                {t(Key::PlaygroundDownloadWasm)}
            </button>
            {move || can_share().then(|| view! {
                <crate::ui::components::copy::CopyButton
                    label=Key::PlaygroundShare
                    copied=Key::PlaygroundShared
                    text=share_link
                    name="link"
                />
            })}
        </div>
        {too_large_to_share}
    }
}
