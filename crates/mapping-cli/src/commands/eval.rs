//! `scim-map eval 'EXPR'`: one expression, one user.

use crate::args::TenantArgs;
use crate::inputs;
use mapping_core::expr::functions::dates::parse_date;
use mapping_core::expr::{EvalContext, Evaluation, Outcome};
use mapping_core::graph::{GraphUser, Lifecycle};
use mapping_core::source::SourceValue;
use mapping_core::{compile, Diagnostic};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The expression, e.g. 'StripSpaces([telephoneNumber])'.
    pub expr: String,
    /// The user, as a JSON file (`-` reads standard input): a Microsoft Graph user object (read
    /// as `preview` reads it: businessPhones → telephoneNumber, accountEnabled → IsSoftDeleted, …)
    /// or flat source attributes by their Entra names (telephoneNumber, mobile, …).
    #[arg(long, value_name = "FILE")]
    pub user: Option<PathBuf>,
    /// Also print the source attributes read from --user, with the Graph property each came
    /// from.
    #[arg(long, requires = "user")]
    pub show_source: bool,
    /// The clock for Now(), as RFC 3339 (default: the current time).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
    /// Values already taken in the target, for SelectUniqueValue (repeatable).
    #[arg(long = "taken", value_name = "VALUE")]
    pub taken: Vec<String>,
    /// Print the evaluation trace: every call with its arguments' values.
    #[arg(long)]
    pub trace: bool,
    #[command(flatten)]
    pub tenant: TenantArgs,
    /// Print a JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &EvalArgs) -> ExitCode {
    let (user, ctx) = match inputs(args) {
        Ok(v) => v,
        Err(e) => {
            errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if args.show_source && !args.json {
        print_source(&user);
    }
    let expr = match compile(&args.expr) {
        Ok(e) => e,
        Err(diagnostics) => return report_errors(args, &diagnostics),
    };
    match expr.evaluate(&user.attributes, &ctx) {
        Ok(evaluation) if args.json => {
            let mut json = to_json(&args.expr, &evaluation);
            if args.show_source {
                json["source"] = source_json(&user);
            }
            outln!("{json}");
            ExitCode::SUCCESS
        }
        Ok(evaluation) => {
            print_text(&args.expr, &evaluation);
            ExitCode::SUCCESS
        }
        Err(d) => report_errors(args, &[d]),
    }
}

/// The user (empty without --user) and the evaluation context.
fn inputs(args: &EvalArgs) -> Result<(GraphUser, EvalContext), String> {
    let user = match &args.user {
        Some(path) => inputs::user(path, Lifecycle::Assigned)?.1,
        None => GraphUser::default(),
    };
    let mut ctx = match &args.now {
        Some(now) => EvalContext::new(parse_date(now).map_err(|e| format!("--now: {e}"))?),
        None => EvalContext::from_unix_seconds(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0)),
        ),
    };
    ctx.taken = args.taken.iter().cloned().collect();
    ctx.trace = args.trace || args.json;
    args.tenant.apply(&mut ctx);
    Ok((user, ctx))
}

fn report_errors(args: &EvalArgs, diagnostics: &[Diagnostic]) -> ExitCode {
    if args.json {
        outln!("{}", json!({ "errors": diagnostics }));
    } else {
        for d in diagnostics {
            errout!("{}", d.render(&args.expr));
        }
    }
    ExitCode::FAILURE
}

fn print_text(text: &str, evaluation: &Evaluation) {
    match evaluation.outcome() {
        Outcome::Flows(v) => outln!(
            "{}",
            v.to_json()
                .as_str()
                .map_or_else(|| v.to_json().to_string(), str::to_string)
        ),
        Outcome::Null => outln!("(null: nothing flows; the target keeps its current value)"),
        Outcome::Dropped => outln!("(dropped from the flow by IgnoreFlowIfNullOrEmpty)"),
        Outcome::ConditionCheckFails => {
            outln!("(IIF condition check fails in Entra: expect this attribute not to flow)");
            for failure in &evaluation.condition_failures {
                let span = failure.span;
                let d =
                    Diagnostic::warning(mapping_core::diag::Stage::Eval, span, failure.message());
                let d = match &failure.rewrite {
                    Some(r) => d.with_help(format!("rewrite as {r}")),
                    None => {
                        d.with_help("use Switch with a \"\" key for the null case instead of IIF")
                    }
                };
                errout!("{}", d.render(text));
            }
            errln!(
                "if IIF evaluated the condition normally, the value would be {}",
                evaluation.value
            );
        }
    }
    for w in &evaluation.warnings {
        errout!("{}", w.render(text));
    }
    if let Some(trace) = &evaluation.trace {
        outln!("trace:");
        out!("{}", trace.render());
    }
}

/// The source attributes read from the user, each with the Graph property it came from.
fn print_source(user: &GraphUser) {
    let from = if user.from_graph {
        "a Microsoft Graph user"
    } else {
        "flat source attributes"
    };
    outln!("source attributes (read from {from}):");
    for (name, value) in user.attributes.iter() {
        let origin = user.names.iter().find(|n| n.entra == name);
        let note = match origin {
            Some(n) if n.graph != name => match &n.note {
                Some(note) => format!("  ← {} ({note})", n.graph),
                None => format!("  ← {}", n.graph),
            },
            Some(n) => n
                .note
                .as_ref()
                .map(|note| format!("  ({note})"))
                .unwrap_or_default(),
            None => String::new(),
        };
        outln!("  {name} = {}{note}", value_json(value));
    }
    if !user.ignored.is_empty() {
        outln!(
            "  ignored (no source attribute): {}",
            user.ignored.join(", ")
        );
    }
    outln!();
}

/// `"source"` of `--json --show-source`: attribute name → value.
fn source_json(user: &GraphUser) -> serde_json::Value {
    user.attributes
        .iter()
        .map(|(name, value)| (name.to_string(), value_json(value)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn value_json(value: &SourceValue) -> serde_json::Value {
    match value {
        SourceValue::Single(s) => json!(s),
        SourceValue::Multi(items) => json!(items),
    }
}

fn to_json(text: &str, evaluation: &Evaluation) -> serde_json::Value {
    let outcome = match evaluation.outcome() {
        Outcome::Flows(_) => "flows",
        Outcome::Null => "null",
        Outcome::Dropped => "dropped",
        Outcome::ConditionCheckFails => "conditionCheckFails",
    };
    json!({
        "expression": text,
        "outcome": outcome,
        "value": evaluation.value.to_json(),
        "conditionFailures": evaluation.condition_failures,
        "warnings": evaluation.warnings,
        "trace": evaluation.trace,
    })
}
