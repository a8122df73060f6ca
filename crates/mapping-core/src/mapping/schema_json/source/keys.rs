//! Which `parameters` key names which argument of a call. Graph keys a parameter by the
//! catalogue's name for it, except where [`GRAPH_PARAMETER_KEYS`] says otherwise; a repeating
//! parameter (Join's `source`, Switch's `key, value`) gives its key to every repetition.

use crate::expr::catalog::{self, FunctionDef, Param};

/// Graph's parameter keys where they differ from the catalogue's names: (function, catalogue
/// name, Graph key).
const GRAPH_PARAMETER_KEYS: &[(&str, &str, &str)] = &[
    ("Replace", "oldValue", "Find"),
    ("Replace", "replacementValue", "Replacement"),
];

/// The catalogue's function called `name`, spelt as given or else in another case.
pub(super) fn function_def(name: &str) -> Option<&'static FunctionDef> {
    catalog::lookup(name).or_else(|| catalog::lookup_ignoring_case(name))
}

// ---------------------------------------------------------------------------------------------
// Export: argument → key
// ---------------------------------------------------------------------------------------------

/// The Graph key of each of `count` arguments of `function`. Unknown functions get
/// `argument1`, `argument2`…
pub(super) fn parameter_keys(function: &str, count: usize) -> Vec<String> {
    let Some(def) = function_def(function) else {
        return (1..=count).map(|i| format!("argument{i}")).collect();
    };
    (0..count)
        .map(|index| graph_parameter_key(def.name, parameter_name_at(def, index, count)))
        .collect()
}

/// The catalogue name of argument `index` in a call with `count` arguments. With a repeating
/// parameter, the parameters declared after it take the last arguments (Coalesce's
/// `defaultValue`), and a repeated `key, value` alternates (Switch).
fn parameter_name_at(def: &FunctionDef, index: usize, count: usize) -> &'static str {
    let Some(repeating) = def.params.iter().position(|p| p.repeats) else {
        return def.param_name(index);
    };
    let declared_after = def.params.len() - repeating - 1;
    let repetitions = count.saturating_sub(repeating + declared_after).max(1);
    if index < repeating {
        def.param_name(index)
    } else if index < repeating + repetitions {
        let name = def.param_name(repeating);
        let parts = name.split(", ").count();
        name.split(", ")
            .nth((index - repeating) % parts)
            .unwrap_or(name)
    } else {
        def.param_name(index - repetitions + 1)
    }
}

