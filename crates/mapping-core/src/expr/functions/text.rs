//! String functions: `StripSpaces`, `Left`, `Mid`, `Word`, `InStr`, `PCase`, `ToLower`,
//! `ToUpper`, `Split`, `ConvertToBase64` and `ConvertToUTF8Hex`.
//!
//! Every position and length counts Unicode scalar values (Rust `char`s), never bytes, so no
//! input can split a character. Entra runs on .NET, which counts UTF-16 code units; the two only
//! differ for characters outside the Basic Multilingual Plane (emoji and rare CJK), where this
//! preview counts one character and Entra counts two.
//!
//! Decisions taken where Microsoft's documentation is silent:
//!
//! * `Mid`: a start position below 1 is treated as 1 and the length is kept as given (so
//!   `Mid("John", 0, 2)` is `"Jo"`); a start past the end, or a length of 0 or less, gives `""`.
//! * `Word`: runs of delimiters count as one break, so they never produce empty words; a string
//!   with no delimiter at all is one word; an empty delimiter set also leaves one word.
//! * `InStr`: follows Visual Basic's `InStr` — an empty string to search gives 0, an empty string
//!   to find gives the start position (when that is at most one past the end), a start position
//!   past the end gives 0. `vbTextCompare` compares characters case-insensitively.
//! * `PCase`: without separators, a word break is any whitespace or any character that is not a
//!   letter, digit or combining mark (this covers every category the documentation lists:
//!   punctuation, symbols, control and format characters). An empty separator string counts as
//!   "not given". The first character of each word is upper-cased, the rest lower-cased; a word
//!   starting with a digit therefore keeps its digit and lower-cases the rest ("1ST" → "1st").
//! * Case mapping (`PCase`, `ToLower`, `ToUpper`) is the simple one-to-one mapping .NET uses:
//!   a character whose case form would be several characters (such as `ß`) is left alone, and the
//!   invariant culture leaves `İ` (dotted capital I) and `ı` (dotless small i) unchanged, as .NET
//!   does. The Turkish and Azerbaijani cultures (`tr`, `tr-TR`, `az`, `az-Latn-AZ`, …) map
//!   `I`↔`ı` and `İ`↔`i`; every other culture name behaves like the invariant culture.
//! * `Split`: each item is trimmed of surrounding whitespace — the documented example turns
//!   `"PermissionSetOne, PermissionSetTwo"` into two items without a leading space. Empty items
//!   are kept (`"a,,b"` gives three items). An empty delimiter returns the source as one item.

use base64::Engine as _;

/// `StripSpaces(source)`: removes every space character (U+0020) and nothing else; tabs,
/// line breaks and non-breaking spaces stay.
pub fn strip_spaces(s: &str) -> String {
    s.chars().filter(|&c| c != ' ').collect()
}

/// `Left(String, NumChars)`: the first `num_chars` characters of `s`.
///
/// `0` gives `""`; a negative count or a count beyond the end gives the whole string.
pub fn left(s: &str, num_chars: i64) -> String {
    if num_chars < 0 {
        return s.to_owned();
    }
    s.chars().take(to_count(num_chars)).collect()
}

/// `Mid(source, start, length)`: `length` characters starting at the 1-based position `start`.
///
/// A `start` below 1 counts as 1; a `start` past the end or a `length` of 0 or less gives `""`;
/// a `length` running past the end stops at the end.
pub fn mid(s: &str, start: i64, length: i64) -> String {
    if length <= 0 {
        return String::new();
    }
    let skip = to_count(start.max(1) - 1);
    s.chars().skip(skip).take(to_count(length)).collect()
}

/// `Word(String, WordNumber, Delimiters)`: the `number`-th word (1-based) of `s`, where words
/// are separated by any of the characters in `delimiters`.
///
/// Consecutive delimiters do not create empty words. A `number` below 1, or beyond the number of
/// words, gives `""`.
pub fn word(s: &str, number: i64, delimiters: &str) -> String {
    let Some(index) = number.checked_sub(1).and_then(|i| usize::try_from(i).ok()) else {
        return String::new();
    };
    s.split(|c: char| delimiters.contains(c))
        .filter(|w| !w.is_empty())
        .nth(index)
        .unwrap_or("")
        .to_owned()
}

