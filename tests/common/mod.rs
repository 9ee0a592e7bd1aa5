//! Shared by the tests: reading a case table and checking its failures against the table's
//! list of known failures (strictly: a listed case that now passes must be taken off the list),
//! and running the command and reading its records.

#![allow(dead_code)]

use std::collections::BTreeSet;

/// `\n`, `\r` and `\u00a0` escapes of the tables.
pub fn unescape(s: &str) -> String {
    s.replace("\\r", "\r")
        .replace("\\n", "\n")
        .replace("\\u00a0", "\u{a0}")
}

/// The data rows of a tab-separated table with `columns` columns (comments and the header
/// skipped).
pub fn rows(table: &str, columns: usize) -> Vec<Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), columns, "bad table line {l:?}");
            f
        })
        .collect()
}

/// The ids listed in a known-failures file (one id per line, `#` comments, a reason after
/// the id).
pub fn known_failures(list: &str) -> BTreeSet<String> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

/// Fails unless the failing cases are exactly the known ones; prints the pass rate.
/// `failures` maps case id to a description.
pub fn judge(name: &str, total: usize, failures: &[(String, String)], known: &BTreeSet<String>) {
    let failing: BTreeSet<String> = failures.iter().map(|(id, _)| id.clone()).collect();
    let new: Vec<&String> = failures
        .iter()
        .filter(|(id, _)| !known.contains(id))
        .map(|(_, msg)| msg)
        .collect();
    let fixed: Vec<&String> = known.difference(&failing).collect();
    println!(
        "{name}: {} of {total} cases pass ({} known failures)",
        total - failures.len(),
        failures.len()
    );
    assert!(
        new.is_empty(),
        "{} {name} cases fail that are not known failures:\n{}",
        new.len(),
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        fixed.is_empty(),
        "{name} cases listed as known failures now pass; take them off the list: {fixed:?}"
    );
}

/// The JSON records of a run's standard output.
pub fn records(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Runs `cmd`, which must succeed, and returns its records.
pub fn run_ok(cmd: &mut assert_cmd::Command) -> Vec<serde_json::Value> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}, stderr {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    records(&out.stdout)
}

/// Writes `bytes` to `path`, creating its folder.
pub fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// One expected item of a case table: `HEAD{key=value;…}`, the attributes optional.
pub fn parse_item(item: &str) -> (String, Vec<(String, String)>) {
    let (head, attrs) = match item.find('{') {
        Some(i) if item.ends_with('}') => (&item[..i], &item[i + 1..item.len() - 1]),
        _ => (item, ""),
    };
    let attrs = attrs
        .split(';')
        .filter(|a| !a.is_empty())
        .map(|a| {
            let (k, v) = a.split_once('=').expect("attribute is key=value");
            (k.to_string(), v.to_string())
        })
        .collect();
    (head.trim().to_string(), attrs)
}
