//! The seven isolation technologies the wizard chooses between, with what each can
//! and cannot do: the evidence table. Every level rests on the report's words (a
//! figure or a verbatim quote with its section), an independent source (`sources.rs`),
//! or both; where the two disagree the level follows the source and says what the
//! report says instead. Isolation is the report's rating (by figure id).

use crate::base::answers::{Artifact, Place};
use crate::base::lang::{Text, text};
use crate::data::sources::*;

/// How far a technology does something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    No,
    /// With an extra layer, with limits, or claimed without detail.
    Partial,
    Yes,
}

/// The report's words behind a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportWords {
    /// A figure of the dataset (its id in `data/figures.tsv`), with its quote.
    Figure(&'static str),
    /// A statement, verbatim, and the id of the section that makes it.
    Quote {
        section: &'static str,
        zh: &'static str,
    },
}

/// What a level rests on: the reasoning in words, the report's words where it has
/// some, and an independent source where one exists. At least one of the two.
#[derive(Clone, Copy, Debug)]
pub struct Basis {
    pub text: Text,
    pub report: Option<ReportWords>,
    pub sources: &'static [&'static Source],
    /// Where the level follows the sources against the report: what the report says.
    pub report_differs: Option<Text>,
}

/// A level (yes / partly / no, or a 0-5 rating) with what it rests on.
#[derive(Clone, Copy, Debug)]
pub struct Judged<L> {
    pub level: L,
    pub basis: Basis,
}

/// A yes / partly / no with what it rests on.
pub type Support = Judged<Level>;

/// A 0-5 rating with what it rests on.
pub type Rating = Judged<u8>;

const fn judged<L>(level: L, en: &'static str, zh: &'static str) -> Judged<L> {
    Judged {
        level,
        basis: Basis {
            text: text(en, zh),
            report: None,
            sources: &[],
            report_differs: None,
        },
    }
}

const fn yes(en: &'static str, zh: &'static str) -> Support {
    judged(Level::Yes, en, zh)
}
const fn partly(en: &'static str, zh: &'static str) -> Support {
    judged(Level::Partial, en, zh)
}
const fn no(en: &'static str, zh: &'static str) -> Support {
    judged(Level::No, en, zh)
}
const fn rated(level: u8, en: &'static str, zh: &'static str) -> Rating {
    judged(level, en, zh)
}

impl<L: Copy> Judged<L> {
    /// The report's words: a verbatim quote of section `section`.
    const fn says(mut self, section: &'static str, zh: &'static str) -> Self {
        self.basis.report = Some(ReportWords::Quote { section, zh });
        self
    }

    /// The report's words: a figure of the dataset.
    const fn figure(mut self, id: &'static str) -> Self {
        self.basis.report = Some(ReportWords::Figure(id));
        self
    }

    /// Independent sources, the main one first.
    const fn sources(mut self, sources: &'static [&'static Source]) -> Self {
        self.basis.sources = sources;
        self
    }

    /// The level follows the source, and the report says otherwise: what it says.
    const fn report_differs(mut self, en: &'static str, zh: &'static str) -> Self {
        self.basis.report_differs = Some(text(en, zh));
        self
    }
}

/// What a start is measured against the wizard's budget: the time the isolation
/// layer itself takes to start a workload, with the container engine's own overhead
/// apart (image pulls, the daemon, the CLI), so that every technology is timed the
/// same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StartFrom {
    /// A figure of the report (id).
    Figure(&'static str),
    /// An independent measurement, in ms, from the basis's source.
    Measured(f64),
    /// No slower than another technology's (by code): it does part of that one's
    /// work under the same engine.
    AtMostThatOf(&'static str),
}

/// The start the wizard's budget is checked against, with what it rests on.
pub type Start = Judged<StartFrom>;

/// One technology.
#[derive(Clone, Copy, Debug)]
pub struct Technology {
    /// Its id in links and markup (`data-tech`).
    pub code: &'static str,
    /// Its id in `data/items.tsv`, whose figures it has.
    pub item: &'static str,
    pub name: Text,
    /// What it is, in a line.
    pub what: Text,
    /// The report's startup time (figure id), as the report compares them.
    pub startup: &'static str,
    /// What the startup budget is checked against: the isolation layer's own start.
    pub start: Start,
    /// A faster start the report also states (Firecracker's snapshot restore).
    pub fast_start: Option<&'static str>,
    /// The report's isolation rating (figure id).
    pub isolation: &'static str,
    /// The report's startup rating (figure id).
    pub startup_stars: &'static str,
    /// Runs each kind of artifact: OCI image, Wasm module, unikernel, full OS image.
    pub artifacts: PerArtifact<Support>,
    /// Needs hardware virtualization (KVM) on the hosts.
    pub needs_kvm: Support,
    pub gpu: Support,
    pub tee: Support,
    /// How well it fits each place: Kubernetes, serverless, edge, CI.
    pub fit: PerPlace<Rating>,
    /// Runs existing software unchanged.
    pub compatibility: Rating,
    /// Small memory and image.
    pub footprint: Rating,
    pub maturity: Rating,
    /// Cheap to run: no special hardware, high density.
    pub cost: Rating,
    /// Little run-time overhead against a plain process.
    pub overhead: Rating,
}

/// One value for each kind of artifact the wizard asks about, by name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerArtifact<T> {
    pub oci: T,
    pub wasm: T,
    pub unikernel: T,
    pub vm: T,
}

impl<T: Copy> PerArtifact<T> {
    pub const fn get(&self, artifact: Artifact) -> T {
        match artifact {
            Artifact::Oci => self.oci,
            Artifact::Wasm => self.wasm,
            Artifact::Unikernel => self.unikernel,
            Artifact::Vm => self.vm,
        }
    }
}

/// One value for each place the wizard asks about, by name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerPlace<T> {
    pub k8s: T,
    pub serverless: T,
    pub edge: T,
    pub ci: T,
}

