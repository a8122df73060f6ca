//! The `scim-map` binary end to end: outputs, exit statuses, and clear errors for bad input.

use serde_json::Value as Json;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

/// Runs scim-map with `input` on standard input.
fn scim_map_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scim-map runs");
    let mut stdin = child.stdin.take().unwrap();
    // The command may stop reading early (an error); a failed write is then expected.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// Runs scim-map with standard output going to `stdout`.
fn scim_map_into(args: &[&str], stdout: impl Into<Stdio>) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scim-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("scim-map runs")
}

/// A mapping set with two rows writing `title` (rows 3 and 4) and an unknown function (row 6).
fn mappings_with_errors() -> PathBuf {
    temp_file(
        "mappings-with-errors.json",
        r#"[{"targetAttributeName":"userName","source":{"type":"Attribute","name":"userPrincipalName"},"matchingPriority":1},
 {"targetAttributeName":"displayName","source":{"type":"Attribute","name":"displayName"}},
 {"targetAttributeName":"title","source":{"type":"Attribute","name":"jobTitle"}},
 {"targetAttributeName":"title","source":{"type":"Attribute","name":"department"}},
 {"targetAttributeName":"active","source":{"type":"Function","expression":"Not([IsSoftDeleted])"}},
 {"targetAttributeName":"nickName","source":{"type":"Function","expression":"Jion([displayName])"}}]"#,
    )
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [
        vec!["schema", "export"],
        vec!["functions"],
        vec!["preview", "--user", "../../examples/noor.graph.json"],
        vec!["lint"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let o = scim_map_into(&args, writer);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
    // A command's own status survives: lint still says "errors" through a closed pipe.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let bad = mappings_with_errors();
    let o = scim_map_into(&["lint", "--mappings", bad.to_str().unwrap()], writer);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_with_status_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = scim_map_into(&["schema", "export"], full);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: writing to standard output: No space left on device"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn preview_and_patch_stop_on_lint_errors_with_row_numbers() {
    let bad = mappings_with_errors();
    let bad = bad.to_str().unwrap();
    let noor = example("noor.graph.json");
    let updated = example("noor-updated.graph.json");
    for args in [
        vec!["preview", "--user", &noor, "--mappings", bad],
        vec![
            "patch",
            "--before",
            &noor,
            "--after",
            &updated,
            "--mappings",
            bad,
        ],
    ] {
        let o = scim_map(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}: nothing is previewed");
        let err = stderr(&o);
        assert!(
            err.contains("error[duplicate-target] row 4 target: title is also written by row 3"),
            "{err}"
        );
        assert!(err.contains("error[expression] row 6 source"), "{err}");
        assert!(
            err.contains("mappings-with-errors.json: 2 errors") && err.contains("--allow-errors"),
            "{err}"
        );
    }
    let o = scim_map(&["preview", "--user", &noor, "--mappings", bad, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["errors"][0]["code"], "duplicate-target");
    assert_eq!(json["errors"][0]["row"], 3);
}

#[test]
fn allow_errors_goes_on_and_lists_the_errors() {
    let bad = mappings_with_errors();
    let o = scim_map(&[
        "preview",
        "--user",
        &example("noor.graph.json"),
        "--mappings",
        bad.to_str().unwrap(),
        "--allow-errors",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["requests"][1]["method"], "POST");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"duplicate-target") && codes.contains(&"expression"),
        "{codes:?}"
    );
}

#[test]
fn patch_refuses_state() {
    let o = scim_map(&[
        "patch",
        "--before",
        &example("noor.graph.json"),
        "--after",
        &example("noor.graph.json"),
        "--state",
        "disabled",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("patch --state disabled") && err.contains("preview --state"),
        "{err}"
    );
    // A disable is the after user's own accountEnabled.
    let disabled = temp_file(
        "noor-disabled.json",
        &std::fs::read_to_string(example("noor.graph.json"))
            .unwrap()
            .replace("\"accountEnabled\": true", "\"accountEnabled\": false"),
    );
    let o = scim_map(&[
        "patch",
        "--before",
        &example("noor.graph.json"),
        "--after",
        disabled.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    let ops = &json["requests"][0]["body"]["Operations"];
    assert!(
        ops.as_array()
            .unwrap()
            .iter()
            .any(|op| op["path"] == "active"),
        "{ops}"
    );
}

#[test]
fn vectors_exit_2_for_a_file_they_cannot_read_and_run_the_others() {
    let good = temp_file(
        "v-good.json",
        r#"{"cases":[{"id":"a","expr":"\"x\"","expect":"x"}]}"#,
    );
    let o = scim_map(&["vectors", "no-such-vectors.json", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: no-such-vectors.json: "),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("1 passed, 0 failed"), "{}", stdout(&o));
    let not_vectors = temp_file("v-bad.json", "[1]");
    let o = scim_map(&["vectors", not_vectors.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("v-bad.json: "), "{}", stderr(&o));
}

#[test]
fn genesys_groups_names_a_file_or_lists_groups() {
    let noor = example("noor.graph.json");
    for missing in ["no-such-groups.txt", "@no-such-groups", "./no-such-groups"] {
        let o = scim_map(&["preview", "--user", &noor, "--genesys-groups", missing]);
        assert_eq!(o.status.code(), Some(2), "{missing}");
        assert!(
            stderr(&o).contains(&format!("--genesys-groups {missing}: no such file")),
            "{}",
            stderr(&o)
        );
    }
    let groups = example("genesys-groups.txt");
    let at_file = format!("@{groups}");
    for list in [groups.as_str(), at_file.as_str()] {
        let o = scim_map(&[
            "preview",
            "--user",
            &noor,
            "--genesys-groups",
            list,
            "--json",
        ]);
        assert!(o.status.success(), "{list}: {}", stderr(&o));
        let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
        assert!(
            json["requests"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["path"].as_str().unwrap().starts_with("/Groups/")),
            "{list}: {json}"
        );
    }
}

#[test]
fn dash_reads_standard_input_everywhere() {
    let noor = std::fs::read_to_string(example("noor.graph.json")).unwrap();
    let o = scim_map_with_stdin(&["preview", "--user", "-", "--json"], &noor);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = scim_map_with_stdin(
        &[
            "patch",
            "--before",
            "-",
            "--after",
            &example("noor-updated.graph.json"),
        ],
        &noor,
    );
    assert!(stdout(&o).contains("Team Lead"), "{}", stderr(&o));
    let o = scim_map_with_stdin(&["lint", "--user", "-"], &noor);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = scim_map_with_stdin(
        &["eval", "[telephoneNumber]", "--user", "-"],
        r#"{"telephoneNumber": "12"}"#,
    );
    assert_eq!(stdout(&o), "12\n");
    let schema = stdout(&scim_map(&[
        "schema",
        "export",
        "--mappings",
        "genesys-teams",
    ]));
    let o = scim_map_with_stdin(&["schema", "import", "-", "--json"], &schema);
    assert!(stdout(&o).contains("microsoftteams"), "{}", stderr(&o));
    let o = scim_map_with_stdin(&["lint", "--mappings", "-"], &schema);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = scim_map_with_stdin(
        &["vectors", "-"],
        r#"{"cases":[{"id":"a","expr":"\"x\"","expect":"y"}]}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("FAIL <stdin> a: "), "{}", stdout(&o));
    let o = scim_map_with_stdin(
        &[
            "preview",
            "--user",
            &example("noor.graph.json"),
            "--genesys-groups",
            "-",
            "--json",
        ],
        "Care Agents\n",
    );
    assert!(stdout(&o).contains("/Groups/"), "{}", stderr(&o));
    // Standard input is read once.
    let o = scim_map_with_stdin(&["patch", "--before", "-", "--after", "-"], &noor);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("<stdin>: standard input can be read only once"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn eval_reads_a_graph_user_as_preview_does_and_shows_the_source() {
    let o = scim_map(&[
        "eval",
        "StripSpaces([telephoneNumber])",
        "--user",
        &example("noor.graph.json"),
        "--show-source",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("source attributes (read from a Microsoft Graph user):\n"),
        "{out}"
    );
    assert!(
        out.contains("  telephoneNumber = \"+1 317 872 3000\"  ← businessPhones"),
        "{out}"
    );
    assert!(out.contains("  IsSoftDeleted = \"False\""), "{out}");
    assert!(out.ends_with("\n+13178723000\n"), "{out}");
    let o = scim_map(&[
        "eval",
        "[objectId]",
        "--user",
        &example("noor.graph.json"),
        "--show-source",
        "--json",
    ]);
    let json: Json = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["source"]["telephoneNumber"], "+1 317 872 3000");
    assert_eq!(json["value"], json["source"]["objectId"]);
    assert!(json["value"].is_string());
}

#[test]
fn every_error_names_its_file_and_position() {
    let broken = temp_file("broken-user.json", "{\n  \"id\": ");
    for args in [
        vec!["preview", "--user", broken.to_str().unwrap()],
        vec!["eval", "[a]", "--user", broken.to_str().unwrap()],
        vec!["lint", "--user", broken.to_str().unwrap()],
        vec!["lint", "--mappings", broken.to_str().unwrap()],
        vec!["schema", "import", broken.to_str().unwrap()],
        vec!["vectors", broken.to_str().unwrap()],
    ] {
        let o = scim_map(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("broken-user.json: ") && err.contains("line 2 column"),
            "{args:?}: {err}"
        );
    }
    let not_a_user = temp_file("not-a-user.json", "\"text\"");
    for args in [
        vec!["preview", "--user", not_a_user.to_str().unwrap()],
        vec!["eval", "[a]", "--user", not_a_user.to_str().unwrap()],
        vec![
            "patch",
            "--before",
            &example("noor.graph.json"),
            "--after",
            not_a_user.to_str().unwrap(),
        ],
    ] {
        let o = scim_map(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with(&format!("error: {}: ", not_a_user.display())),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = scim_map_with_stdin(&["preview", "--user", "-"], "[1");
    assert!(
        stderr(&o).starts_with("error: <stdin>: not valid JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn default_domain_is_an_option_of_eval_preview_patch_and_lint() {
    let noor = example("noor.graph.json");
    let updated = example("noor-updated.graph.json");
    let commands: [Vec<&str>; 4] = [
        vec!["eval", "\"x\""],
        vec!["preview", "--user", &noor],
        vec!["patch", "--before", &noor, "--after", &updated],
        vec!["lint"],
    ];
    for args in &commands {
        let mut good = args.clone();
        good.extend(["--default-domain", "contoso.com"]);
        let o = scim_map(&good);
        assert!(o.status.success(), "{good:?}: {}", stderr(&o));
        let mut bad = args.clone();
        bad.extend(["--default-domain", "admin@contoso.com"]);
        let o = scim_map(&bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&o).contains("is not a domain name"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn help_describes_every_argument() {
    for command in ["eval", "preview", "patch", "phone", "lint", "vectors"] {
        let o = scim_map(&[command, "-h"]);
        assert!(o.status.success());
        let help = stdout(&o);
        // clap prints an argument without help as its name alone on the line.
        for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words.len() > 2, "{command}: {line:?} has no help");
        }
    }
    let help = stdout(&scim_map(&["preview", "--help"]));
    assert!(
        help.contains("--allow-errors") && help.contains("--default-domain"),
        "{help}"
    );
    let long = stdout(&scim_map(&["preview", "--help"]));
    assert!(long.contains("starts with `@`"), "{long}");
}

#[test]
fn functions_lists_45_and_default_domain_is_an_input() {
    let listed = stdout(&scim_map(&["functions"]));
    assert_eq!(listed.lines().count(), 45, "{listed}");
    assert!(listed.contains("Len(value)") && listed.contains("DefaultDomain()"));
    let with = scim_map(&[
        "eval",
        "Append(\"j@\", DefaultDomain())",
        "--default-domain",
        "contoso.com",
    ]);
    assert_eq!(stdout(&with).lines().next(), Some("j@contoso.com"));
    let without = scim_map(&["eval", "DefaultDomain()"]);
    assert_eq!(without.status.code(), Some(1));
    assert!(
        stderr(&without).contains("--default-domain"),
        "{}",
        stderr(&without)
    );
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
        "--allow-errors",
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
