//! Layout: which line breaks end a sentence whatever the punctuation says.

use crate::text::{is_space, Span};

/// One line of the text, without its line terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    /// Length in characters of the trimmed line.
    chars: usize,
    /// Length in characters of the first word.
    first_word: usize,
    blank: bool,
    list_item: bool,
    starts_lower: bool,
    /// The line starts with an e-mail address or a web address (a contact line).
    starts_address: bool,
    /// The line ends with sentence-final punctuation (possibly inside a closing quote).
    ends_sentence: bool,
}

/// True when a (left-trimmed) line starts with a list marker: `-`, `•`, `*`, `–`, `1.`, `1)`,
/// `a)`, `(i)`, `(1)` followed by a space.
pub fn is_list_item(line: &str) -> bool {
    let l = line.trim_start_matches(is_space);
    let mut chars = l.chars();
    match chars.next() {
        Some('-' | '•' | '*' | '–' | '—' | '▪' | '◦' | '·' | '‣' | '⁃' | '○' | '■' | '►') => {
            return chars.next().is_some_and(is_space)
        }
        Some('(') => {
            let inner: String = chars.by_ref().take_while(|&c| c != ')').collect();
            let ok = !inner.is_empty()
                && inner.len() <= 4
                && (inner.chars().all(|c| c.is_ascii_digit())
                    || inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
                    || (inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase())));
            return ok && chars.next().is_some_and(is_space);
        }
        _ => {}
    }
    let bytes = l.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (marker_end, ok) = if digits > 0 && digits <= 3 {
        (digits, true)
    } else {
        let letters = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
        let roman = bytes[..letters]
            .iter()
            .all(|b| matches!(b, b'i' | b'v' | b'x'));
        (
            letters,
            letters == 1 || (roman && letters > 0 && letters <= 4),
        )
    };
    if !ok || marker_end + 1 >= bytes.len() {
        return false;
    }
    let punct = bytes[marker_end];
    // "1.", "1)" and "1.)" mark items; a lone letter needs ")" ("a." starts ordinary words too).
    let punct_ok = punct == b')' || (punct == b'.' && digits > 0);
    let after = if punct == b'.' && bytes[marker_end + 1] == b')' {
        marker_end + 2
    } else {
        marker_end + 1
    };
    punct_ok && bytes.get(after) == Some(&b' ')
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start <= bytes.len() {
        let nl = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map(|i| start + i);
        let end = nl.unwrap_or(bytes.len());
        let line = &text[start..end];
        let trimmed = line.trim_matches(is_space);
        let first_word = trimmed
            .split(is_space)
            .next()
            .map_or(0, |w| w.chars().count());
        out.push(Line {
            span: Span::new(start, end),
            chars: trimmed.chars().count(),
            first_word,
            blank: trimmed.is_empty(),
            list_item: is_list_item(trimmed),
            starts_lower: trimmed.chars().next().is_some_and(|c| c.is_lowercase()),
            ends_sentence: trimmed
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?', '…']),
            starts_address: {
                let w = trimmed.split(is_space).next().unwrap_or("");
                w.contains('@') || w.starts_with("http") || w.starts_with("www.")
            },
        });
        match nl {
            None => break,
            Some(i) => {
                start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                if start == bytes.len() {
                    break;
                }
            }
        }
    }
    out
}

/// The wrap width of a hard-wrapped text, or `None` when its line breaks are all intended.
///
/// A line break inside a paragraph is consistent with wrapping at width `w` when the line fits
/// (`len <= w`) and the next line's first word would not have (`len + 1 + word > w`). Each
/// break thus allows an interval of widths; the width most breaks allow is the wrap width, if
/// at least three breaks and half of all breaks allow it.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // How many breaks allow each width: a difference array over widths 0..=MAX_WIDTH + 1.
    const MAX_WIDTH: usize = 240;
    let mut delta = [0i32; MAX_WIDTH + 2];
    let mut pairs = 0;
    let mut prose_pairs = 0;
    for w in lines.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.blank || b.blank || b.list_item {
            continue;
        }
        pairs += 1;
        prose_pairs += usize::from(b.starts_lower || b.ends_sentence);
        let lo = a.chars.max(40);
        let hi = a.chars + b.first_word;
        if lo <= hi && hi <= MAX_WIDTH {
            delta[lo] += 1;
            delta[hi + 1] -= 1;
        }
    }
    let (mut cur, mut best, mut best_w) = (0, 0, 0);
    for (w, d) in delta.iter().enumerate() {
        cur += d;
        if cur > best {
            best = cur;
            best_w = w;
        }
    }
    // Two breaks suffice when they are all there is, the lines are long, and one of them
    // looks like prose (the next line goes on in lowercase or ends a sentence): a headline
    // over a caption and a credit line is not wrapped text.
    let enough = (best >= 3 && best * 2 >= pairs)
        || (best >= 2 && best == pairs && best_w >= 60 && prose_pairs > 0);
    enough.then_some(best_w)
}

/// The stretches of `text` between hard breaks, in order.
pub fn blocks(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let width = wrap_width(&lines);
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            continue;
        }
        let soft = match (cur, i.checked_sub(1).map(|p| &lines[p])) {
            (Some(_), Some(prev)) if !prev.blank && !line.list_item => {
                (line.starts_lower && !line.starts_address)
                    || width
                        .is_some_and(|w| prev.chars <= w && prev.chars + 1 + line.first_word > w)
            }
            _ => false,
        };
        cur = match cur {
            Some(b) if soft => Some(Span::new(b.start, line.span.end)),
            Some(b) => {
                out.push(b);
                Some(line.span)
            }
            None => Some(line.span),
        };
    }
    if let Some(b) = cur {
        out.push(b);
    }
    out
}
