//! Running what people compile: a WASI preview 1 command (a core module exporting
//! `_start` and importing `wasi_snapshot_preview1`) with arguments, environment,
//! standard input and a folder of files; its output as it comes, its exit code and the
//! files it wrote.
//!
//! The host is here, in Rust with no browser in it, so `cargo test` runs it on `wasmi`
//! (tests/wasi.rs) while the playground's worker runs it on the browser's WebAssembly.

pub mod bridge;
pub mod console;
pub mod errno;
pub mod fs;
pub mod line;
pub mod trap;
pub mod wasi;

use serde::{Deserialize, Serialize};

use crate::domain::inspect::{ExternType, Inspection, Kind};

/// The export a command starts at.
pub const ENTRY: &str = "_start";

/// Why the runner cannot provide an import itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Why {
    /// From a module other than `wasi_snapshot_preview1`.
    NotWasi,
    /// In `wasi_snapshot_preview1`, under a name preview 1 does not have.
    UnknownWasi,
    /// A preview 1 name with another type than the specification gives it.
    WrongType,
}

/// An import the runner stubs (zero results, each call logged) if the visitor runs anyway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    pub module: String,
    pub name: String,
    pub why: Why,
}

impl Missing {
    /// As its world writes it: `env.tick` for a core module's import,
    /// `docs:tools/logger@0.1.0#log` for a component's (whose interface names hold a
    /// namespace, `ns:pkg/iface`).
    pub fn full_name(&self) -> String {
        if self.module.contains(':') && self.module.contains('/') {
            format!("{}#{}", self.module, self.name)
        } else {
            format!("{}.{}", self.module, self.name)
        }
    }
}

/// What running a core module takes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// A command: it exports `_start`, taking and giving nothing.
    pub command: bool,
    /// Its function imports from preview 1 that the host provides.
    pub wasi: usize,
    /// Its function imports the host does not provide, in import order.
    pub missing: Vec<Missing>,
}

impl Plan {
    /// A program for the WASI console: a command, or a module that imports preview 1.
    pub fn is_program(&self) -> bool {
        self.command || self.wasi > 0
    }
}

/// What running `inspection` takes; the default (no command, nothing imported) for a
/// component or something that is not WebAssembly.
pub fn plan(inspection: &Inspection) -> Plan {
    if inspection.kind != Kind::Module {
        return Plan::default();
    }
    let command = inspection.exports.iter().any(|e| {
        e.name == ENTRY
            && matches!(&e.ty, ExternType::Func(Some(s)) if s.params.is_empty() && s.results.is_empty())
    });
    let mut plan = Plan {
        command,
        ..Plan::default()
    };
    for import in &inspection.imports {
        let ExternType::Func(signature) = &import.ty else {
            continue;
        };
        let why = if import.module != wasi::MODULE {
            Some(Why::NotWasi)
        } else {
            match wasi::signature(&import.name) {
                None => Some(Why::UnknownWasi),
                Some((params, results)) => {
                    let same = signature
                        .as_ref()
                        .is_some_and(|s| s.params == params && s.results == results);
                    (!same).then_some(Why::WrongType)
                }
            }
        };
        match why {
            None => plan.wasi += 1,
            Some(why) => plan.missing.push(Missing {
                module: import.module.clone(),
                name: import.name.clone(),
                why,
            }),
        }
    }
    plan
}

/// Whose host a core module's imports ask for, judged by their names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expects {
    /// No function imports: it runs on its own.
    Nothing,
    /// WASI preview 1 only: this playground's host.
    Wasi,
    /// Go's `GOOS=js` build, which runs beside Go's `wasm_exec.js`: the import module.
    Go(String),
    /// wasm-bindgen's output, which runs with the JavaScript generated beside it.
    WasmBindgen(String),
    /// Emscripten's output, which runs with its generated JavaScript: some of the names.
    Emscripten(Vec<String>),
    /// Functions from these modules, which only its own host provides.
    Other(Vec<String>),
}

