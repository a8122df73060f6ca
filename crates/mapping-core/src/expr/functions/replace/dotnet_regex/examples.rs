//! The examples of .NET's regular-expression documentation ("Character classes", "Grouping
//! constructs", "Backreference constructs", "Anchors", "Regular expression options"), with the
//! matches .NET's pages list, run through this module's translation and `fancy-regex`.

use super::super::super::budget::Budget;
use super::super::test_support::{regex_form, some};
use super::DotNetRegex;

/// Every match of `pattern` in `text` (group 0), enumerated as .NET does.
fn found(pattern: &str, text: &str) -> Vec<String> {
    let regex = DotNetRegex::compile(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    let mut all = Vec::new();
    regex
        .for_each_match(text, &mut Budget::default(), |caps| {
            all.push(caps.get(0).map_or("", |m| m.as_str()).to_owned());
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    all
}

#[test]
fn numbered_backreference_finds_doubled_words() {
    let text = "This this is a nice day. What about this? This tastes good. I saw a a dog.";
    assert_eq!(found(r"\b(\w+)\s\1\b", text), ["a a"]);
    assert_eq!(found(r"(?i)\b(\w+)\s\1\b", text), ["This this", "a a"]);
}

#[test]
fn named_backreference() {
    let text = "He said that that was the the correct answer.";
    assert_eq!(
        found(
            r"(?<duplicateWord>\w+)\s\k<duplicateWord>\W(?<nextWord>\w+)",
            text
        ),
        ["that that was", "the the correct"]
    );
}

#[test]
fn lookahead() {
    assert_eq!(found(r"\b\w+(?=\sis\b)", "The dog is a Malamute."), ["dog"]);
    assert_eq!(
        found(
            r"\b(?!un)\w+\b",
            "unite one unethical ethics use untie ultimate"
        ),
        ["one", "ethics", "use", "ultimate"]
    );
}

#[test]
fn lookbehind() {
    assert_eq!(
        found(r"(?<=\b20)\d{2}\b", "2010 1999 1861 2140 2009"),
        ["10", "09"]
    );
    let dates = "Monday February 1, 2010|Wednesday February 3, 2010|Saturday February 6, 2010|Sunday February 7, 2010|Monday, February 8, 2010";
    assert_eq!(
        found(r"\b(?<!(Saturday|Sunday) )\w+ \d{1,2}, \d{4}\b", dates),
        ["February 1, 2010", "February 3, 2010", "February 8, 2010"]
    );
}

#[test]
fn variable_length_lookbehind() {
    assert_eq!(
        found(r"(?<=\$\d+\.)\d{2}", "$1.25 and $100.50"),
        ["25", "50"]
    );
}

#[test]
fn atomic_group_does_not_give_back() {
    for (text, backtracking, atomic) in [
        ("cccd.", true, true),
        ("aaad", true, true),
        ("aaaa", true, false),
    ] {
        assert_eq!(
            !found(r"(\w)\1+.\b", text).is_empty(),
            backtracking,
            "{text}"
        );
        assert_eq!(!found(r"(?>(\w)\1+).\b", text).is_empty(), atomic, "{text}");
    }
}

#[test]
fn named_blocks_and_categories() {
    let text = "ΚΑΤΑ ΜΑΘΘΑΙΟΝ - The Gospel of Matthew";
    assert_eq!(
        found(
            r"\b(\p{IsGreek}+(\s)?)+\p{Pd}\s(\p{IsBasicLatin}+(\s)?)+",
            text
        ),
        [text]
    );
    assert_eq!(found(r"\p{Lu}", "aBcΔ"), ["B", "Δ"]);
    assert_eq!(found(r"\P{L}+", "ab12cd"), ["12"]);
    assert_eq!(found(r"[\p{IsCyrillic}]+", "abc Привет"), ["Привет"]);
    assert_eq!(found(r"\p{Sc}", "5 € or $5"), ["€", "$"]);
}

#[test]
fn class_subtraction() {
    assert_eq!(found(r"^[0-9-[2468]]+$", "13579"), ["13579"]);
    assert!(found(r"^[0-9-[2468]]+$", "123").is_empty());
    assert_eq!(found(r"[a-z-[aeiou]]+", "education"), ["d", "c", "t", "n"]);
}

#[test]
fn dollar_matches_before_a_final_newline() {
    assert_eq!(regex_form("a\n", "a$", "b"), some("b\n"));
    assert_eq!(regex_form("a\nb", "a$", "x"), some("a\nb"));
    assert_eq!(regex_form("a\nb", "(?m)a$", "x"), some("x\nb"));
    assert_eq!(regex_form("x\ny\n", r"(?m)^\w", "-"), some("-\n-\n"));
    assert_eq!(regex_form("ab\n", r"b\Z", "c"), some("ac\n"));
    assert_eq!(regex_form("ab\n", r"b\z", "c"), some("ab\n"));
}

#[test]
fn group_numbering_with_backreferences() {
    // .NET: (y) is group 1, (?<a>x) group 2.
    assert_eq!(found(r"(?<a>x)(y)\1", "xyy"), ["xyy"]);
    assert!(found(r"(?<a>x)(y)\1", "xyx").is_empty());
    assert_eq!(found(r"(?<a>x)(y)\2", "xyx"), ["xyx"]);
    assert_eq!(regex_form("xy", r"(?<a>x)(y)", "$2$1"), some("xy"));
}

#[test]
fn explicit_capture_and_whitespace_options() {
    // (?n): unnamed groups do not capture, so $1 is the named group.
    assert_eq!(regex_form("ab1", r"(?n)(\w)(?<d>\d)", "[$1]"), some("a[1]"));
    assert_eq!(
        regex_form("ab 12", r"(?x) \d+  # the digits", "#"),
        some("ab #")
    );
    assert_eq!(regex_form("a b", r"(?x: a \  b )", "#"), some("#"));
    assert_eq!(regex_form("a b", r"(?x)[ ]", "_"), some("a_b"));
    assert_eq!(regex_form("aB", r"(?i)a(?-i)b", "#"), some("aB"));
    assert_eq!(regex_form("ab", r"(?i)a(?-i)b", "#"), some("#"));
}

#[test]
fn case_insensitive_non_ascii() {
    assert_eq!(regex_form("ÉCOLE école", r"(?i)école", "x"), some("x x"));
    assert_eq!(regex_form("ΣΊΣΥΦΟΣ", r"(?i)σίσυφος", "ok"), some("ok"));
}

#[test]
fn catastrophic_backtracking_stops_at_the_limit() {
    // fancy-regex runs `^(\w+\s?)+$` without backtracking; alternation before a lookaround
    // needs the backtracking engine, which explores 2^40 ways before failing.
    let err = regex_form(&format!("{}!", "a".repeat(40)), r"^(a|aa)+(?!a)b", "x").unwrap_err();
    assert!(err.contains("backtracking limit (1,000,000 steps"), "{err}");
    assert!(err.contains("RegexMatchTimeoutException"), "{err}");
}
