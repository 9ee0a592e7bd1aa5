//! A mention: an entity candidate as the stages produce it, before the record is written.

use crate::record::{DateValue, EntityKind};
use crate::text::Span;
use std::sync::Arc;

/// An entity candidate, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// PERSON, ORG, LOC or DATE.
    pub kind: EntityKind,
    /// What produced it.
    pub source: Arc<str>,
    /// Canonical name.
    pub canonical: Option<Arc<str>>,
    /// Gazetteer id.
    pub kb_id: Option<Arc<str>>,
    /// DATE value.
    pub value: DateValue,
    /// PERSON: the title's span.
    pub title: Option<Span>,
    /// PERSON: the span of the ORG or LOC the person speaks for.
    pub affiliation: Option<Span>,
    /// Wins ties between overlapping candidates of the same length (higher wins).
    pub rank: u8,
}

impl Mention {
    /// A plain mention from a rule.
    pub fn new(span: Span, kind: EntityKind, source: Arc<str>, rank: u8) -> Mention {
        Mention {
            span,
            kind,
            source,
            canonical: None,
            kb_id: None,
            value: DateValue::Absent,
            title: None,
            affiliation: None,
            rank,
        }
    }
}

/// Keeps the best of overlapping mentions: longer first, then higher rank, then earlier.
pub fn select(mut cands: Vec<Mention>) -> Vec<Mention> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.rank.cmp(&a.rank))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut taken: Vec<Mention> = Vec::with_capacity(cands.len());
    // Taken spans by start: a candidate clashes with its predecessor or successor only.
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for c in cands {
        let before = spans
            .range(..=c.span.start)
            .next_back()
            .is_some_and(|(_, &end)| end > c.span.start);
        let after = spans
            .range(c.span.start..)
            .next()
            .is_some_and(|(&start, _)| start < c.span.end);
        if before || after || c.span.is_empty() {
            continue;
        }
        spans.insert(c.span.start, c.span.end);
        taken.push(c);
    }
    taken.sort_by_key(|m| m.span.start);
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_then_rank() {
        let src: Arc<str> = Arc::from("t");
        let m = |s, e, r| Mention::new(Span::new(s, e), EntityKind::Org, src.clone(), r);
        let out = select(vec![
            m(0, 5, 1),
            m(0, 10, 0),
            m(8, 12, 5),
            m(12, 14, 0),
            m(12, 14, 3),
        ]);
        let got: Vec<(usize, usize, u8)> = out
            .iter()
            .map(|m| (m.span.start, m.span.end, m.rank))
            .collect();
        assert_eq!(got, vec![(0, 10, 0), (12, 14, 3)]);
    }
}
