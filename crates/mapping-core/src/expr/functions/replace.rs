//! `Replace(source, oldValue, regexPattern, regexGroupName, replacementValue,
//! replacementAttributeName, template)` and the translation of .NET regular expressions to
//! `regex-lite`.
//!
//! # Which form runs
//!
//! The arguments given decide the form, checked in this order:
//!
//! 1. `regexPattern` + `regexGroupName` + replacement attribute: a non-empty `source` is returned
//!    as is; otherwise the pattern is applied to the attribute's value and the text of the named
//!    group in the first match is returned (no match, or the group took no part: null).
//! 2. `regexPattern` + `regexGroupName` + `replacementValue`: in every match, only the text
//!    captured by the group is replaced by `replacementValue` (taken literally); the rest of the
//!    match stays.
//! 3. `regexPattern` + `replacementValue`: .NET `Regex.Replace` over all matches, with .NET
//!    substitutions in `replacementValue` (see below).
//! 4. `oldValue` + `template`: every `oldValue` in `template` is replaced by `source`.
//! 5. `oldValue` (+ `replacementValue`, missing means `""`): literal, case-sensitive replace-all
//!    in `source`.
//!
//! A null `source` gives null in forms 2–5. When no form applies (only `source`, or an empty
//! `oldValue`, which would otherwise insert text between every character), `source` is returned
//! unchanged.
//!
//! Decisions taken where Microsoft's documentation is silent:
//!
//! * A `regexPattern` is always compiled, even when the other arguments select a non-regex form,
//!   so a broken pattern is reported rather than silently ignored.
//! * A `regexGroupName` that is not a group of the pattern is an error (Entra silently changes
//!   nothing, which hides typos). A group may also be named by its .NET number (`"1"`).
//! * `regexPattern` + replacement attribute without `regexGroupName` is an error: there is no
//!   documented way to choose what to extract.
//!
//! # .NET regular expressions
//!
//! Entra evaluates patterns with .NET's `Regex`; this preview uses `regex-lite`, which never
//! backtracks (a hostile pattern cannot hang the page) but supports less. [`compile_dotnet_regex`]
//! translates what can be translated and rejects the rest with the construct and its position:
//!
//! * accepted as is or translated: `(?<name>…)`, `(?'name'…)`, `(?:…)`, `(?ims-ims)` and
//!   `(?ims-ims:…)`, `(?#comment)`, `\d \w \s \b \A \z`, `\xhh`, `\uhhhh`, `\cX`, `\0` octal, `\e`, `\a`,
//!   escaped punctuation, literal `{` / `}` / `]` where .NET reads them literally, and .NET's
//!   character-class rules (`[` `&` `~` `--` are ordinary characters inside `[…]`).
//! * rejected: lookahead and lookbehind, atomic groups `(?>…)`, conditionals `(?(…)…)`,
//!   backreferences (`\1`, `\k<name>`), balancing groups, possessive and nested quantifiers,
//!   class subtraction `[a-z-[aeiou]]`, Unicode categories `\p{…}`, `\G`, `\Z`, and the `n` and
//!   `x` options.
//! * differences that remain: `\d`, `\w`, `\s` and `\b` are ASCII-only and `(?i)` folds ASCII
//!   letters only, where .NET covers all of Unicode; `$` matches only at the very end, where
//!   .NET also matches before a final line break.
//!
//! Substitutions in `replacementValue` are .NET's: `$n`, `${n}`, `${name}`, `$$`, `$&`, `` $` ``,
//! `$'`, `$+` and `$_`; a `$` that does not form one of them (such as `${unknown}` or `$9` in a
//! pattern with fewer groups) stays literal text, as in .NET. They are expanded here from the
//! captures, not by `regex-lite`, whose replacement syntax differs.
//!
//! Matches are enumerated the way .NET does, including an empty match right after a non-empty
//! one (`[a-z]*` replaced by `"-"` in `"ab1"` gives `"--1-"`), and `$n` numbers groups the .NET
//! way: unnamed groups first, then named groups, each in order of their opening parenthesis.

use std::fmt::Write as _;

use regex_lite::{Captures, Regex, RegexBuilder};

/// Approximate upper bound, in bytes, for a compiled pattern; larger patterns are rejected.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Deepest nesting of groups and repetitions a pattern may have.
const REGEX_NEST_LIMIT: u32 = 100;

/// The arguments of one `Replace` call, already evaluated. `None` means the argument was
/// omitted or evaluated to null.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplaceArgs<'a> {
    /// `source`: the value to work on.
    pub source: Option<&'a str>,
    /// `oldValue`: the literal text to replace.
    pub old_value: Option<&'a str>,
    /// `regexPattern`: a .NET regular expression.
    pub regex_pattern: Option<&'a str>,
    /// `regexGroupName`: a named group of `regex_pattern`.
    pub regex_group_name: Option<&'a str>,
    /// `replacementValue`: the new text (with .NET substitutions in the plain regex form).
    pub replacement_value: Option<&'a str>,
    /// The value of the attribute passed as `replacementAttributeName` (e.g. `[mobile]`).
    pub replacement_attribute: Option<&'a str>,
    /// `template`: text in which `old_value` is replaced by `source`.
    pub template: Option<&'a str>,
}

