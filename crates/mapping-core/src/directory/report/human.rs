//! The terminal summary. Its last line is exactly
//! `N users: C create, U update, K unchanged, S out of scope, F fail`.

use crate::directory::summary::Summary;
use std::fmt::Write;

/// The summary for a terminal; its last line is the one scripts read.
pub fn render(summary: &Summary) -> String {
    let mut s = String::new();
    if summary.read_errors > 0 {
        let _ = writeln!(s, "{} records could not be read:", summary.read_errors);
        for e in &summary.read_error_examples {
            let _ = writeln!(s, "  {e}");
        }
    }
    if !summary.findings.is_empty() {
        let _ = writeln!(s, "Findings (users):");
        let mut by_count: Vec<_> = summary.findings.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1));
        for (code, n) in by_count {
            let _ = writeln!(s, "  {n:>8}  {code}");
        }
    }
    if !summary.rejected_phone_formats.is_empty() {
        let _ = writeln!(s, "Phone formats Genesys rejects (most common first):");
        for p in &summary.rejected_phone_formats {
            let _ = writeln!(
                s,
                "  {:>8}  {}   e.g. {:?} ({})",
                p.count, p.shape, p.example_value, p.example_user
            );
            if let Some(e) = &p.suggested_expression {
                let _ = writeln!(s, "            suggested: {e}");
            }
        }
    }
    if summary.duplicate_matching_value_count > 0 {
        let _ = writeln!(
            s,
            "Duplicate matching values: {}",
            summary.duplicate_matching_value_count
        );
        for d in &summary.duplicate_matching_values {
            let _ = writeln!(s, "  {:>8}  {}  ({})", d.count, d.value, d.users.join(", "));
        }
    }
    if summary.managers_missing > 0 {
        let _ = writeln!(
            s,
            "Users whose manager is neither in scope nor in Genesys: {}",
            summary.managers_missing
        );
        for m in &summary.managers_missing_examples {
            let _ = writeln!(s, "  {m}");
        }
    }
    for g in &summary.missing_groups {
        let _ = writeln!(
            s,
            "Group missing in Genesys: {} ({} members, e.g. {})",
            g.group, g.members, g.example_user
        );
    }
    for (a, n) in &summary.updated_attributes {
        let _ = writeln!(s, "Update: {a} changes for {n} users");
    }
    for (a, n) in &summary.after_mapping_patches {
        let _ = writeln!(s, "Mapping change: {a} sends {n} PATCHes");
    }
    let _ = writeln!(s, "Quarantine: {}", summary.quarantine.verdict);
    for n in &summary.notes {
        let _ = writeln!(s, "Note: {n}");
    }
    let _ = write!(s, "{}", summary.last_line());
    s
}
