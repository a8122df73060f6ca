//! The expression editor: a textarea over a coloured copy of its text, with the error marked,
//! and autocomplete for functions and attributes.

mod expression_editor;
mod suggestion_list;

pub use expression_editor::ExpressionEditor;
pub use suggestion_list::SuggestionList;
