//! The invariants every record keeps, checked against the document text.
//!
//! Used by the property tests and the fuzz targets, and available to users who want to
//! validate records they store: offsets in bounds and on character boundaries, sentences in
//! order and disjoint, entities sorted and non-overlapping with `text` equal to the slice,
//! every entity and event reference valid.

use crate::record::{OffsetUnit, Record};

/// Checks `record` against the `text` it was extracted from, with offsets in `unit`.
/// Returns a description of the first broken invariant.
pub fn check_record(record: &Record, text: &str, unit: OffsetUnit) -> Result<(), String> {
    if record.error.is_some() {
        let empty =
            record.sentences.is_empty() && record.entities.is_empty() && record.events.is_empty();
        return if empty {
            Ok(())
        } else {
            Err("an error record with non-empty arrays".into())
        };
    }
    let slicer = Slicer::new(text, unit);
    let mut prev_end = 0;
    for (i, s) in record.sentences.iter().enumerate() {
        if s.start >= s.end || s.start < prev_end {
            return Err(format!("sentence {i} is empty, unsorted or overlapping"));
        }
        slicer
            .slice(s.start, s.end)
            .ok_or_else(|| format!("sentence {i} out of bounds or off a char boundary"))?;
        prev_end = s.end;
    }
    let n_ent = record.entities.len();
    let mut prev_end = 0;
    for (i, e) in record.entities.iter().enumerate() {
        if e.start >= e.end || e.start < prev_end {
            return Err(format!("entity {i} is empty, unsorted or overlapping"));
        }
        prev_end = e.end;
        match slicer.slice(e.start, e.end) {
            Some(t) if t == e.text => {}
            Some(t) => return Err(format!("entity {i} text {:?} != slice {t:?}", e.text)),
            None => return Err(format!("entity {i} out of bounds or off a char boundary")),
        }
        let sentence = record.sentences.get(e.sentence);
        if sentence.is_some_and(|s| e.start < s.start || e.end > s.end) {
            return Err(format!(
                "entity {i} is not inside its sentence {}",
                e.sentence
            ));
        }
        if sentence.is_none() && !record.sentences.is_empty() {
            return Err(format!("entity {i} refers to a missing sentence"));
        }
        if e.affiliation.is_some_and(|a| a >= n_ent || a == i) {
            return Err(format!("entity {i} has a bad affiliation"));
        }
    }
    for (i, ev) in record.events.iter().enumerate() {
        if ev.sentence >= record.sentences.len() {
            return Err(format!("event {i} refers to a missing sentence"));
        }
        let t = &ev.trigger;
        match slicer.slice(t.start, t.end) {
            Some(s) if t.start < t.end && s == t.text => {}
            _ => return Err(format!("event {i} trigger span is wrong")),
        }
        if ev.participants.iter().any(|p| p.entity >= n_ent) {
            return Err(format!("event {i} has a participant out of range"));
        }
        if ev
            .date
            .as_ref()
            .is_some_and(|d| d.entity.is_some_and(|x| x >= n_ent))
        {
            return Err(format!("event {i} has a date entity out of range"));
        }
        if ev.location.as_ref().is_some_and(|l| l.entity >= n_ent) {
            return Err(format!("event {i} has a location entity out of range"));
        }
    }
    Ok(())
}

/// Slices the text by offsets in either unit.
struct Slicer<'a> {
    text: &'a str,
    /// Byte offset of every char, plus the end (chars unit only).
    starts: Option<Vec<usize>>,
}

impl<'a> Slicer<'a> {
    fn new(text: &'a str, unit: OffsetUnit) -> Slicer<'a> {
        let starts = (unit == OffsetUnit::Chars).then(|| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        Slicer { text, starts }
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        match &self.starts {
            None => self.text.get(start..end),
            Some(s) => self.text.get(*s.get(start)?..*s.get(end)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtractorBuilder;

    #[test]
    fn a_good_record_passes_and_a_broken_one_fails() {
        let x = ExtractorBuilder::new().build().unwrap();
        let text =
            "Ms. Ana Ruiz of Mexico met UNICEF in Genève on 2 May 2023. She signed an agreement.";
        let mut r = x.extract(text);
        assert!(r.entities.len() >= 4);
        check_record(&r, text, OffsetUnit::Chars).unwrap();
        r.entities[1].end += 1;
        assert!(check_record(&r, text, OffsetUnit::Chars).is_err());
        r.entities[1].end -= 1;
        r.entities.swap(0, 1);
        assert!(check_record(&r, text, OffsetUnit::Chars).is_err());
    }
}
