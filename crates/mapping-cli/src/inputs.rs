//! Reading the CLI's input files: users, mapping sets, lists.

use mapping_core::mapping::model::MappingSet;
use mapping_core::mapping::{presets, schema_json};
use serde_json::Value as Json;
use std::path::Path;

/// Reads and parses a JSON file, with the file name in every error.
pub fn json_file(path: &Path) -> Result<Json, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not valid JSON: {e}", path.display()))
}

/// A preset name (`genesys-default`, `genesys-teams`) or a file: Microsoft Graph synchronization
/// schema JSON, a bare `attributeMappings` array, or a mapping set saved by this tool.
pub fn mappings(arg: Option<&str>) -> Result<MappingSet, String> {
    let arg = arg.unwrap_or("genesys-default");
    if let Some(set) = presets::by_name(arg) {
        return Ok(set);
    }
    let path = Path::new(arg);
    if !path.exists() {
        return Err(format!(
            "{arg}: no such file, and not a preset ({})",
            presets::PRESET_NAMES.join(", ")
        ));
    }
    let json = json_file(path)?;
    if json.get("mappings").is_some_and(Json::is_array) {
        return serde_json::from_value(json).map_err(|e| format!("{arg}: not a mapping set: {e}"));
    }
    let outcome = schema_json::import(&json).map_err(|e| format!("{arg}: {e}"))?;
    for warning in &outcome.warnings {
        eprintln!("warning: {arg}: {warning}");
    }
    Ok(outcome.set)
}

/// A list given inline (`a,b,c`) or as a file with one name per line.
pub fn names(arg: &str) -> Result<Vec<String>, String> {
    let path = Path::new(arg);
    let text = if path.is_file() {
        std::fs::read_to_string(path).map_err(|e| format!("{arg}: {e}"))?
    } else {
        arg.replace(',', "\n")
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

/// `objectId=genesysId` pairs, inline (comma-separated) or one per line in a file.
pub fn provisioned(arg: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    names(arg)?
        .into_iter()
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => Ok((k.trim().to_string(), v.trim().to_string())),
            None => Err(format!("--provisioned: {pair:?} is not entraId=genesysId")),
        })
        .collect()
}
