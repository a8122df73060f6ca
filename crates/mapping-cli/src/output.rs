//! Every byte the CLI prints goes through here, so that a closed pipe or a full disk is an
//! answer rather than a panic (`println!` panics when a write fails).
//!
//! * Standard output: the first write error is remembered and later output is dropped.
//!   [`finish`] turns it into the exit status: a **closed pipe** (`scim-map … | head -1`) ends
//!   quietly with the command's own status — the reader has all it asked for; **any other
//!   error** (a full disk, an I/O error) is reported on standard error and the status is 2.
//! * Standard error: errors writing it are ignored (there is nowhere left to report them).
//!
//! Use the macros [`outln!`], [`out!`] (standard output) and [`errln!`], [`errout!`] (standard error); the
//! crate denies `println!`/`eprintln!` (clippy's `print_stdout`/`print_stderr`).

use std::fmt;
use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

/// The first error writing standard output, if any.
static STDOUT_FAILURE: Mutex<Option<io::Error>> = Mutex::new(None);

/// Writes to standard output unless an earlier write failed.
pub fn stdout(args: fmt::Arguments<'_>) {
    let mut failure = STDOUT_FAILURE
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if failure.is_none() {
        if let Err(e) = io::stdout().lock().write_fmt(args) {
            *failure = Some(e);
        }
    }
}

/// Remembers a failed write to standard output made by a command's own buffered writer (the
/// go-live check streams its report), so that [`finish`] decides the exit status the same way.
pub fn record_stdout_failure(error: io::Error) {
    let mut failure = STDOUT_FAILURE
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    failure.get_or_insert(error);
}

/// Writes to standard error, ignoring failure.
pub fn stderr(args: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// Flushes standard output and decides the exit status: `code` unless writing failed for
/// another reason than a closed pipe, in which case the error is reported and the status is 2.
pub fn finish(code: ExitCode) -> ExitCode {
    let flushed = io::stdout().lock().flush();
    let first = STDOUT_FAILURE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    match first.or(flushed.err()) {
        None => code,
        Some(e) if e.kind() == ErrorKind::BrokenPipe => code,
        Some(e) => {
            stderr(format_args!("error: writing to standard output: {e}\n"));
            ExitCode::from(2)
        }
    }
}

/// `println!` to standard output through [`stdout`].
macro_rules! outln {
    () => {
        $crate::output::stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to standard output through [`stdout`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::stdout(format_args!($($arg)*))
    };
}

/// `eprintln!` to standard error through [`stderr`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::output::stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` to standard error through [`stderr`].
macro_rules! errout {
    ($($arg:tt)*) => {
        $crate::output::stderr(format_args!($($arg)*))
    };
}
