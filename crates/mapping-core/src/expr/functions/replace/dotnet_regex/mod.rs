//! .NET regular expressions on `regex-lite`: compiling a translated pattern within size limits,
//! and the .NET rules `regex-lite` does not follow by itself (group numbering, the enumeration
//! of matches). The translation itself lives in `translator` and its parts: `escapes`,
//! `classes` and `groups`.

mod classes;
mod escapes;
mod groups;
mod translator;

use regex_lite::{Captures, Regex, RegexBuilder};

use translator::Translator;

/// Approximate upper bound, in bytes, for a compiled pattern; larger patterns are rejected.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Deepest nesting of groups and repetitions a pattern may have.
const REGEX_NEST_LIMIT: u32 = 100;

/// Translates a .NET regular expression to `regex-lite` syntax and compiles it, with size and
/// nesting limits so an oversized pattern is an error rather than a slow preview.
///
/// Group names and order are preserved, so `regex-lite` capture index *i* is the *i*-th opening
/// parenthesis; note that .NET numbers named groups after all unnamed ones.
///
/// # Errors
///
/// Fails, naming the construct and its position, on .NET syntax `regex-lite` cannot run (see the
/// `replace` module documentation), on invalid patterns, and on patterns over the size or
/// nesting limit.
pub fn compile_dotnet_regex(pattern: &str) -> Result<Regex, String> {
    let translated = Translator::new(pattern).run()?;
    RegexBuilder::new(&translated)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(REGEX_NEST_LIMIT)
        .build()
        .map_err(|e| {
            format!(
                "The regular expression \"{pattern}\" cannot be used: {e}. Check it in a .NET \
                 regex tester, or simplify it if it is very large."
            )
        })
}

/// A compiled pattern together with .NET's group numbering.
pub(super) struct DotNetRegex {
    regex: Regex,
    /// `by_number[n]` is the `regex-lite` capture index of .NET group number `n`.
    by_number: Vec<usize>,
}

impl DotNetRegex {
    /// Compiles a .NET pattern and works out its .NET group numbers.
    pub(super) fn compile(pattern: &str) -> Result<Self, String> {
        let regex = compile_dotnet_regex(pattern)?;
        let names: Vec<Option<&str>> = regex.capture_names().collect();
        let unnamed = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_none));
        let named = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_some));
        let by_number = std::iter::once(0).chain(unnamed).chain(named).collect();
        Ok(Self { regex, by_number })
    }

    /// The capture index of a group given by name, or by .NET number written in digits.
    pub(super) fn group_index(&self, name: &str) -> Result<usize, String> {
        self.find_group(name).ok_or_else(|| {
            let known: Vec<&str> = self.regex.capture_names().flatten().collect();
            let known = if known.is_empty() {
                "the pattern has no named groups".to_owned()
            } else {
                format!("its named groups are {}", known.join(", "))
            };
            format!(
                "Replace: regexGroupName \"{name}\" is not a group of the pattern ({known}). \
                 Name a group in the pattern with (?<{name}>…) or correct the 4th argument."
            )
        })
    }

    /// The capture index of a group given by name, or by .NET number written in digits; `None`
    /// if the pattern has no such group. (A group name never starts with a digit.)
    pub(super) fn find_group(&self, name: &str) -> Option<usize> {
        match parse_group_number(name) {
            Some(number) => self.numbered(number),
            None => self.named(name),
        }
    }

    /// The capture index of a named group.
    fn named(&self, name: &str) -> Option<usize> {
        self.regex.capture_names().position(|n| n == Some(name))
    }

    /// The capture index of .NET group number `n`.
    fn numbered(&self, n: usize) -> Option<usize> {
        self.by_number.get(n).copied()
    }

    /// The capture index of the highest-numbered .NET group (`$+`).
    pub(super) fn last_group(&self) -> usize {
        self.by_number.last().copied().unwrap_or(0)
    }

    /// The text captured by group `index` in the first match in `text`, if any.
    pub(super) fn first_capture<'t>(&self, text: &'t str, index: usize) -> Option<&'t str> {
        self.regex
            .captures(text)
            .and_then(|caps| caps.get(index))
            .map(|m| m.as_str())
    }

    /// All matches in `text`, enumerated as .NET does: after an empty match the search resumes
    /// one character later; after a non-empty match it resumes at its end, where an empty match
    /// is allowed.
    pub(super) fn matches<'t>(&self, text: &'t str) -> Vec<Captures<'t>> {
        let mut found = Vec::new();
        let mut from = 0;
        while from <= text.len() {
            let Some(caps) = self.regex.captures_at(text, from) else {
                break;
            };
            let Some(whole) = caps.get(0) else { break };
            from = if whole.is_empty() {
                let next = text.get(whole.end()..).and_then(|rest| rest.chars().next());
                whole.end() + next.map_or(1, char::len_utf8)
            } else {
                whole.end()
            };
            found.push(caps);
        }
        found
    }
}

