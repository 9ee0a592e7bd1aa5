//! End-to-end tests of the `presstag` command: input modes, error cases, options.

mod common;

use assert_cmd::Command;
use common::{records, run_ok, write};
use serde_json::Value;
use std::io::{Read, Write};

const RELEASE: &str = "UNODC and UNOCT sign agreement\n\nVIENNA, 2 October 2018 - UNODC Executive Director Yury Fedotov met partners today.\n";

fn presstag() -> Command {
    Command::cargo_bin("presstag").unwrap()
}

fn gz(text: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text).unwrap();
    e.finish().unwrap()
}

#[test]
fn text_file_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    write(&f, RELEASE.as_bytes());
    let recs = run_ok(presstag().arg(&f));
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], f.display().to_string());
    assert_eq!(recs[0]["schema"], 1);
    assert_eq!(recs[0]["date"], "2018-10-02");
    assert_eq!(recs[0]["title"], "UNODC and UNOCT sign agreement");
}

#[test]
fn folder_walk_reads_txt_jsonl_and_gz_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("b/2.txt"), b"Second release.");
    write(
        &d.join("a.jsonl"),
        b"{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n",
    );
    write(&d.join("c.txt.gz"), &gz(b"Gzipped release."));
    write(
        &d.join("d.jsonl.gz"),
        &gz(b"{\"id\":\"g1\",\"text\":\"Three.\"}\n"),
    );
    write(&d.join("ignored.csv"), b"x,y");
    let recs = run_ok(presstag().arg(d));
    let ids: Vec<String> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let p = |s: &str| d.join(s).display().to_string();
    assert_eq!(
        ids,
        vec![
            "j1".to_string(),
            "j2".into(),
            p("b/2.txt"),
            p("c.txt.gz"),
            "g1".into()
        ]
    );
}

#[test]
fn stdin_text_and_jsonl_autodetect() {
    let recs = run_ok(presstag().write_stdin(RELEASE));
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    let jsonl = "\n{\"text\":\"First.\"}\n{\"id\":17,\"text\":\"Second.\"}\n{\"id\":\"x\",\"text\":\"Third.\",\"source\":\"wire\",\"tags\":[1,2]}\n";
    let recs = run_ok(presstag().write_stdin(jsonl));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["stdin:2", "17", "x"]);
    assert_eq!(recs[2]["meta"]["source"], "wire");
    assert_eq!(recs[2]["meta"]["tags"][1], 2);
    assert!(recs[0].get("meta").is_none());
}

#[test]
fn lines_mode_gives_path_and_line_ids() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("l.txt");
    write(&f, b"First line.\n\nThird line.\n");
    let recs = run_ok(presstag().args(["--input", "lines"]).arg(&f));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let p = f.display().to_string();
    assert_eq!(ids, vec![format!("{p}:1"), format!("{p}:3")]);
}

#[test]
fn custom_field_names() {
    let line = "{\"doc\":\"d1\",\"body\":\"The Secretary-General said today that talks will resume.\",\"published\":\"2019-03-20\"}\n";
    let recs = run_ok(
        presstag()
            .args([
                "--input",
                "jsonl",
                "--id-field",
                "doc",
                "--text-field",
                "body",
                "--date-field",
                "published",
            ])
            .write_stdin(line),
    );
    assert_eq!(recs[0]["id"], "d1");
    assert_eq!(recs[0]["date"], "2019-03-20");
    let today = recs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "today")
        .unwrap();
    assert_eq!(today["value"], "2019-03-20");
}

#[test]
fn bad_lines_give_error_records_and_the_run_goes_on() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"Fine.\"}\n",
        "{not json\n",
        "[1,2]\n",
        "{\"id\":\"b\"}\n",
        "{\"id\":\"c\",\"text\":42}\n",
        "{\"id\":\"d\",\"text\":null}\n",
        "{\"id\":\"e\",\"text\":\"Also fine.\",\"date\":\"yesterday\"}\n",
    );
    let recs = run_ok(presstag().args(["--input", "jsonl"]).write_stdin(input));
    assert_eq!(recs.len(), 7);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a", "stdin:2", "stdin:3", "b", "c", "d", "e"]);
    for r in &recs[1..6] {
        let err = r["error"].as_str().unwrap();
        assert!(err.contains("stdin:"), "{err}");
        assert_eq!(r["entities"], Value::Array(vec![]));
    }
    assert!(recs[0].get("error").is_none());
    assert!(recs[6]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("not YYYY-MM-DD"));
}

#[test]
fn invalid_utf8_and_nul_are_repaired_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    write(&f, b"Geneva \xff\xfe talks.\0 More text.");
    let recs = run_ok(presstag().arg(&f));
    let w: Vec<&str> = recs[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(w.iter().any(|m| m.contains("invalid UTF-8")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("NUL")), "{w:?}");
    assert!(recs[0]["text"].is_null());
}

#[test]
fn unreadable_entries_in_a_folder_give_error_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("a.txt"), b"Good one.");
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("b.txt")).unwrap();
    write(
        &d.join("c.txt.gz"),
        &gz(b"Truncated release text that goes on.")[..20],
    );
    write(&d.join("d.txt"), b"Good two.");
    let recs = run_ok(presstag().arg(d));
    assert_eq!(recs.len(), 4);
    assert!(recs[0].get("error").is_none());
    assert!(recs[1]["error"].as_str().unwrap().contains("b.txt"));
    assert!(recs[2]["error"].as_str().unwrap().contains("c.txt.gz"));
    assert!(recs[3].get("error").is_none());
}

