//! Compiles the gazetteer files of `gazetteers/` into the library: every `.tsv` file whose
//! header is the gazetteer header is listed in `$OUT_DIR/builtin_gazetteers.rs`, except the
//! look-up lists of [`LOOKUP_ONLY`], which get a constant of their own and are indexed apart
//! (they are large, and never matched by the automaton). The automaton of the listed files is
//! precompiled here (`$OUT_DIR/gazetteer.daac`, with the fingerprint of its pattern list), so
//! that start-up only loads it; the patterns come from the library's own `gazetteer::keys`.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/gazetteer/normalize.rs"]
mod normalize;

#[allow(dead_code)]
#[path = "src/gazetteer/keys.rs"]
mod keys;

const HEADER: &str = "id\ttype\tsubtype\tcanonical\taliases\tacronyms\tflags\tattrs\txref";

/// Look-up lists: (file name, constant name).
const LOOKUP_ONLY: &[(&str, &str)] = &[("loc_town.tsv", "TOWNS")];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("gazetteers/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = String::from("/// The gazetteer files compiled into the library: (file name, contents).\npub const BUILTIN: &[(&str, &str)] = &[\n");
    let mut lookups = String::new();
    let mut pattern_keys: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(&f).expect("UTF-8 gazetteer file");
        let header = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.trim().is_empty());
        if header.map(|h| h.trim_end_matches('\r')) != Some(HEADER) {
            continue;
        }
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((_, constant)) = LOOKUP_ONLY.iter().find(|(n, _)| *n == name) {
            writeln!(
                lookups,
                "/// The look-up list `{name}`.\npub const {constant}: &str = include_str!({:?});",
                f.display().to_string()
            )
            .unwrap();
            continue;
        }
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
        {
            let c: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            // Malformed rows are reported by the library's parser at start-up.
            if c.len() != 9 || !keys::matchable(c[1], c[6]) {
                continue;
            }
            for (n, _) in keys::names(c[3].trim(), c[4], c[5]) {
                if let Some((_, k)) = keys::pattern_key(n) {
                    if seen.insert(k.clone()) {
                        pattern_keys.push(k);
                    }
                }
            }
        }
    }
    out.push_str("];\n");
    out.push_str(&lookups);
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let automaton: daachorse::DoubleArrayAhoCorasick<u32> =
        daachorse::DoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(&pattern_keys)
            .expect("gazetteer automaton");
    let bin = out_dir.join("gazetteer.daac");
    std::fs::write(&bin, automaton.serialize()).unwrap();
    writeln!(
        out,
        "/// The precompiled automaton of the built-in gazetteers (daachorse serialization).\n\
         const AUTOMATON: &[u8] = include_bytes!({:?});\n\
         /// The fingerprint of the pattern list [`AUTOMATON`] was built from.\n\
         const AUTOMATON_FINGERPRINT: u64 = {};",
        bin.display().to_string(),
        keys::fingerprint(&pattern_keys)
    )
    .unwrap();
    std::fs::write(out_dir.join("builtin_gazetteers.rs"), out).unwrap();
}
