//! `scim-map`: the playground's engine from the shell.

mod commands;

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
    /// Run shared test-vector files; prints each failure and `N passed, M failed`.
    Vectors {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the expression functions with their signatures.
    Functions,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
        Command::Vectors { files } => commands::vectors::run(&files),
        Command::Functions => commands::functions::run(),
    }
}
