//! Rewrites a .NET pattern as a `fancy-regex` pattern, one construct at a time: the main loop,
//! literal characters, quantifiers and braces, the scope of inline options, and an estimate of
//! the work the pattern does per character of input. Escapes, character classes and groups are
//! read by the sibling modules `escapes`, `classes` and `groups`.
//!
//! Options are applied here, not passed on: `m` rewrites `^`/`$`, `n` makes unnamed groups
//! non-capturing, `x` drops white space and `#` comments; only `i` and `s` reach `fancy-regex`.
//! Backreferences by number are renumbered from .NET's order (unnamed groups first, then named)
//! to `fancy-regex`'s (order of the opening parenthesis), which needs the group list of a first
//! pass: see [`translate`].

use std::fmt::Write as _;

/// A single element of a pattern: one literal character, or `fancy-regex` syntax to copy as is.
pub(super) enum Atom {
    /// A character that must match itself.
    Char(char),
    /// A class, assertion or backreference, already in `fancy-regex` syntax.
    Raw(String),
}

/// The inline options in force (`(?imnsx)`).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Options {
    pub(super) multiline: bool,
    pub(super) explicit_capture: bool,
    pub(super) ignore_whitespace: bool,
}

/// The result of a translation.
pub(super) struct Translated {
    pub(super) pattern: String,
    /// The capturing groups in order of their opening parenthesis: `Some(name)` or `None`.
    pub(super) groups: Vec<Option<String>>,
    /// Upper estimate of the pattern's automaton size: the work per character of input.
    pub(super) weight: u64,
}

/// Translates a .NET pattern (two passes when it has numbered backreferences).
pub(super) fn translate(pattern: &str) -> Result<Translated, String> {
    let first = Translator::new(pattern, None).run()?;
    if !first.1 {
        return Ok(first.0);
    }
    let groups = first.0.groups;
    let unnamed = (0..groups.len()).filter(|&i| groups.get(i).is_some_and(Option::is_none));
    let named = (0..groups.len()).filter(|&i| groups.get(i).is_some_and(Option::is_some));
    let by_number = std::iter::once(0)
        .chain(unnamed.chain(named).map(|i| i + 1))
        .collect();
    Ok(Translator::new(pattern, Some(by_number)).run()?.0)
}

/// Rewrites a .NET pattern as a `fancy-regex` pattern, one construct at a time.
pub(super) struct Translator {
    /// The .NET pattern; positions in messages are indexes into it, plus one.
    pub(super) chars: Vec<char>,
    /// Index of the next character to read.
    pub(super) pos: usize,
    /// The `fancy-regex` pattern written so far.
    pub(super) out: String,
    /// Capturing groups so far, in order of their opening parenthesis.
    pub(super) groups: Vec<Option<String>>,
    /// The options of each open group; the last is in force.
    pub(super) options: Vec<Options>,
    /// .NET group number → `fancy-regex` index, known in the second pass.
    pub(super) by_number: Option<Vec<usize>>,
    /// Whether a numbered backreference was seen (a second pass is needed).
    pub(super) numbered_backreference: bool,
    /// Per open group: (weight of the finished items, weight of the last item).
    weights: Vec<(u64, u64)>,
}

impl Translator {
    /// A translator positioned at the start of `pattern`.
    pub(super) fn new(pattern: &str, by_number: Option<Vec<usize>>) -> Self {
        Self {
            chars: pattern.chars().collect(),
            pos: 0,
            out: String::with_capacity(pattern.len() + 16),
            groups: Vec::new(),
            options: vec![Options::default()],
            by_number,
            numbered_backreference: false,
            weights: vec![(0, 0)],
        }
    }

    /// Translates the whole pattern; the flag says whether it has numbered backreferences.
    fn run(mut self) -> Result<(Translated, bool), String> {
        while let Some(c) = self.peek(0) {
            if self.opts().ignore_whitespace && (c.is_whitespace() || c == '#') {
                self.skip_whitespace_or_comment(c);
                continue;
            }
            match c {
                '\\' => {
                    self.escape()?;
                    self.item();
                }
                '[' => {
                    self.class()?;
                    self.item();
                }
                '(' => {
                    self.group()?;
                }
                ')' => {
                    self.out.push(')');
                    self.pos += 1;
                    self.close_scope();
                }
                '{' => self.brace()?,
                '*' | '+' | '?' => {
                    self.out.push(c);
                    self.pos += 1;
                    self.quantifier_tail()?;
                }
                '^' | '$' => {
                    self.anchor(c);
                    self.item();
                }
                '|' => {
                    self.out.push('|');
                    self.pos += 1;
                    self.item();
                }
                '}' | ']' => {
                    self.push_literal(c);
                    self.pos += 1;
                    self.item();
                }
                _ => {
                    self.out.push(c);
                    self.pos += 1;
                    self.item();
                }
            }
        }
        let (done, last) = self.weights.first().copied().unwrap_or((0, 0));
        Ok((
            Translated {
                pattern: self.out,
                groups: self.groups,
                weight: done.saturating_add(last).max(1),
            },
            self.numbered_backreference,
        ))
    }

