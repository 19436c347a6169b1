//! The playground's state that outlives the page: the editor's text kept in
//! localStorage (`atlas.playground`, JSON with a version, so a damaged or foreign entry
//! is recognized and set aside), and a small input shared as a link, encoded in the
//! URL fragment (which browsers never send to a server).

use serde::{Deserialize, Serialize};

/// The localStorage key of the editor's text.
pub const STORE_KEY: &str = "atlas.playground";
const VERSION: u32 = 1;
/// The longest text kept: an editor's worth, not a file's.
pub const MAX_STORED_CHARS: usize = 200_000;
/// The largest input a link carries (text or binary bytes, before encoding): links
/// much longer than this are cut by some mail and chat tools.
pub const MAX_SHARED_BYTES: usize = 6_000;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<T> {
    v: u32,
    text: T,
}

/// The editor's text as stored.
pub fn to_store(text: &str) -> String {
    serde_json::to_string(&Stored { v: VERSION, text }).unwrap_or_default()
}

/// The stored text; `None` when the entry is not ours (another version, damaged,
/// oversized), so the page can say so and start from an example.
pub fn from_store(stored: &str) -> Option<String> {
    let Stored { v, text } = serde_json::from_str::<Stored<String>>(stored).ok()?;
    (v == VERSION && text.chars().count() <= MAX_STORED_CHARS).then_some(text)
}

/// What a shared link holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// WebAssembly text, for the editor.
    Text(String),
    /// A binary, opened as a file.
    Binary(Vec<u8>),
}

/// What a WASI program is run with, as the reader typed it: a link carries it beside
/// the program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunInputs {
    pub args: String,
    pub env: String,
    pub stdin: String,
}

impl RunInputs {
    fn parts(&self) -> [(&'static str, &str); 3] {
        [
            ("args", &self.args),
            ("env", &self.env),
            ("stdin", &self.stdin),
        ]
    }
}

/// The URL fragment (without `#`) that carries `shared`, or `None` when it is too
/// large for a link.
pub fn to_fragment(shared: &Shared) -> Option<String> {
    to_link(shared, &RunInputs::default(), None)
}

/// The longest file name a link carries, in characters.
const MAX_NAME_CHARS: usize = 120;

/// The URL fragment that carries `shared`, what it is run with (the parts that are
/// not empty) and, for a binary, the name of its file; `None` when the input, or the
/// run's inputs together, are too large.
pub fn to_link(shared: &Shared, run: &RunInputs, name: Option<&str>) -> Option<String> {
    let (kind, bytes) = match shared {
        Shared::Text(text) => ("wat", text.as_bytes()),
        Shared::Binary(bytes) => ("wasm", bytes.as_slice()),
    };
    let run_size: usize = run.parts().iter().map(|(_, v)| v.len()).sum();
    if bytes.len() > MAX_SHARED_BYTES || run_size > MAX_SHARED_BYTES {
        return None;
    }
    let mut out = format!("{kind}={}", base64url(bytes));
    for (key, value) in run.parts() {
        if !value.is_empty() {
            out.push_str(&format!("&{key}={}", base64url(value.as_bytes())));
        }
    }
    if let Some(name) = name.and_then(file_name) {
        out.push_str(&format!("&name={}", base64url(name.as_bytes())));
    }
    Some(out)
}

/// The file name a link written by [`to_link`] gives its binary, when it gives one
/// that can name a file here.
pub fn link_name(fragment: &str) -> Option<String> {
    let fragment = fragment.trim_start_matches('#');
    let data = fragment
        .split('&')
        .skip(1)
        .find_map(|pair| pair.strip_prefix("name="))?;
    let bytes = unbase64url(data).filter(|b| b.len() <= MAX_NAME_CHARS * 4)?;
    file_name(&String::from_utf8(bytes).ok()?)
}

/// `name` as a file's name: its last path part, without control characters, at
/// most [`MAX_NAME_CHARS`]; `None` when nothing is left.
fn file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let clean = clean.trim();
    (!clean.is_empty() && clean != "." && clean != "..").then(|| clean.to_owned())
}

/// What a fragment written by [`to_link`] says to run its program with; empty parts
/// where it says nothing.
pub fn run_inputs(fragment: &str) -> Result<RunInputs, FragmentError> {
    let fragment = fragment.trim_start_matches('#');
    let mut run = RunInputs::default();
    for pair in fragment.split('&').skip(1) {
        let (key, data) = pair.split_once('=').ok_or(FragmentError::Damaged)?;
        let text = unbase64url(data)
            .filter(|b| b.len() <= MAX_SHARED_BYTES)
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or(FragmentError::Damaged)?;
        match key {
            "args" => run.args = text,
            "env" => run.env = text,
            "stdin" => run.stdin = text,
            // A later version's part: this one runs without it.
            _ => {}
        }
    }
    Ok(run)
}

