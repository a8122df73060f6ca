//! The long-text (JSON) editor: a text of any size shown through a window of lines in a
//! textarea ([`crate::view::text_window`]), with Ctrl+A, copy, cut, paste and typing acting on
//! the whole text when it is selected, Ctrl+Home/End going to the text's ends, and a selection
//! scrolled out of the window brought back at the next key.
//!
//! The component reads the box through [`TextBox`] and applies the [`Command`]s returned.

use super::Key;
use crate::view::text::{byte_to_utf16, utf16_to_byte};
use crate::view::text_window::{self as tw, Buffer, Window};

/// What the component can read from the textarea and its scroller.
pub trait TextBox {
    /// The textarea's text (the window's lines, as edited).
    fn content(&self) -> String;
    /// The textarea's selection, in UTF-16 offsets.
    fn selection(&self) -> Option<(u32, u32)>;
    /// The textarea's length in UTF-16 units (cheaper than its text).
    fn length(&self) -> usize;
    /// The lines in view: the first, and how many fit.
    fn in_view(&self) -> (usize, usize);
    /// Whether the textarea has the focus.
    fn focused(&self) -> bool;
}

/// What the component does to the DOM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Put `content` in the textarea, select `selection` (UTF-16 offsets in it) and size the
    /// sheet for the window.
    Show {
        /// The window's text.
        content: String,
        /// Selection start and end, in UTF-16 code units of `content`.
        selection: (u32, u32),
    },
    /// Size the sheet for the textarea's text as typed.
    Draw,
    /// Scroll so that this line is in the middle of the view.
    ScrollToLine(usize),
    /// Scroll to the top.
    ScrollToTop,
    /// Select all of the textarea's text (the whole text is selected).
    SelectBox,
    /// Stop the browser's default action.
    PreventDefault,
    /// Put this text on the clipboard.
    Clipboard(String),
    /// The text changed: hand it to the page ([`crate::timing`] says when).
    Changed,
}

/// The editor's state.
#[derive(Debug, Default)]
pub struct LongText {
    buffer: Buffer,
    /// Ctrl+A in a windowed text: copy, cut, typing and pasting act on the whole text.
    all_selected: bool,
    /// A selection scrolled out of the window (whole-text bytes), and where the caret was put
    /// meanwhile (UTF-16 in the textarea).
    detached: Option<((usize, usize), u32)>,
}

impl LongText {
    /// The window the textarea holds.
    pub fn window(&self) -> Window {
        self.buffer.window
    }

    /// Lines of the text outside the window.
    pub fn lines_outside(&self) -> usize {
        self.buffer.starts.len() - self.buffer.window.lines()
    }

    /// The text's length in bytes as of the last splice (edits typed since are not counted:
    /// enough to tell a large text from a small one).
    pub fn len(&self) -> usize {
        self.buffer.text.len()
    }

    /// Whether the text is empty (as of the last splice).
    pub fn is_empty(&self) -> bool {
        self.buffer.text.is_empty()
    }

    /// Whether the whole text is selected.
    pub fn all_selected(&self) -> bool {
        self.all_selected
    }

    /// Whether the window is all of the text.
    pub fn is_whole(&self) -> bool {
        self.buffer.is_whole()
    }

    /// The whole text, with the textarea's edits spliced in.
    pub fn text(&mut self, b: &impl TextBox) -> &str {
        self.commit(b);
        &self.buffer.text
    }

    /// The text was replaced from outside (a sample, a shared link, the first render).
    pub fn on_load(&mut self, text: String, b: &impl TextBox) -> Vec<Command> {
        self.buffer.reset(text);
        self.all_selected = false;
        self.detached = None;
        let (_, count) = b.in_view();
        vec![Command::ScrollToTop, self.show_from(0, count, None, b)]
    }

    /// The view scrolled: the window moves when the view nears its edge.
    pub fn on_scroll(&mut self, b: &impl TextBox) -> Vec<Command> {
        let (top, count) = b.in_view();
        let stale = !tw::covers(&self.buffer.window, self.buffer.starts.len(), top, count);
        if !stale {
            return Vec::new();
        }
        let keep = if b.focused() {
            self.detached
                .map(|(sel, _)| sel)
                .or_else(|| self.selection(b))
        } else {
            None
        };
        vec![self.show_from(top, count, keep, b)]
    }

