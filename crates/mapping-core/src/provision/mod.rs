//! The mapping engine: from a user and a mapping set to the requests Entra sends Genesys Cloud,
//! and everything that will go wrong on the way.

pub mod create;
pub mod groups;
pub mod rows;
pub mod update;
pub mod values;

use crate::expr::EvalContext;
use crate::finding::{Field, Finding};
use crate::genesys::checks::{check_create, PhoneCheck};
use crate::graph::{read_user, GraphUser, Lifecycle};
use crate::mapping::model::MappingSet;
use crate::scim::patch::{patch_body, Dialect};
use crate::scim::request::{match_query, ScimRequest};
use crate::source::SourceAttributes;
use rows::{evaluate_rows, Operation, RowResult, RowValue};
use serde_json::Value as Json;
pub use values::ProvisionedUsers;

/// Everything a preview depends on besides the user and the mappings.
#[derive(Debug, Clone)]
pub struct Options {
    pub state: Lifecycle,
    pub dialect: Dialect,
    /// Users already in Genesys, for references (the manager).
    pub provisioned: ProvisionedUsers,
    /// Names of the groups that exist in Genesys.
    pub genesys_groups: Vec<String>,
    /// Region for phone numbers written without a country code (e.g. "US").
    pub default_region: Option<String>,
    pub ctx: EvalContext,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            state: Lifecycle::Assigned,
            dialect: Dialect::Default,
            provisioned: ProvisionedUsers::new(),
            genesys_groups: Vec::new(),
            default_region: None,
            ctx: EvalContext::default(),
        }
    }
}

/// What Entra does with one user.
#[derive(Debug, Clone)]
pub struct Preview {
    pub user: GraphUser,
    /// Each row evaluated as for a create (with traces when the context asks for them).
    pub rows: Vec<RowResult>,
    /// The requests in the order Entra sends them.
    pub requests: Vec<ScimRequest>,
    pub findings: Vec<Finding>,
    pub phones: Vec<PhoneCheck>,
}

impl Preview {
    /// The `POST /Users` body, when the state creates the user.
    pub fn post_body(&self) -> Option<&Json> {
        self.requests
            .iter()
            .find(|r| r.method == "POST")
            .and_then(|r| r.body.as_ref())
    }
}

/// Placeholder for the Genesys id Entra learns when it creates or matches the user.
pub const USER_ID: &str = "{id}";

/// Previews the requests for `user` (a Graph user or flat source attributes) in `options.state`.
pub fn preview(user: &Json, set: &MappingSet, options: &Options) -> Result<Preview, String> {
    let user = read_user(user, options.state)?;
    let rows = evaluate_rows(set, &user.attributes, &options.ctx, Operation::Create);
    let mut findings = row_findings(&rows);
    let mut requests: Vec<ScimRequest> = match_request(set, &rows).into_iter().collect();
    let (checks, phones) = check_create(set, &rows, options.default_region.as_deref());
    findings.extend(checks);
    match options.state {
        Lifecycle::Assigned => {
            let body = create::create_body(&rows, &options.provisioned, &mut findings);
            requests.push(ScimRequest::new(
                "POST",
                "/Users",
                Some(body),
                "creates the user in Genesys Cloud",
            ));
            let matched = groups::matched(&user.groups, &options.genesys_groups);
            let names: Vec<&str> = matched.iter().map(|(_, g)| *g).collect();
            requests.extend(groups::membership_requests(
                &names,
                USER_ID,
                true,
                options.dialect,
            ));
            if !options.genesys_groups.is_empty() {
                findings.extend(groups::unmatched_findings(
                    &user.groups,
                    &options.genesys_groups,
                ));
            }
        }
        Lifecycle::HardDeleted => {
            requests.push(ScimRequest::new(
                "DELETE",
                format!("/Users/{USER_ID}"),
                None,
                Lifecycle::HardDeleted.describe(),
            ));
        }
        soft => {
            let enabled = with_soft_deleted(&user.attributes, false);
            let disabled = with_soft_deleted(&user.attributes, true);
            let before = evaluate_rows(set, &enabled, &options.ctx, Operation::Update);
            let after = evaluate_rows(set, &disabled, &options.ctx, Operation::Update);
            let changes = update::changes(&before, &after, &options.provisioned, &mut findings);
            match patch_body(&changes, options.dialect) {
                Some(body) => requests.push(ScimRequest::new("PATCH", format!("/Users/{USER_ID}"), Some(body), soft.describe())),
                None => findings.push(Finding::warning(
                    "no-disable",
                    "no mapping depends on IsSoftDeleted, so Entra sends nothing and the user stays active in Genesys",
                ).help("map Not([IsSoftDeleted]) to active")),
            }
        }
    }
    Ok(Preview {
        user,
        rows,
        requests,
        findings,
        phones,
    })
}

