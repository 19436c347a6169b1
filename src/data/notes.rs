//! Where the report disagrees with itself (data notes), and independent figures from
//! primary or public sources on the same questions (from `crosscheck.md`).

use super::figures::Topic;
use crate::base::lang::Text;
use crate::data::sources::*;

/// An inconsistency inside the report, naming the figures involved.
#[derive(Clone, Copy, Debug)]
pub struct DataNote {
    pub id: &'static str,
    /// Ids in `data/figures.tsv`: the numbers that disagree, shown side by side.
    pub figures: &'static [&'static str],
    pub text: Text,
    /// Listed in `crosscheck.md` (otherwise found while building the dataset).
    pub from_crosscheck: bool,
}

pub const DATA_NOTES: &[DataNote] = &[
    DataNote {
        id: "biren-table-vs-products",
        figures: &[
            "compare.biren.fp16",
            "compare.biren.memory",
            "biren-br100.fp16",
            "biren-br100.memory",
            "biren-br104.fp16",
            "biren-br104.memory",
        ],
        text: Text {
            en: "Biren: the comparison table gives 700+ TF FP16 with 48 GB HBM3, a card the product list does not have: BR100 is 1000 TF peak with 64 GB HBM2e, BR104 512 TF with 48 GB HBM3.",
            zh: "壁仞：对比表写 700+ TF FP16、48GB HBM3，产品列表中并无这样的产品：BR100 峰值 1000 TF、64GB HBM2e，BR104 为 512 TF、48GB HBM3。",
        },
        from_crosscheck: true,
    },
    DataNote {
        id: "iluvatar-training-card",
        figures: &[
            "compare.iluvatar.fp16",
            "compare.iluvatar.memory",
            "iluvatar-mr-v200.fp16",
            "iluvatar-mr-v200.memory",
            "iluvatar-bi-v150.int8",
        ],
        text: Text {
            en: "Iluvatar: the table's 350 TF and 64 GB HBM3 are the MR-V200 training card, not the BI inference line the vendor is otherwise described by.",
            zh: "天数智芯：对比表中的 350 TF、64GB HBM3 属于 MR-V200 训练卡，而不是推理用的 BI 系列。",
        },
        from_crosscheck: true,
    },
    DataNote {
        id: "mtt-s80-tf32",
        figures: &["mtt-s80.fp16", "mtt-s80.tf32"],
        text: Text {
            en: "Moore Threads MTT S80: TF32 (768 TF) is listed as twice FP16 (384 TF), the reverse of how these precisions relate on every other accelerator.",
            zh: "摩尔线程 MTT S80：TF32（768 TF）被写成 FP16（384 TF）的两倍，与其他所有加速器上两种精度的关系相反。",
        },
        from_crosscheck: true,
    },
    DataNote {
        id: "mig-seven-vs-eighth",
        figures: &["h100.mig-instances", "mig.slice"],
        text: Text {
            en: "MIG: “up to 7 instances” and “1/8 GPU instances” in the same section. Memory is cut in eighths, compute in sevenths: 7 instances at most.",
            zh: "MIG：同一章节中既说“最多 7 个实例”，又说“支持 1/8 GPU 实例”。显存按八分之一切分、算力按七分之一切分，最多 7 个实例。",
        },
        from_crosscheck: true,
    },
    DataNote {
        id: "startup-stars",
        figures: &[
            "compare.gvisor.startup",
            "compare.gvisor.startup-stars",
            "compare.firecracker.startup",
            "compare.firecracker.startup-stars",
            "compare.kata.startup",
            "compare.kata.startup-stars",
        ],
        text: Text {
            en: "Startup stars: Firecracker (~125 ms) gets the same 4 stars as gVisor (~100 ms), while Kata (~200 ms) gets 3.",
            zh: "启动评级：Firecracker（约 125ms）与 gVisor（约 100ms）同为 4 星，Kata（约 200ms）却只有 3 星。",
        },
        from_crosscheck: true,
    },
    DataNote {
        id: "startup-bound-vs-approximate",
        figures: &[
            "firecracker.startup",
            "compare.firecracker.startup",
            "kata.startup",
            "compare.kata.startup",
            "gvisor.startup",
            "compare.gvisor.startup",
        ],
        text: Text {
            en: "The technology cards give startup times as upper bounds (<125 ms, <200 ms, <100 ms); the comparison list gives the same numbers as approximate values (~125 ms, ~200 ms, ~100 ms). A bound and a typical value are different claims.",
            zh: "技术介绍中的启动时间是上限（<125ms、<200ms、<100ms），对比列表却把同样的数字写成约数（~125ms、~200ms、~100ms）。上限与典型值是两种不同的说法。",
        },
        from_crosscheck: false,
    },
    DataNote {
        id: "iluvatar-85-90",
        figures: &[
            "iluvatar.perf-relative",
            "iluvatar.resnet-vs-t4",
            "iluvatar.bert-vs-t4",
        ],
        text: Text {
            en: "The selection advice calls Iluvatar's performance “85-90%” without saying of what; the only source in the report is ResNet-50 relative to an NVIDIA T4 (BERT-Large: 80-85%).",
            zh: "选型建议称天数智芯“性能85-90%”，却未说明相对于什么；报告中唯一的出处是 ResNet-50 相对 NVIDIA T4 的成绩（BERT-Large 为 80-85%）。",
        },
        from_crosscheck: false,
    },
    DataNote {
        id: "market-growth",
        figures: &["market.size-2025", "market.growth", "market.forecast-2027"],
        text: Text {
            en: "Growing 35% a year from about USD 15 bn in 2025 gives about USD 27.3 bn in 2027, not 28 bn; the forecast implies about 37% a year.",
            zh: "从 2025 年约 150 亿美元按每年 35% 增长，2027 年约为 273 亿美元，而非 280 亿；该预测对应的年增长率约为 37%。",
        },
        from_crosscheck: false,
    },
    DataNote {
        id: "gvisor-gain",
        figures: &["gvisor.perf-vs-2023", "delta.gvisor.overall"],
        text: Text {
            en: "gVisor's gain over 2023 is “50%+” (at least 50%) in the technology card and “+50%” (exactly) in the summary table, without saying what was measured.",
            zh: "gVisor 相对 2023 年的提升在技术介绍中是“50%+”（至少 50%），在汇总表中是“+50%”，两处都没有说明测的是什么。",
        },
        from_crosscheck: false,
    },
];

