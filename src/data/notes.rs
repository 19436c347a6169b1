//! Where the report disagrees with itself (data notes), and independent figures from
//! primary or public sources on the same questions (from `crosscheck.md`).

use super::figures::Topic;
use crate::base::lang::Text;
use crate::data::sources::*;

/// What kind of finding a data note is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Two places of the report cannot both hold.
    Contradiction,
    /// One statement of the report that cannot be right, judged with what is known of
    /// the hardware or software (the note says what).
    Implausible,
    /// True and worth knowing, but not a contradiction: loose wording, a missing
    /// reference, an arithmetic check.
    Observation,
}

impl NoteKind {
    pub const fn code(self) -> &'static str {
        match self {
            NoteKind::Contradiction => "contradiction",
            NoteKind::Implausible => "implausible",
            NoteKind::Observation => "observation",
        }
    }
}

/// A finding about the report itself, quoting the places involved: figures of the
/// dataset (each with its quote) and statements that are not figures.
#[derive(Clone, Copy, Debug)]
pub struct DataNote {
    pub id: &'static str,
    pub kind: NoteKind,
    /// Ids in `data/figures.tsv`: the numbers involved, shown side by side.
    pub figures: &'static [&'static str],
    /// The figures among `figures` that the note casts doubt on (the others are what
    /// it checks them against): a chart that draws one shows the note and marks the
    /// values drawn from it.
    pub doubted: &'static [&'static str],
    /// Statements of the report that are not figures: section id and verbatim words.
    pub quotes: &'static [(&'static str, &'static str)],
    pub text: Text,
    /// Sources outside the report the note relies on, as links with dates.
    pub sources: &'static [&'static Source],
    /// Listed in `crosscheck.md` (otherwise found while building the dataset or in an
    /// independent read).
    pub from_crosscheck: bool,
}

/// Every data note, in the order the data page lists them.
pub static DATA_NOTES: &[&DataNote] = &[
    &BIREN_TABLE_VS_PRODUCTS,
    &ILUVATAR_TRAINING_CARD,
    &MTT_S80_TF32,
    &MIG_SEVEN_VS_EIGHTH,
    &STARTUP_STARS,
    &STARTUP_DOCKER_VS_SANDBOXES,
    &FIRECRACKER_CONFIDENTIAL,
    &HYGON_VALUE,
    &STARTUP_BOUND_VS_APPROXIMATE,
    &ILUVATAR_85_90,
    &MARKET_GROWTH,
    &GVISOR_GAIN,
    &PODMAN_TIME_AS_GAIN,
    &PODMAN_FARM_RUNS,
    &MOORE_THREADS_COLUMN,
    &MTT_S70_MEMORY,
    &BR104_MEMORY,
    &BI_V100_INT8,
    &MR_V100_INFERENCE,
    &DYNAMIC_MIG,
    &DCGM_MIG,
];

/// The notes that cast doubt on figures (`doubted` not empty): the only ones a chart
/// shows. A list of their own, so that a chart page's code links these notes and not
/// every note (about 5 KB gzip a chart page); a test keeps it equal to those of
/// `DATA_NOTES`.
pub static DOUBTING_NOTES: &[&DataNote] = &[
    &BIREN_TABLE_VS_PRODUCTS,
    &MTT_S80_TF32,
    &STARTUP_DOCKER_VS_SANDBOXES,
    &HYGON_VALUE,
    &MOORE_THREADS_COLUMN,
    &MTT_S70_MEMORY,
    &BR104_MEMORY,
    &BI_V100_INT8,
];

pub static BIREN_TABLE_VS_PRODUCTS: DataNote = DataNote {
    id: "biren-table-vs-products",
    kind: NoteKind::Contradiction,
    figures: &[
        "compare.biren.fp16",
        "compare.biren.memory",
        "compare.biren.power",
        "biren-br100.fp16",
        "biren-br100.memory",
        "biren-br104.fp16",
        "biren-br104.memory",
        "biren-br104.power",
    ],
    doubted: &["compare.biren.fp16"],
    quotes: &[],
    text: Text {
        en: "Biren: the comparison table's 48 GB HBM3 and 300 W are the BR104's, but its 700+ TF FP16 is neither the BR104's 512 TF nor the BR100's 1000 TF peak (which comes with 64 GB HBM2e).",
        zh: "壁仞：对比表中的 48GB HBM3 与 300W 属于 BR104，但其 700+ TF FP16 既不是 BR104 的 512 TF，也不是 BR100 的 1000 TF 峰值（BR100 配 64GB HBM2e）。",
    },
    sources: &[],
    from_crosscheck: true,
};

