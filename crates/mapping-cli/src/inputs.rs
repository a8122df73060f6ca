//! Reading the CLI's inputs: users, mapping sets, lists, any text file. `-` reads standard input
//! wherever a file is read (once per run), and every error names the file — `<stdin>` for
//! standard input — and the position where there is one.

use mapping_core::graph::{read_user, GraphUser, Lifecycle};
use mapping_core::mapping::model::MappingSet;
use mapping_core::mapping::{presets, schema_json};
use serde_json::Value as Json;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// The argument that means "standard input".
pub const STDIN: &str = "-";

/// Whether standard input has been read already.
static STDIN_READ: AtomicBool = AtomicBool::new(false);

/// How errors name an input: its path, or `<stdin>`.
pub fn name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// The whole text of a file, or of standard input for `-`.
pub fn text(path: &Path) -> Result<String, String> {
    if !is_stdin(path) {
        return std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", name(path)));
    }
    if STDIN_READ.swap(true, Ordering::SeqCst) {
        return Err(
            "<stdin>: standard input can be read only once; give the other inputs as files".into(),
        );
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("<stdin>: {e}"))?;
    Ok(text)
}

/// A JSON file (or standard input); a syntax error says where (line and column).
pub fn json_file(path: &Path) -> Result<Json, String> {
    let text = text(path)?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not valid JSON: {e}", name(path)))
}

/// A user: a Microsoft Graph user object or flat source attributes, read as the provisioning
/// engine reads it (`state` decides `IsSoftDeleted`). Returns the JSON too, for the engine.
pub fn user(path: &Path, state: Lifecycle) -> Result<(Json, GraphUser), String> {
    let json = json_file(path)?;
    let user = read_user(&json, state).map_err(|e| format!("{}: {e}", name(path)))?;
    Ok((json, user))
}

/// The preset used when `--mappings` is not given.
pub const DEFAULT_PRESET: &str = "genesys-default";

/// How errors name the `--mappings` value: the preset, the file, or `<stdin>`.
pub fn mappings_name(arg: Option<&str>) -> String {
    name(Path::new(arg.unwrap_or(DEFAULT_PRESET)))
}

/// A preset name (`genesys-default`, `genesys-teams`) or a file (`-` for standard input):
/// Microsoft Graph synchronization schema JSON, a bare `attributeMappings` array, or a mapping
/// set saved by this tool.
pub fn mappings(arg: Option<&str>) -> Result<MappingSet, String> {
    let arg = arg.unwrap_or(DEFAULT_PRESET);
    if let Some(set) = presets::by_name(arg) {
        return Ok(set);
    }
    let path = Path::new(arg);
    if !is_stdin(path) && !path.exists() {
        return Err(format!(
            "{arg}: no such file, and not a preset ({})",
            presets::PRESET_NAMES.join(", ")
        ));
    }
    let json = json_file(path)?;
    let file = name(path);
    if json.get("mappings").is_some_and(Json::is_array) {
        return serde_json::from_value(json).map_err(|e| format!("{file}: not a mapping set: {e}"));
    }
    let outcome = schema_json::import(&json).map_err(|e| format!("{file}: {e}"))?;
    for warning in &outcome.warnings {
        errln!("warning: {file}: {warning}");
    }
    Ok(outcome.set)
}

/// How list options (`--genesys-groups`, `--provisioned`) tell a file from an inline list; shown
/// in `--help`.
pub const LIST_SYNTAX: &str = "A value is read as a file (one entry per line) when it is `-` (standard input), \
starts with `@` (`@groups.txt`), names an existing file, or looks like a path (starts with `./`, `../`, `/` or `~/`, \
or ends in .txt, .csv, .json or .list) — a path that does not exist is an error. Anything else is an inline, \
comma-separated list.";

/// File name endings that make a list value a path.
const LIST_FILE_ENDINGS: &[&str] = &[".txt", ".csv", ".json", ".list"];

/// A list given inline (`a,b,c`) or as a file with one entry per line (see [`LIST_SYNTAX`]);
/// `option` names the option in errors.
pub fn names(option: &str, arg: &str) -> Result<Vec<String>, String> {
    let text = match list_file(arg) {
        Some(path) => {
            if !is_stdin(path) && !path.is_file() {
                return Err(format!(
                    "{option} {arg}: no such file (a value that starts with @, ./, ../, / or ~/, or ends in {}, names a file)",
                    LIST_FILE_ENDINGS.join(", ")
                ));
            }
            text(path)?
        }
        None => arg.replace(',', "\n"),
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

/// The file a list value names, if it names one.
fn list_file(arg: &str) -> Option<&Path> {
    if let Some(file) = arg.strip_prefix('@') {
        return Some(Path::new(file));
    }
    let lower = arg.to_ascii_lowercase();
    let looks_like_path = ["./", "../", "/", "~/", ".\\", "..\\"]
        .iter()
        .any(|p| arg.starts_with(p))
        || (!arg.contains(',') && LIST_FILE_ENDINGS.iter().any(|e| lower.ends_with(e)));
    let path = Path::new(arg);
    (is_stdin(path) || looks_like_path || path.is_file()).then_some(path)
}

/// `objectId=genesysId` pairs, inline (comma-separated) or one per line in a file.
pub fn provisioned(arg: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    names("--provisioned", arg)?
        .into_iter()
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => Ok((k.trim().to_string(), v.trim().to_string())),
            None => Err(format!("--provisioned: {pair:?} is not entraId=genesysId")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_values_that_look_like_paths_are_files() {
        for arg in [
            "@groups",
            "./g",
            "../g",
            "/etc/g",
            "~/g",
            "groups.txt",
            "G.CSV",
            "-",
        ] {
            assert!(list_file(arg).is_some(), "{arg}");
        }
        for arg in ["Sales", "Sales,Support", "Sales/EMEA", "a.txt,b"] {
            assert!(list_file(arg).is_none(), "{arg}");
        }
    }

    #[test]
    fn a_missing_list_file_is_an_error_not_a_group() {
        let e = names("--genesys-groups", "no-such-groups.txt").unwrap_err();
        assert!(
            e.starts_with("--genesys-groups no-such-groups.txt: no such file"),
            "{e}"
        );
        assert!(names("--genesys-groups", "@missing").is_err());
        assert_eq!(
            names("--genesys-groups", " Sales , Support,").unwrap(),
            ["Sales", "Support"]
        );
    }
}