impl<T: Copy> PerPlace<T> {
    pub const fn get(&self, place: Place) -> T {
        match place {
            Place::K8s => self.k8s,
            Place::Serverless => self.serverless,
            Place::Edge => self.edge,
            Place::Ci => self.ci,
        }
    }
}

pub const RUNC: Technology = Technology {
    code: "runc",
    item: "docker",
    name: text("Standard containers (runc, crun)", "标准容器（runc、crun）"),
    what: text(
        "Docker or Podman with runc or crun: namespaces and cgroups on the host's kernel",
        "Docker 或 Podman 配合 runc/crun：在宿主机内核上使用命名空间与 cgroup",
    ),
    startup: "compare.docker.startup",
    start: Judged {
        level: StartFrom::AtMostThatOf("gvisor"),
        basis: Basis {
            text: text(
                "No slower than gVisor: runc sets up namespaces and cgroups; gVisor's runsc does the same and then starts its user-space kernel, under the same engine. Through docker run, one benchmark measured 607 ms with runc against 708 ms with gVisor",
                "不慢于 gVisor：runc 只设置命名空间与 cgroup；gVisor 的 runsc 在同一引擎下做同样的事，再启动用户态内核。一项基准测试中 docker run 使用 runc 为 607ms，使用 gVisor 为 708ms",
            ),
            report: Some(ReportWords::Figure("compare.docker.startup")),
            sources: &[&QUARK_BENCH, &RUNC_README],
            report_differs: Some(text(
                "The report's comparison gives Docker 1-5 s against gVisor's ~100 ms: a whole engine's start against a runtime's",
                "报告的对比给出 Docker 1-5 秒、gVisor 约 100ms：这是拿整个引擎的启动与一个运行时的启动相比",
            )),
        },
    },
    fast_start: None,
    isolation: "compare.docker.isolation-stars",
    startup_stars: "compare.docker.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "Runs OCI images: it is the reference runtime",
            "运行 OCI 镜像：它就是参考运行时",
        )
        .sources(&[&RUNC_README]),
        wasm: partly(
            "A Wasm runtime inside a container image, or Docker's runwasi shims beside runc",
            "把 Wasm 运行时装进容器镜像，或使用 Docker 在 runc 之外提供的 runwasi shim",
        )
        .says("wasm", "Docker WASM: Docker Desktop技术预览")
        .sources(&[&RUNWASI]),
        unikernel: no(
            "Containers share the host kernel: no guest kernel to boot",
            "容器共享宿主机内核：无法启动客户机内核",
        )
        .sources(&[&RUNC_README]),
        vm: no(
            "Runs processes, not operating-system images",
            "运行进程，而非操作系统镜像",
        )
        .sources(&[&RUNC_README]),
    },
    needs_kvm: no(
        "Needs only Linux namespaces and cgroups",
        "只需要 Linux 命名空间和 cgroup",
    )
    .figure("compare.docker.isolation-stars")
    .sources(&[&RUNC_README]),
    gpu: yes(
        "GPUs through the NVIDIA Container Toolkit and device plugins",
        "通过 NVIDIA Container Toolkit 与设备插件使用 GPU",
    )
    .sources(&[&NVIDIA_CTK]),
    tee: no(
        "A shared kernel is no trusted execution environment: confidential containers run each pod in a TEE-backed VM (Kata) instead",
        "共享内核不构成可信执行环境：机密容器改为把每个 Pod 放进有 TEE 保护的虚拟机（Kata）",
    )
    .sources(&[&COCO]),
    fit: PerPlace {
        k8s: rated(
            5,
            "The default runtime of containerd and CRI-O, which Kubernetes drives",
            "Kubernetes 所驱动的 containerd 与 CRI-O 的默认运行时",
        )
        .sources(&[&K8S_RUNTIME_CLASS]),
        serverless: rated(
            2,
            "A kernel shared between tenants: the serverless platforms the report names all use a sandbox",
            "租户共享内核：报告列出的 Serverless 平台都使用沙箱",
        )
        .says("lightv", "- AWS Lambda: Firecracker"),
        edge: rated(
            3,
            "Light and everywhere, but no isolation from a compromised neighbor; the report's edge and IoT pick is WebAssembly and unikernels",
            "轻量且普及，但无法隔离被攻破的相邻负载；报告对边缘/IoT 的推荐是 WebAssembly 与 Unikernel",
        )
        .says("selection", "推荐: WebAssembly, Unikernel"),
        ci: rated(
            4,
            "The usual CI runner; risky for untrusted pull requests",
            "最常见的 CI 执行器；运行不受信任的 PR 有风险",
        )
        .says("selection", "CI/CD流水线"),
    },
    compatibility: rated(
        5,
        "Runs every OCI image; the report: Docker has “the best compatibility”",
        "运行任何 OCI 镜像；报告：Docker“兼容性最好”",
    )
    .says("selection", "兼容性最好"),
    footprint: rated(
        4,
        "No guest kernel: about 4 MB for an empty container",
        "无客户机内核：空容器约 4MB",
    )
    .sources(&[&GVISOR_DENSITY]),
    maturity: rated(
        5,
        "The report: “the most mature ecosystem”",
        "报告：“最成熟的生态”",
    )
    .says("selection", "最成熟的生态"),
    cost: rated(
        5,
        "No memory beyond the process (0 MB of overhead in one benchmark); any Linux host",
        "除进程本身外没有额外内存（一项基准测试中开销为 0MB）；任何 Linux 主机均可",
    )
    .sources(&[&QUARK_BENCH]),
    overhead: rated(
        5,
        "Native speed: processes on the host kernel (about 1.9 µs per system call)",
        "原生速度：宿主机内核上的进程（每次系统调用约 1.9µs）",
    )
    .sources(&[&GVISOR_SYSCALL]),
};