/// What Entra sends when a user changes from `before` to `after`.
#[derive(Debug, Clone)]
pub struct UpdatePreview {
    pub before: GraphUser,
    pub after: GraphUser,
    pub rows_before: Vec<RowResult>,
    pub rows_after: Vec<RowResult>,
    pub requests: Vec<ScimRequest>,
    pub findings: Vec<Finding>,
}

/// Previews the update of an existing user.
pub fn update(
    before: &Json,
    after: &Json,
    set: &MappingSet,
    options: &Options,
) -> Result<UpdatePreview, String> {
    let before = read_user(before, options.state).map_err(|e| format!("before: {e}"))?;
    let after = read_user(after, options.state).map_err(|e| format!("after: {e}"))?;
    let rows_before = evaluate_rows(set, &before.attributes, &options.ctx, Operation::Update);
    let rows_after = evaluate_rows(set, &after.attributes, &options.ctx, Operation::Update);
    let mut findings = row_findings(&rows_after);
    let changes = update::changes(
        &rows_before,
        &rows_after,
        &options.provisioned,
        &mut findings,
    );
    let mut requests: Vec<ScimRequest> = patch_body(&changes, options.dialect)
        .map(|body| {
            ScimRequest::new(
                "PATCH",
                format!("/Users/{USER_ID}"),
                Some(body),
                "updates the attributes that changed",
            )
        })
        .into_iter()
        .collect();
    let joined = groups::matched(&after.groups, &options.genesys_groups);
    let left = groups::matched(&before.groups, &options.genesys_groups);
    let added: Vec<&str> = joined
        .iter()
        .filter(|j| !left.contains(j))
        .map(|(_, g)| *g)
        .collect();
    let removed: Vec<&str> = left
        .iter()
        .filter(|l| !joined.contains(l))
        .map(|(_, g)| *g)
        .collect();
    requests.extend(groups::membership_requests(
        &added,
        USER_ID,
        true,
        options.dialect,
    ));
    requests.extend(groups::membership_requests(
        &removed,
        USER_ID,
        false,
        options.dialect,
    ));
    Ok(UpdatePreview {
        before,
        after,
        rows_before,
        rows_after,
        requests,
        findings,
    })
}

/// The first request: Entra looks the user up by the matching attribute with the lowest
/// precedence number that has a value.
fn match_request(set: &MappingSet, rows: &[RowResult]) -> Option<ScimRequest> {
    set.matching().into_iter().find_map(|(index, _)| {
        let row = rows.get(index)?;
        let path = row.target.as_ref().ok()?;
        match &row.value {
            RowValue::Flows(crate::expr::Value::Str(v)) if !v.is_empty() => {
                Some(match_query(&path.to_string(), v))
            }
            _ => None,
        }
    })
}

fn with_soft_deleted(attributes: &SourceAttributes, soft_deleted: bool) -> SourceAttributes {
    let mut a = attributes.clone();
    a.set_str("IsSoftDeleted", if soft_deleted { "True" } else { "False" });
    a
}

/// Errors, IIF condition failures and warnings of the evaluated rows.
fn row_findings(rows: &[RowResult]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in rows {
        for d in &row.diagnostics {
            let mut f = Finding::error("evaluation", d.message.clone())
                .at(row.index, Field::Source)
                .span(d.span);
            f.help = d.help.clone();
            findings.push(f);
        }
        let Some(evaluation) = &row.evaluation else {
            continue;
        };
        for failure in &evaluation.condition_failures {
            let f = Finding::warning("iif-null-condition", failure.message())
                .at(row.index, Field::Source)
                .span(failure.span);
            findings.push(match &failure.rewrite {
                Some(r) => f.help(format!("rewrite as {r}")),
                None => f.help("test for the empty case with Switch(attribute, value, \"\", valueIfEmpty) instead of IIF"),
            });
        }
        for w in &evaluation.warnings {
            let mut f = Finding::warning("attribute-case", w.message.clone())
                .at(row.index, Field::Source)
                .span(w.span);
            f.help = w.help.clone();
            findings.push(f);
        }
    }
    findings
}
