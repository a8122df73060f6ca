//! Genesys Cloud's side: the attributes its SCIM API accepts, its regions, and the checks a
//! request must pass.

pub mod checks;
pub mod regions;
pub mod targets;