    /// The textarea's text changed (typing, a drop).
    pub fn on_input(&mut self, b: &impl TextBox) -> Vec<Command> {
        self.all_selected = false;
        self.buffer.dirty = true;
        let len = b.length();
        let mut out = if (self.is_whole() && len > tw::WHOLE_BYTES) || len > 4 * tw::WHOLE_BYTES {
            // A large drop or programmatic fill: window it before the browser lays it out.
            let caret = self.selection(b);
            self.commit(b);
            caret.map(|sel| self.reveal(sel, b)).unwrap_or_default()
        } else {
            vec![Command::Draw]
        };
        out.push(Command::Changed);
        out
    }

    /// A key, before it acts.
    pub fn on_key(&mut self, key: &Key, b: &impl TextBox) -> Vec<Command> {
        let windowed = !self.is_whole();
        if key.shortcut("a") && windowed {
            self.all_selected = true;
            return vec![Command::PreventDefault, Command::SelectBox];
        }
        // Ctrl+Home and Ctrl+End go to the text's ends, not the window's.
        if key.command() && !key.shift && windowed && matches!(key.key.as_str(), "Home" | "End") {
            self.all_selected = false;
            let at = if key.key == "Home" {
                0
            } else {
                self.text(b).len()
            };
            let mut out = vec![Command::PreventDefault];
            out.extend(self.reveal((at, at), b));
            return out;
        }
        // Keys that act on the selection keep it whole (the input and clipboard handlers do
        // the work); arrows, Home, Escape… make it the box's own again.
        let acts_on_selection = (key.key.chars().count() == 1 && !key.command())
            || key.is_modifier()
            || matches!(key.key.as_str(), "Backspace" | "Delete" | "Enter")
            || key.shortcut("c")
            || key.shortcut("x")
            || key.shortcut("v");
        if !acts_on_selection {
            self.all_selected = false;
        }
        // The caret was scrolled out of the window: bring it back before the key acts, unless
        // it has been moved since.
        if !key.is_modifier() && !self.all_selected {
            if let Some((sel, placeholder)) = self.detached.take() {
                if b.selection().map(|(s, _)| s) == Some(placeholder) {
                    return self.reveal(sel, b);
                }
            }
        }
        Vec::new()
    }

    /// Copy: the whole text when it is selected; otherwise the browser copies.
    pub fn on_copy(&mut self, b: &impl TextBox) -> Vec<Command> {
        if !self.all_selected {
            return Vec::new();
        }
        vec![
            Command::Clipboard(self.text(b).to_string()),
            Command::PreventDefault,
        ]
    }

    /// Cut: the whole text when it is selected.
    pub fn on_cut(&mut self, b: &impl TextBox) -> Vec<Command> {
        if !self.all_selected {
            return Vec::new();
        }
        let mut out = self.on_copy(b);
        let end = self.text(b).len();
        out.extend(self.replace(0, end, "", b));
        out
    }

    /// A paste of `pasted`: over the whole text when it is selected, and spliced in here when
    /// large (in the textarea the browser would lay all of it out); otherwise the browser
    /// pastes.
    pub fn on_paste(&mut self, pasted: &str, b: &impl TextBox) -> Vec<Command> {
        let range = if self.all_selected {
            Some((0, self.text(b).len()))
        } else if pasted.len() > tw::WHOLE_BYTES / 2 {
            self.commit(b);
            self.selection(b)
        } else {
            None
        };
        match range {
            Some((start, end)) => {
                let mut out = vec![Command::PreventDefault];
                out.extend(self.replace(start, end, pasted, b));
                out
            }
            None => Vec::new(),
        }
    }

