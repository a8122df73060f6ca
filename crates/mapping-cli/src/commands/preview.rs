//! `scim-map preview` and `scim-map patch`: the requests Entra sends for a user.

use crate::args::{MappingsArg, TenantArgs};
use crate::{gate, inputs};
use mapping_core::finding::Finding;
use mapping_core::genesys::checks::PhoneCheck;
use mapping_core::graph::Lifecycle;
use mapping_core::mapping::model::MappingSet;
use mapping_core::provision::{self, Options};
use mapping_core::scim::{Dialect, ScimRequest};
use mapping_core::{lint, report};
use serde_json::{json, Value as Json};
use std::path::PathBuf;
use std::process::ExitCode;

/// `scim-map preview`.
#[derive(clap::Args)]
pub struct PreviewArgs {
    /// The user: a Microsoft Graph user object (as Graph Explorer returns it) or flat source
    /// attributes, as a JSON file (`-` reads standard input).
    #[arg(long, value_name = "FILE")]
    pub user: PathBuf,
    /// The user's state in Entra: assigned, disabled, unassigned, soft-deleted or hard-deleted.
    #[arg(long, default_value = "assigned")]
    pub state: String,
    #[command(flatten)]
    pub common: Common,
}

/// `scim-map patch`.
#[derive(clap::Args)]
pub struct PatchArgs {
    /// The user as Genesys last received it (JSON file, `-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub before: PathBuf,
    /// The user as it is now in Entra (JSON file, `-` for standard input). A disable shows as
    /// `accountEnabled: false` here.
    #[arg(long, value_name = "FILE")]
    pub after: PathBuf,
    /// Refused: a patch reads each user's state from the user itself (accountEnabled); for a
    /// disable or delete, use `scim-map preview --state`.
    #[arg(long, hide = true)]
    pub state: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Options shared by `preview` and `patch`.
#[derive(clap::Args)]
pub struct Common {
    #[command(flatten)]
    pub mappings: MappingsArg,
    /// PATCH dialect: default, or aadOptscim062020 (the SCIM-compliant flag).
    #[arg(long, default_value = "default")]
    pub dialect: String,
    /// Region for phone numbers without a country code, e.g. US.
    #[arg(long, value_name = "CC")]
    pub region: Option<String>,
    /// The groups that exist in Genesys: "A,B", or a file with one name per line.
    #[arg(long = "genesys-groups", value_name = "LIST", long_help = genesys_groups_help())]
    pub genesys_groups: Option<String>,
    /// Users already in Genesys, for the manager reference: "entraObjectId=genesysId,…" or a
    /// file with one pair per line (same rules as --genesys-groups).
    #[arg(long, value_name = "LIST")]
    pub provisioned: Option<String>,
    /// Go on when lint finds errors in the mapping set (rows left out, two rows writing one
    /// target); the errors are listed with the findings. Without it, such a set stops the
    /// command with exit status 1.
    #[arg(long)]
    pub allow_errors: bool,
    #[command(flatten)]
    pub tenant: TenantArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn genesys_groups_help() -> String {
    format!(
        "The groups that exist in Genesys: \"A,B\", or a file with one name per line.\n\n{}",
        inputs::LIST_SYNTAX
    )
}

impl Common {
    fn options(&self, state: Lifecycle) -> Result<Options, String> {
        let mut o = Options {
            state,
            dialect: Dialect::parse(&self.dialect).ok_or_else(|| {
                format!(
                    "--dialect {:?}: expected default or aadOptscim062020",
                    self.dialect
                )
            })?,
            default_region: self.region.clone(),
            ..Options::default()
        };
        self.tenant.apply(&mut o.ctx);
        if let Some(g) = &self.genesys_groups {
            o.genesys_groups = inputs::names("--genesys-groups", g)?;
        }
        if let Some(p) = &self.provisioned {
            o.provisioned = inputs::provisioned(p)?;
        }
        Ok(o)
    }

