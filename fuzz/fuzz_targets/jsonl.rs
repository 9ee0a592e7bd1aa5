//! The JSONL reader on arbitrary bytes: one document per non-blank line, never a panic, and
//! every document (good or bad) turned into one valid record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presstag::input::{DocumentReader, Fields, InputMode};
use presstag::{check_record, Extractor, ExtractorBuilder, OffsetUnit};
use std::io::Cursor;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| ExtractorBuilder::new().build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(Cursor::new(data.to_vec()));
    let docs: Vec<_> =
        DocumentReader::from_reader(reader, "fuzz.jsonl", InputMode::Jsonl, Fields::default())
            .collect();
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .count();
    let utf16 = data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF]);
    if !utf16 {
        assert_eq!(docs.len(), lines, "one document per non-blank line");
    }
    for doc in &docs {
        // A document that could not be read is named by its place in the input.
        if let Some(e) = &doc.error {
            assert!(e.contains("fuzz.jsonl:"), "error without its line: {e}");
        }
        let record = extractor().process(doc);
        assert_eq!(record.id, doc.id);
        assert_eq!(record.error.is_some(), doc.error.is_some());
        if let Err(e) = check_record(&record, &doc.text, OffsetUnit::Chars) {
            panic!("{e}\ntext: {:?}", doc.text);
        }
        serde_json::to_string(&record).unwrap();
    }
});