/// `InStr(value1, value2, start, compareType)`: the 1-based character position of the first
/// occurrence of `needle` in `haystack` at or after `start` (default 1), or 0 when absent.
///
/// `text_compare` (`vbTextCompare`) ignores case; the default (`vbBinaryCompare`) is exact.
///
/// # Errors
///
/// A `start` below 1 is an error, as in Visual Basic.
pub fn instr(
    haystack: &str,
    needle: &str,
    start: Option<i64>,
    text_compare: bool,
) -> Result<i64, String> {
    let start = start.unwrap_or(1);
    if start < 1 {
        return Err(format!(
            "InStr: the start position must be 1 or more (the first character is position 1), \
             but it is {start}. Use 1 to search the whole string."
        ));
    }
    let hay: Vec<char> = haystack.chars().collect();
    let pin: Vec<char> = needle.chars().collect();
    let from = to_count(start - 1);
    if hay.is_empty() || from > hay.len() {
        return Ok(0);
    }
    if pin.is_empty() {
        return Ok(start);
    }
    let found = hay
        .get(from..)
        .unwrap_or(&[])
        .windows(pin.len())
        .position(|window| {
            window
                .iter()
                .zip(&pin)
                .all(|(&a, &b)| chars_match(a, b, text_compare))
        });
    Ok(found.map_or(0, |offset| {
        start.saturating_add(i64::try_from(offset).unwrap_or(i64::MAX))
    }))
}

/// `PCase(source, wordSeparators)`: upper-cases the first character of each word and
/// lower-cases every other character.
///
/// With `word_separators` given (and not empty), only those characters separate words.
/// Otherwise words are separated by whitespace, punctuation, symbols and control characters,
/// which is how the documentation describes .NET's `ToTitleCase`; an apostrophe therefore starts
/// a new word (`"st john's"` → `"St John'S"`).
pub fn pcase(s: &str, word_separators: Option<&str>) -> String {
    let custom = word_separators.filter(|set| !set.is_empty());
    let is_separator = |c: char| match custom {
        Some(set) => set.contains(c),
        None => is_default_word_separator(c),
    };
    let mut out = String::with_capacity(s.len());
    let mut at_word_start = true;
    for c in s.chars() {
        if is_separator(c) {
            out.push(c);
            at_word_start = true;
        } else if at_word_start {
            out.push(title_case(c));
            at_word_start = false;
        } else {
            out.push(lower_case(c, Casing::Invariant));
        }
    }
    out
}

/// `ToLower(source, culture)`: lower-cases `s` with the invariant culture, or with Turkish /
/// Azerbaijani rules (`I` → `ı`, `İ` → `i`) when `culture` names one of those languages.
pub fn to_lower(s: &str, culture: Option<&str>) -> String {
    let casing = Casing::for_culture(culture);
    s.chars().map(|c| lower_case(c, casing)).collect()
}

/// `ToUpper(source, culture)`: upper-cases `s` with the invariant culture, or with Turkish /
/// Azerbaijani rules (`i` → `İ`, `ı` → `I`) when `culture` names one of those languages.
pub fn to_upper(s: &str, culture: Option<&str>) -> String {
    let casing = Casing::for_culture(culture);
    s.chars().map(|c| upper_case(c, casing)).collect()
}

/// `Split(source, delimiter)`: the pieces of `s` between occurrences of `delimiter`, each
/// trimmed of surrounding whitespace. Empty pieces are kept; an empty `delimiter` returns `s`
/// unchanged as the only item.
pub fn split(s: &str, delimiter: &str) -> Vec<String> {
    if delimiter.is_empty() {
        return vec![s.to_owned()];
    }
    s.split(delimiter)
        .map(|item| item.trim().to_owned())
        .collect()
}

/// `ConvertToBase64(source)`: base64 (standard alphabet, padded) of the UTF-16 little-endian
/// bytes of `s`, which is what .NET calls a "Unicode" string.
pub fn convert_to_base64(s: &str) -> String {
    let bytes: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `ConvertToUTF8Hex(source)`: the UTF-8 bytes of `s` as upper-case hexadecimal, two digits per
/// byte, without separators.
pub fn convert_to_utf8_hex(s: &str) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 2);
    for byte in s.bytes() {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0F)]));
    }
    out
}

