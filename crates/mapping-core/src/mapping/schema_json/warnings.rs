//! What an import that worked says when the document looks wrong, and [`is_scim_path`].

use serde_json::Value as Json;

use super::error::code_list;
use super::fields::Object;
use crate::mapping::model::AttributeMapping;

/// SCIM core User attributes (RFC 7643 §4.1): a target whose first segment is one of these, or
/// that starts with a SCIM schema URN, is a SCIM path.
const SCIM_USER_ATTRIBUTES: &[&str] = &[
    "id",
    "externalId",
    "userName",
    "name",
    "displayName",
    "nickName",
    "profileUrl",
    "title",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "active",
    "password",
    "emails",
    "phoneNumbers",
    "ims",
    "photos",
    "addresses",
    "groups",
    "entitlements",
    "roles",
    "x509Certificates",
];

pub(super) fn target_directory_warning(rule: &Object) -> Option<String> {
    let name = rule.get("targetDirectoryName")?.as_str()?;
    let lower = name.to_ascii_lowercase();
    let genesys = lower.contains("genesys") || lower.contains("purecloud");
    (!genesys).then(|| {
        format!(
            "this schema provisions to \"{name}\", not to Genesys Cloud; the preview shows what \
             Genesys Cloud's SCIM API would receive from these rows"
        )
    })
}

pub(super) fn disabled_warning(object_mapping: &Object) -> Option<String> {
    (object_mapping.get("enabled") == Some(&Json::Bool(false))).then(|| {
        "the User objectMapping is disabled (`enabled: false`): Entra provisions no users with it"
            .to_string()
    })
}

pub(super) fn non_scim_warning(rows: &[AttributeMapping]) -> Option<String> {
    let foreign: Vec<&str> = rows
        .iter()
        .map(|row| row.target.as_str())
        .filter(|target| !is_scim_path(target))
        .collect();
    if foreign.is_empty() {
        return None;
    }
    Some(format!(
        "{} of {} rows set attributes that are not SCIM paths ({}); Genesys Cloud only \
         understands SCIM attributes, so this may be another application's mapping",
        foreign.len(),
        rows.len(),
        code_list(&foreign, 3)
    ))
}

/// Whether a target attribute is a SCIM path: a core User attribute (`userName`,
/// `emails[type eq "work"].value`, `name.givenName`…, case as RFC 7643 writes it) or anything
/// under a SCIM schema URN (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`).
pub fn is_scim_path(target: &str) -> bool {
    let target = target.trim();
    if target.starts_with("urn:ietf:params:scim:schemas:") {
        return true;
    }
    let first = target.split(['[', '.']).next().unwrap_or(target);
    SCIM_USER_ATTRIBUTES.contains(&first)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::is_scim_path;
    use crate::mapping::schema_json::test_support::{attr, import_ok, schema, user_mapping};

    #[test]
    fn warns_about_another_applications_schema() {
        let om = user_mapping(json!([
            { "source": attr("mail"), "targetAttributeName": "Email" },
            { "source": attr("upn"), "targetAttributeName": "userName" }
        ]));
        let outcome = import_ok(schema(
            json!([{ "objectMappings": [om], "targetDirectoryName": "ServiceNow" }]),
        ));
        assert_eq!(outcome.warnings.len(), 2, "{:?}", outcome.warnings);
        assert!(outcome.warnings[0].contains("\"ServiceNow\", not to Genesys Cloud"));
        assert!(outcome.warnings[1]
            .starts_with("1 of 2 rows set attributes that are not SCIM paths (`Email`)"));
    }

    #[test]
    fn warns_about_a_disabled_object_mapping() {
        let om = json!({ "attributeMappings": [], "enabled": false, "sourceObjectName": "User" });
        let warnings = import_ok(om).warnings;
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("disabled"));
    }

    #[test]
    fn scim_paths() {
        for ok in [
            "userName",
            "emails[type eq \"work\"].value",
            "name.givenName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        ] {
            assert!(is_scim_path(ok), "{ok}");
        }
        for foreign in ["Email", "IsActive", "Username", "u_department", ""] {
            assert!(!is_scim_path(foreign), "{foreign}");
        }
    }
}
