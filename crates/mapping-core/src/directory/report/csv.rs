//! A row per user: id, userName, scope, outcome, finding codes. No cell can be read as a formula
//! by a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading `'`; the `csv` crate quotes the rest.

use super::codes;
use crate::directory::check::UserRecord;
use std::io::Write;

/// The header row.
pub const HEADER: [&str; 7] = [
    "id",
    "userName",
    "displayName",
    "inScope",
    "outcome",
    "findingCodes",
    "failure",
];

/// A cell as a spreadsheet will read it as text.
pub fn safe_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '|' | '%') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The CSV report, written to `W` row by row.
pub struct CsvReport<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvReport<W> {
    /// Starts the report with its header row.
    pub fn new(out: W) -> std::io::Result<Self> {
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        writer.write_record(HEADER)?;
        Ok(CsvReport { writer })
    }

    /// Writes one user's row.
    pub fn user(&mut self, r: &UserRecord) -> std::io::Result<()> {
        let cells = [
            r.id.as_str(),
            r.user_name.as_str(),
            r.display_name.as_str(),
            if r.in_scope { "yes" } else { "no" },
            r.outcome.as_str(),
            &codes(r),
            r.failure.as_deref().unwrap_or(""),
        ];
        self.writer
            .write_record(cells.iter().map(|c| safe_cell(c)))?;
        Ok(())
    }

    /// Flushes the rows written.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        for hostile in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(safe_cell(hostile).starts_with('\''), "{hostile:?}");
        }
        assert_eq!(safe_cell("Jane"), "Jane");
        assert_eq!(safe_cell("+1 425 555 0100"), "'+1 425 555 0100");
    }
}
