//! One module per subcommand.

pub mod check;
pub mod connect;
pub mod eval;
pub mod functions;
pub mod lesson;
pub mod lint;
pub mod phone;
pub mod preview;
pub mod schema;
pub mod vectors;
