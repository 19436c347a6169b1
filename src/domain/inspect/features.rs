//! Validation, and the features a binary needs, named by the lab's ids so the page can
//! set them against what this browser supports.
//!
//! # How the features are found
//!
//! The binary is validated once with every feature on: that is the validator's verdict.
//! If it is valid, it is validated again with every tracked proposal off. wasmparser
//! tags the error of a construct that needs a proposal with that proposal
//! ([`BinaryReaderError::missing_wasm_feature`]), so each failure names one feature
//! the binary needs and where; it is switched on and validation runs again, until the
//! binary validates. That costs one validation per needed feature plus two, and the
//! failing ones stop at the first use of the missing feature, usually early.
//!
//! A few checks in wasmparser are not tagged (a second memory without multi-memory, a
//! second table without reference types, a data count section without bulk memory,
//! which Rust's output has). On such an error each proposal still off is switched on
//! alone until one moves the error: the others fail again at the same place, as early
//! as before, so this stays cheap. Should none move it, each remaining proposal is
//! decided on its own: needed if the binary is invalid with everything on but it.
//!
//! Both ways find features that the validator demands. The greedy way may report a
//! proposal that another one would also have satisfied (a typed reference needs
//! function references, or GC, which includes them): the set it reports is enough,
//! and every member was asked for.
//!
//! Measured natively (release build, this 2-core machine, mean of 5 runs) with
//! `cargo test --release --lib inspect::tests::large::measure -- --ignored --nocapture`:
//!
//! | binary | one validation | validation + this search | deciding each alone |
//! |---|---:|---:|---:|
//! | this app's release wasm, 962 KB, 3 133 functions, 5 features | 9 ms | 28-38 ms | 224 ms |
//! | generated, 10 MB, 10 121 functions, 1 feature at the very end | 62 ms | 187 ms | 1 558 ms |
//!
//! Deciding each of the 25 proposals alone costs 25 full validations whatever the
//! binary; this search costs two plus one per feature, most of them cut short.
//!
//! BigInt integration is not a validator feature: a core module needs it when an
//! imported or exported function or global has an `i64`, which JavaScript passes as
//! a BigInt.

use super::model::*;
use super::parse::problem;
use crate::base::lang::{Text, text};
use wasmparser::{Validator, WasmFeatures};

/// A proposal the search tracks: the lab's id or the proposal's name, whether the lab
/// detects it, and wasmparser's flags for it.
struct Proposal {
    id: &'static str,
    in_lab: bool,
    flags: WasmFeatures,
    /// The name people read, for a proposal the lab does not know (the lab's own
    /// features are named in its data).
    name: Option<Text>,
}

const fn lab(id: &'static str, flags: WasmFeatures) -> Proposal {
    Proposal {
        id,
        in_lab: true,
        flags,
        name: None,
    }
}

const fn other(id: &'static str, name: Text, flags: WasmFeatures) -> Proposal {
    Proposal {
        id,
        in_lab: false,
        flags,
        name: Some(name),
    }
}

/// The readable name of a proposal the lab does not detect (`mutable-globals` is
/// "Mutable globals"); `None` for the lab's own, named in its data, and unknown ids.
pub fn other_proposal_name(id: &str) -> Option<&'static Text> {
    PROPOSALS
        .iter()
        .find(|p| p.id == id)
        .and_then(|p| p.name.as_ref())
}

