//! What a GPU buyer needs beside the report's figures: the words of the report's
//! comparison table (container support, ecosystem maturity, self-reliance), which
//! card each of its columns stands for, and the ways to share one GPU.

use crate::base::lang::{Text, text};
use crate::data::sources::{
    GPU_OPERATOR_DRA, GPU_OPERATOR_KUBEVIRT, GPU_OPERATOR_MIG, GPU_OPERATOR_SHARING,
    GPU_OPERATOR_VGPU, K8S_DEVICE_PLUGIN, KEP_DRA, KEP_PARTITIONABLE, NVIDIA_DRA_DRIVER,
    NVIDIA_DRA_DYNAMIC_MIG, NVIDIA_MIG, Source,
};

/// A word of the report's comparison table, in its place on a scale from worst (0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Word {
    /// The report's word, verbatim.
    pub zh: &'static str,
    pub en: &'static str,
    pub rank: u8,
}

impl Word {
    pub fn text(self) -> Text {
        Text {
            en: self.en,
            zh: self.zh,
        }
    }
}

const EARLY: Word = Word {
    zh: "初期",
    en: "Early",
    rank: 0,
};
const MODERATE: Word = Word {
    zh: "中等",
    en: "Moderate",
    rank: 1,
};
const FAIRLY_GOOD: Word = Word {
    zh: "较好",
    en: "Fairly good",
    rank: 2,
};
const MOST_MATURE: Word = Word {
    zh: "最成熟",
    en: "Most mature",
    rank: 3,
};
/// The four words the report uses for ecosystem maturity, from least to most.
pub const MATURITY_SCALE: [Word; 4] = [EARLY, MODERATE, FAIRLY_GOOD, MOST_MATURE];

const NOT_DOMESTIC: Word = Word {
    zh: "否",
    en: "No",
    rank: 0,
};
const PARTLY: Word = Word {
    zh: "部分自主",
    en: "Partly self-developed",
    rank: 1,
};
const FULLY: Word = Word {
    zh: "完全自主",
    en: "Fully self-developed",
    rank: 2,
};

/// The report's comparison table (section `gpu`), rows as the report writes them.
pub const TABLE_HEADER: &str = "| 维度 | 天数智芯 | 摩尔线程 | 壁仞科技 | 海光DCU | NVIDIA A100 |";
pub const MATURITY_ROW: &str = "| 生态成熟度 | 中等 | 中等 | 初期 | 较好 | 最成熟 |";
pub const SELF_RELIANCE_ROW: &str = "| 国产化 | 完全自主 | 完全自主 | 完全自主 | 部分自主 | 否 |";

/// One column of the report's comparison table: a vendor, the words the table gives
/// it, and the card whose figures the column repeats.
#[derive(Clone, Copy, Debug)]
pub struct VendorColumn {
    /// Item id of the vendor (`data/items.tsv`), also the key of the chart rows.
    pub vendor: &'static str,
    /// The column's head in the report, verbatim.
    pub head_zh: &'static str,
    /// Figure id of the table's container-support stars.
    pub container_stars: &'static str,
    pub maturity: Word,
    pub self_reliance: Word,
    /// The container stack the report names for the vendor, verbatim (section `gpu`).
    pub stack_zh: &'static [&'static str],
    /// The card, among those the report describes, whose figures the column gives;
    /// `None` where no card matches (Biren: see the data note).
    pub card: Option<&'static str>,
}

pub const VENDOR_COLUMNS: [VendorColumn; 5] = [
    VendorColumn {
        vendor: "iluvatar",
        stack_zh: &["ixrt运行时2.5", "Docker、Kubernetes完整支持"],
        head_zh: "天数智芯",
        container_stars: "compare.iluvatar.container-stars",
        maturity: MODERATE,
        self_reliance: FULLY,
        card: Some("iluvatar-mr-v200"),
    },
    VendorColumn {
        vendor: "moore-threads",
        stack_zh: &["musa-docker v2.0", "Kubernetes device-plugin"],
        head_zh: "摩尔线程",
        container_stars: "compare.moore-threads.container-stars",
        maturity: MODERATE,
        self_reliance: FULLY,
        card: Some("mtt-s80"),
    },
    VendorColumn {
        vendor: "biren",
        stack_zh: &["br-container-runtime", "Kubernetes GPU Operator适配"],
        head_zh: "壁仞科技",
        container_stars: "compare.biren.container-stars",
        maturity: EARLY,
        self_reliance: FULLY,
        card: None,
    },
    VendorColumn {
        vendor: "hygon",
        stack_zh: &["ROCm容器: rocm/pytorch、rocm/tensorflow"],
        head_zh: "海光DCU",
        container_stars: "compare.hygon.container-stars",
        maturity: FAIRLY_GOOD,
        self_reliance: PARTLY,
        card: Some("hygon-z100"),
    },
    VendorColumn {
        vendor: "a100",
        stack_zh: &[],
        head_zh: "NVIDIA A100",
        container_stars: "compare.a100.container-stars",
        maturity: MOST_MATURE,
        self_reliance: NOT_DOMESTIC,
        card: None,
    },
];