pub const GVISOR: Technology = Technology {
    code: "gvisor",
    item: "gvisor",
    name: text("gVisor", "gVisor"),
    what: text(
        "A user-space kernel that intercepts the container's system calls",
        "拦截容器系统调用的用户态内核",
    ),
    startup: "compare.gvisor.startup",
    start: Judged {
        level: StartFrom::Figure("compare.gvisor.startup"),
        basis: Basis {
            text: text(
                "The report's ~100 ms, which matches one benchmark's difference through docker run: 708 ms with gVisor against 607 ms with runc",
                "报告的约 100ms，与一项基准测试中 docker run 的差值相符：gVisor 708ms，runc 607ms",
            ),
            report: Some(ReportWords::Figure("compare.gvisor.startup")),
            sources: &[&QUARK_BENCH],
            report_differs: None,
        },
    },
    fast_start: None,
    isolation: "compare.gvisor.isolation-stars",
    startup_stars: "compare.gvisor.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "An OCI runtime (runsc); the report picks it for compatibility",
            "OCI 运行时（runsc）；报告在“兼容性优先”中推荐",
        )
        .says("selection", "推荐: Kata Containers 3.x, gVisor")
        .sources(&[&GVISOR_DOCS]),
        wasm: partly(
            "A Wasm runtime inside a container image",
            "把 Wasm 运行时装进容器镜像",
        )
        .sources(&[&GVISOR_DOCS]),
        unikernel: no(
            "Runs Linux processes, not a unikernel",
            "运行 Linux 进程，而非 Unikernel",
        )
        .sources(&[&GVISOR_DOCS]),
        vm: no(
            "Runs containers, not operating-system images",
            "运行容器，而非操作系统镜像",
        )
        .sources(&[&GVISOR_DOCS]),
    },
    needs_kvm: no(
        "A user-space kernel: its default platform, systrap, needs no virtualization (KVM is an option)",
        "用户态内核：默认平台 systrap 无需虚拟化（KVM 是可选平台）",
    )
    .says("lightv", "用户态内核: 无需虚拟化")
    .sources(&[&GVISOR_PLATFORMS]),
    gpu: partly(
        "NVIDIA GPUs through nvproxy, for supported drivers and CUDA workloads; the report: “GPU support: experimental”",
        "通过 nvproxy 使用 NVIDIA GPU，限于受支持的驱动与 CUDA 负载；报告：“GPU 支持：实验性”",
    )
    .says("lightv", "GPU支持: 实验性")
    .sources(&[&GVISOR_GPU]),
    tee: no(
        "No TEE support: the Confidential Containers project builds on Kata, not gVisor; the report names none",
        "不支持 TEE：Confidential Containers 项目基于 Kata 而非 gVisor；报告也未提及",
    )
    .sources(&[&COCO]),
    fit: PerPlace {
        k8s: rated(
            4,
            "A Kubernetes RuntimeClass (runsc); the report: “good Kubernetes integration”",
            "Kubernetes RuntimeClass（runsc）；报告：“Kubernetes 集成好”",
        )
        .says("selection", "理由: OCI兼容,K8s集成好")
        .sources(&[&K8S_RUNTIME_CLASS]),
        serverless: rated(
            4,
            "Google Cloud Run runs on it, says the report",
            "报告：Google Cloud Run 采用",
        )
        .says("lightv", "- Google Cloud Run: gVisor"),
        edge: rated(
            2,
            "A user-space kernel per sandbox costs memory on small devices: about 24 MB for an empty container",
            "每个沙箱一个用户态内核，在小型设备上占用内存：空容器约 24MB",
        )
        .sources(&[&GVISOR_DENSITY]),
        ci: rated(
            5,
            "The report lists CI/CD environments and untrusted code",
            "报告列出 CI/CD 环境与不受信任代码",
        )
        .says("lightv", "- CI/CD环境"),
    },
    compatibility: rated(
        4,
        "The report picks it for compatibility (OCI, Kubernetes); a user-space kernel does not implement every system call",
        "报告在“兼容性优先”中推荐它（OCI 兼容、Kubernetes 集成）；用户态内核并未实现全部系统调用",
    )
    .says("selection", "理由: OCI兼容,K8s集成好")
    .sources(&[&GVISOR_COMPAT]),
    footprint: rated(
        3,
        "A user-space kernel per sandbox: about 24 MB for an empty container, against 4 MB with runc",
        "每个沙箱一个用户态内核：空容器约 24MB，runc 为 4MB",
    )
    .sources(&[&GVISOR_DENSITY]),
    maturity: rated(
        4,
        "Google Cloud Run runs on it, says the report",
        "报告：Google Cloud Run 采用",
    )
    .says("lightv", "- Google Cloud Run: gVisor"),
    cost: rated(
        4,
        "The report's pick when cost matters: “no virtualization hardware needed”",
        "报告在“成本敏感”中推荐：“无需虚拟化硬件”",
    )
    .says("selection", "理由: 无需虚拟化硬件"),
    overhead: rated(
        3,
        "Every system call goes through the user-space kernel: about 38 µs on the old ptrace platform and 0.8 µs on the KVM platform, against 1.9 µs with runc; systrap, the default since 2023, cut the ptrace cost. System-call- and I/O-heavy work pays the most. The report claims 50%+ faster than in 2023 without saying what was measured",
        "每次系统调用都经过用户态内核：旧 ptrace 平台约 38µs，KVM 平台约 0.8µs，runc 为 1.9µs；2023 年起默认的 systrap 平台降低了 ptrace 的开销。系统调用与 I/O 密集的负载代价最大。报告称比 2023 年快 50%+，但未说明测的是什么",
    )
    .says("lightv", "性能提升: 50%+ (vs 2023)")
    .sources(&[&GVISOR_SYSCALL, &GVISOR_SYSTRAP]),
};

