//! Compiles the gazetteer files of `gazetteers/` into the library: every `.tsv` file whose
//! header is the gazetteer header is listed in `$OUT_DIR/builtin_gazetteers.rs`, except the
//! look-up lists of [`LOOKUP_ONLY`], which get a constant of their own and are indexed apart
//! (they are large, and never matched by the automaton).

use std::fmt::Write as _;
use std::path::Path;

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
    }
    out.push_str("];\n");
    out.push_str(&lookups);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_gazetteers.rs");
    std::fs::write(dest, out).unwrap();
}
