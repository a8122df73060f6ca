//! The output of the two replacing regex forms: .NET substitutions (`$1`, `${name}`, `$$`, `$&`
//! …) expanded from each match's captures, and the replacement of one group's text only.

use fancy_regex::Captures;

use super::super::budget::Budget;
use super::dotnet_regex::DotNetRegex;

/// Form 2: in each match, replace only the text captured by `group`.
pub(super) fn replace_group(
    regex: &DotNetRegex,
    text: &str,
    group: usize,
    value: &str,
    budget: &mut Budget,
) -> Result<String, String> {
    rebuild(regex, text, budget, |caps, out| {
        let Some(whole) = caps.get(0) else { return };
        match caps.get(group) {
            Some(inner) => {
                out.push_str(slice(text, whole.start(), inner.start()));
                out.push_str(value);
                out.push_str(slice(text, inner.end(), whole.end()));
            }
            None => out.push_str(whole.as_str()),
        }
    })
}

/// Form 3: .NET `Regex.Replace` with substitutions in `replacement`.
pub(super) fn regex_replace(
    regex: &DotNetRegex,
    text: &str,
    replacement: &str,
    budget: &mut Budget,
) -> Result<String, String> {
    let parts = Substitution::parse(replacement, regex);
    rebuild(regex, text, budget, |caps, out| {
        for part in &parts {
            out.push_str(part.expand(caps, text));
        }
    })
}

/// Copies `text`, letting `write_match` produce the output for each match; the output's size is
/// checked against `budget` after every match, so it cannot run away.
fn rebuild(
    regex: &DotNetRegex,
    text: &str,
    budget: &mut Budget,
    mut write_match: impl FnMut(&Captures<'_, str>, &mut String),
) -> Result<String, String> {
    let mut out = String::new();
    let mut copied_to = 0;
    regex.for_each_match(text, budget, |caps| {
        let Some(whole) = caps.get(0) else {
            return Ok(());
        };
        out.push_str(slice(text, copied_to, whole.start()));
        write_match(caps, &mut out);
        copied_to = whole.end();
        budget_check(&out)
    })?;
    out.push_str(slice(text, copied_to, text.len()));
    Ok(out)
}

/// The per-value size limit, checked while a value grows.
fn budget_check(out: &str) -> Result<(), String> {
    Budget::default().check_size(out.len())
}

/// `text[start..end]`, or `""` if the range is not valid (it always is for match bounds).
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// One piece of a parsed .NET replacement string.
#[derive(Debug, PartialEq, Eq)]
enum Substitution {
    /// Literal text.
    Text(String),
    /// A capture (by `fancy-regex` index); `$0`, `$&`, `$n`, `${name}`, `$+`.
    Group(usize),
    /// `` $` ``: the input before the match.
    Before,
    /// `$'`: the input after the match.
    After,
    /// `$_`: the whole input.
    Input,
}

impl Substitution {
    /// Splits a .NET replacement string into literal text and substitutions. A `$` that does
    /// not start a valid substitution (for example `${missing}`) stays literal, as in .NET.
    fn parse(replacement: &str, regex: &DotNetRegex) -> Vec<Self> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = replacement;
        while let Some(dollar) = rest.find('$') {
            text.push_str(slice(rest, 0, dollar));
            let after = slice(rest, dollar + 1, rest.len());
            match Self::parse_dollar(after, regex) {
                Some((Substitution::Text(literal), tail)) => {
                    text.push_str(&literal);
                    rest = tail;
                }
                Some((part, tail)) => {
                    if !text.is_empty() {
                        parts.push(Substitution::Text(std::mem::take(&mut text)));
                    }
                    parts.push(part);
                    rest = tail;
                }
                None => {
                    text.push('$');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Substitution::Text(text));
        }
        parts
    }

    /// Reads the substitution after a `$`; returns it with the remaining text, or `None` when
    /// the `$` is literal.
    fn parse_dollar<'r>(after: &'r str, regex: &DotNetRegex) -> Option<(Self, &'r str)> {
        let mut chars = after.chars();
        let first = chars.next()?;
        let tail = chars.as_str();
        let simple = match first {
            '$' => Some(Substitution::Text("$".to_owned())),
            '&' => Some(Substitution::Group(0)),
            '`' => Some(Substitution::Before),
            '\'' => Some(Substitution::After),
            '+' => Some(Substitution::Group(regex.last_group())),
            '_' => Some(Substitution::Input),
            _ => None,
        };
        if let Some(part) = simple {
            return Some((part, tail));
        }
        if first == '{' {
            let (name, after_name) = split_while(tail, |c| c.is_alphanumeric() || c == '_');
            let after_brace = after_name.strip_prefix('}')?;
            let index = regex.find_group(name)?;
            return Some((Substitution::Group(index), after_brace));
        }
        let (digits, after_digits) = split_while(after, |c| c.is_ascii_digit());
        let index = regex.find_group(digits)?;
        Some((Substitution::Group(index), after_digits))
    }

    /// The text this piece stands for in one match of `input`.
    fn expand<'t>(&'t self, caps: &Captures<'t, str>, input: &'t str) -> &'t str {
        let whole = caps.get(0);
        match self {
            Substitution::Text(text) => text,
            Substitution::Group(index) => caps.get(*index).map_or("", |m| m.as_str()),
            Substitution::Before => whole.map_or("", |m| slice(input, 0, m.start())),
            Substitution::After => whole.map_or("", |m| slice(input, m.end(), input.len())),
            Substitution::Input => input,
        }
    }
}

