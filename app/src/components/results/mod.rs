//! The results: requests per lifecycle state, the update PATCH, phones, problems and traces.

mod phones_panel;
mod problems_panel;
mod request_card;
mod requests_panel;
mod results_pane;
mod trace_panel;
mod update_panel;

pub use phones_panel::PhonesPanel;
pub use problems_panel::{jump_to, ProblemsPanel};
pub use request_card::RequestCard;
pub use requests_panel::RequestsPanel;
pub use results_pane::ResultsPane;
pub use trace_panel::TracePanel;
pub use update_panel::UpdatePanel;
