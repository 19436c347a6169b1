//! The wizard page (`/wizard`): questions, the report's five profiles as presets, a
//! ranked and explained recommendation, what would change it, a side-by-side
//! comparison, Markdown to copy, and how the engine works. Every answer lives in
//! the query string; the engine is `domain::wizard`.
//!
//! Long runs of markup are escaped HTML (`ui/html.rs`) with one listener per block
//! reading `data-*` attributes, rather than a Leptos view per control.

use crate::ui::query::{History, use_query_writer};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::base::quantity::number;
use crate::data::tech::{Support, TECHNOLOGIES, Technology, technology};
use crate::data::wizard_presets::PRESETS;
use crate::domain::query::{format_query, get_param, parse_query};
use crate::domain::wizard::text::{
    answer_key, answer_text, changes_text, criterion_basis, criterion_key, exclusion_text,
    level_key, question_key, reason_basis, reason_text, startup_text, to_markdown,
};
use crate::domain::wizard::{
    Answer, Answers, Artifact, COMPARE_PARAM, Constraint, Criterion, Outcome, Place, Question,
    agrees_in, applied, conflicting_questions, fits, rank, relaxations, runs, weight,
    what_would_change,
};
use crate::i18n::Key;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::page_intro::PageIntro;
use crate::ui::html::Html;
use crate::ui::i18n::{t, use_lang};
use crate::ui::notices::ignored_values_notice;

/// The query string with these answers (and compared pair) set, other keys kept.
fn search_with(search: &str, answers: Option<&Answers>, compare: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = parse_query(search)
        .into_iter()
        .filter(|(k, _)| {
            let answer = answers.is_some() && Question::from_key(k).is_some();
            let compared = compare.is_some() && k == COMPARE_PARAM;
            !answer && !compared
        })
        .collect();
    if let Some(a) = answers {
        pairs.extend(a.to_pairs());
    }
    if let Some(c) = compare {
        pairs.push((COMPARE_PARAM.to_owned(), c.to_owned()));
    }
    format_query(&pairs)
}

/// The element an event came from, or its closest ancestor matching `selector`.
fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The two technologies compared: from the link, else the top two of the ranking.
fn compared(search: &str, outcome: &Outcome) -> [&'static Technology; 2] {
    let from_link: Vec<&'static Technology> = get_param(search, COMPARE_PARAM)
        .unwrap_or_default()
        .split(',')
        .filter_map(technology)
        .collect();
    if let [a, b, ..] = from_link[..] {
        return [a, b];
    }
    let mut picks = outcome.ranked.iter().map(|r| r.tech).chain(TECHNOLOGIES);
    let first = picks.next().unwrap_or(TECHNOLOGIES[0]);
    let second = picks
        .find(|t| t.code != first.code)
        .unwrap_or(TECHNOLOGIES[1]);
    [first, second]
}

