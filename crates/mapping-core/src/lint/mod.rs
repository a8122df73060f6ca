//! Lint over a mapping set: what will go wrong, found before any user is provisioned. Every
//! finding points at a row (and a span of its target or source text).
//!
//! | code | severity | rule |
//! |---|---|---|
//! | `expression` | error | the source expression does not parse or check |
//! | `target-path` / `typographic-quote` | error | the target path cannot be read |
//! | `unknown-target` | warning | Genesys has no such attribute |
//! | `phone-type` | error | a `phoneNumbers[type eq …]` type Genesys does not accept |
//! | `duplicate-target` | error | two rows write the same target |
//! | `required-target` | error | no row writes userName, displayName or active |
//! | `no-matching-attribute` | error | no row has a matching precedence |
//! | `matching-not-filterable` | warning | a matching row targets an attribute Genesys cannot filter on |
//! | `unsupported-function` | error | `SelectUniqueValue` (not available for this app) |
//! | `switch-on-reference` | warning | `Switch` over the manager reference |
//! | `iif-null-check` | warning | an `IIF` that tests for null/empty, which Entra fails on; with the `Switch` rewrite |
//! | `default-create-only` | info | a default value is only used when the user is created |
//! | `never-cleared` | info | if the source becomes empty, Genesys keeps the old value |

use crate::diag::{Severity, Span};
use crate::expr::ast::{Node, NodeKind};
use crate::expr::eval::switch_rewrite;
use crate::finding::{Field, Finding, FindingCode};
use crate::genesys::targets;
use crate::mapping::model::{AttributeMapping, MappingKind, MappingSet};
use crate::scim::path::TargetPath;
use std::collections::BTreeMap;

/// Lints the rows that are on.
pub fn lint(set: &MappingSet) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (index, row) in set.enabled() {
        let target = target_findings(index, row, &mut findings);
        if let Some(path) = &target {
            if let Some(first) = seen.insert(path.key(), index) {
                findings.push(
                    Finding::error(
                        FindingCode::DuplicateTarget,
                        format!(
                            "{path} is also written by row {}: Entra keeps only one of them",
                            first + 1
                        ),
                    )
                    .at(index, Field::Target),
                );
            }
        }
        source_findings(index, row, target.as_ref(), &mut findings);
    }
    findings.extend(set_findings(set));
    findings
}

/// The target path: readable, known to Genesys, an allowed phone type.
fn target_findings(
    index: usize,
    row: &AttributeMapping,
    findings: &mut Vec<Finding>,
) -> Option<TargetPath> {
    let path = match TargetPath::parse(&row.target) {
        Ok(p) => p,
        Err(e) => {
            let code = if e.message.contains("typographic") {
                FindingCode::TypographicQuote
            } else {
                FindingCode::TargetPath
            };
            let at = e.at.min(row.target.len());
            let end = row
                .target
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(at, |c| at + c.len_utf8());
            findings.push(
                Finding::error(code, e.message)
                    .at(index, Field::Target)
                    .span(Span::new(at, end)),
            );
            return None;
        }
    };
    if targets::lookup(&path).is_none() {
        findings.push(
            Finding::warning(FindingCode::UnknownTarget, format!("Genesys Cloud has no user attribute {path}: Entra sends it and Genesys ignores or rejects it"))
                .at(index, Field::Target)
                .help("pick a target from the Genesys Cloud for Azure schema (userName, displayName, title, emails, phoneNumbers, the enterprise extension …)"),
        );
    }
    if path.attribute.eq_ignore_ascii_case("phoneNumbers") {
        if let Some(filter) = &path.filter {
            if !crate::phone::is_genesys_phone_type(&filter.value) {
                findings.push(
                    Finding::error(
                        FindingCode::PhoneType,
                        format!("Genesys has no phone type {:?}", filter.value),
                    )
                    .at(index, Field::Target)
                    .help(format!(
                        "use one of: {}",
                        crate::phone::GENESYS_PHONE_TYPES.join(", ")
                    )),
                );
            }
        }
    }
    Some(path)
}

