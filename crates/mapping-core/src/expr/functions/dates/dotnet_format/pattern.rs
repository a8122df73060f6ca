//! .NET date/time formats compiled into tokens: custom formats (`yyyy-MM-dd`, quoted and escaped
//! literals, `%x`) and the one-letter standard formats (`o`, `s`, `d` …).

/// What a format letter stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Spec {
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
    /// Every format letter's meaning, in the order of [`Spec`].
    const ALL: [Spec; 14] = [
        Spec::Year,
        Spec::Month,
        Spec::Day,
        Spec::Hour12,
        Spec::Hour24,
        Spec::Minute,
        Spec::Second,
        Spec::Fraction,
        Spec::OptionalFraction,
        Spec::Meridiem,
        Spec::Offset,
        Spec::Kind,
        Spec::Era,
        Spec::Utc,
    ];

    fn of(c: char) -> Option<Spec> {
        Spec::ALL.into_iter().find(|spec| spec.letter() == c)
    }

    /// The letter that stands for this field in a format.
    fn letter(self) -> char {
        match self {
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
        }
    }

    /// `K` and `Z` stand alone; the other letters form runs such as `yyyy`.
    fn repeats(self) -> bool {
        !matches!(self, Spec::Kind | Spec::Utc)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token {
    /// A format letter and how many times it is repeated.
    Field(Spec, usize),
    Literal(char),
}

/// A compiled format; `universal` is set by the standard formats that show UTC (`r`, `u`, `U`).
pub(super) struct Pattern {
    pub(super) tokens: Vec<Token>,
    pub(super) universal: bool,
}

impl Pattern {
    pub(super) fn compile(format: &str) -> Result<Self, String> {
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
pub(super) fn token_text(spec: Spec, count: usize) -> String {
    spec.letter().to_string().repeat(count)
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::fdt;

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
}
