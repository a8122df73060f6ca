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
//! | `switch-on-update` | warning | a `Switch` in a row applied on updates: Microsoft cautions that when its source did not change but another attribute did, it may be evaluated as null; with the `IIF` rewrite Microsoft gives |
//! | `default-create-only` | info | a default value is only used when the user is created |
//! | `never-cleared` | info | if the source becomes empty, Genesys keeps the old value |
//! | `group-create-delete` | error | the group objectMapping (of an imported schema) has Create or Delete on: Genesys cannot create or delete groups over SCIM, so those requests fail |
//! | `group-mapping` | error | the group objectMapping cannot be read (its `flowTypes` or rows) |

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
    if row.flow_type.applies_on_update() {
        findings.extend(switch_on_update(index, &text, expr.root()));
    }
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

/// Microsoft's functions reference cautions that when a row uses `Switch` and its source did not
/// change but another mapped attribute did, Entra may evaluate the `Switch` as null during the
/// update and clear the target; its workaround is an `IIF` chain. The text describes a defect
/// without the request it produces, so this is a warning on the row (the first `Switch`), not a
/// simulated PATCH.
fn switch_on_update(index: usize, text: &str, root: &Node) -> Option<Finding> {
    let mut first = None;
    root.walk(|node| {
        if first.is_none() && node.call_name() == Some("Switch") {
            first = Some(node);
        }
    });
    let node = first?;
    let f = Finding::warning(
        FindingCode::SwitchOnUpdate,
        "Microsoft cautions that a Switch may be evaluated as null during an update when its source did not change but another mapped attribute did, which clears this target in Genesys",
    )
    .at(index, Field::Source)
    .span(node.span);
    Some(match switch_as_iif(text, node) {
        Some(rewrite) => f.help(format!("Microsoft's workaround is an IIF chain: {rewrite} (IIF's condition check fails when the source is null or empty, so keep a value in it)")),
        None => f.help("Microsoft's workaround is an IIF chain, e.g. IIF([x] = \"a\", \"A\", IIF([x] = \"b\", \"B\", \"default\"))"),
    })
}

/// `Switch(source, default, k1, v1, k2, v2)` as `IIF(source = k1, v1, IIF(source = k2, v2,
/// default))`, from the argument texts; `None` when the default is omitted or a pair is
/// incomplete.
fn switch_as_iif(text: &str, node: &Node) -> Option<String> {
    let NodeKind::Call { args, .. } = &node.kind else {
        return None;
    };
    let piece = |arg: &Option<Node>| -> Option<&str> {
        let n = arg.as_ref()?;
        text.get(n.span.start..n.span.end)
    };
    let (source, default) = (piece(args.first()?)?, piece(args.get(1)?)?);
    let pairs = &args[2..];
    if pairs.is_empty() || pairs.len() % 2 != 0 {
        return None;
    }
    let mut out = default.to_string();
    for pair in pairs.chunks(2).rev() {
        out = format!(
            "IIF({source} = {}, {}, {out})",
            piece(&pair[0])?,
            piece(&pair[1])?
        );
    }
    Some(out)
}

/// The group objectMapping of an imported schema: Genesys cannot create or delete groups.
fn group_findings(set: &MappingSet) -> Vec<Finding> {
    let groups = match set.group_mapping() {
        None => return Vec::new(),
        Some(Err(e)) => {
            return vec![Finding::error(
                FindingCode::GroupMapping,
                format!("the group objectMapping cannot be read: {e}"),
            )]
        }
        Some(Ok(g)) if !g.enabled => return Vec::new(),
        Some(Ok(g)) => g,
    };
    let mut fails = Vec::new();
    if groups.actions.create {
        fails.push("Create: for an Entra group in scope with no Genesys group of that name, Entra sends POST /Groups, which Genesys's SCIM API does not offer, so the request fails and the group's memberships are never synced");
    }
    if groups.actions.delete {
        fails.push("Delete: when a group leaves scope or is deleted in Entra, Entra sends DELETE /Groups/{id}, which Genesys refuses");
    }
    if fails.is_empty() {
        return Vec::new();
    }
    vec![Finding::error(
        FindingCode::GroupCreateDelete,
        format!(
            "the group mapping ({}) has target object actions {}: Genesys Cloud cannot create or delete groups over SCIM. {}",
            groups.path,
            groups.actions.to_flow_types(),
            fails.join(". ")
        ),
    )
    .help("under Target Object Actions of the group mapping select only Update (flowTypes \"Update\"), as Genesys's Entra article says, and create the groups in Genesys with the same names")]
}

