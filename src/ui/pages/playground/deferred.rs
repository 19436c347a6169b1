//! Parts of the playground whose code is a split point of its own (the section chart,
//! the run panel of a WASI program, the call panel of a component): in the browser a
//! host element the part is drawn into once its code is fetched, at once or when the
//! host comes near the screen, with a message while it loads and a retry if it cannot
//! be fetched. Natively (the pre-rendered page, the render tests) each part is drawn
//! directly by its caller.

#![cfg(target_arch = "wasm32")]

use std::any::Any;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::Key;
use crate::ui::i18n::t;
use crate::ui::pages::code::LoadFailed;

/// Draws a part into an element with its argument, and keeps it alive (dropping the
/// box unmounts it).
pub(crate) type Draw<A> = fn(web_sys::HtmlElement, A) -> Box<dyn Any>;

/// Fetches a part's code (at once where there are no split points).
pub(crate) type Code<A> = fn() -> Pin<Box<dyn Future<Output = Result<Draw<A>, LoadFailed>>>>;

/// When a part's code is fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// As soon as the host is on the page.
    Now,
    /// When the host comes within a screen's height of the screen.
    Near,
}

/// How far from the screen a [`When::Near`] part starts to load: a screen's height,
/// so that it is usually drawn by the time the reader reaches it.
const AHEAD: &str = "100% 0px";

/// Where a part is: not yet near the screen, its code coming, drawn, or without its
/// code (with a retry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drawn {
    Waiting,
    Loading,
    Ready,
    Failed,
}

impl Drawn {
    /// The host's `data-state`, which the tests wait on.
    fn name(self) -> &'static str {
        match self {
            Drawn::Waiting => "waiting",
            Drawn::Loading => "loading",
            Drawn::Ready => "ready",
            Drawn::Failed => "failed",
        }
    }
}

/// What a deferred part is.
pub(super) struct Part<A> {
    /// Its classes: `pg-{name}-host`, `pg-{name}-loading`, `pg-{name}-failed`.
    pub(super) name: &'static str,
    pub(super) code: Code<A>,
    pub(super) when: When,
    /// Said while its code comes, if anything.
    pub(super) loading: Option<Key>,
    /// Said when its code cannot be fetched.
    pub(super) failed: Key,
}

/// The host of a deferred part drawn with `arg`.
pub(super) fn host<A: Clone + 'static>(part: Part<A>, arg: A) -> impl IntoView {
    let Part {
        name,
        code,
        when,
        loading,
        failed,
    } = part;
    let host = NodeRef::<leptos::html::Div>::new();
    let drawn = RwSignal::new(Drawn::Waiting);
    let mounted = StoredValue::new_local(None::<Box<dyn Any>>);
    // The part lives under this owner (its language, location and view context), not
    // under the task that loads its code.
    let owner = StoredValue::new_local(Owner::current());
    let arg = StoredValue::new_local(arg);
    let load = move || {
        let Some(el) = host.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlElement = el.unchecked_into();
        drawn.set(Drawn::Loading);
        leptos::task::spawn_local(async move {
            let loaded = code().await;
            if !el.is_connected() {
                return;
            }
            match (loaded, arg.try_get_value()) {
                (Ok(draw), Some(arg)) => {
                    let mount = || untrack(|| draw(el, arg));
                    let handle = match owner.try_get_value().flatten() {
                        Some(owner) => owner.with(mount),
                        None => mount(),
                    };
                    mounted.try_set_value(Some(handle));
                    drawn.try_set(Drawn::Ready);
                }
                (Err(_), _) => drop(drawn.try_set(Drawn::Failed)),
                (Ok(_), None) => {}
            }
        });
    };

    // A `Near` part loads once the host comes within `AHEAD` of the screen.
    type Watch = (
        web_sys::IntersectionObserver,
        Closure<dyn Fn(js_sys::Array)>,
    );
    let watch = StoredValue::new_local(None::<Watch>);
    let stop_watching = move || {
        if let Some((observer, _)) = watch.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        if watch.with_value(Option::is_some) || drawn.get_untracked() != Drawn::Waiting {
            return;
        }
        // Without split points (the component tests) the code is there: nothing to defer.
        if when == When::Now || cfg!(not(feature = "split")) {
            load();
            return;
        }
        let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if near && drawn.get_untracked() == Drawn::Waiting {
                load();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(AHEAD);
        match web_sys::IntersectionObserver::new_with_options(
            seen.as_ref().unchecked_ref(),
            &options,
        ) {
            Ok(observer) => {
                observer.observe(&el);
                watch.set_value(Some((observer, seen)));
            }
            // No observer in this browser: the part is drawn at once.
            Err(_) => load(),
        }
    });
    // Once its code is asked for, the part needs no watching.
    Effect::new(move |_| {
        if drawn.get() != Drawn::Waiting {
            stop_watching();
        }
    });
    on_cleanup(stop_watching);

    let loading = move || {
        loading
            .filter(|_| drawn.get() == Drawn::Loading)
            .map(|key| {
                view! { <p class=format!("note pg-{name}-loading") role="status">{t(key)}</p> }
            })
    };
    let failed = move || {
        (drawn.get() == Drawn::Failed).then(|| {
            view! {
                <div class=format!("notice pg-{name}-failed") role="alert">
                    <p>{t(failed)}</p>
                    <button type="button" class="page-load-retry" on:click=move |_| load()>
                        {t(Key::PageCodeRetry)}
                    </button>
                </div>
            }
        })
    };
    view! {
        {loading}
        {failed}
        <div
            class=format!("pg-{name}-host")
            data-state=move || drawn.get().name()
            node_ref=host
        ></div>
    }
}
