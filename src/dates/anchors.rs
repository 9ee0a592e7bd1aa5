//! Anchors: the words and numbers without which no date rule can match (a month name, a
//! weekday, a four-digit number, "quarter", "today", "ago", …). One pass of an Aho-Corasick
//! automaton and a digit scan find them; each rule then runs only in the windows around the
//! anchors of its class instead of over the whole text.

use super::lexicon::Lexicon;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A set of anchor classes, as bits.
pub type Classes = u16;

/// A month name or abbreviation.
pub const MONTH: Classes = 1;
/// A weekday name or abbreviation.
pub const WEEKDAY: Classes = 1 << 1;
/// A run of exactly four digits that begins with 18, 19 or 20: a year, in a date of any form.
pub const YEAR: Classes = 1 << 2;
/// "quarter", "Q1"–"Q4".
pub const QUARTER: Classes = 1 << 3;
/// "half", "H1", "H2".
pub const HALF: Classes = 1 << 4;
/// A season name.
pub const SEASON: Classes = 1 << 5;
/// today, yesterday, tomorrow, tonight.
pub const DAY_WORD: Classes = 1 << 6;
/// A unit of calendar time: week, month, year, quarter.
pub const UNIT: Classes = 1 << 7;
/// "ago".
pub const AGO: Classes = 1 << 8;
/// fiscal, financial, FY.
pub const FISCAL: Classes = 1 << 9;

/// How far a rule's match may reach before and after the anchor it is searched from. The
/// longest stretches without an anchor of the rule's class are a weekday, "the", a day and
/// "of" before a month ("Wednesday, the 23rd of May"), or "the beginning of the" before
/// "year"; 48 bytes covers them with room for runs of white space. Rules anchored on a year
/// reach no further than "between", "financial year" or "-12-31" from it.
fn reach(classes: Classes) -> usize {
    if classes == YEAR {
        24
    } else {
        48
    }
}

/// The fixed anchor words of the rules, lower case, with their classes.
const WORDS: &[(&str, Classes)] = &[
    ("quarter", QUARTER | UNIT),
    ("q1", QUARTER),
    ("q2", QUARTER),
    ("q3", QUARTER),
    ("q4", QUARTER),
    ("half", HALF),
    ("h1", HALF),
    ("h2", HALF),
    ("spring", SEASON),
    ("summer", SEASON),
    ("autumn", SEASON),
    ("fall", SEASON),
    ("winter", SEASON),
    ("today", DAY_WORD),
    ("yesterday", DAY_WORD),
    ("tomorrow", DAY_WORD),
    ("tonight", DAY_WORD),
    ("week", UNIT),
    ("month", UNIT),
    ("year", UNIT),
    ("ago", AGO),
    ("fiscal", FISCAL),
    ("financial", FISCAL),
    ("fy", FISCAL),
];

/// The anchor finder, built once from the lexicon.
#[derive(Debug, Clone)]
pub struct Anchors {
    automaton: AhoCorasick,
    classes: Vec<Classes>,
}

/// One anchor: where it is and what it can anchor.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    /// The anchor's bytes.
    pub span: Span,
    /// Its classes.
    pub classes: Classes,
}

