//! Genesys Cloud's side: the phone types its SCIM API takes, the written forms it asks for, and
//! the verdict on one value (see the module documentation of [`crate::phone`] for each rule and
//! where it comes from).

use super::parse::{type_words, ExtStyle, Parsed, Retry};
use super::GenesysVerdict;
use rlibphonenumber::{ParseError, PhoneNumberType, ValidationError};

/// The `phoneNumbers[].type` values Genesys Cloud accepts (its SCIM API's enum).
pub const GENESYS_PHONE_TYPES: &[&str] = &[
    "work",
    "work2",
    "work3",
    "work4",
    "home",
    "mobile",
    "other",
    "microsoftteams",
    "zoomphone",
    "eightbyeight",
    "ringcentral",
];

/// Types filed under Genesys's "Other phone" for a unified-communications integration.
const UC_TYPES: &[&str] = &["microsoftteams", "zoomphone", "eightbyeight", "ringcentral"];

/// Whether `t` is one of [`GENESYS_PHONE_TYPES`], ignoring ASCII case.
pub fn is_genesys_phone_type(t: &str) -> bool {
    canonical_type(t).is_some()
}

/// The lower-case spelling of a Genesys phone type.
pub fn canonical_type(t: &str) -> Option<&'static str> {
    let t = t.trim();
    GENESYS_PHONE_TYPES
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(t))
}

/// Whether Genesys requires E.164 or a tel URI for this (canonical) type: every type except
/// `other` and the integration types, which land in "Other phone".
pub fn requires_e164(canonical: &str) -> bool {
    canonical != "other" && !UC_TYPES.contains(&canonical)
}

/// The written form of a whole value, as far as Genesys's format rule is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `tel:+14255550109` or `tel:+14255550109;ext=402`: what Genesys stores.
    CanonicalTel,
    /// `+14255550109`.
    E164,
    /// A tel URI with RFC 3966 visual separators (`tel:+1-425-555-0109`), an upper-case scheme,
    /// or the Genesys SDK's `; ext=` spacing.
    LooseTel,
    /// `tel:;ext=402`: Genesys's extension-only value.
    ExtensionOnlyTel,
    /// Anything else: not a form Genesys takes for the strict types.
    Other,
}

/// Classifies `value` exactly as it would be sent (surrounding whitespace makes it `Other`).
pub fn form(value: &str) -> Form {
    if let Some(rest) = value.strip_prefix("tel:") {
        if let Some(ext) = rest.strip_prefix(";ext=") {
            if is_extension(ext) {
                return Form::ExtensionOnlyTel;
            }
        }
        let (number, ext) = rest.split_once(";ext=").unwrap_or((rest, "1"));
        if is_e164(number) && is_extension(ext) {
            return Form::CanonicalTel;
        }
    }
    if is_e164(value) {
        return Form::E164;
    }
    if let Some(rest) = value
        .get(4..)
        .filter(|_| value[..4].eq_ignore_ascii_case("tel:"))
    {
        let lower = rest.to_ascii_lowercase().replace("; ext=", ";ext=");
        let (number, ext) = lower.split_once(";ext=").unwrap_or((&lower, "1"));
        let number: String = number
            .chars()
            .filter(|c| !matches!(c, '-' | '.' | '(' | ')'))
            .collect();
        if is_e164(&number) && is_extension(ext) {
            return Form::LooseTel;
        }
    }
    Form::Other
}

