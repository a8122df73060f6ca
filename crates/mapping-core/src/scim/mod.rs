//! SCIM 2.0 on the wire, as Entra's provisioning client writes it: target paths, `POST /Users`
//! bodies, `PATCH` operations in both of Entra's dialects, and the requests themselves.

pub mod body;
pub mod patch;
pub mod path;
pub mod request;
pub mod roles;

pub use patch::Dialect;
pub use path::TargetPath;
pub use request::ScimRequest;
