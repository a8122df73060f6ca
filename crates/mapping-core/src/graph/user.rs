//! A Graph `user` → the provisioning source attributes Entra's engine evaluates expressions on.
//!
//! Graph and the provisioning engine name the same data differently; the table is
//! [`RENAMED`]. Besides renaming:
//!
//! * `businessPhones` is a list in Graph, but the engine's `telephoneNumber` is its first entry;
//! * `accountEnabled: false` (or any non-assigned [`Lifecycle`]) makes the computed
//!   `IsSoftDeleted` "True", otherwise it is "False";
//! * an expanded `manager` (from `$expand=manager`) becomes the reference `manager` (its object
//!   id); the engine later resolves it to the manager's id in the target;
//! * `onPremisesExtensionAttributes.extensionAttribute1…15` become `extensionAttribute1…15`;
//! * directory extensions `extension_<appId>_<name>` keep their (case-sensitive) names;
//! * `employeeOrgData.costCenter` / `.division` become dotted names;
//! * other scalar and list properties keep their Graph names; `@odata.*` annotations and
//!   nested objects the engine has no attribute for are listed as ignored.
//!
//! # Types
//!
//! Graph's user properties have types ([`BOOLEAN_PROPERTIES`], [`STRING_LIST_PROPERTIES`],
//! [`STRING_PROPERTIES`]). A value of another type — `"accountEnabled": "false"`,
//! `"businessPhones": "+1 425…"`, `"employeeId": 4711` — is a [`UserError`] naming the property,
//! never read as something else (the string `"false"` is not `true`). Properties not in the
//! tables (directory extensions, future properties) are read leniently: scalars as text.

use super::Lifecycle;
use crate::source::{json_kind, SourceAttributes, SourceValue, UserError};
use serde::Serialize;
use serde_json::Value as Json;

/// Graph property → provisioning source attribute, where the names differ.
pub const RENAMED: &[(&str, &str)] = &[
    ("businessPhones", "telephoneNumber"),
    ("mobilePhone", "mobile"),
    ("id", "objectId"),
    ("officeLocation", "physicalDeliveryOfficeName"),
    ("faxNumber", "facsimileTelephoneNumber"),
];

/// Properties that only Graph has, which tell a pasted object is a Graph user rather than flat
/// source attributes.
const GRAPH_ONLY: &[&str] = &[
    "businessPhones",
    "mobilePhone",
    "accountEnabled",
    "officeLocation",
    "onPremisesExtensionAttributes",
    "@odata.context",
    "@odata.type",
];

/// Graph user properties that are JSON booleans.
pub const BOOLEAN_PROPERTIES: &[&str] = &[
    "accountEnabled",
    "onPremisesSyncEnabled",
    "showInAddressList",
    "isResourceAccount",
];

/// Graph user properties that are collections of strings.
pub const STRING_LIST_PROPERTIES: &[&str] = &[
    "businessPhones",
    "otherMails",
    "proxyAddresses",
    "imAddresses",
    "schools",
    "skills",
    "interests",
    "pastProjects",
    "responsibilities",
];

/// Graph user properties that are strings (date-times included, as Graph writes them).
pub const STRING_PROPERTIES: &[&str] = &[
    "id",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "mailNickname",
    "mobilePhone",
    "faxNumber",
    "userPrincipalName",
    "jobTitle",
    "department",
    "companyName",
    "officeLocation",
    "employeeId",
    "employeeType",
    "employeeHireDate",
    "employeeLeaveDateTime",
    "usageLocation",
    "country",
    "city",
    "state",
    "streetAddress",
    "postalCode",
    "preferredLanguage",
    "userType",
    "ageGroup",
    "createdDateTime",
    "onPremisesImmutableId",
    "onPremisesSamAccountName",
    "onPremisesUserPrincipalName",
    "onPremisesDistinguishedName",
    "onPremisesDomainName",
    "onPremisesSecurityIdentifier",
    "externalUserState",
    "preferredDataLocation",
];

