//! Extract one release and print its record as JSON.
//!
//! ```text
//! cargo run --release --example extract -- corpus/releases/unodc-unoct-2018-10-02.txt
//! ```

use presstag::{EntityKind, ExtractorBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: extract FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let extractor = ExtractorBuilder::new().build()?;
    let record = extractor.extract(&text);
    for e in record
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Date)
    {
        eprintln!("{:<6} {}", e.kind.as_str(), e.text);
    }
    println!("{}", serde_json::to_string_pretty(&record)?);
    Ok(())
}
