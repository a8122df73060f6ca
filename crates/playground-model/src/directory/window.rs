//! The virtualized table's arithmetic: which rows are on screen for a scroll position, which
//! rows to ask the worker for (a margin either side, so small scrolls need no request), and
//! whether the rows held cover what is shown.

use std::ops::Range;

/// The table's fixed geometry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Height of one row, in CSS pixels.
    pub row_height: f64,
    /// Height of the scrolling viewport.
    pub viewport: f64,
    /// Rows fetched beyond each edge of the viewport.
    pub margin: usize,
}

impl Geometry {
    /// The rows (some possibly partly) visible at `scroll_top`, within `total`.
    pub fn visible(&self, scroll_top: f64, total: usize) -> Range<usize> {
        if total == 0 || self.row_height <= 0.0 {
            return 0..0;
        }
        let first = (scroll_top.max(0.0) / self.row_height).floor() as usize;
        let count = (self.viewport / self.row_height).ceil() as usize + 1;
        let first = first.min(total.saturating_sub(1));
        first..(first + count).min(total)
    }

    /// The rows to ask for so that `visible` sits inside a margin.
    pub fn wanted(&self, visible: &Range<usize>, total: usize) -> Range<usize> {
        let start = visible.start.saturating_sub(self.margin);
        let end = (visible.end + self.margin).min(total);
        start..end
    }

    /// Height of the spacer that gives the scrollbar its length.
    pub fn content_height(&self, total: usize) -> f64 {
        total as f64 * self.row_height
    }

    /// Top of row `index` inside the spacer.
    pub fn top(&self, index: usize) -> f64 {
        index as f64 * self.row_height
    }
}

/// Whether the rows held (`held`) cover the `visible` ones.
pub fn covers(held: &Range<usize>, visible: &Range<usize>) -> bool {
    visible.is_empty() || (held.start <= visible.start && visible.end <= held.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: Geometry = Geometry {
        row_height: 30.0,
        viewport: 300.0,
        margin: 20,
    };

    #[test]
    fn visible_rows_follow_the_scroll_and_stay_in_bounds() {
        assert_eq!(G.visible(0.0, 100_000), 0..11);
        assert_eq!(G.visible(45.0, 100_000), 1..12);
        assert_eq!(G.visible(-10.0, 100_000), 0..11);
        assert_eq!(G.visible(1e9, 100_000), 99_999..100_000);
        assert_eq!(G.visible(0.0, 3), 0..3);
        assert_eq!(G.visible(0.0, 0), 0..0);
    }

    #[test]
    fn wanted_rows_add_a_margin_and_are_clamped() {
        assert_eq!(G.wanted(&(0..11), 100), 0..31);
        assert_eq!(G.wanted(&(50..61), 100), 30..81);
        assert_eq!(G.wanted(&(95..100), 100), 75..100);
    }

    #[test]
    fn held_rows_cover_the_visible_ones_or_not() {
        assert!(covers(&(30..81), &(50..61)));
        assert!(!covers(&(30..81), &(75..86)));
        assert!(!covers(&(0..0), &(0..11)));
        assert!(covers(&(0..0), &(0..0)));
    }

    #[test]
    fn content_is_as_tall_as_all_rows() {
        assert_eq!(G.content_height(100_000), 3_000_000.0);
        assert_eq!(G.top(2), 60.0);
    }
}
