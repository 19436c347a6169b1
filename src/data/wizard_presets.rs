//! The report's five selection profiles (section `selection`, 轻量级虚拟化选择) as
//! the wizard's answers, with the report's picks and what the answers assume where
//! the report leaves it open. Whether the engine agrees is `domain::wizard::agrees`.

use crate::base::answers::{Answers, Artifact, Gpu, Kvm, Place, Priority, Startup, Tee, Workload};
use crate::base::lang::{Text, text};

/// One of the report's selection profiles, as answers.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    pub code: &'static str,
    pub name: Text,
    /// The answers that describe the profile.
    pub answers: Answers,
    /// The report's picks (technology codes), in its order.
    pub picks: &'static [&'static str],
    /// What the answers assume, where the report leaves it open.
    pub assumes: Text,
}

pub const PRESETS: [Preset; 5] = [
    Preset {
        code: "high-security",
        name: text("High security", "高安全需求"),
        answers: Answers {
            workload: Workload::Untrusted,
            artifact: Artifact::Oci,
            startup: Startup::Any,
            kvm: Kvm::Yes,
            gpu: Gpu::No,
            place: Place::K8s,
            tee: Tee::No,
            priority: Priority::Security,
        },
        picks: &["kata", "firecracker"],
        assumes: text(
            "Untrusted code in existing images, on KVM hosts, in Kubernetes",
            "不受信任的代码、现有镜像、KVM 主机、Kubernetes",
        ),
    },
    Preset {
        code: "performance",
        name: text("Raw performance", "极致性能"),
        answers: Answers {
            workload: Workload::Own,
            artifact: Artifact::Wasm,
            startup: Startup::Within10Ms,
            kvm: Kvm::Unknown,
            gpu: Gpu::No,
            place: Place::Serverless,
            tee: Tee::No,
            priority: Priority::Performance,
        },
        picks: &["unikernel", "wasm"],
        assumes: text(
            "Your own code compiled to Wasm, a 10 ms cold-start budget, serverless",
            "自有代码编译为 Wasm、10ms 冷启动预算、Serverless",
        ),
    },
    Preset {
        code: "compatibility",
        name: text("Compatibility first", "兼容性优先"),
        answers: Answers {
            workload: Workload::Untrusted,
            artifact: Artifact::Oci,
            startup: Startup::Within1S,
            kvm: Kvm::Yes,
            gpu: Gpu::No,
            place: Place::K8s,
            tee: Tee::No,
            priority: Priority::Compatibility,
        },
        picks: &["kata", "gvisor"],
        assumes: text(
            "A sandbox for existing images in Kubernetes, so the code is taken as untrusted",
            "在 Kubernetes 中为现有镜像加沙箱，因此视代码为不受信任",
        ),
    },
    Preset {
        code: "edge",
        name: text("Edge and IoT", "边缘/IoT"),
        answers: Answers {
            workload: Workload::Own,
            artifact: Artifact::Wasm,
            startup: Startup::Within100Ms,
            kvm: Kvm::Unknown,
            gpu: Gpu::No,
            place: Place::Edge,
            tee: Tee::No,
            priority: Priority::Footprint,
        },
        picks: &["wasm", "unikernel"],
        assumes: text(
            "Your own code compiled to Wasm, on small devices",
            "自有代码编译为 Wasm，运行在小型设备上",
        ),
    },
    Preset {
        code: "cost",
        name: text("Cost-sensitive", "成本敏感"),
        answers: Answers {
            workload: Workload::Untrusted,
            artifact: Artifact::Oci,
            startup: Startup::Within1S,
            kvm: Kvm::No,
            gpu: Gpu::No,
            place: Place::K8s,
            tee: Tee::No,
            priority: Priority::Cost,
        },
        picks: &["gvisor", "wasm"],
        assumes: text(
            "Hosts without virtualization hardware (the report's reason), existing images, and a sandbox wanted",
            "主机没有虚拟化硬件（报告给出的理由）、现有镜像、需要沙箱",
        ),
    },
];
