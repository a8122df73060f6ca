//! Phone suggestions, applied to what the row sends.

use crate::expr::lexer::{tokenize, TokenKind};
use crate::genesys::checks::PhoneCheck;
use crate::mapping::model::MappingSet;

/// A suggestion reads the raw attribute and was proven on the value the row sends. When the row
/// already transforms the attribute (e.g. `StripSpaces([telephoneNumber])`), the fix must apply
/// to what the row computes: the suggestion's first attribute is replaced by the row's
/// expression.
pub fn compose_suggestion(suggestion: &str, row_expression: &str) -> String {
    let row = row_expression.trim();
    let is_plain_attribute = {
        let tokens = tokenize(row);
        tokens.len() == 1 && tokens[0].kind == TokenKind::Attribute
    };
    if row.is_empty() || is_plain_attribute {
        return suggestion.to_string();
    }
    match tokenize(suggestion)
        .into_iter()
        .find(|t| t.kind == TokenKind::Attribute)
    {
        Some(t) => format!(
            "{}{row}{}",
            &suggestion[..t.span.start],
            &suggestion[t.span.end..]
        ),
        None => suggestion.to_string(),
    }
}

/// The fix for a phone value, as an expression for its row and why: the phone analysis's
/// suggestion composed with the row's own expression ([`compose_suggestion`]).
pub fn phone_suggestion(check: &PhoneCheck, set: &MappingSet) -> Option<(String, String)> {
    let s = check.analysis.suggestion.as_ref()?;
    let row = set
        .mappings
        .get(check.row)
        .and_then(|m| m.expression_text())
        .unwrap_or_default();
    Some((
        compose_suggestion(&s.expression, &row),
        s.explanation.clone(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::presets::genesys_default;
    use crate::phone::{GenesysVerdict, Suggestion};

    #[test]
    fn suggestions_compose_with_what_the_row_already_does() {
        let s = r#"Replace([telephoneNumber], , "x", , "y", , )"#;
        assert_eq!(compose_suggestion(s, "[telephoneNumber]"), s);
        assert_eq!(compose_suggestion(s, "  "), s);
        assert_eq!(
            compose_suggestion(s, "StripSpaces([telephoneNumber])"),
            r#"Replace(StripSpaces([telephoneNumber]), , "x", , "y", , )"#
        );
        assert_eq!(compose_suggestion("\"a\"", "Trim([x])"), "\"a\"");
    }

    #[test]
    fn a_phone_check_gets_its_rows_expression() {
        let set = genesys_default();
        let row = set
            .mappings
            .iter()
            .position(|m| {
                m.expression_text()
                    .is_some_and(|e| e.contains("telephoneNumber"))
            })
            .expect("the preset maps telephoneNumber");
        let mut analysis = crate::phone::analyze("+13178723000x402", Some("US"), "work", None);
        assert_eq!(analysis.verdict, GenesysVerdict::Rejected);
        analysis.suggestion = Some(Suggestion {
            expression: "Left([telephoneNumber], 12)".into(),
            explanation: "drop the extension".into(),
        });
        let check = PhoneCheck {
            row,
            target: "phoneNumbers[type eq \"work\"].value".into(),
            analysis,
        };
        let (fix, why) = phone_suggestion(&check, &set).unwrap();
        let own = set.mappings[row].expression_text().unwrap();
        assert_ne!(
            own.trim(),
            "[telephoneNumber]",
            "the preset transforms the number"
        );
        assert_eq!(fix, format!("Left({}, 12)", own.trim()));
        assert_eq!(why, "drop the extension");
        let out_of_range = PhoneCheck { row: 999, ..check };
        assert!(phone_suggestion(&out_of_range, &set)
            .is_some_and(|(f, _)| f.starts_with("Left([telephoneNumber]")));
    }
}
