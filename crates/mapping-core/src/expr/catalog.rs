//! The one table of Entra's 45 app-provisioning functions: for each, its parameters, argument
//! counts, a one-line description and the Rust function that implements it. The checker, the
//! evaluator, the CLI and the editor's autocomplete all read this table, so a function cannot be
//! known to one and missing from another.
//!
//! Layers point one way: `lexer → parser → checker → eval`, each reading this table, which
//! points down to the implementations (`apply`, over `functions/`).

use super::apply::{self, Apply};

/// One parameter of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The name the function reference gives it (for signatures and messages).
    pub name: &'static str,
    /// Whether a call must give it.
    pub required: bool,
    /// The parameter may be given any number of times (Join's sources, Coalesce's sources…).
    pub repeats: bool,
}

const fn req(name: &'static str) -> Param {
    Param {
        name,
        required: true,
        repeats: false,
    }
}

const fn opt(name: &'static str) -> Param {
    Param {
        name,
        required: false,
        repeats: false,
    }
}

const fn many(name: &'static str) -> Param {
    Param {
        name,
        required: true,
        repeats: true,
    }
}

/// How a call is evaluated.
#[derive(Clone, Copy)]
pub(crate) enum Implementation {
    /// From its evaluated arguments.
    Apply(Apply),
    /// By the evaluator, which evaluates the condition and then only the chosen branch (`IIF`).
    ChooseBranch,
}

impl std::fmt::Debug for Implementation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Implementation::Apply(_) => "Apply",
            Implementation::ChooseBranch => "ChooseBranch",
        })
    }
}

/// A function of the language.
#[derive(Debug, Clone, Copy)]
pub struct FunctionDef {
    /// The name, in the case Entra requires.
    pub name: &'static str,
    /// The parameters in order.
    pub params: &'static [Param],
    /// Fewest arguments a call may have.
    pub min_args: usize,
    /// Most arguments a call may have; `None` = no upper bound.
    pub max_args: Option<usize>,
    /// One sentence on what the function does.
    pub summary: &'static str,
    /// The code that evaluates a call.
    pub(crate) implementation: Implementation,
}

impl FunctionDef {
    /// `Name(a, b, [c])`, with optional parameters in brackets and `…` after repeating ones.
    pub fn signature(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| match (p.required, p.repeats) {
                (_, true) => format!("{}, …", p.name),
                (true, false) => p.name.to_string(),
                (false, false) => format!("[{}]", p.name),
            })
            .collect();
        format!("{}({})", self.name, params.join(", "))
    }

    /// Whether argument number `index` (0-based) must be present in a call with `count` args.
    pub fn requires_arg(&self, index: usize) -> bool {
        match self.params.get(index) {
            Some(p) => p.required,
            // Past the declared list: a repetition of the last (repeating) parameter.
            None => self.params.last().is_some_and(|p| p.repeats && p.required),
        }
    }

    /// The parameter name for argument number `index` (0-based).
    pub fn param_name(&self, index: usize) -> &'static str {
        self.params
            .get(index)
            .or_else(|| self.params.last())
            .map_or("argument", |p| p.name)
    }
}

macro_rules! f {
    ($name:literal, [$($p:expr),*], $min:expr, $max:expr, $summary:literal, $implementation:expr) => {
        FunctionDef {
            name: $name,
            params: &[$($p),*],
            min_args: $min,
            max_args: $max,
            summary: $summary,
            implementation: $implementation,
        }
    };
}

