//! The check of one user after another: scope, the provisioning engine's preview (requests and
//! findings), matching against Genesys, the update PATCH, and the effect of a mapping change.
//! Everything built once (mapping sets, scoping filters, the index of Genesys users) lives in the
//! [`Checker`]; per user only that user's work is done.

use super::after::after_change;
use super::matching::{candidate, lookup, ExistingUsers, Match, Matcher};
use super::position::{Position, ReadError};
use super::readers::RawUser;
use super::scope::Scope;
use super::summary::{RejectedPhone, Summary, Tally};
use crate::diag::Severity;
use crate::expr::Value;
use crate::finding::{Finding, FindingCode};
use crate::genesys::targets::{self, TargetType};
use crate::graph::{phone_region, read_user_with, Lifecycle, Names};
use crate::mapping::model::MappingSet;
use crate::phone::{GenesysVerdict, Suggestions};
use crate::provision::rows::{evaluate_compiled, Operation, RowResult, RowValue};
use crate::provision::values::wire_value;
use crate::provision::{self, CompiledSet, Options, Requests};
use crate::scim::patch::{patch_body, Change, Dialect};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// What the check needs besides the users.
#[derive(Debug, Default)]
pub struct Config {
    /// The mapping set in force (`--mappings`).
    pub mappings: MappingSet,
    /// The mapping set about to be saved (`--after-mappings`).
    pub after: Option<MappingSet>,
    /// Who is provisioned: assignment and scoping filters.
    pub scope: Scope,
    /// What Genesys holds (`--existing`); `None` = nothing known, everyone is a create.
    pub existing: Option<ExistingUsers>,
    /// Names of the groups that exist in Genesys (`None` = not known, not checked).
    pub genesys_groups: Option<Vec<String>>,
    /// Phone region for users with neither usageLocation nor a two-letter country.
    pub default_region: Option<String>,
    /// How PATCH bodies are written.
    pub dialect: Dialect,
}

/// What Entra will do with a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Not in Genesys: Entra sends a `POST /Users`.
    Create,
    /// In Genesys with other values: Entra sends a PATCH.
    Update,
    /// In Genesys with the same values: Entra sends nothing.
    Unchanged,
    /// Not provisioned: outside the scope, or disabled and not in Genesys.
    OutOfScope,
    /// Entra fails the user (an error finding, a conflict, or no matching value).
    Fail,
}

impl Outcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [Outcome; 5] = [
        Outcome::Create,
        Outcome::Update,
        Outcome::Unchanged,
        Outcome::OutOfScope,
        Outcome::Fail,
    ];

    /// The outcome in words, as reports and the last line print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Create => "create",
            Outcome::Update => "update",
            Outcome::Unchanged => "unchanged",
            Outcome::OutOfScope => "out of scope",
            Outcome::Fail => "fail",
        }
    }
}

/// One user's result.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserRecord {
    /// Where the user was read.
    pub position: Position,
    /// The user's Graph `id` (empty when it has none).
    pub id: String,
    /// The value of the first matching attribute (userName), or the `userPrincipalName`.
    pub user_name: String,
    /// The user's `displayName`.
    pub display_name: String,
    /// Whether Entra provisions the user.
    pub in_scope: bool,
    /// Why in or out of scope.
    pub scope: String,
    /// What Entra will do.
    pub outcome: Outcome,
    /// The check that fails, for a failing user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// For an update: the attributes that change, and the PATCH.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// The PATCH body of an update.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patch: Option<Json>,
    /// With a mapping change: the attributes it changes for this user, and the PATCH it causes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_changed: Vec<String>,
    /// The PATCH the mapping change causes on the next cycle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_patch: Option<Json>,
    /// Every finding about the user, with its code.
    pub findings: Vec<Finding>,
}

impl UserRecord {
    /// The worst severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings
            .iter()
            .map(|f| f.severity)
            .min_by_key(|s| match s {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            })
    }
}

/// Users checked so far, for a progress display.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Users checked.
    pub users: usize,
    /// Users or records that could not be read.
    pub read_errors: usize,
    /// Users whose outcome is [`Outcome::Fail`].
    pub failing: usize,
}

/// The part of the check that needs no state from other users: scope, the engine's preview,
/// the rows for an update, the mapping change. Shared by every worker thread.
pub struct Engine {
    config: Config,
    /// `config.mappings`, compiled once.
    mappings: CompiledSet,
    /// `config.after`, compiled once.
    after: Option<CompiledSet>,
    options: Options,
}

