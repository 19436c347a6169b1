//! The sandbox-choice wizard's engine: answers in, a ranked and explained choice out.
//!
//! Hard constraints exclude a technology outright (no KVM rules out what needs it; an
//! artifact it cannot run; a cold-start budget below its best stated start; a GPU or a
//! TEE it lacks). The rest is a weighted score: each criterion scores every technology
//! from 0 to 1 on figures of the report or ratings with a stated basis, and the answers
//! set the weights. Everything here is deterministic and total: the same answers give
//! the same ranking, ties broken by a fixed order.

use super::query::{parse_query, percent_encode};
use crate::base::lang::Text;
use crate::base::quantity::Amount;
use crate::data::figures::figure;
use crate::data::tech::{Level, TECHNOLOGIES, Technology};

/// One question: its key in the query string, its values (codes), and its default.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub key: &'static str,
    pub values: &'static [&'static str],
    pub default: u8,
}

pub const WORKLOAD: usize = 0;
pub const ARTIFACT: usize = 1;
pub const STARTUP: usize = 2;
pub const KVM: usize = 3;
pub const GPU: usize = 4;
pub const WHERE: usize = 5;
pub const TEE: usize = 6;
pub const PRIORITY: usize = 7;

/// The questions, in the order they are asked. Keys and values are a public
/// contract: links must keep working.
pub const QUESTIONS: [Question; 8] = [
    Question {
        key: "workload",
        values: &["own", "vetted", "untrusted"],
        default: 0,
    },
    Question {
        key: "artifact",
        values: &["oci", "wasm", "unikernel", "vm"],
        default: 0,
    },
    Question {
        key: "startup",
        values: &["10ms", "100ms", "1s", "any"],
        default: 3,
    },
    Question {
        key: "kvm",
        values: &["yes", "no", "unknown"],
        default: 2,
    },
    Question {
        key: "gpu",
        values: &["no", "yes"],
        default: 0,
    },
    Question {
        key: "where",
        values: &["k8s", "serverless", "edge", "ci"],
        default: 0,
    },
    Question {
        key: "tee",
        values: &["no", "yes"],
        default: 0,
    },
    Question {
        key: "priority",
        values: &[
            "security",
            "performance",
            "compatibility",
            "cost",
            "footprint",
        ],
        default: 0,
    },
];

/// The query key of the two technologies compared side by side.
pub const COMPARE_PARAM: &str = "compare";

/// Every query key the wizard reads.
pub const WIZARD_QUERY_KEYS: &[&str] = &[
    "workload",
    "artifact",
    "startup",
    "kvm",
    "gpu",
    "where",
    "tee",
    "priority",
    COMPARE_PARAM,
];

/// The cold-start budgets of `startup`, in ms (`any`: none).
const BUDGETS_MS: [f64; 4] = [10.0, 100.0, 1000.0, f64::INFINITY];

/// One answer per question, as the index of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Answers(pub [u8; 8]);

impl Default for Answers {
    fn default() -> Answers {
        let mut answers = [0; 8];
        for (a, q) in answers.iter_mut().zip(QUESTIONS) {
            *a = q.default;
        }
        Answers(answers)
    }
}

/// A query-string value the wizard could not use, for a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
}

impl Answers {
    /// The answer to question `q`, as its value's code.
    pub fn code(&self, q: usize) -> &'static str {
        QUESTIONS[q].values[usize::from(self.0[q])]
    }

    /// These answers with question `q` set to value `v`.
    pub fn with(mut self, q: usize, v: u8) -> Answers {
        self.0[q] = v;
        self
    }

    /// Reads the answers from a query string: missing questions take their default,
    /// values that are not among a question's codes are ignored and listed.
    pub fn from_search(search: &str) -> (Answers, Vec<Ignored>) {
        let mut answers = Answers::default();
        let mut ignored = Vec::new();
        for (key, value) in parse_query(search) {
            let Some(q) = QUESTIONS.iter().position(|q| q.key == key) else {
                continue;
            };
            match QUESTIONS[q].values.iter().position(|v| *v == value) {
                Some(v) => answers.0[q] = v as u8,
                None => ignored.push(Ignored { key, value }),
            }
        }
        (answers, ignored)
    }

    /// The answers as query pairs, every question included so a shared link states
    /// them all.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        (0..QUESTIONS.len())
            .map(|q| (QUESTIONS[q].key.to_owned(), self.code(q).to_owned()))
            .collect()
    }

    /// The answers as a query string (`?workload=own&…`).
    pub fn to_search(&self) -> String {
        let body: Vec<String> = self
            .to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect();
        format!("?{}", body.join("&"))
    }

    /// Every combination of answers: 3 × 4 × 4 × 3 × 2 × 4 × 2 × 5 = 11,520.
    pub fn all() -> impl Iterator<Item = Answers> {
        let sizes: Vec<usize> = QUESTIONS.iter().map(|q| q.values.len()).collect();
        let total: usize = sizes.iter().product();
        (0..total).map(move |mut n| {
            let mut answers = [0u8; 8];
            for (a, size) in answers.iter_mut().zip(&sizes) {
                *a = (n % size) as u8;
                n /= size;
            }
            Answers(answers)
        })
    }
}

