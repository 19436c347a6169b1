//! Components run natively: `domain::component` instantiating the playground's example
//! components on `wasmi`, calling their exports with component values through the
//! canonical ABI, and answering their imports with stubs. The worker runs the same
//! code on the browser's WebAssembly; the end-to-end tests run it there.
#![cfg(not(target_arch = "wasm32"))]

use container_atlas::domain::component::link::{Access, Dispatch, Item};
use container_atlas::domain::component::val::{self, parse};
use container_atlas::domain::component::{CallError, Engine, Linked, Stubs, Val, link};
use container_atlas::domain::inspect::{NumType, Value, examples};
use std::rc::Rc;
use wasmi::{Caller, Extern, Func, FuncType, Module, Store, ValType};

#[derive(Default)]
struct Data {
    items: Vec<Extern>,
    dispatch: Option<Rc<Dispatch>>,
}

struct Wasmi {
    store: Store<Data>,
    modules: Vec<Module>,
    instances: Vec<wasmi::Instance>,
}

impl Wasmi {
    fn new() -> Self {
        let engine = wasmi::Engine::default();
        Wasmi {
            store: Store::new(&engine, Data::default()),
            modules: Vec::new(),
            instances: Vec::new(),
        }
    }
}

fn to_value(v: &wasmi::Val) -> Value {
    match v {
        wasmi::Val::I32(x) => Value::I32(*x),
        wasmi::Val::I64(x) => Value::I64(*x),
        wasmi::Val::F32(x) => Value::F32(f32::from(*x)),
        wasmi::Val::F64(x) => Value::F64(f64::from(*x)),
        other => panic!("not a number: {other:?}"),
    }
}

fn from_value(v: &Value) -> wasmi::Val {
    match *v {
        Value::I32(x) => wasmi::Val::I32(x),
        Value::I64(x) => wasmi::Val::I64(x),
        Value::F32(x) => wasmi::Val::F32(x.into()),
        Value::F64(x) => wasmi::Val::F64(x.into()),
    }
}

fn val_type(t: NumType) -> ValType {
    match t {
        NumType::I32 => ValType::I32,
        NumType::I64 => ValType::I64,
        NumType::F32 => ValType::F32,
        NumType::F64 => ValType::F64,
    }
}

/// Memory and calls, from the store or from inside a host function.
fn read<T>(
    ctx: impl wasmi::AsContext<Data = T>,
    item: Extern,
    at: u32,
    len: u32,
) -> Option<Vec<u8>> {
    let memory = item.into_memory()?;
    let data = memory.data(&ctx);
    let start = at as usize;
    data.get(start..start.checked_add(len as usize)?)
        .map(<[u8]>::to_vec)
}

fn write<T>(
    mut ctx: impl wasmi::AsContextMut<Data = T>,
    item: Extern,
    at: u32,
    bytes: &[u8],
) -> bool {
    let Some(memory) = item.into_memory() else {
        return false;
    };
    memory.write(&mut ctx, at as usize, bytes).is_ok()
}

fn call<T>(
    mut ctx: impl wasmi::AsContextMut<Data = T>,
    item: Extern,
    args: &[Value],
) -> Result<Vec<Value>, String> {
    let func = item.into_func().ok_or("not a function")?;
    let ty = func.ty(&ctx);
    let mut results: Vec<wasmi::Val> = ty
        .results()
        .iter()
        .map(|t| wasmi::Val::default_for_ty(*t))
        .collect();
    let args: Vec<wasmi::Val> = args.iter().map(from_value).collect();
    func.call(&mut ctx, &args, &mut results)
        .map_err(|e| e.to_string())?;
    Ok(results.iter().map(to_value).collect())
}

impl Access for Wasmi {
    fn read(&mut self, memory: Item, at: u32, len: u32) -> Option<Vec<u8>> {
        let item = *self.store.data().items.get(memory as usize)?;
        read(&self.store, item, at, len)
    }
    fn write(&mut self, memory: Item, at: u32, bytes: &[u8]) -> bool {
        let item = self.store.data().items[memory as usize];
        write(&mut self.store, item, at, bytes)
    }
    fn call(&mut self, func: Item, args: &[Value], _: &[NumType]) -> Result<Vec<Value>, String> {
        let item = self.store.data().items[func as usize];
        call(&mut self.store, item, args)
    }
}

