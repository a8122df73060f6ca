//! The part of a long text that the editor's textarea holds.
//!
//! A browser lays out a textarea's whole content on every edit: with a 5 MB user in it, each
//! keystroke costs most of a second. So a long text is shown through a window of lines around the
//! view; the rest lives in memory and the window is spliced back in after edits. A short text is
//! one window over all of it, and the box behaves like a plain textarea.

/// Up to this many bytes (and [`WHOLE_LINES`] lines), the textarea holds the whole text.
pub const WHOLE_BYTES: usize = 100_000;
/// Up to this many lines (and [`WHOLE_BYTES`] bytes), the textarea holds the whole text.
pub const WHOLE_LINES: usize = 2_000;
/// Lines kept in the window above and below the visible ones.
pub const MARGIN_LINES: usize = 150;
/// The window is moved once fewer than this many of its lines remain beyond the view.
const GUARD_LINES: usize = 40;

/// Lines `first..last` of the text, which are its bytes `start..end`. `end` is the end of line
/// `last - 1` without its newline: the newline before the next line belongs to the rest, so the
/// textarea never holds an empty last line that it cannot show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    /// The first line (0-based).
    pub first: usize,
    /// One past the last line.
    pub last: usize,
    /// Byte offset where line `first` starts.
    pub start: usize,
    /// Byte offset where line `last - 1` ends (before its newline).
    pub end: usize,
}

impl Window {
    /// How many lines the window holds.
    pub fn lines(&self) -> usize {
        self.last - self.first
    }
}

/// The byte offset at which each line of `text` starts (the first line starts at 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Whether the textarea can hold all of `text`.
pub fn fits_whole(text: &str, lines: usize) -> bool {
    text.len() <= WHOLE_BYTES && lines <= WHOLE_LINES
}

/// Lines `first..last` of a text of `len` bytes whose lines start at `starts`.
pub fn lines_window(starts: &[usize], len: usize, first: usize, last: usize) -> Window {
    let total = starts.len();
    let last = last.clamp(1, total);
    let first = first.min(last - 1);
    let end = if last < total { starts[last] - 1 } else { len };
    Window {
        first,
        last,
        start: starts[first],
        end,
    }
}

/// The window for a view showing `count` lines from line `top`: the whole text when it fits,
/// otherwise the visible lines and a margin on each side.
pub fn window_around(text: &str, starts: &[usize], top: usize, count: usize) -> Window {
    if fits_whole(text, starts.len()) {
        return lines_window(starts, text.len(), 0, starts.len());
    }
    let first = top.saturating_sub(MARGIN_LINES);
    let last = top + count + MARGIN_LINES;
    lines_window(starts, text.len(), first, last)
}

/// Whether `window` still covers a view of `count` lines from `top` in a text of `total` lines,
/// with some lines to spare on each side unless it reaches the text's start or end.
pub fn covers(window: &Window, total: usize, top: usize, count: usize) -> bool {
    let above_ok = window.first == 0 || window.first + GUARD_LINES <= top;
    let below_ok = window.last >= total || top + count + GUARD_LINES <= window.last;
    above_ok && below_ok
}

/// `text` with the window's bytes replaced by `content` (the textarea's text).
pub fn splice(text: &str, window: &Window, content: &str) -> String {
    let mut out = String::with_capacity(text.len() - (window.end - window.start) + content.len());
    out.push_str(&text[..window.start]);
    out.push_str(content);
    out.push_str(&text[window.end..]);
    out
}

/// The number of lines of `text` (a final line without a newline counts).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count() + 1
}

