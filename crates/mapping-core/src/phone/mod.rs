//! Phone numbers: what Genesys Cloud would make of one `phoneNumbers[type eq "…"].value` that
//! Entra sends, and the expression that would fix it.
//!
//! [`analyze`] reads a value the way libphonenumber does (through the `rlibphonenumber` port,
//! with a default region for numbers written without a country code), judges it by Genesys's
//! format rules for the phone type, and, when it is not in a form Genesys takes, proposes an
//! Entra expression that produces one.
//!
//! The module is split by job: [`parse`] takes the text apart and asks libphonenumber,
//! [`genesys`] holds Genesys's types and rules and gives the verdict, [`suggest`] builds and
//! proves the fixing expression.
//!
//! # Genesys's rules, and the decisions taken where it is silent
//!
//! * **Types.** `phoneNumbers[].type` must be one of [`GENESYS_PHONE_TYPES`] (Genesys's SCIM
//!   enum; matched ignoring case, as Genesys's SDKs do). Any other type is
//!   [`GenesysVerdict::Rejected`], with the list of allowed types.
//! * **Format for `work`, `work2`–`work4`, `home`, `mobile`.** Genesys's SCIM API describes the
//!   value as "E.164 or tel URI": `+` and at most 15 digits, or `tel:+…` with `;ext=…`.
//!   Genesys's phone addresses are stored normalised as `tel:+13178723000;ext=105`. So:
//!   * a valid number written exactly `tel:+<E.164>[;ext=<digits>]` is
//!     [`GenesysVerdict::Accepted`]: it is stored as sent;
//!   * a valid number written `+<E.164>`, or as a tel URI with RFC 3966 separators
//!     (`tel:+1-425-555-0109`), an upper-case scheme, or the `; ext=` spacing of Genesys's own
//!     SDK example, is [`GenesysVerdict::AcceptedAfterNormalizing`]: Genesys keeps `tel:+…`,
//!     which is not what Entra sent, and Entra compares what it reads back with what it sends;
//!   * anything else is [`GenesysVerdict::Rejected`] (expect 400 `invalidValue`) even when
//!     libphonenumber understands it: spaces, dashes, dots, parentheses, slashes, `x402`-style
//!     extensions, national format without `+`, a `00` prefix, letters, non-ASCII digits and
//!     whitespace around the value all make it not E.164. Each defect is named in
//!     [`PhoneAnalysis::problems`];
//!   * an E.164-shaped value whose digits are not libphonenumber's E.164 (`+4402079460958`,
//!     with the national 0 kept) is Rejected: it is not the number's E.164 form.
//! * **Validity.** A number libphonenumber cannot read, or reads but finds invalid (wrong
//!   length, unassigned range such as 555-01xx, unknown country code), is Rejected for the
//!   strict types. Genesys does not publish its validation; this assumes it validates like
//!   libphonenumber, which is the cautious reading.
//! * **`other` and the integration types** (`microsoftteams`, `zoomphone`, `eightbyeight`,
//!   `ringcentral`, all filed under Genesys's "Other phone"): Genesys states Other phone numbers
//!   need not be E.164. Any non-empty value is Accepted; a note says when it is not E.164, when
//!   libphonenumber finds it invalid, and, for integration types, that the integration dials it.
//! * **Extension only.** An extension with no number (`x402`, `ext. 402`, `tel:;ext=402`) for a
//!   strict type is [`GenesysVerdict::ExtensionOnly`]: Genesys's Entra article maps extensions
//!   alone with `Join(";ext=", "tel:", StripSpaces([…]))`, but its SCIM documentation does not
//!   say whether such a value is accepted. `tel_uri` is then Genesys's `tel:;ext=402` (not an
//!   RFC 3966 URI).
//! * **Empty.** An empty or whitespace-only value is Rejected with the note that empty values
//!   are never sent and Genesys keeps the old value.
//! * **Extensions** are recognised at the end of the value as `;ext=402`, `ext=402`, `ext 402`,
//!   `ext. 402`, `ext:402`, `extn 402`, `extension 402`, `x402`, `x. 402` and `#402` (any case);
//!   libphonenumber finds others. A number mapped to `mobile` that libphonenumber calls fixed
//!   line gets a note.
//! * **Default region.** Given as a two-letter code (any case). A code libphonenumber does not
//!   know is reported in `problems` and ignored. Two notations are retried without it: `00`
//!   followed by a country code, and a tel URI without `+` (`tel:441632768402`, as Teams
//!   stores numbers).
//!
//! # Suggestions
//!
//! A [`Suggestion`] is offered only when the value is not already E.164 or a tel URI, and only
//! after the expression has been evaluated by this crate's evaluator on the value itself and
//! its result analysed again as a `work` number: it must be accepted and be the same number and
//! extension. The building blocks are `StripSpaces` when spaces are the only separators (the
//! mapping Genesys's article recommends), a `Replace` removing `[\s()./-]` otherwise, a
//! `Join("", "+1", …)` or `Replace(…, "^0", "+44")` for national numbers, and a final `Replace`
//! that rewrites `+…x402` as `tel:+…;ext=402`. Adding a country code from the default region is
//! flagged as a guess: no expression can know a number's country. Values with letters or
//! non-ASCII digits get no suggestion: Entra has no function that could fix them reliably.
//! The expression builds on what produced the value ([`PhoneSource`]): for a mapping row, the
//! row's own expression (so `StripSpaces([telephoneNumber])` stays in the fix), proven by
//! evaluating the whole suggested expression on the user's raw attributes; for a bare value,
//! `[telephoneNumber]` (or the attribute named).
//!
//! # Bounded work
//!
//! A value longer than [`MAX_PHONE_LENGTH`] characters is not a phone number: it is Rejected
//! with a problem saying so, without parsing, judging or suggesting, so a 50 MB attribute costs
//! one length check.

