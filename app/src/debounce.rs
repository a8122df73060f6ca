//! The page's one debouncer: the model's [`Debounce`] bookkeeping on a `gloo-timers` timeout.
//! How long to wait is the model's [`timing::delay`]; this only owns the timer.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use playground_model::timing::Debounce;
use std::time::Duration;

/// Runs work once edits pause; a new edit replaces the pending run.
#[derive(Clone, Copy)]
pub struct Debouncer {
    state: StoredValue<Debounce, LocalStorage>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Default for Debouncer {
    fn default() -> Self {
        Self::new()
    }
}

impl Debouncer {
    pub fn new() -> Self {
        Debouncer {
            state: StoredValue::new_local(Debounce::default()),
            timer: StoredValue::new_local(None),
        }
    }

    /// Runs `work` after `delay`, or now when there is no delay (a pending run is dropped
    /// either way).
    pub fn run(&self, delay: Option<Duration>, work: impl FnOnce() + 'static) {
        self.cancel();
        let Some(delay) = delay else {
            work();
            return;
        };
        let generation = self.state.try_update_value(Debounce::schedule).unwrap_or(0);
        let state = self.state;
        let ms = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        let timeout = Timeout::new(ms, move || {
            if state.try_update_value(|d| d.fire(generation)) == Some(true) {
                work();
            }
        });
        self.timer.set_value(Some(timeout));
    }

    /// Whether a run is waiting.
    pub fn is_pending(&self) -> bool {
        self.state.with_value(Debounce::is_pending)
    }

    /// Drops the pending run; returns whether there was one (the caller then runs it now).
    pub fn flush(&self) -> bool {
        let pending = self.state.try_update_value(|d| d.flush()).unwrap_or(false);
        // A timer that has fired is left alone: the work may be running inside its callback.
        if pending {
            self.timer.set_value(None);
        }
        pending
    }

    /// Drops the pending run.
    pub fn cancel(&self) {
        self.flush();
    }
}
