//! A row's kind and source text as a source node; an expression as a tree of nodes, its calls
//! spelt out as `parameters` down to [`EXPORT_PARAMETER_DEPTH`] levels.

use serde_json::{json, Value as Json};

use super::keys::parameter_keys;
use super::printer::Printer;
use super::{quote, SourceType};
use crate::expr::ast::{Node, NodeKind};
use crate::expr::parser;
use crate::mapping::model::{AttributeMapping, MappingKind};
use crate::mapping::schema_json::EXPORT_PARAMETER_DEPTH;

/// A row's `source`.
pub(in crate::mapping::schema_json) fn export_source(row: &AttributeMapping) -> Json {
    match row.kind {
        MappingKind::None => Json::Null,
        MappingKind::Direct => attribute_node(&row.source),
        MappingKind::Constant => constant_node(&row.source),
        MappingKind::Expression => expression_node(&row.source),
    }
}

fn source_node(expression: String, name: &str, parameters: Vec<Json>, kind: SourceType) -> Json {
    json!({
        "expression": expression,
        "name": name,
        "parameters": parameters,
        "type": kind.as_str()
    })
}

fn attribute_node(name: &str) -> Json {
    source_node(format!("[{name}]"), name, Vec::new(), SourceType::Attribute)
}

fn constant_node(value: &str) -> Json {
    source_node(quote(value), value, Vec::new(), SourceType::Constant)
}

/// An Expression row's source: the parsed tree as Graph nodes, the top node keeping the row's
/// text as its `expression`. Text that does not parse is a Function node with no name.
fn expression_node(text: &str) -> Json {
    match parser::parse(text) {
        Ok(root) => {
            let printer = Printer::new(text);
            tree_node(&root, text.to_string(), &printer, 0)
        }
        Err(_) => source_node(text.to_string(), "", Vec::new(), SourceType::Function),
    }
}

/// A syntax-tree node as a Graph source node. `expression` is the node's text.
fn tree_node(node: &Node, expression: String, printer: &Printer<'_>, depth: usize) -> Json {
    match &node.kind {
        NodeKind::Attribute(name) => attribute_node(name),
        NodeKind::Str(value) | NodeKind::Number(value) => constant_node(value),
        NodeKind::Ident(name) => source_node(name.clone(), name, Vec::new(), SourceType::Constant),
        NodeKind::Call { name, args, .. } => {
            let parameters = call_parameters(name, args, printer, depth);
            source_node(expression, name, parameters, SourceType::Function)
        }
        NodeKind::Compare { op, left, right } => {
            let parameters = if depth < EXPORT_PARAMETER_DEPTH {
                vec![
                    parameter_node("left", left, printer, depth),
                    parameter_node("right", right, printer, depth),
                ]
            } else {
                Vec::new()
            };
            source_node(expression, op.as_str(), parameters, SourceType::Function)
        }
    }
}

/// The `parameters` of a call: one per argument given, keyed by parameter name.
fn call_parameters(
    name: &str,
    args: &[Option<Node>],
    printer: &Printer<'_>,
    depth: usize,
) -> Vec<Json> {
    if depth >= EXPORT_PARAMETER_DEPTH {
        return Vec::new();
    }
    let keys = parameter_keys(name, args.len());
    args.iter()
        .zip(keys)
        .filter_map(|(arg, key)| Some(parameter_node(&key, arg.as_ref()?, printer, depth)))
        .collect()
}

fn parameter_node(key: &str, arg: &Node, printer: &Printer<'_>, depth: usize) -> Json {
    let value = tree_node(arg, printer.canonical(arg.span), printer, depth + 1);
    json!({ "key": key, "value": value })
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value as Json};

    use crate::mapping::model::{AttributeMapping, MappingKind, MappingSet};
    use crate::mapping::schema_json::test_support::{exported_source, only_row, row};
    use crate::mapping::schema_json::{export_mappings, export_schema, import_text};

    #[test]
    fn none_and_constant_sources() {
        let none = export_mappings(&MappingSet::new(vec![
            AttributeMapping::none("x").with_default("d")
        ]));
        assert_eq!(none[0]["source"], Json::Null);
        assert_eq!(none[0]["defaultValue"], "d");
        assert_eq!(
            exported_source(AttributeMapping::constant("x", "say \"hi\"")),
            json!({ "expression": "\"say \\\"hi\\\"\"", "name": "say \"hi\"", "parameters": [], "type": "Constant" })
        );
    }

    #[test]
    fn function_sources_from_the_tree() {
        let text = "Replace([preferredLanguage], \"-\", , , \"_\", , )";
        let source = exported_source(AttributeMapping::expression("locale", text));
        assert_eq!(source["expression"], text);
        assert_eq!(source["name"], "Replace");
        let keys: Vec<&Json> = source["parameters"]
            .as_array()
            .map(|p| p.iter().map(|e| &e["key"]).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [&json!("source"), &json!("Find"), &json!("Replacement")]
        );
        assert_eq!(
            source["parameters"][1]["value"],
            json!({ "expression": "\"-\"", "name": "-", "parameters": [], "type": "Constant" })
        );
    }

    #[test]
    fn comparisons_identifiers_and_bare_values() {
        let iif = exported_source(AttributeMapping::expression(
            "x",
            "IIF([c] = \"US\", \"a\", \"b\")",
        ));
        let condition = &iif["parameters"][0]["value"];
        assert_eq!(condition["expression"], "[c]=\"US\"");
        assert_eq!(condition["name"], "=");
        assert_eq!(condition["parameters"][1]["key"], "right");
        let instr = exported_source(AttributeMapping::expression(
            "x",
            "InStr([a], \"b\", , vbTextCompare)",
        ));
        assert_eq!(instr["parameters"][2]["key"], "compareType");
        assert_eq!(
            instr["parameters"][2]["value"]["expression"],
            "vbTextCompare"
        );
        assert_eq!(
            exported_source(AttributeMapping::expression("x", " [mail] "))["type"],
            "Attribute"
        );
        assert_eq!(
            exported_source(AttributeMapping::expression("x", "\"Sales\""))["type"],
            "Constant"
        );
    }

    #[test]
    fn text_that_does_not_parse_still_exports() {
        let source = exported_source(AttributeMapping::expression("x", "Join(\",\", [a]"));
        assert_eq!(
            source,
            json!({ "expression": "Join(\",\", [a]", "name": "", "parameters": [], "type": "Function" })
        );
        let back = only_row(row(source));
        assert_eq!(
            (back.kind, back.source.as_str()),
            (MappingKind::Expression, "Join(\",\", [a]")
        );
    }

    #[test]
    fn deep_trees_export_within_json_nesting_limits() {
        let depth = crate::expr::MAX_NESTING;
        let text = format!("{}[flag]{}", "Not(".repeat(depth), ")".repeat(depth));
        let set = MappingSet::new(vec![AttributeMapping::expression("active", &text)]);
        let out = serde_json::to_string(&export_schema(&set)).unwrap_or_default();
        let back = import_text(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.set.mappings[0].source, text);
    }
}
