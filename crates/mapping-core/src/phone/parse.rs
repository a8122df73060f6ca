//! Reading one phone value: what it is written with, where its extension is, and what
//! libphonenumber (the `rlibphonenumber` port) makes of the number.
//!
//! The extension is split off here rather than left to the library, for two reasons: the
//! library does not read every notation people store in Entra (it fails on the Genesys SDK's own
//! example `tel:+13178723000; ext=105`, with a space), and the notation matters for the advice
//! (`x402` needs a different expression than `;ext=402`).

use rlibphonenumber::{
    NumberLengthType, ParseError, PhoneNumber, PhoneNumberFormat, PhoneNumberType, Region,
    ValidationError, PHONE_NUMBER_UTIL,
};

/// How an extension was written in the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtStyle {
    /// `;ext=402`, the RFC 3966 parameter (spaces around `;` and `=` tolerated).
    Rfc3966,
    /// `ext=402` without the `;`.
    Equals,
    /// `ext 402`, `ext. 402`, `extn 402`, `extension 402`, `ext:402`.
    Word,
    /// `x402`, `x 402`, `x. 402`.
    X,
    /// `#402`.
    Hash,
    /// Not found by this module; the library found it (another notation, or a tel URI whose
    /// `;ext=` is followed by more parameters).
    Library,
}

/// An extension and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// The extension's ASCII digits, e.g. `402`.
    pub digits: String,
    /// The notation it was written in.
    pub style: ExtStyle,
}

/// What the text of the number part (without `tel:` and without the extension) contains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// U+0020, the only character `StripSpaces` removes.
    pub spaces: bool,
    /// Tabs, no-break spaces and other whitespace that `StripSpaces` leaves in place.
    pub other_whitespace: bool,
    /// `-`.
    pub dashes: bool,
    /// `.`.
    pub dots: bool,
    /// `(` or `)`.
    pub parentheses: bool,
    /// `/`.
    pub slashes: bool,
    /// `(0)`, the "drop this 0 when dialling from abroad" marker of `+44 (0)20 …`.
    pub trunk_zero_in_parentheses: bool,
    /// Letters (a vanity number such as `1-800-FLOWERS`, or text).
    pub letters: bool,
    /// Digits other than ASCII `0`–`9` (full-width, Arabic-Indic, …).
    pub non_ascii_digits: bool,
    /// Anything else that is not a digit, `+` or one of the separators above.
    pub other: bool,
    /// A `+` (ASCII or full-width) somewhere in the number part.
    pub plus: bool,
}

impl Marks {
    fn of(text: &str) -> Marks {
        let mut m = Marks {
            trunk_zero_in_parentheses: text.contains("(0)"),
            ..Marks::default()
        };
        for c in text.chars() {
            match c {
                '0'..='9' => {}
                '+' | '\u{FF0B}' => m.plus = true,
                ' ' => m.spaces = true,
                '-' => m.dashes = true,
                '.' => m.dots = true,
                '(' | ')' => m.parentheses = true,
                '/' => m.slashes = true,
                c if c.is_whitespace() => m.other_whitespace = true,
                c if c.is_alphabetic() => m.letters = true,
                c if c.is_numeric() => m.non_ascii_digits = true,
                _ => m.other = true,
            }
        }
        m
    }

    /// Separators that a `Replace` with `[\s()./-]` removes (everything but U+0020 alone).
    pub fn has_separators_beyond_spaces(&self) -> bool {
        self.dashes || self.dots || self.parentheses || self.slashes || self.other_whitespace
    }
}

/// What libphonenumber read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryReading {
    /// `+` and digits.
    pub e164: String,
    /// The country calling code, e.g. `44`.
    pub country_code: i32,
    /// The national significant number (with Italy's leading zero).
    pub national_number: String,
    /// libphonenumber's validity: right length and an assigned number range.
    pub valid: bool,
    /// libphonenumber's length check only.
    pub possible: bool,
    /// Possible only as a local number, dialled without its area code.
    pub local_only: bool,
    /// Why the number is not possible, when it is not.
    pub impossible_reason: Option<ValidationError>,
    /// libphonenumber's kind of number (mobile, fixed line, toll free, …).
    pub number_type: PhoneNumberType,
    /// The region the number belongs to (`"GB"`, `"001"` for non-geographic numbers).
    pub country: Option<String>,
    /// An extension the library found that this module did not.
    pub extension: Option<String>,
}

