//! Groups: capturing, named (`(?<name>…)`, `(?'name'…)`), non-capturing, lookaround, atomic,
//! comments and inline options. Conditionals and balancing groups are refused with advice.

use super::translator::Translator;

/// Group openings copied as they are: lookahead, lookbehind, atomic, non-capturing.
const PASSED: &[&str] = &["(?=", "(?!", "(?<=", "(?<!", "(?>", "(?:"];

impl Translator {
    /// Reads a group opening at `(`.
    pub(super) fn group(&mut self) -> Result<(), String> {
        let start = self.pos;
        if self.at("(?(") {
            return Err(Self::unsupported(
                start,
                "a conditional (?(",
                "Split the logic with IIF instead.",
            ));
        }
        if self.at("(?P") {
            return Err(Self::unsupported(
                start,
                "Python-style (?P",
                "Name groups the .NET way: (?<name>…).",
            ));
        }
        if let Some(opening) = PASSED.iter().find(|p| self.at(p)) {
            self.out.push_str(opening);
            self.pos += opening.chars().count();
            self.open_scope(self.opts());
            return Ok(());
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
        self.pos += 1;
        if self.opts().explicit_capture {
            self.out.push_str("(?:");
        } else {
            self.out.push('(');
            self.groups.push(None);
        }
        self.open_scope(self.opts());
        Ok(())
    }

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

    fn named_group(&mut self, start: usize) -> Result<(), String> {
        let close = if self.peek(2) == Some('\'') {
            '\''
        } else {
            '>'
        };
        let name_start = self.pos + 3;
        let name = self.run_from(name_start, |c| c != close);
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
        self.groups.push(Some(name));
        self.pos = name_start + name_len + 1;
        self.open_scope(self.opts());
        Ok(())
    }

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
        if self.groups.iter().flatten().any(|n| n == name) {
            return Err(Self::unsupported(
                start,
                &format!("the group name \"{name}\" a second time"),
                "Give each group its own name.",
            ));
        }
        Ok(())
    }

    /// `(?imnsx-imnsx)` (for the rest of the enclosing group) or `(?imnsx-imnsx:…)`.
    fn inline_options(&mut self, start: usize) -> Result<(), String> {
        let flags_start = self.pos + 2;
        let flags = self.run_from(flags_start, |c| c != ':' && c != ')');
        let end = flags_start + flags.chars().count();
        let scoped = match self.chars.get(end) {
            Some(':') => true,
            Some(')') => false,
            _ => {
                return Err(format!(
                    "The regular expression has an option group (?{flags} at character {} that \
                     is never closed.",
                    start + 1
                ))
            }
        };
        let mut options = self.opts();
        let mut passed = String::new();
        let mut on = true;
        for flag in flags.chars() {
            match flag {
                '-' => {
                    on = false;
                    passed.push('-');
                }
                'i' | 's' => passed.push(flag),
                'm' => options.multiline = on,
                'n' => options.explicit_capture = on,
                'x' => options.ignore_whitespace = on,
                _ => {
                    return Err(format!(
                        "The regular expression has an unknown group construct (?{flags} at \
                         character {}. Groups are written (…), (?:…) or (?<name>…); options are \
                         i, m, n, s and x.",
                        start + 1
                    ))
                }
            }
        }
        let passed = passed.trim_end_matches('-');
        self.pos = end + 1;
        if scoped {
            self.out.push_str("(?");
            self.out.push_str(passed);
            self.out.push(':');
            self.open_scope(options);
        } else {
            if !passed.is_empty() {
                self.out.push_str("(?");
                self.out.push_str(passed);
                self.out.push(')');
            }
            if let Some(top) = self.options.last_mut() {
                *top = options;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile_dotnet_regex;

    #[test]
    fn both_name_syntaxes_are_accepted() {
        let re = compile_dotnet_regex(r"(?<year>\d{4})-(?'month'\d{2})").unwrap();
        let caps = re.captures("on 2024-05").unwrap().unwrap();
        assert_eq!(caps.name("year").map(|m| m.as_str()), Some("2024"));
        assert_eq!(caps.name("month").map(|m| m.as_str()), Some("05"));
    }

    #[test]
    fn option_scopes_end_with_their_group() {
        let re = compile_dotnet_regex(r"((?i)a)a").unwrap();
        assert!(re.is_match("Aa").unwrap());
        assert!(!re.is_match("AA").unwrap());
        let re = compile_dotnet_regex(
            r"(?x)(a # comment ( with a parenthesis
            b)",
        )
        .unwrap();
        assert!(re.is_match("ab").unwrap());
        assert_eq!(re.captures_len(), 2);
    }
}
