//! Adding up the users: counts per outcome and finding code, the phone formats that fail most,
//! duplicate matching values, managers who will not be there, missing Genesys groups, and the
//! quarantine risk. [`Tally`] is fed user by user and keeps only counts, hashes and capped
//! examples; [`Summary`] is what it adds up to.

pub mod quarantine;

use super::check::{Config, Outcome, Progress, UserRecord};
use super::position::ReadError;
use crate::diag::Severity;
use crate::finding::FindingCode;
use crate::phone::{GenesysVerdict, PhoneAnalysis};
use quarantine::QuarantineRisk;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// How many examples each list keeps.
pub const EXAMPLES: usize = 20;
/// Distinct phone shapes counted before the rest are lumped together.
const MAX_SHAPES: usize = 10_000;

/// What the summary keeps of a phone value Genesys refuses (the rest of its analysis is in the
/// user's findings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedPhone {
    /// The value as given.
    pub input: String,
    /// Refused, or an extension alone.
    pub verdict: GenesysVerdict,
    /// The expression that fixes it, proven on this value.
    pub suggested_expression: Option<String>,
}

impl From<PhoneAnalysis> for RejectedPhone {
    fn from(a: PhoneAnalysis) -> RejectedPhone {
        RejectedPhone {
            input: a.input,
            verdict: a.verdict,
            suggested_expression: a.suggestion.map(|s| s.expression),
        }
    }
}

/// A format of rejected phone values: every value of this shape, counted.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneFormat {
    /// The values' shape, digits as `N` (see [`crate::phone::shape::shape`]).
    pub shape: String,
    /// How many values have it.
    pub count: usize,
    /// The first user with such a value.
    pub example_user: String,
    /// That user's value.
    pub example_value: String,
    /// What Genesys would do with it, in words.
    pub verdict: String,
    /// The expression that fixes the example, when one was proven.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_expression: Option<String>,
}

/// A matching value several directory users share.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    /// The value (as the first user has it).
    pub value: String,
    /// How many users hold it.
    pub count: usize,
    /// Some of them (at most [`EXAMPLES`]).
    pub users: Vec<String>,
}

/// A group users are members of that Genesys does not have.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingGroup {
    /// The group's name.
    pub group: String,
    /// Users in scope who are members.
    pub members: usize,
    /// The first of them.
    pub example_user: String,
}

/// Everything the check adds up to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Users checked.
    pub users: usize,
    /// Users per outcome ([`Outcome::as_str`] → count).
    pub outcomes: BTreeMap<&'static str, usize>,
    /// Users or records that could not be read.
    pub read_errors: usize,
    /// The first of them (at most [`EXAMPLES`]).
    pub read_error_examples: Vec<ReadError>,
    /// Users with at least one finding of this code.
    pub findings: BTreeMap<FindingCode, usize>,
    /// Users with at least one error.
    pub users_with_errors: usize,
    /// Users with warnings but no error.
    pub users_with_warnings: usize,
    /// The rejected phone formats, most common first (at most [`EXAMPLES`]).
    pub rejected_phone_formats: Vec<PhoneFormat>,
    /// Matching values held by several users, most common first (at most [`EXAMPLES`]).
    pub duplicate_matching_values: Vec<Duplicate>,
    /// How many matching values are held by several users.
    pub duplicate_matching_value_count: usize,
    /// Users whose manager is neither provisioned nor in Genesys.
    pub managers_missing: usize,
    /// Some of them (at most [`EXAMPLES`]).
    pub managers_missing_examples: Vec<String>,
    /// Groups that do not exist in Genesys, with their members (with --genesys-groups).
    pub missing_groups: Vec<MissingGroup>,
    /// Attribute → users updated on it (with --existing).
    pub updated_attributes: BTreeMap<String, usize>,
    /// Attribute → PATCHes the mapping change sends (with --after-mappings).
    pub after_mapping_patches: BTreeMap<String, usize>,
    /// Users the mapping change changes (with --after-mappings).
    pub after_mapping_users: usize,
    /// Where the first cycle stands against Entra's quarantine rule.
    pub quarantine: QuarantineRisk,
    /// Assumptions the numbers rest on.
    pub notes: Vec<String>,
}

impl Summary {
    /// Users with this outcome.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.outcomes.get(outcome.as_str()).copied().unwrap_or(0)
    }

    /// `N users: C create, U update, K unchanged, S out of scope, F fail`
    pub fn last_line(&self) -> String {
        format!(
            "{} users: {} create, {} update, {} unchanged, {} out of scope, {} fail",
            self.users,
            self.count(Outcome::Create),
            self.count(Outcome::Update),
            self.count(Outcome::Unchanged),
            self.count(Outcome::OutOfScope),
            self.count(Outcome::Fail)
        )
    }
}

