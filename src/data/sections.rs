//! The report's sections: stable ids, the heading as the report writes it, and a
//! bilingual title and summary for the overview cards and the section pages.

use crate::base::lang::Text;
use crate::base::page::Page;

/// A section of the report.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Stable id, used in links and in every record's provenance.
    pub id: &'static str,
    /// The heading exactly as in `report.zh.md`.
    pub heading_zh: &'static str,
    pub title: Text,
    pub summary: Text,
    /// The page of the app that explores this section.
    pub page: Page,
}

pub const SECTIONS: &[Section] = &[
    Section {
        id: "stats",
        heading_zh: "📊 更新统计",
        title: Text {
            en: "What the update covers",
            zh: "更新统计",
        },
        summary: Text {
            en: "The report's own account of itself: 8 files updated and 3 added, about 213 KB of new content covering 12 technology areas and more than 20 vendors and projects, declared 100% complete.",
            zh: "报告对自身的统计：更新 8 个文件、新增 3 个，新增内容约 213 KB，涉及 12 个技术领域、20 多家厂商与项目，完成度 100%。",
        },
        page: Page::Data,
    },
    Section {
        id: "trends",
        heading_zh: "1️⃣ 容器技术发展趋势",
        title: Text {
            en: "Container technology trends",
            zh: "容器技术发展趋势",
        },
        summary: Text {
            en: "5G network slicing reaches Kubernetes through QoS-aware CNI plugins; edge systems mix containers with unikernels; AI workloads move into containers with GPU sharing; WebAssembly is presented as mature, with WASI, the component model and containerd shims.",
            zh: "5G 网络切片通过感知 QoS 的 CNI 插件进入 Kubernetes；边缘系统将容器与 Unikernel 组合；AI 负载借助 GPU 共享走向容器化；报告认为 WebAssembly 生态已经成熟，具备 WASI、组件模型与 containerd shim。",
        },
        page: Page::Data,
    },
    Section {
        id: "wasm",
        heading_zh: "2️⃣ WebAssembly技术",
        title: Text {
            en: "WebAssembly",
            zh: "WebAssembly 技术",
        },
        summary: Text {
            en: "The report claims a complete “WASI 2.0”, a mature component model, garbage collection, threads close to native speed and SIMD speedups of 4–16×, plus edge platforms (Cloudflare Workers in 200+ data centers) and in-browser AI inference. This app is WebAssembly too, so its lab checks these claims in your browser.",
            zh: "报告称“WASI 2.0”已完整、组件模型成熟，支持垃圾回收，多线程接近原生性能，SIMD 提速 4-16 倍，并介绍了边缘平台（Cloudflare Workers 覆盖 200+ 数据中心）与浏览器内 AI 推理。本应用本身就是 WebAssembly，实验室页面会在你的浏览器里检验这些说法。",
        },
        page: Page::Wasm,
    },
    Section {
        id: "gpu",
        heading_zh: "3️⃣ GPU容器虚拟化",
        title: Text {
            en: "GPU virtualization for containers",
            zh: "GPU 容器虚拟化",
        },
        summary: Text {
            en: "NVIDIA H100 (80 GB HBM3, MIG up to 7 instances) and H200 (141 GB HBM3e, 4.8 TB/s) set the pace; four Chinese vendors (Iluvatar CoreX, Moore Threads, Biren, Hygon DCU) are compared with the A100 on FP16 compute, memory, power, container support and price.",
            zh: "NVIDIA H100（80GB HBM3，MIG 最多 7 个实例）与 H200（141GB HBM3e，4.8TB/s）领跑；四家国产厂商（天数智芯、摩尔线程、壁仞科技、海光 DCU）在 FP16 算力、显存、功耗、容器支持与价格上与 A100 对比。",
        },
        page: Page::Gpus,
    },
    Section {
        id: "lightv",
        heading_zh: "4️⃣ 轻量级虚拟化技术",
        title: Text {
            en: "Lightweight virtualization",
            zh: "轻量级虚拟化技术",
        },
        summary: Text {
            en: "Firecracker, Kata Containers, gVisor and unikernels compared on startup time (from under 5 ms to 10–30 s), isolation strength and footprint; which cloud runs which sandbox; a market of about USD 15 billion in 2025, growing 35% a year.",
            zh: "比较 Firecracker、Kata Containers、gVisor 与 Unikernel 的启动时间（从 5ms 以内到 10-30 秒）、隔离强度与资源占用；各云厂商采用的沙箱；2025 年市场规模约 150 亿美元，年增长 35%。",
        },
        page: Page::Sandboxes,
    },
    Section {
        id: "k8s-131",
        heading_zh: "5️⃣ Kubernetes 1.31",
        title: Text {
            en: "Kubernetes 1.31",
            zh: "Kubernetes 1.31",
        },
        summary: Text {
            en: "Released on August 13, 2024, as “Elli”. The report lists native sidecar containers and AppArmor as GA, PersistentVolume migration and Pod failure policy as beta, VolumeAttributesClass and DRA as alpha; the Kubernetes project's own records differ for four of these (sidecars were beta, Pod failure policy GA, VolumeAttributesClass beta, and there was no “PersistentVolume migration”). The report also gives the API server as 30% faster and scheduler latency 25% lower.",
            zh: "2024 年 8 月 13 日发布，代号“Elli”。报告称原生 Sidecar 与 AppArmor 进入 GA，PersistentVolume 迁移与 Pod 失败策略为 Beta，VolumeAttributesClass 与 DRA 为 Alpha；Kubernetes 项目自己的记录与其中四项不同（Sidecar 当时为 Beta，Pod 失败策略已 GA，VolumeAttributesClass 为 Beta，且并无“PersistentVolume 迁移”）。报告还称 API 服务器性能 +30%、调度器延迟 -25%。",
        },
        page: Page::Engines,
    },
    Section {
        id: "podman-5",
        heading_zh: "6️⃣ Podman 5.0",
        title: Text {
            en: "Podman 5.0",
            zh: "Podman 5.0",
        },
        summary: Text {
            en: "Released on March 20, 2024: SQLite replaces BoltDB (podman ps -a from ~150 ms to ~70 ms), Farm builds and runs across nodes over SSH, Quadlet deepens systemd integration, and Pasta replaces slirp4netns as the rootless network backend.",
            zh: "2024 年 3 月 20 日发布：SQLite 取代 BoltDB（podman ps -a 从约 150ms 降至约 70ms），Farm 通过 SSH 跨节点构建与运行，Quadlet 深化 systemd 集成，Pasta 取代 slirp4netns 成为 Rootless 网络后端。",
        },
        page: Page::Engines,
    },
    Section {
        id: "highlights",
        heading_zh: "🎓 技术亮点总结",
        title: Text {
            en: "Highlights: performance gains",
            zh: "技术亮点：性能提升汇总",
        },
        summary: Text {
            en: "The report's summary table of performance changes: Podman 5 container start +40%, image pull +30%, database +50%, Pasta networking +60%, Kubernetes 1.31 API server +30%, scheduler latency -25%, etcd +20%, WebAssembly SIMD 4–16×, gVisor +50% since 2023.",
            zh: "报告的性能提升汇总表：Podman 5 容器启动 +40%、镜像拉取 +30%、数据库操作 +50%，Pasta 网络 +60%，Kubernetes 1.31 API 服务器 +30%、调度器延迟 -25%、etcd +20%，WebAssembly SIMD 4-16 倍，gVisor 较 2023 年 +50%。",
        },
        page: Page::Engines,
    },
    Section {
        id: "selection",
        heading_zh: "📊 技术选型建议",
        title: Text {
            en: "Choosing a technology",
            zh: "技术选型建议",
        },
        summary: Text {
            en: "The report's recommendations: Docker 25 or Podman 5 as the engine, Kubernetes 1.31 or Podman Farm for orchestration, a sandbox by need (security: Kata or Firecracker; raw speed: unikernels or WebAssembly; compatibility: Kata or gVisor; edge: WebAssembly or unikernels; cost: gVisor or WebAssembly), and GPUs by priority.",
            zh: "报告的建议：容器引擎选 Docker 25 或 Podman 5，编排选 Kubernetes 1.31 或 Podman Farm，沙箱按需求选择（高安全：Kata 或 Firecracker；极致性能：Unikernel 或 WebAssembly；兼容性：Kata 或 gVisor；边缘：WebAssembly 或 Unikernel；成本：gVisor 或 WebAssembly），GPU 按优先级选择。",
        },
        page: Page::Wizard,
    },
    Section {
        id: "outlook",
        heading_zh: "🔮 技术趋势展望",
        title: Text {
            en: "Outlook 2025–2027",
            zh: "2025-2027 技术趋势展望",
        },
        summary: Text {
            en: "Where the report expects things to go: containerd and WebAssembly containers on the rise, Kubernetes still dominant with lighter orchestration at the edge, Kata and Firecracker going mainstream, Chinese GPUs catching up, confidential computing and zero trust spreading, eBPF and io_uring for speed.",
            zh: "报告对未来的判断：containerd 与 WebAssembly 容器崛起，Kubernetes 继续主导、边缘编排走向轻量与标准化，Kata 与 Firecracker 主流化，国产 GPU 性能追赶，机密计算与零信任普及，eBPF 与 io_uring 带来性能提升。",
        },
        page: Page::Data,
    },
];

