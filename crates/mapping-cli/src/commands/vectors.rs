//! `scim-map vectors FILE...`: runs shared vector files through the same runner as `cargo test`.

use mapping_core::vectors::{run_file, Report};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut total = Report::default();
    let mut unreadable = false;
    for file in files {
        match run_file(file) {
            Ok(report) => {
                for failure in &report.failures {
                    println!(
                        "FAIL {} {}: {}",
                        file.display(),
                        failure.id,
                        failure.message
                    );
                }
                total.merge(report);
            }
            Err(e) => {
                eprintln!("error: {e}");
                unreadable = true;
            }
        }
    }
    println!("{}", total.summary());
    if total.failed() > 0 || unreadable {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