/// One user prepared by the [`Engine`], to be completed in input order by the [`Checker`].
/// It travels as JSON between the browser's workers (serde both ways).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Prepared {
    record: UserRecord,
    /// `None` when the user is out of scope or could not be evaluated.
    evaluated: Option<Evaluated>,
}

impl Prepared {
    /// How many findings the user has so far.
    pub fn findings(&self) -> usize {
        self.record.findings.len()
    }

    /// Drops the texts that completing the user and adding up the summary never read: every
    /// finding's help, the messages of findings that are not errors (an error's message may
    /// become the user's failure), the PATCH bodies. For a check that keeps only each user's
    /// outcome, finding codes and failure (the page's table) and relays prepared users between
    /// workers; the outcome, codes, failure and summary stay the same.
    pub fn shed_texts(&mut self) {
        shed(&mut self.record.findings);
        self.record.patch = None;
        self.record.after_patch = None;
        let update = self.evaluated.as_mut().and_then(|e| e.candidate.as_mut());
        if let Some(update) = update.and_then(|c| c.update.as_mut()) {
            shed(&mut update.findings);
            update.patch = None;
        }
    }
}

fn shed(findings: &mut [Finding]) {
    for f in findings {
        f.help = None;
        if f.severity != Severity::Error {
            f.message.clear();
        }
    }
}

/// What the completion needs of a preview, reduced where the user was prepared so the rest of
/// the preview is freed there.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Evaluated {
    /// The value of each matching row that has one, in the set's row order.
    matching: Vec<(usize, String)>,
    /// The phone values Genesys rejects.
    rejected_phones: Vec<RejectedPhone>,
    manager: Option<String>,
    groups: Vec<String>,
    /// Whom the user matches in Genesys (with `--existing` and a matching value).
    candidate: Option<Candidate>,
    enabled: bool,
}

/// The Genesys user a directory user matches before claims are settled
/// ([`super::matching::candidate`]), and for a single match what the update would be.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Candidate {
    found: Match,
    update: Option<Update>,
}

/// The update of a matched Genesys user: the attributes that change, the PATCH, and the
/// findings it brings (an inactive match, values that cannot be written).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Update {
    changed: Vec<String>,
    patch: Option<Json>,
    findings: Vec<Finding>,
}

impl Engine {
    /// Compiles the mapping sets once and sets up the options every user shares.
    pub fn new(config: Config) -> Engine {
        let mut options = Options {
            dialect: config.dialect,
            genesys_groups: config.genesys_groups.clone().unwrap_or_default(),
            // The check reports the phones Genesys refuses; a suggestion for the others would
            // be proven (evaluated, analysed again) for nothing.
            phone_suggestions: Suggestions::Refused,
            ..Options::default()
        };
        if let Some(existing) = &config.existing {
            options.provisioned = existing.provisioned();
        }
        Engine {
            mappings: CompiledSet::new(config.mappings.clone()),
            after: config.after.clone().map(CompiledSet::new),
            config,
            options,
        }
    }

    /// What the check was set up with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Options for one worker (each worker sets the phone region per user in its own copy).
    pub fn options(&self) -> Options {
        self.options.clone()
    }

