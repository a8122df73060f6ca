//! `preview` and `patch` stop on a mapping set that lint rejects: with errors, Entra would leave
//! rows out (an expression or a target it cannot read) or keep one of two rows that write the
//! same target, and a preview that quietly did the same would mislead. `--allow-errors` goes on
//! anyway, with those errors among the findings.

use mapping_core::diag::Severity;
use mapping_core::finding::Finding;
use mapping_core::lint;
use mapping_core::mapping::model::MappingSet;
use std::process::ExitCode;

/// The lint errors of `set` (named `set_name` in messages). When there are some and
/// `allow_errors` is off, reports them (as JSON on standard output with `json`) and returns the
/// exit status 1; otherwise returns them for the command's findings.
pub fn lint_errors(
    set: &MappingSet,
    set_name: &str,
    allow_errors: bool,
    json: bool,
) -> Result<Vec<Finding>, ExitCode> {
    let errors: Vec<Finding> = lint::lint(set)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() || allow_errors {
        return Ok(errors);
    }
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "errors": errors }))
                .unwrap_or_default()
        );
    }
    for f in &errors {
        errln!("{}", f.render());
    }
    errln!(
        "error: {set_name}: {} in the mapping set; Entra would leave rows out or keep only one of \
         two rows that write the same target. Fix them (see `scim-map lint`), or pass \
         --allow-errors to go on anyway.",
        plural(errors.len(), "error")
    );
    Err(ExitCode::FAILURE)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
