//! The report's headline figures, shown on the overview page. Each one quotes the
//! report's own words, and a test checks that quote against the report text.

use super::Text;

/// A figure the report states, as the overview shows it.
#[derive(Clone, Copy, Debug)]
pub struct HeadlineFigure {
    pub id: &'static str,
    /// The value as the report writes it, in each language.
    pub value: Text,
    /// What the value measures.
    pub label: Text,
    /// Id of the report section it comes from (see `sections`).
    pub section: &'static str,
    /// The phrase in `report.zh.md` the figure is taken from, verbatim.
    pub quote_zh: &'static str,
}

pub const HEADLINE_FIGURES: &[HeadlineFigure] = &[
    HeadlineFigure {
        id: "sandbox-market-2025",
        value: Text {
            en: "~USD 15 bn",
            zh: "约150亿美元",
        },
        label: Text {
            en: "Lightweight-virtualization market in 2025, growing 35% a year",
            zh: "2025 年轻量级虚拟化市场规模，年增长率 35%",
        },
        section: "lightv",
        quote_zh: "2025年: 约150亿美元",
    },
    HeadlineFigure {
        id: "sandbox-market-2027",
        value: Text {
            en: "USD 28 bn",
            zh: "280亿美元",
        },
        label: Text {
            en: "Forecast market size for 2027",
            zh: "2027 年市场规模预测",
        },
        section: "lightv",
        quote_zh: "2027年预测: 280亿美元",
    },
    HeadlineFigure {
        id: "wasm-startup",
        value: Text {
            en: "<5 ms",
            zh: "<5ms",
        },
        label: Text {
            en: "WebAssembly startup, against 1-5 s for Docker and 10-30 s for a VM",
            zh: "WebAssembly 启动时间，对比 Docker 1-5 秒、虚拟机 10-30 秒",
        },
        section: "lightv",
        quote_zh: "WebAssembly: <5ms",
    },
    HeadlineFigure {
        id: "firecracker-startup",
        value: Text {
            en: "<125 ms",
            zh: "<125ms",
        },
        label: Text {
            en: "Firecracker microVM startup; snapshot restore <50 ms",
            zh: "Firecracker 微虚拟机启动时间；快照恢复 <50ms",
        },
        section: "lightv",
        quote_zh: "启动时间: <125ms",
    },
    HeadlineFigure {
        id: "podman-ps",
        value: Text {
            en: "~150 → ~70 ms",
            zh: "~150 → ~70ms",
        },
        label: Text {
            en: "podman ps -a, Podman 4.x → 5.0 (SQLite backend)",
            zh: "podman ps -a，Podman 4.x → 5.0（SQLite 后端）",
        },
        section: "podman-5",
        quote_zh: "Podman 5.0: ~70ms (53%提升)",
    },
    HeadlineFigure {
        id: "pasta-network",
        value: Text {
            en: "+60%",
            zh: "+60%",
        },
        label: Text {
            en: "Network performance of Pasta over slirp4netns",
            zh: "Pasta 网络性能提升（对比 slirp4netns）",
        },
        section: "highlights",
        quote_zh: "| Pasta网络 | 网络性能 | +60% |",
    },
    HeadlineFigure {
        id: "k8s-api-server",
        value: Text {
            en: "+30%",
            zh: "+30%",
        },
        label: Text {
            en: "Kubernetes 1.31 API server performance; scheduler latency -25%",
            zh: "Kubernetes 1.31 API 服务器性能；调度器延迟 -25%",
        },
        section: "highlights",
        quote_zh: "| K8s 1.31 | API服务器 | +30% |",
    },
    HeadlineFigure {
        id: "wasm-simd",
        value: Text {
            en: "4-16×",
            zh: "4-16倍",
        },
        label: Text {
            en: "WebAssembly SIMD speedup claimed by the report",
            zh: "报告所称的 WebAssembly SIMD 性能提升",
        },
        section: "highlights",
        quote_zh: "| WebAssembly | SIMD | 4-16倍 |",
    },
    HeadlineFigure {
        id: "h200-memory",
        value: Text {
            en: "141 GB · 4.8 TB/s",
            zh: "141GB · 4.8TB/s",
        },
        label: Text {
            en: "NVIDIA H200 HBM3e memory and bandwidth",
            zh: "NVIDIA H200 的 HBM3e 显存与带宽",
        },
        section: "gpu",
        quote_zh: "141GB HBM3e内存",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sections::section;

    const REPORT: &str = include_str!("../../data/report.zh.md");

    #[test]
    fn at_least_six_figures_with_unique_ids() {
        assert!(HEADLINE_FIGURES.len() >= 6);
        for f in HEADLINE_FIGURES {
            assert_eq!(
                HEADLINE_FIGURES.iter().filter(|o| o.id == f.id).count(),
                1,
                "{}",
                f.id
            );
        }
    }

    #[test]
    fn every_figure_quotes_the_report_and_names_a_section() {
        for f in HEADLINE_FIGURES {
            assert!(
                REPORT.contains(f.quote_zh),
                "{}: quote not in report: {:?}",
                f.id,
                f.quote_zh
            );
            assert!(
                section(f.section).is_some(),
                "{}: unknown section {}",
                f.id,
                f.section
            );
        }
    }

    #[test]
    fn every_figure_value_has_a_digit_in_both_languages() {
        for f in HEADLINE_FIGURES {
            for v in [f.value.en, f.value.zh] {
                assert!(v.chars().any(|c| c.is_ascii_digit()), "{}: {v:?}", f.id);
            }
        }
    }
}
