//! What a visitor types for a run: the arguments as one line, split as a POSIX shell
//! splits words (quotes, backslash escapes; no variables, globs or redirections), and
//! the environment as `NAME=value` lines.

use std::fmt;

/// Why a line of arguments or an environment could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// A quote opened at this character (0-based) is never closed.
    OpenQuote { quote: char, at: usize },
    /// The line ends in a backslash that escapes nothing.
    TrailingBackslash,
    /// Line `line` (1-based) of the environment has no `=`, or nothing before it.
    NotAVariable { line: usize },
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::OpenQuote { quote, at } => {
                write!(f, "the {quote} at character {} is never closed", at + 1)
            }
            LineError::TrailingBackslash => f.write_str("a backslash at the end escapes nothing"),
            LineError::NotAVariable { line } => write!(f, "line {line} is not NAME=value"),
        }
    }
}

/// The words of `line`: split on unquoted white space; `'…'` keeps everything as it
/// is; `"…"` keeps everything but `\"`, `\\`, `` \` `` and `\$`, whose backslash goes;
/// outside quotes a backslash keeps the next character as it is. `''` is an empty word.
pub fn split_words(line: &str) -> Result<Vec<String>, LineError> {
    let mut words = Vec::new();
    let mut word = String::new();
    // A word has started, even if it is still empty (`''`).
    let mut started = false;
    let mut chars = line.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            '\\' => match chars.next() {
                Some((_, next)) => {
                    word.push(next);
                    started = true;
                }
                None => return Err(LineError::TrailingBackslash),
            },
            '\'' => {
                started = true;
                loop {
                    match chars.next() {
                        Some((_, '\'')) => break,
                        Some((_, inner)) => word.push(inner),
                        None => return Err(LineError::OpenQuote { quote: '\'', at }),
                    }
                }
            }
            '"' => {
                started = true;
                loop {
                    match chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.peek() {
                            Some((_, next @ ('"' | '\\' | '`' | '$'))) => {
                                word.push(*next);
                                chars.next();
                            }
                            Some(_) => word.push('\\'),
                            None => return Err(LineError::OpenQuote { quote: '"', at }),
                        },
                        Some((_, inner)) => word.push(inner),
                        None => return Err(LineError::OpenQuote { quote: '"', at }),
                    }
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    Ok(words)
}

/// One word as a shell would read it back: quoted only where it needs to be.
pub fn quote_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// The environment: one `NAME=value` a line (the value may hold `=` and spaces, kept as
/// typed); blank lines and lines starting with `#` are skipped; a later name wins.
pub fn parse_env(text: &str) -> Result<Vec<(String, String)>, LineError> {
    let mut vars: Vec<(String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            return Err(LineError::NotAVariable { line: i + 1 });
        };
        let name = name.trim_end();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(LineError::NotAVariable { line: i + 1 });
        }
        vars.retain(|(n, _)| n != name);
        vars.push((name.to_owned(), value.to_owned()));
    }
    Ok(vars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        split_words(line).unwrap()
    }

    #[test]
    fn words_split_as_a_shell_splits_them() {
        assert_eq!(words("  a  b\tc "), ["a", "b", "c"]);
        assert_eq!(words("'two words' \"and more\""), ["two words", "and more"]);
        assert_eq!(words("a'b c'd"), ["ab cd"]);
        assert_eq!(words("'' \"\" x"), ["", "", "x"]);
        assert_eq!(words(r"a\ b \'c"), ["a b", "'c"]);
        assert_eq!(words(r#""say \"hi\" \n""#), [r#"say "hi" \n"#]);
        assert_eq!(words(r"'\n stays'"), [r"\n stays"]);
        assert_eq!(words("你好 世界"), ["你好", "世界"]);
        assert!(words("").is_empty());
        assert!(words("   ").is_empty());
    }

    #[test]
    fn unclosed_quotes_and_a_lone_backslash_are_named() {
        assert_eq!(
            split_words("ok 'open"),
            Err(LineError::OpenQuote { quote: '\'', at: 3 })
        );
        assert_eq!(
            split_words("\"x\\"),
            Err(LineError::OpenQuote { quote: '"', at: 0 })
        );
        assert_eq!(split_words("x \\"), Err(LineError::TrailingBackslash));
    }

    #[test]
    fn quoting_a_word_reads_back_as_the_same_word() {
        for word in [
            "plain",
            "",
            "two words",
            "it's",
            "a\"b",
            "$HOME",
            "a\\b",
            "新",
        ] {
            assert_eq!(words(&quote_word(word)), [word], "{word:?}");
        }
        assert_eq!(quote_word("--out=a.txt"), "--out=a.txt");
    }

    #[test]
    fn the_environment_is_name_equals_value_lines() {
        let vars = parse_env("A=1\n\n# a comment\nB = x=y z\nA=2\nEMPTY=").unwrap();
        assert_eq!(
            vars,
            [
                ("B".to_owned(), " x=y z".to_owned()),
                ("A".to_owned(), "2".to_owned()),
                ("EMPTY".to_owned(), String::new()),
            ]
        );
        assert_eq!(
            parse_env("A=1\nnothing"),
            Err(LineError::NotAVariable { line: 2 })
        );
        assert_eq!(parse_env("=x"), Err(LineError::NotAVariable { line: 1 }));
        assert_eq!(parse_env("A B=x"), Err(LineError::NotAVariable { line: 1 }));
    }
}
