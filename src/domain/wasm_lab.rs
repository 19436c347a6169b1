//! The WebAssembly lab's modules and results, in pure Rust.
//!
//! Each feature is detected with a tiny module written here from the WebAssembly
//! specification (the binary format, section by section): if the browser validates it,
//! the feature is there. SIMD is also run, since validating and computing right are not
//! the same thing. Threads also need `crossOriginIsolated`; JS promise integration is a
//! JavaScript API, detected by its presence. The benchmark kernels are modules too.
//! Results are kept as a query string (the app's own tested codec) and written out as
//! JSON or Markdown for the visitor to copy.

use super::export::json_string;
use super::query::{format_query, parse_query};
use crate::base::lang::{Text, text};

// ---- The binary format ----

const MAGIC_VERSION: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/// `n` as unsigned LEB128.
fn leb(mut n: u32, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A vector: its length, then its items.
fn vec_of(items: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    leb(items.len() as u32, &mut out);
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

/// A section: its id, its size, its contents.
fn section(id: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![id];
    leb(body.len() as u32, &mut out);
    out.extend_from_slice(body);
    out
}

/// A module from its sections, in order.
fn module(sections: &[Vec<u8>]) -> Vec<u8> {
    let mut out = MAGIC_VERSION.to_vec();
    for s in sections {
        out.extend_from_slice(s);
    }
    out
}

/// A function body: its size, its locals (already a vector), its code and `end`.
fn body(locals: &[u8], code: &[u8]) -> Vec<u8> {
    let mut inner = locals.to_vec();
    inner.extend_from_slice(code);
    inner.push(0x0b);
    let mut out = Vec::new();
    leb(inner.len() as u32, &mut out);
    out.extend(inner);
    out
}

const TYPE: u8 = 1;
const FUNCTION: u8 = 3;
const MEMORY: u8 = 5;
const GLOBAL: u8 = 6;
const EXPORT: u8 = 7;
const CODE: u8 = 10;
const TAG: u8 = 13;

const I32: u8 = 0x7f;
const I64: u8 = 0x7e;
const F32: u8 = 0x7d;
const V128: u8 = 0x7b;
const EXTERNREF: u8 = 0x6f;
const FUNC_TYPE: u8 = 0x60;
const NO_LOCALS: &[u8] = &[0x00];

/// A function type `params -> results`.
fn func_type(params: &[u8], results: &[u8]) -> Vec<u8> {
    let mut out = vec![FUNC_TYPE];
    out.extend(vec_of(
        &params.iter().map(std::slice::from_ref).collect::<Vec<_>>(),
    ));
    out.extend(vec_of(
        &results.iter().map(std::slice::from_ref).collect::<Vec<_>>(),
    ));
    out
}

/// One function of type 0 exported as `f`, with extra sections after the function
/// section (memory, tag, global) and the given locals and code.
fn one_function(types: &[&[u8]], extra: &[Vec<u8>], locals: &[u8], code: &[u8]) -> Vec<u8> {
    let type_index = (types.len() - 1) as u8;
    let mut sections = vec![
        section(TYPE, &vec_of(types)),
        section(FUNCTION, &vec_of(&[&[type_index]])),
    ];
    sections.extend_from_slice(extra);
    // export "f" as function 0
    sections.push(section(EXPORT, &vec_of(&[&[0x01, b'f', 0x00, 0x00]])));
    sections.push(section(CODE, &vec_of(&[&body(locals, code)])));
    module(&sections)
}

/// `i32.const v` for small non-negative `v`.
fn i32_const(v: u8) -> [u8; 2] {
    debug_assert!(v < 64);
    [0x41, v]
}

// ---- Features ----

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

pub const FEATURES: [Feature; 17] = [
    Feature {
        id: "simd",
        name: text("SIMD (128-bit)", "SIMD（128 位）"),
        what: text(
            "Four 32-bit lanes per instruction: the report's 4-16x",
            "每条指令处理 4 个 32 位通道：报告所说的 4-16 倍",
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
            "Shared memory and atomic instructions: the report's \"close to native\" threads",
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
            "溢出时截断而不是陷入的转换",
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
            "Arithmetic in global initialisers",
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

/// The module that tests a feature (empty for a JavaScript API check).
pub fn feature_module(id: &str) -> Vec<u8> {
    let unit = func_type(&[], &[]);
    let to_i32 = func_type(&[], &[I32]);
    match id {
        // () -> i32: i32x4(1,2,3,4) + i32x4(10,20,30,40), lane 3 = 44
        "simd" => {
            let mut code = vec![0xfd, 0x0c];
            for v in [1u32, 2, 3, 4] {
                code.extend(v.to_le_bytes());
            }
            code.extend([0xfd, 0x0c]);
            for v in [10u32, 20, 30, 40] {
                code.extend(v.to_le_bytes());
            }
            code.extend([0xfd, 0xae, 0x01]); // i32x4.add
            code.extend([0xfd, 0x1b, 0x03]); // i32x4.extract_lane 3
            one_function(&[&to_i32], &[], NO_LOCALS, &code)
        }
        // () -> (): v128.const 0; i32x4.relaxed_trunc_f32x4_s; drop
        "relaxed-simd" => {
            let mut code = vec![0xfd, 0x0c];
            code.extend([0u8; 16]);
            code.extend([0xfd, 0x81, 0x02, 0x1a]);
            one_function(&[&unit], &[], NO_LOCALS, &code)
        }
        // shared memory 1..1; () -> i32: i32.atomic.load (align 2, offset 0) of address 0
        "threads" => {
            let memory = section(MEMORY, &vec_of(&[&[0x03, 0x01, 0x01]]));
            let mut code = i32_const(0).to_vec();
            code.extend([0xfe, 0x10, 0x02, 0x00]);
            one_function(&[&to_i32], &[memory], NO_LOCALS, &code)
        }
        // memory 1; () -> (): memory.fill(0, 0, 1)
        "bulk-memory" => {
            let memory = section(MEMORY, &vec_of(&[&[0x00, 0x01]]));
            let mut code = Vec::new();
            for v in [0, 0, 1] {
                code.extend(i32_const(v));
            }
            code.extend([0xfc, 0x0b, 0x00]);
            one_function(&[&unit], &[memory], NO_LOCALS, &code)
        }
        // () -> externref: ref.null extern
        "reference-types" => one_function(
            &[&func_type(&[], &[EXTERNREF])],
            &[],
            NO_LOCALS,
            &[0xd0, EXTERNREF],
        ),
        // () -> (i32, i32): 1, 2
        "multi-value" => {
            let mut code = i32_const(1).to_vec();
            code.extend(i32_const(2));
            one_function(&[&func_type(&[], &[I32, I32])], &[], NO_LOCALS, &code)
        }
        // (i32) -> i32: i32.extend8_s(x)
        "sign-extension" => one_function(
            &[&func_type(&[I32], &[I32])],
            &[],
            NO_LOCALS,
            &[0x20, 0x00, 0xc0],
        ),
        // (f32) -> i32: i32.trunc_sat_f32_s(x)
        "saturating-float-to-int" => one_function(
            &[&func_type(&[F32], &[I32])],
            &[],
            NO_LOCALS,
            &[0x20, 0x00, 0xfc, 0x00],
        ),
        // (i64) -> i64: x + 1
        "bigint" => one_function(
            &[&func_type(&[I64], &[I64])],
            &[],
            NO_LOCALS,
            &[0x20, 0x00, 0x42, 0x01, 0x7c],
        ),
        // tag 0 of type (); () -> (): throw 0
        "exceptions" => {
            let tag = section(TAG, &vec_of(&[&[0x00, 0x00]]));
            one_function(&[&unit], &[tag], NO_LOCALS, &[0x08, 0x00])
        }
        // () -> (): return_call 0
        "tail-calls" => one_function(&[&unit], &[], NO_LOCALS, &[0x12, 0x00]),
        // type 0 = struct { mut i32 }; () -> (): drop(struct.new 0 (1))
        "gc" => {
            let mut code = i32_const(1).to_vec();
            code.extend([0xfb, 0x00, 0x00, 0x1a]);
            one_function(&[&[0x5f, 0x01, I32, 0x01], &unit], &[], NO_LOCALS, &code)
        }
        // () -> (): call_ref 0 (ref.func 0); function 0 is declared by its export
        "typed-function-references" => {
            one_function(&[&unit], &[], NO_LOCALS, &[0xd2, 0x00, 0x14, 0x00])
        }
        // global i32 = 1 + 2 (an extended constant expression); () -> i32: global.get 0
        "extended-const" => {
            let global = section(
                GLOBAL,
                &vec_of(&[&[I32, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b]]),
            );
            one_function(&[&to_i32], &[global], NO_LOCALS, &[0x23, 0x00])
        }
        // memory with 64-bit addresses, min 1; () -> i32: i32.load from address 0 (an i64)
        "memory64" => {
            let memory = section(MEMORY, &vec_of(&[&[0x04, 0x01]]));
            one_function(
                &[&to_i32],
                &[memory],
                NO_LOCALS,
                &[0x42, 0x00, 0x28, 0x02, 0x00],
            )
        }
        // two memories; () -> i32: i32.load from memory 1 (memarg with a memory index)
        "multi-memory" => {
            let memory = section(MEMORY, &vec_of(&[&[0x00, 0x01], &[0x00, 0x01]]));
            one_function(
                &[&to_i32],
                &[memory],
                NO_LOCALS,
                &[0x41, 0x00, 0x28, 0x42, 0x01, 0x00],
            )
        }
        _ => Vec::new(),
    }
}

/// The small module timed for compile-and-instantiate: the SIMD detector.
pub fn instantiate_module() -> Vec<u8> {
    feature_module("simd")
}

/// The dot-product kernel: memory 4 pages (64 Ki f32 at most: `a` from 0, `b` from
/// `n * 4`); `scalar(n) -> f32` one float at a time, `simd(n) -> f32` four at a time
/// with f32x4 (`n` a multiple of 4).
pub fn dot_module() -> Vec<u8> {
    let n = 0u8; // local 0: n (the parameter)
    let i = 1u8; // local 1: i
    let get = |l: u8| [0x20, l];
    let set = |l: u8| [0x21, l];
    // a[i] address: i << 2; b[i] address: (i + n) << 2
    let a_addr = [&get(i)[..], &[0x41, 0x02, 0x74]].concat();
    let b_addr = [&get(i)[..], &get(n), &[0x6a, 0x41, 0x02, 0x74]].concat();
    let head = [
        &[0x02, 0x40, 0x03, 0x40][..],
        &get(i),
        &get(n),
        &[0x4f, 0x0d, 0x01],
    ]
    .concat();
    let tail = |step: u8| {
        [
            &get(i)[..],
            &[0x41, step, 0x6a],
            &set(i),
            &[0x0c, 0x00, 0x0b, 0x0b],
        ]
        .concat()
    };

    // scalar: locals i: i32, acc: f32 (local 2)
    let acc = 2u8;
    let mut scalar = head.clone();
    scalar.extend(get(acc));
    scalar.extend(&a_addr);
    scalar.extend([0x2a, 0x02, 0x00]); // f32.load
    scalar.extend(&b_addr);
    scalar.extend([0x2a, 0x02, 0x00]);
    scalar.extend([0x94, 0x92]); // f32.mul, f32.add
    scalar.extend(set(acc));
    scalar.extend(tail(1));
    scalar.extend(get(acc));
    let scalar_locals = [0x02, 0x01, I32, 0x01, F32];

    // simd: locals i: i32, v: v128 (local 2)
    let v = 2u8;
    let mut simd = head;
    simd.extend(get(v));
    simd.extend(&a_addr);
    simd.extend([0xfd, 0x00, 0x04, 0x00]); // v128.load
    simd.extend(&b_addr);
    simd.extend([0xfd, 0x00, 0x04, 0x00]);
    simd.extend([0xfd, 0xe6, 0x01, 0xfd, 0xe4, 0x01]); // f32x4.mul, f32x4.add
    simd.extend(set(v));
    simd.extend(tail(4));
    for lane in 0..4u8 {
        simd.extend(get(v));
        simd.extend([0xfd, 0x1f, lane]); // f32x4.extract_lane
        if lane > 0 {
            simd.push(0x92);
        }
    }
    let simd_locals = [0x02, 0x01, I32, 0x01, V128];

    module(&[
        section(TYPE, &vec_of(&[&func_type(&[I32], &[F32])])),
        section(FUNCTION, &vec_of(&[&[0x00], &[0x00]])),
        section(MEMORY, &vec_of(&[&[0x00, 0x04]])),
        section(
            EXPORT,
            &vec_of(&[
                &[0x06, b'm', b'e', b'm', b'o', b'r', b'y', 0x02, 0x00],
                &[0x06, b's', b'c', b'a', b'l', b'a', b'r', 0x00, 0x00],
                &[0x04, b's', b'i', b'm', b'd', 0x00, 0x01],
            ]),
        ),
        section(
            CODE,
            &vec_of(&[&body(&scalar_locals, &scalar), &body(&simd_locals, &simd)]),
        ),
    ])
}

/// How many floats each vector of the dot product has.
pub const DOT_LENGTH: u32 = 16_384;

/// The value in `a[i]` and `b[i]`, and the exact dot product they give (small
/// integers and halves: exact in f32 whatever the order of the additions).
pub fn dot_inputs(i: u32) -> (f32, f32) {
    ((i % 7) as f32, 0.5)
}

pub fn dot_expected(n: u32) -> f32 {
    (0..n)
        .map(|i| {
            let (a, b) = dot_inputs(i);
            a * b
        })
        .sum()
}

// ---- Results ----

/// What a run found. Times in milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabResults {
    /// Feature id and whether it is there, in [`FEATURES`] order.
    pub features: Vec<(String, bool)>,
    pub cross_origin_isolated: Option<bool>,
    /// Compile and instantiate the small module: median and spread (min, max).
    pub instantiate: Option<Stat>,
    pub scalar: Option<Stat>,
    pub simd: Option<Stat>,
    /// The app's own start: wasm bytes over the wire, its download, from the wasm
    /// response to the app's first code (compile + instantiate), to first content.
    pub wasm_bytes: Option<f64>,
    pub wasm_download: Option<f64>,
    pub wasm_start: Option<f64>,
    pub first_content: Option<f64>,
    /// The browser (`navigator.userAgent`) and when (ISO 8601).
    pub browser: String,
    pub when: String,
}

/// A median with its spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Stat {
    /// The median and spread of samples; `None` for none, or any not finite.
    pub fn of(samples: &[f64]) -> Option<Stat> {
        if samples.is_empty() || samples.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mid = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        } else {
            sorted[mid]
        };
        Some(Stat {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        })
    }
}

impl LabResults {
    /// The SIMD speedup: scalar time over SIMD time.
    pub fn speedup(&self) -> Option<f64> {
        let (s, v) = (self.scalar?, self.simd?);
        (v.median > 0.0).then(|| s.median / v.median)
    }

    /// The results as a query string, for localStorage (`v=2&f.simd=1&…`; benchmark
    /// figures in microseconds, to keep their precision).
    pub fn to_store(&self) -> String {
        let mut pairs: Vec<(String, String)> = vec![("v".into(), "2".into())];
        for (id, on) in &self.features {
            pairs.push((format!("f.{id}"), if *on { "1" } else { "0" }.into()));
        }
        if let Some(c) = self.cross_origin_isolated {
            pairs.push(("coi".into(), if c { "1" } else { "0" }.into()));
        }
        for (key, stat) in [
            ("inst", self.instantiate),
            ("scalar", self.scalar),
            ("simd", self.simd),
        ] {
            if let Some(s) = stat {
                let us = |v: f64| micro(v * 1000.0);
                pairs.push((
                    key.into(),
                    format!("{},{},{}", us(s.median), us(s.min), us(s.max)),
                ));
            }
        }
        for (key, value) in [
            ("bytes", self.wasm_bytes),
            ("download", self.wasm_download),
            ("start", self.wasm_start),
            ("content", self.first_content),
        ] {
            if let Some(v) = value {
                pairs.push((key.into(), micro(v)));
            }
        }
        pairs.push(("browser".into(), self.browser.clone()));
        pairs.push(("when".into(), self.when.clone()));
        format_query(&pairs)
    }

    /// Reads stored results back; `None` when the text is not ours (another version,
    /// or damaged), so the page can say so and start afresh.
    pub fn from_store(text: &str) -> Option<LabResults> {
        let pairs = parse_query(text);
        if pairs.first().map(|(k, v)| (k.as_str(), v.as_str())) != Some(("v", "2")) {
            return None;
        }
        let mut r = LabResults::default();
        let number = |v: &str| v.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0);
        let stat = |v: &str| {
            let parts: Vec<f64> = v
                .split(',')
                .filter_map(number)
                .map(|us| us / 1000.0)
                .collect();
            match parts[..] {
                [median, min, max] if min <= median && median <= max => {
                    Some(Stat { median, min, max })
                }
                _ => None,
            }
        };
        for (key, value) in pairs.into_iter().skip(1) {
            let ok = match key.as_str() {
                "coi" => {
                    r.cross_origin_isolated = Some(value == "1");
                    value == "1" || value == "0"
                }
                "inst" => {
                    r.instantiate = stat(&value);
                    r.instantiate.is_some()
                }
                "scalar" => {
                    r.scalar = stat(&value);
                    r.scalar.is_some()
                }
                "simd" => {
                    r.simd = stat(&value);
                    r.simd.is_some()
                }
                "bytes" => {
                    r.wasm_bytes = number(&value);
                    r.wasm_bytes.is_some()
                }
                "download" => {
                    r.wasm_download = number(&value);
                    r.wasm_download.is_some()
                }
                "start" => {
                    r.wasm_start = number(&value);
                    r.wasm_start.is_some()
                }
                "content" => {
                    r.first_content = number(&value);
                    r.first_content.is_some()
                }
                "browser" => {
                    r.browser = value.chars().take(300).collect();
                    true
                }
                "when" => {
                    r.when = value.chars().take(40).collect();
                    true
                }
                other => match other.strip_prefix("f.") {
                    Some(id)
                        if FEATURES.iter().any(|f| f.id == id)
                            && (value == "1" || value == "0") =>
                    {
                        r.features.push((id.to_owned(), value == "1"));
                        true
                    }
                    _ => false,
                },
            };
            if !ok {
                return None;
            }
        }
        Some(r)
    }

    /// The results as JSON, for copying.
    pub fn to_json(&self) -> String {
        let opt = |v: Option<f64>| v.map_or("null".to_owned(), micro);
        let stat = |s: Option<Stat>| {
            s.map_or("null".to_owned(), |s| {
                let us = |v: f64| micro(v * 1000.0);
                format!(
                    "{{\"median_us\": {}, \"min_us\": {}, \"max_us\": {}}}",
                    us(s.median),
                    us(s.min),
                    us(s.max)
                )
            })
        };
        let features: Vec<String> = self
            .features
            .iter()
            .map(|(id, on)| format!("    \"{id}\": {on}"))
            .collect();
        format!(
            "{{\n  \"browser\": {},\n  \"when\": {},\n  \"cross_origin_isolated\": {},\n  \"features\": {{\n{}\n  }},\n  \"instantiate\": {},\n  \"dot_scalar\": {},\n  \"dot_simd\": {},\n  \"simd_speedup\": {},\n  \"app_start\": {{\"wasm_bytes\": {}, \"wasm_download_ms\": {}, \"wasm_to_first_code_ms\": {}, \"first_content_ms\": {}}}\n}}\n",
            json_string(&self.browser),
            json_string(&self.when),
            self.cross_origin_isolated
                .map_or("null".to_owned(), |c| c.to_string()),
            features.join(",\n"),
            stat(self.instantiate),
            stat(self.scalar),
            stat(self.simd),
            opt(self.speedup()),
            opt(self.wasm_bytes),
            opt(self.wasm_download),
            opt(self.wasm_start),
            opt(self.first_content),
        )
    }
}

impl LabResults {
    /// The results as Markdown, in the reader's language.
    pub fn to_markdown(&self, lang: crate::base::lang::Lang) -> String {
        use crate::i18n::Key;
        let yes_no = |on: bool| {
            if on {
                Key::LabSupported.text(lang)
            } else {
                Key::LabUnsupported.text(lang)
            }
        };
        let stat = |s: Option<Stat>| {
            s.map_or(Key::LabPending.text(lang).to_owned(), |s| {
                stat_text(s, lang)
            })
        };
        let mut md = format!(
            "# {}

- {}: {}
- {}: {}

## {}

",
            Key::LabMdTitle.text(lang),
            Key::LabMdBrowser.text(lang),
            self.browser,
            Key::LabMdWhen.text(lang),
            self.when,
            Key::LabFeatures.text(lang)
        );
        for f in FEATURES {
            if let Some((_, on)) = self.features.iter().find(|(id, _)| id == f.id) {
                md.push_str(&format!("- {}: {}\n", f.name.get(lang), yes_no(*on)));
            }
        }
        md.push_str(&format!("\n## {}\n\n", Key::LabBench.text(lang)));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabBInstantiate.text(lang),
            stat(self.instantiate)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabScalar.text(lang),
            stat(self.scalar)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSimd.text(lang),
            stat(self.simd)
        ));
        if let Some(x) = self.speedup() {
            md.push_str(&format!("- {}\n", speedup_text(x, lang)));
        }
        md.push_str(&format!("\n## {}\n\n", Key::LabStart.text(lang)));
        let ms =
            |v: Option<f64>| v.map_or(Key::LabUnavailable.text(lang).to_owned(), duration_text);
        let kb = self
            .wasm_bytes
            .map_or(Key::LabUnavailable.text(lang).to_owned(), kb_text);
        md.push_str(&format!("- {}: {kb}\n", Key::LabSBytes.text(lang)));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSDownload.text(lang),
            ms(self.wasm_download)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSCompile.text(lang),
            ms(self.wasm_start)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSContent.text(lang),
            ms(self.first_content)
        ));
        md
    }
}

