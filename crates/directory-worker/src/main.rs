//! The Directory view's Web Worker: runs the go-live check (`mapping_core::directory`) over the
//! files the page hands it, so the page's thread never does more than draw.
//!
//! * [`blob_reader`]: a picked `File` read in chunks (`Blob.slice` + `FileReaderSync`) as a
//!   `BufRead`, so a 200 MB export never sits whole in memory;
//! * [`run`]: one check over the users files, with the Genesys export and the schema, posting
//!   progress at most every 50 ms;
//! * [`kept`]: the finished result this worker keeps (rows, each user's raw JSON, the summary)
//!   and the answers it gives from it: table pages, a user, the reports.
//!
//! The page starts a new worker for every run and keeps the one holding the last result until
//! the new run finishes; Cancel terminates the running worker. Built by Trunk as its own module
//! (`data-type="worker"` in index.html), fetched only when the Directory view opens.

#![forbid(unsafe_code)]

mod blob_reader;
mod kept;
mod run;

use js_sys::Array;
use playground_model::directory::protocol::{FromWorker, ToWorker};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

thread_local! {
    static KEPT: RefCell<Option<kept::Kept>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `message` (JSON text) with an optional value beside it.
pub fn post(message: &FromWorker, beside: Option<&JsValue>) {
    let text = serde_json::to_string(message).unwrap_or_default();
    let out = Array::of1(&JsValue::from_str(&text));
    if let Some(value) = beside {
        out.push(value);
    }
    // Posting only fails for values that cannot be cloned; ours are strings and Blobs.
    let _ = scope().post_message(&out);
}

fn files(value: JsValue) -> Vec<File> {
    if !Array::is_array(&value) {
        return Vec::new();
    }
    Array::from(&value)
        .iter()
        .filter_map(|f| f.dyn_into::<File>().ok())
        .collect()
}

fn handle(data: JsValue) {
    let data = Array::from(&data);
    let text = data.get(0).as_string().unwrap_or_default();
    let message = match serde_json::from_str::<ToWorker>(&text) {
        Ok(m) => m,
        Err(e) => {
            return post(
                &FromWorker::Error {
                    message: format!("the worker got a message it does not know: {e}"),
                },
                None,
            )
        }
    };
    match message {
        ToWorker::Run { options } => {
            let inputs = run::Inputs {
                users: files(data.get(1)),
                existing: files(data.get(2)),
                schema: data.get(3).dyn_into::<File>().ok(),
                options: *options,
            };
            match kept::Kept::build(inputs) {
                Ok((kept, done)) => {
                    KEPT.with(|k| *k.borrow_mut() = Some(kept));
                    post(&done, None);
                }
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

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| handle(ev.data()));
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: keep the closure for the worker's life.
    on_message.forget();
    // Messages posted before the WebAssembly started would be lost: the page waits for this.
    post(&FromWorker::Ready, None);
}
