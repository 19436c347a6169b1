//! The WebAssembly features the lab detects, in both languages: what each gives and
//! how the lab decides it is there. The detector modules themselves are code, in
//! `domain::wasm_lab::modules`; the claims that name these ids are in `wasm_claims`.

use crate::base::lang::{Text, text};

/// How the lab decides a feature is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// `WebAssembly.validate` on the module.
    Validate,
    /// Validate, instantiate, call `f`, and compare its result with `expect`.
    Run { expect: i32 },
    /// Validate, instantiate, call `f` with a BigInt and expect 42n back.
    RunBigInt,
    /// A JavaScript API exists (`WebAssembly.Suspending` and `WebAssembly.promising`).
    JsApi,
}

/// A feature and its test.
#[derive(Clone, Copy, Debug)]
pub struct Feature {
    /// Its id in results and markup (`data-feature`).
    pub id: &'static str,
    pub name: Text,
    /// What it gives, in a line.
    pub what: Text,
    pub method: Method,
    /// Chromium 156 ships it (for the browser tests).
    pub in_chromium: bool,
}

/// In the order the lab shows them and its results list them.
pub const FEATURES: [Feature; 17] = [
    Feature {
        id: "simd",
        name: text("SIMD (128-bit)", "SIMD（128 位）"),
        what: text(
            "128-bit vectors: four 32-bit or sixteen 8-bit lanes per instruction, the report's 4–16×",
            "128 位向量：每条指令处理 4 个 32 位或 16 个 8 位通道，即报告所说的 4-16 倍",
        ),
        method: Method::Run { expect: 44 },
        in_chromium: true,
    },
    Feature {
        id: "relaxed-simd",
        name: text("Relaxed SIMD", "宽松 SIMD"),
        what: text(
            "Faster SIMD where results may differ by platform",
            "允许结果因平台而异的更快 SIMD",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "threads",
        name: text("Threads and atomics", "线程与原子操作"),
        what: text(
            "Shared memory and atomic instructions: the report's “close to native” threads",
            "共享内存与原子指令：报告所说“接近原生”的多线程",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "bulk-memory",
        name: text("Bulk memory", "批量内存操作"),
        what: text(
            "memory.copy and memory.fill in one instruction",
            "单条指令完成 memory.copy 与 memory.fill",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "reference-types",
        name: text("Reference types", "引用类型"),
        what: text(
            "externref and funcref values, several tables",
            "externref 与 funcref 值，多个表",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "multi-value",
        name: text("Multi-value", "多返回值"),
        what: text(
            "Functions and blocks that return several values",
            "可返回多个值的函数与块",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "sign-extension",
        name: text("Sign-extension operators", "符号扩展运算"),
        what: text("i32.extend8_s and friends", "i32.extend8_s 等指令"),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "saturating-float-to-int",
        name: text("Saturating float-to-int", "饱和浮点转整数"),
        what: text(
            "Conversions that clamp instead of trapping",
            "溢出时取边界值而不触发陷阱的转换",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "bigint",
        name: text("BigInt integration", "BigInt 集成"),
        what: text(
            "64-bit integers passed to and from JavaScript as BigInt",
            "64 位整数以 BigInt 在 JavaScript 之间传递",
        ),
        method: Method::RunBigInt,
        in_chromium: true,
    },
    Feature {
        id: "exceptions",
        name: text("Exception handling", "异常处理"),
        what: text(
            "Tags, throw and catch inside WebAssembly",
            "WebAssembly 内部的标签、抛出与捕获",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "tail-calls",
        name: text("Tail calls", "尾调用"),
        what: text(
            "return_call: recursion without a growing stack",
            "return_call：递归时栈不增长",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "gc",
        name: text("Garbage collection (GC)", "垃圾回收（GC）"),
        what: text(
            "Structs and arrays managed by the engine's collector: the report's GC claim",
            "由引擎回收器管理的结构体与数组：报告的 GC 说法",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "typed-function-references",
        name: text("Typed function references", "类型化函数引用"),
        what: text(
            "call_ref on typed, non-null function references",
            "对类型化、非空函数引用使用 call_ref",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "extended-const",
        name: text("Extended constant expressions", "扩展常量表达式"),
        what: text(
            "Arithmetic in global initializers",
            "全局变量初始化中的算术",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "memory64",
        name: text("Memory64", "64 位内存"),
        what: text(
            "Memories indexed by 64-bit addresses, beyond 4 GiB",
            "以 64 位地址索引的内存，可超过 4 GiB",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "multi-memory",
        name: text("Multiple memories", "多内存"),
        what: text(
            "More than one linear memory per module",
            "每个模块可有多个线性内存",
        ),
        method: Method::Validate,
        in_chromium: true,
    },
    Feature {
        id: "jspi",
        name: text("JS promise integration (JSPI)", "JS Promise 集成（JSPI）"),
        what: text(
            "Synchronous WebAssembly calling asynchronous JavaScript",
            "同步的 WebAssembly 调用异步 JavaScript",
        ),
        method: Method::JsApi,
        in_chromium: true,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for f in FEATURES {
            assert_eq!(
                FEATURES.iter().filter(|g| g.id == f.id).count(),
                1,
                "{}",
                f.id
            );
        }
        assert!(FEATURES.len() >= 15);
    }

    #[test]
    fn claims_name_known_features() {
        use crate::data::wasm_claims::{Check, WASM_CLAIMS};
        for claim in WASM_CLAIMS {
            for check in claim.checks {
                if let Check::Feature(id) = check {
                    assert!(FEATURES.iter().any(|f| f.id == *id), "{id}");
                }
            }
        }
    }
}
