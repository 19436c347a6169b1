//! The WebAssembly lab (`/wasm`): the report's WebAssembly claims beside what this
//! browser shows: feature detection, micro-benchmarks and the app's own start.
//! Results stay in the browser: copied by the visitor, kept in localStorage.

use crate::ui::route::use_location;
use leptos::prelude::*;

use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::base::quantity::number;
use crate::data::notes::INDEPENDENT_FIGURES;
use crate::data::wasm_claims::{Check, WASM_CLAIMS};
use crate::data::wasm_features::{FEATURES, Method};
use crate::domain::query::get_param;
use crate::domain::wasm_lab::{
    DOT_LENGTH, LabResults, Stat, duration_text, instantiate_module, kb_text, speedup_figure,
    speedup_text, stat_text,
};
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::page_intro::PageIntro;
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};
use crate::ui::lab;
use crate::ui::notices::notice_box;

/// Where the last run is kept.
const STORE_KEY: &str = "atlas.lab";

/// How many samples each benchmark takes, and calls per dot-product sample.
#[derive(Clone, Copy)]
struct Plan {
    instantiate: usize,
    /// Instantiations timed together in one sample.
    batch: u32,
    dot_samples: usize,
    dot_reps: u32,
}

const FULL: Plan = Plan {
    instantiate: 31,
    batch: 50,
    dot_samples: 21,
    dot_reps: 800,
};
/// `?quick=1`: for tests, a few samples of each.
const QUICK: Plan = Plan {
    instantiate: 3,
    batch: 50,
    dot_samples: 3,
    dot_reps: 20,
};

/// The benchmark steps, for the progress line.
const STEPS: [Key; 2] = [Key::LabBInstantiate, Key::LabBDot];

