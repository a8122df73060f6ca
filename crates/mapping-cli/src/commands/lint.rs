//! `scim-map lint`: findings about a mapping set (and, with `--user`, about one user).

use crate::args::{MappingsArg, TenantArgs};
use crate::inputs;
use mapping_core::diag::Severity;
use mapping_core::finding::Finding;
use mapping_core::provision::{self, Options};
use mapping_core::{lint, report};
use std::path::PathBuf;
use std::process::ExitCode;

/// `scim-map lint`.
#[derive(clap::Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub mappings: MappingsArg,
    /// Also the findings for this user (a Graph user or flat source attributes, as a JSON file;
    /// `-` reads standard input), as `preview` finds them.
    #[arg(long, value_name = "FILE")]
    pub user: Option<PathBuf>,
    #[command(flatten)]
    pub tenant: TenantArgs,
    /// Print the findings as a JSON array.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &LintArgs) -> ExitCode {
    let run = || -> Result<Vec<Finding>, String> {
        let set = args.mappings.read()?;
        let mut create = Vec::new();
        if let Some(path) = &args.user {
            let mut options = Options::default();
            args.tenant.apply(&mut options.ctx);
            let (user, _) = inputs::user(path, options.state)?;
            let preview = provision::preview(&user, &set, &options)
                .map_err(|e| format!("{}: {e}", inputs::name(path)))?;
            create = preview.findings;
        }
        // Ranked and without repeats, as the playground's Problems panel shows them.
        Ok(report::merge(lint::lint(&set), create, Vec::new()))
    };
    let findings = match run() {
        Ok(f) => f,
        Err(e) => {
            errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&findings).unwrap_or_default()
        );
    } else {
        for f in &findings {
            outln!("{}", f.render());
        }
        outln!(
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
