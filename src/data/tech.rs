//! The seven isolation technologies the wizard chooses between, with what each can
//! and cannot do. Startup and isolation are the report's figures (by id); the rest is
//! stated in words with what it rests on: a statement of the report where there is one
//! (quoted in `facts.rs`), otherwise how the technology works, said plainly.

use crate::base::answers::{Artifact, Place};
use crate::base::lang::{Text, text};

/// How far a technology does something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    No,
    /// With an extra layer, with limits, or claimed without detail.
    Partial,
    Yes,
}

/// A yes / partly / no with what it rests on.
#[derive(Clone, Copy, Debug)]
pub struct Support {
    pub level: Level,
    pub basis: Text,
}

/// A 0-5 rating with what it rests on.
#[derive(Clone, Copy, Debug)]
pub struct Rating {
    pub level: u8,
    pub basis: Text,
}

const fn yes(en: &'static str, zh: &'static str) -> Support {
    Support {
        level: Level::Yes,
        basis: text(en, zh),
    }
}
const fn partly(en: &'static str, zh: &'static str) -> Support {
    Support {
        level: Level::Partial,
        basis: text(en, zh),
    }
}
const fn no(en: &'static str, zh: &'static str) -> Support {
    Support {
        level: Level::No,
        basis: text(en, zh),
    }
}
const fn rated(level: u8, en: &'static str, zh: &'static str) -> Rating {
    Rating {
        level,
        basis: text(en, zh),
    }
}

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
    /// The report's startup time (figure id).
    pub startup: &'static str,
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
    fast_start: None,
    isolation: "compare.docker.isolation-stars",
    startup_stars: "compare.docker.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "Runs OCI images: it is the reference runtime",
            "运行 OCI 镜像：它就是参考运行时",
        ),
        wasm: partly(
            "A Wasm runtime inside a container image",
            "把 Wasm 运行时装进容器镜像",
        ),
        unikernel: no(
            "Containers share the host kernel: no guest kernel to boot",
            "容器共享宿主机内核：无法启动客户机内核",
        ),
        vm: no(
            "Runs processes, not operating-system images",
            "运行进程，而非操作系统镜像",
        ),
    },
    needs_kvm: no(
        "Needs only Linux namespaces and cgroups",
        "只需要 Linux 命名空间和 cgroup",
    ),
    gpu: yes(
        "GPUs through the NVIDIA container toolkit and device plugins (report: GPU virtualization section)",
        "通过 NVIDIA 容器工具包与设备插件使用 GPU（报告 GPU 虚拟化章节）",
    ),
    tee: no(
        "A shared kernel is no trusted execution environment",
        "共享内核不构成可信执行环境",
    ),
    fit: PerPlace {
        k8s: rated(
            5,
            "The default Kubernetes runtime",
            "Kubernetes 的默认运行时",
        ),
        serverless: rated(
            2,
            "A shared kernel between tenants: serverless platforms in the report use sandboxes",
            "租户共享内核：报告中的 Serverless 平台都使用沙箱",
        ),
        edge: rated(
            3,
            "Light and everywhere, but no isolation from a compromised neighbour",
            "轻量且普及，但无法隔离被攻破的相邻负载",
        ),
        ci: rated(
            4,
            "The usual CI runner; risky for untrusted pull requests",
            "最常见的 CI 执行器；运行不受信任的 PR 有风险",
        ),
    },
    compatibility: rated(
        5,
        "Runs every OCI image; the report: Docker has \"the best compatibility\"",
        "运行任何 OCI 镜像；报告：Docker“兼容性最好”",
    ),
    footprint: rated(
        4,
        "No guest kernel: about 4 MB per container (independent, gVisor's density data)",
        "无客户机内核：每个容器约 4MB（独立数据，gVisor 密度测试）",
    ),
    maturity: rated(
        5,
        "The report: \"the most mature ecosystem\"",
        "报告：“最成熟的生态”",
    ),
    cost: rated(
        5,
        "No overhead beyond the process; any host",
        "除进程本身外无额外开销；任何主机均可",
    ),
    overhead: rated(
        5,
        "Native speed: processes on the host kernel",
        "原生速度：宿主机内核上的进程",
    ),
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
    fast_start: None,
    isolation: "compare.gvisor.isolation-stars",
    startup_stars: "compare.gvisor.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "An OCI runtime (runsc); the report picks it for compatibility",
            "OCI 运行时（runsc）；报告在“兼容性优先”中推荐",
        ),
        wasm: partly(
            "A Wasm runtime inside a container image",
            "把 Wasm 运行时装进容器镜像",
        ),
        unikernel: no(
            "Runs Linux processes, not a unikernel",
            "运行 Linux 进程，而非 Unikernel",
        ),
        vm: no(
            "Runs containers, not operating-system images",
            "运行容器，而非操作系统镜像",
        ),
    },
    needs_kvm: no(
        "The report: \"a user-space kernel: no virtualization needed\"",
        "报告：“用户态内核：无需虚拟化”",
    ),
    gpu: partly(
        "The report: \"GPU support: experimental\" (new in 2025)",
        "报告：“GPU 支持：实验性”（2025 新特性）",
    ),
    tee: no(
        "The report names no TEE support for gVisor",
        "报告未提及 gVisor 支持 TEE",
    ),
    fit: PerPlace {
        k8s: rated(
            4,
            "A Kubernetes RuntimeClass (runsc)",
            "Kubernetes RuntimeClass（runsc）",
        ),
        serverless: rated(
            4,
            "Runs Google Cloud Run, says the report",
            "报告：Google Cloud Run 采用",
        ),
        edge: rated(
            2,
            "A sandbox per container costs memory on small devices",
            "每个容器一个沙箱，在小型设备上占用内存",
        ),
        ci: rated(
            5,
            "The report lists CI/CD environments and untrusted code",
            "报告列出 CI/CD 环境与不受信任代码",
        ),
    },
    compatibility: rated(
        4,
        "The report picks it for compatibility (OCI, Kubernetes); a user-space kernel does not implement every system call",
        "报告在“兼容性优先”中推荐它（OCI 兼容、K8s 集成）；用户态内核并未实现全部系统调用",
    ),
    footprint: rated(
        3,
        "User-space kernel per sandbox: about 24 MB (independent)",
        "每个沙箱一个用户态内核：约 24MB（独立数据）",
    ),
    maturity: rated(
        4,
        "Runs Google Cloud Run, says the report",
        "报告：Google Cloud Run 采用",
    ),
    cost: rated(
        4,
        "The report's pick when cost matters: \"no virtualization hardware needed\"",
        "报告在“成本敏感”中推荐：“无需虚拟化硬件”",
    ),
    overhead: rated(
        2,
        "Every system call passes through the user-space kernel: about 38 µs each on the old ptrace platform against 1.9 µs for runc (independent); the report claims 50%+ faster than in 2023",
        "每次系统调用都经过用户态内核：旧 ptrace 平台上每次约 38µs，runc 为 1.9µs（独立数据）；报告称比 2023 年提升 50%+",
    ),
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
    fast_start: None,
    isolation: "compare.kata.isolation-stars",
    startup_stars: "compare.kata.startup-stars",
    artifacts: PerArtifact {
        oci: yes(
            "The report: \"OCI compatible: full Docker and Podman support\"",
            "报告：“OCI 兼容：完整支持 Docker/Podman”",
        ),
        wasm: partly(
            "A Wasm runtime inside a container image",
            "把 Wasm 运行时装进容器镜像",
        ),
        unikernel: no(
            "Boots its own guest kernel for containers, not a unikernel",
            "为容器启动自己的客户机内核，而非 Unikernel",
        ),
        vm: no(
            "Runs containers in a VM, not arbitrary OS images",
            "在虚拟机中运行容器，而非任意操作系统镜像",
        ),
    },
    needs_kvm: yes(
        "The report: \"hardware virtualization: KVM, QEMU or ACRN\"",
        "报告：“硬件虚拟化：KVM/QEMU/ACRN”",
    ),
    gpu: yes(
        "The report: \"optimised GPU passthrough\" (new in 2025)",
        "报告：“GPU 直通优化”（2025 新特性）",
    ),
    tee: yes(
        "The report: \"Confidential Containers (CoCo): TEE support\"",
        "报告：“Confidential Containers（CoCo）：TEE 支持”",
    ),
    fit: PerPlace {
        k8s: rated(
            4,
            "The report lists multi-tenant Kubernetes",
            "报告列出多租户 Kubernetes",
        ),
        serverless: rated(
            4,
            "Runs Azure Container Instances and Alibaba Function Compute, says the report",
            "报告：Azure Container Instances 与阿里云函数计算采用",
        ),
        edge: rated(
            2,
            "The report lists edge computing, but a VM per pod is heavy on small devices",
            "报告列出边缘计算，但每个 Pod 一个虚拟机对小型设备较重",
        ),
        ci: rated(4, "A VM boundary per job", "每个作业一个虚拟机边界"),
    },
    compatibility: rated(
        5,
        "The report picks it for compatibility: OCI compatible, good Kubernetes integration",
        "报告在“兼容性优先”中推荐：OCI 兼容，K8s 集成好",
    ),
    footprint: rated(3, "The report: 20 MB base memory", "报告：基础内存 20MB"),
    maturity: rated(
        4,
        "Runs Azure Container Instances and Alibaba Function Compute, says the report",
        "报告：Azure Container Instances 与阿里云函数计算采用",
    ),
    cost: rated(
        2,
        "Needs virtualization hardware and a VM per pod",
        "需要虚拟化硬件，每个 Pod 一个虚拟机",
    ),
    overhead: rated(
        3,
        "A VM per pod: I/O crosses virtio between the container and the host",
        "每个 Pod 一个虚拟机：I/O 需经 virtio 在容器与宿主机之间传递",
    ),
};

