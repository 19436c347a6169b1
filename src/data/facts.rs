//! What the report says in words rather than numbers: each sandbox's traits, 2025
//! features and scenarios, which cloud runs which sandbox, the Kubernetes 1.31
//! features and their maturity, WebAssembly edge platforms, release dates, and the
//! selection recommendations. Each entry quotes the report, checked by a test.

use crate::base::lang::Text;
use crate::data::sources::*;

/// A statement of the report, in both languages, with its words in the report.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub text: Text,
    /// The report's words, verbatim.
    pub quote_zh: &'static str,
}

const fn fact(en: &'static str, zh: &'static str, quote_zh: &'static str) -> Fact {
    Fact {
        text: Text { en, zh },
        quote_zh,
    }
}

/// One sandbox technology as the report profiles it (section `lightv`).
#[derive(Clone, Copy, Debug)]
pub struct SandboxProfile {
    /// Id in `data/items.tsv`.
    pub item: &'static str,
    pub traits: &'static [Fact],
    pub features_2025: &'static [Fact],
    pub scenarios: &'static [Fact],
}

pub const SANDBOX_PROFILES: &[SandboxProfile] = &[
    SandboxProfile {
        item: "firecracker",
        traits: &[
            fact(
                "Full isolation through KVM virtualization",
                "完整隔离：KVM 虚拟化",
                "完整隔离: KVM虚拟化",
            ),
            fact(
                "The backend of AWS Lambda",
                "AWS Lambda 的后端",
                "AWS Lambda后端",
            ),
        ],
        features_2025: &[
            fact(
                "Snapshot restore under 50 ms",
                "快照恢复 <50ms",
                "Snapshot恢复: <50ms",
            ),
            fact("eBPF network acceleration", "eBPF 网络加速", "eBPF网络加速"),
            fact(
                "Multi-queue virtio optimization",
                "virtio 多队列优化",
                "Multi-queue virtio优化",
            ),
            fact("Full ARM64 support", "完整的 ARM64 支持", "ARM64完整支持"),
            fact(
                "NVIDIA GPU virtualization",
                "NVIDIA GPU 虚拟化",
                "NVIDIA GPU虚拟化",
            ),
        ],
        scenarios: &[
            fact("AWS Lambda", "AWS Lambda", "- AWS Lambda"),
            fact("AWS Fargate", "AWS Fargate", "- AWS Fargate"),
            fact(
                "Serverless platforms",
                "Serverless 平台",
                "- Serverless平台",
            ),
            fact("Multi-tenant containers", "多租户容器", "- 多租户容器"),
        ],
    },
    SandboxProfile {
        item: "kata",
        traits: &[
            fact(
                "OCI-compatible: full Docker and Podman support",
                "OCI 兼容：完整支持 Docker/Podman",
                "OCI兼容: 完整Docker/Podman支持",
            ),
            fact(
                "Hardware virtualization: KVM, QEMU or ACRN",
                "硬件虚拟化：KVM/QEMU/ACRN",
                "硬件虚拟化: KVM/QEMU/ACRN",
            ),
        ],
        features_2025: &[
            fact(
                "Core components rewritten in Rust",
                "核心组件用 Rust 重写",
                "Rust重写核心组件",
            ),
            fact(
                "Confidential Containers (CoCo): TEE support",
                "Confidential Containers（CoCo）：TEE 支持",
                "Confidential Containers(CoCo): TEE支持",
            ),
            fact("Optimized GPU passthrough", "GPU 直通优化", "GPU直通优化"),
            fact(
                "Kubernetes DRA integration",
                "Kubernetes DRA 集成",
                "Kubernetes DRA集成",
            ),
            fact(
                "Snapshot and checkpoint restore",
                "快照/检查点恢复",
                "快照/检查点恢复",
            ),
        ],
        scenarios: &[
            fact(
                "Multi-tenant Kubernetes",
                "多租户 Kubernetes",
                "- 多租户Kubernetes",
            ),
            fact("Confidential computing", "机密计算", "- 机密计算"),
            fact("Finance and healthcare", "金融/医疗行业", "- 金融/医疗行业"),
            fact("Edge computing", "边缘计算", "- 边缘计算"),
        ],
    },
    SandboxProfile {
        item: "gvisor",
        traits: &[
            fact(
                "A user-space kernel: no virtualization needed",
                "用户态内核：无需虚拟化",
                "用户态内核: 无需虚拟化",
            ),
            fact(
                "Intercepts system calls: a security sandbox",
                "系统调用拦截：安全沙箱",
                "系统调用拦截: 安全沙箱",
            ),
            fact("Written in Go", "Go 语言实现", "Go语言实现"),
        ],
        features_2025: &[
            fact(
                "GPU support: experimental",
                "GPU 支持：实验性",
                "GPU支持: 实验性",
            ),
            fact("Checkpoint/restore", "检查点/恢复", "Checkpoint/Restore"),
            fact(
                "Mature rootless mode",
                "Rootless 模式成熟",
                "Rootless模式成熟",
            ),
            fact("eBPF support", "eBPF 支持", "eBPF支持"),
        ],
        scenarios: &[
            fact("Google Cloud Run", "Google Cloud Run", "- Google Cloud Run"),
            fact(
                "Running untrusted code",
                "运行不受信任的代码",
                "- 不信任代码执行",
            ),
            fact("CI/CD environments", "CI/CD 环境", "- CI/CD环境"),
            fact("Multi-tenant platforms", "多租户平台", "- 多租户平台"),
        ],
    },
    SandboxProfile {
        item: "unikernel",
        traits: &[
            fact(
                "A custom kernel for a single application",
                "为单一应用定制的内核",
                "定制内核: 单一应用",
            ),
            fact("Extreme performance", "极致性能", "极致性能"),
            fact(
                "MirageOS (OCaml), IncludeOS (C++), Unikraft (modular)",
                "MirageOS（OCaml）、IncludeOS（C++）、Unikraft（模块化）",
                "Unikraft 0.15+: 模块化",
            ),
        ],
        features_2025: &[
            fact("OCI image support", "OCI 镜像支持", "OCI镜像支持"),
            fact(
                "Kubernetes integration",
                "Kubernetes 集成",
                "Kubernetes集成",
            ),
            fact(
                "Better POSIX compatibility",
                "POSIX 兼容性提升",
                "POSIX兼容性提升",
            ),
            fact(
                "Mature development toolchains",
                "开发工具链成熟",
                "开发工具链成熟",
            ),
        ],
        scenarios: &[
            fact("Edge functions", "边缘函数", "- 边缘函数"),
            fact(
                "Network functions (NFV)",
                "网络功能虚拟化（NFV）",
                "- NFV网络功能",
            ),
            fact("IoT devices", "IoT 设备", "- IoT设备"),
            fact(
                "High-performance microservices",
                "高性能微服务",
                "- 高性能微服务",
            ),
        ],
    },
];