/// What a score is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// The report's isolation stars.
    Isolation,
    /// The report's startup stars.
    Startup,
    /// Runs the artifact natively, or through an extra layer.
    ArtifactFit,
    /// Fits the place it runs (Kubernetes, serverless, edge, CI).
    PlaceFit,
    Compatibility,
    Footprint,
    Maturity,
    Cost,
    /// Run-time overhead against a plain process.
    Overhead,
    /// Needs KVM while the hosts may not have it.
    KvmRisk,
    Gpu,
    Tee,
}

impl Criterion {
    pub const ALL: [Criterion; 12] = [
        Criterion::Isolation,
        Criterion::Startup,
        Criterion::ArtifactFit,
        Criterion::PlaceFit,
        Criterion::Compatibility,
        Criterion::Footprint,
        Criterion::Maturity,
        Criterion::Cost,
        Criterion::Overhead,
        Criterion::KvmRisk,
        Criterion::Gpu,
        Criterion::Tee,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Criterion::Isolation => "isolation",
            Criterion::Startup => "startup",
            Criterion::ArtifactFit => "artifact",
            Criterion::PlaceFit => "place",
            Criterion::Compatibility => "compatibility",
            Criterion::Footprint => "footprint",
            Criterion::Maturity => "maturity",
            Criterion::Cost => "cost",
            Criterion::Overhead => "overhead",
            Criterion::KvmRisk => "kvm",
            Criterion::Gpu => "gpu",
            Criterion::Tee => "tee",
        }
    }
}

/// How many criteria there are.
pub const CRITERIA: usize = Criterion::ALL.len();

/// How much each criterion counts for these answers, in the order of
/// [`Criterion::ALL`]; 0 when it does not apply. The priority adds 3 to what it names.
pub fn weights(a: &Answers) -> [f64; CRITERIA] {
    let priority = a.code(PRIORITY);
    let boost = |p: &str, by: f64| if priority == p { by } else { 0.0 };
    // Untrusted code is what sandboxes are for: its isolation outweighs the rest.
    let isolation = match a.code(WORKLOAD) {
        "own" => 1.0,
        "vetted" => 2.0,
        _ => 6.0,
    };
    let startup = if a.code(STARTUP) == "any" { 1.0 } else { 2.0 };
    let footprint = 1.0 + if a.code(WHERE) == "edge" { 2.0 } else { 0.0 };
    // Running existing OCI images unchanged matters when that is what you ship.
    let compatibility = if a.code(ARTIFACT) == "oci" {
        2.0 + boost("compatibility", 3.0)
    } else {
        0.5 + boost("compatibility", 1.0)
    };
    [
        isolation + boost("security", 3.0),
        startup + boost("performance", 3.0),
        3.0 + boost("compatibility", 2.0),
        2.0,
        compatibility,
        footprint + boost("footprint", 3.0),
        1.0,
        1.0 + boost("cost", 3.0),
        1.0 + boost("performance", 3.0),
        // Unknown KVM: if it turns out missing, what needs it does not run at all.
        if a.code(KVM) == "unknown" { 3.0 } else { 0.0 },
        if a.code(GPU) == "yes" { 2.0 } else { 0.0 },
        if a.code(TEE) == "yes" { 2.0 } else { 0.0 },
    ]
}

fn level_score(level: Level) -> f64 {
    match level {
        Level::Yes => 1.0,
        Level::Partial => 0.5,
        Level::No => 0.0,
    }
}

/// A star rating of the report on 0-1, counted from `floor` stars up: the report
/// gives isolation 3 to 5 stars, so 3 is the bottom of that scale, not 60% of it.
fn stars(figure_id: &str, floor: f64) -> f64 {
    let stars = figure(figure_id).map_or(0.0, |f| f.quantity.amount.representative());
    ((stars - floor) / (5.0 - floor)).clamp(0.0, 1.0)
}