/// "median 15.2 µs (spread 13.1 µs–30 µs)".
pub fn stat_text(s: Stat, lang: crate::base::lang::Lang) -> String {
    let (median, min, max) = (
        duration_text(s.median),
        duration_text(s.min),
        duration_text(s.max),
    );
    crate::i18n::Key::LabStat.fill(lang, &[("median", &median), ("min", &min), ("max", &max)])
}

/// A speedup to two decimals: "3.79".
pub fn speedup_figure(x: f64) -> String {
    micro((x * 100.0).round() / 100.0)
}

/// The speedup sentence: "SIMD speedup: 3.79× (the report: 4–16×; …)".
pub fn speedup_text(x: f64, lang: crate::base::lang::Lang) -> String {
    crate::i18n::Key::LabSpeedup.fill(lang, &[("x", &speedup_figure(x))])
}

/// Bytes in KB of 1024, to one decimal: "283.2 KB".
pub fn kb_text(bytes: f64) -> String {
    format!("{} KB", micro((bytes / 102.4).round() / 10.0))
}

/// A duration given in ms, in µs under a millisecond: "15.2 µs", "3.25 ms".
pub fn duration_text(ms: f64) -> String {
    if ms < 1.0 {
        format!("{} µs", micro((ms * 10_000.0).round() / 10.0))
    } else {
        format!("{} ms", micro((ms * 100.0).round() / 100.0))
    }
}