/// Every proposal a core module may need, in the lab's order, then those the lab
/// does not detect. The flags of different entries do not overlap. wasmparser's
/// internal gates (floats, GC types) and the component model's own proposals stay on.
const PROPOSALS: [Proposal; 25] = [
    lab("simd", WasmFeatures::SIMD),
    lab("relaxed-simd", WasmFeatures::RELAXED_SIMD),
    lab("threads", WasmFeatures::THREADS),
    // Includes bulk-memory-opt (memory.copy and memory.fill alone).
    lab("bulk-memory", WasmFeatures::BULK_MEMORY),
    // Includes the overlong call_indirect encoding.
    lab("reference-types", WasmFeatures::REFERENCE_TYPES),
    lab("multi-value", WasmFeatures::MULTI_VALUE),
    lab("sign-extension", WasmFeatures::SIGN_EXTENSION),
    lab(
        "saturating-float-to-int",
        WasmFeatures::SATURATING_FLOAT_TO_INT,
    ),
    // The legacy encoding (try/catch) is what browsers shipped first; both count.
    lab(
        "exceptions",
        WasmFeatures::EXCEPTIONS.union(WasmFeatures::LEGACY_EXCEPTIONS),
    ),
    lab("tail-calls", WasmFeatures::TAIL_CALL),
    lab("gc", WasmFeatures::GC),
    lab(
        "typed-function-references",
        WasmFeatures::FUNCTION_REFERENCES,
    ),
    lab("extended-const", WasmFeatures::EXTENDED_CONST),
    lab("memory64", WasmFeatures::MEMORY64),
    lab("multi-memory", WasmFeatures::MULTI_MEMORY),
    other(
        "mutable-globals",
        text(
            "Mutable globals (imported and exported)",
            "可变全局变量（导入与导出）",
        ),
        WasmFeatures::MUTABLE_GLOBAL,
    ),
    other(
        "shared-everything-threads",
        text("Shared-everything threads", "全共享线程"),
        WasmFeatures::SHARED_EVERYTHING_THREADS,
    ),
    other(
        "wide-arithmetic",
        text("Wide arithmetic (128-bit)", "宽算术（128 位）"),
        WasmFeatures::WIDE_ARITHMETIC,
    ),
    other(
        "custom-page-sizes",
        text("Custom page sizes", "自定义内存页大小"),
        WasmFeatures::CUSTOM_PAGE_SIZES,
    ),
    other(
        "stack-switching",
        text("Stack switching", "栈切换"),
        WasmFeatures::STACK_SWITCHING,
    ),
    other(
        "memory-control",
        text("Memory control", "内存控制"),
        WasmFeatures::MEMORY_CONTROL,
    ),
    other(
        "custom-descriptors",
        text("Custom descriptors", "自定义描述符"),
        WasmFeatures::CUSTOM_DESCRIPTORS,
    ),
    other(
        "compact-imports",
        text("Compact imports", "紧凑导入"),
        WasmFeatures::COMPACT_IMPORTS,
    ),
    other(
        "acquire-release-atomics",
        text("Acquire-release atomics", "获取-释放原子操作"),
        WasmFeatures::ACQUIRE_RELEASE_ATOMICS,
    ),
    other(
        "multibyte-array-access",
        text("Multibyte array access", "多字节数组访问"),
        WasmFeatures::MULTIBYTE_ARRAY_ACCESS,
    ),
];

fn tracked() -> WasmFeatures {
    PROPOSALS
        .iter()
        .fold(WasmFeatures::empty(), |all, p| all.union(p.flags))
}

fn validate(bytes: &[u8], features: WasmFeatures) -> Result<(), wasmparser::BinaryReaderError> {
    Validator::new_with_features(features)
        .validate_all(bytes)
        .map(|_| ())
}

/// The validator's verdict on `bytes`, and for a valid binary, what it needs.
/// `structure` is the binary's inspection, for the BigInt rule.
pub fn validation(bytes: &[u8], structure: &Inspection) -> Validation {
    if let Err(error) = validate(bytes, WasmFeatures::all()) {
        return Validation {
            error: Some(problem(&error, true)),
            features: None,
        };
    }
    let mut needed = search(bytes);
    if structure.kind == Kind::Module && crosses_as_bigint(structure) {
        needed.push(NeededFeature {
            id: "bigint".to_owned(),
            in_lab: true,
            evidence: Evidence::JsBoundary,
            offset: None,
        });
    }
    Validation {
        error: None,
        features: Some(needed),
    }
}

