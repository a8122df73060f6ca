//! The editors' state machines. Each takes events (a key, an input, a scroll, a paste) with what
//! the box holds, changes its state, and returns commands for the component to apply to the DOM
//! (set the text, select a range, stop the browser's default). The components do nothing else,
//! so every editing decision is tested here without a browser.

pub mod autocomplete;
pub mod long_text;

/// A key press as the editors need it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Key {
    /// `KeyboardEvent.key`: `"a"`, `"Enter"`, `"ArrowDown"`, `" "`…
    pub key: String,
    /// Ctrl held.
    pub ctrl: bool,
    /// ⌘ on a Mac.
    pub meta: bool,
    /// Shift held.
    pub shift: bool,
}

impl Key {
    /// A key without modifiers.
    pub fn plain(key: &str) -> Self {
        Key {
            key: key.into(),
            ..Key::default()
        }
    }

    /// The key with Ctrl held.
    pub fn ctrl(key: &str) -> Self {
        Key {
            key: key.into(),
            ctrl: true,
            ..Key::default()
        }
    }

    /// Ctrl, or ⌘ on a Mac.
    pub fn command(&self) -> bool {
        self.ctrl || self.meta
    }

    /// Whether this is the command shortcut for `letter` (Ctrl+A, ⌘C…).
    pub fn shortcut(&self, letter: &str) -> bool {
        self.command() && self.key.eq_ignore_ascii_case(letter)
    }

    /// Control, Meta, Shift or Alt on its own.
    pub fn is_modifier(&self) -> bool {
        matches!(self.key.as_str(), "Control" | "Meta" | "Shift" | "Alt")
    }
}
