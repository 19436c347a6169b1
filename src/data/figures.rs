//! Every figure of the report as a typed value, with where the report states it.
//! The table itself is generated from `data/figures.tsv` by `build.rs`, which reads
//! each value with the app's own parser; this module holds the types and lookups.

use crate::base::lang::Text;
use crate::base::quantity::{Amount, Quantity, Unit};

/// A name in both languages, from `data/items.tsv` or `data/metrics.tsv`.
#[derive(Clone, Copy, Debug)]
pub struct Name {
    pub id: &'static str,
    pub text: Text,
}

/// What part of the container landscape a figure is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    Report,
    Sandboxes,
    Market,
    Gpus,
    Engines,
    Kubernetes,
    Performance,
    Wasm,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Sandboxes,
        Topic::Market,
        Topic::Gpus,
        Topic::Engines,
        Topic::Kubernetes,
        Topic::Performance,
        Topic::Wasm,
        Topic::Report,
    ];

    /// The code used in `data/figures.tsv`, URLs and exports.
    pub const fn code(self) -> &'static str {
        match self {
            Topic::Report => "report",
            Topic::Sandboxes => "sandboxes",
            Topic::Market => "market",
            Topic::Gpus => "gpus",
            Topic::Engines => "engines",
            Topic::Kubernetes => "kubernetes",
            Topic::Performance => "performance",
            Topic::Wasm => "wasm",
        }
    }

    pub fn parse(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// One figure the report states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// Stable id (`firecracker.startup`).
    pub id: &'static str,
    pub topic: Topic,
    /// Id of the report section (see `sections`).
    pub section: &'static str,
    /// Id in `data/items.tsv`: what is measured.
    pub item: &'static str,
    /// Id in `data/metrics.tsv`: which property of it.
    pub metric: &'static str,
    /// The value as the report writes it.
    pub value: &'static str,
    pub quantity: Quantity,
    /// The report wrote an explicit sign ("+40%", "-25%").
    pub signed: bool,
    /// The report's own words around the value, verbatim.
    pub quote_zh: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/figures_data.rs"));

/// The figure with this id.
pub fn figure(id: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.id == id)
}

/// The name of an item (`firecracker`), or the id itself if it is unknown.
pub fn item_name(id: &str) -> Text {
    lookup(ITEMS, id)
}

/// The name of a metric (`startup`), or the id itself if it is unknown.
pub fn metric_name(id: &str) -> Text {
    lookup(METRICS, id)
}

