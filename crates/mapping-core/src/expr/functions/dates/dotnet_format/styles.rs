//! The .NET `DateTimeStyles` flags `FormatDateTime` honours: whitespace and time-zone rules.

use super::{Stamp, Zone};

/// The `DateTimeStyles` flags `FormatDateTime` honours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Styles {
    leading_white: bool,
    trailing_white: bool,
    pub(super) inner_white: bool,
    assume_universal: bool,
    adjust_to_universal: bool,
}

impl Styles {
    /// Reads a list such as `AllowLeadingWhite, DateTimeStyles.AdjustToUniversal` (separated by
    /// commas or `|`, case-insensitive). Unknown names are ignored; none at all means Entra's
    /// default (`RoundtripKind, AllowLeadingWhite, AllowTrailingWhite`).
    pub(super) fn parse(text: Option<&str>) -> Self {
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

    pub(super) fn trim<'a>(&self, source: &'a str) -> &'a str {
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
    pub(super) fn apply_zone_rules(&self, stamp: Stamp) -> Result<Stamp, String> {
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

#[cfg(test)]
mod tests {
    use super::super::super::format_date_time;
    use super::super::super::test_support::fdt;

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
}
