//! The settings typed as text in the Options panel: one Genesys group per line, and
//! `entraObjectId=genesysId` lines for users already provisioned.

use std::collections::BTreeMap;

/// The non-blank lines of `text`, trimmed.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `key=value` lines of `text` with both sides non-blank, trimmed.
pub fn pairs(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_pairs() {
        assert_eq!(lines(" a \n\nb"), vec!["a", "b"]);
        let p = pairs("x = 1\nbad\n=2\ny=2");
        assert_eq!(p.len(), 2);
        assert_eq!(p["x"], "1");
    }
}
