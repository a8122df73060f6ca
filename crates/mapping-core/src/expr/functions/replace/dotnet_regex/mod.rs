//! .NET regular expressions on `fancy-regex`: compiling a translated pattern within size and
//! backtracking limits, and the .NET rules `fancy-regex` does not follow by itself (group
//! numbering, the enumeration of matches). The translation itself lives in `translator` and its
//! parts: `escapes`, `classes`, `groups` and `unicode_names`.

mod classes;
mod escapes;
#[cfg(test)]
mod examples;
mod groups;
mod translator;
mod unicode_names;

use crate::memo::{remembered, Memo};
use fancy_regex::{Captures, Error, Regex, RegexBuilder, RuntimeError};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::super::budget::{group_digits, Budget, REGEX_BACKTRACK_LIMIT};

/// Upper bound, in bytes, for the automata `fancy-regex` compiles for a pattern.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Most instructions of `fancy-regex`'s backtracking program for one pattern.
const REGEX_PROGRAM_LIMIT: usize = 100_000;

/// Deepest nesting of groups a pattern may have.
const REGEX_NEST_LIMIT: usize = 100;

/// Patterns each thread keeps compiled ([`DotNetRegex::compile_cached`]); the memo is emptied
/// when it is full, so memory stays bounded whatever the patterns.
const COMPILED_PATTERNS_KEPT: usize = 32;

/// A compiled pattern, or why it cannot be used.
type Compiled = Result<Rc<DotNetRegex>, String>;

thread_local! {
    /// Patterns compiled on this thread, by pattern text.
    static COMPILED: Memo<Compiled> = RefCell::new(HashMap::new());
}

/// Translates a .NET regular expression to `fancy-regex` syntax and compiles it, with size
/// limits so an oversized pattern is an error rather than a slow preview.
///
/// # Errors
///
/// Fails, naming the construct and its position, on .NET syntax this preview cannot run (see the
/// `replace` module documentation), on invalid patterns, and on patterns over a size limit.
pub fn compile_dotnet_regex(pattern: &str) -> Result<Regex, String> {
    compile(pattern).map(|(regex, _)| regex)
}

/// The compiled pattern and its weight (estimated work per character of input).
fn compile(pattern: &str) -> Result<(Regex, u64), String> {
    let depth = pattern.chars().filter(|&c| c == '(').count();
    if depth > REGEX_NEST_LIMIT && nesting(pattern) > REGEX_NEST_LIMIT {
        return Err(format!(
            "The regular expression \"{}…\" nests groups more than {REGEX_NEST_LIMIT} deep; \
             simplify it.",
            pattern.chars().take(20).collect::<String>()
        ));
    }
    let translated = translator::translate(pattern)?;
    let regex = RegexBuilder::new(&translated.pattern)
        .backtrack_limit(REGEX_BACKTRACK_LIMIT)
        .delegate_size_limit(REGEX_SIZE_LIMIT)
        .delegate_dfa_size_limit(REGEX_SIZE_LIMIT)
        .max_prog_size(REGEX_PROGRAM_LIMIT)
        .build()
        .map_err(|e| {
            format!(
                "The regular expression \"{pattern}\" cannot be used: {e}. Check it in a .NET \
                 regex tester, or simplify it if it is very large."
            )
        })?;
    Ok((regex, translated.weight))
}

