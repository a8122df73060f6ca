//! `scim-map schema import|export`: Microsoft Graph synchronization schema JSON in and out.

use crate::args::MappingsArg;
use crate::inputs;
use mapping_core::mapping::schema_json;
use std::path::Path;
use std::process::ExitCode;

/// Reads a Graph schema (or attributeMappings array) and prints the rows, or the mapping set as
/// JSON for `--mappings` of the other commands.
pub fn import(file: &Path, json: bool) -> ExitCode {
    let name = inputs::name(file);
    let result = inputs::json_file(file)
        .and_then(|j| schema_json::import(&j).map_err(|e| format!("{name}: {e}")));
    let outcome = match result {
        Ok(o) => o,
        Err(e) => {
            errln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for w in &outcome.warnings {
        errln!("warning: {name}: {w}");
    }
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&outcome.set).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for (i, m) in outcome.set.mappings.iter().enumerate() {
        let matching = if m.matching_priority > 0 {
            format!("  match #{}", m.matching_priority)
        } else {
            String::new()
        };
        let default = m
            .default_value
            .as_deref()
            .map(|d| format!("  default {d:?}"))
            .unwrap_or_default();
        outln!(
            "{:>2}. {:<70} ← {:?} {}  ({}){matching}{default}",
            i + 1,
            m.target,
            m.kind,
            m.source,
            m.flow_type.as_str()
        );
    }
    ExitCode::SUCCESS
}

/// Prints a mapping set (a preset or a file) as Graph schema JSON, or the bare array.
pub fn export(mappings: &MappingsArg, bare: bool) -> ExitCode {
    match mappings.read() {
        Ok(set) => {
            let json = if bare {
                schema_json::export_mappings(&set)
            } else {
                schema_json::export_schema(&set)
            };
            outln!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
