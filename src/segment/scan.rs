//! Punctuation: where, inside a stretch of text with no hard break, sentences end.

use super::{push_trimmed, AbbrevKind, Segmenter};
use crate::text::{is_space, Span};
use std::sync::LazyLock;

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
    let line_start = match text.as_bytes()[from..p].iter().rposition(|&b| b == b'\n') {
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
        // "…WIRE)--Aug. 1": after a dash, the word itself is the abbreviation.
        let after_dash = tok_trim.rsplit('-').next().unwrap_or(tok_trim);
        let kind = self
            .abbreviation(tok_trim)
            .or_else(|| self.abbreviation(after_dash))
            .or_else(|| {
                let single =
                    tok_trim.chars().count() == 1 && tok_trim.chars().all(char::is_uppercase);
                (single || is_initialism(tok_trim)).then_some(AbbrevKind::General)
            });
        // "About Ardent Thermal Inc. Ardent Thermal Inc. (NYSE: …)": an "About X" heading run
        // into the paragraph that starts by naming X again.
        let about_heading = text[floor..dot]
            .trim_start_matches(is_space)
            .strip_prefix("About ")
            .and_then(|name| name.split(is_space).next())
            .is_some_and(|first| !first.is_empty() && next_word == first);
        match kind {
            None => Verdict::End,
            _ if about_heading => Verdict::End,
            Some(AbbrevKind::Title) => Verdict::Continue,
            Some(AbbrevKind::Number | AbbrevKind::Month)
                if next_char.is_ascii_digit() || next_char == '+' =>
            {
                Verdict::Continue
            }
            Some(_) if starter => Verdict::End,
            Some(AbbrevKind::Company) => {
                // "Vodafone plc. Shares fell.": a capitalized word, then a lowercase one.
                let after_word = &text[next + next_word.len()..];
                let following = after_word.trim_start_matches(is_space);
                let lower_next = following.chars().next().is_some_and(|c| c.is_lowercase());
                // "GmbH & Co. KG in Hamburg": another suffix of the same name.
                let suffix_next = self.abbreviation(next_word) == Some(AbbrevKind::Company);
                if next_char.is_uppercase()
                    && after_word.starts_with(' ')
                    && lower_next
                    && !suffix_next
                {
                    Verdict::End
                } else {
                    Verdict::Continue
                }
            }
            Some(_) => Verdict::Continue,
        }
    }
}

/// True for the characters that can end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟' | '。' | '！' | '？')
}

/// True for the full-width (CJK) terminals, which end a sentence with no space after them.
fn is_wide_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The characters the scanner stops at (`. ! ? :` and `… ؟ 。 ！ ？`), found with SIMD byte
/// searches: one search per class of candidate, each remembered until the scan passes it, so
/// every byte of a stretch is searched once per class.
struct Candidates<'t> {
    bytes: &'t [u8],
    end: usize,
    /// The next hit of each class at or after the last `from` (`end` when there is none), or
    /// `None` before the first search.
    next: [Option<usize>; 4],
}

impl<'t> Candidates<'t> {
    fn new(text: &'t str, end: usize) -> Self {
        Candidates {
            bytes: text.as_bytes(),
            end,
            next: [None; 4],
        }
    }

    /// The next hit of class `class` at or after `from`.
    fn find(&self, class: usize, from: usize) -> usize {
        let hay = &self.bytes[from..self.end];
        let hit = match class {
            0 => memchr::memchr3(b'.', b'!', b'?', hay),
            1 => memchr::memchr(b':', hay),
            2 => {
                static ELLIPSIS: LazyLock<memchr::memmem::Finder<'static>> =
                    LazyLock::new(|| memchr::memmem::Finder::new("…"));
                ELLIPSIS.find(hay)
            }
            // Lead bytes of ؟ (D8 9F), 。 (E3 80 82), ！ and ？ (EF BC 81/9F): rare in most
            // text, checked after decoding.
            _ => {
                let mut at = from;
                loop {
                    match memchr::memchr3(0xD8, 0xE3, 0xEF, &self.bytes[at..self.end]) {
                        None => break None,
                        Some(o) => {
                            let i = at + o;
                            let tail = &self.bytes[i..self.end];
                            if tail.starts_with(&[0xD8, 0x9F])
                                || tail.starts_with(&[0xE3, 0x80, 0x82])
                                || tail.starts_with(&[0xEF, 0xBC, 0x81])
                                || tail.starts_with(&[0xEF, 0xBC, 0x9F])
                            {
                                break Some(i - from);
                            }
                            at = i + 1;
                        }
                    }
                }
            }
        };
        hit.map_or(self.end, |o| from + o)
    }

