//! SCIM target attribute paths as Entra writes them in a mapping's target:
//!
//! ```text
//! userName
//! name.givenName
//! emails[type eq "work"].value
//! urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department
//! urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
//! urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:externalIds[authority eq "microsoftteams"].value
//! ```
//!
//! Filter values may be quoted with `"` or `'`. Typographic quotes and other slips are errors
//! with a byte position.

use serde::Serialize;
use std::fmt;

/// The URN of SCIM's core User schema (RFC 7643).
pub const CORE_USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// The URN of SCIM's enterprise User extension (department, manager, …).
pub const ENTERPRISE_USER: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/// The URN of Genesys Cloud's own User extension (external ids, routing skills and languages).
pub const GENESYS_USER: &str = "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User";

/// `[attribute eq "value"]`
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ValueFilter {
    /// The sub-attribute compared, e.g. `type`.
    pub attribute: String,
    /// The value it must equal, without its quotes, e.g. `work`.
    pub value: String,
}

/// A parsed target path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TargetPath {
    /// The extension schema URN, when the path is qualified with one (`None` = core User).
    pub schema: Option<String>,
    /// The top-level attribute, e.g. `emails` or `name`, as written (case kept).
    pub attribute: String,
    /// The `[attribute eq "value"]` filter that picks one element of a multi-valued attribute.
    pub filter: Option<ValueFilter>,
    /// The part after the `.`, e.g. `value` or `givenName`.
    pub sub_attribute: Option<String>,
}

/// A path that could not be read, with the byte offset of the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathError {
    /// Byte offset into the path text where the problem is.
    pub at: usize,
    /// What is wrong, and usually how to write it instead.
    pub message: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte offset {})", self.message, self.at)
    }
}

impl TargetPath {
    /// Parses a target path.
    pub fn parse(text: &str) -> Result<TargetPath, PathError> {
        if let Some(at) = text.find(['“', '”', '‘', '’', '„']) {
            return Err(PathError {
                at,
                message: "typographic quote in the target path: Entra needs straight quotes, as in [type eq \"work\"]".into(),
            });
        }
        let text_trimmed = text.trim();
        if text_trimmed.is_empty() {
            return Err(PathError {
                at: 0,
                message: "the target attribute is empty".into(),
            });
        }
        let offset = text.len() - text.trim_start().len();
        let (head, rest, rest_at) = match text_trimmed.find('[') {
            Some(i) => (&text_trimmed[..i], &text_trimmed[i..], offset + i),
            None => (text_trimmed, "", offset + text_trimmed.len()),
        };
        let (schema, attr_path) = split_schema(head);
        let head_at = offset + schema.map_or(0, |s| s.len() + 1);
        let mut path = TargetPath {
            schema: schema.map(str::to_string),
            attribute: String::new(),
            filter: None,
            sub_attribute: None,
        };
        if rest.is_empty() {
            let (attribute, sub) = match attr_path.split_once('.') {
                Some((a, s)) => (a, Some(s)),
                None => (attr_path, None),
            };
            path.attribute = name(attribute, head_at)?.to_string();
            path.sub_attribute = sub
                .map(|s| name(s, head_at + attribute.len() + 1).map(str::to_string))
                .transpose()?;
            return Ok(path);
        }
        path.attribute = name(attr_path, head_at)?.to_string();
        let close = rest.find(']').ok_or(PathError {
            at: rest_at,
            message: "the value filter is never closed: add `]`".into(),
        })?;
        path.filter = Some(parse_filter(&rest[1..close], rest_at + 1)?);
        let after = &rest[close + 1..];
        let after_at = rest_at + close + 1;
        if !after.is_empty() {
            let Some(sub) = after.strip_prefix('.') else {
                return Err(PathError {
                    at: after_at,
                    message: "expected `.subAttribute` after the filter".into(),
                });
            };
            path.sub_attribute = Some(name(sub, after_at + 1)?.to_string());
        }
        Ok(path)
    }

    /// The schema the attribute belongs to.
    pub fn schema_urn(&self) -> &str {
        self.schema.as_deref().unwrap_or(CORE_USER)
    }

    /// Whether the path lives in an extension schema (and so under its URN key in a body).
    pub fn is_extension(&self) -> bool {
        self.schema
            .as_deref()
            .is_some_and(|s| !s.eq_ignore_ascii_case(CORE_USER))
    }

    /// The path as Entra writes it in a PATCH operation (double quotes in the filter).
    pub fn to_patch_path(&self) -> String {
        let mut out = String::new();
        if let Some(schema) = &self.schema {
            out.push_str(schema);
            out.push(':');
        }
        out.push_str(&self.attribute);
        if let Some(f) = &self.filter {
            out.push_str(&format!("[{} eq \"{}\"]", f.attribute, f.value));
        }
        if let Some(sub) = &self.sub_attribute {
            out.push('.');
            out.push_str(sub);
        }
        out
    }

    /// The same attribute ignoring case and quote style, for "two rows for one target".
    pub fn key(&self) -> String {
        self.to_patch_path().to_ascii_lowercase()
    }
}

impl fmt::Display for TargetPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_patch_path())
    }
}

