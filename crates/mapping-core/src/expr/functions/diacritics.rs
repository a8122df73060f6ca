//! `NormalizeDiacritics(source)`: replaces letters with diacritical marks by plain ASCII letters.
//!
//! Microsoft documents the function as a fixed table rather than as a Unicode algorithm, and this
//! module follows that table exactly (its `TABLE`):
//!
//! * Most entries map one accented letter to one plain letter (`ä` → `a`, `Ł` → `L`); a few map
//!   to two letters (`æ` → `ae`, `ø` → `oe`, `ß` → `ss`).
//! * Some entries are sequences of a letter followed by combining marks (`ā` + U+0301, `a` +
//!   U+0331 …). When several entries could start at the same place, the longest one wins, so
//!   `œ` + U+0304 becomes `oe` while a plain `œ` (not in the table) stays `œ`.
//! * Letters not in the table are left unchanged, even when they carry a diacritic: precomposed
//!   Vietnamese `ồ`, `ư`, `ạ`, or Icelandic `ð`/`þ`, stay as they are.
//!
//! One addition where the documentation is silent: names typed on some systems arrive
//! decomposed, as a plain letter followed by combining marks (`e` + U+0301 instead of `é`).
//! Any combining mark in U+0300–U+036F that directly follows an ASCII letter — one from the
//! input or one the table produced — is dropped, so `"Jose\u{301}"` becomes `"Jose"` just like
//! `"José"`. Marks after any other character are kept.
//!
//! [`unmapped_diacritics`] lists the non-ASCII letters the function leaves alone, so a user
//! interface can warn that they will reach the target system unchanged.

