//! The result a worker keeps after its run — a compact row per user, where each user's JSON can
//! be had again (its place in the users file, read again when the page opens the user), the
//! summary, and the inputs (to write the per-user reports again) — and its answers to the page.

use crate::blob_reader::BlobReader;
use crate::post;
use crate::run::{self, Inputs};
use mapping_core::directory::check::UserRecord;
use mapping_core::directory::readers::record::UserText;
use mapping_core::directory::report::{csv::CsvReport, json::JsonReport, markdown};
use mapping_core::directory::summary::Summary;
use playground_model::directory::ordered_check::{Checked, Finished};
use playground_model::directory::protocol::{ExportKind, FromWorker, ToWorker};
use playground_model::directory::table::{Row, Selection};
use wasm_bindgen::JsValue;

/// Users' JSON kept in memory for "open in the playground" (only users read from a CSV row: the
/// others' stays in their file), in total; such users beyond it cannot be opened.
const RAW_LIMIT: usize = 512 << 20;

/// Where a user's JSON can be had again: the users file, and the place in it or the text.
struct Source {
    file: usize,
    text: UserText,
}

pub struct Kept {
    inputs: Inputs,
    rows: Vec<Row>,
    raw: Vec<Option<Source>>,
    summary: Summary,
    selection: Selection,
}

fn row(index: usize, r: &UserRecord) -> Row {
    let mut codes: Vec<String> = Vec::new();
    for f in &r.findings {
        let code = f.code.to_string();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let note = match &r.failure {
        Some(why) => why.clone(),
        None if !r.in_scope => r.scope.clone(),
        None => String::new(),
    };
    Row {
        index: index as u32,
        id: r.id.clone(),
        user_name: r.user_name.clone(),
        display_name: r.display_name.clone(),
        outcome: r.outcome.as_str().to_string(),
        codes,
        note,
    }
}

/// The rows and raw users of a run as its records come, in input order.
#[derive(Default)]
pub struct Collected {
    rows: Vec<Row>,
    raw: Vec<Option<Source>>,
    raw_bytes: usize,
}

impl Collected {
    /// Adds the next user: its record, and where its JSON can be had again (text kept in
    /// memory only while the total stays under the limit).
    pub fn push(&mut self, checked: Checked) {
        self.rows.push(row(self.rows.len(), &checked.record));
        let text = checked.text.filter(|t| {
            self.raw_bytes += t.kept_bytes();
            self.raw_bytes <= RAW_LIMIT
        });
        self.raw.push(text.map(|text| Source {
            file: checked.file,
            text,
        }));
    }
}

impl Kept {
    /// Runs the check here, user after user; the `Done` message to post once the result is
    /// kept.
    pub fn build(inputs: Inputs) -> Result<(Kept, FromWorker), String> {
        let started = js_sys::Date::now();
        let mut collected = Collected::default();
        let finished = run::check(&inputs, true, &mut |checked| collected.push(checked))?;
        Ok(Kept::new(inputs, collected, finished, started, 1))
    }

    /// The result of a run that started at `started` (`Date.now()`) and was prepared by
    /// `workers` workers, and the `Done` message to post.
    pub fn new(
        inputs: Inputs,
        collected: Collected,
        finished: Finished,
        started: f64,
        workers: usize,
    ) -> (Kept, FromWorker) {
        let done = FromWorker::Done {
            summary: serde_json::to_value(&finished.summary).unwrap_or_default(),
            rows: collected.rows.len(),
            read_errors: finished.read_errors,
            millis: js_sys::Date::now() - started,
            workers,
        };
        let kept = Kept {
            inputs,
            rows: collected.rows,
            raw: collected.raw,
            summary: finished.summary,
            selection: Selection::default(),
        };
        (kept, done)
    }

    pub fn answer(&mut self, message: ToWorker) {
        match message {
            ToWorker::Run { .. } => {}
            ToWorker::Page {
                seq,
                query,
                offset,
                limit,
            } => {
                let (total, rows) = self.selection.page(&self.rows, &query, offset, limit);
                post(
                    &FromWorker::Page {
                        seq,
                        total,
                        offset,
                        rows,
                    },
                    None,
                );
            }
            ToWorker::User { index } => match self.user_json(index as usize) {
                Ok(json) => post(
                    &FromWorker::User {
                        index,
                        json: pretty(&json),
                    },
                    None,
                ),
                Err(message) => post(&FromWorker::Error { message }, None),
            },
            ToWorker::Export { kind } => match self.export(kind) {
                Ok(bytes) => {
                    let (_, mime) = kind.file();
                    let blob = blob(&bytes, mime);
                    post(
                        &FromWorker::Export {
                            kind,
                            bytes: bytes.len(),
                        },
                        Some(&blob),
                    );
                }
                Err(message) => post(&FromWorker::Error { message }, None),
            },
        }
    }

    /// User `index`'s JSON: read again from its users file, or the text kept.
    fn user_json(&self, index: usize) -> Result<String, String> {
        let Some(Some(source)) = self.raw.get(index) else {
            return Err(format!("user {} is not kept (too many users)", index + 1));
        };
        match &source.text {
            UserText::Written(text) => Ok(text.clone()),
            UserText::InFile { byte, len } => {
                let file = self
                    .inputs
                    .users
                    .get(source.file)
                    .ok_or_else(|| format!("user {} is not kept", index + 1))?;
                let (start, end) = (*byte as f64, (*byte + *len) as f64);
                file.slice_with_f64_and_f64(start, end)
                    .map_err(|e| format!("{e:?}"))
                    .and_then(|part| BlobReader::text(&part).map_err(|e| e.to_string()))
                    .map_err(|e| {
                        format!(
                            "{}: user {} could not be read again: {e}",
                            file.name(),
                            index + 1
                        )
                    })
            }
        }
    }

    /// The report in `kind`, by the core's writers; the per-user reports check the files again
    /// (keeping every full record would take far more memory than the files), one user after
    /// another in this worker: the preparers of the run are gone by then.
    fn export(&self, kind: ExportKind) -> Result<Vec<u8>, String> {
        let io = |e: std::io::Error| e.to_string();
        match kind {
            ExportKind::Markdown => {
                let title: Vec<String> = self.inputs.users.iter().map(|f| f.name()).collect();
                Ok(markdown::render(&self.summary, &title.join(", ")).into_bytes())
            }
            ExportKind::Csv => {
                let mut out = Vec::new();
                let mut report = CsvReport::new(&mut out).map_err(io)?;
                let mut failed = Ok(());
                run::check(&self.inputs, false, &mut |checked| {
                    if failed.is_ok() {
                        failed = report.user(&checked.record);
                    }
                })?;
                failed.map_err(io)?;
                report.finish().map_err(io)?;
                Ok(out)
            }
            ExportKind::Json => {
                let mut out = Vec::new();
                let mut report = JsonReport::new(&mut out).map_err(io)?;
                let mut failed = Ok(());
                let finished = run::check(&self.inputs, false, &mut |checked| {
                    if failed.is_ok() {
                        failed = report.user(&checked.record);
                    }
                })?;
                failed.map_err(io)?;
                report.finish(&finished.summary).map_err(io)?;
                Ok(out)
            }
        }
    }
}

/// The user as the playground's editor shows JSON: indented.
fn pretty(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| json.to_string())
}

fn blob(bytes: &[u8], mime: &str) -> JsValue {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL)
}
