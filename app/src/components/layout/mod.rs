//! The page's frame: the header and the setup pane (the results pane is in `results`).

mod page_header;
mod setup_pane;

pub use page_header::PageHeader;
pub use setup_pane::SetupPane;
