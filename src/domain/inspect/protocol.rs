//! The messages between the playground page and its worker, defined once for both.
//!
//! The page sends [`Request`]s, each in an [`Envelope`] with a number it chose; the
//! worker answers with [`Response`]s in an envelope with the same number, so the page
//! drops answers to requests it has since replaced (a newer file, newer text).
//!
//! The worker keeps the last binary it was given (by `Inspect`, or by a `Compile`
//! that succeeded), and `Print`, `Wit`, `Nested` and `Call` work on it, so a large
//! file crosses the boundary once. A worker busy in one request reads the next only
//! when it is done: the page stops long work by terminating the worker.
//!
//! What the page shows of an inspection is written by the worker ([`Shown`]: the
//! tables as HTML in both languages, and the few facts the page acts on), and calls
//! are parsed and their results written there too. The page's own wasm therefore
//! never decodes an [`Inspection`](super::Inspection) nor parses or prints a float:
//! that code, about a third of the playground's weight, stays in the worker.

use super::call::CallableExport;
use super::model::{Kind, Section, WasmError};
use super::text::{Printed, TextError, WatError};
use crate::base::lang::Lang;
use serde::{Deserialize, Serialize};

/// A message with the number of the request it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

/// A text in both languages, written by the worker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Both {
    pub en: String,
    pub zh: String,
}

impl Both {
    /// Writes the text once per language.
    pub fn write(mut write: impl FnMut(Lang) -> String) -> Both {
        Both {
            en: write(Lang::En),
            zh: write(Lang::Zh),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Where the worker's answers go: an `Envelope<Response>` as JSON, and the bytes an
/// answer carries beside it (a run's files), transferred rather than written as JSON.
pub type Answers = Box<dyn Fn(String, Option<Vec<u8>>)>;

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The ids of the lab's features this browser supports (the page detects them;
    /// the worker sets them against what a binary needs). Sent first, after every
    /// start of the worker.
    Start { supported: Vec<String> },
    /// Inspect these bytes (a file opened, an example) called `name`, and keep them.
    Inspect { name: String, bytes: Vec<u8> },
    /// Inspect nested module or component `index` of the kept binary
    /// ([`Inspection::nested`](super::Inspection::nested)), which becomes the kept binary.
    Nested { name: String, index: usize },
    /// Print the kept binary as text, at most `limit` bytes.
    Print { skeleton: bool, limit: usize },
    /// Print the kept binary as text, whole, for a download (answered by `TextFile`).
    PrintFile { skeleton: bool },
    /// The kept component's WIT world.
    Wit,
    /// The rows of a core module's imports or exports whose names hold `query`
    /// (letters in either case), the first of them: answered by `Filtered`.
    Filter { list: List, query: String },
    /// Compile text; on success the binary is kept and inspected.
    Compile { name: String, text: String },
    /// Call an export of the kept module with these arguments as the visitor typed
    /// them (parsed in the worker), for at most `time_limit_ms` (the page terminates
    /// the worker past it).
    Call {
        export: String,
        args: Vec<String>,
        time_limit_ms: u32,
    },
    /// Run the kept core module as a WASI preview 1 program. The message's bytes are
    /// standard input (`stdin_len` bytes), then each file's, in order. The worker
    /// answers with `Output` as the program writes, then `Ran`.
    Run(RunRequest),
    /// Call export `export` (an index in [`ComponentShown::exports`]) of the kept
    /// component with arguments written as WAVE, on its kept instance (made on the
    /// first call). Answered with `Called`.
    CallComponent {
        export: usize,
        args: Vec<String>,
        /// Stubbed imports trap rather than return a default value.
        trap_imports: bool,
        time_limit_ms: u32,
    },
    /// Forget the kept component's instance: the next call makes a fresh one.
    FreshInstance,
}

/// A parameter of a component export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamShown {
    pub name: String,
    /// Its type as WIT writes it.
    pub ty: String,
    /// A value of its type as WAVE, to start from.
    pub default: String,
    /// Its type as a tree, for the form the page builds.
    pub shape: crate::domain::component::Ty,
}

/// A component export the reader can call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentExportShown {
    /// `docs:calc/math@0.1.0#add`, or `greet`.
    pub name: String,
    /// Its type as WIT writes it.
    pub wit: String,
    pub params: Vec<ParamShown>,
    /// What in its types the runner does not pass yet.
    pub unsupported: Option<String>,
}

