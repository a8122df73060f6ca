//! Bar geometry for the summary's charts (inline SVG drawn by the page; no chart library): one
//! horizontal bar per value, lengths proportional to the largest, labels beside them.

/// One bar, in the chart's own coordinates (SVG user units).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The value's name, drawn beside the bar.
    pub label: String,
    /// The value itself.
    pub count: usize,
    /// Top edge of the bar (SVG user units).
    pub y: f64,
    /// Length of the bar (SVG user units): proportional to the largest count, at most
    /// [`Layout::max_width`], at least 1 for a non-zero count, 0 for a zero count.
    pub width: f64,
    /// Share of the total, in percent, rounded to one decimal.
    pub percent: f64,
}

/// The chart's layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// Longest bar.
    pub max_width: f64,
    /// Thickness of each bar (SVG user units).
    pub bar_height: f64,
    /// Space between two bars (SVG user units).
    pub gap: f64,
}

/// The layout the summary's charts use.
pub const LAYOUT: Layout = Layout {
    max_width: 300.0,
    bar_height: 18.0,
    gap: 6.0,
};

impl Layout {
    /// Bars for `values` (label, count) in the order given; a non-zero count is at least one unit
    /// long, so it stays visible next to a much larger one.
    pub fn bars(&self, values: &[(String, usize)]) -> Vec<Bar> {
        let max = values.iter().map(|(_, c)| *c).max().unwrap_or(0);
        let total: usize = values.iter().map(|(_, c)| *c).sum();
        values
            .iter()
            .enumerate()
            .map(|(i, (label, count))| {
                let width = if max == 0 {
                    0.0
                } else {
                    (*count as f64 / max as f64 * self.max_width).max(if *count > 0 {
                        1.0
                    } else {
                        0.0
                    })
                };
                let percent = if total == 0 {
                    0.0
                } else {
                    (*count as f64 * 1000.0 / total as f64).round() / 10.0
                };
                Bar {
                    label: label.clone(),
                    count: *count,
                    y: i as f64 * (self.bar_height + self.gap),
                    width,
                    percent,
                }
            })
            .collect()
    }

    /// Height of a chart with `n` bars.
    pub fn height(&self, n: usize) -> f64 {
        if n == 0 {
            0.0
        } else {
            n as f64 * (self.bar_height + self.gap) - self.gap
        }
    }
}

/// The `n` largest (label, count) pairs, largest first (ties by label).
pub fn top(values: impl IntoIterator<Item = (String, usize)>, n: usize) -> Vec<(String, usize)> {
    let mut all: Vec<(String, usize)> = values.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(l, c)| (l.to_string(), *c)).collect()
    }

    #[test]
    fn bars_are_proportional_to_the_largest_and_stacked() {
        let bars = LAYOUT.bars(&values(&[("create", 300), ("fail", 100), ("update", 0)]));
        assert_eq!(bars[0].width, 300.0);
        assert_eq!(bars[1].width, 100.0);
        assert_eq!(bars[2].width, 0.0);
        assert_eq!(bars[1].y, 24.0);
        assert_eq!(bars[0].percent, 75.0);
        assert_eq!(bars[1].percent, 25.0);
        assert_eq!(LAYOUT.height(3), 66.0);
    }

    #[test]
    fn a_tiny_count_stays_visible_and_nothing_divides_by_zero() {
        let bars = LAYOUT.bars(&values(&[("a", 1_000_000), ("b", 1)]));
        assert_eq!(bars[1].width, 1.0);
        let bars = LAYOUT.bars(&values(&[("a", 0)]));
        assert_eq!((bars[0].width, bars[0].percent), (0.0, 0.0));
        assert!(LAYOUT.bars(&[]).is_empty());
        assert_eq!(LAYOUT.height(0), 0.0);
    }

    #[test]
    fn top_keeps_the_largest_first() {
        let t = top(values(&[("b", 2), ("a", 2), ("c", 9), ("d", 1)]), 3);
        assert_eq!(t, values(&[("c", 9), ("a", 2), ("b", 2)]));
    }
}