    /// Everything about one user that does not depend on other users.
    pub fn prepare(&self, options: &mut Options, raw: RawUser) -> Prepared {
        let text = |k: &str| {
            raw.json
                .get(k)
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string()
        };
        let mut record = UserRecord {
            id: text("id"),
            user_name: text("userPrincipalName"),
            display_name: text("displayName"),
            position: raw.position,
            in_scope: false,
            scope: String::new(),
            outcome: Outcome::OutOfScope,
            failure: None,
            changed: Vec::new(),
            patch: None,
            after_changed: Vec::new(),
            after_patch: None,
            findings: Vec::new(),
        };
        let user = match read_user_with(&raw.json, Lifecycle::Assigned, Names::Skipped) {
            Ok(u) => u,
            Err(e) => return failed(record, Finding::error(FindingCode::Evaluation, e)),
        };
        match self.config.scope.decide(&raw.json, &user.attributes) {
            Ok(why) => {
                record.in_scope = true;
                record.scope = why;
            }
            Err(why) => {
                record
                    .findings
                    .push(Finding::info(FindingCode::OutOfScope, why.clone()));
                record.scope = why;
                return Prepared {
                    record,
                    evaluated: None,
                };
            }
        }
        options.default_region =
            phone_region(&user.attributes, self.config.default_region.as_deref());
        // The check reports findings and outcomes, not the requests: they are not written out.
        let mut preview =
            provision::preview_with(user, &self.mappings, options, Requests::FindingsOnly);
        let matching = matching_values(&self.mappings, &preview.rows);
        if let Some((_, name)) = matching.first() {
            record.user_name = name.clone();
        }
        // Whether the manager will be there is only known once every user is read: the
        // summary reports it, not each user.
        record.findings.extend(
            std::mem::take(&mut preview.findings)
                .into_iter()
                .filter(|f| f.code != FindingCode::ManagerNotProvisioned),
        );
        if let Some(next) = &self.after {
            let (changes, body, findings) = after_change(
                &self.mappings,
                next,
                &preview.user.attributes,
                &options.ctx,
                &options.provisioned,
                self.config.dialect,
            );
            record.after_changed = changes.iter().map(|c| c.path.to_patch_path()).collect();
            record.after_patch = body;
            if !changes.is_empty() {
                record.findings.push(Finding::info(
                    FindingCode::AfterMappingChange,
                    format!(
                        "the new mappings change {}",
                        record.after_changed.join(", ")
                    ),
                ));
            }
            record.findings.extend(findings);
        }
        let candidate = match &self.config.existing {
            Some(existing) if !matching.is_empty() => {
                Some(self.candidate(existing, &matching, &preview.user.attributes, options))
            }
            _ => None,
        };
        let enabled = raw.json.get("accountEnabled").and_then(Json::as_bool) != Some(false);
        let rejected_phones = preview
            .phones
            .into_iter()
            .map(|p| p.analysis)
            .filter(|a| {
                matches!(
                    a.verdict,
                    GenesysVerdict::Rejected | GenesysVerdict::ExtensionOnly
                )
            })
            .map(RejectedPhone::from)
            .collect();
        Prepared {
            record,
            evaluated: Some(Evaluated {
                matching,
                rejected_phones,
                manager: preview.user.manager.map(|m| m.id),
                groups: preview.user.groups,
                candidate,
                enabled,
            }),
        }
    }
}

impl Engine {
    /// Whom the user matches, and for a single match the update its rows would send.
    fn candidate(
        &self,
        existing: &ExistingUsers,
        matching: &[(usize, String)],
        attributes: &crate::source::SourceAttributes,
        options: &Options,
    ) -> Candidate {
        let found = candidate(existing, matching);
        let update = match &found {
            Match::One { user, .. } => {
                let held = &existing.users[*user];
                let mut findings = Vec::new();
                if !held.active {
                    findings.push(Finding::warning(FindingCode::InactiveMatch, format!("matches the inactive Genesys user {}: if Genesys leaves it out of the userName query, Entra creates and Genesys answers 409", held.user_name)));
                }
                let rows =
                    evaluate_compiled(&self.mappings, attributes, &options.ctx, Operation::Update);
                let changes = diff(&rows, &held.json, &self.options.provisioned, &mut findings);
                Some(Update {
                    changed: changes.iter().map(|c| c.path.to_patch_path()).collect(),
                    patch: patch_body(&changes, self.config.dialect),
                    findings,
                })
            }
            _ => None,
        };
        Candidate { found, update }
    }
}

/// The check, user after user: the [`Engine`]'s work plus what depends on the users before
/// (which Genesys users are taken) and the running [`Tally`].
pub struct Checker {
    engine: std::sync::Arc<Engine>,
    options: Options,
    matcher: Matcher,
    tally: Tally,
}

impl Checker {
    /// A check of the users to come: the mapping sets compiled, the Genesys users indexed.
    pub fn new(config: Config) -> Checker {
        let tally = Tally::new(&config);
        let engine = std::sync::Arc::new(Engine::new(config));
        Checker {
            options: engine.options(),
            engine,
            matcher: Matcher::default(),
            tally,
        }
    }

    /// The engine, for worker threads that prepare users in parallel.
    pub fn engine(&self) -> std::sync::Arc<Engine> {
        self.engine.clone()
    }

