//! Input: documents from standard input, files, folders and `.gz` files.
//!
//! [`DocumentReader`] yields [`Document`]s one at a time, in order, and never fails: a line
//! or file that cannot be read becomes a document with an `error`, so that every input
//! document gives exactly one record.

pub mod decode;
mod jsonl;
pub mod utf16;

use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How to read input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    /// By extension (`.jsonl`/`.ndjson` → JSONL, else text); on stdin JSONL when the first
    /// non-blank character is `{`.
    #[default]
    Auto,
    /// A file (or all of stdin) is one document.
    Text,
    /// Each non-blank line is a document.
    Lines,
    /// Each non-blank line is a JSON object.
    Jsonl,
}

/// The JSONL field names.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The id field (default `id`).
    pub id: String,
    /// The text field (default `text`).
    pub text: String,
    /// The date field (default `date`).
    pub date: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
        }
    }
}

/// One input document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// The date its input gave.
    pub date: Option<NaiveDate>,
    /// Extra JSONL fields.
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Repairs made while reading.
    pub warnings: Vec<String>,
    /// Why it could not be read.
    pub error: Option<String>,
}

impl Document {
    fn failed(id: String, error: String) -> Document {
        Document {
            id,
            error: Some(error),
            ..Document::default()
        }
    }
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file or folder.
    Path(PathBuf),
}

/// True for the file names a folder walk reads.
fn wanted(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Lists the files below `dir`, sorted, recursively. Unreadable folders become errors.
fn walk(dir: &Path, out: &mut VecDeque<Result<PathBuf, (PathBuf, String)>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push_back(Err((dir.to_path_buf(), format!("cannot read folder: {e}"))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, out),
            Ok(_) if wanted(&p) => out.push_back(Ok(p)),
            Ok(_) => {}
            // A broken symlink or a file that vanished: report it only if it looks like input.
            Err(e) if wanted(&p) => out.push_back(Err((p, format!("cannot read: {e}")))),
            Err(_) => {}
        }
    }
}

type Stream = Box<dyn Iterator<Item = Document> + Send>;

/// Reads documents from sources, in order.
pub struct DocumentReader {
    mode: InputMode,
    fields: Fields,
    pending: VecDeque<Source>,
    files: VecDeque<Result<PathBuf, (PathBuf, String)>>,
    current: Option<Stream>,
}

impl DocumentReader {
    /// A reader over `sources` (no sources: standard input).
    pub fn new(sources: Vec<Source>, mode: InputMode, fields: Fields) -> DocumentReader {
        let pending = if sources.is_empty() {
            VecDeque::from([Source::Stdin])
        } else {
            sources.into()
        };
        DocumentReader {
            mode,
            fields,
            pending,
            files: VecDeque::new(),
            current: None,
        }
    }

    /// A reader over one already-open stream named `name` (in ids and messages), read in
    /// `mode` (`Auto` reads it as one text). Use it to feed documents from memory or a socket.
    pub fn from_reader(
        reader: Box<dyn BufRead + Send>,
        name: &str,
        mode: InputMode,
        fields: Fields,
    ) -> DocumentReader {
        let mut r = DocumentReader {
            mode,
            fields,
            pending: VecDeque::new(),
            files: VecDeque::new(),
            current: None,
        };
        r.current = Some(r.stream(reader, name.into(), name.into(), mode));
        r
    }

    fn open_stdin(&self) -> Stream {
        let mut reader = BufReader::with_capacity(1 << 20, std::io::stdin());
        let mode = match self.mode {
            InputMode::Auto => {
                // Peek at the first non-blank byte without consuming it.
                let first = loop {
                    match reader.fill_buf() {
                        Ok([]) => break None,
                        Ok(buf) => {
                            let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
                            if skip < buf.len() {
                                break Some(buf[skip]);
                            }
                            reader.consume(skip);
                        }
                        Err(_) => break None,
                    }
                };
                if first == Some(b'{') {
                    InputMode::Jsonl
                } else {
                    InputMode::Text
                }
            }
            m => m,
        };
        self.stream(Box::new(reader), "stdin".into(), "stdin".into(), mode)
    }