/// The longest line of `text`, in characters (the textarea is made that wide).
pub fn widest_line(text: &str) -> usize {
    text.split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// An editor's text: the whole text as of the last splice, where its lines start, and the window
/// of it that the textarea holds.
#[derive(Debug, Default)]
pub struct Buffer {
    /// The whole text as of the last splice.
    pub text: String,
    /// The byte offset at which each line of `text` starts.
    pub starts: Vec<usize>,
    /// The part of `text` the textarea holds.
    pub window: Window,
    /// The textarea has edits not yet spliced into `text`.
    pub dirty: bool,
}

impl Buffer {
    /// Replaces the text (the window is set by the caller).
    pub fn reset(&mut self, text: String) {
        self.starts = line_starts(&text);
        self.text = text;
        self.dirty = false;
    }

    /// Splices the textarea's `content` into the text; the window then covers `content`.
    pub fn splice(&mut self, content: &str) {
        let w = self.window;
        let text = splice(&self.text, &w, content);
        self.reset(text);
        self.window = Window {
            last: w.first + line_count(content),
            end: w.start + content.len(),
            ..w
        };
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Whether the window is all of the text.
    pub fn is_whole(&self) -> bool {
        self.window.first == 0 && self.window.last == self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(lines: usize) -> String {
        (1..=lines)
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn line_starts_follow_newlines() {
        assert_eq!(line_starts(""), vec![0]);
        assert_eq!(line_starts("ab\nc\n"), vec![0, 3, 5]);
        assert_eq!(line_count("ab\nc\n"), 3);
    }

    #[test]
    fn a_short_text_is_one_window() {
        let text = numbered(30);
        let starts = line_starts(&text);
        let w = window_around(&text, &starts, 10, 18);
        assert_eq!((w.first, w.last, w.start, w.end), (0, 30, 0, text.len()));
        assert_eq!(splice(&text, &w, "x"), "x");
    }

    #[test]
    fn a_long_text_is_windowed_around_the_view_without_the_newline_after_it() {
        let text = numbered(50_000);
        let starts = line_starts(&text);
        let w = window_around(&text, &starts, 20_000, 18);
        assert_eq!(w.first, 20_000 - MARGIN_LINES);
        assert_eq!(w.last, 20_018 + MARGIN_LINES);
        let shown = &text[w.start..w.end];
        assert!(shown.starts_with(&format!("line {}\n", w.first + 1)));
        assert!(shown.ends_with(&format!("\nline {}", w.last)));
        assert_eq!(line_count(shown), w.lines());
        // Editing inside the window changes only those lines.
        let edited = splice(&text, &w, &shown.replace("line 20001", "line 20001 edited"));
        assert_eq!(line_count(&edited), 50_000);
        assert!(edited.contains("\nline 20001 edited\nline 20002\n"));
        assert!(edited.ends_with("\nline 50000"));
    }

    #[test]
    fn windows_at_the_ends_are_clamped() {
        let text = numbered(5_000);
        let starts = line_starts(&text);
        let top = window_around(&text, &starts, 0, 18);
        assert_eq!((top.first, top.start), (0, 0));
        let bottom = window_around(&text, &starts, 4_990, 18);
        assert_eq!((bottom.last, bottom.end), (5_000, text.len()));
        let past = lines_window(&starts, text.len(), 9_000, 9_100);
        assert_eq!((past.first, past.last), (4_999, 5_000));
    }

    #[test]
    fn a_window_is_moved_only_near_its_edges() {
        let w = Window {
            first: 1_000,
            last: 1_400,
            start: 0,
            end: 0,
        };
        assert!(covers(&w, 10_000, 1_100, 18));
        assert!(!covers(&w, 10_000, 1_010, 18), "too close to the top");
        assert!(!covers(&w, 10_000, 1_370, 18), "too close to the bottom");
        let at_start = Window { first: 0, ..w };
        assert!(covers(&at_start, 10_000, 0, 18));
        let at_end = Window { last: 10_000, ..w };
        assert!(covers(&at_end, 10_000, 9_990, 18));
    }

    #[test]
    fn a_buffer_splices_its_window_back_and_follows_the_new_lines() {
        let mut b = Buffer::default();
        b.reset(numbered(10_000));
        assert_eq!(b.line_of(0), 0);
        assert_eq!(b.line_of(b.starts[42] + 2), 42);
        b.window = window_around(&b.text, &b.starts, 5_000, 18);
        assert!(!b.is_whole());
        let shown = b.text[b.window.start..b.window.end].to_string();
        // Two lines typed into the window: the text grows by two lines, the window with it.
        let typed = shown.replacen("line 5001", "line 5001\nnew\nnew", 1);
        b.splice(&typed);
        assert_eq!(b.starts.len(), 10_002);
        assert_eq!(b.window.lines(), line_count(&typed));
        assert_eq!(&b.text[b.window.start..b.window.end], typed);
        assert!(b.text.ends_with("\nline 10000"));
        b.window = lines_window(&b.starts, b.text.len(), 0, b.starts.len());
        assert!(b.is_whole());
    }

    #[test]
    fn widths_count_characters() {
        assert_eq!(widest_line("ab\nécrit\n"), 5);
        assert_eq!(widest_line(""), 0);
    }
}