/// Whose host `inspection`'s function imports ask for.
pub fn expects(inspection: &Inspection) -> Expects {
    let functions: Vec<(&str, &str)> = inspection
        .imports
        .iter()
        .filter(|i| matches!(i.ty, ExternType::Func(_)))
        .map(|i| (i.module.as_str(), i.name.as_str()))
        .collect();
    if functions.is_empty() {
        return Expects::Nothing;
    }
    if let Some((module, _)) = functions.iter().find(|(m, _)| *m == "gojs" || *m == "go") {
        return Expects::Go((*module).to_owned());
    }
    if let Some((module, _)) = functions.iter().find(|(m, n)| {
        *m == "__wbindgen_placeholder__"
            || *m == "wbg"
            || n.starts_with("__wbindgen_")
            || n.starts_with("__wbg_")
    }) {
        return Expects::WasmBindgen((*module).to_owned());
    }
    let emscripten: Vec<String> = functions
        .iter()
        .filter(|(m, n)| {
            *m == "env"
                && ["emscripten_", "_emscripten_", "__syscall_", "invoke_"]
                    .iter()
                    .any(|p| n.starts_with(p))
        })
        .take(3)
        .map(|(m, n)| format!("{m}.{n}"))
        .collect();
    if !emscripten.is_empty() {
        return Expects::Emscripten(emscripten);
    }
    let mut others: Vec<String> = functions
        .iter()
        .filter(|(m, _)| *m != wasi::MODULE)
        .map(|(m, _)| (*m).to_owned())
        .collect();
    others.dedup();
    others.sort();
    others.dedup();
    if others.is_empty() {
        Expects::Wasi
    } else {
        Expects::Other(others)
    }
}

/// A file as the page shows it after a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOut {
    pub path: String,
    pub change: fs::Change,
    /// Its bytes; empty for a removed file.
    pub bytes: Vec<u8>,
}

