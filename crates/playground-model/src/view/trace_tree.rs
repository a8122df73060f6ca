//! Folding the evaluation trace. The trace is a flat list of steps with depths (a step's
//! arguments follow it one level deeper), so folding a step hides the run of deeper steps after
//! it.

/// One step as the trace shows it: its index in the list, and whether it has steps under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The step's index in the trace.
    pub index: usize,
    /// Whether deeper steps follow it (it can be folded).
    pub has_children: bool,
}

/// The steps to show, given each step's depth and which steps are folded.
pub fn visible(depths: &[usize], folded: &[bool]) -> Vec<Shown> {
    let mut shown = Vec::new();
    // Steps deeper than this are under a folded step.
    let mut hidden_below: Option<usize> = None;
    for (index, &depth) in depths.iter().enumerate() {
        if let Some(limit) = hidden_below {
            if depth > limit {
                continue;
            }
            hidden_below = None;
        }
        let has_children = depths.get(index + 1).is_some_and(|&next| next > depth);
        shown.push(Shown {
            index,
            has_children,
        });
        if has_children && folded.get(index).copied().unwrap_or(false) {
            hidden_below = Some(depth);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    // Join(",", Trim([a]), [b])  →  Join 0, "," 1, Trim 1, [a] 2, [b] 1
    const DEPTHS: [usize; 5] = [0, 1, 1, 2, 1];

    fn indices(shown: &[Shown]) -> Vec<usize> {
        shown.iter().map(|s| s.index).collect()
    }

    #[test]
    fn nothing_folded_shows_every_step_and_marks_parents() {
        let shown = visible(&DEPTHS, &[]);
        assert_eq!(indices(&shown), vec![0, 1, 2, 3, 4]);
        let parents: Vec<bool> = shown.iter().map(|s| s.has_children).collect();
        assert_eq!(parents, vec![true, false, true, false, false]);
    }

    #[test]
    fn folding_a_step_hides_only_its_own_steps() {
        let folded = [false, false, true, false, false];
        assert_eq!(indices(&visible(&DEPTHS, &folded)), vec![0, 1, 2, 4]);
        let root = [true, false, false, false, false];
        assert_eq!(indices(&visible(&DEPTHS, &root)), vec![0]);
    }

    #[test]
    fn folding_a_leaf_changes_nothing() {
        let folded = [false, true, false, false, true];
        assert_eq!(indices(&visible(&DEPTHS, &folded)), vec![0, 1, 2, 3, 4]);
    }
}
