//! A page's chunks in one file, for a deep link to it: a WebAssembly module of custom
//! sections only, each named after the chunk it holds. One response instead of 20-40,
//! and one compression stream (12-15 KB less gzip on a deep link than the chunks one
//! by one); the browser reads the sections back (`WebAssembly.Module.customSections`,
//! in `pack_fetch.js`), so the page needs no parser of ours.

use std::borrow::Cow;
use std::io::Write as _;

use wasm_encoder::{CustomSection, Module};

/// The pack of `parts` (each a chunk's name without `./` and its bytes). The order of
/// the chunks changes what gzip finds to reuse within its 32 KB window: largest first
/// is 1-1.7 KB smaller for the chart pages, 0.7 KB larger for /data. Both are tried;
/// the smaller is kept.
pub fn pack(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut largest_first = parts.to_vec();
    largest_first.sort_by_key(|(_, bytes)| std::cmp::Reverse(bytes.len()));
    let given = encode(parts);
    let sorted = encode(&largest_first);
    if gzip_len(&sorted) < gzip_len(&given) {
        sorted
    } else {
        given
    }
}

fn encode(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut module = Module::new();
    for (name, bytes) in parts {
        module.section(&CustomSection {
            name: Cow::Borrowed(name),
            data: Cow::Borrowed(bytes),
        });
    }
    module.finish()
}

/// The size gzip -9 gives, as a static host would serve it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_holds_each_chunk_as_a_custom_section_of_its_name() {
        let big = vec![7u8; 300];
        let parts = [
            ("chunk_1-ab.wasm", &b"small"[..]),
            ("split_gpus-ab.wasm", &big[..]),
        ];
        let bytes = pack(&parts);
        let mut found = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
            if let wasmparser::Payload::CustomSection(section) = payload.unwrap() {
                found.push((section.name().to_owned(), section.data().to_vec()));
            }
        }
        found.sort();
        assert_eq!(
            found,
            vec![
                ("chunk_1-ab.wasm".to_owned(), b"small".to_vec()),
                ("split_gpus-ab.wasm".to_owned(), big),
            ]
        );
    }
}
