//! The WASI preview 1 host (`domain::run`) running whole programs on `wasmi`, natively:
//! the playground's WASI examples, and programs written here for one call each, with
//! arguments, environment, standard input and a folder of files. The worker runs the
//! same host on the browser's WebAssembly; the end-to-end tests run it there.
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::domain::inspect::{Value, compile_wat, examples};
use container_atlas::domain::run::fs::Change;
use container_atlas::domain::run::wasi::{self, Bytes, Host, Outside, Setup, Stop};
use container_atlas::domain::run::{FileOut, console::Stream};
use wasmi::{Engine, Extern, Linker, Module, Store, Val};

/// Clocks that start at a fixed moment and move only when the program sleeps, and
/// randomness from a fixed seed: runs repeat exactly.
struct Fixed {
    slept: u64,
    seed: u64,
}

impl Outside for Fixed {
    fn realtime_ns(&mut self) -> u64 {
        1_765_000_000_000_000_000 + self.slept
    }
    fn monotonic_ns(&mut self) -> u64 {
        1_000 + self.slept
    }
    fn fill_random(&mut self, buf: &mut [u8]) {
        for b in buf {
            self.seed ^= self.seed << 13;
            self.seed ^= self.seed >> 7;
            self.seed ^= self.seed << 17;
            *b = self.seed as u8;
        }
    }
    fn sleep_ns(&mut self, ns: u64) {
        self.slept += ns;
    }
}

struct Ran {
    exit: u32,
    stdout: String,
    stderr: String,
    files: Vec<FileOut>,
    trace: Vec<String>,
}

fn to_value(v: &Val) -> Value {
    match v {
        Val::I32(x) => Value::I32(*x),
        Val::I64(x) => Value::I64(*x),
        Val::F32(x) => Value::F32(f32::from(*x)),
        Val::F64(x) => Value::F64(f64::from(*x)),
        other => panic!("not a number: {other:?}"),
    }
}

fn from_value(v: Value) -> Val {
    match v {
        Value::I32(x) => Val::I32(x),
        Value::I64(x) => Val::I64(x),
        Value::F32(x) => Val::F32(x.into()),
        Value::F64(x) => Val::F64(x.into()),
    }
}

/// Runs `bytes` as a command with `setup`, every preview 1 import bound to the host.
fn run(bytes: &[u8], setup: Setup) -> Ran {
    let engine = Engine::default();
    let module = Module::new(&engine, bytes).expect("a valid module");
    let outside = Box::new(Fixed {
        slept: 0,
        seed: 0x9e37_79b9_7f4a_7c15,
    });
    let mut store = Store::new(&engine, Host::new(setup, outside));
    let mut linker = Linker::<Host>::new(&engine);
    for import in module.imports() {
        let wasmi::ExternType::Func(ty) = import.ty() else {
            continue;
        };
        if import.module() != wasi::MODULE {
            // As the playground does when asked: zero results.
            linker
                .func_new(
                    import.module(),
                    import.name(),
                    ty.clone(),
                    |_, _, results| {
                        for slot in results.iter_mut() {
                            *slot = match slot {
                                Val::I64(_) => Val::I64(0),
                                Val::F32(_) => Val::F32(0.0.into()),
                                Val::F64(_) => Val::F64(0.0.into()),
                                _ => Val::I32(0),
                            };
                        }
                        Ok(())
                    },
                )
                .unwrap();
            continue;
        }
        let name = import.name().to_owned();
        linker
            .func_new(
                wasi::MODULE,
                import.name(),
                ty.clone(),
                move |mut caller, params, results| {
                    let memory = caller.get_export("memory").and_then(Extern::into_memory);
                    let args: Vec<Value> = params.iter().map(to_value).collect();
                    let mut none: [u8; 0] = [];
                    let answer = match memory {
                        Some(memory) => {
                            let (data, host) = memory.data_and_store_mut(&mut caller);
                            host.call(&name, &args, &mut Bytes(data))
                        }
                        None => caller.data_mut().call(&name, &args, &mut Bytes(&mut none)),
                    };
                    match answer {
                        Ok(values) => {
                            for (slot, value) in results.iter_mut().zip(values) {
                                *slot = from_value(value);
                            }
                            Ok(())
                        }
                        Err(Stop::Exit(code)) => Err(wasmi::Error::i32_exit(code as i32)),
                    }
                },
            )
            .unwrap();
    }
    let instance = linker
        .instantiate_and_start(&mut store, &module)
        .expect("instantiates");
    let start = instance
        .get_typed_func::<(), ()>(&store, "_start")
        .expect("a command");
    let exit = match start.call(&mut store, ()) {
        Ok(()) => 0,
        Err(e) => e
            .i32_exit_status()
            .unwrap_or_else(|| panic!("trapped: {e}")) as u32,
    };
    let host = store.data_mut();
    let (mut stdout, mut stderr) = (String::new(), String::new());
    for (stream, text) in host.console.finish() {
        match stream {
            Stream::Stdout => stdout.push_str(&text),
            Stream::Stderr => stderr.push_str(&text),
        }
    }
    let files = host
        .fs
        .changes()
        .into_iter()
        .map(|(path, change)| FileOut {
            bytes: host.fs.file(&path).map(<[u8]>::to_vec).unwrap_or_default(),
            path,
            change,
        })
        .collect();
    Ran {
        exit,
        stdout,
        stderr,
        files,
        trace: host.trace.clone(),
    }
}

