//! A phone value's shape: every digit becomes `N`, so `+1 (425) 555-0100 x12` and
//! `+1 (206) 555-0199 x40` count as one format. The go-live summary counts refused values by
//! shape; [`ProvenShapes`] lets a check prove a suggestion for only the first refused value of
//! each shape.

use super::{GenesysVerdict, PhoneAnalysis, Suggestions};
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

/// Shapes remembered at most; past it, every refused value gets its suggestion proven again.
const MOST_SHAPES: usize = 10_000;

/// The shape of `value`: its first 64 characters, ASCII digits replaced by `N`.
pub fn shape(value: &str) -> String {
    value
        .chars()
        .take(64)
        .map(|c| if c.is_ascii_digit() { 'N' } else { c })
        .collect()
}

/// The shapes of the refused values a suggestion was already sought for. For a check that
/// shows only the first example of each shape with its fix (the page's go-live summary: its
/// table keeps no help texts): the first refused value of a shape in input order is proven as
/// before, later ones of the same shape are not. Bounded by [`MOST_SHAPES`].
/// (A `Mutex` rather than a `RefCell` so that the options holding it can be shared by threads;
/// each thread of a check has its own options.)
#[derive(Debug, Default)]
pub struct ProvenShapes(Mutex<HashSet<String>>);

impl Clone for ProvenShapes {
    fn clone(&self) -> Self {
        ProvenShapes(Mutex::new(self.shapes().clone()))
    }
}

impl ProvenShapes {
    fn shapes(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        // A panic elsewhere cannot leave the set half-written: it is only read and inserted to.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The suggestions to ask for when analysing `value`: none when a refused value of its shape
    /// was analysed already, else `asked`.
    pub fn suggestions_for(&self, value: &str, asked: Suggestions) -> Suggestions {
        match self.shapes().contains(&shape(value)) {
            true => Suggestions::Never,
            false => asked,
        }
    }

    /// Remembers the analysis's shape if Genesys refuses the value.
    pub fn note(&self, analysis: &PhoneAnalysis) {
        let refused = matches!(
            analysis.verdict,
            GenesysVerdict::Rejected | GenesysVerdict::ExtensionOnly
        );
        let mut shapes = self.shapes();
        if refused && shapes.len() < MOST_SHAPES {
            shapes.insert(shape(&analysis.input));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_become_n() {
        assert_eq!(
            super::shape("+1 (425) 555-0100 x12"),
            "+N (NNN) NNN-NNNN xNN"
        );
    }

    #[test]
    fn only_the_first_refused_value_of_a_shape_asks_for_a_suggestion() {
        use super::super::{analyze_with, Suggestions};
        use super::ProvenShapes;
        let proven = ProvenShapes::default();
        let analysed = |value: &str| {
            let asked = proven.suggestions_for(value, Suggestions::Refused);
            let a = analyze_with(value, Some("US"), "work", None, asked);
            proven.note(&a);
            (asked, a.suggestion.is_some())
        };
        // An accepted value does not count: a refused one of the same shape is still analysed
        // with suggestions asked for.
        assert_eq!(analysed("+14255550109"), (Suggestions::Refused, false));
        assert_eq!(analysed("+10005550109").0, Suggestions::Refused);
        assert_eq!(analysed("+1 (206) 291-8163"), (Suggestions::Refused, true));
        assert_eq!(analysed("+1 (425) 555-0109"), (Suggestions::Never, false));
        assert_eq!(analysed("+1 425 555 0109"), (Suggestions::Refused, true));
    }
}
