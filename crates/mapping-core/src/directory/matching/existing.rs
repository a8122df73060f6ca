//! What Genesys already holds: SCIM users from `GET /Users` ListResponse pages, indexed by the
//! mapping set's matching attributes so each directory user is matched in constant time.

use super::lookup::value_at;
use crate::mapping::model::MappingSet;
use crate::scim::path::TargetPath;
use serde_json::Value as Json;
use std::collections::HashMap;

/// One Genesys user.
#[derive(Debug, Clone)]
pub struct GenesysUser {
    /// The Genesys user id.
    pub id: String,
    /// `userName` (empty when the export has none).
    pub user_name: String,
    /// `active` (true when the export leaves it out).
    pub active: bool,
    /// The SCIM user as exported, which values are compared against.
    pub json: Json,
}

impl GenesysUser {
    /// Reads a SCIM user from a ListResponse's `Resources`; a user without an `id` is an error.
    pub fn from_scim(json: Json) -> Result<GenesysUser, String> {
        let text = |k: &str| json.get(k).and_then(Json::as_str).map(str::to_string);
        let id = text("id").ok_or("a Genesys user without an id")?;
        Ok(GenesysUser {
            user_name: text("userName").unwrap_or_default(),
            active: json.get("active").and_then(Json::as_bool).unwrap_or(true),
            id,
            json,
        })
    }
}

/// Whether a matching attribute is compared ignoring case, as Genesys filters it: userName is
/// (Genesys stores user names in lower case); others exactly.
pub fn ignores_case(path: &TargetPath) -> bool {
    path.attribute.eq_ignore_ascii_case("userName") || path.attribute.eq_ignore_ascii_case("emails")
}

/// A matching value as the index keys it.
pub fn key(path: &TargetPath, value: &str) -> String {
    if ignores_case(path) {
        value.to_lowercase()
    } else {
        value.to_string()
    }
}

/// The users, and per matching row (in precedence order) value → users holding it.
#[derive(Debug, Default)]
pub struct ExistingUsers {
    /// The Genesys users, in the order read.
    pub users: Vec<GenesysUser>,
    /// `(row index, path, value → indexes into users)`.
    pub indexes: Vec<(usize, TargetPath, HashMap<String, Vec<usize>>)>,
}

impl ExistingUsers {
    /// Indexes `users` by the values of `set`'s matching attributes.
    pub fn new(users: Vec<GenesysUser>, set: &MappingSet) -> ExistingUsers {
        let indexes = set
            .matching()
            .into_iter()
            .filter_map(|(row, m)| Some((row, TargetPath::parse(&m.target).ok()?)))
            .map(|(row, path)| {
                let mut index: HashMap<String, Vec<usize>> = HashMap::new();
                for (i, u) in users.iter().enumerate() {
                    if let Some(v) = value_at(&u.json, &path).and_then(Json::as_str) {
                        index.entry(key(&path, v)).or_default().push(i);
                    }
                }
                (row, path, index)
            })
            .collect();
        ExistingUsers { users, indexes }
    }

    /// The Entra object ids Genesys holds as externalId (for resolving managers).
    pub fn provisioned(&self) -> crate::provision::ProvisionedUsers {
        self.users
            .iter()
            .filter_map(|u| {
                let external = u.json.get("externalId").and_then(Json::as_str)?;
                Some((external.to_string(), u.id.clone()))
            })
            .collect()
    }
}

/// Reads a Genesys SCIM `GET /Users` export (one or many ListResponse pages, or a JSON array of
/// users) from `reader`, named `file` in messages, into `users`. Any unreadable user is an error
/// with its position: matching against a partial list would predict creates that are really
/// conflicts.
pub fn read_genesys_users<R: std::io::BufRead>(
    reader: R,
    file: &str,
    users: &mut Vec<GenesysUser>,
) -> Result<(), String> {
    use crate::directory::readers::{self, Format, Item};
    use std::ops::ControlFlow;
    let mut problem = None;
    readers::read(reader, Some(Format::Json), file, &mut |item| {
        match item {
            Item::User(u) => match GenesysUser::from_scim(u.json) {
                Ok(g) => users.push(g),
                Err(e) => problem = Some(format!("{}: {e}", u.position)),
            },
            Item::Error(e) => problem = Some(e.to_string()),
        }
        if problem.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .map_err(|e| e.to_string())?;
    problem.map_or(Ok(()), Err)
}
