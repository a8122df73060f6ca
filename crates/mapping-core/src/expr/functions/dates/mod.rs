//! Date and time functions: `CDate`, `DateAdd`, `DateDiff`, `DateFromNum`, `FormatDateTime`,
//! `NumFromDate`, and the rendering `Now` shares with them.
//!
//! Entra passes dates between functions as strings: a date-producing function renders its result
//! as `M/d/yyyy h:mm:ss tt` in UTC ([`format_entra`]) and the next one reads it back with
//! [`parse_date`]. Every instant handled here lies in the years 1 to 9999 (the range of a .NET
//! `DateTime`); arithmetic that leaves that range is an error, never a panic or a wrap-around.
//!
//! Nothing here reads the system clock: `Now` is rendered by the evaluator from its own clock.
//!
//! This file holds the public functions; the work behind them lives in private modules, one job
//! each: `calendar` (leap years, month lengths, the year range, month and second arithmetic,
//! weeks, FILETIME ticks), `fields` (date parts as read from text, and their validation),
//! `scanner` (the cursor the readers share), `read` (the date strings `CDate` accepts),
//! `interval` (the intervals of `DateAdd` and `DateDiff`) and `dotnet_format` (.NET date/time
//! formats and `DateTimeStyles`, for `FormatDateTime`).

mod calendar;
mod dotnet_format;
mod fields;
mod interval;
mod read;
mod scanner;
#[cfg(test)]
mod test_support;

use time::OffsetDateTime;

use fields::{hour12, Meridiem};
use interval::Interval;

/// The largest FILETIME value; Active Directory uses it for "the account never expires".
const NEVER_EXPIRES: &str = "9223372036854775807";

/// Parses any date string Entra accepts (the input of `CDate`, and [`format_entra`]'s output),
/// returning the instant in UTC.
///
/// Accepted, after trimming surrounding whitespace:
/// * ISO dates `2021-08-24` (midnight UTC), optionally followed by an offset
///   (`2020-03-16-07:00` is midnight at UTC-7);
/// * ISO date-times with `T` or a space, optional seconds and up to 7 fractional digits, and an
///   optional `Z`, `±hh`, `±hh:mm` or `±hhmm` (no offset means UTC);
/// * US dates `M/d/yyyy`, optionally with `h:mm[:ss] AM|PM` or `H:mm[:ss]`;
/// * compact generalized time `yyyyMMddHHmmss[.f]` with an optional `Z` or offset.
pub fn parse_date(s: &str) -> Result<OffsetDateTime, String> {
    read::parse_date_for("CDate", s)
}

/// Renders an instant the way Entra flows dates: `M/d/yyyy h:mm:ss tt` in UTC, en-US
/// (`3/16/2020 7:00:00 AM`, noon is `12:00:00 PM`, midnight `12:00:00 AM`).
pub fn format_entra(dt: OffsetDateTime) -> String {
    // Falls back to the value as given only if its UTC form is beyond what `time` can hold.
    let utc = calendar::in_utc(dt).unwrap_or(dt);
    format!(
        "{}/{}/{:04} {}:{:02}:{:02} {}",
        u8::from(utc.month()),
        utc.day(),
        utc.year(),
        hour12(utc.hour()),
        utc.minute(),
        utc.second(),
        Meridiem::of_hour(utc.hour()).label()
    )
}

/// `DateAdd(interval, value, dateTime)`: moves `dt` by `value` intervals.
///
/// Intervals (case-insensitive, as in VB): `yyyy` years, `q` quarters, `m` months, `d` days
/// (also VB's `y` and `w`), `ww` weeks, `h` hours, `n` minutes, `s` seconds. Month-based
/// intervals keep the time of day and clamp the day to the end of the target month, like .NET's
/// `AddMonths` (`1/31/2020` plus one month is `2/29/2020`). A result outside the years 1 to 9999
/// is an error.
pub fn date_add(interval: &str, value: i64, dt: OffsetDateTime) -> Result<OffsetDateTime, String> {
    let interval = Interval::parse("DateAdd", interval)?;
    let start = usable("DateAdd", dt)?;
    interval.add(value, start).ok_or_else(|| {
        format!(
            "DateAdd: adding {value} {} to {} goes outside the years 1 to 9999",
            interval.unit_name(),
            format_entra(start)
        )
    })
}

/// `DateDiff(interval, date1, date2)`: how many intervals lie between the two dates, positive
/// when `date2` is later. Follows VB.NET's `DateAndTime.DateDiff`, on UTC values:
/// * `yyyy`, `q`, `m` compare calendar fields only (`12/31` to `1/1` is one year);
/// * `d` (and `y`), `h`, `n`, `s` truncate the elapsed time toward zero;
/// * `w` is the elapsed days divided by 7, truncated;
/// * `ww` first moves both dates back to the Sunday starting their week, then counts weeks.
pub fn date_diff(
    interval: &str,
    date1: OffsetDateTime,
    date2: OffsetDateTime,
) -> Result<i64, String> {
    let interval = Interval::parse("DateDiff", interval)?;
    let first = usable("DateDiff", date1)?;
    let second = usable("DateDiff", date2)?;
    Ok(interval.count_between(first, second))
}