/// `urn:…:User:attr.sub` → (`Some("urn:…:User")`, `attr.sub`). The attribute is what follows
/// the last `:`.
fn split_schema(head: &str) -> (Option<&str>, &str) {
    if head
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case("urn:"))
    {
        if let Some(i) = head.rfind(':') {
            return (Some(&head[..i]), &head[i + 1..]);
        }
    }
    (None, head)
}

fn name(text: &str, at: usize) -> Result<&str, PathError> {
    if text.is_empty() {
        return Err(PathError {
            at,
            message: "an attribute name is missing".into(),
        });
    }
    match text
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '-'))
    {
        Some((i, c)) => Err(PathError {
            at: at + i,
            message: format!("`{c}` cannot appear in an attribute name"),
        }),
        None => Ok(text),
    }
}

/// `type eq "work"` (or `'work'`).
fn parse_filter(text: &str, at: usize) -> Result<ValueFilter, PathError> {
    let word = |s: &str| -> (String, String) {
        let s = s.trim_start();
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        (s[..end].to_string(), s[end..].to_string())
    };
    let (attribute, rest) = word(text);
    let (op, value) = word(&rest);
    let (attribute, op) = (attribute.as_str(), op.as_str());
    if attribute.is_empty() || op.is_empty() || value.trim().is_empty() {
        return Err(PathError {
            at,
            message: "a value filter reads [attribute eq \"value\"]".into(),
        });
    }
    if !op.eq_ignore_ascii_case("eq") {
        return Err(PathError {
            at: at + text.find(op).unwrap_or(0),
            message: format!("Entra only uses `eq` in target paths, not `{op}`"),
        });
    }
    let value = value.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)));
    let Some(unquoted) = unquoted else {
        return Err(PathError {
            at: at + text.find(value).unwrap_or(0),
            message: format!("the filter value {value} must be quoted, as in \"work\" (a quote is missing or mismatched)"),
        });
    };
    Ok(ValueFilter {
        attribute: name(attribute, at + text.find(attribute).unwrap_or(0))?.to_string(),
        value: unquoted.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> TargetPath {
        TargetPath::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn simple_and_dotted() {
        let t = p("userName");
        assert_eq!(
            (t.schema, t.attribute.as_str(), t.filter, t.sub_attribute),
            (None, "userName", None, None)
        );
        let t = p("name.givenName");
        assert_eq!(t.attribute, "name");
        assert_eq!(t.sub_attribute.as_deref(), Some("givenName"));
    }

    #[test]
    fn filtered_with_either_quote() {
        for text in [
            "phoneNumbers[type eq \"work\"].value",
            "phoneNumbers[type eq 'work'].value",
            "phoneNumbers[type  EQ \"work\"].value",
        ] {
            let t = p(text);
            assert_eq!(t.attribute, "phoneNumbers");
            assert_eq!(
                t.filter,
                Some(ValueFilter {
                    attribute: "type".into(),
                    value: "work".into()
                })
            );
            assert_eq!(t.sub_attribute.as_deref(), Some("value"));
            assert_eq!(t.to_patch_path(), "phoneNumbers[type eq \"work\"].value");
        }
    }

    #[test]
    fn extension_urns() {
        let t = p("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        assert_eq!(t.schema.as_deref(), Some(ENTERPRISE_USER));
        assert_eq!(t.attribute, "department");
        assert!(t.is_extension());
        let t = p("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
        assert_eq!(
            (t.attribute.as_str(), t.sub_attribute.as_deref()),
            ("manager", Some("value"))
        );
        let t = p("urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User:externalIds[authority eq \"microsoftteams\"].value");
        assert_eq!(t.schema.as_deref(), Some(GENESYS_USER));
        assert_eq!(t.attribute, "externalIds");
        assert_eq!(t.filter.as_ref().unwrap().value, "microsoftteams");
        let t = p("urn:ietf:params:scim:schemas:core:2.0:User:userName");
        assert!(!t.is_extension());
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = TargetPath::parse("phoneNumbers[type eq “work”].value").unwrap_err();
        assert_eq!(e.at, "phoneNumbers[type eq ".len());
        assert!(e.message.contains("typographic"));
        let e =
            TargetPath::parse("urn:x:User:externalIds[authority eq 'zoomphone].value").unwrap_err();
        assert!(e.message.contains("quoted"), "{e}");
        let e = TargetPath::parse("emails[type eq \"work\"").unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = TargetPath::parse("emails[type co \"work\"].value").unwrap_err();
        assert!(e.message.contains("only uses `eq`"));
        let e = TargetPath::parse("emails[type eq \"work\"]value").unwrap_err();
        assert!(e.message.contains("subAttribute"));
        assert!(TargetPath::parse("  ").is_err());
        assert!(TargetPath::parse("user name").is_err());
    }

    #[test]
    fn keys_ignore_case_and_quotes() {
        assert_eq!(
            p("Emails[type eq 'work'].value").key(),
            p("emails[TYPE eq \"work\"].Value").key()
        );
    }

    #[test]
    fn a_multi_byte_character_near_the_start_is_not_a_panic() {
        // Found by the target_path fuzz target: `head[..4]` cut inside `ڢ`.
        assert!(TargetPath::parse("Itk\u{6a2}es[\ne eq \u{13}ei\"-ve").is_err());
        assert_eq!(p("uré").to_patch_path(), "uré");
    }
}
