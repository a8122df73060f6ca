//! Reading text with a compiled format, the way .NET's `DateTime.ParseExact` does.

use time::Weekday;

use super::super::calendar::{abbreviation, day_name, month_name, DAY_NAMES, MONTH_NAMES};
use super::super::fields::{Fields, Meridiem, RawOffset};
use super::super::read::read_meridiem;
use super::super::scanner::Scanner;
use super::pattern::{token_text, Spec, Token};
use super::{Stamp, Zone};

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
pub(super) fn read_stamp(text: &str, tokens: &[Token], inner_white: bool) -> Result<Stamp, String> {
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
    // An offset `width` letters wide (`z`, `zz`, `zzz`) as the value's zone.
    let offset_zone = |sc: &mut Scanner<'_>, found: &mut Found, width: usize| {
        let offset = read_format_offset(sc, width)
            .ok_or_else(|| expected("an offset such as -08:00"))?
            .to_offset()?;
        record(&mut found.zone, Zone::Offset(offset), "time zone")
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
            let nanos = sc
                .fraction(min, count)
                .ok_or_else(|| expected(&format!("{count} digits")))?;
            record(&mut found.nanos, nanos, "fraction of a second")
        }
        Spec::Meridiem => {
            let meridiem = read_meridiem(sc, count)
                .ok_or_else(|| expected(if count == 1 { "A or P" } else { "AM or PM" }))?;
            record(&mut found.meridiem, meridiem, "AM/PM designator")
        }
        Spec::Offset => offset_zone(sc, found, count),
        Spec::Kind => {
            if sc.eat('Z') {
                record(&mut found.zone, Zone::Utc, "time zone")
            } else if matches!(sc.peek(), Some('+' | '-')) {
                offset_zone(sc, found, 3)
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
            abbreviation(name)
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

#[cfg(test)]
mod tests {
    use super::super::super::test_support::fdt;

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
    fn format_date_time_defaults_missing_date_parts() {
        assert_eq!(fdt("17:05", "HH:mm", "h:mm tt").unwrap(), "5:05 PM");
        assert_eq!(fdt("17:05", "HH:mm", "yyyy-MM-dd").unwrap(), "0001-01-01");
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
}
