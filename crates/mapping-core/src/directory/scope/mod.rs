//! Who Entra provisions: the job's scope setting ([`assignment`]) and the scoping filters of an
//! imported schema ([`filter`], with the [`operators`]). Both must let a user in.

pub mod assignment;
pub mod filter;
pub mod operators;
pub mod regex_match;

pub use assignment::{AssignedBy, Assignment};
pub use filter::ScopeFilter;

use crate::source::SourceAttributes;
use serde_json::Value as Json;

/// Everything that decides scope.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The job's setting: assigned users only, or all.
    pub assignment: Assignment,
    /// Who is assigned, for [`Assignment::Assigned`].
    pub assigned_by: AssignedBy,
    /// The schema's scoping filters (empty when none were given).
    pub filter: ScopeFilter,
}

impl Scope {
    /// `Ok(why in)` or `Err(why out)`: the raw user (for `memberOf` and columns) and its source
    /// attributes (for filter clauses, which name source attributes).
    pub fn decide(&self, raw: &Json, attributes: &SourceAttributes) -> Result<String, String> {
        let how = match self.assignment {
            Assignment::All => "sync all users".to_string(),
            Assignment::Assigned => self.assigned_by.check(raw)?,
        };
        self.filter.evaluate(attributes).map_err(|m| m.reason)?;
        Ok(if self.filter.is_empty() {
            how
        } else {
            format!("{how}; passes the scoping filters")
        })
    }
}
