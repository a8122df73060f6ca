//! Runs the shared test-vector files (format: `shared/vectors/README.md`).
//!
//! Used both by the crate's integration tests and by `scim-map vectors`, so the two can never
//! disagree about what passing means.

use crate::expr::{compile, EvalContext, Outcome, Value};
use crate::mapping::{presets, schema_json};
use crate::provision;
use crate::scim::path::TargetPath;
use crate::source::SourceAttributes;
use serde::Deserialize;
use serde_json::Value as Json;

/// The result of running one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// How many cases gave the expected result.
    pub passed: usize,
    /// The cases that did not (malformed cases included), in file order.
    pub failures: Vec<Failure>,
}

/// One case that did not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The case's `id`, or `(no id)` when it has none.
    pub id: String,
    /// What differed from the expectation, or why the case could not be read.
    pub message: String,
}

impl Report {
    /// How many cases failed.
    pub fn failed(&self) -> usize {
        self.failures.len()
    }

    /// Adds `other`'s counts and failures to this report (for runs over several files).
    pub fn merge(&mut self, other: Report) {
        self.passed += other.passed;
        self.failures.extend(other.failures);
    }

    /// The closing line the CLI prints: `N passed, M failed`.
    pub fn summary(&self) -> String {
        format!("{} passed, {} failed", self.passed, self.failed())
    }

    fn record(&mut self, id: &str, result: Result<(), String>) {
        match result {
            Ok(()) => self.passed += 1,
            Err(message) => self.failures.push(Failure {
                id: id.to_string(),
                message,
            }),
        }
    }
}

#[derive(Deserialize)]
struct File {
    cases: Vec<Json>,
}

/// One case of `expressions.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpressionCase {
    id: String,
    expr: String,
    #[serde(default)]
    source: Option<Json>,
    #[serde(default)]
    taken: Vec<String>,
    #[serde(default)]
    now: Option<String>,
    /// The tenant's default verified domain, for `DefaultDomain()`.
    #[serde(default)]
    default_domain: Option<String>,
    #[serde(default, deserialize_with = "present")]
    expect: Option<Json>,
    #[serde(default)]
    expect_ignored: bool,
    #[serde(default)]
    expect_error: Option<String>,
}

/// Keeps `"expect": null` apart from a missing `expect`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Json>, D::Error> {
    Json::deserialize(d).map(Some)
}

/// Runs every case of a vector file given as text.
pub fn run_text(text: &str) -> Result<Report, String> {
    let file: File = serde_json::from_str(text).map_err(|e| format!("not a vector file: {e}"))?;
    let mut report = Report::default();
    for case in &file.cases {
        let mut id = case
            .get("id")
            .and_then(Json::as_str)
            .unwrap_or("(no id)")
            .to_string();
        let result = if case.get("expr").is_some() {
            match serde_json::from_value::<ExpressionCase>(case.clone()) {
                Ok(c) => {
                    id = c.id.clone();
                    run_expression_case(&c)
                }
                Err(e) => Err(format!("malformed case: {e}")),
            }
        } else if case.get("mappings").is_some() {
            match serde_json::from_value::<PayloadCase>(case.clone()) {
                Ok(c) => {
                    id = c.id.clone();
                    run_payload_case(&c)
                }
                Err(e) => Err(format!("malformed case: {e}")),
            }
        } else {
            Err("unknown kind of case: it has neither `expr` nor `mappings`".into())
        };
        report.record(&id, result);
    }
    Ok(report)
}

/// One case of `payloads.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PayloadCase {
    id: String,
    #[serde(default)]
    user: Option<Json>,
    #[serde(default)]
    source: Option<Json>,
    mappings: Json,
    #[serde(default)]
    expect_post: Option<Json>,
    #[serde(default)]
    expect_absent: Vec<String>,
}

fn run_payload_case(case: &PayloadCase) -> Result<(), String> {
    let set = match &case.mappings {
        Json::String(name) => {
            presets::by_name(name).ok_or_else(|| format!("unknown preset {name:?}"))?
        }
        other => schema_json::import(other).map_err(|e| e.to_string())?.set,
    };
    let user = case
        .user
        .as_ref()
        .or(case.source.as_ref())
        .ok_or("the case has neither `user` nor `source`")?;
    let preview = provision::preview(user, &set, &provision::Options::default())?;
    let body = preview.post_body().ok_or("no POST was produced")?;
    if let Some(expect) = &case.expect_post {
        contains(body, expect, "")?;
    }
    for path in &case.expect_absent {
        if path_present(body, path)? {
            return Err(format!(
                "{path} must be absent from the POST body, but it is there: {body}"
            ));
        }
    }
    Ok(())
}