/// The deepest nesting of parentheses (escapes and classes are not parsed: an upper bound).
fn nesting(pattern: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for c in pattern.chars() {
        match c {
            '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The message for a search that ran past the backtracking limit.
fn timeout_message() -> String {
    format!(
        "the regular expression ran past the backtracking limit ({} steps per search), the \
         preview's match timeout (.NET would throw RegexMatchTimeoutException); avoid nested \
         repetition such as (a+)+ or anchor the pattern",
        group_digits(REGEX_BACKTRACK_LIMIT as u64)
    )
}

fn run_error(e: &Error) -> String {
    match e {
        Error::RuntimeError(RuntimeError::BacktrackLimitExceeded) => timeout_message(),
        other => format!("the regular expression failed: {other}"),
    }
}

/// A compiled pattern together with .NET's group numbering.
pub(super) struct DotNetRegex {
    regex: Regex,
    /// `by_number[n]` is the `fancy-regex` capture index of .NET group number `n`.
    by_number: Vec<usize>,
    /// Estimated work per character of input.
    weight: u64,
}

impl DotNetRegex {
    /// Compiles a .NET pattern and works out its .NET group numbers.
    pub(super) fn compile(pattern: &str) -> Result<Self, String> {
        let (regex, weight) = compile(pattern)?;
        let names: Vec<Option<&str>> = regex.capture_names().collect();
        let unnamed = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_none));
        let named = (1..names.len()).filter(|&i| names.get(i).is_some_and(Option::is_some));
        let by_number = std::iter::once(0).chain(unnamed).chain(named).collect();
        Ok(Self {
            regex,
            by_number,
            weight,
        })
    }

    /// [`DotNetRegex::compile`], remembered per thread: evaluating one expression for many users
    /// compiles each pattern once (compiling costs far more than most searches).
    pub(super) fn compile_cached(pattern: &str) -> Compiled {
        remembered(&COMPILED, pattern, COMPILED_PATTERNS_KEPT, |p| {
            DotNetRegex::compile(p).map(Rc::new)
        })
    }

    /// Charges the estimated work of searching `text` to `budget`.
    fn charge(&self, text: &str, budget: &mut Budget) -> Result<(), String> {
        let chars = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
        let work = self.weight.saturating_mul(chars.saturating_add(1));
        budget.spend(
            work,
            &format!(
                "the regular expression (about {} steps per character) over {} characters",
                group_digits(self.weight),
                group_digits(chars)
            ),
        )
    }

    /// The capture index of a group given by name, or by .NET number written in digits.
    pub(super) fn group_index(&self, name: &str) -> Result<usize, String> {
        self.find_group(name).ok_or_else(|| {
            let known: Vec<&str> = self.regex.capture_names().flatten().collect();
            let known = if known.is_empty() {
                "the pattern has no named groups".to_owned()
            } else {
                format!("its named groups are {}", known.join(", "))
            };
            format!(
                "Replace: regexGroupName \"{name}\" is not a group of the pattern ({known}). \
                 Name a group in the pattern with (?<{name}>…) or correct the 4th argument."
            )
        })
    }

    /// The capture index of a group given by name, or by .NET number written in digits; `None`
    /// if the pattern has no such group. (A group name never starts with a digit.)
    pub(super) fn find_group(&self, name: &str) -> Option<usize> {
        match parse_group_number(name) {
            Some(number) => self.numbered(number),
            None => self.named(name),
        }
    }

    /// The capture index of a named group.
    fn named(&self, name: &str) -> Option<usize> {
        self.regex.capture_names().position(|n| n == Some(name))
    }

    /// The capture index of .NET group number `n`.
    fn numbered(&self, n: usize) -> Option<usize> {
        self.by_number.get(n).copied()
    }

    /// The capture index of the highest-numbered .NET group (`$+`).
    pub(super) fn last_group(&self) -> usize {
        self.by_number.last().copied().unwrap_or(0)
    }

    /// The text captured by group `index` in the first match in `text`, if any.
    pub(super) fn first_capture<'t>(
        &self,
        text: &'t str,
        index: usize,
        budget: &mut Budget,
    ) -> Result<Option<&'t str>, String> {
        self.charge(text, budget)?;
        let caps = self.regex.captures(text).map_err(|e| run_error(&e))?;
        Ok(caps.and_then(|caps| caps.get(index)).map(|m| m.as_str()))
    }

    /// Calls `each` for every match in `text`, enumerated as .NET does: after an empty match the
    /// search resumes one character later; after a non-empty match it resumes at its end, where
    /// an empty match is allowed.
    pub(super) fn for_each_match<'t>(
        &self,
        text: &'t str,
        budget: &mut Budget,
        mut each: impl FnMut(&Captures<'t, str>) -> Result<(), String>,
    ) -> Result<(), String> {
        self.charge(text, budget)?;
        let mut from = 0;
        while from <= text.len() {
            let Some(caps) = self
                .regex
                .captures_from_pos(text, from)
                .map_err(|e| run_error(&e))?
            else {
                break;
            };
            let Some(whole) = caps.get(0) else { break };
            from = if whole.start() == whole.end() {
                let next = text.get(whole.end()..).and_then(|rest| rest.chars().next());
                whole.end() + next.map_or(1, char::len_utf8)
            } else {
                whole.end()
            };
            budget.spend(1, "the number of matches")?;
            each(&caps)?;
        }
        Ok(())
    }
}

