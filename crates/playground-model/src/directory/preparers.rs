//! The messages between the worker that runs a check (the coordinator) and the preparer workers
//! it starts, one per core: which records a preparer takes ([`Shard`]), what it sends back
//! ([`FromPreparer`]: batches of prepared users, one end per users file) and how it groups them
//! ([`Batcher`]).
//!
//! Every preparer reads every users file and parses and prepares only its own records
//! (`record % count == index`, counting every record the reader hands over, unreadable ones too,
//! as `Position::record` does); the coordinator puts the records back in input order
//! ([`super::reassembly`]). The coordinator's messages are JSON text, as the page's; a
//! preparer's are MessagePack bytes ([`encode`], [`decode`]), posted as a transferred buffer:
//! its batches carry every user's record and raw JSON, and JSON would spend more time escaping
//! and parsing them than the coordinator spends completing the users.

use super::protocol::RunOptions;
use mapping_core::directory::check::{Checker, Config, Engine, Prepared};
use mapping_core::directory::readers::record::{Record, UserText};
use mapping_core::directory::readers::Item;
use mapping_core::directory::readers::RawUser;
use mapping_core::directory::ReadError;
use mapping_core::directory::{sample, Position};
use mapping_core::mapping::presets;
use mapping_core::phone::shape::ProvenShapes;
use mapping_core::provision::Options;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A preparer's share of the records: those whose index in their file is `index` modulo `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// This preparer's number, `0..count`.
    pub index: usize,
    /// How many preparers share the records (at least 1).
    pub count: usize,
}

impl Shard {
    /// The options a preparer prepares its users with: `engine`'s, with a phone suggestion
    /// proven only for the first refused value of each shape (`ProvenShapes`). The page keeps
    /// no help texts, and the summary's example of a shape is the first in input order — the
    /// first of that shape in its own shard too — so the summary stays the same.
    pub fn options(engine: &Engine) -> Options {
        let mut options = engine.options();
        options.proven_shapes = Some(ProvenShapes::default());
        options
    }

    /// Whether record `record` (0-based, in its file) is this preparer's.
    pub fn owns(self, record: usize) -> bool {
        record % self.count.max(1) == self.index
    }

    /// A record the reader handed over, parsed and prepared by `engine` when it is this
    /// shard's (with where the user's JSON can be had again when `raw`); `None`, unparsed, for
    /// the others'.
    pub fn prepare(
        self,
        engine: &Engine,
        options: &mut Options,
        record: Record,
        raw: bool,
    ) -> Option<Entry> {
        let index = record.position().record;
        if !self.owns(index) {
            return None;
        }
        let (item, text) = match raw {
            true => record.parse_with_text(),
            false => (record.parse(), None),
        };
        Some(match item {
            Item::User(user) => {
                // The coordinator keeps rows and the summary: the rest of the texts need not
                // travel (exports check the files again).
                let mut prepared = engine.prepare(options, user);
                prepared.shed_texts();
                Entry {
                    record: index,
                    raw: text,
                    done: Done::User(Box::new(prepared)),
                }
            }
            Item::Error(e) => Entry {
                record: index,
                raw: None,
                done: Done::Error(e),
            },
        })
    }
}

/// Coordinator → preparer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ToPreparer {
    /// Prepare this shard of the users files sent beside the message (then the Genesys export
    /// files and the schema, as in [`super::protocol::ToWorker::Run`]).
    Start {
        /// The page's setup, to build the same configuration as the coordinator.
        options: Box<RunOptions>,
        /// Which records to prepare.
        shard: Shard,
        /// Send where each user's JSON can be had again too (for "open this user").
        raw: bool,
    },
    /// The coordinator has finished this many more of the preparer's batches.
    Ack {
        /// Batches finished since the last acknowledgement.
        batches: usize,
    },
}

/// One record of a preparer's shard.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The record's index in its file.
    pub record: usize,
    /// Where the user's JSON can be had again: its place in the file, or for a CSV row the
    /// user written out (only when asked for, and only for users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<UserText>,
    /// The prepared user, or why the record could not be read.
    pub done: Done,
}

/// A record prepared, or not readable.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Done {
    /// A user, prepared by the engine; completed by the coordinator in input order.
    User(Box<Prepared>),
    /// A record the reader could not read (the file goes on).
    Error(ReadError),
}

/// Consecutive records of one file from one preparer (its own records only).
#[derive(Debug, Serialize, Deserialize)]
pub struct Batch {
    /// Index of the users file.
    pub file: usize,
    /// Bytes of the users files this preparer has read so far, over all files.
    pub bytes: u64,
    /// The records, in input order.
    pub entries: Vec<Entry>,
}

