//! The Entra expression that would turn a value into one Genesys takes.
//!
//! An expression is built from small steps, innermost first: clean the separators, add the
//! country code, rewrite the extension as a tel URI. Every candidate is then proven on the value
//! it was made for: it is compiled and evaluated with this crate's evaluator, and the result is
//! analysed again under the strict rules of the `work` type. Only an expression whose result is
//! accepted *and* is the same number and extension is offered; anything else gives no
//! suggestion rather than a wrong one.

use super::parse::{ExtStyle, Parsed, Retry};
use super::{analyze_with, GenesysVerdict, PhoneSource, Suggestion, Suggestions};
use crate::expr::{EvalContext, Expression, Outcome, Value};
use crate::memo::{remembered, Memo};
use crate::source::SourceAttributes;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The attribute an expression reads when the caller does not name one.
pub const DEFAULT_ATTRIBUTE: &str = "telephoneNumber";

/// Separators removed before anything else (`\s` also covers tabs; `/` is common in Germany).
const SEPARATORS: &str = r"[\\s()./-]+";

/// The same, plus the `(0)` of `+44 (0)20 …`, which must go as a whole.
const SEPARATORS_AND_TRUNK_ZERO: &str = r"\\s*\\(0\\)\\s*|[\\s()./-]+";

/// Rewrites `+14255550109x402` (any non-digits between number and extension) as a tel URI.
const EXTENSION_PATTERN: &str = r"^(?:tel:)?(\\+\\d+)\\D+(\\d+)$";
const EXTENSION_REPLACEMENT: &str = "tel:$1;ext=$2";

/// Genesys's own expression for a number whose extension is in a separate attribute.
const GENESYS_IIF: &str = "IIF(IsNullOrEmpty(StripSpaces([attributeThatContainsExtension])), \
    StripSpaces([telephoneNumber]), Join(\";ext=\", Append(\"tel:\", \
    StripSpaces([telephoneNumber])), StripSpaces([attributeThatContainsExtension])))";

/// The longest bare number read as a possible internal extension.
const MAX_BARE_EXTENSION: usize = 6;

/// The shortest (a single digit is more likely a typo or a placeholder).
const MIN_BARE_EXTENSION: usize = 2;

/// An expression under construction.
struct Plan {
    expr: String,
    steps: Vec<String>,
    guess: Option<String>,
    /// Builds Genesys's extension-only value.
    extension_only: bool,
}

impl Plan {
    /// A plan starting from `base`: `[attribute]`, or a row's whole expression.
    fn new(base: &str) -> Plan {
        Plan {
            expr: base.to_string(),
            steps: Vec::new(),
            guess: None,
            extension_only: false,
        }
    }

    fn wrap(&mut self, expr: String, step: String) {
        self.expr = expr;
        self.steps.push(step);
    }
}

/// What the evaluated expression must give.
enum Expect<'a> {
    Number {
        e164: &'a str,
        extension: Option<&'a str>,
    },
    ExtensionOnly(&'a str),
}

/// Where the suggestion starts, and the user it is proven on.
struct Base<'a> {
    /// `[attribute]` or the row's expression.
    expr: String,
    attributes: std::borrow::Cow<'a, SourceAttributes>,
}

