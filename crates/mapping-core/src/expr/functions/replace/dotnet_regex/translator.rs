//! Rewrites a .NET pattern as a `regex-lite` pattern, one construct at a time: the main loop,
//! literal characters, quantifiers and braces. Escapes, character classes and groups are read
//! by the sibling modules `escapes`, `classes` and `groups`.

use std::fmt::Write as _;

/// A single element of a pattern: one literal character, or `regex-lite` syntax to copy as is
/// (`\d`, `\b` …).
pub(super) enum Atom {
    /// A character that must match itself.
    Char(char),
    /// A class shorthand or assertion, already in `regex-lite` syntax.
    Raw(&'static str),
}

/// Rewrites a .NET pattern as a `regex-lite` pattern, one construct at a time.
pub(super) struct Translator {
    /// The .NET pattern; positions in messages are indexes into it, plus one.
    pub(super) chars: Vec<char>,
    /// Index of the next character to read.
    pub(super) pos: usize,
    /// The `regex-lite` pattern written so far.
    pub(super) out: String,
    /// Names of the groups seen so far, to reject duplicates.
    pub(super) group_names: Vec<String>,
}

impl Translator {
    /// A translator positioned at the start of `pattern`.
    pub(super) fn new(pattern: &str) -> Self {
        Self {
            chars: pattern.chars().collect(),
            pos: 0,
            out: String::with_capacity(pattern.len() + 16),
            group_names: Vec::new(),
        }
    }

    /// Translates the whole pattern.
    pub(super) fn run(mut self) -> Result<String, String> {
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

    /// An error about the construct at character index `index`.
    pub(super) fn unsupported(index: usize, what: &str, advice: &str) -> String {
        format!(
            "The regular expression uses {what} at character {}, which is not supported by this \
             preview. {advice}",
            index + 1
        )
    }

    /// Emits `c` so that it always matches itself, whatever mode or context it ends up in.
    pub(super) fn push_literal(&mut self, c: char) {
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
        if self.peek(0) == Some('+') {
            return Err(Self::unsupported(
                self.pos,
                "a possessive quantifier (a quantifier followed by +)",
                ".NET does not accept it either; remove the extra +.",
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

    /// Emits an atom read from the pattern.
    pub(super) fn push_atom(&mut self, atom: Atom) {
        match atom {
            Atom::Char(c) => self.push_literal(c),
            Atom::Raw(text) => self.out.push_str(text),
        }
    }

    /// The characters from index `from` up to (not including) the first one that fails `keep`.
    pub(super) fn run_from(&self, from: usize, keep: impl Fn(char) -> bool) -> String {
        self.chars
            .iter()
            .skip(from)
            .take_while(|&&c| keep(c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile_dotnet_regex;

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
}
