//! `Guid()` and `RandomString(…)`.
//!
//! Randomness is an input: callers pass a seeded [`fastrand::Rng`], so a preview shows the same
//! value every time it is run with the same seed, and tests are reproducible. These values are
//! for previews and test data, not for real secrets.
//!
//! Decisions taken where Microsoft's documentation is silent:
//!
//! * `RandomString` draws from four classes: digits `0-9`, capitals `A-Z`, lower case `a-z` and
//!   the special characters of the Windows password-complexity rules,
//!   ``~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/`` (32 characters).
//! * `Length` must be 1 to 256; every minimum must be 0 or more; the four minimums together may
//!   not exceed `Length` (the documentation names only three of them, but a string cannot hold
//!   more required characters than its length).
//! * Characters listed in `CharactersToAvoid` never appear. If that empties a class whose minimum
//!   is above 0, or empties every class, the call fails instead of silently ignoring a minimum.
//! * After the minimums are met, the remaining positions are drawn uniformly from all allowed
//!   characters, and the whole string is shuffled so required characters are not grouped.

use std::fmt::Write as _;

/// Longest string `RandomString` may produce, per the documentation.
const MAX_LENGTH: usize = 256;

/// The special characters allowed by the Windows password-complexity rules.
const SPECIAL_CHARACTERS: &str = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";