#[test]
fn missing_path_and_bad_options_fail_the_run() {
    let out = presstag().arg("/no/such/file.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    assert!(out.stdout.is_empty());
    let out = presstag().arg("--no-such-option").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = presstag()
        .args(["--date", "02/10/2018"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn output_file_and_unwritable_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("out.jsonl");
    presstag()
        .arg("-o")
        .arg(&o)
        .write_stdin(RELEASE)
        .assert()
        .success();
    assert_eq!(records(&std::fs::read(&o).unwrap()).len(), 1);
    let out = presstag()
        .arg("-o")
        .arg(dir.path())
        .write_stdin(RELEASE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}

#[test]
fn offsets_in_chars_and_bytes() {
    let text = "Ministra Ána Peña visitó São Paulo. UNICEF met in Genève on 3 May 2021.";
    let chars = run_ok(presstag().write_stdin(text));
    let bytes = run_ok(presstag().args(["--offsets", "bytes"]).write_stdin(text));
    let pick = |r: &Value, t: &str| {
        let e = r["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == t)
            .cloned()
            .unwrap();
        (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        )
    };
    let (cs, ce) = pick(&chars[0], "3 May 2021");
    let (bs, be) = pick(&bytes[0], "3 May 2021");
    assert_eq!(
        text.chars().skip(cs).take(ce - cs).collect::<String>(),
        "3 May 2021"
    );
    assert_eq!(&text[bs..be], "3 May 2021");
    assert!(bs > cs);
}

#[test]
fn document_date_precedence() {
    let dated = "{\"id\":\"a\",\"text\":\"GENEVA, 4 April 2022 - Talks opened today.\",\"date\":\"2022-05-01\"}\n{\"id\":\"b\",\"text\":\"GENEVA, 4 April 2022 - Talks opened today.\"}\n{\"id\":\"c\",\"text\":\"Talks opened today.\"}\n";
    let recs = run_ok(presstag().args(["--date", "2020-01-01"]).write_stdin(dated));
    let dates: Vec<&str> = recs.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert_eq!(dates, vec!["2022-05-01", "2022-04-04", "2020-01-01"]);
    let recs = run_ok(presstag().write_stdin("{\"text\":\"Talks opened today.\"}"));
    assert!(recs[0]["date"].is_null());
    let today = &recs[0]["entities"][0];
    assert_eq!(today["text"], "today");
    assert!(today["value"].is_null());
}

fn big_input(n: usize, bad_at: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i == bad_at {
            s.push_str("{\"id\": \"broken\", \"text\": \n");
        }
        s.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"GENEVA, {} March 2023 – UNHCR and WFP signed a memorandum of understanding with the Government of Kenya on {} refugees. Mr. Ahmed Hassan said the agency will deliver aid next week.\"}}\n",
            i % 28 + 1,
            i * 7
        ));
    }
    s
}

#[test]
fn three_thousand_documents_in_order_and_same_for_any_thread_count() {
    let input = big_input(3000, 1500);
    let one = presstag()
        .args(["-j", "1", "--batch", "257"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    let two = presstag()
        .args(["-j", "2", "--batch", "100"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let recs = records(&one.stdout);
    assert_eq!(recs.len(), 3001);
    assert_eq!(recs[1499]["id"], "d1499");
    assert_eq!(recs[1500]["id"], "stdin:1501");
    assert!(recs[1500]["error"].is_string());
    assert_eq!(recs[1501]["id"], "d1500");
    assert_eq!(recs[3000]["id"], "d2999");
}

#[test]
fn closed_output_pipe_ends_quietly() {
    let exe = assert_cmd::cargo::cargo_bin("presstag");
    let mut child = std::process::Command::new(exe)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = big_input(20000, usize::MAX);
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert!(err.is_empty(), "stderr should be quiet: {err}");
}

#[test]
fn segment_prints_one_sentence_per_line() {
    let out = presstag().arg("segment").write_stdin("Headline here\n\nMr. Smith arrived at 10 a.m. on Monday. He met the U.S. delegation. Talks end Friday.").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "Headline here",
            "Mr. Smith arrived at 10 a.m. on Monday.",
            "He met the U.S. delegation.",
            "Talks end Friday."
        ]
    );
}

#[test]
fn user_gazetteers_add_entries_and_bad_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("gaz");
    let header = "id\ttype\tsubtype\tcanonical\taliases\tacronyms\tflags\tattrs\txref\n";
    write(
        &g.join("mine.tsv"),
        format!("# my list\n{header}org:zeta\tORG\tngo\tZeta Relief Collective\t\tZRC\t\t\t\n")
            .as_bytes(),
    );
    let recs = run_ok(
        presstag()
            .arg("--gazetteers")
            .arg(&g)
            .write_stdin("The ZRC opened a clinic."),
    );
    let e = &recs[0]["entities"][0];
    assert_eq!(e["text"], "ZRC");
    assert_eq!(e["canonical"], "Zeta Relief Collective");
    assert_eq!(e["kb_id"], "org:zeta");
    assert!(e["source"].as_str().unwrap().ends_with("mine.tsv"));

    let bad = dir.path().join("bad");
    write(
        &bad.join("x.tsv"),
        format!("{header}org:a\tORG\tngo\tA\n").as_bytes(),
    );
    let out = presstag()
        .arg("--gazetteers")
        .arg(&bad)
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("x.tsv:2") && err.contains("columns"), "{err}");
    assert!(out.stdout.is_empty());
}