fn example(file: &str) -> &'static [u8] {
    examples()
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no example {file}"))
        .bytes
}

fn args(words: &[&str]) -> Setup {
    Setup {
        args: words.iter().map(|w| (*w).to_owned()).collect(),
        ..Setup::default()
    }
}

#[test]
fn hello_greets_its_arguments_and_exits_with_its_code() {
    let ran = run(
        example("wasi-hello.wasm"),
        args(&["wasi-hello.wasm", "Ada", "Grace Hopper", "世界"]),
    );
    assert_eq!(
        ran.stdout,
        "Hello, Ada!\nHello, Grace Hopper!\nHello, 世界!\n"
    );
    assert_eq!(ran.stderr, "wasi-hello: exiting with code 3\n");
    assert_eq!(ran.exit, 3);
    assert_eq!(ran.trace.last().map(String::as_str), Some("proc_exit(3)"));

    let alone = run(example("wasi-hello.wasm"), args(&["wasi-hello.wasm"]));
    assert_eq!(alone.stdout, "Hello, world!\n");
}

#[test]
fn an_enormous_argument_list_is_refused_by_the_program_not_the_host() {
    let many: Vec<String> = (0..300).map(|i| format!("arg{i}")).collect();
    let ran = run(
        example("wasi-hello.wasm"),
        Setup {
            args: many,
            ..Setup::default()
        },
    );
    assert_eq!((ran.exit, ran.stdout.as_str()), (2, ""));
    assert_eq!(ran.stderr, "wasi-hello: too many arguments\n");
}

#[test]
fn the_filter_reads_all_of_standard_input() {
    let input: String = (0..2000).map(|i| format!("line {i}: abc xyz\n")).collect();
    let ran = run(
        example("wasi-upper.wasm"),
        Setup {
            stdin: input.clone().into_bytes(),
            ..Setup::default()
        },
    );
    assert_eq!(ran.exit, 0);
    assert_eq!(ran.stdout, input.to_uppercase());
    assert!(input.len() > 4096 * 8, "several reads");
}

#[test]
fn the_files_example_lists_its_folder_and_writes_a_file() {
    let ran = run(
        example("wasi-files.wasm"),
        Setup {
            files: vec![("input.txt".into(), b"mine".to_vec())],
            ..Setup::default()
        },
    );
    assert_eq!(ran.exit, 0, "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "In the folder:\n  .\n  ..\n  input.txt\nWrote out/hello.txt (45 bytes).\n"
    );
    assert_eq!(
        ran.files,
        [FileOut {
            path: "out/hello.txt".into(),
            change: Change::Created,
            bytes: b"Written by wasi-files.wasm, in your browser.\n".to_vec(),
        }]
    );
}

