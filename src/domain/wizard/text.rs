//! The wizard in words, in either language: questions and answers, reasons, what
//! ruled a technology out, suggested changes, and the whole recommendation as
//! Markdown for a design document.

use super::{
    Answer, Answers, Artifact, Constraint, Criterion, Gpu, Kvm, Outcome, Place, Priority, Question,
    Startup, Tee, Workload, best_start_ms, fits, rank, relaxations, runs, what_would_change,
};
use crate::base::lang::{Lang, Text};
use crate::base::quantity::{Amount, Quantity, Unit};
use crate::data::figures::figure;
use crate::data::tech::{Basis, Level, ReportWords, StartFrom, Technology};
use crate::domain::format::format_quantity;
use crate::i18n::Key;

/// A question's label.
pub const fn question_key(q: Question) -> Key {
    match q {
        Question::Workload => Key::WizardQWorkload,
        Question::Artifact => Key::WizardQArtifact,
        Question::Startup => Key::WizardQStartup,
        Question::Kvm => Key::WizardQKvm,
        Question::Gpu => Key::WizardQGpu,
        Question::Place => Key::WizardQWhere,
        Question::Tee => Key::WizardQTee,
        Question::Priority => Key::WizardQPriority,
    }
}

/// An answer in words.
pub const fn answer_key(a: Answer) -> Key {
    match a {
        Answer::Workload(v) => match v {
            Workload::Own => Key::WizardWorkloadOwn,
            Workload::Vetted => Key::WizardWorkloadVetted,
            Workload::Untrusted => Key::WizardWorkloadUntrusted,
        },
        Answer::Artifact(v) => match v {
            Artifact::Oci => Key::WizardArtifactOci,
            Artifact::Wasm => Key::WizardArtifactWasm,
            Artifact::Unikernel => Key::WizardArtifactUnikernel,
            Artifact::Vm => Key::WizardArtifactVm,
        },
        Answer::Startup(v) => match v {
            Startup::Within10Ms => Key::WizardStartup10ms,
            Startup::Within100Ms => Key::WizardStartup100ms,
            Startup::Within1S => Key::WizardStartup1s,
            Startup::Any => Key::WizardStartupAny,
        },
        Answer::Kvm(v) => match v {
            Kvm::Yes => Key::WizardKvmYes,
            Kvm::No => Key::WizardKvmNo,
            Kvm::Unknown => Key::WizardKvmUnknown,
        },
        Answer::Gpu(v) => match v {
            Gpu::No => Key::WizardGpuNo,
            Gpu::Yes => Key::WizardGpuYes,
        },
        Answer::Place(v) => match v {
            Place::K8s => Key::WizardWhereK8s,
            Place::Serverless => Key::WizardWhereServerless,
            Place::Edge => Key::WizardWhereEdge,
            Place::Ci => Key::WizardWhereCi,
        },
        Answer::Tee(v) => match v {
            Tee::No => Key::WizardTeeNo,
            Tee::Yes => Key::WizardTeeYes,
        },
        Answer::Priority(v) => match v {
            Priority::Security => Key::WizardPrioritySecurity,
            Priority::Performance => Key::WizardPriorityPerformance,
            Priority::Compatibility => Key::WizardPriorityCompatibility,
            Priority::Cost => Key::WizardPriorityCost,
            Priority::Footprint => Key::WizardPriorityFootprint,
        },
    }
}

/// The answer to question `q` in words.
pub fn answer_text(a: &Answers, q: Question, lang: Lang) -> &'static str {
    answer_key(a.get(q)).text(lang)
}

/// A question and its answer on one line: "Whose code runs? Untrusted code …",
/// "Cold-start budget: 10 ms" (a colon only after a label that is not a question).
pub fn question_answer(a: &Answers, q: Question, lang: Lang) -> String {
    let question = question_key(q).text(lang);
    let sep = match (question.ends_with(['?', '？']), lang) {
        (true, Lang::En) => " ",
        (true, Lang::Zh) => "",
        (false, Lang::En) => ": ",
        (false, Lang::Zh) => "：",
    };
    format!("{question}{sep}{}", answer_text(a, q, lang))
}

