//! `scim-map`: the playground's engine from the shell.

mod commands;
mod inputs;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "scim-map",
    version,
    about = "Design and test Entra ID → Genesys Cloud SCIM mappings offline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum SchemaCommand {
    /// Read Graph synchronization schema JSON (or an attributeMappings array) and list its rows.
    Import {
        file: PathBuf,
        /// Print the mapping set as JSON (usable as --mappings).
        #[arg(long)]
        json: bool,
    },
    /// Print a mapping set as Graph synchronization schema JSON.
    Export {
        #[arg(long)]
        mappings: Option<String>,
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
    Preview {
        /// The user: a Microsoft Graph user object, or flat source attributes.
        #[arg(long)]
        user: PathBuf,
        #[command(flatten)]
        common: commands::preview::Common,
    },
    /// The PATCH Entra sends when a user changes from --before to --after.
    Patch {
        /// The user as Genesys last received it.
        #[arg(long)]
        before: PathBuf,
        /// The user as it is now in Entra.
        #[arg(long)]
        after: PathBuf,
        #[command(flatten)]
        common: commands::preview::Common,
    },
    /// Parse a phone number and say what Genesys makes of it.
    Phone {
        number: String,
        /// Region for numbers without a country code, e.g. US, GB.
        #[arg(long)]
        region: Option<String>,
        /// The phoneNumbers type it flows into.
        #[arg(long = "type", default_value = "work")]
        phone_type: String,
        #[arg(long)]
        json: bool,
    },
    /// Findings about a mapping set; with --user, also about that user. Exit 1 on any error.
    Lint {
        #[arg(long)]
        mappings: Option<String>,
        #[arg(long)]
        user: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Microsoft Graph synchronization schema JSON in and out.
    Schema {
        #[command(subcommand)]
        command: SchemaCommand,
    },
    /// Run shared test-vector files; prints each failure and `N passed, M failed`.
    Vectors {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the expression functions with their signatures.
    Functions,
    /// The go-live check: what Entra will do to every user of a directory export. Its last
    /// line is `N users: C create, U update, K unchanged, S out of scope, F fail`. Exit 0 when
    /// ready, 1 when a user fails (see --fail-on), 2 when an input cannot be read.
    Check(commands::check::CheckArgs),
    /// Write a synthetic Microsoft Graph users export (deterministic for a seed) to stdout.
    SampleDirectory(commands::check::SampleArgs),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Eval(args) => commands::eval::run(&args),
        Command::Preview { user, common } => commands::preview::preview(&user, &common),
        Command::Patch {
            before,
            after,
            common,
        } => commands::preview::patch(&before, &after, &common),
        Command::Phone {
            number,
            region,
            phone_type,
            json,
        } => commands::phone::run(&number, region.as_deref(), &phone_type, json),
        Command::Lint {
            mappings,
            user,
            json,
        } => commands::lint::run(mappings.as_deref(), user.as_ref(), json),
        Command::Schema { command } => match command {
            SchemaCommand::Import { file, json } => commands::schema::import(&file, json),
            SchemaCommand::Export { mappings, bare } => {
                commands::schema::export(mappings.as_deref(), bare)
            }
        },
        Command::Vectors { files } => commands::vectors::run(&files),
        Command::Functions => commands::functions::run(),
        Command::Check(args) => commands::check::run(&args),
        Command::SampleDirectory(args) => commands::check::sample(&args),
    }
}