/// Every function, in alphabetical order (as Microsoft lists them).
pub static FUNCTIONS: &[FunctionDef] = &[
    f!(
        "Append",
        [req("source"), req("suffix")],
        2,
        Some(2),
        "Adds suffix to the end of source.",
        Implementation::Apply(apply::append)
    ),
    f!(
        "AppRoleAssignmentsComplex",
        [req("appRoleAssignments")],
        1,
        Some(1),
        "All of the user's app role assignments, for a multi-valued roles attribute.",
        Implementation::Apply(apply::app_role_assignments_complex)
    ),
    f!(
        "BitAnd",
        [req("value1"), req("value2")],
        2,
        Some(2),
        "Bitwise AND of two integers.",
        Implementation::Apply(apply::bit_and)
    ),
    f!(
        "CBool",
        [req("expression")],
        1,
        Some(1),
        "True when the value is non-zero or True, else False.",
        Implementation::Apply(apply::cbool)
    ),
    f!(
        "CDate",
        [req("expression")],
        1,
        Some(1),
        "Reads a date string and returns it in UTC as M/d/yyyy h:mm:ss tt.",
        Implementation::Apply(apply::cdate)
    ),
    f!(
        "Coalesce",
        [many("source"), opt("defaultValue")],
        1,
        None,
        "The first value that is not null; the last argument is the default.",
        Implementation::Apply(apply::coalesce)
    ),
    f!(
        "ConvertToBase64",
        [req("source")],
        1,
        Some(1),
        "Base64 of the string's UTF-16LE bytes.",
        Implementation::Apply(apply::convert_to_base64)
    ),
    f!(
        "ConvertToUTF8Hex",
        [req("source")],
        1,
        Some(1),
        "Upper-case hex of the string's UTF-8 bytes.",
        Implementation::Apply(apply::convert_to_utf8_hex)
    ),
    f!(
        "Count",
        [req("attribute")],
        1,
        Some(1),
        "How many values a multi-valued attribute has.",
        Implementation::Apply(apply::count)
    ),
    f!(
        "CStr",
        [req("value")],
        1,
        Some(1),
        "The value as a string.",
        Implementation::Apply(apply::cstr)
    ),
    f!(
        "DateAdd",
        [req("interval"), req("value"), req("dateTime")],
        3,
        Some(3),
        "Adds value intervals (yyyy, m, d, ww, h, n, s) to a date.",
        Implementation::Apply(apply::date_add)
    ),
    f!(
        "DateDiff",
        [req("interval"), req("date1"), req("date2")],
        3,
        Some(3),
        "How many intervals from date1 to date2 (VB rules).",
        Implementation::Apply(apply::date_diff)
    ),
    f!(
        "DateFromNum",
        [req("value")],
        1,
        Some(1),
        "Converts an AD FILETIME number to a date.",
        Implementation::Apply(apply::date_from_num)
    ),
    f!(
        "DefaultDomain",
        [],
        0,
        Some(0),
        "The tenant's default verified domain (e.g. contoso.com); an error when it has none.",
        Implementation::Apply(apply::default_domain)
    ),
    f!(
        "FormatDateTime",
        [
            req("source"),
            opt("dateTimeStyles"),
            req("inputFormat"),
            req("outputFormat")
        ],
        3,
        Some(4),
        "Re-formats a date using .NET format strings.",
        Implementation::Apply(apply::format_date_time)
    ),
    f!(
        "Guid",
        [],
        0,
        Some(0),
        "A new random GUID.",
        Implementation::Apply(apply::guid)
    ),
    f!(
        "IgnoreFlowIfNullOrEmpty",
        [req("expression")],
        1,
        Some(1),
        "Drops the attribute from the flow when the value is null or empty.",
        Implementation::Apply(apply::ignore_flow_if_null_or_empty)
    ),
    f!(
        "IIF",
        [req("condition"), req("valueIfTrue"), req("valueIfFalse")],
        3,
        Some(3),
        "valueIfTrue when the condition holds, else valueIfFalse.",
        Implementation::ChooseBranch
    ),
    f!(
        "InStr",
        [
            req("value1"),
            req("value2"),
            opt("start"),
            opt("compareType")
        ],
        2,
        Some(4),
        "1-based position of value2 in value1, 0 if absent.",
        Implementation::Apply(apply::in_str)
    ),
    f!(
        "IsNull",
        [req("expression")],
        1,
        Some(1),
        "True when the value is null (the attribute is absent).",
        Implementation::Apply(apply::is_null)
    ),
    f!(
        "IsNullOrEmpty",
        [req("expression")],
        1,
        Some(1),
        "True when the value is null or an empty string.",
        Implementation::Apply(apply::is_null_or_empty)
    ),
    f!(
        "IsPresent",
        [req("expression")],
        1,
        Some(1),
        "True when the value is neither null nor empty.",
        Implementation::Apply(apply::is_present)
    ),
    f!(
        "IsString",
        [req("expression")],
        1,
        Some(1),
        "True when the value can be read as a string.",
        Implementation::Apply(apply::is_string)
    ),
    f!(
        "Item",
        [req("attribute"), req("index")],
        2,
        Some(2),
        "The index-th value (1-based) of a multi-valued attribute.",
        Implementation::Apply(apply::item)
    ),
    f!(
        "Join",
        [req("separator"), many("source")],
        2,
        None,
        "Joins the non-empty values with the separator.",
        Implementation::Apply(apply::join)
    ),
    f!(
        "Left",
        [req("string"), req("numChars")],
        2,
        Some(2),
        "The first numChars characters.",
        Implementation::Apply(apply::left)
    ),
    f!(
        "Len",
        [req("value")],
        1,
        Some(1),
        "The number of characters; 0 when the value is null or empty.",
        Implementation::Apply(apply::len)
    ),
    f!(
        "Mid",
        [req("source"), req("start"), req("length")],
        3,
        Some(3),
        "length characters from the 1-based start.",
        Implementation::Apply(apply::mid)
    ),
    f!(
        "NormalizeDiacritics",
        [req("source")],
        1,
        Some(1),
        "Replaces accented letters by their plain equivalents (documented table).",
        Implementation::Apply(apply::normalize_diacritics)
    ),
    f!(
        "Not",
        [req("source")],
        1,
        Some(1),
        "False when the source is True, otherwise True.",
        Implementation::Apply(apply::not)
    ),
    f!(
        "Now",
        [],
        0,
        Some(0),
        "The current UTC time as M/d/yyyy h:mm:ss tt.",
        Implementation::Apply(apply::now)
    ),
    f!(
        "NumFromDate",
        [req("value")],
        1,
        Some(1),
        "Converts a date to AD FILETIME (e.g. for accountExpires).",
        Implementation::Apply(apply::num_from_date)
    ),
    f!(
        "PCase",
        [req("source"), opt("wordSeparators")],
        1,
        Some(2),
        "Proper Case: first letter of each word upper, the rest lower.",
        Implementation::Apply(apply::pcase)
    ),
    f!(
        "RandomString",
        [
            req("length"),
            req("minimumNumbers"),
            req("minimumSpecialCharacters"),
            req("minimumCapital"),
            req("minimumLowerCase"),
            opt("charactersToAvoid")
        ],
        5,
        Some(6),
        "A random string with the given character-class minimums.",
        Implementation::Apply(apply::random_string)
    ),
    f!(
        "Redact",
        [req("value")],
        1,
        Some(1),
        "The value flows unchanged but is shown as [Redact] in provisioning logs.",
        Implementation::Apply(apply::redact)
    ),
    f!(
        "RemoveDuplicates",
        [req("attribute")],
        1,
        Some(1),
        "Removes repeated values from a multi-valued attribute.",
        Implementation::Apply(apply::remove_duplicates)
    ),
    f!(
        "Replace",
        [
            req("source"),
            opt("oldValue"),
            opt("regexPattern"),
            opt("regexGroupName"),
            opt("replacementValue"),
            opt("replacementAttributeName"),
            opt("template")
        ],
        1,
        Some(7),
        "Replaces text literally, by regex, or through a template.",
        Implementation::Apply(apply::replace)
    ),
    f!(
        "SelectUniqueValue",
        [many("uniqueValueRule")],
        2,
        None,
        "The first rule's value that is not taken yet in the target.",
        Implementation::Apply(apply::select_unique_value)
    ),
    f!(
        "SingleAppRoleAssignment",
        [req("appRoleAssignments")],
        1,
        Some(1),
        "The user's single app role assignment, as a string.",
        Implementation::Apply(apply::single_app_role_assignment)
    ),
    f!(
        "Split",
        [req("source"), req("delimiter")],
        2,
        Some(2),
        "Splits a string into a multi-valued list.",
        Implementation::Apply(apply::split)
    ),
    f!(
        "StripSpaces",
        [req("source")],
        1,
        Some(1),
        "Removes every space character.",
        Implementation::Apply(apply::strip_spaces)
    ),
    f!(
        "Switch",
        [
            req("source"),
            opt("defaultValue"),
            req("key"),
            req("value"),
            many("key, value")
        ],
        4,
        None,
        "The value paired with the first key equal to source, else the default.",
        Implementation::Apply(apply::switch)
    ),
    f!(
        "ToLower",
        [req("source"), opt("culture")],
        1,
        Some(2),
        "Lower case (invariant culture unless one is given).",
        Implementation::Apply(apply::to_lower)
    ),
    f!(
        "ToUpper",
        [req("source"), opt("culture")],
        1,
        Some(2),
        "Upper case (invariant culture unless one is given).",
        Implementation::Apply(apply::to_upper)
    ),
    f!(
        "Word",
        [req("string"), req("wordNumber"), req("delimiters")],
        3,
        Some(3),
        "The wordNumber-th word (1-based) split on any of the delimiters.",
        Implementation::Apply(apply::word)
    ),
];