#[component]
pub fn WasmPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // Read when used, not while the page is built: the pre-rendered page is hydrated
    // at the bare address, and the query arrives after.
    let plan = move || {
        let quick = get_param(&location.search.get_untracked(), "quick").as_deref() == Some("1");
        if quick { QUICK } else { FULL }
    };
    let results = RwSignal::new(LabResults::default());
    let isolated = RwSignal::new(None::<bool>);
    let last = RwSignal::new(None::<LabResults>);
    let stored_bad = RwSignal::new(false);
    let running = RwSignal::new(None::<usize>);
    let cancel = RwSignal::new(false);
    let finished = RwSignal::new(None::<bool>);
    let wrong = RwSignal::new(None::<(f64, f64)>);

    // Detection after the first paint: tiny modules, a few milliseconds. This effect
    // runs before PageIntro's, so it sets the content mark itself, before the work,
    // to keep detection out of the "first content" figure.
    Effect::new(move |_| {
        browser::mark_content_ready();
        let features: Vec<(String, bool)> = FEATURES
            .iter()
            .map(|f| (f.id.to_owned(), lab::detect(f)))
            .collect();
        let coi = lab::cross_origin_isolated();
        isolated.set(Some(coi));
        match browser::storage_get(STORE_KEY).map(|s| LabResults::from_store(&s)) {
            Some(Some(previous)) => last.set(Some(previous)),
            Some(None) => stored_bad.set(true),
            None => {}
        }
        results.update(|r| {
            r.features = features;
            r.cross_origin_isolated = Some(coi);
            r.browser = lab::user_agent();
        });
        // The start figures once the page has settled (the content mark is set).
        set_timeout(
            move || {
                let (bytes, download, start, content) = lab::app_start();
                results.update(|r| {
                    r.wasm_bytes = bytes;
                    r.wasm_download = download;
                    r.wasm_start = start;
                    r.first_content = content;
                });
            },
            std::time::Duration::from_millis(50),
        );
    });

    let run = move |_| {
        if running.get_untracked().is_some() {
            return;
        }
        cancel.set(false);
        finished.set(None);
        wrong.set(None);
        running.set(Some(0));
        let plan = plan();
        leptos::task::spawn_local(async move {
            let mut samples = Vec::new();
            for i in 0..plan.instantiate {
                if cancel.get_untracked() {
                    break;
                }
                samples.extend(lab::time_instantiate(plan.batch));
                if i % 10 == 9 {
                    lab::yield_to_browser().await;
                }
            }
            results.update(|r| r.instantiate = Stat::of(&samples));
            running.set(Some(1));
            lab::yield_to_browser().await;
            let (mut scalar, mut simd) = (Vec::new(), Vec::new());
            if let Some(kernel) = lab::DotKernel::new().filter(|_| !cancel.get_untracked()) {
                let want = lab::dot_answer();
                if let (_, Some(got)) = kernel.answers()
                    && got != want
                {
                    wrong.set(Some((got, want)));
                }
                for _ in 0..plan.dot_samples {
                    if cancel.get_untracked() {
                        break;
                    }
                    // Interleaved, so that a slow moment weighs on both alike.
                    scalar.extend(kernel.time(false, plan.dot_reps));
                    simd.extend(kernel.time(true, plan.dot_reps));
                    lab::yield_to_browser().await;
                }
            }
            results.update(|r| {
                r.scalar = Stat::of(&scalar);
                r.simd = Stat::of(&simd);
                r.when = lab::iso_now();
            });
            let done = !cancel.get_untracked();
            running.set(None);
            finished.set(Some(done));
            // Keep the run, finished or not, to compare with the next visit.
            let kept = results.get_untracked();
            browser::storage_set(STORE_KEY, &kept.to_store());
        });
    };

    let progress = move || match (running.get(), finished.get()) {
        (Some(step), _) => Key::LabProgress.fill(
            lang.get(),
            &[
                ("step", &(step + 1).to_string()),
                ("total", &STEPS.len().to_string()),
                (
                    "what",
                    &STEPS[step]
                        .text(lang.get())
                        .replace("{{ n }}", &DOT_LENGTH.to_string()),
                ),
            ],
        ),
        (None, Some(true)) => Key::LabDone.text(lang.get()).to_owned(),
        (None, Some(false)) => Key::LabCancelled.text(lang.get()).to_owned(),
        (None, None) => String::new(),
    };
    let run_label = move || {
        if finished.get().is_some() {
            Key::LabAgain.text(lang.get())
        } else {
            Key::LabRun.text(lang.get())
        }
    };
    let bench_html = move || {
        location.search.track();
        let plan = plan();
        bench_html(
            &results.get(),
            wrong.get(),
            plan.instantiate * plan.batch as usize,
            plan.dot_reps,
            lang.get(),
        )
    };
    let claims_html = move || claims_html(&results.get(), lang.get());
    let features_html = move || features_html(&results.get(), lang.get());
    let start_html = move || start_html(&results.get(), lang.get());
    let isolation_text = move || match isolated.get() {
        Some(true) => Key::LabIsolated.text(lang.get()),
        Some(false) => Key::LabNotIsolated.text(lang.get()),
        None => "",
    };
    let last_text = move || match last.get() {
        Some(previous) => {
            let speedup = previous.speedup().map(|x| speedup_text(x, lang.get()));
            let inst = previous.instantiate.map(|s| {
                format!(
                    "{}: {}",
                    Key::LabBInstantiate.text(lang.get()),
                    stat_text(s, lang.get())
                )
            });
            let summary: Vec<String> = inst.into_iter().chain(speedup).collect();
            Key::LabLast.fill(
                lang.get(),
                &[("when", &previous.when), ("summary", &summary.join("; "))],
            )
        }
        None => Key::LabLastNone.text(lang.get()).to_owned(),
    };
    let json = Callback::new(move |()| results.get_untracked().to_json());
    let markdown =
        Callback::new(move |()| results.get_untracked().to_markdown(lang.get_untracked()));

    view! {
        <div class="page lab-page" data-page=Page::Wasm.path()>
            <PageIntro page=Page::Wasm />
            <p class="pg-link">
                {t(Key::LabPlaygroundLead)} " "
                <a href=crate::ui::app::page_href(Page::Playground)>{t(Key::LabPlaygroundLink)}</a>
            </p>
            {move || {
                stored_bad
                    .get()
                    .then(|| {
                        let text = move || Key::LabStoredBad.text(lang.get()).to_owned();
                        notice_box("lab-stored", Signal::derive(text), None)
                    })
            }}
            <section class="claims" inner_html=claims_html></section>
            <section class="features-block">
                <div inner_html=features_html data-live=""></div>
                <p class="isolation" data-live="" data-isolated=move || isolated.get().map(|b| b.to_string())>{isolation_text}</p>
            </section>
            <section class="bench" aria-labelledby="bench-title">
                <h2 id="bench-title">{t(Key::LabBench)}</h2>
                <p class="note">{t(Key::LabBenchLead)}</p>
                <div class="bench-controls">
                    <button type="button" class="link-button" data-run="" disabled=move || running.get().is_some() on:click=run>
                        {run_label}
                    </button>
                    <button
                        type="button"
                        class="link-button"
                        data-cancel=""
                        disabled=move || running.get().is_none()
                        on:click=move |_| cancel.set(true)
                    >
                        {t(Key::LabCancel)}
                    </button>
                    <progress
                        max=STEPS.len().to_string()
                        value=move || running.get().map_or(if finished.get().is_some() { STEPS.len() } else { 0 }, |s| s).to_string()
                    ></progress>
                </div>
                <p class="progress" role="status" data-live="">{progress}</p>
                <div inner_html=bench_html data-live=""></div>
            </section>
            <section class="start" inner_html=start_html data-live=""></section>
            <section class="lab-results" aria-labelledby="results-title">
                <h2 id="results-title">{t(Key::LabResults)}</h2>
                <p class="note">{t(Key::LabResultsLead)}</p>
                <div class="copy-row">
                    <CopyButton label=Key::LabCopyJson copied=Key::LabCopiedJson text=json name="json" />
                    <CopyButton label=Key::LabCopyMd copied=Key::LabCopiedMd text=markdown name="markdown" />
                </div>
                <p class="last-run" data-live="">{last_text}</p>
            </section>
        </div>
    }
}

