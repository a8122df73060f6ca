//! A lesson's check: conditions as data, each computed by the engine (preview, update, lint,
//! phone analysis, scope) on the learner's attempt, and explained per condition.

use super::lesson::{Attempt, Lesson, Source};
use super::scope;
use crate::connect;
use crate::finding::Finding;
use crate::genesys::regions;
use crate::graph::{read_user, Lifecycle};
use crate::lint::lint;
use crate::mapping::model::MappingSet;
use crate::provision::rows::RowValue;
use crate::provision::{self, Options, Preview, UpdatePreview};
use crate::scim::path::TargetPath;
use crate::scim::request::ScimRequest;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// One condition of a lesson's check. `says` is the condition in words, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Condition {
    /// An enabled row writes `target`, with this source text and matching precedence if given.
    Row {
        /// The condition in words.
        says: String,
        /// The SCIM target path the row must write.
        target: String,
        /// The row's source text (expression or attribute), compared ignoring whitespace.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        /// The row's matching precedence (1 = first); `None` leaves it unchecked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        matching: Option<u32>,
    },
    /// For each named sample user, what the row writing `target` sends on create (`null`:
    /// nothing may flow).
    Flows {
        /// The condition in words.
        says: String,
        /// The SCIM target path of the row.
        target: String,
        /// Sample user id → the value expected to flow (`None`: nothing flows).
        expect: BTreeMap<String, Option<String>>,
    },
    /// Like `Flows`, but any of `allowed` will do (e.g. the existing divisions).
    FlowsOneOf {
        /// The condition in words.
        says: String,
        /// The SCIM target path of the row.
        target: String,
        /// The sample users whose value is checked.
        users: Vec<String>,
        /// The values that pass.
        allowed: Vec<String>,
    },
    /// None of these finding codes, in the lint of the set and in every user's previews.
    NoFinding {
        /// The condition in words.
        says: String,
        /// Kebab-case finding codes that must not appear.
        codes: Vec<String>,
    },
    /// A request is (or, with `present: false`, is not) sent for `user`.
    Request {
        /// The condition in words.
        says: String,
        /// The sample user's id.
        user: String,
        /// Which preview to look in.
        #[serde(default)]
        phase: Phase,
        /// The HTTP method (`POST`, `PATCH`, …).
        method: String,
        /// Text the request's path must contain.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        path_contains: Option<String>,
        /// Text the request's JSON body must contain.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body_contains: Option<String>,
        /// Whether such a request must be sent (`true`, the default) or must not.
        #[serde(default = "yes")]
        present: bool,
    },
    /// The `POST /Users` body for `user` holds `equals` at the JSON pointer.
    PostBody {
        /// The condition in words.
        says: String,
        /// The sample user's id.
        user: String,
        /// An RFC 6901 JSON pointer into the body (`/name/givenName`).
        pointer: String,
        /// The value expected there.
        equals: Json,
    },
    /// Exactly these sample users are in scope.
    InScope {
        /// The condition in words.
        says: String,
        /// The sample user ids in scope; every other sample is out.
        users: Vec<String>,
    },
    /// The Tenant URL is the one for the lesson's region.
    TenantUrl {
        /// The condition in words.
        says: String,
    },
    /// The token request goes to the lesson's region's login host.
    TokenUrl {
        /// The condition in words.
        says: String,
    },
}

fn yes() -> bool {
    true
}

/// Which preview a `Request` condition looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// The user's preview in the attempt's state (create when assigned).
    #[default]
    Create,
    /// The change from the sample user to its `after`.
    Update,
}

impl Condition {
    /// The condition in words.
    pub fn says(&self) -> &str {
        match self {
            Condition::Row { says, .. }
            | Condition::Flows { says, .. }
            | Condition::FlowsOneOf { says, .. }
            | Condition::NoFinding { says, .. }
            | Condition::Request { says, .. }
            | Condition::PostBody { says, .. }
            | Condition::InScope { says, .. }
            | Condition::TenantUrl { says }
            | Condition::TokenUrl { says } => says,
        }
    }
}

/// One condition's outcome, with a line per user or fact that decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionResult {
    /// The condition in words.
    pub says: String,
    /// Whether the attempt meets it.
    pub passed: bool,
    /// The lines that decided it.
    pub details: Vec<Detail>,
}

