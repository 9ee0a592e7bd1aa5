//! People, organizations and places against the case table `tests/data/entities.tsv`: spans,
//! types, and the `title`, affiliation and `canonical` attributes a row asks for.

mod common;

use presstag::{EntityKind, ExtractorBuilder, Record};

fn label(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Org => Some("ORG"),
        EntityKind::Loc => Some("LOC"),
        _ => None,
    }
}

/// The value of attribute `key` of entity `i`, as the table writes it.
fn attr(r: &Record, i: usize, key: &str) -> String {
    let e = &r.entities[i];
    match key {
        "title" => e.title.as_deref().unwrap_or_default().to_string(),
        "aff" => e
            .affiliation
            .and_then(|a| r.entities.get(a))
            .map(|a| a.text.clone())
            .unwrap_or_default(),
        "canonical" => e.canonical.as_deref().unwrap_or_default().to_string(),
        other => panic!("unknown attribute {other}"),
    }
}

#[test]
fn entity_case_table() {
    let x = ExtractorBuilder::new().build().unwrap();
    let rows = common::rows(include_str!("data/entities.tsv"), 4);
    let known = common::known_failures(include_str!("data/entities.known_failures"));
    let mut failures = Vec::new();
    for f in &rows {
        let text = common::unescape(f[2]);
        let r = x.extract(&text);
        let found: Vec<(usize, String)> = r
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| label(e.kind).map(|l| (i, format!("{l}:{}", e.text))))
            .collect();
        let want: Vec<(String, Vec<(String, String)>)> = f[3]
            .split(" || ")
            .filter(|s| *s != "-")
            .map(common::parse_item)
            .collect();
        let got_names: Vec<&String> = found.iter().map(|(_, s)| s).collect();
        let want_names: Vec<&String> = want.iter().map(|(s, _)| s).collect();
        let mut problems = Vec::new();
        if got_names != want_names {
            problems.push(format!("want {want_names:?}\n  got  {got_names:?}"));
        } else {
            for ((i, name), (_, attrs)) in found.iter().zip(&want) {
                for (k, v) in attrs {
                    let g = attr(&r, *i, k);
                    if &g != v {
                        problems.push(format!("{name}: {k} want {v:?} got {g:?}"));
                    }
                }
            }
        }
        if !problems.is_empty() {
            failures.push((
                f[0].to_string(),
                format!(
                    "case {} ({}): {:?}\n  {}",
                    f[0],
                    f[1],
                    f[2],
                    problems.join("\n  ")
                ),
            ));
        }
    }
    assert!(rows.len() >= 200, "only {} cases", rows.len());
    common::judge("entity", rows.len(), &failures, &known);
}