#[component]
pub fn WizardPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let writer = use_query_writer();
    let parsed = Memo::new(move |_| Answers::from_search(&location.search.get()));
    let answers = Memo::new(move |_| parsed.get().0);
    let outcome = Memo::new(move |_| rank(&answers.get()));
    // Each answer is a step back in history: Back undoes it.
    let go = move |search: String, replace: bool| {
        let history = if replace {
            History::Replace
        } else {
            History::Push
        };
        writer.update(history, |_| search);
    };
    let set_answers = move |a: Answers| {
        go(
            search_with(&location.search.get_untracked(), Some(&a), None),
            false,
        );
    };

    // Questions: one fieldset each, rebuilt only with the language; the checked
    // radios follow the answers through an effect, so focus stays where it is.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let questions_html = move || questions_html(&answers.get_untracked(), lang.get());
    Effect::new(move |_| {
        let a = answers.get();
        lang.track();
        let Some(form) = form_ref.get() else { return };
        for q in Question::ALL {
            let selector = format!("input[name=\"{}\"][value=\"{}\"]", q.key(), a.get(q).code());
            if let Ok(Some(input)) = form.query_selector(&selector)
                && let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>()
            {
                input.set_checked(true);
            }
        }
    });
    let on_answer = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (name, value) = (input.name(), input.value());
        if let Some(answer) = Question::from_key(&name).and_then(|q| q.parse(&value)) {
            set_answers(answers.get_untracked().with(answer));
        }
    };
    let step = RwSignal::new(0usize);
    let step_text = move || {
        Key::WizardStep.fill(
            lang.get(),
            &[
                ("n", &(step.get() + 1).to_string()),
                ("total", &Question::ALL.len().to_string()),
            ],
        )
    };

    // Presets, results and the comparison: markup with `data-*` buttons.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(button) = closest(&ev, "[data-preset]") {
            let index = button
                .get_attribute("data-preset")
                .and_then(|i| i.parse::<usize>().ok());
            if let Some(preset) = index.and_then(|i| PRESETS.get(i)) {
                set_answers(preset.answers);
            }
        } else if let Some(button) = closest(&ev, "[data-apply]") {
            let search = button.get_attribute("data-apply").unwrap_or_default();
            set_answers(Answers::from_search(&search).0);
        }
    };
    let presets_html = move || presets_html(&answers.get(), &outcome.get(), lang.get());
    let results_html = move || results_html(&answers.get(), &outcome.get(), lang.get());

    let compare_ref = NodeRef::<leptos::html::Div>::new();
    let pair = Memo::new(move |_| compared(&location.search.get(), &outcome.get()));
    let compare_selects = move || compare_selects_html(&pair.get_untracked(), lang.get());
    Effect::new(move |_| {
        let [a, b] = pair.get();
        lang.track();
        let Some(root) = compare_ref.get() else {
            return;
        };
        for (i, tech) in [a, b].iter().enumerate() {
            let selector = format!("select[data-compare=\"{i}\"]");
            if let Ok(Some(select)) = root.query_selector(&selector)
                && let Ok(select) = select.dyn_into::<web_sys::HtmlSelectElement>()
            {
                select.set_value(tech.code);
            }
        }
    });
    let on_compare = move |ev: leptos::ev::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let mut codes = pair.get_untracked().map(|t| t.code);
        let slot = select
            .get_attribute("data-compare")
            .and_then(|i| i.parse::<usize>().ok());
        if let (Some(slot @ 0..=1), Some(tech)) = (slot, technology(&select.value())) {
            codes[slot] = tech.code;
            let value = codes.join(",");
            go(
                search_with(&location.search.get_untracked(), None, Some(&value)),
                true,
            );
        }
    };
    let compare_table =
        move || compare_table_html(&answers.get(), &outcome.get(), &pair.get(), lang.get());

    let markdown =
        Callback::new(move |()| to_markdown(&answers.get_untracked(), lang.get_untracked()));
    let how_html = move || how_html(&answers.get(), lang.get());
    let timed = RwSignal::new(None::<(usize, f64)>);
    let on_time = move |_| {
        let now = || window().performance().map_or(0.0, |p| p.now());
        let start = now();
        // Every combination, ranked in full (the count keeps the work from being skipped).
        let count = Answers::all()
            .filter(|a| rank(a).excluded.len() <= TECHNOLOGIES.len())
            .count();
        timed.set(Some((count, now() - start)));
    };
    let timed_text = move || {
        timed.get().map(|(count, ms)| {
            Key::WizardTimed.fill(
                lang.get(),
                &[
                    ("count", &count.to_string()),
                    ("ms", &number((ms * 10.0).round() / 10.0)),
                ],
            )
        })
    };

    view! {
        <div class="page wizard-page" data-page=Page::Wizard.path() on:click=on_click>
            <PageIntro page=Page::Wizard />
            {ignored_values_notice("wizard-ignored", Key::WizardIgnored, move || parsed.get().1)}
            <section class="presets" aria-labelledby="presets-title" inner_html=presets_html></section>
            <section class="questions-block" aria-labelledby="questions-title">
                <h2 id="questions-title">{t(Key::WizardQuestions)}</h2>
                <p class="note">{t(Key::WizardQuestionsLead)}</p>
                <form
                    class="questions"
                    node_ref=form_ref
                    data-step=move || step.get().to_string()
                    on:change=on_answer
                    on:submit=|ev| ev.prevent_default()
                    inner_html=questions_html
                ></form>
                <div class="stepper">
                    <button type="button" disabled=move || step.get() == 0 on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>
                        {t(Key::WizardBack)}
                    </button>
                    <span aria-live="polite">{step_text}</span>
                    <button
                        type="button"
                        disabled=move || { step.get() + 1 >= Question::ALL.len() }
                        on:click=move |_| step.update(|s| *s = (*s + 1).min(Question::ALL.len() - 1))
                    >
                        {t(Key::WizardNext)}
                    </button>
                </div>
            </section>
            <section class="results" aria-live="polite" inner_html=results_html></section>
            <section class="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{t(Key::WizardCompare)}</h2>
                <div class="compare-pick" node_ref=compare_ref on:change=on_compare inner_html=compare_selects></div>
                <div class="table-wrap" inner_html=compare_table></div>
            </section>
            <CopyButton label=Key::WizardCopy text=markdown name="markdown" />
            <section class="how" aria-labelledby="how-title">
                <div inner_html=how_html></div>
                <button type="button" class="link-button" data-time-engine="" on:click=on_time>{t(Key::WizardTime)}</button>
                <p class="timed" role="status">{timed_text}</p>
            </section>
        </div>
    }
}