/// A command whose `_start` runs `body` with `imports` from preview 1, a memory of
/// one page, `data` at 1024, and the result of the last call stored at 0.
fn program(imports: &str, body: &str) -> Vec<u8> {
    let text = format!(
        r#"(module {imports}
            (memory (export "memory") 1)
            (data (i32.const 1024) "hello.txt\00sub\00moved.txt\00../outside\00abc")
            (func (export "_start") {body}))"#
    );
    compile_wat(&text).unwrap_or_else(|e| panic!("{}:{}: {}", e.line, e.column, e.message))
}

#[test]
fn environment_and_arguments_sizes_are_what_was_given() {
    let bytes = program(
        r#"(import "wasi_snapshot_preview1" "environ_sizes_get" (func $s (param i32 i32) (result i32)))
           (import "wasi_snapshot_preview1" "environ_get" (func $g (param i32 i32) (result i32)))"#,
        "(drop (call $s (i32.const 0) (i32.const 4))) (drop (call $g (i32.const 16) (i32.const 64)))",
    );
    let ran = run(
        &bytes,
        Setup {
            env: vec![
                ("A".into(), "1".into()),
                ("LANG".into(), "zh_CN.UTF-8".into()),
            ],
            ..Setup::default()
        },
    );
    assert_eq!(
        ran.trace,
        [
            "environ_sizes_get(0, 4) → success",
            "environ_get(16, 64) → success"
        ]
    );
}

#[test]
fn each_call_answers_with_the_error_wasi_defines() {
    // (imports, body, the trace line expected for the last call)
    let cases: [(&str, &str, &str); 8] = [
        (
            r#"(import "wasi_snapshot_preview1" "fd_close" (func $c (param i32) (result i32)))"#,
            "(drop (call $c (i32.const 9)))",
            "fd_close(9) → badf",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "path_create_directory" (func $m (param i32 i32 i32) (result i32)))"#,
            "(drop (call $m (i32.const 3) (i32.const 1048) (i32.const 10)))",
            "path_create_directory(3, 1048, 10) → notcapable",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "path_unlink_file" (func $u (param i32 i32 i32) (result i32)))"#,
            "(drop (call $u (i32.const 3) (i32.const 1024) (i32.const 9)))",
            "path_unlink_file(3, 1024, 9) → noent",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "sock_accept" (func $a (param i32 i32 i32) (result i32)))"#,
            "(drop (call $a (i32.const 1) (i32.const 0) (i32.const 0)))",
            "sock_accept(1, 0, 0) → notsock",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))"#,
            "(drop (call $w (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 0)))",
            "fd_write(1, 65532, 1, 0) → fault",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))"#,
            "(drop (call $w (i32.const 1) (i32.const 0) (i32.const 100000) (i32.const 0)))",
            "fd_write(1, 0, 100000, 0) → inval",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "fd_seek" (func $s (param i32 i64 i32 i32) (result i32)))"#,
            "(drop (call $s (i32.const 1) (i64.const 0) (i32.const 0) (i32.const 0)))",
            "fd_seek(1, 0, 0, 0) → spipe",
        ),
        (
            r#"(import "wasi_snapshot_preview1" "proc_raise" (func $r (param i32) (result i32)))"#,
            "(drop (call $r (i32.const 9)))",
            "proc_raise(9) → notsup",
        ),
    ];
    for (imports, body, expected) in cases {
        let ran = run(&program(imports, body), Setup::default());
        assert_eq!(ran.trace.last().map(String::as_str), Some(expected));
    }
}