/// `Guid()`: a random GUID in lower-case hyphenated form (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`)
/// with the RFC 4122 version-4 and variant bits set, as .NET's `Guid.NewGuid()` produces.
pub fn guid(rng: &mut fastrand::Rng) -> String {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    let mut out = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// `RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital,
/// MinimumLowerCase, CharactersToAvoid)`: a random string of `length` characters containing at
/// least the requested number of digits, special characters, capitals and lower-case letters,
/// and none of the characters in `avoid`.
///
/// # Errors
///
/// Fails with an explanation when the length is outside 1–256, a minimum is negative, the
/// minimums add up to more than the length, or `avoid` removes every character a minimum needs.
pub fn random_string(
    rng: &mut fastrand::Rng,
    length: i64,
    min_numbers: i64,
    min_special: i64,
    min_capital: i64,
    min_lower: i64,
    avoid: Option<&str>,
) -> Result<String, String> {
    let length = checked_length(length)?;
    let avoid = avoid.unwrap_or("");
    let classes = [
        CharClass::new(
            "MinimumNumbers",
            "digits",
            ('0'..='9').collect(),
            min_numbers,
        )?,
        CharClass::new(
            "MinimumSpecialCharacters",
            "special characters",
            SPECIAL_CHARACTERS.chars().collect(),
            min_special,
        )?,
        CharClass::new(
            "MinimumCapital",
            "capital letters",
            ('A'..='Z').collect(),
            min_capital,
        )?,
        CharClass::new(
            "MinimumLowerCase",
            "lower-case letters",
            ('a'..='z').collect(),
            min_lower,
        )?,
    ]
    .map(|class| class.without(avoid));

    check_minimums_fit(&classes, length)?;
    for class in &classes {
        class.check_available()?;
    }
    let pool: Vec<char> = classes
        .iter()
        .flat_map(|c| c.chars.iter().copied())
        .collect();
    if pool.is_empty() {
        return Err(
            "RandomString: CharactersToAvoid excludes every allowed character, so nothing is left \
             to build the string from. Remove some characters from the last argument."
                .to_owned(),
        );
    }

    let mut out = Vec::with_capacity(length);
    for class in &classes {
        out.extend((0..class.minimum).filter_map(|_| pick(rng, &class.chars)));
    }
    while out.len() < length {
        match pick(rng, &pool) {
            Some(c) => out.push(c),
            None => break,
        }
    }
    rng.shuffle(&mut out);
    Ok(out.into_iter().collect())
}

/// One class of characters with its required minimum.
struct CharClass {
    /// The documented argument name, for messages.
    argument: &'static str,
    /// What the class contains, for messages.
    description: &'static str,
    /// The characters still allowed.
    chars: Vec<char>,
    /// How many characters of this class the result must contain.
    minimum: usize,
}

impl CharClass {
    /// A class with a validated (non-negative) minimum.
    fn new(
        argument: &'static str,
        description: &'static str,
        chars: Vec<char>,
        minimum: i64,
    ) -> Result<Self, String> {
        let minimum = usize::try_from(minimum).map_err(|_| {
            format!(
                "RandomString: {argument} must be 0 or more, but it is {minimum}. \
                 Use 0 when no {description} are required."
            )
        })?;
        Ok(Self {
            argument,
            description,
            chars,
            minimum,
        })
    }

    /// The same class without the characters of `avoid`.
    fn without(mut self, avoid: &str) -> Self {
        self.chars.retain(|&c| !avoid.contains(c));
        self
    }

    /// Fails when the class must contribute characters but `avoid` removed all of them.
    fn check_available(&self) -> Result<(), String> {
        if self.minimum > 0 && self.chars.is_empty() {
            return Err(format!(
                "RandomString: {} is {}, but CharactersToAvoid excludes all {}. Set {} to 0 \
                 or remove some {} from CharactersToAvoid.",
                self.argument, self.minimum, self.description, self.argument, self.description
            ));
        }
        Ok(())
    }
}

/// Validates `Length` and converts it to a count.
fn checked_length(length: i64) -> Result<usize, String> {
    match usize::try_from(length) {
        Ok(n) if (1..=MAX_LENGTH).contains(&n) => Ok(n),
        _ => Err(format!(
            "RandomString: Length must be between 1 and {MAX_LENGTH} characters, but it is \
             {length}. Change the first argument."
        )),
    }
}

/// Fails when the minimums together need more characters than the string has.
fn check_minimums_fit(classes: &[CharClass], length: usize) -> Result<(), String> {
    let required = classes
        .iter()
        .fold(0usize, |sum, class| sum.saturating_add(class.minimum));
    if required > length {
        return Err(format!(
            "RandomString: the minimums add up to {required} characters but Length is only \
             {length}. Increase Length or lower MinimumNumbers, MinimumSpecialCharacters, \
             MinimumCapital or MinimumLowerCase."
        ));
    }
    Ok(())
}

/// A uniformly chosen character of `chars`, or `None` when it is empty.
fn pick(rng: &mut fastrand::Rng, chars: &[char]) -> Option<char> {
    if chars.is_empty() {
        return None;
    }
    chars.get(rng.usize(..chars.len())).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(seed: u64) -> fastrand::Rng {
        fastrand::Rng::with_seed(seed)
    }

    fn count(s: &str, class: impl Fn(char) -> bool) -> usize {
        s.chars().filter(|&c| class(c)).count()
    }

    fn is_special(c: char) -> bool {
        SPECIAL_CHARACTERS.contains(c)
    }

    #[test]
    fn guid_has_dotnet_d_format_and_version_4_bits() {
        let mut rng = rng(7);
        for _ in 0..200 {
            let g = guid(&mut rng);
            assert_eq!(g.len(), 36, "{g}");
            let groups: Vec<&str> = g.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|p| p.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{g}");
            assert!(
                g.chars()
                    .all(|c| c == '-' || matches!(c, '0'..='9' | 'a'..='f')),
                "{g}"
            );
            assert!(groups[2].starts_with('4'), "{g}");
            assert!(groups[3].starts_with(['8', '9', 'a', 'b']), "{g}");
        }
    }

    #[test]
    fn guid_is_reproducible_per_seed() {
        assert_eq!(guid(&mut rng(1)), guid(&mut rng(1)));
        assert_ne!(guid(&mut rng(1)), guid(&mut rng(2)));
        let mut one = rng(3);
        assert_ne!(guid(&mut one), guid(&mut one));
    }

    #[test]
    fn documented_examples_meet_their_minimums() {
        let s = random_string(&mut rng(11), 6, 3, 0, 0, 3, None).unwrap();
        assert_eq!(s.chars().count(), 6);
        assert!(count(&s, |c| c.is_ascii_digit()) >= 3, "{s}");
        assert!(count(&s, |c| c.is_ascii_lowercase()) >= 3, "{s}");

        let s = random_string(&mut rng(12), 10, 2, 2, 2, 1, Some("?,")).unwrap();
        assert_eq!(s.chars().count(), 10);
        assert!(count(&s, |c| c.is_ascii_digit()) >= 2, "{s}");
        assert!(count(&s, is_special) >= 2, "{s}");
        assert!(count(&s, |c| c.is_ascii_uppercase()) >= 2, "{s}");
        assert!(count(&s, |c| c.is_ascii_lowercase()) >= 1, "{s}");
        assert!(!s.contains(['?', ',']), "{s}");
    }

    #[test]
    fn properties_hold_across_many_seeds() {
        let cases = [
            (1, 0, 0, 0, 0, None),
            (8, 2, 2, 2, 2, None),
            (16, 4, 1, 3, 0, Some("0O1lI")),
            (256, 10, 10, 10, 10, Some("~!@#$%^&*")),
            (32, 0, 32, 0, 0, None),
            (20, 5, 0, 5, 5, Some("abcdefghijklmnopqrstuvwxy")),
        ];
        for seed in 0..50 {
            for &(length, numbers, special, capital, lower, avoid) in &cases {
                let s = random_string(
                    &mut rng(seed),
                    length,
                    numbers,
                    special,
                    capital,
                    lower,
                    avoid,
                )
                .unwrap();
                let length = usize::try_from(length).unwrap();
                assert_eq!(s.chars().count(), length, "{s}");
                assert!(count(&s, |c| c.is_ascii_digit()) >= usize::try_from(numbers).unwrap());
                assert!(count(&s, is_special) >= usize::try_from(special).unwrap());
                assert!(count(&s, |c| c.is_ascii_uppercase()) >= usize::try_from(capital).unwrap());
                assert!(count(&s, |c| c.is_ascii_lowercase()) >= usize::try_from(lower).unwrap());
                assert!(
                    s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || is_special(c)),
                    "{s}"
                );
                if let Some(avoid) = avoid {
                    assert!(
                        !s.contains(|c| avoid.contains(c)),
                        "{s} contains one of {avoid}"
                    );
                }
            }
        }
    }

    #[test]
    fn same_seed_same_output_different_seed_different_output() {
        let make = |seed| random_string(&mut rng(seed), 24, 2, 2, 2, 2, None).unwrap();
        assert_eq!(make(42), make(42));
        assert_ne!(make(42), make(43));
    }

    #[test]
    fn required_characters_are_shuffled() {
        let starts_with_digit = (0..40)
            .filter(|&seed| {
                let s = random_string(&mut rng(seed), 10, 5, 0, 0, 5, Some("")).unwrap();
                s.starts_with(|c: char| c.is_ascii_digit())
            })
            .count();
        assert!(starts_with_digit > 0 && starts_with_digit < 40);
    }

    #[test]
    fn length_out_of_range_is_rejected() {
        for length in [0, -1, 257, i64::MAX, i64::MIN] {
            let err = random_string(&mut rng(0), length, 0, 0, 0, 0, None).unwrap_err();
            assert!(err.contains("Length must be between 1 and 256"), "{err}");
        }
        assert!(random_string(&mut rng(0), 256, 0, 0, 0, 0, None).is_ok());
    }

    #[test]
    fn negative_minimum_is_rejected() {
        let err = random_string(&mut rng(0), 8, 0, -1, 0, 0, None).unwrap_err();
        assert!(
            err.contains("MinimumSpecialCharacters must be 0 or more"),
            "{err}"
        );
        let err = random_string(&mut rng(0), 8, 0, 0, 0, i64::MIN, None).unwrap_err();
        assert!(err.contains("MinimumLowerCase"), "{err}");
    }

    #[test]
    fn minimums_exceeding_length_are_rejected() {
        let err = random_string(&mut rng(0), 5, 2, 2, 2, 0, None).unwrap_err();
        assert!(err.contains("add up to 6"), "{err}");
        let err = random_string(&mut rng(0), 5, i64::MAX, i64::MAX, 0, 0, None).unwrap_err();
        assert!(err.contains("Increase Length"), "{err}");
        assert!(random_string(&mut rng(0), 6, 2, 2, 2, 0, None).is_ok());
    }

    #[test]
    fn avoiding_a_required_class_is_rejected() {
        let err = random_string(&mut rng(0), 4, 1, 0, 0, 0, Some("0123456789")).unwrap_err();
        assert!(err.contains("MinimumNumbers is 1"), "{err}");
        assert!(err.contains("excludes all digits"), "{err}");
        let s = random_string(&mut rng(0), 4, 0, 0, 0, 0, Some("0123456789")).unwrap();
        assert!(!s.contains(|c: char| c.is_ascii_digit()), "{s}");
    }

    #[test]
    fn avoiding_everything_is_rejected() {
        let everything: String = ('0'..='9')
            .chain('A'..='Z')
            .chain('a'..='z')
            .chain(SPECIAL_CHARACTERS.chars())
            .collect();
        let err = random_string(&mut rng(0), 4, 0, 0, 0, 0, Some(&everything)).unwrap_err();
        assert!(err.contains("excludes every allowed character"), "{err}");
    }

    #[test]
    fn special_set_has_32_distinct_ascii_characters() {
        let mut chars: Vec<char> = SPECIAL_CHARACTERS.chars().collect();
        assert!(chars.iter().all(|c| c.is_ascii_punctuation()));
        chars.sort_unstable();
        chars.dedup();
        assert_eq!(chars.len(), 32);
    }
}
