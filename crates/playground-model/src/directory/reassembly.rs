//! The preparers' records back in input order: batches and file ends arrive from every shard in
//! any interleaving (each shard's own messages in the order it sent them); [`Reassembly::next_due`]
//! hands over record 0, 1, 2, … of the first file, its end, then the next file, and waits
//! (`None`) when the record due has not arrived yet.

use super::preparers::{Batch, Entry, FileEnd, Shard};
use std::collections::VecDeque;

/// What comes next in input order.
#[derive(Debug)]
pub enum Next {
    /// Record `entry.record` of users file `file`.
    Entry {
        /// Index of the users file.
        file: usize,
        /// The record.
        entry: Entry,
    },
    /// Every record of the file has been handed over.
    End(FileEnd),
}

/// A shard's messages not handed over yet, in the order it sent them.
#[derive(Debug)]
enum Queued {
    Entry {
        file: usize,
        entry: Entry,
        /// The last entry of its batch: handing it over finishes the batch.
        last: bool,
    },
    End(FileEnd),
}

#[derive(Debug, Default)]
struct ShardQueue {
    queued: VecDeque<Queued>,
    /// Bytes the shard reports having read.
    bytes: u64,
    /// Batches finished and not yet acknowledged.
    finished: usize,
}

/// The in-order merge of every shard's messages.
#[derive(Debug)]
pub struct Reassembly {
    shards: Vec<ShardQueue>,
    /// The users file being handed over.
    file: usize,
    /// The record due next in it.
    record: usize,
    /// The file's end, once a shard has sent it.
    end: Option<FileEnd>,
}

impl Reassembly {
    /// A merge of `shards` shards (at least 1), starting at record 0 of file 0.
    pub fn new(shards: usize) -> Reassembly {
        Reassembly {
            shards: (0..shards.max(1)).map(|_| ShardQueue::default()).collect(),
            file: 0,
            record: 0,
            end: None,
        }
    }

    fn queue(&mut self, shard: usize) -> Result<&mut ShardQueue, String> {
        let count = self.shards.len();
        self.shards
            .get_mut(shard)
            .ok_or_else(|| format!("a message from preparer {shard}, of {count}"))
    }

    /// Takes a batch from shard `shard`.
    pub fn batch(&mut self, shard: usize, batch: Batch) -> Result<(), String> {
        let queue = self.queue(shard)?;
        queue.bytes = queue.bytes.max(batch.bytes);
        if batch.entries.is_empty() {
            queue.finished += 1;
        }
        let count = batch.entries.len();
        for (i, entry) in batch.entries.into_iter().enumerate() {
            queue.queued.push_back(Queued::Entry {
                file: batch.file,
                entry,
                last: i + 1 == count,
            });
        }
        Ok(())
    }

    /// Takes the end of a file from shard `shard`.
    pub fn end(&mut self, shard: usize, end: FileEnd) -> Result<(), String> {
        self.queue(shard)?.queued.push_back(Queued::End(end));
        Ok(())
    }

    /// The next record or file end in input order; `Ok(None)` while it has not arrived. An
    /// `Err` is a shard that sent something else than it had to (a broken preparer).
    pub fn next_due(&mut self) -> Result<Option<Next>, String> {
        self.take_ends()?;
        if let Some(end) = self.end.take_if(|end| self.record >= end.records) {
            self.file += 1;
            self.record = 0;
            return Ok(Some(Next::End(end)));
        }
        let count = self.shards.len();
        let shard = Shard {
            index: self.record % count,
            count,
        };
        let queue = &mut self.shards[shard.index];
        match queue.queued.front() {
            None => Ok(None),
            Some(Queued::Entry { file, entry, .. })
                if *file == self.file && entry.record == self.record =>
            {
                let Some(Queued::Entry { file, entry, last }) = queue.queued.pop_front() else {
                    unreachable!("the front was an entry");
                };
                queue.finished += usize::from(last);
                self.record += 1;
                Ok(Some(Next::Entry { file, entry }))
            }
            Some(Queued::Entry { file, entry, .. }) => Err(format!(
                "preparer {} sent record {} of file {} where record {} of file {} was due",
                shard.index,
                entry.record + 1,
                file + 1,
                self.record + 1,
                self.file + 1
            )),
            // An end of this file is taken above; one of another file while a record of this
            // file is due means the shard skipped it.
            Some(Queued::End(end)) => Err(format!(
                "preparer {} ended file {} after {} records where record {} of file {} was due",
                shard.index,
                end.file + 1,
                end.records,
                self.record + 1,
                self.file + 1
            )),
        }
    }

