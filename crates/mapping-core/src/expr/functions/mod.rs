//! The implementations behind Entra's functions, as plain Rust over strings.
//!
//! Nothing here knows about the syntax tree: the evaluator (`super::eval`) resolves arguments to
//! values and calls into these modules. Errors are plain messages; the evaluator adds the span.

pub mod budget;
pub mod dates;
pub mod diacritics;
pub mod random;
pub mod replace;
pub mod text;