/// One line of a condition's outcome: a user or a fact, and whether it is as the goal wants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// Whether this user or fact is as the goal wants.
    pub passed: bool,
    /// The line, in words.
    pub text: String,
}

/// A whole check: solved when every condition passes; the explanation comes with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The lesson's id.
    pub lesson: String,
    /// Whether every condition passed.
    pub solved: bool,
    /// One result per condition, in the lesson's order.
    pub conditions: Vec<ConditionResult>,
    /// Why the solution works, shown once the lesson is solved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// The documents the lesson rests on, shown with the explanation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// Checks `attempt` against `lesson`.
pub fn check(lesson: &Lesson, attempt: &Attempt) -> CheckReport {
    let run = Run::new(lesson, attempt);
    let conditions: Vec<ConditionResult> = lesson.checks.iter().map(|c| run.condition(c)).collect();
    let solved = !conditions.is_empty() && conditions.iter().all(|c| c.passed);
    CheckReport {
        lesson: lesson.id.clone(),
        solved,
        conditions,
        explanation: solved.then(|| lesson.explanation.clone()),
        sources: if solved {
            lesson.sources.clone()
        } else {
            Vec::new()
        },
    }
}

/// The engine's results for every sample user, computed once per check.
struct Run<'a> {
    lesson: &'a Lesson,
    attempt: &'a Attempt,
    lint: Vec<Finding>,
    creates: BTreeMap<&'a str, Result<Preview, crate::source::UserError>>,
    updates: BTreeMap<&'a str, Result<UpdatePreview, crate::source::UserError>>,
}

impl<'a> Run<'a> {
    fn new(lesson: &'a Lesson, attempt: &'a Attempt) -> Self {
        let o = &attempt.options;
        let options = Options {
            state: o.state,
            provisioned: o.provisioned.clone(),
            genesys_groups: o.public_group_names(),
            default_region: o.phone_region.clone(),
            ..Options::default()
        };
        let set = &attempt.mappings;
        let creates = lesson
            .setup
            .users
            .iter()
            .map(|u| (u.id.as_str(), provision::preview(&u.graph, set, &options)))
            .collect();
        let update_options = Options {
            state: Lifecycle::Assigned,
            ..options.clone()
        };
        let updates = lesson
            .setup
            .users
            .iter()
            .filter_map(|u| {
                let after = u.after.as_ref()?;
                Some((
                    u.id.as_str(),
                    provision::update(&u.graph, after, set, &update_options),
                ))
            })
            .collect();
        Run {
            lesson,
            attempt,
            lint: lint(set),
            creates,
            updates,
        }
    }

    fn condition(&self, c: &Condition) -> ConditionResult {
        let (passed, details) = match c {
            Condition::Row {
                target,
                source,
                matching,
                ..
            } => row(&self.attempt.mappings, target, source.as_deref(), *matching),
            Condition::Flows { target, expect, .. } => all(expect.iter().map(|(user, want)| {
                let got = self.flowing(user, target);
                let ok = matches!((&got, want), (Ok(Some(g)), Some(w)) if g == w)
                    || matches!((&got, want), (Ok(None), None));
                let want_text = want.as_ref().map_or("nothing".into(), |w| format!("{w:?}"));
                (
                    ok,
                    format!("{user}: {}; expected {want_text}", describe(&got)),
                )
            })),
            Condition::FlowsOneOf {
                target,
                users,
                allowed,
                ..
            } => all(users.iter().map(|user| {
                let got = self.flowing(user, target);
                let ok = matches!(&got, Ok(Some(g)) if allowed.contains(g));
                (
                    ok,
                    format!("{user}: {}; expected one of {allowed:?}", describe(&got)),
                )
            })),
            Condition::NoFinding { codes, .. } => self.no_finding(codes),
            Condition::Request {
                user,
                phase,
                method,
                path_contains,
                body_contains,
                present,
                ..
            } => self.request(
                user,
                *phase,
                method,
                path_contains.as_deref(),
                body_contains.as_deref(),
                *present,
            ),
            Condition::PostBody {
                user,
                pointer,
                equals,
                ..
            } => {
                let got = self
                    .create(user)
                    .map(|p| p.post_body().and_then(|b| b.pointer(pointer)).cloned());
                match got {
                    Ok(Some(v)) if &v == equals => one(true, format!("{user}: {pointer} is {v}")),
                    Ok(Some(v)) => one(false, format!("{user}: {pointer} is {v}; expected {equals}")),
                    Ok(None) => one(false, format!("{user}: the POST /Users body has nothing at {pointer}; expected {equals}")),
                    Err(e) => one(false, format!("{user}: {e}")),
                }
            }
            Condition::InScope { users, .. } => self.in_scope(users),
            Condition::TenantUrl { .. } => self.url(
                self.attempt.options.tenant_url.as_deref(),
                "Tenant URL",
                connect::check_tenant_url,
            ),
            Condition::TokenUrl { .. } => self.url(
                self.attempt.options.token_url.as_deref(),
                "token URL",
                connect::check_token_url,
            ),
        };
        ConditionResult {
            says: c.says().to_string(),
            passed,
            details,
        }
    }

