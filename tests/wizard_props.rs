//! Layer 1: properties of the wizard's engine. Exhaustively over all 11,520 answer
//! combinations where that is cheap, and with proptest where each case does more work
//! (what would change the answer, the ways out of a contradiction).
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::data::tech::TECHNOLOGIES;
use container_atlas::domain::wizard::{
    Answers, Criterion, Outcome, QUESTIONS, rank, relaxations, violations, weights,
    what_would_change,
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
    let w = weights(a);
    for r in &o.ranked {
        for reason in r.pros.iter().chain(&r.cons) {
            let i = Criterion::ALL
                .iter()
                .position(|c| *c == reason.criterion)
                .unwrap();
            assert!(
                w[i] > 0.0,
                "{a:?}: {:?} explains with an unused criterion",
                reason.criterion
            );
            assert_eq!(reason.weight, w[i]);
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
            a.code(2) != "any" || a.code(3) == "no" || a.code(4) == "yes" || a.code(6) == "yes";
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
    let sizes: Vec<u8> = QUESTIONS.iter().map(|q| q.values.len() as u8).collect();
    (
        0..sizes[0],
        0..sizes[1],
        0..sizes[2],
        0..sizes[3],
        0..sizes[4],
        0..sizes[5],
        0..sizes[6],
        0..sizes[7],
    )
        .prop_map(|(a, b, c, d, e, f, g, h)| Answers([a, b, c, d, e, f, g, h]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_suggested_change_makes_the_runner_up_win(a in answers()) {
        let o = rank(&a);
        match what_would_change(&a) {
            Some(changes) => {
                prop_assert!(!changes.is_empty() && changes.len() <= 2);
                let mut b = a;
                for c in &changes {
                    prop_assert_ne!(a.0[c.question], c.value);
                    b = b.with(c.question, c.value);
                }
                prop_assert_eq!(rank(&b).ranked[0].tech.code, o.ranked[1].tech.code);
            }
            None if o.ranked.len() >= 2 => {
                // Then truly no single changed answer lets the runner-up win.
                let runner_up = o.ranked[1].tech.code;
                for (q, question) in QUESTIONS.iter().enumerate() {
                    for v in 0..question.values.len() as u8 {
                        let top = rank(&a.with(q, v)).ranked.first().map(|r| r.tech.code);
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
            let b = way.changes.iter().fold(a, |b, c| b.with(c.question, c.value));
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
