//! The sandbox-choice wizard's engine: answers in, a ranked and explained choice out.
//!
//! Hard constraints exclude a technology outright (no KVM rules out what needs it; an
//! artifact it cannot run; a cold-start budget below its best stated start; a GPU or a
//! TEE it lacks). The rest is a weighted score: each criterion scores every technology
//! from 0 to 1 on figures of the report or ratings with a stated basis, and the answers
//! set the weights. Everything here is deterministic and total: the same answers give
//! the same ranking, ties broken by a fixed order.

pub mod codec;
pub mod text;

#[cfg(test)]
mod tests;

pub use crate::base::answers::{
    Answer, Answers, Artifact, Gpu, Kvm, Place, Priority, Question, Startup, Tee, Workload,
};
pub use codec::{COMPARE_PARAM, WIZARD_QUERY_KEYS};

use crate::base::quantity::Amount;
use crate::data::figures::figure;
use crate::data::tech::{Level, Rating, StartFrom, Support, TECHNOLOGIES, Technology, technology};
use crate::data::wizard_presets::Preset;

/// The cold-start budget of an answer, in ms (`any`: none).
fn budget_ms(startup: Startup) -> f64 {
    match startup {
        Startup::Within10Ms => 10.0,
        Startup::Within100Ms => 100.0,
        Startup::Within1S => 1000.0,
        Startup::Any => f64::INFINITY,
    }
}

/// How a technology runs an artifact.
pub fn runs(t: &Technology, artifact: Artifact) -> Support {
    t.artifacts.get(artifact)
}

/// How well a technology fits a place.
pub fn fits(t: &Technology, place: Place) -> Rating {
    t.fit.get(place)
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

/// How much a criterion counts for these answers; 0 when it does not apply. The
/// priority adds 3 to what it names.
pub fn weight(c: Criterion, a: &Answers) -> f64 {
    let boost = |p: Priority, by: f64| if a.priority == p { by } else { 0.0 };
    match c {
        // Untrusted code is what sandboxes are for: its isolation outweighs the rest.
        Criterion::Isolation => {
            let base = match a.workload {
                Workload::Own => 1.0,
                Workload::Vetted => 2.0,
                Workload::Untrusted => 6.0,
            };
            base + boost(Priority::Security, 3.0)
        }
        Criterion::Startup => {
            let base = if a.startup == Startup::Any { 1.0 } else { 2.0 };
            base + boost(Priority::Performance, 3.0)
        }
        Criterion::ArtifactFit => 3.0 + boost(Priority::Compatibility, 2.0),
        Criterion::PlaceFit => 2.0,
        // Running existing OCI images unchanged matters when that is what you ship.
        Criterion::Compatibility => match a.artifact {
            Artifact::Oci => 2.0 + boost(Priority::Compatibility, 3.0),
            _ => 0.5 + boost(Priority::Compatibility, 1.0),
        },
        Criterion::Footprint => {
            let edge = if a.place == Place::Edge { 2.0 } else { 0.0 };
            1.0 + edge + boost(Priority::Footprint, 3.0)
        }
        Criterion::Maturity => 1.0,
        Criterion::Cost => 1.0 + boost(Priority::Cost, 3.0),
        Criterion::Overhead => 1.0 + boost(Priority::Performance, 3.0),
        // Unknown KVM: if it turns out missing, what needs it does not run at all. No
        // KVM: what needs it is ruled out, and what needs it only in part (unikernels:
        // some run as a sandboxed process) narrows to that part.
        Criterion::KvmRisk => match a.kvm {
            Kvm::Unknown | Kvm::No => 3.0,
            Kvm::Yes => 0.0,
        },
        Criterion::Gpu => match a.gpu {
            Gpu::Yes => 2.0,
            Gpu::No => 0.0,
        },
        Criterion::Tee => match a.tee {
            Tee::Yes => 2.0,
            Tee::No => 0.0,
        },
    }
}

fn level_score(level: Level) -> f64 {
    match level {
        Level::Yes => 1.0,
        Level::Partial => 0.5,
        Level::No => 0.0,
    }
}

/// A star rating of the report on 0-1, counted from `floor` stars up (`floor` scores
/// 0, five stars 1): isolation, which the report gives 3 to 5 stars, counts from 2, so
/// its 3 stars score 1/3 rather than the 60% they would be of a 0-5 scale; startup
/// counts from 1.
fn stars(figure_id: &str, floor: f64) -> f64 {
    let stars = figure(figure_id).map_or(0.0, |f| f.quantity.amount.representative());
    ((stars - floor) / (5.0 - floor)).clamp(0.0, 1.0)
}

/// The fastest start of a technology's isolation layer, in ms, the engine's overhead
/// apart: the low end of a range, the bound of "<10 ms", the value of "~125 ms", an
/// independent measurement, or a snapshot restore.
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
    let start = match t.start.level {
        StartFrom::Figure(id) => low(id),
        StartFrom::Measured(ms) => ms,
        StartFrom::AtMostThatOf(code) => technology(code).map_or(f64::INFINITY, best_start_ms),
    };
    t.fast_start.map_or(start, |id| start.min(low(id)))
}

