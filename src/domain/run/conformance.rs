//! Each preview 1 call the host provides, called directly with a memory of bytes:
//! what it writes to the guest, what it does to the folder, and the error it answers
//! with when the call cannot be done. Whole programs run on `wasmi` in tests/wasi.rs.

use proptest::prelude::*;

use super::fs::Change;
use super::wasi::{Bytes, FUNCTIONS, Host, Outside, Setup, Stop, signature};
use crate::domain::inspect::Value;

struct Fixed(u64);

impl Outside for Fixed {
    fn realtime_ns(&mut self) -> u64 {
        1_765_000_000_000_000_000 + self.0
    }
    fn monotonic_ns(&mut self) -> u64 {
        5_000 + self.0
    }
    fn fill_random(&mut self, buf: &mut [u8]) {
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(31).wrapping_add(7);
        }
    }
    fn sleep_ns(&mut self, ns: u64) {
        self.0 += ns;
    }
}

/// A host, and a guest memory of one page with `text` written at 1024.
struct Guest {
    host: Host,
    memory: Vec<u8>,
}

const TEXT: u32 = 1024;

impl Guest {
    fn new(setup: Setup) -> Guest {
        Guest {
            host: Host::new(setup, Box::new(Fixed(0))),
            memory: vec![0; 65_536],
        }
    }

    fn put(&mut self, at: u32, bytes: &[u8]) {
        self.memory[at as usize..at as usize + bytes.len()].copy_from_slice(bytes);
    }

    fn u32(&self, at: u32) -> u32 {
        u32::from_le_bytes(
            self.memory[at as usize..at as usize + 4]
                .try_into()
                .unwrap(),
        )
    }

    fn u64(&self, at: u32) -> u64 {
        u64::from_le_bytes(
            self.memory[at as usize..at as usize + 8]
                .try_into()
                .unwrap(),
        )
    }

    fn bytes(&self, at: u32, len: u32) -> &[u8] {
        &self.memory[at as usize..(at + len) as usize]
    }

    /// Calls `name`; its errno by name.
    fn call(&mut self, name: &str, args: &[i64]) -> &'static str {
        let (params, _) = signature(name).unwrap();
        let values: Vec<Value> = params
            .iter()
            .zip(args)
            .map(|(t, a)| {
                if *t == "i64" {
                    Value::I64(*a)
                } else {
                    Value::I32(*a as i32)
                }
            })
            .collect();
        let out = self
            .host
            .call(name, &values, &mut Bytes(&mut self.memory))
            .unwrap();
        let Some(Value::I32(code)) = out.first() else {
            panic!("{name} gave {out:?}");
        };
        self.host
            .trace
            .last()
            .and_then(|l| l.rsplit(' ').next())
            .filter(|_| *code >= 0)
            .map(|name| Box::leak(name.to_owned().into_boxed_str()) as &'static str)
            .unwrap()
    }

    /// Opens `path` (written at 1024) from the folder with `oflags`; the new descriptor.
    fn open(&mut self, path: &str, oflags: i64) -> Result<u32, &'static str> {
        self.put(TEXT, path.as_bytes());
        match self.call(
            "path_open",
            &[3, 0, TEXT.into(), path.len() as i64, oflags, -1, -1, 0, 0],
        ) {
            "success" => Ok(self.u32(0)),
            errno => Err(errno),
        }
    }

    /// Writes `data` to `fd` through one iovec; the count written.
    fn write(&mut self, fd: i64, data: &[u8]) -> (&'static str, u32) {
        self.put(2048, data);
        self.put(16, &2048u32.to_le_bytes());
        self.put(20, &(data.len() as u32).to_le_bytes());
        self.put(24, &[0; 4]);
        let errno = self.call("fd_write", &[fd, 16, 1, 24]);
        (errno, self.u32(24))
    }

    /// Reads up to `len` bytes from `fd` through two iovecs.
    fn read(&mut self, fd: i64, len: u32) -> (&'static str, Vec<u8>) {
        let half = len / 2;
        self.put(16, &4096u32.to_le_bytes());
        self.put(20, &half.to_le_bytes());
        self.put(24, &(4096 + half).to_le_bytes());
        self.put(28, &(len - half).to_le_bytes());
        let errno = self.call("fd_read", &[fd, 16, 2, 32]);
        let n = self.u32(32);
        (errno, self.bytes(4096, n).to_vec())
    }
}

fn with_files() -> Guest {
    Guest::new(Setup {
        args: vec!["prog".into(), "a b".into()],
        env: vec![("HOME".into(), "/".into())],
        stdin: b"typed in".to_vec(),
        files: vec![
            ("in.txt".into(), b"0123456789".to_vec()),
            ("dir/x".into(), b"x".to_vec()),
        ],
    })
}