    /// The options in force.
    pub(super) fn opts(&self) -> Options {
        self.options.last().copied().unwrap_or_default()
    }

    /// The next-but-`offset` character.
    pub(super) fn peek(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    /// Whether the text at the current position starts with `prefix`.
    pub(super) fn at(&self, prefix: &str) -> bool {
        prefix
            .chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    /// The message for a .NET construct this preview does not run.
    pub(super) fn unsupported(index: usize, what: &str, advice: &str) -> String {
        format!(
            "The regular expression uses {what} at character {}, which is not supported by this \
             preview. {advice}",
            index + 1
        )
    }

    /// Writes a character that must match itself.
    pub(super) fn push_literal(&mut self, c: char) {
        if c.is_alphanumeric() {
            self.out.push(c);
        } else {
            let _ = write!(self.out, "\\x{{{:X}}}", u32::from(c));
        }
    }

    /// Opens a group scope (options and weight) with these options.
    pub(super) fn open_scope(&mut self, options: Options) {
        self.options.push(options);
        self.weights.push((0, 0));
    }

    /// Closes the innermost group scope; its weight becomes one item of the enclosing one.
    fn close_scope(&mut self) {
        if self.options.len() > 1 {
            self.options.pop();
        }
        if self.weights.len() > 1 {
            let (done, last) = self.weights.pop().unwrap_or((0, 0));
            self.item_of(done.saturating_add(last).max(1));
        } else {
            self.item();
        }
    }

    /// One more item of weight 1 in the current scope.
    pub(super) fn item(&mut self) {
        self.item_of(1);
    }

    fn item_of(&mut self, weight: u64) {
        if let Some(top) = self.weights.last_mut() {
            top.0 = top.0.saturating_add(top.1);
            top.1 = weight;
        }
    }

    /// The last item is repeated up to `times` times.
    fn repeat(&mut self, times: u64) {
        if let Some(top) = self.weights.last_mut() {
            top.1 = top.1.saturating_mul(times.max(1));
        }
    }

    fn skip_whitespace_or_comment(&mut self, c: char) {
        if c == '#' {
            while self.peek(0).is_some_and(|c| c != '\n') {
                self.pos += 1;
            }
        }
        self.pos += 1;
    }

    /// `^` and `$` with .NET's meaning: `$` without `m` also matches before a final `\n`.
    fn anchor(&mut self, c: char) {
        self.pos += 1;
        let multiline = self.opts().multiline;
        self.out.push_str(match (c, multiline) {
            ('^', false) => "^",
            ('^', true) => "(?m:^)",
            (_, false) => "(?=\\n?\\z)",
            (_, true) => "(?m:$)",
        });
    }

    fn quantifier_tail(&mut self) -> Result<(), String> {
        if self.peek(0) == Some('?') {
            self.out.push('?');
            self.pos += 1;
        }
        if self.peek(0) == Some('+') {
            return Err(Self::unsupported(
                self.pos,
                "a possessive quantifier (a quantifier followed by +)",
                ".NET does not accept it either; remove the extra +, or use an atomic group (?>…).",
            ));
        }
        if matches!(self.peek(0), Some('*' | '?')) || self.quantifier_len().is_some() {
            return Err(Self::unsupported(
                self.pos,
                "a nested quantifier (two quantifiers in a row)",
                ".NET rejects it as well; wrap the first part in (?:…) before repeating it.",
            ));
        }
        Ok(())
    }

    /// The length of a `{n}`, `{n,}` or `{n,m}` quantifier at the current position, if one is.
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

    /// A counted quantifier, or a literal `{` where .NET reads one.
    fn brace(&mut self) -> Result<(), String> {
        match self.quantifier_len() {
            Some(len) => {
                let text: String = self.chars.iter().skip(self.pos).take(len).collect();
                let bounds: Vec<u64> = text
                    .trim_matches(|c| c == '{' || c == '}')
                    .split(',')
                    .filter_map(|n| n.parse::<u64>().ok())
                    .collect();
                if let [least, most] = bounds[..] {
                    if least > most {
                        return Err(format!(
                            "The regular expression has the quantifier {text} at character {}, \
                             whose minimum is larger than its maximum.",
                            self.pos + 1
                        ));
                    }
                }
                let most = bounds.iter().copied().max().unwrap_or(1);
                let unbounded = text.ends_with(",}");
                self.out.push_str(&text);
                self.pos += len;
                self.repeat(most.saturating_add(u64::from(unbounded)));
                self.quantifier_tail()
            }
            None => {
                self.push_literal('{');
                self.pos += 1;
                self.item();
                Ok(())
            }
        }
    }

    /// Writes an atom.
    pub(super) fn push_atom(&mut self, atom: Atom) {
        match atom {
            Atom::Char(c) => self.push_literal(c),
            Atom::Raw(text) => self.out.push_str(&text),
        }
    }

    /// The characters from `from` while `keep` holds.
    pub(super) fn run_from(&self, from: usize, keep: impl Fn(char) -> bool) -> String {
        self.chars
            .iter()
            .skip(from)
            .take_while(|&&c| keep(c))
            .collect()
    }
}
