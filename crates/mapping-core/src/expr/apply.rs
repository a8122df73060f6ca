//! What each function does with its evaluated arguments.
//!
//! Null handling, where Microsoft documents it, follows the documentation; where it does not,
//! the choice is written next to the function below and in the README's semantics table.

use super::context::EvalContext;
use super::functions::budget::Budget;
use super::functions::{dates, diacritics, random, replace, text};
use super::value::{truth, Value};
use crate::source::{SourceAttributes, SourceValue};

/// Everything a function sees: its evaluated arguments, how string arguments were written, the
/// evaluation's inputs (clock, seed, tenant data, the user) and what is left of its allowance.
pub(crate) struct Call<'a> {
    pub(crate) args: Args,
    /// For each argument, its text when it was written as a string literal.
    pub(crate) literals: Vec<Option<&'a str>>,
    pub(crate) ctx: &'a EvalContext,
    pub(crate) source: &'a SourceAttributes,
    pub(crate) rng: &'a mut fastrand::Rng,
    pub(crate) budget: &'a mut Budget,
    /// A remark for the trace.
    pub(crate) note: Option<String>,
}

/// A function of the language, applied to its call.
pub(crate) type Apply = fn(&mut Call<'_>) -> Result<Value, Fail>;

/// A function failed; `arg` points at the argument to blame, if one is.
#[derive(Debug)]
pub(crate) struct Fail {
    pub arg: Option<usize>,
    pub message: String,
}

impl Fail {
    fn at(arg: usize, message: impl Into<String>) -> Fail {
        Fail {
            arg: Some(arg),
            message: message.into(),
        }
    }
}

impl From<String> for Fail {
    fn from(message: String) -> Fail {
        Fail { arg: None, message }
    }
}

/// Evaluated arguments, with typed accessors. `None` = the argument was omitted.
pub(crate) struct Args(pub(crate) Vec<Option<Value>>);

impl Args {
    fn value(&self, i: usize) -> &Value {
        self.0
            .get(i)
            .and_then(Option::as_ref)
            .unwrap_or(&Value::Null)
    }

    fn given(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(Option::is_some)
    }

    /// A single string, or null. A list with one value counts as that value.
    fn str(&self, i: usize) -> Result<Option<&str>, Fail> {
        match self.value(i) {
            Value::Null | Value::Ignore => Ok(None),
            Value::Str(s) => Ok(Some(s)),
            Value::List(items) if items.len() == 1 => Ok(Some(&items[0])),
            Value::List(items) => Err(Fail::at(
                i,
                format!(
                    "argument {} has {} values but one is expected; pick one with Item() or combine them with Join()",
                    i + 1,
                    items.len()
                ),
            )),
        }
    }

    /// A string, with null read as "".
    fn text(&self, i: usize) -> Result<&str, Fail> {
        Ok(self.str(i)?.unwrap_or(""))
    }

    /// A whole number (decimal, optionally signed).
    fn int(&self, i: usize, what: &str) -> Result<i64, Fail> {
        let s = self
            .str(i)?
            .ok_or_else(|| Fail::at(i, format!("{what} is null; a whole number is needed")))?;
        s.trim()
            .parse::<i64>()
            .map_err(|_| Fail::at(i, format!("{what} must be a whole number, not {s:?}")))
    }

    fn opt_int(&self, i: usize, what: &str) -> Result<Option<i64>, Fail> {
        if self.given(i) && self.str(i)?.is_some() {
            self.int(i, what).map(Some)
        } else {
            Ok(None)
        }
    }

    fn date(&self, i: usize) -> Result<Option<time::OffsetDateTime>, Fail> {
        match self.str(i)? {
            None => Ok(None),
            Some(s) => dates::parse_date(s).map(Some).map_err(|m| Fail::at(i, m)),
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// `Left`'s helper and friends: the value of `f` applied to argument 0, null staying null.
fn map(a: &Args, f: &dyn Fn(&str) -> String) -> Result<Value, Fail> {
    Ok(a.str(0)?.map_or(Value::Null, |s| Value::Str(f(s))))
}

/// Null source is read as "", as the alias examples rely on; two nulls stay null.
pub(crate) fn append(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match (a.str(0)?, a.str(1)?) {
        (None, None) => Value::Null,
        (s, x) => Value::Str(format!("{}{}", s.unwrap_or(""), x.unwrap_or(""))),
    })
}

pub(crate) fn app_role_assignments_complex(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        c.note = Some("every role assignment flows, each as primary = false".into());
        a.value(0).clone()
    })
}

pub(crate) fn bit_and(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(
        (a.int(0, "value1")? & a.int(1, "value2")?).to_string(),
    ))
}

pub(crate) fn cbool(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(truth(a.value(0)).map_err(|m| Fail::at(0, m))?))
}

