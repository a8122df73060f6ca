//! Everything that opens with `(`: plain and named groups, comments and inline options; the
//! .NET constructs `regex-lite` cannot run (lookaround, atomic groups, conditionals, balancing
//! groups) are rejected.

use super::translator::Translator;

impl Translator {
    /// A `(`: a group, an inline option, a comment, or an unsupported construct.
    pub(super) fn group(&mut self) -> Result<(), String> {
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
        let flags = self.run_from(flags_start, |c| c != ':' && c != ')');
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
    use super::super::compile_dotnet_regex;
    use regex_lite::Regex;

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
}
