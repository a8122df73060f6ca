//! What the page starts with: example expressions from the Genesys Cloud SCIM article and a
//! realistic user.

/// `(label, expression)` pairs offered in the examples list.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("Active: Not([IsSoftDeleted])", "Not([IsSoftDeleted])"),
    (
        "Work phone without spaces",
        "StripSpaces([telephoneNumber])",
    ),
    (
        "Extension as a tel: URI",
        r#"Join(";ext=", "tel:", StripSpaces([extensionAttribute1]))"#,
    ),
    (
        "Phone with extension only when there is one (IIF)",
        r#"IIF(IsNullOrEmpty(StripSpaces([extensionAttribute1])), StripSpaces([telephoneNumber]), Join(";ext=", Append("tel:", StripSpaces([telephoneNumber])), StripSpaces([extensionAttribute1])))"#,
    ),
];

/// The expression the page opens with.
pub const INITIAL_EXPRESSION: &str = "StripSpaces([telephoneNumber])";

/// The user the page opens with: flat source attributes as Entra's provisioning engine names them.
pub const SAMPLE_USER: &str = r#"{
  "userPrincipalName": "ada.lovelace@contoso.com",
  "displayName": "Ada Lovelace",
  "mail": "ada.lovelace@contoso.com",
  "telephoneNumber": "+1 317 872 3000",
  "mobile": "+1 317 555 0142",
  "department": "Customer Care",
  "jobTitle": "Contact Center Agent",
  "IsSoftDeleted": "False",
  "extensionAttribute1": "105",
  "proxyAddresses": [
    "SMTP:ada.lovelace@contoso.com",
    "smtp:ada@contoso.onmicrosoft.com"
  ]
}"#;