/// A catalogue parameter name as Graph keys it (`oldValue` → `Find`).
fn graph_parameter_key(function: &str, name: &str) -> String {
    GRAPH_PARAMETER_KEYS
        .iter()
        .find(|(f, catalog_name, _)| *f == function && *catalog_name == name)
        .map_or(name, |(_, _, graph)| graph)
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Import: key → argument
// ---------------------------------------------------------------------------------------------

/// The argument position for a parameter named `key`, given that positions before `cursor` are
/// taken. A parameter declared before the repeating one (if any) has its own position, which
/// leaves gaps for omitted optional arguments; a repetition, or a parameter declared after the
/// repetition, goes at the cursor.
pub(super) fn slot_for(def: &FunctionDef, key: &str, cursor: usize) -> Option<usize> {
    let name = catalog_parameter_name(def.name, key);
    let repeating = def.params.iter().position(|p| p.repeats);
    let named = def
        .params
        .iter()
        .position(|p| !p.repeats && p.name.eq_ignore_ascii_case(name));
    match (named, repeating) {
        (Some(i), _) if i >= cursor && repeating.is_none_or(|r| i < r) => Some(i),
        (Some(i), Some(r)) if i > r => Some(cursor),
        _ => repeating
            .filter(|&r| def.params.get(r).is_some_and(|p| repeats_as(p, name)))
            .map(|r| cursor.max(r)),
    }
}

/// Whether a repeating parameter accepts `name` (Switch's repeating `key, value` takes either).
fn repeats_as(param: &Param, name: &str) -> bool {
    param
        .name
        .split(", ")
        .any(|part| part.eq_ignore_ascii_case(name))
}

/// A Graph parameter key as the catalogue names the parameter (`Find` → `oldValue`).
fn catalog_parameter_name<'a>(function: &str, key: &'a str) -> &'a str {
    GRAPH_PARAMETER_KEYS
        .iter()
        .find(|(f, _, graph)| *f == function && graph.eq_ignore_ascii_case(key))
        .map_or(key, |(_, catalog_name, _)| catalog_name)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::model::AttributeMapping;
    use crate::mapping::schema_json::test_support::{
        attr, call, constant, exported_source, import_err, rebuilt, row,
    };

    #[test]
    fn rebuilds_replace_with_graphs_keys_and_gaps() {
        let replace = call(
            "Replace",
            &[
                ("source", attr("preferredLanguage")),
                ("Find", constant("-")),
                ("Replacement", constant("_")),
            ],
        );
        assert_eq!(
            rebuilt(replace),
            "Replace([preferredLanguage], \"-\", , , \"_\")"
        );
        let by_catalog = call(
            "Replace",
            &[
                ("source", attr("a")),
                ("regexPattern", constant("x")),
                ("replacementValue", constant("y")),
            ],
        );
        assert_eq!(rebuilt(by_catalog), "Replace([a], , \"x\", , \"y\")");
    }

    #[test]
    fn rebuilds_omitted_optional_arguments() {
        let f = call(
            "FormatDateTime",
            &[
                ("source", attr("d")),
                ("inputFormat", constant("yyyyMMdd")),
                ("outputFormat", constant("yyyy")),
            ],
        );
        assert_eq!(rebuilt(f), "FormatDateTime([d], , \"yyyyMMdd\", \"yyyy\")");
    }

    #[test]
    fn rebuilds_repeating_parameters() {
        let join = call(
            "Join",
            &[
                ("separator", constant(" ")),
                ("source", attr("givenName")),
                ("source", attr("surname")),
            ],
        );
        assert_eq!(rebuilt(join), "Join(\" \", [givenName], [surname])");
        let coalesce = call(
            "Coalesce",
            &[
                ("source", attr("mail")),
                ("source", attr("upn")),
                ("defaultValue", constant("none")),
            ],
        );
        assert_eq!(rebuilt(coalesce), "Coalesce([mail], [upn], \"none\")");
        let switch = call(
            "Switch",
            &[
                ("source", attr("c")),
                ("key", constant("A")),
                ("value", constant("1")),
                ("key", constant("B")),
                ("value", constant("2")),
            ],
        );
        assert_eq!(rebuilt(switch), "Switch([c], , \"A\", \"1\", \"B\", \"2\")");
    }

    #[test]
    fn unknown_or_misplaced_parameter_keys() {
        let e = import_err(json!([row(call(
            "Mid",
            &[
                ("source", attr("a")),
                ("start", constant("1")),
                ("size", constant("2"))
            ]
        ))]));
        assert_eq!(e.path, "[0].source.parameters[2].key");
        assert!(
            e.message.contains("\"size\" is not a parameter of Mid"),
            "{e}"
        );
        assert!(e.message.contains("Mid(source, start, length)"), "{e}");
        let e = import_err(json!([row(call(
            "Not",
            &[("source", attr("a")), ("source", attr("b"))]
        ))]));
        assert_eq!(e.path, "[0].source.parameters[1].key");
    }

    #[test]
    fn repeating_parameter_keys() {
        let keys = |text: &str| -> Vec<String> {
            let source = exported_source(AttributeMapping::expression("x", text));
            source["parameters"]
                .as_array()
                .map(|p| {
                    p.iter()
                        .filter_map(|e| e["key"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            keys("Switch([c], , \"A\", \"1\", \"B\", \"2\")"),
            ["source", "key", "value", "key", "value"]
        );
        assert_eq!(
            keys("Coalesce([a], [b], \"c\")"),
            ["source", "source", "defaultValue"]
        );
        assert_eq!(keys("Coalesce([a])"), ["source"]);
        assert_eq!(
            keys("Join(\" \", [a], [b], [c])"),
            ["separator", "source", "source", "source"]
        );
        assert_eq!(keys("Frob([a], [b])"), ["argument1", "argument2"]);
    }
}