/// Every key of `expect` is in `actual` with an equal value; arrays of objects match element by
/// element on `type` (or the first key of the expected element), and extra keys are allowed.
fn contains(actual: &Json, expect: &Json, at: &str) -> Result<(), String> {
    match (actual, expect) {
        (Json::Object(a), Json::Object(e)) => e.iter().try_for_each(|(k, v)| {
            let here = format!("{at}/{k}");
            let got = a.get(k).ok_or_else(|| format!("{here} is missing"))?;
            contains(got, v, &here)
        }),
        (Json::Array(a), Json::Array(e)) if e.iter().all(Json::is_object) => {
            e.iter().try_for_each(|element| {
                let key = if element.get("type").is_some() {
                    "type"
                } else {
                    element
                        .as_object()
                        .and_then(|o| o.keys().next())
                        .map_or("", String::as_str)
                };
                let found = a
                    .iter()
                    .find(|x| x.get(key) == element.get(key))
                    .ok_or_else(|| {
                        format!(
                            "{at} has no element with {key} = {}",
                            element.get(key).unwrap_or(&Json::Null)
                        )
                    })?;
                contains(
                    found,
                    element,
                    &format!("{at}[{key}={}]", element.get(key).unwrap_or(&Json::Null)),
                )
            })
        }
        (a, e) if a == e => Ok(()),
        (a, e) => Err(format!("{at}: expected {e}, got {a}")),
    }
}

/// Whether a SCIM path (`urn:…:manager`, `phoneNumbers[type eq "work2"]`, `title`) has a value
/// in a body.
fn path_present(body: &Json, path: &str) -> Result<bool, String> {
    let p = TargetPath::parse(path).map_err(|e| format!("expect_absent {path:?}: {e}"))?;
    let container = match &p.schema {
        Some(urn) if p.is_extension() => match body.get(urn) {
            Some(c) => c,
            None => return Ok(false),
        },
        _ => body,
    };
    let Some(attr) = container.get(&p.attribute) else {
        return Ok(false);
    };
    let element = match (&p.filter, attr) {
        (Some(f), Json::Array(items)) => match items
            .iter()
            .find(|i| i.get(&f.attribute).and_then(Json::as_str) == Some(&f.value))
        {
            Some(e) => e,
            None => return Ok(false),
        },
        (Some(_), _) => return Ok(false),
        (None, v) => v,
    };
    Ok(match &p.sub_attribute {
        Some(sub) => element.get(sub).is_some_and(|v| !v.is_null()),
        None => !element.is_null(),
    })
}

