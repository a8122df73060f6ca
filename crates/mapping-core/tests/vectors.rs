//! The shared vectors (`../shared/vectors/`, beside the repository) through the same runner as
//! `scim-map vectors`.

use mapping_core::vectors::{run_file, Report};
use std::path::PathBuf;

/// Runs one shared file and fails with every failing case listed.
fn run_shared(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/vectors")
        .join(name);
    let report = run_file(&path).expect("the shared vectors are readable");
    let lines: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect();
    assert!(
        lines.is_empty(),
        "{name}: {} failures:\n{}",
        lines.len(),
        lines.join("\n")
    );
    report
}

#[test]
fn expression_vectors_all_pass() {
    assert_eq!(
        run_shared("expressions.json").passed,
        102,
        "every case of expressions.json ran"
    );
}

#[test]
fn payload_vectors_all_pass() {
    assert!(
        run_shared("payloads.json").passed >= 2,
        "every case of payloads.json ran"
    );
}
