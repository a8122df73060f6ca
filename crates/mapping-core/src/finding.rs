//! A finding about a mapping set or a preview: a Genesys rule, a lint rule, a warning about what
//! Entra will (not) send. Each points at a row of the mapping set (and a span of its text) when
//! it is about one.

use crate::diag::{Severity, Span};
use serde::{Deserialize, Serialize};

/// Which part of a row a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// The target attribute path.
    Target,
    /// The source: attribute name, constant or expression text, by the row's kind.
    Source,
    /// The "Default value if null".
    DefaultValue,
    /// The row as a whole (its flow type, its matching precedence…).
    Row,
}

/// A stable identifier of a finding, for filtering, counting and documentation. It is written
/// (and serialized) in kebab case, e.g. `iif-null-condition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingCode {
    /// `required-attribute`: a Genesys-required attribute has no value for this user.
    RequiredAttribute,
    /// `username-not-email`: userName is not an email address.
    UsernameNotEmail,
    /// `phone-rejected`: a phone value Genesys is likely to reject.
    PhoneRejected,
    /// `phone-extension-only`: a phone value that is only an extension.
    PhoneExtensionOnly,
    /// `email-other-read-only`: an email of type other, which Genesys treats as read-only.
    EmailOtherReadOnly,
    /// `email-type`: an email type Genesys does not accept.
    EmailType,
    /// `division-by-name`: a division given by name, which must already exist.
    DivisionByName,
    /// `division-is-name`: a division value that is not a division name.
    DivisionIsName,
    /// `external-id-authority`: an external id authority Genesys does not know.
    ExternalIdAuthority,
    /// `routing-limit`: more routing entries than Genesys accepts.
    RoutingLimit,
    /// `duplicate-target`: two rows write the same target.
    DuplicateTarget,
    /// `typographic-quote`: a typographic quote where a straight quote belongs.
    TypographicQuote,
    /// `target-path`: a target path that does not parse.
    TargetPath,
    /// `unknown-target`: Genesys has no such user attribute.
    UnknownTarget,
    /// `phone-type`: a phone type Genesys does not accept.
    PhoneType,
    /// `expression`: an expression that does not parse or check.
    Expression,
    /// `default-create-only`: a default value is only used on create.
    DefaultCreateOnly,
    /// `never-cleared`: Genesys keeps the old value when the source becomes empty.
    NeverCleared,
    /// `unsupported-function`: a function Entra supports only for other targets.
    UnsupportedFunction,
    /// `switch-on-reference`: Switch over a reference attribute.
    SwitchOnReference,
    /// `iif-null-check`: an IIF that tests for null or empty.
    IifNullCheck,
    /// `required-target`: no row writes a required target.
    RequiredTarget,
    /// `no-matching-attribute`: no row has a matching precedence.
    NoMatchingAttribute,
    /// `matching-not-filterable`: a matching row Genesys cannot filter on.
    MatchingNotFilterable,
    /// `multi-valued-into-single`: a multi-valued value flowing into a single-valued target.
    MultiValuedIntoSingle,
    /// `boolean-target`: a non-Boolean value for a Boolean target.
    BooleanTarget,
    /// `manager-not-provisioned`: the manager is not known to be provisioned.
    ManagerNotProvisioned,
    /// `no-disable`: nothing maps active, so a disable sends nothing.
    NoDisable,
    /// `evaluation`: an expression that fails for this user.
    Evaluation,
    /// `iif-null-condition`: an IIF condition over an empty attribute, which Entra fails.
    IifNullCondition,
    /// `attribute-case`: an attribute named in another case than the user's.
    AttributeCase,
    /// `group-not-in-genesys`: a group the user belongs to that Genesys does not have.
    GroupNotInGenesys,
    /// `cleared-value-kept`: an update leaves a stale value in Genesys.
    ClearedValueKept,
    /// `switch-on-update`: a `Switch` row applied on updates, which Microsoft cautions may be
    /// evaluated as null when another attribute changes.
    SwitchOnUpdate,
    /// `group-create-delete`: the group objectMapping has Create or Delete on, which Genesys
    /// Cloud cannot do.
    GroupCreateDelete,
    /// `group-mapping`: the group objectMapping cannot be read.
    GroupMapping,
    /// `no-matching-value`: the user has no value for any matching attribute, so Entra skips it.
    NoMatchingValue,
    /// `match-conflict`: several Genesys users match one directory user (Entra fails it as duplicate target entries).
    MatchConflict,
    /// `duplicate-source`: several directory users match the same Genesys user or share a matching value.
    DuplicateSource,
    /// `inactive-match`: the user matches an inactive Genesys user, which a userName query may not return (then the create gets 409).
    InactiveMatch,
    /// `disabled-not-created`: a disabled user that is not in Genesys: Entra does not create disabled users.
    DisabledNotCreated,
    /// `out-of-scope`: the user is not assigned or fails the scoping filters.
    OutOfScope,
    /// `after-mapping-change`: the mapping change about to be saved changes this user's attributes on the next cycle.
    AfterMappingChange,
}

