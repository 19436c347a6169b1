//! Text out and text in: a binary printed in the WebAssembly text format (wasmprinter),
//! a component's WIT world (wit-component), and text compiled to a binary (wast, the
//! parser inside the `wat` crate).

use serde::{Deserialize, Serialize};
use std::io;

/// How many bytes of text [`to_wat`] gives by default: 2 MiB, about 60 000 lines,
/// which a page can still show and scroll. A 10 MB module prints to 40-60 MB of text.
pub const TEXT_LIMIT: usize = 2 * 1024 * 1024;

/// Printed text, maybe cut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printed {
    pub text: String,
    /// The printer was stopped at the limit: `text` holds the whole lines before it.
    pub truncated: bool,
}

/// Why a binary could not be printed or decoded to WIT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextErrorKind {
    /// `wit_text` of a core module: only components have a WIT world.
    NotAComponent,
    /// The binary cannot be decoded (or, for WIT, does not follow the conventions of
    /// a WIT world).
    Malformed,
}

/// An error of [`to_wat`] or [`wit_text`]: a kind for the page to translate, the
/// library's message, and the byte offset when the library gave one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextError {
    pub kind: TextErrorKind,
    pub offset: Option<u64>,
    pub message: String,
}

impl TextError {
    /// From an error of wasmprinter or wit-component (an `anyhow::Error`): the offset
    /// when a wasmparser error is in its chain, and the whole chain as the message.
    fn from_library(error: &(dyn std::error::Error + 'static)) -> TextError {
        let mut offset = None;
        let mut message = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = current {
            if let Some(e) = e.downcast_ref::<wasmparser::BinaryReaderError>() {
                offset = Some(e.offset());
                break;
            }
            current = e.source();
        }
        TextError {
            kind: TextErrorKind::Malformed,
            offset,
            message,
        }
    }
}

/// A [`wasmprinter::Print`] that keeps at most `limit` bytes, cut at the end of a
/// line, and then stops the printer with an error so it does no more work.
struct Limited {
    text: String,
    limit: usize,
    truncated: bool,
}

impl wasmprinter::Print for Limited {
    fn write_str(&mut self, s: &str) -> io::Result<()> {
        if self.text.len() + s.len() <= self.limit {
            self.text.push_str(s);
            return Ok(());
        }
        self.truncated = true;
        let whole_lines = self.text.rfind('\n').map_or(0, |i| i + 1);
        self.text.truncate(whole_lines);
        Err(io::Error::other("text limit reached"))
    }
}

/// The binary as WebAssembly text: everything, or with `skeleton` only the
/// declarations (function signatures, imports, exports, no bodies or data), which
/// stays short for a large module.
///
/// At most `limit` bytes come back ([`TEXT_LIMIT`] is a good default): the printer
/// stops when the text reaches it, so a 10 MB module costs no more time or memory
/// than its first `limit` bytes of text, and [`Printed::truncated`] says so. Pass
/// `usize::MAX` for a download of the whole text.
pub fn to_wat(bytes: &[u8], skeleton: bool, limit: usize) -> Result<Printed, TextError> {
    let mut out = Limited {
        text: String::new(),
        limit,
        truncated: false,
    };
    let mut config = wasmprinter::Config::new();
    config.print_skeleton(skeleton);
    match config.print(bytes, &mut out) {
        Ok(()) => {}
        Err(_) if out.truncated => {}
        Err(e) => return Err(TextError::from_library(e.as_ref())),
    }
    Ok(Printed {
        text: out.text,
        truncated: out.truncated,
    })
}

/// A component's WIT world as WIT text: its package, the world with its imports and
/// exports, and the packages of the interfaces it uses (nested `package … { }`), the
/// way `wasm-tools component wit` prints it. A core module gives
/// [`TextErrorKind::NotAComponent`].
pub fn wit_text(bytes: &[u8]) -> Result<String, TextError> {
    if !wasmparser::Parser::is_component(bytes) {
        return Err(TextError {
            kind: TextErrorKind::NotAComponent,
            offset: None,
            message: "only a component has a WIT world; this is not one".to_owned(),
        });
    }
    let decoded = wit_component::decode(bytes).map_err(|e| TextError::from_library(e.as_ref()))?;
    let resolve = decoded.resolve();
    let main = decoded.package();
    let nested: Vec<_> = resolve
        .packages
        .iter()
        .map(|(id, _)| id)
        .filter(|id| *id != main)
        .collect();
    let mut printer = wit_component::WitPrinter::default();
    printer
        .print(resolve, main, &nested)
        .map_err(|e| TextError::from_library(e.as_ref()))?;
    Ok(printer.output.to_string())
}

/// An error in WebAssembly text, at a place in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters (Unicode scalar values) from the line's start.
    pub column: u32,
    pub message: String,
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

/// Compiles WebAssembly text, a module or a component (`(component …)`), to a binary.
/// Names (`$id`) go into the `name` section.
pub fn compile_wat(text: &str) -> Result<Vec<u8>, WatError> {
    let error = |e: wast::Error| {
        let (line, column) = line_column(text, e.span().offset());
        WatError {
            line,
            column,
            message: e.message(),
        }
    };
    let buffer = wast::parser::ParseBuffer::new(text).map_err(error)?;
    let mut wat = wast::parser::parse::<wast::Wat>(&buffer).map_err(error)?;
    wat.encode().map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "ab\nc中d\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // After "c中" (1 + 3 bytes): the fourth byte of line 2 is its third character.
        assert_eq!(line_column(text, 7), (2, 3));
        // Past the end, and inside a character: clamped, never a panic.
        assert_eq!(line_column(text, 99), (3, 1));
        assert_eq!(line_column(text, 5), (2, 2));
    }
}
