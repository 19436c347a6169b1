//! The call panel of a component: each exported function with a field per parameter
//! for its value as WAVE (started from a value of its type), its imports (stubs), and
//! the instance the calls share; and a component result drawn as a tree.

use leptos::prelude::*;

use super::results::LimitField;
use super::session::{State, call_component, send};
use crate::domain::component::val::Node;
use crate::domain::inspect::protocol::{ComponentExportShown, Request};
use crate::i18n::Key;
use crate::ui::i18n::{t, use_lang};

/// One export: its name and WIT type, a field per parameter, and Call.
#[component]
fn ComponentCallRow(state: State, index: usize, export: ComponentExportShown) -> impl IntoView {
    let lang = use_lang();
    let inputs: Vec<RwSignal<String>> = export
        .params
        .iter()
        .map(|p| RwSignal::new(p.default.clone()))
        .collect();
    let name = export.name.clone();
    let run = {
        let (inputs, name) = (inputs.clone(), name.clone());
        move || {
            let args = inputs.iter().map(|s| s.get_untracked()).collect();
            call_component(state, index, name.clone(), args);
        }
    };
    let fields = export
        .params
        .iter()
        .zip(inputs.iter().copied())
        .map(|(param, value)| {
            let label = format!("{}: {}", param.name, param.ty);
            let run = run.clone();
            let form = view! {
                <super::value_form::ValueForm ty=param.shape.clone() name=param.name.clone() text=value />
            };
            view! {
                <div class="pg-wave-param">
                <label class="pg-wave-field">
                    <span class="pg-wave-label"><code>{label}</code></span>
                    <input
                        type="text"
                        class="pg-wave-arg"
                        spellcheck="false"
                        autocomplete="off"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                run();
                            }
                        }
                    />
                </label>
                {form}
                </div>
            }
        })
        .collect_view();
    let unsupported = export.unsupported.clone();
    let blocked = unsupported.is_some();
    let note = unsupported.map(|what| {
        let name = name.clone();
        view! {
            <p class="note pg-unsupported">
                {move || Key::ComponentUnsupported.fill(lang.get(), &[("export", &name), ("what", &what)])}
            </p>
        }
    });
    let aria = {
        let name = name.clone();
        move || Key::ComponentCallNamed.fill(lang.get(), &[("export", &name)])
    };
    view! {
        <li class="pg-call pg-component-call" data-export=name.clone()>
            <code class="pg-export-name">{name.clone()}</code>
            <code class="pg-signature">{export.wit.clone()}</code>
            <div class="pg-wave-args">{fields}</div>
            <button
                type="button"
                class="pg-call-button"
                aria-label=aria
                disabled=blocked
                on:click=move |_| run()
            >
                {t(Key::PlaygroundCall)}
            </button>
            {note}
        </li>
    }
}

