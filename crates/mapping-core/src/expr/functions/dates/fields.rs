//! Date and time parts as read from text, before validation, and their validation: calendar and
//! clock fields, UTC offsets and the AM/PM designator.

use time::{Date, PrimitiveDateTime, Time, UtcOffset};

use super::calendar::{check_year, days_in_month, month_from_number, month_name};

/// A .NET time-zone offset may not exceed 14 hours either way.
const MAX_OFFSET_MINUTES: u32 = 14 * 60;

/// Calendar and clock fields as read from text, not yet validated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Fields {
    pub(super) year: u32,
    pub(super) month: u32,
    pub(super) day: u32,
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) second: u32,
    pub(super) nanos: u32,
}

impl Fields {
    pub(super) fn date(year: u32, month: u32, day: u32) -> Self {
        Fields {
            year,
            month,
            day,
            ..Fields::default()
        }
    }

    /// Validates every field, explaining the first one that is out of range.
    pub(super) fn to_primitive(self) -> Result<PrimitiveDateTime, String> {
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
pub(super) struct RawOffset {
    pub(super) negative: bool,
    pub(super) hours: u32,
    pub(super) minutes: u32,
}

impl RawOffset {
    pub(super) const UTC: RawOffset = RawOffset {
        negative: false,
        hours: 0,
        minutes: 0,
    };

    pub(super) fn to_offset(self) -> Result<UtcOffset, String> {
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
pub(super) enum Meridiem {
    Am,
    Pm,
}

impl Meridiem {
    pub(super) fn of_hour(hour: u8) -> Self {
        if hour < 12 {
            Meridiem::Am
        } else {
            Meridiem::Pm
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Meridiem::Am => "AM",
            Meridiem::Pm => "PM",
        }
    }

    /// The designator as written `width` letters wide: `A`/`P` for 1, `AM`/`PM` for 2 or more.
    pub(super) fn designator(self, width: usize) -> &'static str {
        let label = self.label();
        label.get(..width.min(2)).unwrap_or(label)
    }

    /// Turns a clock hour written with this designator into a 0..=23 hour, as .NET does:
    /// `12 AM` is 0, `1 PM` is 13, and `13 PM` is tolerated as 13.
    pub(super) fn apply(self, hour: u32) -> Result<u32, String> {
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

/// The hour on a 12-hour clock (`0` is `12`, `13` is `1`).
pub(super) fn hour12(hour: u8) -> u8 {
    match hour % 12 {
        0 => 12,
        h => h,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_date;
    use super::super::test_support::cdate;

    #[test]
    fn leap_days() {
        assert_eq!(cdate("2020-02-29"), "2/29/2020 12:00:00 AM");
        assert_eq!(cdate("2000-02-29"), "2/29/2000 12:00:00 AM");
        assert!(parse_date("2021-02-29")
            .unwrap_err()
            .contains("February 2021"));
        assert!(parse_date("1900-02-29").is_err());
    }
}
