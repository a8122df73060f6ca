//! The intervals of `DateAdd` and `DateDiff` (VB's `DateInterval`): reading their names, moving
//! a date by a number of them, and counting them between two dates.

use time::OffsetDateTime;

use super::calendar::{add_months, add_seconds, days_since_sunday};

/// VB's `DateInterval`, named by the strings `DateAdd` and `DateDiff` take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Interval {
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
    pub(super) fn parse(function: &str, text: &str) -> Result<Self, String> {
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

    pub(super) fn unit_name(self) -> &'static str {
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

    /// `start` moved by `value` intervals, or `None` if that leaves the years 1 to 9999.
    /// Month-based intervals keep the time of day and clamp the day to the end of the month.
    pub(super) fn add(self, value: i64, start: OffsetDateTime) -> Option<OffsetDateTime> {
        match self.step() {
            Step::Months(per) => value
                .checked_mul(per)
                .and_then(|months| add_months(start, months)),
            Step::Seconds(per) => value
                .checked_mul(per)
                .and_then(|seconds| add_seconds(start, seconds)),
        }
    }

    /// How many intervals lie between two UTC values, as VB.NET's `DateDiff` counts them.
    pub(super) fn count_between(self, first: OffsetDateTime, second: OffsetDateTime) -> i64 {
        let years = i64::from(second.year()) - i64::from(first.year());
        let month_of = |d: OffsetDateTime| i64::from(u8::from(d.month()));
        let elapsed = second - first;
        match self {
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{add, diff};

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

    // --- properties ------------------------------------------------------------------------

    mod properties {
        use super::super::super::test_support::instant;
        use super::super::super::{date_add, date_diff};
        use proptest::prelude::*;

        fn interval() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec!["yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"])
        }

        proptest! {
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
            fn seconds_between_add_back_up(a in instant(), b in instant()) {
                let seconds = date_diff("s", a, b).expect("valid interval");
                prop_assert_eq!(date_add("s", seconds, a), Ok(b));
            }
        }
    }
}