/// `Replace(…)`: runs the form selected by the given arguments (see the module documentation)
/// and returns the resulting value, `None` meaning null.
///
/// # Errors
///
/// Fails when the pattern cannot be used (invalid or unsupported .NET syntax, unknown group) or
/// when a replacement attribute is given without a group name.
pub fn replace(args: &ReplaceArgs) -> Result<Option<String>, String> {
    let regex = args.regex_pattern.map(DotNetRegex::compile).transpose()?;
    if let Some(regex) = &regex {
        match (
            args.regex_group_name,
            args.replacement_attribute,
            args.replacement_value,
        ) {
            (Some(group), Some(attribute), _) => {
                return extract_fallback(regex, group, args.source, attribute);
            }
            (None, Some(_), _) => {
                return Err(
                    "Replace: a replacement attribute (6th argument) also needs regexGroupName \
                     (4th argument), the name of the group whose text should be extracted."
                        .to_owned(),
                );
            }
            (Some(group), None, Some(value)) => {
                let group = regex.group_index(group)?;
                return Ok(args.source.map(|s| replace_group(regex, s, group, value)));
            }
            (None, None, Some(value)) => {
                return Ok(args.source.map(|s| regex_replace(regex, s, value)));
            }
            (_, None, None) => {}
        }
    }
    match (args.old_value, args.template) {
        (Some(""), _) | (None, _) => Ok(args.source.map(str::to_owned)),
        (Some(old), Some(template)) => Ok(args.source.map(|s| template.replace(old, s))),
        (Some(old), None) => {
            let new = args.replacement_value.unwrap_or("");
            Ok(args.source.map(|s| s.replace(old, new)))
        }
    }
}

/// Translates a .NET regular expression to `regex-lite` syntax and compiles it, with size and
/// nesting limits so an oversized pattern is an error rather than a slow preview.
///
/// Group names and order are preserved, so `regex-lite` capture index *i* is the *i*-th opening
/// parenthesis; note that .NET numbers named groups after all unnamed ones.
///
/// # Errors
///
/// Fails, naming the construct and its position, on .NET syntax `regex-lite` cannot run (see the
/// module documentation), on invalid patterns, and on patterns over the size or nesting limit.
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

/// Form 1: extract a group from the replacement attribute when `source` has no value.
fn extract_fallback(
    regex: &DotNetRegex,
    group: &str,
    source: Option<&str>,
    attribute: &str,
) -> Result<Option<String>, String> {
    let group = regex.group_index(group)?;
    if let Some(source) = source.filter(|s| !s.is_empty()) {
        return Ok(Some(source.to_owned()));
    }
    Ok(regex
        .regex
        .captures(attribute)
        .and_then(|caps| caps.get(group))
        .map(|m| m.as_str().to_owned()))
}

/// Form 2: in each match, replace only the text captured by `group`.
fn replace_group(regex: &DotNetRegex, text: &str, group: usize, value: &str) -> String {
    rebuild(text, &regex.matches(text), |caps, out| {
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
fn regex_replace(regex: &DotNetRegex, text: &str, replacement: &str) -> String {
    let parts = Substitution::parse(replacement, regex);
    rebuild(text, &regex.matches(text), |caps, out| {
        for part in &parts {
            out.push_str(part.expand(caps, text));
        }
    })
}

/// Copies `text`, letting `write_match` produce the output for each match.
fn rebuild(
    text: &str,
    matches: &[Captures<'_>],
    mut write_match: impl FnMut(&Captures<'_>, &mut String),
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied_to = 0;
    for caps in matches {
        let Some(whole) = caps.get(0) else { continue };
        out.push_str(slice(text, copied_to, whole.start()));
        write_match(caps, &mut out);
        copied_to = whole.end();
    }
    out.push_str(slice(text, copied_to, text.len()));
    out
}

/// `text[start..end]`, or `""` if the range is not valid (it always is for match bounds).
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// A compiled pattern together with .NET's group numbering.
struct DotNetRegex {
    regex: Regex,
    /// `by_number[n]` is the `regex-lite` capture index of .NET group number `n`.
    by_number: Vec<usize>,
}

impl DotNetRegex {
    /// Compiles a .NET pattern and works out its .NET group numbers.
    fn compile(pattern: &str) -> Result<Self, String> {
        let regex = compile_dotnet_regex(pattern)?;
        let names: Vec<Option<&str>> = regex.capture_names().collect();
        let unnamed = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_none));
        let named = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_some));
        let by_number = std::iter::once(0).chain(unnamed).chain(named).collect();
        Ok(Self { regex, by_number })
    }

    /// The capture index of a group given by name, or by .NET number written in digits.
    fn group_index(&self, name: &str) -> Result<usize, String> {
        let found = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
            name.parse().ok().and_then(|n| self.numbered(n))
        } else {
            self.named(name)
        };
        found.ok_or_else(|| {
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

    /// The capture index of a named group.
    fn named(&self, name: &str) -> Option<usize> {
        self.regex.capture_names().position(|n| n == Some(name))
    }

    /// The capture index of .NET group number `n`.
    fn numbered(&self, n: usize) -> Option<usize> {
        self.by_number.get(n).copied()
    }

    /// The capture index of the highest-numbered .NET group (`$+`).
    fn last_group(&self) -> usize {
        self.by_number.last().copied().unwrap_or(0)
    }

    /// All matches in `text`, enumerated as .NET does: after an empty match the search resumes
    /// one character later; after a non-empty match it resumes at its end, where an empty match
    /// is allowed.
    fn matches<'t>(&self, text: &'t str) -> Vec<Captures<'t>> {
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

/// One piece of a parsed .NET replacement string.
#[derive(Debug, PartialEq, Eq)]
enum Substitution {
    /// Literal text.
    Text(String),
    /// A capture (by `regex-lite` index); `$0`, `$&`, `$n`, `${name}`, `$+`.
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
            let index = if name.starts_with(|c: char| c.is_ascii_digit()) {
                regex.numbered(parse_group_number(name)?)
            } else {
                regex.named(name)
            }?;
            return Some((Substitution::Group(index), after_brace));
        }
        let (digits, after_digits) = split_while(after, |c| c.is_ascii_digit());
        let index = regex.numbered(parse_group_number(digits)?)?;
        Some((Substitution::Group(index), after_digits))
    }

    /// The text this piece stands for in one match of `input`.
    fn expand<'t>(&'t self, caps: &Captures<'t>, input: &'t str) -> &'t str {
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

/// A group number written in ASCII digits (`None` for anything else, or too large).
fn parse_group_number(digits: &str) -> Option<usize> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Splits `text` after its longest prefix whose characters all satisfy `keep`.
fn split_while(text: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i);
    (slice(text, 0, end), slice(text, end, text.len()))
}

