//! Checker: what Entra rejects when an admin saves a mapping, found before evaluation.
//!
//! * functions that do not exist (with "did you mean"), or exist in Entra's sibling products only;
//! * known functions written in the wrong case (the language is case-sensitive);
//! * argument counts, and required arguments left empty;
//! * `Switch`'s key/value pairs;
//! * bare names that are not `vbTextCompare` / `vbBinaryCompare`;
//! * `SelectUniqueValue` anywhere but at the top;
//! * the 10,000-character limit.
//!
//! All findings are returned, in text order, not just the first.

use super::ast::{Node, NodeKind};
use super::catalog::{self, FunctionDef};
use super::MAX_LENGTH;
use crate::diag::{Diagnostic, Span, Stage};

/// The length check, which runs before parsing so an oversized paste is refused quickly.
pub fn check_length(text: &str) -> Result<(), Diagnostic> {
    let chars = text.chars().count();
    if chars > MAX_LENGTH {
        let cut = text
            .char_indices()
            .nth(MAX_LENGTH)
            .map_or(text.len(), |(i, _)| i);
        return Err(Diagnostic::error(
            Stage::Check,
            Span::new(cut, text.len()),
            format!("the expression has {chars} characters; Entra accepts at most {MAX_LENGTH}"),
        )
        .with_help(
            "split the logic over several mappings or shorten attribute names and literals",
        ));
    }
    Ok(())
}

/// Checks a parsed expression; an empty list means Entra would accept it.
pub fn check(root: &Node) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    root.walk(|node| match &node.kind {
        NodeKind::Call {
            name,
            name_span,
            args,
        } => {
            match resolve(name, *name_span) {
                Ok(def) => check_call(def, node, args, &mut found),
                Err(d) => found.push(d),
            }
            if name == "SelectUniqueValue" && !std::ptr::eq(node, root) {
                found.push(
                    Diagnostic::error(
                        Stage::Check,
                        *name_span,
                        "SelectUniqueValue must be the outermost function; it cannot be nested",
                    )
                    .with_help("move SelectUniqueValue to the top and put the other functions inside its rules"),
                );
            }
        }
        NodeKind::Ident(id) if !catalog::IDENTIFIERS.contains(&id.as_str()) => {
            found.push(unknown_identifier(id, node.span))
        }
        _ => {}
    });
    found.sort_by_key(|d| (d.span.start, d.span.end));
    found
}

fn resolve(name: &str, span: Span) -> Result<&'static FunctionDef, Diagnostic> {
    if let Some(def) = catalog::lookup(name) {
        return Ok(def);
    }
    if let Some(def) = catalog::lookup_ignoring_case(name) {
        return Err(Diagnostic::error(
            Stage::Check,
            span,
            format!(
                "function names are case-sensitive: `{name}` must be written `{}`",
                def.name
            ),
        )
        .with_help(format!("write `{}`", def.name)));
    }
    if let Some((_, product)) = catalog::FOREIGN_FUNCTIONS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
    {
        return Err(Diagnostic::error(
            Stage::Check,
            span,
            format!("`{name}` belongs to {product}, not to app provisioning attribute mappings"),
        ));
    }
    let d = Diagnostic::error(Stage::Check, span, format!("unknown function `{name}`"));
    Err(match catalog::closest(name) {
        Some(near) => d.with_help(format!("did you mean `{near}`?")),
        None => {
            d.with_help("see the function list: Append, Coalesce, IIF, Join, Replace, Switch, …")
        }
    })
}

fn check_call(def: &FunctionDef, node: &Node, args: &[Option<Node>], found: &mut Vec<Diagnostic>) {
    let count = args.len();
    let too_few = count < def.min_args;
    let too_many = def.max_args.is_some_and(|max| count > max);
    if too_few || too_many {
        let expected = match def.max_args {
            Some(max) if max == def.min_args => format!("{max}"),
            Some(max) => format!("{} to {max}", def.min_args),
            None => format!("at least {}", def.min_args),
        };
        let noun = if expected == "1" {
            "argument"
        } else {
            "arguments"
        };
        found.push(
            Diagnostic::error(
                Stage::Check,
                node.span,
                format!(
                    "`{}` takes {expected} {noun}, but {count} {} given",
                    def.name,
                    if count == 1 { "is" } else { "are" }
                ),
            )
            .with_help(format!("{} — {}", def.signature(), def.summary)),
        );
        return;
    }
    if def.name == "Switch" && count % 2 == 1 {
        found.push(
            Diagnostic::error(
                Stage::Check,
                node.span,
                "Switch needs keys and values in pairs: the last key has no value",
            )
            .with_help("Switch(source, defaultValue, key1, value1, key2, value2, …)"),
        );
    }
    for (index, arg) in args.iter().enumerate() {
        if arg.is_none() && def.requires_arg(index) {
            found.push(Diagnostic::error(
                Stage::Check,
                node.span,
                format!(
                    "argument {} of `{}` ({}) is required but left empty",
                    index + 1,
                    def.name,
                    def.param_name(index)
                ),
            ));
        }
    }
}

