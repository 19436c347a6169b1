//! The sections of the binary on screen, drawn by the app's chart frame: bars or a table,
//! sorting, a log scale, hiding rows, CSV, SVG and PNG, its view kept in the link
//! (`?sections=`). In split builds the frame's code is fetched when the chart comes near
//! the screen (`code::section_chart`); a reader who never scrolls to it does not pay for
//! it.

use leptos::prelude::*;

use crate::domain::chart::Row;

/// The section chart for `rows`, which change from file to file under the same frame.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn SectionChart(rows: Signal<Vec<Row>>) -> impl IntoView {
    use crate::domain::inspect::chart::SECTIONS_CHART;
    use crate::ui::charts::Chart;
    view! { <Chart def=&SECTIONS_CHART rows=rows nested=true /> }
}

/// How far from the screen the chart's code starts to load: a screen's height, so that
/// it is usually drawn by the time the reader reaches it.
#[cfg(target_arch = "wasm32")]
const AHEAD: &str = "100% 0px";

/// Where the chart is: not yet near the screen, its code coming, drawn, or without its
/// code (with a retry).
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drawn {
    Waiting,
    Loading,
    Ready,
    Failed,
}

#[cfg(target_arch = "wasm32")]
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

/// The section chart for `rows`, which change from file to file under the same frame.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn SectionChart(rows: Signal<Vec<Row>>) -> impl IntoView {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    use crate::i18n::Key;
    use crate::ui::i18n::t;
    use crate::ui::pages::code;

    let host = NodeRef::<leptos::html::Div>::new();
    let drawn = RwSignal::new(Drawn::Waiting);
    let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    // The chart lives under this component's owner (its language, location and view
    // context), not under the task that loads its code.
    let owner = StoredValue::new_local(Owner::current());
    let draw = move |el: web_sys::HtmlElement, view: code::SectionChartView| {
        let mount = || untrack(|| view(el, rows));
        let handle = match owner.try_get_value().flatten() {
            Some(owner) => owner.with(mount),
            None => mount(),
        };
        mounted.try_set_value(Some(handle));
        drawn.try_set(Drawn::Ready);
    };
    let load = move || {
        let Some(el) = host.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlElement = el.unchecked_into();
        drawn.set(Drawn::Loading);
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            let loaded = code::load_section_chart().await;
            if !el.is_connected() {
                return;
            }
            match loaded {
                Ok(view) => draw(el, view),
                Err(_) => drop(drawn.try_set(Drawn::Failed)),
            }
        });
        #[cfg(not(feature = "split"))]
        if let Ok(view) = code::section_chart() {
            draw(el, view);
        }
    };

    // Loads the chart's code once the host comes within `AHEAD` of the screen.
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
        if cfg!(not(feature = "split")) {
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
            // No observer in this browser: the chart is drawn at once.
            Err(_) => load(),
        }
    });
    // Once its code is asked for, the chart needs no watching.
    Effect::new(move |_| {
        if drawn.get() != Drawn::Waiting {
            stop_watching();
        }
    });
    on_cleanup(stop_watching);

    let loading = move || {
        (drawn.get() == Drawn::Loading).then(|| {
            view! {
                <p class="note pg-chart-loading" role="status">{t(Key::PlaygroundChartLoading)}</p>
            }
        })
    };
    let failed = move || {
        (drawn.get() == Drawn::Failed).then(|| {
            view! {
                <div class="notice pg-chart-failed" role="alert">
                    <p>{t(Key::PlaygroundChartFailed)}</p>
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
        <div class="pg-chart-host" data-state=move || drawn.get().name() node_ref=host></div>
    }
}