/// A fallback reading that produced the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// `00 44 …`: read as `+44 …`.
    InternationalPrefix00,
    /// `tel:441632768402`: read as `tel:+441632768402`.
    TelWithoutPlus,
}

/// One phone value taken apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The value exactly as given (what Entra would send).
    pub raw: String,
    /// The value without surrounding whitespace.
    pub trimmed: String,
    /// The value started with `tel:` (any case).
    pub tel_prefix: bool,
    /// The number part: without `tel:`, without the extension, trimmed.
    pub number_part: String,
    /// The extension this module split off the end of the value, if any.
    pub extension: Option<Extension>,
    /// What the number part is written with.
    pub marks: Marks,
    /// The default region, upper-cased, when it is one libphonenumber knows.
    pub region: Option<String>,
    /// The default region's country calling code.
    pub region_country_code: Option<i32>,
    /// The default region as given, when libphonenumber does not know it.
    pub unknown_region: Option<String>,
    /// What libphonenumber read, when it could read the number part (or a retry of it).
    pub reading: Option<LibraryReading>,
    /// Why libphonenumber could not read the number part, when it could not.
    pub parse_error: Option<ParseError>,
    /// The fallback notation `reading` came from, when the first reading failed or was invalid.
    pub retry: Option<Retry>,
}

impl Parsed {
    /// An extension with no number: nothing but `tel:`, separators or nothing before it.
    pub fn is_extension_only(&self) -> bool {
        self.extension.is_some() && !self.number_part.chars().any(|c| c.is_numeric())
    }

    /// The extension digits, from this module or from the library.
    pub fn extension_digits(&self) -> Option<&str> {
        self.extension
            .as_ref()
            .map(|e| e.digits.as_str())
            .or_else(|| self.reading.as_ref()?.extension.as_deref())
    }

    /// The ASCII digits of the number part, in order.
    pub fn number_digits(&self) -> String {
        self.number_part
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    }
}

/// Longest extension read as one (the ITU leaves extensions open; libphonenumber reads up to 20).
const MAX_EXTENSION_DIGITS: usize = 20;

/// Takes `input` apart and reads it with libphonenumber, using `default_region` for numbers
/// written without a country code.
pub fn parse(input: &str, default_region: Option<&str>) -> Parsed {
    let trimmed = input.trim().to_string();
    let (tel_prefix, rest) = strip_tel(&trimmed);
    let (number_part, extension) = split_extension(rest);
    let number_part = number_part.trim().to_string();
    let marks = Marks::of(&number_part);

    let (region, region_country_code, unknown_region) = resolve_region(default_region);
    let mut parsed = Parsed {
        raw: input.to_string(),
        trimmed,
        tel_prefix,
        number_part,
        extension,
        marks,
        region: region.map(|r| r.to_string()),
        region_country_code,
        unknown_region,
        reading: None,
        parse_error: None,
        retry: None,
    };
    if parsed.number_part.is_empty() || parsed.is_extension_only() {
        return parsed;
    }

    let text = if tel_prefix {
        format!("tel:{}", parsed.number_part)
    } else {
        parsed.number_part.clone()
    };
    let mut result = PhoneNumber::parse(&text, region).map(|n| read(&n));

    // Fallbacks for two notations libphonenumber reads only with the right default region.
    let digits = parsed.number_digits();
    let first_valid = matches!(&result, Ok(r) if r.valid);
    if !first_valid && !parsed.marks.plus {
        let retry = if tel_prefix {
            Some((
                Retry::TelWithoutPlus,
                format!("tel:+{}", parsed.number_part),
            ))
        } else if digits.starts_with("00") {
            let after = parsed
                .number_part
                .trim_start_matches(|c: char| !c.is_ascii_digit());
            after
                .strip_prefix("00")
                .map(|rest| (Retry::InternationalPrefix00, format!("+{rest}")))
        } else {
            None
        };
        if let Some((kind, text)) = retry {
            if let Ok(second) = PhoneNumber::parse(&text, None).map(|n| read(&n)) {
                if result.is_err() || second.valid {
                    result = Ok(second);
                    parsed.retry = Some(kind);
                }
            }
        }
    }
    match result {
        Ok(reading) => parsed.reading = Some(reading),
        Err(e) => parsed.parse_error = Some(e),
    }
    parsed
}

