//! The engine's scenarios: the report's five profiles and twelve more cases, each
//! asserting the top pick, exclusions and reasons.

use super::*;
use crate::data::wizard_presets::PRESETS;

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

/// Whether a criterion is among a ranked technology's reasons for (`pros`) or against.
fn counts(reasons: &[Reason], c: Criterion) -> bool {
    reasons.iter().any(|r| r.criterion == c)
}

/// Whether one changed answer is a way out that puts `top` first.
fn way_out(ways: &[Relaxation], change: Answer, top: &str) -> bool {
    ways.iter()
        .any(|w| w.changes == [change] && w.top.code == top)
}

#[test]
fn the_engine_chooses_among_seven_technologies_over_every_combination() {
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

// ---- Scenarios: top pick, exclusions and reasons ----

#[test]
fn scenario_1_report_high_security() {
    let o = rank(&PRESETS[0].answers);
    assert_eq!(o.ranked[0].tech.code, "kata");
    assert!(PRESETS[0].picks.contains(&o.ranked[0].tech.code));
    assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
    assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Artifact]);
    assert_eq!(o.ranked[0].pros[0].criterion, Criterion::Isolation);
    // Untrusted code never shares the host's kernel: runc is out, whatever its
    // other merits (the report picks sandboxes for untrusted code).
    assert_eq!(excluded_for(&o, "runc"), [Constraint::SharedKernel]);
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
    // Untrusted code: runc's shared kernel rules it out, not its start, which is
    // no slower than gVisor's under the same engine.
    assert_eq!(excluded_for(&o, "runc"), [Constraint::SharedKernel]);
    assert_eq!(excluded_for(&o, "vm"), [Constraint::Startup]);
    assert!(counts(&o.ranked[0].pros, Criterion::Compatibility));
}

#[test]
fn scenario_4_report_edge_and_iot() {
    let o = rank(&PRESETS[3].answers);
    assert_eq!(o.ranked[0].tech.code, "wasm");
    assert!(agrees(&PRESETS[3]));
    assert!(counts(&o.ranked[0].pros, Criterion::Footprint));
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
    assert!(counts(&o.ranked[0].pros, Criterion::Isolation));
}

#[test]
fn scenario_6_own_code_in_kubernetes_keeps_plain_containers() {
    let o = ask(
        "?workload=own&artifact=oci&startup=any&kvm=yes&gpu=no&where=k8s&tee=no&priority=compatibility",
    );
    assert_eq!(o.ranked[0].tech.code, "runc");
    assert!(counts(&o.ranked[0].pros, Criterion::Compatibility));
}

#[test]
fn scenario_7_no_kvm_rules_out_every_vm() {
    let o = ask(
        "?workload=untrusted&artifact=oci&startup=any&kvm=no&gpu=no&where=k8s&tee=no&priority=security",
    );
    assert_eq!(o.ranked[0].tech.code, "gvisor");
    for code in ["kata", "firecracker", "vm"] {
        assert!(excluded_for(&o, code).contains(&Constraint::Kvm), "{code}");
    }
    // Some unikernels run without KVM (MirageOS on Solo5's spt): only the OCI image
    // rules them out here.
    assert_eq!(excluded_for(&o, "unikernel"), [Constraint::Artifact]);
}

#[test]
fn scenario_8_confidential_computing_needs_kata_or_a_vm() {
    let o = ask(
        "?workload=untrusted&artifact=oci&startup=any&kvm=yes&gpu=no&where=k8s&tee=yes&priority=security",
    );
    assert_eq!(order(&o)[0], "kata");
    assert!(order(&o).iter().all(|c| ["kata", "vm"].contains(c)));
    for code in ["gvisor", "firecracker"] {
        assert_eq!(excluded_for(&o, code), [Constraint::Tee], "{code}");
    }
    assert_eq!(
        excluded_for(&o, "runc"),
        [Constraint::SharedKernel, Constraint::Tee]
    );
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
    assert!(way_out(&ways, Answer::Tee(Tee::No), "gvisor"), "{ways:?}");
    assert!(way_out(&ways, Answer::Kvm(Kvm::Yes), "kata"), "{ways:?}");
}

#[test]
fn scenario_10_gpu_training_in_kubernetes() {
    let o = ask(
        "?workload=vetted&artifact=oci&startup=any&kvm=yes&gpu=yes&where=k8s&tee=no&priority=performance",
    );
    assert_eq!(o.ranked[0].tech.code, "runc");
    // WasmEdge runs WASI-NN inference on CUDA GPUs: partial GPU support, so only the
    // OCI image rules Wasm out.
    assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
    assert_eq!(excluded_for(&o, "firecracker"), [Constraint::Gpu]);
    assert_eq!(
        excluded_for(&o, "unikernel"),
        [Constraint::Artifact, Constraint::Gpu]
    );
    let gvisor = o.ranked.iter().find(|r| r.tech.code == "gvisor").unwrap();
    assert!(
        counts(&gvisor.cons, Criterion::Gpu),
        "experimental GPU counts against gVisor"
    );
}

#[test]
fn scenario_11_untrusted_gpu_jobs_choose_a_vm_boundary() {
    let o = ask(
        "?workload=untrusted&artifact=oci&startup=any&kvm=yes&gpu=yes&where=k8s&tee=no&priority=security",
    );
    assert_eq!(o.ranked[0].tech.code, "kata");
    // Firecracker has no GPU passthrough (its maintainers, issues 2487 and 5133), whatever
    // the report's "NVIDIA GPU virtualization" says: a GPU job never gets it.
    assert_eq!(excluded_for(&o, "firecracker"), [Constraint::Gpu]);
}

