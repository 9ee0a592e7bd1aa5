//! The date tagger against its case table, `tests/data/dates.tsv`: spans, values and the
//! document date found in datelines.

mod common;

use presstag::record::DateValue;
use presstag::{parse_date, DocOptions, EntityKind, ExtractorBuilder};

#[test]
fn date_case_table() {
    let x = ExtractorBuilder::new().build().unwrap();
    let rows = common::rows(include_str!("data/dates.tsv"), 5);
    let known = common::known_failures(include_str!("data/dates.known_failures"));
    let mut failures = Vec::new();
    for f in &rows {
        let text = common::unescape(f[3]);
        let date = (f[2] != "-").then(|| parse_date(f[2]).unwrap());
        let opts = DocOptions {
            id: f[0].to_string(),
            date,
        };
        let r = x.extract_with(&text, &opts);
        let mut got: Vec<String> = Vec::new();
        let mut want: Vec<String> = Vec::new();
        for item in f[4].split(" || ").filter(|s| *s != "-") {
            if let Some(d) = item.strip_prefix("@doc=") {
                want.push(format!("@doc={d}"));
                got.push(format!("@doc={}", r.date.as_deref().unwrap_or("null")));
            } else {
                want.push(item.to_string());
            }
        }
        got.extend(
            r.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Date)
                .map(|e| match &e.value {
                    DateValue::Value(v) => format!("{}={v}", e.text),
                    _ => format!("{}=null", e.text),
                }),
        );
        if got != want {
            failures.push((
                f[0].to_string(),
                format!(
                    "case {} ({}): {:?}\n  want {want:?}\n  got  {got:?}",
                    f[0], f[1], f[3]
                ),
            ));
        }
    }
    assert!(rows.len() >= 300, "only {} cases", rows.len());
    common::judge("date", rows.len(), &failures, &known);
}