fn read(n: &PhoneNumber) -> LibraryReading {
    let possible = n.is_possible_with_reason();
    // libphonenumber's validity is "the number has a type in its region's metadata": both find
    // the region the same way, so the type is looked up once and validity follows from it.
    let number_type = n.get_type();
    LibraryReading {
        e164: n.format_as(PhoneNumberFormat::E164).into_owned(),
        country_code: n.country_code,
        national_number: n.get_national_significant_number(),
        valid: number_type != PhoneNumberType::Unknown,
        possible: matches!(
            possible,
            Ok(NumberLengthType::IsPossible | NumberLengthType::IsPossibleLocalOnly)
        ),
        local_only: possible == Ok(NumberLengthType::IsPossibleLocalOnly),
        impossible_reason: possible.err(),
        number_type,
        country: n.get_region_code().map(|r| r.to_string()),
        extension: n.extension.clone().filter(|e| !e.is_empty()),
    }
}

/// The region libphonenumber should assume, its calling code, and the text given when it is not
/// a region the library knows (two letters with metadata).
fn resolve_region(given: Option<&str>) -> (Option<Region>, Option<i32>, Option<String>) {
    let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) else {
        return (None, None, None);
    };
    let known = Region::from_code(given)
        .ok()
        .filter(|_| given.len() == 2)
        .and_then(|r| Some((r, PHONE_NUMBER_UTIL.get_country_code_for_region(r)?)));
    match known {
        Some((region, code)) => (Some(region), Some(code), None),
        None => (None, None, Some(given.to_string())),
    }
}

/// Splits off a leading `tel:` (any case).
fn strip_tel(s: &str) -> (bool, &str) {
    match s.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("tel:") => (true, &s[4..]),
        _ => (false, s),
    }
}

/// Finds an extension written at the end of `s`: trailing digits preceded by one of the markers
/// `;ext=`, `ext=`, `ext`, `ext.`, `ext:`, `extn`, `extension`, `x`, `x.` or `#` (any case,
/// spaces allowed around the marker). A letter marker must not be glued to a preceding letter,
/// so `fax 402` is not read as an extension.
pub fn split_extension(s: &str) -> (&str, Option<Extension>) {
    let body = s.trim_end();
    let digits_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    let Some(digits_start) = digits_start else {
        return (s, None);
    };
    let digits = &body[digits_start..];
    if digits.len() > MAX_EXTENSION_DIGITS {
        return (s, None);
    }
    let before = body[..digits_start].trim_end();
    let Some((marker_start, style)) = find_marker(before) else {
        return (s, None);
    };
    let number = before[..marker_start].trim_end();
    let number = number.trim_end_matches([',', ';']).trim_end();
    (
        number,
        Some(Extension {
            digits: digits.to_string(),
            style,
        }),
    )
}

/// The byte where an extension marker ending `before` starts, and its style.
fn find_marker(before: &str) -> Option<(usize, ExtStyle)> {
    let lower = before.to_ascii_lowercase();
    if let Some(stripped) = lower.strip_suffix('#') {
        return Some((stripped.len(), ExtStyle::Hash));
    }
    if let Some(rest) = lower.strip_suffix('=') {
        let rest = rest.trim_end();
        let word = rest.strip_suffix("ext")?;
        let word_start = word.len();
        if !glued_to_letter(word) {
            let semi = word.trim_end();
            if let Some(s) = semi.strip_suffix(';') {
                return Some((s.len(), ExtStyle::Rfc3966));
            }
            return Some((word_start, ExtStyle::Equals));
        }
        return None;
    }
    let without_punct = lower.strip_suffix(['.', ':']).unwrap_or(&lower).trim_end();
    for (word, style) in [
        ("extension", ExtStyle::Word),
        ("extn", ExtStyle::Word),
        ("ext", ExtStyle::Word),
        ("x", ExtStyle::X),
    ] {
        if let Some(head) = without_punct.strip_suffix(word) {
            if glued_to_letter(head) {
                return None;
            }
            return Some((head.len(), style));
        }
    }
    None
}

