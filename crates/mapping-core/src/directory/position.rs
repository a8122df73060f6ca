//! Where a user (or a problem) is in an input file: the file, the record's index, and the line,
//! column and byte offset where it starts or where reading failed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a user record starts, or where reading failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// The file name as given (`-` for standard input).
    pub file: String,
    /// 0-based index of the user record in the file.
    pub record: usize,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// Byte offset from the start of the file, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        write!(f, ", record {}", self.record + 1)
    }
}

/// A user, or a whole input, that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadError {
    /// Where it happened.
    pub position: Position,
    /// What is wrong, for people.
    pub message: String,
    /// The rest of the file could not be read either (a JSON syntax error ends the stream).
    pub fatal: bool,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.message)
    }
}

impl std::error::Error for ReadError {}