#[test]
fn arguments_and_environment_are_laid_out_as_c_strings() {
    let mut g = with_files();
    assert_eq!(g.call("args_sizes_get", &[0, 4]), "success");
    assert_eq!((g.u32(0), g.u32(4)), (2, 9));
    assert_eq!(g.call("args_get", &[100, 200]), "success");
    assert_eq!((g.u32(100), g.u32(104)), (200, 205));
    assert_eq!(g.bytes(200, 9), b"prog\0a b\0");
    assert_eq!(g.call("environ_sizes_get", &[0, 4]), "success");
    assert_eq!((g.u32(0), g.u32(4)), (1, 7));
    assert_eq!(g.call("environ_get", &[100, 200]), "success");
    assert_eq!(g.bytes(200, 7), b"HOME=/\0");
    // Pointers past the memory: a fault, nothing written, no panic.
    assert_eq!(g.call("args_get", &[65_534, 200]), "fault");
    assert_eq!(g.call("args_get", &[100, 65_530]), "fault");
}

#[test]
fn clocks_randomness_and_sleeps() {
    let mut g = with_files();
    assert_eq!(g.call("clock_time_get", &[0, 1, 8]), "success");
    assert_eq!(g.u64(8), 1_765_000_000_000_000_000);
    assert_eq!(g.call("clock_time_get", &[1, 1, 8]), "success");
    assert_eq!(g.u64(8), 5_000);
    assert_eq!(g.call("clock_time_get", &[9, 1, 8]), "inval");
    assert_eq!(g.call("clock_res_get", &[1, 8]), "success");
    assert_eq!(g.u64(8), 1_000);
    assert_eq!(g.call("random_get", &[300, 70_000]), "fault");
    assert_eq!(g.call("random_get", &[300, 4]), "success");
    assert_eq!(g.bytes(300, 4), [7, 38, 69, 100]);
    // A relative sleep of 2 ms, as a clock subscription: the clock moves by as much.
    let mut sub = [0u8; 48];
    sub[0..8].copy_from_slice(&77u64.to_le_bytes());
    sub[16..20].copy_from_slice(&1u32.to_le_bytes());
    sub[24..32].copy_from_slice(&2_000_000u64.to_le_bytes());
    g.put(400, &sub);
    assert_eq!(g.call("poll_oneoff", &[400, 500, 1, 600]), "success");
    assert_eq!(g.u32(600), 1);
    assert_eq!(g.u64(500), 77);
    assert_eq!(g.call("clock_time_get", &[1, 1, 8]), "success");
    assert_eq!(g.u64(8), 2_005_000);
    assert_eq!(g.call("poll_oneoff", &[400, 500, 0, 600]), "inval");
    assert_eq!(g.call("sched_yield", &[]), "success");
}

#[test]
fn standard_streams() {
    let mut g = with_files();
    assert_eq!(g.write(1, b"out"), ("success", 3));
    assert_eq!(g.write(2, b"err"), ("success", 3));
    assert_eq!(g.write(0, b"in"), ("badf", 0));
    assert_eq!(g.read(0, 5), ("success", b"typed".to_vec()));
    assert_eq!(g.read(0, 100), ("success", b" in".to_vec()));
    assert_eq!(g.read(0, 100), ("success", Vec::new()));
    assert_eq!(g.read(1, 1).0, "badf");
    assert_eq!(g.call("fd_seek", &[0, 0, 0, 8]), "spipe");
    assert_eq!(g.call("fd_fdstat_get", &[1, 8]), "success");
    assert_eq!(g.memory[8], 2, "a character device");
    assert_eq!(
        g.u64(16) & (1 << 2 | 1 << 5),
        0,
        "that cannot seek or tell: a terminal"
    );
    let text: String = g
        .host
        .console
        .finish()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(text, "outerr");
}

#[test]
fn the_preopened_folder_is_descriptor_3_named_slash() {
    let mut g = with_files();
    assert_eq!(g.call("fd_prestat_get", &[3, 8]), "success");
    assert_eq!((g.memory[8], g.u32(12)), (0, 1));
    assert_eq!(g.call("fd_prestat_dir_name", &[3, 100, 1]), "success");
    assert_eq!(g.memory[100], b'/');
    assert_eq!(g.call("fd_prestat_get", &[4, 8]), "badf");
    assert_eq!(g.call("fd_prestat_get", &[1, 8]), "badf");
}