/// Converts a non-negative count to `usize`; negative counts become 0 and counts too large for
/// the platform saturate (they are longer than any string anyway).
fn to_count(n: i64) -> usize {
    if n <= 0 {
        0
    } else {
        usize::try_from(n).unwrap_or(usize::MAX)
    }
}

/// Character equality for `InStr`, optionally ignoring case.
fn chars_match(a: char, b: char, ignore_case: bool) -> bool {
    a == b || (ignore_case && a.to_lowercase().eq(b.to_lowercase()))
}

/// Whether `c` separates words for `PCase` when no separators are given.
fn is_default_word_separator(c: char) -> bool {
    c.is_whitespace() || !(c.is_alphanumeric() || is_combining_mark(c))
}

/// Combining marks that attach to the previous letter and so never start a new word.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Which casing rules apply.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Casing {
    /// The invariant culture (and every culture without special rules).
    Invariant,
    /// Turkish and Azerbaijani: dotted and dotless i are distinct letters.
    Turkic,
}

impl Casing {
    /// The rules for an RFC 4646 culture name; the language subtag decides.
    fn for_culture(culture: Option<&str>) -> Self {
        let language = culture
            .unwrap_or("")
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("");
        if language.eq_ignore_ascii_case("tr") || language.eq_ignore_ascii_case("az") {
            Casing::Turkic
        } else {
            Casing::Invariant
        }
    }
}

