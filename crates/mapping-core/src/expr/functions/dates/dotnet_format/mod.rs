//! `FormatDateTime`: .NET date/time formats, read the way `DateTime.ParseExact` reads them and
//! written the way `DateTime.ToString` writes them, in the invariant culture.
//!
//! `pattern` compiles a format into tokens, `styles` holds the `DateTimeStyles` flags, `reader`
//! reads text with tokens and `writer` writes a value with them. This file holds the value that
//! passes between them ([`Stamp`]) and the conversion that chains them.

mod pattern;
mod reader;
mod styles;
mod writer;

use time::{PrimitiveDateTime, UtcOffset};

use super::calendar::to_utc;
use pattern::Pattern;
use reader::read_stamp;
use styles::Styles;
use writer::render;

/// Reads `source` with `input_format` and writes it with `output_format`, honouring the
/// `DateTimeStyles` names in `styles` (see `FormatDateTime` in the parent module).
pub(super) fn reformat(
    source: &str,
    styles: Option<&str>,
    input_format: &str,
    output_format: &str,
) -> Result<String, String> {
    let styles = Styles::parse(styles);
    let compile = |role: &str, format: &str| {
        Pattern::compile(format).map_err(|reason| {
            format!("FormatDateTime: the {role} format \"{format}\" cannot be used: {reason}")
        })
    };
    let input = compile("input", input_format)?;
    let output = compile("output", output_format)?;
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

#[cfg(test)]
mod tests {
    use super::super::num_from_date;
    use super::super::test_support::fdt;

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
        use super::super::super::format_date_time;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn format_date_time_never_panics(
                source in "[0-9a-zA-Z:/.+ -]{0,24}",
                styles in proptest::option::of("[a-zA-Z, |]{0,30}"),
                input in "[yMdhHmsfFtzKZg:/.'%\\\\ -]{0,12}",
                output in "[yMdhHmsfFtzKZg:/.'%\\\\ -]{0,12}",
            ) {
                let _ = format_date_time(&source, styles.as_deref(), &input, &output);
            }
        }
    }
}