/// What the call panel shows of a component.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentShown {
    pub exports: Vec<ComponentExportShown>,
    /// Its imported functions, as `docs:calc/logger@0.1.0#log: func(level: u32)`.
    pub imports: Vec<String>,
    /// Why it cannot be run here, when it cannot (and nothing above is callable).
    pub refused: Option<Both>,
    /// Exports not offered, with why (in English, the runner's words).
    #[serde(default)]
    pub skipped: Vec<(String, String)>,
}

/// What a run is given, as the visitor typed it (split and checked by the page).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Arguments after the program's name (`argv[1..]`).
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin_len: u64,
    /// Files for the program's folder: path and size.
    pub files: Vec<(String, u64)>,
    /// Run imports the host does not provide as stubs (zero results, calls logged)
    /// rather than refuse.
    pub stub_missing: bool,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RunEnd {
    /// `_start` returned: exit code 0.
    Returned,
    /// `proc_exit` with this code.
    Exited(u32),
    /// A trap or an error thrown by the engine, in its words.
    Trapped(String),
    /// It could not start: not a program, or imports missing and not to be stubbed.
    Refused(Both),
}

/// A file the program made, changed or removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileShown {
    pub path: String,
    pub change: crate::domain::run::fs::Change,
    pub size: u64,
    /// Where its bytes start in the answer's bytes.
    pub offset: u64,
}

/// A run as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunShown {
    pub end: RunEnd,
    /// From the call of `_start` to its end, in milliseconds.
    pub ms: f64,
    /// Output bytes past the cap, not kept.
    pub dropped: u64,
    pub files: Vec<FileShown>,
    /// The first WASI calls, as `fd_write(1, 16, 1, 24) → success`.
    pub trace: Vec<String>,
    /// WASI calls in all.
    pub calls: u64,
    /// The calls stubbed imports received (`env.log(2: i32)`), the first thousand.
    pub stubbed: Vec<String>,
    /// Where it trapped: the program's frames, innermost first.
    #[serde(default)]
    pub backtrace: Vec<crate::domain::run::trap::Frame>,
    /// The files' bytes, one after another (transferred beside the JSON, not in it).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl RunShown {
    /// The bytes of `file`, from [`RunShown::bytes`].
    pub fn file_bytes(&self, file: &FileShown) -> &[u8] {
        let start = usize::try_from(file.offset).unwrap_or(usize::MAX);
        let end = start.saturating_add(usize::try_from(file.size).unwrap_or(usize::MAX));
        self.bytes.get(start..end).unwrap_or_default()
    }
}

/// What the worker has done so far in a long request, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Walking the sections.
    Structure,
    /// Validating and finding the features needed.
    Validation,
    /// Printing text.
    Printing,
}

/// A nested module or component, as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NestedShown {
    pub kind: Kind,
    pub offset: u64,
    pub size: u64,
}

impl NestedShown {
    /// Its bytes within the outer binary's.
    pub fn bytes<'a>(&self, outer: &'a [u8]) -> Option<&'a [u8]> {
        let start = usize::try_from(self.offset).ok()?;
        let end = start.checked_add(usize::try_from(self.size).ok()?)?;
        outer.get(start..end)
    }
}

/// An inspection as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    pub kind: Kind,
    pub size: u64,
    /// Valid WebAssembly (and so, for a core module, something to call).
    pub valid: bool,
    /// The summary and the features, as HTML.
    pub html: Both,
    /// The sections, in file order: the page draws them with its chart frame.
    pub sections: Vec<Section>,
    /// The section table (id, name, offset, size, share), as HTML.
    pub sections_html: Both,
    /// The section table as CSV.
    pub sections_csv: Both,
    /// A core module's imports, and its exports, each under its heading; a component's
    /// imports and exports both in the first.
    #[serde(default)]
    pub lists_html: [Both; 2],
    /// The exports that cannot be called, custom sections and the largest functions,
    /// as HTML.
    pub details_html: Both,
    /// How many imports and exports a core module has: past the rows the tables show
    /// (the first hundred), the page offers a filter.
    #[serde(default)]
    pub imports: usize,
    #[serde(default)]
    pub exports: usize,
    /// The exports the runner can call.
    pub callable: Vec<CallableExport>,
    /// What running it as a WASI program takes.
    pub plan: crate::domain::run::Plan,
    pub nested: Vec<NestedShown>,
    /// A valid component's exports to call.
    #[serde(default)]
    pub component: Option<ComponentShown>,
}