struct InCaller<'a, 'b>(&'a mut Caller<'b, Data>);

impl Access for InCaller<'_, '_> {
    fn read(&mut self, memory: Item, at: u32, len: u32) -> Option<Vec<u8>> {
        let item = *self.0.data().items.get(memory as usize)?;
        read(&*self.0, item, at, len)
    }
    fn write(&mut self, memory: Item, at: u32, bytes: &[u8]) -> bool {
        let item = self.0.data().items[memory as usize];
        write(&mut *self.0, item, at, bytes)
    }
    fn call(&mut self, func: Item, args: &[Value], _: &[NumType]) -> Result<Vec<Value>, String> {
        let item = self.0.data().items[func as usize];
        call(&mut *self.0, item, args)
    }
}

impl Engine for Wasmi {
    fn compile(&mut self, bytes: &[u8]) -> Result<u32, String> {
        let module = Module::new(self.store.engine(), bytes).map_err(|e| e.to_string())?;
        self.modules.push(module);
        Ok(self.modules.len() as u32 - 1)
    }

    fn instantiate(
        &mut self,
        module: u32,
        imports: &[(String, String, Item)],
    ) -> Result<u32, String> {
        let module = &self.modules[module as usize];
        let mut linker = wasmi::Linker::<Data>::new(self.store.engine());
        for (m, n, item) in imports {
            let item = self.store.data().items[*item as usize];
            linker.define(m, n, item).map_err(|e| e.to_string())?;
        }
        let instance = linker
            .instantiate_and_start(&mut self.store, module)
            .map_err(|e| e.to_string())?;
        self.instances.push(instance);
        Ok(self.instances.len() as u32 - 1)
    }

    fn export(&mut self, instance: u32, name: &str) -> Result<Item, String> {
        let item = self.instances[instance as usize]
            .get_export(&self.store, name)
            .ok_or_else(|| format!("no export {name}"))?;
        let items = &mut self.store.data_mut().items;
        items.push(item);
        Ok(items.len() as u32 - 1)
    }

    fn hosts(
        &mut self,
        signatures: &[(Vec<NumType>, Vec<NumType>)],
        dispatch: Rc<Dispatch>,
    ) -> Result<Vec<Item>, String> {
        self.store.data_mut().dispatch = Some(dispatch);
        let mut out = Vec::new();
        for (index, (params, results)) in signatures.iter().enumerate() {
            let ty = FuncType::new(
                params.iter().map(|t| val_type(*t)),
                results.iter().map(|t| val_type(*t)),
            );
            let func = Func::new(
                &mut self.store,
                ty,
                move |mut caller: Caller<'_, Data>, params, results| {
                    let dispatch = caller.data().dispatch.clone().expect("set before any call");
                    let args: Vec<Value> = params.iter().map(to_value).collect();
                    let answer = dispatch
                        .call(index, &args, &mut InCaller(&mut caller))
                        .map_err(wasmi::Error::new)?;
                    for (slot, value) in results.iter_mut().zip(&answer) {
                        *slot = from_value(value);
                    }
                    Ok(())
                },
            );
            let items = &mut self.store.data_mut().items;
            items.push(Extern::Func(func));
            out.push(items.len() as u32 - 1);
        }
        Ok(out)
    }
}

fn example(file: &str) -> &'static [u8] {
    examples()
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no example {file}"))
        .bytes
}

struct Running {
    engine: Wasmi,
    linked: Linked,
}

impl Running {
    fn start(bytes: &[u8], stubs: Stubs) -> Running {
        let plan = link::plan(bytes).expect("a plan");
        let mut engine = Wasmi::new();
        let linked =
            Linked::instantiate(plan, bytes, &mut engine, Box::new(stubs)).expect("instantiates");
        Running { engine, linked }
    }

