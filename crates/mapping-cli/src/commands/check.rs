//! `scim-map check`: the go-live check over a whole directory export, and
//! `scim-map sample-directory`, a synthetic export to try it on.
//!
//! One thread finds the user records in the files, one worker per core parses and prepares them
//! (scope, the engine's preview), and the main thread completes them in input order (matching,
//! the running summary) and writes the report. The queues between them are bounded, so memory
//! does not grow with the number of users.

use crate::inputs;
use mapping_core::diag::Severity;
use mapping_core::directory::check::{Checker, Config, Outcome, Prepared};
use mapping_core::directory::matching::existing::read_genesys_users;
use mapping_core::directory::matching::{ExistingUsers, GenesysUser};
use mapping_core::directory::readers::record::Record;
use mapping_core::directory::readers::{self, Format, Item};
use mapping_core::directory::report::{csv::CsvReport, human, json::JsonReport, markdown};
use mapping_core::directory::sample::SampleDirectory;
use mapping_core::directory::scope::{AssignedBy, Assignment, Scope, ScopeFilter};
use mapping_core::directory::ReadError;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};
use std::time::Instant;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// User exports: Microsoft Graph `GET /users` pages, a JSON array, NDJSON, or the admin
    /// center's "Download users" CSV. Several files are read in turn; `-` reads standard input.
    #[arg(long, required = true, num_args = 1..)]
    pub users: Vec<String>,
    /// The user files' format (default: detected from the first bytes).
    #[arg(long, value_parser = ["graph", "json", "ndjson", "csv"])]
    pub format: Option<String>,
    /// The mapping set: a preset (genesys-default, genesys-teams) or a file (synchronization
    /// schema JSON, an attributeMappings array, or a saved mapping set).
    #[arg(long)]
    pub mappings: Option<String>,
    /// The mapping set about to be saved: reports per user the attributes that change and the
    /// PATCH Entra sends on the next cycle, with totals per attribute.
    #[arg(long)]
    pub after_mappings: Option<String>,
    /// What Genesys already holds: SCIM `GET /Users` ListResponse pages (one or many files).
    /// Users are matched by the mapping set's matching attributes: create, update, unchanged or
    /// conflict. Without it every in-scope user is a create.
    #[arg(long, num_args = 1..)]
    pub existing: Vec<String>,
    /// The job's scope setting: `assigned` (sync only assigned users and groups, the default)
    /// or `all` (sync all users and groups).
    #[arg(long, default_value = "assigned", value_parser = ["assigned", "all"])]
    pub scope: String,
    /// The groups assigned to the app (names or object ids; comma-separated, or a file with
    /// one per line), matched against each user's direct memberOf.
    #[arg(long)]
    pub assigned_groups: Option<String>,
    /// A user property or CSV column that is true for assigned users.
    #[arg(long)]
    pub assigned_property: Option<String>,
    /// A synchronization schema JSON whose user object mapping has scoping filters (scope).
    #[arg(long)]
    pub schema: Option<String>,
    /// Phone region for users with neither usageLocation nor a two-letter country, e.g. US.
    #[arg(long)]
    pub region: Option<String>,
    /// The groups that exist in Genesys (comma-separated, or a file with one per line):
    /// reports the users' groups that do not, with the members affected.
    #[arg(long)]
    pub genesys_groups: Option<String>,
    /// Print the per-user records and the summary as JSON.
    #[arg(long, conflicts_with_all = ["csv", "markdown"])]
    pub json: bool,
    /// Print a CSV row per user (id, userName, displayName, in scope, outcome, finding codes,
    /// failure), safe to open in a spreadsheet.
    #[arg(long, conflicts_with = "markdown")]
    pub csv: bool,
    /// Print a Markdown report for a change ticket.
    #[arg(long)]
    pub markdown: bool,
    /// Exit 1 when any user has a finding at this level or worse: `error` (the default: users
    /// that fail) or `warning`.
    #[arg(long, default_value = "error", value_parser = ["warning", "error"])]
    pub fail_on: String,
}

