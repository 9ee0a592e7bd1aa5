//! Places by pattern: all-caps dateline cities ("ADDIS ABABA, 4 April –",
//! "BRUSSELS/GENEVA, …", "(Kyiv, June 2, 2023) –"), "X province/district/region", and towns
//! of the look-up list where the text says a place follows ("near Kutum").

use super::{Doc, PlaceWord, Rules};
use crate::gazetteer::towns::Town;
use crate::text::{is_all_caps, is_capitalized, Span};

/// The longest town name, in tokens ("Ponte de Sor").
const TOWN_TOKENS: usize = 3;

/// Words for administrative units, written after a place's name ("Kasai province").
pub const ADMIN_UNITS: &[&str] = &[
    "province",
    "Province",
    "district",
    "District",
    "region",
    "state",
    "county",
    "County",
    "governorate",
    "Governorate",
    "prefecture",
    "Prefecture",
    "oblast",
    "Oblast",
    "municipality",
    "camp",
    "camps",
];

impl Rules {
    /// Places from datelines at the top of the text: the leading place names of one of the
    /// first lines that also holds a date (`date_spans`) or a wire credit.
    pub fn dateline_places(&self, doc: &Doc, date_spans: &[Span]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut seen = 0;
        for line in doc.text.split_inclusive('\n') {
            let ls = start;
            start += line.len();
            if line.trim().is_empty() {
                continue;
            }
            seen += 1;
            if seen > 6 {
                break;
            }
            let le = ls + line.len();
            let has_date = date_spans.iter().any(|d| d.start >= ls && d.end <= le);
            let wire = line.contains("(Reuters)")
                || line.contains("(AP)")
                || line.contains("(AFP)")
                || line.contains("WIRE)");
            // "BOSTON – A Lowell man was sentenced…": a capitalized dateline whose date is on
            // another line.
            let caps_dash = line
                .split_once([' ', '\u{a0}'])
                .is_some_and(|(head, rest)| {
                    head.len() >= 3
                        && is_all_caps(head)
                        && head.chars().all(|c| c.is_alphabetic())
                        && rest.trim_start().starts_with(['–', '—'])
                });
            if !has_date && !wire && !caps_dash {
                continue;
            }
            let body = line.trim_start();
            let off = ls + (line.len() - body.len());
            let (body, off) = match body.strip_prefix('(') {
                Some(b) => (b, off + 1),
                None => (body, off),
            };
            let head_end = body.find([',', '(', '—', '–']).unwrap_or(0);
            let head = &body[..head_end];
            let head_trim = head.trim_end().trim_end_matches(" -");
            if head_trim.is_empty() || head_trim.split_whitespace().count() > 6 {
                continue;
            }
            let caps = is_all_caps(head_trim);
            let mut p = 0;
            for part in head_trim.split('/') {
                let t = part.trim();
                let s = off + p + (part.len() - part.trim_start().len());
                p += part.len() + 1;
                let words_ok = t
                    .split_whitespace()
                    .all(|w| is_capitalized(w) && !self.is_not_name(w))
                    && t.split_whitespace().count() <= 3
                    // "(MOFA) – On the morning of …": a source in brackets, not a place.
                    && t.chars().all(|c| c.is_alphanumeric() || " .-'’".contains(c));
                // A Title Case place needs its date right after the comma: "Vienna, 15 October".
                let after = body[head_end..].trim_start_matches([',', ' ']);
                let date_next = date_spans
                    .iter()
                    .any(|d| d.start == off + (body.len() - after.len()));
                if !t.is_empty()
                    && words_ok
                    && (caps || (body[head_end..].starts_with(',') && date_next))
                {
                    out.push(Span::new(s, s + t.len()));
                }
            }
        }
        out
    }

    /// "Kasai province", "Garissa County": the name before an administrative unit word.
    pub fn admin_places(&self, doc: &Doc) -> Vec<Span> {
        let mut out = Vec::new();
        for u in 1..doc.tokens.len() {
            let word = doc.word(u);
            // "Ituri province": the unit word is not part of the name; "Helmand Province" and
            // "Borno State", capitalized, are.
            let capital =
                is_capitalized(word) && ADMIN_UNITS.contains(&word.to_lowercase().as_str());
            if !capital && !ADMIN_UNITS.contains(&word) {
                continue;
            }
            let mut s = u;
            while s > 0 && u - s < 3 && doc.same_sentence(s - 1, u) {
                let w = doc.word(s - 1);
                if doc.is_word(s - 1)
                    && is_capitalized(w)
                    && !self.is_not_name(w)
                    && !doc.sentence_initial(s - 1)
                {
                    s -= 1;
                } else {
                    break;
                }
            }
            if s < u {
                let last = if capital { u } else { u - 1 };
                out.push(Span::new(
                    doc.tokens[s].span.start,
                    doc.tokens[last].span.end,
                ));
            }
        }
        out
    }