impl Anchors {
    /// Builds the finder from the lexicon's month and weekday forms and the fixed words.
    pub fn new(lx: &Lexicon) -> Anchors {
        let mut words: Vec<(String, Classes)> = Vec::new();
        let forms = |map: &rustc_hash::FxHashMap<String, u32>, class: Classes| {
            map.keys()
                .map(|f| (f.trim_end_matches('.').to_ascii_lowercase(), class))
                .collect::<Vec<_>>()
        };
        words.extend(forms(&lx.months, MONTH));
        words.extend(forms(&lx.weekdays, WEEKDAY));
        words.extend(WORDS.iter().map(|&(w, c)| (w.to_string(), c)));
        words.sort();
        // One pattern per word, carrying every class it has.
        let mut merged: Vec<(String, Classes)> = Vec::new();
        for (w, c) in words {
            match merged.last_mut() {
                Some((last, lc)) if *last == w => *lc |= c,
                _ if w.is_empty() => {}
                _ => merged.push((w, c)),
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(merged.iter().map(|(w, _)| w.as_str()))
            .expect("date anchor automaton");
        Anchors {
            automaton,
            classes: merged.into_iter().map(|(_, c)| c).collect(),
        }
    }

    /// Every anchor of `text`, in order of start. A word is an anchor only as a whole word
    /// (in the ASCII sense of the rules' `\b`), except that "FY" may run into its digits;
    /// a month or weekday only with a capital first letter, as the rules write them.
    pub fn find(&self, text: &str) -> Vec<Anchor> {
        let bytes = text.as_bytes();
        let word = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        let mut out: Vec<Anchor> = self
            .automaton
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let mut classes = self.classes[m.pattern().as_usize()];
                let (start, end) = (m.start(), m.end());
                let open_end = classes == FISCAL && bytes.get(end).is_some_and(u8::is_ascii_digit);
                if (start > 0 && word(start - 1)) || (word(end) && !open_end) {
                    return None;
                }
                if !bytes[start].is_ascii_uppercase() {
                    classes &= !(MONTH | WEEKDAY);
                }
                (classes != 0).then(|| Anchor {
                    span: Span::new(start, end),
                    classes,
                })
            })
            .collect();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i - start == 4 && matches!(&bytes[start..start + 2], b"18" | b"19" | b"20") {
                    out.push(Anchor {
                        span: Span::new(start, i),
                        classes: YEAR,
                    });
                }
            } else {
                i += 1;
            }
        }
        out.sort_by_key(|a| a.span.start);
        out
    }
}

/// The windows of `text` in which a rule anchored by `classes` can match: each anchor of those
/// classes widened on both sides by the rule's reach, overlapping windows merged. A window starts on
/// a character boundary and ends before an ASCII byte that is not a letter or digit (or at the
/// end of the text), so that no word is cut.
pub fn windows(text: &str, anchors: &[Anchor], classes: Classes) -> Vec<Span> {
    let bytes = text.as_bytes();
    let reach = reach(classes);
    let mut out: Vec<Span> = Vec::new();
    for a in anchors.iter().filter(|a| a.classes & classes != 0) {
        let mut start = a.span.start.saturating_sub(reach);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (a.span.end + reach).min(bytes.len());
        while end < bytes.len() && (!bytes[end].is_ascii() || bytes[end].is_ascii_alphanumeric()) {
            end += 1;
        }
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(Span::new(start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::builtin().expect("lexicon")
    }

    #[test]
    fn finds_months_weekdays_years_and_words_in_any_case() {
        let a = Anchors::new(&lexicon());
        let text = "On MONDAY, 4 Sept. 2023, two weeks ago, this week, in Q3 of FY2024, may fall.";
        let found: Vec<(&str, Classes)> = a
            .find(text)
            .iter()
            .map(|x| (x.span.slice(text), x.classes))
            .collect();
        let has = |w: &str, c: Classes| found.iter().any(|&(s, k)| s == w && k & c != 0);
        assert!(has("MONDAY", WEEKDAY));
        assert!(has("Sept", MONTH));
        assert!(has("2023", YEAR));
        assert!(has("week", UNIT));
        assert!(has("ago", AGO));
        assert!(has("Q3", QUARTER));
        assert!(has("FY", FISCAL));
        assert!(has("fall", SEASON));
        // Not a whole word, not a four-digit year, a month without its capital.
        assert!(!found
            .iter()
            .any(|&(s, _)| s == "4" || s == "weeks" || s == "may"));
        assert!(!has("week", UNIT) || found.iter().filter(|x| x.0 == "week").count() == 1);
    }

    #[test]
    fn windows_merge_and_never_cut_a_word() {
        let a = Anchors::new(&lexicon());
        let text = format!(
            "{} 2019 and 2020 {}",
            "x".repeat(100),
            "abcdefghij".repeat(10)
        );
        let w = windows(&text, &a.find(&text), YEAR);
        assert_eq!(w.len(), 1);
        assert!(w[0].start <= 101 && w[0].end == text.len());
        assert!(windows(&text, &a.find(&text), MONTH).is_empty());
    }
}
