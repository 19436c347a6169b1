//! A form for a component value, built from its WIT type: a text field for numbers,
//! characters and strings, a checkbox for a bool, a list of subforms with Add and
//! Remove, a row per record field or tuple element, a choice of case for a variant, an
//! enum or a result, a checkbox per flag, "a value" for an option; nested to any depth.
//! It writes WAVE, which is what a call sends (the WAVE field stays the one source).

use leptos::prelude::*;

use crate::domain::component::Ty;
use crate::domain::component::val::{label, quote_char, quote_string};
use crate::i18n::Key;
use crate::ui::i18n::t as say;

/// What the reader chose for a value of one type.
#[derive(Clone)]
enum Field {
    /// Numbers, characters and strings, as typed.
    Text(RwSignal<String>),
    Bool(RwSignal<bool>),
    /// Elements, each with a key that stays when others are removed.
    List(RwSignal<Vec<(u64, Field)>>, StoredValue<u64>),
    /// Record fields, tuple elements, a fixed list's elements.
    Row(Vec<Field>),
    /// The chosen case and a form for each case's payload.
    Case(RwSignal<usize>, Vec<Option<Field>>),
    Flags(Vec<RwSignal<bool>>),
    Optional(RwSignal<bool>, Box<Field>),
}

/// A form for a value of `ty`, starting from its default value.
fn field(ty: &Ty) -> Field {
    match ty {
        Ty::Bool => Field::Bool(RwSignal::new(false)),
        Ty::List(_) => Field::List(RwSignal::new(Vec::new()), StoredValue::new(0)),
        Ty::FixedList(t, n) => Field::Row((0..*n).map(|_| field(t)).collect()),
        Ty::Record(fields) => Field::Row(fields.iter().map(|(_, t)| field(t)).collect()),
        Ty::Tuple(ts) => Field::Row(ts.iter().map(field).collect()),
        Ty::Variant(cases) => Field::Case(
            RwSignal::new(0),
            cases.iter().map(|(_, t)| t.as_ref().map(field)).collect(),
        ),
        Ty::Enum(_) => Field::Case(RwSignal::new(0), Vec::new()),
        Ty::Result(ok, err) => Field::Case(
            RwSignal::new(0),
            vec![ok.as_deref().map(field), err.as_deref().map(field)],
        ),
        Ty::Flags(names) => Field::Flags(names.iter().map(|_| RwSignal::new(false)).collect()),
        Ty::Option(t) => Field::Optional(RwSignal::new(false), Box::new(field(t))),
        Ty::Char => Field::Text(RwSignal::new("a".into())),
        Ty::String => Field::Text(RwSignal::new(String::new())),
        _ => Field::Text(RwSignal::new("0".into())),
    }
}

fn joined(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}