    /// Natural features named by their kind: "Surma River", "Niger Delta", "Lake Kariba",
    /// "Mount Elgon" (up to three capitalized words with the feature word).
    pub fn feature_places(&self, doc: &Doc) -> Vec<Span> {
        let mut out = Vec::new();
        let name = |i: usize| {
            doc.is_word(i) && is_capitalized(doc.word(i)) && !self.is_not_name(doc.word(i))
        };
        for u in 0..doc.tokens.len() {
            let word = doc.word(u);
            // "Hellenic Coast Guard", "Gwembe Valley Farmers' Union": part of a longer name.
            let longer = u + 1 < doc.tokens.len() && doc.same_sentence(u, u + 1) && name(u + 1);
            if self.place_word(word, PlaceWord::FeatureAfter) && !longer {
                let mut s = u;
                while s > 0 && u - s < 3 && doc.same_sentence(s - 1, u) && name(s - 1) {
                    s -= 1;
                }
                if s < u {
                    out.push(Span::new(doc.tokens[s].span.start, doc.tokens[u].span.end));
                }
            } else if self.place_word(word, PlaceWord::FeatureBefore) {
                let mut e = u + 1;
                while e < doc.tokens.len() && e - u <= 2 && doc.same_sentence(u, e) && name(e) {
                    e += 1;
                }
                if e > u + 1 {
                    out.push(Span::new(
                        doc.tokens[u].span.start,
                        doc.tokens[e - 1].span.end,
                    ));
                }
            }
        }
        out
    }

