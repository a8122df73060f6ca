//! Writing the check's results: [`human`] for a terminal (its last line is the one scripts
//! read), [`json`] (per-user records streamed, then the summary), [`csv`] (a row per user, safe
//! to open in a spreadsheet), and [`markdown`] (for a change ticket, safe against markup in
//! names). Directory data is untrusted in every one of them.

pub mod csv;
pub mod human;
pub mod json;
pub mod markdown;

use super::check::UserRecord;

/// The finding codes of a user, each once, in order: `phone-rejected manager-not-provisioned`.
pub fn codes(record: &UserRecord) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for f in &record.findings {
        if !codes.contains(&f.code.as_str()) {
            codes.push(f.code.as_str());
        }
    }
    codes.join(" ")
}
