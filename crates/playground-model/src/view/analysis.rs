//! Everything the results panels show, computed in one pure function from the mapping set, the
//! two users and the settings, with `mapping-core` doing the provisioning logic. Never fails:
//! every problem becomes part of the analysis.

use crate::state::Settings;
use mapping_core::diag::Severity;
use mapping_core::expr::trace::TraceNode;
use mapping_core::expr::{EvalContext, Value};
use mapping_core::finding::{Field, Finding};
use mapping_core::genesys::regions::REGIONS;
use mapping_core::graph::{GraphUser, Lifecycle};
use mapping_core::lint::lint;
use mapping_core::mapping::model::MappingSet;
use mapping_core::phone::GenesysVerdict;
use mapping_core::provision::rows::RowValue;
use mapping_core::provision::{self, Options, Preview};
use mapping_core::report;
use mapping_core::scim::{Dialect, ScimRequest};
use mapping_core::source::SourceValue;
use serde_json::Value as Json;

/// Most source attributes listed (a huge pasted user stays readable and fast).
pub const MAX_SOURCE_ROWS: usize = 400;
/// Longest attribute value shown whole.
const MAX_VALUE_CHARS: usize = 300;

/// What the analysis reads.
pub struct Inputs<'a> {
    /// The mapping set to evaluate.
    pub set: &'a MappingSet,
    /// The user (Graph or flat), parsed.
    pub user: &'a Json,
    /// The user before a change, parsed.
    pub before: &'a Json,
    /// The preview's options (lifecycle state, dialect, regions, groups).
    pub settings: &'a Settings,
    /// The clock, seconds since 1970 (`Now()` and date functions).
    pub now: i64,
}

/// Everything the results show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// The user could not be read as a user (e.g. it is not an object).
    pub user_error: Option<String>,
    /// The requests Entra sends in the chosen lifecycle state.
    pub requests: Vec<RequestView>,
    /// What the lifecycle state means, in words.
    pub lifecycle_note: String,
    /// The update (PATCH) preview from the user before to the user now.
    pub update: UpdateView,
    /// One per mapping row: what it gives this user.
    pub rows: Vec<RowView>,
    /// Lint, preview and update findings, errors first, without duplicates.
    pub findings: Vec<FindingView>,
    /// One per phone value the rows send, with Genesys's likely verdict.
    pub phones: Vec<PhoneView>,
    /// One per mapping row: its evaluation trace (empty when nothing was evaluated).
    pub traces: Vec<Vec<TraceRow>>,
    /// The user's source attributes as Entra's engine sees them.
    pub source: SourceView,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
/// One request Entra would send, ready to show.
pub struct RequestView {
    /// The HTTP method (`POST`, `PATCH`, `DELETE`, …).
    pub method: String,
    /// The path on the SCIM endpoint (`/Users/{id}`).
    pub path: String,
    /// Why the request is sent, in words.
    pub purpose: String,
    /// The body, pretty-printed.
    pub body: Option<String>,
    /// Method, path and body as one text (for copying).
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
/// The update preview: the requests for a change of the user, or why there are none.
pub struct UpdateView {
    /// The requests, in the order they are sent.
    pub requests: Vec<RequestView>,
    /// Why there is no update preview.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// What one mapping row gives the user.
pub struct RowView {
    /// How the value flows (or why it does not).
    pub outcome: Outcome,
    /// What the row gives, in a few words or as JSON.
    pub text: String,
    /// The row's default value was used because the source was empty.
    pub default_used: bool,
}

/// What a row gives this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A value flows into the target.
    Flows,
    /// Null: nothing is sent.
    Null,
    /// Dropped from the flow (IgnoreFlowIfNullOrEmpty).
    Dropped,
    /// An IIF condition read an empty attribute: Entra fails it.
    ConditionFails,
    /// The expression failed.
    Failed,
    /// The row was not applied (turned off, or no user to evaluate).
    NotApplied,
}

impl Outcome {
    /// The name in the markup (`data-outcome`, CSS classes).
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Flows => "flows",
            Outcome::Null => "null",
            Outcome::Dropped => "dropped",
            Outcome::ConditionFails => "condition-fails",
            Outcome::Failed => "failed",
            Outcome::NotApplied => "not-applied",
        }
    }
}

