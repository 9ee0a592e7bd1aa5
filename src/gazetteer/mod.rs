//! Gazetteers: the names presstag knows, compiled into one Aho-Corasick automaton.
//!
//! Entries come from the TSV files in `gazetteers/` (compiled into the binary) and from the
//! user's own files (`--gazetteers DIR`). Organization, location and title names are matched
//! in one pass over the document's matching key ([`normalize`]), leftmost-longest, on word
//! boundaries, with per-entry case rules:
//!
//! - acronyms match case-exactly, as whole tokens, and short ones not inside all-caps lines;
//! - names match exactly, in Title Case or in ALL CAPS (headlines, datelines); `ci` entries in
//!   any case;
//! - `ambig` entries (common words, short names) match only in their exact case and with
//!   supporting context (a preposition before them, or a following ", Name");
//! - `noauto` entries are never matched; they serve look-ups only.
//!
//! Given names and name particles are not matched in the text: the person rules look tokens
//! up in them.

pub mod keys;
pub mod load;
pub mod normalize;
pub mod towns;

use crate::error::{Error, Result};
use crate::text::Span;
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use normalize::{fold, key, Normalized};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/builtin_gazetteers.rs"));

/// What an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// An organization.
    Org,
    /// A location.
    Loc,
    /// A given name (first name).
    Person,
    /// A title or honorific.
    Title,
    /// A name particle (al-, van der, de la).
    Particle,
}

/// The flags column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// `cs`: names match case-sensitively (the default for names).
    pub case_sensitive: bool,
    /// `ci`: names match in any case.
    pub case_insensitive: bool,
    /// `ambig`: needs context.
    pub ambiguous: bool,
    /// `noauto`: never matched in text.
    pub no_auto: bool,
}

/// One gazetteer entry. The list columns are kept as written and split on use, so that
/// loading tens of thousands of entries allocates little.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Unique id, the `kb_id` of what it matches (`org:unodc`).
    pub id: Arc<str>,
    /// What it names.
    pub kind: EntryKind,
    /// Finer class (`un_fund`, `country`, `honorific`, …).
    pub subtype: Box<str>,
    /// Canonical name.
    pub canonical: Arc<str>,
    /// Other names, `|`-separated.
    pub aliases: Box<str>,
    /// Acronyms (matched case-exactly), `|`-separated.
    pub acronyms: Box<str>,
    /// Matching flags.
    pub flags: Flags,
    /// `key=value` attributes, `;`-separated.
    pub attrs: Box<str>,
    /// `gazetteer:FILE`.
    pub source: Arc<str>,
    /// 1-based line of the entry in its file (0 for entries made in code).
    pub line: u32,
}

use keys::items;

/// True for the id of a local place — a city, town or subdivision, not a country or region —
/// whose name may as well be a surname ("Sokolov", "Noda").
pub fn is_local_place_id(id: &str) -> bool {
    ["loc:city:", "loc:town:", "loc:sub:"]
        .iter()
        .any(|p| id.starts_with(p))
}

impl Entry {
    /// The value of attribute `k`.
    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attr_pairs().find(|(key, _)| *key == k).map(|(_, v)| v)
    }

    /// All `key=value` attributes.
    pub fn attr_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs
            .split(';')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
    }

    /// The other names.
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        items(&self.aliases)
    }

    /// The acronyms.
    pub fn acronyms(&self) -> impl Iterator<Item = &str> {
        items(&self.acronyms)
    }

    fn prominence(&self) -> u64 {
        let pop = self
            .attr("pop")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(0);
        let base = match (self.kind, &*self.subtype) {
            (EntryKind::Org, s) if s.starts_with("un") => 40_000_000_000,
            (EntryKind::Org, _) => 30_000_000_000,
            (EntryKind::Loc, "country") => 35_000_000_000,
            (EntryKind::Loc, "region" | "territory") => 20_000_000_000,
            (EntryKind::Loc, "capital") => 10_000_000_000,
            (EntryKind::Title, _) => 1_000,
            _ => 0,
        };
        base + pop
    }
}

