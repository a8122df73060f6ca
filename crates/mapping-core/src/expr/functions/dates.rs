//! Date and time functions: `CDate`, `DateAdd`, `DateDiff`, `DateFromNum`, `FormatDateTime`,
//! `NumFromDate`, and the rendering `Now` shares with them.
//!
//! Entra passes dates between functions as strings: a date-producing function renders its result
//! as `M/d/yyyy h:mm:ss tt` in UTC ([`format_entra`]) and the next one reads it back with
//! [`parse_date`]. Every instant handled here lies in the years 1 to 9999 (the range of a .NET
//! `DateTime`); arithmetic that leaves that range is an error, never a panic or a wrap-around.
//!
//! Nothing here reads the system clock: `Now` is rendered by the evaluator from its own clock.

use std::fmt::Write as _;

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// The advice appended when a date string cannot be read.
const DATE_HINT: &str = "use an ISO 8601 date such as 2020-03-16 or 2020-03-16T08:00:00-07:00";

const MIN_YEAR: i64 = 1;
const MAX_YEAR: i64 = 9999;

const NANOS_PER_SECOND: i128 = 1_000_000_000;
/// A FILETIME tick is 100 nanoseconds.
const NANOS_PER_TICK: i128 = 100;
/// Seconds from the FILETIME epoch (1601-01-01T00:00:00Z) to the Unix epoch.
const FILETIME_EPOCH_TO_UNIX_SECONDS: i128 = 11_644_473_600;
/// The largest FILETIME value; Active Directory uses it for "the account never expires".
const NEVER_EXPIRES: &str = "9223372036854775807";

/// A .NET time-zone offset may not exceed 14 hours either way.
const MAX_OFFSET_MINUTES: u32 = 14 * 60;

const MONTH_NAMES: [&str; 12] = [
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
const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

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
    parse_date_for("CDate", s)
}

/// Renders an instant the way Entra flows dates: `M/d/yyyy h:mm:ss tt` in UTC, en-US
/// (`3/16/2020 7:00:00 AM`, noon is `12:00:00 PM`, midnight `12:00:00 AM`).
pub fn format_entra(dt: OffsetDateTime) -> String {
    // Falls back to the value as given only if its UTC form is beyond what `time` can hold.
    let utc = OffsetDateTime::from_unix_timestamp_nanos(dt.unix_timestamp_nanos()).unwrap_or(dt);
    let hour12 = match utc.hour() % 12 {
        0 => 12,
        h => h,
    };
    format!(
        "{}/{}/{:04} {}:{:02}:{:02} {}",
        u8::from(utc.month()),
        utc.day(),
        utc.year(),
        hour12,
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
    let start =
        to_utc(dt).map_err(|reason| format!("DateAdd: the date cannot be used: {reason}"))?;
    let moved = match interval.step() {
        Step::Months(per) => value
            .checked_mul(per)
            .and_then(|months| add_months(start, months)),
        Step::Seconds(per) => value
            .checked_mul(per)
            .and_then(|seconds| add_seconds(start, seconds)),
    };
    moved.ok_or_else(|| {
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
    let unusable = |reason: String| format!("DateDiff: the date cannot be used: {reason}");
    let first = to_utc(date1).map_err(unusable)?;
    let second = to_utc(date2).map_err(unusable)?;

    let years = i64::from(second.year()) - i64::from(first.year());
    let month_of = |d: OffsetDateTime| i64::from(u8::from(d.month()));
    let elapsed = second - first;
    Ok(match interval {
        Interval::Year => years,
        Interval::Quarter => years * 4 + (month_of(second) - 1) / 3 - (month_of(first) - 1) / 3,
        Interval::Month => years * 12 + month_of(second) - month_of(first),
        Interval::Day | Interval::DayOfYear => elapsed.whole_days(),
        Interval::Weekday => elapsed.whole_weeks(),
        Interval::Week => {
            (elapsed - days_since_sunday(second) + days_since_sunday(first)).whole_weeks()
        }
        Interval::Hour => elapsed.whole_hours(),
        Interval::Minute => elapsed.whole_minutes(),
        Interval::Second => elapsed.whole_seconds(),
    })
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
    let styles = Styles::parse(styles);
    let input = Pattern::compile(input_format).map_err(|reason| {
        format!("FormatDateTime: the input format \"{input_format}\" cannot be used: {reason}")
    })?;
    let output = Pattern::compile(output_format).map_err(|reason| {
        format!("FormatDateTime: the output format \"{output_format}\" cannot be used: {reason}")
    })?;
    let mut stamp = read_stamp(styles.trim(source), &input.tokens, styles.inner_white)
        .and_then(|stamp| styles.apply_zone_rules(stamp))
        .map_err(|reason| {
            format!(
                "FormatDateTime: \"{source}\" does not match the input format \
                 \"{input_format}\": {reason}"
            )
        })?;
    if output.universal {
        stamp = stamp.to_universal().map_err(|reason| {
            format!("FormatDateTime: \"{source}\" cannot be shown in UTC: {reason}")
        })?;
    }
    Ok(render(&output.tokens, &stamp))
}

/// `NumFromDate(value)`: the date as a Windows FILETIME (Active Directory's format: 100 ns ticks
/// since 1601-01-01 UTC), as a decimal string. Reads the same strings as [`parse_date`].
pub fn num_from_date(s: &str) -> Result<String, String> {
    let dt = parse_date_for("NumFromDate", s)?;
    let nanos = dt.unix_timestamp_nanos() + FILETIME_EPOCH_TO_UNIX_SECONDS * NANOS_PER_SECOND;
    if nanos < 0 {
        return Err(format!(
            "NumFromDate: {} is before 1/1/1601, the earliest date Active Directory's format holds",
            format_entra(dt)
        ));
    }
    Ok((nanos / NANOS_PER_TICK).to_string())
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
    let unix_nanos =
        i128::from(ticks) * NANOS_PER_TICK - FILETIME_EPOCH_TO_UNIX_SECONDS * NANOS_PER_SECOND;
    let dt = OffsetDateTime::from_unix_timestamp_nanos(unix_nanos).map_err(|_| too_late())?;
    check_year(i64::from(dt.year())).map_err(|_| too_late())?;
    Ok(dt)
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: Month) -> u8 {
    match month {
        Month::February if is_leap_year(year) => 29,
        Month::February => 28,
        Month::April | Month::June | Month::September | Month::November => 30,
        _ => 31,
    }
}

fn month_from_number(number: u32) -> Option<Month> {
    u8::try_from(number)
        .ok()
        .and_then(|n| Month::try_from(n).ok())
}

fn month_name(month: Month) -> &'static str {
    MONTH_NAMES[usize::from(u8::from(month)) - 1]
}

fn day_name(weekday: Weekday) -> &'static str {
    DAY_NAMES[usize::from(weekday.number_days_from_sunday())]
}

/// Returns the year as an `i32` if it lies in 1..=9999.
fn check_year(year: i64) -> Result<i32, String> {
    i32::try_from(year)
        .ok()
        .filter(|_| (MIN_YEAR..=MAX_YEAR).contains(&year))
        .ok_or_else(|| format!("year {year} is outside 1 to 9999"))
}

/// The same instant in UTC, provided it lies in the years 1 to 9999.
fn to_utc(dt: OffsetDateTime) -> Result<OffsetDateTime, String> {
    let utc = OffsetDateTime::from_unix_timestamp_nanos(dt.unix_timestamp_nanos())
        .map_err(|_| "it lies outside the years 1 to 9999 in UTC".to_string())?;
    check_year(i64::from(utc.year()))
        .map_err(|reason| format!("in UTC it lies outside the supported range ({reason})"))?;
    Ok(utc)
}

/// How far `dt` is past the start of its Sunday-based week, in whole days.
fn days_since_sunday(dt: OffsetDateTime) -> Duration {
    Duration::days(i64::from(dt.weekday().number_days_from_sunday()))
}

/// Adds calendar months, keeping the time of day and clamping the day to the month's length.
fn add_months(dt: OffsetDateTime, months: i64) -> Option<OffsetDateTime> {
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
fn add_seconds(dt: OffsetDateTime, seconds: i64) -> Option<OffsetDateTime> {
    let moved = dt.checked_add(Duration::seconds(seconds))?;
    check_year(i64::from(moved.year())).ok()?;
    Some(moved)
}

/// Calendar and clock fields as read from text, not yet validated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Fields {
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
}

impl Fields {
    fn date(year: u32, month: u32, day: u32) -> Self {
        Fields {
            year,
            month,
            day,
            ..Fields::default()
        }
    }

    /// Validates every field, explaining the first one that is out of range.
    fn to_primitive(self) -> Result<PrimitiveDateTime, String> {
        let year = check_year(i64::from(self.year))?;
        let month = month_from_number(self.month)
            .ok_or_else(|| format!("there is no month {}", self.month))?;
        let length = days_in_month(year, month);
        let day = u8::try_from(self.day)
            .ok()
            .filter(|day| (1..=length).contains(day))
            .ok_or_else(|| {
                format!(
                    "there is no day {} in {} {year}, which has {length} days",
                    self.day,
                    month_name(month)
                )
            })?;
        let date = Date::from_calendar_date(year, month, day).map_err(|e| e.to_string())?;
        let hour = clock_field(self.hour, 23, "hour")?;
        let minute = clock_field(self.minute, 59, "minute")?;
        let second = clock_field(self.second, 59, "second")?;
        let time =
            Time::from_hms_nano(hour, minute, second, self.nanos).map_err(|e| e.to_string())?;
        Ok(PrimitiveDateTime::new(date, time))
    }
}

fn clock_field(value: u32, max: u8, what: &str) -> Result<u8, String> {
    u8::try_from(value)
        .ok()
        .filter(|v| *v <= max)
        .ok_or_else(|| format!("{what} {value} is past {max}"))
}

/// A UTC offset as read from text, not yet validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawOffset {
    negative: bool,
    hours: u32,
    minutes: u32,
}