/// A users file read to its end, or to the error that ended it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEnd {
    /// Index of the users file.
    pub file: usize,
    /// How many records the reader handed over (every preparer counts the same).
    pub records: usize,
    /// The error that ended the file (it could not be opened, is not a user export, or broke
    /// off), with the file's name and position, as the run reports it.
    pub error: Option<String>,
}

/// Preparer → coordinator.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FromPreparer {
    /// Loaded and listening.
    Ready,
    /// Prepared records.
    Batch(Batch),
    /// The end of a users file (after the file's last batch).
    End(FileEnd),
    /// The preparer could not set up the check (the coordinator checks the same first, so this
    /// only shows when a file changed in between).
    Failed {
        /// What went wrong, in words.
        message: String,
    },
}

/// A preparer's message as it is posted: MessagePack, structs as maps (the format has to
/// describe itself: some fields are left out when empty, and a PATCH is any JSON).
pub fn encode(message: &FromPreparer) -> Vec<u8> {
    // Writing into a Vec fails only for values serde cannot describe; ours can all be.
    rmp_serde::to_vec_named(message).unwrap_or_default()
}

/// A preparer's message from the bytes [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<FromPreparer, String> {
    rmp_serde::from_slice(bytes).map_err(|e| format!("a preparer's message could not be read: {e}"))
}

/// How many records a preparer sends at once.
pub const BATCH_RECORDS: usize = 256;
/// A preparer sends what it has after this long, even fewer records (milliseconds), so the
/// progress moves on slow inputs.
pub const BATCH_MS: f64 = 50.0;
/// Batches a preparer may have sent that the coordinator has not finished, before it waits to
/// start the next users file (within a file it cannot wait: see the README).
pub const BATCHES_AHEAD: usize = 16;

/// Synthetic users a preparer waiting for a run prepares ([`WarmUp`]): enough for the browser to
/// have compiled libphonenumber's patterns of the common regions and optimised the busiest code
/// before the first run (README, "Directory").
pub const WARM_UP_USERS: usize = 2_000;

/// The warm-up of a worker waiting for a run, done a few users at a time so that a run can
/// start between two steps: sample users written as JSON, read, prepared with the Genesys
/// default mappings and encoded as a batch — a preparer's work on made-up users — and, for the
/// coordinator ([`WarmUp::completing`]), decoded and completed in order as well.
pub struct WarmUp {
    checker: Checker,
    engine: Arc<Engine>,
    options: Options,
    completing: bool,
    next: usize,
    findings: usize,
}

impl WarmUp {
    /// A preparer's warm-up.
    pub fn preparing() -> WarmUp {
        let checker = Checker::new(Config {
            mappings: presets::genesys_default(),
            ..Config::default()
        });
        let engine = checker.engine();
        WarmUp {
            options: engine.options(),
            engine,
            checker,
            completing: false,
            next: 0,
            findings: 0,
        }
    }

    /// The coordinator's warm-up: the preparer's, and its own part.
    pub fn completing() -> WarmUp {
        WarmUp {
            completing: true,
            ..WarmUp::preparing()
        }
    }

    /// Warms up with up to `users` more users; whether any are left.
    pub fn step(&mut self, users: usize) -> bool {
        let end = (self.next + users).min(WARM_UP_USERS);
        let mut entries = Vec::with_capacity(end - self.next);
        for n in self.next..end {
            let text = serde_json::to_vec(&sample::user(n, 1)).unwrap_or_default();
            let Ok(json) = serde_json::from_slice(&text) else {
                continue;
            };
            let user = RawUser {
                json,
                position: Position::default(),
            };
            let mut prepared = self.engine.prepare(&mut self.options, user);
            prepared.shed_texts();
            entries.push(Entry {
                record: n,
                raw: None,
                done: Done::User(Box::new(prepared)),
            });
        }
        let bytes = encode(&FromPreparer::Batch(Batch {
            file: 0,
            bytes: 0,
            entries,
        }));
        if let Ok(FromPreparer::Batch(batch)) = decode(&bytes).map_err(drop) {
            for entry in batch.entries {
                if let (true, Done::User(prepared)) = (self.completing, entry.done) {
                    self.findings += self.checker.complete(*prepared).findings.len();
                }
            }
        }
        self.next = end;
        self.next < WARM_UP_USERS
    }

    /// The users warmed up with so far.
    pub fn users(&self) -> usize {
        self.next
    }

    /// The findings of the users completed so far (none when only preparing).
    pub fn findings(&self) -> usize {
        self.findings
    }
}

/// Groups a preparer's records into batches of [`BATCH_RECORDS`] records or [`BATCH_MS`],
/// whichever comes first.
#[derive(Debug, Default)]
pub struct Batcher {
    entries: Vec<Entry>,
    /// When the first record of the batch being filled came.
    started: Option<f64>,
}

