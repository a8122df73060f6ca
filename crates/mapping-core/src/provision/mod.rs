//! The mapping engine: from a user and a mapping set to the requests Entra sends Genesys Cloud,
//! and everything that will go wrong on the way.

pub mod compiled;
pub mod create;
pub mod groups;
pub mod rows;
pub mod update;
pub mod values;

use crate::expr::EvalContext;
use crate::finding::{Field, Finding, FindingCode};
use crate::genesys::checks::{check_create, CheckedUser, FlowingValue, PhoneCheck};
use crate::graph::{phone_region, read_user, GraphUser, Lifecycle};
use crate::mapping::model::MappingSet;
use crate::phone::shape::ProvenShapes;
use crate::phone::Suggestions;
use crate::scim::patch::{patch_body, Dialect};
use crate::scim::request::{match_query, ScimRequest};
use crate::source::{SourceAttributes, UserError};
pub use compiled::CompiledSet;
use rows::{evaluate_compiled, Operation, RowResult, RowValue};
use serde_json::Value as Json;
pub use values::ProvisionedUsers;

/// Everything a preview depends on besides the user and the mappings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where the user stands in Entra, which decides the requests (create, disable, delete).
    pub state: Lifecycle,
    /// How PATCH bodies are written.
    pub dialect: Dialect,
    /// Users already in Genesys, for references (the manager).
    pub provisioned: ProvisionedUsers,
    /// Names of the groups that exist in Genesys.
    pub genesys_groups: Vec<String>,
    /// Region for phone numbers written without a country code (e.g. "US").
    pub default_region: Option<String>,
    /// What every row is evaluated with besides the user: clock, random seed, values already
    /// taken in Genesys, tenant domain, and whether to trace.
    pub ctx: EvalContext,
    /// Which phone values get a suggested expression (every one not in E.164 by default).
    pub phone_suggestions: Suggestions,
    /// When given, a phone suggestion is sought only for the first refused value of each shape
    /// (see [`ProvenShapes`]).
    pub proven_shapes: Option<ProvenShapes>,
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
            phone_suggestions: Suggestions::All,
            proven_shapes: None,
        }
    }
}

/// What Entra does with one user.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The user as read from the input.
    pub user: GraphUser,
    /// Each row evaluated as for a create (with traces when the context asks for them).
    pub rows: Vec<RowResult>,
    /// The requests in the order Entra sends them.
    pub requests: Vec<ScimRequest>,
    /// What will go wrong or is worth knowing, row by row and for the user as a whole.
    pub findings: Vec<Finding>,
    /// The analysis of every phone number that flows into `phoneNumbers[...]`.
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
/// A user that cannot be read is a [`UserError`] naming the property. Compiles `set` first: to
/// preview many users, compile once ([`CompiledSet::new`]) and use [`preview_compiled`].
pub fn preview(user: &Json, set: &MappingSet, options: &Options) -> Result<Preview, UserError> {
    preview_compiled(user, &CompiledSet::new(set.clone()), options)
}

/// [`preview`] with a set compiled once.
pub fn preview_compiled(
    user: &Json,
    set: &CompiledSet,
    options: &Options,
) -> Result<Preview, UserError> {
    Ok(preview_user(read_user(user, options.state)?, set, options))
}

/// [`preview`] of a user already read with [`read_user`] (in `options.state`).
pub fn preview_user(user: GraphUser, set: &CompiledSet, options: &Options) -> Preview {
    preview_with(user, set, options, Requests::Build)
}

/// Whether a preview writes out the requests, or only finds what they would cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requests {
    /// Every request with its body.
    Build,
    /// No match query, create body or group requests (`Preview::requests` stays empty for an
    /// assigned user); the findings, rows and phones are those of [`Requests::Build`].
    FindingsOnly,
}

