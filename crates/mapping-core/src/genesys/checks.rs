//! What Genesys Cloud will refuse or quietly change in a create, with the reason, checked on the
//! rows evaluated for one user.

use super::targets::{self, EMAIL_TYPES, EXTERNAL_ID_AUTHORITIES, MAX_ROUTING_ENTRIES};
use crate::expr::Value;
use crate::finding::{Field, Finding, FindingCode};
use crate::mapping::model::MappingSet;
use crate::phone::{self, GenesysVerdict, PhoneAnalysis};
use crate::provision::rows::{RowResult, RowValue};
use crate::scim::path::TargetPath;
use serde::Serialize;

/// A phone number flowing into `phoneNumbers[...]`, analysed.
#[derive(Debug, Clone, Serialize)]
pub struct PhoneCheck {
    pub row: usize,
    pub target: String,
    pub analysis: PhoneAnalysis,
}

/// Checks the rows of a create; returns findings and the phone analyses.
pub fn check_create(
    set: &MappingSet,
    rows: &[RowResult],
    default_region: Option<&str>,
) -> (Vec<Finding>, Vec<PhoneCheck>) {
    let mut findings = required_attributes(rows);
    let mut phones = Vec::new();
    for row in rows {
        let (Ok(path), RowValue::Flows(value)) = (&row.target, &row.value) else {
            continue;
        };
        let source_attribute = set.mappings.get(row.index).and_then(single_attribute);
        let attribute = path.attribute.to_ascii_lowercase();
        let check = RowCheck {
            row: row.index,
            path,
            value,
        };
        match attribute.as_str() {
            "username" => findings.extend(check.user_name()),
            "phonenumbers" => {
                let (f, p) = check.phone(default_region, source_attribute.as_deref());
                findings.extend(f);
                phones.extend(p);
            }
            "emails" => findings.extend(check.email_type()),
            "division" => findings.extend(check.division()),
            "externalids" => findings.extend(check.authority()),
            "routingskills" | "routinglanguages" => findings.extend(check.routing_limit()),
            _ => {}
        }
    }
    (findings, phones)
}

/// userName, displayName and active must be sent on create.
fn required_attributes(rows: &[RowResult]) -> Vec<Finding> {
    targets::USER_ATTRIBUTES
        .iter()
        .filter(|t| t.required)
        .filter(|t| {
            !rows.iter().any(|r| {
                matches!(&r.value, RowValue::Flows(v) if !v.is_null_or_empty())
                    && r.target.as_ref().is_ok_and(|p| targets::lookup(p).is_some_and(|found| found.attribute == t.attribute))
            })
        })
        .map(|t| {
            Finding::error(
                FindingCode::RequiredAttribute,
                format!("{} is required to create a Genesys user, and nothing flows into it for this user: Genesys rejects the create", t.attribute),
            )
            .help(format!("map a source that always has a value to {} (it is {})", t.attribute, t.lands_in))
        })
        .collect()
}

/// For a Direct row (or an expression over a single attribute), that attribute's name.
fn single_attribute(row: &crate::mapping::model::AttributeMapping) -> Option<String> {
    let text = row.expression_text()?;
    let expr = crate::compile(&text).ok()?;
    match expr.attributes().as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

struct RowCheck<'a> {
    row: usize,
    path: &'a TargetPath,
    value: &'a Value,
}

