//! A WASI preview 1 host (`wasi_snapshot_preview1`): arguments, environment, standard
//! input and output, a folder in memory preopened as `/`, clocks, randomness and
//! sleeps, for one run of a command.
//!
//! It is called by name with the guest's numbers and a view of its memory
//! ([`Memory`]); the engine is someone else's: the browser's `WebAssembly` in the
//! playground's worker, `wasmi` in the native tests. What a page cannot do (sockets,
//! signals, links) answers with the error WASI defines for it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::console::{Console, Stream};
use super::errno::Errno;
use super::fs::{Fs, Node, resolve};
use crate::domain::inspect::Value;

/// The import module a preview 1 program's host functions come from.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// The name the folder is preopened under.
pub const PREOPEN: &str = "/";

/// The longest path the host reads from a guest.
const PATH_MAX: u32 = 4096;
/// The most buffers one read or write may name (POSIX's `IOV_MAX`).
const IOV_MAX: u32 = 1024;
/// The most bytes one write takes (the rest is a short write).
const WRITE_MAX: u32 = 1024 * 1024;
/// The most calls kept in the trace.
const TRACE_MAX: usize = 500;

/// Every function of `wasi_snapshot_preview1`, with its core type: `i` for `i32`, `I`
/// for `i64`, results after `>`.
pub const FUNCTIONS: &[(&str, &str)] = &[
    ("args_get", "ii>i"),
    ("args_sizes_get", "ii>i"),
    ("environ_get", "ii>i"),
    ("environ_sizes_get", "ii>i"),
    ("clock_res_get", "ii>i"),
    ("clock_time_get", "iIi>i"),
    ("fd_advise", "iIIi>i"),
    ("fd_allocate", "iII>i"),
    ("fd_close", "i>i"),
    ("fd_datasync", "i>i"),
    ("fd_fdstat_get", "ii>i"),
    ("fd_fdstat_set_flags", "ii>i"),
    ("fd_fdstat_set_rights", "iII>i"),
    ("fd_filestat_get", "ii>i"),
    ("fd_filestat_set_size", "iI>i"),
    ("fd_filestat_set_times", "iIIi>i"),
    ("fd_pread", "iiiIi>i"),
    ("fd_prestat_get", "ii>i"),
    ("fd_prestat_dir_name", "iii>i"),
    ("fd_pwrite", "iiiIi>i"),
    ("fd_read", "iiii>i"),
    ("fd_readdir", "iiiIi>i"),
    ("fd_renumber", "ii>i"),
    ("fd_seek", "iIii>i"),
    ("fd_sync", "i>i"),
    ("fd_tell", "ii>i"),
    ("fd_write", "iiii>i"),
    ("path_create_directory", "iii>i"),
    ("path_filestat_get", "iiiii>i"),
    ("path_filestat_set_times", "iiiiIIi>i"),
    ("path_link", "iiiiiii>i"),
    ("path_open", "iiiiiIIii>i"),
    ("path_readlink", "iiiiii>i"),
    ("path_remove_directory", "iii>i"),
    ("path_rename", "iiiiii>i"),
    ("path_symlink", "iiiii>i"),
    ("path_unlink_file", "iii>i"),
    ("poll_oneoff", "iiii>i"),
    ("proc_exit", "i>"),
    ("proc_raise", "i>i"),
    ("sched_yield", ">i"),
    ("random_get", "ii>i"),
    ("sock_accept", "iii>i"),
    ("sock_recv", "iiiiii>i"),
    ("sock_send", "iiiii>i"),
    ("sock_shutdown", "ii>i"),
];

/// The core type of preview 1 function `name` as (parameters, results), each `"i32"`
/// or `"i64"`; `None` for a name preview 1 does not have.
pub fn signature(name: &str) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    let (_, code) = FUNCTIONS.iter().find(|(n, _)| *n == name)?;
    let (params, results) = code.split_once('>')?;
    let types = |s: &str| {
        s.chars()
            .map(|c| if c == 'I' { "i64" } else { "i32" })
            .collect()
    };
    Some((types(params), types(results)))
}

/// A guest's linear memory, as its engine lends it.
pub trait Memory {
    /// Its size in bytes.
    fn size(&self) -> u64;
    /// Copies `out.len()` bytes from `at`; false if any lies outside.
    fn read(&self, at: u32, out: &mut [u8]) -> bool;
    /// Writes `data` at `at`; false (and nothing written) if any would lie outside.
    fn write(&mut self, at: u32, data: &[u8]) -> bool;
}

