//! Sources outside the report: project documentation, maintainers' statements in
//! issue trackers, release notes, papers and datasheets. Each is a link a reader can
//! open and says when the source said what the app cites ("as of"). The app links to
//! them and never fetches them.

use crate::base::lang::{Text, text};

/// One independent source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// Stable id, used in markup (`data-source`) and exports.
    pub id: &'static str,
    /// What it is, in a few words.
    pub title: Text,
    /// An absolute `https://` link.
    pub url: &'static str,
    /// When it said what is cited: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: &'static str,
}

const fn source(
    id: &'static str,
    en: &'static str,
    zh: &'static str,
    url: &'static str,
    as_of: &'static str,
) -> Source {
    Source {
        id,
        title: text(en, zh),
        url,
        as_of,
    }
}

pub const RUNC_README: Source = source(
    "runc-readme",
    "runc's libcontainer: containers from namespaces, cgroups, capabilities and filesystem access controls",
    "runc 的 libcontainer：以命名空间、cgroup、capabilities 与文件系统访问控制创建容器",
    "https://github.com/opencontainers/runc/blob/6a374e6c1d63a11d137d097aa39a45ece9a185fd/libcontainer/README.md",
    "2026-02-25",
);

pub const NVIDIA_CTK: Source = source(
    "nvidia-container-toolkit",
    "NVIDIA Container Toolkit (v1.19.0): build and run GPU-accelerated containers with Docker, Podman and others",
    "NVIDIA Container Toolkit（v1.19.0）：用 Docker、Podman 等构建并运行 GPU 加速容器",
    "https://github.com/NVIDIA/nvidia-container-toolkit",
    "2026-03-10",
);

pub const GVISOR_PLATFORMS: Source = source(
    "gvisor-platforms",
    "gVisor documentation, platforms: systrap, the default since mid-2023, needs no virtualization support",
    "gVisor 文档“平台”：2023 年年中起默认的 systrap 无需虚拟化支持",
    "https://github.com/google/gvisor/blob/50731e5beca5be1d76d0beb606469ff925f650bd/g3doc/architecture_guide/platforms.md",
    "2025-01-21",
);

pub const GVISOR_SYSTRAP: Source = source(
    "gvisor-systrap",
    "gVisor blog: Releasing Systrap, a high-performance gVisor platform",
    "gVisor 博客：发布 Systrap 高性能平台",
    "https://gvisor.dev/blog/2023/04/28/systrap-release/",
    "2023-04-28",
);

pub const GVISOR_SYSCALL: Source = source(
    "gvisor-syscall",
    "gVisor performance data, cost per system call (syscall.csv; ptrace and KVM platforms)",
    "gVisor 性能数据：每次系统调用开销（syscall.csv；ptrace 与 KVM 平台）",
    "https://github.com/google/gvisor/blob/508e25b6d/website/performance/syscall.csv",
    "2019-05-13",
);

pub const GVISOR_DENSITY: Source = source(
    "gvisor-density",
    "gVisor performance data, memory per container (density.csv; ptrace platform)",
    "gVisor 性能数据：每个容器的内存（density.csv；ptrace 平台）",
    "https://github.com/google/gvisor/blob/508e25b6d/website/performance/density.csv",
    "2019-05-13",
);

pub const GVISOR_GPU: Source = source(
    "gvisor-gpu",
    "gVisor documentation: GPU support (nvproxy)",
    "gVisor 文档：GPU 支持（nvproxy）",
    "https://gvisor.dev/docs/user_guide/gpu/",
    "2026-06-12",
);

pub const KATA_BOOT: Source = source(
    "kata-1058",
    "Kata Containers issue 1058: a maintainer gives Kata 1.x's reference boot times",
    "Kata Containers issue 1058：维护者给出 Kata 1.x 的参考启动时间",
    "https://github.com/kata-containers/kata-containers/issues/1058",
    "2020-11-02",
);

pub const KATA_GPU: Source = source(
    "kata-gpu",
    "Kata Containers documentation: GPU passthrough",
    "Kata Containers 文档：GPU 直通",
    "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/GPU-passthrough-and-Kata.md",
    "2026-04-20",
);

pub const COCO: Source = source(
    "coco",
    "Confidential Containers: Kata's remote hypervisor; SEV, TDX and Secure Execution use VMs as the trusted boundary",
    "Confidential Containers：Kata 的远程 hypervisor；SEV、TDX、Secure Execution 以虚拟机为可信边界",
    "https://github.com/confidential-containers/cloud-api-adaptor/blob/v0.8.0/docs/architecture.md",
    "2023-11",
);

pub const QUARK_BENCH: Source = source(
    "quark-perf",
    "Quark's benchmark of runc, gVisor and Kata (published by a competing runtime)",
    "Quark 对 runc、gVisor、Kata 的基准测试（由竞争运行时发布）",
    "https://github.com/QuarkContainer/Quark/blob/b4d46e7d8c1689927b31cf2d6adadbd2b2c89c62/doc/perf_test.md",
    "2021-03-06",
);

pub const FIRECRACKER_SPEC: Source = source(
    "firecracker-spec",
    "Firecracker specification (SPECIFICATION.md, v1.13.0)",
    "Firecracker 规格说明（SPECIFICATION.md，v1.13.0）",
    "https://github.com/firecracker-microvm/firecracker/blob/v1.13.0/SPECIFICATION.md",
    "2025-08-28",
);

