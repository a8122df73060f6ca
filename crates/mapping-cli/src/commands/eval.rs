//! `scim-map eval 'EXPR'`: one expression, one user.

use mapping_core::expr::functions::dates::parse_date;
use mapping_core::expr::{EvalContext, Evaluation, Outcome};
use mapping_core::{compile, Diagnostic, SourceAttributes};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The expression, e.g. 'StripSpaces([telephoneNumber])'.
    pub expr: String,
    /// The user's source attributes as a flat JSON object (Entra names: telephoneNumber, mobile, …).
    #[arg(long)]
    pub user: Option<PathBuf>,
    /// The clock for Now(), as RFC 3339 (default: the current time).
    #[arg(long)]
    pub now: Option<String>,
    /// The tenant's default verified domain, for DefaultDomain() (e.g. contoso.com).
    #[arg(long = "default-domain", value_name = "DOMAIN")]
    pub default_domain: Option<String>,
    /// Values already taken in the target, for SelectUniqueValue (repeatable).
    #[arg(long = "taken")]
    pub taken: Vec<String>,
    /// Print the evaluation trace: every call with its arguments' values.
    #[arg(long)]
    pub trace: bool,
    /// Print a JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &EvalArgs) -> ExitCode {
    let (source, ctx) = match inputs(args) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let expr = match compile(&args.expr) {
        Ok(e) => e,
        Err(diagnostics) => return report_errors(args, &diagnostics),
    };
    match expr.evaluate(&source, &ctx) {
        Ok(evaluation) if args.json => {
            println!("{}", to_json(&args.expr, &evaluation));
            ExitCode::SUCCESS
        }
        Ok(evaluation) => {
            print_text(&args.expr, &evaluation);
            ExitCode::SUCCESS
        }
        Err(d) => report_errors(args, &[d]),
    }
}

fn inputs(args: &EvalArgs) -> Result<(SourceAttributes, EvalContext), String> {
    let source = match &args.user {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            SourceAttributes::from_json_text(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => SourceAttributes::new(),
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
    ctx.default_domain.clone_from(&args.default_domain);
    ctx.trace = args.trace || args.json;
    Ok((source, ctx))
}

fn report_errors(args: &EvalArgs, diagnostics: &[Diagnostic]) -> ExitCode {
    if args.json {
        println!("{}", json!({ "errors": diagnostics }));
    } else {
        for d in diagnostics {
            eprint!("{}", d.render(&args.expr));
        }
    }
    ExitCode::FAILURE
}

fn print_text(text: &str, evaluation: &Evaluation) {
    match evaluation.outcome() {
        Outcome::Flows(v) => println!(
            "{}",
            v.to_json()
                .as_str()
                .map_or_else(|| v.to_json().to_string(), str::to_string)
        ),
        Outcome::Null => println!("(null: nothing flows; the target keeps its current value)"),
        Outcome::Dropped => println!("(dropped from the flow by IgnoreFlowIfNullOrEmpty)"),
        Outcome::ConditionCheckFails => {
            println!("(IIF condition check fails in Entra: expect this attribute not to flow)");
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
                eprint!("{}", d.render(text));
            }
            eprintln!(
                "if IIF evaluated the condition normally, the value would be {}",
                evaluation.value
            );
        }
    }
    for w in &evaluation.warnings {
        eprint!("{}", w.render(text));
    }
    if let Some(trace) = &evaluation.trace {
        println!("trace:");
        print!("{}", trace.render());
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
