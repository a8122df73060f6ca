//! The calendar: leap years, month lengths and names, the years 1 to 9999, month and second
//! arithmetic, Sunday-based weeks, and Windows FILETIME ticks.

use time::{Date, Duration, Month, OffsetDateTime, Weekday};

const MIN_YEAR: i64 = 1;
const MAX_YEAR: i64 = 9999;

const NANOS_PER_SECOND: i128 = 1_000_000_000;
/// A FILETIME tick is 100 nanoseconds.
const NANOS_PER_TICK: i128 = 100;
/// Seconds from the FILETIME epoch (1601-01-01T00:00:00Z) to the Unix epoch.
const FILETIME_EPOCH_TO_UNIX_SECONDS: i128 = 11_644_473_600;

pub(super) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Indexed by [`Weekday::number_days_from_sunday`].
pub(super) const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i32, month: Month) -> u8 {
    match month {
        Month::February if is_leap_year(year) => 29,
        Month::February => 28,
        Month::April | Month::June | Month::September | Month::November => 30,
        _ => 31,
    }
}

pub(super) fn month_from_number(number: u32) -> Option<Month> {
    u8::try_from(number)
        .ok()
        .and_then(|n| Month::try_from(n).ok())
}

pub(super) fn month_name(month: Month) -> &'static str {
    MONTH_NAMES[usize::from(u8::from(month)) - 1]
}

pub(super) fn day_name(weekday: Weekday) -> &'static str {
    DAY_NAMES[usize::from(weekday.number_days_from_sunday())]
}

/// The abbreviation of a month or day name: its first three letters (`Aug`, `Tue`).
pub(super) fn abbreviation(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// Returns the year as an `i32` if it lies in 1..=9999.
pub(super) fn check_year(year: i64) -> Result<i32, String> {
    i32::try_from(year)
        .ok()
        .filter(|_| (MIN_YEAR..=MAX_YEAR).contains(&year))
        .ok_or_else(|| format!("year {year} is outside 1 to 9999"))
}

/// The same instant in UTC, if `time` can hold it.
pub(super) fn in_utc(dt: OffsetDateTime) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(dt.unix_timestamp_nanos()).ok()
}

/// The same instant in UTC, provided it lies in the years 1 to 9999.
pub(super) fn to_utc(dt: OffsetDateTime) -> Result<OffsetDateTime, String> {
    let utc = in_utc(dt).ok_or_else(|| "it lies outside the years 1 to 9999 in UTC".to_string())?;
    check_year(i64::from(utc.year()))
        .map_err(|reason| format!("in UTC it lies outside the supported range ({reason})"))?;
    Ok(utc)
}

/// How far `dt` is past the start of its Sunday-based week, in whole days.
pub(super) fn days_since_sunday(dt: OffsetDateTime) -> Duration {
    Duration::days(i64::from(dt.weekday().number_days_from_sunday()))
}

/// Adds calendar months, keeping the time of day and clamping the day to the month's length.
pub(super) fn add_months(dt: OffsetDateTime, months: i64) -> Option<OffsetDateTime> {
    let index = i64::from(dt.year())
        .checked_mul(12)?
        .checked_add(i64::from(u8::from(dt.month())) - 1)?
        .checked_add(months)?;
    let year = check_year(index.div_euclid(12)).ok()?;
    let month = month_from_number(u32::try_from(index.rem_euclid(12) + 1).ok()?)?;
    let day = dt.day().min(days_in_month(year, month));
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(dt.replace_date(date))
}

/// Adds a number of seconds, staying within the years 1 to 9999.
pub(super) fn add_seconds(dt: OffsetDateTime, seconds: i64) -> Option<OffsetDateTime> {
    let moved = dt.checked_add(Duration::seconds(seconds))?;
    check_year(i64::from(moved.year())).ok()?;
    Some(moved)
}

/// The instant as a Windows FILETIME: 100 ns ticks since 1601-01-01 UTC, or `None` before 1601.
pub(super) fn to_filetime(dt: OffsetDateTime) -> Option<i128> {
    let nanos = dt.unix_timestamp_nanos() + FILETIME_EPOCH_TO_UNIX_SECONDS * NANOS_PER_SECOND;
    (nanos >= 0).then_some(nanos / NANOS_PER_TICK)
}

/// The instant of a Windows FILETIME, or `None` past the year 9999.
pub(super) fn from_filetime(ticks: u64) -> Option<OffsetDateTime> {
    let unix_nanos =
        i128::from(ticks) * NANOS_PER_TICK - FILETIME_EPOCH_TO_UNIX_SECONDS * NANOS_PER_SECOND;
    let dt = OffsetDateTime::from_unix_timestamp_nanos(unix_nanos).ok()?;
    check_year(i64::from(dt.year())).ok()?;
    Some(dt)
}

#[cfg(test)]
mod tests {
    use super::super::parse_date;
    use super::super::test_support::{add, cdate};

    #[test]
    fn date_add_clamps_to_month_end() {
        assert_eq!(add("m", 1, "2020-01-31").unwrap(), "2/29/2020 12:00:00 AM");
        assert_eq!(add("m", 1, "2021-01-31").unwrap(), "2/28/2021 12:00:00 AM");
        assert_eq!(
            add("m", 3, "2021-01-31T10:30:00Z").unwrap(),
            "4/30/2021 10:30:00 AM"
        );
        assert_eq!(
            add("yyyy", 1, "2020-02-29").unwrap(),
            "2/28/2021 12:00:00 AM"
        );
        assert_eq!(
            add("yyyy", 4, "2020-02-29").unwrap(),
            "2/29/2024 12:00:00 AM"
        );
        assert_eq!(
            add("yyyy", 100, "2000-02-29").unwrap(),
            "2/28/2100 12:00:00 AM"
        );
        assert_eq!(add("d", 1, "2020-02-28").unwrap(), "2/29/2020 12:00:00 AM");
        assert_eq!(add("d", 1, "2021-02-28").unwrap(), "3/1/2021 12:00:00 AM");
    }

    #[test]
    fn utc_conversion_must_stay_in_range() {
        assert!(parse_date("9999-12-31T23:00:00-05:00").is_err());
        assert!(parse_date("0001-01-01T00:00:00+01:00").is_err());
        assert_eq!(cdate("9999-12-31T23:59:59Z"), "12/31/9999 11:59:59 PM");
        assert_eq!(cdate("0001-01-01T00:00:00Z"), "1/1/0001 12:00:00 AM");
    }
}
