//! A preparer worker: started by the coordinator (this same module, named [`NAME`]), it builds
//! the run's configuration, reads every users file and prepares its shard of the records
//! (`Engine::prepare`: scope, preview, phones, the Genesys candidate), posting them in batches;
//! the coordinator completes them in input order.
//!
//! Flow control: a worker reading a file cannot take messages (the core's readers push every
//! record of a file in one call, and without cross-origin isolation there is no
//! `Atomics.wait`), so a preparer only waits between files: it starts the next users file once
//! at most [`BATCHES_AHEAD`] of its batches are not finished by the coordinator.

use crate::run::{self, Inputs};
use crate::{read, scope, warm_up};
use js_sys::{Array, Uint8Array};
use mapping_core::directory::check::Engine;
use mapping_core::provision::Options;
use playground_model::directory::preparers::{
    encode, Batch, Batcher, Entry, FileEnd, FromPreparer, Shard, ToPreparer, WarmUp, BATCHES_AHEAD,
};
use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The worker name the coordinator gives its preparers (`WorkerOptions.name`).
pub const NAME: &str = "directory-preparer";

thread_local! {
    static PREPARER: RefCell<Option<Preparer>> = const { RefCell::new(None) };
}

struct Preparer {
    inputs: Inputs,
    shard: Shard,
    raw: bool,
    engine: Engine,
    options: Options,
    /// The users file to read next.
    file: usize,
    /// Bytes of the users files read so far.
    counted: Rc<Cell<u64>>,
    /// Batches posted, and batches the coordinator has finished.
    posted: usize,
    finished: usize,
}

pub fn handle(data: JsValue) {
    let data = Array::from(&data);
    let message = match read::<ToPreparer>(&data) {
        Ok(m) => m,
        Err(message) => return send_up(&FromPreparer::Failed { message }),
    };
    PREPARER.with(|p| {
        let mut p = p.borrow_mut();
        match message {
            ToPreparer::Start {
                options,
                shard,
                raw,
            } => {
                // The run has come: the warm-up stops.
                warm_up::stop();
                let inputs = Inputs::from_message(&data, *options);
                match run::config(&inputs) {
                    Ok(config) => {
                        let engine = Engine::new(config);
                        *p = Some(Preparer {
                            options: Shard::options(&engine),
                            engine,
                            inputs,
                            shard,
                            raw,
                            file: 0,
                            counted: Rc::new(Cell::new(0)),
                            posted: 0,
                            finished: 0,
                        });
                    }
                    Err(message) => send_up(&FromPreparer::Failed { message }),
                }
            }
            ToPreparer::Ack { batches } => {
                if let Some(p) = p.as_mut() {
                    p.finished += batches;
                }
            }
        }
        if let Some(p) = p.as_mut() {
            p.read_on();
        }
    });
}

/// The preparer has loaded: it says it is ready, then warms up until a run starts (the page
/// keeps a worker on standby, so this mostly happens before a run is asked for).
pub fn started() {
    send_up(&FromPreparer::Ready);
    warm_up::start(WarmUp::preparing());
}

/// Posts `message` to the coordinator as MessagePack bytes, their buffer transferred.
pub fn send_up(message: &FromPreparer) {
    let bytes = Uint8Array::from(encode(message).as_slice());
    let _ = scope().post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()));
}

impl Preparer {
    /// Reads the next users files while the coordinator keeps up.
    fn read_on(&mut self) {
        while self.file < self.inputs.users.len()
            && self.posted.saturating_sub(self.finished) <= BATCHES_AHEAD
        {
            // After an error that ends a file the run is over: no need to read on.
            self.file = match self.read_file() {
                true => self.file + 1,
                false => self.inputs.users.len(),
            };
        }
    }

    /// Reads the next users file, posting its batches and its end; whether it ended well.
    fn read_file(&mut self) -> bool {
        let file = self.file;
        let mut batcher = Batcher::default();
        let send = |entries: Vec<Entry>, counted: u64, posted: &mut usize| {
            *posted += 1;
            let batch = Batch {
                file,
                bytes: counted,
                entries,
            };
            send_up(&FromPreparer::Batch(batch));
        };
        let (engine, options, shard, raw) = (&self.engine, &mut self.options, self.shard, self.raw);
        let counted = &self.counted;
        let mut posted = self.posted;
        let result = run::read_file(&self.inputs.users[file], counted, &mut |record| {
            let entry = shard.prepare(engine, options, record, raw);
            if let Some(entries) = entry.and_then(|e| batcher.push(e, js_sys::Date::now())) {
                send(entries, counted.get(), &mut posted);
            }
            ControlFlow::Continue(())
        });
        let rest = batcher.take();
        if !rest.is_empty() {
            send(rest, counted.get(), &mut posted);
        }
        self.posted = posted;
        let (records, error) = match result {
            Ok(records) => (records, None),
            Err(e) => (e.records, Some(e.message)),
        };
        let ended_well = error.is_none();
        send_up(&FromPreparer::End(FileEnd {
            file,
            records,
            error,
        }));
        ended_well
    }
}