/// The type a known Graph property must have, checked before it is read.
fn check_type(key: &str, value: &Json) -> Result<(), UserError> {
    let wrong = |expected: &str| {
        Err(UserError::new(
            key,
            format!(
                "must be {expected}, not {} ({}): Graph writes it so, and another type \
                 would be misread",
                json_kind(value),
                short_json(value)
            ),
        ))
    };
    if value.is_null() {
        return Ok(());
    }
    if BOOLEAN_PROPERTIES.contains(&key) && !value.is_boolean() {
        return wrong("true or false (a JSON boolean)");
    }
    if STRING_PROPERTIES.contains(&key) && !value.is_string() {
        return wrong("a string");
    }
    if STRING_LIST_PROPERTIES.contains(&key) {
        let Json::Array(items) = value else {
            return wrong("an array of strings");
        };
        if let Some((i, item)) = items
            .iter()
            .enumerate()
            .find(|(_, v)| !v.is_string() && !v.is_null())
        {
            return Err(UserError::new(
                format!("{key}[{i}]"),
                format!(
                    "must be a string, not {} ({})",
                    json_kind(item),
                    short_json(item)
                ),
            ));
        }
    }
    Ok(())
}

/// A JSON value for a message, cut to 40 characters.
fn short_json(value: &Json) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// One line of "Graph name → Entra name" for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameMapping {
    /// Where the value was found in the Graph user, e.g. `mobilePhone` or `manager.id`.
    pub graph: String,
    /// The source attribute name Entra's engine knows it by, e.g. `mobile`.
    pub entra: String,
    /// How the value was derived when it is not a plain copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The user's manager, as `$expand=manager` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagerRef {
    /// The manager's Entra object id, which becomes the `manager` source attribute.
    pub id: String,
    /// The manager's `displayName`, when the expansion selected it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The manager's `userPrincipalName`, when the expansion selected it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
}

/// A user read for provisioning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GraphUser {
    /// The source attributes the expression language reads.
    pub attributes: SourceAttributes,
    /// How each source attribute was found, in the order read.
    pub names: Vec<NameMapping>,
    /// The expanded manager, if the user has one.
    pub manager: Option<ManagerRef>,
    /// Graph properties with no provisioning attribute.
    pub ignored: Vec<String>,
    /// Display names of the Entra groups the user belongs to (`$expand=memberOf`).
    pub groups: Vec<String>,
    /// Whether the input looked like a Graph user (as opposed to flat source attributes).
    pub from_graph: bool,
}

/// What an admin pasted: a Graph user, or flat source attributes.
pub type UserInput = GraphUser;

/// Whether [`GraphUser::names`] is filled: the playground shows it; a directory check has no
/// use for it and reads every user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Lists how each source attribute was found.
    Listed,
    /// Leaves `names` empty.
    Skipped,
}

/// Reads a pasted user: a Graph `user` object, or (when it has none of Graph's own property
/// names) flat provisioning source attributes. `state` decides `IsSoftDeleted`.
pub fn read_user(json: &Json, state: Lifecycle) -> Result<GraphUser, UserError> {
    read_user_with(json, state, Names::Listed)
}

/// [`read_user`], with the list of names only when `names` asks for it.
pub fn read_user_with(json: &Json, state: Lifecycle, names: Names) -> Result<GraphUser, UserError> {
    let Json::Object(map) = json else {
        return Err(UserError::new(
            "",
            format!(
                "the user must be a JSON object (a Microsoft Graph user, or source attributes \
                 by name), not {}",
                json_kind(json)
            ),
        ));
    };
    if !GRAPH_ONLY.iter().any(|k| map.contains_key(*k)) {
        return read_flat(json, state, names);
    }
    let mut reader = Reader {
        user: GraphUser::default(),
        names,
    };
    for (key, value) in map {
        reader.property(key, value)?;
    }
    let enabled = map
        .get("accountEnabled")
        .and_then(Json::as_bool)
        .unwrap_or(true);
    let soft_deleted = !enabled || state.is_soft_deleted();
    reader
        .user
        .attributes
        .set_str("IsSoftDeleted", if soft_deleted { "True" } else { "False" });
    let why = match (enabled, state) {
        (false, _) => "accountEnabled is false",
        (true, Lifecycle::Assigned) => "accountEnabled is true and the user is assigned",
        (true, _) => state.describe(),
    };
    reader.note("accountEnabled", "IsSoftDeleted", why);
    reader.user.from_graph = true;
    Ok(reader.user)
}