/// A single element of a pattern: one literal character, or `regex-lite` syntax to copy as is
/// (`\d`, `\b` …).
enum Atom {
    /// A character that must match itself.
    Char(char),
    /// A class shorthand or assertion, already in `regex-lite` syntax.
    Raw(&'static str),
}

/// Rewrites a .NET pattern as a `regex-lite` pattern, one construct at a time.
struct Translator {
    /// The .NET pattern; positions in messages are indexes into it, plus one.
    chars: Vec<char>,
    /// Index of the next character to read.
    pos: usize,
    /// The `regex-lite` pattern written so far.
    out: String,
    /// Names of the groups seen so far, to reject duplicates.
    group_names: Vec<String>,
}

impl Translator {
    /// A translator positioned at the start of `pattern`.
    fn new(pattern: &str) -> Self {
        Self {
            chars: pattern.chars().collect(),
            pos: 0,
            out: String::with_capacity(pattern.len() + 16),
            group_names: Vec::new(),
        }
    }

    /// Translates the whole pattern.
    fn run(mut self) -> Result<String, String> {
        while let Some(c) = self.peek(0) {
            match c {
                '\\' => self.escape()?,
                '[' => self.class()?,
                '(' => self.group()?,
                '{' => self.brace()?,
                '*' | '+' | '?' => {
                    self.out.push(c);
                    self.pos += 1;
                    self.quantifier_tail()?;
                }
                '}' | ']' => {
                    self.push_literal(c);
                    self.pos += 1;
                }
                _ => {
                    self.out.push(c);
                    self.pos += 1;
                }
            }
        }
        Ok(self.out)
    }