pub static ILUVATAR_TRAINING_CARD: DataNote = DataNote {
    id: "iluvatar-training-card",
    kind: NoteKind::Observation,
    figures: &[
        "compare.iluvatar.fp16",
        "compare.iluvatar.memory",
        "iluvatar-mr-v200.fp16",
        "iluvatar-mr-v200.memory",
        "iluvatar.resnet-vs-t4",
        "iluvatar.bert-vs-t4",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "Iluvatar: the table's 350 TF and 64 GB HBM3 are the MR-V200 training card. The report's only performance data for Iluvatar, 80-90% of an NVIDIA T4 on ResNet-50 and BERT, does not say which card it measured; it cannot be the MR-V200, which the table puts above an A100.",
        zh: "天数智芯：对比表中的 350 TF、64GB HBM3 属于 MR-V200 训练卡。报告中天数智芯唯一的性能数据（ResNet-50 与 BERT 达到 NVIDIA T4 的 80-90%）没有说明测的是哪张卡；不可能是 MR-V200，因为对比表把它排在 A100 之上。",
    },
    sources: &[],
    from_crosscheck: true,
};

pub static MTT_S80_TF32: DataNote = DataNote {
    id: "mtt-s80-tf32",
    kind: NoteKind::Implausible,
    figures: &["mtt-s80.fp16", "mtt-s80.tf32", "compare.a100.fp16"],
    doubted: &["mtt-s80.fp16", "mtt-s80.tf32"],
    quotes: &[],
    text: Text {
        en: "Moore Threads MTT S80: TF32+ (768 TF) is listed at twice FP16 (384 TF). On tensor cores TF32 runs at half the FP16 rate or less (the A100's datasheet: 156 against 312 TF), so one of the two cannot be right. The MTT S80's published specification at its launch in 2022 (a graphics card: 14.4 TFLOPS FP32, 16 GB GDDR6, as reported by the press) matches neither.",
        zh: "摩尔线程 MTT S80：TF32+（768 TF）被写成 FP16（384 TF）的两倍。在张量核心上 TF32 的速率至多是 FP16 的一半（A100 数据手册：156 对 312 TF），两者不可能都对。MTT S80 在 2022 年发布时公开的规格（显卡：FP32 14.4 TFLOPS，16GB GDDR6，据媒体报道）与两者都不符。",
    },
    sources: &[&MTT_S80_LAUNCH],
    from_crosscheck: true,
};

pub static MIG_SEVEN_VS_EIGHTH: DataNote = DataNote {
    id: "mig-seven-vs-eighth",
    kind: NoteKind::Contradiction,
    figures: &["h100.mig-instances", "mig.slice"],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "MIG: “up to 7 instances” and “1/8 GPU instances” in the same section. Both hold on the hardware: memory is cut in eighths, compute in sevenths, so 7 instances at most, each with 1/8 of the memory. The A100 already had both; neither is new in “MIG 2.0”.",
        zh: "MIG：同一章节中既说“最多 7 个实例”，又说“支持 1/8 GPU 实例”。两者在硬件上都成立：显存按八分之一切分、算力按七分之一切分，所以最多 7 个实例、每个有 1/8 显存。A100 已经如此，二者都不是“MIG 2.0”的新特性。",
    },
    sources: &[&NVIDIA_MIG],
    from_crosscheck: true,
};

pub static STARTUP_STARS: DataNote = DataNote {
    id: "startup-stars",
    kind: NoteKind::Observation,
    figures: &[
        "compare.gvisor.startup",
        "compare.gvisor.startup-stars",
        "compare.firecracker.startup",
        "compare.firecracker.startup-stars",
        "compare.kata.startup",
        "compare.kata.startup-stars",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "Startup stars are coarse buckets: Firecracker (~125 ms) gets the same 4 stars as gVisor (~100 ms), Kata (~200 ms) gets 3. No faster technology gets fewer stars, but a 25 ms gap and a 75 ms gap look alike or not depending on where the bucket edge falls.",
        zh: "启动星级是粗略分档：Firecracker（约 125ms）与 gVisor（约 100ms）同为 4 星，Kata（约 200ms）为 3 星。没有哪项更快的技术得星更少，但 25ms 与 75ms 的差距看起来是否相同，取决于分档边界落在哪里。",
    },
    sources: &[],
    from_crosscheck: true,
};