impl<'a> Base<'a> {
    fn new(parsed: &Parsed, source: Option<PhoneSource<'a>>) -> Base<'a> {
        match source {
            Some(PhoneSource::Row {
                expression,
                attributes,
            }) if !expression.trim().is_empty() => Base {
                expr: expression.trim().to_string(),
                attributes: std::borrow::Cow::Borrowed(attributes),
            },
            other => {
                let attribute = match other {
                    Some(PhoneSource::Attribute(a)) => a.trim(),
                    _ => "",
                };
                let attribute = if attribute.is_empty() {
                    DEFAULT_ATTRIBUTE
                } else {
                    attribute
                };
                let mut attributes = SourceAttributes::new();
                attributes.set_str(attribute, parsed.raw.clone());
                Base {
                    expr: format!("[{attribute}]"),
                    attributes: std::borrow::Cow::Owned(attributes),
                }
            }
        }
    }
}

/// A proven expression for `parsed`, or `None` when no expression can be trusted to fix it.
/// The expression wraps `source`'s (the row's own transformation stays) and is proven by
/// evaluating all of it on the user's raw attributes.
pub fn suggest(
    parsed: &Parsed,
    canonical_type: &str,
    source: Option<PhoneSource<'_>>,
) -> Option<Suggestion> {
    let base = Base::new(parsed, source);
    let (plan, expect) = if parsed.is_extension_only() {
        let digits = parsed.extension_digits()?;
        (
            extension_only(&base.expr, false),
            Expect::ExtensionOnly(digits),
        )
    } else if let Some(reading) = parsed.reading.as_ref().filter(|r| r.valid) {
        let plan = number(parsed, &base.expr)?;
        let expect = Expect::Number {
            e164: &reading.e164,
            extension: parsed.extension_digits(),
        };
        (plan, expect)
    } else if looks_like_bare_extension(parsed) {
        let digits = parsed.number_digits();
        return prove(
            parsed,
            extension_only(&base.expr, true),
            Expect::ExtensionOnly(&digits),
            &base.attributes,
            canonical_type,
        );
    } else {
        return None;
    };
    prove(parsed, plan, expect, &base.attributes, canonical_type)
}

/// Evaluates the plan for the user and keeps it only if the result is right.
fn prove(
    parsed: &Parsed,
    plan: Plan,
    expect: Expect<'_>,
    attributes: &SourceAttributes,
    canonical_type: &str,
) -> Option<Suggestion> {
    let result = evaluate(&plan.expr, attributes)?;
    let check = analyze_with(
        &result,
        parsed.region.as_deref(),
        "work",
        None,
        Suggestions::Never,
    );
    let proven = match expect {
        Expect::Number { e164, extension } => {
            matches!(
                check.verdict,
                GenesysVerdict::Accepted | GenesysVerdict::AcceptedAfterNormalizing
            ) && check.e164.as_deref() == Some(e164)
                && check.extension.as_deref() == extension
        }
        Expect::ExtensionOnly(digits) => {
            check.verdict == GenesysVerdict::ExtensionOnly && result == format!("tel:;ext={digits}")
        }
    };
    if !proven {
        return None;
    }
    let mut explanation = format!(
        "{} For `{}` it gives `{result}`.",
        sentence(&plan.steps),
        parsed.raw
    );
    if let Some(guess) = &plan.guess {
        explanation.push_str(&format!(" Guess: {guess}"));
    }
    if plan.extension_only {
        // Nothing to add: the explanation already names Genesys's expression.
    } else if parsed.extension.is_some() {
        explanation.push_str(&format!(
            " If the extension is kept in its own attribute instead, Genesys's Entra article \
             builds the same tel URI with {GENESYS_IIF}; for users whose extension attribute is \
             empty, Entra's IIF condition check fails and nothing flows, which this preview \
             flags."
        ));
    } else if plan.steps.len() == 1 {
        explanation.push_str(&format!(
            " If some users' values carry an extension (such as x402), wrap it in \
             Replace(…, , \"{EXTENSION_PATTERN}\", , \"{EXTENSION_REPLACEMENT}\", , ) to send \
             tel:+…;ext=… instead."
        ));
    }
    if !super::genesys::requires_e164(canonical_type) {
        explanation.push_str(&format!(
            " Optional for `{canonical_type}`: Genesys does not require E.164 there."
        ));
    }
    Some(Suggestion {
        expression: plan.expr,
        explanation,
    })
}

/// Evaluates `expr` for a user with these attributes; the text that would flow.
fn evaluate(expr: &str, attributes: &SourceAttributes) -> Option<String> {
    let compiled = compiled(expr)?;
    let evaluation = compiled
        .evaluate(attributes, &EvalContext::default())
        .ok()?;
    match evaluation.outcome() {
        Outcome::Flows(Value::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

/// Expressions each thread keeps compiled for proofs ([`compiled`]); the memo is emptied when
/// full, so memory stays bounded whatever the values.
const COMPILED_KEPT: usize = 64;

thread_local! {
    /// Proof expressions compiled on this thread, by text. A directory's rejected values come in
    /// few shapes, and a shape's plans are the same text for every user who has it.
    static COMPILED: Memo<Option<Rc<Expression>>> = RefCell::new(HashMap::new());
}

/// `expr` compiled (`None` when it does not compile), from this thread's memo when it is there.
fn compiled(expr: &str) -> Option<Rc<Expression>> {
    remembered(&COMPILED, expr, COMPILED_KEPT, |e| {
        crate::compile(e).ok().map(Rc::new)
    })
}

/// Genesys's extension-only expression. `bare`: the value is digits (and spaces) only, so the
/// article's `StripSpaces` form fits as it is; otherwise a `Replace` keeps only the digits.
fn extension_only(base: &str, bare: bool) -> Plan {
    let mut plan = Plan::new(base);
    let inner = if bare {
        format!("StripSpaces({})", plan.expr)
    } else {
        format!("Replace({}, , \"\\\\D+\", , \"\", , )", plan.expr)
    };
    let step = if bare {
        "This is the extension-only expression from Genesys's Entra article, \
         Join(\";ext=\", \"tel:\", StripSpaces([attributeThatContainsExtension])), for a value \
         that is an internal extension rather than a phone number"
            .to_string()
    } else {
        "This is the extension-only expression from Genesys's Entra article, \
         Join(\";ext=\", \"tel:\", StripSpaces([attributeThatContainsExtension])), with a \
         Replace that keeps only the digits instead of StripSpaces"
            .to_string()
    };
    plan.wrap(format!("Join(\";ext=\", \"tel:\", {inner})"), step);
    plan.extension_only = true;
    plan
}

/// A short run of digits with no `+`: maybe an internal extension stored as the phone number.
fn looks_like_bare_extension(parsed: &Parsed) -> bool {
    let digits = parsed.number_digits();
    !parsed.tel_prefix
        && parsed.extension.is_none()
        && (MIN_BARE_EXTENSION..=MAX_BARE_EXTENSION).contains(&digits.len())
        && parsed
            .trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ')
}

/// The steps for a valid number written in a form Genesys does not take.
fn number(parsed: &Parsed, base: &str) -> Option<Plan> {
    let reading = parsed.reading.as_ref()?;
    let m = &parsed.marks;
    if m.letters || m.non_ascii_digits || m.other {
        return None;
    }
    // An extension the library found in a notation this module does not rewrite.
    if parsed.extension.is_none() && parsed.extension_digits().is_some() {
        return None;
    }
    let mut plan = Plan::new(base);

    // 1. Separators, over the whole value as Entra sends it (the extension's `ext.` included).
    let raw = &parsed.raw;
    let only_spaces = raw.contains(' ')
        && !raw
            .chars()
            .any(|c| matches!(c, '-' | '.' | '(' | ')' | '/') || (c.is_whitespace() && c != ' '));
    if only_spaces {
        let e = format!("StripSpaces({})", plan.expr);
        plan.wrap(
            e,
            "StripSpaces removes the spaces (Genesys's Entra article recommends StripSpaces on \
             every phone mapping)"
                .to_string(),
        );
    } else if raw
        .chars()
        .any(|c| matches!(c, '-' | '.' | '(' | ')' | '/') || c.is_whitespace())
    {
        let (pattern, what) = if m.plus && m.trunk_zero_in_parentheses {
            (
                SEPARATORS_AND_TRUNK_ZERO,
                "the (0) trunk marker, spaces, dashes, dots, parentheses and slashes",
            )
        } else {
            (SEPARATORS, "spaces, dashes, dots, parentheses and slashes")
        };
        let e = format!("Replace({}, , \"{pattern}\", , \"\", , )", plan.expr);
        plan.wrap(e, format!("the Replace removes {what}"));
    }

    // 2. The country code, when the value has no `+`.
    if !m.plus {
        country_code(parsed, reading, &mut plan)?;
    }

    // 3. The extension, as a tel URI.
    if let Some(ext) = &parsed.extension {
        if !(parsed.tel_prefix && ext.style == ExtStyle::Rfc3966) {
            let e = format!(
                "Replace({}, , \"{EXTENSION_PATTERN}\", , \"{EXTENSION_REPLACEMENT}\", , )",
                plan.expr
            );
            plan.wrap(
                e,
                "the outer Replace rewrites number and extension as Genesys's tel URI \
                 tel:+…;ext=…"
                    .to_string(),
            );
        }
    }
    if plan.steps.is_empty() {
        return None;
    }
    Some(plan)
}

/// Adds the step that puts `+` and the country code in front.
fn country_code(
    parsed: &Parsed,
    reading: &super::parse::LibraryReading,
    plan: &mut Plan,
) -> Option<()> {
    match parsed.retry {
        Some(Retry::TelWithoutPlus) => {
            let e = format!("Replace({}, \"tel:\", , , \"tel:+\", , )", plan.expr);
            plan.wrap(e, "adds the + a global tel URI needs".to_string());
            return Some(());
        }
        Some(Retry::InternationalPrefix00) => {
            let e = format!("Replace({}, , \"^00\", , \"+\", , )", plan.expr);
            plan.wrap(
                e,
                "turns the international call prefix 00 into +".to_string(),
            );
            return Some(());
        }
        None => {}
    }
    if parsed.tel_prefix {
        return None;
    }
    let digits = parsed.number_digits();
    let cc = reading.country_code.to_string();
    let nsn = &reading.national_number;
    let region = parsed.region.as_deref()?;
    let same_country = parsed.region_country_code == Some(reading.country_code);
    let guess = format!(
        "no expression can know a number's country; this one assumes every value of \
         {} is a {region} number, and numbers from elsewhere would get a wrong country code. \
         Storing E.164 in Entra avoids the guess.",
        plan_attribute(plan)
    );
    if digits == *nsn && same_country {
        let e = format!("Join(\"\", \"+{cc}\", {})", plan.expr);
        plan.wrap(e, format!("Join puts +{cc} in front"));
        plan.guess = Some(guess);
    } else if digits == format!("{cc}{nsn}") {
        let e = format!("Join(\"\", \"+\", {})", plan.expr);
        plan.wrap(
            e,
            format!("Join puts + in front of the country code {cc} the value starts with"),
        );
    } else if let Some(trunk) = digits
        .strip_suffix(nsn.as_str())
        .filter(|p| same_country && (1..=2).contains(&p.len()))
    {
        let e = format!("Replace({}, , \"^{trunk}\", , \"+{cc}\", , )", plan.expr);
        plan.wrap(
            e,
            format!("a Replace swaps the national trunk prefix {trunk} for +{cc}"),
        );
        plan.guess = Some(guess);
    } else if let Some(idd) = digits
        .strip_suffix(format!("{cc}{nsn}").as_str())
        .filter(|p| !p.is_empty() && p.len() <= 4)
    {
        let e = format!("Replace({}, , \"^{idd}\", , \"+\", , )", plan.expr);
        plan.wrap(
            e,
            format!("a Replace turns the international call prefix {idd} into +"),
        );
    } else {
        return None;
    }
    Some(())
}

/// The `[attribute]` at the heart of the plan's expression.
fn plan_attribute(plan: &Plan) -> &str {
    let start = plan.expr.find('[').unwrap_or(0);
    let end = plan.expr[start..]
        .find(']')
        .map_or(plan.expr.len(), |e| start + e + 1);
    &plan.expr[start..end]
}

/// "A; then b; then c." with the first letter capitalised.
fn sentence(steps: &[String]) -> String {
    let mut text = steps.join("; then ");
    if let Some(first) = text.get(..1) {
        let upper = first.to_ascii_uppercase();
        text.replace_range(..1, &upper);
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::super::{analyze, GenesysVerdict};
    use super::*;

    #[test]
    fn a_proof_expression_is_compiled_once_per_thread_and_the_memo_stays_bounded() {
        let text = "StripSpaces([telephoneNumber])";
        let first = compiled(text).expect("compiles");
        let again = compiled(text).expect("compiles");
        assert!(Rc::ptr_eq(&first, &again));
        assert!(compiled("Join(").is_none() && compiled("Join(").is_none());
        for n in 0..COMPILED_KEPT * 2 {
            compiled(&format!("Append([a], \"{n}\")"));
        }
        assert!(COMPILED.with(|c| c.borrow().len()) <= COMPILED_KEPT);
    }

    /// Every input for which a suggestion is expected, with its region, type and expression.
    const CASES: &[(&str, Option<&str>, &str, &str)] = &[
        (
            "+1 425 555 0109",
            None,
            "work",
            "StripSpaces([telephoneNumber])",
        ),
        (
            "+1 (206) 291-8163",
            None,
            "work",
            r#"Replace([telephoneNumber], , "[\\s()./-]+", , "", , )"#,
        ),
        (
            "+44 (0)20 7946 0958",
            None,
            "home",
            r#"Replace([telephoneNumber], , "\\s*\\(0\\)\\s*|[\\s()./-]+", , "", , )"#,
        ),
        (
            "+1 425 555 0109 x402",
            None,
            "work",
            r#"Replace(StripSpaces([telephoneNumber]), , "^(?:tel:)?(\\+\\d+)\\D+(\\d+)$", , "tel:$1;ext=$2", , )"#,
        ),
        (
            "+1 (206) 291-8163 ext. 8125",
            None,
            "work",
            r#"Replace(Replace([telephoneNumber], , "[\\s()./-]+", , "", , ), , "^(?:tel:)?(\\+\\d+)\\D+(\\d+)$", , "tel:$1;ext=$2", , )"#,
        ),
        (
            "+442079460958#402",
            None,
            "work",
            r#"Replace([telephoneNumber], , "^(?:tel:)?(\\+\\d+)\\D+(\\d+)$", , "tel:$1;ext=$2", , )"#,
        ),
        (
            "tel:+1 317 872 3000;ext=105",
            None,
            "work",
            "StripSpaces([telephoneNumber])",
        ),
        (
            "(425) 555-0109",
            Some("US"),
            "work",
            r#"Join("", "+1", Replace([telephoneNumber], , "[\\s()./-]+", , "", , ))"#,
        ),
        (
            "1-425-555-0109",
            Some("US"),
            "work",
            r#"Join("", "+", Replace([telephoneNumber], , "[\\s()./-]+", , "", , ))"#,
        ),
        (
            "020 7946 0958",
            Some("GB"),
            "work",
            r#"Replace(StripSpaces([telephoneNumber]), , "^0", , "+44", , )"#,
        ),
        (
            "030/901820 x12",
            Some("DE"),
            "work",
            r#"Replace(Replace(Replace([telephoneNumber], , "[\\s()./-]+", , "", , ), , "^0", , "+49", , ), , "^(?:tel:)?(\\+\\d+)\\D+(\\d+)$", , "tel:$1;ext=$2", , )"#,
        ),
        (
            "011 44 20 7946 0958",
            Some("US"),
            "work",
            r#"Replace(StripSpaces([telephoneNumber]), , "^011", , "+", , )"#,
        ),
        (
            "0044 20 7946 0958",
            None,
            "work",
            r#"Replace(StripSpaces([telephoneNumber]), , "^00", , "+", , )"#,
        ),
        (
            "tel:442079460958;ext=402",
            None,
            "work",
            r#"Replace([telephoneNumber], "tel:", , , "tel:+", , )"#,
        ),
        (
            "x402",
            Some("US"),
            "work",
            r#"Join(";ext=", "tel:", Replace([telephoneNumber], , "\\D+", , "", , ))"#,
        ),
        (
            "402",
            Some("US"),
            "work",
            r#"Join(";ext=", "tel:", StripSpaces([telephoneNumber]))"#,
        ),
        (
            "+1 425 555 0109",
            None,
            "microsoftteams",
            "StripSpaces([telephoneNumber])",
        ),
        (
            "+14255550109 ",
            None,
            "mobile",
            "StripSpaces([telephoneNumber])",
        ),
    ];

    #[test]
    fn every_suggestion_is_proven_by_evaluation() {
        for &(input, region, phone_type, expected) in CASES {
            let a = analyze(input, region, phone_type, None);
            let s = a
                .suggestion
                .unwrap_or_else(|| panic!("no suggestion for {input:?}: {:?}", a.problems));
            assert_eq!(s.expression, expected, "{input}");
            // Evaluate again here, independently of the module's own proof.
            let mut user = SourceAttributes::new();
            user.set_str(DEFAULT_ATTRIBUTE, input);
            let out = evaluate(&s.expression, &user).unwrap();
            let check = analyze(&out, region, "work", None);
            if s.expression.starts_with("Join(\";ext=\"") {
                assert_eq!(
                    check.verdict,
                    GenesysVerdict::ExtensionOnly,
                    "{input} → {out}"
                );
                assert_eq!(out, "tel:;ext=402");
            } else {
                assert!(
                    matches!(
                        check.verdict,
                        GenesysVerdict::Accepted | GenesysVerdict::AcceptedAfterNormalizing
                    ),
                    "{input} → {out}: {:?}",
                    check.problems
                );
                assert_eq!(check.e164, a.e164, "{input}");
                assert_eq!(check.extension, a.extension, "{input}");
                assert!(check.suggestion.is_none(), "{out} needs no further fix");
            }
            assert!(
                s.explanation.contains(&format!("it gives `{out}`")),
                "{}",
                s.explanation
            );
        }
    }

    #[test]
    fn source_attribute_is_used() {
        let a = analyze(
            "+1 425 555 0109",
            None,
            "mobile",
            Some(PhoneSource::Attribute("mobile")),
        );
        assert_eq!(a.suggestion.unwrap().expression, "StripSpaces([mobile])");
        let a = analyze(
            "+1 425 555 0109",
            None,
            "mobile",
            Some(PhoneSource::Attribute("  ")),
        );
        assert_eq!(
            a.suggestion.unwrap().expression,
            "StripSpaces([telephoneNumber])"
        );
        // A name the expression language cannot hold gives no suggestion rather than a broken one.
        assert!(analyze(
            "+1 425 555 0109",
            None,
            "work",
            Some(PhoneSource::Attribute("a]b")),
        )
        .suggestion
        .is_none());
    }

    #[test]
    fn explanations_name_the_guess_and_genesys_expressions() {
        let s = analyze("(425) 555-0109", Some("US"), "work", None)
            .suggestion
            .unwrap();
        assert!(s.explanation.contains("Guess:"), "{}", s.explanation);
        assert!(s.explanation.contains("US number"));
        assert!(s.explanation.contains("[telephoneNumber]"));
        let s = analyze("+1 425 555 0109 x402", None, "work", None)
            .suggestion
            .unwrap();
        assert!(s.explanation.contains("IIF(IsNullOrEmpty(StripSpaces("));
        assert!(!s.explanation.contains("Guess:"));
        let s = analyze("+1 425 555 0109", None, "work", None)
            .suggestion
            .unwrap();
        assert!(s
            .explanation
            .contains("Genesys's Entra article recommends StripSpaces"));
        let s = analyze("x402", None, "work", None).suggestion.unwrap();
        assert!(s
            .explanation
            .contains("Join(\";ext=\", \"tel:\", StripSpaces("));
        let s = analyze("+1 425 555 0109", None, "other", None)
            .suggestion
            .unwrap();
        assert!(s.explanation.contains("Optional for `other`"));
    }

    #[test]
    fn no_suggestion_when_nothing_can_be_trusted() {
        for (input, region) in [
            ("+14255550109", None), // already fine
            ("tel:+14255550109;ext=402", None),
            ("tel:;ext=402", None),
            ("1-800-FLOWERS", Some("US")),           // letters
            ("\u{FF0B}\u{FF11} 425 555 0109", None), // full-width digits
            ("+1 555 0100", None),                   // invalid number
            ("555-0100", None),                      // no region
            ("+4402079460958", None),                // trunk 0 after the country code
            ("hello", Some("US")),
        ] {
            let a = analyze(input, region, "work", None);
            assert!(a.suggestion.is_none(), "{input}: {:?}", a.suggestion);
        }
    }

    /// The row `StripSpaces([telephoneNumber])` sends `+13178723000x105` for the raw value
    /// `+1 317 872 3000 x105`. The fix must keep the row's StripSpaces: a Replace over the raw
    /// attribute alone would not match the spaced value and fix nothing.
    #[test]
    fn the_fix_keeps_the_rows_own_transformation() {
        let row = "StripSpaces([telephoneNumber])";
        let mut user = SourceAttributes::new();
        user.set_str("telephoneNumber", "+1 317 872 3000 x105");
        let flowing = evaluate(row, &user).unwrap();
        assert_eq!(flowing, "+13178723000x105");
        let source = PhoneSource::Row {
            expression: row,
            attributes: &user,
        };
        let a = analyze(&flowing, None, "work", Some(source));
        assert_eq!(a.verdict, GenesysVerdict::Rejected);
        let s = a.suggestion.expect("a suggestion");
        assert!(s.expression.contains(row), "{}", s.expression);
        // Proven independently: the whole suggestion on the user's raw attribute.
        let fixed = evaluate(&s.expression, &user).unwrap();
        assert_eq!(fixed, "tel:+13178723000;ext=105");
        assert_eq!(
            analyze(&fixed, None, "work", None).verdict,
            GenesysVerdict::Accepted
        );
        // The old behaviour, a fix over the bare attribute, does not fix the raw value.
        let bare = analyze(&flowing, None, "work", None).suggestion.unwrap();
        assert_ne!(
            evaluate(&bare.expression, &user).as_deref(),
            Some("tel:+13178723000;ext=105")
        );
    }

    #[test]
    fn a_row_whose_fix_fails_on_the_user_gets_none() {
        // The row reads two attributes; a suggestion must hold for this user's raw values.
        let row = "Coalesce([telephoneNumber], [mobile])";
        let mut user = SourceAttributes::new();
        user.set_str("mobile", "+1 425 555 0109");
        let source = PhoneSource::Row {
            expression: row,
            attributes: &user,
        };
        let a = analyze("+1 425 555 0109", None, "work", Some(source));
        assert_eq!(
            a.suggestion.unwrap().expression,
            "StripSpaces(Coalesce([telephoneNumber], [mobile]))"
        );
        // A value the row does not produce for this user cannot be proven.
        let a = analyze("+1 206 291 8163", None, "work", Some(source));
        assert!(a.suggestion.is_none());
    }

    #[test]
    fn sentence_capitalises() {
        assert_eq!(sentence(&["a".to_string(), "b".to_string()]), "A; then b.");
    }
}
