//! A lesson as data: the situation, the starting setup, the goal, the checks, hints, the
//! explanation with its sources, and the reference solution.

use super::check::Condition;
use super::edit::{self, Edit};
use super::scope::Scope;
use crate::graph::Lifecycle;
use crate::mapping::model::MappingSet;
use crate::mapping::presets;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

/// One lesson: a situation to fix, the setup to start from, and the check that says it is fixed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lesson {
    /// Stable, kebab-case: used in links (`#learn/<id>`), progress and the CLI.
    pub id: String,
    /// The title, as the list shows it.
    pub title: String,
    /// A realistic situation, in two or three sentences.
    pub situation: String,
    /// The goal in one sentence.
    pub goal: String,
    /// Where the learner starts.
    pub setup: Setup,
    /// What the check verifies, each computed by the engine on the learner's result.
    pub checks: Vec<Condition>,
    /// Revealed one at a time.
    pub hints: Vec<String>,
    /// Shown once solved: why it works, in our own words.
    pub explanation: String,
    /// What the explanation rests on.
    pub sources: Vec<Source>,
    /// The reference solution (the tests check that it solves the lesson).
    pub solution: Solution,
}

/// A document a lesson rests on, cited by title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's title.
    pub title: String,
    /// Who publishes it (Microsoft, Genesys, …).
    pub publisher: String,
    /// The section the lesson draws on, when it is one part of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// The lesson's starting point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Setup {
    /// The sample users the checks evaluate.
    pub users: Vec<SampleUser>,
    /// A preset name (`genesys-default`, `genesys-teams`).
    pub preset: String,
    /// Changes to the preset that make the lesson's problem.
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// The starting options.
    #[serde(default)]
    pub options: LessonOptions,
}

/// A sample user as Microsoft Graph returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SampleUser {
    /// Short name the checks refer to, e.g. `noor`.
    pub id: String,
    /// A Microsoft Graph user (with `$expand=manager,memberOf` where it matters).
    pub graph: Json,
    /// The same user after a change in Entra, for lessons about updates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Json>,
    /// Assigned to the enterprise app (directly or through a group).
    #[serde(default = "yes")]
    pub assigned: bool,
}

fn yes() -> bool {
    true
}

/// Everything besides the mappings that a learner may set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LessonOptions {
    /// Where the users stand in Entra (assigned, disabled, unassigned, soft- or hard-deleted).
    #[serde(default)]
    pub state: Lifecycle,
    /// The groups that exist in Genesys Cloud.
    #[serde(default)]
    pub genesys_groups: Vec<GenesysGroup>,
    /// The divisions that exist in Genesys Cloud (shown; SCIM never creates one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<String>,
    /// Users already provisioned: Entra object id → Genesys user id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub provisioned: BTreeMap<String, String>,
    /// Region for phone numbers written without a country code, e.g. `US`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_region: Option<String>,
    /// The assignment setting and scoping filters.
    #[serde(default)]
    pub scope: Scope,
    /// The Genesys Cloud region the organization lives in (a name from the region list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Entra's "Tenant URL" field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_url: Option<String>,
    /// Where the token is requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
}

impl LessonOptions {
    /// Names of the Genesys groups Entra can add members to (public ones).
    pub fn public_group_names(&self) -> Vec<String> {
        self.genesys_groups
            .iter()
            .filter(|g| g.visibility == Visibility::Public)
            .map(|g| g.name.clone())
            .collect()
    }
}

/// A Genesys Cloud group and who can see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenesysGroup {
    /// The group's name.
    pub name: String,
    /// Who can see the group (public unless given).
    #[serde(default)]
    pub visibility: Visibility,
}

/// Genesys Cloud's group visibility: SCIM only manages members of public groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Everyone in the organization sees it; SCIM can add and remove members.
    #[default]
    Public,
    /// Only its members see it; SCIM cannot manage its members.
    MembersOnly,
    /// Only its owners see it; SCIM cannot manage its members.
    OwnersOnly,
}

/// The reference solution: edits on top of the starting set, and option fields to replace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    /// Edits applied after the setup's.
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// Replaces these fields of the starting options (same names as [`LessonOptions`]).
    #[serde(default)]
    pub options: Map<String, Json>,
}

/// What a learner hands in: a mapping set and the options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// The learner's mapping rows.
    pub mappings: MappingSet,
    /// The learner's options.
    #[serde(default)]
    pub options: LessonOptions,
}

impl Lesson {
    /// The starting setup as an attempt: the preset with the lesson's edits, and its options.
    pub fn start(&self) -> Result<Attempt, String> {
        let mut mappings = presets::by_name(&self.setup.preset)
            .ok_or_else(|| format!("{}: unknown preset {:?}", self.id, self.setup.preset))?;
        edit::apply(&mut mappings, &self.setup.edits)
            .map_err(|e| format!("{}: setup: {e}", self.id))?;
        Ok(Attempt {
            mappings,
            options: self.setup.options.clone(),
        })
    }

    /// The reference solution as an attempt.
    pub fn reference(&self) -> Result<Attempt, String> {
        let mut attempt = self.start()?;
        edit::apply(&mut attempt.mappings, &self.solution.edits)
            .map_err(|e| format!("{}: solution: {e}", self.id))?;
        let mut options = serde_json::to_value(&attempt.options).map_err(|e| e.to_string())?;
        if let Json::Object(map) = &mut options {
            for (k, v) in &self.solution.options {
                map.insert(k.clone(), v.clone());
            }
        }
        attempt.options = serde_json::from_value(options)
            .map_err(|e| format!("{}: solution options: {e}", self.id))?;
        Ok(attempt)
    }

    /// The sample user with this id.
    pub fn user(&self, id: &str) -> Option<&SampleUser> {
        self.setup.users.iter().find(|u| u.id == id)
    }
}