impl FindingCode {
    /// Every code, in declaration order.
    pub const ALL: &'static [FindingCode] = &[
        FindingCode::RequiredAttribute,
        FindingCode::UsernameNotEmail,
        FindingCode::PhoneRejected,
        FindingCode::PhoneExtensionOnly,
        FindingCode::EmailOtherReadOnly,
        FindingCode::EmailType,
        FindingCode::DivisionByName,
        FindingCode::DivisionIsName,
        FindingCode::ExternalIdAuthority,
        FindingCode::RoutingLimit,
        FindingCode::DuplicateTarget,
        FindingCode::TypographicQuote,
        FindingCode::TargetPath,
        FindingCode::UnknownTarget,
        FindingCode::PhoneType,
        FindingCode::Expression,
        FindingCode::DefaultCreateOnly,
        FindingCode::NeverCleared,
        FindingCode::UnsupportedFunction,
        FindingCode::SwitchOnReference,
        FindingCode::IifNullCheck,
        FindingCode::RequiredTarget,
        FindingCode::NoMatchingAttribute,
        FindingCode::MatchingNotFilterable,
        FindingCode::MultiValuedIntoSingle,
        FindingCode::BooleanTarget,
        FindingCode::ManagerNotProvisioned,
        FindingCode::NoDisable,
        FindingCode::Evaluation,
        FindingCode::IifNullCondition,
        FindingCode::AttributeCase,
        FindingCode::GroupNotInGenesys,
        FindingCode::ClearedValueKept,
        FindingCode::SwitchOnUpdate,
        FindingCode::GroupCreateDelete,
        FindingCode::GroupMapping,
        FindingCode::NoMatchingValue,
        FindingCode::MatchConflict,
        FindingCode::DuplicateSource,
        FindingCode::InactiveMatch,
        FindingCode::DisabledNotCreated,
        FindingCode::OutOfScope,
        FindingCode::AfterMappingChange,
    ];

    /// The kebab-case name, e.g. `iif-null-condition`.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::RequiredAttribute => "required-attribute",
            FindingCode::UsernameNotEmail => "username-not-email",
            FindingCode::PhoneRejected => "phone-rejected",
            FindingCode::PhoneExtensionOnly => "phone-extension-only",
            FindingCode::EmailOtherReadOnly => "email-other-read-only",
            FindingCode::EmailType => "email-type",
            FindingCode::DivisionByName => "division-by-name",
            FindingCode::DivisionIsName => "division-is-name",
            FindingCode::ExternalIdAuthority => "external-id-authority",
            FindingCode::RoutingLimit => "routing-limit",
            FindingCode::DuplicateTarget => "duplicate-target",
            FindingCode::TypographicQuote => "typographic-quote",
            FindingCode::TargetPath => "target-path",
            FindingCode::UnknownTarget => "unknown-target",
            FindingCode::PhoneType => "phone-type",
            FindingCode::Expression => "expression",
            FindingCode::DefaultCreateOnly => "default-create-only",
            FindingCode::NeverCleared => "never-cleared",
            FindingCode::UnsupportedFunction => "unsupported-function",
            FindingCode::SwitchOnReference => "switch-on-reference",
            FindingCode::IifNullCheck => "iif-null-check",
            FindingCode::RequiredTarget => "required-target",
            FindingCode::NoMatchingAttribute => "no-matching-attribute",
            FindingCode::MatchingNotFilterable => "matching-not-filterable",
            FindingCode::MultiValuedIntoSingle => "multi-valued-into-single",
            FindingCode::BooleanTarget => "boolean-target",
            FindingCode::ManagerNotProvisioned => "manager-not-provisioned",
            FindingCode::NoDisable => "no-disable",
            FindingCode::Evaluation => "evaluation",
            FindingCode::IifNullCondition => "iif-null-condition",
            FindingCode::AttributeCase => "attribute-case",
            FindingCode::GroupNotInGenesys => "group-not-in-genesys",
            FindingCode::ClearedValueKept => "cleared-value-kept",
            FindingCode::SwitchOnUpdate => "switch-on-update",
            FindingCode::GroupCreateDelete => "group-create-delete",
            FindingCode::GroupMapping => "group-mapping",
            FindingCode::NoMatchingValue => "no-matching-value",
            FindingCode::MatchConflict => "match-conflict",
            FindingCode::DuplicateSource => "duplicate-source",
            FindingCode::InactiveMatch => "inactive-match",
            FindingCode::DisabledNotCreated => "disabled-not-created",
            FindingCode::OutOfScope => "out-of-scope",
            FindingCode::AfterMappingChange => "after-mapping-change",
        }
    }

    /// The code with this kebab-case name.
    pub fn parse(name: &str) -> Option<FindingCode> {
        Self::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FindingCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        FindingCode::parse(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code {name:?}")))
    }
}