/// What Genesys would most likely do with a phone value, as the Phones panel names it.
pub fn verdict_name(v: GenesysVerdict) -> &'static str {
    match v {
        GenesysVerdict::Accepted => "accepted",
        GenesysVerdict::AcceptedAfterNormalizing => "normalized",
        GenesysVerdict::Rejected => "rejected",
        GenesysVerdict::ExtensionOnly => "extension-only",
    }
}

/// The verdict in words.
pub fn verdict_text(v: GenesysVerdict) -> &'static str {
    match v {
        GenesysVerdict::Accepted => "Accepted as sent",
        GenesysVerdict::AcceptedAfterNormalizing => {
            "Accepted, but Genesys stores it differently (tel: URI)"
        }
        GenesysVerdict::Rejected => "Most likely rejected (400)",
        GenesysVerdict::ExtensionOnly => "Extension only",
    }
}

/// The name of a finding's field in the markup and the DOM ids (`m3-source`).
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::Target => "target",
        Field::Source => "source",
        Field::DefaultValue => "default",
        Field::Row => "row",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A finding as the Problems panel lists it.
pub struct FindingView {
    /// Error, warning or information.
    pub severity: Severity,
    /// The finding's kebab-case code (`missing-matching`).
    pub code: String,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is advice.
    pub help: Option<String>,
    /// The mapping row it concerns (0-based), if any.
    pub row: Option<usize>,
    /// The field of that row it concerns, if any.
    pub field: Option<Field>,
    /// Byte span in the field's text.
    pub span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One phone value a row sends, analysed.
pub struct PhoneView {
    /// The mapping row (0-based) that sends it.
    pub row: usize,
    /// The SCIM target it is written to.
    pub target: String,
    /// The value as the row gives it.
    pub input: String,
    /// The number in E.164 form (`+13178723000`), when it parses.
    pub e164: Option<String>,
    /// The number as an RFC 3966 `tel:` URI, with its extension.
    pub tel_uri: Option<String>,
    /// The extension, when the value has one.
    pub extension: Option<String>,
    /// Whether the number is a valid number for its region.
    pub valid: bool,
    /// The kind of number (mobile, fixed line, …), when known.
    pub number_type: Option<String>,
    /// The two-letter region the number belongs to, when known.
    pub country: Option<String>,
    /// What Genesys most likely does with the value.
    pub verdict: GenesysVerdict,
    /// What is wrong with the value, one sentence each.
    pub problems: Vec<String>,
    /// A fix: the row's expression rewritten, and why.
    pub suggestion: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One step of an evaluation trace, flattened for the trace panel.
pub struct TraceRow {
    /// Nesting depth (0 for the whole expression; arguments one deeper).
    pub depth: usize,
    /// The step: a function call, an attribute or a literal.
    pub label: String,
    /// The step's value, as shown.
    pub value: String,
    /// Something the admin should know about this step (e.g. a null that ends the flow).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
/// The Source panel: the user's attributes as Entra's engine reads them.
pub struct SourceView {
    /// Whether the input looked like a Graph user.
    pub from_graph: bool,
    /// The attributes shown (at most [`MAX_SOURCE_ROWS`]).
    pub rows: Vec<SourceRow>,
    /// How many attributes there are in all (more than `rows` for a huge user).
    pub total: usize,
    /// Graph properties the engine has no attribute for (at most [`MAX_SOURCE_ROWS`]).
    pub ignored: Vec<String>,
    /// The groups the user is a member of (at most [`MAX_SOURCE_ROWS`]).
    pub groups: Vec<String>,
    /// The manager, as shown, when the user has one.
    pub manager: Option<String>,
    /// Every source attribute name (for autocomplete).
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One source attribute.
pub struct SourceRow {
    /// The Graph property it came from, when that differs or is known.
    pub graph: Option<String>,
    /// The attribute's name in Entra's mappings.
    pub entra: String,
    /// Its value, shortened when long.
    pub value: String,
    /// How the value was derived, when it is not copied as is.
    pub note: Option<String>,
}

/// The preview options for these settings.
pub fn options(settings: &Settings, state: Lifecycle, now: i64) -> Options {
    let region = settings.phone_region.trim();
    Options {
        state,
        dialect: settings.dialect,
        provisioned: settings.provisioned.clone(),
        genesys_groups: settings
            .genesys_groups
            .iter()
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty())
            .collect(),
        default_region: (!region.is_empty()).then(|| region.to_ascii_uppercase()),
        ctx: eval_context(settings, now),
        ..Options::default()
    }
}

/// The evaluation context: the session's clock, tracing, and the tenant's default domain when
/// one is set.
pub fn eval_context(settings: &Settings, now: i64) -> EvalContext {
    let ctx = EvalContext::from_unix_seconds(now).with_trace();
    match settings.default_domain.trim() {
        "" => ctx,
        domain => ctx.with_default_domain(domain),
    }
}

/// The Tenant URL for the chosen region and dialect (the flag goes on the URL), if a region is
/// picked.
pub fn tenant_url(settings: &Settings) -> Option<String> {
    let region = REGIONS.iter().find(|r| r.api_host == settings.region)?;
    let mut url = region.tenant_url();
    if settings.dialect == Dialect::AadOptscim062020 {
        url.push_str("?aadOptscim062020");
    }
    Some(url)
}

/// Analyses the inputs.
pub fn analyse(inputs: &Inputs) -> Analysis {
    let settings = inputs.settings;
    let state = settings.lifecycle;
    let opts = options(settings, state, inputs.now);
    let mut analysis = Analysis {
        lifecycle_note: state.describe().to_string(),
        ..Analysis::default()
    };
    let lint_findings: Vec<Finding> = lint(inputs.set);
    let mut create_findings: Vec<Finding> = Vec::new();
    let mut update_findings: Vec<Finding> = Vec::new();

    match provision::preview(inputs.user, inputs.set, &opts) {
        Ok(preview) => {
            analysis.requests = preview.requests.iter().map(request_view).collect();
            analysis.rows = preview.rows.iter().map(row_view).collect();
            analysis.traces = preview
                .rows
                .iter()
                .map(|r| {
                    r.evaluation
                        .as_ref()
                        .and_then(|e| e.trace.as_ref())
                        .map(trace_rows)
                        .unwrap_or_default()
                })
                .collect();
            analysis.phones = phone_views(&preview, inputs.set);
            analysis.source = source_view(&preview.user);
            create_findings = preview.findings;
        }
        Err(e) => {
            analysis.user_error = Some(e.to_string());
            analysis.rows = inputs
                .set
                .mappings
                .iter()
                .map(|_| RowView {
                    outcome: Outcome::NotApplied,
                    text: "no user to evaluate".into(),
                    default_used: false,
                })
                .collect();
            analysis.traces = vec![Vec::new(); inputs.set.mappings.len()];
        }
    }

    let update_opts = options(settings, Lifecycle::Assigned, inputs.now);
    analysis.update = match provision::update(inputs.before, inputs.user, inputs.set, &update_opts)
    {
        Ok(update) => {
            update_findings = update.findings;
            UpdateView {
                requests: update.requests.iter().map(request_view).collect(),
                error: None,
            }
        }
        Err(e) => UpdateView {
            requests: Vec::new(),
            error: Some(e.to_string()),
        },
    };
    analysis.findings = report::merge(lint_findings, create_findings, update_findings)
        .into_iter()
        .map(finding_view)
        .collect();
    analysis
}

fn request_view(r: &ScimRequest) -> RequestView {
    RequestView {
        method: r.method.to_string(),
        path: r.path.clone(),
        purpose: r.purpose.clone(),
        body: r
            .body
            .as_ref()
            .map(|b| serde_json::to_string_pretty(b).unwrap_or_default()),
        text: r.render(),
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Ignore => "(dropped)".into(),
        other => other.to_json().to_string(),
    }
}

fn row_view(row: &provision::rows::RowResult) -> RowView {
    let (outcome, text) = match &row.value {
        RowValue::Flows(v) => (Outcome::Flows, value_text(v)),
        RowValue::Null => (
            Outcome::Null,
            "null: nothing is sent (Genesys keeps what it has)".into(),
        ),
        RowValue::Dropped => (Outcome::Dropped, "dropped from the flow".into()),
        RowValue::ConditionFails(v) => (
            Outcome::ConditionFails,
            format!(
                "IIF condition read an empty attribute: Entra fails it (would be {})",
                value_text(v)
            ),
        ),
        RowValue::Failed => (
            Outcome::Failed,
            row.diagnostics
                .first()
                .map_or("error".into(), |d| format!("error: {}", d.message)),
        ),
        RowValue::NotApplied => (Outcome::NotApplied, "not applied".into()),
    };
    RowView {
        outcome,
        text,
        default_used: row.default_used,
    }
}

/// The trace as rows in document order, walked iteratively (a thousand-deep trace needs no deep
/// recursion).
pub fn trace_rows(root: &TraceNode) -> Vec<TraceRow> {
    let mut rows = Vec::with_capacity(root.len());
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        rows.push(TraceRow {
            depth,
            label: node.label.clone(),
            value: node.value.to_string(),
            note: node.note.clone(),
        });
        stack.extend(node.children.iter().rev().map(|c| (c, depth + 1)));
    }
    rows
}

fn phone_views(preview: &Preview, set: &MappingSet) -> Vec<PhoneView> {
    preview
        .phones
        .iter()
        .map(|p| {
            let a = &p.analysis;
            PhoneView {
                row: p.row,
                target: p.target.clone(),
                input: a.input.clone(),
                e164: a.e164.clone(),
                tel_uri: a.tel_uri.clone(),
                extension: a.extension.clone(),
                valid: a.valid,
                number_type: a.number_type.clone(),
                country: a.country.clone(),
                verdict: a.verdict,
                problems: a.problems.clone(),
                suggestion: report::phone_suggestion(p, set),
            }
        })
        .collect()
}

fn source_view(user: &GraphUser) -> SourceView {
    let names: Vec<String> = user.attributes.names().map(str::to_string).collect();
    let graph_of = |entra: &str| user.names.iter().find(|n| n.entra == entra);
    let rows = user
        .attributes
        .iter()
        .take(MAX_SOURCE_ROWS)
        .map(|(name, value)| {
            let mapping = graph_of(name);
            SourceRow {
                graph: mapping.map(|m| m.graph.clone()),
                entra: name.to_string(),
                value: crate::view::text::shorten(
                    &match value {
                        SourceValue::Single(s) => format!("{s:?}"),
                        SourceValue::Multi(items) => format!("{items:?}"),
                    },
                    MAX_VALUE_CHARS,
                ),
                note: mapping.and_then(|m| m.note.clone()),
            }
        })
        .collect();
    SourceView {
        from_graph: user.from_graph,
        rows,
        total: user.attributes.len(),
        ignored: user.ignored.iter().take(MAX_SOURCE_ROWS).cloned().collect(),
        groups: user.groups.iter().take(MAX_SOURCE_ROWS).cloned().collect(),
        manager: user.manager.as_ref().map(|m| {
            let name = m
                .display_name
                .clone()
                .or_else(|| m.user_principal_name.clone())
                .unwrap_or_default();
            if name.is_empty() {
                m.id.clone()
            } else {
                format!("{name} ({})", m.id)
            }
        }),
        names,
    }
}

fn finding_view(f: Finding) -> FindingView {
    FindingView {
        severity: f.severity,
        code: f.code.to_string(),
        message: f.message,
        help: f.help,
        row: f.row,
        field: f.field,
        span: f.span.map(|s| (s.start, s.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::samples::{by_id, BEFORE_USER};
    use mapping_core::mapping::model::AttributeMapping;
    use mapping_core::mapping::presets::genesys_default;

    const NOW: i64 = 1_704_067_200;

    fn json(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    fn run(set: &MappingSet, user: &str, settings: &Settings) -> Analysis {
        analyse(&Inputs {
            set,
            user: &json(user),
            before: &json(BEFORE_USER),
            settings,
            now: NOW,
        })
    }

    #[test]
    fn the_default_preset_posts_the_sample_agent() {
        let a = run(
            &genesys_default(),
            by_id("agent").unwrap().json,
            &Settings::default(),
        );
        assert_eq!(a.user_error, None);
        let post = a.requests.iter().find(|r| r.method == "POST").unwrap();
        let body = post.body.as_deref().unwrap();
        assert!(
            body.contains("\"userName\": \"priya.raman@contoso.com\""),
            "{body}"
        );
        assert!(body.contains("+13178723000"), "{body}");
        assert_eq!(a.rows.len(), genesys_default().mappings.len());
        assert_eq!(a.rows[1].outcome, Outcome::Flows);
        assert_eq!(a.rows[1].text, "\"True\"");
        assert!(!a.traces[1].is_empty());
        assert_eq!(a.traces[1][0].depth, 0);
        assert!(a.source.from_graph);
        assert!(a.source.rows.iter().any(
            |r| r.entra == "telephoneNumber" && r.graph.as_deref() == Some("businessPhones[0]")
        ));
        assert!(a.source.names.iter().any(|n| n == "IsSoftDeleted"));
        assert_eq!(a.phones.len(), 1);
        // The update from the "before" user changes the title and the department.
        let patch = &a.update.requests[0];
        assert_eq!(patch.method, "PATCH");
        assert!(patch
            .body
            .as_deref()
            .unwrap()
            .contains("Customer Care Agent"));
    }

    #[test]
    fn lifecycle_states_switch_the_request() {
        let set = genesys_default();
        let user = by_id("agent").unwrap().json;
        let mut settings = Settings::default();
        let methods =
            |a: &Analysis| -> Vec<String> { a.requests.iter().map(|r| r.method.clone()).collect() };
        assert!(methods(&run(&set, user, &settings)).contains(&"POST".to_string()));
        settings.lifecycle = Lifecycle::Disabled;
        let a = run(&set, user, &settings);
        assert!(
            methods(&a).contains(&"PATCH".to_string()),
            "{:?}",
            methods(&a)
        );
        assert!(a.lifecycle_note.contains("disabled"));
        settings.lifecycle = Lifecycle::HardDeleted;
        assert_eq!(methods(&run(&set, user, &settings)), vec!["GET", "DELETE"]);
    }

    #[test]
    fn the_dialect_changes_the_patch() {
        let set = genesys_default();
        let user = by_id("agent").unwrap().json;
        let mut settings = Settings::default();
        let a = run(&set, user, &settings);
        settings.dialect = Dialect::AadOptscim062020;
        let b = run(&set, user, &settings);
        let body = |a: &Analysis| a.update.requests[0].body.clone().unwrap();
        assert!(body(&a).contains("\"Replace\"") || body(&a).contains("\"Add\""));
        assert!(body(&b).contains("\"replace\"") || body(&b).contains("\"add\""));
        assert_ne!(body(&a), body(&b));
    }

    #[test]
    fn problems_point_at_rows_and_spans() {
        let mut set = genesys_default();
        set.mappings[8].source = "StripSpaces([telephoneNumber]".into();
        set.mappings.push(AttributeMapping::direct(
            "phoneNumbers[type eq \"fax\"].value",
            "mail",
        ));
        let a = run(&set, by_id("agent").unwrap().json, &Settings::default());
        let broken = a
            .findings
            .iter()
            .find(|f| f.row == Some(8))
            .expect("a finding on row 8");
        assert_eq!(broken.severity, Severity::Error);
        assert_eq!(broken.field, Some(Field::Source));
        assert!(broken.span.is_some());
        assert_eq!(a.rows[8].outcome, Outcome::Failed);
        assert!(a
            .findings
            .iter()
            .any(|f| f.row == Some(10) && f.field == Some(Field::Target)));
        // Errors come first, and the same problem is listed once.
        let first_non_error = a
            .findings
            .iter()
            .position(|f| f.severity != Severity::Error);
        if let Some(i) = first_non_error {
            assert!(a.findings[i..]
                .iter()
                .all(|f| f.severity != Severity::Error));
        }
        let about_row_8: Vec<_> = a.findings.iter().filter(|f| f.row == Some(8)).collect();
        let mut messages: Vec<_> = about_row_8.iter().map(|f| &f.message).collect();
        messages.dedup();
        assert_eq!(messages.len(), about_row_8.len());
    }

    #[test]
    fn a_user_that_is_not_an_object_is_an_error_not_a_panic() {
        let a = run(&genesys_default(), "[1, 2]", &Settings::default());
        assert!(a.user_error.is_some());
        assert!(a.requests.is_empty());
        assert_eq!(a.rows.len(), a.traces.len());
        assert!(a.update.error.is_some());
    }

    #[test]
    fn extensions_get_a_phone_verdict_and_suggestion() {
        let a = run(
            &genesys_default(),
            by_id("extension").unwrap().json,
            &Settings::default(),
        );
        let phone = &a.phones[0];
        assert_eq!(phone.input, "+13178723000x402");
        assert_eq!(phone.verdict, GenesysVerdict::Rejected);
        assert_eq!(phone.extension.as_deref(), Some("402"));
        assert!(phone.suggestion.is_some());
    }

    #[test]
    fn phone_suggestions_compose_with_what_the_row_already_does() {
        // Applied to the extension sample, the composed fix is accepted.
        let mut set = genesys_default();
        let user = by_id("extension").unwrap().json;
        let a = run(&set, user, &Settings::default());
        let (fix, _) = a.phones[0].suggestion.clone().unwrap();
        assert!(fix.contains("StripSpaces([telephoneNumber])"), "{fix}");
        set.mappings[8].source = fix;
        let b = run(&set, user, &Settings::default());
        assert_ne!(
            b.phones[0].verdict,
            GenesysVerdict::Rejected,
            "{:?}",
            b.phones[0]
        );
    }

    #[test]
    fn the_default_domain_setting_feeds_default_domain() {
        let mut set = genesys_default();
        let row = set
            .mappings
            .iter_mut()
            .find(|m| m.target == "userName")
            .unwrap();
        row.kind = mapping_core::mapping::model::MappingKind::Expression;
        row.source = "Join(\"@\", \"agent\", DefaultDomain())".into();
        let user = by_id("agent").unwrap().json;
        let blank = Settings {
            default_domain: "  ".into(),
            ..Settings::default()
        };
        assert_eq!(eval_context(&blank, NOW).default_domain, None);
        let without = run(&set, user, &blank);
        assert!(!without.requests.iter().any(|r| r
            .body
            .as_deref()
            .is_some_and(|b| b.contains("agent@contoso.org"))));
        let with = Settings {
            default_domain: " contoso.org ".into(),
            ..Settings::default()
        };
        let a = run(&set, user, &with);
        let post = a.requests.iter().find(|r| r.method == "POST").unwrap();
        let body = post.body.as_deref().unwrap();
        assert!(
            body.contains("\"userName\": \"agent@contoso.org\""),
            "{body}"
        );
    }

    #[test]
    fn tenant_url_follows_region_and_dialect() {
        let mut s = Settings {
            region: "api.mypurecloud.de".into(),
            ..Settings::default()
        };
        assert_eq!(
            tenant_url(&s).unwrap(),
            "https://api.mypurecloud.de/api/v2/scim/v2/"
        );
        s.dialect = Dialect::AadOptscim062020;
        assert!(tenant_url(&s)
            .unwrap()
            .ends_with("/scim/v2/?aadOptscim062020"));
        s.region = String::new();
        assert_eq!(tenant_url(&s), None);
    }

    #[test]
    fn a_huge_user_is_listed_in_part() {
        let mut user = serde_json::Map::new();
        for i in 0..(MAX_SOURCE_ROWS + 50) {
            user.insert(format!("a{i}"), Json::String("x".repeat(1000)));
        }
        let text = Json::Object(user).to_string();
        let a = run(&genesys_default(), &text, &Settings::default());
        assert_eq!(a.source.rows.len(), MAX_SOURCE_ROWS);
        assert!(a.source.total > MAX_SOURCE_ROWS);
        assert!(a.source.rows[0].value.chars().count() <= MAX_VALUE_CHARS + 1);
    }
}