/// Which cloud service runs which sandbox (section `lightv`, 采用趋势).
#[derive(Clone, Copy, Debug)]
pub struct Adoption {
    pub service: Text,
    /// Id in `data/items.tsv`.
    pub item: &'static str,
    pub quote_zh: &'static str,
}

pub const CLOUD_ADOPTION: &[Adoption] = &[
    Adoption {
        service: Text {
            en: "AWS Lambda",
            zh: "AWS Lambda",
        },
        item: "firecracker",
        quote_zh: "- AWS Lambda: Firecracker",
    },
    Adoption {
        service: Text {
            en: "Google Cloud Run",
            zh: "Google Cloud Run",
        },
        item: "gvisor",
        quote_zh: "- Google Cloud Run: gVisor",
    },
    Adoption {
        service: Text {
            en: "Azure Container Instances",
            zh: "Azure Container Instances",
        },
        item: "kata",
        quote_zh: "- Azure Container Instances: Kata",
    },
    Adoption {
        service: Text {
            en: "Alibaba Cloud Function Compute",
            zh: "阿里云函数计算",
        },
        item: "kata",
        quote_zh: "- 阿里云函数计算: Kata",
    },
];

/// How far a Kubernetes feature has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Maturity {
    Ga,
    Beta,
    Alpha,
    /// The report says "enhanced" or "improved" without a stage.
    Improved,
}

impl Maturity {
    pub const fn code(self) -> &'static str {
        match self {
            Maturity::Ga => "GA",
            Maturity::Beta => "Beta",
            Maturity::Alpha => "Alpha",
            Maturity::Improved => "improved",
        }
    }
}

