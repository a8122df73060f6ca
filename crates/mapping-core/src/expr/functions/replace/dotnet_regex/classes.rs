//! Character classes `[…]`, read with .NET's rules and written so `fancy-regex` reads them the
//! same way; .NET's class subtraction `[a-z-[aeiou]]` becomes `fancy-regex`'s `--`.

use super::translator::{Atom, Translator};

impl Translator {
    /// A character class `[…]`, read with .NET's rules: `]` first is literal, `[` `&` `~` are
    /// ordinary characters, and `x-y` is a range whenever `-` is not last.
    pub(super) fn class(&mut self) -> Result<(), String> {
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
            if self.pos > first_item && self.at("-[") {
                return self.subtraction(open);
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
            if self.at("-[") {
                self.push_atom(low);
                return self.subtraction(open);
            }
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

    /// .NET's class subtraction `[base-[excluded]]`, which must end the class.
    fn subtraction(&mut self, open: usize) -> Result<(), String> {
        self.out.push_str("--");
        self.pos += 1;
        self.class()?;
        if self.peek(0) != Some(']') {
            return Err(format!(
                "The regular expression subtracts a class inside the class [ at character {}, \
                 but the subtraction is not the last thing in it. Write [base-[excluded]].",
                open + 1
            ));
        }
        self.out.push(']');
        self.pos += 1;
        Ok(())
    }
}