pub(crate) fn cdate(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(a.date(0)?
        .map_or(Value::Null, |d| Value::Str(dates::format_entra(d))))
}

/// The first argument that is not null; an empty string counts as a value.
pub(crate) fn coalesce(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        a.0.iter()
            .flatten()
            .find(|v| !v.is_null())
            .cloned()
            .unwrap_or(Value::Null)
    })
}

pub(crate) fn convert_to_base64(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    map(a, &text::convert_to_base64)
}

pub(crate) fn convert_to_utf8_hex(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    map(a, &text::convert_to_utf8_hex)
}

pub(crate) fn count(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(a.value(0).items().len().to_string()))
}

pub(crate) fn cstr(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(a.value(0).clone())
}

pub(crate) fn date_add(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let interval = a.text(0)?;
        let amount = a.int(1, "value")?;
        match a.date(2)? {
            None => Value::Null,
            Some(d) => Value::Str(dates::format_entra(
                dates::date_add(interval, amount, d).map_err(|m| Fail::at(0, m))?,
            )),
        }
    })
}

pub(crate) fn date_diff(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match (a.date(1)?, a.date(2)?) {
        (Some(d1), Some(d2)) => Value::Str(
            dates::date_diff(a.text(0)?, d1, d2)
                .map_err(|m| Fail::at(0, m))?
                .to_string(),
        ),
        _ => Value::Null,
    })
}

pub(crate) fn date_from_num(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match a.str(0)? {
        None => Value::Null,
        Some(n) => Value::Str(dates::format_entra(
            dates::date_from_num(n).map_err(|m| Fail::at(0, m))?,
        )),
    })
}

/// The tenant's default verified domain, an input of the evaluation like the clock.
pub(crate) fn default_domain(c: &mut Call<'_>) -> Result<Value, Fail> {
    Ok(match &c.ctx.default_domain {
        Some(domain) if !domain.trim().is_empty() => Value::str(domain.trim()),
        _ => return Err(
            "the tenant has no default verified domain in this preview; give one with \
             --default-domain (CLI) or in the Options (page), as Entra fails when a tenant has none"
                .to_string()
                .into(),
        ),
    })
}

pub(crate) fn format_date_time(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let (styles, input, output) = if a.len() == 4 {
            (a.str(1)?, 2, 3)
        } else {
            (None, 1, 2)
        };
        match a.str(0)? {
            None => Value::Null,
            Some(s) => Value::Str(dates::format_date_time(
                s,
                styles,
                a.text(input)?,
                a.text(output)?,
            )?),
        }
    })
}

pub(crate) fn guid(c: &mut Call<'_>) -> Result<Value, Fail> {
    Ok(Value::Str(random::guid(c.rng)))
}

pub(crate) fn ignore_flow_if_null_or_empty(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let v = a.value(0);
        if v.is_null_or_empty() {
            c.note = Some("null or empty: the attribute is dropped from the flow".into());
            Value::Ignore
        } else {
            v.clone()
        }
    })
}

pub(crate) fn in_str(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match (a.str(0)?, a.str(1)?) {
        (Some(hay), Some(needle)) => {
            let start = a.opt_int(2, "start")?;
            let text_compare = compare_mode(a)?;
            Value::Str(text::instr(hay, needle, start, text_compare)?.to_string())
        }
        _ => Value::Null,
    })
}

pub(crate) fn is_null(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(a.value(0).is_null()))
}

pub(crate) fn is_null_or_empty(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(a.value(0).is_null_or_empty()))
}

pub(crate) fn is_present(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(!a.value(0).is_null_or_empty()))
}

pub(crate) fn is_string(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(!a.value(0).is_null()))
}

/// `Item(attribute, index)`: 1-based; an index outside the values is an error.
pub(crate) fn item(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    let values = a.value(0).items();
    if a.value(0).is_null() {
        return Ok(Value::Null);
    }
    let index = a.int(1, "index")?;
    if index < 1 {
        return Err(Fail::at(
            1,
            format!("index {index} is not valid: Item counts from 1"),
        ));
    }
    usize::try_from(index - 1)
        .ok()
        .and_then(|i| values.get(i))
        .map(|s| Value::str(*s))
        .ok_or_else(|| {
            Fail::at(
                1,
                format!(
                    "index {index} is past the end: the attribute has {} value(s)",
                    values.len()
                ),
            )
        })
}

/// Null and empty sources are skipped: no separator is written for them.
pub(crate) fn join(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let sep = a.text(0)?;
        let parts: Vec<&str> = (1..a.len())
            .flat_map(|i| a.value(i).items())
            .filter(|s| !s.is_empty())
            .collect();
        let size = parts.iter().map(|p| p.len()).sum::<usize>()
            + sep.len().saturating_mul(parts.len().saturating_sub(1));
        c.budget.check_size(size)?;
        Value::Str(parts.join(sep))
    })
}