pub const KATA: Technology = Technology {
    code: "kata",
    item: "kata",
    name: text("Kata Containers", "Kata Containers"),
    what: text(
        "Each pod in a lightweight virtual machine, behind the OCI interface",
        "每个 Pod 运行在轻量虚拟机中，对外提供 OCI 接口",
    ),
    startup: "compare.kata.startup",
    start: Judged {
        level: StartFrom::Measured(990.0),
        basis: Basis {
            text: text(
                "Kata's own reference boot on bare metal (Kata 1.x): about 0.99 s with QEMU and virtiofs, 1.10 s with Cloud Hypervisor; through docker run, one benchmark measured 1747 ms with Kata against 607 ms with runc",
                "Kata 自己在裸金属上的参考启动时间（Kata 1.x）：QEMU + virtiofs 约 0.99 秒，Cloud Hypervisor 约 1.10 秒；一项基准测试中 docker run 使用 Kata 为 1747ms，使用 runc 为 607ms",
            ),
            report: Some(ReportWords::Figure("compare.kata.startup")),
            sources: &[&KATA_BOOT, &QUARK_BENCH],
            report_differs: Some(text(
                "The report gives <200 ms (~200 ms in its comparison)",
                "报告给出 <200ms（对比中为约 200ms）",
            )),
        },
    },
    fast_start: None,
    isolation: "compare.kata.isolation-stars",
    startup_stars: "compare.kata.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "The report: “OCI compatible: full Docker and Podman support”",
            "报告：“OCI 兼容：完整支持 Docker/Podman”",
        )
        .says("lightv", "OCI兼容: 完整Docker/Podman支持")
        .sources(&[&KATA_ARCH]),
        wasm: partly(
            "A Wasm runtime inside a container image",
            "把 Wasm 运行时装进容器镜像",
        )
        .sources(&[&KATA_ARCH]),
        unikernel: no(
            "Boots its own guest kernel for containers, not a unikernel",
            "为容器启动自己的客户机内核，而非 Unikernel",
        )
        .sources(&[&KATA_ARCH]),
        vm: no(
            "Runs containers in a VM, not arbitrary OS images",
            "在虚拟机中运行容器，而非任意操作系统镜像",
        )
        .sources(&[&KATA_ARCH]),
    },
    needs_kvm: yes(
        "The report: “hardware virtualization: KVM, QEMU or ACRN”",
        "报告：“硬件虚拟化：KVM/QEMU/ACRN”",
    )
    .says("lightv", "硬件虚拟化: KVM/QEMU/ACRN")
    .sources(&[&KATA_ARCH]),
    gpu: yes(
        "GPU passthrough (VFIO) into the pod's VM; the report: “optimized GPU passthrough” (new in 2025)",
        "通过 VFIO 把 GPU 直通进 Pod 的虚拟机；报告：“GPU 直通优化”（2025 新特性）",
    )
    .says("lightv", "GPU直通优化")
    .sources(&[&KATA_GPU]),
    tee: yes(
        "The report: “Confidential Containers (CoCo): TEE support”",
        "报告：“Confidential Containers（CoCo）：TEE 支持”",
    )
    .says("lightv", "Confidential Containers(CoCo): TEE支持")
    .sources(&[&COCO]),
    fit: PerPlace {
        k8s: rated(
            4,
            "A Kubernetes RuntimeClass; the report lists multi-tenant Kubernetes",
            "Kubernetes RuntimeClass；报告列出多租户 Kubernetes",
        )
        .says("lightv", "多租户Kubernetes")
        .sources(&[&K8S_RUNTIME_CLASS]),
        serverless: rated(
            4,
            "Azure Container Instances and Alibaba Cloud Function Compute run on it, says the report",
            "报告：Azure Container Instances 与阿里云函数计算采用",
        )
        .says("lightv", "- Azure Container Instances: Kata"),
        edge: rated(
            2,
            "The report lists edge computing, but a VM per pod is heavy on small devices",
            "报告列出边缘计算，但每个 Pod 一个虚拟机对小型设备较重",
        )
        .says("lightv", "  - 边缘计算")
        .sources(&[&KATA_ARCH]),
        ci: rated(4, "A VM boundary per job", "每个作业一个虚拟机边界").sources(&[&KATA_ARCH]),
    },
    compatibility: rated(
        4,
        "OCI compatible with good Kubernetes integration, says the report, which picks it for compatibility; its own documentation lists limits: no host networking, limited privileged containers",
        "报告在“兼容性优先”中推荐：OCI 兼容，Kubernetes 集成好；其文档列出的限制：不支持宿主机网络，特权容器受限",
    )
    .says("selection", "理由: OCI兼容,K8s集成好")
    .sources(&[&KATA_LIMITATIONS]),
    footprint: rated(
        2,
        "A guest kernel and agent per pod: one benchmark measured 184 MB of overhead against 0 for runc (published by a competing runtime)",
        "每个 Pod 一个客户机内核与代理：一项基准测试测得 184MB 开销，runc 为 0（由竞争运行时发布）",
    )
    .figure("kata.memory")
    .sources(&[&QUARK_BENCH])
    .report_differs("The report: 20 MB base memory", "报告：基础内存 20MB"),
    maturity: rated(
        4,
        "Azure Container Instances and Alibaba Cloud Function Compute run on it, says the report",
        "报告：Azure Container Instances 与阿里云函数计算采用",
    )
    .says("lightv", "- 阿里云函数计算: Kata"),
    cost: rated(
        2,
        "Needs virtualization hardware and a VM per pod",
        "需要虚拟化硬件，每个 Pod 一个虚拟机",
    )
    .says("lightv", "硬件虚拟化: KVM/QEMU/ACRN"),
    overhead: rated(
        3,
        "A VM per pod: I/O crosses virtio between the container and the host",
        "每个 Pod 一个虚拟机：I/O 需经 virtio 在容器与宿主机之间传递",
    )
    .sources(&[&KATA_ARCH]),
};

