//! The report's WebAssembly claims (section `wasm`), each with what the lab can check
//! of it in the visitor's browser and the independent figures on the same question.

use super::facts::Fact;
use crate::base::lang::Text;

const fn claim_fact(en: &'static str, zh: &'static str, quote_zh: &'static str) -> Fact {
    Fact {
        text: Text { en, zh },
        quote_zh,
    }
}

/// What the lab checks of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Whether this browser has the feature (an id of `wasm_features::FEATURES`).
    Feature(&'static str),
    /// The scalar/SIMD dot product's speedup.
    SimdSpeedup,
    /// Compile and instantiate a small module.
    Instantiate,
    /// `crossOriginIsolated`, which threads need.
    Isolation,
}

#[derive(Clone, Copy, Debug)]
pub struct WasmClaim {
    pub id: &'static str,
    /// The topic, as a heading.
    pub topic: Text,
    pub claim: Fact,
    /// What the lab measures or detects for it (none: cannot be checked in a browser).
    pub checks: &'static [Check],
    /// Why a browser cannot check it, where it cannot.
    pub not_here: Option<Text>,
    /// Ids of independent figures (`notes.rs`) on the same question.
    pub independent: &'static [&'static str],
}

pub const WASM_CLAIMS: &[WasmClaim] = &[
    WasmClaim {
        id: "wasi",
        topic: Text {
            en: "WASI",
            zh: "WASI",
        },
        claim: claim_fact(
            "“WASI 2.0”: a complete system interface for files, network, time, random numbers and the environment",
            "“WASI 2.0”：文件系统、网络、时间、随机数与环境变量的完整系统接口",
            "WASI 2.0重大更新",
        ),
        checks: &[],
        not_here: Some(Text {
            en: "WASI is the system interface of server-side runtimes; a browser does not run WASI modules.",
            zh: "WASI 是服务器端运行时的系统接口；浏览器不运行 WASI 模块。",
        }),
        independent: &["wasi-2"],
    },
    WasmClaim {
        id: "component-model",
        topic: Text {
            en: "Component model",
            zh: "组件模型",
        },
        claim: claim_fact(
            "A mature component model: WIT interfaces, composition, and Rust, C, Go and Python working together",
            "组件模型成熟：WIT 接口、组件组合，Rust、C、Go、Python 无缝协作",
            "组件模型成熟",
        ),
        checks: &[],
        not_here: Some(Text {
            en: "Components run in Wasmtime, Spin and wasmCloud; browsers run core modules only.",
            zh: "组件运行在 Wasmtime、Spin 与 wasmCloud 中；浏览器只运行核心模块。",
        }),
        independent: &[],
    },
    WasmClaim {
        id: "gc",
        topic: Text {
            en: "Garbage collection",
            zh: "垃圾回收",
        },
        claim: claim_fact(
            "GC support: struct and array types, managed memory; Java, Python, C# and Dart fully supported",
            "GC 支持：struct、array 类型，托管内存；Java、Python、C#、Dart 完整支持",
            "GC类型: struct、array",
        ),
        checks: &[
            Check::Feature("gc"),
            Check::Feature("reference-types"),
            Check::Feature("typed-function-references"),
        ],
        not_here: None,
        independent: &[],
    },
    WasmClaim {
        id: "threads",
        topic: Text {
            en: "Threads",
            zh: "多线程",
        },
        claim: claim_fact(
            "Threads with shared memory and atomics, “close to native thread performance”",
            "共享内存与原子操作的多线程，“接近原生线程性能”",
            "性能: 接近原生线程性能",
        ),
        checks: &[Check::Feature("threads"), Check::Isolation],
        not_here: None,
        independent: &[],
    },
    WasmClaim {
        id: "simd",
        topic: Text {
            en: "SIMD",
            zh: "SIMD",
        },
        claim: claim_fact(
            "SIMD vector instructions (v128, i8x16 to f32x4): 4–16× faster",
            "SIMD 向量指令（v128、i8x16 至 f32x4）：性能提升 4-16 倍",
            "性能提升: 4-16倍",
        ),
        checks: &[
            Check::Feature("simd"),
            Check::Feature("relaxed-simd"),
            Check::SimdSpeedup,
        ],
        not_here: None,
        independent: &[],
    },
    WasmClaim {
        id: "startup",
        topic: Text {
            en: "Startup",
            zh: "启动",
        },
        claim: claim_fact(
            "Startup in milliseconds, sizes in megabytes; under 5 ms in the report's sandbox comparison",
            "毫秒级启动、MB 级体积；在报告的沙箱对比中 <5ms",
            "优势: 毫秒级启动、MB级体积、更安全",
        ),
        checks: &[Check::Instantiate],
        not_here: None,
        independent: &["wasm-startup", "wasm-containers"],
    },
    WasmClaim {
        id: "edge",
        topic: Text {
            en: "Edge platforms",
            zh: "边缘平台",
        },
        claim: claim_fact(
            "Cloudflare Workers in 200+ data centers with sub-millisecond starts; Fastly Compute, Deno Deploy, wasmCloud",
            "Cloudflare Workers 覆盖全球 200+ 数据中心，亚毫秒启动；Fastly Compute、Deno Deploy、wasmCloud",
            "Cloudflare Workers: 全球200+数据中心,亚毫秒启动",
        ),
        checks: &[Check::Instantiate],
        not_here: Some(Text {
            en: "Edge platforms run on their own servers; the instantiate time below is what a start costs in this browser.",
            zh: "边缘平台运行在各自的服务器上；下方的实例化时间是在此浏览器中启动一次的开销。",
        }),
        independent: &[],
    },
    WasmClaim {
        id: "ai",
        topic: Text {
            en: "AI inference",
            zh: "AI 推理",
        },
        claim: claim_fact(
            "TensorFlow.js's Wasm backend: 2–10× CPU speedup; ONNX Runtime and WasmEdge inference",
            "TensorFlow.js 的 Wasm 后端：CPU 加速 2-10 倍；ONNX Runtime 与 WasmEdge 推理",
            "TensorFlow.js: WASM后端,2-10倍CPU加速",
        ),
        checks: &[Check::Feature("simd"), Check::SimdSpeedup],
        not_here: None,
        independent: &[],
    },
    WasmClaim {
        id: "runtimes",
        topic: Text {
            en: "Runtimes",
            zh: "运行时",
        },
        claim: claim_fact(
            "Runtimes: Wasmtime 14.0+, WasmEdge 0.13+, Wasmer 4.0+",
            "运行时：Wasmtime 14.0+、WasmEdge 0.13+、Wasmer 4.0+",
            "运行时: Wasmtime 14.0+、WasmEdge 0.13+、Wasmer 4.0+",
        ),
        checks: &[],
        not_here: Some(Text {
            en: "Server-side runtimes, not part of a browser.",
            zh: "服务器端运行时，不属于浏览器。",
        }),
        independent: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::notes::INDEPENDENT_FIGURES;

    const REPORT: &str = include_str!("../../data/report.zh.md");

    #[test]
    fn claims_quote_the_report_and_name_known_figures() {
        for c in WASM_CLAIMS {
            assert!(
                REPORT.contains(c.claim.quote_zh),
                "{}: {}",
                c.id,
                c.claim.quote_zh
            );
            assert!(
                c.checks.is_empty() == c.not_here.is_some() || c.id == "edge",
                "{}",
                c.id
            );
            for id in c.independent {
                assert!(INDEPENDENT_FIGURES.iter().any(|f| f.id == *id), "{id}");
            }
        }
    }
}
