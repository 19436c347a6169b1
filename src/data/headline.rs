//! The report's headline figures, shown on the overview page. Each names figures of
//! the dataset (`figures`), so no number is typed twice.

use super::figures::{Figure, figure};
use crate::base::lang::Text;

/// A headline on the overview: one or more figures and what they say together.
#[derive(Clone, Copy, Debug)]
pub struct HeadlineFigure {
    pub id: &'static str,
    /// Ids in `data/figures.tsv`, shown in order.
    pub figures: &'static [&'static str],
    /// Between two figures: " → " for before/after, " · " for a pair.
    pub joiner: &'static str,
    /// What the figures measure.
    pub label: Text,
}

impl HeadlineFigure {
    /// The figures, in order. Panics on an unknown id, which a test rules out.
    pub fn records(&self) -> impl Iterator<Item = &'static Figure> + '_ {
        self.figures
            .iter()
            .map(|id| figure(id).expect("headline names a known figure"))
    }

    /// The report section of the first figure.
    pub fn section(&self) -> &'static str {
        self.records().next().map_or("", |f| f.section)
    }
}

pub const HEADLINE_FIGURES: &[HeadlineFigure] = &[
    HeadlineFigure {
        id: "sandbox-market-2025",
        figures: &["market.size-2025"],
        joiner: "",
        label: Text {
            en: "Lightweight virtualization market in 2025, growing 35% a year",
            zh: "2025 年轻量级虚拟化市场规模，年增长率 35%",
        },
    },
    HeadlineFigure {
        id: "sandbox-market-2027",
        figures: &["market.forecast-2027"],
        joiner: "",
        label: Text {
            en: "Forecast market size for 2027",
            zh: "2027 年市场规模预测",
        },
    },
    HeadlineFigure {
        id: "wasm-startup",
        figures: &["compare.wasm.startup"],
        joiner: "",
        label: Text {
            en: "WebAssembly startup, compared with 1–5 s for Docker and 10–30 s for a VM",
            zh: "WebAssembly 启动时间，对比 Docker 1-5 秒、虚拟机 10-30 秒",
        },
    },
    HeadlineFigure {
        id: "firecracker-startup",
        figures: &["firecracker.startup"],
        joiner: "",
        label: Text {
            en: "Firecracker microVM startup; snapshot restore under 50 ms",
            zh: "Firecracker 微虚拟机启动时间；快照恢复 <50ms",
        },
    },
    HeadlineFigure {
        id: "podman-ps",
        figures: &["podman-4.ps", "podman-5.ps"],
        joiner: " → ",
        label: Text {
            en: "podman ps -a, Podman 4.x → 5.0 (SQLite backend)",
            zh: "podman ps -a，Podman 4.x → 5.0（SQLite 后端）",
        },
    },
    HeadlineFigure {
        id: "pasta-network",
        figures: &["delta.pasta.network"],
        joiner: "",
        label: Text {
            en: "Pasta's network speedup over slirp4netns",
            zh: "Pasta 网络性能提升（对比 slirp4netns）",
        },
    },
    HeadlineFigure {
        id: "k8s-api-server",
        figures: &["delta.k8s.api-server"],
        joiner: "",
        label: Text {
            en: "Kubernetes 1.31 API server speedup; scheduler latency -25%",
            zh: "Kubernetes 1.31 API 服务器性能；调度器延迟 -25%",
        },
    },
    HeadlineFigure {
        id: "wasm-simd",
        figures: &["delta.wasm.simd"],
        joiner: "",
        label: Text {
            en: "WebAssembly SIMD speedup claimed by the report",
            zh: "报告所称的 WebAssembly SIMD 加速比",
        },
    },
    HeadlineFigure {
        id: "h200-memory",
        figures: &["h200.memory", "h200.bandwidth"],
        joiner: " · ",
        label: Text {
            en: "NVIDIA H200 HBM3e memory and bandwidth",
            zh: "NVIDIA H200 的 HBM3e 显存与带宽",
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sections::section;

    #[test]
    fn at_least_six_headlines_with_unique_ids() {
        assert!(HEADLINE_FIGURES.len() >= 6);
        for h in HEADLINE_FIGURES {
            assert_eq!(
                HEADLINE_FIGURES.iter().filter(|o| o.id == h.id).count(),
                1,
                "{}",
                h.id
            );
        }
    }

    #[test]
    fn every_headline_names_known_figures_and_a_section() {
        for h in HEADLINE_FIGURES {
            assert!(!h.figures.is_empty(), "{}", h.id);
            for id in h.figures {
                assert!(figure(id).is_some(), "{}: unknown figure {id}", h.id);
            }
            assert!(section(h.section()).is_some(), "{}", h.id);
            assert_eq!(
                h.figures.len() > 1,
                !h.joiner.is_empty(),
                "{}: joiner",
                h.id
            );
        }
    }
}