/// [`preview_user`], building the requests or not.
pub(crate) fn preview_with(
    user: GraphUser,
    set: &CompiledSet,
    options: &Options,
    build: Requests,
) -> Preview {
    let rows = evaluate_compiled(set, &user.attributes, &options.ctx, Operation::Create);
    let mut findings = row_findings(&rows);
    let mut requests: Vec<ScimRequest> = match build {
        Requests::Build => match_request(set, &rows).into_iter().collect(),
        Requests::FindingsOnly => Vec::new(),
    };
    if options.state != Lifecycle::Assigned {
        for r in &mut requests {
            r.purpose = "Entra finds the user in Genesys by the matching attribute (after the first sync it uses the cached id)".into();
        }
    }
    let (checks, phones) = check_rows(set, &rows, &user.attributes, options);
    findings.extend(checks);
    match options.state {
        Lifecycle::Assigned if build == Requests::FindingsOnly => {
            create::create_findings(&rows, &options.provisioned, &mut findings);
            if !options.genesys_groups.is_empty() {
                findings.extend(groups::unmatched_findings(
                    &user.groups,
                    &options.genesys_groups,
                ));
            }
        }
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
            let before = evaluate_compiled(set, &enabled, &options.ctx, Operation::Update);
            let after = evaluate_compiled(set, &disabled, &options.ctx, Operation::Update);
            let changes = update::changes(&before, &after, &options.provisioned, &mut findings);
            match patch_body(&changes, options.dialect) {
                Some(body) => requests.push(ScimRequest::new("PATCH", format!("/Users/{USER_ID}"), Some(body), soft.describe())),
                None => findings.push(Finding::warning(
                    FindingCode::NoDisable,
                    "no mapping depends on IsSoftDeleted, so Entra sends nothing and the user stays active in Genesys",
                ).help("map Not([IsSoftDeleted]) to active")),
            }
        }
    }
    if let Some(manager) = &user.manager {
        name_the_manager(&mut findings, manager);
    }
    Preview {
        user,
        rows,
        requests,
        findings,
        phones,
    }
}

/// The Genesys checks of a create, on the values that flow; phone numbers are read in the user's
/// own region (`usageLocation`, then `country`, then the default region).
fn check_rows(
    set: &CompiledSet,
    rows: &[RowResult],
    attributes: &SourceAttributes,
    options: &Options,
) -> (Vec<Finding>, Vec<PhoneCheck>) {
    let values: Vec<FlowingValue<'_>> = rows
        .iter()
        .filter_map(|row| {
            let text = set.rows().get(row.index).and_then(|c| c.text.as_ref());
            let (Ok(path), RowValue::Flows(value)) = (&row.target, &row.value) else {
                return None;
            };
            Some(FlowingValue {
                row: row.index,
                path,
                value,
                expression: text.map(String::as_str),
            })
        })
        .collect();
    let region = phone_region(attributes, options.default_region.as_deref());
    check_create(
        &values,
        CheckedUser {
            attributes,
            region: region.as_deref(),
            suggestions: options.phone_suggestions,
            proven: options.proven_shapes.as_ref(),
        },
    )
}

/// Findings speak of the manager by name where the user's JSON gives one.
fn name_the_manager(findings: &mut [Finding], manager: &crate::graph::ManagerRef) {
    let Some(name) = manager
        .display_name
        .as_deref()
        .or(manager.user_principal_name.as_deref())
    else {
        return;
    };
    for f in findings
        .iter_mut()
        .filter(|f| f.code == FindingCode::ManagerNotProvisioned)
    {
        f.message = f
            .message
            .replace(&manager.id, &format!("{name} ({})", manager.id));
    }
}

