//! Dirty input: whatever comes in, one whole record per document, no panic, bounded time, and
//! a clear message naming the source when something cannot be read.
//!
//! The size cases run with a generous time limit: a quadratic step or a backtracking regex
//! would take hours on them, a linear pass takes seconds; the limit is not a speed target.

mod common;

use assert_cmd::Command;
use common::{records, run_ok, write};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

fn presstag() -> Command {
    let mut c = Command::cargo_bin("presstag").unwrap();
    c.timeout(Duration::from_secs(240));
    c
}

fn warnings(r: &Value) -> Vec<String> {
    r["warnings"]
        .as_array()
        .map(|a| a.iter().map(|w| w.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

fn texts(r: &Value, kind: &str) -> Vec<String> {
    r["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect()
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

const BODY: &str = "GENEVA, 3 May 2023 – UNICEF and the World Health Organization signed an agreement in Nairobi today.";

#[test]
fn byte_order_marks_and_utf16_files_and_streams() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), format!("\u{feff}{BODY}").as_bytes());
    write(&d.join("b.txt"), &utf16(BODY, true, true));
    write(&d.join("c.txt"), &utf16(BODY, false, true));
    write(&d.join("d.txt"), &utf16(BODY, true, false));
    let jsonl =
        format!("{{\"id\":\"u1\",\"text\":\"{BODY}\"}}\n{{\"id\":\"u2\",\"text\":\"Kenya.\"}}\n");
    write(&d.join("e.jsonl"), &utf16(&jsonl, true, true));
    write(&d.join("f.jsonl"), format!("\u{feff}{jsonl}").as_bytes());
    let recs = run_ok(presstag().arg(d));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 8, "{ids:?}");
    assert_eq!(&ids[4..], ["u1", "u2", "u1", "u2"]);
    for r in &recs {
        assert!(r.get("error").is_none(), "{r}");
    }
    for r in [&recs[0], &recs[1], &recs[2], &recs[3], &recs[4], &recs[6]] {
        assert_eq!(r["date"], "2023-05-03", "{r}");
        assert_eq!(texts(r, "LOC"), ["GENEVA", "Nairobi"], "{r}");
    }
    assert!(warnings(&recs[0]).is_empty());
    assert!(warnings(&recs[1])[0].contains("UTF-16LE"));
    assert!(warnings(&recs[2])[0].contains("UTF-16BE"));
    assert!(warnings(&recs[3])[0].contains("without a byte-order mark"));
}

#[test]
fn control_zero_width_and_bidi_characters_and_line_ends() {
    let input = concat!(
        "{\"id\":\"ctl\",\"text\":\"UNICEF\\u0001 met \\u0007in Nairobi.\\u001b\"}\n",
        "{\"id\":\"zw\",\"text\":\"\\u200bUNICEF\\u200b met \\u200ein \\u202eNairobi\\u202c today.\\ufeff\"}\n",
        "{\"id\":\"cr\",\"text\":\"Kenya signs pact\\r\\rNAIROBI, 3 May 2023 - Kenya signed it.\\rIt is done.\"}\n",
        "{\"id\":\"crlf\",\"text\":\"Kenya signs pact\\r\\n\\r\\nNAIROBI, 3 May 2023 - Kenya signed it.\\r\\nIt is done.\"}\n",
    );
    let recs = run_ok(presstag().args(["--input", "jsonl"]).write_stdin(input));
    assert_eq!(recs.len(), 4);
    assert_eq!(texts(&recs[0], "ORG"), ["UNICEF"]);
    assert_eq!(texts(&recs[0], "LOC"), ["Nairobi"]);
    assert_eq!(texts(&recs[1], "ORG"), ["UNICEF"]);
    assert_eq!(texts(&recs[1], "LOC"), ["Nairobi"]);
    for r in &recs[2..] {
        assert_eq!(r["title"], "Kenya signs pact", "{r}");
        assert_eq!(r["date"], "2023-05-03");
        assert_eq!(r["sentences"].as_array().unwrap().len(), 3, "{r}");
    }
}

#[test]
fn lone_surrogates_in_json_are_repaired() {
    let input = "{\"id\":\"s\",\"text\":\"UNICEF \\ud800 met in Nairobi \\udc00.\"}\n{\"id\":\"ok\",\"text\":\"\\ud83d\\ude00 Kenya\"}\n";
    let recs = run_ok(presstag().args(["--input", "jsonl"]).write_stdin(input));
    assert_eq!(recs.len(), 2);
    assert!(recs[0].get("error").is_none(), "{}", recs[0]);
    assert!(warnings(&recs[0])[0].contains("surrogate"));
    assert_eq!(texts(&recs[0], "LOC"), ["Nairobi"]);
    assert!(warnings(&recs[1]).is_empty());
    assert_eq!(recs[1]["entities"][0]["start"], 2);
}

#[test]
fn awkward_jsonl_lines_each_give_one_record() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let nested = format!(
        "{{\"id\":\"n\",\"text\":\"Kenya.\",\"extra\":{}1{}}}",
        "[".repeat(40),
        "]".repeat(40)
    );
    let lines = [
        "{\"id\":7,\"text\":\"Seven.\"}".to_string(),
        "{\"id\":\"dup\",\"text\":\"First.\"}".to_string(),
        "{\"id\":\"dup\",\"text\":\"Second.\"}".to_string(),
        "   ".to_string(),
        "\"just a string\"".to_string(),
        "42".to_string(),
        format!("{{\"id\":\"deep\",\"text\":\"x\",\"extra\":{deep}}}"),
        nested,
        "{\"id\":{\"a\":1},\"text\":\"Object id.\"}".to_string(),
        "{\"id\":\"d\",\"text\":\"Dated.\",\"date\":20230503}".to_string(),
        "{\"id\":\"last\",\"text\":\"No final newline.\"}".to_string(),
    ];
    let recs = run_ok(
        presstag()
            .args(["--input", "jsonl"])
            .write_stdin(lines.join("\n")),
    );
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "7",
            "dup",
            "dup",
            "stdin:5",
            "stdin:6",
            "stdin:7",
            "n",
            "{\"a\":1}",
            "d",
            "last"
        ]
    );
    assert_eq!(recs[1]["sentences"][0]["end"], 6);
    assert_eq!(recs[2]["sentences"][0]["end"], 7);
    assert!(recs[3]["error"].as_str().unwrap().contains("a string"));
    assert!(recs[4]["error"].as_str().unwrap().contains("a number"));
    let deep_err = recs[5]["error"].as_str().unwrap();
    assert!(
        deep_err.contains("stdin:7") && deep_err.contains("recursion"),
        "{deep_err}"
    );
    assert!(recs[6].get("error").is_none());
    assert!(recs[6]["meta"]["extra"].is_array());
    assert!(warnings(&recs[8])[0].contains("not a date string"));
    assert!(recs[9].get("error").is_none());
}

