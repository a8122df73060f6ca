//! Matching directory users against the users Genesys already holds, as Entra does: the
//! matching attributes in precedence order, stopping at the first that finds someone. The
//! outcome is a create (nobody), a match (one user), or a conflict (several; or a Genesys user
//! already claimed by another directory user).

pub mod existing;
pub mod lookup;

pub use existing::{ExistingUsers, GenesysUser};

use super::position::Position;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What matching found for one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Match {
    /// Nobody: Entra creates the user.
    None,
    /// This Genesys user (index into [`ExistingUsers::users`]), by this row.
    One {
        /// Index into [`ExistingUsers::users`].
        user: usize,
        /// The matching row that found the user.
        row: usize,
    },
    /// Several Genesys users hold the value.
    Several {
        /// The matching row whose value they share.
        row: usize,
        /// How many Genesys users hold it.
        count: usize,
    },
    /// The Genesys user was already matched by an earlier directory user.
    Claimed {
        /// Index into [`ExistingUsers::users`].
        user: usize,
        /// The directory user that matched it first.
        by: Claimant,
    },
    /// The user has no value for any matching attribute.
    NoValue,
}

/// Where a directory user was read: its users file and record, as messages name it (record
/// numbers start again in every file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    /// The users file's name.
    pub file: String,
    /// 0-based index of the record in that file.
    pub record: usize,
}

impl std::fmt::Display for Claimant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "record {} of {}", self.record + 1, self.file)
    }
}

/// Settles the claims user after user, in input order: remembers which Genesys users are taken.
#[derive(Debug, Default)]
pub struct Matcher {
    /// Genesys user → (index into `files`, record) of the directory user that took it.
    claimed: HashMap<usize, (usize, usize)>,
    /// The users files' names met so far.
    files: Vec<String>,
}

impl Matcher {
    /// Takes the Genesys user a [`candidate`] found for the directory user read at `position`,
    /// unless an earlier directory user took it ([`Match::Claimed`]). Users must come in input
    /// order.
    pub fn claim(&mut self, candidate: Match, position: &Position) -> Match {
        let Match::One { user, .. } = candidate else {
            return candidate;
        };
        match self.claimed.get(&user) {
            Some(&(file, record)) => Match::Claimed {
                user,
                by: Claimant {
                    file: self.files[file].clone(),
                    record,
                },
            },
            None => {
                let file = match self.files.iter().position(|f| *f == position.file) {
                    Some(file) => file,
                    None => {
                        self.files.push(position.file.clone());
                        self.files.len() - 1
                    }
                };
                self.claimed.insert(user, (file, position.record));
                candidate
            }
        }
    }
}

/// Whom the user whose matching rows give `values` (row index, value) matches, by the matching
/// attributes in precedence order, before asking whether another directory user took them:
/// the same for every user whatever the order, so it can be found on any thread.
pub fn candidate(existing: &ExistingUsers, values: &[(usize, String)]) -> Match {
    let mut any_value = false;
    for (row, path, index) in &existing.indexes {
        let Some((_, v)) = values.iter().find(|(r, _)| r == row) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        any_value = true;
        match index.get(&existing::key(path, v)).map(Vec::as_slice) {
            None | Some([]) => continue,
            Some([one]) => {
                return Match::One {
                    user: *one,
                    row: *row,
                }
            }
            Some(many) => {
                return Match::Several {
                    row: *row,
                    count: many.len(),
                }
            }
        }
    }
    if any_value || existing.indexes.is_empty() {
        Match::None
    } else {
        Match::NoValue
    }
}