/// The component call panel, for the component on screen.
#[component]
pub(super) fn ComponentCalls(state: State) -> impl IntoView {
    let lang = use_lang();
    let component = move || {
        state
            .shown
            .with(|s| s.as_ref().and_then(|s| s.component.clone()))
    };
    let refused = move || {
        component().and_then(|c| c.refused).map(
            |r| view! { <p class="note pg-component-refused">{r.get(lang.get()).to_owned()}</p> },
        )
    };
    let imports = move || {
        let imports = component().map(|c| c.imports).unwrap_or_default();
        if imports.is_empty() {
            return view! { <p class="note">{t(Key::ComponentNoImports)}</p> }.into_any();
        }
        let n = imports.len().to_string();
        view! {
            <p class="note">{move || Key::ComponentImports.fill(lang.get(), &[("n", &n)])}</p>
            <ul class="pg-component-imports">
                {imports.into_iter().map(|i| view! { <li><code>{i}</code></li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let rows = move || {
        let exports = component().map(|c| c.exports).unwrap_or_default();
        if exports.is_empty() {
            return view! { <p class="note">{t(Key::ComponentNone)}</p> }.into_any();
        }
        view! {
            <ul class="pg-calls">
                {exports
                    .into_iter()
                    .enumerate()
                    .map(|(index, export)| view! { <ComponentCallRow state=state index=index export=export /> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let runnable = move || component().is_some_and(|c| c.refused.is_none());
    let skipped = move || {
        let skipped = component().map(|c| c.skipped).unwrap_or_default();
        (!skipped.is_empty()).then(|| {
            let names: Vec<String> = skipped
                .iter()
                .map(|(name, why)| format!("{name} ({why})"))
                .collect();
            let names = names.join("; ");
            view! {
                <p class="note pg-component-skipped">
                    {move || Key::ComponentSkipped.fill(lang.get(), &[("names", &names)])}
                </p>
            }
        })
    };
    let fresh = move |_| send(state.call_id, Request::FreshInstance, None);
    view! {
        <section class="pg-run pg-component" aria-labelledby="pg-component-title">
            <h3 id="pg-component-title">{t(Key::ComponentTitle)}</h3>
            {refused}
            {move || runnable().then(|| view! {
                <p class="note">{t(Key::ComponentLead)}</p>
                {imports}
                <div class="pg-component-tools">
                    <label class="pg-check">
                        <input
                            type="checkbox"
                            class="pg-trap-imports"
                            prop:checked=move || state.trap_imports.get()
                            on:change=move |ev| state.trap_imports.set(event_target_checked(&ev))
                        />
                        " "
                        {t(Key::ComponentTrapImports)}
                    </label>
                    <LimitField state=state label=Key::PlaygroundLimit />
                    <button type="button" class="pg-fresh" on:click=fresh>
                        {t(Key::ComponentFresh)}
                    </button>
                </div>
                {rows}
                {skipped}
            })}
        </section>
    }
}

/// A component value as nested lists: each node's key, its text, what is inside.
pub(super) fn tree_view(node: Node) -> AnyView {
    let lang = use_lang();
    let key = (!node.key.is_empty()).then(|| view! { <span class="pg-tree-key">{node.key}</span> });
    let text = (!node.text.is_empty()).then(|| view! { <code>{node.text}</code> });
    let more = node.more;
    let inside = (!node.children.is_empty() || more > 0).then(|| {
        let more = (more > 0).then(|| {
            let n = more.to_string();
            view! { <li class="note">{move || Key::ComponentMore.fill(lang.get(), &[("n", &n)])}</li> }
        });
        view! {
            <ul class="pg-tree">
                {node.children.into_iter().map(|c| view! { <li>{tree_view(c)}</li> }).collect_view()}
                {more}
            </ul>
        }
    });
    view! { {key} {text} {inside} }.into_any()
}

#[cfg(target_arch = "wasm32")]
fn draw_calls(el: web_sys::HtmlElement, state: State) -> Box<dyn std::any::Any> {
    Box::new(leptos::mount::mount_to(el, move || {
        view! { <ComponentCalls state=state /> }
    }))
}

/// The call panel's code. In split builds a chunk of its own, fetched when a component
/// is first on screen: a reader who only opens core modules never loads it.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(component_panel, fallible)]
fn calls_code() -> Result<super::deferred::Draw<State>, crate::ui::pages::code::LoadFailed> {
    Ok(draw_calls)
}

#[cfg(target_arch = "wasm32")]
fn component_code() -> std::pin::Pin<
    Box<
        dyn std::future::Future<
                Output = Result<super::deferred::Draw<State>, crate::ui::pages::code::LoadFailed>,
            >,
    >,
> {
    #[cfg(feature = "split")]
    return Box::pin(calls_code());
    #[cfg(not(feature = "split"))]
    return Box::pin(std::future::ready(Ok(
        draw_calls as super::deferred::Draw<State>
    )));
}

/// Where the call panel goes: natively (the pre-rendered page, the render tests) the
/// panel itself; in the browser, a host it is drawn into once its code is there.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub(super) fn ComponentHost(state: State) -> impl IntoView {
    view! { <ComponentCalls state=state /> }
}

#[cfg(target_arch = "wasm32")]
#[component]
pub(super) fn ComponentHost(state: State) -> impl IntoView {
    use super::deferred::{Part, When, host};
    host(
        Part {
            name: "component",
            code: component_code,
            when: When::Now,
            loading: None,
            failed: Key::ComponentCodeFailed,
        },
        state,
    )
}