/// Functions of Entra's sibling products that admins paste into app provisioning by mistake.
pub static FOREIGN_FUNCTIONS: &[(&str, &str)] = &[
    ("ConvertFromBase64", "Microsoft Entra Cloud Sync"),
    ("DNComponent", "Microsoft Entra Cloud Sync"),
    ("Error", "Microsoft Entra Cloud Sync"),
    ("StringFromSid", "Microsoft Entra Cloud Sync"),
    ("Trim", "Microsoft Entra Cloud Sync"),
    ("Contains", "Microsoft Entra Cloud Sync"),
    ("CRef", "Microsoft Entra Cloud Sync"),
    ("LCase", "Microsoft Entra Connect sync"),
    ("UCase", "Microsoft Entra Connect sync"),
    ("Right", "Microsoft Entra Connect sync"),
    ("IsNullOrWhiteSpace", "Microsoft Entra Connect sync"),
    (
        "AppRoleAssignments",
        "Microsoft Graph's function list (undocumented)",
    ),
];

/// Names that may stand alone as arguments.
pub static IDENTIFIERS: &[&str] = &["vbBinaryCompare", "vbTextCompare"];

/// Looks a function up by its exact (case-sensitive) name.
pub fn lookup(name: &str) -> Option<&'static FunctionDef> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// Looks a function up ignoring case, for "did you mean" on mis-cased names.
pub fn lookup_ignoring_case(name: &str) -> Option<&'static FunctionDef> {
    FUNCTIONS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