    /// `Err` with the exit status when lint's errors stop the command (no `--allow-errors`).
    fn gate(&self, set: &MappingSet) -> Result<(), ExitCode> {
        gate::lint_errors(set, &self.mappings.name(), self.allow_errors, self.json).map(|_| ())
    }
}

fn parse_state(state: &str) -> Result<Lifecycle, String> {
    Lifecycle::parse(state).ok_or_else(|| {
        let all: Vec<&str> = Lifecycle::ALL.iter().map(|l| l.as_str()).collect();
        format!("--state {state:?}: expected one of {}", all.join(", "))
    })
}

pub fn preview(args: &PreviewArgs) -> ExitCode {
    let common = &args.common;
    let read = || -> Result<(MappingSet, Options, Json), String> {
        let set = common.mappings.read()?;
        let options = common.options(parse_state(&args.state)?)?;
        let (user, _) = inputs::user(&args.user, options.state)?;
        Ok((set, options, user))
    };
    let (set, options, user) = match read() {
        Ok(v) => v,
        Err(e) => return fail(&e),
    };
    if let Err(code) = common.gate(&set) {
        return code;
    }
    match provision::preview(&user, &set, &options) {
        Ok(p) => {
            // The same findings, in the same order, as the playground's Problems panel.
            let findings = report::merge(lint::lint(&set), p.findings, Vec::new());
            let suggestions: Vec<_> = p
                .phones
                .iter()
                .map(|phone| report::phone_suggestion(phone, &set))
                .collect();
            report(&p.requests, &findings, &p.phones, &suggestions, common.json)
        }
        Err(e) => fail(&format!("{}: {e}", inputs::name(&args.user))),
    }
}

pub fn patch(args: &PatchArgs) -> ExitCode {
    if let Some(state) = &args.state {
        return fail(&format!(
            "patch --state {state}: a patch takes each user's state from the user itself \
             (accountEnabled in --before and --after); for a disable or delete, use \
             `scim-map preview --state {state}`"
        ));
    }
    let common = &args.common;
    let read = || -> Result<(MappingSet, Options, Json, Json), String> {
        let set = common.mappings.read()?;
        let options = common.options(Lifecycle::Assigned)?;
        let (before, _) = inputs::user(&args.before, options.state)?;
        let (after, _) = inputs::user(&args.after, options.state)?;
        Ok((set, options, before, after))
    };
    let (set, options, before, after) = match read() {
        Ok(v) => v,
        Err(e) => return fail(&e),
    };
    if let Err(code) = common.gate(&set) {
        return code;
    }
    match provision::update(&before, &after, &set, &options) {
        Ok(p) => {
            if p.requests.is_empty() && !common.json {
                outln!("(nothing changed that Entra sends: no request)");
            }
            let findings = report::merge(lint::lint(&set), Vec::new(), p.findings);
            report(&p.requests, &findings, &[], &[], common.json)
        }
        Err(e) => fail(&format!(
            "{} → {}: {e}",
            inputs::name(&args.before),
            inputs::name(&args.after)
        )),
    }
}

fn fail(message: &str) -> ExitCode {
    errln!("error: {message}");
    ExitCode::from(2)
}

/// Prints what the two commands found.
/// Prints the requests, the phones (each with its suggested fix, `suggestions[i]` composed with
/// the row's expression by `report::phone_suggestion`) and the findings.
fn report(
    requests: &[ScimRequest],
    findings: &[Finding],
    phones: &[PhoneCheck],
    suggestions: &[Option<(String, String)>],
    as_json: bool,
) -> ExitCode {
    if as_json {
        outln!(
            "{}",
            serde_json::to_string_pretty(
                &json!({ "requests": requests, "findings": findings, "phones": phones })
            )
            .unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for r in requests {
        outln!("# {}", r.purpose);
        out!("{}", r.render());
        outln!();
    }
    for (i, p) in phones.iter().enumerate() {
        let a = &p.analysis;
        outln!(
            "phone {}: {:?} → {} ({})",
            p.target,
            a.input,
            a.tel_uri
                .as_deref()
                .or(a.e164.as_deref())
                .unwrap_or("not a phone number"),
            a.verdict.describe()
        );
        if let Some(Some((fix, why))) = suggestions.get(i) {
            outln!("    suggestion: {fix}\n    ({why})");
        }
    }
    for f in findings {
        outln!("{}", f.render());
    }
    ExitCode::SUCCESS
}
