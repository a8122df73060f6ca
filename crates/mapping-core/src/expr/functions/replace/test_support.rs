//! Helpers shared by the `Replace` tests.

use super::super::budget::Budget;
use super::{replace, ReplaceArgs};

/// Form 3: `Replace(source, , pattern, , replacement, , )`.
pub(super) fn regex_form(
    source: &str,
    pattern: &str,
    replacement: &str,
) -> Result<Option<String>, String> {
    replace(
        &ReplaceArgs {
            source: Some(source),
            regex_pattern: Some(pattern),
            replacement_value: Some(replacement),
            ..ReplaceArgs::default()
        },
        &mut Budget::default(),
    )
}

/// Form 2: `Replace(source, , pattern, group, replacement, , )`.
pub(super) fn group_form(
    source: &str,
    pattern: &str,
    group: &str,
    value: &str,
) -> Result<Option<String>, String> {
    replace(
        &ReplaceArgs {
            source: Some(source),
            regex_pattern: Some(pattern),
            regex_group_name: Some(group),
            replacement_value: Some(value),
            ..ReplaceArgs::default()
        },
        &mut Budget::default(),
    )
}

pub(super) fn some(s: &str) -> Result<Option<String>, String> {
    Ok(Some(s.to_owned()))
}

/// `replace` with a fresh budget.
pub(super) fn run(args: &ReplaceArgs) -> Result<Option<String>, String> {
    replace(args, &mut Budget::default())
}
