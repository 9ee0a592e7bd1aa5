//! Sentence segmentation: layout first, then punctuation.
//!
//! A document is cut in two steps, both in one pass over its lines and bytes:
//!
//! 1. **Layout** ([`layout`]): every newline is *hard* (a sentence boundary) or *soft* (a space
//!    inside a hard-wrapped paragraph). Blank lines, list items, headlines, captions, contact
//!    lines and other lines that end without punctuation are hard; a line break that a text
//!    wrapped at a fixed width would have made is soft.
//! 2. **Punctuation** ([`scan`]): inside each stretch between hard breaks, `.`, `!`, `?` and
//!    ellipses are candidate ends, decided by what follows them (a lowercase word never starts a
//!    sentence) and by the abbreviation list (`gazetteers/abbreviations.tsv`): a title such as
//!    "Mr." never ends a sentence; "U.S." or "Inc." does only when a sentence starter
//!    ("The", "It", …) follows.

pub mod layout;
pub mod scan;

use crate::data;
use crate::error::Result;
use crate::text::{trim_span, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What kind of abbreviation a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name ("Mr."): never ends a sentence.
    Title,
    /// Precedes a number ("No. 5").
    Number,
    /// A month or weekday form ("Oct.").
    Month,
    /// May end a sentence ("U.S.", "etc.").
    General,
    /// A company-form suffix ("Inc.", "plc."): often the end of a sentence.
    Company,
    /// A name written with "!" ("Yahoo!").
    Bang,
    /// A word that, before a colon, ends a heading ("Media contact:").
    Heading,
}

/// The sentence segmenter. Build it once and share it; segmenting takes `&self`.
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbrevs: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
}

impl Segmenter {
    /// The segmenter with the built-in abbreviation and sentence-starter lists.
    pub fn new() -> Result<Segmenter> {
        let abbrevs = data::kinds("abbreviations.tsv", data::ABBREVIATIONS, |k| match k {
            "title" => Some(AbbrevKind::Title),
            "number" => Some(AbbrevKind::Number),
            "month" => Some(AbbrevKind::Month),
            "general" => Some(AbbrevKind::General),
            "company" => Some(AbbrevKind::Company),
            "bang" => Some(AbbrevKind::Bang),
            "heading" => Some(AbbrevKind::Heading),
            _ => None,
        })?;
        let starters = data::rows("sentence_starters.tsv", data::SENTENCE_STARTERS, 1)?
            .into_iter()
            .map(|r| r.fields[0].to_string())
            .collect();
        Ok(Segmenter { abbrevs, starters })
    }

    /// The sentences of `text` as trimmed byte spans, in order.
    pub fn segment(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for block in layout::blocks(text) {
            scan::sentences(self, text, block, &mut out);
        }
        out.retain(|s| !s.is_empty());
        out
    }

    /// The kind of abbreviation `token` (without its final period) is, if it is one.
    pub fn abbreviation(&self, token: &str) -> Option<AbbrevKind> {
        self.abbrevs.get(token).copied()
    }

    /// True when `word` is a word that starts sentences ("The", "It", …).
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

pub(crate) fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = trim_span(text, span);
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests;
