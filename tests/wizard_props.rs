//! Layer 1: properties of the wizard's engine. Exhaustively over all 11,520 answer
//! combinations where that is cheap, and with proptest where each case does more work
//! (what would change the answer, the ways out of a contradiction).
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::data::tech::TECHNOLOGIES;
use container_atlas::domain::wizard::{
    Answers, Artifact, Gpu, Kvm, Outcome, Place, Priority, Question, Startup, Tee, Workload,
    applied, rank, relaxations, violations, weight, what_would_change,
};
use proptest::prelude::*;

fn position(code: &str) -> usize {
    TECHNOLOGIES.iter().position(|t| t.code == code).unwrap()
}

/// The invariants every outcome keeps.
fn check(a: &Answers, o: &Outcome) {
    // Total: every technology is ranked or excluded, never both, never twice.
    let mut seen: Vec<&str> = o.ranked.iter().map(|r| r.tech.code).collect();
    seen.extend(o.excluded.iter().map(|e| e.tech.code));
    seen.sort_unstable();
    let mut all: Vec<&str> = TECHNOLOGIES.iter().map(|t| t.code).collect();
    all.sort_unstable();
    assert_eq!(seen, all, "{a:?}");
    // Ordered: scores fall, ties keep the fixed order.
    for pair in o.ranked.windows(2) {
        assert!(pair[0].score >= pair[1].score, "{a:?}");
        if pair[0].score == pair[1].score {
            assert!(position(pair[0].tech.code) < position(pair[1].tech.code));
        }
    }
    // An excluded technology fails a constraint, and a ranked one fails none.
    for e in &o.excluded {
        assert!(!e.because.is_empty());
        assert_eq!(e.because, violations(e.tech, a));
    }
    for r in &o.ranked {
        assert!(violations(r.tech, a).is_empty());
        assert!((0.0..=100.0).contains(&r.score) && r.score.is_finite());
    }
    // The explanation names only criteria that were used, with their weights.
    for r in &o.ranked {
        for reason in r.pros.iter().chain(&r.cons) {
            let w = weight(reason.criterion, a);
            assert!(
                w > 0.0,
                "{a:?}: {:?} explains with an unused criterion",
                reason.criterion
            );
            assert_eq!(reason.weight, w);
        }
        assert!(r.pros.iter().all(|p| p.score >= 0.65));
        assert!(r.cons.iter().all(|c| c.score <= 0.5));
    }
}

#[test]
fn every_answer_combination_ranks_totally_and_deterministically() {
    let mut count = 0;
    let mut contradictions = 0;
    for a in Answers::all() {
        let o = rank(&a);
        check(&a, &o);
        assert_eq!(rank(&a), o, "the same answers rank the same way");
        if o.ranked.is_empty() {
            contradictions += 1;
        }
        count += 1;
    }
    assert_eq!(count, 11_520);
    // Some combinations conflict (a TEE without KVM; a 10 ms budget for OCI images).
    assert!(contradictions > 0, "{contradictions}");
}

#[test]
fn without_hard_asks_something_always_runs() {
    // No budget, no GPU, no TEE, KVM not ruled out: every artifact has a native runner.
    for a in Answers::all() {
        let hard =
            a.startup != Startup::Any || a.kvm == Kvm::No || a.gpu == Gpu::Yes || a.tee == Tee::Yes;
        if !hard {
            assert!(!rank(&a).ranked.is_empty(), "{a:?}");
        }
    }
}

#[test]
fn every_contradiction_has_a_way_out() {
    for a in Answers::all().filter(|a| rank(a).ranked.is_empty()) {
        let ways = relaxations(&a);
        assert!(!ways.is_empty(), "{a:?}");
        // The fewest changes: every way out changes as many answers as the first.
        assert!(
            ways.iter()
                .all(|w| w.changes.len() == ways[0].changes.len())
        );
    }
}

fn answers() -> impl Strategy<Value = Answers> {
    use proptest::sample::select;
    (
        select(Workload::ALL),
        select(Artifact::ALL),
        select(Startup::ALL),
        select(Kvm::ALL),
        select(Gpu::ALL),
        select(Place::ALL),
        select(Tee::ALL),
        select(Priority::ALL),
    )
        .prop_map(
            |(workload, artifact, startup, kvm, gpu, place, tee, priority)| Answers {
                workload,
                artifact,
                startup,
                kvm,
                gpu,
                place,
                tee,
                priority,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_suggested_change_makes_the_runner_up_win(a in answers()) {
        let o = rank(&a);
        match what_would_change(&a) {
            Some(changes) => {
                prop_assert!(!changes.is_empty() && changes.len() <= 2);
                for c in &changes {
                    prop_assert_ne!(a.get(c.question()), *c);
                }
                let b = applied(&a, &changes);
                prop_assert_eq!(rank(&b).ranked[0].tech.code, o.ranked[1].tech.code);
            }
            None if o.ranked.len() >= 2 => {
                // Then truly no single changed answer lets the runner-up win.
                let runner_up = o.ranked[1].tech.code;
                for q in Question::ALL {
                    for v in q.answers() {
                        let top = rank(&a.with(v)).ranked.first().map(|r| r.tech.code);
                        prop_assert_ne!(top, Some(runner_up));
                    }
                }
            }
            None => {}
        }
    }

    #[test]
    fn every_way_out_of_a_contradiction_works(a in answers()) {
        let o = rank(&a);
        let ways = relaxations(&a);
        for way in &ways {
            let b = applied(&a, &way.changes);
            let ranked = rank(&b).ranked;
            prop_assert_eq!(ranked.first().map(|r| r.tech.code), Some(way.top.code));
        }
        if !o.ranked.is_empty() {
            prop_assert!(ways.is_empty(), "no contradiction, nothing to relax");
        }
    }

    #[test]
    fn query_strings_round_trip(a in answers()) {
        prop_assert_eq!(Answers::from_search(&a.to_search()), (a, vec![]));
    }

    #[test]
    fn any_query_string_gives_answers(search in ".{0,200}") {
        let (a, _) = Answers::from_search(&search);
        check(&a, &rank(&a));
    }
}