/// How a pattern names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The canonical name or an alias.
    Name,
    /// An acronym.
    Acronym,
}

#[derive(Debug, Clone)]
struct Candidate {
    entry: u32,
    form: NameForm,
    /// The folded pattern in its own case.
    exact: String,
}

/// A gazetteer name found in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// Where, in the original text.
    pub span: Span,
    /// Index of the entry ([`Gazetteer::entry`]).
    pub entry: u32,
    /// Whether an acronym or a name matched.
    pub form: NameForm,
}

/// A given name from the gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct GivenName {
    /// Also a common word, place or month ("Will", "Jordan", "May").
    pub ambiguous: bool,
}

/// The compiled gazetteers. Build once; share across threads.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    automaton: Automaton,
    patterns: Vec<Vec<Candidate>>,
    given: HashMap<String, GivenName>,
    particles: HashSet<String>,
    acronyms: HashMap<String, u32>,
    demonyms: HashSet<String>,
    title_words: HashSet<String>,
    /// Words before an ambiguous place that show it is one (`place_context.tsv`, lowercase).
    place_context: HashSet<String>,
    towns: towns::Towns,
    precompiled: bool,
}

impl Gazetteer {
    /// The built-in gazetteers plus the `.tsv` files of each folder in `extra_dirs`.
    pub fn load(builtin: bool, extra_dirs: &[&Path]) -> Result<Gazetteer> {
        let mut entries = Vec::new();
        if builtin {
            // The files are independent: parse them in parallel.
            use rayon::prelude::*;
            let parsed: Vec<Result<Vec<Entry>>> = BUILTIN
                .par_iter()
                .map(|(name, text)| load::parse(name, text))
                .collect();
            for p in parsed {
                entries.extend(p?);
            }
        }
        for dir in extra_dirs {
            entries.extend(load_dir(dir)?);
        }
        // The town index does not depend on the entries: build it on the other core.
        let (g, towns) = rayon::join(
            || Gazetteer::from_entries(entries),
            || builtin.then(towns::Towns::builtin),
        );
        let mut g = g?;
        g.towns = towns.unwrap_or_default();
        Ok(g)
    }