/// Why a fragment could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FragmentError {
    /// Not a playground fragment at all (`#main`, empty): nothing to say.
    NotOurs,
    /// A playground fragment that does not decode: the link was cut or edited.
    Damaged,
}

/// Reads a fragment written by [`to_fragment`] (with or without its `#`).
pub fn from_fragment(fragment: &str) -> Result<Shared, FragmentError> {
    let fragment = fragment.trim_start_matches('#');
    let first = fragment.split('&').next().unwrap_or_default();
    let (kind, data) = first.split_once('=').ok_or(FragmentError::NotOurs)?;
    let decode = || unbase64url(data).filter(|b| b.len() <= MAX_SHARED_BYTES);
    match kind {
        "wat" => decode()
            .and_then(|b| String::from_utf8(b).ok())
            .map(Shared::Text)
            .ok_or(FragmentError::Damaged),
        "wasm" => decode().map(Shared::Binary).ok_or(FragmentError::Damaged),
        _ => Err(FragmentError::NotOurs),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The text of a file that holds WebAssembly text rather than a binary, for the
/// editor: UTF-8 that is named `.wat` or `.wast`, or whose first word (after blanks and
/// `;;` or `(; ;)` comments) opens a `(module` or a `(component`. `None` for a binary
/// (it starts with the magic number) and for anything else, which the inspector then
/// reads as bytes.
pub fn wat_text(name: &str, bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\0asm") {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = name.to_ascii_lowercase();
    let named = lower.ends_with(".wat") || lower.ends_with(".wast");
    (named || opens_a_module(text)).then(|| text.to_owned())
}

/// Whether `text`, past blanks and comments, starts with `(module` or `(component`.
fn opens_a_module(mut text: &str) -> bool {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix(";;") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = text.strip_prefix("(;") {
            // Block comments nest in WebAssembly text.
            let mut depth = 1;
            let mut chars = rest.char_indices().peekable();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match (c, chars.peek().map(|(_, n)| *n)) {
                    ('(', Some(';')) => {
                        depth += 1;
                        chars.next();
                    }
                    (';', Some(')')) => {
                        depth -= 1;
                        chars.next();
                        if depth == 0 {
                            end = Some(i + 2);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(end) = end else { return false };
            text = &rest[end..];
        } else {
            let Some(rest) = text.strip_prefix('(') else {
                return false;
            };
            let word = rest.trim_start();
            return ["module", "component"].iter().any(|w| {
                word.strip_prefix(w).is_some_and(|after| {
                    after.is_empty()
                        || after.starts_with([' ', '\t', '\n', '\r', ')', '$', '(', ';'])
                })
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_shared_binary_keeps_its_file_name() {
        let bytes = Shared::Binary(b"\0asm\x01\0\0\0".to_vec());
        let link = to_link(&bytes, &RunInputs::default(), Some("gcd.wasm")).unwrap();
        assert_eq!(link_name(&link).as_deref(), Some("gcd.wasm"));
        assert_eq!(from_fragment(&link), Ok(bytes.clone()));
        assert_eq!(run_inputs(&link), Ok(RunInputs::default()));
        // A path, control characters, and a name that is no name.
        let link = to_link(&bytes, &RunInputs::default(), Some("../x/\u{7}a b.wasm")).unwrap();
        assert_eq!(link_name(&link).as_deref(), Some("a b.wasm"));
        let link = to_link(&bytes, &RunInputs::default(), Some("..")).unwrap();
        assert_eq!(link_name(&link), None);
        assert_eq!(link_name("wasm=AGFzbQEAAAA&name=%%%"), None);
        assert_eq!(link_name("wasm=AGFzbQEAAAA"), None);
        let long = "x".repeat(500);
        let link = to_link(&bytes, &RunInputs::default(), Some(&long)).unwrap();
        assert_eq!(
            link_name(&link).map(|n| n.chars().count()),
            Some(MAX_NAME_CHARS)
        );
    }

    #[test]
    fn text_files_go_to_the_editor_and_binaries_do_not() {
        let module = "(module (func (export \"f\")))";
        assert_eq!(
            wat_text("f.wat", module.as_bytes()).as_deref(),
            Some(module)
        );
        // Found by what it starts with, whatever its name, past comments.
        let commented = ";; a line\n(; a (; nested ;) block ;)\n  (component)";
        assert!(wat_text("upload.bin", commented.as_bytes()).is_some());
        assert!(wat_text("x.txt", "\u{feff}(module $m)".as_bytes()).is_some());
        // Named .wat, it is text even when it is not yet a module: the editor says why.
        assert!(wat_text("draft.WAT", b"(func)").is_some());
        // Not text of a module, not named so, a binary, or not UTF-8: bytes.
        assert_eq!(wat_text("notes.txt", b"hello, not wasm"), None);
        assert_eq!(wat_text("x.txt", b"(modules)"), None);
        assert_eq!(wat_text("x.txt", b"(; never closed"), None);
        assert_eq!(wat_text("x.wat", b"\0asm\x01\0\0\0"), None);
        assert_eq!(wat_text("x.wat", &[0xff, 0xfe, b'(']), None);
    }

    use super::*;

    #[test]
    fn base64url_matches_the_rfc_examples() {
        // RFC 4648 §10, without padding.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(plain.as_bytes()), encoded);
            assert_eq!(unbase64url(encoded).unwrap(), plain.as_bytes());
        }
        // The URL-safe alphabet: no '+', '/' or '='.
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(unbase64url("Zm9v!"), None);
        assert_eq!(unbase64url("Z"), None);
    }

    #[test]
    fn a_link_round_trips_text_and_binaries_and_refuses_what_is_too_large() {
        let text = Shared::Text("(module (func (export \"f\") (result i32) i32.const 7))".into());
        let fragment = to_fragment(&text).unwrap();
        assert!(fragment.starts_with("wat="));
        assert_eq!(from_fragment(&format!("#{fragment}")), Ok(text));
        let binary = Shared::Binary(b"\0asm\x01\0\0\0".to_vec());
        let fragment = to_fragment(&binary).unwrap();
        assert_eq!(fragment, "wasm=AGFzbQEAAAA");
        assert_eq!(from_fragment(&fragment), Ok(binary));
        assert_eq!(
            to_fragment(&Shared::Binary(vec![0; MAX_SHARED_BYTES + 1])),
            None
        );
        assert_eq!(from_fragment("main"), Err(FragmentError::NotOurs));
        assert_eq!(from_fragment(""), Err(FragmentError::NotOurs));
        assert_eq!(from_fragment("other=abc"), Err(FragmentError::NotOurs));
        assert_eq!(from_fragment("wat=%%%"), Err(FragmentError::Damaged));
        // Not UTF-8.
        assert_eq!(from_fragment("wat=_w"), Err(FragmentError::Damaged));
    }

    #[test]
    fn a_link_carries_what_a_program_runs_with() {
        let run = RunInputs {
            args: "Ada 'Grace Hopper'".into(),
            env: String::new(),
            stdin: "第一行\nline 2\n".into(),
        };
        let link = to_link(&Shared::Text("(module)".into()), &run, None).unwrap();
        assert!(!link.contains("env="), "{link}");
        assert_eq!(from_fragment(&link), Ok(Shared::Text("(module)".into())));
        assert_eq!(run_inputs(&format!("#{link}")), Ok(run.clone()));
        // An older link, and one from a later version with a part this one lacks.
        assert_eq!(run_inputs("wat=KG1vZHVsZSk"), Ok(RunInputs::default()));
        assert_eq!(
            run_inputs(&format!("{link}&future=AA")).map(|r| r.args),
            Ok(run.args.clone())
        );
        assert_eq!(
            run_inputs(&format!("{link}&args=!!")),
            Err(FragmentError::Damaged)
        );
        assert_eq!(
            run_inputs(&format!("{link}&args")),
            Err(FragmentError::Damaged)
        );
        let huge = RunInputs {
            stdin: "x".repeat(MAX_SHARED_BYTES + 1),
            ..RunInputs::default()
        };
        assert_eq!(to_link(&Shared::Text("(module)".into()), &huge, None), None);
    }

    #[test]
    fn stored_text_round_trips_and_damage_is_recognized() {
        let text = ";; mine\n(module)";
        assert_eq!(from_store(&to_store(text)).as_deref(), Some(text));
        assert_eq!(from_store("(module)"), None, "plain text is not ours");
        assert_eq!(from_store(r#"{"v":2,"text":"x"}"#), None, "another version");
        assert_eq!(from_store(r#"{"v":1,"text":"x","extra":1}"#), None);
        let huge = to_store(&"x".repeat(MAX_STORED_CHARS + 1));
        assert_eq!(from_store(&huge), None);
    }
}
