//! Trying the playground's runner on a program built elsewhere, in Chromium on the
//! release build, by hand (binaries built by others are for trying, never committed):
//!
//! ```sh
//! WASI_FILE=prog.wasm WASI_ARGS='one "two words"' WASI_STDIN='text' \
//!   WASI_FILES=input.txt,data.csv ATLAS_DIST=target/dist \
//!   cargo test --test by_hand -- --ignored --nocapture
//! ```
//!
//! It prints the console, how the run ended, the files written and the time from Run
//! to the first output and to the end, and saves a screenshot to target/by-hand.png.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use std::time::Instant;
use support::Session;

#[tokio::test]
#[ignore = "by hand: needs WASI_FILE, chromedriver and a release build"]
async fn run_a_program_in_the_playground() {
    let file = std::env::var("WASI_FILE").expect("WASI_FILE: the .wasm to run");
    let s = Session::start().await;
    s.open("/playground?lang=en").await;
    s.wait_until("return document.querySelector('.pg-summary') ? true : null")
        .await;
    let name = file.rsplit('/').next().unwrap().to_owned();
    s.client
        .find(fantoccini::Locator::Css(".pg-file input"))
        .await
        .unwrap()
        .send_keys(&file)
        .await
        .unwrap();
    let opened = Instant::now();
    s.wait_until(&format!(
        "const n = document.querySelector('.pg-summary')?.innerText ?? ''; \
         return n.includes({}) && document.querySelector('.pg-program-run') ? true : null",
        json!(name)
    ))
    .await;
    println!("opened and inspected in {:?}", opened.elapsed());
    for path in std::env::var("WASI_FILES").unwrap_or_default().split(',') {
        if !path.is_empty() {
            s.client
                .find(fantoccini::Locator::Css(".pg-files-pick"))
                .await
                .unwrap()
                .send_keys(&std::fs::canonicalize(path).unwrap().to_string_lossy())
                .await
                .unwrap();
        }
    }
    let set = |selector: &str, value: &str| {
        format!(
            "const e = document.querySelector({}); e.value = {}; \
             e.dispatchEvent(new Event('input', {{ bubbles: true }})); return null;",
            json!(selector),
            json!(value)
        )
    };
    s.eval(&set(
        ".pg-program-args",
        &std::env::var("WASI_ARGS").unwrap_or_default(),
    ))
    .await;
    s.eval(&set(
        ".pg-stdin",
        &std::env::var("WASI_STDIN").unwrap_or_default(),
    ))
    .await;
    s.eval("const l = document.querySelector('.pg-program .pg-limit input'); l.value = '60000'; l.dispatchEvent(new Event('change', { bubbles: true })); return null;")
        .await;
    // Main-thread tasks of 50 ms or more during the run (the Long Tasks API).
    s.eval(
        "window.__longest = 0;
         new PerformanceObserver(list => {
           for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
         }).observe({ type: 'longtask' });
         return null;",
    )
    .await;
    let started = Instant::now();
    s.eval("document.querySelector('.pg-program-run').click(); return null;")
        .await;
    s.wait_until("return document.querySelector('.pg-console .pg-stdout, .pg-console .pg-stderr') || document.querySelector('.pg-run-end')?.textContent.startsWith('Running') === false ? true : null")
        .await;
    let first = started.elapsed();
    let end = s
        .wait_until("const e = document.querySelector('.pg-run-end')?.textContent ?? ''; return e && !e.startsWith('Running') ? e : null")
        .await;
    let all = started.elapsed();
    let seen = s
        .eval(
            "return {
               console: document.querySelector('.pg-console').textContent,
               files: [...document.querySelectorAll('.pg-written')].map(e => e.innerText),
               stubbed: document.querySelector('.pg-stubbed summary')?.textContent ?? '',
             }",
        )
        .await;
    println!(
        "--- console\n{}\n---",
        seen["console"].as_str().unwrap_or_default()
    );
    println!("{}", end.as_str().unwrap_or_default());
    println!("files: {}", seen["files"]);
    println!("{}", seen["stubbed"].as_str().unwrap_or_default());
    println!("Run to first output {first:?}, to the end {all:?}");
    // Let the last batches render before asking.
    s.wait_until(
        "return new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 100)))",
    )
    .await;
    let longest = s.eval("return window.__longest").await;
    let lines = s
        .eval("return document.querySelector('.pg-console').textContent.split('\\n').length - 1")
        .await;
    println!(
        "longest main-thread task: {longest} ms (0: none of 50 ms or more); console lines: {lines}"
    );
    s.eval("document.querySelector('.pg-program').scrollIntoView({ behavior: 'instant', block: 'start' }); return null;")
        .await;
    if let Ok(png) = s.client.screenshot().await {
        std::fs::write("target/by-hand.png", png).unwrap();
    }
    s.close().await;
}