/// Flat source attributes; `IsSoftDeleted` is set from `state` only when not given.
fn read_flat(json: &Json, state: Lifecycle, names: Names) -> Result<GraphUser, UserError> {
    let mut attributes = SourceAttributes::from_json(json)?;
    if attributes.get("IsSoftDeleted").is_none() || state != Lifecycle::Assigned {
        attributes.set_str(
            "IsSoftDeleted",
            if state.is_soft_deleted() {
                "True"
            } else {
                "False"
            },
        );
    }
    let names = match names {
        Names::Listed => attributes
            .names()
            .map(|n| NameMapping {
                graph: n.to_string(),
                entra: n.to_string(),
                note: None,
            })
            .collect(),
        Names::Skipped => Vec::new(),
    };
    Ok(GraphUser {
        names,
        attributes,
        ..GraphUser::default()
    })
}

struct Reader {
    user: GraphUser,
    names: Names,
}

impl Reader {
    fn note(&mut self, graph: &str, entra: &str, note: &str) {
        if self.names == Names::Listed {
            self.user.names.push(NameMapping {
                graph: graph.into(),
                entra: entra.into(),
                note: Some(note.into()),
            });
        }
    }

    fn copy(&mut self, graph: &str, entra: &str, value: SourceValue) {
        self.user.attributes.set(entra, value);
        if self.names == Names::Listed {
            self.user.names.push(NameMapping {
                graph: graph.into(),
                entra: entra.into(),
                note: None,
            });
        }
    }

    fn property(&mut self, key: &str, value: &Json) -> Result<(), UserError> {
        if key.starts_with('@') || key.contains("@odata.") || value.is_null() {
            if !value.is_null() {
                self.user.ignored.push(key.to_string());
            }
            return Ok(());
        }
        check_type(key, value)?;
        match key {
            "businessPhones" => self.business_phones(value),
            "accountEnabled" => {
                if let Some(b) = value.as_bool() {
                    self.copy(key, key, SourceValue::Single(bool_text(b)));
                }
            }
            "manager" => self.manager(value)?,
            "memberOf" => self.member_of(value)?,
            "onPremisesExtensionAttributes" | "employeeOrgData" => self.nested(key, value)?,
            _ => {
                let entra = RENAMED
                    .iter()
                    .find(|(g, _)| *g == key)
                    .map_or(key, |(_, e)| *e);
                match source_value(value) {
                    Some(v) => self.copy(key, entra, v),
                    None => self.user.ignored.push(key.to_string()),
                }
            }
        }
        Ok(())
    }

    fn business_phones(&mut self, value: &Json) {
        let first = value
            .as_array()
            .and_then(|a| a.iter().find_map(Json::as_str));
        if let Some(first) = first {
            let count = value.as_array().map_or(0, Vec::len);
            self.user.attributes.set_str("telephoneNumber", first);
            let note = if count > 1 {
                format!("the first of {count} business phones; the others are not provisioned")
            } else {
                "the first business phone".to_string()
            };
            self.note("businessPhones[0]", "telephoneNumber", &note);
        }
    }

