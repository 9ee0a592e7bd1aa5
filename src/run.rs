//! The batch runner: read in batches, extract in parallel, write in input order.
//!
//! A reader thread fills batches of documents (bounded in count and bytes) and hands them over
//! a channel of depth two, so reading overlaps extraction; each batch is extracted with rayon
//! (`par_iter` keeps order) and its records are written before the next batch is taken. Memory
//! grows with the batch, never with the input, and the output is the same for any thread count.

use crate::extractor::{DocOptions, Extractor};
use crate::input::Document;
use crate::record::Record;
use rayon::prelude::*;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

/// Limits of the runner.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Most documents in a batch.
    pub batch_docs: usize,
    /// Most text bytes in a batch (a larger single document is a batch of its own).
    pub batch_bytes: usize,
    /// When this flag becomes true (e.g. on SIGINT), the run stops at the next document:
    /// what was written is whole records, in order, and [`RunStats::interrupted`] is set.
    pub cancel: Option<&'static AtomicBool>,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            threads: 0,
            batch_docs: 256,
            batch_bytes: 4 << 20,
            cancel: None,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Records written.
    pub documents: u64,
    /// Of which error records.
    pub errors: u64,
    /// Bytes of document text processed.
    pub bytes: u64,
    /// True when the output was closed by the reader (a closed pipe): a normal end.
    pub output_closed: bool,
    /// True when the run stopped early because [`RunOptions::cancel`] was set.
    pub interrupted: bool,
}

/// How a run failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Writing the output failed (disk full, …).
    #[error("cannot write output: {0}")]
    Write(std::io::Error),
    /// The thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

impl Extractor {
    /// The record of one input document: an error record if it could not be read or if
    /// extraction failed, else the extraction with the input's warnings and extra fields.
    pub fn process(&self, doc: &Document) -> Record {
        if let Some(err) = &doc.error {
            let mut r = Record::error(doc.id.clone(), err.clone());
            r.warnings = doc.warnings.clone();
            return r;
        }
        let opts = DocOptions {
            id: doc.id.clone(),
            date: doc.date,
        };
        match catch_unwind(AssertUnwindSafe(|| self.extract_with(&doc.text, &opts))) {
            Ok(mut r) => {
                r.warnings = doc.warnings.clone();
                r.meta = doc.meta.clone();
                r
            }
            Err(_) => Record::error(
                doc.id.clone(),
                "internal error while extracting (please report this document)",
            ),
        }
    }
}

/// Runs `extractor` over `docs`, writing one JSON line per document to `out`.
/// `progress` is called after each batch with the totals so far.
pub fn run<I, W>(
    extractor: &Extractor,
    docs: I,
    out: &mut W,
    opts: RunOptions,
    progress: &mut dyn FnMut(&RunStats),
) -> Result<RunStats, RunError>
where
    I: Iterator<Item = Document> + Send,
    W: Write,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    let mut stats = RunStats::default();
    let cancelled = || opts.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let (tx, rx) = sync_channel::<Vec<Document>>(2);
    let result = std::thread::scope(|scope| {
        // Owned here, so that an early return drops it and stops the reader thread.
        let rx = rx;
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for d in docs {
                if cancelled() {
                    return;
                }
                bytes += d.text.len();
                batch.push(d);
                if batch.len() >= opts.batch_docs || bytes >= opts.batch_bytes {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        for batch in rx.iter() {
            // `None`: skipped because the run was cancelled.
            let lines: Vec<Option<(Vec<u8>, bool)>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|d| {
                        if cancelled() {
                            return None;
                        }
                        let rec = extractor.process(d);
                        let mut buf = Vec::with_capacity(256 + d.text.len() / 2);
                        rec.write_jsonl(&mut buf);
                        Some((buf, rec.error.is_some()))
                    })
                    .collect()
            });
            for (line, doc) in lines.iter().zip(&batch) {
                let Some((line, is_error)) = line else {
                    stats.interrupted = true;
                    break;
                };
                out.write_all(line)?;
                stats.documents += 1;
                stats.errors += u64::from(*is_error);
                stats.bytes += doc.text.len() as u64;
            }
            progress(&stats);
            if stats.interrupted || cancelled() {
                stats.interrupted = true;
                break;
            }
        }
        out.flush()
    });
    match result {
        Ok(()) => Ok(stats),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(RunStats {
            output_closed: true,
            ..stats
        }),
        Err(e) => Err(RunError::Write(e)),
    }
}
