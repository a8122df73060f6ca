//! Connect mode: the seed's first steps, offline. The token request built from the region picker
//! and the OAuth client's id and secret (a ready `curl` command and the Postman steps), what
//! Entra's Test Connection sends to the Tenant URL and what a correct answer looks like, and the
//! usual failures. The content comes from `mapping_core::connect`.
//!
//! The client secret lives only in this view's own signal: it is not part of the saved state or
//! share links, and is gone when the view closes.

mod connect_view;
mod copy_text;
mod test_connection;
mod token_request;

pub use connect_view::ConnectView;