/// Runs a vector file from disk.
pub fn run_file(path: &std::path::Path) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    run_text(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run_expression_case(case: &ExpressionCase) -> Result<(), String> {
    let source = match &case.source {
        Some(json) => SourceAttributes::from_json(json)?,
        None => SourceAttributes::new(),
    };
    let mut ctx = EvalContext::default();
    if let Some(now) = &case.now {
        ctx.now = crate::expr::functions::dates::parse_date(now)
            .map_err(|e| format!("bad `now`: {e}"))?;
    }
    ctx.taken = case.taken.iter().cloned().collect();
    ctx.default_domain.clone_from(&case.default_domain);

    let compiled = compile(&case.expr);
    if case.expect_error.as_deref() == Some("parse") {
        return match compiled {
            Err(_) => Ok(()),
            Ok(_) => Err(
                "expected the expression to be rejected before evaluation, but it was accepted"
                    .into(),
            ),
        };
    }
    let expr = compiled.map_err(|ds| match ds.first() {
        Some(d) => format!(
            "rejected: {} at {}..{}",
            d.message, d.span.start, d.span.end
        ),
        None => "rejected".to_string(),
    })?;
    let evaluation = expr.evaluate(&source, &ctx);
    if case.expect_error.as_deref() == Some("eval") {
        return match evaluation {
            Err(_) => Ok(()),
            Ok(e) => Err(format!("expected an evaluation error, got {}", e.value)),
        };
    }
    if let Some(kind) = &case.expect_error {
        return Err(format!(
            "unknown expect_error {kind:?} (expected \"parse\" or \"eval\")"
        ));
    }
    let evaluation = evaluation.map_err(|d| format!("evaluation failed: {}", d.message))?;
    let got = match evaluation.outcome() {
        Outcome::ConditionCheckFails => {
            return Err(format!(
                "IIF condition check fails in Entra ({}); the logical value would be {}",
                evaluation.condition_failures[0].message(),
                evaluation.value
            ))
        }
        Outcome::Dropped => {
            return if case.expect_ignored {
                Ok(())
            } else {
                Err("the attribute was dropped from the flow (IgnoreFlowIfNullOrEmpty)".into())
            }
        }
        Outcome::Null => Value::Null,
        Outcome::Flows(v) => v.clone(),
    };
    if case.expect_ignored {
        return Err(format!("expected the attribute to be dropped, got {got}"));
    }
    let Some(expect) = &case.expect else {
        return Err(
            "the case has no expectation (`expect`, `expect_ignored` or `expect_error`)".into(),
        );
    };
    if got.to_json() == *expect && !(got == Value::Ignore) {
        Ok(())
    } else {
        Err(format!("expected {expect}, got {}", got.to_json()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_and_failures_are_counted() {
        let text = r#"{"cases":[
            {"id":"ok","expr":"Append([a], \"x\")","source":{"a":"1"},"expect":"1x"},
            {"id":"wrong","expr":"Append([a], \"x\")","source":{"a":"1"},"expect":"nope"},
            {"id":"null","expr":"[missing]","expect":null},
            {"id":"parse","expr":"Join(","expect_error":"parse"},
            {"id":"eval","expr":"Item([a], 5)","source":{"a":["x"]},"expect_error":"eval"},
            {"id":"drop","expr":"IgnoreFlowIfNullOrEmpty([a])","expect_ignored":true},
            {"id":"list","expr":"Split(\"a,b\", \",\")","expect":["a","b"]},
            {"id":"noexpect","expr":"[a]"}
        ]}"#;
        let report = run_text(text).unwrap();
        assert_eq!(report.passed, 6, "{:?}", report.failures);
        let ids: Vec<_> = report.failures.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["wrong", "noexpect"]);
        assert_eq!(report.summary(), "6 passed, 2 failed");
    }

    #[test]
    fn missing_expect_differs_from_null() {
        let report =
            run_text(r#"{"cases":[{"id":"x","expr":"[a]","source":{"a":"v"},"expect":null}]}"#)
                .unwrap();
        assert_eq!(report.failed(), 1);
        assert!(report.failures[0].message.contains("expected null"));
    }

    #[test]
    fn payload_cases_match_subsets_and_absent_paths() {
        let text = r#"{"cases":[
            {"id":"ok","source":{"userPrincipalName":"a@b.com","displayName":"A","telephoneNumber":"+1 2"},
             "mappings":"genesys-default",
             "expect_post":{"userName":"a@b.com","active":true,"phoneNumbers":[{"type":"work","value":"+12"}]},
             "expect_absent":["title","phoneNumbers[type eq \"work2\"]"]},
            {"id":"wrong-value","source":{"userPrincipalName":"a@b.com"},"mappings":"genesys-default",
             "expect_post":{"userName":"x@b.com"}},
            {"id":"present","source":{"userPrincipalName":"a@b.com","jobTitle":"T"},"mappings":"genesys-default",
             "expect_absent":["title"]},
            {"id":"custom","source":{"mail":"m@b.com"},
             "mappings":[{"targetAttributeName":"userName","source":{"type":"Attribute","name":"mail"}}],
             "expect_post":{"userName":"m@b.com"}},
            {"id":"bad-preset","source":{},"mappings":"nope"}
        ]}"#;
        let report = run_text(text).unwrap();
        let failed: Vec<&str> = report.failures.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            failed,
            vec!["wrong-value", "present", "bad-preset"],
            "{:?}",
            report.failures
        );
        assert_eq!(report.passed, 2);
    }

    #[test]
    fn a_file_that_is_not_vectors_is_an_error() {
        assert!(run_text("[]").unwrap_err().contains("not a vector file"));
        assert!(run_text("{").is_err());
    }
}
