//! Line-based input: plain lines and JSON Lines.

use super::{decode, Document, Fields};
use serde_json::Value;
use std::io::BufRead;

/// Yields one document per non-blank line; with `fields`, each line is a JSON object.
pub struct LineStream {
    reader: Box<dyn BufRead + Send>,
    source: String,
    fields: Option<Fields>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl LineStream {
    /// A stream over `reader`, named `source` in ids and messages.
    pub fn new(
        reader: Box<dyn BufRead + Send>,
        source: String,
        fields: Option<Fields>,
    ) -> LineStream {
        LineStream {
            reader,
            source,
            fields,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn where_(&self) -> String {
        format!("{}:{}", self.source, self.line)
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl LineStream {
    fn parse(&self, fields: &Fields, text: &str, mut warnings: Vec<String>) -> Document {
        let at = self.where_();
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                return Document::failed(
                    at.clone(),
                    format!("{at}: malformed JSON ({e}); fix or remove the line"),
                )
            }
        };
        let Value::Object(mut obj) = value else {
            return Document::failed(
                at.clone(),
                format!("{at}: expected a JSON object, found {}", kind(&value)),
            );
        };
        let id = match obj.remove(&fields.id) {
            None | Some(Value::Null) => at.clone(),
            Some(Value::String(s)) => s,
            Some(other) => other.to_string(),
        };
        let text = match obj.remove(&fields.text) {
            Some(Value::String(s)) => s,
            None | Some(Value::Null) => {
                return Document::failed(
                    id,
                    format!("{at}: no \"{}\" field (set --text-field)", fields.text),
                )
            }
            Some(other) => {
                return Document::failed(
                    id,
                    format!(
                        "{at}: field \"{}\" is {}, not a string",
                        fields.text,
                        kind(&other)
                    ),
                )
            }
        };
        let date = match obj.remove(&fields.date) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match crate::extractor::parse_date(&s) {
                Ok(d) => Some(d),
                Err(_) => {
                    warnings.push(format!(
                        "field \"{}\" is {s:?}, not YYYY-MM-DD; ignored",
                        fields.date
                    ));
                    None
                }
            },
            Some(other) => {
                warnings.push(format!(
                    "field \"{}\" is {}, not a date string; ignored",
                    fields.date,
                    kind(&other)
                ));
                None
            }
        };
        let text = if text.contains('\0') {
            warnings.push("NUL characters were replaced with spaces".to_string());
            text.replace('\0', " ")
        } else {
            text
        };
        let meta = (!obj.is_empty()).then_some(obj);
        Document {
            id,
            text,
            date,
            meta,
            warnings,
            error: None,
        }
    }
}

impl Iterator for LineStream {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    let at = self.where_();
                    return Some(Document::failed(
                        at.clone(),
                        format!("{at}: cannot read further: {e}"),
                    ));
                }
            }
            self.line += 1;
            while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                self.buf.pop();
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let mut warnings = Vec::new();
            let line = decode::decode(std::mem::take(&mut self.buf), &mut warnings);
            return Some(match &self.fields {
                Some(f) => self.parse(f, &line, warnings),
                None => Document {
                    id: self.where_(),
                    text: line,
                    warnings,
                    ..Document::default()
                },
            });
        }
        None
    }
}
