//! The User attributes Genesys Cloud's SCIM API accepts, as the Entra gallery app exposes them
//! and as Genesys's own API models define them.

use crate::scim::path::{TargetPath, ENTERPRISE_USER, GENESYS_USER};
use serde::Serialize;

/// How a target attribute's value is written in a request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TargetType {
    /// A JSON string.
    String,
    /// A JSON boolean in the POST body; Entra's default PATCH dialect sends "True"/"False".
    Boolean,
    /// A reference to another provisioned object (the manager): Entra sends its id in Genesys.
    Reference,
    /// A multi-valued attribute of complex values (roles, routing skills…).
    Complex,
}

/// One attribute of the Genesys User resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TargetAttribute {
    /// `None` = core schema; else the extension URN.
    pub schema: Option<&'static str>,
    /// The attribute's name as SCIM spells it, e.g. `phoneNumbers`, `division`.
    pub attribute: &'static str,
    /// How its value is written in a request body.
    pub kind: TargetType,
    /// Required when a user is created.
    pub required: bool,
    /// Entra can use it to match users (filterable in Genesys).
    pub matchable: bool,
    /// Where it lands in Genesys, in words.
    pub lands_in: &'static str,
}

const fn core(
    attribute: &'static str,
    kind: TargetType,
    required: bool,
    lands_in: &'static str,
) -> TargetAttribute {
    TargetAttribute {
        schema: None,
        attribute,
        kind,
        required,
        matchable: false,
        lands_in,
    }
}

const fn ext(
    schema: &'static str,
    attribute: &'static str,
    kind: TargetType,
    lands_in: &'static str,
) -> TargetAttribute {
    TargetAttribute {
        schema: Some(schema),
        attribute,
        kind,
        required: false,
        matchable: false,
        lands_in,
    }
}

/// Every user attribute Genesys Cloud accepts over SCIM.
pub static USER_ATTRIBUTES: &[TargetAttribute] = &[
    TargetAttribute {
        matchable: true,
        ..core(
            "userName",
            TargetType::String,
            true,
            "the user's main email, which is also the login",
        )
    },
    core(
        "active",
        TargetType::Boolean,
        true,
        "the user's state: active or inactive",
    ),
    core("displayName", TargetType::String, true, "the user's name"),
    core("title", TargetType::String, false, "the user's title"),
    core(
        "externalId",
        TargetType::String,
        false,
        "an external id with authority x-pc:scimv2:v1",
    ),
    core(
        "password",
        TargetType::String,
        false,
        "the password (write-only; random when absent)",
    ),
    core(
        "emails",
        TargetType::String,
        false,
        "work: the work email; other: the main email, read-only",
    ),
    core(
        "phoneNumbers",
        TargetType::String,
        false,
        "the phone of that type (work, work2-4, home, mobile, other; UC types land in Other)",
    ),
    core(
        "roles",
        TargetType::Complex,
        false,
        "role grants, matched by role name",
    ),
    ext(
        ENTERPRISE_USER,
        "department",
        TargetType::String,
        "the department",
    ),
    ext(
        ENTERPRISE_USER,
        "division",
        TargetType::String,
        "the division, by name (it is never created)",
    ),
    ext(
        ENTERPRISE_USER,
        "manager",
        TargetType::Reference,
        "the manager, by the manager's Genesys user id",
    ),
    ext(
        ENTERPRISE_USER,
        "employeeNumber",
        TargetType::String,
        "the HR employee id",
    ),
    ext(
        ENTERPRISE_USER,
        "dateHire",
        TargetType::String,
        "the hire date (YYYY-MM-DD)",
    ),
    ext(
        GENESYS_USER,
        "externalIds",
        TargetType::String,
        "an external id for an integration authority (microsoftteams, zoomphone, ringcentral)",
    ),
    ext(
        GENESYS_USER,
        "routingSkills",
        TargetType::Complex,
        "routing skills by case-sensitive name (at most 50)",
    ),
    ext(
        GENESYS_USER,
        "routingLanguages",
        TargetType::Complex,
        "routing languages by case-sensitive name (at most 50)",
    ),
];