pub(crate) fn left(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(text::left(a.text(0)?, a.int(1, "numChars")?)))
}

/// .NET's String.Length: UTF-16 code units; null counts as 0.
pub(crate) fn len(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(
        a.str(0)?
            .map_or(0, |s| s.encode_utf16().count())
            .to_string(),
    ))
}

pub(crate) fn mid(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let (start, length) = (a.int(1, "start")?, a.int(2, "length")?);
        a.str(0)?
            .map_or(Value::Null, |s| Value::Str(text::mid(s, start, length)))
    })
}

pub(crate) fn normalize_diacritics(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    map(a, &diacritics::normalize_diacritics)
}

/// "If source is True, returns False. Otherwise, returns True." (case-insensitive)
pub(crate) fn not(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::bool(
        !a.str(0)?
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("true")),
    ))
}

pub(crate) fn now(c: &mut Call<'_>) -> Result<Value, Fail> {
    Ok(Value::Str(dates::format_entra(c.ctx.now)))
}

pub(crate) fn num_from_date(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match a.str(0)? {
        None => Value::Null,
        Some(s) => Value::Str(dates::num_from_date(s).map_err(|m| Fail::at(0, m))?),
    })
}

pub(crate) fn pcase(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let seps = a.str(1)?;
        map(a, &|s| text::pcase(s, seps))?
    })
}

pub(crate) fn random_string(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(random::random_string(
        c.rng,
        a.int(0, "length")?,
        a.int(1, "minimumNumbers")?,
        a.int(2, "minimumSpecialCharacters")?,
        a.int(3, "minimumCapital")?,
        a.int(4, "minimumLowerCase")?,
        a.str(5)?,
    )?))
}

pub(crate) fn redact(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        c.note = Some("flows unchanged; provisioning logs show [Redact]".into());
        a.value(0).clone()
    })
}

pub(crate) fn remove_duplicates(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match a.value(0) {
        Value::List(items) => {
            let mut seen = std::collections::HashSet::with_capacity(items.len());
            Value::List(
                items
                    .iter()
                    .filter(|item| seen.insert(item.as_str()))
                    .cloned()
                    .collect(),
            )
        }
        other => other.clone(),
    })
}

pub(crate) fn single_app_role_assignment(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match a.value(0) {
        Value::List(items) if items.len() > 1 => {
            c.note = Some(format!(
                "{} role assignments: Entra returns one of them unpredictably; assign one role per user",
                items.len()
            ));
            Value::str(items[0].clone())
        }
        Value::List(items) => items.first().map_or(Value::Null, |s| Value::str(s.clone())),
        other => other.clone(),
    })
}

pub(crate) fn split(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(match a.str(0)? {
        None => Value::Null,
        Some(s) => Value::List(text::split(s, a.text(1)?)),
    })
}

pub(crate) fn strip_spaces(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    map(a, &text::strip_spaces)
}

pub(crate) fn to_lower(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let culture = a.str(1)?;
        map(a, &|s| text::to_lower(s, culture))?
    })
}

pub(crate) fn to_upper(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok({
        let culture = a.str(1)?;
        map(a, &|s| text::to_upper(s, culture))?
    })
}

pub(crate) fn word(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    Ok(Value::Str(text::word(
        a.text(0)?,
        a.int(1, "wordNumber")?,
        a.text(2)?,
    )))
}

/// InStr's 4th argument: `vbTextCompare` (or 1) is case-insensitive; `vbBinaryCompare` (or 0,
/// or nothing) is case-sensitive.
fn compare_mode(a: &Args) -> Result<bool, Fail> {
    match a.str(3)? {
        None | Some("vbBinaryCompare") | Some("0") => Ok(false),
        Some("vbTextCompare") | Some("1") => Ok(true),
        Some(other) => Err(Fail::at(
            3,
            format!("compareType must be vbTextCompare or vbBinaryCompare, not {other:?}"),
        )),
    }
}

/// `Switch(source, default, key1, value1, …)`: case-sensitive; a null or empty source matches
/// the key `""`; with no match, the default (null when omitted).
pub(crate) fn switch(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    let source = a.text(0)?;
    let mut i = 2;
    while i + 1 < a.len() {
        if a.text(i)? == source {
            c.note = Some(format!("matched key {source:?}"));
            return Ok(a.value(i + 1).clone());
        }
        i += 2;
    }
    c.note = Some("no key matched: the default value".into());
    Ok(a.value(1).clone())
}