pub const FIRECRACKER: Technology = Technology {
    code: "firecracker",
    item: "firecracker",
    name: text("Firecracker", "Firecracker"),
    what: text(
        "A minimal virtual-machine monitor for microVMs, on KVM",
        "基于 KVM 的极简微虚拟机（microVM）监控器",
    ),
    startup: "compare.firecracker.startup",
    start: Judged {
        level: StartFrom::Figure("compare.firecracker.startup"),
        basis: Basis {
            text: text(
                "The report's ~125 ms; its specification: at most 125 ms from the InstanceStart call to the guest's /sbin/init, with a minimal kernel",
                "报告的约 125ms；其规格说明：从 InstanceStart 调用到客户机 /sbin/init 不超过 125ms（最小内核）",
            ),
            report: Some(ReportWords::Figure("compare.firecracker.startup")),
            sources: &[&FIRECRACKER_SPEC],
            report_differs: None,
        },
    },
    fast_start: Some("firecracker.snapshot"),
    isolation: "compare.firecracker.isolation-stars",
    startup_stars: "compare.firecracker.startup-stars",
    artifacts: PerArtifact {
        oci: partly(
            "A VMM, not a container runtime: OCI images need firecracker-containerd or Kata on top",
            "是 VMM 而非容器运行时：运行 OCI 镜像需要 firecracker-containerd 或 Kata",
        )
        .sources(&[&FIRECRACKER_CONTAINERD]),
        wasm: partly(
            "A Wasm runtime inside the microVM",
            "在微虚拟机中运行 Wasm 运行时",
        )
        .sources(&[&FIRECRACKER_README]),
        unikernel: partly(
            "Boots unikernels built for it (Unikraft supports Firecracker)",
            "可启动为其构建的 Unikernel（Unikraft 支持 Firecracker）",
        )
        .sources(&[&UNIKRAFT_DOCS]),
        vm: partly(
            "Boots a Linux guest with a minimal device model",
            "以极简设备模型启动 Linux 客户机",
        )
        .sources(&[&FIRECRACKER_README]),
    },
    needs_kvm: yes(
        "The report: “full isolation through KVM virtualization”",
        "报告：“完整隔离：KVM 虚拟化”",
    )
    .says("lightv", "完整隔离: KVM虚拟化")
    .sources(&[&FIRECRACKER_README]),
    gpu: no(
        "No GPU passthrough: its maintainers said none is planned as a general feature (issue 2487); 1.13 added PCIe but not VFIO (issue 5133); VFIO is work in progress (issue 5679)",
        "不支持 GPU 直通：维护者表示不计划将其作为通用功能（issue 2487）；1.13 加入 PCIe 但不含 VFIO（issue 5133）；VFIO 仍在开发中（issue 5679）",
    )
    .says("lightv", "NVIDIA GPU虚拟化")
    .sources(&[&FIRECRACKER_2487, &FIRECRACKER_5133, &FIRECRACKER_5679])
    .report_differs(
        "The report lists “NVIDIA GPU virtualization” as new in 2025, without detail",
        "报告把“NVIDIA GPU 虚拟化”列为 2025 新特性，未给细节",
    ),
    tee: no(
        "Its documentation lists no confidential-computing support (AMD SEV-SNP, Intel TDX); the report's one TEE feature is Kata's Confidential Containers",
        "其文档未列出任何机密计算支持（AMD SEV-SNP、Intel TDX）；报告唯一的 TEE 特性是 Kata 的 Confidential Containers",
    )
    .says("selection", "理由: 硬件级隔离,机密计算支持")
    .sources(&[&FIRECRACKER_README])
    .report_differs(
        "The report's high-security pick names Kata and Firecracker for “confidential computing support”",
        "报告的高安全推荐把 Kata 与 Firecracker 并列，理由含“机密计算支持”",
    ),
    fit: PerPlace {
        k8s: rated(
            2,
            "Through Kata or firecracker-containerd, not directly",
            "需通过 Kata 或 firecracker-containerd，而非直接接入",
        )
        .sources(&[&FIRECRACKER_CONTAINERD]),
        serverless: rated(
            5,
            "The backend of AWS Lambda and Fargate, says the report",
            "报告：AWS Lambda 与 Fargate 的后端",
        )
        .says("lightv", "AWS Lambda后端")
        .sources(&[&FIRECRACKER_README]),
        edge: rated(
            3,
            "Small (the report: 5 MB base memory), but the edge host needs KVM; the report's edge and IoT pick is WebAssembly and unikernels, not Firecracker",
            "体积小（报告：基础内存 5MB），但边缘主机需要 KVM；报告对边缘/IoT 的推荐是 WebAssembly 与 Unikernel，而非 Firecracker",
        )
        .says("selection", "推荐: WebAssembly, Unikernel"),
        ci: rated(4, "A microVM per job", "每个作业一个微虚拟机").sources(&[&FIRECRACKER_README]),
    },
    compatibility: rated(
        3,
        "A VMM, not a container runtime: OCI images need a layer such as Kata or firecracker-containerd",
        "是 VMM 而非容器运行时：运行 OCI 镜像需要 Kata 或 firecracker-containerd 等中间层",
    )
    .sources(&[&FIRECRACKER_CONTAINERD]),
    footprint: rated(
        3,
        "The VMM itself is small (the report: 5 MB base memory; its specification: at most 5 MiB), but each microVM also holds a guest kernel and its memory (the specification measures with a 128 MiB guest)",
        "VMM 本身很小（报告：基础内存 5MB；其规格说明：不超过 5 MiB），但每个微虚拟机还要有客户机内核及其内存（规格说明按 128 MiB 客户机测量）",
    )
    .figure("firecracker.memory")
    .sources(&[&FIRECRACKER_SPEC]),
    maturity: rated(
        4,
        "The backend of AWS Lambda, says the report",
        "报告：AWS Lambda 后端",
    )
    .says("lightv", "AWS Lambda后端")
    .sources(&[&FIRECRACKER_README]),
    cost: rated(
        3,
        "Needs KVM hosts (bare metal or nested virtualization); dense microVMs",
        "需要 KVM 主机（裸金属或嵌套虚拟化）；微虚拟机密度高",
    )
    .sources(&[&FIRECRACKER_README]),
    overhead: rated(
        3,
        "Near-native CPU under KVM, but network and block devices are emulated in the VMM and copied by its I/O thread: a minimal device model lowers the attack surface, not the I/O cost. The report lists multi-queue virtio and eBPF network acceleration as new, without figures",
        "KVM 下 CPU 接近原生，但网络与块设备在 VMM 中模拟、由其 I/O 线程复制数据：极简设备模型缩小的是攻击面，而非 I/O 开销。报告把 virtio 多队列与 eBPF 网络加速列为新特性，未给数字",
    )
    .says("lightv", "Multi-queue virtio优化")
    .sources(&[&FIRECRACKER_DESIGN]),
};