pub const FIRECRACKER: Technology = Technology {
    code: "firecracker",
    item: "firecracker",
    name: text("Firecracker", "Firecracker"),
    what: text(
        "A minimal virtual-machine monitor for microVMs, on KVM",
        "基于 KVM 的极简 microVM 虚拟机监控器",
    ),
    startup: "compare.firecracker.startup",
    fast_start: Some("firecracker.snapshot"),
    isolation: "compare.firecracker.isolation-stars",
    startup_stars: "compare.firecracker.startup-stars",
    artifacts: PerArtifact {
        oci: partly(
            "A VMM, not a container runtime: OCI images need firecracker-containerd or Kata on top",
            "是 VMM 而非容器运行时：运行 OCI 镜像需要 firecracker-containerd 或 Kata",
        ),
        wasm: partly(
            "A Wasm runtime inside the microVM",
            "在 microVM 中运行 Wasm 运行时",
        ),
        unikernel: partly(
            "Boots unikernels built for it (Unikraft supports Firecracker)",
            "可启动为其构建的 Unikernel（Unikraft 支持 Firecracker）",
        ),
        vm: partly(
            "Boots a Linux guest with a minimal device model",
            "以极简设备模型启动 Linux 客户机",
        ),
    },
    needs_kvm: yes(
        "The report: \"full isolation through KVM virtualization\"",
        "报告：“完整隔离：KVM 虚拟化”",
    ),
    gpu: no(
        "No GPU passthrough: its maintainers said none is planned as a general feature (firecracker issue 2487); 1.13 (Sept 2025) added PCIe but not VFIO (issue 5133); VFIO is work in progress (issue 5679). The report lists \"NVIDIA GPU virtualization\" as new in 2025 without detail; the evidence is in crosscheck.md",
        "不支持 GPU 直通：维护者表示不计划将其作为通用功能（firecracker issue 2487）；1.13（2025 年 9 月）加入 PCIe 但不含 VFIO（issue 5133）；VFIO 仍在开发中（issue 5679）。报告把“NVIDIA GPU 虚拟化”列为 2025 新特性但未给细节；证据见 crosscheck.md",
    ),
    tee: no(
        "The report's high-security pick names Kata and Firecracker for \"confidential computing support\", but lists no TEE feature of Firecracker: its one TEE entry is Kata's Confidential Containers (CoCo)",
        "报告的高安全推荐把 Kata 与 Firecracker 并列，理由含“机密计算支持”，但未列出 Firecracker 的任何 TEE 特性：报告唯一的 TEE 条目是 Kata 的 Confidential Containers（CoCo）",
    ),
    fit: PerPlace {
        k8s: rated(
            2,
            "Through Kata or firecracker-containerd, not directly",
            "需通过 Kata 或 firecracker-containerd，而非直接接入",
        ),
        serverless: rated(
            5,
            "The backend of AWS Lambda and Fargate, says the report",
            "报告：AWS Lambda 与 Fargate 的后端",
        ),
        edge: rated(
            3,
            "Small (the report: 5 MB base memory), but the edge host needs KVM; the report's edge and IoT pick is WebAssembly and unikernels, not Firecracker",
            "体积小（报告：基础内存 5MB），但边缘主机需要 KVM；报告对边缘/IoT 的推荐是 WebAssembly 与 Unikernel，而非 Firecracker",
        ),
        ci: rated(4, "A microVM per job", "每个作业一个 microVM"),
    },
    compatibility: rated(
        3,
        "A VMM, not a container runtime: OCI images need a layer such as Kata or firecracker-containerd",
        "是 VMM 而非容器运行时：运行 OCI 镜像需要 Kata 或 firecracker-containerd 等中间层",
    ),
    footprint: rated(4, "The report: 5 MB base memory", "报告：基础内存 5MB"),
    maturity: rated(
        4,
        "The backend of AWS Lambda, says the report",
        "报告：AWS Lambda 后端",
    ),
    cost: rated(
        3,
        "Needs KVM hosts (bare metal or nested virtualization); dense microVMs",
        "需要 KVM 主机（裸金属或嵌套虚拟化）；microVM 密度高",
    ),
    overhead: rated(
        4,
        "A minimal device model; the report lists multi-queue virtio and eBPF network acceleration",
        "极简设备模型；报告列出 Multi-queue virtio 与 eBPF 网络加速",
    ),
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
    fast_start: None,
    isolation: "compare.wasm.isolation-stars",
    startup_stars: "compare.wasm.startup-stars",
    artifacts: PerArtifact {
        oci: no(
            "Runs Wasm modules, not container images",
            "运行 Wasm 模块，而非容器镜像",
        ),
        wasm: yes("Runs Wasm modules natively", "原生运行 Wasm 模块"),
        unikernel: no(
            "A Wasm runtime does not boot a kernel",
            "Wasm 运行时不启动内核",
        ),
        vm: no(
            "Runs modules, not operating-system images",
            "运行模块，而非操作系统镜像",
        ),
    },
    needs_kvm: no("A process with a software sandbox", "一个带软件沙箱的进程"),
    gpu: no(
        "No general GPU access: inference through WASI-NN at most",
        "无通用 GPU 访问：至多通过 WASI-NN 推理",
    ),
    tee: no(
        "The report names no TEE support for Wasm runtimes",
        "报告未提及 Wasm 运行时支持 TEE",
    ),
    fit: PerPlace {
        k8s: rated(
            3,
            "Through containerd shims (runwasi) and SpinKube",
            "通过 containerd shim（runwasi）与 SpinKube",
        ),
        serverless: rated(
            4,
            "The report: millisecond starts; edge function platforms run Wasm",
            "报告：毫秒级启动；边缘函数平台运行 Wasm",
        ),
        edge: rated(
            5,
            "The report picks it for edge and IoT: \"small, low resource use\"",
            "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
        ),
        ci: rated(
            2,
            "Build and test steps need a whole OS toolchain, not a module",
            "构建与测试步骤需要完整的操作系统工具链，而非单个模块",
        ),
    },
    compatibility: rated(
        2,
        "Code must be compiled to Wasm/WASI; containerd runs it through runwasi shims",
        "代码须编译为 Wasm/WASI；containerd 通过 runwasi shim 运行",
    ),
    footprint: rated(
        5,
        "The report picks it for edge and IoT: \"small, low resource use\"",
        "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
    ),
    maturity: rated(
        3,
        "WASI is at 0.2, not the \"2.0\" the report names (see the data notes)",
        "WASI 处于 0.2 版本，而非报告所说的“2.0”（见数据说明）",
    ),
    cost: rated(
        5,
        "The report's pick when cost matters: \"no virtualization hardware needed\"",
        "报告在“成本敏感”中推荐：“无需虚拟化硬件”",
    ),
    overhead: rated(
        4,
        "Compiled to machine code by the runtime, with bounds checks on memory",
        "由运行时编译为机器码，内存访问有边界检查",
    ),
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
    fast_start: None,
    isolation: "compare.unikernel.isolation-stars",
    startup_stars: "compare.unikernel.startup-stars",
    artifacts: PerArtifact {
        oci: no(
            "One purpose-built image per service: existing containers do not run unchanged (the report's \"OCI image support\" packages unikernels as OCI images)",
            "每个服务一个专门构建的镜像：现有容器无法直接运行（报告中的“OCI 镜像支持”是把 Unikernel 打包成 OCI 镜像）",
        ),
        wasm: no(
            "Runs the application it was built from",
            "只运行构建它的那个应用",
        ),
        unikernel: yes("Runs unikernels natively", "原生运行 Unikernel"),
        vm: no(
            "A single application, not a whole OS image",
            "单一应用，而非完整操作系统镜像",
        ),
    },
    needs_kvm: yes(
        "Boots as a virtual machine on a hypervisor",
        "以虚拟机方式在虚拟机监控器上启动",
    ),
    gpu: no(
        "No GPU drivers in a purpose-built kernel",
        "专用内核中没有 GPU 驱动",
    ),
    tee: no(
        "The report names no TEE support for unikernels",
        "报告未提及 Unikernel 支持 TEE",
    ),
    fit: PerPlace {
        k8s: rated(
            1,
            "The report lists \"Kubernetes integration\" as new in 2025, without detail",
            "报告把“Kubernetes 集成”列为 2025 新特性，未给细节",
        ),
        serverless: rated(
            3,
            "Millisecond boots suit short-lived functions",
            "毫秒级启动适合短生命周期函数",
        ),
        edge: rated(
            5,
            "The report picks it for edge and IoT: \"small, low resource use\"",
            "报告在“边缘/IoT”中推荐：“体积小，资源占用低”",
        ),
        ci: rated(
            1,
            "CI jobs need a whole OS toolchain",
            "CI 作业需要完整的操作系统工具链",
        ),
    },
    compatibility: rated(
        1,
        "One purpose-built image per service: existing containers do not run unchanged",
        "每个服务一个专门构建的镜像：现有容器无法直接运行",
    ),
    footprint: rated(5, "The report: images under 5 MB", "报告：镜像 <5MB"),
    maturity: rated(
        2,
        "The report lists Unikraft 0.15+, IncludeOS 0.16+: pre-1.0 projects",
        "报告列出 Unikraft 0.15+、IncludeOS 0.16+：均未到 1.0",
    ),
    cost: rated(
        3,
        "Tiny images, but a hypervisor and a rebuild per service",
        "镜像极小，但需要虚拟机监控器，且每个服务都要重新构建",
    ),
    overhead: rated(
        5,
        "The report: \"extreme performance\": no switch between kernel and user mode",
        "报告：“极致性能”：无内核态与用户态切换",
    ),
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
    fast_start: None,
    isolation: "compare.vm.isolation-stars",
    startup_stars: "compare.vm.startup-stars",
    artifacts: PerArtifact {
        oci: partly(
            "Runs OCI images through a container runtime installed in the guest",
            "需在客户机中安装容器运行时来运行 OCI 镜像",
        ),
        wasm: partly(
            "A Wasm runtime installed in the guest",
            "在客户机中安装 Wasm 运行时",
        ),
        unikernel: partly(
            "Boots unikernels as guests (QEMU, for example)",
            "可把 Unikernel 作为客户机启动（例如 QEMU）",
        ),
        vm: yes("Runs any operating-system image", "运行任何操作系统镜像"),
    },
    needs_kvm: yes(
        "The report: \"hardware virtualization\"",
        "报告：“硬件虚拟化”",
    ),
    gpu: yes("GPU passthrough or vGPU", "GPU 直通或 vGPU"),
    tee: yes(
        "Confidential VMs (AMD SEV-SNP, Intel TDX)",
        "机密虚拟机（AMD SEV-SNP、Intel TDX）",
    ),
    fit: PerPlace {
        k8s: rated(
            2,
            "Through KubeVirt, or as the nodes themselves",
            "通过 KubeVirt，或作为节点本身",
        ),
        serverless: rated(1, "The report: 10-30 s to start", "报告：启动需要 10-30 秒"),
        edge: rated(
            1,
            "A whole OS per workload is heavy on small devices",
            "每个负载一个完整操作系统，对小型设备过重",
        ),
        ci: rated(
            4,
            "A VM per job is the classic isolated runner",
            "每个作业一个虚拟机是经典的隔离执行器",
        ),
    },
    compatibility: rated(
        3,
        "Runs any software, but as a whole OS image rather than an OCI image",
        "可运行任何软件，但以完整操作系统镜像而非 OCI 镜像运行",
    ),
    footprint: rated(
        1,
        "A whole guest operating system per workload",
        "每个负载一个完整客户机操作系统",
    ),
    maturity: rated(5, "Decades of production use", "数十年的生产使用"),
    cost: rated(
        1,
        "A whole OS per workload: the lowest density",
        "每个负载一个完整操作系统：密度最低",
    ),
    overhead: rated(
        3,
        "Hardware virtualization: near-native CPU, virtualized I/O",
        "硬件虚拟化：CPU 接近原生，I/O 虚拟化",
    ),
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
