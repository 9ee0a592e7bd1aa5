//! The whole pipeline on arbitrary bytes: decoded as a file would be, extracted with offsets
//! in both units, every record invariant checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presstag::input::decode::decode;
use presstag::{check_record, Extractor, ExtractorBuilder, OffsetUnit};
use std::sync::OnceLock;

fn extractor(unit: OffsetUnit) -> &'static Extractor {
    static CHARS: OnceLock<Extractor> = OnceLock::new();
    static BYTES: OnceLock<Extractor> = OnceLock::new();
    let cell = if unit == OffsetUnit::Bytes { &BYTES } else { &CHARS };
    cell.get_or_init(|| ExtractorBuilder::new().offsets(unit).build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let text = decode(data.to_vec(), &mut warnings);
    for unit in [OffsetUnit::Chars, OffsetUnit::Bytes] {
        let record = extractor(unit).extract(&text);
        if let Err(e) = check_record(&record, &text, unit) {
            panic!("{e}\ntext: {text:?}\nrecord: {}", serde_json::to_string(&record).unwrap());
        }
    }
    // The segmenter alone gives in-order, disjoint, non-empty spans.
    let spans = extractor(OffsetUnit::Chars).segmenter().segment(&text);
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(spans.iter().all(|s| s.start < s.end && text.get(s.start..s.end).is_some()));
});