/// A memory that is a slice of bytes: `wasmi`'s, in the tests.
pub struct Bytes<'a>(pub &'a mut [u8]);

impl Memory for Bytes<'_> {
    fn size(&self) -> u64 {
        self.0.len() as u64
    }
    fn read(&self, at: u32, out: &mut [u8]) -> bool {
        let Some(end) = (at as usize).checked_add(out.len()) else {
            return false;
        };
        match self.0.get(at as usize..end) {
            Some(from) => {
                out.copy_from_slice(from);
                true
            }
            None => false,
        }
    }
    fn write(&mut self, at: u32, data: &[u8]) -> bool {
        let Some(end) = (at as usize).checked_add(data.len()) else {
            return false;
        };
        match self.0.get_mut(at as usize..end) {
            Some(to) => {
                to.copy_from_slice(data);
                true
            }
            None => false,
        }
    }
}

/// What the host needs from the world around it: clocks, randomness, a way to wait.
pub trait Outside {
    /// Nanoseconds since 1970.
    fn realtime_ns(&mut self) -> u64;
    /// Nanoseconds since some fixed moment, never going back.
    fn monotonic_ns(&mut self) -> u64;
    fn fill_random(&mut self, buf: &mut [u8]);
    fn sleep_ns(&mut self, ns: u64);
}

/// Why a run stopped before its entry function returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// `proc_exit` with this code.
    Exit(u32),
}

/// What a run is given.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// The program's name (`argv[0]`), then its arguments.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Vec<u8>,
    /// Files put in the folder before the run, by path.
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Clone, Debug)]
enum Fd {
    Stdin,
    Stdout,
    Stderr,
    Dir {
        path: String,
        preopen: bool,
    },
    File {
        path: String,
        pos: u64,
        append: bool,
    },
}

pub struct Host {
    args: Vec<Vec<u8>>,
    env: Vec<Vec<u8>>,
    stdin: Vec<u8>,
    stdin_pos: usize,
    pub fs: Fs,
    fds: BTreeMap<u32, Fd>,
    pub console: Console,
    outside: Box<dyn Outside>,
    /// The first calls, as `fd_write(1, 1024, 1, 1020) → success`.
    pub trace: Vec<String>,
    /// Calls made, in all.
    pub calls: u64,
    /// The time the run started, for files' times.
    started_ns: u64,
}

/// The guest's arguments, read by position as the type the signature says.
struct Args<'a>(&'a [Value]);

impl Args<'_> {
    fn u32(&self, i: usize) -> u32 {
        match self.0.get(i) {
            Some(Value::I32(x)) => *x as u32,
            Some(Value::I64(x)) => *x as u32,
            _ => 0,
        }
    }
    fn u64(&self, i: usize) -> u64 {
        match self.0.get(i) {
            Some(Value::I64(x)) => *x as u64,
            Some(Value::I32(x)) => *x as u32 as u64,
            _ => 0,
        }
    }
}

