//! The one place scoping filters run a regular expression. `regex-lite` for now; the .NET
//! compatible engine replaces it here and nowhere else.

pub use regex_lite::Regex;

/// Compiles a `REGEX MATCH` pattern.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    Regex::new(pattern).map_err(|e| e.to_string())
}

/// Whether `value` matches anywhere (like .NET's `Regex.IsMatch`): an anchored pattern
/// (`^…$`) must match the whole value.
pub fn is_match(regex: &Regex, value: &str) -> bool {
    regex.is_match(value)
}
