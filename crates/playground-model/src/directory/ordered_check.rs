//! The check's in-order half, as the directory worker runs it on its own or behind its
//! preparers: the core's [`Checker`] completing users in input order, with the page's rules for
//! files — 100 unreadable records before any user make a file "not a user export", a file with
//! no users is refused, an error that ends a file ends the run — and the read errors listed for
//! the page.

use super::preparers::Done;
use super::reassembly::Next;
use mapping_core::directory::check::{Checker, Engine, Prepared, UserRecord};
use mapping_core::directory::readers::record::UserText;
use mapping_core::directory::summary::Summary;
use mapping_core::directory::ReadError;
use std::sync::Arc;

/// Unreadable records before any user that make a file "not a user export".
pub const ERRORS_BEFORE_GIVING_UP: usize = 100;
/// Read errors listed for the page (all are counted).
pub const ERRORS_LISTED: usize = 100;

/// What a run found besides the records.
pub struct Finished {
    /// The core's summary of every user.
    pub summary: Summary,
    /// The first [`ERRORS_LISTED`] records that could not be read, with their positions.
    pub read_errors: Vec<String>,
}

/// The users file being read.
#[derive(Default)]
struct FileCount {
    users: usize,
    errors: usize,
    first_error: Option<String>,
}

/// The in-order check over the users files, one file after another.
pub struct OrderedCheck {
    checker: Checker,
    files: Vec<String>,
    /// Index of the file being read.
    file: usize,
    count: FileCount,
    read_errors: Vec<String>,
}

/// A completed user: the record, and where the user's JSON can be had again (when asked for).
#[derive(Debug)]
pub struct Checked {
    /// Index of the users file the user was read from.
    pub file: usize,
    /// Where the user's JSON can be had again.
    pub text: Option<UserText>,
    /// The user's record.
    pub record: UserRecord,
}

impl OrderedCheck {
    /// A check of the users files named `files`, in this order.
    pub fn new(checker: Checker, files: Vec<String>) -> OrderedCheck {
        OrderedCheck {
            checker,
            files,
            file: 0,
            count: FileCount::default(),
            read_errors: Vec::new(),
        }
    }

    /// The engine, to prepare users (here or in other workers).
    pub fn engine(&self) -> Arc<Engine> {
        self.checker.engine()
    }

    /// The name of the file being read (empty once every file has ended).
    pub fn file_name(&self) -> &str {
        self.files.get(self.file).map_or("", String::as_str)
    }

    /// Whether every users file has ended.
    pub fn is_finished(&self) -> bool {
        self.file >= self.files.len()
    }

    /// Users completed so far.
    pub fn users(&self) -> usize {
        self.checker.progress().users
    }

    /// Completes the next user of the file.
    pub fn user(&mut self, prepared: Prepared) -> UserRecord {
        self.count.users += 1;
        self.checker.complete(prepared)
    }

    /// Counts the next record, one that could not be read; an `Err` ends the run (the file is
    /// not a user export).
    pub fn read_error(&mut self, error: &ReadError) -> Result<(), String> {
        self.count.errors += 1;
        self.checker.read_error(error);
        if self.read_errors.len() < ERRORS_LISTED {
            self.read_errors.push(error.to_string());
        }
        let first = self
            .count
            .first_error
            .get_or_insert_with(|| error.to_string());
        if self.count.users == 0 && self.count.errors >= ERRORS_BEFORE_GIVING_UP {
            return Err(format!("not a user export: {first}"));
        }
        Ok(())
    }

    /// Ends the file after `records` records, or with the error that ended it; an `Err` ends
    /// the run.
    pub fn end_file(&mut self, records: usize, error: Option<String>) -> Result<(), String> {
        if let Some(error) = error {
            return Err(error);
        }
        let count = std::mem::take(&mut self.count);
        let name = self.file_name().to_string();
        self.file += 1;
        if count.users > 0 {
            return Ok(());
        }
        let why = count
            .first_error
            .unwrap_or_else(|| format!("{name}: no users in the file"));
        Err(if records == 0 && count.errors == 0 {
            why
        } else {
            format!("not a user export: {why}")
        })
    }