    fn open_file(&self, path: &Path) -> Stream {
        let name = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return Box::new(std::iter::once(Document::failed(
                    name.clone(),
                    format!("{name}: cannot read: {e}"),
                )))
            }
        };
        let lower = name.to_lowercase();
        let gz = lower.ends_with(".gz");
        let base = lower.strip_suffix(".gz").unwrap_or(&lower);
        let mode = match self.mode {
            InputMode::Auto if base.ends_with(".jsonl") || base.ends_with(".ndjson") => {
                InputMode::Jsonl
            }
            InputMode::Auto => InputMode::Text,
            m => m,
        };
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                1 << 20,
                MultiGzDecoder::new(BufReader::new(file)),
            ))
        } else {
            Box::new(BufReader::with_capacity(1 << 20, file))
        };
        self.stream(reader, name.clone(), name, mode)
    }

    fn stream(
        &self,
        mut reader: Box<dyn BufRead + Send>,
        id: String,
        source: String,
        mode: InputMode,
    ) -> Stream {
        if matches!(mode, InputMode::Lines | InputMode::Jsonl) {
            // Line-based input in UTF-16 (byte-order mark) is transcoded as it streams.
            let bom = match reader.fill_buf() {
                Ok([0xFF, 0xFE, ..]) => Some(true),
                Ok([0xFE, 0xFF, ..]) => Some(false),
                _ => None,
            };
            if let Some(le) = bom {
                reader.consume(2);
                reader = Box::new(BufReader::with_capacity(
                    1 << 20,
                    utf16::Utf16Reader::new(reader, le),
                ));
            }
        }
        match mode {
            InputMode::Text | InputMode::Auto => Box::new(std::iter::once(read_whole(reader, id))),
            InputMode::Lines => Box::new(jsonl::LineStream::new(reader, source, None)),
            InputMode::Jsonl => Box::new(jsonl::LineStream::new(
                reader,
                source,
                Some(self.fields.clone()),
            )),
        }
    }
}

fn read_whole(mut reader: Box<dyn BufRead + Send>, id: String) -> Document {
    let mut bytes = Vec::new();
    match reader.read_to_end(&mut bytes) {
        Ok(_) => {
            let mut warnings = Vec::new();
            let text = match decode::sniff(&bytes) {
                decode::Sniff::Binary => {
                    return Document::failed(
                        id.clone(),
                        format!(
                            "{id}: looks like a binary file (many NUL or control bytes); not read"
                        ),
                    )
                }
                decode::Sniff::Utf16NoBom(le) => {
                    warnings.push(format!(
                        "decoded as UTF-16{} without a byte-order mark",
                        if le { "LE" } else { "BE" }
                    ));
                    decode::decode_utf16(&bytes, le)
                }
                decode::Sniff::Text => decode::decode(bytes, &mut warnings),
            };
            Document {
                id,
                text,
                warnings,
                ..Document::default()
            }
        }
        Err(e) => Document::failed(id.clone(), format!("{id}: cannot read: {e}")),
    }
}

impl Iterator for DocumentReader {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(d) = cur.next() {
                    return Some(d);
                }
                self.current = None;
            }
            if let Some(f) = self.files.pop_front() {
                match f {
                    Ok(p) => self.current = Some(self.open_file(&p)),
                    Err((p, msg)) => {
                        let id = p.display().to_string();
                        return Some(Document::failed(id.clone(), format!("{id}: {msg}")));
                    }
                }
                continue;
            }
            match self.pending.pop_front()? {
                Source::Stdin => self.current = Some(self.open_stdin()),
                Source::Path(p) if p.as_os_str() == "-" => self.current = Some(self.open_stdin()),
                Source::Path(p) => {
                    if p.is_dir() {
                        walk(&p, &mut self.files);
                    } else {
                        self.files.push_back(Ok(p));
                    }
                }
            }
        }
    }
}
