//! The go-live check: what Entra will do to a whole directory before provisioning is switched
//! on. Users stream in from [`readers`] one at a time; [`scope`] decides who is provisioned;
//! [`matching`] finds them among the users Genesys already holds; [`check`] runs the
//! provisioning engine on each and records the outcome; [`summary`] adds everything up; and
//! [`report`] writes it for people, scripts, spreadsheets and change tickets.
//!
//! Driving it incrementally (a CLI loop or a Web Worker): build a [`check::Checker`] once
//! (mappings compiled, existing users indexed), feed it users with [`check::Checker::check`]
//! (cancel by simply not feeding more), read [`check::Checker::progress`] at any time, and
//! finish with [`check::Checker::finish`] for the [`summary::Summary`].

pub mod after;
pub mod check;
pub mod matching;
pub mod position;
pub mod readers;
pub mod report;
pub mod sample;
pub mod scope;
pub mod summary;

pub use position::{Position, ReadError};