    /// Takes the next record or file end from the preparers; a user comes back checked.
    pub fn take(&mut self, next: Next) -> Result<Option<Checked>, String> {
        match next {
            Next::Entry { file, entry } => match entry.done {
                Done::User(prepared) => Ok(Some(Checked {
                    file,
                    text: entry.raw,
                    record: self.user(*prepared),
                })),
                Done::Error(e) => self.read_error(&e).map(|()| None),
            },
            Next::End(end) => self.end_file(end.records, end.error).map(|()| None),
        }
    }

    /// The summary and the listed read errors.
    pub fn finish(self) -> Finished {
        Finished {
            summary: self.checker.finish(),
            read_errors: self.read_errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::preparers::{
        decode, encode, unreadable, Batch, Batcher, FileEnd, FromPreparer, Shard,
    };
    use crate::directory::reassembly::Reassembly;
    use mapping_core::directory::check::Config;
    use mapping_core::directory::matching::existing::{ExistingUsers, GenesysUser};
    use mapping_core::directory::readers::record::Record;
    use mapping_core::directory::readers::{self, Format, Item, RawUser};
    use mapping_core::directory::sample::SampleDirectory;
    use mapping_core::directory::Position;
    use mapping_core::mapping::presets;
    use std::io::Read;
    use std::ops::ControlFlow;

    /// The check of the tests, with Genesys users for a third of the sample's users (some
    /// inactive, some with another title) so that which user claims which depends on the order.
    fn checker() -> Checker {
        let mappings = presets::genesys_default();
        let existing = (0..1200)
            .step_by(3)
            .map(|i| {
                GenesysUser::from_scim(serde_json::json!({
                    "id": format!("g{i}"),
                    "userName": format!("user{i}@contoso.example"),
                    "active": i % 9 != 0,
                    "title": if i % 2 == 0 { "Agent" } else { "Manager" },
                }))
                .unwrap()
            })
            .collect();
        Checker::new(Config {
            existing: Some(ExistingUsers::new(existing, &mappings)),
            mappings,
            genesys_groups: Some(vec!["Sales Agents".into()]),
            default_region: Some("US".into()),
            ..Config::default()
        })
    }

    fn sample(users: usize, seed: u64) -> String {
        let mut text = String::new();
        SampleDirectory::new(users, seed)
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// The items of `text` read as `file` (and the error that ended it, if any).
    fn items(text: &str, file: &str) -> (Vec<Record>, usize, Option<String>) {
        let mut items = Vec::new();
        let result = readers::read_records(text.as_bytes(), None, file, &mut |record| {
            items.push(record);
            ControlFlow::Continue(())
        });
        match result {
            Ok((_, records)) => (items, records, None),
            // The records before an error that ends a file: its position's record.
            Err(e) => (items, e.position.record, Some(e.to_string())),
        }
    }

    /// What a run gives: every record (what the page keeps of it: the preparers shed the rest,
    /// `Prepared::shed_texts`) and the summary, as JSON; or the error that ended it.
    type Outcome = Result<(Vec<serde_json::Value>, serde_json::Value, Vec<String>), String>;

    fn outcome(records: Vec<Checked>, finished: Finished) -> Outcome {
        let records = records
            .into_iter()
            .map(|c| {
                let r = c.record;
                let codes: Vec<_> = r.findings.iter().map(|f| f.code).collect();
                serde_json::json!({
                    "file": c.file, "raw": c.text, "position": r.position, "id": r.id,
                    "userName": r.user_name, "displayName": r.display_name, "scope": r.scope,
                    "inScope": r.in_scope, "outcome": r.outcome, "failure": r.failure,
                    "changed": r.changed, "codes": codes,
                })
            })
            .collect();
        let summary = serde_json::to_value(&finished.summary).unwrap();
        Ok((records, summary, finished.read_errors))
    }

    /// The worker's sequential path: read, check, in one loop.
    fn sequential(files: &[(&str, &str)]) -> Outcome {
        sequential_in(files, false)
    }

    /// The sequential path, or (`reversed`) with each file's users completed last to first and
    /// the records then listed in input order again: what a merge that lost the order would give.
    fn sequential_in(files: &[(&str, &str)], reversed: bool) -> Outcome {
        let names = files.iter().map(|(n, _)| n.to_string()).collect();
        let mut check = OrderedCheck::new(checker(), names);
        let engine = check.engine();
        let mut options = engine.options();
        let mut out = Vec::new();
        for (file, (name, text)) in files.iter().enumerate() {
            let (mut items, records, error) = items(text, name);
            let start = out.len();
            if reversed {
                items.reverse();
            }
            for record in items {
                match record.parse_with_text() {
                    (Item::User(raw), json) => {
                        out.push(Checked {
                            file,
                            text: json,
                            record: check.user(engine.prepare(&mut options, raw)),
                        });
                    }
                    (Item::Error(e), _) => check.read_error(&e)?,
                }
            }
            if reversed {
                out[start..].reverse();
            }
            check.end_file(records, error)?;
        }
        outcome(out, check.finish())
    }

    /// The preparers' messages for shard `shard`, as the bytes they post.
    fn preparer(files: &[(&str, &str)], shard: Shard) -> Vec<Vec<u8>> {
        let engine = checker().engine();
        let mut options = Shard::options(&engine);
        let mut out = Vec::new();
        let mut post = |m: FromPreparer| out.push(encode(&m));
        for (file, (name, text)) in files.iter().enumerate() {
            let (items, records, error) = items(text, name);
            let mut batcher = Batcher::default();
            let batch = |entries| {
                FromPreparer::Batch(Batch {
                    file,
                    bytes: 0,
                    entries,
                })
            };
            for item in items {
                let entry = shard.prepare(&engine, &mut options, item, true);
                if let Some(entries) = entry.and_then(|e| batcher.push(e, 0.0)) {
                    post(batch(entries));
                }
            }
            let entries = batcher.take();
            if !entries.is_empty() {
                post(batch(entries));
            }
            post(FromPreparer::End(FileEnd {
                file,
                records,
                error,
            }));
        }
        out
    }

    /// The coordinator: the preparers' messages interleaved by `order` (the shard each next
    /// message comes from), put back in order and completed.
    fn sharded(
        files: &[(&str, &str)],
        count: usize,
        order: &mut dyn FnMut(usize) -> usize,
    ) -> Outcome {
        let mut streams: Vec<std::collections::VecDeque<Vec<u8>>> = (0..count)
            .map(|index| preparer(files, Shard { index, count }).into())
            .collect();
        let names = files.iter().map(|(n, _)| n.to_string()).collect();
        let mut check = OrderedCheck::new(checker(), names);
        let mut reassembly = Reassembly::new(count);
        let mut out = Vec::new();
        let mut step = 0;
        while streams.iter().any(|s| !s.is_empty()) && !check.is_finished() {
            let shard = order(step) % count;
            step += 1;
            let Some(bytes) = streams[shard].pop_front() else {
                continue;
            };
            match decode(&bytes).unwrap() {
                FromPreparer::Batch(b) => reassembly.batch(shard, b)?,
                FromPreparer::End(e) => reassembly.end(shard, e)?,
                _ => unreachable!(),
            }
            while let Some(next) = reassembly.next_due()? {
                if let Some(checked) = check.take(next)? {
                    out.push(checked);
                }
            }
        }
        assert!(check.is_finished(), "every file ended");
        outcome(out, check.finish())
    }

    /// A pseudo-random shard order (a linear congruential generator).
    fn shuffled(seed: u64) -> impl FnMut(usize) -> usize {
        let mut x = seed;
        move |_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize
        }
    }

    #[test]
    fn shards_in_any_order_give_the_sequential_result() {
        let a = sample(1200, 7);
        let b = sample(300, 11);
        // Unreadable records in the middle of a file: NDJSON with broken lines.
        let (users, _) = readers::read_all(&sample(40, 5), Format::Json);
        let mut c = String::new();
        for (i, user) in users.iter().enumerate() {
            c.push_str(&if i % 7 == 3 {
                "{broken".to_string()
            } else {
                user.json.to_string()
            });
            c.push('\n');
        }
        let files = [
            ("a.json", a.as_str()),
            ("b.json", b.as_str()),
            ("c.ndjson", c.as_str()),
        ];
        let expected = sequential(&files).unwrap();
        assert_eq!(expected.0.len(), 1200 + 300 + 34);
        assert_eq!(expected.2.len(), 6, "c.ndjson has unreadable lines");
        // Refused phone formats with their fixes, which the preparers prove once per shape.
        let fixed = expected.1["rejectedPhoneFormats"]
            .as_array()
            .map(|formats| {
                formats
                    .iter()
                    .filter(|f| f["suggestedExpression"].is_string())
                    .count()
            });
        assert!(fixed > Some(3), "{fixed:?}");
        // The order matters (claims of Genesys users, the summary's examples): the comparison
        // below would see a merge that lost it.
        let reversed = sequential_in(&files, true).unwrap();
        assert_eq!(reversed.0.len(), expected.0.len());
        assert!(reversed.0 != expected.0 && reversed.1 != expected.1);
        for count in 1..=4 {
            for seed in 0..3 {
                let got = sharded(&files, count, &mut shuffled(seed)).unwrap();
                assert!(
                    got == expected,
                    "{count} shards, order {seed}: results differ"
                );
            }
            // One shard far ahead of the others.
            let got = sharded(&files, count, &mut |s| if s < 5_000 { 0 } else { s }).unwrap();
            assert!(
                got == expected,
                "{count} shards, shard 0 first: results differ"
            );
        }
    }

    /// The error that ends the sequential run of `files`, which every sharded run ends with too.
    fn same_error_either_way(files: &[(&str, &str)]) -> String {
        let expected = sequential(files).unwrap_err();
        for count in 1..=4 {
            let got = sharded(files, count, &mut shuffled(count as u64)).unwrap_err();
            assert_eq!(got, expected, "{count} shards");
        }
        expected
    }

    #[test]
    fn an_error_that_ends_a_file_ends_the_run_with_its_position_either_way() {
        let text = sample(60, 3);
        let truncated = &text[..text.len() / 2];
        let files = [("ok.json", text.as_str()), ("cut.json", truncated)];
        let error = same_error_either_way(&files);
        assert!(error.starts_with("cut.json:"), "{error}");
    }

    #[test]
    fn a_file_of_unreadable_records_is_not_a_user_export() {
        let garbage = format!("[{}]", "7, ".repeat(150) + "7");
        let files = [("numbers.json", garbage.as_str())];
        let error = same_error_either_way(&files);
        assert!(
            error.starts_with("not a user export: numbers.json:"),
            "{error}"
        );
        assert!(
            error.contains("record 1: expected a user object"),
            "{error}"
        );
    }

    #[test]
    fn files_without_users_are_refused() {
        let files = [("ok.json", "[{\"id\": \"1\"}]"), ("empty.json", "[]")];
        assert_eq!(
            sequential(&files).unwrap_err(),
            "empty.json: no users in the file"
        );
        assert_eq!(
            sharded(&files, 3, &mut shuffled(1)).unwrap_err(),
            "empty.json: no users in the file"
        );
        let files = [("mixed.json", "[1, {\"id\": \"1\"}, 2]")];
        let (records, _, errors) = sharded(&files, 2, &mut shuffled(4)).unwrap();
        assert_eq!((records.len(), errors.len()), (1, 2));
        let files = [("odd.json", "[1, 2]")];
        assert!(sharded(&files, 2, &mut shuffled(4))
            .unwrap_err()
            .starts_with("not a user export: odd.json:"));
    }

    #[test]
    fn read_errors_are_listed_up_to_the_limit_and_all_counted() {
        let mut check = OrderedCheck::new(checker(), vec!["f".into()]);
        let engine = check.engine();
        let mut options = engine.options();
        let raw = RawUser {
            json: serde_json::json!({"id": "1", "userPrincipalName": "a@b.example"}),
            position: Position::default(),
        };
        check.user(engine.prepare(&mut options, raw));
        for record in 1..=150 {
            let Done::Error(e) = unreadable(record).done else {
                unreachable!("an unreadable record");
            };
            check.read_error(&e).unwrap();
        }
        check.end_file(151, None).unwrap();
        assert!(check.is_finished());
        let finished = check.finish();
        assert_eq!(finished.read_errors.len(), ERRORS_LISTED);
        assert_eq!(finished.summary.read_errors, 150);
    }
}
