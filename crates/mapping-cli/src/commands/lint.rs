//! `scim-map lint`: findings about a mapping set (and, with `--user`, about one user).

use crate::inputs;
use mapping_core::diag::Severity;
use mapping_core::lint;
use mapping_core::provision::{self, Options};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    mappings: Option<&str>,
    user: Option<&PathBuf>,
    default_domain: Option<&str>,
    json: bool,
) -> ExitCode {
    let run = || -> Result<Vec<mapping_core::finding::Finding>, String> {
        let set = inputs::mappings(mappings)?;
        let mut findings = lint::lint(&set);
        if let Some(user) = user {
            let mut options = Options::default();
            options.ctx.default_domain = default_domain.map(str::to_owned);
            let preview = provision::preview(&inputs::json_file(user)?, &set, &options)?;
            findings.extend(preview.findings);
        }
        Ok(findings)
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