fn supported(on: bool, lang: Lang) -> &'static str {
    if on {
        Key::LabSupported.text(lang)
    } else {
        Key::LabUnsupported.text(lang)
    }
}

fn feature_state(r: &LabResults, id: &str) -> Option<bool> {
    r.features.iter().find(|(f, _)| f == id).map(|(_, on)| *on)
}

fn claims_html(r: &LabResults, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[], Key::LabClaims.text(lang));
    h.element("p", &[("class", "note")], Key::LabClaimsLead.text(lang));
    h.open("div", &[("class", "claim-grid")]);
    for c in WASM_CLAIMS {
        h.open("article", &[("class", "claim"), ("data-claim", c.id)]);
        h.element("h3", &[], c.topic.get(lang));
        h.open("dl", &[]);
        h.element("dt", &[], Key::LabReportSays.text(lang));
        h.open("dd", &[]).text(c.claim.text.get(lang));
        h.element(
            "span",
            &[("class", "quote"), ("lang", "zh")],
            &format!("“{}”", c.claim.quote_zh),
        );
        h.close("dd");
        h.element("dt", &[], Key::LabHere.text(lang));
        h.open("dd", &[("class", "here"), ("data-live", "")]);
        if let Some(why) = c.not_here {
            h.element("span", &[("class", "muted")], why.get(lang));
        }
        for check in c.checks {
            let line = match check {
                Check::Feature(id) => {
                    let name = FEATURES
                        .iter()
                        .find(|f| f.id == *id)
                        .map_or(*id, |f| f.name.get(lang));
                    let state = feature_state(r, id)
                        .map_or(Key::LabPending.text(lang), |on| supported(on, lang));
                    format!("{name}: {state}")
                }
                Check::Isolation => match r.cross_origin_isolated {
                    Some(true) => Key::LabIsolated.text(lang).to_owned(),
                    Some(false) => Key::LabNotIsolated.text(lang).to_owned(),
                    None => Key::LabPending.text(lang).to_owned(),
                },
                Check::Instantiate => format!(
                    "{}: {}",
                    Key::LabBInstantiate.text(lang),
                    r.instantiate
                        .map_or(Key::LabPending.text(lang).to_owned(), |s| stat_text(
                            s, lang
                        ))
                ),
                Check::SimdSpeedup => match r.speedup() {
                    Some(x) => speedup_text(x, lang),
                    None => format!(
                        "{}: {}",
                        Key::LabSimd.text(lang),
                        Key::LabPending.text(lang)
                    ),
                },
            };
            h.element("span", &[], &line);
        }
        h.close("dd");
        let independent: Vec<_> = INDEPENDENT_FIGURES
            .iter()
            .filter(|f| c.independent.contains(&f.id))
            .collect();
        if !independent.is_empty() {
            h.element("dt", &[], Key::LabOthers.text(lang));
            h.open("dd", &[]);
            for f in independent {
                h.open("span", &[]).text(f.figure.get(lang)).text(" — ");
                h.element("cite", &[], f.source);
                h.close("span");
            }
            h.close("dd");
        }
        h.close("dl").close("article");
    }
    h.close("div");
    h.finish()
}

