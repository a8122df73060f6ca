//! `{"users": [...], "summary": {...}}`, written as the users come: the records are never held.

use crate::directory::check::UserRecord;
use crate::directory::summary::Summary;
use std::io::Write;

/// The JSON report, written to `W` user by user.
pub struct JsonReport<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonReport<W> {
    /// Starts the report (writes the opening of the users array).
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\"users\": [")?;
        Ok(JsonReport { out, first: true })
    }

    /// Writes one user's record.
    pub fn user(&mut self, record: &UserRecord) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, record)?;
        Ok(())
    }

    /// Closes the users array, writes the summary and flushes.
    pub fn finish(mut self, summary: &Summary) -> std::io::Result<()> {
        self.out.write_all(b"\n], \"summary\": ")?;
        serde_json::to_writer_pretty(&mut self.out, summary)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