/// The `type` values Genesys accepts in `emails[type eq "…"]`.
pub const EMAIL_TYPES: &[&str] = &["work", "other"];

/// The authorities Genesys knows in `externalIds[authority eq "…"]`.
pub const EXTERNAL_ID_AUTHORITIES: &[&str] = &["microsoftteams", "zoomphone", "ringcentral"];

/// At most this many routing skills, and as many languages, per user.
pub const MAX_ROUTING_ENTRIES: usize = 50;

/// The Genesys attribute a target path writes, if Genesys has it.
pub fn lookup(path: &TargetPath) -> Option<&'static TargetAttribute> {
    USER_ATTRIBUTES.iter().find(|a| {
        a.attribute.eq_ignore_ascii_case(&path.attribute)
            && match (a.schema, path.schema.as_deref()) {
                (None, None) => true,
                (None, Some(s)) => s.eq_ignore_ascii_case(crate::scim::path::CORE_USER),
                (Some(a), Some(s)) => a.eq_ignore_ascii_case(s),
                (Some(_), None) => false,
            }
    })
}

/// All target paths an admin can pick, as Entra writes them (for autocomplete).
pub fn suggested_paths() -> Vec<String> {
    let mut paths: Vec<String> = ["userName", "active", "displayName", "title", "externalId"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    paths.extend(
        EMAIL_TYPES
            .iter()
            .map(|t| format!("emails[type eq \"{t}\"].value")),
    );
    paths.extend(
        crate::phone::GENESYS_PHONE_TYPES
            .iter()
            .map(|t| format!("phoneNumbers[type eq \"{t}\"].value")),
    );
    paths.push("roles".into());
    for a in [
        "department",
        "division",
        "manager",
        "employeeNumber",
        "dateHire",
    ] {
        paths.push(format!("{ENTERPRISE_USER}:{a}"));
    }
    paths.extend(
        EXTERNAL_ID_AUTHORITIES
            .iter()
            .map(|a| format!("{GENESYS_USER}:externalIds[authority eq \"{a}\"].value")),
    );
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<&'static TargetAttribute> {
        lookup(&TargetPath::parse(text).unwrap())
    }

    #[test]
    fn finds_core_and_extension_attributes() {
        assert_eq!(find("active").unwrap().kind, TargetType::Boolean);
        assert!(find("userName").unwrap().matchable);
        assert_eq!(
            find("phoneNumbers[type eq \"work\"].value")
                .unwrap()
                .attribute,
            "phoneNumbers"
        );
        assert_eq!(
            find(&format!("{ENTERPRISE_USER}:manager")).unwrap().kind,
            TargetType::Reference
        );
        assert_eq!(
            find(&format!("{ENTERPRISE_USER}:manager.value"))
                .unwrap()
                .attribute,
            "manager"
        );
        assert_eq!(
            find("urn:ietf:params:scim:schemas:core:2.0:User:title")
                .unwrap()
                .attribute,
            "title"
        );
        assert!(
            find("name.givenName").is_none(),
            "Genesys has no name attribute"
        );
        assert!(
            find("department").is_none(),
            "department lives in the enterprise extension"
        );
    }

    #[test]
    fn required_attributes() {
        let required: Vec<_> = USER_ATTRIBUTES
            .iter()
            .filter(|a| a.required)
            .map(|a| a.attribute)
            .collect();
        assert_eq!(required, vec!["userName", "active", "displayName"]);
    }

    #[test]
    fn every_suggested_path_parses_and_is_known() {
        for p in suggested_paths() {
            let parsed = TargetPath::parse(&p).unwrap();
            assert!(lookup(&parsed).is_some(), "{p}");
        }
    }
}