    fn manager(&mut self, value: &Json) -> Result<(), UserError> {
        let Json::Object(m) = value else {
            return Err(UserError::new(
                "manager",
                format!(
                    "must be the expanded manager object (GET /users/{{id}}?$expand=manager), not {}",
                    json_kind(value)
                ),
            ));
        };
        let id = match m.get("id") {
            Some(Json::String(id)) => id,
            None | Some(Json::Null) => return Err(UserError::new("manager", "has no `id`: expand it with $expand=manager($select=id,displayName,userPrincipalName)")),
            Some(other) => return Err(UserError::new("manager.id", format!("must be a string, not {}", json_kind(other)))),
        };
        let text = |k: &str| m.get(k).and_then(Json::as_str).map(str::to_string);
        self.user.manager = Some(ManagerRef {
            id: id.to_string(),
            display_name: text("displayName"),
            user_principal_name: text("userPrincipalName"),
        });
        self.user.attributes.set_str("manager", id);
        self.note(
            "manager.id",
            "manager",
            "a reference: Entra sends the manager's id in Genesys, once the manager is provisioned",
        );
        Ok(())
    }

    /// `memberOf` (from `$expand=memberOf`): the display names of the groups among them.
    fn member_of(&mut self, value: &Json) -> Result<(), UserError> {
        let Json::Array(entries) = value else {
            return Err(UserError::new(
                "memberOf",
                format!(
                    "must be an array of directory objects ($expand=memberOf), not {}",
                    json_kind(value)
                ),
            ));
        };
        for (i, entry) in entries.iter().enumerate() {
            let Json::Object(entry) = entry else {
                return Err(UserError::new(
                    format!("memberOf[{i}]"),
                    format!("must be a directory object, not {}", json_kind(entry)),
                ));
            };
            let kind = entry
                .get("@odata.type")
                .and_then(Json::as_str)
                .unwrap_or("#microsoft.graph.group");
            match entry.get("displayName") {
                Some(Json::String(name)) if kind.ends_with(".group") => {
                    self.user.groups.push(name.clone())
                }
                None | Some(Json::Null) | Some(Json::String(_)) => {}
                Some(other) => {
                    return Err(UserError::new(
                        format!("memberOf[{i}].displayName"),
                        format!("must be a string, not {}", json_kind(other)),
                    ))
                }
            }
        }
        Ok(())
    }

    /// `onPremisesExtensionAttributes.extensionAttributeN` → `extensionAttributeN`;
    /// `employeeOrgData.costCenter` → `employeeOrgData.costCenter`. Their values are strings.
    fn nested(&mut self, key: &str, value: &Json) -> Result<(), UserError> {
        let Json::Object(inner) = value else {
            return Err(UserError::new(
                key,
                format!("must be an object, not {}", json_kind(value)),
            ));
        };
        for (name, v) in inner {
            let v = match v {
                Json::Null => continue,
                Json::String(text) => SourceValue::Single(text.clone()),
                other => {
                    return Err(UserError::new(
                        format!("{key}.{name}"),
                        format!("must be a string, not {}", json_kind(other)),
                    ))
                }
            };
            let entra = if key == "employeeOrgData" {
                format!("{key}.{name}")
            } else {
                name.clone()
            };
            self.copy(&format!("{key}.{name}"), &entra, v);
        }
        Ok(())
    }
}

