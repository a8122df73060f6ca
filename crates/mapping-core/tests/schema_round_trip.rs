//! Mapping sets to and from Microsoft Graph synchronization schema JSON, on whole documents.
//!
//! The fixtures under `tests/fixtures/` are written for these tests:
//!
//! * `genesys_default_schema.json`: the `genesys-default` preset's rows that are on, in a schema of
//!   the "Genesys Cloud for Azure" gallery app, in Graph's own form (Groups mapping first);
//! * `genesys_scoped_with_extras.json`: a customised Genesys schema in Graph's form with a scope
//!   filter, unknown properties at every level, non-default `flowBehavior` and
//!   `exportMissingReferences`, and an inbound rule before the outbound one;
//! * `crm_like_schema.json`: another application's schema (Salesforce-style targets);
//! * `hand_written_object_mapping.json`: one objectMapping with rows as a person writes them for a
//!   PUT (no `expression`s: they are rebuilt from `parameters`);
//! * `bare_rows.json`: an `attributeMappings` array with odd but valid rows (multi-line
//!   expression, text that does not parse, minimal properties);
//! * `scim_app_schema.json`: shaped like the export of an Entra SCIM gallery app: one rule
//!   `USERGROUP_OUTBOUND_USERGROUP` whose objectMappings target
//!   `urn:ietf:params:scim:schemas:core:2.0:Group` and
//!   `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`, `flowTypes`, and scoping
//!   filters on both (the rows are the `genesys-default` preset's).

use mapping_core::mapping::schema_json::{
    export_mappings, export_schema, import, import_text, ImportOutcome, USER_MAPPING_POINTER_KEY,
};
use mapping_core::mapping::{presets, AttributeMapping, MappingKind, MappingSet};
use serde_json::{json, Value as Json};

const GENESYS_DEFAULT: &str = include_str!("fixtures/genesys_default_schema.json");
const GENESYS_SCOPED: &str = include_str!("fixtures/genesys_scoped_with_extras.json");
const CRM_LIKE: &str = include_str!("fixtures/crm_like_schema.json");
const HAND_WRITTEN: &str = include_str!("fixtures/hand_written_object_mapping.json");
const BARE_ROWS: &str = include_str!("fixtures/bare_rows.json");
const SCIM_APP: &str = include_str!("fixtures/scim_app_schema.json");

const ALL_FIXTURES: &[(&str, &str)] = &[
    ("genesys_default_schema", GENESYS_DEFAULT),
    ("genesys_scoped_with_extras", GENESYS_SCOPED),
    ("crm_like_schema", CRM_LIKE),
    ("hand_written_object_mapping", HAND_WRITTEN),
    ("bare_rows", BARE_ROWS),
    ("scim_app_schema", SCIM_APP),
];

/// The fixtures in Graph's own form: exporting their import gives them back exactly.
const GRAPH_FORM_FIXTURES: &[(&str, &str)] = &[
    ("genesys_default_schema", GENESYS_DEFAULT),
    ("genesys_scoped_with_extras", GENESYS_SCOPED),
    ("crm_like_schema", CRM_LIKE),
    ("scim_app_schema", SCIM_APP),
];

fn parse(text: &str) -> Json {
    serde_json::from_str(text).expect("fixture is JSON")
}