/// The fastest start the report states for a technology, in ms: the low end of a
/// range, the bound of "<10 ms", the value of "~125 ms", or a snapshot restore.
pub fn best_start_ms(t: &Technology) -> f64 {
    let low = |id: &str| {
        figure(id).map_or(f64::INFINITY, |f| {
            let q = f.quantity.in_base_unit();
            match q.amount {
                Amount::Range(lo, _) => lo,
                other => other.representative(),
            }
        })
    };
    let start = low(t.startup);
    t.fast_start.map_or(start, |id| start.min(low(id)))
}

/// What a criterion scores for a technology, from 0 to 1.
pub fn criterion_score(c: Criterion, t: &Technology, a: &Answers) -> f64 {
    let rating = |r: crate::data::tech::Rating| f64::from(r.level) / 5.0;
    match c {
        Criterion::Isolation => stars(t.isolation, 2.0),
        Criterion::Startup => stars(t.startup_stars, 1.0),
        Criterion::ArtifactFit => level_score(t.artifacts[usize::from(a.0[ARTIFACT])].level),
        Criterion::PlaceFit => rating(t.fit[usize::from(a.0[WHERE])]),
        Criterion::Compatibility => rating(t.compatibility),
        Criterion::Footprint => rating(t.footprint),
        Criterion::Maturity => rating(t.maturity),
        Criterion::Cost => rating(t.cost),
        Criterion::Overhead => rating(t.overhead),
        Criterion::KvmRisk => 1.0 - level_score(t.needs_kvm.level),
        Criterion::Gpu => level_score(t.gpu.level),
        Criterion::Tee => level_score(t.tee.level),
    }
}

/// A hard constraint that rules a technology out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Constraint {
    /// It cannot run the artifact.
    Artifact,
    /// It needs KVM and the hosts have none.
    Kvm,
    /// Its best stated start is over the budget.
    Startup,
    /// It has no GPU support.
    Gpu,
    /// It has no TEE support.
    Tee,
}

impl Constraint {
    /// The question whose answer sets this constraint.
    pub const fn question(self) -> usize {
        match self {
            Constraint::Artifact => ARTIFACT,
            Constraint::Kvm => KVM,
            Constraint::Startup => STARTUP,
            Constraint::Gpu => GPU,
            Constraint::Tee => TEE,
        }
    }
}

/// The constraints these answers put on a technology that it fails.
pub fn violations(t: &Technology, a: &Answers) -> Vec<Constraint> {
    let mut out = Vec::new();
    if t.artifacts[usize::from(a.0[ARTIFACT])].level == Level::No {
        out.push(Constraint::Artifact);
    }
    if a.code(KVM) == "no" && t.needs_kvm.level == Level::Yes {
        out.push(Constraint::Kvm);
    }
    if best_start_ms(t) > BUDGETS_MS[usize::from(a.0[STARTUP])] {
        out.push(Constraint::Startup);
    }
    if a.code(GPU) == "yes" && t.gpu.level == Level::No {
        out.push(Constraint::Gpu);
    }
    if a.code(TEE) == "yes" && t.tee.level == Level::No {
        out.push(Constraint::Tee);
    }
    out
}

/// The hard constraints these answers set: the artifact always, the others when
/// asked for (no KVM, a startup budget, a GPU, a TEE).
pub fn active_constraints(a: &Answers) -> Vec<Constraint> {
    let mut out = vec![Constraint::Artifact];
    if a.code(KVM) == "no" {
        out.push(Constraint::Kvm);
    }
    if a.code(STARTUP) != "any" {
        out.push(Constraint::Startup);
    }
    if a.code(GPU) == "yes" {
        out.push(Constraint::Gpu);
    }
    if a.code(TEE) == "yes" {
        out.push(Constraint::Tee);
    }
    out
}

/// One criterion's part in a technology's score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reason {
    pub criterion: Criterion,
    /// The criterion's score for the technology, 0 to 1.
    pub score: f64,
    /// Its weight for these answers.
    pub weight: f64,
}

/// A technology that meets every constraint, with its score and reasons.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub tech: &'static Technology,
    /// 0 to 100.
    pub score: f64,
    /// The criteria that count most in its favour (scoring 0.65 or more: a 3-of-5 rating is neither for nor against), strongest first.
    pub pros: Vec<Reason>,
    /// The criteria that count most against it (scoring 0.5 or less), strongest first.
    pub cons: Vec<Reason>,
    /// The hard constraints of the answers it meets (artifact, KVM, startup budget,
    /// GPU, TEE), where the answers set one.
    pub meets: Vec<Constraint>,
}

