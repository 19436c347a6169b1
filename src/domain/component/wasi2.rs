//! WASI 0.2 for components: the imports a `wasi:cli/run` command makes (`wasi:cli/*`,
//! `wasi:io/*`, `wasi:clocks/*`, `wasi:random/*`), answered in Rust over the same
//! console and clocks as the preview 1 host (`domain::run`). Values arrive lifted by
//! the canonical ABI; resources (streams, pollables, errors) are this host's objects,
//! by representation.
//!
//! Every other `wasi:` function answers as WASI says a host without it does: with its
//! own error case where its result has one (`unsupported`, `not-supported`, `access`),
//! a default value otherwise; the first calls are in the trace. Imports that are not
//! WASI go to the stubs.

use super::link::{Imports, Plan, Stubs, Target};
use super::types::{FuncTy, Ty};
use super::val::{self, Val};
use crate::domain::run::console::{Console, OUTPUT_CAP, Stream};
use crate::domain::run::wasi::Outside;

/// The versions whose imports this host answers: every 0.2.x (their functions are
/// the same or added; what a later minor version adds is answered as unsupported).
pub const VERSION_PREFIX: &str = "0.2.";

/// Calls kept in the trace.
const TRACE_MAX: usize = 500;

/// Characters of one value kept in the trace (a write of a megabyte is one call).
const TRACE_VALUE: usize = 120;

/// The most bytes one `get-random-bytes` or read hands over.
const CHUNK_MAX: u64 = 16 * 1024 * 1024;

/// What the guest passes to a command.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// The program's name, then its arguments.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Vec<u8>,
}

#[derive(Clone, Debug)]
enum Object {
    Stdin,
    Stdout,
    Stderr,
    /// Ready at this monotonic time (ns), or now.
    Pollable(Option<u64>),
}

/// What the host calls after output is written.
pub type OnOutput = Box<dyn FnMut(&mut Console)>;

/// The WASI 0.2 host of one run.
pub struct Wasi2 {
    setup: Setup,
    stdin_pos: usize,
    pub console: Console,
    outside: Box<dyn Outside>,
    /// Objects by representation (index + 1).
    objects: Vec<Option<Object>>,
    /// `exit` was called with this code.
    pub exit: Option<u32>,
    /// What answers the imports that are not WASI.
    pub stubs: Stubs,
    /// The first calls, as `wasi:cli/stdout#get-stdout() → handle(1)`.
    pub trace: Vec<String>,
    pub calls: u64,
    /// Called after output is written, so the caller can show it as it comes.
    pub on_output: Option<OnOutput>,
}

/// What the guest is told when it asks to exit: the engine unwinds with it, and the
/// caller reads [`Wasi2::exit`].
pub const EXIT: &str = "wasi:cli/exit";

impl Wasi2 {
    pub fn new(setup: Setup, outside: Box<dyn Outside>) -> Wasi2 {
        Wasi2 {
            setup,
            stdin_pos: 0,
            console: Console::new(OUTPUT_CAP),
            outside,
            objects: Vec::new(),
            exit: None,
            stubs: Stubs::default(),
            trace: Vec::new(),
            calls: 0,
            on_output: None,
        }
    }

    fn add(&mut self, object: Object) -> Val {
        let entry = Some(object);
        let rep = match self.objects.iter().position(Option::is_none) {
            Some(free) => {
                self.objects[free] = entry;
                free + 1
            }
            None => {
                self.objects.push(entry);
                self.objects.len()
            }
        };
        Val::Handle(rep as u32)
    }

    fn object(&self, val: Option<&Val>) -> Option<&Object> {
        match val {
            Some(Val::Handle(rep)) => self
                .objects
                .get((*rep as usize).checked_sub(1)?)
                .and_then(Option::as_ref),
            _ => None,
        }
    }

    fn write(&mut self, stream: Stream, bytes: &[u8]) {
        self.console.push(stream, bytes);
        if let Some(on_output) = self.on_output.as_mut() {
            on_output(&mut self.console);
        }
    }

