//! Performance figures for Container Atlas, printed, never asserted.
//!
//! `scripts/atlas.sh bench` builds the release and runs this. It prints:
//! - the size of every file in `dist/` (raw, gzip -9, brotli) and what a first visit
//!   to `/` transfers, against the 200 KB gzip budget;
//! - time to content: the median of cold loads in headless Chromium, from navigation
//!   start to the app's `atlas:content` mark, beside a static HTML snapshot of the same
//!   rendered page with its CSS (the practical limit), and their ratio;
//! - interaction latency: the median time from a click to the DOM update, for the
//!   language and theme switches;
//! - the wizard's engine: the time to rank all 11,520 answer combinations, natively
//!   and in headless Chromium (the page's own "time the engine" button);
//! - the Wasm lab's full run in headless Chromium: features, instantiate, the
//!   scalar/SIMD dot product, the app's own start;
//! - the playground: the time from a click to the summary of this app's own wasm and
//!   of a generated 10 MB module, and the longest main-thread task meanwhile; a key
//!   typed in the editor beside 5,000 and 30,000 exports.
//!
//! - content before code: time to the first `main h1` and to first paint of /, /gpus and
//!   /wizard against a static snapshot of each, on 127.0.0.1 and on an emulated slow
//!   phone link, and the time until the app answers.
//!
//! Options (environment): ATLAS_DIST (default dist), BENCH_LOADS (default 15),
//! BENCH_SLOW_LOADS (default 3), BENCH_TOGGLES (default 21), BENCH_ONLY=content (sizes,
//! first visit, time to content and content before code only: for an older build).

