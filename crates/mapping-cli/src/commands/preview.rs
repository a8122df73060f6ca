//! `scim-map preview` and `scim-map patch`: the requests Entra sends for a user.

use crate::inputs;
use mapping_core::finding::Finding;
use mapping_core::genesys::checks::PhoneCheck;
use mapping_core::graph::Lifecycle;
use mapping_core::provision::{self, Options};
use mapping_core::scim::{Dialect, ScimRequest};
use mapping_core::{lint, report};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Options shared by `preview` and `patch`.
#[derive(clap::Args)]
pub struct Common {
    /// A preset (genesys-default, genesys-teams) or a file: Graph synchronization schema JSON,
    /// an attributeMappings array, or a mapping set saved by `schema import --json`.
    #[arg(long)]
    pub mappings: Option<String>,
    /// assigned, disabled, unassigned, soft-deleted or hard-deleted.
    #[arg(long, default_value = "assigned")]
    pub state: String,
    /// PATCH dialect: default, or aadOptscim062020 (the SCIM-compliant flag).
    #[arg(long, default_value = "default")]
    pub dialect: String,
    /// Region for phone numbers without a country code, e.g. US.
    #[arg(long)]
    pub region: Option<String>,
    /// The groups that exist in Genesys: "A,B" or a file with one name per line.
    #[arg(long = "genesys-groups")]
    pub genesys_groups: Option<String>,
    /// Users already in Genesys, for the manager reference: "entraObjectId=genesysId,…" or a file.
    #[arg(long)]
    pub provisioned: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl Common {
    fn options(&self) -> Result<Options, String> {
        let mut o = Options {
            state: Lifecycle::parse(&self.state).ok_or_else(|| {
                let all: Vec<&str> = Lifecycle::ALL.iter().map(|l| l.as_str()).collect();
                format!(
                    "--state {:?}: expected one of {}",
                    self.state,
                    all.join(", ")
                )
            })?,
            dialect: Dialect::parse(&self.dialect).ok_or_else(|| {
                format!(
                    "--dialect {:?}: expected default or aadOptscim062020",
                    self.dialect
                )
            })?,
            default_region: self.region.clone(),
            ..Options::default()
        };
        if let Some(g) = &self.genesys_groups {
            o.genesys_groups = inputs::names(g)?;
        }
        if let Some(p) = &self.provisioned {
            o.provisioned = inputs::provisioned(p)?;
        }
        Ok(o)
    }
}

/// What the two commands print.
struct Report {
    requests: Vec<ScimRequest>,
    findings: Vec<Finding>,
    phones: Vec<PhoneCheck>,
    /// Per phone: the fix composed with the row's expression (`report::phone_suggestion`).
    suggestions: Vec<Option<(String, String)>>,
}

pub fn preview(user: &Path, common: &Common) -> ExitCode {
    let run = || -> Result<Report, String> {
        let set = inputs::mappings(common.mappings.as_deref())?;
        let user = inputs::json_file(user)?;
        let p = provision::preview(&user, &set, &common.options()?)?;
        // The same findings, in the same order, as the playground's Problems panel.
        let suggestions = p
            .phones
            .iter()
            .map(|ph| report::phone_suggestion(ph, &set))
            .collect();
        Ok(Report {
            requests: p.requests,
            findings: report::merge(lint::lint(&set), p.findings, Vec::new()),
            phones: p.phones,
            suggestions,
        })
    };
    match run() {
        Ok(r) => report(&r, common.json),
        Err(e) => fail(&e),
    }
}

pub fn patch(before: &Path, after: &Path, common: &Common) -> ExitCode {
    let run = || -> Result<Report, String> {
        let set = inputs::mappings(common.mappings.as_deref())?;
        let p = provision::update(
            &inputs::json_file(before)?,
            &inputs::json_file(after)?,
            &set,
            &common.options()?,
        )?;
        Ok(Report {
            requests: p.requests,
            findings: report::merge(lint::lint(&set), Vec::new(), p.findings),
            phones: Vec::new(),
            suggestions: Vec::new(),
        })
    };
    match run() {
        Ok(r) => {
            if r.requests.is_empty() && !common.json {
                println!("(nothing changed that Entra sends: no request)");
            }
            report(&r, common.json)
        }
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn report(r: &Report, as_json: bool) -> ExitCode {
    let (requests, findings, phones) = (&r.requests, &r.findings, &r.phones);
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &json!({ "requests": requests, "findings": findings, "phones": phones })
            )
            .unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for r in requests {
        println!("# {}", r.purpose);
        print!("{}", r.render());
        println!();
    }
    for (i, p) in phones.iter().enumerate() {
        let a = &p.analysis;
        println!(
            "phone {}: {:?} → {} ({})",
            p.target,
            a.input,
            a.tel_uri
                .as_deref()
                .or(a.e164.as_deref())
                .unwrap_or("not a phone number"),
            a.verdict.describe()
        );
        if let Some(Some((fix, why))) = r.suggestions.get(i) {
            println!("    suggestion: {fix}\n    ({why})");
        }
    }
    for f in findings {
        println!("{}", f.render());
    }
    ExitCode::SUCCESS
}