/// A list of a core module that can hold thousands of rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum List {
    Imports,
    Exports,
}

/// A binary's whole text, as UTF-8 (transferred beside the JSON, not in it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFile {
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A call as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallShown {
    /// What happened: the results and the time, the trap, the argument refused.
    pub result: Both,
    /// The calls the import stubs received, one line each (`env.log(2: i32, 3: i32)`).
    pub imports: Vec<String>,
    /// Where it trapped: the module's frames, innermost first.
    #[serde(default)]
    pub backtrace: Vec<crate::domain::run::trap::Frame>,
    /// A component's result as WAVE text.
    #[serde(default)]
    pub wave: Option<String>,
    /// A component's result as a tree (field and case names are WIT's, the same in
    /// both languages).
    #[serde(default)]
    pub tree: Option<crate::domain::component::val::Node>,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker started and is ready for requests.
    Ready,
    Progress {
        stage: Stage,
    },
    Inspected(Box<Shown>),
    Printed(Result<Printed, TextError>),
    /// The whole text of the kept binary, for a download.
    TextFile(Result<TextFile, TextError>),
    Wit(Result<String, TextError>),
    /// The text compiled to these bytes (inspected next, as `Inspected`), or did not.
    /// `invalid`: the bytes do not validate, and where in the text that is.
    Compiled {
        result: Result<Vec<u8>, WatError>,
        invalid: Option<WatError>,
    },
    Called(CallShown),
    /// The imports or exports that hold a query, under their heading, in both languages.
    Filtered {
        list: List,
        html: Both,
    },
    /// What a run wrote since the last `Output`, in order.
    Output(Vec<(crate::domain::run::console::Stream, String)>),
    /// A run ended.
    Ran(Box<RunShown>),
    /// A request that needs a kept binary came before any, or the nested index
    /// does not exist.
    NoBinary,
    /// The worker failed (it could not read a message, it panicked), or could not
    /// instantiate the module for a call (bad imports, a trap in its start).
    Failed(WasmError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json() {
        let requests = [
            Request::Inspect {
                name: "a.wasm".into(),
                bytes: vec![0, 97, 115, 109],
            },
            Request::Call {
                export: "add".into(),
                args: vec!["1".into(), "nan".into()],
                time_limit_ms: 2000,
            },
            Request::Start {
                supported: vec!["simd".into()],
            },
            Request::Run(RunRequest {
                args: vec!["a b".into()],
                env: vec![("K".into(), "v=1".into())],
                stdin_len: 3,
                files: vec![("in/x.txt".into(), 5)],
                stub_missing: true,
            }),
        ];
        for body in requests {
            let message = Envelope { id: 7, body };
            let json = serde_json::to_string(&message).unwrap();
            let back: Envelope<Request> = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
        let response = Response::Compiled {
            result: Err(WatError {
                line: 3,
                column: 5,
                message: "unknown operator".into(),
            }),
            invalid: None,
        };
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);

        // A run's files travel beside the JSON: the JSON has their places only.
        let ran = RunShown {
            end: RunEnd::Exited(3),
            ms: 1.25,
            dropped: 0,
            files: vec![FileShown {
                path: "out.txt".into(),
                change: crate::domain::run::fs::Change::Created,
                size: 2,
                offset: 1,
            }],
            trace: vec!["proc_exit(3)".into()],
            calls: 1,
            stubbed: Vec::new(),
            backtrace: Vec::new(),
            bytes: b"xok".to_vec(),
        };
        assert_eq!(ran.file_bytes(&ran.files[0]), b"ok");
        let json = serde_json::to_string(&Response::Ran(Box::new(ran.clone()))).unwrap();
        assert!(!json.contains("xok") && !json.contains("[120,"));
        let Response::Ran(back) = serde_json::from_str::<Response>(&json).unwrap() else {
            panic!("{json}");
        };
        assert_eq!(back.end, ran.end);
        assert!(back.bytes.is_empty());
        assert_eq!(back.file_bytes(&back.files[0]), b"", "no bytes, no panic");
    }
}
