//! Invariants on arbitrary input: offsets in bounds and on character boundaries, entities
//! sorted and non-overlapping, references valid, one record per document, same output for any
//! thread count.

use presstag::input::Document;
use presstag::run::{run, RunOptions};
use presstag::{check_record, Extractor, ExtractorBuilder, OffsetUnit};
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor(unit: OffsetUnit) -> &'static Extractor {
    static CHARS: OnceLock<Extractor> = OnceLock::new();
    static BYTES: OnceLock<Extractor> = OnceLock::new();
    let cell = if unit == OffsetUnit::Bytes {
        &BYTES
    } else {
        &CHARS
    };
    cell.get_or_init(|| ExtractorBuilder::new().offsets(unit).build().unwrap())
}

const PIECES: &[&str] = &[
    "GENEVA, 14 March 2023 – ",
    "UNODC",
    " Executive Director ",
    "Yury Fedotov",
    " said ",
    "today",
    ". ",
    "Mr. ",
    "Dr. Pieter de Vries",
    " met ",
    "the United Nations Office on Counter-Terrorism (UNOCT)",
    "\n",
    "\n\n",
    "- item one\n",
    "1. item two\n",
    "São Paulo",
    " Genève ",
    "“quoted.” ",
    "U.S. ",
    "e.g. ",
    "25-29 June 2018",
    " from 4 to 6 December ",
    "last week",
    " 3,000 refugees ",
    "Ministry of Health of Kenya",
    " signed a memorandum of understanding ",
    "arrested",
    " in Nairobi",
    "…",
    "!",
    "?",
    "\u{a0}",
    "\r\n",
    "\u{200b}",
    "Ω",
    "中文",
    "🙂",
    "(",
    ")",
    "\"",
    "'",
    "Al-Mansouri",
    " Inc.",
    "May",
    "2016-2020",
];

fn doc_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat()),
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..200).prop_map(|v| v.into_iter().collect()),
    ]
}

fn check(text: &str, unit: OffsetUnit) -> Result<(), TestCaseError> {
    let r = extractor(unit).extract(text);
    check_record(&r, text, unit).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn offsets_are_in_bounds_on_char_boundaries(text in doc_text()) {
        check(&text, OffsetUnit::Chars)?;
        check(&text, OffsetUnit::Bytes)?;
    }

    #[test]
    fn one_record_per_document_same_for_any_thread_count(texts in prop::collection::vec(doc_text(), 0..30), batch in 1usize..8) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document { id: format!("d{i}"), text: t.clone(), ..Document::default() })
            .collect();
        let mut outs = Vec::new();
        for threads in [1, 2] {
            let mut out = Vec::new();
            let opts = RunOptions { threads, batch_docs: batch, ..RunOptions::default() };
            let stats = run(extractor(OffsetUnit::Chars), docs.clone().into_iter(), &mut out, opts, &mut |_| {}).unwrap();
            prop_assert_eq!(stats.documents as usize, docs.len());
            outs.push(out);
        }
        prop_assert_eq!(&outs[0], &outs[1]);
        let lines: Vec<&[u8]> = outs[0].split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
        prop_assert_eq!(lines.len(), docs.len());
        for (i, l) in lines.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_slice(l).unwrap();
            let want = format!("d{i}");
            prop_assert_eq!(v["id"].as_str(), Some(want.as_str()));
        }
    }
}

/// The inputs that fuzzing once broke (`fuzz/regressions/`) keep every invariant.
#[test]
fn fuzz_regressions_keep_their_invariants() {
    use presstag::input::{DocumentReader, Fields, InputMode};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut n = 0;
    for (target, mode) in [("jsonl", InputMode::Jsonl), ("pipeline", InputMode::Text)] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for f in dir {
            let bytes = std::fs::read(f.unwrap().path()).unwrap();
            let reader = Box::new(std::io::Cursor::new(bytes));
            for doc in DocumentReader::from_reader(reader, "regression", mode, Fields::default()) {
                let r = extractor(OffsetUnit::Chars).process(&doc);
                check_record(&r, &doc.text, OffsetUnit::Chars).unwrap();
                n += 1;
            }
        }
    }
    assert!(n >= 2, "no regression inputs found");
}

/// Gazetteer files that fuzzing once broke (`fuzz/regressions/gazetteer/`) load or fail
/// cleanly, and what they load matches its own names in bounded time.
#[test]
fn fuzz_regressions_of_the_gazetteer_loader() {
    use presstag::gazetteer::{load, Gazetteer};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/gazetteer");
    let mut n = 0;
    for f in std::fs::read_dir(root).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        n += 1;
        if let Ok(entries) = load::parse("regression.tsv", text) {
            if let Ok(g) = Gazetteer::from_entries(entries) {
                for e in g.entries() {
                    let _ = g.find(&e.canonical);
                }
            }
        }
    }
    assert!(n >= 1);
}
