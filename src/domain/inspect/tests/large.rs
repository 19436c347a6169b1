//! Large modules: the generator's modules, and the measurement of inspection on this
//! app's wasm or a 10 MB one.

use super::*;
use crate::domain::inspect::generated_module;

#[test]
fn a_generated_module_is_what_it_says() {
    let bytes = generated_module(100_000);
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
        Err(_) => ("generated".to_owned(), generated_module(10_000_000)),
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