/// The single character an iterator yields, or `None` when it yields zero or several.
fn only_char(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

/// One-to-one lower-case mapping.
fn lower_case(c: char, casing: Casing) -> char {
    match (c, casing) {
        ('I', Casing::Turkic) => 'ı',
        ('İ', Casing::Turkic) => 'i',
        _ => only_char(c.to_lowercase()).unwrap_or(c),
    }
}

/// One-to-one upper-case mapping.
fn upper_case(c: char, casing: Casing) -> char {
    match (c, casing) {
        ('i', Casing::Turkic) => 'İ',
        ('ı', Casing::Turkic) => 'I',
        ('ı', Casing::Invariant) => 'ı',
        _ => only_char(c.to_uppercase()).unwrap_or(c),
    }
}

/// Title-case mapping for the first character of a word: the four Latin digraph letters have a
/// dedicated title form (`ǆ` → `ǅ`); everything else uses the upper-case form.
fn title_case(c: char) -> char {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        _ => upper_case(c, Casing::Invariant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_spaces_removes_only_u0020() {
        assert_eq!(strip_spaces("+1 317 872 3000"), "+13178723000");
        assert_eq!(strip_spaces(" a\tb\u{a0}c\n "), "a\tb\u{a0}c\n");
        assert_eq!(strip_spaces(""), "");
        assert_eq!(strip_spaces("   "), "");
    }

    #[test]
    fn left_documented_rules() {
        assert_eq!(left("John Doe", 3), "Joh");
        assert_eq!(left("John", 0), "");
        assert_eq!(left("John", -1), "John");
        assert_eq!(left("John", 99), "John");
        assert_eq!(left("John", i64::MAX), "John");
        assert_eq!(left("John", i64::MIN), "John");
        assert_eq!(left("", 3), "");
    }

    #[test]
    fn left_counts_characters_not_bytes() {
        assert_eq!(left("Zoë Smith", 3), "Zoë");
        assert_eq!(left("日本語", 2), "日本");
        assert_eq!(left("😀x", 1), "😀");
    }

    #[test]
    fn mid_documented_examples() {
        assert_eq!(mid("John", 1, 3), "Joh");
        assert_eq!(mid("Doe", 1, 5), "Doe");
        assert_eq!(mid("JOHNSON", 2, 64), "OHNSON");
        assert_eq!(mid("Elizabeth", 1, 1), "E");
    }

    #[test]
    fn mid_edges() {
        assert_eq!(mid("John", 0, 2), "Jo");
        assert_eq!(mid("John", -5, 2), "Jo");
        assert_eq!(mid("John", i64::MIN, 2), "Jo");
        assert_eq!(mid("John", 4, 5), "n");
        assert_eq!(mid("John", 5, 1), "");
        assert_eq!(mid("John", i64::MAX, i64::MAX), "");
        assert_eq!(mid("John", 2, 0), "");
        assert_eq!(mid("John", 2, -1), "");
        assert_eq!(mid("Çağrı", 2, 3), "ağr");
        assert_eq!(mid("", 1, 1), "");
    }

    #[test]
    fn word_documented_examples() {
        assert_eq!(word("The quick brown fox", 3, " "), "brown");
        assert_eq!(word("This,string!has&many separators", 3, ",!&#"), "has");
        assert_eq!(word("jdoe@contoso.com", 1, "@"), "jdoe");
    }

    #[test]
    fn word_edges() {
        assert_eq!(word("a b", 0, " "), "");
        assert_eq!(word("a b", -1, " "), "");
        assert_eq!(word("a b", i64::MIN, " "), "");
        assert_eq!(word("a b", 3, " "), "");
        assert_eq!(word("a b", i64::MAX, " "), "");
        assert_eq!(word("  a,, b  ", 2, " ,"), "b");
        assert_eq!(word("single", 1, ","), "single");
        assert_eq!(word("single", 1, ""), "single");
        assert_eq!(word("", 1, " "), "");
        assert_eq!(word(",,,", 1, ","), "");
        assert_eq!(word("é·ü·ß", 3, "·"), "ß");
    }

    #[test]
    fn instr_documented_examples() {
        assert_eq!(instr("The quick brown fox", "quick", None, false), Ok(5));
        assert_eq!(instr("repEated", "e", Some(3), false), Ok(7));
    }

    #[test]
    fn instr_text_compare_ignores_case() {
        assert_eq!(instr("repEated", "e", Some(3), true), Ok(4));
        assert_eq!(instr("ABC@CONTOSO.COM", "@contoso.com", None, true), Ok(4));
        assert_eq!(instr("ÉCOLE", "é", None, true), Ok(1));
        assert_eq!(instr("ÉCOLE", "é", None, false), Ok(0));
    }

    #[test]
    fn instr_edges() {
        assert_eq!(
            instr("john.doe@external.com", "@contoso.com", None, false),
            Ok(0)
        );
        assert_eq!(instr("abc", "", None, false), Ok(1));
        assert_eq!(instr("abc", "", Some(4), false), Ok(4));
        assert_eq!(instr("abc", "", Some(5), false), Ok(0));
        assert_eq!(instr("", "", None, false), Ok(0));
        assert_eq!(instr("", "a", None, false), Ok(0));
        assert_eq!(instr("abc", "c", Some(3), false), Ok(3));
        assert_eq!(instr("abc", "c", Some(4), false), Ok(0));
        assert_eq!(instr("abc", "c", Some(i64::MAX), false), Ok(0));
        assert_eq!(instr("abc", "abcd", None, false), Ok(0));
        assert_eq!(instr("Zoë Zoë", "ë", Some(4), false), Ok(7));
    }

    #[test]
    fn instr_rejects_start_below_one() {
        for start in [0, -1, i64::MIN] {
            let err = instr("abc", "a", Some(start), false).unwrap_err();
            assert!(err.contains("start position"), "{err}");
            assert!(err.contains(&start.to_string()), "{err}");
        }
    }

    #[test]
    fn pcase_documented_examples() {
        assert_eq!(
            pcase("PABLO GONSALVES (SECOND)", None),
            "Pablo Gonsalves (Second)"
        );
        assert_eq!(pcase("PINTO-DE'SILVA", Some(" '-")), "Pinto-De'Silva");
        assert_eq!(pcase("GREGORY JAMES", None), "Gregory James");
        assert_eq!(pcase("st john's hospital", None), "St John'S Hospital");
    }

    #[test]
    fn pcase_only_given_separators_split_words() {
        assert_eq!(pcase("anne-marie o'neil", Some(" ")), "Anne-marie O'neil");
        assert_eq!(pcase("anne-marie o'neil", Some("-")), "Anne-Marie o'neil");
        assert_eq!(pcase("anne-marie", Some("")), "Anne-Marie");
    }

    #[test]
    fn pcase_default_separators() {
        assert_eq!(pcase("a_b.c,d;e:f!g", None), "A_B.C,D;E:F!G");
        assert_eq!(pcase("x+y=z€w«v»u", None), "X+Y=Z€W«V»U");
        assert_eq!(pcase("tab\tnew\nline", None), "Tab\tNew\nLine");
        assert_eq!(pcase("1ST FLOOR", None), "1st Floor");
        assert_eq!(pcase("ÉMILE ZOLA", None), "Émile Zola");
        assert_eq!(
            pcase("JOSE\u{301} GARCI\u{301}A", None),
            "Jose\u{301} Garci\u{301}a"
        );
        assert_eq!(pcase("ǆEMAL", None), "ǅemal");
        assert_eq!(pcase("STRAßE", None), "Straße");
        assert_eq!(pcase("", None), "");
        assert_eq!(pcase("  ", None), "  ");
    }

    #[test]
    fn to_lower_and_upper_invariant() {
        assert_eq!(
            to_lower("John.Smith@Contoso.com", None),
            "john.smith@contoso.com"
        );
        assert_eq!(to_upper("jdoe", Some("")), "JDOE");
        assert_eq!(to_upper("straße", None), "STRAßE");
        assert_eq!(to_lower("ÀÉÎÕÜ", None), "àéîõü");
        assert_eq!(to_lower("ΟΔΟΣ", None), "οδοσ");
        assert_eq!(to_lower("İ", None), "İ");
        assert_eq!(to_upper("ı", None), "ı");
        assert_eq!(to_upper("istanbul", Some("en-US")), "ISTANBUL");
    }

    #[test]
    fn to_lower_and_upper_turkic_cultures() {
        assert_eq!(to_lower("ISPARTA İZMİR", Some("tr-TR")), "ısparta izmir");
        assert_eq!(to_upper("istanbul ılgaz", Some("tr")), "İSTANBUL ILGAZ");
        assert_eq!(to_upper("i", Some("az-Latn-AZ")), "İ");
        assert_eq!(to_lower("I", Some("TR_tr")), "ı");
        assert_eq!(to_lower("I", Some("trk")), "i");
    }

    #[test]
    fn split_trims_items() {
        assert_eq!(
            split("PermissionSetOne, PermissionSetTwo", ","),
            ["PermissionSetOne", "PermissionSetTwo"]
        );
        assert_eq!(
            split(
                "a8cccada-a108-47ae-bf9a-f130499aa4cb,{26491cfc-9e50-4857-861b-0cb8df22b5d7}",
                ","
            ),
            [
                "a8cccada-a108-47ae-bf9a-f130499aa4cb",
                "{26491cfc-9e50-4857-861b-0cb8df22b5d7}"
            ]
        );
    }

    #[test]
    fn split_edges() {
        assert_eq!(split("a,,b", ","), ["a", "", "b"]);
        assert_eq!(split("a", ","), ["a"]);
        assert_eq!(split("", ","), [""]);
        assert_eq!(split(" a b ", ""), [" a b "]);
        assert_eq!(split("x::y", "::"), ["x", "y"]);
        assert_eq!(split("é;ü", ";"), ["é", "ü"]);
    }

    #[test]
    fn convert_to_base64_uses_utf16le() {
        assert_eq!(
            convert_to_base64("Hello world!"),
            "SABlAGwAbABvACAAdwBvAHIAbABkACEA"
        );
        assert_eq!(convert_to_base64(""), "");
        assert_eq!(convert_to_base64("é"), "6QA=");
        assert_eq!(convert_to_base64("😀"), "PdgA3g==");
    }

    #[test]
    fn convert_to_utf8_hex_is_upper_case() {
        assert_eq!(
            convert_to_utf8_hex("Hello world!"),
            "48656C6C6F20776F726C6421"
        );
        assert_eq!(convert_to_utf8_hex(""), "");
        assert_eq!(convert_to_utf8_hex("é€"), "C3A9E282AC");
        assert_eq!(
            convert_to_utf8_hex("00aa00aa-bb11-cc22-dd33-44ee44ee44ee"),
            "30306161303061612D626231312D636332322D646433332D343465653434656534346565"
        );
    }
}