/// A group number written in ASCII digits (`None` for anything else, or too large).
fn parse_group_number(digits: &str) -> Option<usize> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{group_form, regex_form, some};
    use super::*;

    #[test]
    fn dotnet_group_numbering_puts_named_groups_last() {
        // .NET: $1 = (c), $2 = (?<a>…); regex-lite would number them the other way round.
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "$1|$2"), some("b|a"));
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "${a}"), some("a"));
        assert_eq!(group_form("ab", "(?<a>a)(b)", "2", "#"), some("#b"));
    }

    // --- .NET match enumeration ---

    #[test]
    fn empty_matches_follow_dotnet() {
        assert_eq!(regex_form("ab1", "[a-z]*", "-"), some("--1-"));
        assert_eq!(regex_form("baaab", "a*", "X"), some("XbXXbX"));
        assert_eq!(regex_form("aa", "a*?", "X"), some("XaXaX"));
        assert_eq!(regex_form("", "x*", "-"), some("-"));
        assert_eq!(regex_form("日本", "", "|"), some("|日|本|"));
    }

    #[test]
    fn anchors_use_the_whole_input() {
        assert_eq!(regex_form("aaa", "^a", "b"), some("baa"));
        assert_eq!(regex_form("aaa", "a$", "b"), some("aab"));
    }

    #[test]
    fn no_match_returns_source() {
        assert_eq!(regex_form("abc", r"\d", "#"), some("abc"));
    }

    // --- compile_dotnet_regex ---

    #[test]
    fn malformed_patterns_are_errors() {
        let cases = [
            ("(abc", "cannot be used"),
            ("abc)", "cannot be used"),
            ("[abc", "never closed"),
            ("abc\\", "single backslash"),
            (r"\q", r"unknown escape \q at character 1"),
            (r"\x4", "exactly 2 hexadecimal digits"),
            (r"\u12G4", "exactly 4 hexadecimal digits"),
            (r"\uD83D", "surrogate"),
            (r"\c1", "control escape"),
            ("(?<>x)", "empty name"),
            ("(?<a.b>x)", "group name \"a.b\""),
            ("(?<ab", "never closed"),
            ("(?#comment", "never closed"),
            ("(?z)", "unknown group construct"),
            ("*a", "cannot be used"),
            ("a{3,1}", "cannot be used"),
        ];
        for (pattern, expected) in cases {
            let err = compile_dotnet_regex(pattern).unwrap_err();
            assert!(err.contains(expected), "{pattern}: {err}");
        }
    }

    #[test]
    fn huge_patterns_hit_the_size_limit() {
        let err = compile_dotnet_regex("(?:a{1000}){1000}").unwrap_err();
        assert!(err.contains("cannot be used"), "{err}");
        let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
        assert!(compile_dotnet_regex(&deep).is_err());
    }

    #[test]
    fn regex_lite_limits_are_documented() {
        // \d and \w are ASCII-only in regex-lite but Unicode in .NET.
        let digits = compile_dotnet_regex(r"^\d+$").unwrap();
        assert!(digits.is_match("123"));
        assert!(!digits.is_match("١٢٣"));
        // (?i) folds ASCII letters only.
        assert!(!compile_dotnet_regex("(?i)é").unwrap().is_match("É"));
    }
}