/// A stable number for a path (its inode).
fn ino(path: &str) -> u64 {
    // FNV-1a: small and fixed, so the same path has the same number in every run.
    path.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

const FILETYPE_CHARACTER_DEVICE: u8 = 2;
const FILETYPE_DIRECTORY: u8 = 3;
const FILETYPE_REGULAR_FILE: u8 = 4;
/// Every right preview 1 defines (bits 0 to 28).
const ALL_RIGHTS: u64 = (1 << 29) - 1;
/// A terminal's: all but `fd_seek` (bit 2) and `fd_tell` (bit 5).
const TERMINAL_RIGHTS: u64 = ALL_RIGHTS & !(1 << 2) & !(1 << 5);

const OFLAGS_CREAT: u32 = 1;
const OFLAGS_DIRECTORY: u32 = 2;
const OFLAGS_EXCL: u32 = 4;
const OFLAGS_TRUNC: u32 = 8;
const FDFLAGS_APPEND: u32 = 1;

impl Host {
    pub fn new(setup: Setup, outside: Box<dyn Outside>) -> Host {
        let mut outside = outside;
        let started_ns = outside.realtime_ns();
        let fds = BTreeMap::from([
            (0, Fd::Stdin),
            (1, Fd::Stdout),
            (2, Fd::Stderr),
            (
                3,
                Fd::Dir {
                    path: String::new(),
                    preopen: true,
                },
            ),
        ]);
        Host {
            args: setup.args.into_iter().map(String::into_bytes).collect(),
            env: setup
                .env
                .into_iter()
                .map(|(k, v)| format!("{k}={v}").into_bytes())
                .collect(),
            stdin: setup.stdin,
            stdin_pos: 0,
            fs: Fs::new(setup.files),
            fds,
            console: Console::default(),
            outside,
            trace: Vec::new(),
            calls: 0,
            started_ns,
        }
    }

    /// Calls preview 1 function `name` with `args`; its results, or why the run stops.
    /// A name preview 1 does not have answers `nosys`.
    pub fn call(
        &mut self,
        name: &str,
        args: &[Value],
        memory: &mut dyn Memory,
    ) -> Result<Vec<Value>, Stop> {
        self.calls += 1;
        let a = Args(args);
        let result = match name {
            "proc_exit" => {
                self.log(name, args, "");
                return Err(Stop::Exit(a.u32(0)));
            }
            _ => self.dispatch(name, &a, memory),
        };
        let errno = result.err().unwrap_or(Errno::Success);
        self.log(name, args, errno.name());
        Ok(vec![Value::I32(errno.code())])
    }

    fn log(&mut self, name: &str, args: &[Value], outcome: &str) {
        if self.trace.len() >= TRACE_MAX {
            return;
        }
        let mut line = format!("{name}(");
        for (i, v) in args.iter().enumerate() {
            if i > 0 {
                line.push_str(", ");
            }
            let _ = write!(line, "{v}");
        }
        line.push(')');
        if !outcome.is_empty() {
            let _ = write!(line, " → {outcome}");
        }
        self.trace.push(line);
    }

    fn dispatch(&mut self, name: &str, a: &Args, m: &mut dyn Memory) -> Result<(), Errno> {
        match name {
            "args_sizes_get" => sizes(&self.args, a.u32(0), a.u32(1), m),
            "args_get" => strings(&self.args, a.u32(0), a.u32(1), m),
            "environ_sizes_get" => sizes(&self.env, a.u32(0), a.u32(1), m),
            "environ_get" => strings(&self.env, a.u32(0), a.u32(1), m),
            "clock_res_get" => {
                let res: u64 = match a.u32(0) {
                    0 => 1_000_000,
                    1..=3 => 1_000,
                    _ => return Err(Errno::Inval),
                };
                put(m, a.u32(1), &res.to_le_bytes())
            }
            "clock_time_get" => {
                let now = self.now(a.u32(0))?;
                put(m, a.u32(2), &now.to_le_bytes())
            }
            "random_get" => {
                let (at, len) = (a.u32(0), a.u32(1));
                in_bounds(m, at, len)?;
                let mut chunk = vec![0; len.min(65_536) as usize];
                let mut done = 0;
                while done < len {
                    let n = (len - done).min(chunk.len() as u32) as usize;
                    self.outside.fill_random(&mut chunk[..n]);
                    put(m, at + done, &chunk[..n])?;
                    done += n as u32;
                }
                Ok(())
            }
            "sched_yield" => Ok(()),
            "proc_raise" => Err(Errno::Notsup),
            "poll_oneoff" => self.poll(a.u32(0), a.u32(1), a.u32(2), a.u32(3), m),
            "fd_write" => {
                let fd = a.u32(0);
                let data = gather(m, a.u32(1), a.u32(2))?;
                self.write(fd, None, &data)?;
                put(m, a.u32(3), &(data.len() as u32).to_le_bytes())
            }
            "fd_pwrite" => {
                let data = gather(m, a.u32(1), a.u32(2))?;
                self.write(a.u32(0), Some(a.u64(3)), &data)?;
                put(m, a.u32(4), &(data.len() as u32).to_le_bytes())
            }
            "fd_read" => {
                let wanted = iov_total(m, a.u32(1), a.u32(2))?;
                let data = self.read(a.u32(0), None, wanted)?;
                scatter(m, a.u32(1), a.u32(2), &data)?;
                put(m, a.u32(3), &(data.len() as u32).to_le_bytes())
            }
            "fd_pread" => {
                let wanted = iov_total(m, a.u32(1), a.u32(2))?;
                let data = self.read(a.u32(0), Some(a.u64(3)), wanted)?;
                scatter(m, a.u32(1), a.u32(2), &data)?;
                put(m, a.u32(4), &(data.len() as u32).to_le_bytes())
            }
            "fd_seek" => {
                let at = self.seek(a.u32(0), a.u64(1) as i64, a.u32(2))?;
                put(m, a.u32(3), &at.to_le_bytes())
            }
            "fd_tell" => {
                let at = self.seek(a.u32(0), 0, 1)?;
                put(m, a.u32(1), &at.to_le_bytes())
            }
            "fd_close" => self.fds.remove(&a.u32(0)).map(|_| ()).ok_or(Errno::Badf),
            "fd_renumber" => {
                let (from, to) = (a.u32(0), a.u32(1));
                if !self.fds.contains_key(&to) {
                    return Err(Errno::Badf);
                }
                let fd = self.fds.remove(&from).ok_or(Errno::Badf)?;
                self.fds.insert(to, fd);
                Ok(())
            }
            "fd_fdstat_get" => {
                let (filetype, flags, rights) = match self.fd(a.u32(0))? {
                    // A terminal: wasi-libc's isatty() looks for a character device
                    // that cannot seek or tell, and then buffers output by line, so
                    // standard output and error interleave as in a terminal.
                    Fd::Stdin | Fd::Stdout | Fd::Stderr => {
                        (FILETYPE_CHARACTER_DEVICE, 0, TERMINAL_RIGHTS)
                    }
                    Fd::Dir { .. } => (FILETYPE_DIRECTORY, 0, ALL_RIGHTS),
                    Fd::File { append, .. } => {
                        (FILETYPE_REGULAR_FILE, u16::from(*append), ALL_RIGHTS)
                    }
                };
                let mut stat = [0u8; 24];
                stat[0] = filetype;
                stat[2..4].copy_from_slice(&flags.to_le_bytes());
                stat[8..16].copy_from_slice(&rights.to_le_bytes());
                stat[16..24].copy_from_slice(&rights.to_le_bytes());
                put(m, a.u32(1), &stat)
            }
            "fd_fdstat_set_flags" => match self.fds.get_mut(&a.u32(0)) {
                Some(Fd::File { append, .. }) => {
                    *append = a.u32(1) & FDFLAGS_APPEND != 0;
                    Ok(())
                }
                Some(_) => Ok(()),
                None => Err(Errno::Badf),
            },
            "fd_fdstat_set_rights" | "fd_advise" | "fd_datasync" | "fd_sync" => {
                self.fd(a.u32(0)).map(|_| ())
            }
            "fd_allocate" => {
                let path = self.file_path(a.u32(0))?;
                let end = a.u64(1).checked_add(a.u64(2)).ok_or(Errno::Fbig)?;
                if end > self.fs.file(&path)?.len() as u64 {
                    self.fs.truncate(&path, end)?;
                }
                Ok(())
            }
            "fd_filestat_get" => {
                let path = match self.fd(a.u32(0))? {
                    Fd::Dir { path, .. } | Fd::File { path, .. } => path.clone(),
                    _ => {
                        let mut stat = [0u8; 64];
                        stat[16] = FILETYPE_CHARACTER_DEVICE;
                        return put(m, a.u32(1), &stat);
                    }
                };
                let stat = self.filestat(&path)?;
                put(m, a.u32(1), &stat)
            }
            "fd_filestat_set_size" => {
                let path = self.file_path(a.u32(0))?;
                self.fs.truncate(&path, a.u64(1))
            }
            "fd_filestat_set_times" => self.fd(a.u32(0)).map(|_| ()),
            "fd_prestat_get" => match self.fd(a.u32(0))? {
                Fd::Dir { preopen: true, .. } => {
                    let mut prestat = [0u8; 8];
                    prestat[4..8].copy_from_slice(&(PREOPEN.len() as u32).to_le_bytes());
                    put(m, a.u32(1), &prestat)
                }
                _ => Err(Errno::Badf),
            },
            "fd_prestat_dir_name" => match self.fd(a.u32(0))? {
                Fd::Dir { preopen: true, .. } => {
                    let len = (a.u32(2) as usize).min(PREOPEN.len());
                    put(m, a.u32(1), &PREOPEN.as_bytes()[..len])
                }
                _ => Err(Errno::Badf),
            },
            "fd_readdir" => self.readdir(a.u32(0), a.u32(1), a.u32(2), a.u64(3), a.u32(4), m),
            "path_open" => {
                let path = self.path(a.u32(0), a.u32(2), a.u32(3), m)?;
                let fd = self.open(&path, a.u32(4), a.u32(7))?;
                put(m, a.u32(8), &fd.to_le_bytes())
            }
            "path_create_directory" => {
                let path = self.path(a.u32(0), a.u32(1), a.u32(2), m)?;
                self.fs.mkdir(&path)
            }
            "path_remove_directory" => {
                let path = self.path(a.u32(0), a.u32(1), a.u32(2), m)?;
                self.fs.rmdir(&path)
            }
            "path_unlink_file" => {
                let path = self.path(a.u32(0), a.u32(1), a.u32(2), m)?;
                self.fs.unlink(&path)
            }
            "path_rename" => {
                let from = self.path(a.u32(0), a.u32(1), a.u32(2), m)?;
                let to = self.path(a.u32(3), a.u32(4), a.u32(5), m)?;
                self.fs.rename(&from, &to)
            }
            "path_filestat_get" => {
                let path = self.path(a.u32(0), a.u32(2), a.u32(3), m)?;
                let stat = self.filestat(&path)?;
                put(m, a.u32(4), &stat)
            }
            "path_filestat_set_times" => {
                let path = self.path(a.u32(0), a.u32(2), a.u32(3), m)?;
                self.fs.get(&path).map(|_| ()).ok_or(Errno::Noent)
            }
            "path_readlink" => {
                // Nothing here is a link: reading one that is not says `inval`.
                let path = self.path(a.u32(0), a.u32(1), a.u32(2), m)?;
                self.fs.get(&path).ok_or(Errno::Noent)?;
                Err(Errno::Inval)
            }
            "path_link" | "path_symlink" => Err(Errno::Notsup),
            "sock_accept" | "sock_recv" | "sock_send" | "sock_shutdown" => {
                // No descriptor here is a socket.
                self.fd(a.u32(0))?;
                Err(Errno::Notsock)
            }
            _ => Err(Errno::Nosys),
        }
    }

    fn now(&mut self, clock: u32) -> Result<u64, Errno> {
        match clock {
            0 => Ok(self.outside.realtime_ns()),
            1..=3 => Ok(self.outside.monotonic_ns()),
            _ => Err(Errno::Inval),
        }
    }

    fn fd(&self, fd: u32) -> Result<&Fd, Errno> {
        self.fds.get(&fd).ok_or(Errno::Badf)
    }

    fn file_path(&self, fd: u32) -> Result<String, Errno> {
        match self.fd(fd)? {
            Fd::File { path, .. } => Ok(path.clone()),
            Fd::Dir { .. } => Err(Errno::Isdir),
            _ => Err(Errno::Inval),
        }
    }

    /// Path `at..at+len` of the guest, from directory `fd`.
    fn path(&self, fd: u32, at: u32, len: u32, m: &dyn Memory) -> Result<String, Errno> {
        let Fd::Dir { path: dir, .. } = self.fd(fd)? else {
            return Err(Errno::Notdir);
        };
        if len > PATH_MAX {
            return Err(Errno::Nametoolong);
        }
        let bytes = take(m, at, len)?;
        let rel = std::str::from_utf8(&bytes).map_err(|_| Errno::Ilseq)?;
        resolve(dir, rel)
    }

    fn filestat(&self, path: &str) -> Result<[u8; 64], Errno> {
        let (filetype, size) = match self.fs.get(path).ok_or(Errno::Noent)? {
            Node::Dir => (FILETYPE_DIRECTORY, 0),
            Node::File(bytes) => (FILETYPE_REGULAR_FILE, bytes.len() as u64),
        };
        let mut stat = [0u8; 64];
        stat[8..16].copy_from_slice(&ino(path).to_le_bytes());
        stat[16] = filetype;
        stat[24..32].copy_from_slice(&1u64.to_le_bytes());
        stat[32..40].copy_from_slice(&size.to_le_bytes());
        for at in [40, 48, 56] {
            stat[at..at + 8].copy_from_slice(&self.started_ns.to_le_bytes());
        }
        Ok(stat)
    }

    fn open(&mut self, path: &str, oflags: u32, fdflags: u32) -> Result<u32, Errno> {
        let fd = match self.fs.get(path) {
            Some(_) if oflags & OFLAGS_CREAT != 0 && oflags & OFLAGS_EXCL != 0 => {
                return Err(Errno::Exist);
            }
            Some(Node::Dir) if oflags & OFLAGS_TRUNC != 0 => return Err(Errno::Isdir),
            Some(Node::Dir) => Fd::Dir {
                path: path.to_owned(),
                preopen: false,
            },
            Some(Node::File(_)) if oflags & OFLAGS_DIRECTORY != 0 => return Err(Errno::Notdir),
            Some(Node::File(_)) => {
                if oflags & OFLAGS_TRUNC != 0 {
                    self.fs.truncate(path, 0)?;
                }
                Fd::File {
                    path: path.to_owned(),
                    pos: 0,
                    append: fdflags & FDFLAGS_APPEND != 0,
                }
            }
            None if oflags & OFLAGS_CREAT != 0 => {
                if oflags & OFLAGS_DIRECTORY != 0 {
                    return Err(Errno::Inval);
                }
                self.fs.create(path)?;
                Fd::File {
                    path: path.to_owned(),
                    pos: 0,
                    append: fdflags & FDFLAGS_APPEND != 0,
                }
            }
            None => return Err(Errno::Noent),
        };
        let number = (3..)
            .find(|n| !self.fds.contains_key(n))
            .unwrap_or(u32::MAX);
        self.fds.insert(number, fd);
        Ok(number)
    }

    fn write(&mut self, fd: u32, at: Option<u64>, data: &[u8]) -> Result<(), Errno> {
        match self.fds.get_mut(&fd).ok_or(Errno::Badf)? {
            Fd::Stdout if at.is_none() => self.console.push(Stream::Stdout, data),
            Fd::Stderr if at.is_none() => self.console.push(Stream::Stderr, data),
            Fd::Stdout | Fd::Stderr | Fd::Stdin => {
                return Err(if at.is_some() {
                    Errno::Spipe
                } else {
                    Errno::Badf
                });
            }
            Fd::Dir { .. } => return Err(Errno::Isdir),
            Fd::File { path, pos, append } => {
                let size = self.fs.file(path)?.len() as u64;
                let start = match at {
                    Some(at) => at,
                    None if *append => size,
                    None => *pos,
                };
                self.fs.write_at(path, start, data)?;
                if at.is_none() {
                    *pos = start + data.len() as u64;
                }
            }
        }
        Ok(())
    }

    fn read(&mut self, fd: u32, at: Option<u64>, wanted: u64) -> Result<Vec<u8>, Errno> {
        match self.fds.get_mut(&fd).ok_or(Errno::Badf)? {
            Fd::Stdin if at.is_none() => {
                let wanted = usize::try_from(wanted).unwrap_or(usize::MAX);
                let end = self.stdin.len().min(self.stdin_pos.saturating_add(wanted));
                let data = self.stdin[self.stdin_pos..end].to_vec();
                self.stdin_pos = end;
                Ok(data)
            }
            Fd::Stdin => Err(Errno::Spipe),
            Fd::Stdout | Fd::Stderr => Err(Errno::Badf),
            Fd::Dir { .. } => Err(Errno::Isdir),
            Fd::File { path, pos, .. } => {
                let bytes = self.fs.file(path)?;
                let from = at.unwrap_or(*pos);
                let start = from.min(bytes.len() as u64) as usize;
                let end = (start as u64)
                    .saturating_add(wanted)
                    .min(bytes.len() as u64) as usize;
                let data = bytes[start..end].to_vec();
                if at.is_none() {
                    // Past the end nothing is read and the position stays.
                    *pos = from.saturating_add(data.len() as u64);
                }
                Ok(data)
            }
        }
    }

    fn seek(&mut self, fd: u32, offset: i64, whence: u32) -> Result<u64, Errno> {
        let size = match self.fd(fd)? {
            Fd::File { path, .. } => self.fs.file(path)?.len() as u64,
            Fd::Dir { .. } => return Err(Errno::Isdir),
            _ => return Err(Errno::Spipe),
        };
        let Some(Fd::File { pos, .. }) = self.fds.get_mut(&fd) else {
            return Err(Errno::Badf);
        };
        let base = match whence {
            0 => 0,
            1 => *pos,
            2 => size,
            _ => return Err(Errno::Inval),
        };
        let target = i128::from(base) + i128::from(offset);
        if target < 0 || target > i128::from(i64::MAX) {
            return Err(Errno::Inval);
        }
        *pos = target as u64;
        Ok(*pos)
    }

    fn readdir(
        &self,
        fd: u32,
        buf: u32,
        buf_len: u32,
        cookie: u64,
        used_at: u32,
        m: &mut dyn Memory,
    ) -> Result<(), Errno> {
        let Fd::Dir { path, .. } = self.fd(fd)? else {
            return Err(Errno::Notdir);
        };
        let mut names = vec![".".to_owned(), "..".to_owned()];
        names.extend(self.fs.children(path));
        let mut out = Vec::new();
        for (i, name) in names
            .iter()
            .enumerate()
            .skip(cookie.min(u64::from(u32::MAX)) as usize)
        {
            if out.len() >= buf_len as usize {
                break;
            }
            let full = match name.as_str() {
                "." => path.clone(),
                ".." => super::fs::parent(path).0.to_owned(),
                _ if path.is_empty() => name.clone(),
                _ => format!("{path}/{name}"),
            };
            let kind = match self.fs.get(&full) {
                Some(Node::File(_)) => FILETYPE_REGULAR_FILE,
                _ => FILETYPE_DIRECTORY,
            };
            let mut entry = [0u8; 24];
            entry[0..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
            entry[8..16].copy_from_slice(&ino(&full).to_le_bytes());
            entry[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
            entry[20] = kind;
            out.extend_from_slice(&entry);
            out.extend_from_slice(name.as_bytes());
        }
        out.truncate(buf_len as usize);
        put(m, buf, &out)?;
        put(m, used_at, &(out.len() as u32).to_le_bytes())
    }

    fn poll(
        &mut self,
        subs: u32,
        events: u32,
        count: u32,
        n_at: u32,
        m: &mut dyn Memory,
    ) -> Result<(), Errno> {
        if count == 0 {
            return Err(Errno::Inval);
        }
        if count > 4096 {
            return Err(Errno::TooBig);
        }
        let raw = take(m, subs, count * 48)?;
        // (userdata, type, wait in ns or an fd's bytes ready, hang-up).
        let mut clocks = Vec::new();
        let mut ready = Vec::new();
        for sub in raw.chunks_exact(48) {
            let word =
                |at: usize| u64::from_le_bytes(sub[at..at + 8].try_into().unwrap_or_default());
            let userdata = word(0);
            match sub[8] {
                0 => {
                    let clock = u32::from_le_bytes(sub[16..20].try_into().unwrap_or_default());
                    let timeout = word(24);
                    let absolute = sub[40] & 1 != 0;
                    let wait = match self.now(clock) {
                        Ok(now) if absolute => Ok(timeout.saturating_sub(now)),
                        Ok(_) => Ok(timeout),
                        Err(e) => Err(e),
                    };
                    clocks.push((userdata, wait));
                }
                kind @ (1 | 2) => {
                    let fd = u32::from_le_bytes(sub[16..20].try_into().unwrap_or_default());
                    let (bytes, hangup, error) = match (kind, self.fds.get(&fd)) {
                        (_, None) => (0, false, Errno::Badf),
                        (1, Some(Fd::Stdin)) => {
                            let left = (self.stdin.len() - self.stdin_pos) as u64;
                            (left, left == 0, Errno::Success)
                        }
                        (1, Some(Fd::File { path, pos, .. })) => {
                            let size = self.fs.file(path).map_or(0, |b| b.len() as u64);
                            (size.saturating_sub(*pos), false, Errno::Success)
                        }
                        _ => (0, false, Errno::Success),
                    };
                    ready.push((userdata, kind, bytes, hangup, error));
                }
                _ => return Err(Errno::Inval),
            }
        }
        let mut out = Vec::new();
        let event = |userdata: u64, kind: u8, error: Errno, bytes: u64, hangup: bool| {
            let mut e = [0u8; 32];
            e[0..8].copy_from_slice(&userdata.to_le_bytes());
            e[8..10].copy_from_slice(&(error as u16).to_le_bytes());
            e[10] = kind;
            e[16..24].copy_from_slice(&bytes.to_le_bytes());
            e[24..26].copy_from_slice(&u16::from(hangup).to_le_bytes());
            e
        };
        if ready.is_empty() {
            let shortest = clocks.iter().filter_map(|(_, w)| w.ok()).min().unwrap_or(0);
            if clocks.iter().all(|(_, w)| w.is_ok()) && shortest > 0 {
                self.outside.sleep_ns(shortest);
            }
            for (userdata, wait) in &clocks {
                match wait {
                    Ok(w) if *w <= shortest => {
                        out.extend(event(*userdata, 0, Errno::Success, 0, false))
                    }
                    Ok(_) => {}
                    Err(e) => out.extend(event(*userdata, 0, *e, 0, false)),
                }
            }
        } else {
            for (userdata, kind, bytes, hangup, error) in ready {
                out.extend(event(userdata, kind, error, bytes, hangup));
            }
        }
        put(m, events, &out)?;
        put(m, n_at, &((out.len() / 32) as u32).to_le_bytes())
    }
}

/// `count` and total size of NUL-ended `strings`, at `count_at` and `size_at`.
fn sizes(
    strings: &[Vec<u8>],
    count_at: u32,
    size_at: u32,
    m: &mut dyn Memory,
) -> Result<(), Errno> {
    let size: usize = strings.iter().map(|s| s.len() + 1).sum();
    put(m, count_at, &(strings.len() as u32).to_le_bytes())?;
    put(m, size_at, &(size as u32).to_le_bytes())
}

/// `strings`, NUL-ended, one after another at `buf`, and a pointer to each at `ptrs`.
fn strings(strings: &[Vec<u8>], ptrs: u32, buf: u32, m: &mut dyn Memory) -> Result<(), Errno> {
    let mut at = buf;
    let mut table = Vec::with_capacity(strings.len() * 4);
    let mut data = Vec::new();
    for s in strings {
        table.extend_from_slice(&at.to_le_bytes());
        data.extend_from_slice(s);
        data.push(0);
        at = at.checked_add(s.len() as u32 + 1).ok_or(Errno::Fault)?;
    }
    put(m, ptrs, &table)?;
    put(m, buf, &data)
}

fn in_bounds(m: &dyn Memory, at: u32, len: u32) -> Result<(), Errno> {
    if u64::from(at) + u64::from(len) > m.size() {
        Err(Errno::Fault)
    } else {
        Ok(())
    }
}

/// `len` bytes of the guest from `at`, checked before anything is allocated.
fn take(m: &dyn Memory, at: u32, len: u32) -> Result<Vec<u8>, Errno> {
    in_bounds(m, at, len)?;
    let mut out = vec![0; len as usize];
    if m.read(at, &mut out) {
        Ok(out)
    } else {
        Err(Errno::Fault)
    }
}

fn put(m: &mut dyn Memory, at: u32, data: &[u8]) -> Result<(), Errno> {
    if m.write(at, data) {
        Ok(())
    } else {
        Err(Errno::Fault)
    }
}

/// The (pointer, length) pairs of `count` iovecs at `at`.
fn iovs(m: &dyn Memory, at: u32, count: u32) -> Result<Vec<(u32, u32)>, Errno> {
    if count > IOV_MAX {
        return Err(Errno::Inval);
    }
    let raw = take(m, at, count * 8)?;
    Ok(raw
        .chunks_exact(8)
        .map(|c| {
            let word = |i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
            (word(0), word(4))
        })
        .collect())
}

fn iov_total(m: &dyn Memory, at: u32, count: u32) -> Result<u64, Errno> {
    let list = iovs(m, at, count)?;
    for (ptr, len) in &list {
        in_bounds(m, *ptr, *len)?;
    }
    Ok(list.iter().map(|(_, len)| u64::from(*len)).sum())
}

/// The bytes of the iovecs at `at`, in order, at most [`WRITE_MAX`] of them: a longer
/// write is a short one, as POSIX allows, and the guest writes the rest again.
fn gather(m: &dyn Memory, at: u32, count: u32) -> Result<Vec<u8>, Errno> {
    let mut out = Vec::new();
    for (ptr, len) in iovs(m, at, count)? {
        let room = WRITE_MAX - out.len() as u32;
        out.extend(take(m, ptr, len.min(room))?);
        if out.len() as u32 == WRITE_MAX {
            break;
        }
    }
    Ok(out)
}

/// `data` spread over the iovecs at `at`, in order.
fn scatter(m: &mut dyn Memory, at: u32, count: u32, data: &[u8]) -> Result<(), Errno> {
    let mut rest = data;
    for (ptr, len) in iovs(m, at, count)? {
        if rest.is_empty() {
            break;
        }
        let n = rest.len().min(len as usize);
        put(m, ptr, &rest[..n])?;
        rest = &rest[n..];
    }
    Ok(())
}
