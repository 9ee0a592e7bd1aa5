//! Events against the case table `tests/data/events.tsv`: which event types a text holds, in
//! order, and the participants, date and modality a row asks for.

mod common;

use presstag::{DocOptions, ExtractorBuilder, Record};

/// Checks attribute `key` (a role, `date` or `modality`) of event `i`; a role's value is the
/// text of a participant with that role.
fn check(r: &Record, i: usize, key: &str, want: &str) -> Option<String> {
    let e = &r.events[i];
    let got: Vec<String> = match key {
        "date" => vec![e.date.as_ref().map_or(String::new(), |d| d.value.clone())],
        "modality" => vec![serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()],
        role => e
            .participants
            .iter()
            .filter(|p| &*p.role == role)
            .map(|p| r.entities[p.entity].text.clone())
            .collect(),
    };
    (!got.iter().any(|g| g == want)).then(|| format!("{}: {key} want {want:?} got {got:?}", e.kind))
}

#[test]
fn event_case_table() {
    let x = ExtractorBuilder::new().build().unwrap();
    let rows = common::rows(include_str!("data/events.tsv"), 5);
    let known = common::known_failures(include_str!("data/events.known_failures"));
    let mut failures = Vec::new();
    for f in &rows {
        let text = common::unescape(f[3]);
        let opts = DocOptions {
            id: f[0].to_string(),
            date: (f[2] != "-").then(|| presstag::parse_date(f[2]).expect("date column")),
        };
        let r = x.extract_with(&text, &opts);
        let mut order: Vec<usize> = (0..r.events.len()).collect();
        order.sort_by_key(|&i| (r.events[i].trigger.start, r.events[i].kind.clone()));
        let got: Vec<&str> = order.iter().map(|&i| &*r.events[i].kind).collect();
        let want: Vec<(String, Vec<(String, String)>)> = f[4]
            .split(" || ")
            .filter(|s| *s != "-")
            .map(common::parse_item)
            .collect();
        let want_types: Vec<&str> = want.iter().map(|(t, _)| t.as_str()).collect();
        let mut problems = Vec::new();
        if got != want_types {
            problems.push(format!("want {want_types:?}\n  got  {got:?}"));
        } else {
            for (&i, (_, attrs)) in order.iter().zip(&want) {
                for (k, v) in attrs {
                    problems.extend(check(&r, i, k, v));
                }
            }
        }
        if !problems.is_empty() {
            failures.push((
                f[0].to_string(),
                format!(
                    "{} ({}): {:?}\n  {}",
                    f[0],
                    f[1],
                    f[3],
                    problems.join("\n  ")
                ),
            ));
        }
    }
    common::judge("event", rows.len(), &failures, &known);
}