/// `Replace`. The replacement attribute (6th argument) is normally written `[mobile]`; written as
/// a string `"mobile"`, it names the attribute, whose value is used.
pub(crate) fn replace(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    let named_attribute = match c.literals.get(5).copied().flatten() {
        Some(name) => Some(match c.source.get(name) {
            Some(SourceValue::Single(s)) => Some(s.as_str()),
            Some(SourceValue::Multi(items)) => items.first().map(String::as_str),
            None => None,
        }),
        _ => None,
    };
    let args = replace::ReplaceArgs {
        source: a.str(0)?,
        old_value: a.str(1)?,
        regex_pattern: a.str(2)?,
        regex_group_name: a.str(3)?,
        replacement_value: a.str(4)?,
        replacement_attribute: match named_attribute {
            Some(v) => v,
            None => a.str(5)?,
        },
        template: a.str(6)?,
    };
    let fail_arg = if args.regex_pattern.is_some() { 2 } else { 0 };
    Ok(replace::replace(&args, c.budget)
        .map_err(|m| Fail::at(fail_arg, m))?
        .map_or(Value::Null, Value::Str))
}

/// `SelectUniqueValue(rule1, rule2, …)`: the first rule whose value is not empty and not already
/// taken in the target (compared case-insensitively, as directories do).
pub(crate) fn select_unique_value(c: &mut Call<'_>) -> Result<Value, Fail> {
    let a = &c.args;
    for i in 0..a.len() {
        match a.str(i)? {
            Some(v) if !v.is_empty() && !c.ctx.is_taken(v) => {
                c.note = Some(format!("rule {} gave the first value not yet taken", i + 1));
                return Ok(Value::str(v));
            }
            _ => continue,
        }
    }
    Err("every rule gives a value that is already taken in the target: Entra escrows this user and logs the reason".to_string().into())
}

/// One test per function, at the expression level: a normal value, null, empty and (where it
/// means something) multi-valued input. The string-level edge cases live next to the helpers
/// in `functions/`.
#[cfg(test)]
mod tests {
    use crate::expr::{compile, EvalContext, Outcome, Value};
    use crate::source::SourceAttributes;
    use serde_json::json;

    /// Evaluates with the sample attributes: `s` = "a b", `e` = "", `n` absent (null),
    /// `m` = ["x", "y", "x"], `one` = ["solo"], plus `extra`.
    fn eval_with(expr: &str, extra: serde_json::Value) -> Result<Value, String> {
        let mut attrs = json!({"s": "a b", "e": "", "m": ["x", "y", "x"], "one": ["solo"]});
        if let (Some(map), Some(more)) = (attrs.as_object_mut(), extra.as_object()) {
            map.extend(more.clone());
        }
        let source = SourceAttributes::from_json(&attrs)?;
        let compiled = compile(expr).map_err(|d| d[0].message.clone())?;
        let ev = compiled
            .evaluate(&source, &EvalContext::default())
            .map_err(|d| d.message)?;
        Ok(ev.value)
    }

    fn eval(expr: &str) -> Value {
        eval_with(expr, json!({})).unwrap_or_else(|e| panic!("{expr}: {e}"))
    }

    fn s(v: &str) -> Value {
        Value::str(v)
    }

    fn fails(expr: &str) -> String {
        eval_with(expr, json!({})).expect_err(expr)
    }

    #[test]
    fn append() {
        assert_eq!(eval("Append([s], \"!\")"), s("a b!"));
        assert_eq!(eval("Append([n], \"!\")"), s("!"));
        assert_eq!(eval("Append([e], [e])"), s(""));
        assert_eq!(eval("Append([n], [n])"), Value::Null);
        assert!(fails("Append([m], \"!\")").contains("3 values"));
        assert_eq!(eval("Append([one], \"!\")"), s("solo!"));
    }

    #[test]
    fn app_role_assignments_complex() {
        assert_eq!(eval("AppRoleAssignmentsComplex([m])"), eval("[m]"));
        assert_eq!(eval("AppRoleAssignmentsComplex([n])"), Value::Null);
    }

    #[test]
    fn bit_and() {
        assert_eq!(eval("BitAnd(&HF, &HF7)"), s("7"));
        assert_eq!(eval("BitAnd(12, 10)"), s("8"));
        assert!(fails("BitAnd([n], 1)").contains("null"));
        assert!(fails("BitAnd([s], 1)").contains("whole number"));
    }

    #[test]
    fn cbool() {
        assert_eq!(eval("CBool(\"5\")"), s("True"));
        assert_eq!(eval("CBool(\"0\")"), s("False"));
        assert_eq!(eval("CBool([s] = \"a b\")"), s("True"));
        assert_eq!(eval("CBool([n])"), s("False"));
        assert!(fails("CBool([s])").contains("neither True/False"));
    }