pub const fn criterion_key(c: Criterion) -> Key {
    match c {
        Criterion::Isolation => Key::WizardCIsolation,
        Criterion::Startup => Key::WizardCStartup,
        Criterion::ArtifactFit => Key::WizardCArtifact,
        Criterion::PlaceFit => Key::WizardCPlace,
        Criterion::Compatibility => Key::WizardCCompatibility,
        Criterion::Footprint => Key::WizardCFootprint,
        Criterion::Maturity => Key::WizardCMaturity,
        Criterion::Cost => Key::WizardCCost,
        Criterion::Overhead => Key::WizardCOverhead,
        Criterion::KvmRisk => Key::WizardCKvm,
        Criterion::Gpu => Key::WizardCGpu,
        Criterion::Tee => Key::WizardCTee,
    }
}

/// What a criterion rests on, in general (the "How this works" table).
pub const fn criterion_basis(c: Criterion) -> Key {
    match c {
        Criterion::Isolation => Key::WizardBIsolation,
        Criterion::Startup => Key::WizardBStartup,
        // Scored by a yes / partly / no level, not a 0-5 rating.
        Criterion::ArtifactFit | Criterion::KvmRisk | Criterion::Gpu | Criterion::Tee => {
            Key::WizardBLevel
        }
        _ => Key::WizardBRating,
    }
}

pub const fn level_key(level: Level) -> Key {
    match level {
        Level::Yes => Key::WizardLevelYes,
        Level::Partial => Key::WizardLevelPartial,
        Level::No => Key::WizardLevelNo,
    }
}

/// A figure of the report as written for readers ("~125 ms", "★★★★★"); empty for an
/// unknown id.
pub fn figure_text(id: &str, lang: Lang) -> String {
    figure(id)
        .map(|f| format_quantity(f.quantity, false, lang))
        .unwrap_or_default()
}

/// A time in ms, in the unit that reads best ("990 ms", "1.1 s").
fn ms_text(ms: f64, lang: Lang) -> String {
    let q = Quantity {
        amount: Amount::Exact(ms),
        unit: Unit::Milliseconds,
    };
    format_quantity(crate::domain::chart::readable(q), false, lang)
}

/// A start the report states, with a faster one it also states ("~125 ms; <50 ms").
fn written_start(id: &str, fast: Option<&str>, lang: Lang) -> String {
    let text = figure_text(id, lang);
    match fast {
        Some(fast) => format!("{text}; {}", figure_text(fast, lang)),
        None => text,
    }
}

/// A technology's startup as the report's comparison states it, with a faster start
/// it also states ("~125 ms; <50 ms").
pub fn startup_text(t: &Technology, lang: Lang) -> String {
    written_start(t.startup, t.fast_start, lang)
}

/// The start the engine uses, the isolation layer's own, in words: "≤ 100 ms" (no
/// slower than another's), "990 ms" (measured), "~125 ms; <50 ms" (the report's).
pub fn start_text(t: &Technology, lang: Lang) -> String {
    match t.start.level {
        StartFrom::AtMostThatOf(_) => {
            Key::EvidenceAtMost.fill(lang, &[("start", &ms_text(best_start_ms(t), lang))])
        }
        StartFrom::Measured(ms) => ms_text(ms, lang),
        StartFrom::Figure(id) => written_start(id, t.fast_start, lang),
    }
}

/// Why a criterion scores a technology as it does: "Isolation: ★★★★★ (the report)".
pub fn reason_text(c: Criterion, t: &Technology, a: &Answers, lang: Lang) -> String {
    format!(
        "{}: {}",
        criterion_key(c).text(lang),
        reason_basis(c, t, a, lang)
    )
}

/// What a criterion's score for a technology rests on, without the criterion's name.
pub fn reason_basis(c: Criterion, t: &Technology, a: &Answers, lang: Lang) -> String {
    let basis = match c {
        Criterion::Isolation => {
            let stars = figure_text(t.isolation, lang);
            return Key::WizardIsolationLine.fill(lang, &[("stars", &stars)]);
        }
        Criterion::Startup => {
            return Key::WizardStartupLine.fill(lang, &[("start", &start_text(t, lang))]);
        }
        Criterion::ArtifactFit => runs(t, a.artifact).basis.text,
        Criterion::PlaceFit => fits(t, a.place).basis.text,
        Criterion::Compatibility => t.compatibility.basis.text,
        Criterion::Footprint => t.footprint.basis.text,
        Criterion::Maturity => t.maturity.basis.text,
        Criterion::Cost => t.cost.basis.text,
        Criterion::Overhead => t.overhead.basis.text,
        Criterion::KvmRisk => t.needs_kvm.basis.text,
        Criterion::Gpu => t.gpu.basis.text,
        Criterion::Tee => t.tee.basis.text,
    };
    basis.get(lang).to_owned()
}

