//! The gazetteer automaton's patterns: which names of a row it matches, and the key each name
//! is matched by. `build.rs` compiles the same module to precompile the automaton of the
//! built-in gazetteers, so that the patterns it builds from and those the library computes at
//! start-up come from one place; a fingerprint of the pattern list tells whether the
//! precompiled automaton fits the gazetteers loaded.

use super::normalize::fold;

/// The `|`-separated items of an aliases or acronyms column.
pub fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split('|').map(str::trim).filter(|x| !x.is_empty())
}

/// The names of a row the automaton matches, in order: the canonical name, the aliases, then
/// the acronyms (`true` for an acronym).
pub fn names<'a>(
    canonical: &'a str,
    aliases: &'a str,
    acronyms: &'a str,
) -> impl Iterator<Item = (&'a str, bool)> {
    std::iter::once(canonical)
        .chain(items(aliases))
        .map(|n| (n, false))
        .chain(items(acronyms).map(|a| (a, true)))
}

/// True when rows of gazetteer type `kind` with flags column `flags` are matched by the
/// automaton: not given names or particles (looked up word by word), not `noauto` rows.
pub fn matchable(kind: &str, flags: &str) -> bool {
    !matches!(kind, "PER" | "PARTICLE") && !items(flags).any(|f| f == "noauto")
}

/// A name's exact form (folded, trimmed) and its pattern key (the exact form in ASCII
/// lowercase); `None` for a name that folds to nothing.
pub fn pattern_key(name: &str) -> Option<(String, String)> {
    let exact = fold(name).trim().to_string();
    if exact.is_empty() {
        return None;
    }
    let key = exact.to_ascii_lowercase();
    Some((exact, key))
}

/// A fingerprint of a pattern list (64-bit FNV-1a over the keys and their order).
pub fn fingerprint<S: AsRef<str>>(keys: &[S]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for k in keys {
        for &b in k.as_ref().as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keys_and_fingerprints() {
        let n: Vec<_> = names(
            "Médecins Sans Frontières",
            "Doctors Without Borders| ",
            "MSF",
        )
        .collect();
        assert_eq!(
            n,
            vec![
                ("Médecins Sans Frontières", false),
                ("Doctors Without Borders", false),
                ("MSF", true)
            ]
        );
        assert_eq!(
            pattern_key(" Médecins Sans Frontières "),
            Some((
                "Medecins Sans Frontieres".to_string(),
                "medecins sans frontieres".to_string()
            ))
        );
        assert_eq!(pattern_key("\u{200B}"), None);
        assert!(matchable("ORG", "ci"));
        assert!(!matchable("LOC", "ambig|noauto"));
        assert!(!matchable("PER", ""));
        assert_ne!(fingerprint(&["a", "bc"]), fingerprint(&["ab", "c"]));
        assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["b", "a"]));
    }
}
