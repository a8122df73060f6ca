//! The Directory view's Web Worker: runs the go-live check (`mapping_core::directory`) over the
//! files the page hands it, so the page's thread never does more than draw.
//!
//! * [`blob_reader`]: a picked `File` read in chunks (`Blob.slice` + `FileReaderSync`) as a
//!   `BufRead`, so a 200 MB export never sits whole in memory;
//! * [`run`]: the configuration, the users files opened and read, and the sequential check;
//! * [`coordinator`]: the check spread over preparer workers, one per core (up to 4), their
//!   users completed here in input order;
//! * [`preparer`]: a preparer worker — this same module started by the coordinator under the
//!   name [`preparer::NAME`] — preparing its shard of the users;
//! * [`kept`]: the finished result this worker keeps (rows, where each user's JSON is, the
//!   summary) and the answers it gives from it: table pages, a user, the reports;
//! * [`warm_up`]: sample users checked a few at a time while the worker waits for a run.
//!
//! The page gives every run a new worker — one it started beforehand, which has loaded, started
//! its preparers and warmed up while it waited — and keeps the one holding the last result until
//! the new run finishes; Cancel terminates the running worker, and the preparers it started with
//! it. Built by Trunk as its own module (`data-type="worker"` in index.html), fetched only when
//! the Directory view opens.

#![forbid(unsafe_code)]

/// talc, faster than the default dlmalloc for the many small allocations of a check; this
/// worker is single-threaded WebAssembly, which talc's constructor requires.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod blob_reader;
mod coordinator;
mod kept;
mod preparer;
mod run;
mod warm_up;

use js_sys::Array;
use playground_model::directory::protocol::{FromWorker, ToWorker};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    static KEPT: RefCell<Option<kept::Kept>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// A message as posted: its JSON text first, then the values beside it.
pub fn message<'a, T: Serialize>(
    message: &T,
    beside: impl IntoIterator<Item = &'a JsValue>,
) -> Array {
    let text = serde_json::to_string(message).unwrap_or_default();
    let out = Array::of1(&JsValue::from_str(&text));
    for value in beside {
        out.push(value);
    }
    out
}

/// Posts `message` (JSON text) to whoever started this worker, with an optional value beside.
pub fn post<T: Serialize>(message: &T, beside: Option<&JsValue>) {
    let out = self::message(message, beside);
    // Posting only fails for values that cannot be cloned; ours are strings and Blobs.
    let _ = scope().post_message(&out);
}

/// The JSON text of a message posted by [`message`].
pub fn read<T: DeserializeOwned>(data: &Array) -> Result<T, String> {
    let text = data.get(0).as_string().unwrap_or_default();
    serde_json::from_str(&text)
        .map_err(|e| format!("the worker got a message it does not know: {e}"))
}

fn handle(data: JsValue) {
    let data = Array::from(&data);
    let message = match read::<ToWorker>(&data) {
        Ok(m) => m,
        Err(message) => return post(&FromWorker::Error { message }, None),
    };
    match message {
        ToWorker::Run { options } => {
            warm_up::stop();
            let inputs = run::Inputs::from_message(&data, *options);
            // With preparers the run goes on in their messages' handlers.
            let Some(inputs) = coordinator::start(inputs) else {
                return;
            };
            match kept::Kept::build(inputs) {
                Ok((kept, done)) => keep(kept, done),
                Err(message) => post(&FromWorker::Failed { message }, None),
            }
        }
        other => KEPT.with(|k| match k.borrow_mut().as_mut() {
            Some(kept) => kept.answer(other),
            None => post(
                &FromWorker::Error {
                    message: "no check has finished yet".into(),
                },
                None,
            ),
        }),
    }
}

/// Keeps a finished run's result for the page's questions, and tells the page.
pub fn keep(kept: kept::Kept, done: FromWorker) {
    KEPT.with(|k| *k.borrow_mut() = Some(kept));
    post(&done, None);
}

fn main() {
    let preparer = scope().name() == preparer::NAME;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        if preparer {
            preparer::handle(ev.data())
        } else {
            handle(ev.data())
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: keep the closure for the worker's life.
    on_message.forget();
    // Messages posted before the WebAssembly started would be lost: the page (or the
    // coordinator) waits for this.
    if preparer {
        preparer::started();
    } else {
        post(&FromWorker::Ready, None);
        coordinator::start_preparers();
        warm_up::start(playground_model::directory::preparers::WarmUp::completing());
    }
}
