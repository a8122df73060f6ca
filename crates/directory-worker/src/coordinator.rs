//! The check spread over preparer workers: this worker (the coordinator) starts one preparer per
//! core (`navigator.hardwareConcurrency`, 2 to [`MOST_PREPARERS`]) from its own script as soon
//! as it loads ([`start_preparers`]: the page keeps a worker on standby, so they have loaded and
//! warmed up before a run comes), sends each the files and its [`Shard`], and completes their
//! prepared users in input order ([`Reassembly`] → [`OrderedCheck`]) as their batches arrive —
//! driven by their messages, never waiting in a loop — acknowledging each batch it has
//! finished. The result is kept as in the sequential run. The preparers end with the run (done,
//! failed) or with this worker: Cancel terminates it, and a worker's nested workers go with it.

use crate::kept::{Collected, Kept};
use crate::run::{self, Inputs, Reporter};
use crate::{keep, message, post, preparer, scope};
use js_sys::Uint8Array;
use mapping_core::directory::check::Checker;
use playground_model::directory::ordered_check::OrderedCheck;
use playground_model::directory::preparers::{decode, FromPreparer, Shard, ToPreparer};
use playground_model::directory::protocol::FromWorker;
use playground_model::directory::reassembly::Reassembly;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// Preparers at most: the in-order half runs here, one user after another, and each preparer
/// reads every file.
const MOST_PREPARERS: usize = 4;

thread_local! {
    static RUNNING: RefCell<Option<Coordinator>> = const { RefCell::new(None) };
    /// The preparers started when this worker loaded, waiting for a run, and which of them
    /// have said they are ready.
    static WAITING: RefCell<Option<(Vec<Preparer>, Vec<bool>)>> = const { RefCell::new(None) };
}