#[test]
fn files_open_read_seek_write_and_close() {
    let mut g = with_files();
    let fd = g.open("in.txt", 0).unwrap();
    assert_eq!(fd, 4);
    assert_eq!(g.read(fd.into(), 4), ("success", b"0123".to_vec()));
    assert_eq!(g.call("fd_tell", &[fd.into(), 8]), "success");
    assert_eq!(g.u64(8), 4);
    assert_eq!(g.call("fd_seek", &[fd.into(), -2, 2, 8]), "success");
    assert_eq!(g.u64(8), 8);
    assert_eq!(g.read(fd.into(), 10), ("success", b"89".to_vec()));
    assert_eq!(g.call("fd_seek", &[fd.into(), -100, 1, 8]), "inval");
    // Reading past the end reads nothing and leaves the position where it was.
    assert_eq!(g.call("fd_seek", &[fd.into(), 100, 0, 8]), "success");
    assert_eq!(g.read(fd.into(), 10), ("success", Vec::new()));
    assert_eq!(g.call("fd_tell", &[fd.into(), 8]), "success");
    assert_eq!(g.u64(8), 100);
    assert_eq!(g.call("fd_seek", &[fd.into(), 0, 0, 8]), "success");
    assert_eq!(g.write(fd.into(), b"AB"), ("success", 2));
    assert_eq!(g.call("fd_filestat_get", &[fd.into(), 100]), "success");
    assert_eq!((g.memory[116], g.u64(132)), (4, 10));
    assert_eq!(g.call("fd_filestat_set_size", &[fd.into(), 3]), "success");
    assert_eq!(g.call("fd_close", &[fd.into()]), "success");
    assert_eq!(g.call("fd_close", &[fd.into()]), "badf");
    assert_eq!(g.host.fs.file("in.txt"), Ok(&b"AB2"[..]));

    // Created, appended to, truncated.
    let out = g.open("new.txt", 1).unwrap();
    g.write(out.into(), b"one");
    assert_eq!(g.call("fd_fdstat_set_flags", &[out.into(), 1]), "success");
    assert_eq!(g.call("fd_seek", &[out.into(), 0, 0, 8]), "success");
    g.write(out.into(), b"two");
    assert_eq!(g.host.fs.file("new.txt"), Ok(&b"onetwo"[..]));
    assert_eq!(g.call("fd_pwrite", &[out.into(), 16, 1, 0, 24]), "success");
    assert_eq!(g.host.fs.file("new.txt"), Ok(&b"twotwo"[..]));
    assert_eq!(g.open("new.txt", 1 | 4), Err("exist"));
    assert_eq!(g.open("missing", 0), Err("noent"));
    assert_eq!(g.open("in.txt", 2), Err("notdir"));
    assert_eq!(g.open("dir", 8), Err("isdir"));
    assert_eq!(g.open("../up", 1), Err("notcapable"));
    let t = g.open("new.txt", 8).unwrap();
    assert_eq!(g.host.fs.file("new.txt"), Ok(&b""[..]));
    assert_eq!(g.call("fd_renumber", &[t.into(), out.into()]), "success");
    assert_eq!(g.call("fd_close", &[t.into()]), "badf");
}

#[test]
fn paths_are_made_renamed_listed_and_removed() {
    let mut g = with_files();
    g.put(TEXT, b"made");
    assert_eq!(g.call("path_create_directory", &[3, 1024, 4]), "success");
    assert_eq!(g.call("path_create_directory", &[3, 1024, 4]), "exist");
    g.put(TEXT, b"in.txtmade/in.txt");
    assert_eq!(g.call("path_rename", &[3, 1024, 6, 3, 1030, 11]), "success");
    g.put(TEXT, b"made/in.txt");
    assert_eq!(
        g.call("path_filestat_get", &[3, 0, 1024, 11, 100]),
        "success"
    );
    assert_eq!(g.u64(132), 10);
    // Directory entries from a cookie, cut at the buffer's end.
    let dir = g.open("made", 2).unwrap();
    assert_eq!(
        g.call("fd_readdir", &[dir.into(), 200, 4096, 0, 8]),
        "success"
    );
    assert_eq!(g.u32(8), 3 * 24 + 1 + 2 + 6);
    assert_eq!(g.bytes(200 + 24, 1), b".");
    assert_eq!(
        g.call("fd_readdir", &[dir.into(), 200, 4096, 2, 8]),
        "success"
    );
    assert_eq!((g.u64(200), g.u32(216), g.memory[220]), (3, 6, 4));
    assert_eq!(g.bytes(224, 6), b"in.txt");
    assert_eq!(
        g.call("fd_readdir", &[dir.into(), 200, 10, 0, 8]),
        "success"
    );
    assert_eq!(g.u32(8), 10);
    g.put(TEXT, b"made");
    assert_eq!(g.call("path_remove_directory", &[3, 1024, 4]), "notempty");
    g.put(TEXT, b"made/in.txt");
    assert_eq!(
        g.call("path_unlink_file", &[dir.into(), 1029, 6]),
        "success"
    );
    assert_eq!(g.call("path_unlink_file", &[dir.into(), 1029, 6]), "noent");
    assert_eq!(g.call("path_remove_directory", &[3, 1024, 4]), "success");
    assert_eq!(g.call("path_symlink", &[1024, 4, 3, 1024, 4]), "notsup");
    assert_eq!(g.call("path_readlink", &[3, 1024, 0, 100, 10, 8]), "inval");
    g.put(TEXT, &[0xff, 0xfe]);
    assert_eq!(g.call("path_create_directory", &[3, 1024, 2]), "ilseq");
    assert_eq!(
        g.call("path_create_directory", &[3, 1024, 5000]),
        "nametoolong"
    );
    assert_eq!(g.call("path_create_directory", &[1, 1024, 1]), "notdir");
    assert_eq!(
        g.host.fs.changes(),
        [("in.txt".to_owned(), Change::Removed)]
    );
}