/// Why untrusted code rules out what shares the host's kernel.
const SHARED_KERNEL: Basis = Basis {
    text: Text {
        en: "the report rates namespace isolation lowest (3 stars) and picks sandboxes for untrusted code: gVisor for “untrusted code execution”, Kata and Firecracker for high security",
        zh: "报告把命名空间隔离评为最低（3 星），并为不受信任的代码推荐沙箱：gVisor 用于“不信任代码执行”，高安全需求推荐 Kata 与 Firecracker",
    },
    report: Some(ReportWords::Figure("compare.docker.isolation-stars")),
    sources: &[],
    report_differs: None,
};

/// Why a constraint rules a technology out.
pub fn exclusion_text(c: Constraint, t: &Technology, a: &Answers, lang: Lang) -> String {
    let (key, basis) = match c {
        Constraint::Artifact => (Key::WizardXArtifact, runs(t, a.artifact).basis),
        Constraint::Kvm => (Key::WizardXKvm, t.needs_kvm.basis),
        Constraint::Gpu => (Key::WizardXGpu, t.gpu.basis),
        Constraint::Tee => (Key::WizardXTee, t.tee.basis),
        Constraint::SharedKernel => (Key::WizardXSharedKernel, SHARED_KERNEL),
        Constraint::Startup => {
            let best = ms_text(best_start_ms(t), lang);
            let budget = answer_text(a, Question::Startup, lang);
            let text = Key::WizardXStartup.fill(lang, &[("start", &best), ("budget", budget)]);
            let basis = t.start.basis;
            let stop = if lang == Lang::Zh { "。" } else { ". " };
            return match basis.report_differs {
                Some(report) => {
                    format!("{text}: {}{stop}{}", basis.text.get(lang), report.get(lang))
                }
                None => format!("{text}: {}", basis.text.get(lang)),
            };
        }
    };
    format!("{}: {}", key.text(lang), basis.text.get(lang))
}