/// The WAVE text of what the form holds (reading its signals, so an effect that calls
/// it follows every change).
fn wave(ty: &Ty, f: &Field) -> String {
    match (ty, f) {
        (Ty::String, Field::Text(s)) => quote_string(&s.get()),
        (Ty::Char, Field::Text(s)) => quote_char(s.get().chars().next().unwrap_or('\0')),
        (_, Field::Text(s)) => {
            let text = s.get().trim().to_owned();
            if text.is_empty() { "0".into() } else { text }
        }
        (_, Field::Bool(b)) => b.get().to_string(),
        (Ty::List(t), Field::List(items, _)) => {
            format!("[{}]", joined(items.get().iter().map(|(_, f)| wave(t, f))))
        }
        (Ty::FixedList(t, _), Field::Row(fs)) => {
            format!("[{}]", joined(fs.iter().map(|f| wave(t, f))))
        }
        (Ty::Record(fields), Field::Row(fs)) => format!(
            "{{{}}}",
            joined(fields.iter().zip(fs).map(|((name, t), f)| format!(
                "{}: {}",
                label(name),
                wave(t, f)
            )))
        ),
        (Ty::Tuple(ts), Field::Row(fs)) => {
            format!("({})", joined(ts.iter().zip(fs).map(|(t, f)| wave(t, f))))
        }
        (Ty::Variant(cases), Field::Case(chosen, payloads)) => {
            let i = chosen.get().min(cases.len().saturating_sub(1));
            let Some((name, t)) = cases.get(i) else {
                return String::new();
            };
            match (t, payloads.get(i).and_then(Option::as_ref)) {
                (Some(t), Some(f)) => format!("{}({})", label(name), wave(t, f)),
                _ => label(name),
            }
        }
        (Ty::Enum(cases), Field::Case(chosen, _)) => cases
            .get(chosen.get())
            .map(|c| label(c))
            .unwrap_or_default(),
        (Ty::Result(ok, err), Field::Case(chosen, payloads)) => {
            let (name, t) = if chosen.get() == 0 {
                ("ok", ok)
            } else {
                ("err", err)
            };
            let payload = payloads.get(chosen.get().min(1)).and_then(Option::as_ref);
            match (t, payload) {
                (Some(t), Some(f)) => format!("{name}({})", wave(t, f)),
                _ => name.to_owned(),
            }
        }
        (Ty::Flags(names), Field::Flags(set)) => format!(
            "{{{}}}",
            joined(
                names
                    .iter()
                    .zip(set)
                    .filter(|(_, on)| on.get())
                    .map(|(n, _)| label(n))
            )
        ),
        (Ty::Option(t), Field::Optional(some, f)) => {
            if some.get() {
                format!("some({})", wave(t, f))
            } else {
                "none".into()
            }
        }
        _ => String::new(),
    }
}

/// A choice among names (a variant's or an enum's cases, ok or err).
fn choice(names: Vec<String>, chosen: RwSignal<usize>, aria: String) -> AnyView {
    let options = names
        .into_iter()
        .enumerate()
        .map(|(i, n)| view! { <option value=i.to_string() selected=move || chosen.get() == i>{n}</option> })
        .collect_view();
    view! {
        <select
            class="pg-form-case"
            aria-label=aria
            on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))
        >
            {options}
        </select>
    }
    .into_any()
}