    fn bytes(val: Option<&Val>) -> Vec<u8> {
        match val {
            Some(Val::List(items)) => items
                .iter()
                .map(|v| if let Val::U8(b) = v { *b } else { 0 })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn u64_arg(val: Option<&Val>) -> u64 {
        match val {
            Some(Val::U64(x)) => *x,
            Some(Val::U32(x)) => u64::from(*x),
            _ => 0,
        }
    }

    fn list_u8(bytes: &[u8]) -> Val {
        Val::List(bytes.iter().map(|b| Val::U8(*b)).collect())
    }

    fn ok(val: Option<Val>) -> Val {
        Val::Result(Ok(val.map(Box::new)))
    }

    /// `err(closed)` of a stream.
    fn closed() -> Val {
        Val::Result(Err(Some(Box::new(Val::Variant("closed".into(), None)))))
    }

    /// Sleeps until the earliest of these pollables is ready; the indices ready.
    fn poll(&mut self, pollables: &[Val]) -> Vec<u32> {
        let deadlines: Vec<Option<u64>> = pollables
            .iter()
            .map(|p| match self.object(Some(p)) {
                Some(Object::Pollable(deadline)) => *deadline,
                _ => None,
            })
            .collect();
        let now = self.outside.monotonic_ns();
        let ready_now = |d: &Option<u64>| d.is_none_or(|d| d <= now);
        if !deadlines.iter().any(ready_now) {
            let earliest = deadlines.iter().flatten().min().copied().unwrap_or(now);
            self.outside.sleep_ns(earliest.saturating_sub(now));
        }
        let now = self.outside.monotonic_ns();
        deadlines
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_none_or(|d| d <= now))
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// A WASI function this host does not provide: its own error where it has one.
    fn unprovided(ty: &FuncTy) -> Result<Option<Val>, String> {
        let Some(result) = &ty.result else {
            return Ok(None);
        };
        if let Ty::Result(_, Some(err)) = result {
            let case = match &**err {
                Ty::Enum(cases) => ["unsupported", "not-supported", "access"]
                    .iter()
                    .find(|c| cases.iter().any(|n| n == *c))
                    .map(|c| Val::Enum((*c).to_owned())),
                _ => None,
            };
            if let Some(case) = case {
                return Ok(Some(Val::Result(Err(Some(Box::new(case))))));
            }
        }
        result
            .default_value()
            .map(Some)
            .ok_or_else(|| format!("returns a {result}, which this host cannot make"))
    }

    fn answer(
        &mut self,
        interface: &str,
        name: &str,
        ty: &FuncTy,
        args: &[Val],
    ) -> Result<Option<Val>, String> {
        let first = args.first();
        Ok(Some(match (interface, name) {
            ("wasi:cli/environment", "get-environment") => Val::List(
                self.setup
                    .env
                    .iter()
                    .map(|(k, v)| Val::Tuple(vec![Val::String(k.clone()), Val::String(v.clone())]))
                    .collect(),
            ),
            ("wasi:cli/environment", "get-arguments") => {
                Val::List(self.setup.args.iter().cloned().map(Val::String).collect())
            }
            ("wasi:cli/environment", "initial-cwd") => Val::Option(None),
            ("wasi:cli/exit", "exit") => {
                self.exit = Some(match first {
                    Some(Val::Result(Ok(_))) => 0,
                    _ => 1,
                });
                return Err(EXIT.into());
            }
            ("wasi:cli/exit", "exit-with-code") => {
                self.exit = Some(match first {
                    Some(Val::U8(code)) => u32::from(*code),
                    _ => 1,
                });
                return Err(EXIT.into());
            }
            ("wasi:cli/stdin", "get-stdin") => self.add(Object::Stdin),
            ("wasi:cli/stdout", "get-stdout") => self.add(Object::Stdout),
            ("wasi:cli/stderr", "get-stderr") => self.add(Object::Stderr),
            (
                "wasi:cli/terminal-stdin" | "wasi:cli/terminal-stdout" | "wasi:cli/terminal-stderr",
                _,
            ) => Val::Option(None),
            // This host makes no `error` resources: its streams fail only as closed.
            ("wasi:io/error", "[method]error.to-debug-string") => Val::String(String::new()),
            ("wasi:io/poll", "[method]pollable.ready") => {
                let now = self.outside.monotonic_ns();
                Val::Bool(match self.object(first) {
                    Some(Object::Pollable(Some(deadline))) => *deadline <= now,
                    _ => true,
                })
            }
            ("wasi:io/poll", "[method]pollable.block") => {
                if let Some(first) = first {
                    self.poll(std::slice::from_ref(first));
                }
                return Ok(None);
            }
            ("wasi:io/poll", "poll") => {
                let list = match first {
                    Some(Val::List(items)) => items.clone(),
                    _ => Vec::new(),
                };
                Val::List(self.poll(&list).into_iter().map(Val::U32).collect())
            }
            ("wasi:io/streams", method) => return self.stream(method, ty, args),
            ("wasi:clocks/monotonic-clock", "now") => Val::U64(self.outside.monotonic_ns()),
            ("wasi:clocks/monotonic-clock", "resolution") => Val::U64(1_000),
            ("wasi:clocks/monotonic-clock", "subscribe-instant") => {
                self.add(Object::Pollable(Some(Self::u64_arg(first))))
            }
            ("wasi:clocks/monotonic-clock", "subscribe-duration") => {
                let at = self
                    .outside
                    .monotonic_ns()
                    .saturating_add(Self::u64_arg(first));
                self.add(Object::Pollable(Some(at)))
            }
            ("wasi:clocks/wall-clock", "now") => {
                let ns = self.outside.realtime_ns();
                Val::Record(vec![
                    ("seconds".into(), Val::U64(ns / 1_000_000_000)),
                    ("nanoseconds".into(), Val::U32((ns % 1_000_000_000) as u32)),
                ])
            }
            ("wasi:clocks/wall-clock", "resolution") => Val::Record(vec![
                ("seconds".into(), Val::U64(0)),
                ("nanoseconds".into(), Val::U32(1_000)),
            ]),
            ("wasi:random/random", "get-random-bytes")
            | ("wasi:random/insecure", "get-insecure-random-bytes") => {
                let mut buf = vec![0u8; Self::u64_arg(first).min(CHUNK_MAX) as usize];
                self.outside.fill_random(&mut buf);
                Self::list_u8(&buf)
            }
            ("wasi:random/random", "get-random-u64")
            | ("wasi:random/insecure", "get-insecure-random-u64") => {
                let mut buf = [0u8; 8];
                self.outside.fill_random(&mut buf);
                Val::U64(u64::from_le_bytes(buf))
            }
            ("wasi:random/insecure-seed", "insecure-seed") => {
                let mut buf = [0u8; 16];
                self.outside.fill_random(&mut buf);
                let (a, b) = buf.split_at(8);
                Val::Tuple(vec![
                    Val::U64(u64::from_le_bytes(a.try_into().unwrap_or_default())),
                    Val::U64(u64::from_le_bytes(b.try_into().unwrap_or_default())),
                ])
            }
            // No folder yet: a command sees no preopened directory.
            ("wasi:filesystem/preopens", "get-directories") => Val::List(Vec::new()),
            _ => return Self::unprovided(ty),
        }))
    }

    fn stream(&mut self, method: &str, ty: &FuncTy, args: &[Val]) -> Result<Option<Val>, String> {
        let object = self.object(args.first()).cloned();
        let out = match (object, method) {
            (_, m) if m.ends_with(".subscribe") => self.add(Object::Pollable(None)),
            (Some(Object::Stdin), m) if m.ends_with(".read") || m.ends_with(".blocking-read") => {
                let want = Self::u64_arg(args.get(1)).min(CHUNK_MAX) as usize;
                let rest = &self.setup.stdin[self.stdin_pos.min(self.setup.stdin.len())..];
                if rest.is_empty() && want > 0 {
                    Self::closed()
                } else {
                    let n = want.min(rest.len());
                    let chunk = Self::list_u8(&rest[..n]);
                    self.stdin_pos += n;
                    Self::ok(Some(chunk))
                }
            }
            (Some(Object::Stdin), m) if m.ends_with(".skip") || m.ends_with(".blocking-skip") => {
                let left = self.setup.stdin.len().saturating_sub(self.stdin_pos);
                if left == 0 {
                    Self::closed()
                } else {
                    let n = (Self::u64_arg(args.get(1)) as usize).min(left);
                    self.stdin_pos += n;
                    Self::ok(Some(Val::U64(n as u64)))
                }
            }
            (Some(Object::Stdout | Object::Stderr), m) if m.ends_with(".check-write") => {
                Self::ok(Some(Val::U64(1024 * 1024)))
            }
            (Some(o @ (Object::Stdout | Object::Stderr)), m)
                if m.ends_with(".write") || m.ends_with(".blocking-write-and-flush") =>
            {
                let stream = if matches!(o, Object::Stdout) {
                    Stream::Stdout
                } else {
                    Stream::Stderr
                };
                let bytes = Self::bytes(args.get(1));
                self.write(stream, &bytes);
                Self::ok(None)
            }
            (Some(o @ (Object::Stdout | Object::Stderr)), m)
                if m.ends_with(".write-zeroes")
                    || m.ends_with(".blocking-write-zeroes-and-flush") =>
            {
                let stream = if matches!(o, Object::Stdout) {
                    Stream::Stdout
                } else {
                    Stream::Stderr
                };
                let n = Self::u64_arg(args.get(1)).min(CHUNK_MAX) as usize;
                self.write(stream, &vec![0; n]);
                Self::ok(None)
            }
            (Some(Object::Stdout | Object::Stderr), m)
                if m.ends_with(".flush") || m.ends_with(".blocking-flush") =>
            {
                Self::ok(None)
            }
            _ => return Self::unprovided(ty).map(|v| v.or(Some(Self::closed()))),
        };
        Ok(Some(out))
    }
}

/// A value's text in the trace: at most [`TRACE_VALUE`] characters, then `…`.
fn cut(text: String) -> String {
    match text.char_indices().nth(TRACE_VALUE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// `wasi:io/streams@0.2.3` → (`wasi:io/streams`, a 0.2 version).
fn interface(instance: &str) -> Option<&str> {
    let (name, version) = instance.split_once('@')?;
    (name.starts_with("wasi:") && version.starts_with(VERSION_PREFIX)).then_some(name)
}

/// Whether this host answers `target` (a WASI 0.2 interface).
pub fn provides(target: &Target) -> bool {
    target.instance.as_deref().and_then(interface).is_some()
}

impl Imports for Wasi2 {
    fn call(
        &mut self,
        target: &Target,
        ty: &FuncTy,
        args: Vec<Val>,
    ) -> Result<Option<Val>, String> {
        let Some(interface) = target.instance.as_deref().and_then(interface) else {
            return self.stubs.call(target, ty, args);
        };
        self.calls += 1;
        let result = self.answer(interface, &target.name, ty, &args);
        if self.trace.len() < TRACE_MAX {
            let args: Vec<String> = args.iter().map(|a| cut(val::write(a))).collect();
            let shown = match &result {
                Ok(Some(v)) => format!(" → {}", cut(val::write(v))),
                Ok(None) => String::new(),
                Err(e) => format!(" → {e}"),
            };
            self.trace
                .push(format!("{target}({}){shown}", args.join(", ")));
        }
        result
    }

    fn take_log(&mut self) -> (Vec<String>, u64) {
        self.stubs.take_log()
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }

    fn dropped(&mut self, _resource: &str, rep: u32) {
        if let Some(slot) = (rep as usize)
            .checked_sub(1)
            .and_then(|i| self.objects.get_mut(i))
        {
            *slot = None;
        }
    }
}

/// The interface a command exports, and its function: `run: func() -> result`.
pub const RUN: (&str, &str) = ("wasi:cli/run@", "run");

/// The export a WASI 0.2 command runs from, if `plan` is a command.
pub fn run_export(plan: &Plan) -> Option<usize> {
    plan.exports.iter().position(|c| {
        matches!(c.path.as_slice(), [interface, name]
            if name == RUN.1
                && interface
                    .strip_prefix(RUN.0)
                    .is_some_and(|v| v.starts_with(VERSION_PREFIX)))
            && c.ty.params.is_empty()
            && c.ty.result == Some(Ty::Result(None, None))
    })
}

/// What running the component as a WASI 0.2 command takes, as the run panel reads
/// it: a command or not, the functions this host provides, the imports it does not.
pub fn program(plan: &Plan) -> crate::domain::run::Plan {
    let imports = plan.imports();
    crate::domain::run::Plan {
        command: run_export(plan).is_some(),
        wasi: imports.iter().filter(|(t, _)| provides(t)).count(),
        missing: imports
            .iter()
            .filter(|(t, _)| !provides(t))
            .map(|(t, _)| crate::domain::run::Missing {
                module: t.instance.clone().unwrap_or_default(),
                name: t.name.clone(),
                why: crate::domain::run::Why::NotWasi,
            })
            .collect(),
    }
}