    fn create(&self, user: &str) -> Result<&Preview, String> {
        match self.creates.get(user) {
            Some(Ok(p)) => Ok(p),
            Some(Err(e)) => Err(e.to_string()),
            None => Err(format!("the lesson has no sample user {user:?}")),
        }
    }

    /// What the row writing `target` sends on create for `user`.
    fn flowing(&self, user: &str, target: &str) -> Result<Option<String>, String> {
        let preview = self.create(user)?;
        let set = &self.attempt.mappings;
        let Some(row) = preview.rows.iter().find(|r| {
            set.mappings
                .get(r.index)
                .is_some_and(|m| m.enabled && same_target(&m.target, target))
        }) else {
            return Err(format!("no enabled row writes {target}"));
        };
        match &row.value {
            RowValue::Flows(crate::expr::Value::Str(s)) if !s.is_empty() => Ok(Some(s.clone())),
            RowValue::Flows(crate::expr::Value::Str(_)) | RowValue::Null => Ok(None),
            RowValue::Flows(v) => Err(format!("{v} flows, not one text value")),
            RowValue::Dropped => Ok(None),
            RowValue::ConditionFails(_) => {
                Err("Entra fails this attribute: an IIF condition reads an empty attribute".into())
            }
            RowValue::Failed => Err(format!(
                "the expression fails: {}",
                row.diagnostics
                    .iter()
                    .map(|d| d.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            RowValue::NotApplied => Err(format!("the row writing {target} does not apply")),
        }
    }

    fn no_finding(&self, codes: &[String]) -> (bool, Vec<Detail>) {
        let mut found = Vec::new();
        let mut collect = |whose: &str, findings: &[Finding]| {
            found.extend(
                findings
                    .iter()
                    .filter(|f| codes.iter().any(|c| c == f.code.as_str()))
                    .map(|f| format!("{whose}: {}: {}", f.code, f.message)),
            );
        };
        collect("mapping set", &self.lint);
        for (user, preview) in &self.creates {
            if let Ok(p) = preview {
                collect(user, &p.findings);
            }
        }
        for (user, update) in &self.updates {
            if let Ok(u) = update {
                collect(&format!("{user} (update)"), &u.findings);
            }
        }
        if found.is_empty() {
            one(true, format!("no {} finding", codes.join(" / ")))
        } else {
            (
                false,
                found
                    .into_iter()
                    .map(|text| Detail {
                        passed: false,
                        text,
                    })
                    .collect(),
            )
        }
    }

    fn request(
        &self,
        user: &str,
        phase: Phase,
        method: &str,
        path_contains: Option<&str>,
        body_contains: Option<&str>,
        present: bool,
    ) -> (bool, Vec<Detail>) {
        let requests: Result<&[ScimRequest], String> = match phase {
            Phase::Create => self.create(user).map(|p| p.requests.as_slice()),
            Phase::Update => match self.updates.get(user) {
                Some(Ok(u)) => Ok(u.requests.as_slice()),
                Some(Err(e)) => Err(e.to_string()),
                None => Err(format!("sample user {user:?} has no change to preview")),
            },
        };
        let requests = match requests {
            Ok(r) => r,
            Err(e) => return one(false, format!("{user}: {e}")),
        };
        let wanted = |r: &&ScimRequest| {
            r.method == method
                && path_contains.is_none_or(|p| r.path.contains(p))
                && body_contains.is_none_or(|b| {
                    r.body
                        .as_ref()
                        .is_some_and(|body| compact(body).contains(b))
                })
        };
        let what = format!(
            "{method}{}{}",
            path_contains.map_or(String::new(), |p| format!(" …{p}…")),
            body_contains.map_or(String::new(), |b| format!(" with {b}"))
        );
        let sent: Vec<String> = requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        let sent = if sent.is_empty() {
            "nothing".to_string()
        } else {
            sent.join(", ")
        };
        let hit = requests.iter().any(|r| wanted(&r));
        let line = match (hit, present) {
            (true, true) => format!("{user}: Entra sends {what}"),
            (false, true) => format!("{user}: no {what} (sent: {sent})"),
            (true, false) => {
                format!("{user}: Entra sends {what}, which it should not (sent: {sent})")
            }
            (false, false) => format!("{user}: no {what} (sent: {sent})"),
        };
        one(hit == present, line)
    }

    fn in_scope(&self, expected: &[String]) -> (bool, Vec<Detail>) {
        all(self.lesson.setup.users.iter().map(|u| {
            let want = expected.contains(&u.id);
            match read_user(&u.graph, Lifecycle::Assigned) {
                Ok(user) => {
                    let d =
                        scope::decide(&self.attempt.options.scope, u.assigned, &user.attributes);
                    let verdict = if d.in_scope {
                        "in scope"
                    } else {
                        "out of scope"
                    };
                    let should = if want {
                        "should be in"
                    } else {
                        "should be out"
                    };
                    (
                        d.in_scope == want,
                        format!("{}: {verdict} ({}); {should}", u.id, d.why),
                    )
                }
                Err(e) => (false, format!("{}: {e}", u.id)),
            }
        }))
    }

    fn url(
        &self,
        given: Option<&str>,
        what: &str,
        judge: fn(&str, &regions::Region) -> Result<(), String>,
    ) -> (bool, Vec<Detail>) {
        let Some(region) = self
            .lesson
            .setup
            .options
            .region
            .as_deref()
            .and_then(regions::find)
        else {
            return one(false, "the lesson names no known region");
        };
        match given.map(str::trim).filter(|g| !g.is_empty()) {
            None => one(false, format!("no {what} given")),
            Some(g) => match judge(g, region) {
                Ok(()) => one(true, format!("{g} is the {what} for {}", region.name)),
                Err(e) => one(false, e),
            },
        }
    }
}

/// Every part must pass; each keeps its own verdict.
fn all(parts: impl Iterator<Item = (bool, String)>) -> (bool, Vec<Detail>) {
    let details: Vec<Detail> = parts
        .map(|(passed, text)| Detail { passed, text })
        .collect();
    (details.iter().all(|d| d.passed), details)
}

/// One line that decides the condition.
fn one(passed: bool, text: impl Into<String>) -> (bool, Vec<Detail>) {
    (
        passed,
        vec![Detail {
            passed,
            text: text.into(),
        }],
    )
}

fn row(
    set: &MappingSet,
    target: &str,
    source: Option<&str>,
    matching: Option<u32>,
) -> (bool, Vec<Detail>) {
    let Some(m) = set
        .mappings
        .iter()
        .find(|m| m.enabled && same_target(&m.target, target))
    else {
        return one(false, format!("no enabled row writes {target}"));
    };
    let mut problems = Vec::new();
    if let Some(s) = source {
        if squash(&m.source) != squash(s) {
            problems.push(format!("{target} reads {:?}; expected {s:?}", m.source));
        }
    }
    if let Some(p) = matching {
        if m.matching_priority != p {
            let now = match m.matching_priority {
                0 => "is not a matching attribute".to_string(),
                n => format!("has matching precedence {n}"),
            };
            problems.push(format!("{target} {now}; expected matching precedence {p}"));
        }
    }
    if problems.is_empty() {
        one(true, format!("{target} ← {}", m.source))
    } else {
        let details = problems
            .into_iter()
            .map(|text| Detail {
                passed: false,
                text,
            })
            .collect();
        (false, details)
    }
}

/// Two spellings of one target path (quotes, spaces, case of the filter keyword) are the same.
fn same_target(a: &str, b: &str) -> bool {
    a == b
        || matches!(
            (TargetPath::parse(a), TargetPath::parse(b)),
            (Ok(x), Ok(y)) if x.to_string() == y.to_string()
        )
}

/// Whitespace does not matter between tokens of a source text.
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

fn compact(body: &Json) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

fn describe(got: &Result<Option<String>, String>) -> String {
    match got {
        Ok(Some(v)) => format!("flows {v:?}"),
        Ok(None) => "nothing flows".into(),
        Err(e) => e.clone(),
    }
}
