//! Spans, offsets and the small character classes every stage shares.
//!
//! Inside the library every span is a pair of UTF-8 byte offsets into the original document
//! text; the record layer converts them to code points when the output asks for it.

/// A half-open byte range `[start, end)` into the original document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets to code-point offsets for offsets given in increasing order.
///
/// Output offsets are nearly always requested in order (sentences, then entities sorted by
/// start), so a forward cursor makes the conversion linear in the text; a request that goes
/// backwards restarts from the beginning.
pub struct CharCounter<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    /// A counter over `text`.
    pub fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be on a character boundary).
    pub fn chars_at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let bytes = self.text.as_bytes();
        let end = byte.min(bytes.len());
        // Count the bytes that start a character (all but UTF-8 continuation bytes).
        self.chars += bytes[self.byte..end]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        self.byte = end;
        self.chars
    }
}

/// True for characters that may be part of a word token.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when the byte offset `at` in `text` is not inside a word: the characters on the two
/// sides are not both word characters.
pub fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !matches!((before, after), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b))
}

/// The character just before byte offset `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte offset `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// True for the characters press text uses as spaces, including the no-break and thin spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// True for characters that take no room: zero-width spaces and joiners, the byte-order mark
/// and bidirectional marks.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}'
    )
}

/// `span` without invisible characters ([`is_invisible`]) or spaces at either end.
pub fn trim_invisible(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let t = s.trim_start_matches(|c| is_invisible(c) || c == ' ');
    let start = span.end - t.len();
    let t = t.trim_end_matches(|c| is_invisible(c) || c == ' ');
    Span::new(start, start + t.len())
}

/// True when `word` starts with an uppercase letter (or a digit-free title-case letter).
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// `word` with its first character in upper case ("al-Harbi" → "Al-Harbi").
pub fn capitalize_first(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// True when every letter of `word` is uppercase and it has at least one letter.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters > 0
}

/// Where each of `needles` stands in `text` as a whole word, in one pass: (span, index of
/// the needle), leftmost-longest, in text order.
pub fn word_occurrences(text: &str, needles: &[&str]) -> Vec<(Span, usize)> {
    if needles.is_empty() {
        return Vec::new();
    }
    // Built per document for a handful of needles: a non-contiguous NFA is the cheapest to
    // build (a DFA would cost more to build than the scan it saves).
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(needles)
    else {
        return Vec::new();
    };
    ac.find_iter(text)
        .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
        .filter(|(s, _)| is_word_boundary(text, s.start) && is_word_boundary(text, s.end))
        .collect()
}

/// The word that ends just before byte `at` (spaces skipped), as written.
pub fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Trims the span so that it starts and ends on non-space characters.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_counter_counts_code_points() {
        let t = "São Paulo – Genève";
        let mut c = CharCounter::new(t);
        let b = t.find("Paulo").unwrap();
        assert_eq!(c.chars_at(b), 4);
        let g = t.find("Genève").unwrap();
        assert_eq!(c.chars_at(g), 12);
        assert_eq!(c.chars_at(b), 4);
        assert_eq!(c.chars_at(t.len()), t.chars().count());
    }

    #[test]
    fn boundaries() {
        let t = "UNODC and UN-Habitat";
        assert!(is_word_boundary(t, 0));
        assert!(!is_word_boundary(t, 2));
        assert!(is_word_boundary(t, 5));
        assert!(is_word_boundary(t, 12));
    }

    #[test]
    fn trim() {
        let t = "  a b \n";
        assert_eq!(trim_span(t, Span::new(0, t.len())), Span::new(2, 5));
        assert!(trim_span(t, Span::new(0, 2)).is_empty());
    }
}
