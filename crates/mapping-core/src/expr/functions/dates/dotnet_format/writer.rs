//! Writing a value with a compiled format, the way .NET's `DateTime.ToString` does.

use std::fmt::Write as _;

use time::UtcOffset;

use super::super::calendar::{abbreviation, day_name, month_name};
use super::super::fields::{hour12, Meridiem};
use super::pattern::{Spec, Token};
use super::{Stamp, Zone};

/// Writes `stamp` with `tokens`.
pub(super) fn render(tokens: &[Token], stamp: &Stamp) -> String {
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
            3 => out.push_str(abbreviation(month_name(wall.month()))),
            _ => out.push_str(month_name(wall.month())),
        },
        Spec::Day => match count {
            1 | 2 => push_padded(out, wall.day(), count),
            3 => out.push_str(abbreviation(day_name(wall.weekday()))),
            _ => out.push_str(day_name(wall.weekday())),
        },
        Spec::Hour12 => push_padded(out, hour12(wall.hour()), count.min(2)),
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
        Spec::Meridiem => out.push_str(Meridiem::of_hour(wall.hour()).designator(count)),
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
    use super::super::super::test_support::fdt;

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
}
