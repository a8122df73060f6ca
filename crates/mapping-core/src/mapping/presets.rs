//! The built-in mapping sets.
//!
//! * `genesys-default` ([`genesys_default`]): the user mappings of Genesys Cloud's article on
//!   configuring Microsoft Entra ID for Genesys Cloud SCIM, row for row and in its order, on the
//!   targets of Entra's "Genesys Cloud for Azure" gallery app.
//! * `genesys-teams` ([`genesys_teams`], also `teams`): the same plus the two rows Genesys asks
//!   for when the Microsoft Teams integration is used.

use super::model::{AttributeMapping, MappingSet};

/// The names [`by_name`] knows, in the order a picker should list them.
pub const PRESET_NAMES: &[&str] = &["genesys-default", "genesys-teams"];

/// The SCIM enterprise extension's manager. The article writes `…:User:manager.value`, but the
/// gallery app's target is the Reference attribute `…:User:manager`: Entra resolves the
/// reference to the manager's id in the target and sends it as `{"value": id}` itself, so `.value`
/// describes the payload, not a target a mapping can name.
pub const ENTERPRISE_MANAGER: &str =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";

/// The SCIM enterprise extension's department.
pub const ENTERPRISE_DEPARTMENT: &str =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";

/// The division, by name; Genesys Cloud looks the division up and does not create it.
pub const ENTERPRISE_DIVISION: &str =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division";

/// The work email.
pub const WORK_EMAIL: &str = "emails[type eq \"work\"].value";

/// The work phone.
pub const WORK_PHONE: &str = "phoneNumbers[type eq \"work\"].value";

/// The second work phone.
pub const WORK2_PHONE: &str = "phoneNumbers[type eq \"work2\"].value";

/// The Microsoft Teams phone (Genesys Cloud's "Other" phone).
pub const TEAMS_PHONE: &str = "phoneNumbers[type eq \"microsoftteams\"].value";