// The bench drives a browser from the host; there is nothing to run on wasm32.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use std::io::Write as _;
    use std::path::{Path, PathBuf};

    use super::support::{Hosting, Server, Session, build_dir};
    use container_atlas::domain::wizard::{Answers, rank};
    use container_atlas::ui::lab::WasmFile;
    use serde_json::{Value, json};

    pub fn main() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(run());
    }

    async fn run() {
        let dist = build_dir("ATLAS_DIST", "dist");
        let loads = env_count("BENCH_LOADS", 15);
        let toggles = env_count("BENCH_TOGGLES", 21);

        println!("# Container Atlas bench\n");
        println!("## Size of dist/ ({})\n", dist.display());
        let sizes = print_sizes(&dist);

        let app = Session::start_on(Server::start(dist.clone(), "", Hosting::SpaFallback)).await;
        app.disable_cache().await;

        // What a first visit to / fetches, from the DevTools network log.
        app.page_requests().await;
        app.open("/?lang=en").await;
        let fetched = fetched_files(&app).await;
        let (mut raw, mut gz, mut br) = (0, 0, 0);
        println!("\n## First visit to / (cache disabled)\n");
        println!("| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
        for path in &fetched {
            let file = if path.is_empty() {
                "index.html".to_owned()
            } else {
                path.clone()
            };
            if let Some((_, r, g, b)) = sizes.iter().find(|(name, ..)| *name == file) {
                println!("| {file} | {} | {} | {} |", kb(*r), kb(*g), kb(*b));
                raw += r;
                gz += g;
                br += b;
            }
        }
        println!(
            "| **total** | **{}** | **{}** | **{}** |",
            kb(raw),
            kb(gz),
            kb(br)
        );
        println!(
            "\nBudget: 200 KB gzip for a first visit; used {} ({:.0}%).",
            kb(gz),
            gz as f64 / 2048.0
        );

        route_bytes(&app, &dist).await;

        // Time to content, app and static snapshot, in alternating cold loads.
        let snapshot_dir = write_snapshot(&app, &dist).await;
        let snapshot =
            Session::start_on(Server::start(snapshot_dir, "", Hosting::SpaFallback)).await;
        snapshot.disable_cache().await;
        let (mut app_times, mut app_fcp, mut snap_times, mut snap_fcp) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..loads {
            let (t, f) = cold_load(&app).await;
            app_times.push(t);
            app_fcp.push(f);
            let (t, f) = cold_load(&snapshot).await;
            snap_times.push(t);
            snap_fcp.push(f);
        }
        println!(
            "\n## The app's own drawing of / (`atlas:content`), {loads} cold loads each, 127.0.0.1\n"
        );
        println!(
            "Before pre-rendering this was the time to content; now the pre-rendered page is \
             on screen first (see Content before code) and this is when the app has drawn \
             the page again over it.\n"
        );
        println!(
            "| page | to `atlas:content` median | spread (min–max) | first contentful paint median |"
        );
        println!("|---|---:|---:|---:|");
        print_row("app (release build)", &app_times, &app_fcp);
        print_row("static snapshot (HTML + CSS)", &snap_times, &snap_fcp);
        println!(
            "\nRatio app / snapshot: {:.2}x.",
            median(&app_times) / median(&snap_times)
        );
        snapshot.close().await;

        content_before_code(&app, &dist, loads).await;
        if std::env::var("BENCH_ONLY").as_deref() == Ok("content") {
            // Enough to measure an older build (ATLAS_DIST) the same way.
            app.close().await;
            return;
        }

        // Interaction latency.
        app.open("/?lang=en").await;
        let lang = interaction(&app, toggles, "lang").await;
        let theme = interaction(&app, toggles, "theme").await;
        println!("\n## Interaction latency: click to DOM update, {toggles} toggles each\n");
        println!("| interaction | median | spread (min–max) |\n|---|---:|---:|");
        println!(
            "| language switch (a link the router follows; the page's words change) | {} | {} |",
            ms(median(&lang)),
            spread(&lang)
        );
        println!(
            "| theme switch (`<html data-theme>`) | {} | {} |",
            ms(median(&theme)),
            spread(&theme)
        );
        // The wizard's engine: every answer combination, natively and in the browser.
        let runs = 5;
        let native: Vec<f64> = (0..runs)
            .map(|_| {
                let start = std::time::Instant::now();
                let ranked = Answers::all()
                    .filter(|a| rank(a).excluded.len() <= 7)
                    .count();
                assert_eq!(ranked, 11_520);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        app.open("/wizard?lang=en").await;
        let mut browser = Vec::new();
        let mut previous = String::new();
        for _ in 0..runs {
            app.click("[data-time-engine]").await;
            // The new figure replaces the last one (an equal one shows after the wait).
            let text = app
                .wait_until(&format!(
                    "const t = document.querySelector('.timed')?.textContent; return t && t !== {previous:?} ? t : null"
                ))
                .await;
            previous = text.as_str().unwrap_or_default().to_owned();
            let text = text.as_str().unwrap_or_default();
            let ms = text
                .split(" in ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|n| n.parse::<f64>().ok());
            browser.extend(ms);
        }
        println!("\n## The wizard's engine: all 11,520 answer combinations, {runs} runs each\n");
        println!("| where | median | spread (min–max) |\n|---|---:|---:|");
        println!(
            "| native (release, this machine) | {} | {} |",
            ms(median(&native)),
            spread(&native)
        );
        println!(
            "| headless Chromium (the release wasm) | {} | {} |",
            ms(median(&browser)),
            spread(&browser)
        );
        // The Wasm lab in headless Chromium: features, benchmarks, the app's start.
        app.open("/wasm?lang=en").await;
        let features = app
            .wait_until("const rows = [...document.querySelectorAll('[data-feature]')]; return rows.length && !rows.some(r => r.dataset.supported === 'pending') ? rows.map(r => [r.dataset.feature, r.dataset.supported]) : null")
            .await;
        app.click("[data-run]").await;
        let lab = app
            .wait_until("if (document.querySelector('.progress')?.textContent !== 'Done.') return null; const n = (s, a) => document.querySelector(s)?.getAttribute(a); return { inst: n('[data-bench=instantiate]', 'data-median'), scalar: n('[data-bench=scalar]', 'data-median'), simd: n('[data-bench=simd]', 'data-median'), speedup: n('[data-speedup]', 'data-speedup'), bytes: n('[data-start=bytes]', 'data-value'), download: n('[data-start=download]', 'data-value'), compile: n('[data-start=compile]', 'data-value'), content: n('[data-start=content]', 'data-value'), lines: [...document.querySelectorAll('[data-bench]')].map(e => e.textContent) }")
            .await;
        println!("\n## The Wasm lab in headless Chromium (full run)\n");
        println!("| feature | supported |\n|---|---|");
        for row in features.as_array().into_iter().flatten() {
            println!(
                "| {} | {} |",
                row[0].as_str().unwrap_or(""),
                row[1].as_str().unwrap_or("")
            );
        }
        println!();
        for line in lab["lines"].as_array().into_iter().flatten() {
            println!("- {}", line.as_str().unwrap_or(""));
        }
        let field = |k: &str| lab[k].as_str().unwrap_or("?").to_owned();
        println!(
            "- SIMD speedup (scalar median / SIMD median): {}x",
            field("speedup")
        );
        println!(
            "- the app's own start: wasm {} bytes over the wire, downloaded in {} ms, {} ms from its arrival to the app's first code, first content at {} ms",
            field("bytes"),
            field("download"),
            field("compile"),
            field("content")
        );
        app.close().await;

        // The playground: inspecting this app's own wasm and a generated 10 MB module,
        // from the click to the summary, and the longest main-thread task meanwhile
        // (the worker does the work; the page should stay under 50 ms).
        let big = std::env::temp_dir().join("atlas-bench-10mb.wasm");
        std::fs::write(
            &big,
            container_atlas::domain::inspect::generated_module(10_000_000),
        )
        .unwrap();
        println!("\n## The playground in headless Chromium\n");
        println!("| input | click to summary | longest main-thread task |\n|---|---|---|");
        for (label, how) in [
            ("this app's own wasm", "own"),
            ("a generated 10 MB module", "file"),
        ] {
            let app =
                Session::start_on(Server::start(dist.clone(), "", Hosting::SpaFallback)).await;
            app.open("/playground?lang=en").await;
            // The worker has started and compiled the first example: what follows is
            // the inspection alone, not the worker's own start (the pre-rendered page
            // already shows a summary).
            app.wait_until(
                "const c = document.querySelector('#pg-compile')?.textContent ?? '';
                 const s = document.querySelector('.pg-status')?.textContent ?? 'x';
                 return c.startsWith('Compiled') && s === '' ? true : null",
            )
            .await;
            app.eval(
                "window.__long = 0;
                 new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long = Math.max(window.__long, e.duration); })
                   .observe({ type: 'longtask', buffered: false });
                 window.__t0 = performance.now();
                 return null;",
            )
            .await;
            let name = if how == "own" {
                "container-atlas"
            } else {
                "atlas-bench-10mb"
            };
            // Timed by an observer in the page, at the first change that shows the
            // summary: the harness's own polling would round the time up to its period.
            app.eval(&format!(
                "window.__done = null;
                 new MutationObserver((_, observer) => {{
                   // textContent, not innerText: reading layout on every change
                   // would itself make the long task this measures.
                   const t = document.querySelector('.pg-summary')?.textContent ?? '';
                   if (t.includes('{name}') && document.querySelector('.pg-largest')) {{
                     window.__done = performance.now() - window.__t0;
                     observer.disconnect();
                   }}
                 }}).observe(document.body, {{ childList: true, subtree: true, characterData: true }});
                 return null;"
            ))
            .await;
            if how == "own" {
                app.eval("window.__t0 = performance.now(); document.querySelector('.pg-open-own').click(); return null")
                    .await;
            } else {
                let input = app
                    .client
                    .find(fantoccini::Locator::Css(".pg-file input"))
                    .await
                    .unwrap();
                app.eval("window.__t0 = performance.now(); return null")
                    .await;
                input.send_keys(big.to_str().unwrap()).await.unwrap();
            }
            let done = app
                .wait_until(
                    "return window.__done === null ? null : { ms: window.__done, long: window.__long }",
                )
                .await;
            println!(
                "| {label} | {} ms | {} |",
                done["ms"]
                    .as_f64()
                    .map_or("?".into(), |v| format!("{v:.0}")),
                // The observer reports tasks of 50 ms and more; none is the goal.
                done["long"].as_f64().map_or("?".into(), |v| if v == 0.0 {
                    "none of 50 ms or more".into()
                } else {
                    format!("{v:.0} ms")
                })
            );
            app.close().await;
        }
        let _ = std::fs::remove_file(&big);

        // Typing in the editor with a module of thousands of exports on screen: the
        // input event's handler and the style and layout it causes, per key (#31 asks
        // for under 16 ms at 30,000 exports; the tables show the first 100 rows).
        println!("\n## Typing beside a long list of exports\n");
        println!("| exports | per key (median of 21) | slowest |\n|---:|---:|---:|");
        for count in [5_000, 30_000] {
            let exports: String = (0..count)
                .map(|n| format!("(export \"f_{n}\" (func $f))"))
                .collect();
            let module = container_atlas::domain::inspect::compile_wat(&format!(
                "(module (func $f) {exports})"
            ))
            .unwrap();
            let file = std::env::temp_dir().join(format!("atlas-bench-exports-{count}.wasm"));
            std::fs::write(&file, module).unwrap();
            let app =
                Session::start_on(Server::start(dist.clone(), "", Hosting::SpaFallback)).await;
            app.open("/playground?lang=en").await;
            app.wait_until("return document.querySelector('.pg-summary') ? true : null")
                .await;
            let input = app
                .client
                .find(fantoccini::Locator::Css(".pg-file input"))
                .await
                .unwrap();
            input.send_keys(file.to_str().unwrap()).await.unwrap();
            let name = format!("atlas-bench-exports-{count}");
            app.wait_until(&format!(
                "return document.querySelector('.pg-summary')?.textContent.includes('{name}') && document.querySelector('.pg-exports') ? true : null"
            ))
            .await;
            let times = app
                .eval(
                    "const e = document.getElementById('pg-editor');
                     const times = [];
                     for (let i = 0; i < 21; i++) {
                       const t0 = performance.now();
                       e.value += ' ';
                       e.dispatchEvent(new Event('input', { bubbles: true }));
                       document.body.offsetHeight;
                       times.push(performance.now() - t0);
                     }
                     times.sort((a, b) => a - b);
                     return [times[10], times[20]];",
                )
                .await;
            println!(
                "| {count} | {:.1} ms | {:.1} ms |",
                times[0].as_f64().unwrap_or(f64::NAN),
                times[1].as_f64().unwrap_or(f64::NAN)
            );
            app.close().await;
            let _ = std::fs::remove_file(&file);
        }

        print_cost_by_crate();
    }

    /// Marks `bench:h1` when the parser (or the app) first puts a `main h1` in the DOM.
    const MARK_H1: &str = "new MutationObserver((_, o) => {
        if (document.querySelector('main h1')) { performance.mark('bench:h1'); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });";

    /// Time to the first `main h1` and to the first contentful paint of /, /gpus and
    /// /wizard, against a static snapshot of each page, on 127.0.0.1 and on an emulated
    /// slow phone link; and the time until the app answers (`atlas:ready`).
    async fn content_before_code(app: &Session, dist: &Path, loads: usize) {
        let slow_loads = env_count("BENCH_SLOW_LOADS", 3);
        let pages = ["/", "/gpus", "/wizard"];
        let mut snapshots = Vec::new();
        for page in pages {
            snapshots.push(write_snapshot_of(app, dist, page).await);
        }
        let snap = Session::start_on(Server::start(
            PathBuf::from("bench/out/snapshots"),
            "",
            Hosting::SpaFallback,
        ))
        .await;
        for s in [app, &snap] {
            s.cdp("Page.enable", json!({})).await;
            s.cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": MARK_H1 }),
            )
            .await;
        }
        println!("\n## Content before code: time to the first `main h1` and to first paint\n");
        println!(
            "Medians; {loads} cold loads per cell on 127.0.0.1, {slow_loads} on the slow link \
             (Chrome DevTools Protocol: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, 4x CPU \
             slowdown). Snapshot: the same page's DOM after the app drew it, saved with its CSS \
             and no script. Goal: at most 1.1x the snapshot.\n"
        );
        println!(
            "| page | link | app: `main h1` | app: first paint | snapshot: `main h1` | snapshot: first paint | ratio (h1 / paint) | app answers (`atlas:ready`, and its page drawn) |"
        );
        println!("|---|---|---:|---:|---:|---:|---:|---:|");
        for slow in [false, true] {
            for s in [app, &snap] {
                throttle(s, slow).await;
            }
            let n = if slow { slow_loads } else { loads };
            for (page, snapshot) in pages.iter().zip(&snapshots) {
                let (mut a, mut s_) = (Vec::new(), Vec::new());
                for _ in 0..n {
                    a.push(timed_load(app, page, true).await);
                    s_.push(timed_load(&snap, snapshot, false).await);
                }
                let med =
                    |v: &[[f64; 3]], i: usize| median(&v.iter().map(|x| x[i]).collect::<Vec<_>>());
                println!(
                    "| {page} | {} | {} | {} | {} | {} | {:.2}x / {:.2}x | {} |",
                    if slow { "slow phone" } else { "127.0.0.1" },
                    ms(med(&a, 0)),
                    ms(med(&a, 1)),
                    ms(med(&s_, 0)),
                    ms(med(&s_, 1)),
                    med(&a, 0) / med(&s_, 0),
                    med(&a, 1) / med(&s_, 1),
                    ms(med(&a, 2)),
                );
            }
        }
        for s in [app, &snap] {
            throttle(s, false).await;
        }
        snap.close().await;
    }

    /// Emulates the slow phone link (or lifts it).
    async fn throttle(s: &Session, slow: bool) {
        let (latency, down, up, cpu) = if slow {
            (150.0, 1.6e6 / 8.0, 750e3 / 8.0, 4.0)
        } else {
            (0.0, -1.0, -1.0, 1.0)
        };
        s.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
        )
        .await;
        s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": cpu }))
            .await;
    }

    /// One cold load of `path`: ms to the first `main h1`, to first contentful paint,
    /// and (for the app) until it answers: `atlas:ready`, and in a split build the page
    /// drawn by its code (its last `atlas:content`).
    async fn timed_load(s: &Session, path: &str, app: bool) -> [f64; 3] {
        s.client.goto("about:blank").await.unwrap();
        s.client.goto(&s.server.url(path)).await.unwrap();
        let result = s
            .eval_async(&format!(
                "const done = arguments[arguments.length - 1];
                 const at = n => performance.getEntriesByName(n)[0]?.startTime;
                 const read = () => {{
                   const h1 = at('bench:h1'), fcp = at('first-contentful-paint');
                   // A build from before pre-rendering answers once its content is in;
                   // a split one once its page's code has drawn the page (or kept it).
                   const host = document.querySelector('.page-host');
                   const split = host && host.dataset.state;
                   const drawn = performance.getEntriesByName('atlas:content');
                   const started = at('atlas:ready');
                   const ready = !{app} ? 0
                     : split ? (started !== undefined && split === 'ready' && drawn.length
                         ? Math.max(started, drawn[drawn.length - 1].startTime) : undefined)
                     : started ?? (document.querySelector('#app[data-rendered]') ? undefined : at('atlas:content'));
                   if (h1 !== undefined && fcp !== undefined && ready !== undefined) done([h1, fcp, ready]);
                   else setTimeout(read, 10);
                 }};
                 read();"
            ))
            .await;
        let at = |i: usize| result[i].as_f64().unwrap_or(f64::NAN);
        [at(0), at(1), at(2)]
    }

    /// Saves the app's page at `path` as a static snapshot (its DOM without scripts,
    /// with its CSS) under `bench/out/snapshots/`; returns its path there.
    async fn write_snapshot_of(s: &Session, dist: &Path, path: &str) -> String {
        let dir = write_snapshot_at(s, dist, path).await;
        let name = path.trim_matches('/');
        let name = if name.is_empty() { "overview" } else { name };
        let target = PathBuf::from("bench/out/snapshots").join(name);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
            // The page names its stylesheet from the root.
            if entry.path().extension().is_some_and(|e| e == "css") {
                std::fs::copy(
                    entry.path(),
                    target.parent().unwrap().join(entry.file_name()),
                )
                .unwrap();
            }
        }
        format!("/{name}/")
    }

    /// What costs what: code size by crate, from `twiggy` on the wasm before
    /// wasm-bindgen and wasm-opt (names intact). Skipped when twiggy is absent.
    fn print_cost_by_crate() {
        let wasm = "target/wasm32-unknown-unknown/release/container-atlas.wasm";
        let output = std::process::Command::new("twiggy")
            .args(["top", "-n", "1000000", "-f", "csv", wasm])
            .output();
        let Some(output) = output.ok().filter(|o| o.status.success()) else {
            println!(
                "\n(Install twiggy, `cargo install twiggy --version 0.8.0 --locked`, for code size by crate.)"
            );
            return;
        };
        let text = String::from_utf8_lossy(&output.stdout);
        let mut by_crate: Vec<(String, usize)> = Vec::new();
        let mut total = 0;
        for line in text.lines().skip(1) {
            let Some((name, rest)) = line
                .rsplit_once(",,")
                .and_then(|(head, _)| head.rsplit_once(','))
                .and_then(|(head, _)| head.rsplit_once(','))
            else {
                continue;
            };
            let Ok(size) = rest.parse::<usize>() else {
                continue;
            };
            let name = name.trim_matches('"');
            if name.contains("custom section")
                || name.contains("subsection")
                || name.starts_with("export ")
                || name.starts_with("import ")
            {
                continue; // names, wasm-bindgen metadata and descriptors: gone after wasm-bindgen
            }
            let owner = if name.starts_with("data segment") {
                "(data: strings and tables)".to_owned()
            } else {
                // `<T as tachys::view::Render>::build` is tachys code: credit the trait.
                let trimmed = match name.strip_prefix('<').and_then(|n| n.split_once(" as ")) {
                    Some((_, after)) => after,
                    None => name,
                };
                let trimmed = trimmed.trim_start_matches(['<', '&', '(']);
                let first = trimmed.split("::").next().unwrap_or(trimmed);
                first
                    .split(['[', ' ', '<'])
                    .next()
                    .unwrap_or(first)
                    .to_owned()
            };
            total += size;
            match by_crate.iter_mut().find(|(c, _)| *c == owner) {
                Some((_, sum)) => *sum += size,
                None => by_crate.push((owner, size)),
            }
        }
        by_crate.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
        println!("\n## Code size by crate (twiggy, before wasm-opt; shares, not final bytes)\n");
        println!("| crate | share |\n|---|---:|");
        for (owner, size) in by_crate.iter().take(15) {
            println!("| {owner} | {:.1}% |", *size as f64 * 100.0 / total as f64);
        }
    }

    fn env_count(name: &str, default: usize) -> usize {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// Prints a size table of the top-level files and returns (name, raw, gzip, brotli).
    fn print_sizes(dist: &Path) -> Vec<(String, usize, usize, usize)> {
        let mut rows = Vec::new();
        let mut copies = 0;
        for entry in std::fs::read_dir(dist).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                copies += 1;
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            rows.push((name, bytes.len(), gzip(&bytes), brotli(&bytes)));
        }
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
        println!("| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
        for (name, raw, gz, br) in &rows {
            println!("| {name} | {} | {} | {} |", kb(*raw), kb(*gz), kb(*br));
        }
        println!("\nPlus {copies} route folders, each an index.html copy for plain static hosts.");
        rows
    }

    fn gzip(bytes: &[u8]) -> usize {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap().len()
    }

    fn brotli(bytes: &[u8]) -> usize {
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
        out.len()
    }

    fn kb(bytes: usize) -> String {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }

    fn ms(value: f64) -> String {
        format!("{value:.1} ms")
    }

    fn median(values: &[f64]) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mid = sorted.len() / 2;
        if sorted.len().is_multiple_of(2) {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        } else {
            sorted[mid]
        }
    }

    fn spread(values: &[f64]) -> String {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        format!("{min:.1}–{max:.1} ms")
    }

    fn print_row(name: &str, times: &[f64], fcp: &[f64]) {
        println!(
            "| {name} | {} | {} | {} |",
            ms(median(times)),
            spread(times),
            ms(median(fcp))
        );
    }

    /// One cold load of `/?lang=en`: (ms to the `atlas:content` mark, ms to first contentful paint).
    /// The files of this app the page fetched since the last look (paths relative to
    /// the site, `index.html` for a folder), from the DevTools network log.
    async fn fetched_files(app: &Session) -> Vec<String> {
        let own = app.server.url("/");
        let mut fetched: Vec<String> = app
            .page_requests()
            .await
            .into_iter()
            .filter_map(|url| {
                let path = url.strip_prefix(&own)?.split(['?', '#']).next()?.to_owned();
                Some(if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else if !path.contains('.') {
                    format!("{path}/index.html")
                } else {
                    path
                })
            })
            .collect();
        fetched.sort();
        fetched.dedup();
        fetched
    }

    /// Gzip bytes of `files` (in `dist`), and how many of them hold pages' code (chunks
    /// of the wasm, or a page's pack of them).
    fn gzip_of(files: &[String], dist: &Path) -> (usize, usize) {
        let gz = files
            .iter()
            .filter_map(|f| std::fs::read(dist.join(f)).ok())
            .map(|bytes| gzip(&bytes))
            .sum();
        let chunks = files
            .iter()
            .filter(|f| matches!(WasmFile::of(f), Some(WasmFile::Chunk | WasmFile::Pack)))
            .count();
        (gz, chunks)
    }

    /// Per route: what a first visit to it transfers (a deep link, cache disabled), and
    /// what opening it from / adds (a click in the navigation, after / has loaded).
    async fn route_bytes(app: &Session, dist: &Path) {
        use container_atlas::base::page::Page;
        println!("\n## Bytes by route (gzip -9, cache disabled)\n");
        println!(
            "A deep link fetches the page's HTML, the shell (main wasm, its JavaScript, the \
             stylesheet) and the page's chunks of the wasm, packed in one file; a click from / \
             fetches, one by one, only the chunks / did not already have. Goals: 200 KB for /, 250 KB for any deep link.\n"
        );
        println!("| route | first visit | code files | after / | chunks fetched after / |");
        println!("|---|---:|---:|---:|---:|");
        for page in Page::ALL {
            let path = page.path();
            app.page_requests().await;
            app.open(&format!("{path}?lang=en")).await;
            let (first, first_chunks) = gzip_of(&fetched_files(app).await, dist);
            let (after, after_chunks) = if page == Page::Overview {
                (0, 0)
            } else {
                app.open("/?lang=en").await;
                app.page_requests().await;
                app.click(&format!("nav a[href='{path}']")).await;
                let ready = app
                    .wait_until(&format!(
                        "return location.pathname === '{path}' ? (() => {{ {} }})() : null",
                        super::support::READY
                    ))
                    .await;
                assert_eq!(ready, json!(true), "{path} did not open from /");
                gzip_of(&fetched_files(app).await, dist)
            };
            println!(
                "| {path} | {} | {first_chunks} | {} | {after_chunks} |",
                kb(first),
                kb(after)
            );
        }
    }

    async fn cold_load(s: &Session) -> (f64, f64) {
        s.client.goto("about:blank").await.unwrap();
        s.client.goto(&s.server.url("/?lang=en")).await.unwrap();
        let result = s
            .eval_async(
                "const done = arguments[arguments.length - 1];
                 const read = () => {
                   const mark = performance.getEntriesByName('atlas:content')[0];
                   const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                   if (mark && fcp) done([mark.startTime, fcp.startTime]);
                   else setTimeout(read, 10);
                 };
                 read();",
            )
            .await;
        (result[0].as_f64().unwrap(), result[1].as_f64().unwrap())
    }

    /// Saves the rendered `/` as static HTML with the same CSS, minus every script, and
    /// with an inline mark at the end of the body; returns its folder.
    async fn write_snapshot(s: &Session, dist: &Path) -> PathBuf {
        write_snapshot_at(s, dist, "/").await
    }

    /// Saves the rendered page at `path`, as [`write_snapshot`] does.
    async fn write_snapshot_at(s: &Session, dist: &Path, path: &str) -> PathBuf {
        s.open(path).await;
        let html = s.eval("return document.documentElement.outerHTML").await;
        let mut html = html.as_str().unwrap().to_owned();
        for (open, close) in [
            ("<script", "</script>"),
            ("<link rel=\"modulepreload\"", ">"),
            ("<link rel=\"preload\"", ">"),
            ("<meta http-equiv=\"Content-Security-Policy\"", ">"),
        ] {
            while let Some(start) = html.find(open) {
                let end = html[start..]
                    .find(close)
                    .map(|e| start + e + close.len())
                    .unwrap_or(html.len());
                html.replace_range(start..end, "");
            }
        }
        html = html.replace(
            "</body>",
            "<script>performance.mark('atlas:content')</script></body>",
        );
        // The stylesheet by an absolute path, from wherever the snapshot is served.
        html = html.replace("href=\"main-", "href=\"/main-");
        let dir = PathBuf::from("bench/out/snapshot");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), format!("<!doctype html>{html}")).unwrap();
        for entry in std::fs::read_dir(dist).unwrap().flatten() {
            if entry.path().extension().is_some_and(|e| e == "css") {
                std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
            }
        }
        dir
    }

    /// Milliseconds from a click to the DOM update it causes, `count` times.
    async fn interaction(s: &Session, count: usize, which: &str) -> Vec<f64> {
        let result = s
            .client
            .execute_async(
                "const [count, which, done] = arguments;
                 const times = [];
                 const step = (i) => {
                   if (i === count) return done(times);
                   const choices = which === 'lang' ? ['zh', 'en'] : ['dark', 'light'];
                   const choice = choices[i % 2];
                   const button = document.querySelector(which === 'lang'
                     ? `a[data-lang=${choice}]` : `button[data-theme-choice=${choice}]`);
                   // The language: once the heading reads otherwise (the kept overview
                   // is replaced whole by its first switch, so `main` is watched).
                   const target = which === 'lang' ? document.querySelector('main') : document.documentElement;
                   const heading = () => document.querySelector('main h1')?.textContent;
                   const before = heading();
                   const observer = new MutationObserver(() => {
                     if (which === 'lang' && heading() === before) return;
                     const t1 = performance.now();
                     observer.disconnect();
                     times.push(t1 - t0);
                     requestAnimationFrame(() => setTimeout(() => step(i + 1), 20));
                   });
                   observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
                   const t0 = performance.now();
                   button.click();
                 };
                 step(0);",
                vec![json!(count), json!(which)],
            )
            .await
            .expect("interaction timing");
        result
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_f64)
            .collect()
    }
}