    /// The next terminal or colon at or after byte `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        if from >= self.end {
            return None;
        }
        let mut best = self.end;
        for class in 0..4 {
            let hit = match self.next[class] {
                Some(n) if n >= from => n,
                _ => self.find(class, from),
            };
            self.next[class] = Some(hit);
            best = best.min(hit);
        }
        (best < self.end).then_some(best)
    }
}

/// Length of a spaced ellipsis (" . . ." — at least two more spaced dots) starting at `at`,
/// or 0.
fn spaced_dots(text: &str, at: usize, end: usize) -> usize {
    let b = &text.as_bytes()[at..end];
    let mut n = 0;
    while b.get(n) == Some(&b' ') && b.get(n + 1) == Some(&b'.') {
        n += 2;
    }
    if n >= 4 {
        n
    } else {
        0
    }
}

/// True when the period at byte `p` is inside an e-mail address, a web address or a file
/// path: the space-delimited token around it holds `@`, `://` or starts with `www.`.
fn in_address(text: &str, p: usize, floor: usize, end: usize) -> bool {
    let start = text[floor..p]
        .rfind(|c: char| is_space(c) || is_opener(c))
        .map_or(floor, |i| floor + i + 1);
    let stop = text[p..end].find(is_space).map_or(end, |i| p + i);
    let tok = &text[start..stop];
    tok.contains('@') || tok.contains("://") || tok.starts_with("www.")
}

/// The byte offsets inside `block` where the items of an inline enumerated list start
/// ("1) First item 2) Second item", "a. One b. Two", "• 9. Nine • 10. Ten"), other than the
/// first. The block must start with a marker and the markers must count up one by one.
fn inline_list_starts(text: &str, block: Span) -> Vec<usize> {
    let body = &text[block.start..block.end];
    let lead = body.len() - body.trim_start_matches(is_space).len();
    let Some((first, style, len)) = marker_at(body, lead) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut want = first + 1;
    let mut i = lead + len;
    while let Some(off) = body[i..].find(|c: char| is_space(c)) {
        let at = i + off + body[i + off..].chars().next().map_or(1, char::len_utf8);
        i = at;
        match marker_at(body, at) {
            Some((n, st, l)) if n == want && st == style => {
                // The item starts at the bullet or number, not after it.
                out.push(block.start + at);
                want += 1;
                i = at + l;
            }
            _ => {}
        }
    }
    out
}

/// A list marker at byte `at` of `s`: optional bullet, a number or lowercase letter, then
/// `.`, `)` or `.)`, then a space and a non-lowercase character. Returns the marker's ordinal
/// (letters count from 1), a style code, and its length in bytes (through the space).
fn marker_at(s: &str, at: usize) -> Option<(u32, u8, usize)> {
    let rest = &s[at..];
    let mut i = 0;
    let mut style = 0u8;
    let first = rest.chars().next()?;
    if matches!(first, '•' | '⁃' | '-' | '*' | '▪' | '◦') {
        i += first.len_utf8();
        style |= 4;
        i += rest[i..].len() - rest[i..].trim_start_matches(' ').len();
    }
    let b = rest.as_bytes();
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (n, used) = if (1..=3).contains(&digits) {
        (rest[i..i + digits].parse::<u32>().ok()?, digits)
    } else if b.get(i).is_some_and(u8::is_ascii_lowercase)
        && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        style |= 8;
        (u32::from(b[i] - b'a') + 1, 1)
    } else {
        return None;
    };
    i += used;
    match (b.get(i), b.get(i + 1)) {
        (Some(b'.'), Some(b')')) => {
            style |= 3;
            i += 2;
        }
        (Some(b'.'), _) => {
            style |= 1;
            i += 1;
        }
        (Some(b')'), _) => {
            style |= 2;
            i += 1;
        }
        _ => return None,
    }
    if b.get(i) != Some(&b' ') {
        return None;
    }
    let next = rest[i + 1..].chars().next()?;
    (!next.is_lowercase()).then_some((n, style, i + 1))
}