/// The proposals a binary that is valid with every feature needs (see the module's
/// documentation).
fn search(bytes: &[u8]) -> Vec<NeededFeature> {
    let all = WasmFeatures::all();
    let mut enabled = all.difference(tracked());
    let mut found: Vec<(usize, Option<u64>)> = Vec::new();
    let off = |enabled: WasmFeatures| {
        PROPOSALS
            .iter()
            .enumerate()
            .filter(move |(_, p)| !enabled.contains(p.flags))
    };
    // Each round either ends or switches a new proposal on, so this ends.
    for _ in 0..=PROPOSALS.len() {
        let Err(error) = validate(bytes, enabled) else {
            break;
        };
        let tagged = error.missing_wasm_feature().and_then(|missing| {
            off(enabled).find_map(|(i, p)| p.flags.intersects(missing).then_some(i))
        });
        // An untagged check: the proposal that, switched on alone, moves the error.
        // The others fail again at the same place, which is as early as before.
        let same = |e: &wasmparser::BinaryReaderError| {
            e.offset() == error.offset() && e.message() == error.message()
        };
        let wanted = tagged.or_else(|| {
            off(enabled).find_map(|(i, p)| {
                let moved =
                    validate(bytes, enabled.union(p.flags)).map_or_else(|e| !same(&e), |_| true);
                moved.then_some(i)
            })
        });
        match wanted {
            Some(i) => {
                enabled = enabled.union(PROPOSALS[i].flags);
                found.push((i, Some(error.offset())));
            }
            None => {
                // No single proposal fixes it: decide each remaining one on its own.
                for (i, p) in off(enabled) {
                    if let Err(e) = validate(bytes, all.difference(p.flags)) {
                        found.push((i, Some(e.offset())));
                    }
                }
                break;
            }
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found
        .into_iter()
        .map(|(i, offset)| NeededFeature {
            id: PROPOSALS[i].id.to_owned(),
            in_lab: PROPOSALS[i].in_lab,
            evidence: Evidence::Validator,
            offset,
        })
        .collect()
}

/// An `i64` crosses the JavaScript boundary: in a parameter or result of an imported
/// or exported function, or as the value of an imported or exported global.
fn crosses_as_bigint(structure: &Inspection) -> bool {
    let has_i64 = |ty: &ExternType| match ty {
        ExternType::Func(Some(sig)) => sig.params.iter().chain(&sig.results).any(|t| t == "i64"),
        ExternType::Global { value, .. } => value == "i64",
        _ => false,
    };
    let imports = structure.imports.iter().map(|i| &i.ty);
    let exports = structure.exports.iter().map(|e| &e.ty);
    imports.chain(exports).any(has_i64)
}

/// The other way, for the tests: each proposal decided alone, needed when the binary
/// is invalid with everything on but it. Up to 25 validations.
#[cfg(test)]
pub(super) fn knock_out(bytes: &[u8]) -> Vec<&'static str> {
    let all = WasmFeatures::all();
    PROPOSALS
        .iter()
        .filter(|p| validate(bytes, all.difference(p.flags)).is_err())
        .map(|p| p.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposals_do_not_overlap_and_lab_ids_exist() {
        use crate::data::wasm_features::FEATURES;
        for (i, a) in PROPOSALS.iter().enumerate() {
            for b in &PROPOSALS[i + 1..] {
                assert!(!a.flags.intersects(b.flags), "{} and {}", a.id, b.id);
            }
            assert_eq!(
                a.in_lab,
                FEATURES.iter().any(|f| f.id == a.id),
                "{}: in_lab must say whether the lab detects it",
                a.id
            );
        }
    }
}

#[cfg(test)]
mod names {
    use super::*;

    #[test]
    fn every_proposal_has_a_name_people_read_in_both_languages() {
        for p in &PROPOSALS {
            let name = match p.name {
                Some(name) => name,
                None => {
                    let lab = crate::data::wasm_features::FEATURES
                        .iter()
                        .find(|f| f.id == p.id);
                    assert!(lab.is_some(), "{} is neither named nor the lab's", p.id);
                    continue;
                }
            };
            assert!(!p.in_lab, "{}: the lab names its own", p.id);
            for lang in [crate::base::lang::Lang::En, crate::base::lang::Lang::Zh] {
                assert_ne!(name.get(lang), p.id, "a name, not the id");
                assert!(!name.get(lang).is_empty(), "{}", p.id);
            }
        }
        assert_eq!(
            other_proposal_name("mutable-globals").map(|n| n.get(crate::base::lang::Lang::En)),
            Some("Mutable globals (imported and exported)")
        );
        assert_eq!(other_proposal_name("simd"), None);
    }
}