fn unknown_identifier(id: &str, span: Span) -> Diagnostic {
    let d = Diagnostic::error(
        Stage::Check,
        span,
        format!("`{id}` is not a value: strings need double quotes and attributes square brackets"),
    );
    d.with_help(format!(
        "write \"{id}\" for text or [{id}] for an attribute"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parser::parse;

    fn messages(text: &str) -> Vec<String> {
        check(&parse(text).unwrap())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn valid_expressions_pass() {
        for ok in [
            "Join(\";ext=\", \"tel:\", StripSpaces([ext]))",
            "Replace([a], , \"x\", , \"\", , )",
            "InStr(\"repEated\",\"e\",3,vbBinaryCompare)",
            "Switch([a], , \"1\", \"x\")",
            "SelectUniqueValue([a], [b])",
            "FormatDateTime([x], \"yyyy\", \"yy\")",
            "[mail]",
        ] {
            assert!(messages(ok).is_empty(), "{ok}: {:?}", messages(ok));
        }
    }

    #[test]
    fn unknown_function_suggests() {
        let d = check(&parse("Jion(\",\", [a])").unwrap());
        assert_eq!(d[0].span, Span::new(0, 4));
        assert_eq!(d[0].help.as_deref(), Some("did you mean `Join`?"));
    }

    #[test]
    fn wrong_case_names_the_right_spelling() {
        let m = messages("iif([a]=\"x\", \"1\", \"2\")");
        assert!(m[0].contains("`IIF`"), "{m:?}");
    }

    #[test]
    fn foreign_functions_name_their_product() {
        assert!(messages("Trim([a])")[0].contains("Cloud Sync"));
        // Documented for app provisioning since the 2026 revision.
        assert!(messages("Len([a])").is_empty());
        assert!(messages("DefaultDomain()").is_empty());
        assert!(messages("DefaultDomain([a])")[0].contains("takes 0 arguments"));
    }

    #[test]
    fn argument_counts() {
        assert!(messages("Mid([a], 1)")[0].contains("takes 3 arguments, but 2 are given"));
        assert!(messages("Join(\",\")")[0].contains("at least 2"));
        assert!(messages("Now(1)")[0].contains("takes 0 arguments"));
        assert!(messages("Switch([a], \"d\", \"k\")")[0].contains("at least 4"));
        assert!(messages("Switch([a], \"d\", \"k\", \"v\", \"k2\")")[0].contains("pairs"));
    }

    #[test]
    fn required_argument_left_empty() {
        assert!(messages("Mid([a], , 3)")[0].contains("argument 2 of `Mid` (start)"));
    }

    #[test]
    fn bare_identifiers() {
        assert!(messages("Append([a], contoso)")[0].contains("`contoso` is not a value"));
    }

    #[test]
    fn select_unique_value_only_at_top() {
        let m = messages("Join(\"\", SelectUniqueValue([a], [b]))");
        assert!(m[0].contains("outermost"), "{m:?}");
    }

    #[test]
    fn all_findings_are_reported_in_order() {
        let d = check(&parse("Append(Jion([a]), Mid([b]))").unwrap());
        assert_eq!(d.len(), 2);
        assert!(d[0].span.start < d[1].span.start);
    }

    #[test]
    fn length_limit() {
        let long = format!("\"{}\"", "x".repeat(MAX_LENGTH));
        let err = check_length(&long).unwrap_err();
        assert!(err.message.contains("10000"));
        assert_eq!(err.span.start, MAX_LENGTH);
        assert!(check_length(&"x".repeat(MAX_LENGTH)).is_ok());
    }
}