#[test]
fn what_a_page_cannot_do_answers_with_its_error() {
    let mut g = with_files();
    assert_eq!(g.call("sock_send", &[1, 0, 0, 0, 8]), "notsock");
    assert_eq!(g.call("sock_recv", &[40, 0, 0, 0, 8, 12]), "badf");
    assert_eq!(g.call("proc_raise", &[2]), "notsup");
    let out = g.host.call("path_link", &[], &mut Bytes(&mut g.memory));
    assert_eq!(out, Ok(vec![Value::I32(58)]));
    let out = g.host.call("no_such_call", &[], &mut Bytes(&mut g.memory));
    assert_eq!(out, Ok(vec![Value::I32(52)]));
    let exit = g
        .host
        .call("proc_exit", &[Value::I32(7)], &mut Bytes(&mut g.memory));
    assert_eq!(exit, Err(Stop::Exit(7)));
}

#[test]
fn sizes_a_guest_asks_for_cannot_exhaust_the_host() {
    let mut g = with_files();
    // A file grown to the largest size a u64 holds, with the folder not empty.
    let fd = g.open("in.txt", 0).unwrap();
    assert_eq!(g.call("fd_filestat_set_size", &[fd.into(), -1]), "nospc");
    assert_eq!(g.call("fd_allocate", &[fd.into(), 0, -1]), "nospc");
    assert_eq!(g.call("fd_pwrite", &[fd.into(), 16, 1, -2, 24]), "nospc");
    // 1,024 iovecs of 64 KiB each (64 MiB): a short write of 1 MiB.
    for i in 0..1024u32 {
        g.put(8192 + i * 8, &0u32.to_le_bytes());
        g.put(8192 + i * 8 + 4, &65_536u32.to_le_bytes());
    }
    assert_eq!(g.call("fd_write", &[1, 8192, 1024, 24]), "success");
    assert_eq!(g.u32(24), 1024 * 1024);
    // Reading standard input with iovecs that add up to nearly 4 GiB.
    g.memory.resize(16 * 1024 * 1024, 0);
    assert_eq!(g.read(0, 1).0, "success");
    for i in 0..256u32 {
        let len = 16_777_215u32;
        g.put(8192 + i * 8, &0u32.to_le_bytes());
        g.put(8192 + i * 8 + 4, &len.to_le_bytes());
    }
    assert_eq!(g.call("fd_read", &[0, 8192, 256, 32]), "success");
    assert_eq!(g.u32(32), 7, "the rest of the input");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any call with any numbers on any memory answers; it never panics.
    #[test]
    fn any_call_with_any_arguments_answers(
        which in 0..FUNCTIONS.len(),
        args in proptest::collection::vec(any::<i64>(), 9),
        small in proptest::collection::vec(0u32..70_000, 9),
        use_small in any::<bool>(),
        memory in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut g = with_files();
        g.memory = memory;
        g.memory.resize(if use_small { 65_536 } else { g.memory.len() }, 0);
        let name = FUNCTIONS[which].0;
        let (params, _) = signature(name).unwrap();
        let values: Vec<Value> = params
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let raw = if use_small { i64::from(small[i]) } else { args[i] };
                if *t == "i64" { Value::I64(raw) } else { Value::I32(raw as i32) }
            })
            .collect();
        let out = g.host.call(name, &values, &mut Bytes(&mut g.memory));
        prop_assert!(out.is_ok() || name == "proc_exit");
    }
}
