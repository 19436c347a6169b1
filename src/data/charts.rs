//! Which of the report's figures each chart draws, and how. Cells name figures by id
//! (`data/figures.tsv`), independent figures by their `crosscheck.md` entry (with the
//! value as that source states it), or a derivation with its formula; nothing here is
//! a bare number without a source.

use super::tech::{self, FIRECRACKER, GVISOR, KATA, RUNC, UNIKERNEL, VM, WASM};
use crate::base::lang::{Text, text};
use crate::base::page::Page;
use crate::base::quantity::Amount::{About, AtMost, Exact, Range};
use crate::base::quantity::Unit::{
    Gigabytes, Megabytes, Microseconds, Milliseconds, Seconds, TerabytesPerSecond, Teraflops, Watts,
};
use crate::base::quantity::{Amount, Quantity, Unit};

/// A value as an independent source states it.
const fn q(amount: Amount, unit: Unit) -> Quantity {
    Quantity { amount, unit }
}

/// How a chart draws its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars, one per series in each row: ranges and bounds drawn as such.
    /// Rows in different units get an axis each.
    Bars,
    /// The first series across, the second up, the third (if any) as bubble size.
    Scatter,
    /// One polygon per row over the series as axes (ratings from 0 to 5).
    Radar,
    /// The rows as the segments of one whole.
    Stacked,
    /// A table only: several measures per row, sortable and filterable.
    Table,
}

/// Where a series' values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Figures as their source states them: the report's (or, on the playground's
    /// section chart, the file's own sizes).
    Report,
    /// Figures from elsewhere (`crosscheck.md`), drawn as markers beside the report's.
    Independent,
    /// Computed from the report's figures; the cells say how.
    Derived,
}

/// Which way a value is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    /// Neither: a size, a count, a share.
    Neither,
}

#[derive(Clone, Copy, Debug)]
pub struct SeriesDef {
    pub name: Text,
    pub role: Role,
}

