//! Dates: every date expression of a release, normalized to TIMEX3-style values.
//!
//! Finding and resolving are separate steps. [`DateTagger::find`] runs the grammar (regular
//! expressions built once from the lexicon in `gazetteers/date_words.tsv`) and returns each
//! expression as an [`Expr`]: what the text says, before any document date is known. The
//! document date can then be taken from the dateline (an absolute date near the top), and
//! [`resolve`] turns every expression into a value against it, in the direction the sentence's
//! tense implies ("on Monday" is the Monday before a past-tense sentence's release date, the
//! Monday after in a sentence with "will").

mod anchors;
pub mod calendar;
mod grammar;
pub mod lexicon;

use crate::error::{Error, Result};
use crate::text::Span;
use calendar::Point;
use chrono::NaiveDate;
pub use grammar::Expr;
use lexicon::Lexicon;
use unicode_segmentation::UnicodeSegmentation;

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Where it is (a tight span).
    pub span: Span,
    /// What it says.
    pub expr: Expr,
    /// The grammar rule that found it.
    pub rule: &'static str,
}

/// How many non-blank lines from the top may hold the dateline.
const DATELINE_LINES: usize = 7;

/// The date tagger. Build once; share across threads.
#[derive(Debug, Clone)]
pub struct DateTagger {
    grammar: grammar::Grammar,
    lexicon: Lexicon,
    /// The lexicon's future phrases, matched ignoring ASCII case.
    future: aho_corasick::AhoCorasick,
}