/// A Kubernetes 1.31 feature the report lists (section `k8s-131`), with what the
/// Kubernetes release notes and enhancement proposals (KEPs) say of it.
#[derive(Clone, Copy, Debug)]
pub struct KubernetesFeature {
    pub name: Text,
    /// The stage the report gives it in 1.31.
    pub maturity: Maturity,
    pub fact: Fact,
    pub release_notes: ReleaseNotes,
}

/// What the Kubernetes project says of a feature's stage.
#[derive(Clone, Copy, Debug)]
pub struct ReleaseNotes {
    /// Its stage in 1.31 and when it reached GA, in words.
    pub stage: Text,
    /// The release notes give the stage the report gives.
    pub agrees: bool,
    pub sources: &'static [&'static Source],
}

const fn notes(
    agrees: bool,
    en: &'static str,
    zh: &'static str,
    sources: &'static [&'static Source],
) -> ReleaseNotes {
    ReleaseNotes {
        stage: Text { en, zh },
        agrees,
        sources,
    }
}

pub const KUBERNETES_131_FEATURES: &[KubernetesFeature] = &[
    KubernetesFeature {
        name: Text {
            en: "Sidecar containers",
            zh: "Sidecar 容器",
        },
        maturity: Maturity::Ga,
        fact: fact(
            "Native sidecars, for service meshes and log collection",
            "原生 Sidecar 支持，简化服务网格和日志收集",
            "Sidecar Containers (稳定版,GA)",
        ),
        release_notes: notes(
            false,
            "Beta in 1.31 (since 1.29); GA in 1.33",
            "1.31 中为 Beta（自 1.29 起）；1.33 进入 GA",
            &[&KEP_SIDECARS, &K8S_133],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "AppArmor support",
            zh: "AppArmor 支持",
        },
        maturity: Maturity::Ga,
        fact: fact(
            "A new syntax for security profiles",
            "新的安全配置语法",
            "AppArmor支持 (稳定版,GA)",
        ),
        release_notes: notes(
            true,
            "GA in 1.31",
            "1.31 进入 GA",
            &[&KEP_APPARMOR, &K8S_131],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "PersistentVolume migration",
            zh: "PersistentVolume 迁移",
        },
        maturity: Maturity::Beta,
        fact: fact(
            "Change storage type online",
            "在线存储类型转换",
            "PersistentVolume迁移 (Beta)",
        ),
        release_notes: notes(
            false,
            "No such 1.31 feature: CSI volume migration reached GA in 1.25; the PersistentVolume item that went to Beta in 1.31 is “always honor the reclaim policy”",
            "1.31 并无此特性：CSI 卷迁移已于 1.25 进入 GA；1.31 进入 Beta 的 PersistentVolume 特性是“始终遵循回收策略”",
            &[&KEP_CSI_MIGRATION, &KEP_PV_RECLAIM],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "Pod failure policy",
            zh: "Pod 失败策略",
        },
        maturity: Maturity::Beta,
        fact: fact(
            "More flexible failure handling",
            "更灵活的失败处理",
            "Pod Failure Policy (Beta)",
        ),
        release_notes: notes(
            false,
            "GA in 1.31 (Beta since 1.26)",
            "1.31 进入 GA（自 1.26 起为 Beta）",
            &[&K8S_POD_FAILURE_POLICY_GA, &KEP_POD_FAILURE_POLICY],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "VolumeAttributesClass",
            zh: "VolumeAttributesClass",
        },
        maturity: Maturity::Alpha,
        fact: fact(
            "Adjust IOPS and throughput on the fly",
            "动态调整 IOPS/吞吐量",
            "VolumeAttributesClass (Alpha)",
        ),
        release_notes: notes(
            false,
            "Beta in 1.31 (Alpha in 1.29); GA in 1.34",
            "1.31 中为 Beta（1.29 为 Alpha）；1.34 进入 GA",
            &[&KEP_VOLUME_ATTRIBUTES_CLASS, &K8S_134],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "Dynamic resource allocation (DRA)",
            zh: "动态资源分配（DRA）",
        },
        maturity: Maturity::Alpha,
        fact: fact(
            "Dynamic resource allocation, with GPU support",
            "动态资源分配，支持 GPU",
            "DRA (Alpha)",
        ),
        release_notes: notes(
            true,
            "Alpha in 1.31 (structured parameters); Beta in 1.32, GA in 1.34",
            "1.31 中为 Alpha（结构化参数）；1.32 为 Beta，1.34 进入 GA",
            &[&KEP_DRA, &K8S_134],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "CEL validation",
            zh: "CEL 表达式验证",
        },
        maturity: Maturity::Improved,
        fact: fact(
            "Complex validation logic",
            "复杂验证逻辑",
            "CEL表达式验证 (增强)",
        ),
        release_notes: notes(
            true,
            "Already GA before 1.31: CRD validation rules in 1.29, admission policies in 1.30",
            "1.31 之前已 GA：CRD 验证规则于 1.29，准入策略于 1.30",
            &[&KEP_CEL],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "cgroup v2",
            zh: "cgroup v2",
        },
        maturity: Maturity::Improved,
        fact: fact(
            "Finer resource control",
            "更精细的资源控制",
            "cgroup v2改进",
        ),
        release_notes: notes(
            true,
            "cgroup v2 support has been GA since 1.25; in 1.31 cgroup v1 moved to maintenance mode",
            "cgroup v2 支持自 1.25 起已 GA；1.31 中 cgroup v1 进入维护模式",
            &[&KEP_CGROUP_V2, &K8S_131],
        ),
    },
    KubernetesFeature {
        name: Text {
            en: "API priority and fairness",
            zh: "API 优先级和公平性",
        },
        maturity: Maturity::Improved,
        fact: fact(
            "Better request queuing",
            "增强的请求队列",
            "API优先级和公平性",
        ),
        release_notes: notes(
            true,
            "Already GA since 1.29",
            "自 1.29 起已 GA",
            &[&KEP_APF],
        ),
    },
];

