//! `wasm-bindgen`, with the app's wasm split by page first.
//!
//! Trunk runs `wasm-bindgen` on the wasm rustc linked. Leptos' split points (the
//! `wasm_split_helpers` attributes in `src/ui/pages/code.rs`) leave that wasm importing
//! its pages' code from a placeholder module: it must be split before wasm-bindgen sees
//! it, and Trunk has no step between the two. So this program stands in for
//! wasm-bindgen (first on PATH, installed by `scripts/atlas.sh`):
//!
//! 1. A wasm without split points (the worker), or a call without one (`--version`),
//!    goes to the real wasm-bindgen unchanged.
//! 2. Otherwise the wasm is split (`wasm_split_cli_support`): a main module, one module
//!    per split point, chunks of what several share, and the JavaScript that loads them.
//!    Every file name carries a hash of the whole input, so an old chunk never meets a
//!    new main module in a cache.
//! 3. The real wasm-bindgen runs on the main module, keeping the exports the chunks use.
//! 4. The chunks, the loader and a manifest (`atlas-split.json`: which files each page
//!    needs) go to `<out-dir>/atlas-split-<hash>/`. The post-build hook
//!    (`scripts/post-build.mjs`) finds that folder from the loader's name in
//!    wasm-bindgen's JavaScript, copies it into the site and preloads each page's files.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The import module the split points leave in an unsplit wasm.
const PLACEHOLDER: &[u8] = b"__wasm_split_placeholder__";

/// What the loader imports wasm-bindgen's JavaScript as; the post-build hook replaces
/// it with that file's hashed name, which only Trunk knows.
const MAIN_MODULE: &str = "./atlas-split-main.js";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wasm-split-bindgen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let real = real_wasm_bindgen()?;
    let Some(call) = Call::parse(&args) else {
        return bindgen(&real, &args);
    };
    let input = std::fs::read(&call.input)
        .map_err(|e| format!("cannot read {}: {e}", call.input.display()))?;
    if !contains(&input, PLACEHOLDER) {
        // No split points (the worker), but linked with relocations like everything
        // for wasm32 here: wasm-bindgen would keep them (megabytes), so they go first.
        let Some(stripped) = without_link_sections(&input) else {
            return bindgen(&real, &args);
        };
        let plain = call.out_dir.join("atlas-unsplit-input.wasm");
        std::fs::write(&plain, stripped)
            .map_err(|e| format!("cannot write {}: {e}", plain.display()))?;
        let status = bindgen(&real, &with_input(&args, &call.input, &plain))?;
        let _ = std::fs::remove_file(&plain);
        return Ok(status);
    }

    let hash = format!("{:016x}", fnv1a(&input));
    let folder_name = format!("atlas-split-{hash}");
    let work = call.out_dir.join(format!("{folder_name}.tmp"));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    let link_name = format!("./atlas-split-{hash}.js");
    let main_out = work.join("main.wasm");
    let split = {
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_out;
        options.link_name = &link_name;
        options.main_module = MAIN_MODULE;
        options.target.web();
        wasm_split_cli_support::transform(options)
            .map_err(|e| format!("splitting failed: {e:?}"))?
    };

    // The chunks' names get the hash, in the files and in the loader that fetches them.
    let link_path = work.join(&link_name);
    let mut loader = std::fs::read_to_string(&link_path)
        .map_err(|e| format!("cannot read {}: {e}", link_path.display()))?;
    let mut files = Vec::new();
    for module in &split.split_modules {
        let stem = module
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("odd chunk name {}", module.display()))?;
        let hashed = format!("{stem}-{hash}.wasm");
        let quoted = format!("\"./{stem}.wasm\"");
        if !loader.contains(&quoted) {
            return Err(format!("the loader does not fetch {stem}.wasm"));
        }
        loader = loader.replace(&quoted, &format!("\"./{hashed}\""));
        std::fs::rename(module, work.join(&hashed))
            .map_err(|e| format!("cannot rename {stem}: {e}"))?;
        files.push(hashed);
    }
    std::fs::write(&link_path, &loader).map_err(|e| format!("cannot write the loader: {e}"))?;
    files.sort();

    let mut pages: Vec<(&String, Vec<String>)> = split
        .prefetch_map
        .iter()
        .map(|(page, stems)| {
            (
                page,
                stems.iter().map(|s| format!("{s}-{hash}.wasm")).collect(),
            )
        })
        .collect();
    pages.sort();
    std::fs::write(
        work.join("atlas-split.json"),
        manifest(&link_name, &files, &pages),
    )
    .map_err(|e| format!("cannot write the manifest: {e}"))?;

    // wasm-bindgen on the main module, keeping what the chunks import from it.
    let mut bindgen_args = with_input(&args, &call.input, &main_out);
    bindgen_args.push("--keep-lld-exports".into());
    let status = bindgen(&real, &bindgen_args)?;
    std::fs::remove_file(&main_out)
        .map_err(|e| format!("cannot remove the split main module: {e}"))?;

    // Publish the folder, and drop those of earlier builds.
    if let Ok(entries) = std::fs::read_dir(&call.out_dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("atlas-split-") && !name.ends_with(".tmp") {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let folder = call.out_dir.join(&folder_name);
    std::fs::rename(&work, &folder)
        .map_err(|e| format!("cannot publish {}: {e}", folder.display()))?;
    eprintln!(
        "wasm-split-bindgen: {} chunks for {} split points in {}",
        files.len(),
        pages.len(),
        folder.display()
    );
    Ok(status)
}

/// What this program needs of wasm-bindgen's command line.
struct Call {
    input: PathBuf,
    out_dir: PathBuf,
}

impl Call {
    /// The input wasm and `--out-dir`, if this call transforms a wasm.
    fn parse(args: &[OsString]) -> Option<Call> {
        let mut input = None;
        let mut out_dir = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            if let Some(dir) = text.strip_prefix("--out-dir=") {
                out_dir = Some(PathBuf::from(dir));
            } else if text == "--out-dir" {
                out_dir = args.next().map(PathBuf::from);
            } else if !text.starts_with('-') && text.ends_with(".wasm") {
                input = Some(PathBuf::from(arg));
            }
        }
        Some(Call {
            input: input?,
            out_dir: out_dir?,
        })
    }
}

