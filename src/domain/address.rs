//! An address inside the app (`/zh/gpus?gpu-fp16=log#gpu-fp16`): the router's state,
//! split the way the views read it.

use std::fmt;

/// A path, query and fragment, as the browser's `location` gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    /// The path, base path included: `/some/sub/path/zh/gpus`.
    pub path: String,
    /// The query string without its `?` (empty when there is none).
    pub search: String,
    /// The fragment with its `#` (empty when there is none).
    pub hash: String,
}

impl Address {
    /// Splits an address as a link writes it. A path that is missing (`?a=1`) is `/`.
    pub fn parse(address: &str) -> Address {
        let (rest, hash) = match address.find('#') {
            Some(at) => (&address[..at], &address[at..]),
            None => (address, ""),
        };
        let (path, search) = rest.split_once('?').unwrap_or((rest, ""));
        Address::new(path, search, hash)
    }

    /// An address from the browser's parts: `location.pathname`, `.search` (with or
    /// without its `?`) and `.hash` (with or without its `#`). An empty `?` or `#` is
    /// no query or fragment.
    pub fn new(path: &str, search: &str, hash: &str) -> Address {
        let hash = hash.trim_start_matches('#');
        Address {
            path: if path.is_empty() { "/" } else { path }.to_owned(),
            search: search.strip_prefix('?').unwrap_or(search).to_owned(),
            hash: if hash.is_empty() {
                String::new()
            } else {
                format!("#{hash}")
            },
        }
    }

    /// Whether `other` is this address but for its fragment: following a link to it
    /// is a jump within the page, which the browser does itself.
    pub fn same_but_fragment(&self, other: &Address) -> bool {
        self.path == other.path && self.search == other.search
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if !self.search.is_empty() {
            write!(f, "?{}", self.search)?;
        }
        f.write_str(&self.hash)
    }
}

/// Whether a path is the app's, under its base path (`""` at the root of a host): the
/// router follows links to these, and leaves any other to the browser.
pub fn under_base(path: &str, base: &str) -> bool {
    match path.strip_prefix(base) {
        Some(rest) => base.is_empty() || rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_splits_into_path_query_and_fragment_and_back() {
        let address = Address::parse("/zh/gpus?gpu-fp16=log&lang=zh#gpu-fp16");
        assert_eq!(address.path, "/zh/gpus");
        assert_eq!(address.search, "gpu-fp16=log&lang=zh");
        assert_eq!(address.hash, "#gpu-fp16");
        assert_eq!(
            address.to_string(),
            "/zh/gpus?gpu-fp16=log&lang=zh#gpu-fp16"
        );
        for plain in ["/", "/wizard?a=1", "/data#top", "/sub/path/zh/"] {
            assert_eq!(Address::parse(plain).to_string(), plain);
        }
    }

    #[test]
    fn a_question_mark_in_the_fragment_is_the_fragment_s() {
        let address = Address::parse("/playground#wat=(module)?x");
        assert_eq!(address.path, "/playground");
        assert_eq!(address.search, "");
        assert_eq!(address.hash, "#wat=(module)?x");
    }

    #[test]
    fn empty_marks_are_no_query_or_fragment() {
        assert_eq!(Address::parse("/gpus?#"), Address::parse("/gpus"));
        assert_eq!(Address::new("", "?", "#"), Address::parse("/"));
        assert_eq!(Address::parse("?a=1").to_string(), "/?a=1");
        assert_eq!(Address::new("/gpus", "a=1", "x").to_string(), "/gpus?a=1#x");
    }

    #[test]
    fn a_jump_within_the_page_is_the_same_address_but_for_its_fragment() {
        let here = Address::parse("/gpus?gpu-fp16=log");
        assert!(here.same_but_fragment(&Address::parse("/gpus?gpu-fp16=log#gpu-fp16")));
        assert!(!here.same_but_fragment(&Address::parse("/gpus#gpu-fp16")));
        assert!(!here.same_but_fragment(&Address::parse("/zh/gpus?gpu-fp16=log")));
    }

    #[test]
    fn only_paths_under_the_base_are_the_app_s() {
        assert!(under_base("/gpus", ""));
        assert!(under_base("/sub/path", "/sub/path"));
        assert!(under_base("/sub/path/zh/gpus", "/sub/path"));
        assert!(!under_base("/sub/pathology", "/sub/path"));
        assert!(!under_base("/gpus", "/sub/path"));
    }
}