    /// The users checked so far.
    pub fn progress(&self) -> Progress {
        self.tally.progress()
    }

    /// Records a user or record that could not be read.
    pub fn read_error(&mut self, error: &ReadError) {
        self.tally.read_error(error);
    }

    /// Checks one user.
    pub fn check(&mut self, raw: RawUser) -> UserRecord {
        let prepared = self.engine.prepare(&mut self.options, raw);
        self.complete(prepared)
    }

    /// Finishes a prepared user; users must come in input order.
    pub fn complete(&mut self, prepared: Prepared) -> UserRecord {
        let Prepared {
            mut record,
            evaluated,
        } = prepared;
        if let Some(e) = evaluated {
            self.tally.phones(&record, &e.rejected_phones);
            self.tally.manager(&record, e.manager.as_deref());
            self.tally.groups(&record, &e.groups);
            record.outcome = self.outcome(&mut record, e);
            if record.outcome != Outcome::Fail && record.outcome != Outcome::OutOfScope {
                if let Some(f) = record
                    .findings
                    .iter()
                    .find(|f| f.severity == Severity::Error)
                {
                    record.failure = Some(format!("{}: {}", f.code, f.message));
                    record.outcome = Outcome::Fail;
                }
            }
        }
        self.tally.add(&record);
        record
    }

    /// The summary of every user checked.
    pub fn finish(self) -> Summary {
        self.tally.finish()
    }

    /// Create, update, unchanged, out of scope (a disabled user Entra will not create) or fail.
    fn outcome(&mut self, record: &mut UserRecord, e: Evaluated) -> Outcome {
        let engine = &self.engine;
        let config = &engine.config;
        if e.matching.is_empty() {
            return set_failure(
                record,
                Finding::error(
                    FindingCode::NoMatchingValue,
                    "no value for any matching attribute: Entra skips the user",
                ),
            );
        }
        let (Some(existing), Some(candidate)) = (&config.existing, e.candidate) else {
            return create(record, e.enabled);
        };
        match self.matcher.claim(candidate.found, &record.position) {
            Match::None | Match::NoValue => create(record, e.enabled),
            Match::Several { row, count } => set_failure(
                record,
                Finding::error(FindingCode::MatchConflict, format!("{count} Genesys users hold this user's matching value (row {}): Entra fails it with DuplicateTargetEntries", row + 1)),
            ),
            Match::Claimed { user, by } => set_failure(
                record,
                Finding::error(FindingCode::DuplicateSource, format!("the Genesys user {} was already matched by {by}: Entra fails it with DuplicateSourceEntries", existing.users[user].user_name)),
            ),
            Match::One { .. } => {
                let Some(update) = candidate.update else {
                    return Outcome::Unchanged;
                };
                record.findings.extend(update.findings);
                record.changed = update.changed;
                record.patch = update.patch;
                if record.changed.is_empty() {
                    Outcome::Unchanged
                } else {
                    Outcome::Update
                }
            }
        }
    }
}

fn create(record: &mut UserRecord, enabled: bool) -> Outcome {
    if enabled {
        return Outcome::Create;
    }
    record.findings.push(Finding::info(
        FindingCode::DisabledNotCreated,
        "disabled in Entra and not in Genesys: Entra does not create disabled users (NotEffectivelyEntitled)",
    ));
    record.in_scope = false;
    record.scope = "disabled: skipped until enabled".into();
    Outcome::OutOfScope
}

fn set_failure(record: &mut UserRecord, finding: Finding) -> Outcome {
    record.failure = Some(format!("{}: {}", finding.code, finding.message));
    record.findings.push(finding);
    Outcome::Fail
}

fn failed(mut record: UserRecord, finding: Finding) -> Prepared {
    record.outcome = set_failure(&mut record, finding);
    Prepared {
        record,
        evaluated: None,
    }
}

/// The values of the matching rows that have one (row index, value), in precedence order.
pub fn matching_values(set: &CompiledSet, rows: &[RowResult]) -> Vec<(usize, String)> {
    set.matching()
        .iter()
        .filter_map(|&i| match rows.get(i).map(|r| &r.value) {
            Some(RowValue::Flows(Value::Str(v))) if !v.is_empty() => Some((i, v.clone())),
            _ => None,
        })
        .collect()
}

