//! Helpers shared by the date tests.

use proptest::prelude::*;
use time::OffsetDateTime;

use super::{date_add, date_diff, format_date_time, format_entra, parse_date};

/// Parses and renders, as `CDate` does.
pub(super) fn cdate(s: &str) -> String {
    format_entra(parse_date(s).expect(s))
}

pub(super) fn add(interval: &str, value: i64, s: &str) -> Result<String, String> {
    date_add(interval, value, parse_date(s).expect(s)).map(format_entra)
}

pub(super) fn diff(interval: &str, a: &str, b: &str) -> Result<i64, String> {
    date_diff(interval, parse_date(a).expect(a), parse_date(b).expect(b))
}

pub(super) fn fdt(source: &str, input: &str, output: &str) -> Result<String, String> {
    format_date_time(source, None, input, output)
}

/// Whole seconds from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
pub(super) fn instant() -> impl Strategy<Value = OffsetDateTime> {
    (-62_135_596_800i64..=253_402_300_799i64)
        .prop_map(|t| OffsetDateTime::from_unix_timestamp(t).expect("in range"))
}