/// The source: compiles, avoids unsupported functions and null-testing IIFs.
fn source_findings(
    index: usize,
    row: &AttributeMapping,
    target: Option<&TargetPath>,
    findings: &mut Vec<Finding>,
) {
    let Some(text) = row.expression_text() else {
        return;
    };
    let expr = match crate::compile(&text) {
        Ok(e) => e,
        Err(diagnostics) => {
            let offset = usize::from(row.kind != MappingKind::Expression);
            for d in diagnostics {
                let span = Span::new(
                    d.span.start.saturating_sub(offset),
                    d.span.end.saturating_sub(offset),
                );
                let mut f = Finding::error(FindingCode::Expression, d.message)
                    .at(index, Field::Source)
                    .span(span);
                f.help = d.help;
                findings.push(f);
            }
            return;
        }
    };
    expr.root()
        .walk(|node| call_findings(index, &text, node, findings));
    if row.default_value.is_some() {
        findings.push(
            Finding::info(
                FindingCode::DefaultCreateOnly,
                "the default value is used only when the user is created, never on updates",
            )
            .at(index, Field::DefaultValue),
        );
    }
    let required = target.and_then(targets::lookup).is_some_and(|t| t.required);
    if !required && row.kind != MappingKind::Constant {
        findings.push(
            Finding::info(
                FindingCode::NeverCleared,
                format!(
                    "if this source becomes empty, Entra sends nothing and Genesys keeps the old {}",
                    target.map_or_else(|| row.target.clone(), ToString::to_string)
                ),
            )
            .at(index, Field::Source)
            .help(
                "plan how stale values are cleaned up in Genesys (a pilot with a few users helps)",
            ),
        );
    }
}

fn call_findings(index: usize, text: &str, node: &Node, findings: &mut Vec<Finding>) {
    let NodeKind::Call {
        name,
        name_span,
        args,
    } = &node.kind
    else {
        return;
    };
    match name.as_str() {
        "SelectUniqueValue" => findings.push(
            Finding::error(FindingCode::UnsupportedFunction, "SelectUniqueValue only works for Workday, SuccessFactors and API-driven provisioning to Active Directory, not for Genesys Cloud")
                .at(index, Field::Source)
                .span(*name_span),
        ),
        "Switch" => {
            if let Some(Some(Node { kind: NodeKind::Attribute(attr), span, .. })) = args.first() {
                if attr == "manager" {
                    findings.push(
                        Finding::warning(FindingCode::SwitchOnReference, "Switch must not be used on a reference attribute such as [manager]")
                            .at(index, Field::Source)
                            .span(*span),
                    );
                }
            }
        }
        "IIF" => {
            if let [Some(cond), Some(if_true), Some(if_false)] = args.as_slice() {
                if let Some(rewrite) = switch_rewrite(text, cond, if_true, if_false) {
                    findings.push(
                        Finding::warning(
                            FindingCode::IifNullCheck,
                            "this IIF tests for a null or empty value, but Entra's IIF condition check fails when an attribute it uses is null or empty, so the attribute does not flow exactly when this test would be true",
                        )
                        .at(index, Field::Source)
                        .span(node.span)
                        .help(format!("rewrite as {rewrite}")),
                    );
                }
            }
        }
        _ => {}
    }
}

/// Rules about the set as a whole.
fn set_findings(set: &MappingSet) -> Vec<Finding> {
    let mut findings = Vec::new();
    let paths: Vec<(usize, Option<TargetPath>)> = set
        .enabled()
        .map(|(i, r)| (i, TargetPath::parse(&r.target).ok()))
        .collect();
    for required in targets::USER_ATTRIBUTES.iter().filter(|t| t.required) {
        let present = paths.iter().any(|(_, p)| {
            p.as_ref()
                .and_then(targets::lookup)
                .is_some_and(|t| t.attribute == required.attribute)
        });
        if !present {
            findings.push(Finding::error(
                FindingCode::RequiredTarget,
                format!(
                    "no row writes {}, which Genesys requires to create a user ({})",
                    required.attribute, required.lands_in
                ),
            ));
        }
    }
    let matching = set.matching();
    if matching.is_empty() {
        findings.push(
            Finding::error(FindingCode::NoMatchingAttribute, "no row has a matching precedence: Entra cannot look for existing Genesys users and will try to create duplicates")
                .help("set matching precedence 1 on the userName row"),
        );
    }
    for (index, row) in matching {
        let matchable = TargetPath::parse(&row.target)
            .ok()
            .as_ref()
            .and_then(targets::lookup)
            .is_some_and(|t| t.matchable);
        if !matchable {
            findings.push(
                Finding::warning(
                    FindingCode::MatchingNotFilterable,
                    format!(
                        "{} cannot be used to match users: Genesys filters users by userName",
                        row.target
                    ),
                )
                .at(index, Field::Row),
            );
        }
    }
    findings
}

