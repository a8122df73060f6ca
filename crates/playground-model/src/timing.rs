//! When work waits for typing to pause. A small setup is recomputed and saved on every
//! keystroke; a large one (a multi-megabyte pasted user) only once typing pauses, or every
//! keystroke would block the next. This is the one threshold and the one table of delays the
//! page uses.

use std::time::Duration;

/// Above this many bytes of user text (the user and the "before" user together), the page
/// treats the setup as large.
pub const LARGE_TEXT: usize = 200_000;

/// Work that waits for edits to pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferred {
    /// Saving the state to the browser's storage.
    Save,
    /// Re-running the analysis after a mapping edit.
    Analysis,
    /// Reading a long text typed into its editor.
    Publish,
}

/// Whether `bytes` of text make a setup large.
pub fn is_large(bytes: usize) -> bool {
    bytes > LARGE_TEXT
}

/// How long `work` waits after the last edit, given the size of the text it reads; `None` when
/// it runs at once.
pub fn delay(work: Deferred, bytes: usize) -> Option<Duration> {
    let large = is_large(bytes);
    let ms = match (work, large) {
        // Saving is always kept off the keystroke; a large state waits longer.
        (Deferred::Save, false) => 250,
        (Deferred::Save, true) => 600,
        (Deferred::Analysis, false) | (Deferred::Publish, false) => return None,
        (Deferred::Analysis, true) => 200,
        (Deferred::Publish, true) => 300,
    };
    Some(Duration::from_millis(ms))
}

/// A debouncer's bookkeeping, whatever the timer: each edit replaces the pending run, and a
/// flush (the page being left) runs the pending work at once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Debounce {
    /// The generation of the pending run, if one is pending.
    pending: Option<u64>,
    generation: u64,
}

impl Debounce {
    /// An edit: the earlier pending run is dropped; returns the generation the new run carries.
    pub fn schedule(&mut self) -> u64 {
        self.generation += 1;
        self.pending = Some(self.generation);
        self.generation
    }

    /// A timer fired for `generation`: whether the work should run now (only the latest does).
    pub fn fire(&mut self, generation: u64) -> bool {
        if self.pending == Some(generation) {
            self.pending = None;
            true
        } else {
            false
        }
    }

    /// The page is being left or the result is wanted now: whether there was pending work,
    /// which then runs at once.
    pub fn flush(&mut self) -> bool {
        self.pending.take().is_some()
    }

    /// Whether a run is pending.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Drops the pending run (the text was replaced from outside).
    pub fn cancel(&mut self) {
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_setups_run_at_once_except_saving() {
        assert_eq!(delay(Deferred::Analysis, 10), None);
        assert_eq!(delay(Deferred::Publish, LARGE_TEXT), None);
        assert_eq!(delay(Deferred::Save, 10), Some(Duration::from_millis(250)));
    }

    #[test]
    fn large_setups_wait_for_a_pause() {
        let big = LARGE_TEXT + 1;
        assert!(is_large(big) && !is_large(LARGE_TEXT));
        for work in [Deferred::Save, Deferred::Analysis, Deferred::Publish] {
            assert!(delay(work, big).is_some(), "{work:?}");
        }
        assert!(delay(Deferred::Save, big) > delay(Deferred::Save, 0));
    }

    #[test]
    fn only_the_last_scheduled_run_fires_and_a_flush_takes_it() {
        let mut d = Debounce::default();
        let first = d.schedule();
        let second = d.schedule();
        assert!(!d.fire(first), "replaced");
        assert!(d.is_pending());
        assert!(d.fire(second));
        assert!(!d.fire(second), "runs once");
        assert!(!d.flush(), "nothing pending");
        d.schedule();
        assert!(d.flush());
        assert!(!d.is_pending());
        let g = d.schedule();
        d.cancel();
        assert!(!d.fire(g));
    }
}
