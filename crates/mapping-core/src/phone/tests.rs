//! Behaviour of [`analyze`] as a whole: the comparison inputs that matter, every verdict, and
//! robustness on arbitrary text.

use super::*;

fn work(input: &str, region: Option<&str>) -> PhoneAnalysis {
    analyze(input, region, "work", None)
}

fn has_problem(a: &PhoneAnalysis, needle: &str) -> bool {
    a.problems.iter().any(|p| p.contains(needle))
}

/// A 52 MB attribute is refused by its length: nothing reads it (quadratic parsing took 24 s).
#[test]
fn a_huge_value_is_refused_unread() {
    let huge = "+1 425 555 0109 ".repeat(52 * 1024 * 1024 / 16);
    let a = analyze(&huge, Some("US"), "work", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert!(has_problem(&a, "bytes long"), "{:?}", a.problems);
    assert!(a.suggestion.is_none() && a.e164.is_none());
    assert!(a.input.chars().count() <= 61);
    let just_over = "1".repeat(MAX_PHONE_LENGTH + 1);
    assert!(has_problem(&work(&just_over, None), "not analysed"));
    let at_limit = format!("+1 425 555 0109{}", " ".repeat(MAX_PHONE_LENGTH - 15));
    assert!(!has_problem(&work(&at_limit, None), "not analysed"));
}

#[test]
fn accepted_canonical_tel_uri() {
    for (input, e164, ext) in [
        ("tel:+14255550109", "+14255550109", None),
        ("tel:+13178723000;ext=105", "+13178723000", Some("105")),
    ] {
        let a = work(input, None);
        assert_eq!(
            a.verdict,
            GenesysVerdict::Accepted,
            "{input}: {:?}",
            a.problems
        );
        assert_eq!(a.e164.as_deref(), Some(e164));
        assert_eq!(a.extension.as_deref(), ext);
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        assert!(a.suggestion.is_none());
    }
}

#[test]
fn accepted_after_normalizing_e164() {
    let a = work("+14255550109", None);
    assert_eq!(a.verdict, GenesysVerdict::AcceptedAfterNormalizing);
    assert_eq!(a.tel_uri.as_deref(), Some("tel:+14255550109"));
    assert!(has_problem(&a, "normalises the number to tel:+14255550109"));
    assert!(a.suggestion.is_none());
    for loose in [
        "tel:+1-425-555-0109",
        "TEL:+14255550109",
        "tel:+13178723000; ext=105",
    ] {
        let a = work(loose, None);
        assert_eq!(
            a.verdict,
            GenesysVerdict::AcceptedAfterNormalizing,
            "{loose}"
        );
        assert!(has_problem(&a, "separators"), "{loose}: {:?}", a.problems);
    }
}

#[test]
fn graph_example_with_spaces_is_rejected_with_strip_spaces() {
    let a = work("+1 425 555 0109", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert_eq!(a.e164.as_deref(), Some("+14255550109"));
    assert_eq!(a.tel_uri.as_deref(), Some("tel:+14255550109"));
    assert!(a.valid && a.possible);
    assert_eq!(a.number_type.as_deref(), Some("fixed line or mobile"));
    assert_eq!(a.country.as_deref(), Some("US"));
    assert_eq!(a.region, None);
    assert!(has_problem(&a, "contains spaces"));
    assert_eq!(
        a.suggestion.unwrap().expression,
        "StripSpaces([telephoneNumber])"
    );
}

#[test]
fn rejected_formats_name_their_defects() {
    let a = work("+1 (206) 291-8163 ext. 8125", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert_eq!(a.extension.as_deref(), Some("8125"));
    assert_eq!(a.tel_uri.as_deref(), Some("tel:+12062918163;ext=8125"));
    assert!(has_problem(&a, "dashes and parentheses"));
    assert!(has_problem(&a, "extension is written `ext. 8125`"));

    let a = work("(425) 555-0109", Some("US"));
    assert_eq!(a.region.as_deref(), Some("US"));
    assert!(has_problem(&a, "national format"));

    let a = work("0044 20 7946 0958", None);
    assert_eq!(a.e164.as_deref(), Some("+442079460958"));
    assert!(has_problem(&a, "prefix 00"));

    let a = work("1-800-FLOWERS", Some("US"));
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert_eq!(a.e164.as_deref(), Some("+18003569377"));
    assert_eq!(a.number_type.as_deref(), Some("toll free"));
    assert!(has_problem(&a, "letters"));

    let a = work("+4402079460958", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert!(has_problem(&a, "trunk prefix"));

    let a = work(" +14255550109", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert!(has_problem(&a, "start or end"));

    let a = work("tel:442079460958;ext=402", None);
    assert!(
        a.problems.iter().any(|p| p.contains("no +")),
        "{:?}",
        a.problems
    );
}

#[test]
fn invalid_numbers_are_rejected() {
    for (input, region, why) in [
        ("+1 555 0100", None, "too short"),
        ("+19999999999", None, "no +1 number range"),
        ("555-0100", Some("US"), "default region"),
        ("12345", None, "no default region"),
        ("555-0100", Some("USA"), "`USA` is not a two-letter region"),
        ("+999 123", None, "country code"),
        ("hello", None, "not a phone number"),
        ("+1234567890123456789", None, "too long"),
    ] {
        let a = work(input, region);
        assert_eq!(a.verdict, GenesysVerdict::Rejected, "{input}");
        assert!(!a.valid, "{input}");
        assert!(has_problem(&a, why), "{input}: {:?}", a.problems);
    }
}

#[test]
fn extension_only() {
    let a = work("tel:;ext=402", None);
    assert_eq!(a.verdict, GenesysVerdict::ExtensionOnly);
    assert_eq!(a.e164, None);
    assert_eq!(a.extension.as_deref(), Some("402"));
    assert_eq!(a.tel_uri.as_deref(), Some("tel:;ext=402"));
    assert!(a.suggestion.is_none());
    let a = work("ext. 402", Some("US"));
    assert_eq!(a.verdict, GenesysVerdict::ExtensionOnly);
    assert!(has_problem(&a, "written `ext. 402`"));
    assert!(a.suggestion.is_some());
}

#[test]
fn empty_values() {
    for input in ["", "   ", "\t"] {
        let a = work(input, Some("US"));
        assert_eq!(a.verdict, GenesysVerdict::Rejected);
        assert!(has_problem(
            &a,
            "empty values are never sent; Genesys keeps the old value"
        ));
        assert!(a.suggestion.is_none());
        assert_eq!(a.e164, None);
    }
    let a = analyze("", None, "other", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
}

#[test]
fn unknown_types_are_rejected_with_the_list() {
    let a = analyze("+14255550109", None, "fax", None);
    assert_eq!(a.verdict, GenesysVerdict::Rejected);
    assert!(has_problem(&a, "`fax` is not a phone type"));
    assert!(has_problem(
        &a,
        "work, work2, work3, work4, home, mobile, other"
    ));
    assert!(a.suggestion.is_none());
    assert_eq!(a.e164.as_deref(), Some("+14255550109"));
    // Case does not matter for known types.
    assert_eq!(
        analyze("+14255550109", None, "Mobile", None).verdict,
        GenesysVerdict::AcceptedAfterNormalizing
    );
}

#[test]
fn other_and_integration_types_do_not_need_e164() {
    for t in [
        "other",
        "microsoftteams",
        "zoomphone",
        "eightbyeight",
        "ringcentral",
    ] {
        let a = analyze("+1 425 555 0109", None, t, None);
        assert_eq!(a.verdict, GenesysVerdict::Accepted, "{t}");
        assert!(has_problem(&a, "not E.164"), "{t}");
        let a = analyze("1234", None, t, None);
        assert_eq!(a.verdict, GenesysVerdict::Accepted, "{t}");
        assert!(has_problem(&a, "cannot read"), "{t}: {:?}", a.problems);
        let a = analyze("tel:+14255550109", None, t, None);
        assert_eq!(a.verdict, GenesysVerdict::Accepted);
        assert!(!has_problem(&a, "not E.164"));
    }
    assert!(has_problem(
        &analyze("+14255550109", None, "microsoftteams", None),
        "dials it"
    ));
}

#[test]
fn mobile_type_mismatch_is_noted() {
    let a = analyze("+442079460958", None, "mobile", None);
    assert_eq!(a.number_type.as_deref(), Some("fixed line"));
    assert!(has_problem(&a, "mapped to `mobile`"));
    assert!(!has_problem(
        &analyze("+447911123456", None, "mobile", None),
        "mapped to"
    ));
}

#[test]
fn public_constants() {
    assert_eq!(GENESYS_PHONE_TYPES.len(), 11);
    assert!(GENESYS_PHONE_TYPES.iter().all(|t| is_genesys_phone_type(t)));
    assert!(is_genesys_phone_type("RingCentral"));
    assert!(!is_genesys_phone_type("pager"));
}

/// The comparison inputs (rlibphonenumber vs phonenumber) whose readings matter here.
#[test]
fn comparison_vectors() {
    // (input, region, e164, extension, valid, type, country)
    #[allow(clippy::type_complexity)]
    let cases: &[(
        &str,
        Option<&str>,
        Option<&str>,
        Option<&str>,
        bool,
        Option<&str>,
        Option<&str>,
    )] = &[
        (
            "+1 425 555 0109",
            None,
            Some("+14255550109"),
            None,
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "(425) 555-0109",
            Some("US"),
            Some("+14255550109"),
            None,
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "+44 20 7946 0958",
            None,
            Some("+442079460958"),
            None,
            true,
            Some("fixed line"),
            Some("GB"),
        ),
        (
            "020 7946 0958",
            Some("GB"),
            Some("+442079460958"),
            None,
            true,
            Some("fixed line"),
            Some("GB"),
        ),
        (
            "+49 30 901820",
            None,
            Some("+4930901820"),
            None,
            true,
            Some("fixed line"),
            Some("DE"),
        ),
        (
            "+49 1512 3456789",
            None,
            Some("+4915123456789"),
            None,
            true,
            Some("mobile"),
            Some("DE"),
        ),
        (
            "+91 98765 43210",
            None,
            Some("+919876543210"),
            None,
            true,
            Some("mobile"),
            Some("IN"),
        ),
        (
            "+61 2 9374 4000",
            None,
            Some("+61293744000"),
            None,
            true,
            Some("fixed line"),
            Some("AU"),
        ),
        (
            "+61 412 345 678",
            None,
            Some("+61412345678"),
            None,
            true,
            Some("mobile"),
            Some("AU"),
        ),
        (
            "+33 6 12 34 56 78",
            None,
            Some("+33612345678"),
            None,
            true,
            Some("mobile"),
            Some("FR"),
        ),
        (
            "+1 425 555 0109 x402",
            None,
            Some("+14255550109"),
            Some("402"),
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "+1 (206) 291-8163 ext. 8125",
            None,
            Some("+12062918163"),
            Some("8125"),
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "tel:+13178723000;ext=105",
            None,
            Some("+13178723000"),
            Some("105"),
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "tel:+13178723000; ext=105",
            None,
            Some("+13178723000"),
            Some("105"),
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "+441632768402 x402",
            None,
            Some("+441632768402"),
            Some("402"),
            false,
            None,
            None,
        ),
        (
            "8 (800) 555 35 35",
            Some("RU"),
            Some("+78005553535"),
            None,
            true,
            Some("toll free"),
            Some("RU"),
        ),
        (
            "+39 06 6982 1234",
            None,
            Some("+390669821234"),
            None,
            true,
            Some("fixed line"),
            Some("VA"),
        ),
        (
            "+1 800 356 9377",
            None,
            Some("+18003569377"),
            None,
            true,
            Some("toll free"),
            Some("US"),
        ),
        (
            "\u{FF0B}\u{FF11} 425 555 0109",
            None,
            Some("+14255550109"),
            None,
            true,
            Some("fixed line or mobile"),
            Some("US"),
        ),
        (
            "+1 555 0100",
            None,
            Some("+15550100"),
            None,
            false,
            None,
            None,
        ),
        ("555-0100", None, None, None, false, None, None),
        ("+999 123", None, None, None, false, None, None),
        ("", None, None, None, false, None, None),
    ];
    for &(input, region, e164, ext, valid, ty, country) in cases {
        let a = work(input, region);
        assert_eq!(a.e164.as_deref(), e164, "{input}");
        assert_eq!(a.extension.as_deref(), ext, "{input}");
        assert_eq!(a.valid, valid, "{input}");
        assert_eq!(a.number_type.as_deref(), ty, "{input}");
        assert_eq!(a.country.as_deref(), country, "{input}");
    }
}

#[test]
fn analysis_serialises() {
    let json = serde_json::to_value(work("+1 425 555 0109 x402", None)).unwrap();
    assert_eq!(json["verdict"], "Rejected");
    assert_eq!(json["tel_uri"], "tel:+14255550109;ext=402");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics(input in "\\PC{0,40}", region in "[A-Za-z0-9]{0,3}", t in "[a-z]{0,12}") {
            let a = analyze(&input, Some(&region), &t, None);
            prop_assert_eq!(a.input, input);
        }

        #[test]
        fn phone_like_text_never_panics(
            input in "[+0-9 ()\\-.x#;=:extnsiolTEL/]{0,30}",
            region in prop::sample::select(vec!["US", "GB", "DE", "IN", "ZZ", ""]),
        ) {
            let a = analyze(&input, Some(region), "work", Some(PhoneSource::Attribute("mobile")));
            // A suggestion comes with a number, an extension, or a bare run of digits that may
            // be an internal extension.
            if a.suggestion.is_some() {
                let bare = input.trim().chars().all(|c| c.is_ascii_digit() || c == ' ');
                prop_assert!(a.e164.is_some() || a.extension.is_some() || bare);
            }
        }

        #[test]
        fn accepted_values_are_e164_or_tel(input in "\\+?[0-9]{1,16}", region in prop::sample::select(vec!["US", "GB"])) {
            let a = analyze(&input, Some(region), "work", None);
            if matches!(a.verdict, GenesysVerdict::Accepted | GenesysVerdict::AcceptedAfterNormalizing) {
                prop_assert!(a.valid);
                prop_assert!(input.starts_with('+'));
            }
        }
    }
}

/// The go-live check asks for suggestions only where Genesys refuses the value: an `other`
/// number Genesys keeps as written gets none, a refused `work` number still gets its fix.
#[test]
fn suggestions_for_refused_values_only() {
    let other = |s| analyze_with("+1 425 555 0109", Some("US"), "other", None, s);
    assert_eq!(other(Suggestions::All).verdict, GenesysVerdict::Accepted);
    assert!(other(Suggestions::All).suggestion.is_some());
    assert!(other(Suggestions::Refused).suggestion.is_none());
    let work = |s| analyze_with("+1 425 555 0109", Some("US"), "work", None, s);
    assert_eq!(work(Suggestions::Refused).verdict, GenesysVerdict::Rejected);
    assert_eq!(
        work(Suggestions::Refused).suggestion.map(|s| s.expression),
        work(Suggestions::All).suggestion.map(|s| s.expression)
    );
    assert!(work(Suggestions::Never).suggestion.is_none());
}
