//! The gazetteer loader on arbitrary bytes: a clear error naming the file and line, or a
//! gazetteer that builds and matches without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presstag::gazetteer::{load, Gazetteer};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load::parse("fuzz.tsv", text) {
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("fuzz.tsv"), "error without the file name: {msg}");
        }
        Ok(entries) => {
            if let Ok(g) = Gazetteer::from_entries(entries) {
                for e in g.entries() {
                    let _ = g.find(&e.canonical);
                }
            }
        }
    }
});