    /// Towns of the look-up list in place context: after "in", "near", "from", "including" …,
    /// a common noun's "of" ("the people of Kłodzko") or "the town of", and the towns listed
    /// after one ("in Tahirpur, Derai and Chhatak"). The name must be
    /// written as the list writes it and must not run on into another capitalized word ("from
    /// Kutum Hospital" is not the town). After a strong context ("in", "near", "the village
    /// of") a place no list knows is taken too, without a town (see `unknown_place`).
    pub fn town_places(&self, doc: &Doc) -> Vec<(Span, Option<Town>)> {
        let mut out = Vec::new();
        let n = doc.tokens.len();
        // The token after the last town found, for lists of towns.
        let mut after_town: Option<usize> = None;
        let mut i = 1;
        while i < n {
            if !doc.is_word(i) || !is_capitalized(doc.word(i)) {
                i += 1;
                continue;
            }
            let prev = doc.word(i - 1);
            let settlement_of = prev.eq_ignore_ascii_case("of")
                && i >= 2
                && self.place_word(doc.word(i - 2), PlaceWord::SettlementOf);
            let listed = after_town.is_some_and(|a| list_continues(doc, a, i))
                || self.after_listed_place(doc, i);
            let same = doc.same_sentence(i - 1, i);
            // "the people of Kłodzko", "the port of Felixstowe"; not a name's "of" ("Ministry
            // of Commerce", "Vice President of Sales").
            let common_of = prev == "of"
                && i >= 2
                && doc.word(i - 2).starts_with(char::is_lowercase)
                && doc.is_word(i - 2);
            let context = same
                && (self.place_word(prev, PlaceWord::TownContext)
                    || settlement_of
                    || listed
                    || common_of);
            if !context {
                i += 1;
                continue;
            }
            // "at Chizera, in the Mufumbwe district": a known place after a comma vouches too.
            let strong = self.place_word(prev, PlaceWord::PlaceContext)
                || settlement_of
                || listed
                || self.place_follows(doc, i + 1);
            let found = (1..=TOWN_TOKENS).rev().find_map(|len| {
                let j = i + len - 1;
                if j >= n || !doc.same_sentence(i, j) || !doc.is_word(j) {
                    return None;
                }
                let next_caps = j + 1 < n
                    && doc.same_sentence(j, j + 1)
                    && doc.is_word(j + 1)
                    && is_capitalized(doc.word(j + 1));
                if next_caps {
                    return None;
                }
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[j].span.end);
                let name = span.slice(doc.text);
                let town = if name.contains(['\n', '\r', '\t', ' ']) && len > 1 {
                    let flat = name.split_whitespace().collect::<Vec<_>>().join(" ");
                    doc.gazetteer.town(&flat)
                } else {
                    doc.gazetteer.town(name)
                };
                town.map(|t| (span, t, j))
            });
            let found = found
                .map(|(span, town, j)| (span, Some(town), j))
                .or_else(|| {
                    strong
                        .then(|| self.unknown_place(doc, i))
                        .flatten()
                        .map(|end| {
                            let span =
                                Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);
                            (span, None, end - 1)
                        })
                });
            match found {
                Some((span, town, j)) => {
                    out.push((span, town));
                    after_town = Some(j + 1);
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The end (exclusive token) of a place no list knows that starts at token `i`, after a
    /// strong place context ("in", "near", "the village of"): one to three capitalized words,
    /// not in capitals, that the gazetteer does not match and none of which is a clear given
    /// name, title, body's head, demonym, month or other word that is never a name ("in
    /// Macomia", "in Sierra Gorda"; not "in Arabic", "in Parliament", "in John Mensah's").
    fn unknown_place(&self, doc: &Doc, i: usize) -> Option<usize> {
        if doc.sentence_initial(i) || doc.title_case(i) {
            return None;
        }
        let word_ok = |k: usize| {
            let w = doc.word(k);
            doc.is_word(k)
                && doc.same_sentence(i, k)
                && is_capitalized(w)
                && (w.chars().count() >= 3 || k == i && doc.gazetteer.is_particle(w))
                && !crate::text::is_all_caps(w)
                && !w.contains(|c: char| c.is_ascii_digit())
                && doc.gaz_starting(doc.tokens[k].span.start).is_none()
                && doc.gaz_ending(doc.tokens[k].span.end).is_none()
                && (doc.gazetteer.given_name(w).is_none_or(|g| g.ambiguous)
                    || self.place_follows(doc, k + 1))
                && !doc.gazetteer.is_title_word(w)
                && !doc.gazetteer.is_demonym(w)
                && self.head(w).is_none()
                && !self.is_not_name(w)
                && !self.place_word(w, PlaceWord::NotPlace)
        };
        let mut end = i;
        while end < i + 3 && word_ok(end) {
            end += 1;
        }
        let runs_on =
            doc.same_sentence(i, end) && doc.is_word(end) && is_capitalized(doc.word(end));
        // A lone given name ("in Sierra") is no place, unless a known place follows after a
        // comma ("near Nasir, in Upper Nile State", "in Dikwa, Borno State").
        let lone_given = end == i + 1
            && doc.gazetteer.given_name(doc.word(i)).is_some()
            && !self.place_follows(doc, end);
        (end > i && !runs_on && !lone_given).then_some(end)
    }

    /// True when token `i` continues a list whose previous item is a place the gazetteer
    /// knows, itself after a place context ("visited Kosti and Al Jabalain", "in Farchana,
    /// Gaga and Adré").
    fn after_listed_place(&self, doc: &Doc, i: usize) -> bool {
        // The word after the item's capitalized words: another place context starts a clause
        // of its own ("from Port Sudan and Kessler from Nairobi"), not a list item.
        let mut e = i;
        while e < i + 3 && doc.is_word(e) && is_capitalized(doc.word(e)) {
            e += 1;
        }
        let next = doc.word(e);
        let context = |w: &str| {
            self.place_word(w, PlaceWord::TownContext)
                || self.place_word(w, PlaceWord::PlaceContext)
        };
        if context(next) {
            return false;
        }
        // After a bare comma the list must go on or close with "and"/"or" ("in Farchana,
        // Gaga and Adré"; not "In Bangkok, Kanya Srisuk-Marsh (English, Thai)").
        let goes_on = matches!(next, "," | "and" | "or" | ".");
        (i.saturating_sub(2)..i).any(|c| {
            let bare_comma = c + 1 == i && doc.word(c) == ",";
            (!bare_comma || goes_on) && {
                c > 0
                    && list_continues(doc, c, i)
                    && doc
                        .gaz_ending(doc.tokens[c - 1].span.end)
                        .filter(|g| doc.gaz_kind(g) == crate::gazetteer::EntryKind::Loc)
                        .is_some_and(|g| {
                            let first = doc.token_containing(g.span.start);
                            first > 0
                                && doc.same_sentence(first - 1, i)
                                && context(doc.word(first - 1))
                        })
            }
        })
    }

    /// True when a place the gazetteer knows follows token `at` after a comma, possibly
    /// through "in (the)": "Nasir, in Upper Nile State", "Dikwa, Borno State".
    fn place_follows(&self, doc: &Doc, at: usize) -> bool {
        if doc.word(at) != "," || !doc.same_sentence(at, at + 1) {
            return false;
        }
        let mut k = at + 1;
        if doc.word(k) == "in" {
            k += 1;
        }
        if doc.word(k) == "the" {
            k += 1;
        }
        // "… in the Mufumbwe district": a place named by its unit.
        let unit = doc.is_word(k)
            && is_capitalized(doc.word(k))
            && ADMIN_UNITS.contains(&doc.word(k + 1))
            && doc.same_sentence(k, k + 1);
        unit || doc.tokens.get(k).is_some_and(|t| {
            doc.gaz_starting(t.span.start)
                .is_some_and(|g| doc.gaz_kind(g) == crate::gazetteer::EntryKind::Loc)
        })
    }
}

/// True when the tokens from `from` up to `to` join items of a list: ",", "and", "or", ", and".
fn list_continues(doc: &Doc, from: usize, to: usize) -> bool {
    match to.checked_sub(from) {
        Some(1) => matches!(doc.word(from), "," | "and" | "or"),
        Some(2) => doc.word(from) == "," && matches!(doc.word(from + 1), "and" | "or"),
        _ => false,
    }
}
