//! The evidence table: for each technology and each attribute the wizard's engine
//! uses, the level it uses and what that level rests on (the report's words, an
//! independent source, or both, and where they disagree what the report says).

use crate::base::answers::{Artifact, Place};
use crate::base::lang::{Lang, Text, text};
use crate::data::tech::{Basis, Level, ReportWords, TECHNOLOGIES, Technology};
use crate::domain::wizard::best_start_ms;
use crate::domain::wizard::text::{figure_text, level_key, start_text};
use crate::i18n::Key;

/// An attribute of a technology the engine uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    Startup,
    Isolation,
    Overhead,
    Footprint,
    NeedsKvm,
    Gpu,
    Tee,
    Runs(Artifact),
    Fits(Place),
    Compatibility,
    Maturity,
    Cost,
}

impl Attribute {
    /// Every attribute, in the table's order.
    pub const ALL: [Attribute; 18] = [
        Attribute::Startup,
        Attribute::Isolation,
        Attribute::Overhead,
        Attribute::Footprint,
        Attribute::NeedsKvm,
        Attribute::Gpu,
        Attribute::Tee,
        Attribute::Runs(Artifact::Oci),
        Attribute::Runs(Artifact::Wasm),
        Attribute::Runs(Artifact::Unikernel),
        Attribute::Runs(Artifact::Vm),
        Attribute::Compatibility,
        Attribute::Maturity,
        Attribute::Cost,
        Attribute::Fits(Place::K8s),
        Attribute::Fits(Place::Serverless),
        Attribute::Fits(Place::Edge),
        Attribute::Fits(Place::Ci),
    ];

    /// Its id in markup (`data-attribute`).
    pub const fn code(self) -> &'static str {
        match self {
            Attribute::Startup => "startup",
            Attribute::Isolation => "isolation",
            Attribute::Overhead => "overhead",
            Attribute::Footprint => "footprint",
            Attribute::NeedsKvm => "needs-kvm",
            Attribute::Gpu => "gpu",
            Attribute::Tee => "tee",
            Attribute::Runs(Artifact::Oci) => "runs-oci",
            Attribute::Runs(Artifact::Wasm) => "runs-wasm",
            Attribute::Runs(Artifact::Unikernel) => "runs-unikernel",
            Attribute::Runs(Artifact::Vm) => "runs-vm",
            Attribute::Compatibility => "compatibility",
            Attribute::Maturity => "maturity",
            Attribute::Cost => "cost",
            Attribute::Fits(Place::K8s) => "fits-k8s",
            Attribute::Fits(Place::Serverless) => "fits-serverless",
            Attribute::Fits(Place::Edge) => "fits-edge",
            Attribute::Fits(Place::Ci) => "fits-ci",
        }
    }
}

/// The level the engine uses, in the form it has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// Yes / partly / no.
    Support(Level),
    /// A 0-5 rating.
    Rating(u8),
    /// The fastest start of the isolation layer, in ms, the engine's overhead apart.
    StartMs(f64),
    /// The report's star rating (figure id).
    Stars(&'static str),
}

/// One row of the evidence table.
#[derive(Clone, Copy, Debug)]
pub struct Evidence {
    pub tech: &'static Technology,
    pub attribute: Attribute,
    pub value: Value,
    pub basis: Basis,
}

/// What the isolation rating rests on: the report's stars, as the engine counts them.
const ISOLATION: Text = text(
    "The report's rating; the engine counts it from 2 stars up: ★★★ scores 1/3, ★★★★ 2/3, ★★★★★ 1",
    "报告的评级；引擎从 2 星起算：★★★ 得 1/3，★★★★ 得 2/3，★★★★★ 得 1",
);

