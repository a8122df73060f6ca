//! `scim-map`: the playground's engine from the shell.

mod commands;
mod inputs;

use clap::{Args, Parser, Subcommand};
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

/// Options of `preview` and `patch`.
#[derive(Args)]
struct CommonArgs {
    /// A preset (genesys-default, genesys-teams) or a file: Graph synchronization schema JSON,
    /// an attributeMappings array, or a mapping set saved by `schema import --json`.
    #[arg(long)]
    mappings: Option<String>,
    /// assigned, disabled, unassigned, soft-deleted or hard-deleted.
    #[arg(long, default_value = "assigned")]
    state: String,
    /// PATCH dialect: default, or aadOptscim062020 (the SCIM-compliant flag).
    #[arg(long, default_value = "default")]
    dialect: String,
    /// Region for phone numbers without a country code, e.g. US.
    #[arg(long)]
    region: Option<String>,
    /// The groups that exist in Genesys: "A,B" or a file with one name per line.
    #[arg(long = "genesys-groups")]
    genesys_groups: Option<String>,
    /// Users already in Genesys, for the manager reference: "entraObjectId=genesysId,…" or a file.
    #[arg(long)]
    provisioned: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl CommonArgs {
    fn into_common(self) -> commands::preview::Common {
        commands::preview::Common {
            mappings: self.mappings,
            state: self.state,
            dialect: self.dialect,
            region: self.region,
            genesys_groups: self.genesys_groups,
            provisioned: self.provisioned,
            json: self.json,
        }
    }
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
    Eval {
        /// The expression, e.g. 'StripSpaces([telephoneNumber])'.
        expr: String,
        /// The user's source attributes as a flat JSON object (Entra names: telephoneNumber, mobile, …).
        #[arg(long)]
        user: Option<PathBuf>,
        /// The clock for Now(), as RFC 3339 (default: the current time).
        #[arg(long)]
        now: Option<String>,
        /// Values already taken in the target, for SelectUniqueValue (repeatable).
        #[arg(long = "taken")]
        taken: Vec<String>,
        /// Print the evaluation trace: every call with its arguments' values.
        #[arg(long)]
        trace: bool,
        /// Print a JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The requests Entra sends Genesys for a user (a Graph user or flat source attributes).
    Preview {
        #[arg(long)]
        user: PathBuf,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// The PATCH Entra sends when a user changes from --before to --after.
    Patch {
        #[arg(long)]
        before: PathBuf,
        #[arg(long)]
        after: PathBuf,
        #[command(flatten)]
        common: CommonArgs,
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
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Eval {
            expr,
            user,
            now,
            taken,
            trace,
            json,
        } => commands::eval::run(&commands::eval::EvalArgs {
            expr,
            user,
            now,
            taken,
            trace,
            json,
        }),
        Command::Preview { user, common } => {
            commands::preview::preview(&user, &common.into_common())
        }
        Command::Patch {
            before,
            after,
            common,
        } => commands::preview::patch(&before, &after, &common.into_common()),
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
    }
}