    /// Calls export `name` with arguments written as WAVE; the result as WAVE.
    fn call(&mut self, name: &str, args: &[&str]) -> Result<String, CallError> {
        let index = self
            .linked
            .plan
            .exports
            .iter()
            .position(|c| c.name() == name)
            .unwrap_or_else(|| panic!("no export {name}"));
        let ty = self.linked.plan.exports[index].ty.clone();
        let vals: Vec<Val> = ty
            .params
            .iter()
            .zip(args)
            .map(|((_, t), text)| parse(t, text).unwrap_or_else(|e| panic!("{text}: {e:?}")))
            .collect();
        let result = self.linked.call(&mut self.engine, index, &vals)?;
        Ok(result.as_ref().map(val::write).unwrap_or_default())
    }

    /// The import calls since the last time asked.
    fn log(&self) -> Vec<String> {
        self.linked.dispatch.imports.borrow_mut().take_log().0
    }
}

#[test]
fn the_calculator_component_adds_and_its_import_is_stubbed() {
    let mut run = Running::start(example("calc-component.wasm"), Stubs::default());
    let names: Vec<String> = run.linked.plan.exports.iter().map(|c| c.name()).collect();
    assert_eq!(names, ["docs:calc/math@0.1.0#add"]);
    assert_eq!(
        run.linked.plan.exports[0].ty.wit(),
        "func(a: u32, b: u32) -> u32"
    );
    assert_eq!(
        run.call("docs:calc/math@0.1.0#add", &["2", "40"]).unwrap(),
        "42"
    );
    assert_eq!(
        run.call("docs:calc/math@0.1.0#add", &["4294967295", "2"])
            .unwrap(),
        "1",
        "u32 wraps as the core i32.add does"
    );
    let imports = run.linked.plan.imports();
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].0.to_string(), "docs:calc/logger@0.1.0#log");
    assert_eq!(
        run.log(),
        [
            "docs:calc/logger@0.1.0#log(0, 2)",
            "docs:calc/logger@0.1.0#log(0, 4294967295)"
        ]
    );
}

