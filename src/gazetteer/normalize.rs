//! The matching key: text with accents folded, apostrophes, dashes and spaces unified, and a
//! map back to the original offsets.
//!
//! Matching compares on this key so that "Genève" finds "Geneve", "Côte d’Ivoire" finds
//! "Côte d'Ivoire" and a name broken over two lines of a hard-wrapped release still matches;
//! spans are mapped back so that offsets always point into the original text.

use std::borrow::Cow;

/// Base letters for U+0100..=U+017F (Latin Extended-A), one entry per code point pair.
fn latin_ext_a(c: char) -> Option<&'static str> {
    let u = c as u32;
    // (first code point, last code point, upper base, lower base, upper on even code points?)
    const RANGES: &[(u32, u32, &str, &str, bool)] = &[
        (0x100, 0x105, "A", "a", true),
        (0x106, 0x10D, "C", "c", true),
        (0x10E, 0x111, "D", "d", true),
        (0x112, 0x11B, "E", "e", true),
        (0x11C, 0x123, "G", "g", true),
        (0x124, 0x127, "H", "h", true),
        (0x128, 0x131, "I", "i", true),
        (0x132, 0x133, "IJ", "ij", true),
        (0x134, 0x135, "J", "j", true),
        (0x136, 0x137, "K", "k", true),
        (0x138, 0x138, "k", "k", true),
        (0x139, 0x142, "L", "l", false),
        (0x143, 0x148, "N", "n", false),
        (0x149, 0x149, "n", "n", false),
        (0x14A, 0x14B, "N", "n", true),
        (0x14C, 0x151, "O", "o", true),
        (0x152, 0x153, "OE", "oe", true),
        (0x154, 0x159, "R", "r", true),
        (0x15A, 0x161, "S", "s", true),
        (0x162, 0x167, "T", "t", true),
        (0x168, 0x173, "U", "u", true),
        (0x174, 0x175, "W", "w", true),
        (0x176, 0x177, "Y", "y", true),
        (0x178, 0x178, "Y", "Y", true),
        (0x179, 0x17E, "Z", "z", false),
        (0x17F, 0x17F, "s", "s", true),
        (0x218, 0x219, "S", "s", true),
        (0x21A, 0x21B, "T", "t", true),
    ];
    RANGES
        .iter()
        .find(|r| r.0 <= u && u <= r.1)
        .map(
            |&(_, _, up, low, even_upper)| {
                if (u % 2 == 0) == even_upper {
                    up
                } else {
                    low
                }
            },
        )
}

/// The replacement of a character in the matching key, or `None` to keep it.
pub fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return matches!(c, '\n' | '\r' | '\t' | '\x0b' | '\x0c').then_some(" ");
    }
    Some(match c {
        'À'..='Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È'..='Ë' => "E",
        'Ì'..='Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò'..='Ö' | 'Ø' => "O",
        'Ù'..='Ü' => "U",
        'Ý' => "Y",
        'Þ' => "TH",
        'ß' => "ss",
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => "'",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{0085}' => " ",
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{200C}' | '\u{200D}' => "",
        _ => return latin_ext_a(c),
    })
}

/// Folds a name into its matching key (used for gazetteer patterns and token look-ups).
pub fn fold(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| fold_char(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Folds and lowercases a single token for dictionary look-ups.
pub fn key(s: &str) -> String {
    fold(s).to_lowercase()
}

/// A document's matching key and the map back to the original byte offsets.
pub struct Normalized<'t> {
    /// The key text.
    pub text: Cow<'t, str>,
    /// `(key offset, original - key)` from each point where the lengths start to differ.
    shifts: Vec<(usize, isize)>,
}

impl<'t> Normalized<'t> {
    /// Builds the key of `text`.
    pub fn new(text: &'t str) -> Normalized<'t> {
        if text.is_ascii() {
            if !text
                .bytes()
                .any(|b| matches!(b, b'\n' | b'\r' | b'\t' | 0x0b | 0x0c))
            {
                return Normalized {
                    text: Cow::Borrowed(text),
                    shifts: Vec::new(),
                };
            }
            let bytes: Vec<u8> = text
                .bytes()
                .map(|b| {
                    if matches!(b, b'\n' | b'\r' | b'\t' | 0x0b | 0x0c) {
                        b' '
                    } else {
                        b
                    }
                })
                .collect();
            let s = String::from_utf8(bytes).expect("ASCII stays UTF-8");
            return Normalized {
                text: Cow::Owned(s),
                shifts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut delta: isize = 0;
        for (i, c) in text.char_indices() {
            let (rep_len, orig_len) = match fold_char(c) {
                Some(r) => {
                    out.push_str(r);
                    (r.len(), c.len_utf8())
                }
                None => {
                    out.push(c);
                    (c.len_utf8(), c.len_utf8())
                }
            };
            if rep_len != orig_len {
                delta += orig_len as isize - rep_len as isize;
                shifts.push((out.len(), delta));
            }
            debug_assert_eq!(i + orig_len, (out.len() as isize + delta) as usize);
        }
        Normalized {
            text: Cow::Owned(out),
            shifts,
        }
    }

    /// The original byte offset of key offset `at` (a character boundary of the key).
    pub fn original(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(p, _)| p <= at);
        let delta = if k == 0 { 0 } else { self.shifts[k - 1].1 };
        (at as isize + delta) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let t = "São Paulo\nand Côte d’Ivoire – Genève";
        let n = Normalized::new(t);
        assert_eq!(n.text, "Sao Paulo and Cote d'Ivoire - Geneve");
        let k = n.text.find("Geneve").unwrap();
        assert_eq!(&t[n.original(k)..n.original(k + 6)], "Genève");
        let k = n.text.find("Cote").unwrap();
        assert_eq!(
            &t[n.original(k)..n.original(n.text.find(" -").unwrap())],
            "Côte d’Ivoire"
        );
    }

    #[test]
    fn ascii_only_rewrites_spaces() {
        let n = Normalized::new("a\nb");
        assert_eq!(n.text, "a b");
        assert_eq!(n.original(2), 2);
    }

    #[test]
    fn latin_extended() {
        assert_eq!(fold("Łódź Šiauliai Ștefan"), "Lodz Siauliai Stefan");
    }
}
