//! Backslash escapes, inside and outside character classes: class shorthands, anchors, control
//! characters, hexadecimal, Unicode and octal escapes; backreferences and the .NET-only anchors
//! are rejected.

use super::translator::{Atom, Translator};

/// What to do instead of a backreference.
const BACKREFERENCE_ADVICE: &str =
    "Backreferences cannot be evaluated here; match the text again instead.";

impl Translator {
    /// A backslash escape outside a character class.
    pub(super) fn escape(&mut self) -> Result<(), String> {
        let atom = self.read_escape(false)?;
        self.push_atom(atom);
        Ok(())
    }

    /// Reads a backslash escape, inside (`in_class`) or outside a character class.
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
                    BACKREFERENCE_ADVICE,
                ))
            }
            'k' if !in_class => {
                return Err(Self::unsupported(
                    start,
                    "a named backreference \\k",
                    BACKREFERENCE_ADVICE,
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
}

#[cfg(test)]
mod tests {
    use super::super::compile_dotnet_regex;

    #[test]
    fn single_backslash_escape_from_expression_text() {
        // `"\+(?<isdCode>…)"` in an expression keeps the backslash, so `\+` arrives here.
        let re = compile_dotnet_regex(r"\+(?<isdCode>49|44)(?<phoneNumber>.*)").unwrap();
        let caps = re.captures("+49 30 1234").unwrap();
        assert_eq!(caps.name("isdCode").map(|m| m.as_str()), Some("49"));
    }
}