/// A number to a microsecond (three decimals of a millisecond).
fn micro(v: f64) -> String {
    crate::base::quantity::number(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_encodes_as_the_spec_says() {
        let enc = |n| {
            let mut v = Vec::new();
            leb(n, &mut v);
            v
        };
        assert_eq!(enc(0), [0x00]);
        assert_eq!(enc(127), [0x7f]);
        assert_eq!(enc(128), [0x80, 0x01]);
        assert_eq!(enc(624_485), [0xe5, 0x8e, 0x26]);
    }

    #[test]
    fn every_feature_has_a_test_and_ids_are_unique() {
        for f in FEATURES {
            assert_eq!(FEATURES.iter().filter(|g| g.id == f.id).count(), 1);
            let bytes = feature_module(f.id);
            assert_eq!(bytes.is_empty(), f.method == Method::JsApi, "{}", f.id);
            if !bytes.is_empty() {
                assert_eq!(bytes[..8], MAGIC_VERSION);
            }
        }
        assert!(FEATURES.len() >= 15);
    }

    #[test]
    fn the_dot_product_inputs_are_exact() {
        assert_eq!(dot_expected(7), 10.5);
        assert_eq!(dot_expected(DOT_LENGTH), 24_573.0);
    }

    #[test]
    fn stats_take_the_median_and_refuse_bad_samples() {
        assert_eq!(
            Stat::of(&[3.0, 1.0, 2.0]),
            Some(Stat {
                median: 2.0,
                min: 1.0,
                max: 3.0
            })
        );
        assert_eq!(Stat::of(&[4.0, 1.0, 2.0, 3.0]).unwrap().median, 2.5);
        assert_eq!(Stat::of(&[]), None);
        assert_eq!(Stat::of(&[1.0, f64::NAN]), None);
    }

    fn sample() -> LabResults {
        LabResults {
            features: vec![("simd".into(), true), ("memory64".into(), false)],
            cross_origin_isolated: Some(false),
            instantiate: Stat::of(&[0.2, 0.1, 0.3]),
            scalar: Stat::of(&[8.0, 9.0]),
            simd: Stat::of(&[2.0, 2.5]),
            wasm_bytes: Some(290_000.0),
            wasm_download: Some(12.5),
            wasm_start: Some(30.25),
            first_content: Some(64.0),
            browser: "Mozilla/5.0 \"Chrome\"".into(),
            when: "2026-11-27T03:00:00Z".into(),
        }
    }

    #[test]
    fn stored_results_round_trip_and_damage_is_refused() {
        let r = sample();
        assert_eq!(LabResults::from_store(&r.to_store()), Some(r.clone()));
        assert_eq!(LabResults::from_store(""), None);
        assert_eq!(
            LabResults::from_store("v=1&f.simd=1"),
            None,
            "an older version"
        );
        assert_eq!(LabResults::from_store("v=2&f.simd=maybe"), None);
        assert_eq!(LabResults::from_store("v=2&inst=3,2,1"), None);
        assert_eq!(LabResults::from_store("v=2&f.unknown=1"), None);
        assert_eq!(LabResults::from_store("{\"json\": true}"), None);
        assert!(LabResults::from_store("v=2&f.simd=1").unwrap().features[0].1);
        assert_eq!(
            LabResults::from_store("v=2&inst=150,100,300")
                .unwrap()
                .instantiate
                .unwrap()
                .median,
            0.15
        );
    }

    #[test]
    fn markdown_lists_features_benchmarks_and_start() {
        let md = sample().to_markdown(crate::base::lang::Lang::En);
        assert!(md.starts_with("# WebAssembly lab results\n"));
        assert!(md.contains("- SIMD (128-bit): supported\n"));
        assert!(md.contains("- Memory64: not supported\n"));
        assert!(md.contains("median 200 µs (spread 100 µs–300 µs)"), "{md}");
        assert_eq!(duration_text(0.0152), "15.2 µs");
        assert_eq!(duration_text(3.254), "3.25 ms");
        assert!(md.contains("SIMD speedup: 3.78×"));
        assert!(md.contains("WebAssembly downloaded: 283.2 KB"));
        let zh = LabResults::default().to_markdown(crate::base::lang::Lang::Zh);
        assert!(zh.contains("尚未运行"));
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

    #[test]
    fn json_parses_and_holds_the_figures() {
        let json: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(json["features"]["simd"], true);
        assert_eq!(json["features"]["memory64"], false);
        assert_eq!(json["simd_speedup"], 3.778);
        assert_eq!(json["instantiate"]["median_us"], 200.0);
        assert_eq!(json["browser"], "Mozilla/5.0 \"Chrome\"");
        assert_eq!(json["cross_origin_isolated"], false);
        let empty: serde_json::Value =
            serde_json::from_str(&LabResults::default().to_json()).unwrap();
        assert!(empty["dot_simd"].is_null());
    }
}