pub mod genesys;
pub mod parse;
pub mod shape;
pub mod suggest;

#[cfg(test)]
mod tests;

pub use genesys::{is_genesys_phone_type, GENESYS_PHONE_TYPES};

use crate::source::SourceAttributes;
use genesys::Form;
use serde::{Deserialize, Serialize};

/// The longest value analysed, in bytes. E.164 is at most 16 characters; a tel URI with an
/// extension and separators stays well under 100. Longer values are refused unread.
pub const MAX_PHONE_LENGTH: usize = 256;

/// What produced the phone value, which a suggested expression builds on.
#[derive(Debug, Clone, Copy)]
pub enum PhoneSource<'a> {
    /// The value is this source attribute's own value (`telephoneNumber` when not given).
    Attribute(&'a str),
    /// The value is what a mapping row's `expression` gives for a user with these `attributes`:
    /// the suggestion wraps the expression and is proven on the attributes.
    Row {
        /// The row's source as expression text (`[mail]`, or the expression itself).
        expression: &'a str,
        /// The user's raw source attributes, which the suggestion is evaluated on.
        attributes: &'a SourceAttributes,
    },
}

/// The value shortened for a message: at most 60 characters, with `…` when cut.
pub fn shown(value: &str) -> String {
    const SHOWN: usize = 60;
    match value.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// Everything known about one phone value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneAnalysis {
    /// The value as given.
    pub input: String,
    /// The default region used for numbers without a country code, e.g. `"US"`.
    pub region: Option<String>,
    /// The number in E.164, e.g. `"+14255550109"` (also for numbers that are not valid).
    pub e164: Option<String>,
    /// The extension's digits, e.g. `"402"`.
    pub extension: Option<String>,
    /// For a valid number, RFC 3966 without separators, e.g. `"tel:+14255550109;ext=402"`; for
    /// an extension alone, Genesys's `"tel:;ext=402"`.
    pub tel_uri: Option<String>,
    /// libphonenumber's validity (length and number range).
    pub valid: bool,
    /// libphonenumber's length check only.
    pub possible: bool,
    /// In words: `"mobile"`, `"fixed line"`, `"fixed line or mobile"`, `"toll free"`, `"voip"`…
    pub number_type: Option<String>,
    /// The region the number belongs to, e.g. `"GB"` (`"001"` for non-geographic numbers).
    pub country: Option<String>,
    /// What Genesys would most likely do with the value as sent.
    pub verdict: GenesysVerdict,
    /// Plain sentences: why the verdict, and what else is worth knowing.
    pub problems: Vec<String>,
    /// An expression that turns the value into one Genesys takes, proven on this value.
    pub suggestion: Option<Suggestion>,
}

/// What Genesys Cloud would most likely do with the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenesysVerdict {
    /// Taken and stored as sent.
    Accepted,
    /// Taken, but Genesys normalises it to `tel:+…`: the stored value differs from what Entra
    /// sends.
    AcceptedAfterNormalizing,
    /// Most likely refused with 400 `invalidValue` (or, for an empty value, never sent).
    Rejected,
    /// An extension without a number: Genesys documents a mapping for it but not whether its
    /// SCIM API accepts it.
    ExtensionOnly,
}

impl GenesysVerdict {
    /// The verdict in words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            GenesysVerdict::Accepted => "accepted as sent",
            GenesysVerdict::AcceptedAfterNormalizing => "accepted; Genesys stores it in tel:+ form",
            GenesysVerdict::Rejected => "likely rejected",
            GenesysVerdict::ExtensionOnly => {
                "an extension without a number: not documented as accepted"
            }
        }
    }
}