/// Release facts the report gives.
pub const RELEASES: &[Fact] = &[
    fact(
        "Kubernetes 1.31 was released on August 13, 2024, code-named “Elli”",
        "Kubernetes 1.31 于 2024 年 8 月 13 日发布，代号“Elli”",
        "2024年8月13日,代号\"Elli\"",
    ),
    fact(
        "Podman 5.0 was released on March 20, 2024",
        "Podman 5.0 于 2024 年 3 月 20 日发布",
        "2024年3月20日",
    ),
];

/// WebAssembly edge platforms (section `wasm`).
pub const EDGE_PLATFORMS: &[Fact] = &[
    fact(
        "Cloudflare Workers: 200+ data centers worldwide, sub-millisecond startup",
        "Cloudflare Workers：全球 200+ 数据中心，亚毫秒启动",
        "Cloudflare Workers: 全球200+数据中心,亚毫秒启动",
    ),
    fact(
        "Fastly Compute: the Wasmtime runtime, Rust first",
        "Fastly Compute：Wasmtime 运行时，Rust 优先",
        "Fastly Compute: Wasmtime运行时,Rust优先",
    ),
    fact(
        "Deno Deploy: TypeScript/JavaScript, zero configuration",
        "Deno Deploy：TypeScript/JavaScript，零配置",
        "Deno Deploy: TypeScript/JavaScript,零配置",
    ),
    fact(
        "wasmCloud: a distributed Wasm platform, actor model",
        "wasmCloud：分布式 Wasm 平台，Actor 模型",
        "wasmCloud: 分布式WASM平台,Actor模型",
    ),
];

/// What the report recommends for which need (section `selection`).
#[derive(Clone, Copy, Debug)]
pub struct Recommendation {
    pub area: Area,
    pub need: Text,
    /// Ids in `data/items.tsv`, in the report's order.
    pub picks: &'static [&'static str],
    pub reason: Fact,
}

/// What a recommendation chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Engine,
    Orchestration,
    Sandbox,
    Gpu,
}