/// Rules about the set as a whole.
fn set_findings(set: &MappingSet) -> Vec<Finding> {
    let mut findings = group_findings(set);
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
    fn switch_on_update_warns_with_microsofts_rewrite() {
        let set = MappingSet::new(vec![Row::expression(
            "title",
            "Switch([companyName], \"External\", \"Company A\", \"A\", \"Company B\", \"B\")",
        )]);
        let f = lint(&set)
            .into_iter()
            .find(|f| f.code == FindingCode::SwitchOnUpdate)
            .expect("a switch-on-update warning");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.span.map(|s| s.start), Some(0));
        let help = f.help.unwrap();
        let rewrite = r#"IIF([companyName] = "Company A", "A", IIF([companyName] = "Company B", "B", "External"))"#;
        assert!(help.contains(rewrite), "{help}");
        // The rewrite means the same as the Switch (Microsoft's own test vectors).
        for (company, expected) in [
            ("Company A", "A"),
            ("Company B", "B"),
            ("Other", "External"),
        ] {
            let mut user = crate::source::SourceAttributes::new();
            user.set_str("companyName", company);
            let ctx = crate::expr::EvalContext::default();
            let eval = |t: &str| {
                crate::compile(t)
                    .unwrap()
                    .evaluate(&user, &ctx)
                    .unwrap()
                    .value
            };
            assert_eq!(eval(rewrite), eval(&set.mappings[0].source), "{company}");
            assert_eq!(eval(rewrite), crate::expr::Value::str(expected));
        }
        // Rows applied on create only are never evaluated during an update.
        let create_only = MappingSet::new(vec![Row::expression(
            "title",
            "Switch([x], , \"1\", \"a\")",
        )
        .only_on_create()]);
        assert!(!lint(&create_only)
            .iter()
            .any(|f| f.code == FindingCode::SwitchOnUpdate));
        // Omitted default: a warning without a rewrite.
        let omitted = MappingSet::new(vec![Row::expression(
            "title",
            "Switch([x], , \"1\", \"a\")",
        )]);
        let f = lint(&omitted)
            .into_iter()
            .find(|f| f.code == FindingCode::SwitchOnUpdate)
            .unwrap();
        assert!(f.help.unwrap().contains("e.g. IIF("));
    }

    #[test]
    fn group_mappings_that_create_or_delete_fail_in_genesys() {
        let text = include_str!("../../tests/fixtures/scim_app_schema.json");
        let mut set = crate::mapping::import_text(text).unwrap().set;
        let f = lint(&set)
            .into_iter()
            .find(|f| f.code == FindingCode::GroupCreateDelete)
            .expect("Create and Delete are on in the fixture");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("Add, Update, Delete"), "{}", f.message);
        assert!(f.message.contains("POST /Groups") && f.message.contains("DELETE /Groups"));
        assert!(f.help.unwrap().contains("only Update"));
        // Update only: nothing to report.
        let envelope = set.envelope.as_mut().unwrap();
        envelope["synchronizationRules"][0]["objectMappings"][0]["flowTypes"] = "Update".into();
        assert!(!lint(&set)
            .iter()
            .any(|f| f.code == FindingCode::GroupCreateDelete));
        // Delete alone is reported too, naming only what fails.
        let envelope = set.envelope.as_mut().unwrap();
        envelope["synchronizationRules"][0]["objectMappings"][0]["flowTypes"] =
            "Update, Delete".into();
        let f = lint(&set)
            .into_iter()
            .find(|f| f.code == FindingCode::GroupCreateDelete)
            .unwrap();
        assert!(!f.message.contains("POST /Groups") && f.message.contains("DELETE /Groups"));
        // A disabled group mapping provisions nothing.
        let envelope = set.envelope.as_mut().unwrap();
        envelope["synchronizationRules"][0]["objectMappings"][0]["enabled"] = false.into();
        assert!(!lint(&set)
            .iter()
            .any(|f| f.code == FindingCode::GroupCreateDelete));
        // An unreadable one says so.
        let envelope = set.envelope.as_mut().unwrap();
        envelope["synchronizationRules"][0]["objectMappings"][0]["flowTypes"] = "Sync".into();
        assert!(lint(&set)
            .iter()
            .any(|f| f.code == FindingCode::GroupMapping));
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
                "switch-on-update",
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