impl Batcher {
    /// Adds `entry` at time `now` (milliseconds); returns a full batch to send.
    pub fn push(&mut self, entry: Entry, now: f64) -> Option<Vec<Entry>> {
        let started = *self.started.get_or_insert(now);
        self.entries.push(entry);
        (self.entries.len() >= BATCH_RECORDS || now - started >= BATCH_MS).then(|| self.take())
    }

    /// What is left (at the end of a file); empty when nothing is.
    pub fn take(&mut self) -> Vec<Entry> {
        self.started = None;
        std::mem::replace(&mut self.entries, Vec::with_capacity(BATCH_RECORDS))
    }
}

/// Record `record` of file `f`, unreadable: for the tests of the directory modules.
#[cfg(test)]
pub(crate) fn unreadable(record: usize) -> Entry {
    Entry {
        record,
        raw: None,
        done: Done::Error(ReadError {
            position: mapping_core::directory::Position {
                file: "f".into(),
                record,
                ..Default::default()
            },
            message: format!("record {record} is broken"),
            fatal: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(record: usize) -> Entry {
        unreadable(record)
    }

    #[test]
    fn shards_split_the_records_round_robin() {
        let shards: Vec<Shard> = (0..3).map(|index| Shard { index, count: 3 }).collect();
        for record in 0..30 {
            let owners: Vec<usize> = shards
                .iter()
                .filter(|s| s.owns(record))
                .map(|s| s.index)
                .collect();
            assert_eq!(owners, vec![record % 3]);
        }
        assert!(Shard { index: 0, count: 1 }.owns(7));
    }

    #[test]
    fn batches_close_at_the_record_count_or_the_time_limit() {
        let mut b = Batcher::default();
        for i in 0..BATCH_RECORDS - 1 {
            assert!(b.push(error(i), 0.0).is_none());
        }
        let full = b.push(error(BATCH_RECORDS - 1), 1.0).expect("full");
        assert_eq!(full.len(), BATCH_RECORDS);
        assert!(b.push(error(0), 100.0).is_none());
        assert!(b.push(error(1), 100.0 + BATCH_MS - 1.0).is_none());
        let timed = b.push(error(2), 100.0 + BATCH_MS).expect("time is up");
        assert_eq!(timed.len(), 3);
        assert!(b.take().is_empty());
        assert!(b.push(error(3), 500.0).is_none());
        assert_eq!(b.take().len(), 1);
    }

    #[test]
    fn the_warm_up_goes_step_by_step_through_users_whose_phones_need_analysing() {
        let mut preparing = WarmUp::preparing();
        let mut steps = 1;
        while preparing.step(300) {
            steps += 1;
        }
        assert_eq!(steps, WARM_UP_USERS.div_ceil(300));
        assert_eq!(
            (preparing.users(), preparing.findings()),
            (WARM_UP_USERS, 0)
        );
        assert!(!preparing.step(300));
        let mut completing = WarmUp::completing();
        while completing.step(500) {}
        assert!(
            completing.findings() > WARM_UP_USERS / 4,
            "{}",
            completing.findings()
        );
    }

    #[test]
    fn messages_round_trip_through_their_bytes() {
        let mut entry = error(4);
        entry.raw = Some(UserText::Written(r#"{"id":"1","name":"Zoë \"Z\""}"#.into()));
        let mut placed = error(6);
        placed.raw = Some(UserText::InFile { byte: 7, len: 12 });
        let bytes = encode(&FromPreparer::Batch(Batch {
            file: 2,
            bytes: 10,
            entries: vec![entry, error(5), placed],
        }));
        let FromPreparer::Batch(batch) = decode(&bytes).unwrap() else {
            panic!("not a batch");
        };
        assert_eq!((batch.file, batch.bytes, batch.entries.len()), (2, 10, 3));
        assert_eq!(
            batch.entries[0].raw,
            Some(UserText::Written(r#"{"id":"1","name":"Zoë \"Z\""}"#.into()))
        );
        let placed = Some(UserText::InFile { byte: 7, len: 12 });
        assert_eq!(batch.entries[2].raw, placed);
        assert!(batch.entries[1].raw.is_none());
        assert!(matches!(&batch.entries[1].done, Done::Error(e) if e.position.record == 5));
        let end = FromPreparer::End(FileEnd {
            file: 0,
            records: 3,
            error: Some("f:1:2: broken".into()),
        });
        assert!(matches!(decode(&encode(&end)).unwrap(), FromPreparer::End(e) if e.records == 3));
        assert!(matches!(
            decode(&encode(&FromPreparer::Ready)).unwrap(),
            FromPreparer::Ready
        ));
        let e = decode(b"\xc1 not a message").unwrap_err();
        assert!(
            e.starts_with("a preparer's message could not be read"),
            "{e}"
        );
    }
}