/// The slowest start the scale knows, in ms: a whole VM's 30 s (the report).
const SLOWEST_START_MS: f64 = 30_000.0;

/// A start on 0-1, on a log scale from 1 ms (1) to 30 s (0): each tenfold slower
/// start costs the same. The start is the one the budget is checked against (the
/// isolation layer's own), so that the score and the budget compare like with like.
pub fn start_score(ms: f64) -> f64 {
    (1.0 - ms.max(1.0).log10() / SLOWEST_START_MS.log10()).clamp(0.0, 1.0)
}

/// What a criterion scores for a technology, from 0 to 1.
pub fn criterion_score(c: Criterion, t: &Technology, a: &Answers) -> f64 {
    let rating = |r: crate::data::tech::Rating| f64::from(r.level) / 5.0;
    match c {
        Criterion::Isolation => stars(t.isolation, 2.0),
        Criterion::Startup => start_score(best_start_ms(t)),
        Criterion::ArtifactFit => level_score(runs(t, a.artifact).level),
        Criterion::PlaceFit => rating(fits(t, a.place)),
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
    /// The code is untrusted and it shares the host's kernel with it (namespaces
    /// only): the report rates that isolation lowest and picks sandboxes for it.
    SharedKernel,
}

impl Constraint {
    /// The question whose answer sets this constraint.
    pub const fn question(self) -> Question {
        match self {
            Constraint::Artifact => Question::Artifact,
            Constraint::Kvm => Question::Kvm,
            Constraint::Startup => Question::Startup,
            Constraint::Gpu => Question::Gpu,
            Constraint::Tee => Question::Tee,
            Constraint::SharedKernel => Question::Workload,
        }
    }
}

/// Whether a technology isolates only with namespaces on the host's kernel: the
/// report's lowest isolation rating (3 stars, "命名空间").
pub fn shares_the_kernel(t: &Technology) -> bool {
    figure(t.isolation).is_some_and(|f| f.quantity.amount.representative() < 4.0)
}

/// The constraints these answers put on a technology that it fails.
pub fn violations(t: &Technology, a: &Answers) -> Vec<Constraint> {
    let mut out = Vec::new();
    if a.workload == Workload::Untrusted && shares_the_kernel(t) {
        out.push(Constraint::SharedKernel);
    }
    if runs(t, a.artifact).level == Level::No {
        out.push(Constraint::Artifact);
    }
    if a.kvm == Kvm::No && t.needs_kvm.level == Level::Yes {
        out.push(Constraint::Kvm);
    }
    if best_start_ms(t) > budget_ms(a.startup) {
        out.push(Constraint::Startup);
    }
    if a.gpu == Gpu::Yes && t.gpu.level == Level::No {
        out.push(Constraint::Gpu);
    }
    if a.tee == Tee::Yes && t.tee.level == Level::No {
        out.push(Constraint::Tee);
    }
    out
}

/// The hard constraints these answers set: the artifact always, the others when
/// asked for (untrusted code, no KVM, a startup budget, a GPU, a TEE).
pub fn active_constraints(a: &Answers) -> Vec<Constraint> {
    let mut out = Vec::new();
    if a.workload == Workload::Untrusted {
        out.push(Constraint::SharedKernel);
    }
    out.push(Constraint::Artifact);
    if a.kvm == Kvm::No {
        out.push(Constraint::Kvm);
    }
    if a.startup != Startup::Any {
        out.push(Constraint::Startup);
    }
    if a.gpu == Gpu::Yes {
        out.push(Constraint::Gpu);
    }
    if a.tee == Tee::Yes {
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
    /// The criteria that count most in its favor (scoring 0.65 or more: a 3-of-5 rating is neither for nor against), strongest first.
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
}

/// How many reasons for and against each technology are given.
const REASONS: usize = 3;

/// Ranks every technology for these answers.
pub fn rank(a: &Answers) -> Outcome {
    let weights = Criterion::ALL.map(|c| (c, weight(c, a)));
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    let mut ranked = Vec::new();
    let mut excluded = Vec::new();
    for tech in TECHNOLOGIES {
        let because = violations(tech, a);
        if !because.is_empty() {
            excluded.push(Excluded { tech, because });
            continue;
        }
        let reasons: Vec<Reason> = weights
            .iter()
            .filter(|(_, w)| *w > 0.0)
            .map(|&(criterion, weight)| Reason {
                criterion,
                score: criterion_score(criterion, tech, a),
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
    Outcome { ranked, excluded }
}

/// The smallest change of answers that would make the runner-up the top pick: one
/// changed answer if one is enough (the priority tried first, then the questions in
/// order), otherwise two. `None` with fewer than two technologies ranked, or when no
/// change of one or two answers does it.
pub fn what_would_change(a: &Answers) -> Option<Vec<Answer>> {
    let outcome = rank(a);
    let runner_up = outcome.ranked.get(1)?.tech.code;
    let wins = |b: &Answers| {
        rank(b)
            .ranked
            .first()
            .is_some_and(|r| r.tech.code == runner_up)
    };
    let order: Vec<Question> = std::iter::once(Question::Priority)
        .chain(
            Question::ALL
                .into_iter()
                .filter(|q| *q != Question::Priority),
        )
        .collect();
    for &q in &order {
        for v in alternatives(q, a) {
            if wins(&a.with(v)) {
                return Some(vec![v]);
            }
        }
    }
    for (i, q1) in order.iter().enumerate() {
        for v1 in alternatives(*q1, a) {
            let b = a.with(v1);
            for q2 in &order[i + 1..] {
                for v2 in alternatives(*q2, &b) {
                    if wins(&b.with(v2)) {
                        return Some(vec![v1, v2]);
                    }
                }
            }
        }
    }
    None
}

/// The answers to question `q` other than the one given.
fn alternatives(q: Question, a: &Answers) -> impl Iterator<Item = Answer> + use<> {
    let current = a.get(q);
    q.answers().into_iter().filter(move |v| *v != current)
}

/// The answers with changes applied.
pub fn applied(a: &Answers, changes: &[Answer]) -> Answers {
    changes.iter().fold(*a, |b, c| b.with(*c))
}

/// The questions whose answers set a constraint something failed, in order.
pub fn conflicting_questions(o: &Outcome) -> Vec<Question> {
    let mut questions: Vec<Question> = o
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
    pub changes: Vec<Answer>,
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
    let mut sets: Vec<Vec<Answer>> = vec![Vec::new()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for set in &sets {
            // Each set changes questions in order, so none is tried twice.
            let after = set.last().map(|c| c.question());
            for &q in questions.iter().filter(|q| Some(**q) > after) {
                for v in alternatives(q, a) {
                    let mut changes = set.clone();
                    changes.push(v);
                    match rank(&applied(a, &changes)).ranked.first() {
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