#[test]
fn the_tools_component_passes_strings_lists_records_variants_options_and_results() {
    let mut run = Running::start(example("tools-component.wasm"), Stubs::default());
    let exports: Vec<(String, String)> = run
        .linked
        .plan
        .exports
        .iter()
        .map(|c| (c.name(), c.ty.wit()))
        .collect();
    assert_eq!(
        exports,
        [
            ("greet", "func(name: string) -> string"),
            (
                "stats",
                "func(values: list<f64>) -> record { count: u32, mean: f64, min: f64, max: f64 }"
            ),
            ("divide", "func(a: s32, b: s32) -> result<s32, string>"),
            (
                "find",
                "func(words: list<string>, word: string) -> option<u32>"
            ),
            (
                "area",
                "func(shape: variant { circle(f64), rectangle(tuple<f64, f64>), point }) -> f64"
            ),
            ("next", "func() -> u32"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );

    assert_eq!(run.call("greet", &["\"Ada\""]).unwrap(), "\"Hello, Ada!\"");
    assert_eq!(
        run.log(),
        ["docs:tools/logger@0.1.0#log(\"greeting Ada\")"],
        "the import is called with a string lifted from the component's memory"
    );
    assert_eq!(
        run.call("greet", &["\"世界 ☃\\n\""]).unwrap(),
        "\"Hello, 世界 ☃\\n!\""
    );
    assert_eq!(
        run.call("stats", &["[1.5, 2.5, -4, 8]"]).unwrap(),
        "{count: 4, mean: 2, min: -4, max: 8}"
    );
    assert_eq!(
        run.call("stats", &["[]"]).unwrap(),
        "{count: 0, mean: nan, min: inf, max: -inf}"
    );
    assert_eq!(run.call("divide", &["7", "-2"]).unwrap(), "ok(-3)");
    assert_eq!(
        run.call("divide", &["1", "0"]).unwrap(),
        "err(\"division by zero\")"
    );
    assert_eq!(
        run.call("find", &["[\"a\", \"bc\", \"d\"]", "\"bc\""])
            .unwrap(),
        "some(1)"
    );
    assert_eq!(run.call("find", &["[]", "\"x\""]).unwrap(), "none");
    assert_eq!(run.call("area", &["rectangle((2, 3.5))"]).unwrap(), "7");
    assert_eq!(run.call("area", &["point"]).unwrap(), "0");
    assert_eq!(
        run.call("area", &["circle(1)"]).unwrap(),
        "3.141592653589793"
    );
    // One instance, kept: the counter goes on.
    assert_eq!(run.call("next", &[]).unwrap(), "1");
    assert_eq!(run.call("next", &[]).unwrap(), "2");
    assert_eq!(run.call("next", &[]).unwrap(), "3");

    // A trap is the engine's message, not a panic.
    match run.call("divide", &["-2147483648", "-1"]) {
        Err(CallError::Trap(message)) => assert!(message.contains("overflow"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_import_stubbed_to_trap_traps_the_call() {
    let mut run = Running::start(
        example("tools-component.wasm"),
        Stubs {
            trap: Rc::new(std::cell::Cell::new(true)),
            ..Stubs::default()
        },
    );
    match run.call("greet", &["\"Ada\""]) {
        Err(CallError::Trap(message)) => {
            assert!(message.contains("docs:tools/logger@0.1.0#log"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(run.log(), ["docs:tools/logger@0.1.0#log(\"greeting Ada\")"]);
}

/// Clocks that move only when the program sleeps, randomness from a counter.
struct Still(u64);

impl container_atlas::domain::run::wasi::Outside for Still {
    fn realtime_ns(&mut self) -> u64 {
        1_765_000_000_000_000_000 + self.0
    }
    fn monotonic_ns(&mut self) -> u64 {
        self.0
    }
    fn fill_random(&mut self, buf: &mut [u8]) {
        for (i, b) in buf.iter_mut().enumerate() {
            *b = i as u8;
        }
    }
    fn sleep_ns(&mut self, ns: u64) {
        self.0 += ns;
    }
}

/// Runs a WASI 0.2 command with these arguments: its exit code and standard output.
fn run_command(bytes: &[u8], args: &[&str]) -> (u32, String, Vec<String>) {
    let (code, stdout, trace, _) = run_command_with(bytes, args, b"", Vec::new());
    (code, stdout, trace)
}

/// Files by path.
type Files = Vec<(String, Vec<u8>)>;

/// Runs a WASI 0.2 command with arguments, standard input and files: its exit code,
/// standard output, trace and the files it made or changed.
fn run_command_with(
    bytes: &[u8],
    args: &[&str],
    stdin: &[u8],
    files: Files,
) -> (u32, String, Vec<String>, Files) {
    use container_atlas::domain::component::wasi2::{EXIT, Setup, Wasi2};
    use container_atlas::domain::run::console::Stream;
    let host = Wasi2::new(
        Setup {
            args: args.iter().map(|a| a.to_string()).collect(),
            stdin: stdin.to_vec(),
            files,
            ..Setup::default()
        },
        Box::new(Still(0)),
    );
    let plan = link::plan(bytes).expect("a plan");
    let mut engine = Wasmi::new();
    let linked =
        Linked::instantiate(plan, bytes, &mut engine, Box::new(host)).expect("instantiates");
    let run =
        container_atlas::domain::component::wasi2::run_export(&linked.plan).expect("a command");
    let outcome = linked.call(&mut engine, run, &[]);
    let mut imports = linked.dispatch.imports.borrow_mut();
    let host: &mut Wasi2 = imports.as_any().downcast_mut().unwrap();
    let code = match outcome {
        Ok(Some(Val::Result(Ok(None)))) => 0,
        Ok(Some(Val::Result(Err(None)))) => 1,
        Err(CallError::Trap(message)) if message.contains(EXIT) => host.exit.expect("exit called"),
        other => panic!("{other:?}"),
    };
    let stdout = host
        .console
        .finish()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stdout)
        .map(|(_, t)| t)
        .collect();
    let written = host
        .fs
        .changes()
        .into_iter()
        .map(|(path, _)| {
            let bytes = host.fs.file(&path).unwrap_or_default().to_vec();
            (path, bytes)
        })
        .collect();
    (code, stdout, host.trace.clone(), written)
}

#[test]
fn a_wasi_0_2_command_writes_through_its_stream_and_exits() {
    let hello = example("wasi2-hello.wasm");
    let (code, stdout, trace) = run_command(hello, &["hello", "Ada", "Grace Hopper"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "Hello, Ada!\nHello, Grace Hopper!\n");
    assert_eq!(
        trace[0],
        "wasi:cli/environment@0.2.0#get-arguments() → [\"hello\", \"Ada\", \"Grace Hopper\"]"
    );
    assert_eq!(trace[1], "wasi:cli/stdout@0.2.0#get-stdout() → handle(1)");
    let (code, stdout, _) = run_command(hello, &["hello"]);
    assert_eq!((code, stdout.as_str()), (1, ""), "exit(err) is code 1");
}

/// Runs any WASI 0.2 command by hand, natively:
/// `COMPONENT_FILE=/abs/x.wasm COMPONENT_ARGS="a b" cargo test --test component -- --ignored --nocapture by_hand`.
#[test]
#[ignore = "by hand: needs COMPONENT_FILE"]
fn by_hand() {
    let path = std::env::var("COMPONENT_FILE").expect("COMPONENT_FILE");
    let bytes = std::fs::read(&path).expect("readable");
    let mut args = vec!["program".to_owned()];
    args.extend(
        std::env::var("COMPONENT_ARGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stdin = std::env::var("COMPONENT_STDIN").unwrap_or_default();
    let files: Vec<(String, Vec<u8>)> = std::env::var("COMPONENT_FILES")
        .unwrap_or_default()
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let name = p.rsplit('/').next().unwrap_or(p).to_owned();
            (name, std::fs::read(p).expect("a readable file"))
        })
        .collect();
    let plan = link::plan(&bytes).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "imports: {:#?}",
        plan.imports()
            .iter()
            .map(|(t, f)| format!("{t}: {}", f.wit()))
            .collect::<Vec<_>>()
    );
    let (code, stdout, trace, written) = run_command_with(&bytes, &args, stdin.as_bytes(), files);
    println!("exit {code}\n--- stdout\n{stdout}--- files");
    for (path, bytes) in &written {
        println!("{path}: {}", String::from_utf8_lossy(bytes));
    }
    println!("--- trace");
    for line in trace.iter().take(60) {
        println!("{line}");
    }
}

/// A nested component that only passes on what it is given, as wit-component writes
/// one for each exported interface, is followed to the functions it exports.
#[test]
fn an_interface_exported_through_a_nested_component_is_callable() {
    let bytes = container_atlas::domain::inspect::compile_wat(
        r#"(component
             (core module $m (func (export "f") (param i32) (result i32)
               (i32.mul (local.get 0) (i32.const 7))))
             (core instance $i (instantiate $m))
             (func $f (param "x" u32) (result u32) (canon lift (core func $i "f")))
             (component $shim
               (import "import-func-f" (func $g (param "x" u32) (result u32)))
               (export "f" (func $g)))
             (instance $shimmed (instantiate $shim (with "import-func-f" (func $f))))
             (export "docs:demo/api@0.1.0" (instance $shimmed)))"#,
    )
    .expect("compiles");
    let mut run = Running::start(&bytes, Stubs::default());
    assert_eq!(run.call("docs:demo/api@0.1.0#f", &["6"]).unwrap(), "42");

    // One that does work of its own is not run: its exports are not offered.
    let bytes = container_atlas::domain::inspect::compile_wat(
        r#"(component
             (component $inner
               (core module $m (func (export "f") (result i32) i32.const 1))
               (core instance $i (instantiate $m))
               (func $f (result u32) (canon lift (core func $i "f")))
               (export "f" (func $f)))
             (instance $made (instantiate $inner))
             (export "docs:demo/api@0.1.0" (instance $made)))"#,
    )
    .expect("compiles");
    let plan = link::plan(&bytes).expect("a plan");
    assert!(plan.exports.is_empty(), "{:?}", plan.exports);
    assert_eq!(
        plan.skipped,
        [(
            "docs:demo/api@0.1.0".to_owned(),
            "instantiating a nested component".to_owned()
        )],
        "and says why"
    );
}
