//! The build's steps after rustc, in one program: Trunk runs it as its `post_build`
//! hook (`Trunk.toml`), for `trunk serve` and `trunk build --release` alike, so what
//! `trunk serve` shows is what ships:
//!
//! 1. The app's wasm split by page and bound to JavaScript (`bundle.rs`), optimized in
//!    a release build (`tools.rs`: wasm-opt and terser, the two steps outside Rust).
//! 2. The playground's worker named after its code.
//! 3. Trunk's `index.html` made into the template (`page.rs`): the policy, the scripts.
//! 4. Every page pre-rendered into it, in both languages (`prerender.rs`).
//! 5. Each page's chunks packed in one file (`packs.rs`).
//!
//!     cargo run -p xtask -- post-build     (by Trunk, which sets TRUNK_STAGING_DIR …)

mod bundle;
mod packs;
mod page;
mod prerender;
mod tools;

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["post-build"] => post_build(),
        _ => Err("usage: xtask post-build   (run by Trunk as its post_build hook)".into()),
    };
    if let Err(message) = result {
        eprintln!("xtask: {message}");
        std::process::exit(1);
    }
}

/// What Trunk tells its hooks.
struct Build {
    staging: PathBuf,
    source: PathBuf,
    public_url: String,
    release: bool,
    target: PathBuf,
}

impl Build {
    fn from_env() -> Result<Build, String> {
        let var = |name: &str| std::env::var(name).ok();
        let staging = var("TRUNK_STAGING_DIR")
            .ok_or("run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)")?;
        let source = PathBuf::from(var("TRUNK_SOURCE_DIR").unwrap_or_else(|| ".".into()));
        let target = var("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| source.join("target"));
        Ok(Build {
            staging: PathBuf::from(staging),
            public_url: var("TRUNK_PUBLIC_URL").unwrap_or_else(|| "/".into()),
            release: var("TRUNK_PROFILE").as_deref() == Some("release"),
            source,
            target,
        })
    }

    fn profile(&self) -> &'static str {
        if self.release { "release" } else { "debug" }
    }

    fn read(&self, file: &str) -> Result<Vec<u8>, String> {
        read(&self.staging.join(file))
    }

    fn write(&self, file: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.staging.join(file);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn remove(&self, file: &str) -> Result<(), String> {
        let path = self.staging.join(file);
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The one file in the staging folder whose name `matches`.
    fn find(&self, what: &str, matches: impl Fn(&str) -> bool) -> Result<String, String> {
        let entries = std::fs::read_dir(&self.staging)
            .map_err(|e| format!("{}: {e}", self.staging.display()))?;
        let found: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| matches(name))
            .collect();
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(format!("the build has no {what}")),
            _ => Err(format!("the build has more than one {what}: {found:?}")),
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn post_build() -> Result<(), String> {
    let build = Build::from_env()?;
    let work = build.target.join("atlas-build").join(build.profile());
    let optimizers = if build.release {
        Some(tools::Optimizers::find(&build.source, &work.join("cache"))?)
    } else {
        None
    };

    // 1. The app's code, in place of what Trunk's wasm-bindgen made of the unsplit wasm.
    let trunk_glue = build.find("container-atlas-*.js", |n| {
        n.starts_with("container-atlas-") && n.ends_with(".js")
    })?;
    let trunk_stem = trunk_glue.trim_end_matches(".js").to_owned();
    let linked = build
        .target
        .join("wasm32-unknown-unknown")
        .join(build.profile())
        .join("container-atlas.wasm");
    let app = bundle::bundle(
        &read(&linked)?,
        &work.join("split"),
        build.release,
        optimizers.as_ref(),
    )?;
    build.remove(&trunk_glue)?;
    build.remove(&format!("{trunk_stem}_bg.wasm"))?;
    for (name, bytes) in &app.files {
        build.write(name, bytes)?;
    }

    // 2. The worker, which Trunk names without a hash (worker_loader.js, worker.js,
    // worker_bg.wasm): renamed after its code, so that a cached old worker never answers
    // a new page in a protocol it does not speak.
    let worker_loader = worker(&build, optimizers.as_ref())?;

    // 3. The template.
    let index = String::from_utf8(build.read("index.html")?)
        .map_err(|_| "index.html is not UTF-8".to_owned())?;
    let boot = |file: &str| {
        String::from_utf8(build.read(file)?).map_err(|_| format!("{file} is not UTF-8"))
    };
    let (template, scripts) = page::template(
        &index,
        &page::Template {
            rename: (&trunk_stem, app.glue.trim_end_matches(".js")),
            glue: &app.files[&app.glue],
            boot: &boot,
            worker_loader: &worker_loader,
            public_url: &build.public_url,
        },
    )?;
    for (name, code) in &scripts {
        build.write(name, code.as_bytes())?;
    }
    build.write("index.html", template.as_bytes())?;

    // 4. Every page, and 5. the packs they name.
    let packs = prerender::run(&build.staging, &build.public_url, &app.pages)?;
    for (name, files) in &packs {
        let parts: Vec<(&str, &[u8])> = files
            .iter()
            .map(|f| (f.as_str(), app.files[f].as_slice()))
            .collect();
        build.write(name, &packs::pack(&parts))?;
    }
    println!(
        "xtask: {} build: {} chunks, {} packs, policy set, scripts moved out",
        build.profile(),
        app.pages
            .values()
            .flatten()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        packs.len()
    );
    Ok(())
}

/// The worker's files named after its code; returns its loader's name.
fn worker(build: &Build, optimizers: Option<&tools::Optimizers>) -> Result<String, String> {
    let (js, wasm, loader) = ("worker.js", "worker_bg.wasm", "worker_loader.js");
    let code = build.read(js)?;
    let mut bytes = build.read(wasm)?;
    if let Some(o) = optimizers {
        bytes = o.module(&bytes)?;
    }
    let hash = tools::hash16(&[&code, &bytes]);
    let named = [
        format!("worker-{hash}.js"),
        format!("worker-{hash}_bg.wasm"),
        format!("worker_loader-{hash}.js"),
    ];
    let text =
        String::from_utf8(build.read(loader)?).map_err(|_| format!("{loader} is not UTF-8"))?;
    let mut renamed = text.clone();
    for (from, to) in [(js, &named[0]), (wasm, &named[1])] {
        let quoted = format!("\"./{from}\"");
        if !renamed.contains(&quoted) {
            return Err(format!(
                "the worker's loader does not name {quoted}: {text}"
            ));
        }
        renamed = renamed.replace(&quoted, &format!("\"./{to}\""));
    }
    build.write(&named[0], &code)?;
    build.write(&named[1], &bytes)?;
    build.write(&named[2], renamed.as_bytes())?;
    for file in [js, wasm, loader] {
        build.remove(file)?;
    }
    Ok(named[2].clone())
}
