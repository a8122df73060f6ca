//! The text of a Function node without an `expression`, rebuilt from its `name` and
//! `parameters`: `Name(arg, , arg)` for a call, `left=right` for a comparison.

use serde_json::Value as Json;

use super::keys::{function_def, slot_for};
use super::read::node_text;
use super::COMPARISON_OPERATORS;
use crate::expr::catalog::FunctionDef;
use crate::mapping::schema_json::error::{expected, index_path, key_path, ImportError};
use crate::mapping::schema_json::fields::{array_field, Object};
use crate::mapping::schema_json::MAX_PARAMETER_DEPTH;

/// One entry of a Function node's `parameters`.
struct Parameter<'a> {
    key: &'a str,
    value: &'a Object,
    /// The entry's path.
    path: String,
}

impl Parameter<'_> {
    fn value_path(&self) -> String {
        key_path(&self.path, "value")
    }
}

/// `Name(arg, , arg)` from a Function node's name and parameters, each argument at the position
/// its key names.
pub(super) fn rebuild_call(
    name: &str,
    node: &Object,
    path: &str,
    depth: usize,
) -> Result<String, ImportError> {
    if depth >= MAX_PARAMETER_DEPTH {
        return Err(ImportError::new(
            path,
            format!(
                "the parameters are nested more than {MAX_PARAMETER_DEPTH} levels deep; give \
                 this source an `expression` instead"
            ),
        ));
    }
    let parameters = parameter_list(node, path)?;
    if COMPARISON_OPERATORS.contains(&name) {
        return rebuild_comparison(name, &parameters, path, depth);
    }
    let def = function_def(name);
    let mut slots: Vec<Option<String>> = Vec::new();
    let mut cursor = 0;
    for parameter in &parameters {
        let slot = match def {
            Some(def) => slot_for(def, parameter.key, cursor)
                .ok_or_else(|| misplaced_parameter(def, parameter))?,
            None => cursor,
        };
        let text = node_text(parameter.value, &parameter.value_path(), depth + 1)?;
        if slots.len() <= slot {
            slots.resize(slot + 1, None);
        }
        if let Some(place) = slots.get_mut(slot) {
            *place = Some(text);
        }
        cursor = slot + 1;
    }
    let arguments: Vec<&str> = slots.iter().map(|s| s.as_deref().unwrap_or("")).collect();
    Ok(format!("{name}({})", arguments.join(", ")))
}

fn rebuild_comparison(
    op: &str,
    parameters: &[Parameter<'_>],
    path: &str,
    depth: usize,
) -> Result<String, ImportError> {
    let side = |key: &str| {
        let parameter = parameters
            .iter()
            .find(|p| p.key.eq_ignore_ascii_case(key))
            .ok_or_else(|| {
                ImportError::new(
                    &key_path(path, "parameters"),
                    format!("the comparison `{op}` needs a `left` and a `right` parameter"),
                )
            })?;
        node_text(parameter.value, &parameter.value_path(), depth + 1)
    };
    Ok(format!("{}{op}{}", side("left")?, side("right")?))
}

fn parameter_list<'a>(node: &'a Object, path: &str) -> Result<Vec<Parameter<'a>>, ImportError> {
    let entries = array_field(node, "parameters", path)?;
    let path = key_path(path, "parameters");
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| parameter(entry, index_path(&path, i)))
        .collect()
}

fn parameter(entry: &Json, path: String) -> Result<Parameter<'_>, ImportError> {
    let entry = entry
        .as_object()
        .ok_or_else(|| expected(&path, "a parameter object with `key` and `value`", entry))?;
    let key = match entry.get("key") {
        Some(Json::String(key)) => key.as_str(),
        Some(other) => return Err(expected(&key_path(&path, "key"), "a parameter name", other)),
        None => {
            return Err(ImportError::new(
                &key_path(&path, "key"),
                "missing; every parameter names the function parameter it fills",
            ))
        }
    };
    let value = match entry.get("value") {
        Some(Json::Object(value)) => value,
        Some(other) => {
            return Err(expected(
                &key_path(&path, "value"),
                "a source object",
                other,
            ))
        }
        None => return Err(ImportError::new(&key_path(&path, "value"), "missing")),
    };
    Ok(Parameter { key, value, path })
}