/// What Entra sends when a user changes from `before` to `after`.
#[derive(Debug, Clone)]
pub struct UpdatePreview {
    /// The user as it was.
    pub before: GraphUser,
    /// The user as it is now.
    pub after: GraphUser,
    /// Each row evaluated as for an update, on `before`.
    pub rows_before: Vec<RowResult>,
    /// Each row evaluated as for an update, on `after`.
    pub rows_after: Vec<RowResult>,
    /// The requests in the order Entra sends them: the PATCH of the user (if anything
    /// changed), then group memberships added and removed.
    pub requests: Vec<ScimRequest>,
    /// What will go wrong or is worth knowing about the update.
    pub findings: Vec<Finding>,
}

/// Previews the update of an existing user. A user that cannot be read is a [`UserError`] whose
/// `document` is `before` or `after`.
pub fn update(
    before: &Json,
    after: &Json,
    set: &MappingSet,
    options: &Options,
) -> Result<UpdatePreview, UserError> {
    update_compiled(before, after, &CompiledSet::new(set.clone()), options)
}

/// [`update`] with a set compiled once.
pub fn update_compiled(
    before: &Json,
    after: &Json,
    set: &CompiledSet,
    options: &Options,
) -> Result<UpdatePreview, UserError> {
    let before = read_user(before, options.state).map_err(|e| e.in_document("before"))?;
    let after = read_user(after, options.state).map_err(|e| e.in_document("after"))?;
    let rows_before = evaluate_compiled(set, &before.attributes, &options.ctx, Operation::Update);
    let rows_after = evaluate_compiled(set, &after.attributes, &options.ctx, Operation::Update);
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
    let added = groups::difference(&joined, &left);
    let removed = groups::difference(&left, &joined);
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
fn match_request(set: &CompiledSet, rows: &[RowResult]) -> Option<ScimRequest> {
    set.matching().iter().find_map(|&index| {
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
            let mut f = Finding::error(FindingCode::Evaluation, d.message.clone())
                .at(row.index, Field::Source)
                .span(d.span);
            f.help = d.help.clone();
            findings.push(f);
        }
        let Some(evaluation) = &row.evaluation else {
            continue;
        };
        for failure in &evaluation.condition_failures {
            let f = Finding::warning(FindingCode::IifNullCondition, failure.message())
                .at(row.index, Field::Source)
                .span(failure.span);
            findings.push(match &failure.rewrite {
                Some(r) => f.help(format!("rewrite as {r}")),
                None => f.help("test for the empty case with Switch(attribute, value, \"\", valueIfEmpty) instead of IIF"),
            });
        }
        for w in &evaluation.warnings {
            let mut f = Finding::warning(FindingCode::AttributeCase, w.message.clone())
                .at(row.index, Field::Source)
                .span(w.span);
            f.help = w.help.clone();
            findings.push(f);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::presets;
    use crate::mapping::AttributeMapping;
    use serde_json::json;

    fn adele() -> Json {
        json!({
            "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            "accountEnabled": true,
            "businessPhones": ["+1 425 555 0109"],
            "displayName": "Adele Vance",
            "jobTitle": "Retail Manager",
            "department": "Retail",
            "mail": "AdeleV@contoso.com",
            "userPrincipalName": "AdeleV@contoso.com",
            "manager": {"id": "m-1", "displayName": "Miriam Graham"},
            "memberOf": [{"displayName": "Sales Agents"}, {"displayName": "Finance"}]
        })
    }

    fn run(state: Lifecycle) -> Preview {
        let options = Options {
            state,
            ..Options::default()
        };
        preview(&adele(), &presets::genesys_default(), &options).unwrap()
    }

    fn methods(p: &Preview) -> Vec<&str> {
        p.requests.iter().map(|r| r.method).collect()
    }

    #[test]
    fn assigned_user_is_looked_up_then_created() {
        let p = run(Lifecycle::Assigned);
        assert_eq!(methods(&p), vec!["GET", "POST"]);
        assert_eq!(
            p.requests[0].path,
            "/Users?filter=userName eq \"AdeleV@contoso.com\""
        );
        let body = p.post_body().unwrap();
        assert_eq!(body["active"], json!(true));
        assert_eq!(
            body["phoneNumbers"],
            json!([{"type": "work", "value": "+14255550109"}])
        );
        assert!(
            body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
                .get("manager")
                .is_none()
        );
        assert!(p
            .findings
            .iter()
            .any(|f| f.code == FindingCode::ManagerNotProvisioned));
    }

    #[test]
    fn a_provisioned_manager_is_sent_by_genesys_id() {
        let mut options = Options::default();
        options.provisioned.insert("m-1".into(), "g-42".into());
        let p = preview(&adele(), &presets::genesys_default(), &options).unwrap();
        assert_eq!(
            p.post_body().unwrap()["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
                ["manager"],
            json!("g-42")
        );
    }

    #[test]
    fn findings_only_finds_what_the_full_preview_finds() {
        let mut messy = adele();
        messy["businessPhones"] = json!(["(425) 555-0109 x12"]);
        messy["mail"] = json!(null);
        let mut flat = json!({"userPrincipalName": "a@b.example", "telephoneNumber": "x402"});
        flat["manager"] = json!("m-9");
        let set = CompiledSet::new(presets::genesys_default());
        let mut options = Options {
            genesys_groups: vec!["Sales Agents".into()],
            default_region: Some("US".into()),
            ..Options::default()
        };
        options.provisioned.insert("m-1".into(), "g-1".into());
        for user in [adele(), messy, flat] {
            let read = || read_user(&user, options.state).unwrap();
            let full = preview_with(read(), &set, &options, Requests::Build);
            let lean = preview_with(read(), &set, &options, Requests::FindingsOnly);
            assert!(!full.requests.is_empty() && lean.requests.is_empty());
            assert_eq!(
                serde_json::to_value(&full.findings).unwrap(),
                serde_json::to_value(&lean.findings).unwrap()
            );
            assert_eq!(
                serde_json::to_value(&full.phones).unwrap(),
                serde_json::to_value(&lean.phones).unwrap()
            );
            let values = |p: &Preview| p.rows.iter().map(|r| r.value.clone()).collect::<Vec<_>>();
            assert_eq!(values(&full), values(&lean));
        }
    }

    #[test]
    fn a_compiled_set_previews_as_the_set_does() {
        let set = presets::genesys_default();
        let compiled = CompiledSet::new(set.clone());
        let options = Options::default();
        let a = preview(&adele(), &set, &options).unwrap();
        let b = preview_compiled(&adele(), &compiled, &options).unwrap();
        assert_eq!(a.requests, b.requests);
        assert_eq!(
            serde_json::to_value(&a.findings).unwrap(),
            serde_json::to_value(&b.findings).unwrap()
        );
    }

    #[test]
    fn soft_states_send_a_disable_and_hard_delete_a_delete() {
        for state in [
            Lifecycle::Disabled,
            Lifecycle::Unassigned,
            Lifecycle::SoftDeleted,
        ] {
            let p = run(state);
            assert_eq!(methods(&p), vec!["GET", "PATCH"], "{state:?}");
            let ops = &p.requests[1].body.as_ref().unwrap()["Operations"];
            assert_eq!(
                ops,
                &json!([{"op": "Replace", "path": "active", "value": "False"}])
            );
        }
        let p = run(Lifecycle::HardDeleted);
        assert_eq!(p.requests.last().unwrap().method, "DELETE");
        assert_eq!(p.requests.last().unwrap().path, "/Users/{id}");
    }

    #[test]
    fn compliant_dialect_disables_with_a_boolean() {
        let options = Options {
            state: Lifecycle::Disabled,
            dialect: Dialect::AadOptscim062020,
            ..Options::default()
        };
        let p = preview(&adele(), &presets::genesys_default(), &options).unwrap();
        assert_eq!(
            p.requests[1].body.as_ref().unwrap()["Operations"],
            json!([{"op": "replace", "path": "active", "value": false}])
        );
    }

    #[test]
    fn groups_that_exist_in_genesys_get_the_user() {
        let options = Options {
            genesys_groups: vec!["sales agents".into(), "Support".into()],
            ..Options::default()
        };
        let p = preview(&adele(), &presets::genesys_default(), &options).unwrap();
        assert_eq!(methods(&p), vec!["GET", "POST", "PATCH"]);
        assert_eq!(p.requests[2].path, "/Groups/{id of sales agents}");
        assert!(p
            .findings
            .iter()
            .any(|f| f.code == FindingCode::GroupNotInGenesys && f.message.contains("Finance")));
    }

    #[test]
    fn a_set_without_a_disable_mapping_says_so() {
        let mut set = presets::genesys_default();
        set.mappings.retain(|m| m.target != "active");
        let options = Options {
            state: Lifecycle::Disabled,
            ..Options::default()
        };
        let p = preview(&adele(), &set, &options).unwrap();
        assert!(p.findings.iter().any(|f| f.code == FindingCode::NoDisable));
        assert!(p
            .findings
            .iter()
            .any(|f| f.code == FindingCode::RequiredAttribute && f.message.contains("active")));
    }

    #[test]
    fn update_moves_groups_and_ignores_cleared_values() {
        let before = adele();
        let mut after = adele();
        after["memberOf"] = json!([{"displayName": "Support"}]);
        after["department"] = json!(null);
        let options = Options {
            genesys_groups: vec!["Sales Agents".into(), "Support".into()],
            ..Options::default()
        };
        let u = update(&before, &after, &presets::genesys_default(), &options).unwrap();
        let summary: Vec<(&str, &str)> = u
            .requests
            .iter()
            .map(|r| (r.method, r.path.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("PATCH", "/Groups/{id of Support}"),
                ("PATCH", "/Groups/{id of Sales Agents}")
            ]
        );
        assert_eq!(
            u.requests[1].body.as_ref().unwrap()["Operations"][0]["op"],
            json!("Remove")
        );
        assert!(u
            .findings
            .iter()
            .any(|f| f.code == FindingCode::ClearedValueKept));
    }

    #[test]
    fn role_payloads_are_as_microsoft_shows_them() {
        let mut user = adele();
        user["appRoleAssignments"] = json!(["Admin", "User"]);
        let mut set = presets::genesys_default();
        set.mappings.push(AttributeMapping::expression(
            "roles",
            "AppRoleAssignmentsComplex([appRoleAssignments])",
        ));
        let p = preview(&user, &set, &Options::default()).unwrap();
        assert_eq!(
            serde_json::to_string(&p.post_body().unwrap()["roles"]).unwrap(),
            r#"[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","displayName":"Admin","value":"Admin"},{"primary":false,"type":"WindowsAzureActiveDirectoryRole","displayName":"User","value":"User"}]"#
        );
        set.mappings.pop();
        set.mappings.push(AttributeMapping::expression(
            "roles[primary eq \"True\"].value",
            "SingleAppRoleAssignment([appRoleAssignments])",
        ));
        user["appRoleAssignments"] = json!(["Admin"]);
        let p = preview(&user, &set, &Options::default()).unwrap();
        assert_eq!(
            serde_json::to_string(&p.post_body().unwrap()["roles"]).unwrap(),
            r#"[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]"#
        );
    }

    #[test]
    fn bad_users_are_errors_not_panics() {
        let set = presets::genesys_default();
        assert!(preview(&json!("text"), &set, &Options::default()).is_err());
        assert!(preview(
            &json!({"accountEnabled": true, "manager": 5}),
            &set,
            &Options::default()
        )
        .is_err());
        let e = update(&json!({}), &json!([]), &set, &Options::default()).unwrap_err();
        assert_eq!(e.document, Some("after"));
        assert!(e.to_string().starts_with("after: "), "{e}");
        let e = preview(
            &json!({"accountEnabled": "false"}),
            &set,
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(e.property, "accountEnabled");
    }
}
