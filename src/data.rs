//! The data files compiled into the library, and the one reader of their TSV layout.
//!
//! Rules are data (`gazetteers/*.tsv`), not code: a new abbreviation, trigger word or month
//! form is a line in a file. Every file has `#` comment lines, one header line naming the
//! columns, then rows of tab-separated fields.

use crate::error::{Error, Result};
use rustc_hash::FxHashMap as HashMap;

/// Abbreviations for the segmenter.
pub const ABBREVIATIONS: &str = include_str!("../gazetteers/abbreviations.tsv");
/// Words that start a sentence after an abbreviation.
pub const SENTENCE_STARTERS: &str = include_str!("../gazetteers/sentence_starters.tsv");
/// Month, weekday and relative-date words.
pub const DATE_WORDS: &str = include_str!("../gazetteers/date_words.tsv");
/// Event trigger lexicon.
pub const EVENT_TRIGGERS: &str = include_str!("../gazetteers/event_triggers.tsv");
/// Word classes for event trigger conditions.
pub const EVENT_OBJECTS: &str = include_str!("../gazetteers/event_objects.tsv");
/// Head nouns of organization names found by pattern.
pub const ORG_HEADS: &str = include_str!("../gazetteers/org_heads.tsv");
/// Non-head words of the organization patterns (`gazetteers/org_words.tsv`).
pub const ORG_WORDS: &str = include_str!("../gazetteers/org_words.tsv");
/// Capitalized words that never belong to a person name.
pub const NOT_NAMES: &str = include_str!("../gazetteers/not_names.tsv");
/// Words that announce a person's name ("said", "appointed", "journalist").
pub const NAME_CUES: &str = include_str!("../gazetteers/name_cues.tsv");
/// `gazetteers/place_words.tsv`: the words of the place rules (natural features, town context).
pub const PLACE_WORDS: &str = include_str!("../gazetteers/place_words.tsv");
/// `gazetteers/place_context.tsv`: words before an ambiguous gazetteer place that show it is one.
pub const PLACE_CONTEXT: &str = include_str!("../gazetteers/place_context.tsv");

/// One data row: its file, its 1-based line number and its fields.
pub struct Row<'a> {
    /// The file it comes from.
    pub file: &'static str,
    /// 1-based line number in the file.
    pub line: usize,
    /// The tab-separated fields.
    pub fields: Vec<&'a str>,
}

impl Row<'_> {
    /// The error for a bad value in this row.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::Data {
            file: self.file,
            line: self.line,
            message: message.into(),
        }
    }
}

/// Reads a built-in TSV file: skips comments and the header, checks the column count.
pub fn rows(file: &'static str, text: &'static str, columns: usize) -> Result<Vec<Row<'static>>> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            return Err(Error::Data {
                file,
                line: i + 1,
                message: format!("expected {columns} columns, found {}", fields.len()),
            });
        }
        out.push(Row {
            file,
            line: i + 1,
            fields,
        });
    }
    Ok(out)
}

/// Reads a built-in two-column table of words and their kinds into a map; `kind` names the
/// kinds the file may use (an unknown one is an error at its line).
pub fn kinds<K>(
    file: &'static str,
    text: &'static str,
    kind: impl Fn(&str) -> Option<K>,
) -> Result<HashMap<String, K>> {
    let mut out = HashMap::default();
    for row in rows(file, text, 2)? {
        let k = kind(row.fields[1])
            .ok_or_else(|| row.error(format!("unknown kind {:?}", row.fields[1])))?;
        out.insert(row.fields[0].to_string(), k);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_reads_words_and_names_the_line_of_an_unknown_kind() {
        let text = "# comment\nword\tkind\nRiver\tafter\nLake\tbefore\n";
        let k = kinds("t.tsv", text, |k| (k == "after").then_some(1)).unwrap_err();
        assert!(k.to_string().contains("t.tsv:4"), "{k}");
        let ok = kinds("t.tsv", text, |k| match k {
            "after" => Some(1),
            "before" => Some(2),
            _ => None,
        })
        .unwrap();
        assert_eq!((ok["River"], ok["Lake"]), (1, 2));
    }
}