#[test]
fn scenario_12_serverless_functions_with_a_100ms_budget() {
    let o = ask(
        "?workload=untrusted&artifact=oci&startup=100ms&kvm=yes&gpu=no&where=serverless&tee=no&priority=security",
    );
    // Firecracker restores a snapshot in <50 ms (report); Kata boots in about 1 s (its
    // own reference figures; the report says ~200 ms) and misses.
    assert_eq!(o.ranked[0].tech.code, "firecracker");
    assert_eq!(excluded_for(&o, "kata"), [Constraint::Startup]);
    assert!(
        excluded_for(&o, "gvisor").is_empty(),
        "~100 ms fits a 100 ms budget"
    );
    // runc starts no slower than gVisor under the same engine, so the budget does not
    // rule it out; the untrusted code does.
    assert_eq!(excluded_for(&o, "runc"), [Constraint::SharedKernel]);
}

#[test]
fn scenario_13_untrusted_ci_jobs() {
    let o = ask(
        "?workload=untrusted&artifact=oci&startup=any&kvm=unknown&gpu=no&where=ci&tee=no&priority=security",
    );
    assert_eq!(o.ranked[0].tech.code, "gvisor");
    // KVM might be missing on CI hosts: it counts against what needs it.
    let kata = o.ranked.iter().find(|r| r.tech.code == "kata").unwrap();
    assert!(counts(&kata.cons, Criterion::KvmRisk));
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
fn scenario_16_a_unikernel_without_kvm_runs_only_as_a_sandboxed_process() {
    // MirageOS runs on Solo5's spt target, a seccomp-sandboxed process: without KVM a
    // unikernel is still possible, and the engine says it narrows the choice.
    let o = ask(
        "?workload=own&artifact=unikernel&startup=any&kvm=no&gpu=no&where=edge&tee=no&priority=footprint",
    );
    assert_eq!(order(&o), ["unikernel"]);
    assert!(
        counts(&o.ranked[0].cons, Criterion::KvmRisk),
        "{:?}",
        o.ranked[0].cons
    );
    assert_eq!(excluded_for(&o, "firecracker"), [Constraint::Kvm]);
    assert_eq!(excluded_for(&o, "vm"), [Constraint::Kvm]);
    assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
}

#[test]
fn scenario_17_a_whole_os_image_without_kvm_is_contradictory() {
    let a = Answers::from_search("?workload=own&artifact=vm&kvm=no&where=edge").0;
    let o = rank(&a);
    assert!(o.ranked.is_empty());
    assert_eq!(excluded_for(&o, "vm"), [Constraint::Kvm]);
    assert_eq!(excluded_for(&o, "firecracker"), [Constraint::Kvm]);
    assert_eq!(excluded_for(&o, "wasm"), [Constraint::Artifact]);
    let ways = relaxations(&a);
    let tops: Vec<(Vec<Answer>, &str)> = ways
        .iter()
        .map(|w| (w.changes.clone(), w.top.code))
        .collect();
    // Hosts with KVM give a VM boundary (Firecracker's lighter one first); a Wasm build
    // needs none.
    assert!(
        way_out(&ways, Answer::Kvm(Kvm::Yes), "firecracker"),
        "{tops:?}"
    );
    assert!(
        way_out(&ways, Answer::Artifact(Artifact::Wasm), "wasm"),
        "{tops:?}"
    );
}

#[test]
fn what_would_change_makes_the_runner_up_win() {
    let a = PRESETS[0].answers;
    let o = rank(&a);
    let runner_up = o.ranked[1].tech.code;
    let change = what_would_change(&a).expect("a change exists");
    let b = applied(&a, &change);
    assert_eq!(rank(&b).ranked[0].tech.code, runner_up);
    // It is the smallest: no single change does it when two are given.
    if change.len() == 2 {
        for q in Question::ALL {
            for v in q.answers() {
                assert_ne!(
                    rank(&a.with(v)).ranked.first().map(|r| r.tech.code),
                    Some(runner_up)
                );
            }
        }
    }
    // One technology left: nothing to change toward.
    assert_eq!(what_would_change(&PRESETS[1].answers), None);
}

#[test]
fn untrusted_code_never_gets_a_shared_kernel() {
    for a in Answers::all().filter(|a| a.workload == Workload::Untrusted) {
        for r in rank(&a).ranked {
            assert!(
                !shares_the_kernel(r.tech),
                "{} for {}",
                r.tech.code,
                a.to_search()
            );
        }
    }
    // Vetted code may: the constraint is the workload's.
    let vetted = ask(
        "?workload=vetted&artifact=oci&startup=any&kvm=yes&gpu=no&where=k8s&tee=no&priority=compatibility",
    );
    assert_eq!(vetted.ranked[0].tech.code, "runc");
}

#[test]
fn the_how_it_works_text_gives_the_engines_real_size() {
    let code = include_str!("mod.rs")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count();
    let lead = crate::i18n::Key::WizardHowLead.text(crate::base::lang::Lang::En);
    let said: usize = lead
        .split("about ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no size in {lead:?}"));
    let off = code.abs_diff(said) as f64 / code as f64;
    assert!(
        off < 0.1,
        "the text says about {said} lines; mod.rs has {code}"
    );
}
