//! `scim-map lesson` end to end: list, show, start, and check with exit 0 / 1 / 2.

use serde_json::Value as Json;
use std::path::PathBuf;
use std::process::{Command, Output};

fn scim_map(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(args)
        .output()
        .expect("scim-map runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-map-lesson-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn list_json_has_every_lesson() {
    let o = scim_map(&["lesson", "list", "--json"]);
    assert!(o.status.success());
    let list: Json = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() >= 12, "{ids:?}");
    assert!(ids.contains(&"number-and-extension") && ids.contains(&"region"));
    let text = stdout(&scim_map(&["lesson", "list"]));
    assert!(text.contains("strip-spaces") && text.contains("Phone numbers with spaces"));
}

#[test]
fn show_prints_situation_goal_and_hints() {
    let o = scim_map(&["lesson", "show", "groups"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("Situation:") && out.contains("Goal:") && out.contains("  1. "),
        "{out}"
    );
    let o = scim_map(&["lesson", "show", "no-such-lesson"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("default-rows"));
}

#[test]
fn the_starting_set_is_not_yet_solved() {
    let start = stdout(&scim_map(&["lesson", "start", "strip-spaces"]));
    let file = temp_file("start.json", &start);
    let o = scim_map(&[
        "lesson",
        "check",
        "strip-spaces",
        "--mappings",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("FAIL the work phone flows without spaces"));
}

#[test]
fn an_edited_set_solves_the_lesson() {
    let start = stdout(&scim_map(&["lesson", "start", "number-and-extension"]));
    let switch = r#"Switch(StripSpaces([extensionAttribute1]), Join(\";ext=\", Append(\"tel:\", StripSpaces([telephoneNumber])), StripSpaces([extensionAttribute1])), \"\", StripSpaces([telephoneNumber]))"#;
    let mut set: Json = serde_json::from_str(&start).unwrap();
    for row in set["mappings"].as_array_mut().unwrap() {
        if row["target"] == "phoneNumbers[type eq \"work2\"].value" {
            row["source"] = Json::String(serde_json::from_str(&format!("\"{switch}\"")).unwrap());
        }
    }
    let file = temp_file("solved.json", &set.to_string());
    let o = scim_map(&[
        "lesson",
        "check",
        "number-and-extension",
        "--mappings",
        file.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let report: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["solved"], true);
    assert!(report["explanation"].as_str().unwrap().contains("Switch"));
}

#[test]
fn options_solve_option_lessons() {
    let o = scim_map(&[
        "lesson",
        "check",
        "groups",
        "--mappings",
        "genesys-default",
        "--groups",
        "care agents,Support Tier 1,quality",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Solved."));
    let o = scim_map(&[
        "lesson",
        "check",
        "region",
        "--tenant-url",
        "https://api.mypurecloud.de/api/v2/scim/v2",
        "--token-url",
        "https://login.mypurecloud.com/oauth/token",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("belongs to Americas (US East)"),
        "{}",
        stdout(&o)
    );
    let o = scim_map(&[
        "lesson",
        "check",
        "leaving",
        "--mappings",
        "genesys-default",
        "--state",
        "disabled",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let scope = temp_file(
        "scope.json",
        r#"{"syncAll": true, "filters": [{"clauses": [{"attribute": "department", "operator": "EQUALS", "value": "Customer Care"}]}]}"#,
    );
    let o = scim_map(&[
        "lesson",
        "check",
        "scope",
        "--scope",
        scope.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn unreadable_input_exits_2() {
    let bad = temp_file("bad.json", "{ not json");
    let o = scim_map(&[
        "lesson",
        "check",
        "teams",
        "--mappings",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not valid JSON"));
    let o = scim_map(&["lesson", "check", "leaving", "--state", "retired"]);
    assert_eq!(o.status.code(), Some(2));
    let o = scim_map(&["lesson", "check", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    let attempt = temp_file("attempt.json", r#"{"mappings": 3}"#);
    let o = scim_map(&[
        "lesson",
        "check",
        "teams",
        "--attempt",
        attempt.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn connect_prints_the_token_request_with_the_secret_from_the_environment() {
    let o = Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args([
            "connect",
            "--region",
            "Frankfurt",
            "--client-id",
            "abc",
            "--json",
        ])
        .env("GENESYS_CLIENT_SECRET", "it's $ecret")
        .output()
        .unwrap();
    assert!(o.status.success());
    let out: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["tokenUrl"], "https://login.mypurecloud.de/oauth/token");
    assert_eq!(
        out["tenantUrl"],
        "https://api.mypurecloud.de/api/v2/scim/v2/"
    );
    let curl = out["tokenRequest"]["curl"].as_str().unwrap();
    assert!(curl.contains("--user 'abc:it'\\''s $ecret'"), "{curl}");
    assert_eq!(out["testConnection"][0]["expectedStatus"], 200);
    let o = scim_map(&["connect", "--region", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    let o = scim_map(&["connect", "--region", "Sydney"]);
    assert!(stdout(&o).contains("https://login.mypurecloud.com.au/oauth/token"));
}