fn misplaced_parameter(def: &FunctionDef, parameter: &Parameter<'_>) -> ImportError {
    ImportError::new(
        &key_path(&parameter.path, "key"),
        format!(
            "\"{}\" is not a parameter of {} at this place; its parameters are, in order: {}",
            parameter.key,
            def.name,
            def.signature()
        ),
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::schema_json::test_support::{
        attr, call, constant, import_err, rebuilt, row,
    };
    use crate::mapping::schema_json::MAX_PARAMETER_DEPTH;

    #[test]
    fn rebuilds_simple_calls() {
        assert_eq!(
            rebuilt(call("Not", &[("source", attr("IsSoftDeleted"))])),
            "Not([IsSoftDeleted])"
        );
        let mid = call(
            "Mid",
            &[
                ("source", attr("userPrincipalName")),
                ("start", constant("1")),
                ("length", constant("8")),
            ],
        );
        assert_eq!(rebuilt(mid), "Mid([userPrincipalName], \"1\", \"8\")");
        assert_eq!(rebuilt(call("Guid", &[])), "Guid()");
    }

    #[test]
    fn rebuilds_nested_calls_comparisons_and_identifiers() {
        let condition = call("=", &[("left", attr("country")), ("right", constant("US"))]);
        let iif = call(
            "IIF",
            &[
                ("condition", condition),
                ("valueIfTrue", constant("yes")),
                ("valueIfFalse", call("ToLower", &[("source", attr("c"))])),
            ],
        );
        assert_eq!(rebuilt(iif), "IIF([country]=\"US\", \"yes\", ToLower([c]))");
        let instr = call(
            "InStr",
            &[
                ("value1", attr("a")),
                ("value2", constant("b")),
                ("compareType", constant("vbTextCompare")),
            ],
        );
        assert_eq!(rebuilt(instr), "InStr([a], \"b\", , vbTextCompare)");
        let unknown = call("Frob", &[("x", attr("a")), ("y", constant("b"))]);
        assert_eq!(rebuilt(unknown), "Frob([a], \"b\")");
    }

    #[test]
    fn nested_expressions_are_preferred() {
        let nested = json!({ "expression": "Trim-me ( [x] )", "type": "Function" });
        assert_eq!(
            rebuilt(call("Not", &[("source", nested)])),
            "Not(Trim-me ( [x] ))"
        );
    }

    #[test]
    fn comparison_needs_both_sides() {
        let e = import_err(json!([row(call("=", &[("left", attr("a"))]))]));
        assert_eq!(e.path, "[0].source.parameters");
        assert!(e.message.contains("needs a `left` and a `right`"), "{e}");
    }

    #[test]
    fn parameter_shape_errors() {
        let not_array = json!({ "name": "Not", "parameters": {}, "type": "Function" });
        assert_eq!(
            import_err(json!([row(not_array)])).path,
            "[0].source.parameters"
        );
        let not_object = json!({ "name": "Not", "parameters": [1], "type": "Function" });
        assert_eq!(
            import_err(json!([row(not_object)])).path,
            "[0].source.parameters[0]"
        );
        let no_key =
            json!({ "name": "Not", "parameters": [{ "value": attr("a") }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(no_key)])).path,
            "[0].source.parameters[0].key"
        );
        let bad_key = json!({ "name": "Not", "parameters": [{ "key": 1, "value": attr("a") }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(bad_key)])).path,
            "[0].source.parameters[0].key"
        );
        let no_value =
            json!({ "name": "Not", "parameters": [{ "key": "source" }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(no_value)])).path,
            "[0].source.parameters[0].value"
        );
        let bad_value = json!({ "name": "Not", "parameters": [{ "key": "source", "value": "a" }], "type": "Function" });
        let e = import_err(json!([row(bad_value)]));
        assert_eq!(e.path, "[0].source.parameters[0].value");
        assert!(
            e.message
                .contains("expected a source object, found a string"),
            "{e}"
        );
        let bad_nested = call("Not", &[("source", json!({ "type": "Gadget" }))]);
        assert_eq!(
            import_err(json!([row(bad_nested)])).path,
            "[0].source.parameters[0].value.type"
        );
    }

    #[test]
    fn parameter_trees_deeper_than_the_limit_are_refused() {
        let mut node = attr("flag");
        for _ in 0..=MAX_PARAMETER_DEPTH {
            node = call("Not", &[("source", node)]);
        }
        let e = import_err(json!([row(node)]));
        assert!(e.message.contains("nested more than 64 levels"), "{e}");
        assert!(e.path.starts_with("[0].source.parameters[0].value"), "{e}");
    }
}
