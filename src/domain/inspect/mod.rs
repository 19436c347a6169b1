//! The playground's inspector, in pure Rust: what is inside a WebAssembly module or
//! component, its text, its WIT world, text compiled to a binary, and what the runner
//! may call. The playground's Web Worker calls these functions (the main app never
//! does, so none of the parsing and printing crates reach the app's own wasm); the
//! page and the worker share the message types of [`protocol`].
//!
//! - [`inspect`]: kind, size, version, sections, nested modules and components,
//!   imports and exports with their types, the `name`, `producers` and
//!   `target_features` custom sections, the largest functions, validation and the
//!   features needed ([`features`](self::features) explains how they are found).
//! - [`to_wat`], [`wit_text`], [`compile_wat`]: text out and in.
//! - [`callable_exports`], [`parse_arg`]: the runner's numbers.
//! - [`chart`]: the sections as rows of the app's chart frame.
//! - [`examples`]: a core module and a component, compiled from `examples/` at build
//!   time.
//!
//! Nothing here panics on any input: every failure is a value with a byte offset (or
//! a line and column for text) and the library's message. A property test feeds random
//! and truncated binaries to all of it.

mod call;
pub mod chart;
mod examples;
mod features;
mod generate;
mod model;
mod parse;
pub mod protocol;
mod text;

pub use call::{
    ArgError, CallableExport, NumType, Value, callable_exports, parse_arg, parse_args,
    uncallable_exports,
};
pub use examples::{Example, examples};
pub use features::other_proposal_name;
pub use generate::generated_module;
pub use model::*;
pub use parse::structure;
pub use text::{
    Printed, TEXT_LIMIT, TextError, TextErrorKind, WatError, compile_and_locate, compile_wat,
    to_wat, utf16_offset, wit_text,
};

/// How many of the largest functions an inspection lists.
pub const TOP_FUNCTIONS: usize = 30;

/// How many function names an inspection carries (a large module has tens of
/// thousands; the count is always given).
pub const MAX_NAMES: usize = 1000;

/// Everything about `bytes`: their structure ([`structure`], which stops at the first
/// decoding error and keeps what came before), then the validator's verdict and the
/// features needed ([`validate`]). Never panics; garbage gives
/// [`Kind::NotWasm`] or an [`Inspection::error`] with its byte offset.
pub fn inspect(bytes: &[u8]) -> Inspection {
    let mut inspection = structure(bytes);
    if inspection.kind != Kind::NotWasm && inspection.error.is_none() {
        inspection.validation = validate(bytes, &inspection);
    }
    inspection
}

/// The validator's verdict on `bytes` and, when valid, the features they need.
/// `structure` is their [`structure`] (for the BigInt rule, which reads the types of
/// imports and exports). The worker can send the structure first and this after.
pub fn validate(bytes: &[u8], structure: &Inspection) -> Validation {
    features::validation(bytes, structure)
}

/// How much of a binary is debug information: the `.debug_*` custom sections (DWARF)
/// at its top level, their count and their bytes with headers.
pub fn debug_info(sections: &[Section]) -> (usize, u64) {
    let debug = sections.iter().filter(|s| is_debug(s));
    (debug.clone().count(), debug.map(|s| s.size).sum())
}

fn is_debug(section: &Section) -> bool {
    section.custom && section.name.starts_with(".debug_")
}

/// `bytes` without their `.debug_*` sections: the preamble and every other section,
/// byte for byte (sections are contiguous, so nothing is encoded again). `None` when
/// there is no debug information, or `sections` do not describe `bytes` (a file cut
/// short).
pub fn without_debug_info(bytes: &[u8], sections: &[Section]) -> Option<Vec<u8>> {
    if debug_info(sections).0 == 0 {
        return None;
    }
    let mut out = bytes.get(..8)?.to_vec();
    let mut at = 8u64;
    for section in sections {
        if section.offset != at {
            return None;
        }
        at = section.offset.checked_add(section.size)?;
        if !is_debug(section) {
            let start = usize::try_from(section.offset).ok()?;
            let end = usize::try_from(at).ok()?;
            out.extend_from_slice(bytes.get(start..end)?);
        }
    }
    (at == bytes.len() as u64).then_some(out)
}

/// The bytes of nested module or component `index` (see [`Inspection::nested`]) of
/// `bytes`, to inspect on their own; `None` when there is no such one.
pub fn nested(bytes: &[u8], index: usize) -> Option<&[u8]> {
    structure(bytes).nested.get(index)?.bytes(bytes)
}

#[cfg(test)]
mod tests;