/// A guest whose imports go through the bridge to one host function, as in the
/// worker: nine mixed parameters in, two results out, exact to the bit.
#[test]
fn the_bridge_passes_arguments_and_results_exactly() {
    use container_atlas::domain::inspect::NumType;
    use container_atlas::domain::run::bridge;
    use std::sync::{Arc, Mutex};

    let guest = compile_wat(
        r#"(module
            (import "env" "nine" (func $nine
                (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
            (import "env" "pair" (func $pair (param f64) (result f32 i64)))
            (func (export "run") (result i32 f32 i64)
                (call $nine (i32.const 1) (i32.const -2) (i32.const 3) (i32.const 4)
                    (i32.const 5) (i64.const -9223372036854775807) (i64.const 7)
                    (i32.const 8) (i32.const 9))
                (call $pair (f64.const -0.5))))"#,
    )
    .unwrap();
    let types = [
        bridge::FuncType {
            params: [NumType::I32; 5]
                .into_iter()
                .chain([NumType::I64, NumType::I64, NumType::I32, NumType::I32])
                .collect(),
            results: vec![NumType::I32],
        },
        bridge::FuncType {
            params: vec![NumType::F64],
            results: vec![NumType::F32, NumType::I64],
        },
    ];
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let seen: Arc<Mutex<Vec<Vec<Value>>>> = Arc::default();
    let mut linker = Linker::<()>::new(&engine);
    let (record, kinds) = (Arc::clone(&seen), types.clone());
    linker
        .func_new(
            bridge::HOST.0,
            bridge::HOST.1,
            wasmi::FuncType::new([wasmi::ValType::I32], []),
            move |mut caller, params, _| {
                let Val::I32(index) = params[0] else {
                    unreachable!()
                };
                let memory = caller
                    .get_export(bridge::SLOTS)
                    .and_then(Extern::into_memory)
                    .unwrap();
                let slots = memory.data_mut(&mut caller);
                let ty = &kinds[index as usize];
                record.lock().unwrap().push(bridge::read(slots, &ty.params));
                let answer = if index == 0 {
                    vec![Value::I32(42)]
                } else {
                    vec![Value::F32(1.5), Value::I64(-3)]
                };
                slots[..answer.len() * 8].copy_from_slice(&bridge::write(&answer));
                Ok(())
            },
        )
        .unwrap();
    let bridge_module = Module::new(&engine, bridge::module(&types)).unwrap();
    let bridge_instance = linker
        .instantiate_and_start(&mut store, &bridge_module)
        .unwrap();
    let mut guest_linker = Linker::<()>::new(&engine);
    for (i, name) in ["nine", "pair"].iter().enumerate() {
        let f = bridge_instance
            .get_func(&store, &bridge::export_name(i))
            .unwrap();
        guest_linker.define("env", name, f).unwrap();
    }
    let guest_module = Module::new(&engine, &guest).unwrap();
    let instance = guest_linker
        .instantiate_and_start(&mut store, &guest_module)
        .unwrap();
    let run = instance
        .get_typed_func::<(), (i32, f32, i64)>(&store, "run")
        .unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), (42, 1.5, -3));
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0],
        [
            Value::I32(1),
            Value::I32(-2),
            Value::I32(3),
            Value::I32(4),
            Value::I32(5),
            Value::I64(-9_223_372_036_854_775_807),
            Value::I64(7),
            Value::I32(8),
            Value::I32(9),
        ]
    );
    assert_eq!(seen[1], [Value::F64(-0.5)]);
}

/// Runs a program built elsewhere, by hand: `WASI_FILE=prog.wasm WASI_ARGS='-e "puts 1"'
/// cargo test --release --test wasi -- --ignored --nocapture by_hand` (files built by
/// others are for trying, not for the repository).
#[test]
#[ignore = "needs WASI_FILE"]
fn by_hand() {
    use container_atlas::domain::run::line::split_words;
    let file = std::env::var("WASI_FILE").expect("WASI_FILE");
    let bytes = std::fs::read(&file).unwrap();
    let mut args = vec![file.rsplit('/').next().unwrap_or("prog").to_owned()];
    args.extend(split_words(&std::env::var("WASI_ARGS").unwrap_or_default()).unwrap());
    let stdin = std::env::var("WASI_STDIN").unwrap_or_default().into_bytes();
    let started = std::time::Instant::now();
    let ran = run(
        &bytes,
        Setup {
            args,
            stdin,
            ..Setup::default()
        },
    );
    println!("--- stdout\n{}--- stderr\n{}---", ran.stdout, ran.stderr);
    println!(
        "exit {} after {:?}; {} files; last calls: {:?}",
        ran.exit,
        started.elapsed(),
        ran.files.len(),
        &ran.trace[ran.trace.len().saturating_sub(5)..]
    );
}