pub const WASM: Technology = Technology {
    code: "wasm",
    item: "wasm",
    name: text(
        "WebAssembly runtime (Wasmtime, WasmEdge)",
        "WebAssembly 运行时（Wasmtime、WasmEdge）",
    ),
    what: text(
        "Wasm modules in a runtime such as Wasmtime or WasmEdge, through runwasi or Spin",
        "在 Wasmtime、WasmEdge 等运行时中运行 Wasm 模块，经由 runwasi 或 Spin",
    ),
    startup: "compare.wasm.startup",
    start: Judged {
        level: StartFrom::Figure("compare.wasm.startup"),
        basis: Basis {
            text: text(
                "The report's <5 ms. Instantiating a module inside a running Wasmtime takes microseconds (about 3 µs empty, 30 µs for a WASI hello world); that is not a container cold start: through containerd's runwasi the engine's own work comes on top",
                "报告的 <5ms。在已运行的 Wasmtime 中实例化一个模块只需微秒（空模块约 3µs，WASI hello world 约 30µs）；这不是容器冷启动：经 containerd 的 runwasi 运行时还要加上引擎自身的开销",
            ),
            report: Some(ReportWords::Figure("compare.wasm.startup")),
            sources: &[&WASMTIME_2900, &RUNWASI],
            report_differs: None,
        },
    },
    fast_start: None,
    isolation: "compare.wasm.isolation-stars",
    startup_stars: "compare.wasm.startup-stars",
    artifacts: PerArtifact {
        oci: no(
            "Runs Wasm modules (packaged as OCI artifacts), not Linux container images",
            "运行 Wasm 模块（可打包为 OCI 制品），而非 Linux 容器镜像",
        )
        .sources(&[&RUNWASI]),
        wasm: yes("Runs Wasm modules natively", "原生运行 Wasm 模块")
            .says("wasm", "containerd WASM shim: runwasi项目,OCI兼容")
            .sources(&[&RUNWASI]),
        unikernel: no(
            "A Wasm runtime does not boot a kernel",
            "Wasm 运行时不启动内核",
        )
        .sources(&[&WASM_SPEC]),
        vm: no(
            "Runs modules, not operating-system images",
            "运行模块，而非操作系统镜像",
        )
        .sources(&[&WASM_SPEC]),
    },
    needs_kvm: no(
        "A process with a software sandbox; the report: “no virtualization hardware needed”",
        "一个带软件沙箱的进程；报告：“无需虚拟化硬件”",
    )
    .says("selection", "理由: 无需虚拟化硬件")
    .sources(&[&WASM_SPEC]),
    gpu: partly(
        "No general GPU access, but inference through WASI-NN, which WasmEdge runs on CUDA GPUs",
        "没有通用的 GPU 访问，但可通过 WASI-NN 推理，WasmEdge 可在 CUDA GPU 上运行",
    )
    .says("wasm", "WasmEdge TensorFlow: 服务器端推理")
    .sources(&[&WASMEDGE_GPU]),
    tee: no(
        "The runtimes named here do not run in a TEE, and the report names no TEE support; another runtime, WAMR, runs inside Intel SGX enclaves",
        "这里所说的运行时不在 TEE 中运行，报告也未提及 TEE 支持；另一个运行时 WAMR 可在 Intel SGX 飞地中运行",
    )
    .sources(&[&WAMR_SGX]),
    fit: PerPlace {
        k8s: rated(
            3,
            "Through containerd shims (runwasi) and a RuntimeClass, or SpinKube",
            "通过 containerd shim（runwasi）与 RuntimeClass，或 SpinKube",
        )
        .says("wasm", "Kubernetes WASM: RuntimeClass支持,WASM Pod")
        .sources(&[&RUNWASI]),
        serverless: rated(
            4,
            "Millisecond starts; edge function platforms such as Cloudflare Workers run Wasm, says the report",
            "毫秒级启动；报告：Cloudflare Workers 等边缘函数平台运行 Wasm",
        )
        .says("wasm", "Cloudflare Workers: 全球200+数据中心,亚毫秒启动"),
        edge: rated(
            5,
            "The report picks it for edge and IoT: “small, low resource use”",
            "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
        )
        .says("selection", "理由: 体积小,资源占用低"),
        ci: rated(
            2,
            "Build and test steps run compilers and shells; WASI 0.2 has no way to start a process",
            "构建与测试步骤要运行编译器与 shell；WASI 0.2 无法启动进程",
        )
        .sources(&[&WASI_RELEASES]),
    },
    compatibility: rated(
        2,
        "Code must be compiled to Wasm/WASI; containerd runs it through runwasi shims",
        "代码须编译为 Wasm/WASI；containerd 通过 runwasi shim 运行",
    )
    .sources(&[&RUNWASI, &WASI_RELEASES]),
    footprint: rated(
        5,
        "The report picks it for edge and IoT: “small, low resource use”",
        "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
    )
    .says("selection", "理由: 体积小,资源占用低"),
    maturity: rated(
        3,
        "WASI is at 0.2 (January 2024), with 0.3 in progress",
        "WASI 处于 0.2 版本（2024 年 1 月），0.3 仍在进行中",
    )
    .says("wasm", "WASI 2.0重大更新")
    .sources(&[&WASI_RELEASES])
    .report_differs(
        "The report names a “WASI 2.0”, which does not exist",
        "报告提到并不存在的“WASI 2.0”",
    ),
    cost: rated(
        5,
        "The report's pick when cost matters: “no virtualization hardware needed”",
        "报告在“成本敏感”中推荐：“无需虚拟化硬件”",
    )
    .says("selection", "理由: 无需虚拟化硬件"),
    overhead: rated(
        3,
        "Compiled to machine code by the runtime, with bounds checks on memory: one study measured SPEC CPU code 45-55% slower than native in browsers (2019); server runtimes that compile ahead of time usually come closer to native",
        "由运行时编译为机器码，内存访问有边界检查：一项研究测得 SPEC CPU 代码在浏览器中比原生慢 45-55%（2019 年）；提前编译的服务器端运行时通常更接近原生",
    )
    .sources(&[&WASM_PERF_PAPER]),
};

