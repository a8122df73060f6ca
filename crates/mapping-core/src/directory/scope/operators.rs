//! The operators of Entra's attribute-based scoping filters, with Entra's rules: every
//! comparison is case-sensitive, and a clause over a null or empty attribute is false — except
//! `IS NULL`, which is true there (and `IS NOT NULL`, false).

use super::regex_match::{self, Regex};
use serde::Serialize;

/// One clause's operator, with the value it compares against.
#[derive(Debug, Clone)]
pub enum Operator {
    /// `EQUALS`: the attribute is exactly the value.
    Equals(String),
    /// `NOT EQUALS`: the attribute is present and not exactly the value.
    NotEquals(String),
    /// `IS TRUE`: the attribute is `true` (any case).
    IsTrue,
    /// `IS FALSE`: the attribute is `false` (any case).
    IsFalse,
    /// `IS NULL`: the attribute is null or empty.
    IsNull,
    /// `IS NOT NULL`: the attribute has a value.
    IsNotNull,
    /// `REGEX MATCH`: the pattern matches the attribute.
    RegexMatch(Regex),
    /// `NOT REGEX MATCH`: the pattern does not match the attribute.
    NotRegexMatch(Regex),
    /// `Greater_Than`: the attribute, read as an integer, is greater.
    GreaterThan(i64),
    /// `Greater_Than_OR_EQUALS`: the attribute, read as an integer, is greater or equal.
    GreaterThanOrEquals(i64),
    /// `Includes`: the attribute contains the value.
    Includes(String),
    /// `&`: the attribute is found within the clause's value.
    Within(String),
    /// `!&`: the attribute is not found within the clause's value.
    NotWithin(String),
    /// `ENDS_WITH`: the attribute ends with the value.
    EndsWith(String),
}

/// The operators the Entra documentation lists, as written in the portal.
pub const DOCUMENTED: &[&str] = &[
    "EQUALS",
    "NOT EQUALS",
    "IS TRUE",
    "IS FALSE",
    "IS NULL",
    "IS NOT NULL",
    "REGEX MATCH",
    "NOT REGEX MATCH",
    "Greater_Than",
    "Greater_Than_OR_EQUALS",
    "Includes",
    "&",
    "!&",
    "ENDS_WITH",
];

/// Why an operator could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OperatorError(pub String);

/// Spellings differ between the portal and schema JSON (`IS TRUE`, `IS_TRUE`, `isTrue`):
/// compare ignoring case, spaces and underscores.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_'))
        .flat_map(char::to_uppercase)
        .collect()
}

impl Operator {
    /// Reads `name` with its clause values (unary operators ignore them).
    pub fn parse(name: &str, values: &[String]) -> Result<Operator, OperatorError> {
        let value = || -> Result<String, OperatorError> {
            values.first().cloned().ok_or_else(|| {
                OperatorError(format!(
                    "operator {name} needs a value and the clause has none"
                ))
            })
        };
        let integer = || -> Result<i64, OperatorError> {
            let v = value()?;
            v.trim().parse().map_err(|_| {
                OperatorError(format!(
                    "{name} compares integers, and the clause value {v:?} is not one (Entra's filter is then never true)"
                ))
            })
        };
        let regex = || -> Result<Regex, OperatorError> {
            regex_match::compile(&value()?)
                .map_err(|e| OperatorError(format!("{name}: the pattern does not compile: {e}")))
        };
        Ok(match key(name).as_str() {
            "EQUALS" => Operator::Equals(value()?),
            "NOTEQUALS" => Operator::NotEquals(value()?),
            "ISTRUE" => Operator::IsTrue,
            "ISFALSE" => Operator::IsFalse,
            "ISNULL" => Operator::IsNull,
            "ISNOTNULL" => Operator::IsNotNull,
            "REGEXMATCH" => Operator::RegexMatch(regex()?),
            "NOTREGEXMATCH" => Operator::NotRegexMatch(regex()?),
            "GREATERTHAN" => Operator::GreaterThan(integer()?),
            "GREATERTHANOREQUALS" => Operator::GreaterThanOrEquals(integer()?),
            "INCLUDES" => Operator::Includes(value()?),
            "&" => Operator::Within(value()?),
            "!&" => Operator::NotWithin(value()?),
            "ENDSWITH" => Operator::EndsWith(value()?),
            _ => {
                return Err(OperatorError(format!(
                    "operator {name:?} is not one Entra documents for scoping filters ({}); \
                     Less_Than, Less_Than_OR_EQUALS and NOT Includes are not offered",
                    DOCUMENTED.join(", ")
                )))
            }
        })
    }