/// The changes that bring the Genesys user in line with the rows.
fn diff(
    rows: &[RowResult],
    held: &Json,
    provisioned: &crate::provision::ProvisionedUsers,
    findings: &mut Vec<Finding>,
) -> Vec<Change> {
    let mut out = Vec::new();
    for row in rows {
        let (Ok(path), RowValue::Flows(v)) = (&row.target, &row.value) else {
            continue;
        };
        if v.is_null_or_empty() {
            continue;
        }
        let mut scratch = Vec::new();
        let Some(wire) = wire_value(row.index, path, v, provisioned, &mut scratch) else {
            continue;
        };
        let current = lookup::value_at(held, path);
        let case_insensitive = super::matching::existing::ignores_case(path);
        if current.is_some_and(|c| lookup::same(&wire, c, case_insensitive)) {
            continue;
        }
        findings.extend(
            scratch
                .into_iter()
                .filter(|f| f.code != FindingCode::ManagerNotProvisioned),
        );
        let boolean = targets::lookup(path).is_some_and(|t| t.kind == TargetType::Boolean);
        let value = match v {
            Value::Str(s) if !matches!(wire, Json::String(_)) || boolean => Json::String(s.clone()),
            _ => wire,
        };
        out.push(Change {
            path: path.clone(),
            was_empty: current.is_none(),
            value,
            boolean,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::matching::GenesysUser;
    use crate::mapping::presets;
    use serde_json::json;

    fn raw(n: usize, json: Json) -> RawUser {
        RawUser {
            json,
            position: Position {
                file: "t".into(),
                record: n,
                ..Position::default()
            },
        }
    }

    fn graph_user(upn: &str) -> Json {
        json!({"id": upn, "userPrincipalName": upn, "displayName": "U", "accountEnabled": true,
               "businessPhones": ["+1 425 555 0109"], "usageLocation": "US", "jobTitle": "Agent"})
    }

    fn checker(existing: Vec<Json>) -> Checker {
        let set = presets::genesys_default();
        let users = existing
            .into_iter()
            .map(|j| GenesysUser::from_scim(j).unwrap())
            .collect();
        Checker::new(Config {
            existing: Some(ExistingUsers::new(users, &set)),
            mappings: set,
            ..Config::default()
        })
    }

    #[test]
    fn user_name_matches_ignoring_case_and_a_second_claim_is_a_conflict() {
        let mut c = checker(vec![
            json!({"id": "g1", "userName": "a@x.example", "active": true, "title": "Agent", "displayName": "U"}),
        ]);
        let first = c.check(raw(0, graph_user("A@X.example")));
        assert!(
            matches!(first.outcome, Outcome::Update | Outcome::Unchanged),
            "{first:?}"
        );
        let mut in_another_file = raw(0, graph_user("a@x.example"));
        in_another_file.position.file = "u".into();
        let second = c.check(in_another_file);
        assert_eq!(second.outcome, Outcome::Fail);
        let claimed = second
            .findings
            .iter()
            .find(|f| f.code == FindingCode::DuplicateSource);
        let message = claimed.map(|f| f.message.as_str()).unwrap_or_default();
        assert!(
            message.contains("already matched by record 1 of t:"),
            "{message}"
        );
        let third = c.check(raw(2, graph_user("new@x.example")));
        assert_eq!(third.outcome, Outcome::Create);
        let summary = c.finish();
        assert_eq!(
            summary.last_line(),
            "3 users: 1 create, 1 update, 0 unchanged, 0 out of scope, 1 fail"
        );
    }

    #[test]
    fn several_genesys_users_with_one_value_fail_the_user() {
        let mut c = checker(vec![
            json!({"id": "g1", "userName": "dup@x.example"}),
            json!({"id": "g2", "userName": "DUP@x.example"}),
        ]);
        let r = c.check(raw(0, graph_user("dup@x.example")));
        assert_eq!(r.outcome, Outcome::Fail);
        assert!(r.failure.unwrap().starts_with("match-conflict"));
    }

    #[test]
    fn disabled_users_are_not_created_and_users_without_a_matching_value_fail() {
        let mut c = Checker::new(Config {
            mappings: presets::genesys_default(),
            ..Config::default()
        });
        let mut disabled = graph_user("d@x.example");
        disabled["accountEnabled"] = json!(false);
        let r = c.check(raw(0, disabled));
        assert_eq!(r.outcome, Outcome::OutOfScope);
        assert!(r
            .findings
            .iter()
            .any(|f| f.code == FindingCode::DisabledNotCreated));
        let r = c.check(raw(
            1,
            json!({"id": "n", "displayName": "No Name", "accountEnabled": true}),
        ));
        assert_eq!(r.outcome, Outcome::Fail);
        assert!(r
            .findings
            .iter()
            .any(|f| f.code == FindingCode::NoMatchingValue));
    }

    #[test]
    fn an_unchanged_user_sends_nothing() {
        let mut c = checker(vec![json!({
            "id": "g1", "userName": "a@x.example", "active": true, "displayName": "U", "title": "Agent",
            "emails": [{"type": "work", "value": "a@x.example"}],
            "phoneNumbers": [{"type": "work", "value": "+14255550109"}]
        })]);
        let mut u = graph_user("a@x.example");
        u["mail"] = json!("a@x.example");
        let r = c.check(raw(0, u));
        assert_eq!(r.outcome, Outcome::Unchanged, "{:?}", r.changed);
        assert!(r.patch.is_none());
    }

    /// The page keeps only rows and the summary, so its preparers shed the rest of the texts
    /// before sending: nothing the rows and the summary show may change.
    #[test]
    fn shedding_the_texts_keeps_outcomes_codes_failures_and_the_summary() {
        let genesys: Vec<Json> = (0..300)
            .step_by(3)
            .map(|n| json!({"id": format!("g{n}"), "userName": format!("user{n}@contoso.example"), "active": true, "title": "Old"}))
            .collect();
        let mut full = checker(genesys.clone());
        let mut shed = checker(genesys);
        let engine = shed.engine();
        let mut options = engine.options();
        let mut texts = (0, 0);
        for n in 0..400 {
            let user = super::super::sample::user(n, 5);
            let expected = full.check(raw(n, user.clone()));
            let mut prepared = engine.prepare(&mut options, raw(n, user));
            let before = serde_json::to_string(&prepared).unwrap().len();
            prepared.shed_texts();
            texts.0 += before;
            texts.1 += serde_json::to_string(&prepared).unwrap().len();
            let got = shed.complete(prepared);
            let codes = |r: &UserRecord| r.findings.iter().map(|f| f.code).collect::<Vec<_>>();
            assert_eq!(
                (got.outcome, &got.failure, codes(&got), &got.changed),
                (
                    expected.outcome,
                    &expected.failure,
                    codes(&expected),
                    &expected.changed
                )
            );
        }
        assert!(texts.1 * 4 < texts.0 * 3, "{texts:?}");
        let summary = |c: Checker| serde_json::to_value(c.finish()).unwrap();
        assert_eq!(summary(shed), summary(full));
    }

    /// The browser's workers prepare users in one worker and complete them in another, with
    /// [`Prepared`] as JSON in between: the records must be the same as a check in one place,
    /// claims and updates included.
    #[test]
    fn a_prepared_user_survives_json_and_completes_the_same() {
        let genesys = vec![
            json!({"id": "g1", "userName": "a@x.example", "active": false, "title": "Boss", "displayName": "U"}),
            json!({"id": "g2", "userName": "dup@x.example", "active": true}),
            json!({"id": "g3", "userName": "dup@x.example", "active": true}),
        ];
        let mut users = vec![
            graph_user("a@x.example"),
            graph_user("A@x.example"),
            graph_user("dup@x.example"),
            graph_user("new@x.example"),
        ];
        users[3]["businessPhones"] = json!(["0425 555 0109 x7"]);
        let mut direct = checker(genesys.clone());
        let mut relayed = checker(genesys);
        let engine = relayed.engine();
        let mut options = engine.options();
        for (n, user) in users.into_iter().enumerate() {
            let expected = direct.check(raw(n, user.clone()));
            let prepared = engine.prepare(&mut options, raw(n, user));
            let text = serde_json::to_string(&prepared).unwrap();
            let back: Prepared = serde_json::from_str(&text).unwrap();
            let got = relayed.complete(back);
            assert_eq!(
                serde_json::to_value(&got).unwrap(),
                serde_json::to_value(&expected).unwrap()
            );
        }
        let outcomes = |c: Checker| serde_json::to_value(c.finish()).unwrap();
        assert_eq!(outcomes(relayed), outcomes(direct));
    }
}
