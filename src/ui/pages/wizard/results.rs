//! The presets with the engine's verdict on each, and the results: the ranking with
//! its reasons, what was ruled out and why, the ways out of a contradiction, and what
//! would change the answer. Escaped HTML (`ui/html.rs`): the page's click listener
//! reads the buttons' `data-preset` and `data-apply`.

use crate::base::lang::Lang;
use crate::base::quantity::number;
use crate::data::tech::technology;
use crate::data::wizard_presets::PRESETS;
use crate::domain::wizard::text::{changes_text, exclusion_text, question_answer, reason_text};
use crate::domain::wizard::{
    Answer, Answers, Constraint, Criterion, Outcome, agrees_in, applied, conflicting_questions,
    relaxations, what_would_change,
};
use crate::i18n::Key;
use crate::ui::html::Html;

fn names(codes: &[&str], lang: Lang) -> String {
    codes
        .iter()
        .filter_map(|c| technology(c))
        .map(|t| t.name.get(lang))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

pub(super) fn presets_html(a: &Answers, outcome: &Outcome, lang: Lang) -> String {
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

pub(super) fn results_html(a: &Answers, o: &Outcome, lang: Lang) -> String {
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
            .map(|q| question_answer(a, *q, lang))
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
        Constraint::SharedKernel => Criterion::Isolation,
    }
}