/// The section with this id.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// The sections a page explores, in report order.
pub fn sections_for(page: Page) -> impl Iterator<Item = &'static Section> {
    SECTIONS.iter().filter(move |s| s.page == page)
}

/// The report itself, for tests that check words against it.
#[cfg(test)]
const REPORT: &str = include_str!("../../data/report.zh.md");

/// The text of a section of the report: from its heading to the next heading of
/// the same or a higher level, code blocks (whose `#` lines are comments) apart.
#[cfg(test)]
pub fn section_text(id: &str) -> &'static str {
    let heading = section(id).expect("known section").heading_zh;
    let start = REPORT
        .lines()
        .map(|l| l.trim_start_matches('#').trim())
        .position(|l| l.starts_with(heading))
        .unwrap_or_else(|| panic!("heading of {id} in the report"));
    let lines: Vec<&str> = REPORT.lines().collect();
    let level = lines[start].chars().take_while(|c| *c == '#').count();
    let mut in_code = false;
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !in_code && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            end = i;
            break;
        }
    }
    let offset = |i: usize| lines[..i].iter().map(|l| l.len() + 1).sum::<usize>();
    &REPORT[offset(start)..offset(end).min(REPORT.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = include_str!("../../data/report.zh.md");

    #[test]
    fn ids_are_unique() {
        for s in SECTIONS {
            assert_eq!(
                SECTIONS.iter().filter(|o| o.id == s.id).count(),
                1,
                "{}",
                s.id
            );
        }
    }

    #[test]
    fn every_heading_is_in_the_report() {
        for s in SECTIONS {
            assert!(
                REPORT.lines().filter(|l| l.starts_with('#')).any(|l| l
                    .trim_start_matches('#')
                    .trim_start()
                    .starts_with(s.heading_zh)),
                "heading {:?} not found in the report",
                s.heading_zh
            );
        }
    }

    #[test]
    fn texts_are_bilingual() {
        for s in SECTIONS {
            for text in [s.title, s.summary] {
                assert!(
                    !text.en.trim().is_empty() && !text.zh.trim().is_empty(),
                    "{}",
                    s.id
                );
            }
            assert!(
                s.summary
                    .zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            );
        }
    }
}
