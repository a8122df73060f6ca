//! POSIX shell quoting: a value becomes one single-quoted word, whatever it holds.

/// Quotes `value` as one word for `sh`/`bash`/`zsh`: wrapped in single quotes, each single quote
/// written as `'\''`. Inside single quotes nothing is special (no `$`, backquote, `\` or `!`
/// expansion in a script), so hostile text stays text.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes() {
        assert_eq!(quote("abc"), "'abc'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("it's"), "'it'\\''s'");
    }

    /// The real proof: `sh` reads each quoted value back as exactly one argument, unchanged,
    /// and nothing in it runs.
    #[cfg(unix)]
    #[test]
    fn sh_reads_hostile_values_back_unchanged() {
        let hostile = [
            "a'; touch /tmp/scim-map-pwned; echo '",
            "$(touch /tmp/scim-map-pwned)",
            "`touch /tmp/scim-map-pwned`",
            "\\' \" $HOME !! * ? ~ # ; & | < > ( ) { } [ ]",
            "''''",
            "line one\nline two",
            "ünïcödé ✓",
        ];
        for value in hostile {
            let script = format!("printf '%s' {}", quote(value));
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(&script)
                .output()
                .expect("sh runs");
            assert!(out.status.success(), "{script}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), value, "{script}");
        }
        assert!(!std::path::Path::new("/tmp/scim-map-pwned").exists());
    }
}
