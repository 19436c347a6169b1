//! What a program writes to standard output and standard error: kept up to a cap,
//! handed out in batches as text while the program runs, with a character that
//! straddles two writes kept whole.

use serde::{Deserialize, Serialize};

/// Output kept per run: past it, bytes are counted, not kept.
pub const OUTPUT_CAP: u64 = 8 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    fn index(self) -> usize {
        match self {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Console {
    cap: u64,
    kept: u64,
    /// Bytes written past the cap.
    pub dropped: u64,
    pending: Vec<(Stream, Vec<u8>)>,
    /// The start of a character whose end has not been written yet, per stream.
    tails: [Vec<u8>; 2],
}

impl Default for Console {
    fn default() -> Self {
        Console::new(OUTPUT_CAP)
    }
}

impl Console {
    pub fn new(cap: u64) -> Console {
        Console {
            cap,
            kept: 0,
            dropped: 0,
            pending: Vec::new(),
            tails: [Vec::new(), Vec::new()],
        }
    }

    /// Takes a write of `data` to `stream`.
    pub fn push(&mut self, stream: Stream, data: &[u8]) {
        let room = self.cap.saturating_sub(self.kept);
        let take = room.min(data.len() as u64) as usize;
        self.kept += take as u64;
        self.dropped += (data.len() - take) as u64;
        if take == 0 {
            return;
        }
        match self.pending.last_mut() {
            Some((last, bytes)) if *last == stream => bytes.extend_from_slice(&data[..take]),
            _ => self.pending.push((stream, data[..take].to_vec())),
        }
    }

    /// Bytes taken and not yet handed out.
    pub fn pending_bytes(&self) -> usize {
        self.pending.iter().map(|(_, b)| b.len()).sum()
    }

    /// What was written since the last call, as text (bytes that are not UTF-8 become
    /// U+FFFD), in the order written; a character cut at the end waits for its rest.
    pub fn drain(&mut self) -> Vec<(Stream, String)> {
        let mut out = Vec::new();
        for (stream, bytes) in std::mem::take(&mut self.pending) {
            let tail = &mut self.tails[stream.index()];
            let mut all = std::mem::take(tail);
            all.extend_from_slice(&bytes);
            let text = decode(&all, tail);
            if !text.is_empty() {
                out.push((stream, text));
            }
        }
        out
    }

    /// Everything left, the cut characters too.
    pub fn finish(&mut self) -> Vec<(Stream, String)> {
        let mut out = self.drain();
        for stream in [Stream::Stdout, Stream::Stderr] {
            let tail = std::mem::take(&mut self.tails[stream.index()]);
            if !tail.is_empty() {
                out.push((stream, String::from_utf8_lossy(&tail).into_owned()));
            }
        }
        out
    }
}

/// `bytes` as text; an incomplete character at the end goes to `tail`.
fn decode(bytes: &[u8], tail: &mut Vec<u8>) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // Checked by from_utf8 just now.
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                match e.error_len() {
                    Some(n) => {
                        out.push('\u{FFFD}');
                        rest = &after[n..];
                    }
                    None => {
                        tail.extend_from_slice(after);
                        return out;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_come_out_in_order_and_merged_by_stream() {
        let mut console = Console::default();
        console.push(Stream::Stdout, b"a");
        console.push(Stream::Stdout, b"b");
        console.push(Stream::Stderr, b"!");
        console.push(Stream::Stdout, b"c");
        assert_eq!(console.pending_bytes(), 4);
        assert_eq!(
            console.drain(),
            [
                (Stream::Stdout, "ab".to_owned()),
                (Stream::Stderr, "!".to_owned()),
                (Stream::Stdout, "c".to_owned()),
            ]
        );
        assert!(console.drain().is_empty());
    }

    #[test]
    fn a_character_cut_between_writes_is_kept_whole() {
        let mut console = Console::default();
        let word = "汉字".as_bytes();
        console.push(Stream::Stdout, &word[..4]);
        assert_eq!(console.drain(), [(Stream::Stdout, "汉".to_owned())]);
        console.push(Stream::Stdout, &word[4..]);
        assert_eq!(console.drain(), [(Stream::Stdout, "字".to_owned())]);
        console.push(Stream::Stdout, b"\xff ok \xe6");
        assert_eq!(
            console.finish(),
            [
                (Stream::Stdout, "\u{FFFD} ok ".to_owned()),
                (Stream::Stdout, "\u{FFFD}".to_owned()),
            ]
        );
    }

    #[test]
    fn past_the_cap_bytes_are_counted_not_kept() {
        let mut console = Console::new(5);
        console.push(Stream::Stdout, b"abc");
        console.push(Stream::Stderr, b"defg");
        console.push(Stream::Stdout, b"h");
        assert_eq!(console.dropped, 3);
        assert_eq!(
            console.finish(),
            [
                (Stream::Stdout, "abc".to_owned()),
                (Stream::Stderr, "de".to_owned()),
            ]
        );
    }
}