fn import_fixture(text: &str) -> ImportOutcome {
    import_text(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The `genesys-default` preset's rows that are on (what its exports hold).
fn genesys_default_rows_on() -> Vec<AttributeMapping> {
    presets::genesys_default()
        .mappings
        .into_iter()
        .filter(|m| m.enabled)
        .collect()
}

fn reimport(set: &MappingSet) -> MappingSet {
    import(&export_schema(set))
        .unwrap_or_else(|e| panic!("{e}"))
        .set
}

#[test]
fn every_fixture_survives_export_and_import() {
    for (name, text) in ALL_FIXTURES {
        let first = import_fixture(text).set;
        assert!(!first.mappings.is_empty(), "{name}");
        assert_eq!(reimport(&first), first, "{name}");
    }
}

#[test]
fn graph_form_fixtures_export_to_themselves() {
    for (name, text) in GRAPH_FORM_FIXTURES {
        let original = parse(text);
        let exported = export_schema(&import_fixture(text).set);
        assert_eq!(exported, original, "{name}");
    }
}

#[test]
fn graph_form_fixtures_keep_their_key_order() {
    for (name, text) in GRAPH_FORM_FIXTURES {
        let exported = export_schema(&import_fixture(text).set);
        let expected = serde_json::to_string_pretty(&parse(text)).expect("serialises");
        let actual = serde_json::to_string_pretty(&exported).expect("serialises");
        assert!(
            actual == expected,
            "{name}: the export's text differs from the fixture's"
        );
    }
}

#[test]
fn the_genesys_default_fixture_is_the_preset() {
    let outcome = import_fixture(GENESYS_DEFAULT);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    assert_eq!(outcome.set.mappings, genesys_default_rows_on());
    let fixture_rows = &parse(GENESYS_DEFAULT)["synchronizationRules"][0]["objectMappings"][1]
        ["attributeMappings"];
    assert_eq!(&export_mappings(&presets::genesys_default()), fixture_rows);
}

#[test]
fn the_genesys_default_fixture_records_where_the_users_are() {
    let envelope = import_fixture(GENESYS_DEFAULT)
        .set
        .envelope
        .expect("an envelope");
    assert_eq!(
        envelope[USER_MAPPING_POINTER_KEY],
        "/synchronizationRules/0/objectMappings/1"
    );
    let object_mappings = &envelope["synchronizationRules"][0]["objectMappings"];
    assert_eq!(object_mappings[1]["attributeMappings"], json!([]));
    assert_eq!(
        object_mappings[0]["attributeMappings"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
}

#[test]
fn the_scoped_fixture_keeps_scope_extras_and_the_outbound_rule() {
    let outcome = import_fixture(GENESYS_SCOPED);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    let set = &outcome.set;
    let envelope = set.envelope.as_ref().expect("an envelope");
    assert_eq!(
        envelope[USER_MAPPING_POINTER_KEY],
        "/synchronizationRules/1/objectMappings/0"
    );
    let rows = &set.mappings;
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0].target, "userName");
    assert_eq!(rows[0].source, "ToLower([userPrincipalName])");
    assert_eq!(rows[1].extra["flowBehavior"], "FlowAlways");
    assert_eq!(rows[2].extra["reviewedBy"], "it-ops");
    assert_eq!(rows[3].default_value.as_deref(), Some("Agent"));
    assert_eq!(rows[4].extra["exportMissingReferences"], true);
    assert_eq!(
        (rows[5].kind, rows[5].source.as_str()),
        (MappingKind::Constant, "Home")
    );
    assert_eq!(rows[7].matching_priority, 2);
    assert_eq!(rows[10].kind, MappingKind::None);
    assert_eq!(rows[10].extra["zNote"]["ticket"], 4711);

    let exported = export_schema(set);
    let users = &exported["synchronizationRules"][1]["objectMappings"][0];
    assert_eq!(users["scope"]["groups"][0]["name"], "Contact centre staff");
    assert_eq!(exported["tenantNote"], "kept as is");
    assert!(exported.get(USER_MAPPING_POINTER_KEY).is_none());
}

#[test]
fn edited_rows_land_in_the_right_object_mapping() {
    let mut set = import_fixture(GENESYS_SCOPED).set;
    set.mappings.truncate(2);
    set.mappings[1].enabled = false;
    set.mappings
        .push(AttributeMapping::direct("title", "jobTitle").only_on_create());
    let exported = export_schema(&set);
    let rules = &exported["synchronizationRules"];
    let users = &rules[1]["objectMappings"][0]["attributeMappings"];
    let targets: Vec<&str> = users
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["targetAttributeName"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(targets, ["userName", "title"]);
    assert_eq!(users[1]["flowType"], "ObjectAddOnly");
    let inbound = &rules[0]["objectMappings"][0]["attributeMappings"];
    assert_eq!(
        inbound,
        &parse(GENESYS_SCOPED)["synchronizationRules"][0]["objectMappings"][0]["attributeMappings"]
    );
}

#[test]
fn another_applications_schema_imports_with_warnings() {
    let outcome = import_fixture(CRM_LIKE);
    assert_eq!(outcome.set.mappings.len(), 9);
    assert_eq!(outcome.warnings.len(), 2, "{:?}", outcome.warnings);
    assert!(outcome.warnings[0].contains("\"salesforce.com\", not to Genesys Cloud"));
    assert!(outcome.warnings[1].starts_with("9 of 9 rows set attributes that are not SCIM paths"));
    let locale = &outcome.set.mappings[5];
    assert_eq!(
        locale.source,
        "Replace([preferredLanguage], \"-\", , , \"_\", , )"
    );
    assert_eq!(locale.default_value.as_deref(), Some("en_GB"));
}

#[test]
fn hand_written_rows_are_rebuilt_from_parameters() {
    let outcome = import_fixture(HAND_WRITTEN);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    let sources: Vec<&str> = outcome
        .set
        .mappings
        .iter()
        .map(|m| m.source.as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "userPrincipalName",
            "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")",
            "Coalesce([displayName], [mailNickname], \"(no name)\")",
            "IIF([usageLocation]=\"IE\", \"Dublin\", [city])",
            "Replace([telephoneNumber], \" \", , , \"\")",
            "Contact Centre",
            "",
        ]
    );
    for row in outcome
        .set
        .mappings
        .iter()
        .filter(|m| m.kind == MappingKind::Expression)
    {
        if let Err(problems) = mapping_core::compile(&row.source) {
            panic!("{}: {problems:?}", row.source);
        }
    }
    let division = &outcome.set.mappings[3];
    assert_eq!(division.default_value.as_deref(), Some("Home"));
    assert!(outcome.set.mappings.iter().all(|m| m.extra.is_empty()));
    let envelope = outcome.set.envelope.expect("an envelope");
    assert_eq!(
        envelope["synchronizationRules"][0]["objectMappings"][0]["name"],
        "Users (written by hand)"
    );
}

#[test]
fn bare_rows_keep_their_text() {
    let outcome = import_fixture(BARE_ROWS);
    let set = &outcome.set;
    assert_eq!(set.envelope, None);
    assert_eq!(set.mappings[0].matching_priority, 1);
    assert_eq!(set.mappings[1].source, "Not([IsSoftDeleted])");
    assert_eq!(
        set.mappings[2].source,
        "Join(\" \",\n  PCase([givenName]),\n  ToUpper([surname]))"
    );
    assert_eq!(set.mappings[2].extra["flowBehavior"], "FlowAlways");
    assert_eq!(set.mappings[3].source, "StripSpaces([telephoneNumber]");
    assert_eq!(
        (set.mappings[4].kind, set.mappings[4].source.as_str()),
        (MappingKind::Constant, "Genesys \"Cloud\"")
    );
    let exported = export_mappings(set);
    assert_eq!(
        exported[2]["source"]["parameters"][1]["value"]["expression"],
        "PCase([givenName])"
    );
}

#[test]
fn presets_export_to_a_schema_and_back() {
    for name in presets::PRESET_NAMES {
        let preset = presets::by_name(name).expect("a preset");
        let back = reimport(&preset);
        let rows_on: Vec<AttributeMapping> = preset
            .mappings
            .iter()
            .filter(|m| m.enabled)
            .cloned()
            .collect();
        assert_eq!(back, MappingSet::new(rows_on), "{name}");
    }
}

#[test]
fn documents_that_are_not_mappings_are_refused() {
    let user =
        json!({ "id": "0d7e", "displayName": "Ada", "userPrincipalName": "ada@example.org" });
    let e = import(&user).expect_err("a user is not a mapping");
    assert!(
        e.message
            .contains("expected a Microsoft Graph synchronization schema"),
        "{e}"
    );
    let e = import(&json!([1, 2, 3])).expect_err("numbers are not rows");
    assert_eq!(e.path, "[0]");
    let e = import_text("").expect_err("empty text");
    assert!(e.message.contains("not valid JSON"), "{e}");
}

#[cfg(not(target_arch = "wasm32"))]
mod any_json {
    use super::*;
    use mapping_core::mapping::FlowType;
    use proptest::prelude::*;

    fn any_json() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            prop::sample::select(vec![
                "User",
                "Group",
                "Attribute",
                "Constant",
                "Function",
                "Always",
                "Not",
                "Replace",
                "Find",
                "source",
                "[mail]",
                "Not([x])",
                "",
                "Mid(",
                "=",
            ])
            .prop_map(|s| json!(s)),
        ];
        let keys = prop::sample::select(vec![
            "synchronizationRules",
            "objectMappings",
            "attributeMappings",
            "sourceObjectName",
            "targetObjectName",
            "targetDirectoryName",
            "source",
            "targetAttributeName",
            "type",
            "name",
            "expression",
            "parameters",
            "key",
            "value",
            "flowType",
            "matchingPriority",
            "defaultValue",
            "enabled",
            "other",
        ]);
        leaf.prop_recursive(6, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
                prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|pairs| {
                    Json::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
                }),
            ]
        })
    }

    fn any_row() -> impl Strategy<Value = AttributeMapping> {
        let kind = prop_oneof![
            Just(MappingKind::Direct),
            Just(MappingKind::Constant),
            Just(MappingKind::Expression),
            Just(MappingKind::None),
        ];
        let text = prop::sample::select(vec![
            "Not([IsSoftDeleted])",
            "Replace([a], \"-\", , , \"_\", , )",
            "Switch([c], , \"A\", \"1\")",
            "IIF([c]=\"US\", Join(\",\", [a], [b]), Coalesce([d], \"x\"))",
            "InStr([a], \"b\", , vbTextCompare)",
            "Mid([a], 1, &H10)",
            "Join(\",\", [a]",
            "Frob([a], , [b])",
        ]);
        let flow = prop::sample::select(vec![
            FlowType::Always,
            FlowType::ObjectAddOnly,
            FlowType::ValueAddOnly,
        ]);
        (
            kind,
            text,
            "[a-z]{0,6}",
            proptest::option::of("[ -~]{0,6}"),
            flow,
            0u32..4,
        )
            .prop_map(
                |(kind, text, plain, default_value, flow_type, matching_priority)| {
                    let source = match kind {
                        MappingKind::Expression => text.to_string(),
                        MappingKind::None => String::new(),
                        _ => plain,
                    };
                    AttributeMapping {
                        target: "title".to_string(),
                        kind,
                        source,
                        default_value,
                        flow_type,
                        matching_priority,
                        enabled: true,
                        extra: Default::default(),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn importing_any_json_never_panics(doc in any_json()) {
            if let Ok(outcome) = import(&doc) {
                let again = import(&export_schema(&outcome.set));
                prop_assert!(again.is_ok());
            }
        }

        #[test]
        fn importing_any_text_never_panics(text in "\\PC{0,64}") {
            let _ = import_text(&text);
        }

        #[test]
        fn rows_survive_export_and_import(rows in prop::collection::vec(any_row(), 0..6)) {
            let set = MappingSet::new(rows);
            prop_assert_eq!(reimport(&set), set);
        }
    }
}

/// The same guarantees in a WASM build, whose stack is much smaller than a native thread's.
/// Run with `cargo test -p mapping-core --target wasm32-unknown-unknown --test schema_round_trip`.
#[cfg(target_arch = "wasm32")]
mod in_wasm {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn fixtures_round_trip_in_wasm() {
        every_fixture_survives_export_and_import();
        graph_form_fixtures_export_to_themselves();
    }

    #[wasm_bindgen_test]
    fn the_deepest_expression_exports_and_imports_in_wasm() {
        let depth = mapping_core::expr::MAX_NESTING;
        let text = format!("{}[flag]{}", "Not(".repeat(depth), ")".repeat(depth));
        let set = MappingSet::new(vec![AttributeMapping::expression("active", &text)]);
        let out = serde_json::to_string(&export_schema(&set)).expect("serialises");
        let back = import_text(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.set.mappings[0].source, text);
    }
}

#[test]
fn a_scim_apps_schema_imports_and_keeps_its_object_names() {
    let outcome = import_fixture(SCIM_APP);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    assert_eq!(outcome.set.mappings, genesys_default_rows_on());
    let envelope = outcome.set.envelope.as_ref().expect("an envelope");
    assert_eq!(
        envelope[USER_MAPPING_POINTER_KEY],
        "/synchronizationRules/0/objectMappings/1"
    );
    let exported = export_schema(&outcome.set);
    let rule = &exported["synchronizationRules"][0];
    assert_eq!(rule["name"], "USERGROUP_OUTBOUND_USERGROUP");
    assert_eq!(
        rule["objectMappings"][0]["targetObjectName"],
        "urn:ietf:params:scim:schemas:core:2.0:Group"
    );
    assert_eq!(
        rule["objectMappings"][1]["targetObjectName"],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    );
    assert_eq!(
        rule["objectMappings"][1]["scope"]["groups"][0]["name"],
        "Contact centre staff"
    );
    assert_eq!(
        rule["objectMappings"][1]["attributeMappings"],
        export_mappings(&presets::genesys_default())
    );
}

#[test]
fn a_scim_apps_user_object_mapping_imports_on_its_own() {
    let doc = parse(SCIM_APP);
    let users = doc["synchronizationRules"][0]["objectMappings"][1].clone();
    let outcome = import(&users).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome.set.mappings.len(), 8);
    let exported = export_schema(&outcome.set);
    assert_eq!(
        exported["synchronizationRules"][0]["objectMappings"][0]["targetObjectName"],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    );
    let groups = doc["synchronizationRules"][0]["objectMappings"][0].clone();
    let e = import(&groups).unwrap_err();
    assert!(e.to_string().contains("not the User mapping"), "{e}");
}