pub static STARTUP_DOCKER_VS_SANDBOXES: DataNote = DataNote {
    id: "startup-docker-vs-sandboxes",
    kind: NoteKind::Contradiction,
    figures: &[
        "compare.docker.startup",
        "compare.gvisor.startup",
        "compare.kata.startup",
    ],
    doubted: &[
        "compare.docker.startup",
        "compare.gvisor.startup",
        "compare.kata.startup",
    ],
    quotes: &[("lightv", "OCI兼容: 完整Docker/Podman支持")],
    text: Text {
        en: "The startup comparison gives Docker 1-5 s but gVisor ~100 ms and Kata ~200 ms, though both run as runtimes under Docker or containerd (the report: Kata has “full Docker/Podman support”) and do more work than runc. The numbers time different things: a sandbox layer alone against a whole engine. One benchmark through docker run: runc 607 ms, gVisor 708 ms, Kata 1747 ms.",
        zh: "启动时间对比给出 Docker 1-5 秒，gVisor 约 100ms、Kata 约 200ms，但这两者都是在 Docker 或 containerd 之下运行的运行时（报告：Kata“完整支持 Docker/Podman”），做的事比 runc 更多。这些数字测的不是同一件事：一边只是沙箱层，一边是整个引擎。一项经 docker run 的基准测试：runc 607ms，gVisor 708ms，Kata 1747ms。",
    },
    sources: &[&QUARK_BENCH],
    from_crosscheck: false,
};

pub static FIRECRACKER_CONFIDENTIAL: DataNote = DataNote {
    id: "firecracker-confidential",
    kind: NoteKind::Contradiction,
    figures: &[],
    doubted: &[],
    quotes: &[
        ("selection", "理由: 硬件级隔离,机密计算支持"),
        ("lightv", "Confidential Containers(CoCo): TEE支持"),
    ],
    text: Text {
        en: "The high-security recommendation names Kata and Firecracker for “hardware isolation, confidential computing support”, but the report's Firecracker profile lists no TEE or confidential-computing feature; its one TEE entry is Kata's Confidential Containers.",
        zh: "高安全需求的推荐把 Kata 与 Firecracker 并列，理由是“硬件级隔离，机密计算支持”，但报告对 Firecracker 的介绍没有列出任何 TEE 或机密计算特性；报告唯一的 TEE 条目是 Kata 的 Confidential Containers。",
    },
    sources: &[&FIRECRACKER_README],
    from_crosscheck: false,
};

