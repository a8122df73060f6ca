//! Small building blocks used across the page.

mod copy_buttons;
mod excerpt_view;
mod notices;
mod tabs;
mod text_input;

pub use copy_buttons::CopyButtons;
pub use excerpt_view::ExcerptView;
pub use notices::Notices;
pub use tabs::{TabList, TabPanel};
pub use text_input::{refuse_paste_into_field, TextInput};