/// A technology's row for one attribute.
pub fn evidence(tech: &'static Technology, attribute: Attribute) -> Evidence {
    let (value, basis) = match attribute {
        Attribute::Startup => (Value::StartMs(best_start_ms(tech)), tech.start.basis),
        Attribute::Isolation => (
            Value::Stars(tech.isolation),
            Basis {
                text: ISOLATION,
                report: Some(ReportWords::Figure(tech.isolation)),
                sources: &[],
                report_differs: None,
            },
        ),
        Attribute::Overhead => (Value::Rating(tech.overhead.level), tech.overhead.basis),
        Attribute::Footprint => (Value::Rating(tech.footprint.level), tech.footprint.basis),
        Attribute::NeedsKvm => (Value::Support(tech.needs_kvm.level), tech.needs_kvm.basis),
        Attribute::Gpu => (Value::Support(tech.gpu.level), tech.gpu.basis),
        Attribute::Tee => (Value::Support(tech.tee.level), tech.tee.basis),
        Attribute::Runs(a) => {
            let s = tech.artifacts.get(a);
            (Value::Support(s.level), s.basis)
        }
        Attribute::Fits(p) => {
            let r = tech.fit.get(p);
            (Value::Rating(r.level), r.basis)
        }
        Attribute::Compatibility => (
            Value::Rating(tech.compatibility.level),
            tech.compatibility.basis,
        ),
        Attribute::Maturity => (Value::Rating(tech.maturity.level), tech.maturity.basis),
        Attribute::Cost => (Value::Rating(tech.cost.level), tech.cost.basis),
    };
    Evidence {
        tech,
        attribute,
        value,
        basis,
    }
}

/// A technology's rows, in the table's order.
pub fn evidence_for(tech: &'static Technology) -> impl Iterator<Item = Evidence> {
    Attribute::ALL.into_iter().map(move |a| evidence(tech, a))
}

/// Every row of the table.
pub fn all_evidence() -> impl Iterator<Item = Evidence> {
    TECHNOLOGIES.into_iter().flat_map(evidence_for)
}

/// The rows where the engine follows an independent source against the report.
pub fn disagreements() -> impl Iterator<Item = Evidence> {
    all_evidence().filter(|e| e.basis.report_differs.is_some())
}

impl Attribute {
    /// Its name on screen.
    pub const fn key(self) -> Key {
        match self {
            Attribute::Startup => Key::EvidenceAStartup,
            Attribute::Isolation => Key::EvidenceAIsolation,
            Attribute::Overhead => Key::EvidenceAOverhead,
            Attribute::Footprint => Key::EvidenceAFootprint,
            Attribute::NeedsKvm => Key::EvidenceANeedsKvm,
            Attribute::Gpu => Key::EvidenceAGpu,
            Attribute::Tee => Key::EvidenceATee,
            Attribute::Runs(Artifact::Oci) => Key::EvidenceARunsOci,
            Attribute::Runs(Artifact::Wasm) => Key::EvidenceARunsWasm,
            Attribute::Runs(Artifact::Unikernel) => Key::EvidenceARunsUnikernel,
            Attribute::Runs(Artifact::Vm) => Key::EvidenceARunsVm,
            Attribute::Compatibility => Key::EvidenceACompatibility,
            Attribute::Maturity => Key::EvidenceAMaturity,
            Attribute::Cost => Key::EvidenceACost,
            Attribute::Fits(Place::K8s) => Key::EvidenceAFitsK8s,
            Attribute::Fits(Place::Serverless) => Key::EvidenceAFitsServerless,
            Attribute::Fits(Place::Edge) => Key::EvidenceAFitsEdge,
            Attribute::Fits(Place::Ci) => Key::EvidenceAFitsCi,
        }
    }
}