    /// Takes every shard's end of the current file that has come to the front of its queue
    /// (the first one says where the file ends; the others must agree), and drops the ends of
    /// files already handed over.
    fn take_ends(&mut self) -> Result<(), String> {
        for (index, queue) in self.shards.iter_mut().enumerate() {
            while let Some(Queued::End(end)) = queue.queued.front() {
                if end.file > self.file {
                    break;
                }
                let Some(Queued::End(end)) = queue.queued.pop_front() else {
                    unreachable!("the front was an end");
                };
                if end.file < self.file {
                    continue;
                }
                match &self.end {
                    Some(known) if known.records != end.records => {
                        return Err(format!(
                            "preparers disagree on where file {} ends: record {} (preparer {index}) or {}",
                            end.file + 1,
                            end.records,
                            known.records
                        ))
                    }
                    Some(_) => {}
                    None => self.end = Some(end),
                }
            }
        }
        Ok(())
    }

    /// Batches finished per shard since the last call, for the acknowledgements (shard, count).
    pub fn acknowledge(&mut self) -> Vec<(usize, usize)> {
        self.shards
            .iter_mut()
            .enumerate()
            .filter(|(_, q)| q.finished > 0)
            .map(|(i, q)| (i, std::mem::take(&mut q.finished)))
            .collect()
    }

    /// Bytes read by the slowest shard (over all users files), for the progress.
    pub fn bytes(&self) -> u64 {
        self.shards.iter().map(|q| q.bytes).min().unwrap_or(0)
    }

    /// The users file being handed over (0-based; the number of files once all have ended).
    pub fn file(&self) -> usize {
        self.file
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::preparers::unreadable as entry;

    /// The batches shard `index` of `count` sends for a file of `records` records.
    fn batches(file: usize, records: usize, index: usize, count: usize, per: usize) -> Vec<Batch> {
        let mine: Vec<usize> = (0..records)
            .filter(|r| Shard { index, count }.owns(*r))
            .collect();
        mine.chunks(per)
            .map(|c| Batch {
                file,
                bytes: 0,
                entries: c.iter().map(|r| entry(*r)).collect(),
            })
            .collect()
    }

    fn end(file: usize, records: usize) -> FileEnd {
        FileEnd {
            file,
            records,
            error: None,
        }
    }

    /// Everything handed over so far, as `file:record` and `end file` labels.
    fn drain(r: &mut Reassembly) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(next) = r.next_due().unwrap() {
            out.push(match next {
                Next::Entry { file, entry } => format!("{file}:{}", entry.record),
                Next::End(e) => format!("end {} ({})", e.file, e.records),
            });
        }
        out
    }

    fn expected(files: &[usize]) -> Vec<String> {
        let mut out = Vec::new();
        for (file, records) in files.iter().enumerate() {
            out.extend((0..*records).map(|r| format!("{file}:{r}")));
            out.push(format!("end {file} ({records})"));
        }
        out
    }

    #[test]
    fn three_shards_in_any_order_come_out_in_input_order() {
        let files = [10usize, 7];
        let mut r = Reassembly::new(3);
        // Shard 2 first and whole, then shard 0, then shard 1 a batch at a time.
        let mut got = Vec::new();
        for shard in [2, 0, 1] {
            for (file, records) in files.iter().enumerate() {
                for b in batches(file, *records, shard, 3, 2) {
                    r.batch(shard, b).unwrap();
                    got.extend(drain(&mut r));
                }
                r.end(shard, end(file, *records)).unwrap();
                got.extend(drain(&mut r));
            }
        }
        assert_eq!(got, expected(&files));
        assert!(r.next_due().unwrap().is_none());
        assert_eq!(r.file(), 2);
    }