/// A group number written in ASCII digits (`None` for anything else, or too large).
fn parse_group_number(digits: &str) -> Option<usize> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{group_form, regex_form, some};
    use super::*;

    #[test]
    fn dotnet_group_numbering_puts_named_groups_last() {
        // .NET: $1 = (c), $2 = (?<a>…); fancy-regex numbers them the other way round.
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "$1|$2"), some("b|a"));
        assert_eq!(regex_form("ab", "(?<a>a)(b)", "${a}"), some("a"));
        assert_eq!(group_form("ab", "(?<a>a)(b)", "2", "#"), some("#b"));
    }

    // --- .NET match enumeration ---

    #[test]
    fn empty_matches_follow_dotnet() {
        assert_eq!(regex_form("ab1", "[a-z]*", "-"), some("--1-"));
        assert_eq!(regex_form("baaab", "a*", "X"), some("XbXXbX"));
        assert_eq!(regex_form("aa", "a*?", "X"), some("XaXaX"));
        assert_eq!(regex_form("", "x*", "-"), some("-"));
        assert_eq!(regex_form("日本", "", "|"), some("|日|本|"));
    }

    #[test]
    fn anchors_use_the_whole_input() {
        assert_eq!(regex_form("aaa", "^a", "b"), some("baa"));
        assert_eq!(regex_form("aaa", "a$", "b"), some("aab"));
    }

    #[test]
    fn no_match_returns_source() {
        assert_eq!(regex_form("abc", r"\d", "#"), some("abc"));
    }

    // --- compile_dotnet_regex ---

    /// Whether `pattern` matches somewhere in `text`.
    fn matches(pattern: &str, text: &str) -> bool {
        compile_dotnet_regex(pattern)
            .unwrap()
            .is_match(text)
            .unwrap()
    }

    #[test]
    fn malformed_patterns_are_errors() {
        let cases = [
            ("(abc", "cannot be used"),
            ("abc)", "cannot be used"),
            ("[abc", "never closed"),
            ("abc\\", "single backslash"),
            (r"\q", r"unknown escape \q at character 1"),
            (r"\x4", "exactly 2 hexadecimal digits"),
            (r"\u12G4", "exactly 4 hexadecimal digits"),
            (r"\uD83D", "surrogate"),
            (r"\c1", "control escape"),
            ("(?<>x)", "empty name"),
            ("(?<a.b>x)", "group name \"a.b\""),
            ("(?<ab", "never closed"),
            ("(?#comment", "never closed"),
            ("(?z)", "unknown group construct"),
            ("*a", "cannot be used"),
            ("a{3,1}", "minimum is larger than its maximum"),
        ];
        for (pattern, expected) in cases {
            let err = compile_dotnet_regex(pattern).unwrap_err();
            assert!(err.contains(expected), "{pattern}: {err}");
        }
    }

    #[test]
    fn dotnet_literal_rules_are_kept() {
        assert!(matches("a{", "a{"));
        assert!(matches("a{x}", "a{x}"));
        assert!(matches("a{,3}", "a{,3}"));
        assert!(matches("}", "}"));
        assert!(matches("]", "]"));
        assert!(matches("[[]", "["));
        assert!(matches("[]a]", "]"));
        assert!(matches("[a&&b]", "&"));
        assert!(matches("[~~]", "~"));
        assert!(matches("[!--]", ","));
        assert!(matches("[--/]", "."));
        assert!(matches("[ #]", " "));
        assert!(matches("[a^]", "^"));
        assert!(!matches("[^a]", "a"));
        assert!(matches(r"[\b]", "\u{8}"));
        assert!(matches(r"\.\$\(\)\ \#\@", ".$() #@"));
        assert!(!matches(r"\.", "x"));
        assert!(matches(r"\x41\u00e9\t\e\cA\0", "Aé\t\u{1b}\u{1}\0"));
        assert!(matches(r"\0101", "\u{8}1"));
        assert!(matches(r"[\101]", "A"));
        assert!(matches("a(?#note)b", "ab"));
        assert!(matches("(?i)ABC", "abc"));
        assert!(matches("(?i:a)B", "AB"));
        assert!(!matches("(?i:a)B", "Ab"));
        assert!(matches("(?s).", "\n"));
        assert!(!matches(".", "\n"));
        assert!(matches(r"\bword\b", "a word here"));
        assert!(matches(r"\Aab\z", "ab"));
        assert!(matches("x{2,}y{1,2}z{3}", "xxxyyzzz"));
        assert!(matches("a+?b*?c??", "ac"));
        assert!(matches("é+ü", "ééü"));
    }

    #[test]
    fn unsupported_constructs_are_named_with_position() {
        let cases = [
            (r"(?(a)b|c)", "conditional (?( at character 1"),
            (
                r"a++",
                "possessive quantifier (a quantifier followed by +) at character 3",
            ),
            (
                r"a**",
                "nested quantifier (two quantifiers in a row) at character 3",
            ),
            (r"(?<a-b>x)", "balancing group (?<a-b> at character 1"),
            (r"(?<1>x)", "numbered group (?<1> at character 1"),
            (
                r"(?<a>x)(?<a>y)",
                "group name \"a\" a second time at character 8",
            ),
            (r"\Gx", r"\G anchor at character 1"),
            (r"(?P<n>x)", "Python-style (?P at character 1"),
            (r"\p{IsHighSurrogates}", "surrogate block"),
        ];
        for (pattern, expected) in cases {
            let err = compile_dotnet_regex(pattern).unwrap_err();
            assert!(err.contains(expected), "{pattern}: {err}");
            assert!(err.contains("not supported"), "{pattern}: {err}");
        }
        for (pattern, expected) in [
            (r"\p{Greek}", "unknown Unicode category or block"),
            (r"\p{isGreek}", "case-sensitive"),
            (r"\pL", "without a {name}"),
            (r"(a)\2", "refers to group 2"),
            (r"\k<nope>", "cannot be used"),
            (r"\k", "without <name>"),
            ("(?z)", "unknown group construct"),
            ("[a-z-[aeiou]b]", "not the last thing"),
        ] {
            let err = compile_dotnet_regex(pattern).unwrap_err();
            assert!(err.contains(expected), "{pattern}: {err}");
        }
    }

    #[test]
    fn huge_patterns_hit_the_size_limit() {
        let err = compile_dotnet_regex("(?:a{1000}){1000}").unwrap_err();
        assert!(err.contains("cannot be used"), "{err}");
        let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
        assert!(compile_dotnet_regex(&deep).is_err());
    }

    #[test]
    fn unicode_classes_follow_dotnet() {
        assert!(matches(r"^\d+$", "١٢٣"), "\\d is every decimal digit");
        assert!(!matches(r"^\d$", "½"), "but not other numbers");
        assert!(
            matches(r"^\w+$", "café_Ω"),
            "\\w has letters and connector punctuation"
        );
        assert!(
            !matches(r"^\w$", "\u{2160}"),
            "\\w has no letter numbers (Nl)"
        );
        assert!(matches("a\\sb", "a\u{A0}b"), "\\s has the no-break space");
        assert!(matches("a\\sb", "a\u{85}b"));
        assert!(!matches(r"\S", " \u{3000}"));
        assert!(
            matches(r"[\w-]+@", "é-x@"),
            "class shorthands inside classes"
        );
        assert!(matches(r"^[^\W\d]+$", "abc"));
        assert!(!matches(r"^[^\W\d]+$", "a1"));
        assert!(matches(r"\bé\b", "x é y"), "\\b uses .NET's \\w");
        assert!(!matches(r"a\b", "aé"));
        assert!(matches(r"a\B", "aé"));
        assert!(matches(r"(?i)é", "É"), "case-insensitive beyond ASCII");
        assert!(matches(r"(?i)σ", "Σ"));
        assert!(matches(r"(?i:ß)", "ß"));
    }

    #[test]
    fn compiled_patterns_are_remembered_per_thread_and_bounded() {
        let first = DotNetRegex::compile_cached(r"[\s()./-]+").unwrap();
        let again = DotNetRegex::compile_cached(r"[\s()./-]+").unwrap();
        assert!(std::rc::Rc::ptr_eq(&first, &again));
        let error = DotNetRegex::compile(r"(").err();
        assert_eq!(DotNetRegex::compile_cached(r"(").err(), error);
        assert_eq!(DotNetRegex::compile_cached(r"(").err(), error);
        assert!(error.is_some());
        for n in 0..super::COMPILED_PATTERNS_KEPT * 2 {
            DotNetRegex::compile_cached(&format!("a{{{n}}}")).unwrap();
        }
        assert!(super::COMPILED.with(|c| c.borrow().len()) <= super::COMPILED_PATTERNS_KEPT);
    }
}