/// A way to share one GPU between workloads, with what it takes.
#[derive(Clone, Copy, Debug)]
pub struct SharingMode {
    /// Stable id, used in markup (`data-sharing`).
    pub id: &'static str,
    pub name: Text,
    /// What the report says of it, verbatim with its section, if it names it.
    pub report: Option<(&'static str, &'static str)>,
    /// What one workload is protected from the others.
    pub isolates: Text,
    /// Which GPUs, how many slices.
    pub runs_on: Text,
    /// Software, licences, cluster components.
    pub needs: Text,
    /// What changing the split takes.
    pub reconfigure: Text,
    /// How a pod asks for a share.
    pub kubernetes: Text,
    pub sources: &'static [&'static Source],
}

pub const SHARING_MODES: [SharingMode; 4] = [
    SharingMode {
        id: "mig",
        name: text("MIG (Multi-Instance GPU)", "MIG（多实例 GPU）"),
        report: Some(("gpu", "MIG 2.0增强版,最多7个实例")),
        isolates: text(
            "Memory, cache and compute in hardware, with fault isolation and guaranteed quality of service per instance",
            "显存、缓存与算力在硬件层隔离，各实例故障隔离、服务质量有保障",
        ),
        runs_on: text(
            "NVIDIA data-centre GPUs from Ampere on (A100, A30, H100, H200, B200…): at most 7 instances (4 on the A30); the smallest gets 1/8 of the memory and 1/7 of the compute",
            "Ampere 起的 NVIDIA 数据中心 GPU（A100、A30、H100、H200、B200 等）：最多 7 个实例（A30 为 4 个）；最小实例得到 1/8 显存、1/7 算力",
        ),
        needs: text(
            "The NVIDIA data-centre driver on Linux; in Kubernetes the NVIDIA device plugin (or the GPU Operator and its MIG Manager) with a MIG strategy, single or mixed. No licence is listed for containers",
            "Linux 上的 NVIDIA 数据中心驱动；在 Kubernetes 中需 NVIDIA device plugin（或 GPU Operator 及其 MIG Manager），并选择 single 或 mixed 策略。容器场景未列出许可要求",
        ),
        reconfigure: text(
            "Instances are created and removed without a reset once the GPU is in MIG mode, but only while idle; the GPU Operator's MIG Manager first stops every GPU pod on the node and may reboot it to turn MIG mode on",
            "GPU 进入 MIG 模式后，创建与删除实例无需重置，但实例必须空闲；GPU Operator 的 MIG Manager 会先停止节点上所有 GPU Pod，开启 MIG 模式时可能重启节点",
        ),
        kubernetes: text(
            "nvidia.com/mig-1g.10gb … nvidia.com/mig-7g.80gb (mixed strategy), or nvidia.com/gpu (single); the profile is set with the node label nvidia.com/mig.config",
            "nvidia.com/mig-1g.10gb … nvidia.com/mig-7g.80gb（mixed 策略），或 nvidia.com/gpu（single 策略）；分区方案由节点标签 nvidia.com/mig.config 指定",
        ),
        sources: &[&NVIDIA_MIG, &GPU_OPERATOR_MIG, &K8S_DEVICE_PLUGIN],
    },
    SharingMode {
        id: "time-slicing",
        name: text("Time-slicing", "时间片共享"),
        report: None,
        isolates: text(
            "Nothing: every workload sees all of the GPU's memory and shares one fault domain (if one crashes, they all do); compute is an equal share of time per process",
            "不隔离：每个负载都能访问全部显存，共处一个故障域（一个崩溃则全部崩溃）；算力按进程平分时间",
        ),
        runs_on: text(
            "Any GPU the device plugin exposes, older cards without MIG included, and MIG instances; bare metal, passthrough and vGPU virtual machines. No maximum number of replicas is documented",
            "device plugin 能暴露的任何 GPU，包括不支持 MIG 的旧卡，也可用于 MIG 实例；裸金属、直通与 vGPU 虚拟机均可。文档未给出副本数上限",
        ),
        needs: text(
            "The NVIDIA device plugin or the GPU Operator with a ConfigMap (sharing.timeSlicing, replicas per GPU), one setting for every GPU of a node; no licence. It excludes MPS",
            "NVIDIA device plugin 或 GPU Operator，加一个 ConfigMap（sharing.timeSlicing，每块 GPU 的副本数），同一节点的所有 GPU 使用同一设置；无需许可。与 MPS 互斥",
        ),
        reconfigure: text(
            "Edit the ConfigMap and restart the device plugin; running pods keep running (NVIDIA recommends a maintenance window)",
            "修改 ConfigMap 并重启 device plugin；运行中的 Pod 不受影响（NVIDIA 建议在维护窗口进行）",
        ),
        kubernetes: text(
            "nvidia.com/gpu, or nvidia.com/gpu.shared when renamed, counted replicas times; per-container GPU metrics are lost",
            "nvidia.com/gpu，改名后为 nvidia.com/gpu.shared，数量为副本数倍；无法再按容器统计 GPU 指标",
        ),
        sources: &[&K8S_DEVICE_PLUGIN, &GPU_OPERATOR_SHARING],
    },
    SharingMode {
        id: "vgpu",
        name: text("NVIDIA vGPU (virtual machines)", "NVIDIA vGPU（虚拟机）"),
        report: None,
        isolates: text(
            "A fixed slice of memory per virtual machine; compute by a scheduler (best effort, equal or fixed share), or MIG-backed where tenants need hard isolation",
            "每台虚拟机固定一份显存；算力由调度器分配（尽力而为、平均或固定份额），租户之间需要硬隔离时用基于 MIG 的 vGPU",
        ),
        runs_on: text(
            "The GPUs NVIDIA lists per vGPU type (Volta to Blackwell); the number per GPU depends on the type (for example 3 × A10-8Q)",
            "NVIDIA 为每种 vGPU 类型列出的 GPU（Volta 到 Blackwell）；每块 GPU 的数量取决于类型（例如 3 个 A10-8Q）",
        ),
        needs: text(
            "A hypervisor with the NVIDIA vGPU Manager, a licence served by the NVIDIA License System (a cloud or delegated licence service), a guest driver (not to be published in a public registry), SR-IOV on Ampere and later; in Kubernetes, KubeVirt with the GPU Operator",
            "装有 NVIDIA vGPU Manager 的虚拟化平台；由 NVIDIA License System（云端或本地委托许可服务）发放的许可；客户机驱动（不得推送到公共镜像仓库）；Ampere 及以后需开启 SR-IOV；在 Kubernetes 中需 KubeVirt 与 GPU Operator",
        ),
        reconfigure: text(
            "Changing the vGPU type of a node needs every vGPU virtual machine on it shut down or migrated; a node runs containers, passthrough or vGPU, not a mix",
            "更改节点的 vGPU 类型前，须关闭或迁移其上所有 vGPU 虚拟机；一个节点只能运行容器、直通或 vGPU 中的一种",
        ),
        kubernetes: text(
            "A resource per vGPU type, for example nvidia.com/NVIDIA_A10-12Q, set with the node label nvidia.com/vgpu.config",
            "每种 vGPU 类型一个资源，例如 nvidia.com/NVIDIA_A10-12Q，由节点标签 nvidia.com/vgpu.config 指定",
        ),
        sources: &[&GPU_OPERATOR_VGPU, &GPU_OPERATOR_KUBEVIRT],
    },
    SharingMode {
        id: "dra",
        name: text("Dynamic Resource Allocation (DRA)", "动态资源分配（DRA）"),
        report: Some(("gpu", "Kubernetes DRA集成: 动态资源声明")),
        isolates: text(
            "Whatever the device gives: DRA is how a pod claims a whole GPU, a MIG instance or a share; it does not isolate by itself",
            "取决于设备本身：DRA 是 Pod 申领整块 GPU、MIG 实例或共享份额的方式，本身不提供隔离",
        ),
        runs_on: text(
            "Kubernetes 1.34 and later (stable); carving MIG instances on demand needs partitionable devices, beta in 1.36",
            "Kubernetes 1.34 及以后（稳定版）；按需切分 MIG 实例需要“可分区设备”，1.36 中为 Beta",
        ),
        needs: text(
            "NVIDIA's DRA driver: whole GPUs and existing MIG instances are generally available per the GPU Operator's documentation, while the driver's own README still calls GPU allocation not officially supported; dynamic MIG, time-slicing and MPS through DRA are alpha, off by default",
            "NVIDIA 的 DRA 驱动：据 GPU Operator 文档，整块 GPU 与已有 MIG 实例的分配已正式可用，而驱动自己的 README 仍称 GPU 分配尚未正式支持；通过 DRA 的动态 MIG、时间片与 MPS 为 Alpha，默认关闭",
        ),
        reconfigure: text(
            "Per claim: a ResourceClaim asks for a device by class and attributes; with the alpha DynamicMIG gate the driver creates the MIG instance for the claim",
            "按申领进行：ResourceClaim 按设备类与属性申请设备；开启 Alpha 的 DynamicMIG 后，驱动为每个申领创建 MIG 实例",
        ),
        kubernetes: text(
            "DeviceClasses gpu.nvidia.com and mig.nvidia.com, claimed through a ResourceClaim",
            "设备类 gpu.nvidia.com 与 mig.nvidia.com，通过 ResourceClaim 申领",
        ),
        sources: &[
            &KEP_DRA,
            &KEP_PARTITIONABLE,
            &GPU_OPERATOR_DRA,
            &NVIDIA_DRA_DRIVER,
            &NVIDIA_DRA_DYNAMIC_MIG,
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::figure;
    use crate::data::sections::section_text;

    /// The cells of a table row, without its first (the row's name).
    fn cells(row: &str) -> Vec<&str> {
        row.trim_matches('|')
            .split('|')
            .map(str::trim)
            .skip(1)
            .collect()
    }

    #[test]
    fn the_words_are_the_reports_in_its_column_order() {
        for row in [TABLE_HEADER, MATURITY_ROW, SELF_RELIANCE_ROW] {
            assert!(
                section_text("gpu").contains(row),
                "not in section gpu: {row}"
            );
        }
        let heads = cells(TABLE_HEADER);
        let maturity = cells(MATURITY_ROW);
        let reliance = cells(SELF_RELIANCE_ROW);
        for (i, column) in VENDOR_COLUMNS.iter().enumerate() {
            assert_eq!(column.head_zh, heads[i]);
            assert_eq!(column.maturity.zh, maturity[i]);
            assert_eq!(column.self_reliance.zh, reliance[i]);
            for words in column.stack_zh {
                assert!(section_text("gpu").contains(words), "{words}");
            }
            let stars = figure(column.container_stars).unwrap();
            assert_eq!(stars.item, column.vendor, "{}", stars.id);
        }
    }

    #[test]
    fn every_sharing_mode_has_sources_and_quotes_the_report_verbatim() {
        for mode in SHARING_MODES {
            assert!(!mode.sources.is_empty(), "{}", mode.id);
            if let Some((section, words)) = mode.report {
                assert!(
                    section_text(section).contains(words),
                    "{}: {words}",
                    mode.id
                );
            }
        }
        // The report names MIG and DRA; time-slicing and vGPU are what a buyer
        // weighs them against.
        let named: Vec<&str> = SHARING_MODES
            .iter()
            .filter(|m| m.report.is_some())
            .map(|m| m.id)
            .collect();
        assert_eq!(named, ["mig", "dra"]);
    }

    #[test]
    fn every_word_has_its_place_on_its_scale() {
        for (rank, word) in MATURITY_SCALE.iter().enumerate() {
            assert_eq!(word.rank as usize, rank);
        }
        for column in VENDOR_COLUMNS {
            assert!(MATURITY_SCALE.contains(&column.maturity));
            assert!(column.self_reliance.rank <= FULLY.rank);
        }
    }

    #[test]
    fn a_column_names_the_card_whose_figures_it_repeats() {
        // The table's FP16 and memory are the card's own figures in the report's
        // description, where a card matches; the A100 has no description.
        for column in VENDOR_COLUMNS {
            let Some(card) = column.card else { continue };
            for metric in ["fp16", "memory"] {
                let table = figure(&format!("compare.{}.{metric}", column.vendor)).unwrap();
                let own = figure(&format!("{card}.{metric}")).unwrap();
                assert_eq!(table.quantity, own.quantity, "{card} {metric}");
            }
        }
    }
}