pub const FIRECRACKER_2487: Source = source(
    "firecracker-2487",
    "Firecracker issue 2487: maintainers on GPU passthrough",
    "Firecracker issue 2487：维护者谈 GPU 直通",
    "https://github.com/firecracker-microvm/firecracker/issues/2487",
    "2021-03-08",
);

pub const FIRECRACKER_5133: Source = source(
    "firecracker-5133",
    "Firecracker issue 5133: PCIe and virtio-pci in 1.13, explicitly without VFIO",
    "Firecracker issue 5133：1.13 加入 PCIe 与 virtio-pci，明确不含 VFIO",
    "https://github.com/firecracker-microvm/firecracker/issues/5133",
    "2025-09-01",
);

pub const FIRECRACKER_5679: Source = source(
    "firecracker-5679",
    "Firecracker issue 5679: tracking VFIO passthrough, work in progress",
    "Firecracker issue 5679：VFIO 直通跟踪，开发中",
    "https://github.com/firecracker-microvm/firecracker/issues/5679",
    "2026-02-11",
);

pub const FIRECRACKER_CONTAINERD: Source = source(
    "firecracker-containerd",
    "firecracker-containerd: containers in Firecracker microVMs through containerd",
    "firecracker-containerd：经 containerd 在 Firecracker 微虚拟机中运行容器",
    "https://github.com/firecracker-microvm/firecracker-containerd/blob/9711138b150ac9133ca01379ac19a2e7884c251d/README.md",
    "2026-04-01",
);

pub const WASMTIME_2900: Source = source(
    "wasmtime-2900",
    "Wasmtime pull request 2900: instantiation times",
    "Wasmtime PR 2900：实例化耗时",
    "https://github.com/bytecodealliance/wasmtime/pull/2900",
    "2021-05-17",
);

pub const RUNWASI: Source = source(
    "runwasi",
    "containerd runwasi issue 704: starting containers through the Wasm shims",
    "containerd runwasi issue 704：经 Wasm shim 启动容器",
    "https://github.com/containerd/runwasi/issues/704",
    "2024-10-22",
);

pub const WASMEDGE_GPU: Source = source(
    "wasmedge-wasi-nn",
    "WasmEdge documentation: the WASI-NN plug-in, with a llama.cpp backend built for CUDA",
    "WasmEdge 文档：WASI-NN 插件，llama.cpp 后端可用 CUDA 构建",
    "https://github.com/WasmEdge/docs/blob/c3c8046caf98a90592d7e562e7b05f50d0aa70e4/docs/contribute/source/plugin/wasi_nn.md",
    "2026-01-28",
);

pub const WASI_RELEASES: Source = source(
    "wasi-0.2",
    "WASI: Preview 2 (WASI 0.2) launched",
    "WASI：Preview 2（WASI 0.2）发布",
    "https://github.com/WebAssembly/WASI/commit/256b651a3108610c076a12ec1915d9f9ca46e6b9",
    "2024-01-25",
);

pub const UNIKRAFT_PAPER: Source = source(
    "unikraft-eurosys21",
    "Unikraft: Fast, Specialized Unikernels the Easy Way (EuroSys 2021) and its artifacts",
    "Unikraft：Fast, Specialized Unikernels the Easy Way（EuroSys 2021）及其实验材料",
    "https://arxiv.org/abs/2104.12721",
    "2021-04",
);

pub const SOLO5_SPT: Source = source(
    "solo5-spt",
    "Solo5 supported targets: spt, a seccomp-sandboxed process without KVM (experimental); hvt on KVM (production)",
    "Solo5 支持的目标：spt，无需 KVM 的 seccomp 沙箱进程（实验性）；基于 KVM 的 hvt（生产级）",
    "https://github.com/Solo5/solo5/blob/839bc8dde4c41b32d94788e623e545a3b6f23434/docs/building.md",
    "2026-06-10",
);

pub const CONFIDENTIAL_VMS: Source = source(
    "amd-sev",
    "AMD SEV: encrypted virtual machines under KVM (SEV-SNP guest support in Linux 5.19, 2022)",
    "AMD SEV：KVM 下的加密虚拟机（Linux 5.19 起支持 SEV-SNP 客户机，2022 年）",
    "https://github.com/AMDESE/AMDSEV",
    "2022-05-23",
);

pub const VFIO: Source = source(
    "linux-vfio",
    "Linux kernel documentation: VFIO, direct device access for virtual machines (since Linux 3.6, 2012)",
    "Linux 内核文档：VFIO，为虚拟机提供直接设备访问（自 Linux 3.6，2012 年）",
    "https://docs.kernel.org/driver-api/vfio.html",
    "2012-07-31",
);

pub const KUBEVIRT: Source = source(
    "kubevirt",
    "KubeVirt README: virtual machines managed by Kubernetes",
    "KubeVirt README：由 Kubernetes 管理虚拟机",
    "https://github.com/kubevirt/kubevirt/blob/9a296ed0fcd013556be9e3f7207a900f5cca2217/README.md",
    "2026-07-07",
);

pub const GVISOR_DOCS: Source = source(
    "gvisor-docs",
    "gVisor README: an application kernel that runs in user space, with runsc, its OCI runtime",
    "gVisor README：运行在用户态的应用内核，及其 OCI 运行时 runsc",
    "https://github.com/google/gvisor/blob/f43697d411785cecca389b13e4be96920676411c/README.md",
    "2026-08-19",
);

