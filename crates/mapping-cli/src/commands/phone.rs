//! `scim-map phone NUMBER`: what Genesys makes of a phone number.

use mapping_core::phone;
use std::process::ExitCode;

pub fn run(number: &str, region: Option<&str>, phone_type: &str, json: bool) -> ExitCode {
    let a = phone::analyze(number, region, phone_type, None);
    if json {
        outln!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let show = |label: &str, v: Option<&str>| outln!("{label:<12} {}", v.unwrap_or("—"));
    show("input", Some(&a.input));
    show("region", a.region.as_deref());
    show("E.164", a.e164.as_deref());
    show("extension", a.extension.as_deref());
    show("tel URI", a.tel_uri.as_deref());
    outln!("{:<12} {} (possible: {})", "valid", a.valid, a.possible);
    show("type", a.number_type.as_deref());
    show("country", a.country.as_deref());
    outln!(
        "{:<12} {} for phoneNumbers[type eq {phone_type:?}]",
        "Genesys",
        a.verdict.describe()
    );
    for p in &a.problems {
        outln!("  - {p}");
    }
    if let Some(s) = &a.suggestion {
        outln!("fix: {}\n     {}", s.expression, s.explanation);
    }
    ExitCode::SUCCESS
}
