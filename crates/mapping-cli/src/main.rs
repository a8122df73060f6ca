//! `scim-map`: the playground's engine from the shell.
//!
//! Exit statuses: 0 done; 1 the answer is "no" (an expression error, lint errors, a failing
//! vector, a mapping set `preview`/`patch` will not use without `--allow-errors`); 2 the input
//! could not be read or the output could not be written. All output goes through [`output`].

// Output goes through `output` (outln!/errln!), which survives a closed pipe or a full disk.
#![deny(clippy::print_stdout, clippy::print_stderr)]

#[macro_use]
mod output;
mod args;
mod commands;
mod gate;
mod inputs;

use clap::{Parser, Subcommand};

/// The allocator: see Cargo.toml for why.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "scim-map",
    version,
    about = "Design and test Entra ID → Genesys Cloud SCIM mappings offline",
    after_help = "Wherever a file is read, `-` reads standard input. Exit status: 0 done, 1 errors found \
(expression, lint, vectors), 2 unreadable input or unwritable output. A closed pipe \
(`scim-map … | head`) ends the output quietly."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum SchemaCommand {
    /// Read Graph synchronization schema JSON (or an attributeMappings array) and list its rows.
    Import {
        /// The schema JSON file (a whole schema, an objectMapping or an attributeMappings
        /// array); `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print the mapping set as JSON (usable as --mappings).
        #[arg(long)]
        json: bool,
    },
    /// Print a mapping set as Graph synchronization schema JSON.
    Export {
        #[command(flatten)]
        mappings: args::MappingsArg,
        /// Only the attributeMappings array.
        #[arg(long)]
        bare: bool,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate one expression for one user and print the value that flows.
    Eval(commands::eval::EvalArgs),
    /// The requests Entra sends Genesys for a user (a Graph user or flat source attributes).
    Preview(commands::preview::PreviewArgs),
    /// The PATCH Entra sends when a user changes from --before to --after.
    Patch(commands::preview::PatchArgs),
    /// Parse a phone number and say what Genesys makes of it.
    Phone {
        /// The phone number as Entra holds it, e.g. "+1 317 872 3000 x105".
        number: String,
        /// Region for numbers without a country code, e.g. US, GB.
        #[arg(long, value_name = "CC")]
        region: Option<String>,
        /// The phoneNumbers type it flows into.
        #[arg(long = "type", default_value = "work")]
        phone_type: String,
        /// Print the analysis as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Findings about a mapping set; with --user, also about that user. Exit 1 on any error.
    Lint(commands::lint::LintArgs),
    /// Microsoft Graph synchronization schema JSON in and out.
    Schema {
        #[command(subcommand)]
        command: SchemaCommand,
    },
    /// Run shared test-vector files; prints each failure and `N passed, M failed`.
    Vectors(commands::vectors::VectorsArgs),
    /// List the expression functions with their signatures.
    Functions,
    /// Connecting Genesys for a region: token request (curl, Postman), Tenant URL, Test
    /// Connection, usual failures. The secret comes from $GENESYS_CLIENT_SECRET; nothing is sent.
    Connect {
        /// The Genesys Cloud region: a name (or part of it, e.g. Frankfurt) or the API host.
        #[arg(long)]
        region: String,
        /// The OAuth client's id, for the token request.
        #[arg(long)]
        client_id: Option<String>,
        /// Print the token request, Test Connection probes and usual failures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Lessons that train admins: list, show, start, check.
    Lesson {
        #[command(subcommand)]
        command: commands::lesson::LessonCommand,
    },
    /// The go-live check: what Entra will do to every user of a directory export. Its last
    /// line is `N users: C create, U update, K unchanged, S out of scope, F fail`. Exit 0 when
    /// ready, 1 when a user fails (see --fail-on), 2 when an input cannot be read.
    Check(commands::check::CheckArgs),
    /// Write a synthetic Microsoft Graph users export (deterministic for a seed) to stdout.
    SampleDirectory(commands::check::SampleArgs),
}

fn main() -> ExitCode {
    let code = match Cli::parse().command {
        Command::Eval(args) => commands::eval::run(&args),
        Command::Preview(args) => commands::preview::preview(&args),
        Command::Patch(args) => commands::preview::patch(&args),
        Command::Phone {
            number,
            region,
            phone_type,
            json,
        } => commands::phone::run(&number, region.as_deref(), &phone_type, json),
        Command::Lint(args) => commands::lint::run(&args),
        Command::Schema { command } => match command {
            SchemaCommand::Import { file, json } => commands::schema::import(&file, json),
            SchemaCommand::Export { mappings, bare } => commands::schema::export(&mappings, bare),
        },
        Command::Vectors(args) => commands::vectors::run(&args),
        Command::Functions => commands::functions::run(),
        Command::Connect {
            region,
            client_id,
            json,
        } => commands::connect::run(&region, client_id.as_deref(), json),
        Command::Lesson { command } => commands::lesson::run(&command),
        Command::Check(args) => commands::check::run(&args),
        Command::SampleDirectory(args) => commands::check::sample(&args),
    };
    output::finish(code)
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every argument of every command, hidden ones included, with its command path.
    fn all_args(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Arg)>) {
        for arg in cmd.get_arguments() {
            out.push((path.to_string(), arg.clone()));
        }
        for sub in cmd.get_subcommands() {
            all_args(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn the_command_tree_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_argument_of_every_command_has_help() {
        let mut args = Vec::new();
        all_args(&Cli::command(), "scim-map", &mut args);
        let builtin = ["help", "version"];
        let missing: Vec<String> = args
            .iter()
            .filter(|(_, a)| !builtin.contains(&a.get_id().as_str()))
            .filter(|(_, a)| {
                let help = a.get_help().or(a.get_long_help()).map(|h| h.to_string());
                help.is_none_or(|h| h.trim().len() < 10)
            })
            .map(|(path, a)| format!("{path} {}", a.get_id()))
            .collect();
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
        assert!(
            args.len() > 30,
            "the walk found only {} arguments",
            args.len()
        );
    }

    #[test]
    fn every_command_has_an_about() {
        fn walk(cmd: &clap::Command, missing: &mut Vec<String>) {
            for sub in cmd.get_subcommands() {
                if sub.get_about().is_none() && sub.get_name() != "help" {
                    missing.push(sub.get_name().to_string());
                }
                walk(sub, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut missing);
        assert!(missing.is_empty(), "commands without help: {missing:?}");
    }
}
