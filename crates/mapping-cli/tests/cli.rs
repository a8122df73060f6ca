//! The `scim-map` binary end to end: outputs, exit statuses, and clear errors for bad input.

use serde_json::Value as Json;
use std::path::PathBuf;
use std::process::{Command, Output};

fn scim_map(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("scim-map runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file in the repository's `examples/`.
fn example(name: &str) -> String {
    format!("../../examples/{name}")
}

/// Writes `text` to a fresh temporary file and returns its path.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-map-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn eval_prints_the_value() {
    let user = temp_file("u.json", r#"{"telephoneNumber": "+1 317 872 3000"}"#);
    let o = scim_map(&[
        "eval",
        "StripSpaces([telephoneNumber])",
        "--user",
        user.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "+13178723000\n");
}

#[test]
fn eval_errors_have_a_caret_and_exit_1() {
    let o = scim_map(&["eval", "Join(\",\", Mid([a], 1)"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error:") && err.contains('^'), "{err}");
}

#[test]
fn eval_json_and_fixed_clock() {
    let o = scim_map(&["eval", "Now()", "--now", "2024-02-29T13:05:00Z", "--json"]);
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["value"], "2/29/2024 1:05:00 PM");
    assert_eq!(json["outcome"], "flows");
}

#[test]
fn vectors_count_and_fail() {
    let file = temp_file(
        "v.json",
        r#"{"cases":[{"id":"a","expr":"\"x\"","expect":"x"},{"id":"b","expr":"\"x\"","expect":"y"}]}"#,
    );
    let o = scim_map(&["vectors", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("FAIL") && out.contains(" b: "), "{out}");
    assert!(out.trim_end().ends_with("1 passed, 1 failed"));
}

#[test]
fn preview_shows_the_lookup_and_the_post() {
    let o = scim_map(&["preview", "--user", &example("noor.graph.json"), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    let requests = json["requests"].as_array().unwrap();
    assert_eq!(
        requests[0]["path"],
        "/Users?filter=userName eq \"noor.haddad@contoso.com\""
    );
    assert_eq!(requests[1]["method"], "POST");
    assert_eq!(
        requests[1]["body"]["phoneNumbers"][0]["value"],
        "+13178723000"
    );
}

#[test]
fn preview_states_and_dialects() {
    let o = scim_map(&[
        "preview",
        "--user",
        &example("noor.graph.json"),
        "--state",
        "soft-deleted",
        "--dialect",
        "aadOptscim062020",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("PATCH /Users/{id}") && out.contains("\"value\": false"),
        "{out}"
    );
    let o = scim_map(&[
        "preview",
        "--user",
        &example("noor.graph.json"),
        "--state",
        "hard-deleted",
    ]);
    assert!(stdout(&o).contains("DELETE /Users/{id}"));
    let o = scim_map(&[
        "preview",
        "--user",
        &example("noor.graph.json"),
        "--state",
        "archived",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("expected one of assigned"));
}

#[test]
fn patch_in_both_dialects() {
    let args = [
        "patch",
        "--before",
        &example("noor.graph.json"),
        "--after",
        &example("noor-updated.graph.json"),
    ];
    let o = scim_map(&args);
    let out = stdout(&o);
    assert!(
        out.contains("\"op\": \"Replace\"") && out.contains("Team Lead"),
        "{out}"
    );
    assert!(out.contains("cleared-value-kept"), "{out}");
    let mut flagged = args.to_vec();
    flagged.extend(["--dialect", "aadOptscim062020"]);
    assert!(stdout(&scim_map(&flagged)).contains("\"op\": \"replace\""));
}

#[test]
fn phone_explains_and_suggests() {
    let o = scim_map(&["phone", "+1 317 872 3000", "--json"]);
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["e164"], "+13178723000");
    assert_eq!(json["verdict"], "Rejected");
    assert!(json["suggestion"]["expression"]
        .as_str()
        .unwrap()
        .contains("StripSpaces"));
}

#[test]
fn lint_exits_1_on_errors() {
    let o = scim_map(&["lint"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let bad = temp_file(
        "bad-mappings.json",
        r#"[{"targetAttributeName":"title","source":{"type":"Function","expression":"Jion([a])"}}]"#,
    );
    let o = scim_map(&["lint", "--mappings", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[expression]"));
}

#[test]
fn schema_export_then_import_round_trips() {
    let o = scim_map(&["schema", "export", "--mappings", "genesys-teams"]);
    let exported = temp_file("schema.json", &stdout(&o));
    let o = scim_map(&["schema", "import", exported.to_str().unwrap(), "--json"]);
    let set: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(set["mappings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["target"].as_str().unwrap().contains("microsoftteams")));
}

#[test]
fn bad_input_is_a_clear_error() {
    let broken = temp_file("broken.json", "{ \"id\": ");
    for args in [
        vec!["preview", "--user", broken.to_str().unwrap()],
        vec!["schema", "import", broken.to_str().unwrap()],
        vec!["preview", "--user", "no-such-file.json"],
        vec![
            "preview",
            "--user",
            &example("noor.graph.json"),
            "--mappings",
            "no-such-preset",
        ],
    ] {
        let o = scim_map(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with("error: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let not_a_schema = temp_file("numbers.json", "[1, 2, 3]");
    let o = scim_map(&["schema", "import", not_a_schema.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn preview_lists_the_findings_of_the_report_in_its_order() {
    // A mapping set with problems of every severity: lint's and the preview's findings together.
    let mut set = mapping_core::mapping::presets::genesys_default();
    set.mappings[8].source = "StripSpaces([telephoneNumber]".into();
    set.mappings
        .push(mapping_core::mapping::model::AttributeMapping::direct(
            "phoneNumbers[type eq \"fax\"].value",
            "mail",
        ));
    let set_file = temp_file("report-set.json", &serde_json::to_string(&set).unwrap());
    let user_path = example("noor.graph.json");
    let o = scim_map(&[
        "preview",
        "--user",
        &user_path,
        "--mappings",
        set_file.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed: Json = serde_json::from_str(&stdout(&o)).unwrap();

    let user: Json = serde_json::from_str(&std::fs::read_to_string(&user_path).unwrap()).unwrap();
    let preview =
        mapping_core::provision::preview(&user, &set, &mapping_core::provision::Options::default())
            .unwrap();
    let expected =
        mapping_core::report::merge(mapping_core::lint::lint(&set), preview.findings, Vec::new());
    assert!(expected.len() > 2, "{expected:?}");
    assert_eq!(
        printed["findings"],
        serde_json::to_value(&expected).unwrap()
    );
    // Errors first, and the broken expression is reported once though lint and the preview both
    // see it.
    let severities: Vec<&str> = printed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities[0], "error", "{severities:?}");
    let first_other = severities.iter().position(|s| *s != "error").unwrap();
    assert!(severities[first_other..].iter().all(|s| *s != "error"));
    let about_row_8 = printed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["row"] == 8 && f["field"] == "source")
        .map(|f| f["message"].as_str().unwrap())
        .collect::<Vec<_>>();
    let mut unique = about_row_8.clone();
    unique.dedup();
    assert_eq!(unique, about_row_8);
}