pub const GVISOR_COMPAT: Source = source(
    "gvisor-compatibility",
    "gVisor documentation, compatibility: it implements a subset of the Linux system-call ABI",
    "gVisor 文档“兼容性”：只实现了 Linux 系统调用 ABI 的一个子集",
    "https://github.com/google/gvisor/blob/d3ae922f09fea576279ba6caf12ea010885a5187/g3doc/user_guide/compatibility.md",
    "2025-08-14",
);

pub const KATA_ARCH: Source = source(
    "kata-architecture",
    "Kata Containers documentation: architecture (a VM per pod, virtio, hypervisors)",
    "Kata Containers 文档：架构（每个 Pod 一个虚拟机、virtio、虚拟机监控器）",
    "https://github.com/kata-containers/kata-containers/blob/5c0269881e32aa2a990bb0e1b4bf4658dfbcd0a9/docs/design/architecture/README.md",
    "2026-02-10",
);

pub const K8S_RUNTIME_CLASS: Source = source(
    "k8s-runtimeclass",
    "KEP-585, RuntimeClass: a container runtime chosen per pod (stable since 1.20)",
    "KEP-585，RuntimeClass：按 Pod 选择容器运行时（自 1.20 起稳定）",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-node/585-runtime-class/kep.yaml",
    "2022-09-27",
);

pub const FIRECRACKER_README: Source = source(
    "firecracker-readme",
    "Firecracker README (v1.13.0): a VMM that uses KVM, developed at AWS for services like Lambda and Fargate",
    "Firecracker README（v1.13.0）：使用 KVM 的虚拟机监控器，由 AWS 为 Lambda、Fargate 等服务开发",
    "https://github.com/firecracker-microvm/firecracker/blob/v1.13.0/README.md",
    "2025-08-28",
);

pub const WASM_SPEC: Source = source(
    "wasm-core-spec",
    "WebAssembly Core Specification 2.0 (W3C Candidate Recommendation)",
    "WebAssembly 核心规范 2.0（W3C 候选推荐标准）",
    "https://www.w3.org/TR/2024/CR-wasm-core-2-20241217/",
    "2024-12-17",
);

pub const WASM_PERF_PAPER: Source = source(
    "not-so-fast",
    "Jangda et al., Not So Fast: Analyzing the Performance of WebAssembly vs. Native Code (USENIX ATC 2019)",
    "Jangda 等，Not So Fast：WebAssembly 与原生代码的性能分析（USENIX ATC 2019）",
    "https://www.usenix.org/conference/atc19/presentation/jangda",
    "2019-07",
);

pub const WAMR_SGX: Source = source(
    "wamr-sgx",
    "WebAssembly Micro Runtime documentation: running WAMR in an Intel SGX enclave",
    "WebAssembly Micro Runtime 文档：在 Intel SGX 飞地中运行 WAMR",
    "https://github.com/bytecodealliance/wasm-micro-runtime/blob/dfd16f8e4f82de64bdc6259f87fb7d69684a9ff0/doc/linux_sgx.md",
    "2022-09-28",
);

pub const UNIKRAFT_DOCS: Source = source(
    "unikraft-docs",
    "Unikraft source, platforms: KVM (QEMU or Firecracker) and Xen; no GPU driver",
    "Unikraft 源码“平台”：KVM（QEMU 或 Firecracker）与 Xen；没有 GPU 驱动",
    "https://github.com/unikraft/unikraft/blob/28f9bc5a213a43495355042fb98a0bb01a095a45/plat/kvm/Config.uk",
    "2024-10-11",
);

pub const KVM_SITE: Source = source(
    "kvm",
    "Linux.com: KVM enters the mainline kernel with Linux 2.6.20",
    "Linux.com：KVM 随 Linux 2.6.20 进入主线内核",
    "https://www.linux.com/news/linux-kernel-goes-virtual-challenge-xen",
    "2007-02",
);

pub const UNIKRAFT_RELEASE: Source = source(
    "unikraft-0.15",
    "Unikraft 0.15.0 (Pandora) release",
    "Unikraft 0.15.0（Pandora）发布",
    "https://github.com/unikraft/unikraft/releases/tag/RELEASE-0.15.0",
    "2023-10-23",
);

pub const INCLUDEOS_RELEASE: Source = source(
    "includeos-0.15.1",
    "IncludeOS 0.15.1, its latest release (no 0.16 exists)",
    "IncludeOS 0.15.1，其最新版本（不存在 0.16）",
    "https://github.com/includeos/IncludeOS/releases/tag/v0.15.1",
    "2024-06-02",
);

pub const K8S_131: Source = source(
    "k8s-1.31",
    "Kubernetes v1.31 release announcement (Elli)",
    "Kubernetes v1.31 发布公告（Elli）",
    "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/",
    "2024-08-13",
);

pub const K8S_133: Source = source(
    "k8s-1.33",
    "Kubernetes v1.33 release announcement (Octarine): sidecar containers graduate to stable",
    "Kubernetes v1.33 发布公告（Octarine）：Sidecar 容器进入稳定版",
    "https://kubernetes.io/blog/2025/04/23/kubernetes-v1-33-release/",
    "2025-04-23",
);