#[derive(clap::Args)]
pub struct SampleArgs {
    /// How many users.
    #[arg(long, default_value_t = 1000)]
    pub users: usize,
    /// The seed: the same seed writes the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn sample(args: &SampleArgs) -> ExitCode {
    let mut source = SampleDirectory::new(args.users, args.seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Err(e) = std::io::copy(&mut source, &mut out).and_then(|_| out.flush()) {
        crate::output::record_stdout_failure(e);
    }
    ExitCode::SUCCESS
}

fn open(path: &str) -> Result<Box<dyn BufRead + Send>, String> {
    const BUFFER: usize = 256 * 1024;
    if path == "-" {
        return Ok(Box::new(BufReader::with_capacity(BUFFER, std::io::stdin())));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(Box::new(BufReader::with_capacity(BUFFER, file)))
}

fn config(args: &CheckArgs) -> Result<Config, String> {
    let mappings = inputs::mappings(args.mappings.as_deref())?;
    let after = args
        .after_mappings
        .as_deref()
        .map(|a| inputs::mappings(Some(a)))
        .transpose()?;
    let filter = match &args.schema {
        Some(path) => {
            let json = inputs::json_file(std::path::Path::new(path))?;
            ScopeFilter::from_schema(&json).map_err(|e| format!("{path}: {e}"))?
        }
        None => ScopeFilter::default(),
    };
    let scope = Scope {
        assignment: if args.scope == "all" {
            Assignment::All
        } else {
            Assignment::Assigned
        },
        assigned_by: AssignedBy {
            groups: args
                .assigned_groups
                .as_deref()
                .map(|list| inputs::names("--assigned-groups", list))
                .transpose()?
                .unwrap_or_default(),
            property: args.assigned_property.clone(),
        },
        filter,
    };
    let existing = if args.existing.is_empty() {
        None
    } else {
        Some(ExistingUsers::new(
            existing_users(&args.existing)?,
            &mappings,
        ))
    };
    Ok(Config {
        mappings,
        after,
        scope,
        existing,
        genesys_groups: args
            .genesys_groups
            .as_deref()
            .map(|list| inputs::names("--genesys-groups", list))
            .transpose()?,
        default_region: args.region.clone(),
        dialect: Default::default(),
    })
}

/// Genesys SCIM users from every `--existing` file (see `read_genesys_users`).
fn existing_users(files: &[String]) -> Result<Vec<GenesysUser>, String> {
    let mut users = Vec::new();
    for file in files {
        read_genesys_users(open(file)?, file, &mut users)?;
    }
    Ok(users)
}

enum Output {
    Human,
    Markdown,
    Json(JsonReport<std::io::BufWriter<std::io::Stdout>>),
    Csv(Box<CsvReport<std::io::BufWriter<std::io::Stdout>>>),
}

/// A user prepared by a worker, or a record that could not be read.
enum Done {
    User(Box<Prepared>),
    Error(ReadError),
}

/// Starts the reading thread and one preparing worker per core; returns the reading thread
/// (its result: whether every file could be opened) and the prepared users with their input
/// sequence numbers, in completion order.
fn pipeline(
    checker: &Checker,
    files: Vec<String>,
    format: Option<Format>,
) -> (
    std::thread::JoinHandle<bool>,
    mpsc::Receiver<Vec<(usize, Done)>>,
) {
    /// Users travel between threads in batches, so locks and wake-ups are rare.
    const BATCH: usize = 128;
    let (work_sender, work) = mpsc::sync_channel::<Vec<(usize, Record)>>(16);
    let reading = std::thread::spawn(move || -> bool {
        let mut whole_files_ok = true;
        let mut seq = 0usize;
        let mut batch = Vec::with_capacity(BATCH);
        for file in &files {
            let reader = match open(file) {
                Ok(r) => r,
                Err(e) => {
                    errln!("error: {e}");
                    whole_files_ok = false;
                    continue;
                }
            };
            let result = readers::read_records(reader, format, file, &mut |record| {
                batch.push((seq, record));
                seq += 1;
                if batch.len() < BATCH {
                    return ControlFlow::Continue(());
                }
                match work_sender.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            });
            if let Err(e) = result {
                batch.push((seq, Record::Read(Item::Error(e))));
                seq += 1;
            }
        }
        let _ = work_sender.send(batch);
        whole_files_ok
    });
    let work = Arc::new(Mutex::new(work));
    let (done_sender, done) = mpsc::sync_channel::<Vec<(usize, Done)>>(16);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    for _ in 0..workers {
        let engine = checker.engine();
        let work = work.clone();
        let done_sender = done_sender.clone();
        std::thread::spawn(move || {
            let mut options = engine.options();
            loop {
                let next = work.lock().ok().and_then(|w| w.recv().ok());
                let Some(batch) = next else { return };
                let prepared = batch
                    .into_iter()
                    .map(|(seq, record)| {
                        let done = match record.parse() {
                            Item::User(u) => Done::User(Box::new(engine.prepare(&mut options, u))),
                            Item::Error(e) => Done::Error(e),
                        };
                        (seq, done)
                    })
                    .collect();
                if done_sender.send(prepared).is_err() {
                    return;
                }
            }
        });
    }
    (reading, done)
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let config = match config(args) {
        Ok(c) => c,
        Err(e) => {
            errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let format = args.format.as_deref().and_then(Format::parse);
    let out = || std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout());
    let output = if args.json {
        JsonReport::new(out()).map(Output::Json)
    } else if args.csv {
        CsvReport::new(out()).map(|c| Output::Csv(Box::new(c)))
    } else if args.markdown {
        Ok(Output::Markdown)
    } else {
        Ok(Output::Human)
    };
    let Ok(mut output) = output else {
        return ExitCode::from(2);
    };
    let mut checker = Checker::new(config);
    let (reading, prepared) = pipeline(&checker, args.users.clone(), format);
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut shown = 0usize;
    let mut worst_warning = false;
    let mut io_failed = false;
    let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0usize;
    'receive: for batch in prepared {
        waiting.extend(batch);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            match done {
                Done::User(p) => {
                    let record = checker.complete(*p);
                    worst_warning |=
                        matches!(record.worst(), Some(Severity::Warning | Severity::Error));
                    let written = match &mut output {
                        Output::Json(j) => j.user(&record),
                        Output::Csv(c) => c.user(&record),
                        _ => Ok(()),
                    };
                    if let Err(e) = written {
                        crate::output::record_stdout_failure(e);
                        io_failed = true;
                        break 'receive;
                    }
                }
                Done::Error(e) => {
                    if checker.progress().read_errors < 100 {
                        errln!("error: {e}");
                    }
                    checker.read_error(&e);
                }
            }
        }
        let done = checker.progress().users;
        if progress && done >= shown + 5000 {
            shown = done;
            let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-9);
            errout!("\r{done} users, {rate:.0} users/s");
        }
    }
    if progress && shown > 0 {
        errln!("");
    }
    let files_ok = reading.join().unwrap_or(false);
    let summary = checker.finish();
    let title = args.users.join(", ");
    let written = match output {
        Output::Human => writeln!(std::io::stdout(), "{}", human::render(&summary)),
        Output::Markdown => write!(std::io::stdout(), "{}", markdown::render(&summary, &title)),
        Output::Json(j) => j.finish(&summary),
        Output::Csv(c) => c.finish(),
    };
    if let Err(e) = written {
        crate::output::record_stdout_failure(e);
        io_failed = true;
    }
    if io_failed {
        // `output::finish` reports the write error (a closed pipe ends quietly).
        return ExitCode::SUCCESS;
    }
    if !files_ok || summary.read_errors > 0 {
        return ExitCode::from(2);
    }
    let failing = summary.count(Outcome::Fail) > 0 || (args.fail_on == "warning" && worst_warning);
    if failing {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
