//! The output record, schema 1 (`../shared/spec/record.md`), and its JSON Lines form.
//!
//! One [`Record`] is written per input document, as one line of JSON, with the fields in this
//! order:
//!
//! | field | meaning |
//! |---|---|
//! | `id` | the document id |
//! | `schema` | always `1` |
//! | `title` | the headline, or `null` |
//! | `date` | the document date `YYYY-MM-DD`, or `null` |
//! | `sentences` | `{start, end}` of each sentence |
//! | `entities` | [`Entity`] values sorted by `start`, never overlapping |
//! | `events` | [`Event`] values in text order |
//! | `warnings` | present only when something was repaired (e.g. invalid UTF-8 decoded lossily) |
//! | `meta` | present only for JSONL input with extra fields: those fields, untouched |
//! | `error` | present only when the document could not be processed |
//!
//! Offsets count code points by default, UTF-8 bytes with [`OffsetUnit::Bytes`].

use serde::Serialize;
use std::sync::Arc;

/// The schema version written in every record.
pub const SCHEMA: u32 = 1;

/// The unit of the offsets in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// Unicode scalar values, like Python `str` indices (the default).
    #[default]
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

/// One output record.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Record {
    /// Document id.
    pub id: String,
    /// Schema version, [`SCHEMA`].
    pub schema: u32,
    /// The headline, if the document has one.
    pub title: Option<String>,
    /// The document date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Sentence spans in order.
    pub sentences: Vec<SentenceSpan>,
    /// Entity mentions sorted by start.
    pub entities: Vec<Entity>,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Repairs made to the input (lossy decoding, removed NUL bytes, an unusable date field).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Extra fields of a JSONL input document, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Why the document could not be processed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Record {
    /// The record written for a document that could not be processed.
    pub fn error(id: impl Into<String>, message: impl Into<String>) -> Record {
        Record {
            id: id.into(),
            schema: SCHEMA,
            title: None,
            date: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            events: Vec::new(),
            warnings: Vec::new(),
            meta: None,
            error: Some(message.into()),
        }
    }

    /// Serializes the record as one line of JSON (with its final newline) onto `out`.
    pub fn write_jsonl(&self, out: &mut Vec<u8>) {
        // Serializing plain data into a Vec cannot fail.
        serde_json::to_writer(&mut *out, self).expect("record serializes");
        out.push(b'\n');
    }
}

/// A sentence span.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// The kind of an entity.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// An organization.
    #[serde(rename = "ORG")]
    Org,
    /// A location.
    #[serde(rename = "LOC")]
    Loc,
    /// A date, with a normalized value.
    #[serde(rename = "DATE")]
    Date,
}

impl EntityKind {
    /// The name written in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Date => "DATE",
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entity {
    /// PERSON, ORG, LOC or DATE.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Exactly the document text between the offsets.
    pub text: String,
    /// Index into `sentences`.
    pub sentence: usize,
    /// Canonical name (full name of an acronym or surname).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Arc<str>>,
    /// Gazetteer id of the canonical entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<Arc<str>>,
    /// DATE only: the normalized value, `null` when unresolvable.
    #[serde(skip_serializing_if = "DateValue::is_absent")]
    pub value: DateValue,
    /// PERSON only: the title the text gives the person ("Executive Director").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// PERSON only: index of the ORG or LOC entity the person speaks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<usize>,
    /// What produced the entity: `gazetteer:FILE`, `rule:NAME`, ….
    pub source: Arc<str>,
}

/// The `value` field of an entity: absent for non-dates, `null` or a string for dates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DateValue {
    /// Not a date: the field is left out.
    #[default]
    Absent,
    /// A date whose value could not be resolved: `null`.
    Null,
    /// A normalized value.
    Value(String),
}

impl DateValue {
    /// True for [`DateValue::Absent`].
    pub fn is_absent(&self) -> bool {
        matches!(self, DateValue::Absent)
    }

    /// The value as a string, if there is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            DateValue::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DateValue::Value(v) => s.serialize_str(v),
            _ => s.serialize_none(),
        }
    }
}

/// One event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Event {
    /// An id from the event taxonomy (`event-types.tsv`).
    #[serde(rename = "type")]
    pub kind: Arc<str>,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The word or phrase that signals the event.
    pub trigger: Trigger,
    /// Entities taking part, with their role.
    pub participants: Vec<Participant>,
    /// The event's own date.
    pub date: Option<EventDate>,
    /// Where it happened.
    pub location: Option<EntityRef>,
    /// `asserted`, `planned` or `negated`.
    pub modality: Modality,
}

/// The trigger of an event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Trigger {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The trigger text.
    pub text: String,
}

/// A participant of an event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Participant {
    /// Index into `entities`.
    pub entity: usize,
    /// agent, partner, recipient, target, speaker, appointee, …
    pub role: Arc<str>,
}

/// The date of an event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventDate {
    /// Index of the DATE entity, or null when the date comes from the document date.
    pub entity: Option<usize>,
    /// The normalized value.
    pub value: String,
}

/// A reference to an entity.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct EntityRef {
    /// Index into `entities`.
    pub entity: usize,
}

/// Whether an event happened, is planned, or is denied.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// It happened (the default).
    Asserted,
    /// It will happen: will, shall, plans to, is expected to, a future date.
    Planned,
    /// It did not happen: did not, failed to, refused to.
    Negated,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_record_shape() {
        let mut out = Vec::new();
        Record::error("stdin:3", "bad json").write_jsonl(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":\"stdin:3\",\"schema\":1,\"title\":null,\"date\":null,\"sentences\":[],\"entities\":[],\"events\":[],\"error\":\"bad json\"}\n"
        );
    }
}
