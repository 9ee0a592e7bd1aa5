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

/// Replaces every `\uXXXX` escape of a surrogate that is not part of a valid pair with
/// `\uFFFD`, leaving all other text (and escaped backslashes) as it is.
fn repair_surrogates(json: &str) -> String {
    fn unit_at(b: &[u8], i: usize) -> Option<u16> {
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
        u16::from_str_radix(hex, 16).ok()
    }
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit_at(b, i) {
            Some(0xD800..=0xDBFF)
                if unit_at(b, i + 6).is_some_and(|l| (0xDC00..=0xDFFF).contains(&l)) =>
            {
                i += 12
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&json[last..i]);
                out.push_str("\\uFFFD");
                i += 6;
                last = i;
            }
            Some(_) => i += 6,
            // Any other escape: skip the backslash and the escaped character.
            None => i += 2,
        }
    }
    out.push_str(&json[last.min(json.len())..]);
    out
}

impl LineStream {
    fn parse(&self, fields: &Fields, text: &str, mut warnings: Vec<String>) -> Document {
        let at = self.where_();
        let parsed = match serde_json::from_str(text) {
            Err(e)
                if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") =>
            {
                // serde_json refuses lone surrogate escapes; repair them and try again.
                let repaired = repair_surrogates(text);
                let v = serde_json::from_str(&repaired);
                if v.is_ok() {
                    warnings.push(
                        "lone UTF-16 surrogate escapes were replaced with U+FFFD".to_string(),
                    );
                }
                v
            }
            other => other,
        };
        let value: Value = match parsed {
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
        let text = if memchr::memchr(0, text.as_bytes()).is_some() {
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

/// Appends the next line of `reader`, through its `\n`, to `buf`; returns the number of bytes
/// read (0 at the end). Like [`BufRead::read_until`], with a vectorized newline search.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let avail = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(read);
        }
        let (used, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        buf.extend_from_slice(&avail[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

impl Iterator for LineStream {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            self.buf.clear();
            match read_line(&mut self.reader, &mut self.buf) {
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
            return Some(match &self.fields {
                // The buffer keeps its capacity for the next line.
                Some(f) => {
                    let line = decode::decode_ref(&self.buf, &mut warnings);
                    self.parse(f, &line, warnings)
                }
                None => Document {
                    id: self.where_(),
                    text: decode::decode(std::mem::take(&mut self.buf), &mut warnings),
                    warnings,
                    ..Document::default()
                },
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::repair_surrogates;

    #[test]
    fn surrogate_repair_keeps_pairs_and_escaped_backslashes() {
        assert_eq!(
            repair_surrogates(r#"{"t":"a\ud800b"}"#),
            r#"{"t":"a\uFFFDb"}"#
        );
        assert_eq!(repair_surrogates(r#""\ud83d\ude00""#), r#""\ud83d\ude00""#);
        assert_eq!(repair_surrogates(r#""\\ud800""#), r#""\\ud800""#);
        assert_eq!(repair_surrogates(r#""\udc00\ud800""#), r#""\uFFFD\uFFFD""#);
        assert_eq!(repair_surrogates("\\"), "\\");
        assert_eq!(repair_surrogates("é\\u"), "é\\u");
    }
}
