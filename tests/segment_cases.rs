//! The segmenter against its case table, `tests/data/segment.tsv`.

mod common;

use presstag::Segmenter;

#[test]
fn segment_case_table() {
    let seg = Segmenter::new().unwrap();
    let rows = common::rows(include_str!("data/segment.tsv"), 4);
    let known = common::known_failures(include_str!("data/segment.known_failures"));
    let mut failures = Vec::new();
    for f in &rows {
        let text = common::unescape(f[2]);
        let want: Vec<String> = f[3].split(" || ").map(common::unescape).collect();
        let got: Vec<String> = seg
            .segment(&text)
            .iter()
            .map(|s| s.slice(&text).to_string())
            .collect();
        if got != want {
            failures.push((
                f[0].to_string(),
                format!("case {} ({}):\n  want {want:?}\n  got  {got:?}", f[0], f[1]),
            ));
        }
    }
    assert!(rows.len() >= 200, "only {} cases", rows.len());
    common::judge("segment", rows.len(), &failures, &known);
}
