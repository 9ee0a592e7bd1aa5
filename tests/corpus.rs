//! Golden records of the bundled corpus (insta snapshots), and the seed release's facts.

use presstag::input::{DocumentReader, Fields, InputMode, Source};
use presstag::{EntityKind, ExtractorBuilder, Record};
use std::path::Path;

fn corpus_records() -> Vec<Record> {
    let ex = ExtractorBuilder::new().build().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/releases");
    let reader = DocumentReader::new(vec![Source::Path(dir)], InputMode::Auto, Fields::default());
    reader
        .map(|d| {
            let mut r = ex.process(&d);
            // Ids of files carry the checkout's path; keep the file name only.
            r.id = r.id.rsplit('/').next().unwrap_or(&r.id).to_string();
            r
        })
        .collect()
}

#[test]
fn corpus_snapshots() {
    let records = corpus_records();
    assert!(records.len() >= 26, "corpus has {} releases", records.len());
    for r in &records {
        assert!(r.error.is_none(), "{}: {:?}", r.id, r.error);
        let json = serde_json::to_string_pretty(r).unwrap();
        insta::assert_snapshot!(r.id.replace(['.', ':'], "_"), json);
    }
}

#[test]
fn seed_release_facts() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/releases/unodc-unoct-2018-10-02.txt"),
    )
    .unwrap();
    let ex = ExtractorBuilder::new().build().unwrap();
    let r = ex.extract(&text);
    let of = |k: EntityKind| -> Vec<&str> {
        r.entities
            .iter()
            .filter(|e| e.kind == k)
            .map(|e| e.text.as_str())
            .collect()
    };
    let people = of(EntityKind::Person);
    assert!(
        people.contains(&"Vladimir Voronkov") && people.contains(&"Yury Fedotov"),
        "{people:?}"
    );
    let orgs = of(EntityKind::Org);
    for o in ["UNODC", "UNOCT", "INTERPOL", "World Customs Organization"] {
        assert!(orgs.contains(&o), "{o} missing from {orgs:?}");
    }
    let locs = of(EntityKind::Loc);
    assert!(
        locs.contains(&"Vienna") && locs.contains(&"New York"),
        "{locs:?}"
    );
    assert_eq!(r.date.as_deref(), Some("2018-10-02"));
    let unoct = r.entities.iter().find(|e| e.text == "UNOCT").unwrap();
    // Linked to its full name: the official one from the gazetteer.
    assert_eq!(
        unoct.canonical.as_deref(),
        Some("United Nations Office of Counter-Terrorism")
    );
    assert_eq!(unoct.kb_id.as_deref(), Some("org:unoct"));
    let range = r
        .entities
        .iter()
        .find(|e| e.text == "25-29 June 2018")
        .unwrap();
    assert_eq!(range.value.as_str(), Some("2018-06-25/2018-06-29"));
    // An agreement_signing with UNODC and UNOCT as participants (by the entity they name).
    let signed_by = |e: &presstag::Event| -> Vec<String> {
        e.participants
            .iter()
            .filter_map(|p| r.entities[p.entity].kb_id.as_deref().map(String::from))
            .collect()
    };
    let signings: Vec<Vec<String>> = r
        .events
        .iter()
        .filter(|e| &*e.kind == "agreement_signing")
        .map(signed_by)
        .collect();
    assert!(
        signings
            .iter()
            .any(|p| p.iter().any(|k| k == "org:unodc") && p.iter().any(|k| k == "org:unoct")),
        "{signings:?}"
    );
    let fedotov = r
        .entities
        .iter()
        .find(|e| e.text == "Yury Fedotov")
        .unwrap();
    assert_eq!(fedotov.title.as_deref(), Some("Executive Director"));
    assert_eq!(
        fedotov.affiliation.map(|i| r.entities[i].text.as_str()),
        Some("UNODC")
    );
}
