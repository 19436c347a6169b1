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

/// Where line `line`, column `column` (1-based, columns in characters, as
/// [`WatError`] counts them) of `text` is in UTF-16 code units, as a browser's text
/// field counts its selection; the end of the text when it has no such place.
pub fn utf16_offset(text: &str, line: u32, column: u32) -> usize {
    let mut units = 0;
    for (i, this) in text.split('\n').enumerate() {
        if i + 1 == line as usize {
            let before = this.chars().take(column.saturating_sub(1) as usize);
            return units + before.map(char::len_utf16).sum::<usize>();
        }
        units += this.encode_utf16().count() + 1;
    }
    text.encode_utf16().count()
}

/// Compiles WebAssembly text, a module or a component (`(component …)`), to a binary.
/// Names (`$id`) go into the `name` section.
pub fn compile_wat(text: &str) -> Result<Vec<u8>, WatError> {
    compile_wat_with(text, |_, _| ()).map(|(bytes, ())| bytes)
}

/// Compiles `text` as [`compile_wat`] does, and hands the parsed text and its binary to
/// `then` (which [`compile_and_locate`] uses to find an error's place in the text).
fn compile_wat_with<T>(
    text: &str,
    then: impl FnOnce(&wast::Wat<'_>, &[u8]) -> T,
) -> Result<(Vec<u8>, T), WatError> {
    let error = |e: wast::Error| {
        let (line, column) = line_column(text, e.span().offset());
        WatError {
            line,
            column,
            message: e.message(),
        }
    };
    let mut buffer = wast::parser::ParseBuffer::new(text).map_err(error)?;
    buffer.track_instr_spans(true);
    let mut wat = wast::parser::parse::<wast::Wat>(&buffer).map_err(error)?;
    let bytes = wat.encode().map_err(error)?;
    let found = then(&wat, &bytes);
    Ok((bytes, found))
}

/// Compiles `text`, and when the validator rejects the binary at byte `invalid_at`
/// (as `validate` answers, given the binary), says where in the text: the
/// instruction at that byte when it is in a function's code, else the function or,
/// failing that, the start of the module. Validation is the caller's (the inspector
/// validates once, with its features).
pub fn compile_and_locate(
    text: &str,
    validate: impl FnOnce(&[u8]) -> Option<(u64, String)>,
) -> Result<(Vec<u8>, Option<WatError>), WatError> {
    compile_wat_with(text, |wat, bytes| {
        let (offset, message) = validate(bytes)?;
        let at = place_of(wat, bytes, offset).unwrap_or(0);
        let (line, column) = line_column(text, at);
        Some(WatError {
            line,
            column,
            message,
        })
    })
}

/// The byte of `wat`'s text that became byte `offset` of `bytes`, for offsets inside
/// a defined function: the instruction there (the text's instructions and the
/// binary's operators match one to one, the binary adding the body's final `end`),
/// else the function's `func` keyword. `None` outside any function, and for
/// components and `(module binary …)`.
fn place_of(wat: &wast::Wat<'_>, bytes: &[u8], offset: u64) -> Option<usize> {
    use wast::core::{FuncKind, ModuleField, ModuleKind};
    let wast::Wat::Module(module) = wat else {
        return None;
    };
    let ModuleKind::Text(fields) = &module.kind else {
        return None;
    };
    // The function whose body holds the offset, counted among defined functions.
    let mut bodies = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let wasmparser::Payload::CodeSectionEntry(body) = payload.ok()? {
            bodies.push(body);
        }
    }
    let (index, body) = bodies
        .into_iter()
        .enumerate()
        .find(|(_, b)| b.range().contains(&offset))?;
    let func = fields
        .iter()
        .filter_map(|f| match f {
            ModuleField::Func(func) => match &func.kind {
                FuncKind::Inline { expression, .. } => Some((func.span, expression)),
                FuncKind::Import(..) => None,
            },
            _ => None,
        })
        .nth(index)?;
    let (func_span, expression) = func;
    let operators: Vec<u64> = body
        .get_operators_reader()
        .ok()?
        .into_iter_with_offsets()
        .map(|op| op.map(|(_, at)| at))
        .collect::<Result<_, _>>()
        .ok()?;
    let spans = expression.instr_spans.as_deref().unwrap_or_default();
    let matched = spans.len() == expression.instrs.len() && operators.len() == spans.len() + 1;
    let instruction = operators.iter().rposition(|&at| at <= offset);
    Some(match instruction {
        Some(i) if matched && i < spans.len() => spans[i].offset(),
        _ => func_span.offset(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_in_the_text_is_counted_as_a_browser_counts_it() {
        let text = "ab\nc😀d\n";
        assert_eq!(utf16_offset(text, 1, 1), 0);
        assert_eq!(utf16_offset(text, 2, 1), 3);
        // The emoji is two UTF-16 units: "d" is the sixth unit of line 2's start + 3.
        assert_eq!(utf16_offset(text, 2, 3), 6);
        assert_eq!(utf16_offset(text, 9, 1), 8);
        assert_eq!(utf16_offset(text, 2, 99), 7);
    }

    #[test]
    fn a_validation_error_is_placed_at_its_instruction() {
        let at = |text: &str| {
            let (bytes, found) = compile_and_locate(text, |bytes| {
                let error = wasmparser::Validator::new().validate_all(bytes).err()?;
                Some((error.offset(), error.message().to_owned()))
            })
            .unwrap();
            assert!(!bytes.is_empty());
            found.map(|e| (e.line, e.column, e.message))
        };
        // The example: i32.add with one value on the stack.
        let (line, column, message) =
            at("(module (func (export \"f\") (result i32) i32.const 1 i32.add))").unwrap();
        assert_eq!((line, column), (1, 53), "{message}");
        assert!(message.contains("type mismatch"), "{message}");
        // Folded, over lines, after an imported function and a valid one.
        let text = "(module\n  (func (import \"m\" \"f\"))\n  (func)\n  (func (result i64)\n    (i64.add\n      (i64.const 1)\n      (i32.const 2))))";
        let (line, column, _) = at(text).unwrap();
        assert_eq!((line, column), (5, 6), "the add, whose operand is an i32");
        // An error at the body's end (a value left over) is placed at the function.
        let (line, column, _) = at("(module\n  (func\n    i32.const 1))").unwrap();
        assert_eq!((line, column), (2, 4));
        // Valid text has no error; an error outside code is placed at the start.
        assert_eq!(at("(module (func))"), None);
        let (line, column, _) = at("(module (memory 2 1))").unwrap();
        assert_eq!((line, column), (1, 1));
    }

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
