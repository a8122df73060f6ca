//! `Replace(source, oldValue, regexPattern, regexGroupName, replacementValue,
//! replacementAttributeName, template)` and the translation of .NET regular expressions to
//! `fancy-regex`.
//!
//! # Which form runs
//!
//! The arguments given decide the form, checked in this order:
//!
//! 1. `regexPattern` + `regexGroupName` + replacement attribute: a non-empty `source` is returned
//!    as is; otherwise the pattern is applied to the attribute's value and the text of the named
//!    group in the first match is returned (no match, or the group took no part: null).
//! 2. `regexPattern` + `regexGroupName` + `replacementValue`: in every match, only the text
//!    captured by the group is replaced by `replacementValue` (taken literally); the rest of the
//!    match stays.
//! 3. `regexPattern` + `replacementValue`: .NET `Regex.Replace` over all matches, with .NET
//!    substitutions in `replacementValue` (see below).
//! 4. `oldValue` + `template`: every `oldValue` in `template` is replaced by `source`.
//! 5. `oldValue` (+ `replacementValue`, missing means `""`): literal, case-sensitive replace-all
//!    in `source`.
//!
//! A null `source` gives null in forms 2–5. When no form applies (only `source`, or an empty
//! `oldValue`, which would otherwise insert text between every character), `source` is returned
//! unchanged.
//!
//! Decisions taken where Microsoft's documentation is silent:
//!
//! * A `regexPattern` is always compiled, even when the other arguments select a non-regex form,
//!   so a broken pattern is reported rather than silently ignored.
//! * A `regexGroupName` that is not a group of the pattern is an error (Entra silently changes
//!   nothing, which hides typos). A group may also be named by its .NET number (`"1"`).
//! * `regexPattern` + replacement attribute without `regexGroupName` is an error: there is no
//!   documented way to choose what to extract.
//!
//! # .NET regular expressions
//!
//! Entra evaluates patterns with .NET's `Regex` and its default options; this preview translates
//! them to `fancy-regex` ([`compile_dotnet_regex`]) so that they mean the same:
//!
//! * `\w` = `[\p{L}\p{Mn}\p{Nd}\p{Pc}]`, `\d` = `\p{Nd}`, `\s` = `[\f\n\r\t\v\x85\p{Z}]`, and
//!   `\b`/`\B` on that `\w` (written as lookaround); `\p{…}`/`\P{…}` take general categories and
//!   .NET's named blocks (`IsGreek`, …); `(?i)` folds all of Unicode.
//! * lookahead, lookbehind (also variable-length), atomic groups, backreferences `\1` and
//!   `\k<name>` (renumbered from .NET's order to the engine's), class subtraction
//!   `[a-z-[aeiou]]`, `(?#comment)`, `\xhh`, `\uhhhh`, `\cX`, `\0` octal, `\e`, `\a`, and .NET's
//!   literal `{`, `}`, `]` and character-class rules.
//! * the options `i` and `s` are passed on; `m` (`^`/`$` at line ends), `n` (only named groups
//!   capture) and `x` (white space and `#` comments ignored) are applied by the translation;
//!   without `m`, `$` and `\Z` also match before a final `\n`, as in .NET.
//! * refused, naming the construct and its position: conditionals `(?(…)…)`, balancing groups,
//!   `\G`, the surrogate blocks, possessive and doubled quantifiers (.NET refuses those too).
//!
//! Every search is bounded: its estimated work is charged to the evaluation's
//! [`Budget`] before it starts, each search stops after
//! [`REGEX_BACKTRACK_LIMIT`](super::budget::REGEX_BACKTRACK_LIMIT) backtracking steps (the
//! preview's match timeout), and a result over the value size limit is an error.
//!
//! Substitutions in `replacementValue` are .NET's: `$n`, `${n}`, `${name}`, `$$`, `$&`, `` $` ``,
//! `$'`, `$+` and `$_`; a `$` that does not form one of them (such as `${unknown}` or `$9` in a
//! pattern with fewer groups) stays literal text, as in .NET. They are expanded here from the
//! captures, not by `fancy-regex`, whose replacement syntax differs.
//!
//! Matches are enumerated the way .NET does, including an empty match right after a non-empty
//! one (`[a-z]*` replaced by `"-"` in `"ab1"` gives `"--1-"`), and `$n` numbers groups the .NET
//! way: unnamed groups first, then named groups, each in order of their opening parenthesis.
//!
//! # Where the code lives
//!
//! This file holds the arguments and the choice between the five forms. The private module
//! `dotnet_regex` translates and compiles .NET patterns and knows .NET's group numbering and
//! match enumeration; `substitution` writes the output of the two replacing regex forms.

mod dotnet_regex;
mod substitution;
#[cfg(test)]
mod test_support;

