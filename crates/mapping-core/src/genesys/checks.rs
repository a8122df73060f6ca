//! What Genesys Cloud will refuse or quietly change in a create, with the reason, checked on the
//! values that flow for one user.
//!
//! The checks take plain values ([`FlowingValue`]: row number, target path, value, the row's
//! expression text) and know nothing of how rows are evaluated: the provisioning engine
//! ([`crate::provision`]) depends on this module, never the other way round.

use super::targets::{self, EMAIL_TYPES, EXTERNAL_ID_AUTHORITIES, MAX_ROUTING_ENTRIES};
use crate::expr::Value;
use crate::finding::{Field, Finding, FindingCode};
use crate::phone::shape::ProvenShapes;
use crate::phone::{self, shown, GenesysVerdict, PhoneAnalysis, PhoneSource, Suggestions};
use crate::scim::path::TargetPath;
use crate::source::SourceAttributes;
use serde::Serialize;

/// A phone number flowing into `phoneNumbers[...]`, analysed.
#[derive(Debug, Clone, Serialize)]
pub struct PhoneCheck {
    /// The row's 0-based index in the mapping set.
    pub row: usize,
    /// The row's target path as Entra writes it, e.g. `phoneNumbers[type eq "work"].value`.
    pub target: String,
    /// What Genesys will make of the value, with a suggested rewrite when there is one.
    pub analysis: PhoneAnalysis,
}

/// One value that flows into a target for the user being created.
#[derive(Debug, Clone, Copy)]
pub struct FlowingValue<'a> {
    /// The row's index in the mapping set.
    pub row: usize,
    /// The row's target, parsed.
    pub path: &'a TargetPath,
    /// The value the row evaluated to for this user.
    pub value: &'a Value,
    /// The row's source as expression text (`[mail]`, `"text"`, or the expression), which a
    /// phone suggestion builds on.
    pub expression: Option<&'a str>,
}

/// The user a create is checked for: the source attributes (to prove phone suggestions on) and
/// the region their phone numbers are read in ([`crate::graph::phone_region`]).
#[derive(Debug, Clone, Copy)]
pub struct CheckedUser<'a> {
    /// The user's source attributes.
    pub attributes: &'a SourceAttributes,
    /// The upper-case two-letter region (e.g. `DE`) that numbers without a country code are
    /// read in, if known.
    pub region: Option<&'a str>,
    /// Which phone values get a suggested expression.
    pub suggestions: Suggestions,
    /// When given, only the first refused value of each shape gets one.
    pub proven: Option<&'a ProvenShapes>,
}

/// Checks the values of a create; returns findings and the phone analyses.
pub fn check_create(
    values: &[FlowingValue<'_>],
    user: CheckedUser<'_>,
) -> (Vec<Finding>, Vec<PhoneCheck>) {
    let mut findings = required_attributes(values);
    let mut phones = Vec::new();
    for v in values {
        let attribute = v.path.attribute.to_ascii_lowercase();
        let check = RowCheck {
            row: v.row,
            path: v.path,
            value: v.value,
        };
        match attribute.as_str() {
            "username" => findings.extend(check.user_name()),
            "phonenumbers" => {
                let source = v.expression.map(|expression| PhoneSource::Row {
                    expression,
                    attributes: user.attributes,
                });
                let (f, p) = check.phone(user.region, source, user.suggestions, user.proven);
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
fn required_attributes(values: &[FlowingValue<'_>]) -> Vec<Finding> {
    targets::USER_ATTRIBUTES
        .iter()
        .filter(|t| t.required)
        .filter(|t| {
            !values.iter().any(|v| {
                !v.value.is_null_or_empty()
                    && targets::lookup(v.path).is_some_and(|found| found.attribute == t.attribute)
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
        region: Option<&str>,
        source: Option<PhoneSource<'_>>,
        suggestions: Suggestions,
        proven: Option<&ProvenShapes>,
    ) -> (Vec<Finding>, Vec<PhoneCheck>) {
        let Some(number) = self.text() else {
            return (Vec::new(), Vec::new());
        };
        let phone_type = self.path.filter.as_ref().map_or("", |f| f.value.as_str());
        let suggestions = proven.map_or(suggestions, |p| p.suggestions_for(number, suggestions));
        let analysis = phone::analyze_with(number, region, phone_type, source, suggestions);
        if let Some(proven) = proven {
            proven.note(&analysis);
        }
        let number = shown(number);
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
    use crate::mapping::model::{AttributeMapping as Row, MappingSet};

    /// Evaluates each row's expression for the user (as the engine would for a create) and checks
    /// the values that flow.
    fn check_with_region(
        rows: Vec<Row>,
        attrs: &[(&str, &str)],
        region: Option<&str>,
    ) -> (Vec<Finding>, Vec<PhoneCheck>) {
        let mut source = SourceAttributes::new();
        for (k, v) in attrs {
            source.set_str(*k, *v);
        }
        let set = MappingSet::new(rows);
        let evaluated: Vec<(usize, TargetPath, Value, String)> = set
            .mappings
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let text = row.expression_text()?;
                let value = crate::compile(&text)
                    .ok()?
                    .evaluate(&source, &EvalContext::default())
                    .ok()?
                    .value;
                let path = TargetPath::parse(&row.target).ok()?;
                (!value.is_null_or_empty()).then_some((i, path, value, text))
            })
            .collect();
        let values: Vec<FlowingValue<'_>> = evaluated
            .iter()
            .map(|(row, path, value, text)| FlowingValue {
                row: *row,
                path,
                value,
                expression: Some(text),
            })
            .collect();
        check_create(
            &values,
            CheckedUser {
                attributes: &source,
                region,
                suggestions: Suggestions::All,
                proven: None,
            },
        )
    }

    fn check(rows: Vec<Row>, attrs: &[(&str, &str)]) -> (Vec<Finding>, Vec<PhoneCheck>) {
        check_with_region(rows, attrs, Some("US"))
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
    fn the_phone_fix_keeps_the_rows_transformation_and_uses_the_users_region() {
        let mut rows = required();
        rows.push(Row::expression(
            "phoneNumbers[type eq \"work\"].value",
            "StripSpaces([telephoneNumber])",
        ));
        let user = [
            ("upn", "a@contoso.com"),
            ("name", "A"),
            ("telephoneNumber", "+1 317 872 3000 x105"),
        ];
        let (f, _) = check(rows.clone(), &user);
        let help = f[0].help.as_deref().unwrap_or("");
        assert!(
            help.starts_with("Replace(StripSpaces([telephoneNumber]), "),
            "{help}"
        );
        assert!(
            help.contains("it gives `tel:+13178723000;ext=105`"),
            "{help}"
        );
        // A national number is read in the region given to the check.
        rows.push(Row::direct(
            "phoneNumbers[type eq \"mobile\"].value",
            "mobile",
        ));
        let user = [
            ("upn", "a@contoso.com"),
            ("name", "A"),
            ("mobile", "020 7946 0958"),
        ];
        let (_, phones) = check_with_region(rows, &user, Some("GB"));
        assert_eq!(phones[0].analysis.e164.as_deref(), Some("+442079460958"));
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