    /// Compiles entries into a gazetteer; ids must be unique.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Gazetteer> {
        let mut seen: HashMap<&str, &Entry> = HashMap::default();
        for e in &entries {
            if let Some(prev) = seen.insert(&e.id, e) {
                return Err(Error::Gazetteer {
                    file: e.source.trim_start_matches("gazetteer:").to_string(),
                    line: e.line as usize,
                    message: format!(
                        "duplicate id {:?} (also at {}:{}); ids must be unique across files",
                        e.id,
                        prev.source.trim_start_matches("gazetteer:"),
                        prev.line
                    ),
                });
            }
        }
        let mut key_index: HashMap<String, usize> = HashMap::default();
        let mut pattern_keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Candidate>> = Vec::new();
        let mut given = HashMap::default();
        let mut particles = HashSet::default();
        let mut acronyms = HashMap::default();
        let mut demonyms = HashSet::default();
        let mut title_words = HashSet::default();
        for (i, e) in entries.iter().enumerate() {
            for (k, v) in e.attr_pairs() {
                if k == "adj" || k == "demonym" {
                    demonyms.extend(v.split('|').map(str::to_string));
                }
            }
            let idx = i as u32;
            if e.kind == EntryKind::Title {
                for (n, _) in keys::names(&e.canonical, &e.aliases, "") {
                    if !n.contains(' ') {
                        title_words.insert(n.to_string());
                    }
                }
            }
            match e.kind {
                EntryKind::Person => {
                    for n in std::iter::once(e.canonical.as_ref()).chain(e.aliases()) {
                        given.insert(
                            key(n),
                            GivenName {
                                ambiguous: e.flags.ambiguous,
                            },
                        );
                    }
                    continue;
                }
                EntryKind::Particle => {
                    for n in std::iter::once(e.canonical.as_ref()).chain(e.aliases()) {
                        particles.insert(key(n));
                    }
                    continue;
                }
                _ => {}
            }
            for a in e.acronyms() {
                acronyms.entry(fold(a).into_owned()).or_insert(idx);
            }
            if e.flags.no_auto {
                continue;
            }
            for (name, acronym) in keys::names(&e.canonical, &e.aliases, &e.acronyms) {
                let form = if acronym {
                    NameForm::Acronym
                } else {
                    NameForm::Name
                };
                let Some((exact, k)) = keys::pattern_key(name) else {
                    continue;
                };
                let p = *key_index.entry(k.clone()).or_insert_with(|| {
                    pattern_keys.push(k);
                    patterns.push(Vec::new());
                    patterns.len() - 1
                });
                if !patterns[p]
                    .iter()
                    .any(|c| c.entry == idx && c.exact == exact)
                {
                    patterns[p].push(Candidate {
                        entry: idx,
                        form,
                        exact,
                    });
                }
            }
        }
        // Patterns are lowercase and matched against a lowercased copy of the key. The
        // automaton of the built-in gazetteers is precompiled by build.rs; other pattern lists
        // (a user's gazetteers) are compiled here.
        let (automaton, precompiled) = match precompiled(&pattern_keys) {
            Some(a) => (a, true),
            None => (compile(&pattern_keys)?, false),
        };
        Ok(Gazetteer {
            entries,
            automaton,
            patterns,
            given,
            particles,
            acronyms,
            demonyms,
            title_words,
            place_context: crate::data::rows("place_context.tsv", crate::data::PLACE_CONTEXT, 1)?
                .into_iter()
                .map(|r| r.fields[0].to_lowercase())
                .collect(),
            towns: towns::Towns::default(),
            precompiled,
        })
    }

    /// The town of the built-in look-up list named exactly `name` (none when the built-in
    /// gazetteers are not loaded).
    pub fn town(&self, name: &str) -> Option<towns::Town> {
        self.towns.get(name)
    }

    /// True when the name automaton was loaded precompiled (the built-in gazetteers alone)
    /// rather than compiled at start-up (a user's gazetteers added or loaded alone).
    pub fn automaton_precompiled(&self) -> bool {
        self.precompiled
    }

    /// The entry at `idx`.
    pub fn entry(&self, idx: u32) -> &Entry {
        &self.entries[idx as usize]
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The given name `word`, if the gazetteer has it (a hyphenated name when it has every part).
    pub fn given_name(&self, word: &str) -> Option<GivenName> {
        if let Some(g) = self.given.get(&key(word)) {
            return Some(*g);
        }
        // "Anne-Sophie", "Jean-Pierre": a hyphenated name whose every part is a given name.
        if !word.contains('-') {
            return None;
        }
        word.split('-')
            .try_fold(GivenName { ambiguous: false }, |g, part| {
                let p = self.given.get(&key(part))?;
                Some(GivenName {
                    ambiguous: g.ambiguous || p.ambiguous,
                })
            })
    }

    /// True when `word` (lowercased, folded) is a name particle.
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(&key(word))
    }

    /// True when `word` is written as a one-word title of the gazetteer ("Justice", "Judge",
    /// "Minister"), whatever its flags.
    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(word)
    }

    /// True when the name at `s..e` of key text `k` stands where a place is expected: after a
    /// word of `place_context.tsv`, or before ", Capitalized" ("Nice, France").
    fn has_place_context(&self, k: &str, s: usize, e: usize) -> bool {
        let prev_word = k[..s]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if !prev_word.is_empty() && self.place_context.contains(&prev_word.to_lowercase()) {
            return true;
        }
        let after = &k[e..];
        after.starts_with(", ") && after[2..].chars().next().is_some_and(char::is_uppercase)
    }

    /// True when `word` is a country adjective or demonym ("Kenyan", "Germans").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(word)
    }

    /// The entry whose acronym is exactly `acr`.
    pub fn acronym(&self, acr: &str) -> Option<u32> {
        self.acronyms.get(fold(acr).as_ref()).copied()
    }

    /// Finds the gazetteer names in `text`: non-overlapping, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let norm = Normalized::new(text);
        let k = norm.text.as_ref();

        let mut scan = Scan::default();
        let mut found: Vec<(Span, Vec<u32>, NameForm)> = Vec::new();
        let lower = k.to_ascii_lowercase();
        let mut at = 0;
        while at < k.len() {
            let Some(m) = self
                .automaton
                .0
                .leftmost_find_iter(&lower.as_bytes()[at..])
                .next()
            else {
                break;
            };
            let (s, mut e) = (at + m.start(), at + m.end());
            let mut verified = self.verify(text, &norm, &mut scan, m.value() as usize, s, e);
            // "the Xinhua news agency": when the longest name fails its checks, a shorter one
            // that starts at the same place may pass ("Xinhua").
            while verified.is_none() && e > s + 1 {
                let Some(m) = self
                    .automaton
                    .0
                    .leftmost_find_iter(&lower.as_bytes()[s..e - 1])
                    .next()
                    .filter(|m| m.start() == 0)
                else {
                    break;
                };
                e = s + m.end();
                verified = self.verify(text, &norm, &mut scan, m.value() as usize, s, e);
            }
            match verified {
                Some(f) => {
                    let place =
                        f.1.iter()
                            .any(|&i| self.entries[i as usize].kind == EntryKind::Loc);
                    scan.place_end = place.then_some(e);
                    found.push(f);
                    at = e.max(s + 1);
                    while !k.is_char_boundary(at) {
                        at += 1;
                    }
                }
                None if s > 0
                    && crate::text::char_before(k, s).is_some_and(char::is_alphanumeric) =>
                {
                    // Started inside a word: nothing can start before the word ends.
                    // (Always past `s`: a pattern may start with a non-alphanumeric
                    // character, found by fuzzing.)
                    let next = s + k[s..].chars().next().map_or(1, char::len_utf8);
                    at = k[s..]
                        .find(|c: char| !c.is_alphanumeric())
                        .map_or(k.len(), |x| s + x)
                        .max(next);
                }
                None => at = s + k[s..].chars().next().map_or(1, char::len_utf8),
            }
        }
        found.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut chosen: Vec<(Span, Vec<u32>, NameForm)> = Vec::new();
        for f in found {
            if chosen.last().is_some_and(|c| c.0.end > f.0.start) {
                continue;
            }
            chosen.push(f);
        }
        // Countries named in the document decide between places of the same name.
        let countries: HashSet<&str> = chosen
            .iter()
            .filter(|c| c.1.len() == 1)
            .filter_map(|c| self.entries[c.1[0] as usize].attr("iso2"))
            .collect();
        chosen
            .iter()
            .map(|(span, cands, form)| {
                let best = cands
                    .iter()
                    .copied()
                    .max_by_key(|&i| {
                        let e = &self.entries[i as usize];
                        let local = e.attr("country").is_some_and(|c| countries.contains(c));
                        (local, e.prominence(), std::cmp::Reverse(i))
                    })
                    .expect("non-empty candidates");
                GazMatch {
                    span: *span,
                    entry: best,
                    form: *form,
                }
            })
            .collect()
    }

    /// Checks one automaton match against word boundaries and its candidates' case and
    /// context rules; returns the span (original offsets) and the entries that pass.
    fn verify(
        &self,
        text: &str,
        norm: &Normalized,
        scan: &mut Scan,
        pattern: usize,
        s: usize,
        e: usize,
    ) -> Option<(Span, Vec<u32>, NameForm)> {
        let k = norm.text.as_ref();
        let kb = k.as_bytes();
        // Not inside a dotted abbreviation either: "S.C." of "42 U.S.C." (a single letter and
        // its period before the name; "today.GENEVA" is two sentences run together).
        let dotted = s >= 2
            && kb[s - 1] == b'.'
            && kb[s - 2].is_ascii_alphabetic()
            && (s == 2 || !kb[s - 3].is_ascii_alphanumeric());
        let before_ok =
            s == 0 || !crate::text::char_before(k, s).is_some_and(char::is_alphanumeric) && !dotted;
        let after_ok =
            e == kb.len() || !crate::text::char_at(k, e).is_some_and(char::is_alphanumeric);
        // "US$12 million" names a currency, not a place.
        if !before_ok || !after_ok || kb.get(e) == Some(&b'$') {
            return None;
        }
        let surface = &k[s..e];
        let mut ok: Vec<u32> = Vec::new();
        let mut form = NameForm::Name;
        for c in &self.patterns[pattern] {
            let entry = &self.entries[c.entry as usize];
            let exact = surface == c.exact;
            let pass = match c.form {
                NameForm::Acronym => {
                    exact
                        && !((surface.len() <= 3 || entry.flags.ambiguous)
                            && *scan
                                .caps_lines
                                .entry(line_start(text, norm.original(s)))
                                .or_insert_with(|| is_caps_line(text, norm.original(s))))
                }
                NameForm::Name if entry.flags.ambiguous => {
                    exact && (self.has_place_context(k, s, e) || scan.listed_after_place(k, s))
                }
                NameForm::Name => {
                    entry.flags.case_insensitive
                        || entry.kind == EntryKind::Title
                        || exact
                        || case_variant(surface, &c.exact)
                }
            };
            if pass {
                if ok.is_empty() {
                    form = c.form;
                }
                ok.push(c.entry);
            }
        }
        if !ok.is_empty() {
            // "The Netherlands": the article stays outside unless it is part of the name
            // ("The Hague", and "The Gambia", whose long form keeps it: "Republic of The
            // Gambia").
            let mut start = s;
            if surface.len() > 4 && surface[..4].eq_ignore_ascii_case("the ") {
                let keeps = ok.iter().any(|&i| {
                    let e = &self.entries[i as usize];
                    e.canonical.starts_with("The ") || e.aliases().any(|a| a.contains(" The "))
                });
                if !keeps {
                    start = s + 4;
                }
            }
            return Some((Span::new(norm.original(start), norm.original(e)), ok, form));
        }
        None
    }
}