pub const RECOMMENDATIONS: &[Recommendation] = &[
    Recommendation {
        area: Area::Engine,
        need: Text {
            en: "Ecosystem maturity first: traditional apps, development, CI/CD",
            zh: "生态成熟度优先：传统应用、开发环境、CI/CD",
        },
        picks: &["docker-engine"],
        reason: fact(
            "The most mature ecosystem, the best compatibility",
            "最成熟的生态，兼容性最好",
            "兼容性最好",
        ),
    },
    Recommendation {
        area: Area::Engine,
        need: Text {
            en: "Security first: rootless, systemd services, multi-node (Farm)",
            zh: "安全性优先：Rootless 部署、系统级服务、多节点编排（Farm）",
        },
        picks: &["podman-5"],
        reason: fact(
            "No daemon, SQLite speedup, Pasta networking, full Docker compatibility",
            "无守护进程、SQLite 性能提升、Pasta 网络优化、完整 Docker 兼容",
            "无守护进程",
        ),
    },
    Recommendation {
        area: Area::Orchestration,
        need: Text {
            en: "Large clusters, microservices, multi-cloud, enterprise production",
            zh: "大规模集群、微服务架构、多云/混合云、企业级生产环境",
        },
        picks: &["kubernetes-131"],
        reason: fact(
            "Native sidecars, AppArmor, DRA, performance gains",
            "Sidecar 原生支持、AppArmor 安全增强、DRA 动态资源分配、性能全面提升",
            "性能全面提升",
        ),
    },
    Recommendation {
        area: Area::Orchestration,
        need: Text {
            en: "Small and medium clusters, edge nodes, when Kubernetes is too heavy",
            zh: "中小规模集群、边缘节点管理、Kubernetes 过重时",
        },
        picks: &["podman-5"],
        reason: fact(
            "Podman Farm: lightweight, easy to deploy, managed over SSH, multi-arch builds",
            "Podman Farm：轻量级、易于部署、SSH 远程管理、多架构构建",
            "Kubernetes过重",
        ),
    },
    Recommendation {
        area: Area::Sandbox,
        need: Text {
            en: "High security",
            zh: "高安全需求",
        },
        picks: &["kata", "firecracker"],
        reason: fact(
            "Hardware isolation; support for confidential computing",
            "硬件级隔离，机密计算支持",
            "理由: 硬件级隔离,机密计算支持",
        ),
    },
    Recommendation {
        area: Area::Sandbox,
        need: Text {
            en: "Raw performance",
            zh: "极致性能",
        },
        picks: &["unikernel", "wasm"],
        reason: fact(
            "Starts in milliseconds; images of a few megabytes",
            "毫秒级启动，MB 级镜像",
            "理由: 毫秒级启动,MB级镜像",
        ),
    },
    Recommendation {
        area: Area::Sandbox,
        need: Text {
            en: "Compatibility first",
            zh: "兼容性优先",
        },
        picks: &["kata", "gvisor"],
        reason: fact(
            "OCI-compatible, good Kubernetes integration",
            "OCI 兼容，Kubernetes 集成好",
            "理由: OCI兼容,K8s集成好",
        ),
    },
    Recommendation {
        area: Area::Sandbox,
        need: Text {
            en: "Edge and IoT",
            zh: "边缘/IoT",
        },
        picks: &["wasm", "unikernel"],
        reason: fact(
            "Small size, low resource use",
            "体积小，资源占用低",
            "理由: 体积小,资源占用低",
        ),
    },
    Recommendation {
        area: Area::Sandbox,
        need: Text {
            en: "Cost-sensitive",
            zh: "成本敏感",
        },
        picks: &["gvisor", "wasm"],
        reason: fact(
            "No virtualization hardware needed",
            "无需虚拟化硬件",
            "理由: 无需虚拟化硬件",
        ),
    },
    Recommendation {
        area: Area::Gpu,
        need: Text {
            en: "International vendors: top performance",
            zh: "国际厂商：最高性能",
        },
        picks: &["h100", "h200"],
        reason: fact(
            "Highest performance, most mature ecosystem, optimized for LLM inference, higher price",
            "最高性能、最成熟生态、LLM 推理优化、价格较高",
            "LLM推理优化",
        ),
    },
    Recommendation {
        area: Area::Gpu,
        need: Text {
            en: "Domestic supply first",
            zh: "自主可控优先",
        },
        picks: &["iluvatar", "moore-threads"],
        reason: fact(
            "Iluvatar: fully in-house designs; Moore Threads: graphics and compute, good value for money",
            "天数智芯完全自主；摩尔线程图形+计算，性价比高",
            "摩尔线程: 图形+计算,性价比高",
        ),
    },
    Recommendation {
        area: Area::Gpu,
        need: Text {
            en: "Value first",
            zh: "性价比优先",
        },
        picks: &["hygon"],
        reason: fact(
            "ROCm-compatible, about ¥50k, low migration cost",
            "ROCm 兼容，价格约 ¥50k，迁移成本低",
            "迁移成本低",
        ),
    },
    Recommendation {
        area: Area::Gpu,
        need: Text {
            en: "High-performance computing",
            zh: "高性能计算",
        },
        picks: &["biren"],
        reason: fact(
            "Chiplet design, high peak compute",
            "芯粒（Chiplet）设计，峰值算力高",
            "壁仞科技: Chiplet设计,峰值算力高",
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::item_name;

    const REPORT: &str = include_str!("../../data/report.zh.md");

    fn all_facts() -> Vec<Fact> {
        let mut facts: Vec<Fact> = SANDBOX_PROFILES
            .iter()
            .flat_map(|p| {
                p.traits
                    .iter()
                    .chain(p.features_2025)
                    .chain(p.scenarios)
                    .copied()
            })
            .collect();
        facts.extend(KUBERNETES_131_FEATURES.iter().map(|f| f.fact));
        facts.extend(RELEASES.iter().copied());
        facts.extend(EDGE_PLATFORMS.iter().copied());
        facts.extend(RECOMMENDATIONS.iter().map(|r| r.reason));
        facts
    }

    #[test]
    fn every_fact_quotes_the_report_in_both_languages() {
        for fact in all_facts() {
            assert!(
                REPORT.contains(fact.quote_zh),
                "not in the report: {:?}",
                fact.quote_zh
            );
            assert!(
                !fact.text.en.is_empty() && !fact.text.zh.is_empty(),
                "{:?}",
                fact.quote_zh
            );
        }
        for a in CLOUD_ADOPTION {
            assert!(REPORT.contains(a.quote_zh), "{}", a.quote_zh);
        }
    }

    #[test]
    fn items_named_by_facts_exist() {
        let items = SANDBOX_PROFILES
            .iter()
            .map(|p| p.item)
            .chain(CLOUD_ADOPTION.iter().map(|a| a.item))
            .chain(RECOMMENDATIONS.iter().flat_map(|r| r.picks.iter().copied()));
        for id in items {
            assert_ne!(item_name(id).en, "?", "unknown item {id}");
        }
    }

    #[test]
    fn kubernetes_maturity_matches_the_report() {
        let ga = KUBERNETES_131_FEATURES
            .iter()
            .filter(|f| f.maturity == Maturity::Ga)
            .count();
        let beta = KUBERNETES_131_FEATURES
            .iter()
            .filter(|f| f.maturity == Maturity::Beta)
            .count();
        let alpha = KUBERNETES_131_FEATURES
            .iter()
            .filter(|f| f.maturity == Maturity::Alpha)
            .count();
        assert_eq!((ga, beta, alpha), (2, 2, 2));
        for f in KUBERNETES_131_FEATURES {
            if f.maturity != Maturity::Improved {
                assert!(f.fact.quote_zh.contains(f.maturity.code()), "{}", f.name.en);
            }
        }
    }

    #[test]
    fn every_kubernetes_stage_names_the_release_notes_and_says_where_they_differ() {
        for f in KUBERNETES_131_FEATURES {
            let n = f.release_notes;
            assert!(!n.sources.is_empty(), "{}: no source", f.name.en);
            assert!(!n.stage.en.is_empty() && !n.stage.zh.is_empty());
        }
        let differ: Vec<&str> = KUBERNETES_131_FEATURES
            .iter()
            .filter(|f| !f.release_notes.agrees)
            .map(|f| f.name.en)
            .collect();
        // The KEPs' stages (kubernetes/enhancements, kep.yaml of each): sidecars beta in
        // 1.31, Pod failure policy GA, VolumeAttributesClass beta, no PV migration.
        assert_eq!(
            differ,
            [
                "Sidecar containers",
                "PersistentVolume migration",
                "Pod failure policy",
                "VolumeAttributesClass"
            ]
        );
    }

    #[test]
    fn every_sandbox_recommendation_of_the_report_is_here() {
        let sandbox = RECOMMENDATIONS
            .iter()
            .filter(|r| r.area == Area::Sandbox)
            .count();
        assert_eq!(sandbox, REPORT.matches("推荐:").count());
    }
}
