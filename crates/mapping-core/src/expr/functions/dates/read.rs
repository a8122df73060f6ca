//! The date strings `CDate` (and `NumFromDate`) accept: ISO 8601, US `M/d/yyyy` and compact
//! generalized time.

use time::OffsetDateTime;

use super::calendar::to_utc;
use super::fields::{Fields, Meridiem, RawOffset};
use super::scanner::Scanner;

/// The advice appended when a date string cannot be read.
const DATE_HINT: &str = "use an ISO 8601 date such as 2020-03-16 or 2020-03-16T08:00:00-07:00";

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

/// Reads a date string for `function`, whose name starts the error messages.
pub(super) fn parse_date_for(function: &str, s: &str) -> Result<OffsetDateTime, String> {
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

    let before_time = sc.mark();
    let has_time =
        sc.eat('T') || (sc.skip_whitespace() > 0 && sc.peek().is_some_and(|c| c.is_ascii_digit()));
    if has_time {
        read_clock(&mut sc, &mut raw.fields)?;
        sc.skip_whitespace();
    } else {
        sc.rewind(before_time);
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
    read_fraction(&mut sc, &mut fields)?;
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
        read_fraction(sc, fields)?;
    }
    Some(())
}

/// Optionally `.f` or `,f` (1 to 7 digits); a separator without digits fails.
fn read_fraction(sc: &mut Scanner<'_>, fields: &mut Fields) -> Option<()> {
    if sc.eat('.') || sc.eat(',') {
        fields.nanos = sc.fraction(1, 7)?;
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
pub(super) fn read_meridiem(sc: &mut Scanner<'_>, width: usize) -> Option<Meridiem> {
    [Meridiem::Am, Meridiem::Pm]
        .into_iter()
        .find(|m| sc.eat_word(m.designator(width)))
}

#[cfg(test)]
mod tests {
    use super::super::parse_date;
    use super::super::test_support::cdate;

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
}
