//! Reading gazetteer TSV files (the format of `gazetteers/README.md`).

use super::{Entry, EntryKind, Flags};
use crate::error::{Error, Result};
use std::sync::Arc;

/// The header line every gazetteer file carries after its comments.
pub const HEADER: &str = "id\ttype\tsubtype\tcanonical\taliases\tacronyms\tflags\tattrs\txref";

fn bad(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Gazetteer {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses one gazetteer file named `file` (for messages and the `source` field).
pub fn parse(file: &str, text: &str) -> Result<Vec<Entry>> {
    let source: Arc<str> = Arc::from(format!("gazetteer:{file}"));
    let mut out = Vec::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header {
            if line != HEADER {
                return Err(bad(file, n, format!("expected the header line {HEADER:?}")));
            }
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 9 {
            return Err(bad(
                file,
                n,
                format!("expected 9 tab-separated columns, found {}", f.len()),
            ));
        }
        let id = f[0].trim();
        if id.is_empty() {
            return Err(bad(file, n, "empty id"));
        }
        let kind = match f[1] {
            "ORG" => EntryKind::Org,
            "LOC" => EntryKind::Loc,
            "PER" => EntryKind::Person,
            "TITLE" => EntryKind::Title,
            "PARTICLE" => EntryKind::Particle,
            other => {
                return Err(bad(
                    file,
                    n,
                    format!("unknown type {other:?} (ORG, LOC, PER, TITLE, PARTICLE)"),
                ))
            }
        };
        let canonical = f[3].trim();
        if canonical.is_empty() {
            return Err(bad(file, n, "empty canonical name"));
        }
        let mut flags = Flags::default();
        for flag in f[6].split('|').map(str::trim).filter(|x| !x.is_empty()) {
            match flag {
                "cs" => flags.case_sensitive = true,
                "ci" => flags.case_insensitive = true,
                "ambig" => flags.ambiguous = true,
                "noauto" => flags.no_auto = true,
                other => {
                    return Err(bad(
                        file,
                        n,
                        format!("unknown flag {other:?} (cs, ci, ambig, noauto)"),
                    ))
                }
            }
        }
        for kv in f[7].split(';').map(str::trim).filter(|x| !x.is_empty()) {
            if !kv.contains('=') {
                return Err(bad(file, n, format!("attribute {kv:?} is not key=value")));
            }
        }
        out.push(Entry {
            id: Arc::from(id),
            kind,
            subtype: f[2].trim().into(),
            canonical: Arc::from(canonical),
            aliases: f[4].into(),
            acronyms: f[5].into(),
            flags,
            attrs: f[7].into(),
            source: source.clone(),
            line: u32::try_from(n).unwrap_or(u32::MAX),
        });
    }
    if !header {
        return Err(bad(file, 1, format!("no header line {HEADER:?}")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let ok = format!("# c\n{HEADER}\norg:x\tORG\tigo\tX Org\tThe X\tXO\tci\tparent=org:un\t\n");
        let e = parse("t.tsv", &ok).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].acronyms().collect::<Vec<_>>(), vec!["XO"]);
        assert_eq!(e[0].attr("parent"), Some("org:un"));
        assert!(e[0].flags.case_insensitive);
        let short = format!("{HEADER}\norg:x\tORG\n");
        let err = parse("t.tsv", &short).unwrap_err().to_string();
        assert!(err.contains("t.tsv:2"), "{err}");
        let flag = format!("{HEADER}\norg:x\tORG\t\tX\t\t\tweird\t\t\n");
        assert!(parse("t.tsv", &flag)
            .unwrap_err()
            .to_string()
            .contains("unknown flag"));
        assert!(parse("t.tsv", "org:x\n").is_err());
    }
}