/// A technology ruled out, with every constraint it fails.
#[derive(Clone, Debug, PartialEq)]
pub struct Excluded {
    pub tech: &'static Technology,
    pub because: Vec<Constraint>,
}

/// The engine's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub ranked: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
    pub weights: [f64; CRITERIA],
}

/// How many reasons for and against each technology are given.
const REASONS: usize = 3;

/// Ranks every technology for these answers.
pub fn rank(a: &Answers) -> Outcome {
    let weights = weights(a);
    let total: f64 = weights.iter().sum();
    let mut ranked = Vec::new();
    let mut excluded = Vec::new();
    for tech in TECHNOLOGIES {
        let because = violations(tech, a);
        if !because.is_empty() {
            excluded.push(Excluded { tech, because });
            continue;
        }
        let reasons: Vec<Reason> = Criterion::ALL
            .iter()
            .zip(weights)
            .filter(|(_, w)| *w > 0.0)
            .map(|(c, weight)| Reason {
                criterion: *c,
                score: criterion_score(*c, tech, a),
                weight,
            })
            .collect();
        let score = 100.0 * reasons.iter().map(|r| r.weight * r.score).sum::<f64>() / total;
        let mut pros: Vec<Reason> = reasons
            .iter()
            .copied()
            .filter(|r| r.score >= 0.65)
            .collect();
        pros.sort_by(|x, y| (y.weight * y.score).total_cmp(&(x.weight * x.score)));
        pros.truncate(REASONS);
        let mut cons: Vec<Reason> = reasons.iter().copied().filter(|r| r.score <= 0.5).collect();
        cons.sort_by(|x, y| (y.weight * (1.0 - y.score)).total_cmp(&(x.weight * (1.0 - x.score))));
        cons.truncate(REASONS);
        ranked.push(Ranked {
            tech,
            score,
            pros,
            cons,
            meets: active_constraints(a),
        });
    }
    // Highest score first; a tie keeps the fixed order of TECHNOLOGIES (stable sort).
    ranked.sort_by(|x, y| y.score.total_cmp(&x.score));
    Outcome {
        ranked,
        excluded,
        weights,
    }
}

/// One changed answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub question: usize,
    pub value: u8,
}

/// The smallest change of answers that would make the runner-up the top pick: one
/// changed answer if one is enough (the priority tried first, then the questions in
/// order), otherwise two. `None` with fewer than two technologies ranked, or when no
/// change of one or two answers does it.
pub fn what_would_change(a: &Answers) -> Option<Vec<Change>> {
    let outcome = rank(a);
    let runner_up = outcome.ranked.get(1)?.tech.code;
    let wins = |b: &Answers| {
        rank(b)
            .ranked
            .first()
            .is_some_and(|r| r.tech.code == runner_up)
    };
    let order = [PRIORITY, WORKLOAD, ARTIFACT, STARTUP, KVM, GPU, WHERE, TEE];
    let alternatives =
        |q: usize, b: Answers| (0..QUESTIONS[q].values.len() as u8).filter(move |v| *v != b.0[q]);
    for q in order {
        for v in alternatives(q, *a) {
            if wins(&a.with(q, v)) {
                return Some(vec![Change {
                    question: q,
                    value: v,
                }]);
            }
        }
    }
    for (i, q1) in order.iter().enumerate() {
        for v1 in alternatives(*q1, *a) {
            let b = a.with(*q1, v1);
            for q2 in &order[i + 1..] {
                for v2 in alternatives(*q2, b) {
                    if wins(&b.with(*q2, v2)) {
                        return Some(vec![
                            Change {
                                question: *q1,
                                value: v1,
                            },
                            Change {
                                question: *q2,
                                value: v2,
                            },
                        ]);
                    }
                }
            }
        }
    }
    None
}

/// The questions whose answers set a constraint something failed, in order.
pub fn conflicting_questions(o: &Outcome) -> Vec<usize> {
    let mut questions: Vec<usize> = o
        .excluded
        .iter()
        .flat_map(|e| e.because.iter().map(|c| c.question()))
        .collect();
    questions.sort_unstable();
    questions.dedup();
    questions
}

/// A way out of a contradiction: changed answers and the top pick they give.
#[derive(Clone, Debug, PartialEq)]
pub struct Relaxation {
    pub changes: Vec<Change>,
    pub top: &'static Technology,
}