/// The user's external id for the `microsoftteams` authority, which links the Genesys Cloud user
/// to the Teams user. Written with double quotes, as Genesys's Teams article has it; Microsoft's
/// gallery app page lists it with single quotes (`authority eq 'microsoftteams'`).
pub const TEAMS_EXTERNAL_ID: &str = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:externalIds[authority eq \"microsoftteams\"].value";

/// Genesys Cloud's recommended user mappings for Entra ID, in the article's order. Rows the
/// article leaves to the customer (division, second work phone) are present but off, with a
/// placeholder source.
pub fn genesys_default() -> MappingSet {
    MappingSet::new(vec![
        AttributeMapping::direct("userName", "userPrincipalName").matching(1),
        AttributeMapping::expression("active", "Not([IsSoftDeleted])"),
        AttributeMapping::direct("displayName", "displayName"),
        AttributeMapping::direct("title", "jobTitle"),
        AttributeMapping::direct(ENTERPRISE_MANAGER, "manager"),
        AttributeMapping::direct(ENTERPRISE_DEPARTMENT, "department"),
        // The source of the division is the customer's choice (the article says
        // "customer-dependent"); `companyName` is only a placeholder, so the row starts off.
        AttributeMapping::direct(ENTERPRISE_DIVISION, "companyName").off(),
        AttributeMapping::direct(WORK_EMAIL, "mail"),
        AttributeMapping::expression(WORK_PHONE, "StripSpaces([telephoneNumber])"),
        // Customer-dependent too; the article's advice for phone rows is StripSpaces, and the
        // mobile number is only a placeholder source, so the row starts off.
        AttributeMapping::expression(WORK2_PHONE, "StripSpaces([mobile])").off(),
    ])
}

/// [`genesys_default`] plus the Microsoft Teams integration's two rows, Direct as Genesys's
/// Teams article lists them.
pub fn genesys_teams() -> MappingSet {
    let mut set = genesys_default();
    set.mappings.extend([
        AttributeMapping::direct(TEAMS_PHONE, "telephoneNumber"),
        AttributeMapping::direct(TEAMS_EXTERNAL_ID, "objectId"),
    ]);
    set
}

/// A preset by name (`genesys-default`, `genesys-teams` or `teams`; case and surrounding spaces
/// ignored).
pub fn by_name(name: &str) -> Option<MappingSet> {
    match name.trim().to_ascii_lowercase().as_str() {
        "genesys-default" => Some(genesys_default()),
        "genesys-teams" | "teams" => Some(genesys_teams()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::model::{FlowType, MappingKind};

    /// Asserts one row: target, kind, source, on/off and matching precedence.
    fn assert_row(
        row: &AttributeMapping,
        target: &str,
        kind: MappingKind,
        source: &str,
        enabled: bool,
        matching: u32,
    ) {
        assert_eq!(row.target, target);
        assert_eq!(row.kind, kind, "{target}");
        assert_eq!(row.source, source, "{target}");
        assert_eq!(row.enabled, enabled, "{target}");
        assert_eq!(row.matching_priority, matching, "{target}");
        assert_eq!(row.flow_type, FlowType::Always, "{target}");
        assert_eq!(row.default_value, None, "{target}");
        assert!(row.extra.is_empty(), "{target}");
    }

    #[test]
    fn default_has_the_articles_ten_rows_in_order() {
        let set = genesys_default();
        assert_eq!(set.mappings.len(), 10);
        assert_eq!(set.envelope, None);
    }

    #[test]
    fn default_user_name_is_the_only_matching_row() {
        let set = genesys_default();
        assert_row(
            &set.mappings[0],
            "userName",
            MappingKind::Direct,
            "userPrincipalName",
            true,
            1,
        );
        let matching: Vec<&str> = set
            .matching()
            .iter()
            .map(|(_, m)| m.target.as_str())
            .collect();
        assert_eq!(matching, vec!["userName"]);
    }

    #[test]
    fn default_active_and_name_rows() {
        let rows = genesys_default().mappings;
        assert_row(
            &rows[1],
            "active",
            MappingKind::Expression,
            "Not([IsSoftDeleted])",
            true,
            0,
        );
        assert_row(
            &rows[2],
            "displayName",
            MappingKind::Direct,
            "displayName",
            true,
            0,
        );
        assert_row(&rows[3], "title", MappingKind::Direct, "jobTitle", true, 0);
    }

    #[test]
    fn default_enterprise_rows() {
        let rows = genesys_default().mappings;
        assert_row(
            &rows[4],
            ENTERPRISE_MANAGER,
            MappingKind::Direct,
            "manager",
            true,
            0,
        );
        assert!(!rows[4].target.ends_with(".value"));
        assert_row(
            &rows[5],
            ENTERPRISE_DEPARTMENT,
            MappingKind::Direct,
            "department",
            true,
            0,
        );
        assert_row(
            &rows[6],
            ENTERPRISE_DIVISION,
            MappingKind::Direct,
            "companyName",
            false,
            0,
        );
    }

    #[test]
    fn default_contact_rows() {
        let rows = genesys_default().mappings;
        assert_row(
            &rows[7],
            "emails[type eq \"work\"].value",
            MappingKind::Direct,
            "mail",
            true,
            0,
        );
        assert_row(
            &rows[8],
            "phoneNumbers[type eq \"work\"].value",
            MappingKind::Expression,
            "StripSpaces([telephoneNumber])",
            true,
            0,
        );
        assert_row(
            &rows[9],
            "phoneNumbers[type eq \"work2\"].value",
            MappingKind::Expression,
            "StripSpaces([mobile])",
            false,
            0,
        );
    }

    #[test]
    fn default_has_eight_rows_on() {
        assert_eq!(genesys_default().enabled().count(), 8);
    }

    #[test]
    fn teams_adds_two_rows_after_the_default() {
        let teams = genesys_teams();
        assert_eq!(teams.mappings.len(), 12);
        assert_eq!(teams.mappings[..10], genesys_default().mappings[..]);
        assert_row(
            &teams.mappings[10],
            "phoneNumbers[type eq \"microsoftteams\"].value",
            MappingKind::Direct,
            "telephoneNumber",
            true,
            0,
        );
        assert_row(
            &teams.mappings[11],
            "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:externalIds[authority eq \"microsoftteams\"].value",
            MappingKind::Direct,
            "objectId",
            true,
            0,
        );
    }

    #[test]
    fn presets_by_name() {
        assert_eq!(by_name("genesys-default"), Some(genesys_default()));
        assert_eq!(by_name("genesys-teams"), Some(genesys_teams()));
        assert_eq!(by_name("teams"), Some(genesys_teams()));
        assert_eq!(by_name(" Genesys-Default "), Some(genesys_default()));
        assert_eq!(by_name("okta"), None);
        assert_eq!(by_name(""), None);
        for name in PRESET_NAMES {
            assert!(by_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn every_preset_row_compiles() {
        for name in PRESET_NAMES {
            let set = by_name(name).expect("a preset");
            for row in &set.mappings {
                let text = row.expression_text().expect("no None rows in presets");
                if let Err(problems) = crate::compile(&text) {
                    panic!("{name} {}: {text}: {problems:?}", row.target);
                }
            }
        }
    }

    #[test]
    fn every_preset_target_is_a_scim_path() {
        for name in PRESET_NAMES {
            for row in by_name(name).expect("a preset").mappings {
                assert!(
                    crate::mapping::schema_json::is_scim_path(&row.target),
                    "{}",
                    row.target
                );
            }
        }
    }
}
