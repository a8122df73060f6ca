//! Microsoft Graph input: a `user` object as Graph Explorer returns it, read the way Entra's
//! provisioning engine sees it.

pub mod lifecycle;
pub mod region;
pub mod user;

pub use lifecycle::Lifecycle;
pub use region::phone_region;
pub use user::{read_user, read_user_with, GraphUser, ManagerRef, NameMapping, Names, UserInput};