/// `FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)`: reads `source` with a
/// .NET date/time format and writes it back with another.
///
/// Both formats are .NET custom formats (`yyyy`, `yy`, `M`…`MMMM`, `d`…`dddd`, `H`, `HH`, `h`,
/// `hh`, `m`, `mm`, `s`, `ss`, `f`…`fffffff`, `F`…, `t`, `tt`, `z`, `zz`, `zzz`, `K`, `g`;
/// `Z` stands for UTC; `'…'`, `"…"` and `\x` are literal text; anything else is itself) or a
/// single-letter .NET standard format such as `o`, `s` or `d`, in the invariant culture.
///
/// `styles` is a list of .NET `DateTimeStyles` names: `AllowLeadingWhite`,
/// `AllowTrailingWhite`, `AllowInnerWhite`, `AllowWhiteSpaces`, `AssumeUniversal` and
/// `AdjustToUniversal` are honoured, other names are ignored. `None` (or blank) means
/// Entra's default, which trims whitespace on both sides.
///
/// A value read with an offset keeps its wall-clock time (so `2025-12-31-08:00` read with
/// `yyyy-MM-ddzzz` prints as `2025-12-31` with `yyyy-MM-dd`) unless `AdjustToUniversal` is given.
pub fn format_date_time(
    source: &str,
    styles: Option<&str>,
    input_format: &str,
    output_format: &str,
) -> Result<String, String> {
    dotnet_format::reformat(source, styles, input_format, output_format)
}

/// `NumFromDate(value)`: the date as a Windows FILETIME (Active Directory's format: 100 ns ticks
/// since 1601-01-01 UTC), as a decimal string. Reads the same strings as [`parse_date`].
pub fn num_from_date(s: &str) -> Result<String, String> {
    let dt = read::parse_date_for("NumFromDate", s)?;
    let ticks = calendar::to_filetime(dt).ok_or_else(|| {
        format!(
            "NumFromDate: {} is before 1/1/1601, the earliest date Active Directory's format holds",
            format_entra(dt)
        )
    })?;
    Ok(ticks.to_string())
}

/// `DateFromNum(value)`: the instant of a Windows FILETIME (100 ns ticks since 1601-01-01 UTC)
/// given as a decimal string. Negative values, and values past the year 9999 (such as AD's
/// "never expires" value 9223372036854775807), are errors.
pub fn date_from_num(s: &str) -> Result<OffsetDateTime, String> {
    let text = s.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "DateFromNum: \"{text}\" is not a whole number of 100-nanosecond ticks since 1601 \
             (Active Directory's date format, e.g. 129699324000000000)"
        ));
    }
    if negative && digits.bytes().any(|b| b != b'0') {
        return Err(format!(
            "DateFromNum: {text} is negative; Active Directory dates start at 0 (1/1/1601)"
        ));
    }
    let too_late = || {
        let never = if digits == NEVER_EXPIRES {
            " (it is Active Directory's \"never expires\" value)"
        } else {
            ""
        };
        format!("DateFromNum: {digits} is after 12/31/9999, the last date Entra can hold{never}")
    };
    let ticks: u64 = digits.parse().map_err(|_| too_late())?;
    calendar::from_filetime(ticks).ok_or_else(too_late)
}

