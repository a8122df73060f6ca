//! The expression editor's autocomplete: when the list opens, which option is active, what
//! accepting one does to the text. Arrows move, Enter or Tab accept, Escape closes, Ctrl+Space
//! opens; typing re-reads the word at the caret; leaving the box closes the list.

use super::Key;
use crate::view::completion::{self, Context, Suggestion};

/// What the box holds when an event happens.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The box's text.
    pub text: &'a str,
    /// The caret, in bytes.
    pub caret: usize,
    /// The pasted user's attribute names.
    pub names: &'a [String],
}

/// What the component does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Stop the browser's default and the event's propagation.
    Consume,
    /// Place the (now open) list under the caret at this byte offset.
    PlaceList(usize),
    /// Set the box's text and put the caret at this byte offset (a suggestion was accepted).
    Replace {
        /// The whole new text of the box.
        text: String,
        /// Where the caret goes, in bytes.
        caret: usize,
    },
}

/// The autocomplete's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Autocomplete {
    items: Vec<Suggestion>,
    active: usize,
    /// The word being completed and the caret when the list opened.
    context: Option<(Context, usize)>,
}

impl Autocomplete {
    /// Whether the list is open.
    pub fn is_open(&self) -> bool {
        self.context.is_some()
    }

    /// The options shown.
    pub fn items(&self) -> &[Suggestion] {
        &self.items
    }

    /// The active option's place in the list.
    pub fn active(&self) -> usize {
        self.active
    }

    /// The text changed: offers what fits the word at the caret, or closes.
    pub fn on_input(&mut self, input: Input) -> Vec<Command> {
        self.refresh(input, false)
    }

    /// A key in the box.
    pub fn on_key(&mut self, key: &Key, input: Input) -> Vec<Command> {
        if self.is_open() {
            let n = self.items.len().max(1);
            let mut out = vec![Command::Consume];
            match key.key.as_str() {
                "ArrowDown" => self.active = (self.active + 1) % n,
                "ArrowUp" => self.active = (self.active + n - 1) % n,
                "Enter" | "Tab" => out.extend(self.accept(self.active, input.text)),
                "Escape" => self.close(),
                _ => return Vec::new(),
            }
            out
        } else if key.key == " " && key.ctrl {
            let mut out = vec![Command::Consume];
            out.extend(self.refresh(input, true));
            out
        } else {
            Vec::new()
        }
    }

    /// An option clicked.
    pub fn on_pick(&mut self, index: usize, text: &str) -> Vec<Command> {
        self.accept(index, text)
    }

    /// The box lost the focus or was clicked: the list closes.
    pub fn on_leave(&mut self) {
        self.close();
    }

    fn refresh(&mut self, input: Input, forced: bool) -> Vec<Command> {
        let found = completion::context(input.text, input.caret, forced).and_then(|ctx| {
            let list = completion::suggestions(&ctx, input.names);
            (!list.is_empty()).then_some((ctx, list))
        });
        match found {
            Some((ctx, list)) => {
                self.items = list;
                self.active = 0;
                self.context = Some((ctx, input.caret));
                vec![Command::PlaceList(input.caret)]
            }
            None => {
                self.close();
                Vec::new()
            }
        }
    }

    fn accept(&mut self, index: usize, text: &str) -> Vec<Command> {
        let (Some((ctx, caret)), Some(s)) = (self.context.clone(), self.items.get(index)) else {
            return Vec::new();
        };
        let (text, caret) = completion::accept(text, caret, &ctx, s);
        self.close();
        vec![Command::Replace { text, caret }]
    }

    fn close(&mut self) {
        self.context = None;
        self.items.clear();
        self.active = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        vec!["mail".into(), "mailNickname".into(), "department".into()]
    }

    fn input<'a>(text: &'a str, names: &'a [String]) -> Input<'a> {
        Input {
            text,
            caret: text.len(),
            names,
        }
    }

    #[test]
    fn typing_a_function_name_opens_the_list_under_the_caret() {
        let names = names();
        let mut ac = Autocomplete::default();
        let out = ac.on_input(input("Str", &names));
        assert_eq!(out, vec![Command::PlaceList(3)]);
        assert!(ac.is_open());
        assert!(ac.items()[0].label.starts_with("Str"));
        // A word that is done, or a string, closes it.
        assert!(ac.on_input(input("\"Str", &names)).is_empty());
        assert!(!ac.is_open());
    }

    #[test]
    fn arrows_wrap_and_enter_accepts_the_active_option() {
        let names = names();
        let mut ac = Autocomplete::default();
        let text = "Join(\",\", [ma";
        ac.on_input(input(text, &names));
        assert_eq!(ac.items().len(), 2, "{:?}", ac.items());
        ac.on_key(&Key::plain("ArrowUp"), input(text, &names));
        assert_eq!(ac.active(), 1, "wraps to the last");
        ac.on_key(&Key::plain("ArrowDown"), input(text, &names));
        assert_eq!(ac.active(), 0);
        let out = ac.on_key(&Key::plain("Enter"), input(text, &names));
        assert_eq!(
            out,
            vec![
                Command::Consume,
                Command::Replace {
                    text: "Join(\",\", [mail]".into(),
                    caret: 16
                }
            ]
        );
        assert!(!ac.is_open());
    }

    #[test]
    fn keys_pass_through_when_closed_or_not_for_the_list() {
        let names = names();
        let mut ac = Autocomplete::default();
        assert!(ac
            .on_key(&Key::plain("ArrowDown"), input("x", &names))
            .is_empty());
        ac.on_input(input("[de", &names));
        assert!(ac.on_key(&Key::plain("a"), input("[de", &names)).is_empty());
        assert!(ac.is_open(), "typing goes on through on_input");
        assert_eq!(
            ac.on_key(&Key::plain("Escape"), input("[de", &names)),
            vec![Command::Consume]
        );
        assert!(!ac.is_open());
    }

    #[test]
    fn ctrl_space_offers_the_functions_anywhere() {
        let names = names();
        let mut ac = Autocomplete::default();
        let out = ac.on_key(&Key::ctrl(" "), input("", &names));
        assert_eq!(out, vec![Command::Consume, Command::PlaceList(0)]);
        assert!(ac.items().len() > 1);
        ac.on_leave();
        assert!(!ac.is_open() && ac.items().is_empty());
    }

    #[test]
    fn a_click_picks_that_option_and_a_stale_pick_does_nothing() {
        let names = names();
        let mut ac = Autocomplete::default();
        ac.on_input(input("[ma", &names));
        let out = ac.on_pick(1, "[ma");
        assert_eq!(
            out,
            vec![Command::Replace {
                text: "[mailNickname]".into(),
                caret: 14
            }]
        );
        assert!(ac.on_pick(0, "[ma").is_empty(), "closed by the pick");
    }
}