    /// An edit about to happen (`InputEvent.inputType`, its `data`): with the whole text
    /// selected, it replaces the whole text.
    pub fn on_before_input(
        &mut self,
        input_type: &str,
        data: Option<&str>,
        b: &impl TextBox,
    ) -> Vec<Command> {
        if !self.all_selected {
            return Vec::new();
        }
        let end = self.text(b).len();
        let with = match input_type {
            "insertText" | "insertReplacementText" => data.unwrap_or_default(),
            "insertLineBreak" | "insertParagraph" => "\n",
            t if t.starts_with("delete") => "",
            _ => return vec![Command::PreventDefault],
        };
        let mut out = vec![Command::PreventDefault];
        out.extend(self.replace(0, end, with, b));
        out
    }

    /// The box lost the focus: a whole-text selection ends.
    pub fn on_blur(&mut self) {
        self.all_selected = false;
    }

    /// A click in the box places the caret there: a whole-text or scrolled-away selection ends.
    pub fn on_mouse_down(&mut self) {
        self.all_selected = false;
        self.detached = None;
    }

    /// Shows byte `offset` of the whole text (a parse error) with the caret on it.
    pub fn go_to(&mut self, offset: usize, b: &impl TextBox) -> Vec<Command> {
        self.commit(b);
        let offset = offset.min(self.buffer.text.len());
        self.reveal((offset, offset), b)
    }

    fn commit(&mut self, b: &impl TextBox) {
        if self.buffer.dirty {
            self.buffer.splice(&b.content());
        }
    }

    /// The textarea's selection as whole-text bytes.
    fn selection(&self, b: &impl TextBox) -> Option<(usize, usize)> {
        let (s, e) = b.selection()?;
        let content = b.content();
        let start = self.buffer.window.start;
        Some((
            start + utf16_to_byte(&content, s),
            start + utf16_to_byte(&content, e),
        ))
    }

    /// Puts the window over the lines from `top`, with the selection `keep` (whole-text
    /// bytes). A selection outside the new window is remembered and brought back at the next
    /// key.
    fn show_from(
        &mut self,
        top: usize,
        count: usize,
        keep: Option<(usize, usize)>,
        b: &impl TextBox,
    ) -> Command {
        self.commit(b);
        let window = tw::window_around(&self.buffer.text, &self.buffer.starts, top, count);
        self.buffer.window = window;
        let content = self.buffer.text[window.start..window.end].to_string();
        let inside = |(s, e): (usize, usize)| s >= window.start && e <= window.end;
        // Without a selection to keep, the caret goes to the first line in view, so that
        // focusing the box does not scroll it away.
        let top_of_view = self.buffer.starts[top.clamp(window.first, window.last - 1)];
        let (s, e) = keep
            .filter(|&sel| inside(sel))
            .unwrap_or((top_of_view, top_of_view));
        let at = |x: usize| byte_to_utf16(&content, x - window.start);
        let selection = (at(s), at(e));
        self.detached = keep.filter(|&sel| !inside(sel)).map(|sel| (sel, at(s)));
        Command::Show { content, selection }
    }

    /// Shows the window around `sel`, selects it there and scrolls to it.
    fn reveal(&mut self, sel: (usize, usize), b: &impl TextBox) -> Vec<Command> {
        let line = self.buffer.line_of(sel.1);
        let (_, count) = b.in_view();
        vec![
            self.show_from(line.saturating_sub(count / 2), count, Some(sel), b),
            Command::ScrollToLine(line),
        ]
    }