impl RawOffset {
    const UTC: RawOffset = RawOffset {
        negative: false,
        hours: 0,
        minutes: 0,
    };

    fn to_offset(self) -> Result<UtcOffset, String> {
        let sign = if self.negative { '-' } else { '+' };
        let shown = format!("{sign}{:02}:{:02}", self.hours, self.minutes);
        if self.minutes > 59 {
            return Err(format!("the offset {shown} has more than 59 minutes"));
        }
        let total = self.hours.saturating_mul(60).saturating_add(self.minutes);
        if total > MAX_OFFSET_MINUTES {
            return Err(format!("the offset {shown} is beyond ±14:00"));
        }
        let factor: i8 = if self.negative { -1 } else { 1 };
        // Both values are now small enough for `i8` (hours <= 14, minutes <= 59).
        let hours = i8::try_from(self.hours).map_err(|e| e.to_string())? * factor;
        let minutes = i8::try_from(self.minutes).map_err(|e| e.to_string())? * factor;
        UtcOffset::from_hms(hours, minutes, 0).map_err(|e| e.to_string())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

impl Meridiem {
    fn of_hour(hour: u8) -> Self {
        if hour < 12 {
            Meridiem::Am
        } else {
            Meridiem::Pm
        }
    }

    fn label(self) -> &'static str {
        match self {
            Meridiem::Am => "AM",
            Meridiem::Pm => "PM",
        }
    }

    /// Turns a clock hour written with this designator into a 0..=23 hour, as .NET does:
    /// `12 AM` is 0, `1 PM` is 13, and `13 PM` is tolerated as 13.
    fn apply(self, hour: u32) -> Result<u32, String> {
        match self {
            Meridiem::Am if hour <= 12 => Ok(hour % 12),
            Meridiem::Pm if hour < 12 => Ok(hour + 12),
            Meridiem::Pm if hour <= 23 => Ok(hour),
            _ => Err(format!(
                "hour {hour} cannot be followed by {}",
                self.label()
            )),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading text
// ---------------------------------------------------------------------------------------------

/// A cursor over text, with the few matching primitives the date readers need.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn at_end(&self) -> bool {
        self.rest().is_empty()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// 1-based character position, for messages.
    fn position(&self) -> usize {
        self.text
            .get(..self.pos)
            .map_or(0, |done| done.chars().count())
            + 1
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn eat_sign(&mut self) -> Option<bool> {
        if self.eat('-') {
            Some(true)
        } else if self.eat('+') {
            Some(false)
        } else {
            None
        }
    }

    /// Consumes `word` if the text continues with it, ignoring ASCII case.
    fn eat_word(&mut self, word: &str) -> bool {
        match self.rest().get(..word.len()) {
            Some(head) if head.eq_ignore_ascii_case(word) => {
                self.pos += word.len();
                true
            }
            _ => false,
        }
    }

    /// Consumes between `min` and `max` ASCII digits and returns their value (saturating) and
    /// count; consumes nothing if fewer than `min` are present.
    fn digits(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let rest = self.rest().as_bytes();
        let count = rest
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count < min {
            return None;
        }
        let value = rest[..count].iter().fold(0u32, |acc, b| {
            acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        });
        self.pos += count;
        Some((value, count))
    }

    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        self.digits(min, max).map(|(value, _)| value)
    }

    fn skip_whitespace(&mut self) -> usize {
        let rest = self.rest();
        let trimmed = rest.trim_start();
        let skipped = rest.len() - trimmed.len();
        self.pos += skipped;
        skipped
    }
}

/// Scales a fraction of `count` digits (at most 9) to nanoseconds.
fn fraction_to_nanos(value: u32, count: usize) -> u32 {
    let scale = 10u32.pow(9u32.saturating_sub(u32::try_from(count).unwrap_or(9)));
    value.saturating_mul(scale)
}

/// A date string split into fields, before validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawDate {
    fields: Fields,
    meridiem: Option<Meridiem>,
    offset: Option<RawOffset>,
}

impl RawDate {
    fn new(fields: Fields) -> Self {
        RawDate {
            fields,
            meridiem: None,
            offset: None,
        }
    }

    /// Validates the fields and converts to UTC (no offset means UTC).
    fn to_utc(self) -> Result<OffsetDateTime, String> {
        let mut fields = self.fields;
        if let Some(meridiem) = self.meridiem {
            fields.hour = meridiem.apply(fields.hour)?;
        }
        let wall = fields.to_primitive()?;
        let offset = self.offset.unwrap_or(RawOffset::UTC).to_offset()?;
        to_utc(wall.assume_offset(offset))
    }
}

fn parse_date_for(function: &str, s: &str) -> Result<OffsetDateTime, String> {
    let text = s.trim();
    let raw = read_iso(text)
        .or_else(|| read_us(text))
        .or_else(|| read_compact(text))
        .ok_or_else(|| {
            format!("{function}: \"{text}\" is not a date Entra can read; {DATE_HINT}")
        })?;
    raw.to_utc().map_err(|reason| {
        format!("{function}: \"{text}\" is not a date Entra can read ({reason}); {DATE_HINT}")
    })
}

/// `yyyy-MM-dd`, then optionally `T` or spaces and a clock, then optionally an offset.
fn read_iso(text: &str) -> Option<RawDate> {
    let mut sc = Scanner::new(text);
    let year = sc.number(4, 4)?;
    sc.eat('-').then_some(())?;
    let month = sc.number(1, 2)?;
    sc.eat('-').then_some(())?;
    let day = sc.number(1, 2)?;
    let mut raw = RawDate::new(Fields::date(year, month, day));

    let before_time = sc.pos;
    let has_time =
        sc.eat('T') || (sc.skip_whitespace() > 0 && sc.peek().is_some_and(|c| c.is_ascii_digit()));
    if has_time {
        read_clock(&mut sc, &mut raw.fields)?;
        sc.skip_whitespace();
    } else {
        sc.pos = before_time;
    }
    if !sc.at_end() {
        raw.offset = Some(read_offset(&mut sc)?);
    }
    sc.at_end().then_some(raw)
}

/// `M/d/yyyy`, optionally followed by a clock and `AM`/`PM`.
fn read_us(text: &str) -> Option<RawDate> {
    let mut sc = Scanner::new(text);
    let month = sc.number(1, 2)?;
    sc.eat('/').then_some(())?;
    let day = sc.number(1, 2)?;
    sc.eat('/').then_some(())?;
    let year = sc.number(4, 4)?;
    let mut raw = RawDate::new(Fields::date(year, month, day));
    if sc.at_end() {
        return Some(raw);
    }
    (sc.skip_whitespace() > 0).then_some(())?;
    read_clock(&mut sc, &mut raw.fields)?;
    sc.skip_whitespace();
    if !sc.at_end() {
        raw.meridiem = Some(read_meridiem(&mut sc, 2)?);
    }
    sc.at_end().then_some(raw)
}

/// `yyyyMMddHHmmss`, optionally `.f` (1 to 7 digits), optionally `Z` or an offset.
fn read_compact(text: &str) -> Option<RawDate> {
    let mut sc = Scanner::new(text);
    let mut fields = Fields::date(sc.number(4, 4)?, sc.number(2, 2)?, sc.number(2, 2)?);
    fields.hour = sc.number(2, 2)?;
    fields.minute = sc.number(2, 2)?;
    fields.second = sc.number(2, 2)?;
    if sc.eat('.') || sc.eat(',') {
        let (value, count) = sc.digits(1, 7)?;
        fields.nanos = fraction_to_nanos(value, count);
    }
    let mut raw = RawDate::new(fields);
    if !sc.at_end() {
        raw.offset = Some(read_offset(&mut sc)?);
    }
    sc.at_end().then_some(raw)
}

/// `H:mm`, optionally `:ss`, optionally `.f` (1 to 7 digits).
fn read_clock(sc: &mut Scanner<'_>, fields: &mut Fields) -> Option<()> {
    fields.hour = sc.number(1, 2)?;
    sc.eat(':').then_some(())?;
    fields.minute = sc.number(2, 2)?;
    if sc.eat(':') {
        fields.second = sc.number(2, 2)?;
        if sc.eat('.') || sc.eat(',') {
            let (value, count) = sc.digits(1, 7)?;
            fields.nanos = fraction_to_nanos(value, count);
        }
    }
    Some(())
}

/// `Z`, `±hh`, `±hh:mm` or `±hhmm`.
fn read_offset(sc: &mut Scanner<'_>) -> Option<RawOffset> {
    if sc.eat('Z') || sc.eat('z') {
        return Some(RawOffset::UTC);
    }
    let negative = sc.eat_sign()?;
    let hours = sc.number(2, 2)?;
    let minutes = if sc.eat(':') {
        sc.number(2, 2)?
    } else {
        sc.number(2, 2).unwrap_or(0)
    };
    Some(RawOffset {
        negative,
        hours,
        minutes,
    })
}

/// `AM`/`PM` (`width` 2 or more) or `A`/`P` (`width` 1), ignoring case.
fn read_meridiem(sc: &mut Scanner<'_>, width: usize) -> Option<Meridiem> {
    [Meridiem::Am, Meridiem::Pm].into_iter().find(|m| {
        let label = m.label();
        sc.eat_word(label.get(..width.min(2)).unwrap_or(label))
    })
}

// ---------------------------------------------------------------------------------------------
// DateAdd / DateDiff intervals
// ---------------------------------------------------------------------------------------------

/// VB's `DateInterval`, named by the strings `DateAdd` and `DateDiff` take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Interval {
    Year,
    Quarter,
    Month,
    DayOfYear,
    Day,
    Weekday,
    Week,
    Hour,
    Minute,
    Second,
}

/// How an interval moves a date: by calendar months or by a fixed number of seconds.
enum Step {
    Months(i64),
    Seconds(i64),
}

impl Interval {
    fn parse(function: &str, text: &str) -> Result<Self, String> {
        Ok(match text.to_ascii_lowercase().as_str() {
            "yyyy" => Interval::Year,
            "q" => Interval::Quarter,
            "m" => Interval::Month,
            "y" => Interval::DayOfYear,
            "d" => Interval::Day,
            "w" => Interval::Weekday,
            "ww" => Interval::Week,
            "h" => Interval::Hour,
            "n" => Interval::Minute,
            "s" => Interval::Second,
            _ => {
                return Err(format!(
                    "{function}: \"{text}\" is not an interval; use yyyy (years), q (quarters), \
                     m (months), d (days), ww (weeks), h (hours), n (minutes) or s (seconds)"
                ))
            }
        })
    }