/// True when `surface` is `pattern` in Title Case or ALL CAPS (only letters that start a word
/// may be raised, unless the whole surface is uppercase).
fn case_variant(surface: &str, pattern: &str) -> bool {
    let all_caps = crate::text::is_all_caps(surface);
    let mut prev_alpha = false;
    for (a, b) in surface.chars().zip(pattern.chars()) {
        if a != b {
            let raised = b.is_lowercase() && a.to_lowercase().eq(std::iter::once(b));
            if !(raised && (all_caps || !prev_alpha)) {
                return false;
            }
        }
        prev_alpha = b.is_alphanumeric();
    }
    surface.chars().count() == pattern.chars().count()
}

/// What one scan of [`Gazetteer::find`] remembers between matches.
#[derive(Default)]
struct Scan {
    /// Whether each line (by its start) is written in capitals.
    caps_lines: HashMap<usize, bool>,
    /// The end (key offset) of the last match when it was a place.
    place_end: Option<usize>,
}

impl Scan {
    /// True when the name at key offset `s` continues a list that a place opened: "in Lowell,
    /// Lawrence and Methuen".
    fn listed_after_place(&self, k: &str, s: usize) -> bool {
        // Only a few bytes between (", and "): no scan back over a long text.
        self.place_end
            .filter(|&e| e <= s && s - e <= 6)
            .is_some_and(|e| matches!(k[e..s].trim(), "," | "and" | ", and" | "or" | ", or"))
    }
}