/// The byte length of a list marker at the start of the (trimmed) stretch at `at`, or 0.
fn leading_marker(text: &str, at: usize) -> usize {
    marker_at(text, at).map_or(0, |(_, _, len)| len)
}

impl Segmenter {
    /// Decides whether "a.m."/"p.m." at byte `dot` ends a sentence: before a sentence starter
    /// or a title ("…at 6 p.m. Mr. Smith then left"), unless the time opens the sentence
    /// ("At 5 a.m. Mr. Smith went out").
    fn time_ends(&self, text: &str, floor: usize, dot: usize, next: usize) -> Verdict {
        let word = word_at(text, next);
        let title = self.abbreviation(word) == Some(AbbrevKind::Title)
            && text[next + word.len()..].starts_with('.');
        // "at 10 p.m. \"I will…": a quotation opening with a capital starts a sentence.
        let opener = text[next..]
            .chars()
            .next()
            .filter(|&c| is_opener(c) && c != '(');
        let quoted = opener.is_some_and(|c| {
            word_at(text, next + c.len_utf8())
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if self.is_starter(word) || quoted {
            return Verdict::End;
        }
        let words_before = text[floor..dot]
            .split(is_space)
            .filter(|w| !w.is_empty())
            .count();
        if title && words_before > 3 {
            Verdict::End
        } else {
            Verdict::Continue
        }
    }
}

/// Appends the sentences of `block` (a stretch with no hard break) to `out`.
pub fn sentences(seg: &Segmenter, text: &str, block: Span, out: &mut Vec<Span>) {
    let mut from = block.start;
    for item in inline_list_starts(text, block) {
        item_sentences(seg, text, Span::new(from, item), out);
        from = item;
    }
    item_sentences(seg, text, Span::new(from, block.end), out);
}

/// True for the period of an abbreviation of time of day ("a.m", "P.M").
fn is_time_of_day(tok: &str) -> bool {
    matches!(tok, "a.m" | "p.m" | "A.M" | "P.M")
}

/// Appends the sentences of one stretch (a block, or an item of an inline list) to `out`.
fn item_sentences(seg: &Segmenter, text: &str, block: Span, out: &mut Vec<Span>) {
    let lead = text[block.start..block.end].len()
        - text[block.start..block.end]
            .trim_start_matches(is_space)
            .len();
    let mut start = block.start;
    // A list marker's own period ("1.", "a.)", "• 9.") never ends a sentence.
    let mut i = block.start + lead + leading_marker(&text[..block.end], block.start + lead);
    let mut candidates = Candidates::new(text, block.end);
    while i < block.end {
        let Some(p) = candidates.next_from(i) else {
            break;
        };
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
        let before = text[..p].chars().next_back().unwrap_or(' ');
        // An elision "[...]" or "[…]" never ends a sentence.
        if before == '[' {
            i = p + text[p..block.end]
                .find(|c: char| !is_terminal(c))
                .unwrap_or(block.end - p);
            continue;
        }
        // The run of terminal punctuation: . ! ? … and spaced ellipsis dots.
        let mut e = p;
        let mut dots = 0;
        // A spaced ellipsis standing alone (" . . . ") never ends a sentence; a spaced
        // four-dot one (" . . . .") ends it.
        if mark == '.' && is_space(before) && text[p + 1..].starts_with(" .") {
            let run = spaced_dots(text, p + 1, block.end);
            let after = text[p + 1 + run..block.end].trim_start_matches(is_space);
            let word = word_at(after, 0);
            let opens_sentence = p == start;
            if run >= 6 || (run > 0 && !opens_sentence && word != "I" && seg.is_starter(word)) {
                // Four dots, or "…paused . . . Then he spoke": the end of a sentence.
                e = p + 1 + run;
                dots = 4;
            } else if run > 0 {
                i = p + 1 + run;
                continue;
            }
        }
        loop {
            let rest = &text[e..block.end];
            if let Some(c) = rest.chars().next().filter(|&c| is_terminal(c)) {
                dots += usize::from(c == '.');
                e += c.len_utf8();
            } else if dots > 0 && rest.starts_with(" .") {
                // "word. . . . Next": the first period ends the sentence and the spaced
                // ellipsis opens the next one, unless nothing but the ellipsis follows.
                let run = spaced_dots(text, e, block.end);
                let tail = &text[e + run..block.end];
                if run > 0
                    && !tail
                        .trim_matches(|c: char| is_space(c) || is_closer(c))
                        .is_empty()
                {
                    break;
                }
                e += 1;
            } else {
                break;
            }
        }
        let single_period = e == p + 1 && mark == '.';
        // Closing quotes and brackets belong to the sentence they close; so does a French
        // closing guillemet after a space, and "“" closing a German „quote“.
        let mut close = e;
        loop {
            let rest = &text[close..block.end];
            let Some(c) = rest.chars().next() else { break };
            if is_closer(c) || (c == '“' && text[start..p].contains('„')) {
                close += c.len_utf8();
            } else if is_space(c) && rest[c.len_utf8()..].starts_with('»') {
                close += c.len_utf8() + '»'.len_utf8();
            } else {
                break;
            }
        }
        i = close.max(p + 1);
        if close >= block.end {
            break;
        }
        let after = text[close..].chars().next().unwrap_or(' ');
        if !is_space(after) && !is_wide_terminal(mark) {
            // "end.The next": a period glued to a capitalized word after a lowercase word
            // or a number ("in 2019.The ministry", "close.“We won").
            let prev = token_before(text, p, start);
            let (cap, cap_len) = if is_opener(after) {
                let c = text[close + after.len_utf8()..]
                    .chars()
                    .next()
                    .unwrap_or(' ');
                (c, after.len_utf8() + c.len_utf8())
            } else {
                (after, after.len_utf8())
            };
            let word_prev = prev.chars().count() >= 3
                && prev.chars().all(char::is_alphabetic)
                && prev.chars().skip(1).all(char::is_lowercase);
            let number_prev = prev.len() >= 2 && prev.bytes().all(|b| b.is_ascii_digit());
            let glued = single_period
                && cap.is_uppercase()
                && text[close + cap_len..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
                && (word_prev || number_prev)
                && !in_address(text, p, start, block.end);
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
        if !is_wide_terminal(mark)
            && (nc.is_lowercase()
                || first_letter.is_lowercase()
                || matches!(nc, ',' | ';' | ':' | ')' | '-'))
        {
            continue;
        }
        let verdict = match mark {
            '.' if single_period => {
                let tok = token_before(text, p, start);
                let tok = tok.trim_start_matches(|c: char| !c.is_alphanumeric());
                if is_time_of_day(tok) {
                    seg.time_ends(text, start, p, next)
                } else {
                    seg.period_ends(text, start, p, next)
                }
            }
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

#[cfg(test)]
mod tests {
    use super::{is_terminal, Candidates};

    /// The candidate search stops at every terminal and colon, and at nothing else.
    #[test]
    fn candidates_are_the_terminals_and_the_colon() {
        let text = "a.b!c?d:e…f؟g。h！i？j“k”l—m’n\u{a0}o";
        let mut found = Vec::new();
        let mut c = Candidates::new(text, text.len());
        let mut from = 0;
        while let Some(p) = c.next_from(from) {
            found.push(text[p..].chars().next().unwrap());
            from = p + 1;
        }
        let want: Vec<char> = text
            .chars()
            .filter(|&ch| is_terminal(ch) || ch == ':')
            .collect();
        assert_eq!(found, want);
        // A search that starts past a hit it has remembered finds the next one.
        let mut c = Candidates::new(text, text.len());
        assert_eq!(c.next_from(0), Some(1));
        assert_eq!(c.next_from(6), Some(7));
        assert_eq!(c.next_from(text.len()), None);
    }
}