    fn step(self) -> Step {
        match self {
            Interval::Year => Step::Months(12),
            Interval::Quarter => Step::Months(3),
            Interval::Month => Step::Months(1),
            Interval::DayOfYear | Interval::Day | Interval::Weekday => Step::Seconds(86_400),
            Interval::Week => Step::Seconds(7 * 86_400),
            Interval::Hour => Step::Seconds(3_600),
            Interval::Minute => Step::Seconds(60),
            Interval::Second => Step::Seconds(1),
        }
    }

    fn unit_name(self) -> &'static str {
        match self {
            Interval::Year => "years",
            Interval::Quarter => "quarters",
            Interval::Month => "months",
            Interval::DayOfYear | Interval::Day | Interval::Weekday => "days",
            Interval::Week => "weeks",
            Interval::Hour => "hours",
            Interval::Minute => "minutes",
            Interval::Second => "seconds",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// FormatDateTime: styles
// ---------------------------------------------------------------------------------------------

/// The `DateTimeStyles` flags `FormatDateTime` honours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Styles {
    leading_white: bool,
    trailing_white: bool,
    inner_white: bool,
    assume_universal: bool,
    adjust_to_universal: bool,
}

impl Styles {
    /// Reads a list such as `AllowLeadingWhite, DateTimeStyles.AdjustToUniversal` (separated by
    /// commas or `|`, case-insensitive). Unknown names are ignored; none at all means Entra's
    /// default (`RoundtripKind, AllowLeadingWhite, AllowTrailingWhite`).
    fn parse(text: Option<&str>) -> Self {
        let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return Styles {
                leading_white: true,
                trailing_white: true,
                ..Styles::default()
            };
        };
        let mut styles = Styles::default();
        for name in text.split([',', '|']) {
            styles.enable(name.trim());
        }
        styles
    }

    fn enable(&mut self, name: &str) {
        let name = name.to_ascii_lowercase();
        let name = name.strip_prefix("datetimestyles.").unwrap_or(&name);
        match name {
            "allowleadingwhite" => self.leading_white = true,
            "allowtrailingwhite" => self.trailing_white = true,
            "allowinnerwhite" => self.inner_white = true,
            "allowwhitespaces" => {
                self.leading_white = true;
                self.trailing_white = true;
                self.inner_white = true;
            }
            "assumeuniversal" => self.assume_universal = true,
            "adjusttouniversal" => self.adjust_to_universal = true,
            _ => {}
        }
    }

    fn trim<'a>(&self, source: &'a str) -> &'a str {
        let source = if self.leading_white {
            source.trim_start()
        } else {
            source
        };
        if self.trailing_white {
            source.trim_end()
        } else {
            source
        }
    }

    /// `AssumeUniversal` marks a value without offset as UTC; `AdjustToUniversal` converts a
    /// value with an offset to UTC.
    fn apply_zone_rules(&self, stamp: Stamp) -> Result<Stamp, String> {
        let stamp = if self.assume_universal && stamp.zone == Zone::Unspecified {
            Stamp {
                zone: Zone::Utc,
                ..stamp
            }
        } else {
            stamp
        };
        if self.adjust_to_universal {
            stamp.to_universal()
        } else {
            Ok(stamp)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// FormatDateTime: formats
// ---------------------------------------------------------------------------------------------

/// What a format letter stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spec {
    Year,
    Month,
    Day,
    Hour12,
    Hour24,
    Minute,
    Second,
    Fraction,
    OptionalFraction,
    Meridiem,
    Offset,
    Kind,
    Era,
    Utc,
}

impl Spec {
    fn of(c: char) -> Option<Spec> {
        Some(match c {
            'y' => Spec::Year,
            'M' => Spec::Month,
            'd' => Spec::Day,
            'h' => Spec::Hour12,
            'H' => Spec::Hour24,
            'm' => Spec::Minute,
            's' => Spec::Second,
            'f' => Spec::Fraction,
            'F' => Spec::OptionalFraction,
            't' => Spec::Meridiem,
            'z' => Spec::Offset,
            'K' => Spec::Kind,
            'g' => Spec::Era,
            'Z' => Spec::Utc,
            _ => return None,
        })
    }

    /// `K` and `Z` stand alone; the other letters form runs such as `yyyy`.
    fn repeats(self) -> bool {
        !matches!(self, Spec::Kind | Spec::Utc)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// A format letter and how many times it is repeated.
    Field(Spec, usize),
    Literal(char),
}

/// A compiled format; `universal` is set by the standard formats that show UTC (`r`, `u`, `U`).
struct Pattern {
    tokens: Vec<Token>,
    universal: bool,
}

impl Pattern {
    fn compile(format: &str) -> Result<Self, String> {
        let mut chars = format.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Err("it is empty".to_string()),
            (Some(letter), None) => {
                let (custom, universal) = standard_format(letter).ok_or_else(|| {
                    format!(
                        "a one-letter format must be a .NET standard format (d, D, f, F, g, G, \
                         M, o, r, s, t, T, u, U, Y); \"{letter}\" is not one (write %{letter} \
                         for the custom letter)"
                    )
                })?;
                Ok(Pattern {
                    tokens: tokenize(custom)?,
                    universal,
                })
            }
            _ => Ok(Pattern {
                tokens: tokenize(format)?,
                universal: false,
            }),
        }
    }
}

/// The invariant-culture pattern behind a one-letter .NET standard format, and whether that
/// format shows the value in UTC.
fn standard_format(letter: char) -> Option<(&'static str, bool)> {
    Some(match letter {
        'd' => ("MM/dd/yyyy", false),
        'D' => ("dddd, dd MMMM yyyy", false),
        'f' => ("dddd, dd MMMM yyyy HH:mm", false),
        'F' => ("dddd, dd MMMM yyyy HH:mm:ss", false),
        'g' => ("MM/dd/yyyy HH:mm", false),
        'G' => ("MM/dd/yyyy HH:mm:ss", false),
        'm' | 'M' => ("MMMM dd", false),
        'o' | 'O' => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", false),
        'r' | 'R' => ("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", true),
        's' => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss", false),
        't' => ("HH:mm", false),
        'T' => ("HH:mm:ss", false),
        'u' => ("yyyy'-'MM'-'dd HH':'mm':'ss'Z'", true),
        'U' => ("dddd, dd MMMM yyyy HH:mm:ss", true),
        'y' | 'Y' => ("yyyy MMMM", false),
        _ => return None,
    })
}

/// Splits a .NET custom date/time format into tokens.
fn tokenize(format: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => loop {
                match chars.next() {
                    None => return Err(format!("the quote {c} is never closed")),
                    Some(q) if q == c => break,
                    Some('\\') => tokens.push(Token::Literal(escaped(chars.next())?)),
                    Some(other) => tokens.push(Token::Literal(other)),
                }
            },
            '\\' => tokens.push(Token::Literal(escaped(chars.next())?)),
            '%' => match chars.next() {
                Some(letter) if letter != '%' => tokens.push(
                    Spec::of(letter).map_or(Token::Literal(letter), |spec| Token::Field(spec, 1)),
                ),
                _ => return Err("% must be followed by a format letter".to_string()),
            },
            _ => match Spec::of(c) {
                None => tokens.push(Token::Literal(c)),
                Some(spec) => {
                    let mut count = 1;
                    while spec.repeats() && chars.next_if_eq(&c).is_some() {
                        count += 1;
                    }
                    if matches!(spec, Spec::Fraction | Spec::OptionalFraction) && count > 7 {
                        return Err(format!(
                            "{} asks for {count} fraction digits; at most 7 are allowed",
                            c.to_string().repeat(count)
                        ));
                    }
                    tokens.push(Token::Field(spec, count));
                }
            },
        }
    }
    Ok(tokens)
}