/// The name automaton: leftmost-longest, each match's value its pattern index.
#[derive(Clone)]
struct Automaton(DoubleArrayAhoCorasick<u32>);

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Automaton({} bytes)", self.0.heap_bytes())
    }
}

/// The precompiled automaton of the built-in gazetteers, when `keys` are its patterns.
fn precompiled(keys: &[String]) -> Option<Automaton> {
    if keys::fingerprint(keys) != AUTOMATON_FINGERPRINT {
        return None;
    }
    DoubleArrayAhoCorasick::deserialize(AUTOMATON)
        .ok()
        .map(|(a, _)| Automaton(a))
}

/// Compiles the automaton of `keys`: leftmost-longest, each match's value its pattern index.
fn compile(keys: &[String]) -> Result<Automaton> {
    DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(keys)
        .map(Automaton)
        .map_err(|e| Error::Gazetteer {
            file: "(all)".into(),
            line: 0,
            message: e.to_string(),
        })
}

fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// True when the line around `at` is written in capitals (a shouted headline).
fn is_caps_line(text: &str, at: usize) -> bool {
    let start = line_start(text, at);
    let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
    let (mut up, mut low) = (0usize, 0usize);
    for c in text[start..end].chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    up >= 12 && low * 10 <= up
}

fn load_dir(dir: &Path) -> Result<Vec<Entry>> {
    let io = |e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| Error::Io {
            path: f.clone(),
            source: e,
        })?;
        let name = f.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            Error::Gazetteer {
                file: name.clone(),
                line: upto.iter().filter(|&&b| b == b'\n').count() + 1,
                message: "invalid UTF-8 (save the file as UTF-8)".into(),
            }
        })?;
        out.extend(load::parse(&name, &text)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(rows: &str) -> Gazetteer {
        let text = format!("{}\n{rows}", load::HEADER);
        Gazetteer::from_entries(load::parse("t.tsv", &text).unwrap()).unwrap()
    }

    #[test]
    fn longest_match_and_case_rules() {
        let g = gaz("org:un\tORG\tun\tUnited Nations\t\tUN\t\t\t\n\
                     org:unodc\tORG\tun_fund\tUnited Nations Office on Drugs and Crime\t\tUNODC\t\t\t\n\
                     loc:nice\tLOC\tcity\tNice\t\t\tambig\t\t\n\
                     loc:geneva\tLOC\tcity\tGeneva\tGenève\t\t\t\t");
        let t = "The United Nations Office on Drugs and\nCrime (UNODC) met in Nice; a nice day in GENEVA, not geneva. Unodc";
        let m = g.find(t);
        let names: Vec<&str> = m.iter().map(|m| m.span.slice(t)).collect();
        assert_eq!(
            names,
            vec![
                "United Nations Office on Drugs and\nCrime",
                "UNODC",
                "Nice",
                "GENEVA"
            ]
        );
    }

    #[test]
    fn builtin_automaton_is_precompiled() {
        // build.rs and the library must derive the same patterns from the built-in files.
        let g = Gazetteer::load(true, &[]).unwrap();
        assert!(g.automaton_precompiled());
        let t = "The Office of the United Nations High Commissioner for Refugees met in Geneva.";
        let names: Vec<&str> = g.find(t).iter().map(|m| m.span.slice(t)).collect();
        assert!(names.contains(&"Geneva"), "{names:?}");
        // A user's file changes the pattern list: compiled at start-up, same results.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.tsv"),
            format!(
                "{}\norg:acme\tORG\tcompany\tAcme Widgets\t\t\t\t\t\n",
                load::HEADER
            ),
        )
        .unwrap();
        let mine = Gazetteer::load(true, &[dir.path()]).unwrap();
        assert!(!mine.automaton_precompiled());
        let t2 = "Acme Widgets opened a plant in Geneva.";
        let names: Vec<&str> = mine.find(t2).iter().map(|m| m.span.slice(t2)).collect();
        assert_eq!(names, vec!["Acme Widgets", "Geneva"]);
        assert!(!gaz("loc:x\tLOC\tcity\tXville\t\t\t\t\t").automaton_precompiled());
    }

    #[test]
    fn accents_fold() {
        let g = gaz("loc:geneva\tLOC\tcity\tGeneva\tGenève\t\t\t\t");
        let t = "à Genève et Geneve";
        let m = g.find(t);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].span.slice(t), "Genève");
    }
}
