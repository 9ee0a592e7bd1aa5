//! Bytes to text: BOMs, UTF-16, invalid UTF-8 and NUL bytes, each repaired with a warning.

use std::borrow::Cow;

/// Decodes the bytes of a document. Invalid UTF-8 is replaced by U+FFFD and NUL bytes by
/// spaces (both keep the document's length in bytes, so offsets stay meaningful); each
/// repair adds a warning.
pub fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    let bytes = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes[3..].to_vec()
    } else {
        bytes
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let text = decode_utf16(&bytes[2..], le);
        warnings.push(format!(
            "decoded from UTF-16{} (byte-order mark found)",
            if le { "LE" } else { "BE" }
        ));
        return clean_nul(text, warnings);
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "invalid UTF-8 from byte {at}; invalid bytes were replaced with U+FFFD (offsets refer to the repaired text)"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    clean_nul(text, warnings)
}

/// Like [`decode`], for a line that is read again into the same buffer: valid UTF-8 without
/// NUL bytes is borrowed, not copied.
pub fn decode_ref<'a>(bytes: &'a [u8], warnings: &mut Vec<String>) -> Cow<'a, str> {
    let plain = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let utf16 = plain.starts_with(&[0xFF, 0xFE]) || plain.starts_with(&[0xFE, 0xFF]);
    match std::str::from_utf8(plain) {
        Ok(s) if !utf16 && memchr::memchr(0, plain).is_none() => Cow::Borrowed(s),
        _ => Cow::Owned(decode(bytes.to_vec(), warnings)),
    }
}

/// What the start of a file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniff {
    /// Text (UTF-8, possibly damaged, or UTF-16 with a byte-order mark).
    Text,
    /// UTF-16 without a byte-order mark, little-endian if true (ASCII-range text where
    /// every other byte is NUL).
    Utf16NoBom(bool),
    /// Binary data: many NUL or control bytes.
    Binary,
}

/// Looks at the first 8 KiB of `bytes` to tell text from UTF-16 without a byte-order mark
/// and from binary data (the way ripgrep and file(1) do: by NUL and control bytes).
pub fn sniff(bytes: &[u8]) -> Sniff {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Sniff::Text;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.len() < 16 {
        return Sniff::Text;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 9 && even * 10 <= pairs {
        return Sniff::Utf16NoBom(true);
    }
    if even * 10 >= pairs * 9 && odd * 10 <= pairs {
        return Sniff::Utf16NoBom(false);
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if control * 10 > head.len() {
        Sniff::Binary
    } else {
        Sniff::Text
    }
}

/// Decodes UTF-16 code units (no byte-order mark) into text; bad units become U+FFFD.
pub fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

fn clean_nul(text: String, warnings: &mut Vec<String>) -> String {
    if memchr::memchr(0, text.as_bytes()).is_none() {
        return text;
    }
    warnings.push("NUL bytes were replaced with spaces".to_string());
    text.replace('\0', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs() {
        let mut w = Vec::new();
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec(), &mut w), "abc");
        assert!(w.is_empty());
        assert_eq!(decode(b"a\xFFb".to_vec(), &mut w), "a\u{FFFD}b");
        assert_eq!(w.len(), 1);
        assert_eq!(decode(b"a\0b".to_vec(), &mut w), "a b");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(utf16.clone(), &mut w), "Hé");
        assert!(matches!(
            decode_ref(b"\xEF\xBB\xBFabc", &mut w),
            Cow::Borrowed("abc")
        ));
        assert_eq!(decode_ref(&utf16, &mut w), "Hé");
        assert_eq!(decode_ref(b"a\0b", &mut w), "a b");
        assert_eq!(decode_ref(b"a\xFFb", &mut w), "a\u{FFFD}b");
    }

    #[test]
    fn sniffs_text_utf16_and_binary() {
        let text = "The Ministry of Health said on Monday that 3,000 people were reached.";
        assert_eq!(sniff(text.as_bytes()), Sniff::Text);
        assert_eq!(sniff(b"a\0b"), Sniff::Text);
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(sniff(&le), Sniff::Utf16NoBom(true));
        assert_eq!(sniff(&be), Sniff::Utf16NoBom(false));
        assert_eq!(decode_utf16(&le, true), text);
        let png: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(sniff(&png), Sniff::Binary);
    }
}