/// One thing worth telling an admin about a mapping set or a previewed user: what, how
/// serious, and where (row, field, span) when it is about one place. Serialized in camelCase,
/// with the absent places left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// A stable identifier such as `iif-null-condition`, for filtering and documentation.
    pub code: FindingCode,
    /// The row of the mapping set (0-based), if the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The part of that row it is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// Byte span in that field's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// What is wrong or worth knowing, in one plain sentence.
    pub message: String,
    /// An optional next step: a fix, a rewrite, where to look.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Finding {
    /// A finding about the set as a whole (no row, field, span or help yet).
    pub fn new(severity: Severity, code: FindingCode, message: impl Into<String>) -> Self {
        Finding {
            severity,
            code,
            row: None,
            field: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// [`Finding::new`] with [`Severity::Error`].
    pub fn error(code: FindingCode, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// [`Finding::new`] with [`Severity::Warning`].
    pub fn warning(code: FindingCode, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// [`Finding::new`] with [`Severity::Info`].
    pub fn info(code: FindingCode, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    /// The same finding placed on `field` of row `row` (0-based).
    pub fn at(mut self, row: usize, field: Field) -> Self {
        self.row = Some(row);
        self.field = Some(field);
        self
    }

    /// The same finding narrowed to `span`, a byte range in the text of its field.
    pub fn span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The same finding with `help` as its next step (replacing any earlier one).
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// One line for a terminal: `warning[code] row 3 target: message (help: …)`.
    pub fn render(&self) -> String {
        let mut out = format!("{}[{}]", self.severity.as_str(), self.code);
        if let Some(row) = self.row {
            out.push_str(&format!(" row {}", row + 1));
        }
        if let Some(field) = self.field {
            let name = match field {
                Field::Target => "target",
                Field::Source => "source",
                Field::DefaultValue => "default",
                Field::Row => "",
            };
            if !name.is_empty() {
                out.push(' ');
                out.push_str(name);
            }
        }
        out.push_str(": ");
        out.push_str(&self.message);
        if let Some(help) = &self.help {
            out.push_str("\n    help: ");
            out.push_str(help);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_one_line_with_help() {
        let f = Finding::warning(FindingCode::NeverCleared, "something")
            .at(2, Field::Target)
            .help("fix it");
        assert_eq!(
            f.render(),
            "warning[never-cleared] row 3 target: something\n    help: fix it"
        );
        assert_eq!(
            Finding::error(FindingCode::Evaluation, "m").render(),
            "error[evaluation]: m"
        );
    }

    #[test]
    fn codes_round_trip_through_their_names() {
        for code in FindingCode::ALL {
            assert_eq!(FindingCode::parse(code.as_str()), Some(*code));
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
        assert_eq!(FindingCode::parse("no-such-code"), None);
    }
}
