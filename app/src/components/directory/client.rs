//! The page's side of the directory worker: spawning it (only when the Directory view runs a
//! check), sending it JSON text (and files), and routing its answers to [`DirectoryState`].
//!
//! A run always gets a fresh worker; the worker holding the last finished result stays alive
//! (it answers table pages, users and reports) until a new run finishes. Cancel terminates the
//! running worker, so the last result survives a cancelled or failed run. One more worker waits
//! on standby (started when the view opens and after each run): it has loaded, started its
//! preparers and warmed them up by the time the next run is asked for.

use super::state::{DirectoryState, Status, TablePage};
use leptos::prelude::*;
use playground_model::directory::protocol::{FromWorker, ToWorker};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// Trunk's loader shim for the worker module (a stable name, beside index.html).
const WORKER_URL: &str = "./directory-worker_loader.js";

/// A worker and its message handler; terminated when dropped.
pub struct WorkerHandle {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    /// Whether the worker has said it is ready for a run.
    ready: Rc<Cell<bool>>,
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl WorkerHandle {
    fn post(&self, message: &ToWorker, beside: &[JsValue]) {
        let text = serde_json::to_string(message).unwrap_or_default();
        let out = js_sys::Array::of1(&JsValue::from_str(&text));
        for value in beside {
            out.push(value);
        }
        let _ = self.worker.post_message(&out);
    }
}

/// The files of a run, as picked (never read on this thread).
#[derive(Clone, Default)]
pub struct RunFiles {
    pub users: Vec<web_sys::File>,
    pub existing: Vec<web_sys::File>,
    pub schema: Option<web_sys::File>,
}

fn array(files: &[web_sys::File]) -> JsValue {
    files.iter().collect::<js_sys::Array>().into()
}

/// The workers: the one running a check, the one keeping the last result, and the one waiting
/// for the next run.
#[derive(Clone, Copy)]
pub struct Client {
    running: StoredValue<Option<Rc<WorkerHandle>>, LocalStorage>,
    kept: StoredValue<Option<Rc<WorkerHandle>>, LocalStorage>,
    standby: StoredValue<Option<Rc<WorkerHandle>>, LocalStorage>,
    /// The run waiting for its worker to be ready.
    pending: StoredValue<Option<(ToWorker, RunFiles)>, LocalStorage>,
    state: DirectoryState,
}

/// Drops a worker handle after the current event (its handler may be the one running now).
fn retire(handle: Option<Rc<WorkerHandle>>) {
    if let Some(h) = handle {
        h.worker.terminate();
        gloo_timers::callback::Timeout::new(0, move || drop(h)).forget();
    }
}

impl Client {
    pub fn new(state: DirectoryState) -> Client {
        Client {
            running: StoredValue::new_local(None),
            kept: StoredValue::new_local(None),
            standby: StoredValue::new_local(None),
            pending: StoredValue::new_local(None),
            state,
        }
    }

    fn spawn(self) -> Result<Rc<WorkerHandle>, String> {
        let worker =
            Worker::new(WORKER_URL).map_err(|e| format!("the worker could not start: {e:?}"))?;
        let ready = Rc::new(Cell::new(false));
        let said_ready = ready.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = js_sys::Array::from(&ev.data());
            let text = data.get(0).as_string().unwrap_or_default();
            match serde_json::from_str::<FromWorker>(&text) {
                Ok(message) => {
                    if matches!(message, FromWorker::Ready) {
                        said_ready.set(true);
                    }
                    self.receive(message, data.get(1))
                }
                Err(e) => self
                    .state
                    .fail(format!("unreadable message from the worker: {e}")),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let message = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|| "the worker stopped".into());
            if self.state.status.get_untracked().is_busy() {
                self.running_failed(message);
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(Rc::new(WorkerHandle {
            worker,
            _on_message: on_message,
            ready,
        }))
    }

    /// Starts a worker to wait for the next run, unless one waits already. A worker that
    /// cannot start now is started again when a run asks for it (and then says why).
    pub fn stand_by(self) {
        if self.standby.with_value(Option::is_none) {
            if let Ok(worker) = self.spawn() {
                self.standby.set_value(Some(worker));
            }
        }
    }

    /// Starts a check of `files` with `message` (a `Run`) in the standby worker, or a fresh one.
    pub fn run(self, message: ToWorker, files: RunFiles) {
        self.cancel_quietly();
        let worker = match self.standby.try_update_value(Option::take).flatten() {
            Some(worker) => Ok(worker),
            None => self.spawn(),
        };
        match worker {
            Ok(worker) => {
                self.pending.set_value(Some((message, files)));
                self.running.set_value(Some(worker));
                self.state.status.set(Status::Starting);
                self.state.error.set(None);
                self.start_pending();
            }
            Err(e) => self.state.fail(e),
        }
    }

    /// Sends the waiting run to the running worker once that worker is ready.
    fn start_pending(self) {
        let ready = self
            .running
            .with_value(|r| r.as_ref().is_some_and(|r| r.ready.get()));
        if !ready {
            return;
        }
        if let Some((run, files)) = self.pending.try_update_value(Option::take).flatten() {
            let schema = files.schema.map(JsValue::from).unwrap_or(JsValue::NULL);
            self.running.with_value(|r| {
                if let Some(r) = r {
                    r.post(&run, &[array(&files.users), array(&files.existing), schema])
                }
            });
        }
    }

    fn cancel_quietly(self) {
        retire(self.running.try_update_value(Option::take).flatten());
        self.pending.set_value(None);
    }

    /// Stops the running check; the last result stays.
    pub fn cancel(self) {
        self.cancel_quietly();
        self.state.status.set(Status::Cancelled);
        self.stand_by();
    }

    fn running_failed(self, message: String) {
        self.cancel_quietly();
        self.state.fail(message);
        self.stand_by();
    }

    /// A request to the worker keeping the last result.
    pub fn ask(self, message: &ToWorker) {
        self.kept.with_value(|k| {
            if let Some(k) = k {
                k.post(message, &[]);
            }
        });
    }

    fn receive(self, message: FromWorker, beside: JsValue) {
        let state = self.state;
        match message {
            FromWorker::Ready => self.start_pending(),
            FromWorker::Progress(p) => state.status.set(Status::Running(p)),
            FromWorker::Done {
                summary,
                rows,
                read_errors,
                millis,
                workers,
            } => {
                // Only the running worker finishes runs: it becomes the one that keeps the result.
                if let Some(new) = self.running.try_update_value(Option::take).flatten() {
                    retire(self.kept.try_update_value(|k| k.replace(new)).flatten());
                }
                state.finish(summary, rows, read_errors, millis, workers);
                self.stand_by();
            }
            FromWorker::Failed { message } => self.running_failed(message),
            FromWorker::Page {
                seq,
                total,
                offset,
                rows,
            } => state.page_arrived(TablePage {
                seq,
                total,
                offset,
                rows,
            }),
            FromWorker::User { json, .. } => state.open_user(json),
            FromWorker::Export { kind, .. } => {
                if let Ok(blob) = beside.dyn_into::<web_sys::Blob>() {
                    let (name, _) = kind.file();
                    if crate::dom::download_blob(name, blob.into()).is_err() {
                        state.fail("the report could not be offered as a download".into());
                    }
                }
                state.exporting.set(None);
            }
            FromWorker::Error { message } => {
                state.exporting.set(None);
                state.fail(message);
            }
        }
    }
}
