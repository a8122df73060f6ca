//! One HTTP request Entra sends to the SCIM endpoint.

use serde::Serialize;
use serde_json::Value as Json;

/// One request Entra sends: method, path, body, and why it sends it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScimRequest {
    /// The HTTP method in upper case: `GET`, `POST`, `PATCH` or `DELETE`.
    pub method: &'static str,
    /// Relative to the Tenant URL, e.g. `/Users?filter=userName eq "a@b.com"`.
    pub path: String,
    /// The JSON body, for `POST` and `PATCH`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Json>,
    /// Why Entra sends it, in words.
    pub purpose: String,
}

impl ScimRequest {
    /// A request with these parts.
    pub fn new(
        method: &'static str,
        path: impl Into<String>,
        body: Option<Json>,
        purpose: impl Into<String>,
    ) -> Self {
        ScimRequest {
            method,
            path: path.into(),
            body,
            purpose: purpose.into(),
        }
    }

    /// `METHOD path` followed by the pretty-printed body, as a person reads it.
    pub fn render(&self) -> String {
        let mut out = format!("{} {}\n", self.method, self.path);
        if let Some(body) = &self.body {
            out.push_str(&serde_json::to_string_pretty(body).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}

/// `GET /Users?filter=attr eq "value"`: how Entra looks for an existing user before creating one.
/// The value is a SCIM filter string (RFC 7644 §3.4.2.2: a JSON string), so `\` and `"` in it
/// are escaped.
pub fn match_query(attribute: &str, value: &str) -> ScimRequest {
    ScimRequest::new(
        "GET",
        format!("/Users?filter={attribute} eq \"{}\"", filter_string(value)),
        None,
        format!("Entra looks for an existing Genesys user whose {attribute} matches; none found → create"),
    )
}

/// `value` escaped for a quoted SCIM filter value: backslash first, then the double quote.
pub fn filter_string(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_method_path_and_body() {
        let r = ScimRequest::new("POST", "/Users", Some(json!({"a": 1})), "create");
        assert_eq!(r.render(), "POST /Users\n{\n  \"a\": 1\n}\n");
        assert_eq!(
            match_query("userName", "a\"b@c").path,
            "/Users?filter=userName eq \"a\\\"b@c\""
        );
    }

    #[test]
    fn the_lookup_filter_escapes_backslashes_and_quotes() {
        assert_eq!(
            match_query("userName", r#"dom\ain"q@c"#).path,
            r#"/Users?filter=userName eq "dom\\ain\"q@c""#
        );
        // A trailing backslash must not swallow the closing quote.
        assert_eq!(
            match_query("userName", r"a\").path,
            r#"/Users?filter=userName eq "a\\""#
        );
    }
}