/// A figure from outside the report, set beside the report's own.
#[derive(Clone, Copy, Debug)]
pub struct IndependentFigure {
    pub id: &'static str,
    pub topic: Topic,
    /// Ids of the report's figures on the same question (empty where the report gives none).
    pub claims: &'static [&'static str],
    /// What the report says, where it is words rather than a figure in the dataset.
    pub claim_text: Option<Text>,
    /// The independent figure, with its conditions.
    pub figure: Text,
    /// Where it comes from, as `crosscheck.md` names it.
    pub source: &'static str,
    /// The sources themselves: links, each with the date it said this.
    pub links: &'static [&'static Source],
    /// The source has a stake in the result.
    pub caution: bool,
}

pub const INDEPENDENT_FIGURES: &[IndependentFigure] = &[
    IndependentFigure {
        id: "firecracker-boot",
        topic: Topic::Sandboxes,
        claims: &["firecracker.startup"],
        claim_text: None,
        figure: Text {
            en: "≤125 ms from the InstanceStart API call to the guest's /sbin/init, with a minimal kernel and the serial console off",
            zh: "从 InstanceStart API 调用到客户机 /sbin/init ≤125ms（最小内核、关闭串口控制台）",
        },
        source: "firecracker-microvm/firecracker, SPECIFICATION.md",
        links: &[&FIRECRACKER_SPEC],
        caution: false,
    },
    IndependentFigure {
        id: "firecracker-memory",
        topic: Topic::Sandboxes,
        claims: &["firecracker.memory"],
        claim_text: None,
        figure: Text {
            en: "≤5 MiB (5.24 MB) overhead for the VMM process (1 vCPU, 128 MiB guest); VMM start ≤8 CPU-ms",
            zh: "VMM 进程开销 ≤5 MiB（5.24 MB；1 个 vCPU、128 MiB 客户机内存）；VMM 启动 ≤8 CPU 毫秒",
        },
        source: "firecracker-microvm/firecracker, SPECIFICATION.md",
        links: &[&FIRECRACKER_SPEC],
        caution: false,
    },
    IndependentFigure {
        id: "gvisor-syscall",
        topic: Topic::Sandboxes,
        claims: &["gvisor.perf-vs-2023", "delta.gvisor.overall"],
        claim_text: None,
        figure: Text {
            en: "Cost per system call: runc ~1.9 µs, runsc on the old ptrace platform ~38 µs, runsc-kvm ~0.8 µs (the default platform is now systrap)",
            zh: "每次系统调用开销：runc 约 1.9µs，runsc（旧 ptrace 平台）约 38µs，runsc-kvm 约 0.8µs（现在默认平台为 systrap）",
        },
        source: "google/gvisor, website/performance/syscall.csv",
        links: &[&GVISOR_SYSCALL, &GVISOR_PLATFORMS],
        caution: false,
    },
    IndependentFigure {
        id: "gvisor-memory",
        topic: Topic::Sandboxes,
        claims: &[],
        claim_text: Some(Text {
            en: "The report gives no memory figure for gVisor.",
            zh: "报告没有给出 gVisor 的内存数据。",
        }),
        figure: Text {
            en: "Empty container: runc 4.1 MB, runsc 23.7 MB (ptrace-era data)",
            zh: "空容器：runc 4.1MB，runsc 23.7MB（ptrace 时代的数据）",
        },
        source: "google/gvisor, website/performance/density.csv",
        links: &[&GVISOR_DENSITY],
        caution: false,
    },
    IndependentFigure {
        id: "kata-startup",
        topic: Topic::Sandboxes,
        claims: &["kata.startup", "compare.kata.startup"],
        claim_text: None,
        figure: Text {
            en: "Reference boot ~0.99 s (QEMU + virtiofs) and ~1.10 s (Cloud Hypervisor) on bare metal; a 2018 measurement: docker run 0.97 s with runc, 1.68 s with Kata",
            zh: "裸金属上参考启动时间约 0.99 秒（QEMU + virtiofs）和约 1.10 秒（Cloud Hypervisor）；2018 年的一次测量：docker run 使用 runc 0.97 秒，使用 Kata 1.68 秒",
        },
        source: "kata-containers/kata-containers issue 1058; kata-containers/runtime issue 382",
        links: &[&KATA_BOOT, &KATA_RUNTIME_382],
        caution: false,
    },
    IndependentFigure {
        id: "runc-gvisor-kata",
        topic: Topic::Sandboxes,
        claims: &[
            "compare.docker.startup",
            "compare.gvisor.startup",
            "compare.kata.startup",
        ],
        claim_text: None,
        figure: Text {
            en: "Startup 607 / 708 / 1747 ms and memory overhead 0 / 28.1 / 184.3 MB for runc / gVisor / Kata, in one third-party benchmark",
            zh: "某第三方基准测试：runc / gVisor / Kata 启动 607 / 708 / 1747ms，内存开销 0 / 28.1 / 184.3MB",
        },
        source: "QuarkContainer/Quark, doc/perf_test.md",
        links: &[&QUARK_BENCH],
        caution: true,
    },
    IndependentFigure {
        id: "unikernel-boot",
        topic: Topic::Sandboxes,
        claims: &["unikernel.startup", "unikernel.image-size"],
        claim_text: None,
        figure: Text {
            en: "Unikraft: images ~1 MB, <10 MB RAM, ~1 ms guest boot on top of the VMM (2-70 ms in total with VMM start)",
            zh: "Unikraft：镜像约 1MB，内存 <10MB，在 VMM 之上客户机启动约 1ms（含 VMM 启动共 2-70ms）",
        },
        source: "unikraft/eurosys21-artifacts (EuroSys 2021 paper artifacts)",
        links: &[&UNIKRAFT_PAPER, &UNIKRAFT_ARTIFACTS],
        caution: false,
    },
    IndependentFigure {
        id: "wasm-startup",
        topic: Topic::Wasm,
        claims: &["compare.wasm.startup"],
        claim_text: None,
        figure: Text {
            en: "Wasmtime instantiation: empty module ~3 µs, small memory ~5-10 µs, WASI hello world ~30 µs (on a 2021 CI machine)",
            zh: "Wasmtime 实例化：空模块约 3µs，小内存约 5-10µs，WASI hello world 约 30µs（2021 年的 CI 机器）",
        },
        source: "bytecodealliance/wasmtime PR 2900",
        links: &[&WASMTIME_2900],
        caution: false,
    },
    IndependentFigure {
        id: "wasm-containers",
        topic: Topic::Wasm,
        claims: &[],
        claim_text: Some(Text {
            en: "“Millisecond startup” for Wasm containers (no figure)",
            zh: "Wasm 容器“毫秒级启动”（无具体数字）",
        }),
        figure: Text {
            en: "containerd runwasi: wasmtime shim ~330 tasks/s against runc + distroless ~85 tasks/s in one test; other stress tests rank runtimes differently",
            zh: "containerd runwasi：一次测试中 wasmtime shim 约 330 任务/秒，runc + distroless 约 85 任务/秒；其他压力测试的排名不同",
        },
        source: "containerd/runwasi issues 613, 860, 704",
        links: &[&RUNWASI_613, &RUNWASI_860, &RUNWASI],
        caution: false,
    },
    IndependentFigure {
        id: "mig-instances",
        topic: Topic::Gpus,
        claims: &["h100.mig-instances", "mig.slice"],
        claim_text: None,
        figure: Text {
            en: "H100 80 GB and H200 141 GB: at most 7 MIG instances (memory is cut in eighths, compute in sevenths)",
            zh: "H100 80GB 与 H200 141GB：最多 7 个 MIG 实例（显存按八分之一、算力按七分之一切分）",
        },
        source: "NVIDIA MIG User Guide, \"Supported GPUs\"",
        links: &[&NVIDIA_MIG],
        caution: false,
    },
    IndependentFigure {
        id: "h100-bandwidth",
        topic: Topic::Gpus,
        claims: &["h100.bandwidth"],
        claim_text: None,
        figure: Text {
            en: "3.35 TB/s for the H100 SXM5 80 GB HBM3 (3.0 TB/s was an early figure)",
            zh: "H100 SXM5 80GB HBM3 为 3.35TB/s（3.0TB/s 是早期数字）",
        },
        source: "NVIDIA H100 datasheet",
        links: &[],
        caution: false,
    },
    IndependentFigure {
        id: "h200",
        topic: Topic::Gpus,
        claims: &["h200.memory", "h200.bandwidth"],
        claim_text: None,
        figure: Text {
            en: "141 GB HBM3e, 4.8 TB/s, up to 700 W (SXM): the report agrees",
            zh: "141GB HBM3e，4.8TB/s，最高 700W（SXM）：与报告一致",
        },
        source: "NVIDIA H200 datasheet",
        links: &[],
        caution: false,
    },
    IndependentFigure {
        id: "wasi-2",
        topic: Topic::Wasm,
        claims: &[],
        claim_text: Some(Text {
            en: "“WASI 2.0: complete system interface”",
            zh: "“WASI 2.0：完整的系统接口规范”",
        }),
        figure: Text {
            en: "The published WASI releases are 0.2 (Preview 2, January 2024) and work on 0.3; there is no “WASI 2.0”",
            zh: "已发布的 WASI 版本是 0.2（Preview 2，2024 年 1 月），0.3 正在进行中；并不存在“WASI 2.0”",
        },
        source: "WebAssembly/WASI repository",
        links: &[&WASI_RELEASES],
        caution: false,
    },
    IndependentFigure {
        id: "browser-features",
        topic: Topic::Wasm,
        claims: &[],
        claim_text: Some(Text {
            en: "SIMD, threads and GC presented as available",
            zh: "报告将 SIMD、多线程与 GC 视为可用",
        }),
        figure: Text {
            en: "SIMD: Chrome 91, Firefox 89, Safari 16.4; GC: Chrome 119, Firefox 120, Safari 18.2; Memory64: Chrome 133, Firefox 134",
            zh: "SIMD：Chrome 91、Firefox 89、Safari 16.4；GC：Chrome 119、Firefox 120、Safari 18.2；Memory64：Chrome 133、Firefox 134",
        },
        source: "WebAssembly/website, features.json",
        links: &[&WASM_FEATURES],
        caution: false,
    },
    IndependentFigure {
        id: "k8s-131-stages",
        topic: Topic::Kubernetes,
        claims: &[],
        claim_text: Some(Text {
            en: "Sidecars and AppArmor GA, PersistentVolume migration and Pod failure policy Beta, VolumeAttributesClass and DRA Alpha in 1.31",
            zh: "1.31 中 Sidecar 与 AppArmor 为 GA，PersistentVolume 迁移与 Pod 失败策略为 Beta，VolumeAttributesClass 与 DRA 为 Alpha",
        }),
        figure: Text {
            en: "AppArmor: GA in 1.31 (agrees). Native sidecars: Beta since 1.29, GA in 1.33. Job Pod failure policy: GA in 1.31. VolumeAttributesClass: Beta in 1.31, GA in 1.34",
            zh: "AppArmor：1.31 GA（一致）。原生 Sidecar：自 1.29 起为 Beta，1.33 GA。Job 的 Pod 失败策略：1.31 GA。VolumeAttributesClass：1.31 为 Beta，1.34 GA",
        },
        source: "Kubernetes release blog posts for v1.31",
        links: &[
            &K8S_131,
            &KEP_SIDECARS,
            &KEP_POD_FAILURE_POLICY,
            &KEP_VOLUME_ATTRIBUTES_CLASS,
        ],
        caution: false,
    },
    IndependentFigure {
        id: "firecracker-gpu",
        topic: Topic::Sandboxes,
        claims: &[],
        claim_text: Some(Text {
            en: "“NVIDIA GPU virtualization” as a 2025 Firecracker feature",
            zh: "“NVIDIA GPU 虚拟化”是 Firecracker 的 2025 新特性",
        }),
        figure: Text {
            en: "2021: its maintainers said there is no passthrough and no plan for it as a general feature; 1.13 (2025) added PCIe and virtio-pci but explicitly not VFIO; 2026: VFIO passthrough is tracked as work in progress, a first implementation was closed and split up",
            zh: "2021 年：维护者表示不支持直通，也不计划将其作为通用功能；1.13（2025 年）加入 PCIe 与 virtio-pci，但明确不含 VFIO；2026 年：VFIO 直通作为开发中的工作被跟踪，首个实现已关闭并拆分",
        },
        source: "firecracker-microvm/firecracker issues 2487, 5133, 5679, pull request 5870",
        links: &[
            &FIRECRACKER_2487,
            &FIRECRACKER_5133,
            &FIRECRACKER_5679,
            &FIRECRACKER_5870,
        ],
        caution: false,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::figure;

    #[test]
    fn notes_name_known_figures_and_cover_the_crosscheck() {
        for note in DATA_NOTES {
            assert!(
                note.figures.len() >= 2,
                "{}: a disagreement needs two figures",
                note.id
            );
            for id in note.figures {
                assert!(figure(id).is_some(), "{}: unknown figure {id}", note.id);
            }
        }
        assert_eq!(DATA_NOTES.iter().filter(|n| n.from_crosscheck).count(), 5);
        assert!(
            DATA_NOTES.len() > 5,
            "at least one inconsistency beyond crosscheck.md"
        );
    }

    #[test]
    fn every_crosscheck_row_is_an_independent_figure() {
        const CROSSCHECK: &str = include_str!("../../data/crosscheck.md");
        let rows = CROSSCHECK
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| topic") && !l.starts_with("|---"))
            .count();
        assert_eq!(INDEPENDENT_FIGURES.len(), rows);
        for f in INDEPENDENT_FIGURES {
            assert!(
                CROSSCHECK.contains(f.source),
                "{}: source not in crosscheck.md",
                f.id
            );
            for id in f.claims {
                assert!(figure(id).is_some(), "{}: unknown figure {id}", f.id);
            }
            assert_eq!(f.claims.is_empty(), f.claim_text.is_some(), "{}", f.id);
        }
    }
}
