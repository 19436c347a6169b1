//! Query-string reading and writing, tolerant of anything a user can paste.

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte.
/// Malformed escapes are kept literally and invalid UTF-8 is replaced, so decoding
/// never fails: bad input is reported by whoever interprets the value.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi * 16 + lo);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Encodes a value for a query string: unreserved characters stay, the rest is `%XX`.
pub fn percent_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query-string value a page could not use, quoted for a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredValue {
    pub key: String,
    pub value: String,
}

/// The key-value pairs of a query string, in order, with or without its leading `?`.
/// Empty segments (`a=1&&b=2`) are skipped; a key without `=` has an empty value.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| match segment.split_once('=') {
            Some((key, value)) => (percent_decode(key), percent_decode(value)),
            None => (percent_decode(segment), String::new()),
        })
        .collect()
}

/// The first value of `key`, if present.
pub fn get_param(search: &str, key: &str) -> Option<String> {
    parse_query(search)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The query string with `key` set to `value` (replacing every earlier occurrence and
/// keeping the other pairs in order), with a leading `?`.
pub fn set_param(search: &str, key: &str, value: &str) -> String {
    let mut pairs: Vec<(String, String)> = parse_query(search)
        .into_iter()
        .filter(|(k, _)| k != key)
        .collect();
    pairs.push((key.to_owned(), value.to_owned()));
    format_query(&pairs)
}

/// The query string with `key` set to `value`, or without `key` when `value` is `None`
/// or empty, so a view at its defaults leaves no trace in the address.
pub fn with_param(search: &str, key: &str, value: Option<&str>) -> String {
    match value.filter(|v| !v.is_empty()) {
        Some(value) => set_param(search, key, value),
        None => {
            let pairs: Vec<(String, String)> = parse_query(search)
                .into_iter()
                .filter(|(k, _)| k != key)
                .collect();
            format_query(&pairs)
        }
    }
}

/// A fragment as an address ends with it: `#x` from `x` or `#x`, nothing from `` or `#`.
pub fn fragment(hash: &str) -> String {
    match hash.trim_start_matches('#') {
        "" => String::new(),
        rest => format!("#{rest}"),
    }
}

/// Pairs back to a query string with a leading `?`, or `""` when there are none.
pub fn format_query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    format!("?{}", body.join("&"))
}

/// The keys of `search` that are not in `known`, each once, in order of appearance.
pub fn unknown_keys(search: &str, known: &[&str]) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for (key, _) in parse_query(search) {
        if !known.contains(&key.as_str()) && !unknown.contains(&key) {
            unknown.push(key);
        }
    }
    unknown
}

/// A short, display-ready list of user-supplied names: at most `max` of them, each
/// abbreviated, then how many more there were (`a, b, c (+2)`).
pub fn summarize(names: &[String], max: usize) -> String {
    let shown: Vec<String> = names.iter().take(max).map(|n| abbreviate(n, 24)).collect();
    let mut out = shown.join(", ");
    if names.len() > max {
        out.push_str(&format!(" (+{})", names.len() - max));
    }
    out
}

/// Shortens a user-supplied value for display in a notice, on a character boundary.
pub fn abbreviate(value: &str, max_chars: usize) -> String {
    if value.chars().count() <= max_chars {
        value.to_owned()
    } else {
        let kept: String = value.chars().take(max_chars).collect();
        format!("{kept}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_param_sets_or_removes_a_key_and_keeps_the_rest() {
        assert_eq!(with_param("?lang=en&a=1", "a", Some("2")), "?lang=en&a=2");
        assert_eq!(with_param("?lang=en&a=1", "a", None), "?lang=en");
        assert_eq!(with_param("?a=1&a=3", "a", Some("")), "");
        assert_eq!(with_param("", "lang", Some("zh")), "?lang=zh");
    }

    #[test]
    fn decodes_plus_and_escapes() {
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn parses_pairs_in_order() {
        let pairs = parse_query("?lang=zh&&flag&x=1=2");
        assert_eq!(
            pairs,
            vec![
                ("lang".into(), "zh".into()),
                ("flag".into(), String::new()),
                ("x".into(), "1=2".into()),
            ]
        );
        assert!(parse_query("").is_empty());
        assert!(parse_query("?").is_empty());
    }

    #[test]
    fn set_param_replaces_and_round_trips() {
        assert_eq!(
            set_param("?a=1&lang=zh&b=2", "lang", "en"),
            "?a=1&b=2&lang=en"
        );
        assert_eq!(set_param("", "lang", "zh"), "?lang=zh");
        let odd = "a b&c=d/中";
        let search = set_param("", "q", odd);
        assert_eq!(get_param(&search, "q").as_deref(), Some(odd));
    }

    #[test]
    fn finds_unknown_keys_once() {
        let search = "?lang=zh&utm_source=x&lang=en&%3Cb%3E=1&utm_source=y";
        assert_eq!(unknown_keys(search, &["lang"]), vec!["utm_source", "<b>"]);
        assert!(unknown_keys("?lang=zh", &["lang"]).is_empty());
        assert!(unknown_keys("", &[]).is_empty());
    }

    #[test]
    fn summarizes_long_lists() {
        let names: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        assert_eq!(summarize(&names, 2), "a, b (+2)");
        assert_eq!(summarize(&names[..1], 2), "a");
        assert_eq!(
            summarize(&["x".repeat(30)], 1),
            format!("{}…", "x".repeat(24))
        );
    }

    #[test]
    fn abbreviates_on_char_boundaries() {
        assert_eq!(abbreviate("short", 10), "short");
        assert_eq!(abbreviate("中文中文中文", 3), "中文中…");
    }
}
