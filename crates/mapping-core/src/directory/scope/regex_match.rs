//! The one place scoping filters run a regular expression: the same .NET-compatible engine as
//! `Replace` (see `expr::functions::replace`), with the same backtracking limit.

pub use fancy_regex::Regex;

/// Compiles a `REGEX MATCH` pattern with .NET's syntax and default options.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    crate::expr::functions::replace::compile_dotnet_regex(pattern)
}

/// Whether `value` matches anywhere (like .NET's `Regex.IsMatch`): an anchored pattern
/// (`^…$`) must match the whole value. `None` when the match ran past the backtracking limit
/// (.NET's match timeout): the clause then holds neither way.
pub fn is_match(regex: &Regex, value: &str) -> Option<bool> {
    regex.is_match(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_classes_apply_and_runaway_matches_decide_nothing() {
        let digits = compile(r"^\d+$").unwrap();
        assert_eq!(is_match(&digits, "٣٤٥"), Some(true));
        assert_eq!(is_match(&digits, "12a"), Some(false));
        let runaway = compile(r"^(a|aa)+(?!a)b").unwrap();
        let value = format!("{}!", "a".repeat(40));
        assert_eq!(is_match(&runaway, &value), None);
    }
}
