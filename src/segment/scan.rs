//! Punctuation: where, inside a stretch of text with no hard break, sentences end.

use super::{push_trimmed, AbbrevKind, Segmenter};
use crate::text::{is_space, Span};

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '{' | '¿' | '¡'
    )
}

/// The token that ends just before byte `at` (a period's position): back to the previous
/// space or opening bracket/quote.
fn token_before(text: &str, at: usize, floor: usize) -> &str {
    let head = &text[floor..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c) || c == '/' || c == '—' || c == '–')
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The word starting at byte `at`: letters, digits, apostrophes and hyphens.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// True for dotted initialisms such as `U.S`, `e.g`, `a.m`, `S.A` (the final period removed).
fn is_initialism(tok: &str) -> bool {
    let b = tok.as_bytes();
    b.len() >= 3
        && b.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                c == b'.'
            }
        })
}

/// True when the period at `p` closes a list marker at the start of its line ("1.", "2.").
fn is_list_marker(text: &str, p: usize, floor: usize) -> bool {
    // A marker is at most three digits after the line's indentation: look back a little only.
    let from = floor.max(p.saturating_sub(16));
    let from = (from..=p).find(|&i| text.is_char_boundary(i)).unwrap_or(p);
    let line_start = match text[from..p].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == floor => floor,
        None => return false,
    };
    let head = text[line_start..p].trim_start_matches(is_space);
    !head.is_empty()
        && head.len() <= 3
        && head.bytes().all(|b| b.is_ascii_digit())
        && super::layout::is_list_item(&text[line_start..])
}

enum Verdict {
    End,
    Continue,
}

impl Segmenter {
    /// Decides whether a period at byte `dot` ends a sentence, given that the next sentence
    /// would start at byte `next`.
    fn period_ends(&self, text: &str, floor: usize, dot: usize, next: usize) -> Verdict {
        let tok = token_before(text, dot, floor);
        let tok_trim = tok.trim_start_matches(|c: char| !c.is_alphanumeric());
        let next_char = text[next..].chars().next().unwrap_or(' ');
        let next_word = word_at(text, next);
        let starter = self.is_starter(next_word)
            || (is_opener(next_char) && !next_word.is_empty() && next_char != '(');
        let kind = self.abbreviation(tok_trim).or_else(|| {
            let single = tok_trim.chars().count() == 1 && tok_trim.chars().all(char::is_uppercase);
            (single || is_initialism(tok_trim)).then_some(AbbrevKind::General)
        });
        match kind {
            None => Verdict::End,
            Some(AbbrevKind::Title) => Verdict::Continue,
            Some(AbbrevKind::Number | AbbrevKind::Month) if next_char.is_ascii_digit() => {
                Verdict::Continue
            }
            Some(_) if starter => Verdict::End,
            Some(AbbrevKind::Company) => {
                // "Vodafone plc. Shares fell.": a capitalized word, then a lowercase one.
                let after_word = &text[next + next_word.len()..];
                let following = after_word.trim_start_matches(is_space);
                let lower_next = following.chars().next().is_some_and(|c| c.is_lowercase());
                if next_char.is_uppercase() && after_word.starts_with(' ') && lower_next {
                    Verdict::End
                } else {
                    Verdict::Continue
                }
            }
            Some(_) => Verdict::Continue,
        }
    }
}

/// Appends the sentences of `block` (a stretch with no hard break) to `out`.
pub fn sentences(seg: &Segmenter, text: &str, block: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = block.start;
    let mut i = block.start;
    // The next "…" at or after `i`, found lazily so that the scan stays linear.
    let mut ellipsis: Option<usize> = None;
    while i < block.end {
        if ellipsis.is_some_and(|e| e < i) || (ellipsis.is_none() && i == block.start) {
            ellipsis = memchr::memmem::find(&bytes[i..block.end], "…".as_bytes())
                .map(|o| i + o)
                .or(Some(usize::MAX));
        }
        let punct = bytes[i..block.end]
            .iter()
            .position(|b| matches!(b, b'.' | b'!' | b'?' | b':'))
            .map(|o| i + o);
        let p = match (punct, ellipsis.filter(|&e| e != usize::MAX)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        // The run of terminal punctuation: . ! ? … and spaced ellipsis dots.
        let mut e = p;
        let mut dots = 0;
        loop {
            let rest = &text[e..block.end];
            if let Some(c) = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '.' | '!' | '?' | '…'))
            {
                dots += usize::from(c == '.');
                e += c.len_utf8();
            } else if rest.starts_with(" .") && dots > 0 {
                e += 1;
            } else {
                break;
            }
        }
        let mark = text[p..].chars().next().unwrap_or('.');
        if mark == ':' {
            // "Media contact:" ends a heading even when the name follows on the same line.
            let after_colon = &text[p + 1..block.end];
            let spaced = after_colon.starts_with(is_space);
            let next_upper = after_colon
                .trim_start_matches(is_space)
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase());
            let word = token_before(text, p, start);
            if spaced && next_upper && seg.abbreviation(word) == Some(AbbrevKind::Heading) {
                let next =
                    p + 1 + (after_colon.len() - after_colon.trim_start_matches(is_space).len());
                push_trimmed(text, Span::new(start, p + 1), out);
                start = next;
            }
            i = p + 1;
            continue;
        }
        if mark == '.' && is_list_marker(text, p, start) {
            i = p + 1;
            continue;
        }
        let single_period = e == p + 1 && mark == '.';
        // Closing quotes and brackets belong to the sentence they close.
        let mut close = e;
        while let Some(c) = text[close..block.end]
            .chars()
            .next()
            .filter(|&c| is_closer(c))
        {
            close += c.len_utf8();
        }
        i = close.max(p + 1);
        if close >= block.end {
            break;
        }
        let after = text[close..].chars().next().unwrap_or(' ');
        if !is_space(after) {
            // "end.The next": a period glued to a capitalized word after a lowercase word.
            let prev = token_before(text, p, start);
            let glued = single_period
                && after.is_uppercase()
                && text[close + after.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
                && prev.chars().count() >= 3
                && prev.chars().all(char::is_alphabetic)
                && prev.chars().skip(1).all(char::is_lowercase);
            if !glued {
                continue;
            }
        }
        let next = text[close..block.end]
            .char_indices()
            .find(|&(_, c)| !is_space(c))
            .map_or(block.end, |(k, _)| close + k);
        if next >= block.end {
            break;
        }
        let nc = text[next..].chars().next().unwrap_or(' ');
        let first_letter = text[next..].chars().find(|c| !is_opener(*c)).unwrap_or(' ');
        if nc.is_lowercase()
            || first_letter.is_lowercase()
            || matches!(nc, ',' | ';' | ':' | ')' | '-')
        {
            continue;
        }
        let verdict = match mark {
            '.' if single_period => seg.period_ends(text, start, p, next),
            '!' if seg.abbreviation(token_before(text, p, start)) == Some(AbbrevKind::Bang) => {
                if seg.is_starter(word_at(text, next)) {
                    Verdict::End
                } else {
                    Verdict::Continue
                }
            }
            _ => Verdict::End,
        };
        if let Verdict::End = verdict {
            push_trimmed(text, Span::new(start, close), out);
            start = next;
            i = next;
        }
    }
    push_trimmed(text, Span::new(start, block.end), out);
}