fn escaped(next: Option<char>) -> Result<char, String> {
    next.ok_or_else(|| "it ends with a lone backslash".to_string())
}

/// How a token looks in a format, for messages.
fn token_text(spec: Spec, count: usize) -> String {
    let letter = match spec {
        Spec::Year => 'y',
        Spec::Month => 'M',
        Spec::Day => 'd',
        Spec::Hour12 => 'h',
        Spec::Hour24 => 'H',
        Spec::Minute => 'm',
        Spec::Second => 's',
        Spec::Fraction => 'f',
        Spec::OptionalFraction => 'F',
        Spec::Meridiem => 't',
        Spec::Offset => 'z',
        Spec::Kind => 'K',
        Spec::Era => 'g',
        Spec::Utc => 'Z',
    };
    letter.to_string().repeat(count)
}

// ---------------------------------------------------------------------------------------------
// FormatDateTime: values
// ---------------------------------------------------------------------------------------------

/// What is known of a value's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    /// No zone was given (a .NET `DateTimeKind.Unspecified` value).
    Unspecified,
    Utc,
    Offset(UtcOffset),
}

/// A wall-clock date and time with what is known of its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    wall: PrimitiveDateTime,
    zone: Zone,
}

impl Stamp {
    /// The same instant as a UTC wall clock; values without a zone are taken as UTC already.
    fn to_universal(self) -> Result<Stamp, String> {
        match self.zone {
            Zone::Offset(offset) => {
                let utc = to_utc(self.wall.assume_offset(offset))?;
                Ok(Stamp {
                    wall: PrimitiveDateTime::new(utc.date(), utc.time()),
                    zone: Zone::Utc,
                })
            }
            Zone::Utc | Zone::Unspecified => Ok(self),
        }
    }

    /// The offset `z`, `zz` and `zzz` show; a value without a zone is shown as UTC, the zone of
    /// Entra's servers.
    fn offset(&self) -> UtcOffset {
        match self.zone {
            Zone::Offset(offset) => offset,
            Zone::Utc | Zone::Unspecified => UtcOffset::UTC,
        }
    }
}

/// Fields found while reading with a format; each may be given at most once (or twice with the
/// same value, as .NET allows).
#[derive(Default)]
struct Found {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
    second: Option<u32>,
    nanos: Option<u32>,
    meridiem: Option<Meridiem>,
    weekday: Option<Weekday>,
    zone: Option<Zone>,
}