/// An Entra expression that fixes the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The expression text to put in the row's source.
    pub expression: String,
    /// Plain sentences: what the expression does, what it gives for this value, and any guess
    /// it makes (such as a country code taken from the default region).
    pub explanation: String,
}

/// Analyses one phone value for the Genesys phone type `phone_type` (`"work"`, `"mobile"`…).
///
/// `default_region` (`"US"`, `"gb"`) is used for numbers written without a country code (the
/// preview passes the user's own region, [`crate::graph::phone_region`]); `source` is what
/// produced the value, which a suggested expression builds on (`[telephoneNumber]` when
/// `None`). Never panics; values over [`MAX_PHONE_LENGTH`] are refused unread.
pub fn analyze(
    input: &str,
    default_region: Option<&str>,
    phone_type: &str,
    source: Option<PhoneSource<'_>>,
) -> PhoneAnalysis {
    analyze_with(input, default_region, phone_type, source, Suggestions::All)
}

/// Which values an analysis builds a [`Suggestion`] for. Building one proves it: the suggested
/// expression is evaluated on the user and its result analysed again, which costs about as much
/// as the analysis itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Suggestions {
    /// Every value that is not already E.164 or a tel URI, accepted or not: the playground
    /// shows the cleaner mapping for a value Genesys only accepts after normalizing.
    #[default]
    All,
    /// Only the values Genesys refuses ([`GenesysVerdict::Rejected`] and
    /// [`GenesysVerdict::ExtensionOnly`]): the go-live check reports nothing about the others.
    Refused,
    /// None (used while proving a suggestion).
    Never,
}

impl Suggestions {
    fn wanted(self, verdict: GenesysVerdict) -> bool {
        match self {
            Suggestions::All => true,
            Suggestions::Refused => matches!(
                verdict,
                GenesysVerdict::Rejected | GenesysVerdict::ExtensionOnly
            ),
            Suggestions::Never => false,
        }
    }
}

/// [`analyze`], building suggestions only for the values `suggestions` asks for.
pub fn analyze_with(
    input: &str,
    default_region: Option<&str>,
    phone_type: &str,
    source: Option<PhoneSource<'_>>,
    suggestions: Suggestions,
) -> PhoneAnalysis {
    if input.len() > MAX_PHONE_LENGTH {
        return too_long(input, default_region);
    }
    let parsed = parse::parse(input, default_region);
    let mut problems = Vec::new();
    let canonical = genesys::canonical_type(phone_type);
    let verdict = match canonical {
        Some(t) => {
            let (verdict, notes) = genesys::judge(&parsed, t);
            problems.extend(notes);
            verdict
        }
        None => {
            problems.push(genesys::unknown_type_note(phone_type));
            if parsed.trimmed.is_empty() {
                problems.push(genesys::EMPTY.to_string());
            }
            GenesysVerdict::Rejected
        }
    };
    if let Some(region) = &parsed.unknown_region {
        problems.push(format!(
            "the default region `{region}` is not a two-letter region libphonenumber knows \
             (such as US or GB), so it was not used"
        ));
    }
    let needs_fix = !parsed.trimmed.is_empty()
        && !matches!(
            genesys::form(&parsed.raw),
            Form::CanonicalTel | Form::E164 | Form::LooseTel | Form::ExtensionOnlyTel
        );
    let suggestion = match canonical {
        Some(t) if needs_fix && suggestions.wanted(verdict) => suggest::suggest(&parsed, t, source),
        _ => None,
    };
    let reading = parsed.reading.as_ref();
    PhoneAnalysis {
        input: input.to_string(),
        region: parsed.region.clone(),
        e164: reading
            .filter(|_| !parsed.is_extension_only())
            .map(|r| r.e164.clone()),
        extension: parsed.extension_digits().map(str::to_string),
        tel_uri: genesys::tel_uri(&parsed),
        valid: reading.is_some_and(|r| r.valid),
        possible: reading.is_some_and(|r| r.possible),
        number_type: reading
            .and_then(|r| parse::type_words(r.number_type))
            .map(str::to_string),
        country: reading.and_then(|r| r.country.clone()),
        verdict,
        problems,
        suggestion,
    }
}

/// The analysis of a value too long to be a phone number (only its start is kept).
fn too_long(input: &str, default_region: Option<&str>) -> PhoneAnalysis {
    PhoneAnalysis {
        input: shown(input),
        region: default_region.map(|r| r.trim().to_ascii_uppercase()),
        e164: None,
        extension: None,
        tel_uri: None,
        valid: false,
        possible: false,
        number_type: None,
        country: None,
        verdict: GenesysVerdict::Rejected,
        problems: vec![format!(
            "the value is {} bytes long; a phone number is at most {MAX_PHONE_LENGTH}, so it was \
             not analysed (E.164 has at most 15 digits)",
            input.len()
        )],
        suggestion: None,
    }
}