fn questions_html(a: &Answers, lang: Lang) -> String {
    let mut h = Html::new();
    for q in Question::ALL {
        h.open("fieldset", &[("data-q", &q.index().to_string())]);
        h.element("legend", &[], question_key(q).text(lang));
        for answer in q.answers() {
            let id = format!("q-{}-{}", q.key(), answer.code());
            h.open("label", &[("for", &id)]);
            let mut attrs = vec![
                ("type", "radio"),
                ("id", id.as_str()),
                ("name", q.key()),
                ("value", answer.code()),
            ];
            if a.get(q) == answer {
                attrs.push(("checked", ""));
            }
            h.open("input", &attrs);
            h.text(answer_key(answer).text(lang)).close("label");
        }
        h.close("fieldset");
    }
    h.finish()
}

fn names(codes: &[&str], lang: Lang) -> String {
    codes
        .iter()
        .filter_map(|c| technology(c))
        .map(|t| t.name.get(lang))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

fn presets_html(a: &Answers, outcome: &Outcome, lang: Lang) -> String {
    let mut h = Html::new();
    h.element(
        "h2",
        &[("id", "presets-title")],
        Key::WizardPresets.text(lang),
    );
    h.element("p", &[("class", "note")], Key::WizardPresetsLead.text(lang));
    h.open("div", &[("class", "preset-buttons")]);
    for (i, preset) in PRESETS.iter().enumerate() {
        let pressed = if preset.answers == *a {
            "true"
        } else {
            "false"
        };
        h.element(
            "button",
            &[
                ("type", "button"),
                ("data-preset", &i.to_string()),
                ("aria-pressed", pressed),
            ],
            preset.name.get(lang),
        );
    }
    h.close("div");
    if let Some(preset) = PRESETS.iter().find(|p| p.answers == *a) {
        let picks = names(preset.picks, lang);
        let profile = preset.name.get(lang);
        let (key, top) = match outcome.ranked.first() {
            None => (Key::WizardPresetContradiction, String::new()),
            Some(top) if agrees_in(preset, outcome) => {
                (Key::WizardPresetAgrees, top.tech.name.get(lang).to_owned())
            }
            Some(top) => (
                Key::WizardPresetDisagrees,
                top.tech.name.get(lang).to_owned(),
            ),
        };
        let verdict = if key == Key::WizardPresetAgrees {
            "agrees"
        } else {
            "disagrees"
        };
        h.open(
            "div",
            &[("class", "preset-verdict"), ("data-verdict", verdict)],
        );
        h.element(
            "p",
            &[],
            &key.fill(
                lang,
                &[("profile", profile), ("picks", &picks), ("top", &top)],
            ),
        );
        h.element(
            "p",
            &[("class", "note")],
            &Key::WizardPresetAssumes.fill(lang, &[("assumes", preset.assumes.get(lang))]),
        );
        h.close("div");
    }
    h.finish()
}

fn apply_button(h: &mut Html, a: &Answers, changes: &[Answer], lang: Lang) {
    let search = applied(a, changes).to_search();
    h.element(
        "button",
        &[
            ("type", "button"),
            ("class", "apply"),
            ("data-apply", &search),
        ],
        Key::WizardApply.text(lang),
    );
}

fn results_html(a: &Answers, o: &Outcome, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[], Key::WizardResults.text(lang));
    if o.ranked.is_empty() {
        h.open(
            "div",
            &[("class", "contradiction"), ("data-contradiction", "")],
        );
        h.element(
            "p",
            &[("class", "strong")],
            Key::WizardContradiction.text(lang),
        );
        let list: Vec<String> = conflicting_questions(o)
            .iter()
            .map(|q| {
                format!(
                    "{}: {}",
                    question_key(*q).text(lang),
                    answer_text(a, *q, lang)
                )
            })
            .collect();
        let sep = if lang == Lang::Zh { "；" } else { "; " };
        h.element(
            "p",
            &[],
            &Key::WizardConflict.fill(lang, &[("list", &list.join(sep))]),
        );
        h.element("p", &[], Key::WizardWaysOut.text(lang));
        h.open("ul", &[("class", "ways-out")]);
        for way in relaxations(a) {
            h.open("li", &[]);
            let line = Key::WizardWayOut.fill(
                lang,
                &[
                    ("changes", &changes_text(&way.changes, lang)),
                    ("top", way.top.name.get(lang)),
                ],
            );
            h.text(&line).text(" ");
            apply_button(&mut h, a, &way.changes, lang);
            h.close("li");
        }
        h.close("ul").close("div");
    }
    h.open("ol", &[("class", "ranking")]);
    for r in &o.ranked {
        let score = number(r.score.round());
        h.open("li", &[("data-tech", r.tech.code), ("data-score", &score)]);
        h.open("div", &[("class", "rank-head")]);
        h.element("h3", &[], r.tech.name.get(lang));
        h.element(
            "meter",
            &[("min", "0"), ("max", "100"), ("value", &score)],
            &score,
        );
        h.element(
            "span",
            &[("class", "score")],
            &Key::WizardScore.fill(lang, &[("score", &score)]),
        );
        h.close("div");
        h.element("p", &[("class", "note")], r.tech.what.get(lang));
        h.open("ul", &[("class", "reasons")]);
        for (class, key, reasons) in [
            ("pro", Key::WizardPros, &r.pros),
            ("con", Key::WizardCons, &r.cons),
        ] {
            for reason in reasons.iter() {
                h.open(
                    "li",
                    &[
                        ("class", class),
                        ("data-criterion", reason.criterion.code()),
                    ],
                );
                h.element("span", &[("class", "tag")], key.text(lang))
                    .text(" ");
                h.text(&reason_text(reason.criterion, r.tech, a, lang));
                h.close("li");
            }
        }
        for constraint in &r.meets {
            let criterion = meets_criterion(*constraint);
            // Said once: a met constraint already given as a reason is not repeated.
            if r.pros
                .iter()
                .chain(&r.cons)
                .any(|x| x.criterion == criterion)
            {
                continue;
            }
            h.open("li", &[("class", "meets")]);
            h.element("span", &[("class", "tag")], Key::WizardMeets.text(lang))
                .text(" ");
            h.text(&reason_text(criterion, r.tech, a, lang));
            h.close("li");
        }
        h.close("ul").close("li");
    }
    h.close("ol");
    h.element("h3", &[], Key::WizardExcluded.text(lang));
    if o.excluded.is_empty() {
        h.element(
            "p",
            &[("class", "note")],
            Key::WizardNoneExcluded.text(lang),
        );
    }
    h.open("ul", &[("class", "excluded")]);
    for e in &o.excluded {
        h.open("li", &[("data-excluded", e.tech.code)]);
        h.element("strong", &[], e.tech.name.get(lang));
        h.open("ul", &[]);
        for c in &e.because {
            h.element("li", &[], &exclusion_text(*c, e.tech, a, lang));
        }
        h.close("ul").close("li");
    }
    h.close("ul");
    if let Some(top) = o.ranked.first() {
        h.open("div", &[("class", "what-would-change")]);
        h.element("h3", &[], Key::WizardChangeTitle.text(lang));
        match o.ranked.get(1) {
            None => {
                h.element("p", &[], Key::WizardOnlyOne.text(lang));
            }
            Some(runner) => {
                let names = [
                    ("runner", runner.tech.name.get(lang)),
                    ("top", top.tech.name.get(lang)),
                ];
                match what_would_change(a) {
                    Some(changes) => {
                        let text = changes_text(&changes, lang);
                        h.open("p", &[("data-change", "")]);
                        h.text(
                            &Key::WizardChange
                                .fill(lang, &[("changes", &text), names[0], names[1]]),
                        );
                        h.text(" ");
                        apply_button(&mut h, a, &changes, lang);
                        h.close("p");
                    }
                    None => {
                        h.element("p", &[], &Key::WizardNoChange.fill(lang, &names));
                    }
                }
            }
        }
        h.close("div");
    }
    h.finish()
}