/// The form's fields for a value of `ty`; `name` labels them for screen readers.
fn form(ty: Ty, f: Field, name: String) -> AnyView {
    match (ty, f) {
        (ty, Field::Text(s)) => {
            let placeholder = ty.to_string();
            view! {
                <input
                    type="text"
                    class="pg-form-text"
                    spellcheck="false"
                    aria-label=name
                    placeholder=placeholder
                    prop:value=move || s.get()
                    on:input=move |ev| s.set(event_target_value(&ev))
                />
            }
            .into_any()
        }
        (_, Field::Bool(b)) => view! {
            <input
                type="checkbox"
                aria-label=name
                prop:checked=move || b.get()
                on:change=move |ev| b.set(event_target_checked(&ev))
            />
        }
        .into_any(),
        (Ty::List(t), Field::List(items, next)) => {
            let elem = (*t).clone();
            let add = {
                let elem = elem.clone();
                move |_| {
                    let key = next.get_value();
                    next.set_value(key + 1);
                    items.update(|v| v.push((key, field(&elem))));
                }
            };
            let rows = {
                let (elem, name) = (elem.clone(), name.clone());
                move || {
                    let list = items.get();
                    if list.is_empty() {
                        return view! { <p class="note">{say(Key::ComponentFormEmpty)}</p> }
                            .into_any();
                    }
                    view! {
                        <ol class="pg-form-list">
                            {list
                                .into_iter()
                                .enumerate()
                                .map(|(i, (key, f))| {
                                    let remove = move |_| items.update(|v| v.retain(|(k, _)| *k != key));
                                    view! {
                                        <li>
                                            {form(elem.clone(), f, format!("{name} [{i}]"))}
                                            <button type="button" class="pg-form-remove" on:click=remove>
                                                {say(Key::ComponentFormRemove)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            };
            view! {
                <div class="pg-form-nest">
                    {rows}
                    <button type="button" class="pg-form-add" on:click=add>{say(Key::ComponentFormAdd)}</button>
                </div>
            }
            .into_any()
        }
        (ty @ (Ty::Record(_) | Ty::Tuple(_) | Ty::FixedList(..)), Field::Row(fs)) => {
            let labels: Vec<(String, Ty)> = match ty {
                Ty::Record(fields) => fields,
                Ty::Tuple(ts) => ts
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| (i.to_string(), t))
                    .collect(),
                Ty::FixedList(t, n) => (0..n).map(|i| (i.to_string(), (*t).clone())).collect(),
                _ => Vec::new(),
            };
            let rows = labels
                .into_iter()
                .zip(fs)
                .map(|((key, t), f)| {
                    let inner = form(t, f, format!("{name}.{key}"));
                    view! { <div class="pg-form-row"><span class="pg-tree-key">{key}</span>{inner}</div> }
                })
                .collect_view();
            view! { <div class="pg-form-nest">{rows}</div> }.into_any()
        }
        (ty @ (Ty::Variant(_) | Ty::Enum(_) | Ty::Result(..)), Field::Case(chosen, payloads)) => {
            let (names, types): (Vec<String>, Vec<Option<Ty>>) = match ty {
                Ty::Variant(cases) => cases.into_iter().unzip(),
                Ty::Enum(cases) => {
                    let n = cases.len();
                    (cases, vec![None; n])
                }
                Ty::Result(ok, err) => (
                    vec!["ok".into(), "err".into()],
                    vec![ok.map(|t| *t), err.map(|t| *t)],
                ),
                _ => (Vec::new(), Vec::new()),
            };
            let select = choice(names.clone(), chosen, name.clone());
            let payload = move || {
                let i = chosen.get();
                let t = types.get(i).cloned().flatten()?;
                let f = payloads.get(i).cloned().flatten()?;
                Some(form(
                    t,
                    f,
                    format!("{name} {}", names.get(i).cloned().unwrap_or_default()),
                ))
            };
            view! { <div class="pg-form-variant">{select}<div class="pg-form-nest">{payload}</div></div> }
                .into_any()
        }
        (Ty::Flags(names), Field::Flags(set)) => {
            let boxes = names
                .into_iter()
                .zip(set)
                .map(|(n, on)| {
                    view! {
                        <label class="pg-check">
                            <input
                                type="checkbox"
                                prop:checked=move || on.get()
                                on:change=move |ev| on.set(event_target_checked(&ev))
                            />
                            " "
                            <code>{n}</code>
                        </label>
                    }
                })
                .collect_view();
            view! { <div class="pg-form-flags">{boxes}</div> }.into_any()
        }
        (Ty::Option(t), Field::Optional(some, f)) => {
            let inner = form(*t, *f, name.clone());
            view! {
                <div class="pg-form-option">
                    <label class="pg-check">
                        <input
                            type="checkbox"
                            class="pg-form-some"
                            prop:checked=move || some.get()
                            on:change=move |ev| some.set(event_target_checked(&ev))
                        />
                        " "
                        {say(Key::ComponentFormSome)}
                    </label>
                    <div class="pg-form-nest" hidden=move || !some.get()>{inner}</div>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

/// A form for a parameter of type `ty` named `name`, folded: once used, it writes its
/// WAVE text into `text`.
#[component]
pub(super) fn ValueForm(ty: Ty, name: String, text: RwSignal<String>) -> impl IntoView {
    let f = field(&ty);
    let used = StoredValue::new(false);
    {
        let (ty, f) = (ty.clone(), f.clone());
        Effect::new(move |_| {
            let written = wave(&ty, &f);
            // The first run only starts following the form: the field keeps its text
            // until the form is used.
            if used.get_value() {
                text.set(written);
            } else {
                used.set_value(true);
            }
        });
    }
    view! {
        <details class="pg-form">
            <summary>{say(Key::ComponentForm)}</summary>
            <p class="note">{say(Key::ComponentFormNote)}</p>
            {form(ty, f, name)}
        </details>
    }
}
