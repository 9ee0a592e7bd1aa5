//! Bytes to text: BOMs, UTF-16, invalid UTF-8 and NUL bytes, each repaired with a warning.

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
        let units = bytes[2..].chunks(2).map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect();
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

fn clean_nul(text: String, warnings: &mut Vec<String>) -> String {
    if !text.contains('\0') {
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
        assert_eq!(decode(utf16, &mut w), "Hé");
    }
}