/// The criterion that says how a technology meets a constraint.
fn meets_criterion(c: Constraint) -> Criterion {
    match c {
        Constraint::Artifact => Criterion::ArtifactFit,
        Constraint::Kvm => Criterion::KvmRisk,
        Constraint::Startup => Criterion::Startup,
        Constraint::Gpu => Criterion::Gpu,
        Constraint::Tee => Criterion::Tee,
    }
}

fn compare_selects_html(pair: &[&'static Technology; 2], lang: Lang) -> String {
    let mut h = Html::new();
    for (i, key) in [Key::WizardCompareFirst, Key::WizardCompareSecond]
        .iter()
        .enumerate()
    {
        h.open("label", &[("class", "field")]).text(key.text(lang));
        h.open("select", &[("data-compare", &i.to_string())]);
        for t in TECHNOLOGIES {
            let mut attrs = vec![("value", t.code)];
            if t.code == pair[i].code {
                attrs.push(("selected", ""));
            }
            h.element("option", &attrs, t.name.get(lang));
        }
        h.close("select").close("label");
    }
    h.finish()
}

fn compare_table_html(
    a: &Answers,
    o: &Outcome,
    pair: &[&'static Technology; 2],
    lang: Lang,
) -> String {
    let mut h = Html::new();
    h.open("table", &[("class", "compact compare-table")]);
    h.open("thead", &[]).open("tr", &[]);
    h.element("th", &[("scope", "col")], Key::WizardAttribute.text(lang));
    for t in pair {
        h.element(
            "th",
            &[("scope", "col"), ("data-tech", t.code)],
            t.name.get(lang),
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let row = |h: &mut Html, label: &str, cells: [String; 2]| {
        h.open("tr", &[]);
        h.element("th", &[("scope", "row")], label);
        for cell in cells {
            h.element("td", &[], &cell);
        }
        h.close("tr");
    };
    let verdict = |t: &Technology| match o.ranked.iter().position(|r| r.tech.code == t.code) {
        Some(i) => format!(
            "#{} · {}",
            i + 1,
            Key::WizardScore.fill(lang, &[("score", &number(o.ranked[i].score.round()))])
        ),
        None => {
            let because: Vec<String> = o
                .excluded
                .iter()
                .filter(|e| e.tech.code == t.code)
                .flat_map(|e| e.because.iter().map(|c| exclusion_text(*c, t, a, lang)))
                .collect();
            format!("{}: {}", Key::WizardExcluded.text(lang), because.join("; "))
        }
    };
    row(&mut h, Key::WizardResults.text(lang), pair.map(verdict));
    row(
        &mut h,
        Key::WizardCStartup.text(lang),
        pair.map(|t| startup_text(t, lang)),
    );
    for c in [
        Criterion::Isolation,
        Criterion::Compatibility,
        Criterion::Footprint,
        Criterion::Overhead,
        Criterion::Maturity,
        Criterion::Cost,
    ] {
        row(
            &mut h,
            criterion_key(c).text(lang),
            pair.map(|t| reason_basis(c, t, a, lang)),
        );
    }
    let level = |s: Support| format!("{} — {}", level_key(s.level).text(lang), s.basis.get(lang));
    row(
        &mut h,
        Key::WizardArtifactOci.text(lang),
        pair.map(|t| level(runs(t, Artifact::Oci))),
    );
    row(
        &mut h,
        Key::WizardQKvm.text(lang),
        pair.map(|t| level(t.needs_kvm)),
    );
    row(
        &mut h,
        Key::WizardCGpu.text(lang),
        pair.map(|t| level(t.gpu)),
    );
    row(
        &mut h,
        Key::WizardCTee.text(lang),
        pair.map(|t| level(t.tee)),
    );
    row(
        &mut h,
        Key::WizardWhereK8s.text(lang),
        pair.map(|t| fits(t, Place::K8s).basis.get(lang).to_owned()),
    );
    h.close("tbody").close("table");
    h.finish()
}

fn how_html(a: &Answers, lang: Lang) -> String {
    let mut h = Html::new();
    h.element("h2", &[("id", "how-title")], Key::WizardHow.text(lang));
    for key in [
        Key::WizardHowLead,
        Key::WizardHowConstraints,
        Key::WizardHowWeights,
    ] {
        h.element("p", &[], key.text(lang));
    }
    h.open("table", &[("class", "compact weights")]);
    h.open("thead", &[]).open("tr", &[]);
    for key in [Key::WizardCriterion, Key::WizardWeight, Key::WizardBasis] {
        h.element("th", &[("scope", "col")], key.text(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for c in &Criterion::ALL {
        let w = weight(*c, a);
        h.open("tr", &[("data-criterion", c.code())]);
        h.element("th", &[("scope", "row")], criterion_key(*c).text(lang));
        h.element("td", &[("class", "num")], &number(w));
        h.element("td", &[], criterion_basis(*c).text(lang));
        h.close("tr");
    }
    h.close("tbody").close("table");
    h.element("p", &[], Key::WizardHowBias.text(lang));
    h.open("details", &[]);
    h.element("summary", &[], Key::WizardTechnologies.text(lang));
    h.open_scroll_region(Key::WizardTechnologies.text(lang));
    h.open("table", &[("class", "compact")]);
    h.open("thead", &[]).open("tr", &[]);
    h.element("th", &[("scope", "col")], Key::WizardAttribute.text(lang));
    for t in TECHNOLOGIES {
        h.element("th", &[("scope", "col")], t.name.get(lang));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    type Attribute = fn(&Technology) -> Support;
    let rows: [(Key, Attribute); 4] = [
        (Key::WizardQKvm, |t| t.needs_kvm),
        (Key::WizardCGpu, |t| t.gpu),
        (Key::WizardCTee, |t| t.tee),
        (Key::WizardArtifactOci, |t| runs(t, Artifact::Oci)),
    ];
    for (key, support) in rows {
        h.open("tr", &[]);
        h.element("th", &[("scope", "row")], key.text(lang));
        for t in TECHNOLOGIES {
            let s = support(t);
            h.open("td", &[]);
            h.element("strong", &[], level_key(s.level).text(lang));
            h.element("span", &[("class", "basis")], s.basis.get(lang));
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("details");
    h.finish()
}