pub const K8S_134: Source = source(
    "k8s-1.34",
    "Kubernetes v1.34 release announcement: DRA and VolumeAttributesClass graduate to stable",
    "Kubernetes v1.34 发布公告：DRA 与 VolumeAttributesClass 进入稳定版",
    "https://kubernetes.io/blog/2025/08/27/kubernetes-v1-34-release/",
    "2025-08-27",
);

pub const KEP_SIDECARS: Source = source(
    "kep-753",
    "KEP-753, sidecar containers: alpha 1.28, beta 1.29, stable 1.33",
    "KEP-753，Sidecar 容器：1.28 Alpha，1.29 Beta，1.33 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-node/753-sidecar-containers/kep.yaml",
    "2026-07-24",
);

pub const KEP_APPARMOR: Source = source(
    "kep-24",
    "KEP-24, AppArmor: stable in 1.31",
    "KEP-24，AppArmor：1.31 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-node/24-apparmor/kep.yaml",
    "2026-07-24",
);

pub const KEP_POD_FAILURE_POLICY: Source = source(
    "kep-3329",
    "KEP-3329, Job Pod failure policy: alpha 1.25, beta 1.26, stable 1.31",
    "KEP-3329，Job 的 Pod 失败策略：1.25 Alpha，1.26 Beta，1.31 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-apps/3329-retriable-and-non-retriable-failures/kep.yaml",
    "2026-07-24",
);

pub const KEP_VOLUME_ATTRIBUTES_CLASS: Source = source(
    "kep-3751",
    "KEP-3751, VolumeAttributesClass: alpha 1.29, beta 1.31, stable 1.34",
    "KEP-3751，VolumeAttributesClass：1.29 Alpha，1.31 Beta，1.34 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-storage/3751-volume-attributes-class/kep.yaml",
    "2026-07-24",
);

pub const KEP_DRA: Source = source(
    "kep-4381",
    "KEP-4381, DRA with structured parameters: alpha 1.30, beta 1.32, stable 1.34",
    "KEP-4381，结构化参数的 DRA：1.30 Alpha，1.32 Beta，1.34 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-node/4381-dra-structured-parameters/kep.yaml",
    "2026-07-24",
);

pub const KEP_CEL: Source = source(
    "kep-2876",
    "KEP-2876, CRD validation rules in CEL: stable 1.29 (CEL admission policies, KEP-3488: stable 1.30)",
    "KEP-2876，CRD 的 CEL 验证规则：1.29 稳定版（CEL 准入策略 KEP-3488：1.30 稳定版）",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-api-machinery/2876-crd-validation-expression-language/kep.yaml",
    "2026-07-24",
);

pub const KEP_CGROUP_V2: Source = source(
    "kep-2254",
    "KEP-2254, cgroup v2: stable 1.25 (in 1.31, cgroup v1 moves to maintenance mode, KEP-4569)",
    "KEP-2254，cgroup v2：1.25 稳定版（1.31 中 cgroup v1 进入维护模式，KEP-4569）",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-node/2254-cgroup-v2/kep.yaml",
    "2026-07-24",
);

pub const KEP_APF: Source = source(
    "kep-1040",
    "KEP-1040, API priority and fairness: stable 1.29",
    "KEP-1040，API 优先级和公平性：1.29 稳定版",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-api-machinery/1040-priority-and-fairness/kep.yaml",
    "2026-07-24",
);

pub const KEP_PV_RECLAIM: Source = source(
    "kep-2644",
    "KEP-2644, always honor the PersistentVolume reclaim policy: beta in 1.31",
    "KEP-2644，始终遵循 PersistentVolume 回收策略：1.31 Beta",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-storage/2644-honor-pv-reclaim-policy/kep.yaml",
    "2026-07-24",
);

pub const KEP_CSI_MIGRATION: Source = source(
    "kep-625",
    "KEP-625, CSI volume migration: stable in 1.25",
    "KEP-625，CSI 卷迁移：1.25 稳定版",
    "https://github.com/kubernetes/enhancements/blob/313ad8b59c80819659e1fbf0f165230f633f2b22/keps/sig-storage/625-csi-migration/kep.yaml",
    "2022-09-22",
);

pub const K8S_POD_FAILURE_POLICY_GA: Source = source(
    "k8s-1.31-pod-failure-policy",
    "Kubernetes blog: Pod failure policy for Jobs goes GA in 1.31",
    "Kubernetes 博客：Job 的 Pod 失败策略在 1.31 进入 GA",
    "https://kubernetes.io/blog/2024/08/19/kubernetes-1-31-pod-failure-policy-for-jobs-goes-ga/",
    "2024-08-19",
);

pub const KATA_RUNTIME_382: Source = source(
    "kata-runtime-382",
    "Kata Containers runtime issue 382: docker run with runc and with Kata",
    "Kata Containers runtime issue 382：docker run 使用 runc 与 Kata 的对比",
    "https://github.com/kata-containers/runtime/issues/382",
    "2018",
);

pub const UNIKRAFT_ARTIFACTS: Source = source(
    "unikraft-eurosys21-artifacts",
    "Unikraft's EuroSys 2021 paper artifacts (measurement scripts and data)",
    "Unikraft EuroSys 2021 论文的实验材料（测量脚本与数据）",
    "https://github.com/unikraft/eurosys21-artifacts/blob/d88853d509c43f4bcd1633e9fec49e4d02241985/README.md",
    "2021-07-06",
);

