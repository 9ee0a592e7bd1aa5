//! The segmenter against its case table, `tests/data/segment.tsv`.

use presstag::Segmenter;

fn unescape(s: &str) -> String {
    s.replace("\\r", "\r")
        .replace("\\n", "\n")
        .replace("\\u00a0", "\u{a0}")
}

#[test]
fn segment_case_table() {
    let seg = Segmenter::new().unwrap();
    let table = include_str!("data/segment.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "bad table line {line:?}");
        n += 1;
        let text = unescape(f[2]);
        let want: Vec<String> = f[3].split(" || ").map(unescape).collect();
        let got: Vec<String> = seg
            .segment(&text)
            .iter()
            .map(|s| s.slice(&text).to_string())
            .collect();
        if got != want {
            failures.push(format!(
                "case {} ({}):\n  want {want:?}\n  got  {got:?}",
                f[0], f[1]
            ));
        }
    }
    assert!(n >= 100, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