pub const UNIKERNEL: Technology = Technology {
    code: "unikernel",
    item: "unikernel",
    name: text(
        "Unikernel (Unikraft, MirageOS, IncludeOS)",
        "Unikernel（Unikraft、MirageOS、IncludeOS）",
    ),
    what: text(
        "One application compiled with just the kernel it needs, booted as a VM",
        "应用与其所需的内核编译在一起，以虚拟机方式启动",
    ),
    startup: "compare.unikernel.startup",
    start: Judged {
        level: StartFrom::Figure("compare.unikernel.startup"),
        basis: Basis {
            text: text(
                "The report's <10 ms; the Unikraft paper: about 1 ms to boot the guest, 3-40 ms in all with the VMM's own start",
                "报告的 <10ms；Unikraft 论文：客户机启动约 1ms，加上 VMM 自身的启动共 3-40ms",
            ),
            report: Some(ReportWords::Figure("compare.unikernel.startup")),
            sources: &[&UNIKRAFT_PAPER],
            report_differs: None,
        },
    },
    fast_start: None,
    isolation: "compare.unikernel.isolation-stars",
    startup_stars: "compare.unikernel.startup-stars",
    artifacts: PerArtifact {
        oci: no(
            "One purpose-built image per service: existing containers do not run unchanged (the report's “OCI image support” packages unikernels as OCI images)",
            "每个服务一个专门构建的镜像：现有容器无法直接运行（报告中的“OCI 镜像支持”是把 Unikernel 打包成 OCI 镜像）",
        )
        .says("lightv", "OCI镜像支持")
        .sources(&[&UNIKRAFT_DOCS]),
        wasm: no(
            "Runs the application it was built from",
            "只运行构建它的那个应用",
        )
        .says("lightv", "定制内核: 单一应用"),
        unikernel: yes("Runs unikernels natively", "原生运行 Unikernel")
            .says("lightv", "定制内核: 单一应用"),
        vm: no(
            "A single application, not a whole OS image",
            "单一应用，而非完整操作系统镜像",
        )
        .says("lightv", "定制内核: 单一应用"),
    },
    needs_kvm: partly(
        "Most boot as VMs on a hypervisor (KVM, Xen, Firecracker); MirageOS also runs on Solo5's spt target, a seccomp-sandboxed process that needs no KVM (experimental, says Solo5)",
        "多数以虚拟机方式在虚拟机监控器上启动（KVM、Xen、Firecracker）；MirageOS 还可运行在 Solo5 的 spt 目标上，即无需 KVM 的 seccomp 沙箱进程（Solo5 标为实验性）",
    )
    .says("lightv", "MirageOS 4.5+: OCaml")
    .sources(&[&SOLO5_SPT]),
    gpu: no(
        "No GPU drivers in the purpose-built kernels the report names",
        "报告提到的专用内核中没有 GPU 驱动",
    )
    .sources(&[&UNIKRAFT_DOCS]),
    tee: no(
        "The report names no TEE support, nor do the projects' documentation",
        "报告未提及 TEE 支持，各项目文档也没有",
    )
    .sources(&[&UNIKRAFT_DOCS]),
    fit: PerPlace {
        k8s: rated(
            1,
            "The report lists “Kubernetes integration” as new in 2025, without detail",
            "报告把“Kubernetes 集成”列为 2025 新特性，未给细节",
        )
        .says("lightv", "Kubernetes集成"),
        serverless: rated(
            3,
            "Millisecond boots suit short-lived functions",
            "毫秒级启动适合短生命周期函数",
        )
        .says("lightv", "边缘函数")
        .sources(&[&UNIKRAFT_PAPER]),
        edge: rated(
            5,
            "The report picks it for edge and IoT: “small, low resource use”",
            "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
        )
        .says("selection", "理由: 体积小,资源占用低"),
        ci: rated(
            1,
            "CI jobs need a whole OS toolchain",
            "CI 作业需要完整的操作系统工具链",
        )
        .says("lightv", "定制内核: 单一应用"),
    },
    compatibility: rated(
        1,
        "One purpose-built image per service: existing containers do not run unchanged",
        "每个服务一个专门构建的镜像：现有容器无法直接运行",
    )
    .says("lightv", "定制内核: 单一应用")
    .sources(&[&UNIKRAFT_DOCS]),
    footprint: rated(
        5,
        "The report: images under 5 MB; the Unikraft paper: images about 1 MB, under 10 MB of memory",
        "报告：镜像 <5MB；Unikraft 论文：镜像约 1MB，内存 <10MB",
    )
    .figure("unikernel.image-size")
    .sources(&[&UNIKRAFT_PAPER]),
    maturity: rated(
        2,
        "Pre-1.0 projects: the report lists Unikraft 0.15+ (released October 2023) and IncludeOS 0.16+, though IncludeOS's latest release is 0.15.1 (2024)",
        "均未到 1.0：报告列出 Unikraft 0.15+（2023 年 10 月发布）与 IncludeOS 0.16+，但 IncludeOS 的最新版本是 0.15.1（2024 年）",
    )
    .says("lightv", "IncludeOS 0.16+: C++")
    .sources(&[&UNIKRAFT_RELEASE, &INCLUDEOS_RELEASE]),
    cost: rated(
        3,
        "Tiny images, but a hypervisor and a rebuild per service",
        "镜像极小，但需要虚拟机监控器，且每个服务都要重新构建",
    )
    .sources(&[&UNIKRAFT_DOCS]),
    overhead: rated(
        5,
        "The report: “extreme performance”: no switch between kernel and user mode",
        "报告：“极致性能”：无内核态与用户态切换",
    )
    .says("lightv", "极致性能")
    .sources(&[&UNIKRAFT_PAPER]),
};

