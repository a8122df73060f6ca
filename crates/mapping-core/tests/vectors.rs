//! The shared vectors (`../shared/vectors/`, beside the repository) through the same runner as
//! `scim-map vectors`.

use mapping_core::vectors::run_file;
use std::path::PathBuf;

fn shared(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/vectors")
        .join(name)
}

#[test]
fn expression_vectors_all_pass() {
    let report = run_file(&shared("expressions.json")).expect("the shared vectors are readable");
    let lines: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect();
    assert!(
        lines.is_empty(),
        "{} failures:\n{}",
        lines.len(),
        lines.join("\n")
    );
    assert_eq!(report.passed, 102, "every case of expressions.json ran");
}

#[test]
fn payload_vectors_all_pass() {
    let report = run_file(&shared("payloads.json")).expect("the shared vectors are readable");
    let lines: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect();
    assert!(
        lines.is_empty(),
        "{} failures:\n{}",
        lines.len(),
        lines.join("\n")
    );
    assert!(report.passed >= 2, "every case of payloads.json ran");
}