#[test]
fn a_fifty_megabyte_line() {
    let padding = "x".repeat(48 << 20);
    let text = BODY.repeat(20);
    let input = format!(
        "{{\"id\":\"a\",\"text\":\"Kenya.\"}}\n{{\"id\":\"big\",\"text\":\"{text}\",\"pad\":\"{padding}\"}}\n{{\"id\":\"z\",\"text\":\"Uganda.\"}}\n"
    );
    let recs = run_ok(presstag().args(["--input", "jsonl"]).write_stdin(input));
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["meta"]["pad"].as_str().unwrap().len(), 48 << 20);
    assert_eq!(texts(&recs[1], "LOC").len(), 40);
    assert_eq!(texts(&recs[2], "LOC"), ["Uganda"]);
}

/// Writes `text` as one document and checks the record is whole and valid.
fn one_big_document(text: &str) -> Value {
    let recs = run_ok(
        presstag()
            .args(["--input", "text"])
            .write_stdin(text.to_string()),
    );
    assert_eq!(recs.len(), 1);
    assert!(recs[0].get("error").is_none());
    recs.into_iter().next().unwrap()
}

#[test]
fn huge_shapes_run_in_linear_time() {
    // 20 MB of words without punctuation or line breaks, with names and dates in it.
    let words = "the delegation of Kenya met officials from UNICEF on 3 May 2023 and talked about water and schools ";
    let r = one_big_document(&words.repeat((20 << 20) / words.len()));
    assert_eq!(r["sentences"].as_array().unwrap().len(), 1);
    assert!(texts(&r, "LOC").len() > 100_000);
    // A million abbreviations in a row.
    let r = one_big_document(&"Mr. Dr. U.S. e.g. ".repeat(250_000));
    assert!(!r["sentences"].as_array().unwrap().is_empty());
    // A 2 MB word.
    let r = one_big_document(&format!("Kenya {} Uganda.", "a".repeat(2 << 20)));
    assert_eq!(texts(&r, "LOC"), ["Kenya", "Uganda"]);
    // Thousands of entities in one sentence.
    let list = "Kenya, Ms. Ana Ruiz, UNICEF, Geneva, 3 May 2023, ".repeat(5_000);
    let r = one_big_document(&format!(
        "The meeting in Nairobi brought together {list}and others."
    ));
    assert!(r["entities"].as_array().unwrap().len() >= 25_000);
}

