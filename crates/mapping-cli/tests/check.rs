//! `scim-map check` end to end: outcomes, the last line scripts read, exit statuses, hostile
//! names in CSV and Markdown, unreadable inputs.

use serde_json::Value as Json;
use std::path::PathBuf;
use std::process::{Command, Output};

fn scim_map(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(args)
        .current_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/directory"
        ))
        .output()
        .expect("scim-map runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scim-map-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const FULL: &[&str] = &[
    "check",
    "--users",
    "users.graph.json",
    "--existing",
    "genesys-users.scim.json",
    "--schema",
    "scope.schema.json",
    "--assigned-groups",
    "Contact Centre Agents",
    "--genesys-groups",
    "genesys-groups.txt",
    "--after-mappings",
    "after.schema.json",
];

#[test]
fn the_last_line_counts_every_outcome_and_a_failure_exits_1() {
    let o = scim_map(FULL);
    let out = stdout(&o);
    assert_eq!(
        out.trim_end().lines().last().unwrap(),
        "8 users: 3 create, 1 update, 0 unchanged, 2 out of scope, 2 fail",
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out.contains("Mapping change: title sends 7 PATCHes"),
        "{out}"
    );
    assert!(
        out.contains("Group missing in Genesys: Night Shift"),
        "{out}"
    );
}

#[test]
fn json_has_a_record_per_user_with_the_update_patch() {
    let mut args = FULL.to_vec();
    args.push("--json");
    let o = scim_map(&args);
    let json: Json = serde_json::from_slice(&o.stdout).expect("JSON output");
    let users = json["users"].as_array().unwrap();
    assert_eq!(users.len(), 8);
    let soren = users
        .iter()
        .find(|u| u["userName"] == "soren.odegaard@contoso.example")
        .unwrap();
    assert_eq!(soren["outcome"], "update");
    assert_eq!(soren["changed"], serde_json::json!(["title"]));
    assert_eq!(soren["patch"]["Operations"][0]["value"], "Team Lead");
    let jose = users
        .iter()
        .find(|u| u["id"].as_str().unwrap().ends_with("06"))
        .unwrap();
    assert_eq!(jose["outcome"], "outOfScope");
    let finance = users
        .iter()
        .find(|u| u["id"].as_str().unwrap().ends_with("07"))
        .unwrap();
    assert!(finance["scope"].as_str().unwrap().contains("not assigned"));
    assert_eq!(json["summary"]["outcomes"]["fail"], 2);
    assert_eq!(json["summary"]["duplicateMatchingValueCount"], 1);
}

#[test]
fn csv_cells_cannot_be_formulas() {
    let mut args = FULL.to_vec();
    args.push("--csv");
    let o = scim_map(&args);
    let text = stdout(&o);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut seen = 0;
    for row in reader.records() {
        for cell in row.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 8);
    assert!(text.contains("'=HYPERLINK"), "{text}");
}

#[test]
fn markdown_escapes_hostile_names() {
    let users = temp_file(
        "hostile.ndjson",
        "{\"id\": \"1\", \"userPrincipalName\": \"a|b@x.example\", \"displayName\": \"<script>x</script>\", \"accountEnabled\": true, \"businessPhones\": [\"[click](http://evil)\"], \"usageLocation\": \"US\"}\n{\"id\": \"2\", \"userPrincipalName\": \"a|b@x.example\", \"accountEnabled\": true, \"usageLocation\": \"US\"}\n",
    );
    let o = scim_map(&["check", "--users", users.to_str().unwrap(), "--markdown"]);
    let md = stdout(&o);
    assert!(md.starts_with("# Go-live check"), "{md}");
    assert!(md.contains("a\\|b@x.example"), "{md}");
    // The phone value appears as a code span (inert); nowhere else can it make a link.
    let outside_code = md.replace("` [click](http://evil) `", "");
    assert!(!outside_code.contains("[click]("), "{md}");
    assert!(!md.contains("<script"), "{md}");
}

#[test]
fn unreadable_records_are_positioned_and_exit_2() {
    let users = temp_file("bad.ndjson", "{\"id\": \"1\", \"userPrincipalName\": \"a@x.example\", \"displayName\": \"A\", \"accountEnabled\": true}\n{\"id\": \n");
    let o = scim_map(&[
        "check",
        "--users",
        users.to_str().unwrap(),
        "--scope",
        "all",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.ndjson:2"), "{err}");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o)
        .trim_end()
        .ends_with("1 users: 1 create, 0 update, 0 unchanged, 0 out of scope, 0 fail"));
    let o = scim_map(&["check", "--users", "no-such-file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-file.json"));
}

#[test]
fn a_ready_directory_exits_0_and_warnings_can_fail_it() {
    let users = temp_file(
        "ok.json",
        r#"[{"id": "1", "userPrincipalName": "ok@x.example", "displayName": "Ok", "accountEnabled": true, "businessPhones": ["+1 425 555 0109"], "usageLocation": "US",
             "manager": {"id": "missing"}}]"#,
    );
    let o = scim_map(&["check", "--users", users.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let csv_users = temp_file(
        "ok.csv",
        "userPrincipalName,displayName,objectId,accountEnabled\nok@x.example,Ok,1,True\n",
    );
    let o = scim_map(&[
        "check",
        "--users",
        csv_users.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(stdout(&o).contains("1 users: 1 create"), "{}", stdout(&o));
}

#[test]
fn stdin_and_the_sample_directory() {
    let sample = scim_map(&["sample-directory", "--users", "50", "--seed", "7"]);
    assert_eq!(
        sample,
        scim_map(&["sample-directory", "--users", "50", "--seed", "7"])
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(["check", "--users", "-", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&sample.stdout)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let json: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["users"].as_array().unwrap().len(), 50);
    assert_eq!(json["summary"]["users"], 50);
}