    #[test]
    fn cdate() {
        assert_eq!(
            eval("CDate(\"2021-06-30+08:00\")"),
            s("6/29/2021 4:00:00 PM")
        );
        assert_eq!(eval("CDate([n])"), Value::Null);
        assert!(!fails("CDate([e])").is_empty());
        assert!(!fails("CDate(\"not a date\")").is_empty());
    }

    #[test]
    fn coalesce() {
        assert_eq!(eval("Coalesce([n], [s])"), s("a b"));
        assert_eq!(eval("Coalesce([e], [s])"), s(""));
        assert_eq!(eval("Coalesce([n], [n])"), Value::Null);
        assert_eq!(eval("Coalesce([n], [m])"), eval("[m]"));
        assert_eq!(eval("Coalesce([n], \"default\")"), s("default"));
    }

    #[test]
    fn convert_to_base64() {
        assert_eq!(
            eval("ConvertToBase64(\"Hello world!\")"),
            s("SABlAGwAbABvACAAdwBvAHIAbABkACEA")
        );
        assert_eq!(eval("ConvertToBase64([e])"), s(""));
        assert_eq!(eval("ConvertToBase64([n])"), Value::Null);
    }

    #[test]
    fn convert_to_utf8_hex() {
        assert_eq!(eval("ConvertToUTF8Hex(\"é\")"), s("C3A9"));
        assert_eq!(eval("ConvertToUTF8Hex([e])"), s(""));
        assert_eq!(eval("ConvertToUTF8Hex([n])"), Value::Null);
    }

    #[test]
    fn count() {
        assert_eq!(eval("Count([m])"), s("3"));
        assert_eq!(eval("Count([s])"), s("1"));
        assert_eq!(eval("Count([e])"), s("1"));
        assert_eq!(eval("Count([n])"), s("0"));
    }

    #[test]
    fn cstr() {
        assert_eq!(eval("CStr(42)"), s("42"));
        assert_eq!(eval("CStr([n])"), Value::Null);
        assert_eq!(eval("CStr([e])"), s(""));
    }

    #[test]
    fn date_add() {
        assert_eq!(
            eval("DateAdd(\"d\", 7, CDate(\"2012-03-16-07:00\"))"),
            s("3/23/2012 7:00:00 AM")
        );
        assert_eq!(eval("DateAdd(\"d\", 7, [n])"), Value::Null);
        assert!(!fails("DateAdd(\"fortnight\", 1, Now())").is_empty());
        assert!(fails("DateAdd(\"d\", [s], Now())").contains("whole number"));
    }

    #[test]
    fn date_diff() {
        assert_eq!(
            eval("DateDiff(\"h\", CDate(\"2021-08-24\"), CDate(\"2021-08-25\"))"),
            s("24")
        );
        assert_eq!(eval("DateDiff(\"d\", [n], Now())"), Value::Null);
        assert!(!fails("DateDiff(\"d\", [e], Now())").is_empty());
    }

    #[test]
    fn date_from_num() {
        assert_eq!(
            eval("DateFromNum(129699324000000000)"),
            s("1/1/2012 11:00:00 PM")
        );
        assert_eq!(eval("DateFromNum([n])"), Value::Null);
        assert!(!fails("DateFromNum([s])").is_empty());
    }

