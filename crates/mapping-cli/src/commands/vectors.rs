//! `scim-map vectors FILE...`: runs shared vector files through the same runner as `cargo test`.

use crate::inputs;
use mapping_core::vectors::{run_text, Report};
use std::path::PathBuf;
use std::process::ExitCode;

/// `scim-map vectors`.
#[derive(clap::Args)]
pub struct VectorsArgs {
    /// Vector files (JSON with "cases": expressions and payloads); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Exit status 1 when a case fails, 2 when a file cannot be read as vectors (the others still
/// run).
pub fn run(args: &VectorsArgs) -> ExitCode {
    let mut total = Report::default();
    let mut unreadable = false;
    for file in &args.files {
        let name = inputs::name(file);
        let report =
            inputs::text(file).and_then(|text| run_text(&text).map_err(|e| format!("{name}: {e}")));
        match report {
            Ok(report) => {
                for failure in &report.failures {
                    outln!("FAIL {name} {}: {}", failure.id, failure.message);
                }
                total.merge(report);
            }
            Err(e) => {
                errln!("error: {e}");
                unreadable = true;
            }
        }
    }
    outln!("{}", total.summary());
    if unreadable {
        ExitCode::from(2)
    } else if total.failed() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