fn hash(value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

fn label(record: &UserRecord) -> String {
    if !record.user_name.is_empty() {
        record.user_name.clone()
    } else if !record.id.is_empty() {
        record.id.clone()
    } else {
        format!(
            "record {} of {}",
            record.position.record + 1,
            record.position.file
        )
    }
}

/// The running count.
pub struct Tally {
    users: usize,
    outcomes: BTreeMap<Outcome, usize>,
    read_errors: usize,
    read_error_examples: Vec<ReadError>,
    findings: BTreeMap<FindingCode, usize>,
    with_errors: usize,
    with_warnings: usize,
    shapes: HashMap<String, PhoneFormat>,
    /// Hash of a matching value → (users holding it, first user).
    matching: HashMap<u64, (usize, u32)>,
    duplicates: HashMap<u64, Duplicate>,
    /// Hashes of the object ids of users Entra provisions (or Genesys holds).
    provisioned: HashSet<u64>,
    /// (manager id hash, user) for users with a manager.
    managed: Vec<(u64, u32)>,
    labels: HashMap<u32, String>,
    groups_known: bool,
    genesys_groups: Vec<String>,
    missing_groups: HashMap<String, MissingGroup>,
    updated: BTreeMap<String, usize>,
    after: BTreeMap<String, usize>,
    after_users: usize,
    notes: Vec<String>,
}

impl Tally {
    /// An empty tally for a check set up with `config` (which decides the notes).
    pub fn new(config: &Config) -> Tally {
        let mut notes = Vec::new();
        if config.scope.assignment == super::scope::Assignment::Assigned
            && config.scope.assigned_by.is_unknown()
        {
            notes.push("Sync only assigned users: no assigned groups or property given, so every user in the export is taken as assigned.".into());
        }
        if config.existing.is_none() {
            notes.push("No Genesys export given: every in-scope user is a create.".into());
        }
        if config.genesys_groups.is_none() {
            notes.push("No Genesys group list given: group membership is not checked.".into());
        }
        let provisioned = config
            .existing
            .as_ref()
            .map(|e| e.provisioned().keys().map(|k| hash(k)).collect())
            .unwrap_or_default();
        Tally {
            users: 0,
            outcomes: BTreeMap::new(),
            read_errors: 0,
            read_error_examples: Vec::new(),
            findings: BTreeMap::new(),
            with_errors: 0,
            with_warnings: 0,
            shapes: HashMap::new(),
            matching: HashMap::new(),
            duplicates: HashMap::new(),
            provisioned,
            managed: Vec::new(),
            labels: HashMap::new(),
            groups_known: config.genesys_groups.is_some(),
            genesys_groups: config.genesys_groups.clone().unwrap_or_default(),
            missing_groups: HashMap::new(),
            updated: BTreeMap::new(),
            after: BTreeMap::new(),
            after_users: 0,
            notes,
        }
    }

    /// The counts so far.
    pub fn progress(&self) -> Progress {
        Progress {
            users: self.users,
            read_errors: self.read_errors,
            failing: self.outcomes.get(&Outcome::Fail).copied().unwrap_or(0),
        }
    }

    /// Counts a user or record that could not be read.
    pub fn read_error(&mut self, error: &ReadError) {
        self.read_errors += 1;
        if self.read_error_examples.len() < EXAMPLES {
            self.read_error_examples.push(error.clone());
        }
    }

    /// Counts a checked user (its outcome, findings and matching value).
    pub fn add(&mut self, record: &UserRecord) {
        self.users += 1;
        *self.outcomes.entry(record.outcome).or_default() += 1;
        let mut codes: Vec<FindingCode> = record.findings.iter().map(|f| f.code).collect();
        codes.sort();
        codes.dedup();
        for code in codes {
            *self.findings.entry(code).or_default() += 1;
        }
        match record.worst() {
            Some(Severity::Error) => self.with_errors += 1,
            Some(Severity::Warning) => self.with_warnings += 1,
            _ => {}
        }
        if record.outcome == Outcome::Update {
            for attribute in &record.changed {
                *self.updated.entry(attribute.clone()).or_default() += 1;
            }
        }
        if !record.after_changed.is_empty() {
            self.after_users += 1;
        }
        for attribute in &record.after_changed {
            *self.after.entry(attribute.clone()).or_default() += 1;
        }
        if record.in_scope && record.outcome != Outcome::Fail && !record.id.is_empty() {
            self.provisioned.insert(hash(&record.id));
        }
        if record.in_scope && !record.user_name.is_empty() {
            self.matching_value(record);
        }
    }

    fn matching_value(&mut self, record: &UserRecord) {
        let key = hash(&record.user_name.to_lowercase());
        let index = record.position.record as u32;
        let entry = self.matching.entry(key).or_insert((0, index));
        entry.0 += 1;
        if entry.0 > 1 {
            let first = entry.1;
            let d = self.duplicates.entry(key).or_insert_with(|| Duplicate {
                value: record.user_name.clone(),
                count: 1,
                users: vec![format!("record {}", first + 1)],
            });
            d.count += 1;
            if d.users.len() < 5 {
                d.users.push(if record.id.is_empty() {
                    label(record)
                } else {
                    record.id.clone()
                });
            }
        }
    }

    /// Rejected phone values, counted by shape.
    pub fn phones(&mut self, record: &UserRecord, rejected: &[RejectedPhone]) {
        for a in rejected {
            let shape = crate::phone::shape::shape(&a.input);
            if self.shapes.len() >= MAX_SHAPES && !self.shapes.contains_key(&shape) {
                continue;
            }
            let entry = self
                .shapes
                .entry(shape.clone())
                .or_insert_with(|| PhoneFormat {
                    shape,
                    count: 0,
                    example_user: label(record),
                    example_value: a.input.clone(),
                    verdict: a.verdict.describe().to_string(),
                    suggested_expression: a.suggested_expression.clone(),
                });
            entry.count += 1;
        }
    }

    /// Remembers the user's manager (Graph id), to tell at the end whether it will be there.
    pub fn manager(&mut self, record: &UserRecord, manager: Option<&str>) {
        let Some(manager) = manager else { return };
        let index = record.position.record as u32;
        self.managed.push((hash(manager), index));
        if self.labels.len() < 1000 {
            self.labels
                .insert(index, format!("{} (manager {manager})", label(record)));
        }
    }

    /// Counts the user's groups that Genesys does not have.
    pub fn groups(&mut self, record: &UserRecord, groups: &[String]) {
        if !self.groups_known {
            return;
        }
        for g in groups {
            if self
                .genesys_groups
                .iter()
                .any(|h| h.trim().eq_ignore_ascii_case(g.trim()))
            {
                continue;
            }
            let key = g.trim().to_lowercase();
            if self.missing_groups.len() >= MAX_SHAPES && !self.missing_groups.contains_key(&key) {
                continue;
            }
            self.missing_groups
                .entry(key)
                .or_insert_with(|| MissingGroup {
                    group: g.clone(),
                    members: 0,
                    example_user: label(record),
                })
                .members += 1;
        }
    }

    /// The summary of every user counted.
    pub fn finish(self) -> Summary {
        let count = |o: Outcome| self.outcomes.get(&o).copied().unwrap_or(0);
        let operations = self.users - count(Outcome::OutOfScope);
        let mut formats: Vec<PhoneFormat> = self.shapes.into_values().collect();
        formats.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.shape.cmp(&b.shape)));
        formats.truncate(EXAMPLES);
        let mut duplicates: Vec<Duplicate> = self.duplicates.into_values().collect();
        let duplicate_count = duplicates.len();
        duplicates.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        duplicates.truncate(EXAMPLES);
        let missing: Vec<u32> = self
            .managed
            .iter()
            .filter(|(m, _)| !self.provisioned.contains(m))
            .map(|(_, u)| *u)
            .collect();
        let managers_missing_examples = missing
            .iter()
            .filter_map(|u| self.labels.get(u).cloned())
            .take(EXAMPLES)
            .collect();
        let mut findings = self.findings;
        if !missing.is_empty() {
            findings.insert(FindingCode::ManagerNotProvisioned, missing.len());
        }
        let mut missing_groups: Vec<MissingGroup> = self.missing_groups.into_values().collect();
        missing_groups.sort_by(|a, b| {
            b.members
                .cmp(&a.members)
                .then_with(|| a.group.cmp(&b.group))
        });
        Summary {
            users: self.users,
            outcomes: Outcome::ALL
                .iter()
                .map(|o| (o.as_str(), count(*o)))
                .collect(),
            read_errors: self.read_errors,
            read_error_examples: self.read_error_examples,
            findings,
            users_with_errors: self.with_errors,
            users_with_warnings: self.with_warnings,
            rejected_phone_formats: formats,
            duplicate_matching_values: duplicates,
            duplicate_matching_value_count: duplicate_count,
            managers_missing: missing.len(),
            managers_missing_examples,
            missing_groups,
            updated_attributes: self.updated,
            after_mapping_patches: self.after,
            after_mapping_users: self.after_users,
            quarantine: quarantine::assess(operations, count(Outcome::Fail)),
            notes: self.notes,
        }
    }
}