/// One cell of a chart: a value and where it comes from.
#[derive(Clone, Copy, Debug)]
pub enum CellDef {
    /// No value: the report gives none for this row and series.
    Empty,
    /// A figure of the report, by id.
    Figure(&'static str),
    /// A figure from `crosscheck.md`: the entry's id and the value it states.
    Independent(&'static str, Quantity),
    /// `numerator / denominator × factor`, in `unit`: figures by id.
    Ratio {
        numerator: &'static str,
        denominator: &'static str,
        factor: f64,
        unit: Unit,
    },
    /// `figure × fraction`: a share of a figure (a memory slice).
    Share(&'static str, f64),
    /// A figure stated in words, as a 0-5 rating with what it rests on.
    Rating(tech::Rating),
}

#[derive(Clone, Copy, Debug)]
pub struct RowDef {
    /// Item id (`data/items.tsv`): the row's name, and its id in links (`hide-<item>`).
    pub item: &'static str,
    /// A metric id (`data/metrics.tsv`) added to the name, for rows of one item.
    pub metric: Option<&'static str>,
    /// The row is named by its metric alone: the series name the items (Pasta
    /// against slirp4netns).
    pub metric_only: bool,
    pub better: Better,
    /// Labels for filters (`only-<tag>`).
    pub tags: &'static [&'static str],
    /// One cell per series.
    pub cells: &'static [CellDef],
}

/// Where a chart's values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The report, from this section (`sections.rs`).
    Report(&'static str),
    /// A file the visitor opened (the playground's section chart): rows made at run
    /// time, in the file's order.
    File,
}

#[derive(Clone, Copy, Debug)]
pub struct ChartDef {
    /// The chart's key in the query string and its id in the page.
    pub id: &'static str,
    pub page: Page,
    pub kind: ChartKind,
    pub title: Text,
    /// Where the values come from: the report section (`sections.rs`), or a file
    /// the visitor opened.
    pub origin: Origin,
    /// What the values are: the subtitle, beside the section.
    pub what: Text,
    pub series: &'static [SeriesDef],
    pub rows: &'static [RowDef],
    /// The scale the chart opens with.
    pub log: bool,
    /// Whether a log scale is offered at all (not for values around zero).
    pub can_log: bool,
    /// Filters offered, as tag groups (`only-<tag>`): each a list of tags.
    pub filters: &'static [&'static [&'static str]],
}

impl ChartDef {
    /// The report section the chart's figures come from, if they are the report's.
    pub const fn section(&self) -> Option<&'static str> {
        match self.origin {
            Origin::Report(id) => Some(id),
            Origin::File => None,
        }
    }
}

const fn row(item: &'static str, better: Better, cells: &'static [CellDef]) -> RowDef {
    RowDef {
        item,
        metric: None,
        metric_only: false,
        better,
        tags: &[],
        cells,
    }
}

const fn metric_row(
    item: &'static str,
    metric: &'static str,
    better: Better,
    cells: &'static [CellDef],
) -> RowDef {
    RowDef {
        item,
        metric: Some(metric),
        metric_only: false,
        better,
        tags: &[],
        cells,
    }
}

/// A row named by its metric alone, for charts whose series are the items.
const fn measure_row(metric: &'static str, better: Better, cells: &'static [CellDef]) -> RowDef {
    RowDef {
        item: metric,
        metric: Some(metric),
        metric_only: true,
        better,
        tags: &[],
        cells,
    }
}

const fn tagged(
    item: &'static str,
    tags: &'static [&'static str],
    cells: &'static [CellDef],
) -> RowDef {
    RowDef {
        item,
        metric: None,
        metric_only: false,
        better: Better::Neither,
        tags,
        cells,
    }
}

const REPORT: SeriesDef = SeriesDef {
    name: text("The report", "报告"),
    role: Role::Report,
};
const INDEPENDENT: SeriesDef = SeriesDef {
    name: text("Independent measurement", "独立测量"),
    role: Role::Independent,
};

use Better::{Higher, Lower, Neither};
use CellDef::{Empty, Figure, Independent, Rating, Ratio, Share};

/// A bar chart of one column of the report's GPU comparison table: the five vendors'
/// figures `compare.<vendor>.<metric>`.
macro_rules! vendor_chart {
    // With published specifications beside the report's: one independent cell per
    // vendor column (`Empty` where none is published for that card), then more cards.
    ($id:literal, $metric:literal, $better:expr, $title:expr, $what:expr,
     [$iluvatar:expr, $moore:expr, $biren:expr, $hygon:expr, $a100:expr],
     [$($extra:expr),* $(,)?]) => {
        ChartDef {
            id: $id,
            page: Page::Gpus,
            kind: ChartKind::Bars,
            title: $title,
            origin: Origin::Report("gpu"),
            what: $what,
            series: &[REPORT, INDEPENDENT],
            rows: &[
                row(
                    "iluvatar",
                    $better,
                    &[Figure(concat!("compare.iluvatar.", $metric)), $iluvatar],
                ),
                row(
                    "moore-threads",
                    $better,
                    &[Figure(concat!("compare.moore-threads.", $metric)), $moore],
                ),
                row(
                    "biren",
                    $better,
                    &[Figure(concat!("compare.biren.", $metric)), $biren],
                ),
                row(
                    "hygon",
                    $better,
                    &[Figure(concat!("compare.hygon.", $metric)), $hygon],
                ),
                row(
                    "a100",
                    $better,
                    &[Figure(concat!("compare.a100.", $metric)), $a100],
                ),
                $($extra),*
            ],
            log: false,
            can_log: true,
            filters: &[],
        }
    };
    ($id:literal, $metric:literal, $better:expr, $title:expr, $what:expr) => {
        ChartDef {
            id: $id,
            page: Page::Gpus,
            kind: ChartKind::Bars,
            title: $title,
            origin: Origin::Report("gpu"),
            what: $what,
            series: &[REPORT],
            rows: &[
                row(
                    "iluvatar",
                    $better,
                    &[Figure(concat!("compare.iluvatar.", $metric))],
                ),
                row(
                    "moore-threads",
                    $better,
                    &[Figure(concat!("compare.moore-threads.", $metric))],
                ),
                row(
                    "biren",
                    $better,
                    &[Figure(concat!("compare.biren.", $metric))],
                ),
                row(
                    "hygon",
                    $better,
                    &[Figure(concat!("compare.hygon.", $metric))],
                ),
                row(
                    "a100",
                    $better,
                    &[Figure(concat!("compare.a100.", $metric))],
                ),
            ],
            log: false,
            can_log: true,
            filters: &[],
        }
    };
}

/// The five vendors' derived FP16 compute per unit of `metric`:
/// `compare.<vendor>.fp16 / compare.<vendor>.<metric> × factor`.
macro_rules! vendor_ratios {
    ($metric:literal, $factor:expr, $unit:expr) => {
        &[
            row(
                "iluvatar",
                Higher,
                &[vendor_ratio!("iluvatar", $metric, $factor, $unit)],
            ),
            row(
                "moore-threads",
                Higher,
                &[vendor_ratio!("moore-threads", $metric, $factor, $unit)],
            ),
            row(
                "biren",
                Higher,
                &[vendor_ratio!("biren", $metric, $factor, $unit)],
            ),
            row(
                "hygon",
                Higher,
                &[vendor_ratio!("hygon", $metric, $factor, $unit)],
            ),
            row(
                "a100",
                Higher,
                &[vendor_ratio!("a100", $metric, $factor, $unit)],
            ),
        ]
    };
}

macro_rules! vendor_ratio {
    ($vendor:literal, $metric:literal, $factor:expr, $unit:expr) => {
        Ratio {
            numerator: concat!("compare.", $vendor, ".fp16"),
            denominator: concat!("compare.", $vendor, ".", $metric),
            factor: $factor,
            unit: $unit,
        }
    };
}

// Each page's charts are a table of their own, which only that page names: a lookup
// over one table of every chart would bring every page's charts (their texts, rows and
// cells) into each page's code, where the split build now keeps them apart.

/// The charts of /sandboxes, in page order.
pub const SANDBOXES_CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "startup",
        page: Page::Sandboxes,
        kind: ChartKind::Bars,
        title: text("Startup time", "启动时间"),
        origin: Origin::Report("lightv"),
        what: text(
            "Startup time as the report states it (bounds, approximations, ranges), next to independent measurements; lower is better",
            "报告给出的启动时间（上限、约数、区间），旁边是独立测量；越低越好",
        ),
        series: &[REPORT, INDEPENDENT],
        rows: &[
            row(
                "unikernel",
                Lower,
                &[
                    Figure("compare.unikernel.startup"),
                    Independent("unikernel-boot", q(Range(2.0, 70.0), Milliseconds)),
                ],
            ),
            row(
                "wasm",
                Lower,
                &[
                    Figure("compare.wasm.startup"),
                    Independent("wasm-startup", q(Range(3.0, 30.0), Microseconds)),
                ],
            ),
            row(
                "gvisor",
                Lower,
                &[
                    Figure("compare.gvisor.startup"),
                    Independent("runc-gvisor-kata", q(Exact(708.0), Milliseconds)),
                ],
            ),
            row(
                "firecracker",
                Lower,
                &[
                    Figure("compare.firecracker.startup"),
                    Independent("firecracker-boot", q(AtMost(125.0), Milliseconds)),
                ],
            ),
            row(
                "kata",
                Lower,
                &[
                    Figure("compare.kata.startup"),
                    Independent("kata-startup", q(Range(0.99, 1.10), Seconds)),
                ],
            ),
            row(
                "docker",
                Lower,
                &[
                    Figure("compare.docker.startup"),
                    Independent("runc-gvisor-kata", q(Exact(607.0), Milliseconds)),
                ],
            ),
            row("vm", Lower, &[Figure("compare.vm.startup"), Empty]),
        ],
        log: true,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "isolation",
        page: Page::Sandboxes,
        kind: ChartKind::Scatter,
        title: text("Isolation strength vs. startup time", "隔离强度与启动时间"),
        origin: Origin::Report("lightv"),
        what: text(
            "The report's startup times (across) and isolation ratings (up): up and to the left is better",
            "报告的启动时间（横轴）与隔离强度评级（纵轴）：越靠左上越好",
        ),
        series: &[
            SeriesDef {
                name: text("Startup time", "启动时间"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Isolation rating", "隔离强度评级"),
                role: Role::Report,
            },
        ],
        rows: &[
            row(
                "unikernel",
                Neither,
                &[
                    Figure("compare.unikernel.startup"),
                    Figure("compare.unikernel.isolation-stars"),
                ],
            ),
            row(
                "wasm",
                Neither,
                &[
                    Figure("compare.wasm.startup"),
                    Figure("compare.wasm.isolation-stars"),
                ],
            ),
            row(
                "gvisor",
                Neither,
                &[
                    Figure("compare.gvisor.startup"),
                    Figure("compare.gvisor.isolation-stars"),
                ],
            ),
            row(
                "firecracker",
                Neither,
                &[
                    Figure("compare.firecracker.startup"),
                    Figure("compare.firecracker.isolation-stars"),
                ],
            ),
            row(
                "kata",
                Neither,
                &[
                    Figure("compare.kata.startup"),
                    Figure("compare.kata.isolation-stars"),
                ],
            ),
            row(
                "docker",
                Neither,
                &[
                    Figure("compare.docker.startup"),
                    Figure("compare.docker.isolation-stars"),
                ],
            ),
            row(
                "vm",
                Neither,
                &[
                    Figure("compare.vm.startup"),
                    Figure("compare.vm.isolation-stars"),
                ],
            ),
        ],
        log: true,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "footprint",
        page: Page::Sandboxes,
        kind: ChartKind::Bars,
        title: text("Memory footprint and image size", "内存占用与镜像大小"),
        origin: Origin::Report("lightv"),
        what: text(
            "Base memory and image size from the report, next to independent measurements; lower is better",
            "报告的基础内存与镜像大小，旁边是独立测量；越低越好",
        ),
        series: &[REPORT, INDEPENDENT],
        rows: &[
            metric_row(
                "firecracker",
                "memory-base",
                Lower,
                &[
                    Figure("firecracker.memory"),
                    // The specification's bound is 5 MiB: 5.24 MB (to two decimals), this axis's unit.
                    Independent("firecracker-memory", q(AtMost(5.24), Megabytes)),
                ],
            ),
            metric_row(
                "kata",
                "memory-base",
                Lower,
                &[
                    Figure("kata.memory"),
                    Independent("runc-gvisor-kata", q(Exact(184.3), Megabytes)),
                ],
            ),
            metric_row(
                "gvisor",
                "memory-base",
                Lower,
                &[
                    Empty,
                    Independent("gvisor-memory", q(Exact(23.7), Megabytes)),
                ],
            ),
            metric_row(
                "docker",
                "memory-base",
                Lower,
                &[
                    Empty,
                    Independent("gvisor-memory", q(Exact(4.1), Megabytes)),
                ],
            ),
            metric_row(
                "unikernel",
                "image-size",
                Lower,
                &[
                    Figure("unikernel.image-size"),
                    Independent("unikernel-boot", q(About(1.0), Megabytes)),
                ],
            ),
        ],
        log: false,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "profiles",
        page: Page::Sandboxes,
        kind: ChartKind::Radar,
        title: text("Profiles on five criteria", "五项指标画像"),
        origin: Origin::Report("lightv"),
        what: text(
            "Ratings from 0 to 5, higher is better: startup and isolation are the report's stars; compatibility, footprint and maturity are our reading of the report, each with its basis",
            "0 到 5 分，越高越好：启动与隔离是报告的星级；兼容性、资源占用与成熟度是我们对报告的解读，各附依据",
        ),
        series: &[
            SeriesDef {
                name: text("Startup", "启动速度"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Isolation", "隔离强度"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Compatibility", "兼容性"),
                role: Role::Derived,
            },
            SeriesDef {
                name: text("Small footprint", "资源占用小"),
                role: Role::Derived,
            },
            SeriesDef {
                name: text("Maturity", "成熟度"),
                role: Role::Derived,
            },
        ],
        rows: &[
            row(
                "docker",
                Neither,
                &[
                    Figure("compare.docker.startup-stars"),
                    Figure("compare.docker.isolation-stars"),
                    Rating(RUNC.compatibility),
                    Rating(RUNC.footprint),
                    Rating(RUNC.maturity),
                ],
            ),
            row(
                "gvisor",
                Neither,
                &[
                    Figure("compare.gvisor.startup-stars"),
                    Figure("compare.gvisor.isolation-stars"),
                    Rating(GVISOR.compatibility),
                    Rating(GVISOR.footprint),
                    Rating(GVISOR.maturity),
                ],
            ),
            row(
                "kata",
                Neither,
                &[
                    Figure("compare.kata.startup-stars"),
                    Figure("compare.kata.isolation-stars"),
                    Rating(KATA.compatibility),
                    Rating(KATA.footprint),
                    Rating(KATA.maturity),
                ],
            ),
            row(
                "firecracker",
                Neither,
                &[
                    Figure("compare.firecracker.startup-stars"),
                    Figure("compare.firecracker.isolation-stars"),
                    Rating(FIRECRACKER.compatibility),
                    Rating(FIRECRACKER.footprint),
                    Rating(FIRECRACKER.maturity),
                ],
            ),
            row(
                "wasm",
                Neither,
                &[
                    Figure("compare.wasm.startup-stars"),
                    Figure("compare.wasm.isolation-stars"),
                    Rating(WASM.compatibility),
                    Rating(WASM.footprint),
                    Rating(WASM.maturity),
                ],
            ),
            row(
                "unikernel",
                Neither,
                &[
                    Figure("compare.unikernel.startup-stars"),
                    Figure("compare.unikernel.isolation-stars"),
                    Rating(UNIKERNEL.compatibility),
                    Rating(UNIKERNEL.footprint),
                    Rating(UNIKERNEL.maturity),
                ],
            ),
            row(
                "vm",
                Neither,
                &[
                    Figure("compare.vm.startup-stars"),
                    Figure("compare.vm.isolation-stars"),
                    Rating(VM.compatibility),
                    Rating(VM.footprint),
                    Rating(VM.maturity),
                ],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
    ChartDef {
        id: "market",
        page: Page::Sandboxes,
        kind: ChartKind::Bars,
        title: text("Market size, 2025 and 2027", "市场规模：2025 与 2027"),
        origin: Origin::Report("lightv"),
        what: text(
            "The report's market size and forecast in US dollars, next to the 2025 figure grown at the report's own 35% a year",
            "报告的市场规模与预测（美元），旁边是按报告自己的 35% 年增长率推算的数字",
        ),
        series: &[
            REPORT,
            SeriesDef {
                name: text("Derived: 2025 × 1.35²", "推算：2025 × 1.35²"),
                role: Role::Derived,
            },
        ],
        rows: &[
            metric_row(
                "sandbox-market",
                "market-size",
                Neither,
                &[Figure("market.size-2025"), Empty],
            ),
            metric_row(
                "sandbox-market",
                "forecast-2027",
                Neither,
                &[
                    Figure("market.forecast-2027"),
                    Share("market.size-2025", 1.8225),
                ],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
    ChartDef {
        id: "segments",
        page: Page::Sandboxes,
        kind: ChartKind::Stacked,
        title: text("Market segments", "细分市场"),
        origin: Origin::Report("lightv"),
        what: text(
            "The report's four segments, in US dollars; they add up to its 2025 total",
            "报告的四个细分市场（美元），合计等于其 2025 年总规模",
        ),
        series: &[REPORT],
        rows: &[
            row("market-serverless", Neither, &[Figure("market.serverless")]),
            row("market-edge", Neither, &[Figure("market.edge")]),
            row(
                "market-multitenant",
                Neither,
                &[Figure("market.multitenant")],
            ),
            row(
                "market-confidential",
                Neither,
                &[Figure("market.confidential")],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
];

/// The charts of /gpus, in page order.
pub const GPUS_CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "gpu-table",
        page: Page::Gpus,
        kind: ChartKind::Table,
        title: text("GPUs compared", "GPU 对比"),
        origin: Origin::Report("gpu"),
        what: text(
            "Every GPU model the report gives figures for; blank where it gives none",
            "报告给出数据的每一款 GPU；报告未给出的留空",
        ),
        series: &[
            SeriesDef {
                name: text("FP16", "FP16"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("INT8", "INT8"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Memory", "显存"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Bandwidth", "带宽"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Power", "功耗"),
                role: Role::Report,
            },
        ],
        rows: &[
            tagged(
                "h100",
                &["intl", "training"],
                &[
                    Empty,
                    Empty,
                    Figure("h100.memory"),
                    Figure("h100.bandwidth"),
                    Empty,
                ],
            ),
            tagged(
                "h200",
                &["intl", "training"],
                &[
                    Empty,
                    Empty,
                    Figure("h200.memory"),
                    Figure("h200.bandwidth"),
                    Empty,
                ],
            ),
            tagged(
                "a100",
                &["intl", "training"],
                &[
                    Figure("compare.a100.fp16"),
                    Empty,
                    Figure("compare.a100.memory"),
                    Empty,
                    Figure("compare.a100.power"),
                ],
            ),
            tagged(
                "iluvatar-bi-v100",
                &["cn", "inference"],
                &[
                    Empty,
                    Figure("iluvatar-bi-v100.int8"),
                    Figure("iluvatar-bi-v100.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "iluvatar-bi-v150",
                &["cn", "inference"],
                &[
                    Empty,
                    Figure("iluvatar-bi-v150.int8"),
                    Figure("iluvatar-bi-v150.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "iluvatar-mr-v100",
                &["cn", "training"],
                &[
                    Figure("iluvatar-mr-v100.fp16"),
                    Empty,
                    Figure("iluvatar-mr-v100.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "iluvatar-mr-v200",
                &["cn", "training"],
                &[
                    Figure("iluvatar-mr-v200.fp16"),
                    Empty,
                    Figure("iluvatar-mr-v200.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "mtt-s80",
                &["cn", "training"],
                &[
                    Figure("mtt-s80.fp16"),
                    Empty,
                    Figure("mtt-s80.memory"),
                    Empty,
                    Figure("mtt-s80.power"),
                ],
            ),
            tagged(
                "mtt-s70",
                &["cn", "inference"],
                &[
                    Empty,
                    Figure("mtt-s70.int8"),
                    Figure("mtt-s70.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "biren-br100",
                &["cn", "training"],
                &[
                    Figure("biren-br100.fp16"),
                    Empty,
                    Figure("biren-br100.memory"),
                    Empty,
                    Empty,
                ],
            ),
            tagged(
                "biren-br104",
                &["cn", "training"],
                &[
                    Figure("biren-br104.fp16"),
                    Empty,
                    Figure("biren-br104.memory"),
                    Empty,
                    Figure("biren-br104.power"),
                ],
            ),
            tagged(
                "hygon-z100",
                &["cn", "training"],
                &[
                    Figure("hygon-z100.fp16"),
                    Empty,
                    Figure("hygon-z100.memory"),
                    Empty,
                    Empty,
                ],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[&["cn", "intl"], &["inference", "training"]],
    },
    vendor_chart!(
        "gpu-fp16",
        "fp16",
        Higher,
        text("Peak FP16 compute", "FP16 峰值算力"),
        text(
            "The report's comparison table, per vendor, beside the makers' published figures where they exist (independent, for the same card; H100 and H200 as SXM5); higher is better",
            "报告对比表（按厂商），旁边是厂商公开的同一款卡的数据（独立来源；H100 与 H200 为 SXM5 版）；越高越好"
        ),
        [
            Empty,
            Empty,
            Empty,
            Empty,
            Independent("a100", q(Exact(312.0), Teraflops))
        ],
        [
            row(
                "h100",
                Higher,
                &[Empty, Independent("h100", q(Exact(989.0), Teraflops))]
            ),
            row(
                "h200",
                Higher,
                &[Empty, Independent("h200", q(About(989.0), Teraflops))]
            ),
            row(
                "mtt-s4000",
                Higher,
                &[Empty, Independent("mtt-s4000", q(Exact(100.0), Teraflops))]
            ),
        ]
    ),
    vendor_chart!(
        "gpu-memory",
        "memory",
        Higher,
        text("Memory", "显存"),
        text(
            "The report's comparison table, per vendor, beside the makers' published figures where they exist (independent, for the same card; H100 and H200 as SXM5); higher is better",
            "报告对比表（按厂商），旁边是厂商公开的同一款卡的数据（独立来源；H100 与 H200 为 SXM5 版）；越高越好"
        ),
        [
            Empty,
            Independent("mtt-s80", q(Exact(16.0), Gigabytes)),
            Empty,
            Empty,
            Independent("a100", q(Exact(80.0), Gigabytes))
        ],
        [
            row(
                "h100",
                Higher,
                &[
                    Figure("h100.memory"),
                    Independent("h100", q(Exact(80.0), Gigabytes))
                ]
            ),
            row(
                "h200",
                Higher,
                &[
                    Figure("h200.memory"),
                    Independent("h200", q(Exact(141.0), Gigabytes))
                ]
            ),
            row(
                "mtt-s4000",
                Higher,
                &[Empty, Independent("mtt-s4000", q(Exact(48.0), Gigabytes))]
            ),
        ]
    ),
    vendor_chart!(
        "gpu-power",
        "power",
        Lower,
        text("Power (TDP)", "功耗（TDP）"),
        text(
            "The report's comparison table, per vendor, beside the makers' published figures where they exist (independent, for the same card; H100 and H200 as SXM5); lower is better",
            "报告对比表（按厂商），旁边是厂商公开的同一款卡的数据（独立来源；H100 与 H200 为 SXM5 版）；越低越好"
        ),
        [
            Empty,
            Independent("mtt-s80", q(Exact(255.0), Watts)),
            Empty,
            Empty,
            Independent("a100", q(Exact(400.0), Watts))
        ],
        [
            row(
                "h100",
                Lower,
                &[Empty, Independent("h100", q(Exact(700.0), Watts))]
            ),
            row(
                "h200",
                Lower,
                &[Empty, Independent("h200", q(Exact(700.0), Watts))]
            ),
            row(
                "mtt-s4000",
                Lower,
                &[Empty, Independent("mtt-s4000", q(AtMost(450.0), Watts))]
            ),
        ]
    ),
    vendor_chart!(
        "gpu-price",
        "price",
        Lower,
        text("Price", "价格"),
        text(
            "The report's comparison table, per vendor; lower is better",
            "报告对比表，按厂商；越低越好"
        )
    ),
    ChartDef {
        id: "gpu-per-price",
        page: Page::Gpus,
        kind: ChartKind::Bars,
        title: text(
            "FP16 compute per ¥10,000 (derived)",
            "每万元 FP16 算力（推算）",
        ),
        origin: Origin::Report("gpu"),
        what: text(
            "Derived: peak FP16 TFLOPS ÷ price × 10,000, from the report's comparison table; a bound stays a bound; higher is better",
            "推算：FP16 峰值算力 ÷ 价格 × 10000，数据来自报告对比表；上下限仍按上下限表示；越高越好",
        ),
        series: &[SeriesDef {
            name: text("Derived", "推算"),
            role: Role::Derived,
        }],
        rows: vendor_ratios!("price", 10_000.0, Unit::TflopsPer10kCny),
        log: false,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "gpu-per-watt",
        page: Page::Gpus,
        kind: ChartKind::Bars,
        title: text("FP16 compute per watt (derived)", "每瓦 FP16 算力（推算）"),
        origin: Origin::Report("gpu"),
        what: text(
            "Derived: peak FP16 TFLOPS × 1000 ÷ TDP watts = GFLOPS per watt, from the report's comparison table; higher is better",
            "推算：FP16 峰值 TFLOPS × 1000 ÷ TDP 瓦数 = 每瓦 GFLOPS，数据来自报告对比表；越高越好",
        ),
        series: &[SeriesDef {
            name: text("Derived", "推算"),
            role: Role::Derived,
        }],
        rows: vendor_ratios!("power", 1000.0, Unit::GflopsPerWatt),
        log: false,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "gpu-scatter",
        page: Page::Gpus,
        kind: ChartKind::Scatter,
        title: text("Price vs. FP16 compute", "价格与 FP16 算力"),
        origin: Origin::Report("gpu"),
        what: text(
            "The report's comparison table: price across, peak FP16 up, bubble area = memory; up and to the left is better",
            "报告对比表：横轴价格，纵轴 FP16 峰值，气泡面积 = 显存；越靠左上越好",
        ),
        series: &[
            SeriesDef {
                name: text("Price", "价格"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("FP16", "FP16"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Memory", "显存"),
                role: Role::Report,
            },
        ],
        rows: &[
            row(
                "iluvatar",
                Neither,
                &[
                    Figure("compare.iluvatar.price"),
                    Figure("compare.iluvatar.fp16"),
                    Figure("compare.iluvatar.memory"),
                ],
            ),
            row(
                "moore-threads",
                Neither,
                &[
                    Figure("compare.moore-threads.price"),
                    Figure("compare.moore-threads.fp16"),
                    Figure("compare.moore-threads.memory"),
                ],
            ),
            row(
                "biren",
                Neither,
                &[
                    Figure("compare.biren.price"),
                    Figure("compare.biren.fp16"),
                    Figure("compare.biren.memory"),
                ],
            ),
            row(
                "hygon",
                Neither,
                &[
                    Figure("compare.hygon.price"),
                    Figure("compare.hygon.fp16"),
                    Figure("compare.hygon.memory"),
                ],
            ),
            row(
                "a100",
                Neither,
                &[
                    Figure("compare.a100.price"),
                    Figure("compare.a100.fp16"),
                    Figure("compare.a100.memory"),
                ],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
    ChartDef {
        id: "h100-h200",
        page: Page::Gpus,
        kind: ChartKind::Bars,
        title: text("H100 vs. H200", "H100 与 H200"),
        origin: Origin::Report("gpu"),
        what: text(
            "Memory and bandwidth as the report states them, next to the datasheets; higher is better",
            "报告给出的显存与带宽，旁边是官方规格；越高越好",
        ),
        series: &[
            REPORT,
            SeriesDef {
                name: text("Datasheet", "官方规格"),
                role: Role::Independent,
            },
        ],
        rows: &[
            metric_row(
                "h100",
                "memory",
                Higher,
                &[
                    Figure("h100.memory"),
                    Independent("mig-instances", q(Exact(80.0), Gigabytes)),
                ],
            ),
            metric_row(
                "h200",
                "memory",
                Higher,
                &[
                    Figure("h200.memory"),
                    Independent("h200", q(Exact(141.0), Gigabytes)),
                ],
            ),
            metric_row(
                "h100",
                "bandwidth",
                Higher,
                &[
                    Figure("h100.bandwidth"),
                    Independent("h100", q(Exact(3.35), TerabytesPerSecond)),
                ],
            ),
            metric_row(
                "h200",
                "bandwidth",
                Higher,
                &[
                    Figure("h200.bandwidth"),
                    Independent("h200", q(Exact(4.8), TerabytesPerSecond)),
                ],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
    ChartDef {
        id: "mig",
        page: Page::Gpus,
        kind: ChartKind::Bars,
        title: text("Memory per partition (derived)", "每个分区的显存（推算）"),
        origin: Origin::Report("gpu"),
        what: text(
            "Derived: the card's memory × the slice the report names (H100 MIG 1/8; Biren 1/2, 1/4, 1/8 of the BR100). MIG gives at most 7 instances",
            "推算：显存 × 报告给出的切分比例（H100 MIG 1/8；壁仞 BR100 的 1/2、1/4、1/8）。MIG 最多 7 个实例",
        ),
        series: &[SeriesDef {
            name: text("Derived", "推算"),
            role: Role::Derived,
        }],
        rows: &[
            metric_row("h100", "mig-slice", Neither, &[Share("h100.memory", 0.125)]),
            metric_row(
                "biren-br100",
                "partition",
                Neither,
                &[Share("biren-br100.memory", 0.5)],
            ),
            metric_row(
                "biren-br100",
                "partition",
                Neither,
                &[Share("biren-br100.memory", 0.25)],
            ),
            metric_row(
                "biren-br100",
                "partition",
                Neither,
                &[Share("biren-br100.memory", 0.125)],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
];

/// The charts of /engines, in page order.
pub const ENGINES_CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "podman",
        page: Page::Engines,
        kind: ChartKind::Bars,
        title: text("Podman 4 vs. Podman 5", "Podman 4 与 Podman 5"),
        origin: Origin::Report("podman-5"),
        what: text(
            "The report's timings before and after the SQLite backend; lower is better",
            "报告给出的 SQLite 后端前后耗时；越低越好",
        ),
        series: &[
            SeriesDef {
                name: text("Podman 4.x", "Podman 4.x"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("Podman 5.0", "Podman 5.0"),
                role: Role::Report,
            },
        ],
        rows: &[
            measure_row(
                "ps-time",
                Lower,
                &[Figure("podman-4.ps"), Figure("podman-5.ps")],
            ),
            measure_row(
                "start10-time",
                Lower,
                &[Figure("podman-4.start10"), Figure("podman-5.start10")],
            ),
        ],
        log: true,
        can_log: true,
        filters: &[],
    },
    ChartDef {
        id: "network",
        page: Page::Engines,
        kind: ChartKind::Bars,
        title: text("Pasta vs. slirp4netns", "Pasta 与 slirp4netns"),
        origin: Origin::Report("podman-5"),
        what: text(
            "The report's network figures for rootless containers; each measure on its own axis. The report gives Pasta's TCP only in words: “close to native”",
            "报告给出的 Rootless 容器网络数据；每项指标各用一条坐标轴。Pasta 的 TCP 报告只写了“接近原生速度”",
        ),
        series: &[
            SeriesDef {
                name: text("Pasta", "Pasta"),
                role: Role::Report,
            },
            SeriesDef {
                name: text("slirp4netns", "slirp4netns"),
                role: Role::Report,
            },
        ],
        rows: &[
            measure_row("tcp-native", Higher, &[Empty, Figure("slirp4netns.tcp")]),
            measure_row(
                "udp-native",
                Higher,
                &[Figure("pasta.udp"), Figure("slirp4netns.udp")],
            ),
            measure_row(
                "latency",
                Lower,
                &[Figure("pasta.latency"), Figure("slirp4netns.latency")],
            ),
            measure_row(
                "download",
                Higher,
                &[Figure("pasta.download"), Figure("slirp4netns.download")],
            ),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
    ChartDef {
        id: "deltas",
        page: Page::Engines,
        kind: ChartKind::Bars,
        title: text("The report's performance changes", "报告的性能变化"),
        origin: Origin::Report("highlights"),
        what: text(
            "The report's table of performance changes: percentages on one axis, factors on another; each row says whether higher or lower is better",
            "报告的性能变化汇总表：百分比用一条坐标轴，倍数用另一条；每行注明越高越好还是越低越好",
        ),
        series: &[REPORT],
        rows: &[
            metric_row(
                "podman-5",
                "container-start-gain",
                Higher,
                &[Figure("delta.podman.container-start")],
            ),
            metric_row(
                "podman-5",
                "image-pull-gain",
                Higher,
                &[Figure("delta.podman.image-pull")],
            ),
            metric_row("podman-5", "db-gain", Higher, &[Figure("delta.podman.db")]),
            metric_row(
                "pasta",
                "network-gain",
                Higher,
                &[Figure("delta.pasta.network")],
            ),
            metric_row(
                "kubernetes-131",
                "api-server-gain",
                Higher,
                &[Figure("delta.k8s.api-server")],
            ),
            metric_row(
                "kubernetes-131",
                "scheduler-latency",
                Lower,
                &[Figure("delta.k8s.scheduler")],
            ),
            metric_row(
                "kubernetes-131",
                "etcd-gain",
                Higher,
                &[Figure("delta.k8s.etcd")],
            ),
            metric_row(
                "gvisor",
                "perf-vs-2023",
                Higher,
                &[Figure("delta.gvisor.overall")],
            ),
            metric_row("wasm", "simd-speedup", Higher, &[Figure("delta.wasm.simd")]),
        ],
        log: false,
        can_log: false,
        filters: &[],
    },
];

/// A value that measures something other than the rest of its chart: the chart
/// marks it and says what it is, on the drawing and in a footnote.
#[derive(Clone, Copy, Debug)]
pub struct Caveat {
    /// The chart's id.
    pub chart: &'static str,
    /// The row's key (its item, where the item alone names it).
    pub row: &'static str,
    /// The series of the value (0-based).
    pub series: usize,
    /// A few words beside the value on the drawing.
    pub label: Text,
    /// The footnote: what the value measures, and what it is not.
    pub note: Text,
}

pub const CAVEATS: &[Caveat] = &[Caveat {
    chart: "startup",
    row: "wasm",
    series: 1,
    label: text("in-process instantiation", "进程内实例化"),
    note: text(
        "WebAssembly's independent figure is Wasmtime instantiating a module inside a process that is already running (µs), not a container's cold start: the other rows start a container, a sandbox or a virtual machine.",
        "WebAssembly 的独立测量是 Wasmtime 在已运行的进程内实例化一个模块（微秒级），不是容器冷启动：其他各行启动的是容器、沙箱或虚拟机。",
    ),
}];

/// Every page's charts (for checks over all of them: a page names its own table).
pub const PAGE_CHARTS: [&[ChartDef]; 3] = [SANDBOXES_CHARTS, GPUS_CHARTS, ENGINES_CHARTS];

/// Every chart, in page order.
pub fn all_charts() -> impl Iterator<Item = &'static ChartDef> + Clone {
    PAGE_CHARTS.into_iter().flatten()
}

/// The charts of a page, in order.
pub fn charts_for(page: Page) -> impl Iterator<Item = &'static ChartDef> {
    all_charts().filter(move |c| c.page == page)
}

/// The chart with this id, on any page.
pub fn chart(id: &str) -> Option<&'static ChartDef> {
    all_charts().find(|c| c.id == id)
}