/// The documented table: each row is the plain replacement followed by every spelling that maps
/// to it. Spellings are written as escapes so combining marks are visible; within a row they are
/// sorted by code point.
const TABLE: &[(&str, &[&str])] = &[
    (
        "A",
        &[
            "A\u{331}",
            "\u{c0}",
            "\u{c1}",
            "\u{c2}",
            "\u{c3}",
            "\u{c4}",
            "\u{c5}",
            "\u{c5}\u{304}",
            "\u{100}",
            "\u{100}\u{300}",
            "\u{100}\u{301}",
            "\u{100}\u{302}",
            "\u{100}\u{303}",
            "\u{100}\u{308}",
            "\u{102}",
            "\u{104}",
            "\u{1de}",
            "\u{1e0}",
        ],
    ),
    (
        "a",
        &[
            "a\u{331}",
            "\u{e0}",
            "\u{e1}",
            "\u{e2}",
            "\u{e3}",
            "\u{e4}",
            "\u{e5}",
            "\u{e5}\u{304}",
            "\u{101}",
            "\u{101}\u{300}",
            "\u{101}\u{301}",
            "\u{101}\u{302}",
            "\u{101}\u{303}",
            "\u{101}\u{308}",
            "\u{103}",
            "\u{105}",
            "\u{1df}",
            "\u{1e1}",
        ],
    ),
    ("AE", &["\u{c6}", "\u{1e2}"]),
    ("ae", &["\u{e6}", "\u{1e3}"]),
    (
        "C",
        &["C\u{304}", "C\u{331}", "\u{c7}", "\u{106}", "\u{10c}"],
    ),
    (
        "c",
        &["c\u{304}", "c\u{331}", "\u{e7}", "\u{107}", "\u{10d}"],
    ),
    ("D", &["D\u{304}", "\u{10e}", "\u{1e0e}"]),
    ("d", &["d\u{304}", "\u{10f}", "\u{1e0f}"]),
    (
        "E",
        &[
            "E\u{30a}\u{304}",
            "E\u{331}",
            "\u{c8}",
            "\u{c9}",
            "\u{ca}",
            "\u{ca}\u{304}",
            "\u{cb}",
            "\u{cb}\u{304}",
            "\u{112}",
            "\u{112}\u{302}",
            "\u{112}\u{303}",
            "\u{116}",
            "\u{118}",
            "\u{11a}",
            "\u{1e14}",
            "\u{1e16}",
        ],
    ),
    (
        "e",
        &[
            "e\u{30a}\u{304}",
            "e\u{331}",
            "\u{e8}",
            "\u{e9}",
            "\u{ea}",
            "\u{ea}\u{304}",
            "\u{eb}",
            "\u{eb}\u{304}",
            "\u{113}",
            "\u{113}\u{302}",
            "\u{113}\u{303}",
            "\u{117}",
            "\u{119}",
            "\u{11b}",
            "\u{1e15}",
            "\u{1e17}",
        ],
    ),
    ("G", &["G\u{331}", "\u{11e}", "\u{1e20}"]),
    ("g", &["g\u{331}", "\u{11f}", "\u{1e21}"]),
    (
        "I",
        &[
            "I\u{331}",
            "\u{cc}",
            "\u{cd}",
            "\u{ce}",
            "\u{cf}",
            "\u{12a}",
            "\u{12a}\u{300}",
            "\u{12a}\u{301}",
            "\u{12a}\u{302}",
            "\u{12a}\u{303}",
            "\u{130}",
        ],
    ),
    (
        "i",
        &[
            "i\u{331}",
            "\u{ec}",
            "\u{ed}",
            "\u{ee}",
            "\u{ef}",
            "\u{12b}",
            "\u{12b}\u{300}",
            "\u{12b}\u{301}",
            "\u{12b}\u{302}",
            "\u{12b}\u{303}",
            "\u{131}",
        ],
    ),
    (
        "L",
        &["L\u{304}", "\u{13d}", "\u{141}", "\u{1e38}", "\u{1e3a}"],
    ),
    (
        "l",
        &["l\u{304}", "\u{13e}", "\u{142}", "\u{1e39}", "\u{1e3b}"],
    ),
    (
        "N",
        &["N\u{304}", "\u{d1}", "\u{143}", "\u{147}", "\u{1e48}"],
    ),
    (
        "n",
        &["n\u{304}", "\u{f1}", "\u{144}", "\u{148}", "\u{1e49}"],
    ),
    (
        "O",
        &[
            "O\u{331}",
            "\u{d2}",
            "\u{d3}",
            "\u{d4}",
            "\u{d5}",
            "\u{d6}",
            "\u{14c}",
            "\u{14c}\u{302}",
            "\u{14c}\u{303}",
            "\u{14c}\u{308}",
            "\u{150}",
            "\u{1ec}",
            "\u{22a}",
            "\u{22c}",
            "\u{230}",
            "\u{1e50}",
            "\u{1e52}",
        ],
    ),
    (
        "o",
        &[
            "o\u{331}",
            "\u{f2}",
            "\u{f3}",
            "\u{f4}",
            "\u{f5}",
            "\u{f6}",
            "\u{14d}",
            "\u{14d}\u{302}",
            "\u{14d}\u{303}",
            "\u{14d}\u{308}",
            "\u{151}",
            "\u{1ed}",
            "\u{22b}",
            "\u{22d}",
            "\u{231}",
            "\u{1e51}",
            "\u{1e53}",
        ],
    ),
    ("OE", &["\u{d8}", "\u{d8}\u{304}", "\u{152}\u{304}"]),
    ("oe", &["\u{f8}", "\u{f8}\u{304}", "\u{153}\u{304}"]),
    ("R", &["R\u{304}", "\u{158}", "\u{1e5c}", "\u{1e5e}"]),
    ("r", &["r\u{304}", "\u{159}", "\u{1e5d}", "\u{1e5f}"]),
    (
        "S",
        &[
            "S\u{304}", "S\u{331}", "\u{15a}", "\u{15e}", "\u{160}", "\u{218}",
        ],
    ),
    (
        "s",
        &[
            "s\u{304}", "s\u{331}", "\u{15b}", "\u{15f}", "\u{161}", "\u{219}",
        ],
    ),
    ("ss", &["\u{df}"]),
    ("T", &["T\u{304}", "\u{164}", "\u{21a}", "\u{1e6e}"]),
    ("t", &["t\u{304}", "\u{165}", "\u{21b}", "\u{1e6f}"]),
    (
        "U",
        &[
            "U\u{307}\u{304}",
            "U\u{331}",
            "\u{d9}",
            "\u{da}",
            "\u{db}",
            "\u{dc}",
            "\u{16a}",
            "\u{16a}\u{300}",
            "\u{16a}\u{301}",
            "\u{16a}\u{302}",
            "\u{16a}\u{303}",
            "\u{16e}",
            "\u{170}",
            "\u{1d5}",
            "\u{1e72}\u{304}",
            "\u{1e7a}",
        ],
    ),
    (
        "u",
        &[
            "u\u{307}\u{304}",
            "u\u{331}",
            "\u{f9}",
            "\u{fa}",
            "\u{fb}",
            "\u{fc}",
            "\u{16b}",
            "\u{16b}\u{300}",
            "\u{16b}\u{301}",
            "\u{16b}\u{302}",
            "\u{16b}\u{303}",
            "\u{16f}",
            "\u{171}",
            "\u{1d6}",
            "\u{1e73}\u{304}",
            "\u{1e7b}",
        ],
    ),
    (
        "Y",
        &[
            "Y\u{331}",
            "\u{dd}",
            "\u{178}",
            "\u{232}",
            "\u{232}\u{300}",
            "\u{232}\u{301}",
            "\u{232}\u{303}",
        ],
    ),
    (
        "y",
        &[
            "y\u{331}",
            "\u{fd}",
            "\u{ff}",
            "\u{233}",
            "\u{233}\u{300}",
            "\u{233}\u{301}",
            "\u{233}\u{303}",
        ],
    ),
    (
        "Z",
        &["Z\u{304}", "\u{179}", "\u{17b}", "\u{17d}", "\u{1e94}"],
    ),
    (
        "z",
        &["z\u{304}", "\u{17a}", "\u{17c}", "\u{17e}", "\u{1e95}"],
    ),
];

