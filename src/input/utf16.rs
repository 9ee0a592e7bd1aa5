//! A reader that turns a UTF-16 stream into UTF-8, so that line-based input (JSONL, lines)
//! can be read from UTF-16 files without loading them whole.

use std::io::{BufRead, Read};

/// Reads UTF-16 code units (after the byte-order mark) from `inner` and yields UTF-8 bytes.
/// Unpaired surrogates become U+FFFD; a trailing odd byte is dropped.
pub struct Utf16Reader<R> {
    inner: R,
    little_endian: bool,
    /// A high surrogate waiting for its pair.
    high: Option<u16>,
    /// Decoded bytes not yet handed out.
    out: Vec<u8>,
    pos: usize,
    /// An odd byte left from the last read.
    carry: Option<u8>,
    eof: bool,
}

impl<R: BufRead> Utf16Reader<R> {
    /// A reader over `inner`, positioned after the byte-order mark.
    pub fn new(inner: R, little_endian: bool) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            little_endian,
            high: None,
            out: Vec::new(),
            pos: 0,
            carry: None,
            eof: false,
        }
    }

    fn push(&mut self, c: char) {
        let mut b = [0; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    fn unit(&mut self, u: u16) {
        match (self.high.take(), u) {
            (Some(h), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            (h, 0xD800..=0xDBFF) => {
                if h.is_some() {
                    self.push('\u{FFFD}');
                }
                self.high = Some(u);
            }
            (h, _) => {
                if h.is_some() {
                    self.push('\u{FFFD}');
                }
                self.push(char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'));
            }
        }
    }

    /// Decodes the next chunk of input into `out`; false at the end.
    fn refill(&mut self) -> std::io::Result<bool> {
        self.out.clear();
        self.pos = 0;
        while self.out.is_empty() && !self.eof {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                self.eof = true;
                if self.high.take().is_some() {
                    self.push('\u{FFFD}');
                }
                break;
            }
            let mut bytes = Vec::with_capacity(buf.len() + 1);
            bytes.extend(self.carry.take());
            bytes.extend_from_slice(buf);
            let n = buf.len();
            self.inner.consume(n);
            let mut chunks = bytes.chunks_exact(2);
            for c in chunks.by_ref() {
                let pair = [c[0], c[1]];
                let u = if self.little_endian {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                };
                self.unit(u);
            }
            self.carry = chunks.remainder().first().copied();
        }
        Ok(!self.out.is_empty())
    }
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn encode(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn decodes_both_orders_across_small_reads() {
        let text = "{\"text\": \"Genève 🙂\"}\nline two\n";
        for le in [true, false] {
            // A one-byte buffer splits every code unit and surrogate pair.
            let bytes = encode(text, le);
            let r = Utf16Reader::new(BufReader::with_capacity(1, &bytes[..]), le);
            let mut out = String::new();
            BufReader::new(r).read_to_string(&mut out).unwrap();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let mut bytes = encode("a", true);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend(encode("b", true));
        bytes.extend_from_slice(&0xDC00u16.to_le_bytes());
        bytes.push(0x41);
        let mut out = String::new();
        Utf16Reader::new(&bytes[..], true)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a\u{FFFD}b\u{FFFD}");
    }
}