fn bool_text(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

/// A Graph value as a source attribute value; `None` for nested objects.
fn source_value(v: &Json) -> Option<SourceValue> {
    let scalar = |v: &Json| match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(bool_text(*b)),
        _ => None,
    };
    match v {
        Json::Array(items) => {
            let values: Vec<String> = items.iter().filter_map(scalar).collect();
            (values.len() == items.len()).then_some(SourceValue::Multi(values))
        }
        other => scalar(other).map(SourceValue::Single),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn adele() -> Json {
        json!({
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
            "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            "accountEnabled": true,
            "businessPhones": ["+1 425 555 0109", "+1 425 555 0110"],
            "mobilePhone": "+1 425 555 0111",
            "officeLocation": "18/2111",
            "faxNumber": null,
            "userPrincipalName": "AdeleV@contoso.com",
            "otherMails": ["adele@fabrikam.com"],
            "onPremisesExtensionAttributes": {"extensionAttribute1": "105", "extensionAttribute2": null},
            "extension_9d98a0b3f8a84e2c_costCode": "CC-1",
            "employeeOrgData": {"costCenter": "42", "division": "Retail"},
            "identities": [{"signInType": "userPrincipalName"}],
            "manager": {"id": "m-1", "displayName": "Miriam Graham", "userPrincipalName": "MiriamG@contoso.com"},
            "memberOf": [
                {"@odata.type": "#microsoft.graph.group", "displayName": "Sales Agents"},
                {"@odata.type": "#microsoft.graph.directoryRole", "displayName": "Global Reader"},
                {"displayName": "Contact Center"}
            ]
        })
    }

    fn single(u: &GraphUser, name: &str) -> Option<String> {
        match u.attributes.get(name) {
            Some(SourceValue::Single(s)) => Some(s.clone()),
            _ => None,
        }
    }

    #[test]
    fn skipping_the_names_reads_the_same_attributes() {
        let flat = json!({"mail": "a@b", "department": "Sales"});
        for user in [adele(), flat] {
            let listed = read_user(&user, Lifecycle::Assigned).unwrap();
            let skipped = read_user_with(&user, Lifecycle::Assigned, Names::Skipped).unwrap();
            assert!(!listed.names.is_empty() && skipped.names.is_empty());
            assert_eq!(listed.attributes, skipped.attributes);
            assert_eq!(
                (listed.manager, listed.groups),
                (skipped.manager, skipped.groups)
            );
        }
    }

    #[test]
    fn graph_names_become_entra_names() {
        let u = read_user(&adele(), Lifecycle::Assigned).unwrap();
        assert!(u.from_graph);
        assert_eq!(
            single(&u, "telephoneNumber").as_deref(),
            Some("+1 425 555 0109")
        );
        assert_eq!(single(&u, "mobile").as_deref(), Some("+1 425 555 0111"));
        assert_eq!(
            single(&u, "objectId").as_deref(),
            Some("87d349ed-44d7-43e1-9a83-5f2406dee5bd")
        );
        assert_eq!(
            single(&u, "physicalDeliveryOfficeName").as_deref(),
            Some("18/2111")
        );
        assert_eq!(single(&u, "extensionAttribute1").as_deref(), Some("105"));
        assert_eq!(
            single(&u, "extension_9d98a0b3f8a84e2c_costCode").as_deref(),
            Some("CC-1")
        );
        assert_eq!(
            single(&u, "employeeOrgData.division").as_deref(),
            Some("Retail")
        );
        assert_eq!(single(&u, "IsSoftDeleted").as_deref(), Some("False"));
        assert_eq!(single(&u, "manager").as_deref(), Some("m-1"));
        assert_eq!(
            u.attributes.get("otherMails"),
            Some(&SourceValue::Multi(vec!["adele@fabrikam.com".into()]))
        );
        assert_eq!(u.attributes.get("facsimileTelephoneNumber"), None);
        assert_eq!(u.attributes.get("extensionAttribute2"), None);
        assert_eq!(
            u.manager.as_ref().unwrap().display_name.as_deref(),
            Some("Miriam Graham")
        );
        assert!(u.ignored.contains(&"identities".to_string()));
        assert_eq!(
            u.groups,
            vec!["Sales Agents".to_string(), "Contact Center".to_string()]
        );
        assert!(u.ignored.contains(&"@odata.context".to_string()));
        let phone = u
            .names
            .iter()
            .find(|n| n.entra == "telephoneNumber")
            .unwrap();
        assert!(phone.note.as_deref().unwrap().contains("first of 2"));
    }

    #[test]
    fn disabled_or_out_of_scope_is_soft_deleted() {
        let mut user = adele();
        user["accountEnabled"] = json!(false);
        let u = read_user(&user, Lifecycle::Assigned).unwrap();
        assert_eq!(single(&u, "IsSoftDeleted").as_deref(), Some("True"));
        assert_eq!(single(&u, "accountEnabled").as_deref(), Some("False"));
        let u = read_user(&adele(), Lifecycle::Unassigned).unwrap();
        assert_eq!(single(&u, "IsSoftDeleted").as_deref(), Some("True"));
    }

    #[test]
    fn flat_attributes_pass_through() {
        let u = read_user(
            &json!({"telephoneNumber": "+1 2", "IsSoftDeleted": "False"}),
            Lifecycle::Assigned,
        )
        .unwrap();
        assert!(!u.from_graph);
        assert_eq!(single(&u, "telephoneNumber").as_deref(), Some("+1 2"));
        assert_eq!(single(&u, "IsSoftDeleted").as_deref(), Some("False"));
        let u = read_user(&json!({"mail": "a@b"}), Lifecycle::SoftDeleted).unwrap();
        assert_eq!(single(&u, "IsSoftDeleted").as_deref(), Some("True"));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(read_user(&json!([1, 2]), Lifecycle::Assigned).is_err());
        let e = read_user(
            &json!({"accountEnabled": true, "manager": "bob"}),
            Lifecycle::Assigned,
        )
        .unwrap_err();
        assert!(e.message.contains("expand"));
        let e = read_user(
            &json!({"accountEnabled": true, "manager": {"displayName": "x"}}),
            Lifecycle::Assigned,
        )
        .unwrap_err();
        assert!(e.message.contains("no `id`"));
    }

    #[test]
    fn wrong_types_are_errors_naming_the_property() {
        let cases = [
            (
                json!({"accountEnabled": "false"}),
                "accountEnabled",
                "a JSON boolean",
            ),
            (
                json!({"accountEnabled": 0}),
                "accountEnabled",
                "a JSON boolean",
            ),
            (
                json!({"businessPhones": "+1 425 555 0109"}),
                "businessPhones",
                "an array of strings",
            ),
            (
                json!({"businessPhones": ["+1", 4255550109_u64]}),
                "businessPhones[1]",
                "a string, not a number",
            ),
            (
                json!({"accountEnabled": true, "employeeId": 4711}),
                "employeeId",
                "a string, not a number",
            ),
            (
                json!({"accountEnabled": true, "displayName": ["A"]}),
                "displayName",
                "a string, not an array",
            ),
            (
                json!({"accountEnabled": true, "memberOf": {"displayName": "x"}}),
                "memberOf",
                "an array",
            ),
            (
                json!({"accountEnabled": true, "memberOf": ["Sales"]}),
                "memberOf[0]",
                "directory object",
            ),
            (
                json!({"accountEnabled": true, "memberOf": [{"displayName": 5}]}),
                "memberOf[0].displayName",
                "a string",
            ),
            (
                json!({"accountEnabled": true, "manager": {"id": 7}}),
                "manager.id",
                "a string",
            ),
            (
                json!({"onPremisesExtensionAttributes": {"extensionAttribute1": 105}}),
                "onPremisesExtensionAttributes.extensionAttribute1",
                "a string, not a number",
            ),
            (
                json!({"accountEnabled": true, "employeeOrgData": "Retail"}),
                "employeeOrgData",
                "an object",
            ),
        ];
        for (user, property, needle) in cases {
            let e = read_user(&user, Lifecycle::Assigned).unwrap_err();
            assert_eq!(e.property, property, "{user}");
            assert!(e.message.contains(needle), "{user}: {e}");
            assert!(e.to_string().starts_with(&format!("`{property}`: ")), "{e}");
        }
        // "false" is never read as enabled.
        let e = read_user(
            &json!({"accountEnabled": "false", "mail": "a@b"}),
            Lifecycle::Assigned,
        )
        .unwrap_err();
        assert!(e.message.contains("\"false\""), "{e}");
        // Directory extensions and unknown properties stay lenient.
        let u = read_user(
            &json!({"accountEnabled": true, "extension_1_level": 3, "futureFlag": false}),
            Lifecycle::Assigned,
        )
        .unwrap();
        assert_eq!(single(&u, "extension_1_level").as_deref(), Some("3"));
        assert_eq!(single(&u, "futureFlag").as_deref(), Some("False"));
    }
}