/// The level of a row in words: "Partly", "4/5", "≤ 100 ms", "★★★★".
pub fn value_text(e: &Evidence, lang: Lang) -> String {
    match e.value {
        Value::Support(level) => level_key(level).text(lang).to_owned(),
        Value::Rating(n) => Key::EvidenceRating.fill(lang, &[("n", &n.to_string())]),
        Value::Stars(id) => figure_text(id, lang),
        Value::StartMs(_) => start_text(e.tech, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::figure;
    use crate::data::sections::section_text;
    use crate::domain::wizard::{Answers, Constraint, Gpu, Startup, violations};

    #[test]
    fn levels_read_as_the_engine_uses_them() {
        use crate::data::tech::{FIRECRACKER, GVISOR, KATA, RUNC};
        let text = |t, a| value_text(&evidence(t, a), Lang::En);
        assert_eq!(text(&RUNC, Attribute::Startup), "≤ 100 ms");
        assert_eq!(text(&KATA, Attribute::Startup), "990 ms");
        assert_eq!(text(&FIRECRACKER, Attribute::Startup), "~125 ms; <50 ms");
        assert_eq!(text(&GVISOR, Attribute::Gpu), "partly");
        assert_eq!(text(&GVISOR, Attribute::Overhead), "3/5");
        assert_eq!(text(&KATA, Attribute::Isolation), "★★★★★");
    }

    #[test]
    fn the_table_has_every_technology_and_attribute() {
        assert_eq!(all_evidence().count(), 7 * 18);
        let mut codes: Vec<&str> = Attribute::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Attribute::ALL.len());
    }

    #[test]
    fn every_level_has_a_basis_that_names_its_source() {
        for e in all_evidence() {
            let at = format!("{} {}", e.tech.code, e.attribute.code());
            let b = e.basis;
            assert!(!b.text.en.is_empty() && !b.text.zh.is_empty(), "{at}");
            assert!(
                b.report.is_some() || !b.sources.is_empty(),
                "{at}: neither the report's words nor an independent source"
            );
            if let Some(differs) = b.report_differs {
                assert!(
                    b.report.is_some() && !b.sources.is_empty(),
                    "{at}: a disagreement needs the report's words and a source"
                );
                assert!(!differs.en.is_empty() && !differs.zh.is_empty(), "{at}");
            }
        }
    }

    #[test]
    fn the_reports_words_are_verbatim_in_the_section_named() {
        for e in all_evidence() {
            let at = format!("{} {}", e.tech.code, e.attribute.code());
            match e.basis.report {
                Some(ReportWords::Quote { section: id, zh }) => {
                    assert!(
                        section_text(id).contains(zh),
                        "{at}: {zh:?} is not in section {id}"
                    );
                }
                Some(ReportWords::Figure(id)) => {
                    assert!(figure(id).is_some(), "{at}: unknown figure {id}");
                }
                None => {}
            }
        }
    }

    #[test]
    fn a_section_ends_at_the_next_heading_of_its_level() {
        let lightv = section_text("lightv");
        assert!(lightv.contains("启动时间: <125ms"));
        assert!(!lightv.contains("Sidecar Containers"));
        assert!(section_text("podman-5").contains("# 创建Farm"));
    }

    #[test]
    fn no_budget_admits_a_runtime_launched_like_runc_while_ruling_runc_out() {
        let runc = TECHNOLOGIES[0];
        for budget in [
            Startup::Within10Ms,
            Startup::Within100Ms,
            Startup::Within1S,
            Startup::Any,
        ] {
            let a = Answers {
                startup: budget,
                ..Answers::default()
            };
            let runc_out = violations(runc, &a).contains(&Constraint::Startup);
            for code in ["gvisor", "kata"] {
                let t = crate::data::tech::technology(code).unwrap();
                let t_in = !violations(t, &a).contains(&Constraint::Startup);
                assert!(!(runc_out && t_in), "{budget:?} admits {code}, not runc");
            }
        }
    }

    #[test]
    fn a_gpu_workload_never_gets_a_technology_without_gpu_support() {
        for a in Answers::all().filter(|a| a.gpu == Gpu::Yes) {
            for r in crate::domain::wizard::rank(&a).ranked {
                assert_ne!(r.tech.gpu.level, Level::No, "{} for {a:?}", r.tech.code);
            }
        }
        // Firecracker: its maintainers said no passthrough (issue 2487), against the
        // report's "NVIDIA GPU virtualization".
        assert_eq!(
            crate::data::tech::FIRECRACKER.gpu.level,
            Level::No,
            "the evidence"
        );
    }

    #[test]
    fn the_engine_follows_the_evidence_where_the_report_differs() {
        let mut found: Vec<String> = disagreements()
            .map(|e| format!("{} {}", e.tech.code, e.attribute.code()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "firecracker gpu",
                "firecracker tee",
                "kata footprint",
                "kata startup",
                "runc startup",
                "wasm maturity",
            ]
        );
    }
}