/// What a browser can show of a file, by its name and first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    Text,
    Image(&'static str),
    Audio(&'static str),
    /// Only as a download.
    Nothing,
}

/// How the page can show `bytes` named `path`: an image or sound by its signature,
/// text when it is UTF-8 without control characters other than white space.
pub fn shows(path: &str, bytes: &[u8]) -> Shows {
    let signatures: [(&[u8], Shows); 7] = [
        (b"\x89PNG\r\n\x1a\n", Shows::Image("image/png")),
        (b"\xff\xd8\xff", Shows::Image("image/jpeg")),
        (b"GIF8", Shows::Image("image/gif")),
        (b"BM", Shows::Image("image/bmp")),
        (b"OggS", Shows::Audio("audio/ogg")),
        (b"ID3", Shows::Audio("audio/mpeg")),
        (b"fLaC", Shows::Audio("audio/flac")),
    ];
    if let Some((_, shows)) = signatures.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return *shows;
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WAVE") {
        return Shows::Audio("audio/wav");
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Shows::Image("image/webp");
    }
    if path.ends_with(".svg") && std::str::from_utf8(bytes).is_ok() {
        return Shows::Image("image/svg+xml");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(|c| c.is_control() && !c.is_whitespace()) => Shows::Text,
        _ => Shows::Nothing,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_missing_import_is_named_as_its_world_writes_it() {
        let missing = |module: &str| Missing {
            module: module.into(),
            name: "log".into(),
            why: Why::NotWasi,
        };
        assert_eq!(missing("env").full_name(), "env.log");
        assert_eq!(
            missing("docs:tools/logger@0.1.0").full_name(),
            "docs:tools/logger@0.1.0#log"
        );
    }

    use super::*;
    use crate::domain::inspect::{compile_wat, structure};

    fn inspect(wat: &str) -> Inspection {
        structure(&compile_wat(wat).unwrap())
    }

    #[test]
    fn a_command_and_what_it_imports_are_told_apart() {
        let plan = plan(&inspect(
            r#"(module
                (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
                (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
                (import "wasi_snapshot_preview1" "fd_write_fast" (func))
                (import "wasi_snapshot_preview1" "args_get" (func (param i64 i32) (result i32)))
                (import "env" "foo" (func (param i32)))
                (import "env" "memory" (memory 1))
                (func (export "_start")))"#,
        ));
        assert!(plan.command);
        assert!(plan.is_program());
        assert_eq!(plan.wasi, 2);
        let missing: Vec<(&str, Why)> = plan
            .missing
            .iter()
            .map(|m| (m.name.as_str(), m.why))
            .collect();
        assert_eq!(
            missing,
            [
                ("fd_write_fast", Why::UnknownWasi),
                ("args_get", Why::WrongType),
                ("foo", Why::NotWasi),
            ]
        );
    }

    #[test]
    fn the_host_a_module_expects_is_told_by_its_imports() {
        let expect = |imports: &str| {
            expects(&inspect(&format!(
                "(module {imports} (memory (export \"memory\") 1))"
            )))
        };
        assert_eq!(expect(""), Expects::Nothing);
        assert_eq!(
            expect(r#"(import "env" "memory" (memory 1))"#),
            Expects::Nothing
        );
        assert_eq!(
            expect(
                r#"(import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))"#
            ),
            Expects::Wasi
        );
        assert_eq!(
            expect(r#"(import "gojs" "runtime.wasmExit" (func (param i32)))"#),
            Expects::Go("gojs".into())
        );
        assert_eq!(
            expect(r#"(import "wbg" "__wbg_log_1" (func (param i32)))"#),
            Expects::WasmBindgen("wbg".into())
        );
        assert_eq!(
            expect(
                r#"(import "wasi_snapshot_preview1" "fd_close" (func (param i32) (result i32)))
                   (import "env" "__syscall_openat" (func (param i32 i32 i32 i32) (result i32)))
                   (import "env" "emscripten_memcpy_js" (func (param i32 i32 i32)))"#
            ),
            Expects::Emscripten(vec![
                "env.__syscall_openat".into(),
                "env.emscripten_memcpy_js".into()
            ])
        );
        assert_eq!(
            expect(
                r#"(import "wasi_snapshot_preview1" "fd_close" (func (param i32) (result i32)))
                   (import "env" "b" (func)) (import "host" "c" (func)) (import "env" "a" (func))"#
            ),
            Expects::Other(vec!["env".into(), "host".into()])
        );
    }

    #[test]
    fn a_start_that_takes_arguments_is_not_a_command() {
        let plan = plan(&inspect(r#"(module (func (export "_start") (param i32)))"#));
        assert!(!plan.command);
        assert!(!plan.is_program());
    }

    #[test]
    fn every_preview_1_function_has_a_type() {
        assert_eq!(wasi::FUNCTIONS.len(), 46);
        for (name, _) in wasi::FUNCTIONS {
            let (params, results) = wasi::signature(name).unwrap();
            assert!(params.len() <= 9, "{name}");
            assert!(results.len() <= 1, "{name}");
        }
        assert_eq!(
            wasi::signature("path_open").unwrap().0,
            [
                "i32", "i32", "i32", "i32", "i32", "i64", "i64", "i32", "i32"
            ]
        );
    }

    #[test]
    fn files_are_shown_as_what_they_are() {
        assert_eq!(shows("a.txt", "hello 世界\n".as_bytes()), Shows::Text);
        assert_eq!(shows("a.bin", b"\0\x01\x02"), Shows::Nothing);
        assert_eq!(
            shows("x", b"\x89PNG\r\n\x1a\n...."),
            Shows::Image("image/png")
        );
        assert_eq!(
            shows("x", b"RIFF\0\0\0\0WAVEfmt "),
            Shows::Audio("audio/wav")
        );
        assert_eq!(shows("d.svg", b"<svg/>"), Shows::Image("image/svg+xml"));
        assert_eq!(shows("d.txt", b"\xff\xfe"), Shows::Nothing);
    }
}

// Natively only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod conformance;