pub use dotnet_regex::compile_dotnet_regex;
use dotnet_regex::DotNetRegex;
use substitution::{regex_replace, replace_group};

use super::budget::Budget;

/// The arguments of one `Replace` call, already evaluated. `None` means the argument was
/// omitted or evaluated to null.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplaceArgs<'a> {
    /// `source`: the value to work on.
    pub source: Option<&'a str>,
    /// `oldValue`: the literal text to replace.
    pub old_value: Option<&'a str>,
    /// `regexPattern`: a .NET regular expression.
    pub regex_pattern: Option<&'a str>,
    /// `regexGroupName`: a named group of `regex_pattern`.
    pub regex_group_name: Option<&'a str>,
    /// `replacementValue`: the new text (with .NET substitutions in the plain regex form).
    pub replacement_value: Option<&'a str>,
    /// The value of the attribute passed as `replacementAttributeName` (e.g. `[mobile]`).
    pub replacement_attribute: Option<&'a str>,
    /// `template`: text in which `old_value` is replaced by `source`.
    pub template: Option<&'a str>,
}

/// `Replace(…)`: runs the form selected by the given arguments (see the module documentation)
/// and returns the resulting value, `None` meaning null.
///
/// # Errors
///
/// Fails when the pattern cannot be used (invalid or unsupported .NET syntax, unknown group) or
/// when a replacement attribute is given without a group name.
pub fn replace(args: &ReplaceArgs, budget: &mut Budget) -> Result<Option<String>, String> {
    let regex = args
        .regex_pattern
        .map(DotNetRegex::compile_cached)
        .transpose()?;
    if let Some(regex) = &regex {
        match (
            args.regex_group_name,
            args.replacement_attribute,
            args.replacement_value,
        ) {
            (Some(group), Some(attribute), _) => {
                return extract_fallback(regex, group, args.source, attribute, budget);
            }
            (None, Some(_), _) => {
                return Err(
                    "Replace: a replacement attribute (6th argument) also needs regexGroupName \
                     (4th argument), the name of the group whose text should be extracted."
                        .to_owned(),
                );
            }
            (Some(group), None, Some(value)) => {
                let group = regex.group_index(group)?;
                return args
                    .source
                    .map(|s| replace_group(regex, s, group, value, budget))
                    .transpose();
            }
            (None, None, Some(value)) => {
                return args
                    .source
                    .map(|s| regex_replace(regex, s, value, budget))
                    .transpose();
            }
            (_, None, None) => {}
        }
    }
    match (args.old_value, args.template) {
        (Some(""), _) | (None, _) => Ok(args.source.map(str::to_owned)),
        (Some(old), Some(template)) => args
            .source
            .map(|s| replace_literal(template, old, s, budget))
            .transpose(),
        (Some(old), None) => {
            let new = args.replacement_value.unwrap_or("");
            args.source
                .map(|s| replace_literal(s, old, new, budget))
                .transpose()
        }
    }
}

/// Form 1: extract a group from the replacement attribute when `source` has no value.
fn extract_fallback(
    regex: &DotNetRegex,
    group: &str,
    source: Option<&str>,
    attribute: &str,
    budget: &mut Budget,
) -> Result<Option<String>, String> {
    let group = regex.group_index(group)?;
    if let Some(source) = source.filter(|s| !s.is_empty()) {
        return Ok(Some(source.to_owned()));
    }
    Ok(regex
        .first_capture(attribute, group, budget)?
        .map(str::to_owned))
}

/// Every `old` in `text` replaced by `new`, refusing a result over the size limit before
/// building it.
fn replace_literal(
    text: &str,
    old: &str,
    new: &str,
    budget: &mut Budget,
) -> Result<String, String> {
    let count = text.matches(old).count();
    budget.spend(u64::try_from(count).unwrap_or(u64::MAX), "the replacements")?;
    let size = text.len() - count * old.len() + count.saturating_mul(new.len());
    budget.check_size(size)?;
    Ok(text.replace(old, new))
}

#[cfg(test)]
mod tests {
    use super::test_support::{group_form, regex_form, run, some};
    use super::*;

    /// Form 5: `Replace(source, old, , , new, , )`.
    fn literal_form(source: &str, old: &str, new: Option<&str>) -> Result<Option<String>, String> {
        run(&ReplaceArgs {
            source: Some(source),
            old_value: Some(old),
            replacement_value: new,
            ..ReplaceArgs::default()
        })
    }

    const PHONE: &str = r"\+(?<isdCode>\d* )(?<phoneNumber>\d{10})";

    // --- the documented examples (reference §2.35) ---

    #[test]
    fn doc_literal_replace() {
        assert_eq!(
            literal_form(
                "Product Developer",
                "Product Developer",
                Some("Software Engineer")
            ),
            some("Software Engineer")
        );
    }