    #[test]
    fn nothing_is_handed_over_before_the_record_due_arrives() {
        let mut r = Reassembly::new(2);
        r.batch(1, batches(0, 4, 1, 2, 8).remove(0)).unwrap();
        r.end(1, end(0, 4)).unwrap();
        assert!(drain(&mut r).is_empty(), "record 0 (shard 0) is missing");
        r.batch(0, batches(0, 4, 0, 2, 8).remove(0)).unwrap();
        assert_eq!(drain(&mut r), expected(&[4]));
    }

    #[test]
    fn an_error_that_ends_a_file_comes_after_the_records_before_it() {
        let mut r = Reassembly::new(2);
        let fatal = FileEnd {
            file: 0,
            records: 3,
            error: Some("a.json:9:1 (byte 80), record 4: not valid JSON".into()),
        };
        for shard in [1, 0] {
            for b in batches(0, 3, shard, 2, 1) {
                r.batch(shard, b).unwrap();
            }
            r.end(shard, fatal.clone()).unwrap();
        }
        let mut labels = Vec::new();
        while let Some(next) = r.next_due().unwrap() {
            match next {
                Next::Entry { entry, .. } => labels.push(entry.record.to_string()),
                Next::End(e) => {
                    assert_eq!(e, fatal);
                    labels.push("end".into());
                }
            }
        }
        assert_eq!(labels, ["0", "1", "2", "end"]);
    }

    #[test]
    fn files_without_records_end_at_once() {
        let mut r = Reassembly::new(3);
        r.end(1, end(0, 0)).unwrap();
        assert_eq!(drain(&mut r), ["end 0 (0)"]);
        // The other shards' ends of file 0 come later and are dropped.
        r.end(0, end(0, 0)).unwrap();
        r.end(0, end(1, 0)).unwrap();
        assert_eq!(drain(&mut r), ["end 1 (0)"]);
        r.end(2, end(0, 0)).unwrap();
        r.end(2, end(1, 0)).unwrap();
        assert!(drain(&mut r).is_empty());
        assert_eq!(r.file(), 2);
    }

    #[test]
    fn finished_batches_are_acknowledged_to_their_shard() {
        let mut r = Reassembly::new(2);
        for shard in [0, 1] {
            for b in batches(0, 8, shard, 2, 2) {
                r.batch(shard, b).unwrap();
            }
        }
        for _ in 0..5 {
            r.next_due().unwrap();
        }
        // Records 0..5: shard 0 finished [0, 2], shard 1 finished [1, 3].
        assert_eq!(r.acknowledge(), vec![(0, 1), (1, 1)]);
        assert!(r.acknowledge().is_empty());
        drain(&mut r);
        assert_eq!(r.acknowledge(), vec![(0, 1), (1, 1)]);
    }

    #[test]
    fn progress_is_the_slowest_shard_s_bytes() {
        let mut r = Reassembly::new(2);
        let mut b = batches(0, 4, 0, 2, 8).remove(0);
        b.bytes = 500;
        r.batch(0, b).unwrap();
        assert_eq!(r.bytes(), 0);
        let mut b = batches(0, 4, 1, 2, 8).remove(0);
        b.bytes = 300;
        r.batch(1, b).unwrap();
        assert_eq!(r.bytes(), 300);
    }

    #[test]
    fn a_skipped_record_or_a_disagreement_is_an_error_not_a_hang() {
        let mut r = Reassembly::new(2);
        r.batch(
            0,
            Batch {
                file: 0,
                bytes: 0,
                entries: vec![entry(2)],
            },
        )
        .unwrap();
        let e = r.next_due().unwrap_err();
        assert!(
            e.contains("record 3 of file 1 where record 1 of file 1"),
            "{e}"
        );

        let mut r = Reassembly::new(2);
        r.end(0, end(0, 0)).unwrap();
        r.end(1, end(0, 2)).unwrap();
        let e = r.next_due().unwrap_err();
        assert!(e.contains("disagree"), "{e}");
        assert!(r.batch(5, batches(0, 1, 0, 1, 1).remove(0)).is_err());
    }
}
