//! A source node as a row's kind and source text.

use serde_json::Value as Json;

use super::rebuild::rebuild_call;
use super::{constant_literal, SourceType};
use crate::expr::ast::NodeKind;
use crate::expr::parser;
use crate::mapping::model::MappingKind;
use crate::mapping::schema_json::error::{expected, key_path, ImportError};
use crate::mapping::schema_json::fields::{choice_field, str_field, Object};

/// A row's kind and source text from its `source`.
pub(in crate::mapping::schema_json) fn import_source(
    row: &Object,
    path: &str,
) -> Result<(MappingKind, String), ImportError> {
    let path = key_path(path, "source");
    let node = match row.get("source") {
        None | Some(Json::Null) => return Ok((MappingKind::None, String::new())),
        Some(Json::Object(node)) => node,
        Some(other) => return Err(expected(&path, "a source object or null", other)),
    };
    Ok(match source_type(node, &path)? {
        SourceType::Attribute => (MappingKind::Direct, attribute_name(node, &path)?),
        SourceType::Constant => (MappingKind::Constant, constant_value(node, &path)?),
        SourceType::Function => (MappingKind::Expression, node_text(node, &path, 0)?),
    })
}

/// The node's `type`; Graph's default is `Attribute`.
fn source_type(node: &Object, path: &str) -> Result<SourceType, ImportError> {
    let source_type = choice_field(
        node,
        "type",
        path,
        "source type",
        &SourceType::ALL,
        SourceType::as_str,
    )?;
    Ok(source_type.unwrap_or(SourceType::Attribute))
}

/// An Attribute node's attribute: its `name`, else the `[name]` of its `expression`.
fn attribute_name(node: &Object, path: &str) -> Result<String, ImportError> {
    let name = str_field(node, "name", path)?;
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        return Ok(name.to_string());
    }
    let from_expression = match parsed_expression(node, path)? {
        Some(NodeKind::Attribute(name)) => Some(name),
        _ => None,
    };
    from_expression
        .or_else(|| name.map(str::to_string))
        .ok_or_else(|| {
            ImportError::new(
                path,
                "an Attribute source needs a `name` (or an `expression` such as `[mail]`)",
            )
        })
}

/// A Constant node's value: its `name`, else its `expression` unquoted.
fn constant_value(node: &Object, path: &str) -> Result<String, ImportError> {
    if let Some(name) = str_field(node, "name", path)? {
        return Ok(name.to_string());
    }
    let literal = match parsed_expression(node, path)? {
        Some(NodeKind::Str(value) | NodeKind::Number(value) | NodeKind::Ident(value)) => {
            Some(value)
        }
        _ => None,
    };
    literal.ok_or_else(|| {
        ImportError::new(
            path,
            "a Constant source needs a `name` (the value) or an `expression` that is a quoted \
             string such as `\"Sales\"`",
        )
    })
}

/// What the node's `expression` parses to, if it has one that parses.
fn parsed_expression(node: &Object, path: &str) -> Result<Option<NodeKind>, ImportError> {
    Ok(str_field(node, "expression", path)?
        .and_then(|text| parser::parse(text).ok())
        .map(|root| root.kind))
}

/// The expression text of any node: its `expression` when given, else rebuilt from the node.
pub(super) fn node_text(node: &Object, path: &str, depth: usize) -> Result<String, ImportError> {
    let expression = str_field(node, "expression", path)?;
    if let Some(text) = expression.filter(|t| !t.trim().is_empty()) {
        return Ok(text.to_string());
    }
    match source_type(node, path)? {
        SourceType::Attribute => Ok(format!("[{}]", attribute_name(node, path)?)),
        SourceType::Constant => Ok(constant_literal(&constant_value(node, path)?)),
        SourceType::Function => match (str_field(node, "name", path)?, expression) {
            (Some(name), _) if !name.is_empty() => rebuild_call(name, node, path, depth),
            (_, Some(blank)) => Ok(blank.to_string()),
            _ => Err(ImportError::new(
                path,
                "a Function source needs an `expression`, or a `name` and `parameters` to \
                 rebuild it from",
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::model::MappingKind;
    use crate::mapping::schema_json::test_support::{constant, import_err, only_row, rebuilt, row};

    #[test]
    fn source_must_be_an_object_or_null() {
        let e = import_err(json!([row(json!("mail"))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message.contains("expected a source object or null"),
            "{e}"
        );
        let missing = only_row(json!({ "targetAttributeName": "title" }));
        assert_eq!(missing.kind, MappingKind::None);
    }

    #[test]
    fn source_type_errors() {
        let e = import_err(json!([row(json!({ "name": "x", "type": "Lookup" }))]));
        assert_eq!(e.path, "[0].source.type");
        assert_eq!(
            e.message,
            "\"Lookup\" is not a source type; expected one of Attribute, Constant, Function"
        );
        let e = import_err(json!([row(json!({ "name": "x", "type": 2 }))]));
        assert!(e.message.contains("expected a source type string"), "{e}");
    }

    #[test]
    fn attribute_sources() {
        let m = only_row(row(json!({ "name": "mail" })));
        assert_eq!((m.kind, m.source.as_str()), (MappingKind::Direct, "mail"));
        let m = only_row(row(
            json!({ "expression": "[jobTitle]", "type": "attribute" }),
        ));
        assert_eq!(m.source, "jobTitle");
        let e = import_err(json!([row(json!({ "type": "Attribute" }))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message.starts_with("an Attribute source needs a `name`"),
            "{e}"
        );
        let e = import_err(json!([row(
            json!({ "expression": "Foo()", "type": "Attribute" })
        )]));
        assert!(e.message.starts_with("an Attribute source needs"), "{e}");
        let e = import_err(json!([row(json!({ "name": 3, "type": "Attribute" }))]));
        assert_eq!(e.path, "[0].source.name");
    }

    #[test]
    fn constant_sources() {
        let m = only_row(row(constant("Sales")));
        assert_eq!(
            (m.kind, m.source.as_str()),
            (MappingKind::Constant, "Sales")
        );
        let m = only_row(row(
            json!({ "expression": "\"say \\\"hi\\\"\"", "type": "Constant" }),
        ));
        assert_eq!(m.source, "say \"hi\"");
        let m = only_row(row(json!({ "expression": "42", "type": "Constant" })));
        assert_eq!(m.source, "42");
        let m = only_row(row(constant("")));
        assert_eq!(m.source, "");
        let e = import_err(json!([row(
            json!({ "expression": "[mail]", "type": "Constant" })
        )]));
        assert!(e.message.starts_with("a Constant source needs"), "{e}");
    }

    #[test]
    fn function_sources_use_their_expression_verbatim() {
        let m = only_row(row(json!({
            "expression": "Join(\" \",  [givenName], [surname])",
            "name": "Join",
            "parameters": [],
            "type": "Function"
        })));
        assert_eq!(m.kind, MappingKind::Expression);
        assert_eq!(m.source, "Join(\" \",  [givenName], [surname])");
    }

    #[test]
    fn a_function_source_needs_something() {
        let e = import_err(json!([row(json!({ "type": "Function" }))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message
                .starts_with("a Function source needs an `expression`"),
            "{e}"
        );
        assert_eq!(
            rebuilt(json!({ "expression": "", "name": "", "type": "Function" })),
            ""
        );
    }
}