pub const RUNWASI_613: Source = source(
    "runwasi-613",
    "containerd runwasi issue 613: the wasmtime shim against runc in a stress test",
    "containerd runwasi issue 613：压力测试中 wasmtime shim 与 runc 的对比",
    "https://github.com/containerd/runwasi/issues/613",
    "2025-02-18",
);

pub const RUNWASI_860: Source = source(
    "runwasi-860",
    "containerd runwasi issue 860: the four Wasm shims ranked differently in another stress test",
    "containerd runwasi issue 860：另一项压力测试中四个 Wasm shim 的排名不同",
    "https://github.com/containerd/runwasi/issues/860",
    "2025-02-17",
);

pub const NVIDIA_MIG: Source = source(
    "nvidia-mig-guide",
    "NVIDIA MIG User Guide, supported GPUs",
    "NVIDIA MIG 用户指南：支持的 GPU",
    "https://docs.nvidia.com/datacenter/tesla/pdf/NVIDIA_MIG_User_Guide.pdf",
    "2024-08",
);

pub const WASM_FEATURES: Source = source(
    "wasm-features",
    "webassembly.org feature table (features.json)",
    "webassembly.org 特性支持表（features.json）",
    "https://github.com/WebAssembly/website/blob/4e9ff7836bb7b7eb30376b39475782c67c1c5c46/features.json",
    "2026-08-21",
);

pub const FIRECRACKER_5870: Source = source(
    "firecracker-5870",
    "Firecracker pull request 5870: a first VFIO implementation, with many limits (closed; work split up)",
    "Firecracker PR 5870：首个 VFIO 实现，限制很多（已关闭，拆分继续）",
    "https://github.com/firecracker-microvm/firecracker/pull/5870",
    "2026-05-08",
);

pub const KATA_LIMITATIONS: Source = source(
    "kata-limitations",
    "Kata Containers documentation, limitations: no host networking, limited privileged containers",
    "Kata Containers 文档“限制”：不支持宿主机网络，特权容器受限",
    "https://github.com/kata-containers/kata-containers/blob/6662ad70697fe8a8abef2f8c242c5b0962196b2d/docs/Limitations.md",
    "2026-06-30",
);

pub const FIRECRACKER_DESIGN: Source = source(
    "firecracker-design",
    "Firecracker design (v1.13.0): network and block devices emulated in the VMM, copied by its I/O thread",
    "Firecracker 设计文档（v1.13.0）：网络与块设备在 VMM 中模拟，由其 I/O 线程复制数据",
    "https://github.com/firecracker-microvm/firecracker/blob/v1.13.0/docs/design.md",
    "2024-01-31",
);

pub const PODMAN_FARM: Source = source(
    "podman-farm",
    "Podman documentation, podman-farm(1): farms out builds; its commands are build, create, list, remove and update",
    "Podman 文档 podman-farm(1)：把构建分发到各机器；子命令只有 build、create、list、remove、update",
    "https://github.com/containers/podman/blob/v5.8.2/docs/source/markdown/podman-farm.1.md",
    "2026-04-13",
);

pub const MTT_S80_LAUNCH: Source = source(
    "mtt-s80-launch",
    "chip.pl (in Polish): the MTT S80 at its launch, 14.4 TFLOPS FP32, 16 GB GDDR6, 255 W",
    "chip.pl（波兰语）：MTT S80 发布报道，FP32 14.4 TFLOPS，16GB GDDR6，255W",
    "https://www.chip.pl/2022/11/mtt-s80-chinska-karta-dla-graczy",
    "2022-11",
);

pub const K8S_DEVICE_PLUGIN: Source = source(
    "nvidia-k8s-device-plugin",
    "NVIDIA k8s-device-plugin README (v0.17.0): MIG strategies, time-slicing and MPS",
    "NVIDIA k8s-device-plugin README（v0.17.0）：MIG 策略、时间片与 MPS",
    "https://github.com/NVIDIA/k8s-device-plugin/blob/d475b2cfcf12b983a4975d4fc59d91af432cf28e/README.md#L350-L540",
    "2024-10-31",
);

pub const GPU_OPERATOR_SHARING: Source = source(
    "gpu-operator-sharing",
    "NVIDIA GPU Operator documentation (v26.7): time-slicing GPUs in Kubernetes",
    "NVIDIA GPU Operator 文档（v26.7）：在 Kubernetes 中按时间片共享 GPU",
    "https://github.com/NVIDIA/cloud-native-docs/blob/187a4a5bdc9d6ca222ee59cde894bad4ab20eec0/gpu-operator/gpu-sharing.rst",
    "2026-08-21",
);

pub const GPU_OPERATOR_MIG: Source = source(
    "gpu-operator-mig",
    "NVIDIA GPU Operator documentation (v26.7): MIG support, MIG Manager",
    "NVIDIA GPU Operator 文档（v26.7）：MIG 支持与 MIG Manager",
    "https://github.com/NVIDIA/cloud-native-docs/blob/187a4a5bdc9d6ca222ee59cde894bad4ab20eec0/gpu-operator/gpu-operator-mig.rst",
    "2026-08-21",
);