impl DateTagger {
    /// The tagger with the built-in lexicon.
    pub fn new() -> Result<DateTagger> {
        let lexicon = Lexicon::builtin()?;
        let grammar = grammar::Grammar::new(&lexicon);
        let future = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&lexicon.future)
            .map_err(|e| Error::Data {
                file: "date_words.tsv",
                line: 0,
                message: format!("future phrases: {e}"),
            })?;
        Ok(DateTagger {
            grammar,
            lexicon,
            future,
        })
    }

    /// The names of the grammar's rules (the `source` of the dates they find is `rule:date_NAME`).
    pub fn rule_names(&self) -> Vec<&'static str> {
        self.grammar.rule_names()
    }

    /// The date expressions of `text`, non-overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        self.grammar.find(text, &self.lexicon)
    }

    /// True when `sentence` speaks of the future (will, plans to, is expected to, …).
    pub fn is_future(&self, sentence: &str) -> bool {
        self.future_phrases(sentence).next().is_some()
    }

    /// True when the date at `at` (byte offsets within `sentence`) lies in the future: the
    /// sentence has a future phrase, and no past-tense verb stands nearer to the date than the
    /// nearest such phrase ("the agreement, signed on Tuesday, will…" is past; "the report
    /// will be launched on Monday" is future: a participle after "be" is not a past verb).
    pub fn is_future_at(&self, sentence: &str, at: Span) -> bool {
        // Bytes between a word and the date; a comma or semicolon between them (another
        // clause) counts as 40 more.
        let dist = |s: usize, e: usize| {
            let (a, b) = if e <= at.start {
                (e, at.start)
            } else {
                (at.end, s.max(at.end))
            };
            let clause = sentence[a..b].contains([',', ';']);
            b - a + if clause { 40 } else { 0 }
        };
        let phrases: Vec<(usize, usize)> = self.future_phrases(sentence).collect();
        let Some(future) = phrases.iter().map(|&(s, e)| dist(s, e)).min() else {
            return false;
        };
        let mut prev: [&str; 2] = ["", ""];
        let mut past = usize::MAX;
        // Words since the last "if" or "unless": "in April if enough doses became available"
        // speaks of the future; a past form in a condition is no past tense.
        let mut since_if = usize::MAX;
        for (s, w) in sentence.unicode_word_indices() {
            let e = s + w.len();
            let inside_phrase = phrases.iter().any(|&(ps, pe)| ps <= s && e <= pe);
            let after_be = prev.iter().any(|p| self.lexicon.passive.contains(*p));
            let conditional = since_if <= 4;
            if !inside_phrase && !after_be && !conditional && self.lexicon.is_past_verb(w) {
                past = past.min(dist(s, e));
            }
            since_if = if matches!(w, "if" | "unless") {
                0
            } else {
                since_if.saturating_add(1)
            };
            prev = [prev[1], w];
        }
        future < past
    }

    /// The future phrases of `sentence`, as whole words, by byte offsets.
    fn future_phrases<'s>(
        &'s self,
        sentence: &'s str,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        self.future
            .find_overlapping_iter(sentence)
            .filter(|m| {
                crate::text::is_word_boundary(sentence, m.start())
                    && crate::text::is_word_boundary(sentence, m.end())
            })
            .map(|m| (m.start(), m.end()))
    }

    /// The document date given by a dateline: the first absolute day near the top of the
    /// text (in the first lines, within the first 120 characters of a line), else an
    /// "Issued on …"/"Press release, …" line at the bottom.
    pub fn dateline_date(&self, text: &str, mentions: &[DateMention]) -> Option<NaiveDate> {
        let mut lines: Vec<Span> = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let span = Span::new(start, start + line.len());
            start += line.len();
            if !line.trim().is_empty() {
                lines.push(span);
            }
        }
        let absolute_day = |m: &DateMention| match m.expr {
            Expr::Point(Point::Day(d)) => Some(d),
            _ => None,
        };
        // A date in dateline position wins over an earlier one (a headline's "9 November 1989");
        // a headline, a subheadline and a photo caption with its credit may come first.
        for line in lines.iter().take(DATELINE_LINES) {
            let hit = mentions
                .iter()
                .filter(|m| line.contains(&m.span) && is_dateline_position(text, *line, m.span))
                .find_map(absolute_day);
            if hit.is_some() {
                return hit;
            }
        }
        // A date line under the headline, byline or "News provided by": "Oct 08, 2024, 08:00
        // ET", "Published Thursday, Feb. 6, 2025", "Updated 4:12 PM GMT, Nov. 12, 2024".
        for line in lines.iter().take(8) {
            let l = line.slice(text).trim_start();
            let lead = line.start + (line.slice(text).len() - l.len());
            let stamp = ["Published", "Updated", "Posted", "Issued", "Released"]
                .iter()
                .any(|w| l.starts_with(w));
            let hit = mentions
                .iter()
                .filter(|m| line.contains(&m.span) && (m.span.start == lead || stamp))
                .find_map(absolute_day);
            if hit.is_some() {
                return hit;
            }
        }
        for line in lines.iter().take(4) {
            let hit = mentions
                .iter()
                .filter(|m| line.contains(&m.span) && m.span.start - line.start <= 120)
                .find_map(absolute_day);
            if hit.is_some() {
                return hit;
            }
        }
        for line in lines.iter().rev().take(3) {
            let l = line.slice(text).trim_start().to_lowercase();
            let marked = [
                "issued",
                "published",
                "released",
                "date",
                "dated",
                "press release",
                "posted",
            ]
            .iter()
            .any(|w| l.starts_with(w));
            if marked {
                if let Some(d) = mentions
                    .iter()
                    .filter(|m| line.contains(&m.span))
                    .find_map(absolute_day)
                {
                    return Some(d);
                }
            }
        }
        None
    }
}

/// True when the date at `span` stands where a dateline puts it: after an ALL-CAPS place and a
/// comma or bracket ("BRUSSELS, 4 April 2022 –", "NAIROBI (11 May 2023)"), after a place in
/// brackets ("(Kyiv, June 2, 2023)"), or first on its line before a dash ("12 May 2021 - …").
fn is_dateline_position(text: &str, line: Span, span: Span) -> bool {
    let prefix = text[line.start..span.start].trim();
    let after = text[span.end..line.end].trim_start();
    let dash_after = after.starts_with(['-', '–', '—', ')']) || after.starts_with("/PR");
    if prefix.is_empty() {
        return dash_after;
    }
    let Some(place) = prefix.strip_suffix([',', '(']) else {
        return false;
    };
    let place = place.trim().trim_start_matches('(');
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let caps = letters >= 2 && place.chars().all(|c| !c.is_lowercase());
    let bracketed = prefix.starts_with('(')
        && place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 3;
    caps || bracketed
}

/// The value of `expr` against document date `doc`, in a sentence that is `future` or not.
/// `None` when it cannot be resolved.
pub fn resolve(expr: &Expr, doc: Option<NaiveDate>, future: bool) -> Option<String> {
    grammar::resolve(expr, doc, future)
}

#[cfg(test)]
mod tests;