pub const VM: Technology = Technology {
    code: "vm",
    item: "vm",
    name: text("Full virtual machine", "完整虚拟机"),
    what: text(
        "A whole guest operating system on a hypervisor",
        "在虚拟机监控器上运行完整的客户机操作系统",
    ),
    startup: "compare.vm.startup",
    start: Judged {
        level: StartFrom::Figure("compare.vm.startup"),
        basis: Basis {
            text: text(
                "The report's 10-30 s: a whole operating system boots",
                "报告的 10-30 秒：要启动一个完整的操作系统",
            ),
            report: Some(ReportWords::Figure("compare.vm.startup")),
            sources: &[],
            report_differs: None,
        },
    },
    fast_start: None,
    isolation: "compare.vm.isolation-stars",
    startup_stars: "compare.vm.startup-stars",
    artifacts: PerArtifact {
        oci: partly(
            "Runs OCI images through a container runtime installed in the guest",
            "需在客户机中安装容器运行时来运行 OCI 镜像",
        )
        .sources(&[&KUBEVIRT]),
        wasm: partly(
            "A Wasm runtime installed in the guest",
            "在客户机中安装 Wasm 运行时",
        )
        .sources(&[&KVM_SITE]),
        unikernel: partly(
            "Boots unikernels as guests (QEMU, for example)",
            "可把 Unikernel 作为客户机启动（例如 QEMU）",
        )
        .sources(&[&UNIKRAFT_DOCS]),
        vm: yes("Runs any operating-system image", "运行任何操作系统镜像")
            .figure("compare.vm.isolation-stars")
            .sources(&[&KVM_SITE]),
    },
    needs_kvm: yes(
        "The report: “hardware virtualization”",
        "报告：“硬件虚拟化”",
    )
    .figure("compare.vm.isolation-stars")
    .sources(&[&KVM_SITE]),
    gpu: yes("GPU passthrough (VFIO) or vGPU", "GPU 直通（VFIO）或 vGPU").sources(&[&VFIO]),
    tee: yes(
        "Confidential VMs (AMD SEV-SNP, Intel TDX)",
        "机密虚拟机（AMD SEV-SNP、Intel TDX）",
    )
    .sources(&[&CONFIDENTIAL_VMS]),
    fit: PerPlace {
        k8s: rated(
            2,
            "Through KubeVirt, or as the nodes themselves",
            "通过 KubeVirt，或作为节点本身",
        )
        .sources(&[&KUBEVIRT]),
        serverless: rated(1, "The report: 10-30 s to start", "报告：启动需要 10-30 秒")
            .figure("compare.vm.startup"),
        edge: rated(
            1,
            "A whole OS per workload is heavy on small devices",
            "每个负载一个完整操作系统，对小型设备过重",
        )
        .figure("compare.vm.startup"),
        ci: rated(
            4,
            "A VM per job is the classic isolated runner, with hardware virtualization between jobs",
            "每个作业一个虚拟机是经典的隔离执行器，作业之间隔着硬件虚拟化",
        )
        .figure("compare.vm.isolation-stars")
        .sources(&[&KVM_SITE]),
    },
    compatibility: rated(
        3,
        "Runs any software, but as a whole OS image rather than an OCI image",
        "可运行任何软件，但以完整操作系统镜像而非 OCI 镜像运行",
    )
    .sources(&[&KUBEVIRT]),
    footprint: rated(
        1,
        "A whole guest operating system per workload",
        "每个负载一个完整客户机操作系统",
    )
    .sources(&[&KVM_SITE]),
    maturity: rated(
        5,
        "Decades of production use; KVM has been in Linux since 2007",
        "数十年的生产使用；KVM 自 2007 年起就在 Linux 中",
    )
    .sources(&[&KVM_SITE]),
    cost: rated(
        1,
        "A whole OS per workload: the lowest density",
        "每个负载一个完整操作系统：密度最低",
    )
    .sources(&[&KVM_SITE]),
    overhead: rated(
        3,
        "Hardware virtualization: near-native CPU, virtualized I/O",
        "硬件虚拟化：CPU 接近原生，I/O 虚拟化",
    )
    .figure("compare.vm.isolation-stars")
    .sources(&[&KVM_SITE]),
};

/// Every technology, in the wizard's order (also the order that breaks a tie).
pub const TECHNOLOGIES: [&Technology; 7] =
    [&RUNC, &GVISOR, &KATA, &FIRECRACKER, &WASM, &UNIKERNEL, &VM];

/// The technology with this code.
pub fn technology(code: &str) -> Option<&'static Technology> {
    TECHNOLOGIES.iter().copied().find(|t| t.code == code)
}

/// A technology is known by its code.
impl PartialEq for Technology {
    fn eq(&self, other: &Technology) -> bool {
        self.code == other.code
    }
}
