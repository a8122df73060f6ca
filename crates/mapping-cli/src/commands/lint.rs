//! `scim-map lint`: findings about a mapping set (and, with `--user`, about one user).

use crate::inputs;
use mapping_core::diag::Severity;
use mapping_core::provision::{self, Options};
use mapping_core::{lint, report};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(mappings: Option<&str>, user: Option<&PathBuf>, json: bool) -> ExitCode {
    let run = || -> Result<Vec<mapping_core::finding::Finding>, String> {
        let set = inputs::mappings(mappings)?;
        let create = match user {
            Some(user) => {
                provision::preview(&inputs::json_file(user)?, &set, &Options::default())?.findings
            }
            None => Vec::new(),
        };
        // Ranked and without repeats, as the playground's Problems panel shows them.
        Ok(report::merge(lint::lint(&set), create, Vec::new()))
    };
    let findings = match run() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&findings).unwrap_or_default()
        );
    } else {
        for f in &findings {
            println!("{}", f.render());
        }
        println!(
            "{} errors, {} warnings, {} notes",
            lint::count(&findings, Severity::Error),
            lint::count(&findings, Severity::Warning),
            lint::count(&findings, Severity::Info)
        );
    }
    if lint::count(&findings, Severity::Error) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