/// `+` and 1 to 15 ASCII digits, the first not `0`.
pub fn is_e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|d| {
        (1..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

fn is_extension(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The verdict and the sentences explaining it, for a value of a known type.
pub fn judge(parsed: &Parsed, canonical_type: &str) -> (GenesysVerdict, Vec<String>) {
    let mut notes = Vec::new();
    if parsed.trimmed.is_empty() {
        notes.push(EMPTY.to_string());
        return (GenesysVerdict::Rejected, notes);
    }
    if requires_e164(canonical_type) {
        let verdict = judge_strict(parsed, &mut notes);
        if verdict != GenesysVerdict::Rejected {
            type_mismatch_note(parsed, canonical_type, &mut notes);
        }
        (verdict, notes)
    } else {
        judge_lenient(parsed, canonical_type, &mut notes);
        (GenesysVerdict::Accepted, notes)
    }
}

/// The sentence for an empty value.
pub const EMPTY: &str =
    "the value is empty: empty values are never sent; Genesys keeps the old value";

/// The sentence for a type Genesys does not know.
pub fn unknown_type_note(t: &str) -> String {
    format!(
        "`{}` is not a phone type Genesys accepts (likely 400 invalidValue); use one of {}",
        t.trim(),
        GENESYS_PHONE_TYPES.join(", ")
    )
}

fn judge_strict(parsed: &Parsed, notes: &mut Vec<String>) -> GenesysVerdict {
    if parsed.is_extension_only() {
        extension_only_notes(parsed, notes);
        return GenesysVerdict::ExtensionOnly;
    }
    let Some(reading) = &parsed.reading else {
        notes.push(unreadable(parsed));
        return GenesysVerdict::Rejected;
    };
    if !reading.valid {
        notes.push(invalid(parsed));
        return GenesysVerdict::Rejected;
    }
    let written = form(&parsed.raw);
    let digits_match = format!("+{}", parsed.number_digits()) == reading.e164;
    match written {
        Form::CanonicalTel if digits_match => GenesysVerdict::Accepted,
        Form::E164 | Form::LooseTel if digits_match => {
            if written == Form::LooseTel {
                notes.push(format!(
                    "a tel URI with separators or the spaced `; ext=` of Genesys's own example: \
                     Genesys's normalised form is {}",
                    tel_uri(parsed).unwrap_or_default()
                ));
            }
            notes.push(format!(
                "Genesys normalises the number to {}: the value it stores differs from what \
                 Entra sent, and Entra may see a difference on the next cycle",
                tel_uri(parsed).unwrap_or_default()
            ));
            GenesysVerdict::AcceptedAfterNormalizing
        }
        Form::CanonicalTel | Form::E164 | Form::LooseTel => {
            notes.push(format!(
                "the digits are not the number's E.164 form: libphonenumber reads it as {}; a \
                 national trunk prefix (such as the 0 in +44 0…) is never part of E.164",
                reading.e164
            ));
            GenesysVerdict::Rejected
        }
        Form::ExtensionOnlyTel | Form::Other => {
            format_defects(parsed, notes);
            GenesysVerdict::Rejected
        }
    }
}

fn judge_lenient(parsed: &Parsed, canonical_type: &str, notes: &mut Vec<String>) {
    if UC_TYPES.contains(&canonical_type) {
        notes.push(format!(
            "Genesys files a `{canonical_type}` number under Other phone for that integration, \
             which dials it: E.164 is the safe form"
        ));
    }
    if parsed.is_extension_only() {
        notes.push(
            "an extension with no phone number; Genesys's rule for Other phone does not say \
             whether one is kept"
                .to_string(),
        );
        return;
    }
    if !matches!(
        form(&parsed.raw),
        Form::CanonicalTel | Form::E164 | Form::LooseTel
    ) {
        notes.push(
            "not E.164: Genesys does not require E.164 for Other phone and keeps the value as \
             written, but external trunks' dial plans may rewrite it"
                .to_string(),
        );
    }
    match &parsed.reading {
        None => notes.push(unreadable(parsed)),
        Some(r) if !r.valid => notes.push(invalid(parsed)),
        Some(_) => {}
    }
}

fn extension_only_notes(parsed: &Parsed, notes: &mut Vec<String>) {
    let digits = parsed.extension_digits().unwrap_or_default();
    notes.push(format!(
        "an extension with no phone number: Genesys's Entra article builds the extension-only \
         value tel:;ext={digits}, but its SCIM documentation does not say whether it is accepted"
    ));
    if form(&parsed.raw) != Form::ExtensionOnlyTel {
        notes.push(format!(
            "written `{}`; the form Genesys's article produces is tel:;ext={digits}",
            parsed.trimmed
        ));
    }
}

/// Why the number could not be read at all.
fn unreadable(parsed: &Parsed) -> String {
    let no_region = parsed.region.is_none();
    let reason = match &parsed.parse_error {
        Some(ParseError::InvalidCountryCode) if !parsed.marks.plus && no_region => {
            let which = if parsed.unknown_region.is_some() {
                "no usable default region"
            } else {
                "no default region"
            };
            format!("no country code (no leading +) and {which}, so the country cannot be known")
        }
        Some(ParseError::InvalidCountryCode) => "the country code is not one in use".to_string(),
        Some(ParseError::TooShortAfterIdd | ParseError::TooShortNsn) => "too short".to_string(),
        Some(ParseError::TooLongNsn) => "too long".to_string(),
        Some(ParseError::NotANumber(_)) | None => "not a phone number".to_string(),
    };
    format!("libphonenumber cannot read `{}`: {reason}", parsed.trimmed)
}

/// Why a number that was read is not valid.
fn invalid(parsed: &Parsed) -> String {
    let Some(r) = &parsed.reading else {
        return unreadable(parsed);
    };
    let reason = match r.impossible_reason {
        Some(ValidationError::InvalidCountryCode) => {
            format!("+{} is not a country code in use", r.country_code)
        }
        Some(ValidationError::TooShort) => format!("too short for a +{} number", r.country_code),
        Some(ValidationError::TooLong) => format!("too long for a +{} number", r.country_code),
        Some(ValidationError::InvalidLength) => {
            format!("no +{} number has this length", r.country_code)
        }
        None if r.local_only => format!(
            "too short for a full +{} number (a local number without its area code)",
            r.country_code
        ),
        None => format!(
            "the length fits, but no +{} number range in libphonenumber's data starts like this \
             (fictional and unassigned ranges such as 555-01xx are not valid)",
            r.country_code
        ),
    };
    let region_hint = match (&parsed.region, parsed.marks.plus || parsed.retry.is_some()) {
        (Some(region), false) => format!(" (read as a {region} number, the default region)"),
        _ => String::new(),
    };
    format!(
        "not a valid phone number: {} {reason}{region_hint}; Genesys likely rejects it (400 \
         invalidValue)",
        r.e164
    )
}

/// The sentences for a valid number written in a form Genesys does not take.
fn format_defects(parsed: &Parsed, notes: &mut Vec<String>) {
    let m = &parsed.marks;
    let target = tel_uri(parsed).unwrap_or_default();
    notes.push(format!(
        "not E.164: Genesys takes `+` and digits only, or a tel URI such as {target}; Entra \
         sends the value as stored, so expect 400 invalidValue"
    ));
    if parsed.raw != parsed.trimmed {
        notes.push("has whitespace at its start or end, which Entra sends too".to_string());
    }
    if m.spaces {
        notes.push("contains spaces: Genesys stores numbers as E.164, without spaces".to_string());
    }
    if m.other_whitespace {
        notes.push(
            "contains tabs or no-break spaces, which StripSpaces does not remove".to_string(),
        );
    }
    if m.dashes || m.dots || m.parentheses || m.slashes {
        let mut kinds = Vec::new();
        for (present, word) in [
            (m.dashes, "dashes"),
            (m.dots, "dots"),
            (m.parentheses, "parentheses"),
            (m.slashes, "slashes"),
        ] {
            if present {
                kinds.push(word);
            }
        }
        notes.push(format!(
            "contains {}: E.164 has digits only",
            join_words(&kinds)
        ));
    }
    if m.trunk_zero_in_parentheses {
        notes.push("`(0)` marks a national trunk prefix, which E.164 leaves out".to_string());
    }
    if m.letters {
        notes.push(
            "contains letters (a vanity number): E.164 has digits only, and no Entra function \
             turns letters into digits, so store the digits in Entra"
                .to_string(),
        );
    }
    if m.non_ascii_digits {
        notes.push(
            "uses digits other than 0-9 (full-width or another script): store ASCII digits in \
             Entra"
                .to_string(),
        );
    }
    match parsed.retry {
        Some(Retry::InternationalPrefix00) => {
            notes.push("starts with the international call prefix 00 instead of +".to_string())
        }
        Some(Retry::TelWithoutPlus) => notes.push(
            "the tel URI has no + before the country code; RFC 3966 requires it for a global \
             number"
                .to_string(),
        ),
        None if !m.plus => {
            let region = parsed.region.as_deref().unwrap_or("?");
            notes.push(format!(
                "national format (no + and country code): libphonenumber read it as a {region} \
                 number only because {region} is the default region, and Genesys needs the \
                 country code"
            ));
        }
        None => {}
    }
    if let Some(ext) = &parsed.extension {
        if !(parsed.tel_prefix && ext.style == ExtStyle::Rfc3966) {
            notes.push(format!(
                "the extension is written `{}` style; Genesys's form for a number with an \
                 extension is the tel URI {target}",
                style_example(ext.style, &ext.digits)
            ));
        }
    }
}

fn style_example(style: ExtStyle, digits: &str) -> String {
    match style {
        ExtStyle::Rfc3966 => format!(";ext={digits}"),
        ExtStyle::Equals => format!("ext={digits}"),
        ExtStyle::Word => format!("ext. {digits}"),
        ExtStyle::X => format!("x{digits}"),
        ExtStyle::Hash => format!("#{digits}"),
        ExtStyle::Library => format!("ext {digits}"),
    }
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A note when the number's kind contradicts the type it is mapped to (a landline as `mobile`).
fn type_mismatch_note(parsed: &Parsed, canonical_type: &str, notes: &mut Vec<String>) {
    let Some(r) = &parsed.reading else { return };
    if canonical_type == "mobile" && r.number_type == PhoneNumberType::FixedLine {
        notes.push(format!(
            "libphonenumber says this is a {} number, mapped to `mobile`",
            type_words(r.number_type).unwrap_or("landline")
        ));
    }
}

/// For a valid number, `tel:+…` with `;ext=…`, RFC 3966 without visual separators; for an
/// extension-only value, Genesys's `tel:;ext=…`.
pub fn tel_uri(parsed: &Parsed) -> Option<String> {
    let ext = parsed.extension_digits();
    if parsed.is_extension_only() {
        return ext.map(|e| format!("tel:;ext={e}"));
    }
    let e164 = &parsed.reading.as_ref().filter(|r| r.valid)?.e164;
    Some(match ext {
        Some(e) => format!("tel:{e164};ext={e}"),
        None => format!("tel:{e164}"),
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn types_are_case_insensitive() {
        assert!(is_genesys_phone_type("Work"));
        assert!(is_genesys_phone_type("MICROSOFTTEAMS"));
        assert!(is_genesys_phone_type(" mobile "));
        assert!(!is_genesys_phone_type("fax"));
        assert!(!is_genesys_phone_type("work5"));
        assert!(!is_genesys_phone_type(""));
        assert_eq!(canonical_type("ZoomPhone"), Some("zoomphone"));
        assert_eq!(GENESYS_PHONE_TYPES.len(), 11);
    }

    #[test]
    fn which_types_need_e164() {
        for t in ["work", "work2", "work3", "work4", "home", "mobile"] {
            assert!(requires_e164(t), "{t}");
        }
        for t in [
            "other",
            "microsoftteams",
            "zoomphone",
            "eightbyeight",
            "ringcentral",
        ] {
            assert!(!requires_e164(t), "{t}");
        }
    }

    #[test]
    fn forms() {
        assert_eq!(form("tel:+14255550109"), Form::CanonicalTel);
        assert_eq!(form("tel:+14255550109;ext=402"), Form::CanonicalTel);
        assert_eq!(form("+14255550109"), Form::E164);
        assert_eq!(form("tel:+1-425-555-0109"), Form::LooseTel);
        assert_eq!(form("TEL:+14255550109"), Form::LooseTel);
        assert_eq!(form("tel:+13178723000; ext=105"), Form::LooseTel);
        assert_eq!(form("tel:;ext=402"), Form::ExtensionOnlyTel);
        for other in [
            "+1 425 555 0109",
            "14255550109",
            "+",
            "+0123",
            "+1234567890123456",
            "tel:14255550109",
            "tel:+14255550109;ext=",
            "tel:+14255550109;ext=4a",
            "+14255550109x402",
            "",
        ] {
            assert_eq!(form(other), Form::Other, "{other}");
        }
    }

    #[test]
    fn tel_uris() {
        assert_eq!(
            tel_uri(&parse("+1 425 555 0109 x402", None)).as_deref(),
            Some("tel:+14255550109;ext=402")
        );
        assert_eq!(
            tel_uri(&parse("+1 425 555 0109", None)).as_deref(),
            Some("tel:+14255550109")
        );
        assert_eq!(
            tel_uri(&parse("x402", None)).as_deref(),
            Some("tel:;ext=402")
        );
        assert_eq!(tel_uri(&parse("hello", None)), None);
        assert_eq!(tel_uri(&parse("+1 555 0100", None)), None);
    }

    #[test]
    fn words() {
        assert_eq!(join_words(&["dashes"]), "dashes");
        assert_eq!(join_words(&["dashes", "dots"]), "dashes and dots");
        assert_eq!(
            join_words(&["dashes", "dots", "parentheses"]),
            "dashes, dots and parentheses"
        );
    }
}
