//! `scim-map functions`: the function catalogue.

use mapping_core::expr::catalog::FUNCTIONS;
use std::process::ExitCode;

pub fn run() -> ExitCode {
    for f in FUNCTIONS {
        outln!("{:<60} {}", f.signature(), f.summary);
    }
    ExitCode::SUCCESS
}