/// The closest function name by edit distance, if it is close enough to be a likely typo.
pub fn closest(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    FUNCTIONS
        .iter()
        .map(|f| {
            (
                strsim::levenshtein(&lower, &f.name.to_ascii_lowercase()),
                f.name,
            )
        })
        .filter(|(d, candidate)| *d <= 2.max(candidate.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_45_functions_in_order() {
        assert_eq!(FUNCTIONS.len(), 45);
        let mut sorted: Vec<_> = FUNCTIONS
            .iter()
            .map(|f| f.name.to_ascii_lowercase())
            .collect();
        sorted.sort();
        let names: Vec<_> = FUNCTIONS
            .iter()
            .map(|f| f.name.to_ascii_lowercase())
            .collect();
        assert_eq!(sorted, names);
    }

    #[test]
    fn min_and_max_agree_with_params() {
        for f in FUNCTIONS {
            if let Some(max) = f.max_args {
                assert!(f.min_args <= max, "{}", f.name);
                assert_eq!(max, f.params.len(), "{}", f.name);
            } else {
                assert!(f.params.iter().any(|p| p.repeats), "{}", f.name);
            }
        }
    }

    #[test]
    fn every_function_but_iif_is_applied_from_its_arguments() {
        for f in FUNCTIONS {
            let lazy = matches!(f.implementation, Implementation::ChooseBranch);
            assert_eq!(lazy, f.name == "IIF", "{}", f.name);
        }
    }

    #[test]
    fn signatures_read_well() {
        assert_eq!(
            lookup("Mid").unwrap().signature(),
            "Mid(source, start, length)"
        );
        assert_eq!(
            lookup("Join").unwrap().signature(),
            "Join(separator, source, …)"
        );
        assert_eq!(
            lookup("InStr").unwrap().signature(),
            "InStr(value1, value2, [start], [compareType])"
        );
    }

    #[test]
    fn lookups() {
        assert!(lookup("iif").is_none());
        assert_eq!(lookup_ignoring_case("iif").unwrap().name, "IIF");
        assert_eq!(closest("Jion"), Some("Join"));
        assert_eq!(closest("StripSpace"), Some("StripSpaces"));
        assert_eq!(closest("Frobnicate"), None);
    }

    #[test]
    fn required_arguments() {
        let replace = lookup("Replace").unwrap();
        assert!(replace.requires_arg(0));
        assert!(!replace.requires_arg(1));
        let join = lookup("Join").unwrap();
        assert!(join.requires_arg(5));
        assert_eq!(join.param_name(5), "source");
    }
}
