//! Backslash escapes, inside and outside character classes: class shorthands, anchors, control
//! characters, hexadecimal, Unicode and octal escapes, `\p{…}`, and backreferences by number
//! and by name. .NET's `\w`, `\d`, `\s` and `\b` are written out as general categories.

use super::translator::{Atom, Translator};
use super::unicode_names::{self, Property};

/// .NET's `\w` (letters, non-spacing marks, decimal digits, connector punctuation), as class items.
const WORD: &str = r"\p{L}\p{Mn}\p{Nd}\p{Pc}";
/// .NET's `\s` (`\f\n\r\t\v\x85` and the separators `\p{Z}`), as class items.
const SPACE: &str = r"\f\n\r\t\x0B\x{85}\p{Z}";

/// `\b` on .NET's `\w`: a word character on exactly one side.
fn word_boundary(negated: bool) -> String {
    let w = format!("[{WORD}]");
    if negated {
        format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
    } else {
        format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
    }
}

/// A set of class items, as an atom: bare items inside a class, bracketed outside.
fn items(items: &str, negated: bool, in_class: bool) -> Atom {
    Atom::Raw(match (negated, in_class) {
        (false, true) => items.to_owned(),
        (false, false) => format!("[{items}]"),
        (true, _) => format!("[^{items}]"),
    })
}

impl Translator {
    /// Reads an escape outside a character class and writes its translation.
    pub(super) fn escape(&mut self) -> Result<(), String> {
        let atom = self.read_escape(false)?;
        self.push_atom(atom);
        Ok(())
    }

    /// Reads the escape at the current `\\`; `in_class` selects the rules inside `[…]`.
    pub(super) fn read_escape(&mut self, in_class: bool) -> Result<Atom, String> {
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
            'd' => Atom::Raw(r"\p{Nd}".to_owned()),
            'D' => Atom::Raw(r"\P{Nd}".to_owned()),
            'w' | 'W' => items(WORD, c == 'W', in_class),
            's' | 'S' => items(SPACE, c == 'S', in_class),
            'p' | 'P' => self.property(start, c == 'P', in_class)?,
            'b' if in_class => Atom::Char('\u{8}'),
            'b' | 'B' => Atom::Raw(word_boundary(c == 'B')),
            'A' if !in_class => Atom::Raw(r"\A".to_owned()),
            'z' if !in_class => Atom::Raw(r"\z".to_owned()),
            'Z' if !in_class => Atom::Raw(r"(?=\n?\z)".to_owned()),
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
                self.pos -= 1;
                let digits = self.run_from(self.pos, |d| d.is_ascii_digit());
                self.pos += digits.chars().count();
                self.numbered_backreference(start, &digits)?
            }
            'k' if !in_class => self.named_backreference(start)?,
            'G' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    "the \\G anchor",
                    "Use ^ to anchor at the start instead.",
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

    /// `\p{name}` / `\P{name}`: a general category or a .NET named block.
    fn property(&mut self, start: usize, negated: bool, in_class: bool) -> Result<Atom, String> {
        let name = (self.peek(0) == Some('{'))
            .then(|| self.run_from(self.pos + 1, |c| c != '}'))
            .filter(|name| self.chars.get(self.pos + 1 + name.chars().count()) == Some(&'}'));
        let Some(name) = name else {
            return Err(format!(
                "The regular expression has \\p at character {} without a {{name}}: write \
                 \\p{{L}} for a category or \\p{{IsGreek}} for a block.",
                start + 1
            ));
        };
        self.pos += name.chars().count() + 2;
        match unicode_names::property(&name) {
            Some(Property::Category(category)) => Ok(Atom::Raw(format!(
                "\\{}{{{category}}}",
                if negated { 'P' } else { 'p' }
            ))),
            Some(Property::Block(first, _)) if unicode_names::is_surrogate_block(first) => {
                Err(Self::unsupported(
                    start,
                    &format!("the surrogate block \\p{{{name}}}"),
                    "This preview matches whole characters, never halves of a UTF-16 pair.",
                ))
            }
            Some(Property::Block(first, last)) => Ok(items(
                &format!("\\x{{{first:X}}}-\\x{{{last:X}}}"),
                negated,
                in_class,
            )),
            None => Err(format!(
                "The regular expression names the unknown Unicode category or block \\p{{{name}}} \
                 at character {}. Categories are written like L, Lu or Nd; blocks like IsGreek \
                 or IsBasicLatin (names are case-sensitive).",
                start + 1
            )),
        }
    }

    /// `\1`…: a backreference by .NET group number.
    fn numbered_backreference(&mut self, start: usize, digits: &str) -> Result<Atom, String> {
        self.numbered_backreference = true;
        let number: usize = digits.parse().unwrap_or(usize::MAX);
        let Some(by_number) = &self.by_number else {
            return Ok(Atom::Raw(r"(?:\1)".to_owned()));
        };
        match by_number.get(number).filter(|_| number > 0) {
            Some(index) => Ok(Atom::Raw(format!(r"(?:\{index})"))),
            None => Err(format!(
                "The regular expression refers to group {number} at character {}, but it has \
                 {} numbered group(s).",
                start + 1,
                by_number.len().saturating_sub(1)
            )),
        }
    }

    /// `\k<name>` or `\k'name'` (a name or a group number).
    fn named_backreference(&mut self, start: usize) -> Result<Atom, String> {
        let close = match self.peek(0) {
            Some('<') => '>',
            Some('\'') => '\'',
            _ => {
                return Err(format!(
                    "The regular expression has \\k at character {} without <name>: write \
                     \\k<name> to match the text of a named group again.",
                    start + 1
                ))
            }
        };
        let name = self.run_from(self.pos + 1, |c| c != close);
        if self.chars.get(self.pos + 1 + name.chars().count()) != Some(&close) {
            return Err(format!(
                "The regular expression has \\k at character {} whose name is never closed.",
                start + 1
            ));
        }
        self.pos += name.chars().count() + 2;
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
            return self.numbered_backreference(start, &name);
        }
        Ok(Atom::Raw(format!("(?:\\k<{name}>)")))
    }

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
}

#[cfg(test)]
mod tests {
    use super::super::compile_dotnet_regex;

    #[test]
    fn single_backslash_escape_from_expression_text() {
        // `"\+(?<isdCode>…)"` in an expression keeps the backslash, so `\+` arrives here.
        let re = compile_dotnet_regex(r"\+(?<isdCode>49|44)(?<phoneNumber>.*)").unwrap();
        let caps = re.captures("+49 30 1234").unwrap().unwrap();
        assert_eq!(caps.name("isdCode").map(|m| m.as_str()), Some("49"));
    }
}
