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
use crate::domain::run::errno::Errno;
use crate::domain::run::fs::{Fs, Node, resolve};
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

/// What a command is given: the same as a preview 1 program.
pub use crate::domain::run::wasi::Setup;

#[derive(Clone, Debug)]
enum Object {
    Stdin,
    Stdout,
    Stderr,
    /// A folder or a file of the folder the command sees as `/`.
    Descriptor {
        path: String,
        dir: bool,
    },
    /// A file read from, or written to, at a position.
    FileIn {
        path: String,
        pos: u64,
    },
    FileOut {
        path: String,
        pos: u64,
        append: bool,
    },
    /// The terminal standard input, output and error are (so C libraries buffer
    /// output by line and both streams interleave as in a terminal).
    Terminal,
    /// A folder's entries (name, is a folder), and the next to hand over.
    Entries {
        names: Vec<(String, bool)>,
        next: usize,
    },
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
    /// The folder preopened as `/`.
    pub fs: Fs,
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
    pub fn new(mut setup: Setup, outside: Box<dyn Outside>) -> Wasi2 {
        let fs = Fs::new(std::mem::take(&mut setup.files));
        Wasi2 {
            setup,
            stdin_pos: 0,
            console: Console::new(OUTPUT_CAP),
            fs,
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
            ) => Val::Option(Some(Box::new(self.add(Object::Terminal)))),
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
            ("wasi:filesystem/preopens", "get-directories") => {
                let root = self.add(Object::Descriptor {
                    path: String::new(),
                    dir: true,
                });
                Val::List(vec![Val::Tuple(vec![root, Val::String("/".into())])])
            }
            ("wasi:filesystem/types", method) => return self.filesystem(method, ty, args),
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
            (Some(Object::FileIn { path, pos }), m)
                if m.ends_with(".read") || m.ends_with(".blocking-read") =>
            {
                let want = Self::u64_arg(args.get(1)).min(CHUNK_MAX);
                let data = self.fs.file(&path).unwrap_or_default();
                let start = pos.min(data.len() as u64) as usize;
                let end = (start as u64 + want).min(data.len() as u64) as usize;
                if start == data.len() && want > 0 {
                    Self::closed()
                } else {
                    let chunk = Self::list_u8(&data[start..end]);
                    self.set_pos(args.first(), (end - start) as u64);
                    Self::ok(Some(chunk))
                }
            }
            (Some(Object::Stdout | Object::Stderr | Object::FileOut { .. }), m)
                if m.ends_with(".check-write") =>
            {
                Self::ok(Some(Val::U64(1024 * 1024)))
            }
            (Some(Object::FileOut { path, pos, append }), m)
                if m.ends_with(".write") || m.ends_with(".blocking-write-and-flush") =>
            {
                let bytes = Self::bytes(args.get(1));
                let at = if append {
                    self.fs.file(&path).map_or(0, |d| d.len() as u64)
                } else {
                    pos
                };
                match self.fs.write_at(&path, at, &bytes) {
                    Ok(()) => {
                        self.set_pos(args.first(), bytes.len() as u64);
                        Self::ok(None)
                    }
                    Err(_) => Self::closed(),
                }
            }
            (Some(Object::FileOut { .. }), m)
                if m.ends_with(".flush") || m.ends_with(".blocking-flush") =>
            {
                Self::ok(None)
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

/// WASI 0.2's `error-code` for a preview 1 errno from the folder.
fn error_code(e: Errno) -> &'static str {
    match e {
        Errno::Acces => "access",
        Errno::Again => "would-block",
        Errno::Badf => "bad-descriptor",
        Errno::Busy => "busy",
        Errno::Exist => "exist",
        Errno::Fbig => "file-too-large",
        Errno::Ilseq => "illegal-byte-sequence",
        Errno::Inval => "invalid",
        Errno::Isdir => "is-directory",
        Errno::Nametoolong => "name-too-long",
        Errno::Noent => "no-entry",
        Errno::Nospc => "insufficient-space",
        Errno::Notdir => "not-directory",
        Errno::Notempty => "not-empty",
        Errno::Notsup | Errno::Nosys => "unsupported",
        Errno::Overflow => "overflow",
        Errno::Perm | Errno::Notcapable => "not-permitted",
        Errno::Spipe => "invalid-seek",
        _ => "io",
    }
}

fn err_code(e: Errno) -> Val {
    Val::Result(Err(Some(Box::new(Val::Enum(error_code(e).into())))))
}

/// Sets field `name` of a record (the default of a result's `ok` type, filled in).
fn set(record: &mut Val, name: &str, value: Val) {
    if let Val::Record(fields) = record
        && let Some((_, v)) = fields.iter_mut().find(|(n, _)| n == name)
    {
        *v = value;
    }
}

/// The default of `ty`'s `ok` type, to fill in.
fn ok_default(ty: &FuncTy) -> Val {
    match &ty.result {
        Some(Ty::Result(Some(ok), _)) => ok.default_value().unwrap_or(Val::Bool(false)),
        _ => Val::Bool(false),
    }
}

/// A value's text in the trace: at most [`TRACE_VALUE`] characters, then `…`.
fn cut(text: String) -> String {
    match text.char_indices().nth(TRACE_VALUE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

impl Wasi2 {
    /// Moves a file stream's position on by `n`.
    fn set_pos(&mut self, handle: Option<&Val>, n: u64) {
        let Some(Val::Handle(rep)) = handle else {
            return;
        };
        if let Some(Some(Object::FileIn { pos, .. } | Object::FileOut { pos, .. })) = (*rep
            as usize)
            .checked_sub(1)
            .and_then(|i| self.objects.get_mut(i))
        {
            *pos += n;
        }
    }

    /// The folder path `rel` names from descriptor `dir`.
    fn at(&self, dir: Option<&Val>, rel: Option<&Val>) -> Result<String, Errno> {
        let Some(Object::Descriptor { path, dir: true }) = self.object(dir) else {
            return Err(Errno::Notdir);
        };
        let Some(Val::String(rel)) = rel else {
            return Err(Errno::Inval);
        };
        resolve(path, rel)
    }

    fn kind_of(&self, path: &str) -> Option<&'static str> {
        match self.fs.get(path)? {
            Node::Dir => Some("directory"),
            Node::File(_) => Some("regular-file"),
        }
    }

    fn stat(&self, ty: &FuncTy, path: &str) -> Val {
        let Some(kind) = self.kind_of(path) else {
            return err_code(Errno::Noent);
        };
        let mut stat = ok_default(ty);
        set(&mut stat, "type", Val::Enum(kind.into()));
        set(&mut stat, "link-count", Val::U64(1));
        let size = self.fs.file(path).map_or(0, |d| d.len() as u64);
        set(&mut stat, "size", Val::U64(size));
        Self::ok(Some(stat))
    }

    fn filesystem(
        &mut self,
        method: &str,
        ty: &FuncTy,
        args: &[Val],
    ) -> Result<Option<Val>, String> {
        let me = self.object(args.first()).cloned();
        let path = match &me {
            Some(Object::Descriptor { path, .. }) => Some(path.clone()),
            _ => None,
        };
        let unit = |r: Result<(), Errno>| match r {
            Ok(()) => Self::ok(None),
            Err(e) => err_code(e),
        };
        let name = method.trim_start_matches("[method]");
        Ok(Some(match (name, path) {
            ("descriptor.open-at", Some(_)) => {
                let full = match self.at(args.first(), args.get(2)) {
                    Ok(full) => full,
                    Err(e) => return Ok(Some(err_code(e))),
                };
                let open = match args.get(3) {
                    Some(Val::Flags(set)) => set.clone(),
                    _ => Vec::new(),
                };
                let has = |f: &str| open.iter().any(|o| o == f);
                let exists = self.fs.get(&full).is_some();
                if has("create") && has("exclusive") && exists {
                    return Ok(Some(err_code(Errno::Exist)));
                }
                if !exists {
                    if !has("create") {
                        return Ok(Some(err_code(Errno::Noent)));
                    }
                    if let Err(e) = self.fs.create(&full) {
                        return Ok(Some(err_code(e)));
                    }
                }
                let dir = matches!(self.fs.get(&full), Some(Node::Dir));
                if has("directory") && !dir {
                    return Ok(Some(err_code(Errno::Notdir)));
                }
                if has("truncate")
                    && !dir
                    && let Err(e) = self.fs.truncate(&full, 0)
                {
                    return Ok(Some(err_code(e)));
                }
                let handle = self.add(Object::Descriptor { path: full, dir });
                Self::ok(Some(handle))
            }
            ("descriptor.read-via-stream", Some(path)) => {
                let pos = Self::u64_arg(args.get(1));
                let handle = self.add(Object::FileIn { path, pos });
                Self::ok(Some(handle))
            }
            ("descriptor.write-via-stream", Some(path)) => {
                let pos = Self::u64_arg(args.get(1));
                let handle = self.add(Object::FileOut {
                    path,
                    pos,
                    append: false,
                });
                Self::ok(Some(handle))
            }
            ("descriptor.append-via-stream", Some(path)) => {
                let handle = self.add(Object::FileOut {
                    path,
                    pos: 0,
                    append: true,
                });
                Self::ok(Some(handle))
            }
            ("descriptor.get-type", Some(path)) => match self.kind_of(&path) {
                Some(kind) => Self::ok(Some(Val::Enum(kind.into()))),
                None => err_code(Errno::Badf),
            },
            ("descriptor.get-flags", Some(_)) => {
                Self::ok(Some(Val::Flags(vec!["read".into(), "write".into()])))
            }
            ("descriptor.stat", Some(path)) => self.stat(ty, &path),
            ("descriptor.stat-at", Some(_)) => match self.at(args.first(), args.get(2)) {
                Ok(full) => self.stat(ty, &full),
                Err(e) => err_code(e),
            },
            ("descriptor.metadata-hash" | "descriptor.metadata-hash-at", Some(path)) => {
                let full = if name.ends_with("-at") {
                    match self.at(args.first(), args.get(2)) {
                        Ok(full) => full,
                        Err(e) => return Ok(Some(err_code(e))),
                    }
                } else {
                    path
                };
                if self.fs.get(&full).is_none() {
                    return Ok(Some(err_code(Errno::Noent)));
                }
                // FNV-1a of the path: the same file, the same hash.
                let hash = full.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                });
                let mut record = ok_default(ty);
                set(&mut record, "lower", Val::U64(hash));
                Self::ok(Some(record))
            }
            ("descriptor.read-directory", Some(path)) => {
                let names = self
                    .fs
                    .children(&path)
                    .into_iter()
                    .map(|n| {
                        let full = if path.is_empty() {
                            n.clone()
                        } else {
                            format!("{path}/{n}")
                        };
                        let dir = matches!(self.fs.get(&full), Some(Node::Dir));
                        (n, dir)
                    })
                    .collect();
                let handle = self.add(Object::Entries { names, next: 0 });
                Self::ok(Some(handle))
            }
            ("directory-entry-stream.read-directory-entry", _) => {
                let Some(Val::Handle(rep)) = args.first() else {
                    return Ok(Some(err_code(Errno::Badf)));
                };
                let entry = match (*rep as usize)
                    .checked_sub(1)
                    .and_then(|i| self.objects.get_mut(i))
                {
                    Some(Some(Object::Entries { names, next })) => {
                        let entry = names.get(*next).cloned();
                        *next += 1;
                        entry
                    }
                    _ => return Ok(Some(err_code(Errno::Badf))),
                };
                Self::ok(Some(Val::Option(entry.map(|(n, dir)| {
                    Box::new(Val::Record(vec![
                        (
                            "type".into(),
                            Val::Enum(if dir { "directory" } else { "regular-file" }.into()),
                        ),
                        ("name".into(), Val::String(n)),
                    ]))
                }))))
            }
            ("descriptor.create-directory-at", Some(_)) => {
                let full = self.at(args.first(), args.get(1));
                unit(full.and_then(|f| self.fs.mkdir(&f)))
            }
            ("descriptor.remove-directory-at", Some(_)) => {
                let full = self.at(args.first(), args.get(1));
                unit(full.and_then(|f| self.fs.rmdir(&f)))
            }
            ("descriptor.unlink-file-at", Some(_)) => {
                let full = self.at(args.first(), args.get(1));
                unit(full.and_then(|f| self.fs.unlink(&f)))
            }
            ("descriptor.rename-at", Some(_)) => {
                let from = self.at(args.first(), args.get(1));
                let to = self.at(args.get(2), args.get(3));
                unit(from.and_then(|f| to.and_then(|t| self.fs.rename(&f, &t))))
            }
            ("descriptor.set-size", Some(path)) => {
                unit(self.fs.truncate(&path, Self::u64_arg(args.get(1))))
            }
            ("descriptor.sync" | "descriptor.sync-data", Some(_)) => Self::ok(None),
            ("descriptor.read", Some(path)) => {
                let want = Self::u64_arg(args.get(1)).min(CHUNK_MAX);
                let at = Self::u64_arg(args.get(2));
                match self.fs.file(&path) {
                    Ok(data) => {
                        let start = at.min(data.len() as u64) as usize;
                        let end = (start as u64 + want).min(data.len() as u64) as usize;
                        Self::ok(Some(Val::Tuple(vec![
                            Self::list_u8(&data[start..end]),
                            Val::Bool(end == data.len()),
                        ])))
                    }
                    Err(e) => err_code(e),
                }
            }
            ("descriptor.write", Some(path)) => {
                let bytes = Self::bytes(args.get(1));
                match self.fs.write_at(&path, Self::u64_arg(args.get(2)), &bytes) {
                    Ok(()) => Self::ok(Some(Val::U64(bytes.len() as u64))),
                    Err(e) => err_code(e),
                }
            }
            ("filesystem-error-code", _) => Val::Option(None),
            _ => return Self::unprovided(ty),
        }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::component::val::write;

    struct Clock(u64);

    impl Outside for Clock {
        fn realtime_ns(&mut self) -> u64 {
            self.0
        }
        fn monotonic_ns(&mut self) -> u64 {
            self.0
        }
        fn fill_random(&mut self, buf: &mut [u8]) {
            buf.fill(7);
        }
        fn sleep_ns(&mut self, ns: u64) {
            self.0 += ns;
        }
    }

    fn host() -> Wasi2 {
        Wasi2::new(
            Setup {
                args: vec!["p".into()],
                files: vec![("in.txt".into(), b"hello".to_vec())],
                ..Setup::default()
            },
            Box::new(Clock(0)),
        )
    }

    fn call(h: &mut Wasi2, interface: &str, name: &str, result: Option<Ty>, args: Vec<Val>) -> Val {
        let target = Target {
            instance: Some(format!("{interface}@0.2.3")),
            name: name.into(),
        };
        let ty = FuncTy {
            params: Vec::new(),
            result,
            is_async: false,
        };
        h.call(&target, &ty, args)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .unwrap_or(Val::Bool(false))
    }

    fn ok_handle(v: Val) -> Val {
        match v {
            Val::Result(Ok(Some(h))) => *h,
            other => panic!("{other:?}"),
        }
    }

    fn s(text: &str) -> Val {
        Val::String(text.into())
    }

    #[test]
    fn the_folder_is_opened_written_read_listed_and_stated() {
        let fs = "wasi:filesystem/types";
        let mut h = host();
        let Val::List(dirs) = call(
            &mut h,
            "wasi:filesystem/preopens",
            "get-directories",
            None,
            vec![],
        ) else {
            panic!()
        };
        let Val::Tuple(root) = &dirs[0] else { panic!() };
        assert_eq!(root[1], s("/"));
        let root = root[0].clone();
        let flags = |f: &[&str]| Val::Flags(f.iter().map(|x| x.to_string()).collect());
        let open = |h: &mut Wasi2, path: &str, create: bool| {
            call(
                h,
                fs,
                "[method]descriptor.open-at",
                None,
                vec![
                    root.clone(),
                    flags(&[]),
                    s(path),
                    flags(if create { &["create"] } else { &[] }),
                    flags(&["read", "write"]),
                ],
            )
        };
        // Not there, and its folder is not either: the error WASI names.
        assert_eq!(
            open(&mut h, "out/new.txt", true),
            Val::Result(Err(Some(Box::new(Val::Enum("no-entry".into())))))
        );
        let made = call(
            &mut h,
            fs,
            "[method]descriptor.create-directory-at",
            None,
            vec![root.clone(), s("out")],
        );
        assert_eq!(made, Val::Result(Ok(None)));
        // A new file: written through a stream, read back through another.
        let file = ok_handle(open(&mut h, "out/new.txt", true));
        let out = ok_handle(call(
            &mut h,
            fs,
            "[method]descriptor.write-via-stream",
            None,
            vec![file.clone(), Val::U64(0)],
        ));
        let bytes = |b: &[u8]| Val::List(b.iter().map(|x| Val::U8(*x)).collect());
        for chunk in [&b"new "[..], b"text"] {
            let wrote = call(
                &mut h,
                "wasi:io/streams",
                "[method]output-stream.blocking-write-and-flush",
                None,
                vec![out.clone(), bytes(chunk)],
            );
            assert_eq!(wrote, Val::Result(Ok(None)));
        }
        assert_eq!(h.fs.file("out/new.txt").unwrap(), b"new text");
        let input = ok_handle(call(
            &mut h,
            fs,
            "[method]descriptor.read-via-stream",
            None,
            vec![file.clone(), Val::U64(4)],
        ));
        let read = call(
            &mut h,
            "wasi:io/streams",
            "[method]input-stream.blocking-read",
            None,
            vec![input.clone(), Val::U64(100)],
        );
        assert_eq!(read, Val::Result(Ok(Some(Box::new(bytes(b"text"))))));
        let at_end = call(
            &mut h,
            "wasi:io/streams",
            "[method]input-stream.blocking-read",
            None,
            vec![input, Val::U64(100)],
        );
        assert_eq!(
            at_end,
            Val::Result(Err(Some(Box::new(Val::Variant("closed".into(), None)))))
        );
        // Stat fills the record its type gives.
        let stat_ty = Ty::Result(
            Some(Box::new(Ty::Record(vec![
                (
                    "type".into(),
                    Ty::Enum(vec!["directory".into(), "regular-file".into()]),
                ),
                ("link-count".into(), Ty::U64),
                ("size".into(), Ty::U64),
            ]))),
            Some(Box::new(Ty::Enum(vec!["no-entry".into()]))),
        );
        let stat = call(
            &mut h,
            fs,
            "[method]descriptor.stat",
            Some(stat_ty),
            vec![file],
        );
        assert_eq!(
            stat,
            Val::Result(Ok(Some(Box::new(Val::Record(vec![
                ("type".into(), Val::Enum("regular-file".into())),
                ("link-count".into(), Val::U64(1)),
                ("size".into(), Val::U64(8)),
            ])))))
        );
        // The folder lists what it holds, folders as folders.
        let entries = ok_handle(call(
            &mut h,
            fs,
            "[method]descriptor.read-directory",
            None,
            vec![root.clone()],
        ));
        let mut names = Vec::new();
        loop {
            match call(
                &mut h,
                fs,
                "[method]directory-entry-stream.read-directory-entry",
                None,
                vec![entries.clone()],
            ) {
                Val::Result(Ok(Some(entry))) => match *entry {
                    Val::Option(Some(record)) => names.push(write(&record)),
                    Val::Option(None) => break,
                    other => panic!("{other:?}"),
                },
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            names,
            [
                "{type: regular-file, name: \"in.txt\"}",
                "{type: directory, name: \"out\"}"
            ]
        );
        // Outside the folder is not allowed; removing works; changes are tracked.
        assert_eq!(
            open(&mut h, "../etc/passwd", false),
            Val::Result(Err(Some(Box::new(Val::Enum("not-permitted".into())))))
        );
        let gone = call(
            &mut h,
            fs,
            "[method]descriptor.unlink-file-at",
            None,
            vec![root.clone(), s("in.txt")],
        );
        assert_eq!(gone, Val::Result(Ok(None)));
        let changes: Vec<String> =
            h.fs.changes()
                .into_iter()
                .map(|(p, c)| format!("{p} {c:?}"))
                .collect();
        assert_eq!(changes, ["in.txt Removed", "out/new.txt Created"]);
    }
}