/// The findings of one severity, for summaries.
pub fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::model::AttributeMapping as Row;
    use crate::mapping::presets;

    fn codes(set: &MappingSet) -> Vec<&'static str> {
        let mut c: Vec<_> = lint(set)
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| f.code.as_str())
            .collect();
        c.sort();
        c
    }

    #[test]
    fn the_presets_have_no_errors_or_warnings() {
        assert!(
            codes(&presets::genesys_default()).is_empty(),
            "{:?}",
            lint(&presets::genesys_default())
        );
        assert!(codes(&presets::genesys_teams()).is_empty());
        assert!(lint(&presets::genesys_default())
            .iter()
            .any(|f| f.code == FindingCode::NeverCleared));
    }

    #[test]
    fn the_seed_extension_expression_gets_its_switch_rewrite() {
        let mut set = presets::genesys_default();
        let text = "IIF(IsNullOrEmpty(StripSpaces([extensionAttribute1])), StripSpaces([telephoneNumber]), Join(\";ext=\", Append(\"tel:\", StripSpaces([telephoneNumber])), StripSpaces([extensionAttribute1])))";
        set.mappings.push(Row::expression(
            "phoneNumbers[type eq \"work3\"].value",
            text,
        ));
        let findings = lint(&set);
        let f = findings
            .iter()
            .find(|f| f.code == FindingCode::IifNullCheck)
            .unwrap();
        assert_eq!(f.row, Some(set.mappings.len() - 1));
        assert_eq!(f.span, Some(Span::new(0, text.len())));
        assert!(f
            .help
            .as_deref()
            .unwrap()
            .starts_with("rewrite as Switch(StripSpaces([extensionAttribute1]), Join("));
    }

    #[test]
    fn each_rule_fires() {
        let set = MappingSet::new(vec![
            Row::direct("userName", "userPrincipalName"),
            Row::direct("emails[type eq “work”].value", "mail"),
            Row::direct("name.givenName", "givenName"),
            Row::direct(
                "phoneNumbers[type eq \"fax\"].value",
                "facsimileTelephoneNumber",
            ),
            Row::direct("title", "jobTitle"),
            Row::direct("Title", "department"),
            Row::expression("displayName", "SelectUniqueValue([a], [b])"),
            Row::expression(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                "Switch([manager], \"x\", \"a\", \"b\")",
            ),
            Row::expression("externalId", "Jion([a])").matching(1),
        ]);
        assert_eq!(
            codes(&set),
            vec![
                "duplicate-target",
                "expression",
                "matching-not-filterable",
                "phone-type",
                "required-target",
                "switch-on-reference",
                "typographic-quote",
                "unknown-target",
                "unsupported-function",
            ]
        );
        let typo = lint(&set)
            .into_iter()
            .find(|f| f.code == FindingCode::TypographicQuote)
            .unwrap();
        assert_eq!(
            typo.span,
            Some(Span::new("emails[type eq ".len(), "emails[type eq “".len()))
        );
        let expr = lint(&set)
            .into_iter()
            .find(|f| f.code == FindingCode::Expression)
            .unwrap();
        assert_eq!((expr.row, expr.span), (Some(8), Some(Span::new(0, 4))));
    }

    #[test]
    fn no_matching_attribute() {
        let set = MappingSet::new(vec![Row::direct("userName", "userPrincipalName")]);
        assert!(codes(&set).contains(&"no-matching-attribute"));
    }

    #[test]
    fn rows_that_are_off_are_not_linted() {
        let mut set = presets::genesys_default();
        set.mappings.push(Row::expression("title", "Jion()").off());
        assert!(codes(&set).is_empty());
    }
}
