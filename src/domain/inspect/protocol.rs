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
    /// The kept component's WIT world.
    Wit,
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
    /// Imports and exports, custom sections and the largest functions, as HTML.
    pub details_html: Both,
    /// The exports the runner can call.
    pub callable: Vec<CallableExport>,
    pub nested: Vec<NestedShown>,
}

/// A call as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallShown {
    /// What happened: the results and the time, the trap, the argument refused.
    pub result: Both,
    /// The calls the import stubs received, one line each (`env.log(2: i32, 3: i32)`).
    pub imports: Vec<String>,
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
    Wit(Result<String, TextError>),
    /// The text compiled to these bytes (inspected next, as `Inspected`), or did not.
    Compiled(Result<Vec<u8>, WatError>),
    Called(CallShown),
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
        ];
        for body in requests {
            let message = Envelope { id: 7, body };
            let json = serde_json::to_string(&message).unwrap();
            let back: Envelope<Request> = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
        let response = Response::Compiled(Err(WatError {
            line: 3,
            column: 5,
            message: "unknown operator".into(),
        }));
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }
}
