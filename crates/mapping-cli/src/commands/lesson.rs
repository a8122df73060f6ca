//! `scim-map lesson`: list the lessons, show one, print its starting setup, check an attempt.

use crate::inputs;
use clap::{Args, Subcommand};
use mapping_core::graph::Lifecycle;
use mapping_core::learn::{self, lesson::GenesysGroup, scope::Scope, Attempt, Lesson};
use std::path::PathBuf;
use std::process::ExitCode;

/// Pretty JSON of anything serializable (the CLI has no direct serde dependency).
macro_rules! pretty {
    ($value:expr) => {
        serde_json::to_string_pretty($value).unwrap_or_default()
    };
}

#[derive(Subcommand)]
pub enum LessonCommand {
    /// List the lessons.
    List {
        /// Print the list as JSON (id, title, goal per lesson) for programs.
        #[arg(long)]
        json: bool,
    },
    /// A lesson's situation, goal and hints.
    Show {
        /// The lesson's id, as `scim-map lesson list` prints it.
        id: String,
        /// Print the whole lesson as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a lesson's starting mapping set as JSON (edit it, then pass it to `check`).
    Start {
        /// The lesson's id, as `scim-map lesson list` prints it.
        id: String,
    },
    /// Check an attempt: exit 0 solved, 1 not yet, 2 unreadable input or unknown lesson.
    Check(CheckArgs),
}

#[derive(Args)]
pub struct CheckArgs {
    /// The lesson's id, as `scim-map lesson list` prints it.
    pub id: String,
    /// The mapping set: a file (as `lesson start` prints it, or Graph schema JSON) or a preset;
    /// the lesson's starting set when left out.
    #[arg(long)]
    pub mappings: Option<String>,
    /// assigned, disabled, unassigned, soft-deleted or hard-deleted.
    #[arg(long)]
    pub state: Option<String>,
    /// The public groups that exist in Genesys: "A,B" or a file with one name per line.
    #[arg(long)]
    pub groups: Option<String>,
    /// Users already in Genesys: "entraObjectId=genesysId,…" or a file.
    #[arg(long)]
    pub provisioned: Option<String>,
    /// The scope as JSON: {"syncAll": true, "filters": [{"clauses": [{"attribute", "operator", "value"}]}]}.
    #[arg(long)]
    pub scope: Option<PathBuf>,
    /// Entra's Tenant URL field.
    #[arg(long)]
    pub tenant_url: Option<String>,
    /// The URL the token is requested from.
    #[arg(long)]
    pub token_url: Option<String>,
    /// A whole attempt as JSON ({"mappings": …, "options": …}), as the page exports it; the
    /// other options override its fields.
    #[arg(long)]
    pub attempt: Option<PathBuf>,
    /// Print the check report (each condition, passed or not, with details) as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(command: &LessonCommand) -> ExitCode {
    let result = match command {
        LessonCommand::List { json } => list(*json),
        LessonCommand::Show { id, json } => learn::find(id).and_then(|l| show(&l, *json)),
        LessonCommand::Start { id } => learn::find(id).and_then(|l| start(&l)),
        LessonCommand::Check(args) => return check(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn list(json: bool) -> Result<(), String> {
    let lessons = learn::summaries()?;
    if json {
        outln!("{}", pretty!(&lessons));
    } else {
        for l in &lessons {
            outln!("{:<22} {}\n{:<22} {}", l.id, l.title, "", l.goal);
        }
    }
    Ok(())
}

fn show(lesson: &Lesson, json: bool) -> Result<(), String> {
    if json {
        outln!("{}", pretty!(lesson));
        return Ok(());
    }
    outln!("{}\n", lesson.title);
    outln!("Situation: {}\n", lesson.situation);
    outln!("Goal: {}\n", lesson.goal);
    outln!("Sample users: {}", names(lesson));
    outln!(
        "Start: `scim-map lesson start {}` prints the mapping set to edit.\n",
        lesson.id
    );
    outln!("Hints (try one at a time):");
    for (i, h) in lesson.hints.iter().enumerate() {
        outln!("  {}. {h}", i + 1);
    }
    Ok(())
}

fn names(lesson: &Lesson) -> String {
    let ids: Vec<&str> = lesson.setup.users.iter().map(|u| u.id.as_str()).collect();
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

fn start(lesson: &Lesson) -> Result<(), String> {
    let attempt = lesson.start()?;
    outln!("{}", pretty!(&attempt.mappings));
    Ok(())
}

fn check(args: &CheckArgs) -> ExitCode {
    let prepared = learn::find(&args.id).and_then(|lesson| {
        let attempt = attempt(&lesson, args)?;
        Ok((lesson, attempt))
    });
    let (lesson, attempt) = match prepared {
        Ok(p) => p,
        Err(e) => {
            errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = learn::check(&lesson, &attempt);
    if args.json {
        outln!("{}", pretty!(&report));
    } else {
        for c in &report.conditions {
            outln!("{} {}", if c.passed { "PASS" } else { "FAIL" }, c.says);
            for d in &c.details {
                outln!("     {} {}", if d.passed { "✓" } else { "✗" }, d.text);
            }
        }
        if let Some(explanation) = &report.explanation {
            outln!("\nSolved. {explanation}\n\nSources:");
            for s in &report.sources {
                let section = s
                    .section
                    .as_deref()
                    .map_or(String::new(), |x| format!(", {x}"));
                outln!("  - \"{}\" ({}{section})", s.title, s.publisher);
            }
        } else {
            outln!("\nNot yet: `scim-map lesson show {}` has hints.", lesson.id);
        }
    }
    if report.solved {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The lesson's start, with what the arguments replace.
fn attempt(lesson: &Lesson, args: &CheckArgs) -> Result<Attempt, String> {
    let mut attempt = match &args.attempt {
        Some(path) => serde_json::from_value(inputs::json_file(path)?)
            .map_err(|e| format!("{}: not an attempt: {e}", path.display()))?,
        None => lesson.start()?,
    };
    if let Some(m) = &args.mappings {
        attempt.mappings = inputs::mappings(Some(m))?;
    }
    let o = &mut attempt.options;
    if let Some(s) = &args.state {
        o.state = Lifecycle::parse(s).ok_or_else(|| {
            format!("--state {s:?}: expected assigned, disabled, unassigned, soft-deleted or hard-deleted")
        })?;
    }
    if let Some(g) = &args.groups {
        o.genesys_groups = inputs::names("--groups", g)?
            .into_iter()
            .map(|name| GenesysGroup {
                name,
                visibility: Default::default(),
            })
            .collect();
    }
    if let Some(p) = &args.provisioned {
        o.provisioned = inputs::provisioned(p)?;
    }
    if let Some(path) = &args.scope {
        o.scope = serde_json::from_value::<Scope>(inputs::json_file(path)?)
            .map_err(|e| format!("{}: not a scope: {e}", path.display()))?;
    }
    if let Some(u) = &args.tenant_url {
        o.tenant_url = Some(u.clone());
    }
    if let Some(u) = &args.token_url {
        o.token_url = Some(u.clone());
    }
    Ok(attempt)
}
