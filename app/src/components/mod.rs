//! The page's parts, one per file. Inputs own nothing but their text signal; outputs render
//! slices of the [`crate::report::Report`] memo.

mod diagnostics_view;
mod excerpt_view;
mod expression_input;
mod result_view;
mod trace_view;
mod user_input;

pub use diagnostics_view::DiagnosticsView;
pub use excerpt_view::ExcerptView;
pub use expression_input::ExpressionInput;
pub use result_view::ResultView;
pub use trace_view::TraceView;
pub use user_input::UserInput;