pub static HYGON_VALUE: DataNote = DataNote {
    id: "hygon-value",
    kind: NoteKind::Contradiction,
    figures: &[
        "hygon.price-selection",
        "compare.hygon.fp16",
        "compare.hygon.price",
        "compare.moore-threads.fp16",
        "compare.moore-threads.price",
        "compare.iluvatar.fp16",
        "compare.iluvatar.price",
        "compare.biren.fp16",
        "compare.biren.price",
    ],
    doubted: &["hygon.price-selection"],
    quotes: &[("selection", "性价比优先:")],
    text: Text {
        en: "Under “value first” the selection advice names Hygon's DCU, but by the comparison table's own figures Hygon gives the least FP16 compute per yuan of the four Chinese cards: about 4 TF per ¥10k (200+ TF at ~¥50k), against about 5.5 to 8.8 for the others. Its other reason, low porting cost through ROCm, is not about price.",
        zh: "“性价比优先”的选型建议推荐海光 DCU，但按对比表自己的数字，海光在四款国产卡中每元 FP16 算力最低：约 4 TF/万元（200+ TF、约 ¥50k），其他三款约 5.5 至 8.8。它的另一条理由“ROCm 兼容、迁移成本低”与价格无关。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static STARTUP_BOUND_VS_APPROXIMATE: DataNote = DataNote {
    id: "startup-bound-vs-approximate",
    kind: NoteKind::Observation,
    figures: &[
        "firecracker.startup",
        "compare.firecracker.startup",
        "kata.startup",
        "compare.kata.startup",
        "gvisor.startup",
        "compare.gvisor.startup",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "The technology profiles give startup times as upper bounds (<125 ms, <200 ms, <100 ms); the comparison list gives the same numbers as approximate values (~125 ms, ~200 ms, ~100 ms). A bound and a typical value are different claims.",
        zh: "技术介绍中的启动时间是上限（<125ms、<200ms、<100ms），对比列表却把同样的数字写成约数（~125ms、~200ms、~100ms）。上限与典型值是两种不同的说法。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static ILUVATAR_85_90: DataNote = DataNote {
    id: "iluvatar-85-90",
    kind: NoteKind::Observation,
    figures: &[
        "iluvatar.perf-relative",
        "iluvatar.resnet-vs-t4",
        "iluvatar.bert-vs-t4",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "The selection advice calls Iluvatar's performance “85-90%” without saying of what. Next to advice that names the H100 and a table measured against the A100, it reads as a share of NVIDIA's flagship; its only source in the report is ResNet-50 against an NVIDIA T4, an inference card (BERT-Large: 80-85%).",
        zh: "选型建议称天数智芯“性能85-90%”，却未说明相对于什么。旁边的建议提到 H100，对比表以 A100 为参照，读来像是 NVIDIA 旗舰的 85-90%；而报告中唯一的出处是 ResNet-50 相对推理卡 NVIDIA T4 的成绩（BERT-Large 为 80-85%）。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static MARKET_GROWTH: DataNote = DataNote {
    id: "market-growth",
    kind: NoteKind::Observation,
    figures: &["market.size-2025", "market.growth", "market.forecast-2027"],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "An arithmetic check: 35% a year from about USD 15 bn in 2025 gives about USD 27.3 bn in 2027; the forecast of 28 bn implies about 37% a year. Close, given that the base is approximate.",
        zh: "算术核对：从 2025 年约 150 亿美元按每年 35% 增长，2027 年约为 273 亿美元；280 亿的预测对应每年约 37%。考虑到基数是约数，两者接近。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static GVISOR_GAIN: DataNote = DataNote {
    id: "gvisor-gain",
    kind: NoteKind::Observation,
    figures: &[
        "gvisor.perf-vs-2023",
        "delta.gvisor.overall",
        "podman.sqlite-gain",
        "delta.podman.db",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "Gains without a benchmark: gVisor is “50%+” faster than in 2023 in its profile and “+50%” in “overall performance” in the summary table; Podman's SQLite backend is “50%+” and “+50%” in database operations. Neither names what was measured or how.",
        zh: "没有基准的提升：gVisor 在技术介绍中比 2023 年快“50%+”，在汇总表中“整体性能”为“+50%”；Podman 的 SQLite 后端为“50%+”，汇总表中数据库操作为“+50%”。两处都没有说明测了什么、怎么测。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static PODMAN_TIME_AS_GAIN: DataNote = DataNote {
    id: "podman-time-as-gain",
    kind: NoteKind::Observation,
    figures: &[
        "podman-4.ps",
        "podman-5.ps",
        "podman-5.ps-gain",
        "podman-4.start10",
        "podman-5.start10",
        "podman-5.start10-gain",
        "delta.podman.container-start",
    ],
    doubted: &[],
    quotes: &[],
    text: Text {
        en: "Podman 5.0's “53%” and “40%” are cuts in time (150 to 70 ms, 5 to 3 s); the summary table then writes the 40% as “+40%” container start, beside gains in throughput. As a speed, 5 s to 3 s is 67% faster.",
        zh: "Podman 5.0 的“53%”与“40%”是耗时的缩短（150 到 70ms、5 到 3 秒）；汇总表却把 40% 写成容器启动“+40%”，与吞吐量的提升并列。按速度算，5 秒到 3 秒是快了 67%。",
    },
    sources: &[],
    from_crosscheck: false,
};

pub static PODMAN_FARM_RUNS: DataNote = DataNote {
    id: "podman-farm-runs",
    kind: NoteKind::Implausible,
    figures: &[],
    doubted: &[],
    quotes: &[
        ("podman-5", "类Kubernetes的轻量级编排:"),
        ("podman-5", "podman --farm myfarm run -d nginx:alpine"),
        ("selection", "多节点编排(Farm)"),
    ],
    text: Text {
        en: "Podman Farm: the report calls it “Kubernetes-like lightweight orchestration” and shows a farm running containers “distributed automatically”. Podman's documentation describes farms for builds only: the commands are build, create, list, remove and update; there is no farm “run” and no “--farm” option. A farm builds images for several architectures; it does not schedule containers.",
        zh: "Podman Farm：报告称其为“类 Kubernetes 的轻量级编排”，并演示在 Farm 上“自动分布”地运行容器。Podman 文档中的 Farm 只用于构建：子命令只有 build、create、list、remove、update，没有 farm run，也没有 --farm 选项。Farm 为多种架构构建镜像，并不调度容器。",
    },
    sources: &[&PODMAN_FARM],
    from_crosscheck: false,
};

pub static MOORE_THREADS_COLUMN: DataNote = DataNote {
    id: "moore-threads-column",
    kind: NoteKind::Implausible,
    figures: &[
        "compare.moore-threads.fp16",
        "compare.moore-threads.memory",
        "compare.moore-threads.power",
        "mtt-s80.memory",
        "mtt-s80.power",
    ],
    doubted: &[
        "compare.moore-threads.fp16",
        "compare.moore-threads.memory",
        "compare.moore-threads.power",
        "mtt-s80.memory",
        "mtt-s80.power",
    ],
    quotes: &[],
    text: Text {
        en: "Moore Threads: the comparison table's column repeats the MTT S80 (384 TF FP16, 64 GB GDDR6X, 350 W). The MTT S80 as launched and sold is a graphics card with 16 GB GDDR6 and 255 W, and 14.4 TFLOPS FP32; no source gives it 64 GB or GDDR6X. Moore Threads' data-centre card, the MTT S4000, has 48 GB GDDR6 and about 100 TFLOPS FP16.",
        zh: "摩尔线程：对比表这一列重复的是 MTT S80 的数据（384 TF FP16，64GB GDDR6X，350W）。发布并销售的 MTT S80 是一款显卡，16GB GDDR6，255W，FP32 14.4 TFLOPS；没有任何来源说它有 64GB 或 GDDR6X。摩尔线程的数据中心卡 MTT S4000 为 48GB GDDR6，FP16 约 100 TFLOPS。",
    },
    sources: &[&MTT_S80_TOMSHW, &MTT_S80_LAUNCH, &MTT_S4000_IOTECH],
    from_crosscheck: false,
};

pub static MTT_S70_MEMORY: DataNote = DataNote {
    id: "mtt-s70-memory",
    kind: NoteKind::Implausible,
    figures: &["mtt-s70.memory"],
    doubted: &["mtt-s70.memory"],
    quotes: &[],
    text: Text {
        en: "MTT S70: the report gives it 48 GB GDDR6X. At its launch in 2023 the S70 had 7 GB GDDR6 (the S80 has 16 GB); 48 GB is the memory of the MTT S4000, and GDDR6, not GDDR6X.",
        zh: "MTT S70：报告称其显存为 48GB GDDR6X。S70 在 2023 年发布时为 7GB GDDR6（S80 为 16GB）；48GB 是 MTT S4000 的显存，而且是 GDDR6，不是 GDDR6X。",
    },
    sources: &[&MTT_S70_PUREPC, &MTT_S4000_IOTECH],
    from_crosscheck: false,
};

pub static BR104_MEMORY: DataNote = DataNote {
    id: "br104-memory",
    kind: NoteKind::Implausible,
    figures: &["biren-br104.memory", "biren-br104.fp16"],
    doubted: &["biren-br104.memory"],
    quotes: &[("gpu", "BR104(2024)")],
    text: Text {
        en: "Biren BR104: the report lists it as a 2024 card with 48 GB HBM3. It was announced in August 2022 with the BR100, with 32 GB HBM2E, 300 W and 512 TFLOPS, stated in BF16 (Biren gives no FP16 figure).",
        zh: "壁仞 BR104：报告把它列为 2024 年的卡，配 48GB HBM3。它于 2022 年 8 月与 BR100 一同发布，配 32GB HBM2E、300W，512 TFLOPS 是 BF16 数据（壁仞未给出 FP16 数据）。",
    },
    sources: &[&BIREN_TOMSHW],
    from_crosscheck: false,
};

pub static BI_V100_INT8: DataNote = DataNote {
    id: "bi-v100-int8",
    kind: NoteKind::Implausible,
    figures: &["iluvatar-bi-v100.int8", "iluvatar-bi-v100.memory"],
    doubted: &["iluvatar-bi-v100.int8"],
    quotes: &[],
    text: Text {
        en: "Iluvatar BI-V100 (Tiangai 100): the report gives 128 INT8 TOPS. At its launch in 2021 it was stated at 295 TOPS INT8 and 147 TFLOPS FP16; its 32 GB HBM2 agrees.",
        zh: "天数智芯 BI-V100（天垓100）：报告给出 128 INT8 TOPS。它在 2021 年发布时标称 INT8 295 TOPS、FP16 147 TFLOPS；32GB HBM2 一致。",
    },
    sources: &[&ILUVATAR_GOLEM, &ILUVATAR_FLAGPERF],
    from_crosscheck: false,
};

pub static MR_V100_INFERENCE: DataNote = DataNote {
    id: "mr-v100-inference",
    kind: NoteKind::Observation,
    figures: &["iluvatar-mr-v100.fp16", "iluvatar-mr-v100.memory"],
    doubted: &[],
    quotes: &[("gpu", "CoreX MR系列(训练)")],
    text: Text {
        en: "Iluvatar MR series: the report files it under training. The MR-V100 is the Zhikai 100, listed among inference accelerators in a public benchmark suite; its 180 TF FP16 has no public source.",
        zh: "天数智芯 MR 系列：报告将其归为训练卡。MR-V100 即智铠100，在公开的基准测试套件中列为推理加速卡；其 180 TF FP16 找不到公开来源。",
    },
    sources: &[&ILUVATAR_MR_V100_INFERENCE],
    from_crosscheck: false,
};

pub static DYNAMIC_MIG: DataNote = DataNote {
    id: "dynamic-mig",
    kind: NoteKind::Implausible,
    figures: &[],
    doubted: &[],
    quotes: &[("gpu", "动态MIG配置(实验性): 在线调整,无需重启")],
    text: Text {
        en: "“Dynamic MIG: adjusted online, no restart”. Once a GPU is in MIG mode, instances are created and removed without a reset, but only while idle; NVIDIA's GPU Operator stops every GPU pod on the node before it changes the split and may reboot the node to turn MIG mode on. The only experimental dynamic MIG is the DRA driver's DynamicMIG gate: alpha and off by default, it creates an instance per claim. No source says an instance can be resized while it runs.",
        zh: "“动态 MIG 配置：在线调整，无需重启”。GPU 进入 MIG 模式后，创建和删除实例无需重置，但实例必须空闲；NVIDIA GPU Operator 在改变分区前会停止节点上所有 GPU Pod，开启 MIG 模式时可能重启节点。唯一“实验性”的动态 MIG 是 DRA 驱动的 DynamicMIG 开关：Alpha、默认关闭，为每个申领创建实例。没有任何来源说实例可以在运行中调整大小。",
    },
    sources: &[&GPU_OPERATOR_MIG, &NVIDIA_DRA_DYNAMIC_MIG],
    from_crosscheck: false,
};

pub static DCGM_MIG: DataNote = DataNote {
    id: "dcgm-mig",
    kind: NoteKind::Observation,
    figures: &[],
    doubted: &[],
    quotes: &[("gpu", "DCGM 3.x: MIG级别监控")],
    text: Text {
        en: "“DCGM 3.x: MIG-level monitoring” among MIG 2.0's new features: DCGM has attributed GPU telemetry to MIG devices since version 2.0.13, in October 2020.",
        zh: "报告把“DCGM 3.x：MIG 级别监控”列为 MIG 2.0 的新特性：DCGM 自 2020 年 10 月的 2.0.13 版起就已将 GPU 遥测归属到 MIG 设备。",
    },
    sources: &[&DCGM_2_0],
    from_crosscheck: false,
};

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
        id: "h100",
        topic: Topic::Gpus,
        claims: &["h100.memory", "h100.bandwidth", "h100.nvlink"],
        claim_text: None,
        figure: Text {
            en: "H100 SXM5: 989 TFLOPS dense FP16 Tensor (1,979 with sparsity), 80 GB HBM3, 3.35 TB/s (3 TB/s was the launch figure), 700 W, NVLink 900 GB/s. H100 PCIe: 756 TFLOPS, 80 GB HBM2e, 2 TB/s, 350 W, NVLink 600 GB/s",
            zh: "H100 SXM5：FP16 Tensor 稠密 989 TFLOPS（稀疏 1979），80GB HBM3，3.35TB/s（3TB/s 是发布时的数字），700W，NVLink 900GB/s。H100 PCIe：756 TFLOPS，80GB HBM2e，2TB/s，350W，NVLink 600GB/s",
        },
        source: "AnandTech, H100 NVL announcement (spec table)",
        links: &[&ANANDTECH_H100_NVL],
        caution: false,
    },
    IndependentFigure {
        id: "h200",
        topic: Topic::Gpus,
        claims: &["h200.memory", "h200.bandwidth"],
        claim_text: None,
        figure: Text {
            en: "141 GB HBM3e, 4.8 TB/s (the report agrees); the SXM5 card keeps the H100's 700 W and its compute, about 989 TFLOPS dense FP16",
            zh: "141GB HBM3e，4.8TB/s（与报告一致）；SXM5 版保持 H100 的 700W 与算力，FP16 稠密约 989 TFLOPS",
        },
        source: "NVIDIA TensorRT-LLM H200 launch blog; Geektopia; itkb.uw.cz",
        links: &[&NVIDIA_H200_BLOG, &GEEKTOPIA_H200, &H200_DENSE],
        caution: false,
    },
    IndependentFigure {
        id: "a100",
        topic: Topic::Gpus,
        claims: &[
            "compare.a100.fp16",
            "compare.a100.memory",
            "compare.a100.power",
        ],
        claim_text: None,
        figure: Text {
            en: "A100 80GB SXM4: 312 TFLOPS FP16 Tensor, dense (624 with sparsity), 80 GB HBM2e, 2.0 TB/s, 400 W: the report's column is this card, like with like",
            zh: "A100 80GB SXM4：FP16 Tensor 稠密 312 TFLOPS（稀疏 624），80GB HBM2e，2.0TB/s，400W：报告的这一列正是此卡，口径一致",
        },
        source: "AnandTech, A100 80GB announcement (spec table)",
        links: &[&ANANDTECH_A100_80GB],
        caution: false,
    },
    IndependentFigure {
        id: "mtt-s80",
        topic: Topic::Gpus,
        claims: &["mtt-s80.fp16", "mtt-s80.memory", "mtt-s80.power"],
        claim_text: None,
        figure: Text {
            en: "A graphics card: 14.4 TFLOPS FP32, 16 GB GDDR6 (256-bit, 448 GB/s), 255 W, launched November 2022; no FP16 figure published",
            zh: "一款显卡：FP32 14.4 TFLOPS，16GB GDDR6（256 位，448GB/s），255W，2022 年 11 月发布；未公布 FP16 数据",
        },
        source: "Tom's Hardware Italia; chip.pl",
        links: &[&MTT_S80_TOMSHW, &MTT_S80_LAUNCH],
        caution: false,
    },
    IndependentFigure {
        id: "mtt-s4000",
        topic: Topic::Gpus,
        claims: &["mtt-s70.memory"],
        claim_text: None,
        figure: Text {
            en: "Moore Threads' data-centre card is the MTT S4000: 100 TFLOPS FP16/BF16 at launch (98 in later figures), 48 GB GDDR6 (not GDDR6X), 768 GB/s, up to 450 W, December 2023. The report's 48 GB for the S70 is the S4000's; the S70 has 7 GB",
            zh: "摩尔线程的数据中心卡是 MTT S4000：FP16/BF16 发布时 100 TFLOPS（后来的数据为 98），48GB GDDR6（不是 GDDR6X），768GB/s，最大 450W，2023 年 12 月。报告给 S70 的 48GB 是 S4000 的；S70 为 7GB",
        },
        source: "io-tech.fi; ITBEAR; PurePC",
        links: &[&MTT_S4000_IOTECH, &MTT_S4000_ITBEAR, &MTT_S70_PUREPC],
        caution: false,
    },
    IndependentFigure {
        id: "biren-cards",
        topic: Topic::Gpus,
        claims: &[
            "biren-br100.fp16",
            "biren-br100.memory",
            "biren-br104.fp16",
            "biren-br104.memory",
            "biren-br104.power",
        ],
        claim_text: None,
        figure: Text {
            en: "BR100: 1,024 TFLOPS BF16 (Biren gives no FP16 figure), 64 GB HBM2E, 550 W, OAM module. BR104: 512 TFLOPS BF16, 32 GB HBM2E, 300 W, PCIe card. Both announced in August 2022",
            zh: "BR100：BF16 1024 TFLOPS（壁仞未给出 FP16 数据），64GB HBM2E，550W，OAM 模组。BR104：BF16 512 TFLOPS，32GB HBM2E，300W，PCIe 卡。两者均于 2022 年 8 月发布",
        },
        source: "Tom's Hardware, Biren BR100 and BR104",
        links: &[&BIREN_TOMSHW],
        caution: false,
    },
    IndependentFigure {
        id: "iluvatar-cards",
        topic: Topic::Gpus,
        claims: &[
            "iluvatar-bi-v100.int8",
            "iluvatar-bi-v100.memory",
            "iluvatar-mr-v100.fp16",
        ],
        claim_text: None,
        figure: Text {
            en: "BI-V100 (Tiangai 100): 147 TFLOPS FP16/BF16, 295 TOPS INT8, 32 GB HBM2, 1.2 TB/s, 300 W, in production from April 2021. MR-V100 (Zhikai 100) is an inference card; no rated figures found. Nothing found on an MR-V200",
            zh: "BI-V100（天垓100）：FP16/BF16 147 TFLOPS，INT8 295 TOPS，32GB HBM2，1.2TB/s，300W，2021 年 4 月量产。MR-V100（智铠100）是推理卡，未找到其额定数据。未找到任何关于 MR-V200 的资料",
        },
        source: "FlagPerf (BAAI), Iluvatar vendor text; Golem.de; FlagPerf inference benchmarks",
        links: &[
            &ILUVATAR_FLAGPERF,
            &ILUVATAR_GOLEM,
            &ILUVATAR_MR_V100_INFERENCE,
        ],
        caution: false,
    },
    IndependentFigure {
        id: "hygon-dcu",
        topic: Topic::Gpus,
        claims: &["hygon-z100.fp16", "hygon-z100.memory"],
        claim_text: None,
        figure: Text {
            en: "Only the memory could be confirmed: a Z100L with 32 GB in a benchmark's test environment. Hygon publishes no DCU specification we could read, and secondary write-ups contradict each other; no compute figure is confirmed",
            zh: "只能确认显存：某基准测试环境中的 Z100L 为 32GB。海光未公开可查阅的 DCU 规格，二手资料相互矛盾；算力数据均无法确认",
        },
        source: "FlagPerf (BAAI), Hygon DCU test environment",
        links: &[&HYGON_FLAGPERF],
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
    fn the_doubting_notes_are_those_of_all_notes_that_doubt_a_figure() {
        let doubting: Vec<&str> = DATA_NOTES
            .iter()
            .filter(|n| !n.doubted.is_empty())
            .map(|n| n.id)
            .collect();
        let listed: Vec<&str> = DOUBTING_NOTES.iter().map(|n| n.id).collect();
        assert_eq!(listed, doubting);
    }

    #[test]
    fn notes_quote_the_report_in_both_places_and_cover_the_crosscheck() {
        const REPORT: &str = include_str!("../../data/report.zh.md");
        for note in DATA_NOTES {
            for id in note.figures {
                assert!(figure(id).is_some(), "{}: unknown figure {id}", note.id);
            }
            for id in note.doubted {
                assert!(
                    note.figures.contains(id),
                    "{}: doubts {id}, which it does not show",
                    note.id
                );
            }
            for (section, zh) in note.quotes {
                assert!(crate::data::sections::section(section).is_some());
                assert!(
                    REPORT.contains(zh),
                    "{}: {zh:?} is not in the report",
                    note.id
                );
            }
            let places = note.figures.len() + note.quotes.len();
            match note.kind {
                NoteKind::Contradiction => assert!(
                    places >= 2,
                    "{}: a contradiction quotes both places",
                    note.id
                ),
                NoteKind::Implausible => {
                    assert!(places >= 1, "{}: quotes the report", note.id);
                    assert!(
                        !note.sources.is_empty(),
                        "{}: says what is known otherwise, with a source",
                        note.id
                    );
                }
                NoteKind::Observation => assert!(places >= 1, "{}: quotes the report", note.id),
            }
        }
        assert_eq!(DATA_NOTES.iter().filter(|n| n.from_crosscheck).count(), 5);
        assert!(
            DATA_NOTES.len() > 5,
            "at least one inconsistency beyond crosscheck.md"
        );
        let mut ids: Vec<&str> = DATA_NOTES.iter().map(|n| n.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), DATA_NOTES.len());
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
            assert!(!f.links.is_empty(), "{}: no link to its source", f.id);
        }
    }
}