fn lookup(names: &'static [Name], id: &str) -> Text {
    names
        .iter()
        .find(|n| n.id == id)
        .map(|n| n.text)
        .unwrap_or(Text { en: "?", zh: "?" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sections::section;

    const REPORT: &str = include_str!("../../data/report.zh.md");

    fn numbers(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(|t| t.trim_matches('.').to_owned())
            .collect()
    }

    #[test]
    fn every_record_traces_to_the_report() {
        for f in FIGURES {
            assert!(
                section(f.section).is_some(),
                "{}: unknown section {}",
                f.id,
                f.section
            );
            assert!(
                REPORT.contains(f.quote_zh),
                "{}: quote not in the report",
                f.id
            );
            // The value's numbers (or stars) are in the quoted words.
            for n in numbers(f.value) {
                assert!(
                    f.quote_zh.contains(&n),
                    "{}: {n} is not in {:?}",
                    f.id,
                    f.quote_zh
                );
            }
            if f.quantity.unit == Unit::Stars {
                assert!(f.quote_zh.contains(f.value), "{}", f.id);
            }
        }
    }

    #[test]
    fn every_record_has_names_in_both_languages() {
        for f in FIGURES {
            for name in [item_name(f.item), metric_name(f.metric)] {
                assert!(
                    name.en != "?" && !name.en.is_empty() && !name.zh.is_empty(),
                    "{}",
                    f.id
                );
            }
        }
    }

    #[test]
    fn ids_are_unique_and_topics_round_trip() {
        for f in FIGURES {
            assert_eq!(
                FIGURES.iter().filter(|o| o.id == f.id).count(),
                1,
                "{}",
                f.id
            );
        }
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.code()), Some(topic));
            assert!(
                FIGURES.iter().any(|f| f.topic == topic),
                "{topic:?} has no figure"
            );
        }
    }

    /// Spot checks against the report, each by its exact value.
    #[test]
    fn figures_match_the_report() {
        use Amount::*;
        use Unit::*;
        let expected: &[(&str, Amount, Unit)] = &[
            ("firecracker.startup", AtMost(125.0), Milliseconds),
            ("firecracker.memory", Exact(5.0), Megabytes),
            ("firecracker.snapshot", AtMost(50.0), Milliseconds),
            ("kata.startup", AtMost(200.0), Milliseconds),
            ("kata.memory", Exact(20.0), Megabytes),
            ("gvisor.startup", AtMost(100.0), Milliseconds),
            ("gvisor.perf-vs-2023", AtLeast(50.0), Percent),
            ("unikernel.image-size", AtMost(5.0), Megabytes),
            ("compare.wasm.startup", AtMost(5.0), Milliseconds),
            ("compare.gvisor.startup", About(100.0), Milliseconds),
            ("compare.docker.startup", Range(1.0, 5.0), Seconds),
            ("compare.vm.startup", Range(10.0, 30.0), Seconds),
            ("compare.kata.startup-stars", Exact(3.0), Stars),
            ("compare.docker.isolation-stars", Exact(3.0), Stars),
            ("market.size-2025", About(1.5e10), Usd),
            ("market.growth", Exact(35.0), Percent),
            ("market.forecast-2027", Exact(2.8e10), Usd),
            ("market.serverless", Exact(6e9), Usd),
            ("h100.memory", Exact(80.0), Gigabytes),
            ("h100.llm-speedup", Range(3.0, 6.0), Factor),
            ("h200.memory", Exact(141.0), Gigabytes),
            ("h200.bandwidth", Exact(4.8), TerabytesPerSecond),
            ("mig.slice", Exact(0.125), Fraction),
            ("h100.nvlink", Exact(900.0), GigabytesPerSecond),
            ("iluvatar-bi-v150.int8", Exact(256.0), Tops),
            ("mtt-s80.fp16", Exact(384.0), Teraflops),
            ("mtt-s80.tf32", Exact(768.0), Teraflops),
            ("mtt-s80.power", Exact(350.0), Watts),
            ("biren-br100.fp16", Exact(1000.0), Teraflops),
            ("hygon-z100.fp16", AtLeast(200.0), Teraflops),
            ("compare.biren.fp16", AtLeast(700.0), Teraflops),
            ("compare.a100.fp16", Exact(312.0), Teraflops),
            ("compare.a100.power", Exact(400.0), Watts),
            ("compare.iluvatar.price", About(60_000.0), Cny),
            ("compare.a100.price", AtLeast(100_000.0), Cny),
            ("podman-4.ps", About(150.0), Milliseconds),
            ("podman-5.ps", About(70.0), Milliseconds),
            ("podman-5.start10", About(3.0), Seconds),
            ("pasta.udp", AtLeast(95.0), Percent),
            ("pasta.latency", AtMost(1.0), Milliseconds),
            ("slirp4netns.tcp", Range(60.0, 70.0), Percent),
            ("slirp4netns.download", About(600.0), MegabytesPerSecond),
            ("delta.k8s.scheduler", Exact(-25.0), Percent),
            ("delta.pasta.network", Exact(60.0), Percent),
            ("wasm.simd-speedup", Range(4.0, 16.0), Factor),
            ("tfjs.cpu-speedup", Range(2.0, 10.0), Factor),
            ("cloudflare.datacenters", AtLeast(200.0), Count),
            ("wasmtime.version", AtLeast(14.0), Version),
            ("gvisor.version", AtLeast(2025.1), Version),
        ];
        assert!(expected.len() >= 25);
        for (id, amount, unit) in expected {
            let f = figure(id).unwrap_or_else(|| panic!("no figure {id}"));
            assert_eq!(
                f.quantity,
                Quantity {
                    amount: *amount,
                    unit: *unit
                },
                "{id}"
            );
        }
    }
}