/// When nothing meets every constraint: the smallest sets of changed answers, among
/// the questions that set a constraint something failed, that leave a technology
/// standing, each with the top pick it gives. Single changes when any works; else
/// pairs; else triples.
pub fn relaxations(a: &Answers) -> Vec<Relaxation> {
    let outcome = rank(a);
    if !outcome.ranked.is_empty() {
        return Vec::new();
    }
    let questions = conflicting_questions(&outcome);
    let mut found = Vec::new();
    let mut sets: Vec<Vec<Change>> = vec![Vec::new()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for set in &sets {
            let last = set.last().map_or(0, |c| c.question + 1);
            for &q in questions.iter().filter(|q| **q >= last) {
                for v in 0..QUESTIONS[q].values.len() as u8 {
                    if v == a.0[q] {
                        continue;
                    }
                    let mut changes = set.clone();
                    changes.push(Change {
                        question: q,
                        value: v,
                    });
                    let b = changes.iter().fold(*a, |b, c| b.with(c.question, c.value));
                    match rank(&b).ranked.first() {
                        Some(top) => found.push(Relaxation {
                            changes,
                            top: top.tech,
                        }),
                        None => next.push(changes),
                    }
                }
            }
        }
        if !found.is_empty() {
            break;
        }
        sets = next;
    }
    found
}

/// One of the report's five selection profiles, as answers.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    pub code: &'static str,
    pub name: Text,
    /// The answers that describe the profile.
    pub answers: Answers,
    /// The report's picks (technology codes), in its order.
    pub picks: &'static [&'static str],
    /// What the answers assume, where the report leaves it open.
    pub assumes: Text,
}

/// Answers by value code, in question order; a wrong code is a bug caught by tests.
const fn answers(codes: [u8; 8]) -> Answers {
    Answers(codes)
}

/// The report's selection profiles (section `selection`, 轻量级虚拟化选择).
pub const PRESETS: [Preset; 5] = [
    Preset {
        code: "high-security",
        name: Text {
            en: "High security",
            zh: "高安全需求",
        },
        // untrusted, oci, any, yes, no, k8s, no, security
        answers: answers([2, 0, 3, 0, 0, 0, 0, 0]),
        picks: &["kata", "firecracker"],
        assumes: Text {
            en: "Untrusted code in existing images, on KVM hosts, in Kubernetes",
            zh: "不受信任的代码、现有镜像、KVM 主机、Kubernetes",
        },
    },
    Preset {
        code: "performance",
        name: Text {
            en: "Raw performance",
            zh: "极致性能",
        },
        // own, wasm, 10ms, unknown, no, serverless, no, performance
        answers: answers([0, 1, 0, 2, 0, 1, 0, 1]),
        picks: &["unikernel", "wasm"],
        assumes: Text {
            en: "Own code compiled to Wasm, a 10 ms cold-start budget, serverless",
            zh: "自有代码编译为 Wasm、10ms 冷启动预算、Serverless",
        },
    },
    Preset {
        code: "compatibility",
        name: Text {
            en: "Compatibility first",
            zh: "兼容性优先",
        },
        // untrusted, oci, 1s, yes, no, k8s, no, compatibility
        answers: answers([2, 0, 2, 0, 0, 0, 0, 2]),
        picks: &["kata", "gvisor"],
        assumes: Text {
            en: "A sandbox for existing images in Kubernetes, so the code is taken as untrusted",
            zh: "在 Kubernetes 中为现有镜像加沙箱，因此视代码为不受信任",
        },
    },
    Preset {
        code: "edge",
        name: Text {
            en: "Edge and IoT",
            zh: "边缘/IoT",
        },
        // own, wasm, 100ms, unknown, no, edge, no, footprint
        answers: answers([0, 1, 1, 2, 0, 2, 0, 4]),
        picks: &["wasm", "unikernel"],
        assumes: Text {
            en: "Own code compiled to Wasm on small devices",
            zh: "自有代码编译为 Wasm，运行在小型设备上",
        },
    },
    Preset {
        code: "cost",
        name: Text {
            en: "Cost sensitive",
            zh: "成本敏感",
        },
        // untrusted, oci, 1s, no, no, k8s, no, cost
        answers: answers([2, 0, 2, 1, 0, 0, 0, 3]),
        picks: &["gvisor", "wasm"],
        assumes: Text {
            en: "Hosts without virtualization hardware (the report's reason), existing images, a sandbox wanted",
            zh: "主机没有虚拟化硬件（报告给出的理由）、现有镜像、需要沙箱",
        },
    },
];