fn glued_to_letter(head: &str) -> bool {
    head.chars().last().is_some_and(|c| c.is_alphabetic())
}

/// Plain words for a libphonenumber number type; `None` for "unknown".
pub fn type_words(t: PhoneNumberType) -> Option<&'static str> {
    Some(match t {
        PhoneNumberType::FixedLine => "fixed line",
        PhoneNumberType::Mobile => "mobile",
        PhoneNumberType::FixedLineOrMobile => "fixed line or mobile",
        PhoneNumberType::TollFree => "toll free",
        PhoneNumberType::PremiumRate => "premium rate",
        PhoneNumberType::SharedCost => "shared cost",
        PhoneNumberType::VoIP => "voip",
        PhoneNumberType::PersonalNumber => "personal number",
        PhoneNumberType::Pager => "pager",
        PhoneNumberType::UAN => "universal access number",
        PhoneNumberType::VoiceMail => "voicemail",
        PhoneNumberType::Unknown => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_is_having_a_type_for_every_region_and_kind_of_number() {
        use rlibphonenumber::PhoneNumberType as T;
        let kinds = [
            T::FixedLine,
            T::Mobile,
            T::TollFree,
            T::PremiumRate,
            T::VoIP,
            T::UAN,
        ];
        let mut numbers = 0;
        for region in PHONE_NUMBER_UTIL.get_supported_regions() {
            for kind in kinds {
                let Ok(example) =
                    PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, kind)
                else {
                    continue;
                };
                let n = example.national_number;
                // The example, one digit more, one less, and a changed leading digit.
                for national in [n, n * 10 + 7, n / 10, n + 9 * 10u64.pow(n.ilog10())] {
                    let mut number = example.clone();
                    number.national_number = national;
                    assert_eq!(
                        number.is_valid(),
                        number.get_type() != PhoneNumberType::Unknown,
                        "{region:?} {national}"
                    );
                    numbers += 1;
                }
            }
        }
        assert!(numbers > 1000, "{numbers}");
    }

    fn ext(s: &str) -> (String, Option<(String, ExtStyle)>) {
        let (n, e) = split_extension(s);
        (n.to_string(), e.map(|e| (e.digits, e.style)))
    }

    #[test]
    fn extension_notations() {
        let cases = [
            ("+1 425 555 0109 x402", ExtStyle::X),
            ("+1 425 555 0109 X 402", ExtStyle::X),
            ("+1 425 555 0109 x. 402", ExtStyle::X),
            ("+1 425 555 0109x402", ExtStyle::X),
            ("+1 425 555 0109 ext. 402", ExtStyle::Word),
            ("+1 425 555 0109 ext 402", ExtStyle::Word),
            ("+1 425 555 0109 Ext:402", ExtStyle::Word),
            ("+1 425 555 0109 extn 402", ExtStyle::Word),
            ("+1 425 555 0109 extension 402", ExtStyle::Word),
            ("+1 425 555 0109, ext. 402", ExtStyle::Word),
            ("+1 425 555 0109 ext=402", ExtStyle::Equals),
            ("+1 425 555 0109;ext=402", ExtStyle::Rfc3966),
            ("+1 425 555 0109 ; ext = 402", ExtStyle::Rfc3966),
            ("+1 425 555 0109 #402", ExtStyle::Hash),
        ];
        for (input, style) in cases {
            assert_eq!(
                ext(input),
                (
                    "+1 425 555 0109".to_string(),
                    Some(("402".to_string(), style))
                ),
                "{input}"
            );
        }
    }

    #[test]
    fn no_extension() {
        for input in [
            "+1 425 555 0109",
            "1-800-FLOWERS",
            "+1 425 555 0109 fax 402",
            "",
            "x",
            "+1 425 555 0109 x 123456789012345678901",
        ] {
            assert_eq!(ext(input).1, None, "{input}");
        }
    }

    #[test]
    fn extension_only_is_recognised() {
        for input in [
            "x402",
            "ext. 402",
            ";ext=402",
            "tel:;ext=402",
            "#402",
            "  x 402  ",
        ] {
            let p = parse(input, Some("US"));
            assert!(p.is_extension_only(), "{input}");
            assert_eq!(p.extension_digits(), Some("402"));
            assert!(p.reading.is_none());
        }
        assert!(!parse("+14255550109 x402", None).is_extension_only());
        assert!(!parse("402", None).is_extension_only());
    }

    #[test]
    fn reads_numbers_and_regions() {
        let p = parse("(425) 555-0109", Some("us"));
        assert_eq!(p.region.as_deref(), Some("US"));
        assert_eq!(p.region_country_code, Some(1));
        let r = p.reading.unwrap();
        assert_eq!(r.e164, "+14255550109");
        assert_eq!(r.national_number, "4255550109");
        assert!(r.valid && r.possible);
        assert_eq!(r.country.as_deref(), Some("US"));
        assert!(p.marks.parentheses && p.marks.dashes && p.marks.spaces && !p.marks.plus);
    }

    #[test]
    fn unknown_regions_are_reported_not_used() {
        for given in ["USA", "ZZ", "1", "u"] {
            let p = parse("4255550109", Some(given));
            assert_eq!(p.region, None, "{given}");
            assert_eq!(p.unknown_region.as_deref(), Some(given));
            assert!(p.reading.is_none());
        }
        assert_eq!(parse("4255550109", Some("  ")).unknown_region, None);
    }

    #[test]
    fn tel_uris() {
        let p = parse("tel:+13178723000;ext=105", None);
        assert!(p.tel_prefix);
        assert_eq!(p.number_part, "+13178723000");
        assert_eq!(p.extension_digits(), Some("105"));
        assert_eq!(p.reading.unwrap().e164, "+13178723000");
        // The Genesys SDK's example, with a space after `;`.
        let p = parse("tel:+13178723000; ext=105", None);
        assert_eq!(p.extension_digits(), Some("105"));
        assert!(p.reading.unwrap().valid);
        // More parameters after the extension: the library finds it.
        let p = parse("tel:+1-317-872-3000;ext=105;isub=1", None);
        assert_eq!(p.extension_digits(), Some("105"));
        assert_eq!(p.extension.map(|e| e.style), None);
    }

    #[test]
    fn fallback_readings() {
        let p = parse("0044 20 7946 0958", None);
        assert_eq!(p.retry, Some(Retry::InternationalPrefix00));
        assert_eq!(p.reading.unwrap().e164, "+442079460958");
        let p = parse("tel:442079460958;ext=402", None);
        assert_eq!(p.retry, Some(Retry::TelWithoutPlus));
        assert_eq!(p.reading.unwrap().e164, "+442079460958");
        // A region whose international prefix is 00 reads it without help.
        assert_eq!(parse("0044 20 7946 0958", Some("DE")).retry, None);
    }

    #[test]
    fn marks() {
        let m = parse("+44 (0)20\u{a0}7946/0958", None).marks;
        assert!(m.plus && m.spaces && m.parentheses && m.trunk_zero_in_parentheses);
        assert!(m.other_whitespace && m.slashes && !m.letters);
        assert!(parse("1-800-FLOWERS", Some("US")).marks.letters);
        assert!(
            parse("\u{FF0B}\u{FF11} 425 555 0109", None)
                .marks
                .non_ascii_digits
        );
    }

    #[test]
    fn type_words_are_human() {
        assert_eq!(
            type_words(PhoneNumberType::FixedLineOrMobile),
            Some("fixed line or mobile")
        );
        assert_eq!(type_words(PhoneNumberType::TollFree), Some("toll free"));
        assert_eq!(type_words(PhoneNumberType::Unknown), None);
    }
}