    #[test]
    fn doc_template() {
        let args = ReplaceArgs {
            source: Some("jsmith"),
            old_value: Some("<username>"),
            template: Some("<username>@contoso.com"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), some("jsmith@contoso.com"));
    }

    #[test]
    fn doc_regex_phone_number() {
        assert_eq!(
            regex_form("+91 9998887777", PHONE, "${phoneNumber}"),
            some("9998887777")
        );
    }

    #[test]
    fn doc_regex_strip_punctuation_keeps_plus() {
        assert_eq!(
            regex_form("+1 (999) 888-7777", r"[()\s-]+", ""),
            some("+19998887777")
        );
    }

    #[test]
    fn doc_group_street_number() {
        assert_eq!(
            group_form(
                "545 Tremont Street",
                r"(?<streetNumber>^\d*)",
                "streetNumber",
                "888"
            ),
            some("888 Tremont Street")
        );
    }

    #[test]
    fn doc_group_suffix() {
        assert_eq!(
            group_form("jsmith@contoso.com", "(?<Suffix>@(.)*)", "Suffix", ""),
            some("jsmith")
        );
    }

    #[test]
    fn doc_attribute_fallback_when_source_empty() {
        let args = ReplaceArgs {
            source: Some(""),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("+91 8887779999"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), some("8887779999"));
        assert_eq!(
            run(&ReplaceArgs {
                source: None,
                ..args
            }),
            some("8887779999")
        );
    }

    #[test]
    fn doc_attribute_fallback_returns_source_with_value() {
        let args = ReplaceArgs {
            source: Some("+1 5551234567"),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("+91 8887779999"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), some("+1 5551234567"));
    }

    #[test]
    fn doc_remove_letters_and_underscore() {
        assert_eq!(regex_form("john_doe72", "[a-zA-Z_]*", ""), some("72"));
    }

    #[test]
    fn doc_strip_domain() {
        assert_eq!(
            literal_form("john.doe@contoso.com", "@contoso.com", Some("")),
            some("john.doe")
        );
    }

    #[test]
    fn doc_graph_parse_expression() {
        assert_eq!(literal_form("EN-US", "-", Some("_")), some("EN_US"));
    }

    #[test]
    fn doc_objectid_hex_letters_removed() {
        let hex = "30306161303061612D626231312D636332322D646433332D343465653434656534346565";
        assert_eq!(
            regex_form(hex, "[a-zA-Z_]*", ""),
            some("30306161303061612626231312636332322646433332343465653434656534346565")
        );
    }

    // --- the verified extra vectors ---

    #[test]
    fn extra_last_name_group() {
        assert_eq!(
            regex_form(
                "John Smith",
                "(?<firstName>[a-zA-Z]+ )(?<lastName>[a-zA-Z]+)",
                "${lastName}"
            ),
            some("Smith")
        );
    }

    #[test]
    fn extra_leading_zeros() {
        assert_eq!(
            regex_form(
                "00012345",
                "(?<leadingZeros>^0+)(?<actualValue>[a-zA-Z0-9]+)",
                "${actualValue}"
            ),
            some("12345")
        );
    }

    #[test]
    fn extra_hereditary_suffix() {
        assert_eq!(
            regex_form(
                "NLD_Van_der3",
                "(?<CountryISOCode>.*)_(?<suffix1>.*)_(?<suffix2>.*)[0-9]",
                "${suffix1} ${suffix2}"
            ),
            some("Van der")
        );
    }

    #[test]
    fn extra_nested_phone_cleanup() {
        let inner = regex_form(
            "+1 737-626-8331",
            r"\+(?<isdCode>\d* )(?<phoneNumber>.*)",
            "${phoneNumber}",
        )
        .unwrap()
        .unwrap();
        assert_eq!(regex_form(&inner, r"[()\s-]+", ""), some("7376268331"));
    }

    #[test]
    fn extra_phone_extension() {
        let pattern = r"\+(?<isdCode>\d* )(?<phoneNumber>.* )[x](?<extension>.*)";
        let number = regex_form("+1 (206) 291-8163 x8125", pattern, "${phoneNumber}")
            .unwrap()
            .unwrap();
        assert_eq!(regex_form(&number, r"[()\s-]+", ""), some("2062918163"));
        assert_eq!(
            regex_form("+1 (206) 291-8163 x8125", pattern, "${extension}"),
            some("8125")
        );
    }

    #[test]
    fn extra_zero_padding() {
        assert_eq!(
            regex_form("000000789", "(.*?)(?<id>.{0,6})$", "${id}"),
            some("000789")
        );
        assert_eq!(
            regex_form("0000000012345", "(.*?)(?<id>.{0,8})$", "${id}"),
            some("00012345")
        );
        assert_eq!(
            regex_form("0000000000567", "(.*?)(?<id>.{0,10})$", "${id}"),
            some("0000000567")
        );
    }