pub const GPU_OPERATOR_VGPU: Source = source(
    "gpu-operator-vgpu",
    "NVIDIA GPU Operator documentation (v26.7): NVIDIA vGPU, licensing",
    "NVIDIA GPU Operator 文档（v26.7）：NVIDIA vGPU 与许可",
    "https://github.com/NVIDIA/cloud-native-docs/blob/187a4a5bdc9d6ca222ee59cde894bad4ab20eec0/gpu-operator/install-gpu-operator-vgpu.rst",
    "2026-08-21",
);

pub const GPU_OPERATOR_KUBEVIRT: Source = source(
    "gpu-operator-kubevirt",
    "NVIDIA GPU Operator documentation (v26.7): vGPU and passthrough for KubeVirt virtual machines",
    "NVIDIA GPU Operator 文档（v26.7）：为 KubeVirt 虚拟机提供 vGPU 与直通",
    "https://github.com/NVIDIA/cloud-native-docs/blob/187a4a5bdc9d6ca222ee59cde894bad4ab20eec0/gpu-operator/gpu-operator-kubevirt.rst",
    "2026-08-21",
);

pub const GPU_OPERATOR_DRA: Source = source(
    "gpu-operator-dra",
    "NVIDIA GPU Operator documentation (v26.7): the NVIDIA DRA driver and its feature stages",
    "NVIDIA GPU Operator 文档（v26.7）：NVIDIA DRA 驱动及其各特性的阶段",
    "https://github.com/NVIDIA/cloud-native-docs/blob/187a4a5bdc9d6ca222ee59cde894bad4ab20eec0/gpu-operator/dra-intro-install.rst",
    "2026-08-21",
);

pub const NVIDIA_DRA_DRIVER: Source = source(
    "nvidia-dra-driver",
    "NVIDIA DRA driver for GPUs (v0.4.1) README: GPU allocation “not yet officially supported”",
    "NVIDIA GPU DRA 驱动（v0.4.1）README：GPU 分配“尚未正式支持”",
    "https://github.com/kubernetes-sigs/dra-driver-nvidia-gpu/blob/764900e7833798a1528bd52a2af3e1b2d5f7a616/README.md#L1-L40",
    "2026-06-30",
);

pub const NVIDIA_DRA_DYNAMIC_MIG: Source = source(
    "nvidia-dra-dynamic-mig",
    "NVIDIA DRA driver (v25.12.0) feature gates: DynamicMIG is alpha, off by default",
    "NVIDIA DRA 驱动（v25.12.0）特性开关：DynamicMIG 为 Alpha，默认关闭",
    "https://github.com/NVIDIA/k8s-dra-driver-gpu/blob/0882da8720c28763137e0987778ec476ec4cf8df/pkg/featuregates/featuregates.go#L48-L96",
    "2026-02-12",
);

pub const KEP_PARTITIONABLE: Source = source(
    "kep-4815",
    "KEP-4815, DRA partitionable devices (for MIG): alpha 1.33, beta 1.36",
    "KEP-4815，DRA 可分区设备（用于 MIG）：1.33 Alpha，1.36 Beta",
    "https://github.com/kubernetes/enhancements/blob/64765b4b02389318f2113119dd9e491479f978a0/keps/sig-scheduling/4815-dra-partitionable-devices/kep.yaml#L10-L36",
    "2026-01-04",
);

pub const DCGM_2_0: Source = source(
    "dcgm-2-0",
    "DCGM 2.0 release notes: v2.0.13 attributes GPU telemetry to MIG devices on A100",
    "DCGM 2.0 发布说明：v2.0.13 将 GPU 遥测归属到 A100 的 MIG 设备",
    "https://docs.nvidia.com/datacenter/dcgm/2.0/dcgm-release-notes/index.html",
    "2020-10",
);

pub const ANANDTECH_A100_80GB: Source = source(
    "anandtech-a100-80gb",
    "AnandTech: NVIDIA announces the A100 80GB (spec table: 312 TFLOPS FP16 Tensor, 80 GB HBM2e, 2.0 TB/s, 400 W, SXM4)",
    "AnandTech：NVIDIA 发布 A100 80GB（规格表：FP16 Tensor 312 TFLOPS，80GB HBM2e，2.0TB/s，400W，SXM4）",
    "https://www.anandtech.com/show/16250/nvidia-announces-a100-80gb-ampere-gets-hbm2e-memory-upgrade",
    "2020-11",
);

pub const ANANDTECH_H100_NVL: Source = source(
    "anandtech-h100-nvl",
    "AnandTech: NVIDIA announces the H100 NVL (dense spec table of H100 NVL, PCIe and SXM)",
    "AnandTech：NVIDIA 发布 H100 NVL（H100 NVL、PCIe 与 SXM 的稠密算力规格表）",
    "https://www.anandtech.com/show/18780/nvidia-announces-h100-nvl-max-memory-server-card-for-large-language-models",
    "2023-03",
);

pub const NVIDIA_H200_BLOG: Source = source(
    "nvidia-h200-trtllm",
    "NVIDIA TensorRT-LLM blog for the H200 launch: 141 GB HBM3e, 4.8 TB/s",
    "NVIDIA TensorRT-LLM 的 H200 发布博客：141GB HBM3e，4.8TB/s",
    "https://github.com/NVIDIA/TensorRT-LLM/blob/1555478c1b417a0b34de05209862ea5a2ab9add1/docs/source/blogs/H200launch.md",
    "2023-11",
);

