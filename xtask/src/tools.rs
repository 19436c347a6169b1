//! The two steps that stay outside Rust, run as programs and cached by what they are
//! given: `wasm-opt` (binaryen 132, from npm) and `terser` (from npm). Both are found
//! in the project's `.tools/` (where `scripts/atlas.sh setup` installs them) before
//! PATH, so a plain `trunk build --release` needs neither on PATH.
//!
//! Cached: the output of each call is kept under `target/atlas-build/cache/`, keyed by
//! a hash of the input, the arguments and the tool's version. A second release build
//! of the same code (the sub-path build the tests make) takes seconds, not minutes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

/// The one naming hash of the build: the first 16 hex digits of a SHA-256.
pub fn hash16(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize()[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One external tool: where it is, and its version line (part of every cache key).
pub struct Tool {
    path: PathBuf,
    pub version: String,
    cache: PathBuf,
}

impl Tool {
    /// `name`, from `.tools/<package>/node_modules/.bin` under `source`, else from PATH.
    pub fn find(name: &str, package: &str, source: &Path, cache: &Path) -> Result<Tool, String> {
        let local = source
            .join(".tools")
            .join(package)
            .join("node_modules/.bin")
            .join(name);
        let path = if local.is_file() {
            local
        } else {
            PathBuf::from(name)
        };
        let out = Command::new(&path).arg("--version").output().map_err(|e| {
            format!("cannot run {name} ({e}): `scripts/atlas.sh setup` installs it into .tools/")
        })?;
        let version = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        Ok(Tool {
            path,
            version,
            cache: cache.to_owned(),
        })
    }

    /// Runs the tool on `input` with `args` (`{in}` and `{out}` stand for the files),
    /// or takes the result of an identical earlier call from the cache.
    pub fn run(&self, input: &[u8], args: &[&str], ext: &str) -> Result<Vec<u8>, String> {
        let joined = args.join("\u{0}");
        let key = hash16(&[self.version.as_bytes(), joined.as_bytes(), input]);
        let cached = self.cache.join(format!("{key}.{ext}"));
        if let Ok(bytes) = std::fs::read(&cached) {
            return Ok(bytes);
        }
        std::fs::create_dir_all(&self.cache)
            .map_err(|e| format!("{}: {e}", self.cache.display()))?;
        let tmp_in = self.cache.join(format!("{key}.in.{ext}"));
        let tmp_out = self.cache.join(format!("{key}.tmp.{ext}"));
        std::fs::write(&tmp_in, input).map_err(|e| format!("{}: {e}", tmp_in.display()))?;
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                a.replace("{in}", &tmp_in.to_string_lossy())
                    .replace("{out}", &tmp_out.to_string_lossy())
            })
            .collect();
        let out = Command::new(&self.path)
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.path.display()))?;
        let _ = std::fs::remove_file(&tmp_in);
        // binaryen says "unknown name subsection" for every chunk the splitter wrote
        // (a subsection it does not know); anything else it says is passed on.
        let said: Vec<_> = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.contains("unknown name subsection"))
            .map(str::to_owned)
            .collect();
        if !said.is_empty() {
            eprintln!("{}", said.join("\n"));
        }
        if !out.status.success() {
            return Err(format!(
                "{} {} failed ({})",
                self.path.display(),
                args.join(" "),
                out.status
            ));
        }
        std::fs::rename(&tmp_out, &cached).map_err(|e| format!("{}: {e}", cached.display()))?;
        std::fs::read(&cached).map_err(|e| format!("{}: {e}", cached.display()))
    }
}

/// The WebAssembly features rustc's wasm32 target enables: a chunk has no
/// `target_features` section to tell binaryen.
const CHUNK_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// The release build's optimizers; `None` in a debug build, which skips both.
pub struct Optimizers {
    pub wasm_opt: Tool,
    pub terser: Tool,
}

impl Optimizers {
    pub fn find(source: &Path, cache: &Path) -> Result<Optimizers, String> {
        Ok(Optimizers {
            wasm_opt: Tool::find("wasm-opt", "binaryen", source, &cache.join("wasm-opt"))?,
            terser: Tool::find("terser", "terser", source, &cache.join("terser"))?,
        })
    }

    /// A module with its own `target_features` section (the main module, the worker):
    /// `-Oz`, as Trunk would run it.
    pub fn module(&self, wasm: &[u8]) -> Result<Vec<u8>, String> {
        self.wasm_opt
            .run(wasm, &["-Oz", "{in}", "-o", "{out}"], "wasm")
    }

    /// A chunk: `-Oz` with the target's features, and without the sections only tools
    /// read (which compilers, which features): about 150 bytes each in every chunk,
    /// 1 KB gzip off a page's pack.
    pub fn chunk(&self, wasm: &[u8]) -> Result<Vec<u8>, String> {
        let mut args = vec!["-Oz", "{in}", "-o", "{out}"];
        args.extend(CHUNK_FEATURES);
        args.extend(["--strip-producers", "--strip-target-features"]);
        self.wasm_opt.run(wasm, &args, "wasm")
    }

    /// wasm-bindgen's JavaScript and the split loader (ES modules), which Trunk's
    /// minifier cannot parse: about 3.4 KB gzip off every page.
    pub fn script(&self, js: &[u8]) -> Result<Vec<u8>, String> {
        self.terser.run(
            js,
            &["{in}", "--module", "--compress", "--mangle", "-o", "{out}"],
            "js",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sixteen_hex_digits_and_sees_where_parts_end() {
        let h = hash16(&[b"ab", b"c"]);
        assert_eq!(h.len(), 16);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(h, hash16(&[b"a", b"bc"]));
        assert_eq!(h, hash16(&[b"ab", b"c"]));
    }
}
