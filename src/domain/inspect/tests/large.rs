//! Large modules: a generator of modules of a given size, and the measurement of
//! inspection on this app's wasm or a 10 MB one.

use super::*;

/// A core module of about `size` bytes, written byte by byte: `n` functions
/// `(i32) -> i32` that add constants to their parameter, the last one with a
/// sign-extension operator so the feature search has something to find at the end.
fn generated(size: usize) -> Vec<u8> {
    fn leb(out: &mut Vec<u8>, mut x: u64) {
        loop {
            let byte = (x & 0x7f) as u8;
            x >>= 7;
            if x == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(out: &mut Vec<u8>, id: u8, contents: &[u8]) {
        out.push(id);
        leb(out, contents.len() as u64);
        out.extend_from_slice(contents);
    }
    const ADDS: u64 = 200;
    let mut body = vec![0, 0x20, 0]; // no locals; local.get 0
    for k in 0..ADDS {
        body.push(0x41); // i32.const k
        leb(&mut body, k * 1000);
        body.push(0x6a); // i32.add
    }
    let n = (size / (body.len() + 3)).max(1);
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    section(&mut out, 1, &[1, 0x60, 1, 0x7f, 1, 0x7f]);
    let mut functions = Vec::new();
    leb(&mut functions, n as u64);
    functions.resize(functions.len() + n, 0);
    section(&mut out, 3, &functions);
    section(&mut out, 7, &[1, 1, b'f', 0, 0]);
    let mut code = Vec::new();
    leb(&mut code, n as u64);
    for i in 0..n {
        let mut b = body.clone();
        if i == n - 1 {
            b.push(0xc0); // i32.extend8_s
        }
        b.push(0x0b);
        leb(&mut code, b.len() as u64);
        code.extend_from_slice(&b);
    }
    section(&mut out, 10, &code);
    out
}

#[test]
fn a_generated_module_is_what_it_says() {
    let bytes = generated(100_000);
    let i = inspect(&bytes);
    assert!(i.is_valid(), "{:?}", i.problem());
    assert!(i.size > 90_000 && i.size < 110_000, "{}", i.size);
    assert_eq!(feature_ids(&i), ["sign-extension"]);
    let last = i.defined_functions - 1;
    assert_eq!(i.largest_functions[0].index, last, "one byte larger");
}

/// Measures inspection on a large module: this app's release wasm, or a generated one
/// of 10 MB. Run with `[INSPECT_WASM=path/to.wasm] cargo test --release --lib
/// inspect::tests::large::measure -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure() {
    let (path, bytes) = match std::env::var("INSPECT_WASM") {
        Ok(path) => {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        }
        Err(_) => ("generated".to_owned(), generated(10_000_000)),
    };
    let time = |label: &str, f: &dyn Fn()| {
        let runs = 5;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            f();
        }
        println!(
            "{label}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0 / runs as f64
        );
    };
    let s = structure(&bytes);
    println!(
        "{path}: {} bytes, {} functions",
        bytes.len(),
        s.defined_functions
    );
    time("structure", &|| drop(structure(&bytes)));
    time("validate (all features)", &|| {
        wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
            .validate_all(&bytes)
            .unwrap();
    });
    time("validation + feature search", &|| {
        drop(validate(&bytes, &s))
    });
    time("feature search by knock-out", &|| {
        drop(features::knock_out(&bytes))
    });
    println!("knock-out finds {:?}", features::knock_out(&bytes));
    time("inspect", &|| drop(inspect(&bytes)));
    time("to_wat skeleton", &|| {
        drop(to_wat(&bytes, true, TEXT_LIMIT))
    });
    time("to_wat full, 2 MiB limit", &|| {
        drop(to_wat(&bytes, false, TEXT_LIMIT))
    });
    println!("{:?}", validate(&bytes, &s).features);
}