/// Changed answers in words: "the answer to “Whose code runs?” were “Our own code”
/// and …", to follow "If".
pub fn changes_text(changes: &[Answer], lang: Lang) -> String {
    let sep = if lang == Lang::Zh {
        "，并且"
    } else {
        " and "
    };
    changes
        .iter()
        .map(|c| {
            Key::WizardChangeItem.fill(
                lang,
                &[
                    ("question", question_key(c.question()).text(lang)),
                    ("value", answer_key(*c).text(lang)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// The recommendation as Markdown: the answers, the ranking with scores and
/// reasons, what was ruled out and why, what would change the answer.
pub fn to_markdown(a: &Answers, lang: Lang) -> String {
    let o: Outcome = rank(a);
    let mut md = format!(
        "# {}\n\n## {}\n\n",
        Key::WizardMarkdownTitle.text(lang),
        Key::WizardMarkdownAnswers.text(lang)
    );
    for q in Question::ALL {
        md.push_str(&format!("- {}\n", question_answer(a, q, lang)));
    }
    md.push_str(&format!(
        "\n## {}\n\n",
        Key::WizardMarkdownRanking.text(lang)
    ));
    if o.ranked.is_empty() {
        md.push_str(Key::WizardContradiction.text(lang));
        md.push('\n');
        for way in relaxations(a) {
            md.push_str(&format!(
                "- {}\n",
                Key::WizardWayOut.fill(
                    lang,
                    &[
                        ("changes", &changes_text(&way.changes, lang)),
                        ("top", way.top.name.get(lang)),
                    ]
                )
            ));
        }
    }
    for (i, r) in o.ranked.iter().enumerate() {
        let score = crate::base::quantity::number(r.score.round());
        md.push_str(&format!(
            "{}. **{}** ({})\n",
            i + 1,
            r.tech.name.get(lang),
            Key::WizardScore.fill(lang, &[("score", &score)])
        ));
        for (key, reasons) in [(Key::WizardPros, &r.pros), (Key::WizardCons, &r.cons)] {
            for reason in reasons.iter() {
                md.push_str(&format!(
                    "   - {}: {}\n",
                    key.text(lang),
                    reason_text(reason.criterion, r.tech, a, lang)
                ));
            }
        }
    }
    if !o.excluded.is_empty() {
        md.push_str(&format!("\n## {}\n\n", Key::WizardExcluded.text(lang)));
        for e in &o.excluded {
            let why: Vec<String> = e
                .because
                .iter()
                .map(|c| exclusion_text(*c, e.tech, a, lang))
                .collect();
            md.push_str(&format!(
                "- **{}**: {}\n",
                e.tech.name.get(lang),
                why.join("; ")
            ));
        }
    }
    if let (Some(top), Some(runner)) = (o.ranked.first(), o.ranked.get(1)) {
        md.push_str(&format!("\n## {}\n\n", Key::WizardChangeTitle.text(lang)));
        let names = [
            ("runner", runner.tech.name.get(lang)),
            ("top", top.tech.name.get(lang)),
        ];
        let line = match what_would_change(a) {
            Some(changes) => {
                let text = changes_text(&changes, lang);
                Key::WizardChange.fill(lang, &[("changes", &text), names[0], names[1]])
            }
            None => Key::WizardNoChange.fill(lang, &names),
        };
        md.push_str(&line);
        md.push('\n');
    }
    md.push_str(&format!(
        "\n---\n{} {}\n",
        Key::WizardMarkdownSource.text(lang),
        a.to_search()
    ));
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tech::{FIRECRACKER, KATA};
    use crate::data::wizard_presets::PRESETS;

    #[test]
    fn every_question_and_answer_has_its_own_words() {
        let mut keys: Vec<Key> = Question::ALL.map(question_key).to_vec();
        for q in Question::ALL {
            keys.extend(q.answers().into_iter().map(answer_key));
        }
        let count = keys.len();
        keys.sort_by_key(|k| k.id());
        keys.dedup();
        assert_eq!(keys.len(), count, "a key is used twice");
        let a = Answers::default();
        assert_eq!(answer_text(&a, Question::Startup, Lang::En), "No budget");
        assert_eq!(answer_text(&a, Question::Kvm, Lang::Zh), "不确定");
    }

    #[test]
    fn reasons_and_exclusions_name_their_basis() {
        let a = PRESETS[0].answers;
        assert_eq!(
            reason_text(Criterion::Isolation, &KATA, &a, Lang::En),
            "Isolation: ★★★★★ (the report)"
        );
        assert_eq!(
            reason_text(Criterion::Startup, &FIRECRACKER, &a, Lang::En),
            "Startup speed: ~125 ms; <50 ms (the isolation layer's own start)"
        );
        assert!(reason_text(Criterion::Tee, &KATA, &a, Lang::En).contains("CoCo"));
        let b = a.with(Answer::Startup(Startup::Within100Ms));
        assert_eq!(
            exclusion_text(Constraint::Startup, &KATA, &b, Lang::En),
            "starts in 990 ms at best, over the 100 ms budget: Kata's own reference boot on bare metal (Kata 1.x): about 0.99 s with QEMU and virtiofs, 1.10 s with Cloud Hypervisor; through docker run, one benchmark measured 1747 ms with Kata against 607 ms with runc. The report gives <200 ms (~200 ms in its comparison)"
        );
        let c = a.with(Answer::Tee(Tee::Yes));
        assert!(
            exclusion_text(Constraint::Tee, &FIRECRACKER, &c, Lang::Zh).starts_with("不支持 TEE")
        );
    }
    #[test]
    fn markdown_holds_answers_ranking_exclusions_and_a_change() {
        let a = PRESETS[0].answers;
        let md = to_markdown(&a, Lang::En);
        assert!(
            md.starts_with("# Sandbox choice\n\n## Answers\n\n- Whose code runs? Untrusted code")
        );
        let o = rank(&a);
        for (i, r) in o.ranked.iter().enumerate() {
            assert!(
                md.contains(&format!("{}. **{}**", i + 1, r.tech.name.en)),
                "{md}"
            );
        }
        assert!(md.contains("## Ruled out\n\n- **Standard containers"));
        assert!(md.contains("## What would change the answer\n\nIf "));
        assert!(md.trim_end().ends_with(&a.to_search()));
        // A contradiction lists the ways out instead of a ranking.
        let stuck = Answers::from_search("?artifact=vm&kvm=no").0;
        let md = to_markdown(&stuck, Lang::Zh);
        assert!(md.contains("没有任何技术满足全部约束。"), "{md}");
        assert!(md.contains("排第一"));
    }
}