/// Records a field, refusing a second, different value for it.
fn record<T: PartialEq + Copy>(slot: &mut Option<T>, value: T, what: &str) -> Result<(), String> {
    match *slot {
        Some(old) if old != value => {
            Err(format!("the {what} is given twice with different values"))
        }
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

impl Found {
    /// Builds the value; missing date parts default to 1/1/0001 and missing clock parts to 0
    /// (Entra would use the current date, which is not known here).
    fn into_stamp(self) -> Result<Stamp, String> {
        let mut hour = self.hour.unwrap_or(0);
        if let Some(meridiem) = self.meridiem {
            hour = meridiem.apply(hour)?;
        }
        let fields = Fields {
            year: self.year.unwrap_or(1),
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
            hour,
            minute: self.minute.unwrap_or(0),
            second: self.second.unwrap_or(0),
            nanos: self.nanos.unwrap_or(0),
        };
        let wall = fields.to_primitive()?;
        if let Some(weekday) = self.weekday {
            if wall.weekday() != weekday {
                return Err(format!(
                    "{} {}, {} is a {}, not a {}",
                    month_name(wall.month()),
                    wall.day(),
                    wall.year(),
                    day_name(wall.weekday()),
                    day_name(weekday)
                ));
            }
        }
        Ok(Stamp {
            wall,
            zone: self.zone.unwrap_or(Zone::Unspecified),
        })
    }
}

/// Reads `text` with `tokens`, the way .NET's `DateTime.ParseExact` does.
fn read_stamp(text: &str, tokens: &[Token], inner_white: bool) -> Result<Stamp, String> {
    let mut sc = Scanner::new(text);
    let mut found = Found::default();
    let mut index = 0;
    while let Some(&token) = tokens.get(index) {
        index += 1;
        if inner_white {
            sc.skip_whitespace();
        }
        match token {
            Token::Literal(' ') if inner_white => {}
            Token::Literal(c) => {
                if sc.eat(c) {
                    continue;
                }
                // `.FFF` with no fraction in the text: the dot is optional too.
                let fraction_follows = matches!(
                    tokens.get(index),
                    Some(Token::Field(Spec::OptionalFraction, _))
                );
                if c == '.' && fraction_follows {
                    index += 1;
                    continue;
                }
                return Err(format!("expected \"{c}\" at character {}", sc.position()));
            }
            Token::Field(spec, count) => read_field(&mut sc, &mut found, spec, count)?,
        }
    }
    if !sc.at_end() {
        return Err(format!(
            "unexpected \"{}\" at character {}",
            sc.rest(),
            sc.position()
        ));
    }
    found.into_stamp()
}

/// Reads one format field from the text into `found`.
fn read_field(
    sc: &mut Scanner<'_>,
    found: &mut Found,
    spec: Spec,
    count: usize,
) -> Result<(), String> {
    let at = sc.position();
    let expected = |what: &str| {
        format!(
            "expected {what} for {} at character {at}",
            token_text(spec, count)
        )
    };
    // `x` reads one or two digits, `xx` exactly two.
    let digits_for_count = |sc: &mut Scanner<'_>| match count {
        1 => sc.number(1, 2),
        _ => sc.number(2, 2),
    };
    let digits_wanted = if count == 1 {
        "1 or 2 digits"
    } else {
        "2 digits"
    };
    match spec {
        Spec::Year => {
            let (value, two_digit) = if count <= 2 {
                (digits_for_count(sc), true)
            } else {
                (sc.number(count, count), false)
            };
            let value = value.ok_or_else(|| {
                if two_digit {
                    expected(digits_wanted)
                } else {
                    expected(&format!("{count} digits"))
                }
            })?;
            let year = if two_digit {
                expand_two_digit_year(value)
            } else {
                value
            };
            record(&mut found.year, year, "year")
        }
        Spec::Month if count >= 3 => {
            let index =
                read_name(sc, &MONTH_NAMES, count == 3).ok_or_else(|| expected("a month name"))?;
            record(&mut found.month, index + 1, "month")
        }
        Spec::Day if count >= 3 => {
            let index =
                read_name(sc, &DAY_NAMES, count == 3).ok_or_else(|| expected("a day name"))?;
            let weekday = Weekday::Sunday.nth_next(u8::try_from(index).unwrap_or(0));
            record(&mut found.weekday, weekday, "day of the week")
        }
        Spec::Month | Spec::Day | Spec::Hour12 | Spec::Hour24 | Spec::Minute | Spec::Second => {
            let value = digits_for_count(sc).ok_or_else(|| expected(digits_wanted))?;
            let (slot, what) = match spec {
                Spec::Month => (&mut found.month, "month"),
                Spec::Day => (&mut found.day, "day"),
                Spec::Minute => (&mut found.minute, "minute"),
                Spec::Second => (&mut found.second, "second"),
                _ => (&mut found.hour, "hour"),
            };
            record(slot, value, what)
        }
        Spec::Fraction | Spec::OptionalFraction => {
            let min = if spec == Spec::Fraction { count } else { 0 };
            let (value, digits) = sc
                .digits(min, count)
                .ok_or_else(|| expected(&format!("{count} digits")))?;
            record(
                &mut found.nanos,
                fraction_to_nanos(value, digits),
                "fraction of a second",
            )
        }
        Spec::Meridiem => {
            let meridiem = read_meridiem(sc, count)
                .ok_or_else(|| expected(if count == 1 { "A or P" } else { "AM or PM" }))?;
            record(&mut found.meridiem, meridiem, "AM/PM designator")
        }
        Spec::Offset => {
            let offset = read_format_offset(sc, count)
                .ok_or_else(|| expected("an offset such as -08:00"))?
                .to_offset()?;
            record(&mut found.zone, Zone::Offset(offset), "time zone")
        }
        Spec::Kind => {
            if sc.eat('Z') {
                record(&mut found.zone, Zone::Utc, "time zone")
            } else if matches!(sc.peek(), Some('+' | '-')) {
                let offset = read_format_offset(sc, 3)
                    .ok_or_else(|| expected("an offset such as -08:00"))?
                    .to_offset()?;
                record(&mut found.zone, Zone::Offset(offset), "time zone")
            } else {
                Ok(())
            }
        }
        Spec::Utc => {
            if sc.eat_word("GMT") || sc.eat_word("Z") {
                record(&mut found.zone, Zone::Utc, "time zone")
            } else {
                Err(expected("Z"))
            }
        }
        Spec::Era => {
            if sc.eat_word("A.D.") || sc.eat_word("AD") {
                Ok(())
            } else {
                Err(expected("A.D."))
            }
        }
    }
}

/// .NET's invariant culture reads two-digit years 00–49 as 2000–2049 and 50–99 as 1950–1999.
fn expand_two_digit_year(value: u32) -> u32 {
    if value < 50 {
        2000 + value
    } else {
        1900 + value
    }
}

/// Reads a month or day name (full, or its first three letters), ignoring case.
fn read_name(sc: &mut Scanner<'_>, names: &[&str], abbreviated: bool) -> Option<u32> {
    let position = names.iter().position(|name| {
        let wanted = if abbreviated {
            name.get(..3).unwrap_or(name)
        } else {
            name
        };
        sc.eat_word(wanted)
    })?;
    u32::try_from(position).ok()
}

/// The offset forms of `z` (`±h`), `zz` (`±hh`) and `zzz` (`±h:mm`, `±hh:mm` or `±hhmm`).
fn read_format_offset(sc: &mut Scanner<'_>, count: usize) -> Option<RawOffset> {
    let negative = sc.eat_sign()?;
    let (hours, minutes) = match count {
        1 => (sc.number(1, 2)?, 0),
        2 => (sc.number(2, 2)?, 0),
        _ => {
            let hours = sc.number(1, 2)?;
            sc.eat(':');
            (hours, sc.number(2, 2)?)
        }
    };
    Some(RawOffset {
        negative,
        hours,
        minutes,
    })
}

// ---------------------------------------------------------------------------------------------
// FormatDateTime: writing
// ---------------------------------------------------------------------------------------------

fn render(tokens: &[Token], stamp: &Stamp) -> String {
    let mut out = String::new();
    for token in tokens {
        match *token {
            Token::Literal(c) => out.push(c),
            Token::Field(spec, count) => render_field(&mut out, spec, count, stamp),
        }
    }
    out
}

fn push_padded(out: &mut String, value: impl Into<i64>, width: usize) {
    let _ = write!(out, "{:0width$}", value.into());
}

fn render_field(out: &mut String, spec: Spec, count: usize, stamp: &Stamp) {
    let wall = stamp.wall;
    match spec {
        Spec::Year => match count {
            1 | 2 => push_padded(out, wall.year() % 100, count),
            _ => push_padded(out, wall.year(), count),
        },
        Spec::Month => match count {
            1 | 2 => push_padded(out, u8::from(wall.month()), count),
            3 => out.push_str(month_name(wall.month()).get(..3).unwrap_or_default()),
            _ => out.push_str(month_name(wall.month())),
        },
        Spec::Day => match count {
            1 | 2 => push_padded(out, wall.day(), count),
            3 => out.push_str(day_name(wall.weekday()).get(..3).unwrap_or_default()),
            _ => out.push_str(day_name(wall.weekday())),
        },
        Spec::Hour12 => {
            let hour = match wall.hour() % 12 {
                0 => 12,
                h => h,
            };
            push_padded(out, hour, count.min(2));
        }
        Spec::Hour24 => push_padded(out, wall.hour(), count.min(2)),
        Spec::Minute => push_padded(out, wall.minute(), count.min(2)),
        Spec::Second => push_padded(out, wall.second(), count.min(2)),
        Spec::Fraction | Spec::OptionalFraction => {
            let ticks = format!("{:07}", wall.nanosecond() / 100);
            let digits = ticks.get(..count).unwrap_or(&ticks);
            if spec == Spec::Fraction {
                out.push_str(digits);
            } else {
                let digits = digits.trim_end_matches('0');
                if digits.is_empty() {
                    // .NET drops the dot before an all-zero `F` fraction.
                    if out.ends_with('.') {
                        out.pop();
                    }
                } else {
                    out.push_str(digits);
                }
            }
        }
        Spec::Meridiem => {
            let label = Meridiem::of_hour(wall.hour()).label();
            out.push_str(if count == 1 {
                label.get(..1).unwrap_or(label)
            } else {
                label
            });
        }
        Spec::Offset => render_offset(out, stamp.offset(), count),
        Spec::Kind => match stamp.zone {
            Zone::Unspecified => {}
            Zone::Utc => out.push('Z'),
            Zone::Offset(offset) => render_offset(out, offset, 3),
        },
        Spec::Era => out.push_str("A.D."),
        Spec::Utc => out.push('Z'),
    }
}

/// `z` → `-8`, `zz` → `-08`, `zzz` → `-08:00`.
fn render_offset(out: &mut String, offset: UtcOffset, count: usize) {
    let (hours, minutes, _) = offset.as_hms();
    out.push(if offset.is_negative() { '-' } else { '+' });
    let hours = hours.unsigned_abs();
    match count {
        1 => push_padded(out, hours, 1),
        2 => push_padded(out, hours, 2),
        _ => {
            push_padded(out, hours, 2);
            out.push(':');
            push_padded(out, minutes.unsigned_abs(), 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses and renders, as `CDate` does.
    fn cdate(s: &str) -> String {
        format_entra(parse_date(s).expect(s))
    }

    fn add(interval: &str, value: i64, s: &str) -> Result<String, String> {
        date_add(interval, value, parse_date(s).expect(s)).map(format_entra)
    }

    fn diff(interval: &str, a: &str, b: &str) -> Result<i64, String> {
        date_diff(interval, parse_date(a).expect(a), parse_date(b).expect(b))
    }

    fn fdt(source: &str, input: &str, output: &str) -> Result<String, String> {
        format_date_time(source, None, input, output)
    }

    // --- parse_date / format_entra --------------------------------------------------------

    #[test]
    fn cdate_reference_vectors() {
        assert_eq!(cdate("2020-03-16-07:00"), "3/16/2020 7:00:00 AM");
        assert_eq!(cdate("2021-06-30+08:00"), "6/29/2021 4:00:00 PM");
        assert_eq!(cdate("2009-06-15T01:45:30-07:00"), "6/15/2009 8:45:30 AM");
    }

    #[test]
    fn iso_forms() {
        assert_eq!(cdate("2021-08-24"), "8/24/2021 12:00:00 AM");
        assert_eq!(cdate("  2021-08-24\t"), "8/24/2021 12:00:00 AM");
        assert_eq!(cdate("2021-08-24T13:05"), "8/24/2021 1:05:00 PM");
        assert_eq!(cdate("2021-08-24 13:05:09"), "8/24/2021 1:05:09 PM");
        assert_eq!(cdate("2021-08-24T13:05:09Z"), "8/24/2021 1:05:09 PM");
        assert_eq!(cdate("2021-08-24T13:05:09+0200"), "8/24/2021 11:05:09 AM");
        assert_eq!(cdate("2021-08-24T13:05:09+02"), "8/24/2021 11:05:09 AM");
        assert_eq!(cdate("2021-08-24T13:05:09 -05:30"), "8/24/2021 6:35:09 PM");
        assert_eq!(cdate("2021-8-4"), "8/4/2021 12:00:00 AM");
        let precise = parse_date("2021-08-24T13:05:09.1234567Z").unwrap();
        assert_eq!(precise.nanosecond(), 123_456_700);
    }

    #[test]
    fn us_forms() {
        assert_eq!(cdate("8/25/2021 5:41:18 PM"), "8/25/2021 5:41:18 PM");
        assert_eq!(cdate("8/25/2021 5:41:18 pm"), "8/25/2021 5:41:18 PM");
        assert_eq!(cdate("8/25/2021"), "8/25/2021 12:00:00 AM");
        assert_eq!(cdate("08/05/2021 17:41:18"), "8/5/2021 5:41:18 PM");
        assert_eq!(cdate("1/1/2012 12:00:00 AM"), "1/1/2012 12:00:00 AM");
        assert_eq!(cdate("1/1/2012 12:00:00 PM"), "1/1/2012 12:00:00 PM");
        assert_eq!(cdate("1/1/2012 11:30 PM"), "1/1/2012 11:30:00 PM");
    }

    #[test]
    fn compact_generalized_time() {
        assert_eq!(cdate("20150123105347.1Z"), "1/23/2015 10:53:47 AM");
        assert_eq!(cdate("20150123105347Z"), "1/23/2015 10:53:47 AM");
        assert_eq!(cdate("20150123105347+0100"), "1/23/2015 9:53:47 AM");
        assert_eq!(
            parse_date("20150123105347.1Z").unwrap().nanosecond(),
            100_000_000
        );
    }

    #[test]
    fn leap_days() {
        assert_eq!(cdate("2020-02-29"), "2/29/2020 12:00:00 AM");
        assert_eq!(cdate("2000-02-29"), "2/29/2000 12:00:00 AM");
        assert!(parse_date("2021-02-29")
            .unwrap_err()
            .contains("February 2021"));
        assert!(parse_date("1900-02-29").is_err());
    }

    #[test]
    fn unreadable_dates_are_errors() {
        let err = parse_date("31/31/2020").unwrap_err();
        assert!(
            err.starts_with("CDate: \"31/31/2020\" is not a date Entra can read"),
            "{err}"
        );
        assert!(err.contains("2020-03-16T08:00:00-07:00"), "{err}");
        for bad in [
            "",
            "   ",
            "hello",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "0000-01-01",
            "2021-08-24T24:00:00",
            "2021-08-24T23:60:00",
            "2021-08-24T23:59:60",
            "2021-08-24T10:00:00+15:00",
            "2021-08-24T10:00:00+05:75",
            "2021-08-24T10:00:00.12345678",
            "2021-08-24T10",
            "2021-08-24X",
            "2021-08-24 T",
            "8/25/2021 13:41:18 AM",
            "8/25/21",
            "8/25/2021 5:41:18 XM",
            "2015012310534",
            "20150123105347.Z",
            "2021-08-2é",
            "２０２１-08-24",
            "99999999999999999999-01-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn utc_conversion_must_stay_in_range() {
        assert!(parse_date("9999-12-31T23:00:00-05:00").is_err());
        assert!(parse_date("0001-01-01T00:00:00+01:00").is_err());
        assert_eq!(cdate("9999-12-31T23:59:59Z"), "12/31/9999 11:59:59 PM");
        assert_eq!(cdate("0001-01-01T00:00:00Z"), "1/1/0001 12:00:00 AM");
    }

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

    // --- DateAdd -----------------------------------------------------------------------------

    #[test]
    fn date_add_reference_vectors() {
        let hire = "2012-03-16-07:00";
        assert_eq!(add("d", 7, hire).unwrap(), "3/23/2012 7:00:00 AM");
        assert_eq!(add("d", -10, hire).unwrap(), "3/6/2012 7:00:00 AM");
        assert_eq!(add("ww", 2, hire).unwrap(), "3/30/2012 7:00:00 AM");
        assert_eq!(add("m", 10, hire).unwrap(), "1/16/2013 7:00:00 AM");
        assert_eq!(add("yyyy", 2, hire).unwrap(), "3/16/2014 7:00:00 AM");
    }

    #[test]
    fn date_add_other_intervals() {
        let start = "2012-03-16T07:00:00Z";
        assert_eq!(add("q", 1, start).unwrap(), "6/16/2012 7:00:00 AM");
        assert_eq!(add("q", -1, start).unwrap(), "12/16/2011 7:00:00 AM");
        assert_eq!(add("y", 1, start).unwrap(), "3/17/2012 7:00:00 AM");
        assert_eq!(add("w", 1, start).unwrap(), "3/17/2012 7:00:00 AM");
        assert_eq!(add("h", 17, start).unwrap(), "3/17/2012 12:00:00 AM");
        assert_eq!(add("n", -1, start).unwrap(), "3/16/2012 6:59:00 AM");
        assert_eq!(add("s", 3600, start).unwrap(), "3/16/2012 8:00:00 AM");
        assert_eq!(add("m", -15, start).unwrap(), "12/16/2010 7:00:00 AM");
        assert_eq!(add("d", 0, start).unwrap(), "3/16/2012 7:00:00 AM");
    }

    #[test]
    fn date_add_interval_is_case_insensitive() {
        assert_eq!(
            add("YYYY", 1, "2012-03-16").unwrap(),
            "3/16/2013 12:00:00 AM"
        );
        assert_eq!(add("D", 1, "2012-03-16").unwrap(), "3/17/2012 12:00:00 AM");
        assert_eq!(add("WW", 1, "2012-03-16").unwrap(), "3/23/2012 12:00:00 AM");
    }

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
    fn date_add_unknown_interval() {
        for bad in ["x", "", "mm", "yy", "days", " d"] {
            let err = add(bad, 1, "2012-03-16").unwrap_err();
            assert!(err.starts_with("DateAdd: "), "{err}");
            assert!(err.contains("n (minutes)"), "{err}");
        }
    }

    #[test]
    fn date_add_out_of_range_is_an_error() {
        for interval in ["yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"] {
            for value in [i64::MAX, i64::MIN, 10_000_000_000_000] {
                let err = add(interval, value, "2012-03-16").unwrap_err();
                assert!(err.contains("outside the years 1 to 9999"), "{err}");
            }
        }
        assert!(add("d", 1, "9999-12-31").is_err());
        assert!(add("s", -1, "0001-01-01").is_err());
        assert!(add("m", 1, "9999-12-01").is_err());
        assert!(add("yyyy", -1, "0001-12-31").is_err());
        assert_eq!(
            add("s", -1, "0001-01-01T00:00:01Z").unwrap(),
            "1/1/0001 12:00:00 AM"
        );
    }

    // --- DateDiff ----------------------------------------------------------------------------

    #[test]
    fn date_diff_reference_vectors() {
        assert_eq!(diff("d", "2021-08-18+08:00", "2021-08-31+08:00"), Ok(13));
        let (then, hire) = ("8/25/2021 5:41:18 PM", "2012-03-16-07:00");
        assert_eq!(diff("d", then, hire), Ok(-3449));
        assert_eq!(diff("ww", then, hire), Ok(-493));
        assert_eq!(diff("m", then, hire), Ok(-113));
        assert_eq!(diff("yyyy", then, hire), Ok(-9));
        assert_eq!(diff("d", "2021-08-31+08:00", "2021-08-31+08:00"), Ok(0));
        assert_eq!(diff("h", "2021-08-24", "2021-08-25"), Ok(24));
        assert_eq!(diff("n", "2021-08-24", "2021-08-25"), Ok(1440));
        assert_eq!(diff("s", "2021-08-24", "2021-08-25"), Ok(86400));
    }

    #[test]
    fn date_diff_truncates_toward_zero() {
        assert_eq!(
            diff("d", "2021-08-24T00:00:00Z", "2021-08-24T23:59:59Z"),
            Ok(0)
        );
        assert_eq!(
            diff("d", "2021-08-24T23:59:59Z", "2021-08-24T00:00:00Z"),
            Ok(0)
        );
        assert_eq!(
            diff("h", "2021-08-24T00:00:00Z", "2021-08-23T22:30:00Z"),
            Ok(-1)
        );
        assert_eq!(
            diff("n", "2021-08-24T00:00:59Z", "2021-08-24T00:01:58Z"),
            Ok(0)
        );
        assert_eq!(
            diff("s", "2021-08-24T00:00:00.9Z", "2021-08-24T00:00:01Z"),
            Ok(0)
        );
    }

    #[test]
    fn date_diff_calendar_intervals_ignore_the_day() {
        assert_eq!(diff("yyyy", "2020-12-31T23:59:59Z", "2021-01-01"), Ok(1));
        assert_eq!(diff("m", "2021-01-31", "2021-02-01"), Ok(1));
        assert_eq!(diff("m", "2021-02-01", "2021-01-31"), Ok(-1));
        assert_eq!(diff("q", "2021-03-31", "2021-04-01"), Ok(1));
        assert_eq!(diff("q", "2020-01-01", "2021-12-31"), Ok(7));
        assert_eq!(diff("q", "2021-12-31", "2020-01-01"), Ok(-7));
        assert_eq!(diff("y", "2021-01-01", "2021-12-31"), Ok(364));
    }

    #[test]
    fn date_diff_weeks() {
        // 2021-08-21 is a Saturday, 2021-08-22 a Sunday.
        assert_eq!(diff("ww", "2021-08-21", "2021-08-22"), Ok(1));
        assert_eq!(diff("w", "2021-08-21", "2021-08-22"), Ok(0));
        assert_eq!(diff("ww", "2021-08-22", "2021-08-28"), Ok(0));
        assert_eq!(diff("w", "2021-08-01", "2021-08-15"), Ok(2));
        assert_eq!(diff("ww", "2021-08-22", "2021-08-21"), Ok(-1));
    }

    #[test]
    fn date_diff_extremes_and_errors() {
        let span = diff("s", "0001-01-01", "9999-12-31T23:59:59Z").unwrap();
        assert_eq!(span, 315_537_897_599);
        assert_eq!(diff("yyyy", "9999-12-31", "0001-01-01"), Ok(-9998));
        let err = diff("weeks", "2021-08-24", "2021-08-25").unwrap_err();
        assert!(
            err.starts_with("DateDiff: \"weeks\" is not an interval"),
            "{err}"
        );
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

    // --- FormatDateTime ----------------------------------------------------------------------

    #[test]
    fn format_date_time_reference_vectors() {
        assert_eq!(
            fdt("20150123105347.1Z", "yyyyMMddHHmmss.fZ", "yyyy-MM-dd").unwrap(),
            "2015-01-23"
        );
        let day = fdt("2025-12-31-08:00", "yyyy-MM-ddzzz", "yyyy-MM-dd").unwrap();
        assert_eq!(day, "2025-12-31");
        // The NumFromDate(Join(...)) example built on it.
        assert_eq!(
            num_from_date(&format!("{day} 23:59:59-08:00")).unwrap(),
            "134117279990000000"
        );
        assert_eq!(
            fdt(
                "12/31/2025 05:00:00 PM",
                "M/d/yyyy hh:mm:ss tt",
                "yyyy-MM-dd"
            )
            .unwrap(),
            "2025-12-31"
        );
    }

    #[test]
    fn format_date_time_names_and_designators() {
        assert_eq!(
            fdt(
                "2021-08-24 17:05:09",
                "yyyy-MM-dd HH:mm:ss",
                "dddd, MMMM d, yyyy h:mm tt"
            )
            .unwrap(),
            "Tuesday, August 24, 2021 5:05 PM"
        );
        assert_eq!(
            fdt("24 aug 2021", "dd MMM yyyy", "ddd dd-MMM-yy").unwrap(),
            "Tue 24-Aug-21"
        );
        assert_eq!(
            fdt("September 5, 2021", "MMMM d, yyyy", "M/d/yy").unwrap(),
            "9/5/21"
        );
        assert_eq!(fdt("7 a", "h t", "HH:mm t").unwrap(), "07:00 A");
        assert_eq!(fdt("12 AM", "hh tt", "HH").unwrap(), "00");
        assert_eq!(fdt("12 PM", "hh tt", "HH").unwrap(), "12");
        assert!(fdt("13 AM", "HH tt", "HH").is_err());
        assert_eq!(fdt("2021", "yyyy", "g yyyy").unwrap(), "A.D. 2021");
    }

    #[test]
    fn format_date_time_fractions() {
        let input = "yyyy-MM-ddTHH:mm:ss.fff";
        assert_eq!(
            fdt("2021-08-24T10:00:00.123", input, "HH:mm:ss.fffffff").unwrap(),
            "10:00:00.1230000"
        );
        assert_eq!(
            fdt("2021-08-24T10:00:00.120", input, "ss.FFF").unwrap(),
            "00.12"
        );
        assert_eq!(
            fdt("2021-08-24T10:00:00.000", input, "ss.FFF").unwrap(),
            "00"
        );
        assert_eq!(
            fdt("2021-08-24T10:00:00.987", input, "ss.f").unwrap(),
            "00.9"
        );
        assert!(fdt("2021-08-24T10:00:00.12", input, "ss").is_err());
        // An optional fraction may be absent, together with its dot.
        let optional = "yyyy-MM-ddTHH:mm:ss.FFF";
        assert_eq!(
            fdt("2021-08-24T10:00:00", optional, "HH:mm").unwrap(),
            "10:00"
        );
        assert_eq!(
            fdt("2021-08-24T10:00:00.5", optional, "fff").unwrap(),
            "500"
        );
        let err = fdt("2021-08-24", "yyyy-MM-dd", "ffffffff").unwrap_err();
        assert!(err.contains("at most 7"), "{err}");
    }

    #[test]
    fn format_date_time_literals() {
        assert_eq!(
            fdt("2021-08-24", "yyyy-MM-dd", "'Day' d 'of' MMMM").unwrap(),
            "Day 24 of August"
        );
        assert_eq!(
            fdt("2021-08-24", "yyyy-MM-dd", "\"yyyy:\" yyyy \\d\\d").unwrap(),
            "yyyy: 2021 dd"
        );
        assert_eq!(
            fdt("on 2021/08/24", "'on' yyyy/MM/dd", "yyyyMMdd").unwrap(),
            "20210824"
        );
        assert_eq!(fdt("2021年8月", "yyyy年M月", "yyyy-MM").unwrap(), "2021-08");
        assert_eq!(fdt("8", "%M", "%d.%M").unwrap(), "1.8");
        assert_eq!(fdt("it's 2021", "'it\\'s' yyyy", "yyyy").unwrap(), "2021");
        assert!(fdt("2021", "'yyyy", "yyyy")
            .unwrap_err()
            .contains("never closed"));
        assert!(fdt("2021", "yyyy", "yyyy\\")
            .unwrap_err()
            .contains("backslash"));
        assert!(fdt("2021", "yyyy", "yyyy%").unwrap_err().contains('%'));
    }

    #[test]
    fn format_date_time_mismatches_are_errors() {
        let err = fdt("2015-01-23", "yyyyMMdd", "yyyy").unwrap_err();
        assert!(
            err.starts_with("FormatDateTime: \"2015-01-23\" does not match"),
            "{err}"
        );
        assert!(err.contains("character 5"), "{err}");
        assert!(fdt("2015-01-23x", "yyyy-MM-dd", "yyyy")
            .unwrap_err()
            .contains("unexpected"));
        assert!(fdt("2015-1-23", "yyyy-MM-dd", "yyyy").is_err());
        assert!(fdt("2015-02-30", "yyyy-MM-dd", "yyyy")
            .unwrap_err()
            .contains("February 2015"));
        assert!(fdt("2015-13-01", "yyyy-MM-dd", "yyyy").is_err());
        assert!(fdt("0000-01-01", "yyyy-MM-dd", "yyyy").is_err());
        assert!(fdt("Smarch 1 2015", "MMMM d yyyy", "yyyy").is_err());
        assert!(fdt("", "yyyy", "yyyy").is_err());
        assert!(fdt("2015-01-23", "", "yyyy").unwrap_err().contains("empty"));
        assert!(fdt("2015-01-23", "yyyy-MM-dd", "")
            .unwrap_err()
            .contains("empty"));
        assert!(fdt("2015-01-23", "yyyy-MM-dd", "x")
            .unwrap_err()
            .contains("standard"));
        assert!(fdt("2015-01-23 2016", "yyyy-MM-dd yyyy", "yyyy")
            .unwrap_err()
            .contains("twice"));
        assert_eq!(
            fdt("2015-01-23 2015", "yyyy-MM-dd yyyy", "yyyy").unwrap(),
            "2015"
        );
    }

    #[test]
    fn format_date_time_checks_the_day_name() {
        assert_eq!(fdt("Tue 2021-08-24", "ddd yyyy-MM-dd", "dd").unwrap(), "24");
        let err = fdt("Mon 2021-08-24", "ddd yyyy-MM-dd", "dd").unwrap_err();
        assert!(err.contains("is a Tuesday, not a Monday"), "{err}");
    }

    #[test]
    fn format_date_time_two_digit_years() {
        assert_eq!(fdt("49-01-01", "yy-MM-dd", "yyyy").unwrap(), "2049");
        assert_eq!(fdt("50-01-01", "yy-MM-dd", "yyyy").unwrap(), "1950");
        assert_eq!(
            fdt("2009", "yyyy", "y yy yyy yyyyy").unwrap(),
            "9 09 2009 02009"
        );
    }

    #[test]
    fn format_date_time_offsets() {
        assert_eq!(
            fdt(
                "2021-06-30+08:00",
                "yyyy-MM-ddzzz",
                "yyyy-MM-dd HH:mm zzz|zz|z"
            )
            .unwrap(),
            "2021-06-30 00:00 +08:00|+08|+8"
        );
        assert_eq!(
            fdt("2021-06-30 -0530", "yyyy-MM-dd zzz", "%K").unwrap(),
            "-05:30"
        );
        assert_eq!(
            fdt("2021-06-30 -7", "yyyy-MM-dd z", "zzz").unwrap(),
            "-07:00"
        );
        assert_eq!(
            fdt("2021-06-30Z", "yyyy-MM-ddK", "K zzz").unwrap(),
            "Z +00:00"
        );
        assert_eq!(fdt("2021-06-30", "yyyy-MM-ddK", "[K]").unwrap(), "[]");
        assert_eq!(fdt("2021-06-30 GMT", "yyyy-MM-dd Z", "%K").unwrap(), "Z");
        assert!(fdt("2021-06-30+15:00", "yyyy-MM-ddzzz", "%K")
            .unwrap_err()
            .contains("14:00"));
        assert!(fdt("2021-06-30", "yyyy-MM-ddZ", "%K").is_err());
    }

    #[test]
    fn format_date_time_styles() {
        let padded = "  2021-08-24  ";
        assert_eq!(fdt(padded, "yyyy-MM-dd", "dd").unwrap(), "24");
        let none = format_date_time(padded, Some("None"), "yyyy-MM-dd", "dd");
        assert!(none.is_err());
        let leading = format_date_time(
            "  2021-08-24",
            Some("AllowLeadingWhite"),
            "yyyy-MM-dd",
            "dd",
        );
        assert_eq!(leading.unwrap(), "24");
        let leading_only = format_date_time(padded, Some("AllowLeadingWhite"), "yyyy-MM-dd", "dd");
        assert!(leading_only.is_err());
        let both = format_date_time(
            padded,
            Some("DateTimeStyles.AllowLeadingWhite | allowtrailingwhite, Bogus"),
            "yyyy-MM-dd",
            "dd",
        );
        assert_eq!(both.unwrap(), "24");
        assert_eq!(
            format_date_time(padded, Some(""), "yyyy-MM-dd", "dd").unwrap(),
            "24"
        );
        let inner = format_date_time("2021 - 08-24", Some("AllowWhiteSpaces"), "yyyy-MM-dd", "dd");
        assert_eq!(inner.unwrap(), "24");
        assert!(format_date_time("2021 - 08-24", None, "yyyy-MM-dd", "dd").is_err());
    }

    #[test]
    fn format_date_time_zone_handling() {
        // Default: the wall clock read is the wall clock written.
        assert_eq!(
            fdt("2021-06-30+08:00", "yyyy-MM-ddzzz", "yyyy-MM-dd HH:mm").unwrap(),
            "2021-06-30 00:00"
        );
        let adjusted = format_date_time(
            "2021-06-30+08:00",
            Some("AdjustToUniversal"),
            "yyyy-MM-ddzzz",
            "yyyy-MM-dd HH:mm K",
        );
        assert_eq!(adjusted.unwrap(), "2021-06-29 16:00 Z");
        let assumed = format_date_time("2021-06-30", Some("AssumeUniversal"), "yyyy-MM-dd", "%K");
        assert_eq!(assumed.unwrap(), "Z");
        let overflow = format_date_time(
            "9999-12-31 23:00 -05:00",
            Some("AdjustToUniversal"),
            "yyyy-MM-dd HH:mm zzz",
            "yyyy",
        );
        assert!(overflow.is_err());
    }

    #[test]
    fn format_date_time_standard_formats() {
        let src = "2009-06-15T13:45:30.0500000-07:00";
        let input = "o";
        assert_eq!(fdt(src, input, "o").unwrap(), src);
        assert_eq!(fdt(src, input, "s").unwrap(), "2009-06-15T13:45:30");
        assert_eq!(fdt(src, input, "d").unwrap(), "06/15/2009");
        assert_eq!(fdt(src, input, "D").unwrap(), "Monday, 15 June 2009");
        assert_eq!(fdt(src, input, "t").unwrap(), "13:45");
        assert_eq!(fdt(src, input, "u").unwrap(), "2009-06-15 20:45:30Z");
        assert_eq!(
            fdt(src, input, "R").unwrap(),
            "Mon, 15 Jun 2009 20:45:30 GMT"
        );
        assert_eq!(fdt(src, input, "Y").unwrap(), "2009 June");
        assert_eq!(fdt("2009-06-15", "yyyy-MM-dd", "M").unwrap(), "June 15");
    }

    #[test]
    fn format_date_time_defaults_missing_date_parts() {
        assert_eq!(fdt("17:05", "HH:mm", "h:mm tt").unwrap(), "5:05 PM");
        assert_eq!(fdt("17:05", "HH:mm", "yyyy-MM-dd").unwrap(), "0001-01-01");
    }

    #[test]
    fn format_date_time_never_panics_on_odd_formats() {
        let odd = [
            "yyyyyyyyyyyy",
            "MMMMMMMMMM",
            "ddddddddd",
            "hhhhhh HHHHHH",
            "ttttt",
            "zzzzzz",
            "KKKK",
            "ZZZ",
            "ggg",
            "%%",
            "'",
            "\"",
            "\\",
            "é",
            "yyyy-é-\u{1F600}",
        ];
        for format in odd {
            let _ = fdt("2021-08-24T10:00:00", format, format);
            let _ = fdt("é\u{1F600}", "yyyy-MM-dd", format);
            let _ = fdt("2021-08-24", "yyyy-MM-dd", format);
        }
        assert!(fdt("99999999999", "yyyyyyyyyyy", "yyyy").is_err());
    }

    // --- properties ------------------------------------------------------------------------

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Whole seconds from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
        fn instant() -> impl Strategy<Value = OffsetDateTime> {
            (-62_135_596_800i64..=253_402_300_799i64)
                .prop_map(|t| OffsetDateTime::from_unix_timestamp(t).expect("in range"))
        }

        fn interval() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec!["yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"])
        }

        proptest! {
            #[test]
            fn readers_never_panic(s in "\\PC{0,40}") {
                let _ = parse_date(&s);
                let _ = num_from_date(&s);
                let _ = date_from_num(&s);
            }

            #[test]
            fn format_date_time_never_panics(
                source in "[0-9a-zA-Z:/.+ -]{0,24}",
                styles in proptest::option::of("[a-zA-Z, |]{0,30}"),
                input in "[yMdhHmsfFtzKZg:/.'%\\\\ -]{0,12}",
                output in "[yMdhHmsfFtzKZg:/.'%\\\\ -]{0,12}",
            ) {
                let _ = format_date_time(&source, styles.as_deref(), &input, &output);
            }

            #[test]
            fn date_add_never_panics(
                interval in interval(),
                value in prop_oneof![any::<i64>(), -200_000i64..200_000],
                dt in instant(),
            ) {
                if let Ok(moved) = date_add(interval, value, dt) {
                    prop_assert!((1..=9999).contains(&moved.year()));
                    if !matches!(interval, "h" | "n" | "s") {
                        prop_assert_eq!(moved.time(), dt.time());
                    }
                }
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

            #[test]
            fn seconds_between_add_back_up(a in instant(), b in instant()) {
                let seconds = date_diff("s", a, b).expect("valid interval");
                prop_assert_eq!(date_add("s", seconds, a), Ok(b));
            }
        }
    }
}