    /// Whether the clause holds for the attribute's value (`None` = null or empty).
    pub fn holds(&self, attribute: Option<&str>) -> bool {
        let attribute = attribute.filter(|v| !v.is_empty());
        let Some(v) = attribute else {
            return matches!(self, Operator::IsNull);
        };
        match self {
            Operator::Equals(x) => v == x,
            Operator::NotEquals(x) => v != x,
            Operator::IsTrue => v.eq_ignore_ascii_case("true"),
            Operator::IsFalse => v.eq_ignore_ascii_case("false"),
            Operator::IsNull => false,
            Operator::IsNotNull => true,
            Operator::RegexMatch(r) => regex_match::is_match(r, v) == Some(true),
            Operator::NotRegexMatch(r) => regex_match::is_match(r, v) == Some(false),
            Operator::GreaterThan(x) => v.trim().parse::<i64>().is_ok_and(|n| n > *x),
            Operator::GreaterThanOrEquals(x) => v.trim().parse::<i64>().is_ok_and(|n| n >= *x),
            Operator::Includes(x) => v.contains(x.as_str()),
            Operator::Within(x) => x.contains(v),
            Operator::NotWithin(x) => !x.contains(v),
            Operator::EndsWith(x) => v.ends_with(x.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(name: &str, value: &str) -> Operator {
        Operator::parse(name, &[value.to_string()]).unwrap()
    }

    #[test]
    fn equals_and_not_equals_are_case_sensitive() {
        assert!(op("EQUALS", "Sales").holds(Some("Sales")));
        assert!(!op("EQUALS", "Sales").holds(Some("sales")));
        assert!(op("NOT EQUALS", "Sales").holds(Some("sales")));
        assert!(!op("NOT EQUALS", "Sales").holds(Some("Sales")));
    }

    #[test]
    fn every_operator_but_is_null_is_false_on_an_empty_attribute() {
        for name in DOCUMENTED {
            let o = op(name, "1");
            let expected = *name == "IS NULL";
            assert_eq!(o.holds(None), expected, "{name} on null");
            assert_eq!(o.holds(Some("")), expected, "{name} on empty");
        }
    }

    #[test]
    fn booleans_and_null_tests() {
        assert!(op("IS TRUE", "").holds(Some("True")));
        assert!(!op("IS TRUE", "").holds(Some("False")));
        assert!(op("IS FALSE", "").holds(Some("false")));
        assert!(!op("IS FALSE", "").holds(Some("yes")));
        assert!(op("IS NOT NULL", "").holds(Some("x")));
        assert!(!op("IS NULL", "").holds(Some("x")));
        assert!(Operator::parse("IS_TRUE", &[]).is_ok());
    }

    #[test]
    fn regex_match_and_its_negation() {
        let m = op("REGEX MATCH", "^[1-9][0-9]{3}$");
        assert!(m.holds(Some("1234")));
        assert!(!m.holds(Some("0123")));
        assert!(!m.holds(Some("12345")));
        let n = op("NOT REGEX MATCH", r".*@contoso\.com");
        assert!(n.holds(Some("a@fabrikam.com")));
        assert!(!n.holds(Some("a@contoso.com")));
        assert!(Operator::parse("REGEX MATCH", &["(".into()]).is_err());
    }

    #[test]
    fn greater_than_needs_integers_on_both_sides() {
        assert!(op("Greater_Than", "10").holds(Some("11")));
        assert!(!op("Greater_Than", "10").holds(Some("10")));
        assert!(!op("Greater_Than", "10").holds(Some("11.5")));
        assert!(op("Greater_Than_OR_EQUALS", "10").holds(Some("10")));
        assert!(!op("Greater_Than_OR_EQUALS", "10").holds(Some("9")));
        assert!(Operator::parse("Greater_Than", &["ten".into()]).is_err());
    }

    #[test]
    fn includes_within_and_ends_with() {
        assert!(op("Includes", "Sup").holds(Some("Support")));
        assert!(!op("Includes", "sup").holds(Some("Support")));
        assert!(op("&", "Sales,Support").holds(Some("Support")));
        assert!(!op("&", "Sales").holds(Some("Support")));
        assert!(op("!&", "Sales").holds(Some("Support")));
        assert!(!op("!&", "Sales,Support").holds(Some("Support")));
        assert!(op("ENDS_WITH", "@contoso.com").holds(Some("a@contoso.com")));
        assert!(!op("ENDS_WITH", "@contoso.com").holds(Some("a@contoso.com.evil")));
    }

    #[test]
    fn undocumented_operators_are_refused() {
        for name in ["Less_Than", "Less_Than_OR_EQUALS", "NOT Includes", "DNS"] {
            let e = Operator::parse(name, &["1".into()]).unwrap_err();
            assert!(e.0.contains("not one Entra documents"), "{name}");
        }
    }
}