#[test]
fn folders_with_binary_empty_and_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), BODY.as_bytes());
    let binary: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 256) as u8).collect();
    write(&d.join("b.txt"), &binary);
    write(&d.join("c.txt"), b"");
    write(&d.join("d.jsonl"), b"");
    std::os::unix::fs::symlink(d.join("nowhere.jsonl"), d.join("e.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000u64 {
        let n = i.wrapping_mul(2_654_435_761) % 1_000_003;
        writeln!(
            gz,
            "{{\"id\":\"g{i}\",\"text\":\"Kenya sent {n} tonnes.\"}}"
        )
        .unwrap();
    }
    let gz = gz.finish().unwrap();
    write(&d.join("f.jsonl.gz"), &gz[..gz.len() / 2]);
    write(&d.join("z.txt"), b"Last one.");
    let out = presstag().arg(d).output().unwrap();
    assert!(out.status.success());
    let recs = records(&out.stdout);
    let first: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(first[0].ends_with("a.txt") && first.last().unwrap().ends_with("z.txt"));
    assert!(recs[0].get("error").is_none());
    assert!(recs[1]["error"].as_str().unwrap().contains("binary"));
    assert!(
        recs[2].get("error").is_none(),
        "an empty .txt is an empty document"
    );
    assert_eq!(recs[2]["sentences"], Value::Array(vec![]));
    // The empty .jsonl holds no documents; the broken link is one error record.
    assert!(recs[3]["error"].as_str().unwrap().contains("e.jsonl"));
    // The truncated .gz gives the documents before the cut, then one error record.
    let gz_recs = &recs[4..recs.len() - 1];
    assert!(gz_recs.len() > 2);
    let last = gz_recs.last().unwrap();
    assert!(
        last["error"].as_str().unwrap().contains("f.jsonl.gz"),
        "{last}"
    );
    assert!(gz_recs[..gz_recs.len() - 1]
        .iter()
        .all(|r| r.get("error").is_none()));
    assert!(recs.last().unwrap().get("error").is_none());
}

#[test]
fn a_full_disk_is_a_failed_run() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let out = presstag()
        .args(["-o", "/dev/full"])
        .write_stdin(BODY)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("write"), "{err}");
}

#[test]
fn bad_user_gazetteers_are_refused_before_any_document() {
    let header = "id\ttype\tsubtype\tcanonical\taliases\tacronyms\tflags\tattrs\txref\n";
    let row = |id: &str, flags: &str| format!("{id}\tORG\tngo\tSome Name {id}\t\t\t{flags}\t\t\n");
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "columns.tsv",
            format!("{header}{}org:b\tORG\n", row("org:a", "")).into_bytes(),
            "columns.tsv:3",
        ),
        (
            "dup.tsv",
            format!("# c\n{header}{}{}", row("org:a", ""), row("org:a", "")).into_bytes(),
            "dup.tsv:4",
        ),
        (
            "flags.tsv",
            format!("{header}{}", row("org:a", "cs|loud")).into_bytes(),
            "flags.tsv:2",
        ),
        (
            "utf8.tsv",
            [
                header.as_bytes(),
                b"org:a\tORG\tngo\tBad \xff name\t\t\t\t\t\n",
            ]
            .concat(),
            "utf8.tsv:2",
        ),
    ];
    for (name, bytes, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join(name), &bytes);
        let out = presstag()
            .arg("--gazetteers")
            .arg(dir.path())
            .write_stdin(BODY)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: documents were processed");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{name}: {err}");
    }
}

#[test]
fn sigint_stops_cleanly_with_whole_records() {
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("presstag"))
        .args(["--input", "jsonl", "-j", "1", "--batch", "64"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Feed documents until the pipe breaks (the process has stopped reading).
    let feeder = std::thread::spawn(move || {
        let line = format!("{{\"id\":\"x\",\"text\":\"{}\"}}\n", BODY.repeat(20));
        for _ in 0..200_000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(1500));
    let pid = child.id().to_string();
    assert!(Std::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.is_empty() || stdout.ends_with('\n'));
    let recs = records(stdout.as_bytes());
    assert!(recs.len() < 200_000);
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}
