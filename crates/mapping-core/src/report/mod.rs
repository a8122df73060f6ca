//! The report an admin reads: every finding about a mapping set and a user, merged from lint,
//! the create preview and the update preview, ranked (errors first, then by row) and without
//! repeats; and each phone value's suggested fix, composed with what its row already does.
//!
//! The playground's Problems and Phones panels and the `scim-map preview`, `patch` and `lint`
//! commands all read this module, so the page and the command line say the same thing in the
//! same order.

mod findings;
mod phones;

pub use findings::{merge, rank};
pub use phones::{compose_suggestion, phone_suggestion};