/// A preparer worker and its handlers; terminated when dropped.
struct Preparer {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Preparer {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

struct Coordinator {
    inputs: Inputs,
    preparers: Vec<Preparer>,
    reassembly: Reassembly,
    check: OrderedCheck,
    collected: Collected,
    reporter: Reporter,
    /// When the run was asked for (`Date.now()`).
    started: f64,
}

/// How many preparers to start: one per logical core, at most [`MOST_PREPARERS`].
fn wanted() -> usize {
    let cores = scope().navigator().hardware_concurrency();
    // `as` saturates: NaN and negative numbers are 0.
    (cores as usize).clamp(1, MOST_PREPARERS)
}

/// Starts the preparers a run will use, when this machine has more than one core: they load
/// and warm up while the worker waits for a run.
pub fn start_preparers() {
    let count = wanted();
    if count < 2 {
        return;
    }
    if let Ok(preparers) = spawn(count) {
        WAITING.with(|w| *w.borrow_mut() = Some((preparers, vec![false; count])));
    }
}

/// Starts a run of `inputs` with the preparer workers. The inputs come back when the run is to
/// be done here, one user after another: a single core, no users file, or no nested workers.
pub fn start(inputs: Inputs) -> Option<Inputs> {
    if inputs.users.is_empty() {
        return Some(inputs);
    }
    let started = js_sys::Date::now();
    let Some((preparers, ready)) = WAITING.with(|w| w.borrow_mut().take()) else {
        return Some(inputs);
    };
    let count = preparers.len();
    // Set up here first: a bad schema or Genesys export is reported once, before any reading.
    let config = match run::config(&inputs) {
        Ok(c) => c,
        Err(message) => {
            post(&FromWorker::Failed { message }, None);
            return None;
        }
    };
    let coordinator = Coordinator {
        check: OrderedCheck::new(Checker::new(config), inputs.names()),
        reporter: Reporter::new(&inputs),
        reassembly: Reassembly::new(count),
        collected: Collected::default(),
        inputs,
        preparers,
        started,
    };
    // The preparers that are ready start now; the others when they say so.
    for (shard, _) in ready.iter().enumerate().filter(|(_, ready)| **ready) {
        coordinator.start_preparer(shard);
    }
    RUNNING.with(|r| *r.borrow_mut() = Some(coordinator));
    None
}

/// `count` preparers, started from this worker's own script under the preparers' name.
fn spawn(count: usize) -> Result<Vec<Preparer>, JsValue> {
    let url = scope().location().href();
    let options = WorkerOptions::new();
    options.set_name(preparer::NAME);
    (0..count)
        .map(|shard| {
            let worker = Worker::new_with_options(&url, &options)?;
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                received(shard, ev.data())
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |ev: ErrorEvent| {
                stop(format!("preparer {} stopped: {}", shard + 1, ev.message()))
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Ok(Preparer {
                worker,
                _on_message: on_message,
                _on_error: on_error,
            })
        })
        .collect()
}

/// A message from preparer `shard`.
fn received(shard: usize, data: JsValue) {
    let waiting = WAITING.with(|w| match w.borrow_mut().as_mut() {
        Some((_, ready)) => {
            // Before a run, only "ready" comes.
            if let Some(r) = ready.get_mut(shard) {
                *r = true;
            }
            true
        }
        None => false,
    });
    if waiting {
        return;
    }
    let outcome = RUNNING.with(|r| {
        let mut running = r.borrow_mut();
        let coordinator = running.as_mut()?;
        Some(coordinator.receive(shard, &Uint8Array::new(&data).to_vec()))
    });
    match outcome {
        None | Some(Ok(false)) => {}
        Some(Ok(true)) => finish(),
        Some(Err(message)) => stop(message),
    }
}

/// Ends the run with a result: the preparers stop, the result is kept.
fn finish() {
    let Some(c) = RUNNING.with(|r| r.borrow_mut().take()) else {
        return;
    };
    let workers = c.preparers.len();
    drop(c.preparers);
    let (kept, done) = Kept::new(c.inputs, c.collected, c.check.finish(), c.started, workers);
    keep(kept, done);
}

/// Ends the run with an error: the preparers stop, the last result (another worker's) stays.
fn stop(message: String) {
    if RUNNING.with(|r| r.borrow_mut().take()).is_some() {
        post(&FromWorker::Failed { message }, None);
    }
}

impl Coordinator {
    /// Takes a preparer's message and completes every user now due; whether the run is over.
    fn receive(&mut self, shard: usize, bytes: &[u8]) -> Result<bool, String> {
        match decode(bytes)? {
            FromPreparer::Ready => self.start_preparer(shard),
            FromPreparer::Batch(batch) => self.reassembly.batch(shard, batch)?,
            FromPreparer::End(end) => self.reassembly.end(shard, end)?,
            FromPreparer::Failed { message } => return Err(message),
        }
        while let Some(next) = self.reassembly.next_due()? {
            if let Some(checked) = self.check.take(next)? {
                self.collected.push(checked);
            }
        }
        for (shard, batches) in self.reassembly.acknowledge() {
            self.send(shard, &ToPreparer::Ack { batches }, &[]);
        }
        self.reporter.tick(
            self.check.users(),
            self.reassembly.bytes(),
            self.check.file_name(),
        );
        Ok(self.check.is_finished())
    }

    /// Sends preparer `shard` the run: the page's options, the files and its shard.
    fn start_preparer(&self, shard: usize) {
        let start = ToPreparer::Start {
            options: Box::new(self.inputs.options.clone()),
            shard: Shard {
                index: shard,
                count: self.preparers.len(),
            },
            raw: true,
        };
        self.send(shard, &start, &self.inputs.beside());
    }

    fn send(&self, shard: usize, to: &ToPreparer, beside: &[JsValue]) {
        if let Some(p) = self.preparers.get(shard) {
            // Posting only fails for values that cannot be cloned; ours are strings and Files.
            let _ = p.worker.post_message(&message(to, beside.iter()));
        }
    }
}