/// `NormalizeDiacritics(source)`: `s` with every letter from the documented table replaced by
/// its plain form and combining marks after ASCII letters removed; everything else unchanged.
pub fn normalize_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    scan(s, |piece| match piece {
        Piece::Replaced(plain) => out.push_str(plain),
        Piece::Kept(c) => out.push(c),
        Piece::Dropped => {}
    });
    out
}

/// The non-ASCII letters of `s` that [`normalize_diacritics`] leaves unchanged, each listed once
/// in order of first appearance (for example `['ồ', 'ð']` for `"Hồ Guðrún"`).
pub fn unmapped_diacritics(s: &str) -> Vec<char> {
    let mut found = Vec::new();
    scan(s, |piece| {
        if let Piece::Kept(c) = piece {
            if !c.is_ascii() && c.is_alphabetic() && !found.contains(&c) {
                found.push(c);
            }
        }
    });
    found
}

/// What the normalisation does with one stretch of the input.
enum Piece {
    /// A table entry matched; this is its plain replacement.
    Replaced(&'static str),
    /// The character is copied unchanged.
    Kept(char),
    /// A combining mark after an ASCII letter, removed.
    Dropped,
}

/// Walks `s` from left to right and reports each stretch to `visit`.
fn scan(s: &str, mut visit: impl FnMut(Piece)) {
    let mut rest = s;
    let mut after_ascii_letter = false;
    loop {
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let tail = chars.as_str();
        if after_ascii_letter && is_combining_mark(c) {
            visit(Piece::Dropped);
            rest = tail;
            continue;
        }
        let may_match = !c.is_ascii() || tail.chars().next().is_some_and(is_combining_mark);
        if let Some((plain, remainder)) = may_match.then(|| longest_entry(rest)).flatten() {
            visit(Piece::Replaced(plain));
            after_ascii_letter = true;
            rest = remainder;
            continue;
        }
        visit(Piece::Kept(c));
        after_ascii_letter = c.is_ascii_alphabetic();
        rest = tail;
    }
}

/// The longest table spelling that `text` starts with: its replacement and the text after it.
fn longest_entry(text: &str) -> Option<(&'static str, &str)> {
    TABLE
        .iter()
        .flat_map(|&(plain, spellings)| spellings.iter().map(move |&spelling| (plain, spelling)))
        .filter_map(|(plain, spelling)| {
            let remainder = text.strip_prefix(spelling)?;
            Some((spelling.len(), plain, remainder))
        })
        .max_by_key(|&(length, _, _)| length)
        .map(|(_, plain, remainder)| (plain, remainder))
}

/// Combining diacritical marks (the U+0300–U+036F block).
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(normalize_diacritics("Zoë"), "Zoe");
        assert_eq!(normalize_diacritics("José García"), "Jose Garcia");
        assert_eq!(
            normalize_diacritics("José.García-López"),
            "Jose.Garcia-Lopez"
        );
        assert_eq!(normalize_diacritics("John.Smith"), "John.Smith");
    }

    #[test]
    fn every_table_spelling_maps_to_its_plain_form() {
        for &(plain, spellings) in TABLE {
            for &spelling in spellings {
                assert_eq!(normalize_diacritics(spelling), plain, "{spelling:?}");
                let word = format!("x{spelling}y");
                assert_eq!(
                    normalize_diacritics(&word),
                    format!("x{plain}y"),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn table_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        let mut count = 0;
        for &(plain, spellings) in TABLE {
            assert!(!plain.is_empty() && plain.chars().all(|c| c.is_ascii_alphabetic()));
            for &spelling in spellings {
                assert!(seen.insert(spelling), "duplicate spelling {spelling:?}");
                assert!(!spelling.is_ascii(), "{spelling:?} is plain ASCII");
                count += 1;
            }
        }
        assert_eq!(count, 261);
    }

    #[test]
    fn one_to_many_letters() {
        assert_eq!(normalize_diacritics("Ærøskøbing"), "AEroeskoebing");
        assert_eq!(normalize_diacritics("Straße"), "Strasse");
        assert_eq!(normalize_diacritics("ǢØǣø"), "AEOEaeoe");
        assert_eq!(normalize_diacritics("Łódź"), "Lodz");
    }

    #[test]
    fn longest_sequence_wins() {
        assert_eq!(normalize_diacritics("œ\u{304}"), "oe");
        assert_eq!(normalize_diacritics("Œ\u{304}"), "OE");
        assert_eq!(normalize_diacritics("ṳ\u{304}"), "u");
        assert_eq!(normalize_diacritics("ā\u{301}x"), "ax");
        assert_eq!(normalize_diacritics("e\u{30a}\u{304}"), "e");
    }

    #[test]
    fn letters_outside_the_table_stay() {
        assert_eq!(normalize_diacritics("œuvre"), "œuvre");
        assert_eq!(normalize_diacritics("Nguyễn Hồ"), "Nguyễn Hồ");
        assert_eq!(normalize_diacritics("Guðrún Þór"), "Guðrun Þor");
        assert_eq!(normalize_diacritics("ṳ"), "ṳ");
        assert_eq!(normalize_diacritics("Дмитрий 山田"), "Дмитрий 山田");
    }

    #[test]
    fn decomposed_marks_after_ascii_letters_are_dropped() {
        assert_eq!(normalize_diacritics("Jose\u{301}"), "Jose");
        assert_eq!(normalize_diacritics("Zoe\u{308}"), "Zoe");
        assert_eq!(normalize_diacritics("o\u{302}\u{300}"), "o");
        assert_eq!(normalize_diacritics("é\u{301}"), "e");
        assert_eq!(normalize_diacritics("ø\u{301}"), "oe");
    }

    #[test]
    fn marks_elsewhere_are_kept() {
        assert_eq!(normalize_diacritics("\u{301}abc"), "\u{301}abc");
        assert_eq!(normalize_diacritics("1\u{301}"), "1\u{301}");
        assert_eq!(normalize_diacritics("ж\u{301}"), "ж\u{301}");
        assert_eq!(normalize_diacritics("a \u{301}"), "a \u{301}");
        assert_eq!(normalize_diacritics("a\u{20dd}"), "a\u{20dd}");
    }

    #[test]
    fn empty_and_ascii_inputs() {
        assert_eq!(normalize_diacritics(""), "");
        assert_eq!(
            normalize_diacritics("plain ASCII 123 !?"),
            "plain ASCII 123 !?"
        );
    }

    #[test]
    fn unmapped_lists_each_leftover_letter_once() {
        assert_eq!(unmapped_diacritics("Hồ Guðrún Hồ"), ['ồ', 'ð']);
        assert_eq!(unmapped_diacritics("œuvre œ\u{304}"), ['œ']);
        assert_eq!(
            unmapped_diacritics("José Zoë Jose\u{301}"),
            Vec::<char>::new()
        );
        assert_eq!(unmapped_diacritics("plain"), Vec::<char>::new());
        assert_eq!(unmapped_diacritics("ж\u{301}1€"), ['ж']);
    }
}