/// Whether the engine agrees with a preset's picks: its top pick is one of them.
pub fn agrees(preset: &Preset) -> bool {
    agrees_in(preset, &rank(&preset.answers))
}

/// [`agrees`], for an outcome already ranked from the preset's answers.
pub fn agrees_in(preset: &Preset, outcome: &Outcome) -> bool {
    outcome
        .ranked
        .first()
        .is_some_and(|top| preset.picks.contains(&top.tech.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(search: &str) -> Outcome {
        let (answers, ignored) = Answers::from_search(search);
        assert!(ignored.is_empty(), "{ignored:?}");
        rank(&answers)
    }

    fn order(o: &Outcome) -> Vec<&'static str> {
        o.ranked.iter().map(|r| r.tech.code).collect()
    }

    fn excluded(o: &Outcome) -> Vec<(&'static str, Vec<Constraint>)> {
        o.excluded
            .iter()
            .map(|e| (e.tech.code, e.because.clone()))
            .collect()
    }

    fn excluded_for(o: &Outcome, code: &str) -> Vec<Constraint> {
        o.excluded
            .iter()
            .find(|e| e.tech.code == code)
            .map(|e| e.because.clone())
            .unwrap_or_default()
    }

    #[test]
    fn questions_have_the_contracted_keys_and_values() {
        let keys: Vec<&str> = QUESTIONS.iter().map(|q| q.key).collect();
        assert_eq!(
            keys,
            [
                "workload", "artifact", "startup", "kvm", "gpu", "where", "tee", "priority"
            ]
        );
        assert_eq!(QUESTIONS[STARTUP].values, ["10ms", "100ms", "1s", "any"]);
        assert_eq!(
            QUESTIONS[PRIORITY].values,
            [
                "security",
                "performance",
                "compatibility",
                "cost",
                "footprint"
            ]
        );
        assert_eq!(Answers::all().count(), 11_520);
        let codes: Vec<&str> = TECHNOLOGIES.iter().map(|t| t.code).collect();
        assert_eq!(
            codes,
            [
                "runc",
                "gvisor",
                "kata",
                "firecracker",
                "wasm",
                "unikernel",
                "vm"
            ]
        );
    }

    #[test]
    fn answers_round_trip_and_bad_values_are_listed() {
        let (a, ignored) = Answers::from_search(
            "?workload=untrusted&artifact=wasm&startup=10ms&kvm=no&gpu=yes&where=edge&tee=yes&priority=cost",
        );
        assert!(ignored.is_empty());
        assert_eq!(Answers::from_search(&a.to_search()).0, a);
        let (b, ignored) = Answers::from_search("?workload=hostile&kvm=maybe&where=edge&other=1");
        assert_eq!(b.code(WORKLOAD), "own", "a bad value keeps the default");
        assert_eq!(b.code(WHERE), "edge");
        assert_eq!(
            ignored,
            [
                Ignored {
                    key: "workload".into(),
                    value: "hostile".into()
                },
                Ignored {
                    key: "kvm".into(),
                    value: "maybe".into()
                },
            ]
        );
    }

    // ---- Scenarios: top pick, exclusions and reasons ----

    #[test]
    fn scenario_1_report_high_security() {
        let o = rank(&PRESETS[0].answers);
        assert_eq!(o.ranked[0].tech.code, "kata");
        assert!(PRESETS[0].picks.contains(&o.ranked[0].tech.code));
        assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
        assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Artifact]);
        assert_eq!(o.ranked[0].pros[0].criterion, Criterion::Isolation);
        // Untrusted code weighs isolation: runc's shared kernel ranks it low.
        assert!(
            o.ranked.last().unwrap().tech.code == "runc"
                || order(&o).iter().position(|c| *c == "runc") > Some(2)
        );
    }

    #[test]
    fn scenario_2_report_raw_performance() {
        let o = rank(&PRESETS[1].answers);
        assert_eq!(order(&o), ["wasm"]);
        // A 10 ms budget leaves only what the report says starts that fast; Wasm code
        // does not run as a unikernel.
        assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Artifact]);
        assert_eq!(excluded_for(&o, "kata"), [Constraint::Startup]);
        assert_eq!(excluded_for(&o, "vm"), [Constraint::Startup]);
        assert!(agrees(&PRESETS[1]));
    }

    #[test]
    fn scenario_3_report_compatibility_first() {
        let o = rank(&PRESETS[2].answers);
        assert!(
            ["kata", "gvisor"].contains(&o.ranked[0].tech.code),
            "{:?}",
            order(&o)
        );
        assert!(agrees(&PRESETS[2]));
        assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
        // Docker's report startup (1-5 s) fits a 1 s budget only at its best.
        assert!(excluded_for(&o, "runc").is_empty());
        assert_eq!(excluded_for(&o, "vm"), [Constraint::Startup]);
        assert!(
            o.ranked[0]
                .pros
                .iter()
                .any(|r| r.criterion == Criterion::Compatibility)
        );
    }

    #[test]
    fn scenario_4_report_edge_and_iot() {
        let o = rank(&PRESETS[3].answers);
        assert_eq!(o.ranked[0].tech.code, "wasm");
        assert!(agrees(&PRESETS[3]));
        assert!(
            o.ranked[0]
                .pros
                .iter()
                .any(|r| r.criterion == Criterion::Footprint)
        );
        assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Artifact]);
    }

    #[test]
    fn scenario_5_report_cost_sensitive() {
        let o = rank(&PRESETS[4].answers);
        assert_eq!(o.ranked[0].tech.code, "gvisor");
        assert!(agrees(&PRESETS[4]));
        for code in ["kata", "firecracker", "vm"] {
            assert!(excluded_for(&o, code).contains(&Constraint::Kvm), "{code}");
        }
        assert!(
            o.ranked[0]
                .pros
                .iter()
                .any(|r| r.criterion == Criterion::Isolation)
        );
    }

    #[test]
    fn scenario_6_own_code_in_kubernetes_keeps_plain_containers() {
        let o = ask(
            "?workload=own&artifact=oci&startup=any&kvm=yes&gpu=no&where=k8s&tee=no&priority=compatibility",
        );
        assert_eq!(o.ranked[0].tech.code, "runc");
        assert!(
            o.ranked[0]
                .pros
                .iter()
                .any(|r| r.criterion == Criterion::Compatibility)
        );
    }

    #[test]
    fn scenario_7_no_kvm_rules_out_every_vm() {
        let o = ask(
            "?workload=untrusted&artifact=oci&startup=any&kvm=no&gpu=no&where=k8s&tee=no&priority=security",
        );
        assert_eq!(o.ranked[0].tech.code, "gvisor");
        for code in ["kata", "firecracker", "vm", "unikernel"] {
            assert!(excluded_for(&o, code).contains(&Constraint::Kvm), "{code}");
        }
    }

    #[test]
    fn scenario_8_confidential_computing_needs_kata_or_a_vm() {
        let o = ask(
            "?workload=untrusted&artifact=oci&startup=any&kvm=yes&gpu=no&where=k8s&tee=yes&priority=security",
        );
        assert_eq!(order(&o)[0], "kata");
        assert!(order(&o).iter().all(|c| ["kata", "vm"].contains(c)));
        for code in ["runc", "gvisor", "firecracker"] {
            assert_eq!(excluded_for(&o, code), [Constraint::Tee], "{code}");
        }
        assert!(o.ranked[0].meets.contains(&Constraint::Tee));
    }

    #[test]
    fn scenario_9_tee_without_kvm_is_a_contradiction_with_ways_out() {
        let a = Answers::from_search("?workload=untrusted&artifact=oci&kvm=no&tee=yes").0;
        let o = rank(&a);
        assert!(o.ranked.is_empty());
        assert_eq!(o.excluded.len(), 7);
        let ways = relaxations(&a);
        // Dropping the TEE need leaves gVisor on top; having KVM leaves Kata.
        let one = |q: usize, v: u8, top: &str| {
            ways.iter().any(|w| {
                w.changes
                    == [Change {
                        question: q,
                        value: v,
                    }]
                    && w.top.code == top
            })
        };
        assert!(one(TEE, 0, "gvisor"), "{ways:?}");
        assert!(one(KVM, 0, "kata"), "{ways:?}");
    }

    #[test]
    fn scenario_10_gpu_training_in_kubernetes() {
        let o = ask(
            "?workload=vetted&artifact=oci&startup=any&kvm=yes&gpu=yes&where=k8s&tee=no&priority=performance",
        );
        assert_eq!(o.ranked[0].tech.code, "runc");
        assert_eq!(
            excluded_for(&o, "wasm"),
            [Constraint::Artifact, Constraint::Gpu]
        );
        let gvisor = o.ranked.iter().find(|r| r.tech.code == "gvisor").unwrap();
        assert!(
            gvisor.cons.iter().any(|r| r.criterion == Criterion::Gpu),
            "experimental GPU counts against gVisor"
        );
    }

    #[test]
    fn scenario_11_untrusted_gpu_jobs_choose_a_vm_boundary() {
        let o = ask(
            "?workload=untrusted&artifact=oci&startup=any&kvm=yes&gpu=yes&where=k8s&tee=no&priority=security",
        );
        assert_eq!(o.ranked[0].tech.code, "kata");
    }

    #[test]
    fn scenario_12_serverless_functions_with_a_100ms_budget() {
        let o = ask(
            "?workload=untrusted&artifact=oci&startup=100ms&kvm=yes&gpu=no&where=serverless&tee=no&priority=security",
        );
        // Firecracker restores a snapshot in <50 ms (report); Kata's ~200 ms misses.
        assert_eq!(o.ranked[0].tech.code, "firecracker");
        assert_eq!(excluded_for(&o, "kata"), [Constraint::Startup]);
        assert_eq!(excluded_for(&o, "runc"), [Constraint::Startup]);
        assert!(
            excluded_for(&o, "gvisor").is_empty(),
            "~100 ms fits a 100 ms budget"
        );
    }

    #[test]
    fn scenario_13_untrusted_ci_jobs() {
        let o = ask(
            "?workload=untrusted&artifact=oci&startup=any&kvm=unknown&gpu=no&where=ci&tee=no&priority=security",
        );
        assert_eq!(o.ranked[0].tech.code, "gvisor");
        // KVM might be missing on CI hosts: it counts against what needs it.
        let kata = o.ranked.iter().find(|r| r.tech.code == "kata").unwrap();
        assert!(kata.cons.iter().any(|r| r.criterion == Criterion::KvmRisk));
    }

    #[test]
    fn scenario_14_a_unikernel_on_the_edge() {
        let o = ask(
            "?workload=own&artifact=unikernel&startup=10ms&kvm=yes&gpu=no&where=edge&tee=no&priority=footprint",
        );
        assert_eq!(order(&o), ["unikernel"]);
        assert_eq!(
            excluded_for(&o, "runc"),
            [Constraint::Artifact, Constraint::Startup]
        );
        assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
    }

    #[test]
    fn scenario_15_whole_os_images() {
        let o = ask(
            "?workload=vetted&artifact=vm&startup=any&kvm=yes&gpu=no&where=ci&tee=no&priority=compatibility",
        );
        assert_eq!(o.ranked[0].tech.code, "vm");
        assert_eq!(order(&o), ["vm", "firecracker"]);
        assert_eq!(excluded(&o).len(), 5);
    }

    #[test]
    fn scenario_16_a_unikernel_without_kvm_is_contradictory() {
        let a = Answers::from_search("?workload=own&artifact=unikernel&kvm=no&where=edge").0;
        let o = rank(&a);
        assert!(o.ranked.is_empty());
        assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Kvm]);
        assert_eq!(excluded_for(&o, "firecracker"), [Constraint::Kvm]);
        assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
        let ways = relaxations(&a);
        let one = |q: usize, v: u8, top: &str| {
            ways.iter().any(|w| {
                w.changes
                    == [Change {
                        question: q,
                        value: v,
                    }]
                    && w.top.code == top
            })
        };
        assert!(one(KVM, 0, "unikernel"), "{ways:?}");
        assert!(one(ARTIFACT, 1, "wasm"), "{ways:?}");
    }

    #[test]
    fn what_would_change_makes_the_runner_up_win() {
        let a = PRESETS[0].answers;
        let o = rank(&a);
        let runner_up = o.ranked[1].tech.code;
        let change = what_would_change(&a).expect("a change exists");
        let mut b = a;
        for c in &change {
            b = b.with(c.question, c.value);
        }
        assert_eq!(rank(&b).ranked[0].tech.code, runner_up);
        // It is the smallest: no single change does it when two are given.
        if change.len() == 2 {
            for (q, question) in QUESTIONS.iter().enumerate() {
                for v in 0..question.values.len() as u8 {
                    assert_ne!(
                        rank(&a.with(q, v)).ranked.first().map(|r| r.tech.code),
                        Some(runner_up)
                    );
                }
            }
        }
        // One technology left: nothing to change toward.
        assert_eq!(what_would_change(&PRESETS[1].answers), None);
    }
}