    #[test]
    fn extra_space_to_dot() {
        assert_eq!(literal_form("Mary Ann", " ", Some(".")), some("Mary.Ann"));
    }

    #[test]
    fn extra_isd_code_keeps_trailing_space() {
        assert_eq!(
            regex_form(
                "+44 20 7946 0958",
                r"\+(?<isdCode>\d* )(?<phoneNumber>.*)",
                "${isdCode}"
            ),
            some("44 ")
        );
    }

    // --- dispatch and null handling ---

    #[test]
    fn null_source_gives_null_in_forms_2_to_5() {
        let base = ReplaceArgs {
            source: None,
            ..ReplaceArgs::default()
        };
        let forms = [
            ReplaceArgs {
                regex_pattern: Some("a"),
                regex_group_name: Some("0"),
                replacement_value: Some("b"),
                ..base
            },
            ReplaceArgs {
                regex_pattern: Some("a"),
                replacement_value: Some("b"),
                ..base
            },
            ReplaceArgs {
                old_value: Some("a"),
                template: Some("<a>"),
                ..base
            },
            ReplaceArgs {
                old_value: Some("a"),
                replacement_value: Some("b"),
                ..base
            },
        ];
        for args in forms {
            assert_eq!(run(&args), Ok(None), "{args:?}");
        }
    }

    #[test]
    fn nothing_applicable_returns_source() {
        let only_source = ReplaceArgs {
            source: Some("abc"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&only_source), some("abc"));
        assert_eq!(run(&ReplaceArgs::default()), Ok(None));
        let empty_old = ReplaceArgs {
            old_value: Some(""),
            replacement_value: Some("x"),
            ..only_source
        };
        assert_eq!(run(&empty_old), some("abc"));
        let empty_old_template = ReplaceArgs {
            old_value: Some(""),
            template: Some("t"),
            ..only_source
        };
        assert_eq!(run(&empty_old_template), some("abc"));
        let pattern_only = ReplaceArgs {
            regex_pattern: Some("b"),
            ..only_source
        };
        assert_eq!(run(&pattern_only), some("abc"));
        let group_without_pattern = ReplaceArgs {
            regex_group_name: Some("g"),
            replacement_value: Some("x"),
            ..only_source
        };
        assert_eq!(run(&group_without_pattern), some("abc"));
    }

    #[test]
    fn missing_replacement_value_deletes_old_value() {
        assert_eq!(literal_form("a-b-c", "-", None), some("abc"));
    }

    #[test]
    fn literal_replace_is_case_sensitive_and_non_overlapping() {
        assert_eq!(
            literal_form("Contoso contoso", "contoso", Some("x")),
            some("Contoso x")
        );
        assert_eq!(literal_form("aaaa", "aa", Some("b")), some("bb"));
        assert_eq!(literal_form("Zoë Zoë", "ë", Some("e")), some("Zoe Zoe"));
    }

    #[test]
    fn template_wins_over_replacement_value() {
        let args = ReplaceArgs {
            source: Some("jsmith"),
            old_value: Some("%u"),
            replacement_value: Some("ignored"),
            template: Some("%u@contoso.com (%u)"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), some("jsmith@contoso.com (jsmith)"));
    }

    #[test]
    fn regex_wins_over_old_value() {
        let args = ReplaceArgs {
            source: Some("a1b2"),
            old_value: Some("a"),
            regex_pattern: Some(r"\d"),
            replacement_value: Some("#"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), some("a#b#"));
    }

    #[test]
    fn invalid_pattern_is_reported_even_when_unused() {
        let args = ReplaceArgs {
            source: Some("abc"),
            old_value: Some("a"),
            regex_pattern: Some("(unclosed"),
            ..ReplaceArgs::default()
        };
        assert!(run(&args).is_err());
    }

    #[test]
    fn attribute_fallback_edges() {
        let args = ReplaceArgs {
            source: Some(""),
            regex_pattern: Some(PHONE),
            regex_group_name: Some("phoneNumber"),
            replacement_attribute: Some("no phone here"),
            ..ReplaceArgs::default()
        };
        assert_eq!(run(&args), Ok(None));
        let optional_group = ReplaceArgs {
            regex_pattern: Some("(?<a>x)?y"),
            regex_group_name: Some("a"),
            replacement_attribute: Some("y"),
            ..args
        };
        assert_eq!(run(&optional_group), Ok(None));
        let unknown = ReplaceArgs {
            regex_group_name: Some("phone"),
            ..args
        };
        let err = run(&unknown).unwrap_err();
        assert!(err.contains("\"phone\" is not a group"), "{err}");
        assert!(err.contains("isdCode, phoneNumber"), "{err}");
        let no_group = ReplaceArgs {
            regex_group_name: None,
            ..args
        };
        let err = run(&no_group).unwrap_err();
        assert!(err.contains("regexGroupName"), "{err}");
    }
}
