//! The warm-up of a worker waiting for a run ([`WarmUp`]), a step at a time between messages,
//! until it is done or a run starts ([`stop`]).

use crate::scope;
use playground_model::directory::preparers::WarmUp;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Users per step: a few milliseconds of work, so a run that comes waits at most that.
const STEP_USERS: usize = 25;

thread_local! {
    static WARMING: RefCell<Option<WarmUp>> = const { RefCell::new(None) };
}

/// Starts warming up with `warm_up`.
pub fn start(warm_up: WarmUp) {
    WARMING.with(|w| *w.borrow_mut() = Some(warm_up));
    next_step();
}

/// Stops the warm-up (a run has started) and frees what it held.
pub fn stop() {
    WARMING.with(|w| w.borrow_mut().take());
}

/// Runs the next step once the worker has handled what came in meanwhile.
fn next_step() {
    let step = Closure::once_into_js(|| {
        let more = WARMING.with(|w| w.borrow_mut().as_mut().is_some_and(|w| w.step(STEP_USERS)));
        match more {
            true => next_step(),
            false => stop(),
        }
    });
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
}