    #[test]
    fn format_date_time() {
        let x = json!({"d": "20150123105347.1Z"});
        let v = eval_with(
            "FormatDateTime([d], , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")",
            x.clone(),
        );
        assert_eq!(v, Ok(s("2015-01-23")));
        let v = eval_with(
            "FormatDateTime([d], \"yyyyMMddHHmmss.fZ\", \"dd/MM/yyyy\")",
            x,
        );
        assert_eq!(v, Ok(s("23/01/2015")));
        assert_eq!(eval("FormatDateTime([n], \"yyyy\", \"yy\")"), Value::Null);
        assert!(!fails("FormatDateTime([s], \"yyyy\", \"yy\")").is_empty());
    }

    #[test]
    fn guid() {
        let Value::Str(g) = eval("Guid()") else {
            panic!()
        };
        assert_eq!(g.len(), 36);
        assert_eq!(
            eval("Guid()"),
            Value::Str(g),
            "the same seed gives the same GUID"
        );
    }

    #[test]
    fn ignore_flow_if_null_or_empty() {
        assert_eq!(eval("IgnoreFlowIfNullOrEmpty([n])"), Value::Ignore);
        assert_eq!(eval("IgnoreFlowIfNullOrEmpty([e])"), Value::Ignore);
        assert_eq!(eval("IgnoreFlowIfNullOrEmpty([s])"), s("a b"));
        assert_eq!(eval("IgnoreFlowIfNullOrEmpty([m])"), eval("[m]"));
        assert_eq!(
            eval("Join(\",\", IgnoreFlowIfNullOrEmpty([n]), \"x\")"),
            Value::Ignore,
            "propagates"
        );
    }

    #[test]
    fn iif() {
        assert_eq!(eval("IIF([s] = \"a b\", \"yes\", \"no\")"), s("yes"));
        assert_eq!(eval("IIF(Count([m]) > 2, \"many\", \"few\")"), s("many"));
        assert_eq!(
            eval("IIF(\"1\" < \"10\", \"numeric\", \"text\")"),
            s("numeric")
        );
        assert_eq!(
            eval("IIF(\"b\" > \"a\", \"y\", Item([m], 99))"),
            s("y"),
            "only the chosen branch runs"
        );
        assert!(fails("IIF([s], \"y\", \"n\")").contains("neither True/False"));
        assert!(fails("IIF([m] = \"x\", \"y\", \"n\")").contains("multi-valued"));
    }

    #[test]
    fn iif_over_null_reports_condition_failure_with_rewrite() {
        let text = "IIF(IsNullOrEmpty(StripSpaces([ext])), StripSpaces([tel]), Join(\";ext=\", Append(\"tel:\", StripSpaces([tel])), StripSpaces([ext])))";
        let source =
            SourceAttributes::from_json(&json!({"tel": "+1 317 872 3000", "ext": ""})).unwrap();
        let ev = compile(text)
            .unwrap()
            .evaluate(&source, &EvalContext::default())
            .unwrap();
        assert_eq!(ev.outcome(), Outcome::ConditionCheckFails);
        assert_eq!(
            ev.value,
            s("+13178723000"),
            "the logical value is kept for the explanation"
        );
        let failure = &ev.condition_failures[0];
        assert_eq!(failure.attributes, vec!["ext".to_string()]);
        let rewrite = failure.rewrite.as_deref().unwrap();
        assert_eq!(
            rewrite,
            "Switch(StripSpaces([ext]), Join(\";ext=\", Append(\"tel:\", StripSpaces([tel])), StripSpaces([ext])), \"\", StripSpaces([tel]))"
        );
        // The rewrite gives the intended value in Entra, without a condition failure.
        let fixed = compile(rewrite)
            .unwrap()
            .evaluate(&source, &EvalContext::default())
            .unwrap();
        assert_eq!(fixed.outcome(), Outcome::Flows(&s("+13178723000")));
        // With an extension present there is no failure.
        let with_ext =
            SourceAttributes::from_json(&json!({"tel": "+1 317 872 3000", "ext": "105"})).unwrap();
        let ev = compile(text)
            .unwrap()
            .evaluate(&with_ext, &EvalContext::default())
            .unwrap();
        assert_eq!(ev.outcome(), Outcome::Flows(&s("tel:+13178723000;ext=105")));
    }

    #[test]
    fn in_str() {
        assert_eq!(eval("InStr(\"repEated\",\"e\",3,vbBinaryCompare)"), s("7"));
        assert_eq!(eval("InStr(\"repEated\",\"e\",3,vbTextCompare)"), s("4"));
        assert_eq!(eval("InStr([s], \"z\")"), s("0"));
        assert_eq!(eval("InStr([n], \"z\")"), Value::Null);
        assert_eq!(eval("InStr([e], \"z\")"), s("0"));
        assert!(fails("InStr([s], \"a\", 1, \"fuzzy\")").contains("compareType"));
    }

    #[test]
    fn is_null_family() {
        for (expr, expect) in [
            ("IsNull([n])", "True"),
            ("IsNull([e])", "False"),
            ("IsNull([m])", "False"),
            ("IsNullOrEmpty([n])", "True"),
            ("IsNullOrEmpty([e])", "True"),
            ("IsNullOrEmpty([m])", "False"),
            ("IsPresent([n])", "False"),
            ("IsPresent([e])", "False"),
            ("IsPresent([s])", "True"),
            ("IsString([s])", "True"),
            ("IsString([e])", "True"),
            ("IsString([n])", "False"),
        ] {
            assert_eq!(eval(expr), s(expect), "{expr}");
        }
    }

    #[test]
    fn item() {
        assert_eq!(eval("Item([m], 2)"), s("y"));
        assert_eq!(eval("Item([s], 1)"), s("a b"));
        assert_eq!(eval("Item([n], 1)"), Value::Null);
        assert!(fails("Item([m], 4)").contains("past the end"));
        assert!(fails("Item([m], 0)").contains("counts from 1"));
    }

    #[test]
    fn join() {
        assert_eq!(eval("Join(\",\", [m], [s])"), s("x,y,x,a b"));
        assert_eq!(eval("Join(\",\", [n], [e], [s])"), s("a b"));
        assert_eq!(eval("Join(\",\", [n], [e])"), s(""));
        assert_eq!(eval("Join([n], \"a\", \"b\")"), s("ab"));
    }

    #[test]
    fn left() {
        assert_eq!(eval("Left([s], 1)"), s("a"));
        assert_eq!(eval("Left([n], 1)"), s(""));
        assert_eq!(eval("Left([e], 5)"), s(""));
        assert_eq!(eval("Left([one], 3)"), s("sol"));
    }

    #[test]
    fn len() {
        assert_eq!(eval("Len([s])"), s("3"));
        assert_eq!(eval("Len(42568.75)"), s("8"));
        assert_eq!(eval("Len([n])"), s("0"));
        assert_eq!(eval("Len([e])"), s("0"));
        assert_eq!(
            eval("Len(\"é😀\")"),
            s("3"),
            "UTF-16 code units, as .NET counts"
        );
        assert_eq!(eval("IIF(Len([s]) <= 5, \"short\", \"long\")"), s("short"));
        assert!(fails("Len([m])").contains("3 values"));
    }

    #[test]
    fn default_domain() {
        let e = compile("Append(\"j.smith@\", DefaultDomain())").unwrap();
        let none = SourceAttributes::new();
        let err = e.evaluate(&none, &EvalContext::default()).unwrap_err();
        assert!(
            err.message.starts_with("DefaultDomain: "),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("no default verified domain"),
            "{}",
            err.message
        );
        let ctx = EvalContext::default().with_default_domain("contoso.com");
        assert_eq!(
            e.evaluate(&none, &ctx).unwrap().value,
            s("j.smith@contoso.com")
        );
    }

    #[test]
    fn mid() {
        assert_eq!(eval("Mid([s], 3, 1)"), s("b"));
        assert_eq!(eval("Mid([n], 1, 1)"), Value::Null);
        assert_eq!(eval("Mid([e], 1, 1)"), s(""));
        assert!(fails("Mid([m], 1, 1)").contains("values"));
    }

    #[test]
    fn normalize_diacritics() {
        assert_eq!(
            eval("NormalizeDiacritics(\"Zoë Łukasz Øre\")"),
            s("Zoe Lukasz OEre")
        );
        assert_eq!(eval("NormalizeDiacritics([n])"), Value::Null);
        assert_eq!(eval("NormalizeDiacritics([e])"), s(""));
    }

    #[test]
    fn not() {
        assert_eq!(eval("Not(\"True\")"), s("False"));
        assert_eq!(eval("Not(\"true\")"), s("False"));
        assert_eq!(eval("Not(\"False\")"), s("True"));
        assert_eq!(eval("Not([n])"), s("True"));
        assert_eq!(eval("Not([e])"), s("True"));
    }

    #[test]
    fn now() {
        assert_eq!(eval("Now()"), s("1/1/2024 12:00:00 AM"));
    }

    #[test]
    fn num_from_date() {
        assert_eq!(
            eval("NumFromDate(\"2012-01-01T23:00:00Z\")"),
            s("129699324000000000")
        );
        assert_eq!(eval("NumFromDate([n])"), Value::Null);
        assert!(!fails("NumFromDate([e])").is_empty());
    }

    #[test]
    fn pcase() {
        assert_eq!(
            eval("PCase(\"PABLO GONSALVES (SECOND)\")"),
            s("Pablo Gonsalves (Second)")
        );
        assert_eq!(
            eval("PCase(\"PINTO-DE'SILVA\", \" '-\")"),
            s("Pinto-De'Silva")
        );
        assert_eq!(eval("PCase([n])"), Value::Null);
        assert_eq!(eval("PCase([e])"), s(""));
    }

    #[test]
    fn random_string() {
        let Value::Str(r) = eval("RandomString(10, 2, 2, 2, 2, \"?,\")") else {
            panic!()
        };
        assert_eq!(r.chars().count(), 10);
        assert!(!r.contains('?') && !r.contains(','));
        assert!(!fails("RandomString(3, 2, 2, 0, 0)").is_empty());
        assert!(fails("RandomString([n], 0, 0, 0, 0)").contains("null"));
    }

    #[test]
    fn redact() {
        assert_eq!(eval("Redact([s])"), s("a b"));
        assert_eq!(eval("Redact([n])"), Value::Null);
    }

    #[test]
    fn remove_duplicates() {
        assert_eq!(
            eval("RemoveDuplicates([m])"),
            Value::List(vec!["x".into(), "y".into()])
        );
        assert_eq!(eval("RemoveDuplicates([s])"), s("a b"));
        assert_eq!(eval("RemoveDuplicates([n])"), Value::Null);
    }

    #[test]
    fn replace() {
        assert_eq!(eval("Replace([s], \" \", , , \"_\", , )"), s("a_b"));
        assert_eq!(eval("Replace([n], \" \", , , \"_\", , )"), Value::Null);
        assert_eq!(eval("Replace([e], \" \", , , \"_\", , )"), s(""));
        let v = eval_with(
            "Replace([tel], , \"\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})\", \"phoneNumber\", , \"mob\", )",
            json!({"tel": "", "mob": "+91 8887779999"}),
        );
        assert_eq!(
            v,
            Ok(s("8887779999")),
            "a quoted attribute name is looked up"
        );
        assert!(!fails("Replace([s], , \"(\", , \"x\", , )").is_empty());
    }

    #[test]
    fn select_unique_value() {
        assert_eq!(eval("SelectUniqueValue([n], [e], [s])"), s("a b"));
        let source = SourceAttributes::from_json(&json!({"a": "J.Smith"})).unwrap();
        let mut ctx = EvalContext::default();
        ctx.taken.insert("j.smith".into());
        let e = compile("SelectUniqueValue([a], \"x\")").unwrap();
        assert_eq!(
            e.evaluate(&source, &ctx).unwrap().value,
            s("x"),
            "taken is case-insensitive"
        );
        ctx.taken.insert("X".into());
        assert!(e
            .evaluate(&source, &ctx)
            .unwrap_err()
            .message
            .contains("escrows"));
    }

    #[test]
    fn single_app_role_assignment() {
        assert_eq!(eval("SingleAppRoleAssignment([one])"), s("solo"));
        assert_eq!(eval("SingleAppRoleAssignment([m])"), s("x"));
        assert_eq!(eval("SingleAppRoleAssignment([n])"), Value::Null);
    }

    #[test]
    fn split() {
        assert_eq!(
            eval("Split(\"a,b\", \",\")"),
            Value::List(vec!["a".into(), "b".into()])
        );
        assert_eq!(eval("Split([n], \",\")"), Value::Null);
        assert_eq!(eval("Count(Split([s], \" \"))"), s("2"));
    }

    #[test]
    fn strip_spaces() {
        assert_eq!(eval("StripSpaces(\"+1 317 872 3000\")"), s("+13178723000"));
        assert_eq!(eval("StripSpaces([n])"), Value::Null);
        assert_eq!(eval("StripSpaces([e])"), s(""));
        assert!(fails("StripSpaces([m])").contains("values"));
    }

    #[test]
    fn switch() {
        assert_eq!(eval("Switch([s], \"d\", \"a b\", \"hit\")"), s("hit"));
        assert_eq!(
            eval("Switch([s], \"d\", \"A B\", \"hit\")"),
            s("d"),
            "case-sensitive"
        );
        assert_eq!(eval("Switch([n], \"d\", \"\", \"empty\")"), s("empty"));
        assert_eq!(eval("Switch([e], \"d\", \"\", \"empty\")"), s("empty"));
        assert_eq!(eval("Switch([s], , \"x\", \"y\")"), Value::Null);
        assert_eq!(
            eval("Switch([one], \"d\", \"solo\", \"single\")"),
            s("single")
        );
    }

    #[test]
    fn to_lower_and_upper() {
        assert_eq!(eval("ToLower(\"ABC\")"), s("abc"));
        assert_eq!(eval("ToUpper(\"abc\", )"), s("ABC"));
        assert_eq!(eval("ToUpper(\"i\", \"tr-TR\")"), s("İ"));
        assert_eq!(eval("ToLower([n])"), Value::Null);
        assert_eq!(eval("ToUpper([e])"), s(""));
    }

    #[test]
    fn word() {
        assert_eq!(eval("Word(\"The quick brown fox\",3,\" \")"), s("brown"));
        assert_eq!(eval("Word([n], 1, \" \")"), s(""));
        assert_eq!(eval("Word([s], 0, \" \")"), s(""));
        assert_eq!(eval("Word([e], 1, \" \")"), s(""));
    }

    #[test]
    fn attribute_case_mismatch_warns() {
        let source = SourceAttributes::from_json(&json!({"department": "Sales"})).unwrap();
        let ev = compile("[Department]")
            .unwrap()
            .evaluate(&source, &EvalContext::default())
            .unwrap();
        assert_eq!(ev.value, Value::Null);
        assert!(ev.warnings[0].message.contains("[department]"));
    }

    #[test]
    fn trace_records_every_call() {
        let source = SourceAttributes::from_json(&json!({"tel": "+1 2"})).unwrap();
        let ctx = EvalContext::default().with_trace();
        let ev = compile("Join(\";ext=\", \"tel:\", StripSpaces([tel]))")
            .unwrap()
            .evaluate(&source, &ctx)
            .unwrap();
        let trace = ev.trace.unwrap();
        assert_eq!(trace.label, "Join");
        assert_eq!(trace.value, s("tel:;ext=+12"));
        assert_eq!(trace.children.len(), 3);
        assert_eq!(trace.children[2].label, "StripSpaces");
        assert_eq!(trace.children[2].children[0].value, s("+1 2"));
    }
}