    /// The character `offset` places after the current one.
    fn peek(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    /// Whether the text at the current position starts with `prefix`.
    fn at(&self, prefix: &str) -> bool {
        prefix
            .chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    /// An error about the construct at character index `index`.
    fn unsupported(index: usize, what: &str, advice: &str) -> String {
        format!(
            "The regular expression uses {what} at character {}, which is not supported by this \
             preview. {advice}",
            index + 1
        )
    }

    /// Emits `c` so that it always matches itself, whatever mode or context it ends up in.
    fn push_literal(&mut self, c: char) {
        if c.is_alphanumeric() {
            self.out.push(c);
        } else {
            // Writing to a `String` cannot fail.
            let _ = write!(self.out, "\\x{{{:X}}}", u32::from(c));
        }
    }

    /// After a quantifier: allows the lazy `?` and rejects possessive or nested quantifiers.
    fn quantifier_tail(&mut self) -> Result<(), String> {
        if self.peek(0) == Some('?') {
            self.out.push('?');
            self.pos += 1;
        }
        match self.peek(0) {
            Some('+') => Err(Self::unsupported(
                self.pos,
                "a possessive quantifier (a quantifier followed by +)",
                ".NET does not accept it either; remove the extra +.",
            )),
            Some('*' | '?') => Err(Self::unsupported(
                self.pos,
                "a nested quantifier (two quantifiers in a row)",
                ".NET rejects it as well; wrap the first part in (?:…) before repeating it.",
            )),
            Some('{') if self.quantifier_len().is_some() => Err(Self::unsupported(
                self.pos,
                "a nested quantifier (two quantifiers in a row)",
                ".NET rejects it as well; wrap the first part in (?:…) before repeating it.",
            )),
            _ => Ok(()),
        }
    }

    /// Length of a .NET counted quantifier (`{n}`, `{n,}`, `{n,m}`) at the current position.
    fn quantifier_len(&self) -> Option<usize> {
        if self.peek(0) != Some('{') {
            return None;
        }
        let digits_from = |offset: usize| {
            self.chars
                .iter()
                .skip(self.pos + offset)
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let min_digits = digits_from(1);
        if min_digits == 0 {
            return None;
        }
        let mut len = 1 + min_digits;
        if self.peek(len) == Some(',') {
            len += 1 + digits_from(len + 1);
        }
        (self.peek(len) == Some('}')).then_some(len + 1)
    }

    /// A `{`: a counted quantifier, or a literal brace as .NET reads it otherwise.
    fn brace(&mut self) -> Result<(), String> {
        match self.quantifier_len() {
            Some(len) => {
                self.out.extend(self.chars.iter().skip(self.pos).take(len));
                self.pos += len;
                self.quantifier_tail()
            }
            None => {
                self.push_literal('{');
                self.pos += 1;
                Ok(())
            }
        }
    }

    /// A backslash escape outside a character class.
    fn escape(&mut self) -> Result<(), String> {
        let atom = self.read_escape(false)?;
        self.push_atom(atom);
        Ok(())
    }

    /// Emits an atom read from the pattern.
    fn push_atom(&mut self, atom: Atom) {
        match atom {
            Atom::Char(c) => self.push_literal(c),
            Atom::Raw(text) => self.out.push_str(text),
        }
    }

    /// Reads a backslash escape, inside (`in_class`) or outside a character class.
    fn read_escape(&mut self, in_class: bool) -> Result<Atom, String> {
        let start = self.pos;
        let Some(c) = self.peek(1) else {
            return Err(
                "The regular expression ends with a single backslash. Write \\\\\\\\ in the \
                 expression to match a backslash."
                    .to_owned(),
            );
        };
        self.pos += 2;
        let atom = match c {
            'd' => Atom::Raw("\\d"),
            'D' => Atom::Raw("\\D"),
            'w' => Atom::Raw("\\w"),
            'W' => Atom::Raw("\\W"),
            's' => Atom::Raw("\\s"),
            'S' => Atom::Raw("\\S"),
            'b' if in_class => Atom::Char('\u{8}'),
            'b' if !in_class => Atom::Raw("\\b"),
            'B' if !in_class => Atom::Raw("\\B"),
            'A' if !in_class => Atom::Raw("\\A"),
            'z' if !in_class => Atom::Raw("\\z"),
            't' => Atom::Char('\t'),
            'n' => Atom::Char('\n'),
            'r' => Atom::Char('\r'),
            'f' => Atom::Char('\u{C}'),
            'v' => Atom::Char('\u{B}'),
            'a' => Atom::Char('\u{7}'),
            'e' => Atom::Char('\u{1B}'),
            'x' => Atom::Char(self.hex_escape(start, 2)?),
            'u' => Atom::Char(self.hex_escape(start, 4)?),
            'c' => Atom::Char(self.control_escape(start)?),
            '0' => Atom::Char(self.octal_escape(2)),
            '1'..='7' if in_class => {
                self.pos -= 1;
                Atom::Char(self.octal_escape(3))
            }
            '1'..='9' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    &format!("the backreference \\{c}"),
                    "Backreferences cannot be evaluated here; match the text again instead.",
                ))
            }
            'k' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    "a named backreference \\k",
                    "Backreferences cannot be evaluated here; match the text again instead.",
                ))
            }
            'p' | 'P' => {
                return Err(Self::unsupported(
                    start,
                    &format!("the Unicode category \\{c}{{…}}"),
                    "List the characters in a class such as [a-zA-Z] instead.",
                ))
            }
            'G' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    "the \\G anchor",
                    "Use ^ to anchor at the start instead.",
                ))
            }
            'Z' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    "the \\Z anchor",
                    "Use \\z or $ to anchor at the end instead.",
                ))
            }
            _ if c.is_alphanumeric() || c == '_' => {
                return Err(format!(
                    "The regular expression has the unknown escape \\{c} at character {}. \
                     Remove the backslash, or write \\\\\\\\{c} in the expression to match a \
                     backslash followed by {c}.",
                    start + 1
                ))
            }
            _ => Atom::Char(c),
        };
        Ok(atom)
    }

    /// `\xhh` or `\uhhhh`: exactly `digits` hexadecimal digits, as .NET requires.
    fn hex_escape(&mut self, start: usize, digits: usize) -> Result<char, String> {
        let hex: String = self.chars.iter().skip(self.pos).take(digits).collect();
        let code = (hex.chars().count() == digits && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(&hex, 16).ok())
            .flatten();
        let Some(code) = code else {
            return Err(format!(
                "The regular expression has an incomplete hexadecimal escape at character {}: \
                 it needs exactly {digits} hexadecimal digits.",
                start + 1
            ));
        };
        let Some(c) = char::from_u32(code) else {
            return Err(Self::unsupported(
                start,
                "a UTF-16 surrogate escape",
                "Write the character itself instead.",
            ));
        };
        self.pos += digits;
        Ok(c)
    }

    /// `\cX`: the control character for the letter `X`.
    fn control_escape(&mut self, start: usize) -> Result<char, String> {
        match self.peek(0) {
            Some(letter) if letter.is_ascii_alphabetic() => {
                self.pos += 1;
                let code = u32::from(letter.to_ascii_uppercase()) - 0x40;
                Ok(char::from_u32(code).unwrap_or('\0'))
            }
            _ => Err(format!(
                "The regular expression has an incomplete control escape \\c at character {}: \
                 it must be followed by a letter.",
                start + 1
            )),
        }
    }

    /// An octal escape: up to `max_digits` octal digits at the current position.
    fn octal_escape(&mut self, max_digits: usize) -> char {
        let digits: String = self
            .chars
            .iter()
            .skip(self.pos)
            .take(max_digits)
            .take_while(|c| ('0'..='7').contains(*c))
            .collect();
        self.pos += digits.chars().count();
        let code = u32::from_str_radix(&digits, 8).unwrap_or(0) & 0xFF;
        char::from_u32(code).unwrap_or('\0')
    }

    /// A character class `[…]`, read with .NET's rules: `]` first is literal, `[` `&` `~` are
    /// ordinary characters, and `x-y` is a range whenever `-` is not last.
    fn class(&mut self) -> Result<(), String> {
        let open = self.pos;
        self.out.push('[');
        self.pos += 1;
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.pos += 1;
        }
        let first_item = self.pos;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(format!(
                    "The regular expression opens a character class [ at character {} that is \
                     never closed. Add the missing ].",
                    open + 1
                ));
            };
            if c == ']' && self.pos > first_item {
                self.out.push(']');
                self.pos += 1;
                return Ok(());
            }
            if self.pos > first_item {
                self.reject_subtraction()?;
            }
            let item_start = self.pos;
            let low = self.class_atom()?;
            let range = matches!(low, Atom::Char(_))
                && self.peek(0) == Some('-')
                && !matches!(self.peek(1), Some(']') | None);
            if !range {
                self.push_atom(low);
                continue;
            }
            self.reject_subtraction()?;
            self.pos += 1;
            match (low, self.class_atom()?) {
                (Atom::Char(low), Atom::Char(high)) => {
                    self.push_literal(low);
                    self.out.push('-');
                    self.push_literal(high);
                }
                _ => {
                    return Err(format!(
                        "The regular expression has a range at character {} that ends in a class \
                         such as \\d; a range needs a single character at both ends.",
                        item_start + 1
                    ))
                }
            }
        }
    }

    /// One character or escape inside a character class.
    fn class_atom(&mut self) -> Result<Atom, String> {
        match self.peek(0) {
            Some('\\') => self.read_escape(true),
            Some(c) => {
                self.pos += 1;
                Ok(Atom::Char(c))
            }
            None => Err("The regular expression ends inside a character class.".to_owned()),
        }
    }

    /// Fails on .NET class subtraction (`-[…]`) at the current position.
    fn reject_subtraction(&self) -> Result<(), String> {
        if self.at("-[") {
            return Err(Self::unsupported(
                self.pos,
                "character class subtraction -[…]",
                "List the remaining characters explicitly instead.",
            ));
        }
        Ok(())
    }

    /// A `(`: a group, an inline option, a comment, or an unsupported construct.
    fn group(&mut self) -> Result<(), String> {
        let start = self.pos;
        let rejected: &[(&str, &str, &str)] = &[
            (
                "(?=",
                "lookahead (?=",
                "Match the following text as part of the pattern instead.",
            ),
            (
                "(?!",
                "negative lookahead (?!",
                "Rewrite the pattern without it.",
            ),
            (
                "(?<=",
                "lookbehind (?<=",
                "Match the preceding text as part of the pattern instead.",
            ),
            (
                "(?<!",
                "negative lookbehind (?<!",
                "Rewrite the pattern without it.",
            ),
            (
                "(?>",
                "an atomic group (?>",
                "Use a plain group (?:…) instead.",
            ),
            (
                "(?(",
                "a conditional (?(",
                "Split the logic with IIF instead.",
            ),
            (
                "(?P",
                "Python-style (?P",
                "Name groups the .NET way: (?<name>…).",
            ),
        ];
        if let Some(&(_, what, advice)) = rejected.iter().find(|(prefix, _, _)| self.at(prefix)) {
            return Err(Self::unsupported(start, what, advice));
        }
        if self.at("(?#") {
            return self.skip_comment(start);
        }
        if self.at("(?<") || self.at("(?'") {
            return self.named_group(start);
        }
        if self.at("(?") {
            return self.inline_options(start);
        }
        self.out.push('(');
        self.pos += 1;
        Ok(())
    }

    /// `(?#…)`: a comment, dropped.
    fn skip_comment(&mut self, start: usize) -> Result<(), String> {
        let close = (self.pos..self.chars.len()).find(|&i| self.chars.get(i) == Some(&')'));
        match close {
            Some(close) => {
                self.pos = close + 1;
                Ok(())
            }
            None => Err(format!(
                "The regular expression has a comment (?# at character {} that is never closed. \
                 Add the missing ).",
                start + 1
            )),
        }
    }

    /// `(?<name>` or `(?'name'`: validates the name and emits `(?P<name>`.
    fn named_group(&mut self, start: usize) -> Result<(), String> {
        let close = if self.peek(2) == Some('\'') {
            '\''
        } else {
            '>'
        };
        let name_start = self.pos + 3;
        let name: String = self
            .chars
            .iter()
            .skip(name_start)
            .take_while(|&&c| c != close)
            .collect();
        let name_len = name.chars().count();
        if self.chars.get(name_start + name_len) != Some(&close) {
            return Err(format!(
                "The regular expression has a group name at character {} that is never closed \
                 with {close}.",
                start + 1
            ));
        }
        self.check_group_name(start, &name)?;
        self.out.push_str("(?P<");
        self.out.push_str(&name);
        self.out.push('>');
        self.group_names.push(name);
        self.pos = name_start + name_len + 1;
        Ok(())
    }

    /// Accepts group names that both .NET and `regex-lite` read the same way.
    fn check_group_name(&self, start: usize, name: &str) -> Result<(), String> {
        let Some(first) = name.chars().next() else {
            return Err(format!(
                "The regular expression has a group with an empty name at character {}. \
                 Give it a name such as (?<part>…).",
                start + 1
            ));
        };
        if name.contains('-') {
            return Err(Self::unsupported(
                start,
                &format!("the balancing group (?<{name}>"),
                "Use a plain named group instead.",
            ));
        }
        if first.is_ascii_digit() {
            return Err(Self::unsupported(
                start,
                &format!("the numbered group (?<{name}>"),
                "Give the group a name that starts with a letter.",
            ));
        }
        let valid_first = first.is_alphabetic() || first == '_';
        if !valid_first || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(format!(
                "The regular expression has the group name \"{name}\" at character {}; group \
                 names may contain only letters, digits and _ and must start with a letter.",
                start + 1
            ));
        }
        if self.group_names.iter().any(|n| n == name) {
            return Err(Self::unsupported(
                start,
                &format!("the group name \"{name}\" a second time"),
                "Give each group its own name.",
            ));
        }
        Ok(())
    }

    /// `(?ims-ims)` or `(?ims-ims:`: inline options, passed on; `n` and `x` are rejected.
    fn inline_options(&mut self, start: usize) -> Result<(), String> {
        let flags_start = self.pos + 2;
        let flags: String = self
            .chars
            .iter()
            .skip(flags_start)
            .take_while(|&&c| c != ':' && c != ')')
            .collect();
        if let Some(bad) = flags.chars().find(|c| !matches!(c, 'i' | 'm' | 's' | '-')) {
            return Err(match bad {
                'n' | 'x' => Self::unsupported(
                    start,
                    &format!("the inline option {bad}"),
                    "Remove it; write the pattern without that option.",
                ),
                _ => format!(
                    "The regular expression has an unknown group construct (?{flags} at \
                     character {}. Groups are written (…), (?:…) or (?<name>…).",
                    start + 1
                ),
            });
        }
        self.out.push_str("(?");
        self.out.push_str(&flags);
        self.pos = flags_start + flags.chars().count();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Form 3: `Replace(source, , pattern, , replacement, , )`.
    fn regex_form(
        source: &str,
        pattern: &str,
        replacement: &str,
    ) -> Result<Option<String>, String> {
        replace(&ReplaceArgs {
            source: Some(source),
            regex_pattern: Some(pattern),
            replacement_value: Some(replacement),
            ..ReplaceArgs::default()
        })
    }

    /// Form 2: `Replace(source, , pattern, group, replacement, , )`.
    fn group_form(
        source: &str,
        pattern: &str,
        group: &str,
        value: &str,
    ) -> Result<Option<String>, String> {
        replace(&ReplaceArgs {
            source: Some(source),
            regex_pattern: Some(pattern),
            regex_group_name: Some(group),
            replacement_value: Some(value),
            ..ReplaceArgs::default()
        })
    }

    /// Form 5: `Replace(source, old, , , new, , )`.
    fn literal_form(source: &str, old: &str, new: Option<&str>) -> Result<Option<String>, String> {
        replace(&ReplaceArgs {
            source: Some(source),
            old_value: Some(old),
            replacement_value: new,
            ..ReplaceArgs::default()
        })
    }

    fn some(s: &str) -> Result<Option<String>, String> {
        Ok(Some(s.to_owned()))
    }

    const PHONE: &str = r"\+(?<isdCode>\d* )(?<phoneNumber>\d{10})";

    // --- the documented examples (reference §2.35) ---

    #[test]
    fn doc_literal_replace() {
        assert_eq!(
            literal_form(
                "Product Developer",
                "Product Developer",
                Some("Software Engineer")
            ),
            some("Software Engineer")
        );
    }

    #[test]
    fn doc_template() {
        let args = ReplaceArgs {
            source: Some("jsmith"),
            old_value: Some("<username>"),
            template: Some("<username>@contoso.com"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), some("jsmith@contoso.com"));
    }

    #[test]
    fn doc_regex_phone_number() {
        assert_eq!(
            regex_form("+91 9998887777", PHONE, "${phoneNumber}"),
            some("9998887777")
        );
    }

    #[test]
    fn doc_regex_strip_punctuation_keeps_plus() {
        assert_eq!(
            regex_form("+1 (999) 888-7777", r"[()\s-]+", ""),
            some("+19998887777")
        );
    }

    #[test]
    fn doc_group_street_number() {
        assert_eq!(
            group_form(
                "545 Tremont Street",
                r"(?<streetNumber>^\d*)",
                "streetNumber",
                "888"
            ),
            some("888 Tremont Street")
        );
    }

    #[test]
    fn doc_group_suffix() {
        assert_eq!(
            group_form("jsmith@contoso.com", "(?<Suffix>@(.)*)", "Suffix", ""),
            some("jsmith")
        );
    }

    #[test]
    fn doc_attribute_fallback_when_source_empty() {
        let args = ReplaceArgs {
            source: Some(""),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("+91 8887779999"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), some("8887779999"));
        assert_eq!(
            replace(&ReplaceArgs {
                source: None,
                ..args
            }),
            some("8887779999")
        );
    }

    #[test]
    fn doc_attribute_fallback_returns_source_with_value() {
        let args = ReplaceArgs {
            source: Some("+1 5551234567"),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("+91 8887779999"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), some("+1 5551234567"));
    }

    #[test]
    fn doc_remove_letters_and_underscore() {
        assert_eq!(regex_form("john_doe72", "[a-zA-Z_]*", ""), some("72"));
    }

    #[test]
    fn doc_strip_domain() {
        assert_eq!(
            literal_form("john.doe@contoso.com", "@contoso.com", Some("")),
            some("john.doe")
        );
    }

    #[test]
    fn doc_graph_parse_expression() {
        assert_eq!(literal_form("EN-US", "-", Some("_")), some("EN_US"));
    }

    #[test]
    fn doc_objectid_hex_letters_removed() {
        let hex = "30306161303061612D626231312D636332322D646433332D343465653434656534346565";
        assert_eq!(
            regex_form(hex, "[a-zA-Z_]*", ""),
            some("30306161303061612626231312636332322646433332343465653434656534346565")
        );
    }

    // --- the verified extra vectors ---

    #[test]
    fn extra_last_name_group() {
        assert_eq!(
            regex_form(
                "John Smith",
                "(?<firstName>[a-zA-Z]+ )(?<lastName>[a-zA-Z]+)",
                "${lastName}"
            ),
            some("Smith")
        );
    }

    #[test]
    fn extra_leading_zeros() {
        assert_eq!(
            regex_form(
                "00012345",
                "(?<leadingZeros>^0+)(?<actualValue>[a-zA-Z0-9]+)",
                "${actualValue}"
            ),
            some("12345")
        );
    }

    #[test]
    fn extra_hereditary_suffix() {
        assert_eq!(
            regex_form(
                "NLD_Van_der3",
                "(?<CountryISOCode>.*)_(?<suffix1>.*)_(?<suffix2>.*)[0-9]",
                "${suffix1} ${suffix2}"
            ),
            some("Van der")
        );
    }

    #[test]
    fn extra_nested_phone_cleanup() {
        let inner = regex_form(
            "+1 737-626-8331",
            r"\+(?<isdCode>\d* )(?<phoneNumber>.*)",
            "${phoneNumber}",
        )
        .unwrap()
        .unwrap();
        assert_eq!(regex_form(&inner, r"[()\s-]+", ""), some("7376268331"));
    }

    #[test]
    fn extra_phone_extension() {
        let pattern = r"\+(?<isdCode>\d* )(?<phoneNumber>.* )[x](?<extension>.*)";
        let number = regex_form("+1 (206) 291-8163 x8125", pattern, "${phoneNumber}")
            .unwrap()
            .unwrap();
        assert_eq!(regex_form(&number, r"[()\s-]+", ""), some("2062918163"));
        assert_eq!(
            regex_form("+1 (206) 291-8163 x8125", pattern, "${extension}"),
            some("8125")
        );
    }

    #[test]
    fn extra_zero_padding() {
        assert_eq!(
            regex_form("000000789", "(.*?)(?<id>.{0,6})$", "${id}"),
            some("000789")
        );
        assert_eq!(
            regex_form("0000000012345", "(.*?)(?<id>.{0,8})$", "${id}"),
            some("00012345")
        );
        assert_eq!(
            regex_form("0000000000567", "(.*?)(?<id>.{0,10})$", "${id}"),
            some("0000000567")
        );
    }

    #[test]
    fn extra_space_to_dot() {
        assert_eq!(literal_form("Mary Ann", " ", Some(".")), some("Mary.Ann"));
    }

    #[test]
    fn extra_isd_code_keeps_trailing_space() {
        assert_eq!(
            regex_form(
                "+44 20 7946 0958",
                r"\+(?<isdCode>\d* )(?<phoneNumber>.*)",
                "${isdCode}"
            ),
            some("44 ")
        );
    }

    // --- dispatch and null handling ---

    #[test]
    fn null_source_gives_null_in_forms_2_to_5() {
        let base = ReplaceArgs {
            source: None,
            ..ReplaceArgs::default()
        };
        let forms = [
            ReplaceArgs {
                regex_pattern: Some("a"),
                regex_group_name: Some("0"),
                replacement_value: Some("b"),
                ..base
            },
            ReplaceArgs {
                regex_pattern: Some("a"),
                replacement_value: Some("b"),
                ..base
            },
            ReplaceArgs {
                old_value: Some("a"),
                template: Some("<a>"),
                ..base
            },
            ReplaceArgs {
                old_value: Some("a"),
                replacement_value: Some("b"),
                ..base
            },
        ];
        for args in forms {
            assert_eq!(replace(&args), Ok(None), "{args:?}");
        }
    }

    #[test]
    fn nothing_applicable_returns_source() {
        let only_source = ReplaceArgs {
            source: Some("abc"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&only_source), some("abc"));
        assert_eq!(replace(&ReplaceArgs::default()), Ok(None));
        let empty_old = ReplaceArgs {
            old_value: Some(""),
            replacement_value: Some("x"),
            ..only_source
        };
        assert_eq!(replace(&empty_old), some("abc"));
        let empty_old_template = ReplaceArgs {
            old_value: Some(""),
            template: Some("t"),
            ..only_source
        };
        assert_eq!(replace(&empty_old_template), some("abc"));
        let pattern_only = ReplaceArgs {
            regex_pattern: Some("b"),
            ..only_source
        };
        assert_eq!(replace(&pattern_only), some("abc"));
        let group_without_pattern = ReplaceArgs {
            regex_group_name: Some("g"),
            replacement_value: Some("x"),
            ..only_source
        };
        assert_eq!(replace(&group_without_pattern), some("abc"));
    }

    #[test]
    fn missing_replacement_value_deletes_old_value() {
        assert_eq!(literal_form("a-b-c", "-", None), some("abc"));
    }

    #[test]
    fn literal_replace_is_case_sensitive_and_non_overlapping() {
        assert_eq!(
            literal_form("Contoso contoso", "contoso", Some("x")),
            some("Contoso x")
        );
        assert_eq!(literal_form("aaaa", "aa", Some("b")), some("bb"));
        assert_eq!(literal_form("Zoë Zoë", "ë", Some("e")), some("Zoe Zoe"));
    }

    #[test]
    fn template_wins_over_replacement_value() {
        let args = ReplaceArgs {
            source: Some("jsmith"),
            old_value: Some("%u"),
            replacement_value: Some("ignored"),
            template: Some("%u@contoso.com (%u)"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), some("jsmith@contoso.com (jsmith)"));
    }

    #[test]
    fn regex_wins_over_old_value() {
        let args = ReplaceArgs {
            source: Some("a1b2"),
            old_value: Some("a"),
            regex_pattern: Some(r"\d"),
            replacement_value: Some("#"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), some("a#b#"));
    }

    #[test]
    fn invalid_pattern_is_reported_even_when_unused() {
        let args = ReplaceArgs {
            source: Some("abc"),
            old_value: Some("a"),
            regex_pattern: Some("(unclosed"),
            ..ReplaceArgs::default()
        };
        assert!(replace(&args).is_err());
    }

    #[test]
    fn attribute_fallback_edges() {
        let args = ReplaceArgs {
            source: Some(""),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("no phone here"),
            ..ReplaceArgs::default()
        };
        assert_eq!(replace(&args), Ok(None));
        let optional_group = ReplaceArgs {
            regex_pattern: Some("(?<a>x)?y"),
            regex_group_name: Some("a"),
            replacement_attribute: Some("y"),
            ..args
        };
        assert_eq!(replace(&optional_group), Ok(None));
        let unknown = ReplaceArgs {
            regex_group_name: Some("phone"),
            ..args
        };
        let err = replace(&unknown).unwrap_err();
        assert!(err.contains("\"phone\" is not a group"), "{err}");
        assert!(err.contains("isdCode, phoneNumber"), "{err}");
        let no_group = ReplaceArgs {
            regex_group_name: None,
            ..args
        };
        let err = replace(&no_group).unwrap_err();
        assert!(err.contains("regexGroupName"), "{err}");
    }

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
    fn dotnet_group_numbering_puts_named_groups_last() {
        // .NET: $1 = (c), $2 = (?<a>…); regex-lite would number them the other way round.
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "$1|$2"), some("b|a"));
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "${a}"), some("a"));
        assert_eq!(group_form("ab", "(?<a>a)(b)", "2", "#"), some("#b"));
    }

    #[test]
    fn unmatched_group_substitutes_empty() {
        assert_eq!(regex_form("ac", "a(?<b>b)?c", "[${b}]"), some("[]"));
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
    fn angle_bracket_names_are_accepted_by_regex_lite() {
        let re = compile_dotnet_regex(r"(?<year>\d{4})-(?<month>\d{2})").unwrap();
        let caps = re.captures("on 2024-05").unwrap();
        assert_eq!(caps.name("year").map(|m| m.as_str()), Some("2024"));
        assert!(
            Regex::new("(?<raw>x)").is_ok(),
            "regex-lite accepts (?<name>…) natively"
        );
    }

    #[test]
    fn quote_names_are_translated() {
        let re = compile_dotnet_regex(r"(?'user'[^@]+)@").unwrap();
        let caps = re.captures("jsmith@contoso.com").unwrap();
        assert_eq!(caps.name("user").map(|m| m.as_str()), Some("jsmith"));
    }

    #[test]
    fn single_backslash_escape_from_expression_text() {
        // `"\+(?<isdCode>…)"` in an expression keeps the backslash, so `\+` arrives here.
        let re = compile_dotnet_regex(r"\+(?<isdCode>49|44)(?<phoneNumber>.*)").unwrap();
        let caps = re.captures("+49 30 1234").unwrap();
        assert_eq!(caps.name("isdCode").map(|m| m.as_str()), Some("49"));
    }

    #[test]
    fn unsupported_constructs_are_named_with_position() {
        let cases = [
            (r"abcd(?=x)", "lookahead (?= at character 5"),
            (r"a(?!x)", "negative lookahead (?! at character 2"),
            (r"(?<=a)b", "lookbehind (?<= at character 1"),
            (r"(?<!a)b", "negative lookbehind (?<! at character 1"),
            (r"(?>a+)b", "atomic group (?> at character 1"),
            (r"(?(a)b|c)", "conditional (?( at character 1"),
            (r"(a)\1", r"backreference \1 at character 4"),
            (r"(?<n>a)\k<n>", r"named backreference \k at character 8"),
            (
                r"a++",
                "possessive quantifier (a quantifier followed by +) at character 3",
            ),
            (
                r"a{2}+",
                "possessive quantifier (a quantifier followed by +) at character 5",
            ),
            (
                r"a*?+",
                "possessive quantifier (a quantifier followed by +) at character 4",
            ),
            (
                r"a**",
                "nested quantifier (two quantifiers in a row) at character 3",
            ),
            (r"\p{L}", r"Unicode category \p{…} at character 1"),
            (
                r"[a-z-[aeiou]]",
                "character class subtraction -[…] at character 5",
            ),
            (r"(?<a-b>x)", "balancing group (?<a-b> at character 1"),
            (r"(?<1>x)", "numbered group (?<1> at character 1"),
            (
                r"(?<a>x)(?<a>y)",
                "group name \"a\" a second time at character 8",
            ),
            (r"\Gx", r"\G anchor at character 1"),
            (r"x\Z", r"\Z anchor at character 2"),
            (r"(?x) a", "inline option x at character 1"),
            (r"(?n:a)", "inline option n at character 1"),
            (r"(?P<n>x)", "Python-style (?P at character 1"),
        ];
        for (pattern, expected) in cases {
            let err = compile_dotnet_regex(pattern).unwrap_err();
            assert!(err.contains(expected), "{pattern}: {err}");
            assert!(err.contains("not supported"), "{pattern}: {err}");
        }
    }

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
    fn dotnet_literal_rules_are_kept() {
        let matches =
            |pattern: &str, text: &str| compile_dotnet_regex(pattern).unwrap().is_match(text);
        assert!(matches("a{", "a{"));
        assert!(matches("a{x}", "a{x}"));
        assert!(matches("a{,3}", "a{,3}"));
        assert!(matches("}", "}"));
        assert!(matches("]", "]"));
        assert!(matches("[[]", "["));
        assert!(matches("[]a]", "]"));
        assert!(matches("[a&&b]", "&"));
        assert!(matches("[~~]", "~"));
        assert!(matches("[!--]", ","));
        assert!(matches("[--/]", "."));
        assert!(matches("[ #]", " "));
        assert!(matches("[a^]", "^"));
        assert!(!matches("[^a]", "a"));
        assert!(matches(r"[\b]", "\u{8}"));
        assert!(matches(r"\.\$\(\)\ \#\@", ".$() #@"));
        assert!(!matches(r"\.", "x"));
        assert!(matches(r"\x41\u00e9\t\e\cA\0", "Aé\t\u{1b}\u{1}\0"));
        assert!(matches(r"\0101", "\u{8}1"));
        assert!(matches(r"[\101]", "A"));
        assert!(matches("a(?#note)b", "ab"));
        assert!(matches("(?i)ABC", "abc"));
        assert!(matches("(?i:a)B", "AB"));
        assert!(matches("(?s).", "\n"));
        assert!(matches(r"\bword\b", "a word here"));
        assert!(matches(r"\Aab\z", "ab"));
        assert!(matches("x{2,}y{1,2}z{3}", "xxxyyzzz"));
        assert!(matches("a+?b*?c??", "ac"));
        assert!(matches("é+ü", "ééü"));
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
