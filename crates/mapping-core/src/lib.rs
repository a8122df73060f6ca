//! `mapping-core`: Microsoft Entra ID's attribute-mapping expression language, offline.
//!
//! The pipeline is split into rooms, each with one job:
//!
//! * [`expr::lexer`] turns text into tokens with byte spans,
//! * [`expr::parser`] builds the syntax tree ([`expr::ast`]),
//! * [`expr::checker`] rejects what Entra would reject before evaluating (unknown or
//!   mis-cased functions, argument counts, the 10,000-character limit, nested
//!   `SelectUniqueValue`),
//! * [`expr::eval`] evaluates with Entra's semantics against a user's source attributes
//!   ([`source::SourceAttributes`]) and an [`expr::eval::EvalContext`] (clock, randomness,
//!   values already taken in the target), optionally recording a [`expr::trace::TraceNode`] tree.
//!
//! On top of the language, the provisioning engine:
//!
//! * [`graph`] reads a Microsoft Graph user the way Entra's engine sees it,
//! * [`mapping`] holds mapping sets (presets, Graph synchronization schema JSON in and out),
//! * [`provision`] evaluates every row for a user and builds the requests Entra sends
//!   ([`scim`]: `POST /Users`, `PATCH` in both dialects, group membership, `DELETE`),
//! * [`genesys`] knows what Genesys Cloud accepts, [`phone`] analyses phone numbers, and
//!   [`lint`] finds what will go wrong in a mapping set, each as a [`finding::Finding`].
//!
//! Every error is a [`diag::Diagnostic`] value with a byte span and a plain message: no input
//! panics, and nesting deeper than [`expr::MAX_NESTING`] is refused cleanly.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod connect;
pub mod diag;
pub mod directory;
pub mod expr;
pub mod finding;
pub mod genesys;
pub mod graph;
pub mod learn;
pub mod lint;
pub mod mapping;
pub mod memo;
pub mod phone;
pub mod provision;
pub mod report;
pub mod scim;
pub mod source;
pub mod vectors;

pub use diag::{Diagnostic, Span};
pub use expr::{compile, Expression};
pub use finding::{Finding, FindingCode};
pub use source::{SourceAttributes, UserError};