/// Splits `text` after its longest prefix whose characters all satisfy `keep`.
fn split_while(text: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i);
    (slice(text, 0, end), slice(text, end, text.len()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{group_form, regex_form, some};

    #[test]
    fn group_form_edges() {
        assert_eq!(group_form("a1b22c", r"(?<d>\d+)", "d", "#"), some("a#b#c"));
        assert_eq!(
            group_form("k=v; x=y", r"(?<key>\w+)=(?<val>\w+)", "val", "*"),
            some("k=*; x=*")
        );
        assert_eq!(group_form("ab", "a(?<g>x)?", "g", "#"), some("ab"));
        assert_eq!(group_form("ab", "(?<g>z)", "g", "#"), some("ab"));
        assert_eq!(group_form("abc", "(?<g>b)", "g", "$0"), some("a$0c"));
        assert_eq!(group_form("abc", "(b)", "1", "#"), some("a#c"));
        let err = group_form("abc", "(?<g>b)", "G", "#").unwrap_err();
        assert!(err.contains("\"G\" is not a group"), "{err}");
        let err = group_form("abc", "(b)", "x", "#").unwrap_err();
        assert!(err.contains("no named groups"), "{err}");
    }

    // --- .NET substitutions ---

    #[test]
    fn substitution_forms() {
        assert_eq!(
            regex_form("John Smith", r"(\w+) (\w+)", "$2, $1"),
            some("Smith, John")
        );
        assert_eq!(
            regex_form("John Smith", r"(\w+) (\w+)", "${2}${1}"),
            some("SmithJohn")
        );
        assert_eq!(regex_form("abc", "b", "[$&]"), some("a[b]c"));
        assert_eq!(regex_form("abc", "b", "[$0]"), some("a[b]c"));
        assert_eq!(regex_form("abc", "b", "$$"), some("a$c"));
        assert_eq!(regex_form("abc", "b", "$$1"), some("a$1c"));
        assert_eq!(regex_form("abc", "b", "[$`]"), some("a[a]c"));
        assert_eq!(regex_form("abc", "b", "[$']"), some("a[c]c"));
        assert_eq!(regex_form("abc", "b", "[$_]"), some("a[abc]c"));
        assert_eq!(regex_form("abc", "(?<x>a)(b)", "$+"), some("ac"));
        assert_eq!(regex_form("abc", "b", "$+"), some("abc"));
    }

    #[test]
    fn invalid_substitutions_stay_literal() {
        assert_eq!(regex_form("abc", "b", "${missing}"), some("a${missing}c"));
        assert_eq!(regex_form("abc", "(b)", "$2"), some("a$2c"));
        assert_eq!(regex_form("abc", "(b)", "$12"), some("a$12c"));
        assert_eq!(regex_form("abc", "b", "$"), some("a$c"));
        assert_eq!(regex_form("abc", "b", "${"), some("a${c"));
        assert_eq!(regex_form("abc", "(?<n>b)", "${n"), some("a${nc"));
        assert_eq!(regex_form("abc", "b", "$x"), some("a$xc"));
        assert_eq!(
            regex_form("abc", "b", "$99999999999999999999999"),
            some("a$99999999999999999999999c")
        );
        assert_eq!(regex_form("abc", "b", "€$€"), some("a€$€c"));
    }

    #[test]
    fn unmatched_group_substitutes_empty() {
        assert_eq!(regex_form("ac", "a(?<b>b)?c", "[${b}]"), some("[]"));
    }
}
