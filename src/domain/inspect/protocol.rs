//! The messages between the playground page and its worker, defined once for both.
//!
//! The page sends [`Request`]s, each in an [`Envelope`] with a number it chose; the
//! worker answers with [`Response`]s in an envelope with the same number, so the page
//! drops answers to requests it has since replaced (a newer file, newer text).
//!
//! The worker keeps the last binary it was given (by `Inspect`, or by a `Compile`
//! that succeeded), and `Print`, `Wit`, `Nested` and `Call` work on it, so a large
//! file crosses the boundary once. A worker busy in one request reads the next only
//! when it is done: `Cancel` stops work between steps (after the structure, after
//! validation), and a runaway call is stopped by terminating the worker.

use super::call::{ArgError, Value};
use super::model::{Inspection, WasmError};
use super::text::{Printed, TextError, WatError};
use serde::{Deserialize, Serialize};

/// A message with the number of the request it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Inspect these bytes (a file opened, an example), and keep them.
    Inspect { bytes: Vec<u8> },
    /// Inspect nested module or component `index` of the kept binary
    /// ([`Inspection::nested`]), which becomes the kept binary.
    Nested { index: usize },
    /// Print the kept binary as text, at most `limit` bytes.
    Print { skeleton: bool, limit: usize },
    /// The kept component's WIT world.
    Wit,
    /// Compile text; on success the binary is kept and inspected.
    Compile { text: String },
    /// Call an export of the kept module with these arguments, for at most
    /// `time_limit_ms` (the page terminates the worker past it).
    Call {
        export: String,
        args: Vec<Value>,
        time_limit_ms: u32,
    },
    /// Stop the current work at its next step.
    Cancel,
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

/// A call an import stub received during a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportCall {
    pub module: String,
    pub name: String,
    pub args: Vec<Value>,
}

/// The outcome of a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CallOutcome {
    /// The results, in order.
    Returned(Vec<Value>),
    /// It trapped or threw: the engine's message.
    Trapped(String),
    /// An argument was not a value of its type (index, error).
    BadArgument(usize, ArgError),
    /// No callable export by that name.
    NotCallable,
    /// Components cannot be instantiated by browsers yet.
    Component,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker started and is ready for requests.
    Ready,
    Progress {
        stage: Stage,
    },
    Inspected(Box<Inspection>),
    Printed(Result<Printed, TextError>),
    Wit(Result<String, TextError>),
    /// The text compiled to these bytes (inspected next, as `Inspected`), or did not.
    Compiled(Result<Vec<u8>, WatError>),
    Called {
        outcome: CallOutcome,
        /// Time in the call, in milliseconds.
        ms: f64,
        imports: Vec<ImportCall>,
    },
    /// The request was cancelled before it finished.
    Cancelled,
    /// A request that needs a kept binary came before any, or the nested index
    /// does not exist.
    NoBinary,
    /// The worker could not instantiate the module (bad imports, a start trap).
    Failed(WasmError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json() {
        let requests = [
            Request::Inspect {
                bytes: vec![0, 97, 115, 109],
            },
            Request::Call {
                export: "add".into(),
                args: vec![Value::I32(1), Value::F64(f64::NAN)],
                time_limit_ms: 2000,
            },
            Request::Cancel,
        ];
        for body in requests {
            let message = Envelope { id: 7, body };
            let json = serde_json::to_string(&message).unwrap();
            let back: Envelope<Request> = serde_json::from_str(&json).unwrap();
            // NaN != NaN, so compare the wire form.
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