pub const GEEKTOPIA_H200: Source = source(
    "geektopia-h200",
    "Geektopia (in Spanish): NVIDIA announces the H200, 141 GB HBM3e, 4.8 TB/s, the same 700 W, SXM5",
    "Geektopia（西班牙语）：NVIDIA 发布 H200，141GB HBM3e，4.8TB/s，同为 700W，SXM5",
    "https://geektopia.es/es/technology/2023/11/13/noticias/nvidia-anuncia-la-aceleradora-h200-tiene-141-gb-de-hbm3e.html",
    "2023-11-13",
);

pub const H200_DENSE: Source = source(
    "itkb-h200-b300",
    "itkb.uw.cz: H200 vs B300, dense figures per GPU (H200 SXM: ~989 TFLOPS FP16/BF16, 700 W)",
    "itkb.uw.cz：H200 与 B300 对比，每 GPU 稠密算力（H200 SXM：FP16/BF16 约 989 TFLOPS，700W）",
    "https://itkb.uw.cz/2026/06/nvidia-h200-vs-b300-precisions-cores.html",
    "2026-06-22",
);

pub const MTT_S80_TOMSHW: Source = source(
    "tomshw-mtt-s80",
    "Tom's Hardware Italia: the MTT S80 on sale, 14.4 TFLOPS FP32, 16 GB GDDR6 on 256 bits, 448 GB/s",
    "Tom's Hardware 意大利版：MTT S80 开售，FP32 14.4 TFLOPS，16GB GDDR6（256 位），448GB/s",
    "https://www.tomshw.it/hardware/la-rivale-cinese-della-rtx-3060-ti-e-gia-in-vendita-a-238-euro/",
    "2022-11",
);

pub const MTT_S70_PUREPC: Source = source(
    "purepc-mtt-s70",
    "PurePC (in Polish): the MTT S70 launch, 11.2 TFLOPS FP32, 7 GB GDDR6 beside the S80's 16 GB",
    "PurePC（波兰语）：MTT S70 发布，FP32 11.2 TFLOPS，7GB GDDR6（S80 为 16GB）",
    "https://www.purepc.pl/moore-threads-mtt-s70-premiera-nowej-chinskiej-karty-graficznej-z-7-gb-pamieci-vram-gddr6",
    "2023-05",
);

pub const MTT_S4000_IOTECH: Source = source(
    "iotech-mtt-s4000",
    "io-tech.fi (in Finnish): Moore Threads launches the MTT S4000, 100 TFLOPS FP16/BF16, 48 GB GDDR6, 768 GB/s",
    "io-tech.fi（芬兰语）：摩尔线程发布 MTT S4000，FP16/BF16 100 TFLOPS，48GB GDDR6，768GB/s",
    "https://www.io-tech.fi/uutinen/moore-threads-julkaisi-uuden-mtt-s4000-laskentakortin-ja-kuae-intelligent-computing-center-palvelinklusterit/",
    "2023-12",
);

pub const MTT_S4000_ITBEAR: Source = source(
    "itbear-mtt-s4000",
    "ITBEAR: the S4000's published figures, FP16 98 TFLOPS, maximum power 450 W",
    "ITBEAR：S4000 公开数据，FP16 98 TFLOPS，最大功耗 450W",
    "https://m.itbear.com.cn/html/2025-12/1060774.html",
    "2025-12-20",
);

pub const BIREN_TOMSHW: Source = source(
    "tomshw-biren",
    "Tom's Hardware: Biren's BR100 (1,024 TFLOPS BF16, 64 GB HBM2E, 550 W, OAM) and BR104 (512 TFLOPS BF16, 32 GB HBM2E, 300 W, PCIe)",
    "Tom's Hardware：壁仞 BR100（BF16 1024 TFLOPS，64GB HBM2E，550W，OAM）与 BR104（BF16 512 TFLOPS，32GB HBM2E，300W，PCIe）",
    "https://www.tomshardware.com/news/chinese-biren-rolls-out-new-gpus-with-77-billion-transistors-2-pflops-of-ai-performance",
    "2022-08-10",
);

pub const ILUVATAR_FLAGPERF: Source = source(
    "flagperf-iluvatar",
    "FlagPerf (BAAI), Iluvatar's vendor text: Tiangai 100, 147 TFLOPS FP16/BF16 peak; BI-V100 32G",
    "FlagPerf（智源研究院），天数智芯提供的说明：天垓100 峰值 147 TFLOPS FP16/BF16；BI-V100 32G",
    "https://github.com/FlagOpen/FlagPerf/blob/75809c12bc19c300b8b4cf4b699b39d569964238/training/iluvatar/README.md",
    "2023-03-25",
);

pub const ILUVATAR_GOLEM: Source = source(
    "golem-iluvatar",
    "Golem.de (in German): Iluvatar Big Island (Tiangai 100), 147 TFLOPS FP16, 295 TOPS INT8, 32 GB HBM2, 300 W",
    "Golem.de（德语）：天数智芯 Big Island（天垓100），FP16 147 TFLOPS，INT8 295 TOPS，32GB HBM2，300W",
    "https://scr3.golem.de/?d=2104/Iluvatar-Big-Island&a=155493",
    "2021-04",
);

pub const ILUVATAR_MR_V100_INFERENCE: Source = source(
    "flagperf-mr-v100",
    "FlagPerf (BAAI) inference benchmarks: Iluvatar MR-V100 among the inference accelerators",
    "FlagPerf（智源研究院）推理基准：天数智芯 MR-V100 列为推理加速卡",
    "https://github.com/FlagOpen/FlagPerf/blob/077321adb62d641b39d879ac37a20706dafc13f6/inference/benchmarks/resnet50/README.md",
    "2024-03-05",
);