impl RowCheck<'_> {
    fn text(&self) -> Option<&str> {
        match self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    fn finding(&self, f: Finding) -> Finding {
        f.at(self.row, Field::Source)
    }

    fn user_name(&self) -> Vec<Finding> {
        let Some(name) = self.text() else {
            return Vec::new();
        };
        let looks_like_email = name.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !name.contains(char::is_whitespace)
        });
        if looks_like_email {
            return Vec::new();
        }
        vec![self.finding(
            Finding::error(FindingCode::UsernameNotEmail, format!("userName {name:?} is not an email address: in Genesys it is the user's main email and login"))
                .help("map userPrincipalName or mail to userName"),
        )]
    }

    fn phone(
        &self,
        default_region: Option<&str>,
        source_attribute: Option<&str>,
    ) -> (Vec<Finding>, Vec<PhoneCheck>) {
        let Some(number) = self.text() else {
            return (Vec::new(), Vec::new());
        };
        let phone_type = self.path.filter.as_ref().map_or("", |f| f.value.as_str());
        let analysis = phone::analyze(number, default_region, phone_type, source_attribute);
        let mut findings = Vec::new();
        let severity_finding = match analysis.verdict {
            GenesysVerdict::Accepted | GenesysVerdict::AcceptedAfterNormalizing => None,
            GenesysVerdict::Rejected => Some(Finding::error(FindingCode::PhoneRejected, format!("{}: Genesys is likely to reject {number:?}", self.path))),
            GenesysVerdict::ExtensionOnly => Some(Finding::warning(
                FindingCode::PhoneExtensionOnly,
                format!("{}: {number:?} is an extension without a number; Genesys does not document extension-only values", self.path),
            )),
        };
        if let Some(mut f) = severity_finding {
            if !analysis.problems.is_empty() {
                f.message = format!("{} ({})", f.message, analysis.problems.join("; "));
            }
            if let Some(s) = &analysis.suggestion {
                f = f.help(format!("{} — {}", s.expression, s.explanation));
            }
            findings.push(self.finding(f));
        }
        let check = PhoneCheck {
            row: self.row,
            target: self.path.to_string(),
            analysis,
        };
        (findings, vec![check])
    }

    fn email_type(&self) -> Vec<Finding> {
        let Some(filter) = &self.path.filter else {
            return Vec::new();
        };
        if filter.value.eq_ignore_ascii_case("other") {
            return vec![self.finding(Finding::warning(
                FindingCode::EmailOtherReadOnly,
                "emails of type \"other\" are the user's main email in Genesys (the same as userName) and cannot be written",
            ))];
        }
        if EMAIL_TYPES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&filter.value))
        {
            return Vec::new();
        }
        vec![self.finding(Finding::error(
            FindingCode::EmailType,
            format!(
                "Genesys has no email of type {:?}; it accepts work (and other, read-only)",
                filter.value
            ),
        ))]
    }

    fn division(&self) -> Vec<Finding> {
        let Some(name) = self.text() else {
            return Vec::new();
        };
        let guid_like = name.len() == 36
            && name.chars().filter(|c| *c == '-').count() == 4
            && name.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        if !guid_like {
            return vec![self.finding(
                Finding::info(FindingCode::DivisionByName, format!("division {name:?} must be the exact name of an existing Genesys division: SCIM never creates divisions"))
            )];
        }
        vec![self.finding(
            Finding::error(
                FindingCode::DivisionIsName,
                format!("division {name:?} looks like an id; Genesys expects the division's name"),
            )
            .help("map the division's name (e.g. \"Home\"), not its id"),
        )]
    }

    fn authority(&self) -> Vec<Finding> {
        let Some(filter) = &self.path.filter else {
            return Vec::new();
        };
        if EXTERNAL_ID_AUTHORITIES
            .iter()
            .any(|a| a.eq_ignore_ascii_case(&filter.value))
        {
            return Vec::new();
        }
        vec![self.finding(Finding::warning(
            FindingCode::ExternalIdAuthority,
            format!(
                "externalIds authority {:?} is not one Genesys integrations use ({})",
                filter.value,
                EXTERNAL_ID_AUTHORITIES.join(", ")
            ),
        ))]
    }

    fn routing_limit(&self) -> Vec<Finding> {
        let count = self.value.items().len();
        if count <= MAX_ROUTING_ENTRIES {
            return Vec::new();
        }
        vec![self.finding(Finding::error(
            FindingCode::RoutingLimit,
            format!(
                "{} has {count} entries; Genesys accepts at most {MAX_ROUTING_ENTRIES}",
                self.path.attribute
            ),
        ))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::EvalContext;
    use crate::mapping::model::AttributeMapping as Row;
    use crate::provision::rows::{evaluate_rows, Operation};
    use crate::source::SourceAttributes;

    fn check(rows: Vec<Row>, attrs: &[(&str, &str)]) -> (Vec<Finding>, Vec<PhoneCheck>) {
        let mut source = SourceAttributes::new();
        for (k, v) in attrs {
            source.set_str(*k, *v);
        }
        let set = MappingSet::new(rows);
        let results = evaluate_rows(&set, &source, &EvalContext::default(), Operation::Create);
        check_create(&set, &results, Some("US"))
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    fn required() -> Vec<Row> {
        vec![
            Row::direct("userName", "upn"),
            Row::constant("active", "True"),
            Row::direct("displayName", "name"),
        ]
    }

    #[test]
    fn a_complete_user_passes() {
        let (f, _) = check(required(), &[("upn", "a@contoso.com"), ("name", "A")]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn required_attributes_must_flow() {
        let (f, _) = check(required(), &[("upn", "a@contoso.com")]);
        assert_eq!(codes(&f), vec!["required-attribute"]);
        assert!(f[0].message.starts_with("displayName"));
    }

    #[test]
    fn user_name_must_be_an_email() {
        let (f, _) = check(required(), &[("upn", "adele"), ("name", "A")]);
        assert_eq!(codes(&f), vec!["username-not-email"]);
        assert_eq!(f[0].row, Some(0));
    }

    #[test]
    fn phones_are_analysed_with_their_source_attribute() {
        let mut rows = required();
        rows.push(Row::direct(
            "phoneNumbers[type eq \"work\"].value",
            "telephoneNumber",
        ));
        let (f, phones) = check(
            rows,
            &[
                ("upn", "a@contoso.com"),
                ("name", "A"),
                ("telephoneNumber", "+1 425 555 0109"),
            ],
        );
        assert_eq!(phones.len(), 1);
        assert_eq!(phones[0].row, 3);
        assert_eq!(phones[0].analysis.e164.as_deref(), Some("+14255550109"));
        assert_eq!(codes(&f), vec!["phone-rejected"]);
        assert!(
            f[0].help
                .as_deref()
                .unwrap_or("")
                .contains("StripSpaces([telephoneNumber])"),
            "{:?}",
            f[0].help
        );
    }

    #[test]
    fn emails_divisions_authorities_and_limits() {
        let mut rows = required();
        rows.push(Row::constant("emails[type eq \"other\"].value", "x@y.com"));
        rows.push(Row::constant("emails[type eq \"home\"].value", "x@y.com"));
        rows.push(Row::constant(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division",
            "a8cccada-a108-47ae-bf9a-f130499aa4cb",
        ));
        rows.push(Row::constant("urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:externalIds[authority eq \"skype\"].value", "x"));
        let skills = (0..51)
            .map(|i| format!("s{i}"))
            .collect::<Vec<_>>()
            .join(",");
        rows.push(Row::expression(
            "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:routingSkills",
            &format!("Split(\"{skills}\", \",\")"),
        ));
        let (f, _) = check(rows, &[("upn", "a@contoso.com"), ("name", "A")]);
        assert_eq!(
            codes(&f),
            vec![
                "email-other-read-only",
                "email-type",
                "division-is-name",
                "external-id-authority",
                "routing-limit"
            ]
        );
    }
}
