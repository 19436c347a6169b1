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
    "firecracker-containerd：经 containerd 在 Firecracker microVM 中运行容器",
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
    "KubeVirt: virtual machines on Kubernetes",
    "KubeVirt：在 Kubernetes 上运行虚拟机",
    "https://kubevirt.io/",
    "2025",
);

pub const GVISOR_DOCS: Source = source(
    "gvisor-docs",
    "gVisor documentation: what gVisor is (runsc, an OCI runtime with a user-space kernel)",
    "gVisor 文档：gVisor 是什么（runsc，带用户态内核的 OCI 运行时）",
    "https://gvisor.dev/docs/",
    "2025",
);

pub const GVISOR_COMPAT: Source = source(
    "gvisor-compatibility",
    "gVisor documentation: application compatibility",
    "gVisor 文档：应用兼容性",
    "https://gvisor.dev/docs/user_guide/compatibility/",
    "2025",
);

pub const KATA_ARCH: Source = source(
    "kata-architecture",
    "Kata Containers documentation: architecture (a VM per pod, virtio, hypervisors)",
    "Kata Containers 文档：架构（每个 Pod 一个虚拟机、virtio、虚拟机监控器）",
    "https://github.com/kata-containers/kata-containers/tree/main/docs/design/architecture",
    "2025",
);

pub const K8S_RUNTIME_CLASS: Source = source(
    "k8s-runtimeclass",
    "Kubernetes documentation: RuntimeClass (choosing a container runtime per pod)",
    "Kubernetes 文档：RuntimeClass（按 Pod 选择容器运行时）",
    "https://kubernetes.io/docs/concepts/containers/runtime-class/",
    "2025",
);

pub const FIRECRACKER_README: Source = source(
    "firecracker-readme",
    "Firecracker README: a VMM on KVM for microVMs, used by AWS Lambda and Fargate",
    "Firecracker README：基于 KVM 的 microVM 虚拟机监控器，AWS Lambda 与 Fargate 使用",
    "https://github.com/firecracker-microvm/firecracker/blob/main/README.md",
    "2025",
);

pub const WASM_SPEC: Source = source(
    "wasm-core-spec",
    "WebAssembly Core Specification (W3C)",
    "WebAssembly 核心规范（W3C）",
    "https://webassembly.github.io/spec/core/",
    "2025",
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
    "https://github.com/bytecodealliance/wasm-micro-runtime/blob/main/doc/linux_sgx.md",
    "2024",
);

pub const UNIKRAFT_DOCS: Source = source(
    "unikraft-docs",
    "Unikraft documentation: platforms and drivers",
    "Unikraft 文档：平台与驱动",
    "https://unikraft.org/docs/",
    "2025",
);

pub const GITHUB_RUNNERS: Source = source(
    "github-hosted-runners",
    "GitHub documentation: each job on a GitHub-hosted runner gets a fresh virtual machine",
    "GitHub 文档：GitHub 托管执行器上的每个作业都使用全新的虚拟机",
    "https://docs.github.com/en/actions/using-github-hosted-runners/about-github-hosted-runners",
    "2025",
);

pub const KVM_SITE: Source = source(
    "kvm",
    "KVM: in the mainline Linux kernel since 2.6.20 (2007)",
    "KVM：自 Linux 2.6.20（2007 年）起进入主线内核",
    "https://www.linux-kvm.org/page/Main_Page",
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
    &GITHUB_RUNNERS,
    &KVM_SITE,
    &UNIKRAFT_RELEASE,
    &INCLUDEOS_RELEASE,
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