/// Runs the real wasm-bindgen with `args`, passing on its exit code.
fn bindgen(real: &Path, args: &[OsString]) -> Result<ExitCode, String> {
    let status = Command::new(real)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", real.display()))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}

/// The wasm-bindgen this program stands in for: `$ATLAS_WASM_BINDGEN`, or the next
/// `wasm-bindgen` on PATH that is not this program.
fn real_wasm_bindgen() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("ATLAS_WASM_BINDGEN") {
        return Ok(PathBuf::from(path));
    }
    let me = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| format!("cannot locate myself: {e}"))?;
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("wasm-bindgen"))
        .find(|candidate| {
            candidate.is_file() && candidate.canonicalize().ok().as_ref() != Some(&me)
        })
        .ok_or_else(|| {
            "no wasm-bindgen on PATH besides this one (install wasm-bindgen-cli)".to_owned()
        })
}

/// The manifest the post-build hook reads: the loader's name, every chunk, and the
/// files each split point (page) needs, its own last.
fn manifest(link_name: &str, files: &[String], pages: &[(&String, Vec<String>)]) -> String {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pages = pages
        .iter()
        .map(|(page, files)| format!("    \"{page}\": [{}]", list(files)))
        .collect::<Vec<_>>()
        .join(",\n");
    format!(
        "{{\n  \"loader\": \"{}\",\n  \"main_module\": \"{MAIN_MODULE}\",\n  \"files\": [{}],\n  \"pages\": {{\n{pages}\n  }}\n}}\n",
        link_name.trim_start_matches("./"),
        list(files)
    )
}

/// `args` with `replacement` for the input wasm.
fn with_input(args: &[OsString], input: &Path, replacement: &Path) -> Vec<OsString> {
    args.iter()
        .map(|a| {
            if Path::new(a) == input {
                replacement.as_os_str().to_owned()
            } else {
                a.clone()
            }
        })
        .collect()
}

/// The module without the linker's `linking` and `reloc.*` custom sections, or `None`
/// when it has none (or is not a module this can read: wasm-bindgen will say why).
fn without_link_sections(wasm: &[u8]) -> Option<Vec<u8>> {
    fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut out = wasm.get(..8)?.to_vec();
    let mut at = 8;
    let mut dropped = false;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        let body = wasm.get(at..at.checked_add(size)?)?;
        at += size;
        if id == 0 {
            let mut name_at = 0;
            let len = leb(body, &mut name_at)?;
            let name = body.get(name_at..name_at.checked_add(len)?)?;
            if name == b"linking" || name.starts_with(b"reloc.") {
                dropped = true;
                continue;
            }
        }
        out.extend_from_slice(&wasm[start..at]);
    }
    dropped.then_some(out)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// FNV-1a, 64 bits: a file-name hash, not a security measure.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
