//! A trap a developer can act on: the guest's frames from the engine's stack trace
//! (V8 writes `wasm-function[12]:0x3f5` for each), named from the module's `name`
//! section and demangled (Rust's legacy and v0 schemes), with their code offsets.

use serde::{Deserialize, Serialize};
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// One frame of the guest's, innermost first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The function's index (imports first).
    pub function: u32,
    /// The byte offset in the module of the instruction that was running.
    pub offset: u32,
    /// Its name, demangled, when the module has a `name` section.
    pub name: Option<String>,
    /// The name as the module writes it, when demangling changed it.
    pub raw: Option<String>,
}

/// The most frames kept: a deep recursion is told by its top.
pub const MAX_FRAMES: usize = 40;

/// The frames of the innermost module in `stack` (a V8 `Error.stack`): each line's
/// `wasm://wasm/<module>:wasm-function[<index>]:0x<offset>`, from the top, while the
/// module stays the same (below it are the frames that called in, not the guest's).
pub fn frames(stack: &str) -> Vec<(u32, u32)> {
    let mut module: Option<&str> = None;
    let mut out = Vec::new();
    for line in stack.lines() {
        let Some(at) = line.find("wasm://wasm/") else {
            if out.is_empty() {
                continue;
            }
            break;
        };
        let rest = &line[at + "wasm://wasm/".len()..];
        let Some((this, tail)) = rest.split_once(":wasm-function[") else {
            break;
        };
        // The bridge between the guest and the host (an error the host threw).
        if this.starts_with(super::bridge::NAME) {
            continue;
        }
        if module.is_some_and(|m| m != this) {
            break;
        }
        module = Some(this);
        let Some((index, tail)) = tail.split_once("]:0x") else {
            break;
        };
        let hex: String = tail.chars().take_while(char::is_ascii_hexdigit).collect();
        let (Ok(index), Ok(offset)) = (index.parse(), u32::from_str_radix(&hex, 16)) else {
            break;
        };
        out.push((index, offset));
        if out.len() == MAX_FRAMES {
            break;
        }
    }
    out
}

/// A function name as people read it: Rust's mangled names demangled (without the
/// hash); anything else as it is.
pub fn demangle(name: &str) -> String {
    match rustc_demangle::try_demangle(name) {
        Ok(d) => format!("{d:#}"),
        Err(_) => name.to_owned(),
    }
}

/// The names of functions `wanted` in `module`'s `name` section.
pub fn names(module: &[u8], wanted: &[u32]) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        let Ok(payload) = payload else {
            break;
        };
        if let Payload::CustomSection(custom) = payload
            && let KnownCustom::Name(reader) = custom.as_known()
        {
            for name in reader.into_iter().flatten() {
                if let Name::Function(map) = name {
                    for naming in map.into_iter().flatten() {
                        if wanted.contains(&naming.index) {
                            out.push((naming.index, naming.name.to_owned()));
                        }
                    }
                }
            }
        }
    }
    out
}

/// The guest's frames in `stack`, named from `module`.
pub fn backtrace(stack: &str, module: &[u8]) -> Vec<Frame> {
    let found = frames(stack);
    let wanted: Vec<u32> = found.iter().map(|(i, _)| *i).collect();
    let named = names(module, &wanted);
    found
        .into_iter()
        .map(|(function, offset)| {
            let raw = named
                .iter()
                .find(|(i, _)| *i == function)
                .map(|(_, n)| n.clone());
            let name = raw.as_deref().map(demangle);
            Frame {
                function,
                offset,
                raw: raw.filter(|r| Some(r) != name.as_ref()),
                name,
            }
        })
        .collect()
}

/// A frame as one line: `#0 core::panicking::panic (function 12, at 0x3f5)`.
pub fn frame_line(n: usize, frame: &Frame) -> String {
    match &frame.name {
        Some(name) => format!(
            "#{n} {name} (function {}, at {:#x})",
            frame.function, frame.offset
        ),
        None => format!("#{n} function {} (at {:#x})", frame.function, frame.offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inspect::compile_wat;

    const STACK: &str = "RuntimeError: unreachable
    at wasm://wasm/atlas-bridge-77aa:wasm-function[1]:0x30
    at inner (wasm://wasm/guest-1a2b3c:wasm-function[2]:0x4d)
    at wasm://wasm/guest-1a2b3c:wasm-function[1]:0x45
    at _start (wasm://wasm/guest-1a2b3c:wasm-function[3]:0x52)
    at wasm://wasm/0f9e8d7c:wasm-function[812]:0x1a2b3
    at https://example.test/worker.js:1:2";

    #[test]
    fn the_guest_frames_are_read_from_the_top_until_another_module() {
        assert_eq!(frames(STACK), [(2, 0x4d), (1, 0x45), (3, 0x52)]);
        assert!(frames("Error: proc_exit\n    at x.js:1:1").is_empty());
        assert!(frames("at wasm://wasm/x:wasm-function[zz]:0x1").is_empty());
        let deep: String = (0..100)
            .map(|i| format!("    at wasm://wasm/m:wasm-function[{i}]:0x{i:x}\n"))
            .collect();
        assert_eq!(frames(&deep).len(), MAX_FRAMES);
    }

    #[test]
    fn rust_names_are_demangled_and_others_kept() {
        assert_eq!(
            demangle("_ZN4core9panicking5panic17h0123456789abcdefE"),
            "core::panicking::panic"
        );
        assert_eq!(demangle("_RNvCs1234_7mycrate4main"), "mycrate::main");
        assert_eq!(demangle("main"), "main");
        assert_eq!(demangle("_Z3fooi"), "_Z3fooi", "C++ is not demangled yet");
    }

    #[test]
    fn frames_are_named_from_the_name_section() {
        let module = compile_wat(
            r#"(module
                (import "env" "f" (func))
                (func $_ZN4demo5inner17h0123456789abcdefE unreachable)
                (func (export "_start") call 1))"#,
        )
        .unwrap();
        let trace = backtrace(STACK, &module);
        assert_eq!(trace.len(), 3);
        assert_eq!(trace[1].name.as_deref(), Some("demo::inner"));
        assert_eq!(
            trace[1].raw.as_deref(),
            Some("_ZN4demo5inner17h0123456789abcdefE")
        );
        assert_eq!(trace[0].name, None, "a function without a name");
        assert_eq!(
            frame_line(1, &trace[1]),
            "#1 demo::inner (function 1, at 0x45)"
        );
        assert_eq!(frame_line(0, &trace[0]), "#0 function 2 (at 0x4d)");
        assert!(
            backtrace(STACK, b"not wasm")
                .iter()
                .all(|f| f.name.is_none())
        );
    }
}
