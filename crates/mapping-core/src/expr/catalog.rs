//! The catalogue of Entra's 45 app-provisioning functions: parameters, argument counts and a
//! one-line description, used by the checker, the CLI and the editor's autocomplete.

/// One parameter of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
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

/// A function of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionDef {
    pub name: &'static str,
    pub params: &'static [Param],
    /// Fewest arguments a call may have.
    pub min_args: usize,
    /// Most arguments a call may have; `None` = no upper bound.
    pub max_args: Option<usize>,
    pub summary: &'static str,
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
    ($name:literal, [$($p:expr),*], $min:expr, $max:expr, $summary:literal) => {
        FunctionDef { name: $name, params: &[$($p),*], min_args: $min, max_args: $max, summary: $summary }
    };
}

/// Every function, in alphabetical order (as Microsoft lists them).
pub static FUNCTIONS: &[FunctionDef] = &[
    f!(
        "Append",
        [req("source"), req("suffix")],
        2,
        Some(2),
        "Adds suffix to the end of source."
    ),
    f!(
        "AppRoleAssignmentsComplex",
        [req("appRoleAssignments")],
        1,
        Some(1),
        "All of the user's app role assignments, for a multi-valued roles attribute."
    ),
    f!(
        "BitAnd",
        [req("value1"), req("value2")],
        2,
        Some(2),
        "Bitwise AND of two integers."
    ),
    f!(
        "CBool",
        [req("expression")],
        1,
        Some(1),
        "True when the value is non-zero or True, else False."
    ),
    f!(
        "CDate",
        [req("expression")],
        1,
        Some(1),
        "Reads a date string and returns it in UTC as M/d/yyyy h:mm:ss tt."
    ),
    f!(
        "Coalesce",
        [many("source"), opt("defaultValue")],
        1,
        None,
        "The first value that is not null; the last argument is the default."
    ),
    f!(
        "ConvertToBase64",
        [req("source")],
        1,
        Some(1),
        "Base64 of the string's UTF-16LE bytes."
    ),
    f!(
        "ConvertToUTF8Hex",
        [req("source")],
        1,
        Some(1),
        "Upper-case hex of the string's UTF-8 bytes."
    ),
    f!(
        "Count",
        [req("attribute")],
        1,
        Some(1),
        "How many values a multi-valued attribute has."
    ),
    f!("CStr", [req("value")], 1, Some(1), "The value as a string."),
    f!(
        "DateAdd",
        [req("interval"), req("value"), req("dateTime")],
        3,
        Some(3),
        "Adds value intervals (yyyy, m, d, ww, h, n, s) to a date."
    ),
    f!(
        "DateDiff",
        [req("interval"), req("date1"), req("date2")],
        3,
        Some(3),
        "How many intervals from date1 to date2 (VB rules)."
    ),
    f!(
        "DateFromNum",
        [req("value")],
        1,
        Some(1),
        "Converts an AD FILETIME number to a date."
    ),
    f!(
        "DefaultDomain",
        [],
        0,
        Some(0),
        "The tenant's default verified domain (e.g. contoso.com); an error when it has none."
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
        "Re-formats a date using .NET format strings."
    ),
    f!("Guid", [], 0, Some(0), "A new random GUID."),
    f!(
        "IgnoreFlowIfNullOrEmpty",
        [req("expression")],
        1,
        Some(1),
        "Drops the attribute from the flow when the value is null or empty."
    ),
    f!(
        "IIF",
        [req("condition"), req("valueIfTrue"), req("valueIfFalse")],
        3,
        Some(3),
        "valueIfTrue when the condition holds, else valueIfFalse."
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
        "1-based position of value2 in value1, 0 if absent."
    ),
    f!(
        "IsNull",
        [req("expression")],
        1,
        Some(1),
        "True when the value is null (the attribute is absent)."
    ),
    f!(
        "IsNullOrEmpty",
        [req("expression")],
        1,
        Some(1),
        "True when the value is null or an empty string."
    ),
    f!(
        "IsPresent",
        [req("expression")],
        1,
        Some(1),
        "True when the value is neither null nor empty."
    ),
    f!(
        "IsString",
        [req("expression")],
        1,
        Some(1),
        "True when the value can be read as a string."
    ),
    f!(
        "Item",
        [req("attribute"), req("index")],
        2,
        Some(2),
        "The index-th value (1-based) of a multi-valued attribute."
    ),
    f!(
        "Join",
        [req("separator"), many("source")],
        2,
        None,
        "Joins the non-empty values with the separator."
    ),
    f!(
        "Left",
        [req("string"), req("numChars")],
        2,
        Some(2),
        "The first numChars characters."
    ),
    f!(
        "Len",
        [req("value")],
        1,
        Some(1),
        "The number of characters; 0 when the value is null or empty."
    ),
    f!(
        "Mid",
        [req("source"), req("start"), req("length")],
        3,
        Some(3),
        "length characters from the 1-based start."
    ),
    f!(
        "NormalizeDiacritics",
        [req("source")],
        1,
        Some(1),
        "Replaces accented letters by their plain equivalents (documented table)."
    ),
    f!(
        "Not",
        [req("source")],
        1,
        Some(1),
        "False when the source is True, otherwise True."
    ),
    f!(
        "Now",
        [],
        0,
        Some(0),
        "The current UTC time as M/d/yyyy h:mm:ss tt."
    ),
    f!(
        "NumFromDate",
        [req("value")],
        1,
        Some(1),
        "Converts a date to AD FILETIME (e.g. for accountExpires)."
    ),
    f!(
        "PCase",
        [req("source"), opt("wordSeparators")],
        1,
        Some(2),
        "Proper Case: first letter of each word upper, the rest lower."
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
        "A random string with the given character-class minimums."
    ),
    f!(
        "Redact",
        [req("value")],
        1,
        Some(1),
        "The value flows unchanged but is shown as [Redact] in provisioning logs."
    ),
    f!(
        "RemoveDuplicates",
        [req("attribute")],
        1,
        Some(1),
        "Removes repeated values from a multi-valued attribute."
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
        "Replaces text literally, by regex, or through a template."
    ),
    f!(
        "SelectUniqueValue",
        [many("uniqueValueRule")],
        2,
        None,
        "The first rule's value that is not taken yet in the target."
    ),
    f!(
        "SingleAppRoleAssignment",
        [req("appRoleAssignments")],
        1,
        Some(1),
        "The user's single app role assignment, as a string."
    ),
    f!(
        "Split",
        [req("source"), req("delimiter")],
        2,
        Some(2),
        "Splits a string into a multi-valued list."
    ),
    f!(
        "StripSpaces",
        [req("source")],
        1,
        Some(1),
        "Removes every space character."
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
        "The value paired with the first key equal to source, else the default."
    ),
    f!(
        "ToLower",
        [req("source"), opt("culture")],
        1,
        Some(2),
        "Lower case (invariant culture unless one is given)."
    ),
    f!(
        "ToUpper",
        [req("source"), opt("culture")],
        1,
        Some(2),
        "Upper case (invariant culture unless one is given)."
    ),
    f!(
        "Word",
        [req("string"), req("wordNumber"), req("delimiters")],
        3,
        Some(3),
        "The wordNumber-th word (1-based) split on any of the delimiters."
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