/// `dt` in UTC, or the error `function` reports for a date outside the years 1 to 9999.
fn usable(function: &str, dt: OffsetDateTime) -> Result<OffsetDateTime, String> {
    calendar::to_utc(dt).map_err(|reason| format!("{function}: the date cannot be used: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::test_support::cdate;
    use super::*;
    use time::UtcOffset;

    // --- format_entra ------------------------------------------------------------------------

    #[test]
    fn format_entra_clock_edges() {
        assert_eq!(cdate("2012-01-01T00:00:00Z"), "1/1/2012 12:00:00 AM");
        assert_eq!(cdate("2012-01-01T12:00:00Z"), "1/1/2012 12:00:00 PM");
        assert_eq!(cdate("2012-01-01T23:00:00Z"), "1/1/2012 11:00:00 PM");
        assert_eq!(cdate("2012-01-01T01:02:03Z"), "1/1/2012 1:02:03 AM");
        assert_eq!(cdate("2012-12-31T11:59:59Z"), "12/31/2012 11:59:59 AM");
    }

    #[test]
    fn format_entra_converts_to_utc() {
        let offset = UtcOffset::from_hms(-7, 0, 0).unwrap();
        let local = parse_date("2020-03-16T07:00:00Z")
            .unwrap()
            .to_offset(offset);
        assert_eq!(local.hour(), 0);
        assert_eq!(format_entra(local), "3/16/2020 7:00:00 AM");
    }

    #[test]
    fn entra_output_reads_back() {
        for s in [
            "2021-08-24T00:00:00Z",
            "2021-08-24T12:00:00Z",
            "2021-08-24T23:59:59Z",
            "2020-02-29T06:07:08Z",
            "0001-01-01T00:00:00Z",
        ] {
            let dt = parse_date(s).unwrap();
            assert_eq!(parse_date(&format_entra(dt)).unwrap(), dt, "{s}");
        }
    }

    // --- FILETIME -----------------------------------------------------------------------------

    #[test]
    fn num_from_date_vectors() {
        assert_eq!(
            num_from_date("2025-12-31 23:59:59-08:00").unwrap(),
            "134117279990000000"
        );
        assert_eq!(
            num_from_date("2025-12-31T23:59:59-05:00").unwrap(),
            "134117171990000000"
        );
        assert_eq!(
            num_from_date("2099-12-31T23:59:59-04:00").unwrap(),
            "157469327990000000"
        );
        assert_eq!(
            num_from_date("2012-01-01T23:00:00Z").unwrap(),
            "129699324000000000"
        );
        assert_eq!(num_from_date("1601-01-01").unwrap(), "0");
        assert_eq!(num_from_date("1601-01-01T00:00:00.0000001Z").unwrap(), "1");
    }

    #[test]
    fn num_from_date_errors() {
        let err = num_from_date("1600-12-31T23:59:59Z").unwrap_err();
        assert!(err.contains("before 1/1/1601"), "{err}");
        let err = num_from_date("tomorrow").unwrap_err();
        assert!(
            err.starts_with("NumFromDate: \"tomorrow\" is not a date"),
            "{err}"
        );
    }

    #[test]
    fn date_from_num_vectors() {
        let dt = date_from_num("129699324000000000").unwrap();
        assert_eq!(format_entra(dt), "1/1/2012 11:00:00 PM");
        assert_eq!(dt, parse_date("2012-01-01T23:00:00Z").unwrap());
        assert_eq!(
            format_entra(date_from_num(" 0 ").unwrap()),
            "1/1/1601 12:00:00 AM"
        );
        assert_eq!(
            format_entra(date_from_num("+1").unwrap()),
            "1/1/1601 12:00:00 AM"
        );
        assert_eq!(date_from_num("1").unwrap().nanosecond(), 100);
        let last = date_from_num("2650467743999999999").unwrap();
        assert_eq!(format_entra(last), "12/31/9999 11:59:59 PM");
    }

    #[test]
    fn date_from_num_errors() {
        assert!(date_from_num("-1").unwrap_err().contains("negative"));
        assert!(date_from_num("2650467744000000000")
            .unwrap_err()
            .contains("after 12/31/9999"));
        let never = date_from_num("9223372036854775807").unwrap_err();
        assert!(never.contains("never expires"), "{never}");
        assert!(date_from_num("99999999999999999999999999999999999999999").is_err());
        for bad in ["", "abc", "1.5", "1e10", "--1", "+-1", "12 34", "１"] {
            let err = date_from_num(bad).unwrap_err();
            assert!(err.contains("not a whole number"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn filetime_round_trip() {
        for s in [
            "2012-01-01T23:00:00Z",
            "1999-12-31T23:59:59.9999999Z",
            "9999-12-31T00:00:00Z",
        ] {
            let dt = parse_date(s).unwrap();
            assert_eq!(
                date_from_num(&num_from_date(s).unwrap()).unwrap(),
                dt,
                "{s}"
            );
        }
    }

    // --- properties ------------------------------------------------------------------------

    mod properties {
        use super::super::test_support::instant;
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn readers_never_panic(s in "\\PC{0,40}") {
                let _ = parse_date(&s);
                let _ = num_from_date(&s);
                let _ = date_from_num(&s);
            }

            #[test]
            fn entra_format_reads_back(dt in instant()) {
                prop_assert_eq!(parse_date(&format_entra(dt)), Ok(dt));
            }

            #[test]
            fn filetime_reads_back(dt in instant()) {
                let iso = format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                    dt.year(), u8::from(dt.month()), dt.day(), dt.hour(), dt.minute(), dt.second()
                );
                if let Ok(ticks) = num_from_date(&iso) {
                    prop_assert_eq!(date_from_num(&ticks), Ok(dt));
                } else {
                    prop_assert!(dt.year() < 1601);
                }
            }
        }
    }
}