pub const HYGON_FLAGPERF: Source = source(
    "flagperf-dcu",
    "FlagPerf (BAAI), Hygon DCU test environment: Z100L 32G",
    "FlagPerf（智源研究院），海光 DCU 测试环境：Z100L 32G",
    "https://github.com/FlagOpen/FlagPerf/blob/f37ffdfc89fadece0716ed7118a93c135022c6cb/training/dcu/README.md",
    "2023-12-22",
);

/// Every source, for checks and exports.
pub const SOURCES: &[&Source] = &[
    &RUNC_README,
    &NVIDIA_CTK,
    &GVISOR_PLATFORMS,
    &GVISOR_SYSTRAP,
    &GVISOR_SYSCALL,
    &GVISOR_DENSITY,
    &GVISOR_GPU,
    &KATA_BOOT,
    &KATA_GPU,
    &COCO,
    &QUARK_BENCH,
    &FIRECRACKER_SPEC,
    &FIRECRACKER_2487,
    &FIRECRACKER_5133,
    &FIRECRACKER_5679,
    &FIRECRACKER_CONTAINERD,
    &WASMTIME_2900,
    &RUNWASI,
    &WASMEDGE_GPU,
    &WASI_RELEASES,
    &UNIKRAFT_PAPER,
    &SOLO5_SPT,
    &CONFIDENTIAL_VMS,
    &VFIO,
    &KUBEVIRT,
    &GVISOR_DOCS,
    &GVISOR_COMPAT,
    &KATA_ARCH,
    &K8S_RUNTIME_CLASS,
    &FIRECRACKER_README,
    &WASM_SPEC,
    &WASM_PERF_PAPER,
    &WAMR_SGX,
    &UNIKRAFT_DOCS,
    &KVM_SITE,
    &UNIKRAFT_RELEASE,
    &INCLUDEOS_RELEASE,
    &K8S_131,
    &K8S_133,
    &K8S_134,
    &KEP_SIDECARS,
    &KEP_APPARMOR,
    &KEP_POD_FAILURE_POLICY,
    &KEP_VOLUME_ATTRIBUTES_CLASS,
    &KEP_DRA,
    &KEP_CEL,
    &KEP_CGROUP_V2,
    &KEP_APF,
    &KEP_PV_RECLAIM,
    &KEP_CSI_MIGRATION,
    &K8S_POD_FAILURE_POLICY_GA,
    &KATA_RUNTIME_382,
    &UNIKRAFT_ARTIFACTS,
    &RUNWASI_613,
    &RUNWASI_860,
    &NVIDIA_MIG,
    &WASM_FEATURES,
    &FIRECRACKER_5870,
    &KATA_LIMITATIONS,
    &FIRECRACKER_DESIGN,
    &PODMAN_FARM,
    &MTT_S80_LAUNCH,
    &K8S_DEVICE_PLUGIN,
    &GPU_OPERATOR_SHARING,
    &GPU_OPERATOR_MIG,
    &GPU_OPERATOR_VGPU,
    &GPU_OPERATOR_KUBEVIRT,
    &GPU_OPERATOR_DRA,
    &NVIDIA_DRA_DRIVER,
    &NVIDIA_DRA_DYNAMIC_MIG,
    &KEP_PARTITIONABLE,
    &DCGM_2_0,
    &ANANDTECH_A100_80GB,
    &ANANDTECH_H100_NVL,
    &NVIDIA_H200_BLOG,
    &GEEKTOPIA_H200,
    &H200_DENSE,
    &MTT_S80_TOMSHW,
    &MTT_S70_PUREPC,
    &MTT_S4000_IOTECH,
    &MTT_S4000_ITBEAR,
    &BIREN_TOMSHW,
    &ILUVATAR_FLAGPERF,
    &ILUVATAR_GOLEM,
    &ILUVATAR_MR_V100_INFERENCE,
    &HYGON_FLAGPERF,
];

/// Whether `s` is a date as `as_of` takes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_as_of(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize, max: u32| {
        p.len() == len
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 9999),
        [y, m] => number(y, 4, 9999) && number(m, 2, 12),
        [y, m, d] => number(y, 4, 9999) && number(m, 2, 12) && number(d, 2, 31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_a_link_with_a_date_and_a_unique_id() {
        let mut ids: Vec<&str> = SOURCES.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SOURCES.len(), "duplicate source ids");
        for s in SOURCES {
            assert!(s.url.starts_with("https://"), "{}: {}", s.id, s.url);
            assert!(!s.url.contains(' '), "{}: {}", s.id, s.url);
            assert!(is_as_of(s.as_of), "{}: as of {:?}", s.id, s.as_of);
            assert!(!s.title.en.is_empty() && !s.title.zh.is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn as_of_takes_a_year_a_month_or_a_day() {
        for good in ["2021", "2024-01", "2024-01-25"] {
            assert!(is_as_of(good), "{good}");
        }
        for bad in [
            "",
            "21",
            "2024-1",
            "2024-13",
            "2024-01-32",
            "2024/01",
            "soon",
        ] {
            assert!(!is_as_of(bad), "{bad}");
        }
    }
}