    /// Replaces bytes `start..end` of the whole text, leaving the caret after `text`.
    fn replace(&mut self, start: usize, end: usize, text: &str, b: &impl TextBox) -> Vec<Command> {
        self.all_selected = false;
        self.commit(b);
        let whole = &self.buffer.text;
        let edited = [&whole[..start], text, &whole[end..]].concat();
        self.buffer.reset(edited);
        let caret = start + text.len();
        let mut out = self.reveal((caret, caret), b);
        out.push(Command::Changed);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// A textarea in memory: applies `Show` like the component does.
    #[derive(Default)]
    struct FakeBox {
        content: RefCell<String>,
        selection: RefCell<(u32, u32)>,
        top: RefCell<usize>,
        focused: bool,
    }

    impl TextBox for FakeBox {
        fn content(&self) -> String {
            self.content.borrow().clone()
        }
        fn selection(&self) -> Option<(u32, u32)> {
            Some(*self.selection.borrow())
        }
        fn length(&self) -> usize {
            self.content.borrow().encode_utf16().count()
        }
        fn in_view(&self) -> (usize, usize) {
            (*self.top.borrow(), 20)
        }
        fn focused(&self) -> bool {
            self.focused
        }
    }

    impl FakeBox {
        fn apply(&self, commands: &[Command]) {
            for c in commands {
                match c {
                    Command::Show { content, selection } => {
                        *self.content.borrow_mut() = content.clone();
                        *self.selection.borrow_mut() = *selection;
                    }
                    Command::ScrollToLine(line) => *self.top.borrow_mut() = line.saturating_sub(10),
                    Command::ScrollToTop => *self.top.borrow_mut() = 0,
                    _ => {}
                }
            }
        }
        /// Types `text` at the caret, like the browser does before `input`.
        fn type_text(&self, text: &str) {
            let mut content = self.content.borrow_mut();
            let (s, e) = *self.selection.borrow();
            let (s, e) = (utf16_to_byte(&content, s), utf16_to_byte(&content, e));
            content.replace_range(s..e, text);
            let caret = byte_to_utf16(&content, s + text.len());
            *self.selection.borrow_mut() = (caret, caret);
        }
    }

    fn numbered(lines: usize) -> String {
        (1..=lines)
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn loaded(text: String) -> (LongText, FakeBox) {
        let mut editor = LongText::default();
        let b = FakeBox {
            focused: true,
            ..FakeBox::default()
        };
        let out = editor.on_load(text, &b);
        b.apply(&out);
        (editor, b)
    }

    #[test]
    fn a_short_text_is_held_whole_and_typing_only_draws() {
        let (mut editor, b) = loaded("{\n  \"a\": 1\n}".into());
        assert!(editor.is_whole());
        assert_eq!(b.content(), "{\n  \"a\": 1\n}");
        b.type_text("x");
        assert_eq!(editor.on_input(&b), vec![Command::Draw, Command::Changed]);
        assert_eq!(editor.text(&b), "x{\n  \"a\": 1\n}");
        // Ctrl+A is the browser's own in a whole text.
        assert!(editor.on_key(&Key::ctrl("a"), &b).is_empty());
        assert!(editor.on_copy(&b).is_empty());
    }

    #[test]
    fn a_long_text_is_windowed_and_scrolling_moves_the_window() {
        let (mut editor, b) = loaded(numbered(20_000));
        assert!(!editor.is_whole());
        assert!(b.content().starts_with("line 1\n"));
        assert!(b.content().len() < 20_000);
        assert!(editor.on_scroll(&b).is_empty(), "the view is well inside");
        *b.top.borrow_mut() = 10_000;
        let out = editor.on_scroll(&b);
        b.apply(&out);
        assert!(b.content().contains("\nline 10001\n"));
        assert!(editor.window().first > 0 && editor.lines_outside() > 0);
    }

    #[test]
    fn edits_in_the_window_reach_the_whole_text() {
        let (mut editor, b) = loaded(numbered(20_000));
        *b.selection.borrow_mut() = (4, 4);
        b.type_text("!");
        assert_eq!(editor.on_input(&b), vec![Command::Draw, Command::Changed]);
        let text = editor.text(&b).to_string();
        assert!(text.starts_with("line! 1\nline 2"));
        assert!(text.ends_with("\nline 20000"));
    }

    #[test]
    fn ctrl_a_then_copy_cut_and_type_act_on_the_whole_text() {
        let whole = numbered(20_000);
        let (mut editor, b) = loaded(whole.clone());
        assert_eq!(
            editor.on_key(&Key::ctrl("a"), &b),
            vec![Command::PreventDefault, Command::SelectBox]
        );
        assert!(editor.all_selected());
        // Ctrl itself and Ctrl+C keep the selection whole.
        assert!(editor.on_key(&Key::plain("Control"), &b).is_empty());
        assert!(editor.on_key(&Key::ctrl("c"), &b).is_empty());
        let copied = editor.on_copy(&b);
        assert_eq!(copied[0], Command::Clipboard(whole.clone()));
        // Typing a letter replaces everything.
        let out = editor.on_before_input("insertText", Some("x"), &b);
        assert_eq!(out[0], Command::PreventDefault);
        assert_eq!(out.last(), Some(&Command::Changed));
        b.apply(&out);
        assert_eq!(editor.text(&b), "x");
        assert!(!editor.all_selected());
        // An arrow makes the selection the box's own again.
        let (mut editor, b) = loaded(whole);
        editor.on_key(&Key::ctrl("a"), &b);
        editor.on_key(&Key::plain("ArrowDown"), &b);
        assert!(!editor.all_selected());
        assert!(editor.on_cut(&b).is_empty());
        editor.on_key(&Key::ctrl("a"), &b);
        editor.on_blur();
        assert!(!editor.all_selected());
    }

    #[test]
    fn cutting_everything_empties_the_text() {
        let (mut editor, b) = loaded(numbered(20_000));
        editor.on_key(&Key::ctrl("a"), &b);
        let out = editor.on_cut(&b);
        assert!(matches!(&out[0], Command::Clipboard(t) if t.ends_with("line 20000")));
        b.apply(&out);
        assert_eq!(editor.text(&b), "");
        assert!(editor.is_whole());
    }

    #[test]
    fn a_large_paste_is_spliced_in_and_a_small_one_left_to_the_browser() {
        let (mut editor, b) = loaded("{}".into());
        assert!(editor.on_paste("[1]", &b).is_empty());
        *b.selection.borrow_mut() = (1, 1);
        let big = numbered(30_000);
        let out = editor.on_paste(&big, &b);
        assert_eq!(out[0], Command::PreventDefault);
        b.apply(&out);
        let text = editor.text(&b).to_string();
        assert!(text.starts_with("{line 1\n") && text.ends_with("line 30000}"));
        assert!(!editor.is_whole(), "now windowed");
    }

    #[test]
    fn ctrl_end_and_home_go_to_the_texts_ends() {
        let (mut editor, b) = loaded(numbered(20_000));
        let mut end = Key::ctrl("End");
        let out = editor.on_key(&end, &b);
        assert_eq!(out[0], Command::PreventDefault);
        assert!(out.contains(&Command::ScrollToLine(19_999)));
        b.apply(&out);
        assert!(b.content().ends_with("line 20000"));
        let (s, e) = b.selection().unwrap();
        assert_eq!((s, e), (b.length() as u32, b.length() as u32));
        end.key = "Home".into();
        b.apply(&editor.on_key(&end, &b));
        assert_eq!(b.selection(), Some((0, 0)));
        assert!(b.content().starts_with("line 1\n"));
    }

    #[test]
    fn a_caret_scrolled_away_comes_back_at_the_next_key() {
        let (mut editor, b) = loaded(numbered(20_000));
        *b.selection.borrow_mut() = (3, 3);
        *b.top.borrow_mut() = 15_000;
        b.apply(&editor.on_scroll(&b));
        // The caret (line 1) is outside the new window: a placeholder caret is set.
        let out = editor.on_key(&Key::plain("x"), &b);
        assert!(out.contains(&Command::ScrollToLine(0)), "{out:?}");
        b.apply(&out);
        assert_eq!(b.selection(), Some((3, 3)));
        assert!(b.content().starts_with("line 1\n"));
        // A click in between forgets the caret that was scrolled away.
        *b.top.borrow_mut() = 15_000;
        b.apply(&editor.on_scroll(&b));
        editor.on_mouse_down();
        assert!(editor.on_key(&Key::plain("x"), &b).is_empty());
    }

    #[test]
    fn going_to_an_error_reveals_it() {
        let mut text = numbered(20_000);
        text.push_str("\n}");
        let at = text.len() - 1;
        let (mut editor, b) = loaded(text);
        let out = editor.go_to(at, &b);
        b.apply(&out);
        assert!(b.content().ends_with("\n}"));
        assert!(editor.go_to(usize::MAX, &b).len() == 2, "clamped, no panic");
    }
}
