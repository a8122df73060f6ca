//! One module per subcommand.

pub mod eval;
pub mod functions;
pub mod vectors;