fn features_html(r: &LabResults, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[], Key::LabFeatures.text(lang));
    h.element("p", &[("class", "note")], Key::LabFeaturesLead.text(lang));
    h.open_scroll_region(Key::LabFeatures.text(lang));
    h.open("table", &[("class", "compact features")]);
    h.open("thead", &[]).open("tr", &[]);
    for key in [Key::LabColFeature, Key::LabColResult, Key::LabColMethod] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for f in FEATURES {
        let state = feature_state(r, f.id);
        let supported_attr = state.map_or("pending", |on| if on { "true" } else { "false" });
        h.open(
            "tr",
            &[("data-feature", f.id), ("data-supported", supported_attr)],
        );
        h.open("th", &[("scope", "row")]).text(f.name.get(lang));
        h.element("span", &[("class", "basis")], f.what.get(lang));
        h.close("th");
        let text = state.map_or(Key::LabPending.text(lang), |on| supported(on, lang));
        let class = match state {
            Some(true) => "yes",
            Some(false) => "no",
            None => "pending",
        };
        h.open("td", &[])
            .element("span", &[("class", class)], text)
            .close("td");
        let method = match f.method {
            Method::Validate => Key::LabMValidate,
            Method::Run { .. } => Key::LabMRun,
            Method::RunBigInt => Key::LabMBigint,
            Method::JsApi => Key::LabMJs,
        };
        h.element("td", &[], method.text(lang));
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.finish()
}

fn stat_line(h: &mut Html, name: &str, label: &str, stat: Option<Stat>, lang: Lang) {
    // In ms, to the nanosecond: the text shows µs where that reads better.
    let median = stat
        .map(|s| number(s.median * 1000.0) + "e-3")
        .unwrap_or_default();
    h.open("p", &[("data-bench", name), ("data-median", &median)]);
    h.element("strong", &[], label).text(": ");
    h.text(&stat.map_or(Key::LabPending.text(lang).to_owned(), |s| {
        stat_text(s, lang)
    }));
    h.close("p");
}

fn bench_html(
    r: &LabResults,
    wrong: Option<(f64, f64)>,
    samples: usize,
    reps: u32,
    lang: Lang,
) -> String {
    let mut h = Html::new();
    h.open("article", &[("class", "bench-item")]);
    h.element("h3", &[], Key::LabBInstantiate.text(lang));
    let bytes = instantiate_module().len().to_string();
    h.element(
        "p",
        &[("class", "note")],
        &Key::LabBInstantiateHow.fill(lang, &[("bytes", &bytes), ("n", &samples.to_string())]),
    );
    stat_line(
        &mut h,
        "instantiate",
        Key::LabBInstantiate.text(lang),
        r.instantiate,
        lang,
    );
    h.close("article");

    h.open("article", &[("class", "bench-item")]);
    h.element(
        "h3",
        &[],
        &Key::LabBDot.fill(lang, &[("n", &DOT_LENGTH.to_string())]),
    );
    h.element(
        "p",
        &[("class", "note")],
        &Key::LabBDotHow.fill(lang, &[("reps", &reps.to_string())]),
    );
    stat_line(&mut h, "scalar", Key::LabScalar.text(lang), r.scalar, lang);
    stat_line(&mut h, "simd", Key::LabSimd.text(lang), r.simd, lang);
    if let Some(x) = r.speedup() {
        h.element(
            "p",
            &[("class", "speedup"), ("data-speedup", &speedup_figure(x))],
            &speedup_text(x, lang),
        );
    }
    if let Some((got, want)) = wrong {
        h.element(
            "p",
            &[("class", "warning"), ("data-wrong", "")],
            &Key::LabWrong.fill(lang, &[("got", &number(got)), ("want", &number(want))]),
        );
    }
    h.close("article");
    h.finish()
}

fn start_html(r: &LabResults, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[], Key::LabStart.text(lang));
    h.element("p", &[("class", "note")], Key::LabStartLead.text(lang));
    let unavailable = Key::LabUnavailable.text(lang);
    let kb = r.wasm_bytes.map_or(unavailable.to_owned(), kb_text);
    h.open("dl", &[("class", "start-figures")]);
    let rows = [
        ("bytes", Key::LabSBytes, kb, r.wasm_bytes),
        (
            "download",
            Key::LabSDownload,
            r.wasm_download
                .map_or(unavailable.to_owned(), duration_text),
            r.wasm_download,
        ),
        (
            "compile",
            Key::LabSCompile,
            r.wasm_start.map_or(unavailable.to_owned(), duration_text),
            r.wasm_start,
        ),
        (
            "content",
            Key::LabSContent,
            r.first_content
                .map_or(unavailable.to_owned(), duration_text),
            r.first_content,
        ),
    ];
    for (name, key, text, value) in rows {
        h.element("dt", &[], key.text(lang));
        let value = value.map(number).unwrap_or_default();
        h.element("dd", &[("data-start", name), ("data-value", &value)], &text);
    }
    h.close("dl");
    h.finish()
}
