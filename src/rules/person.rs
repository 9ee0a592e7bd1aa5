//! People: titles before names, given names before surnames, speakers and appositions.
//!
//! - `person_title`: a title or honorific from the gazetteer, an optional complement
//!   ("for Counter-Terrorism"), then capitalized name tokens: "UNODC Executive Director
//!   Yury Fedotov", "H.E. Mr. Khalid Al-Mansouri", "Dr. Pieter de Vries".
//! - `person_given`: a given name from the gazetteer and capitalized surname tokens.
//! - `person_speaker`: two to four name tokens next to a speech verb ("said Oluwaseun
//!   Adeyemi", "Oluwaseun Adeyemi said", "according to …").
//! - `person_apposition`: name tokens followed by ", Title …" ("Grace Holloway, senior analyst at …").
//!
//! The span never holds the title; the title and the body the person speaks for are kept
//! beside it.

use super::{Doc, HeadKind, NameCue, OrgWord, PlaceWord, Rules};
use crate::gazetteer::EntryKind;
use crate::mention::Mention;
use crate::record::EntityKind;
use crate::text::{is_all_caps, is_capitalized, Span};
use crate::tokens::TokenKind;
use std::sync::Arc;

const COMPLEMENT_WORDS: &[&str] = &["for", "of", "on", "to", "and", "the", "in"];

/// Prepositions that lead from a title to the body it belongs to ("Minister of Health of
/// Ghana", "head of policy at the Clean Oceans Alliance").
const AFFILIATION_PREPOSITIONS: &[&str] = &["of", "at", "for", "to", "in"];

/// A person found by a rule.
pub struct PersonCand {
    /// The name.
    pub span: Span,
    /// The title.
    pub title: Option<Span>,
    /// The ORG or LOC named with the title.
    pub affiliation: Option<Span>,
    /// The rule.
    pub rule: &'static str,
}

impl PersonCand {
    /// A person found by `rule`, with neither title nor affiliation.
    fn bare(span: Span, rule: &'static str) -> PersonCand {
        PersonCand {
            span,
            title: None,
            affiliation: None,
            rule,
        }
    }
}

impl Rules {
    /// True when token `i` can be part of a person's name.
    pub fn is_name_token(&self, doc: &Doc, i: usize) -> bool {
        if !doc.is_word(i) {
            return false;
        }
        let w = doc.word(i);
        // "al-Harbi", "el-Sisi": a particle joined by a hyphen to a capitalized name.
        let w = match w.split_once('-') {
            Some((p, rest)) if !is_capitalized(w) && doc.gazetteer.is_particle(p) => rest,
            _ => w,
        };
        // A headline's verb ("Nuri Semiconductor Launches …") is no name either.
        if !is_capitalized(w)
            || (w.chars().count() > 1 && is_all_caps(w))
            || self.is_not_name(w)
            || doc.gazetteer.is_demonym(w)
            || self.org_word(w, OrgWord::NotCompany)
        {
            return false;
        }
        match doc.gaz_starting(doc.tokens[i].span.start) {
            Some(g) if g.span.end >= doc.tokens[i].span.end => match doc.gaz_kind(g) {
                EntryKind::Title => false,
                // A place or body named by this one token alone may still be a name ("Jordan Pike").
                EntryKind::Org | EntryKind::Loc => g.span == doc.tokens[i].span,
                _ => true,
            },
            _ => true,
        }
    }

    /// True when token `i` is a single capital initial followed by a period ("J.").
    fn is_initial(&self, doc: &Doc, i: usize) -> bool {
        let w = doc.word(i);
        w.chars().count() == 1
            && is_capitalized(w)
            && doc.word(i + 1) == "."
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.span.start == doc.tokens[i].span.end)
    }

    /// True when token `i` is a place or body matched by the gazetteer as one whole token.
    fn is_gaz_token(&self, doc: &Doc, i: usize) -> bool {
        doc.gaz_starting(doc.tokens[i].span.start).is_some_and(|g| {
            g.span == doc.tokens[i].span
                && matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc)
        })
    }

    /// True when token `j`, a town or subdivision the gazetteer knows, ends the name before
    /// it as a surname ("Dr. Jarbas Barbosa.", "Henrik Søndergaard Lund (", "Pavel Sokolov"):
    /// a local place, not a country or region, right after a plain name token, with no further
    /// name token after it.
    fn is_place_surname(&self, doc: &Doc, j: usize) -> bool {
        let town = doc
            .gaz_starting(doc.tokens[j].span.start)
            .is_some_and(|g| crate::gazetteer::is_local_place_id(&doc.gazetteer.entry(g.entry).id));
        town && j > 0
            && self.is_name_token(doc, j - 1)
            && !self.is_gaz_token(doc, j - 1)
            && !self.is_name_token(doc, j + 1)
            && !matches!(doc.word(j - 1), "in" | "at" | "from" | "to")
    }

    /// The number of particle tokens ("van der", "bin", "de la") starting at token `j` that are
    /// followed by a name token.
    fn particles_at(&self, doc: &Doc, j: usize) -> usize {
        let mut k = j;
        while k < doc.tokens.len()
            && k < j + 3
            && doc.is_word(k)
            && doc.gazetteer.is_particle(doc.word(k))
        {
            k += 1;
        }
        if k > j && self.is_name_token(doc, k) {
            k - j
        } else {
            0
        }
    }

    /// The end (exclusive token index) of the name that starts at token `i`, and its number
    /// of name tokens. A leading particle is allowed ("Mr. van Houten").
    pub fn name_run(&self, doc: &Doc, i: usize) -> Option<(usize, usize)> {
        let mut j = i;
        let mut last = None;
        let mut count = 0;
        while j < doc.tokens.len() && doc.same_sentence(i, j) && count < 5 {
            let p = self.particles_at(doc, j);
            if p > 0 && (count > 0 || j == i) {
                j += p;
            } else if self.is_initial(doc, j) {
                count += 1;
                j += 2;
            } else if self.is_caps_surname(doc, i, j, count)
                || self.is_name_token(doc, j)
                && !(count > 0 && self.head(doc.word(j)).is_some())
                // A place token is a name only first ("Jordan Pike"), not before a given name
                // ("Kenya Javier Ortega") nor inside a name.
                && !(self.is_gaz_token(doc, j)
                    && !(count > 0 && self.is_place_surname(doc, j))
                    && (count > 0 || doc.gazetteer.given_name(doc.word(j + 1)).is_some() || !self.is_name_token(doc, j + 1)))
            {
                count += 1;
                j += 1;
                last = Some((j, count));
            } else {
                break;
            }
        }
        // A run that opens on, or stops before, the head of a body is part of that body's
        // name ("General Directorate Border Police"), not a person's.
        let opens_body = self.head(doc.word(i)).is_some();
        let before_body = last.is_some_and(|(e, _)| {
            doc.same_sentence(i, e)
                && matches!(
                    self.head(doc.word(e)),
                    Some(HeadKind::Head | HeadKind::Institution)
                )
        });
        if opens_body || before_body {
            return None;
        }
        last
    }

    /// True when token `j` of the name run that starts at `i` (`count` name tokens so far) is
    /// a surname written in capitals, as Japanese and French releases and wire bylines write
    /// them: first after a title, maybe before a given name ("Mr. MIYAZAWA Kenji"), or last
    /// after a known given name ("By Kavitha RAMASWAMY"). A word no list knows, in a line
    /// that is not in capitals.
    fn is_caps_surname(&self, doc: &Doc, i: usize, j: usize, count: usize) -> bool {
        let w = doc.word(j);
        let caps = |w: &str| {
            w.chars().count() >= 3
                && is_all_caps(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if !doc.is_word(j)
            || !caps(w)
            || doc.gaz_starting(doc.tokens[j].span.start).is_some()
            || self.org_word(w, OrgWord::NotAcronym)
        {
            return false;
        }
        let title_ends = |k: usize| {
            doc.gaz_ending(doc.tokens[k].span.end)
                .is_some_and(|g| doc.gaz_kind(g) == EntryKind::Title)
        };
        let after_title =
            j > 0 && (title_ends(j - 1) || (j > 1 && doc.word(j - 1) == "." && title_ends(j - 2)));
        let first = count == 0 && j == i && after_title && !caps(doc.word(j + 1));
        let last = count == 1
            && j == i + 1
            && doc.gazetteer.given_name(doc.word(i)).is_some()
            && !self.is_name_token(doc, j + 1);
        first || last
    }

    /// The start of a name run. A run opens on a word that is not part of the name when that
    /// word is a place or body ("Kenya Javier Ortega"), a given name that is also a common word
    /// before a clear one ("Justice Mphatso Banda-Chirwa"), a word of a Title Case headline
    /// ("Appoints Amina Al-Rashidi") or the tail of a title's complement ("for Counter-Terrorism
    /// Vladimir Voronkov"); the name then starts at the first clear given name. Otherwise the
    /// run is the name as written ("Kao Kim Hourn").
    fn name_start(&self, doc: &Doc, i: usize, end: usize) -> usize {
        // "Detective Superintendent Anika Varga said": title words open the run, not the name.
        let mut i = i;
        while end >= i + 3
            && doc.gazetteer.is_title_word(doc.word(i))
            && doc.gazetteer.given_name(doc.word(i)).is_none()
        {
            i += 1;
        }
        // "H.E. Ntombizodwa Mavuso-Dlamini": an honorific read as initials.
        if let Some(g) = doc
            .gaz_starting(doc.tokens[i].span.start)
            .filter(|g| doc.gaz_kind(g) == EntryKind::Title)
        {
            let mut j = doc.token_at(g.span.end);
            if doc.word(j) == "." && doc.tokens[j].span.start == g.span.end {
                j += 1;
            }
            if j + 2 <= end {
                i = j;
            }
        }
        let first = doc.gazetteer.given_name(doc.word(i));
        let after_preposition =
            i > 0 && matches!(doc.word(i - 1), "for" | "of" | "on" | "at" | "to");
        let suspicious = self.is_gaz_token(doc, i)
            || first.is_some_and(|g| g.ambiguous)
            || (first.is_none() && (doc.title_case(i) || after_preposition));
        if !suspicious {
            return i;
        }
        if self.is_given_title(doc, i, end) {
            return i + 1;
        }
        (i + 1..end.saturating_sub(1))
            .find(|&k| {
                doc.gazetteer
                    .given_name(doc.word(k))
                    .is_some_and(|g| !g.ambiguous)
                    && self.is_name_token(doc, k)
            })
            .unwrap_or(i)
    }

    /// True when a name set off by commas starts at token `n`, after a title or its
    /// complement ("the District Commissioner, Agness Mulenga Tembo, met"): two name tokens or
    /// more up to a comma, bracket or the sentence's end, none of them the head of a body or a
    /// department ("Vice President, Investor Relations"), and no known place or body.
    fn comma_name(&self, doc: &Doc, n: usize) -> bool {
        self.name_run(doc, n).is_some_and(|(e, c)| {
            c >= 2
                && (matches!(doc.word(e), "," | ")" | ".") || !doc.same_sentence(n, e))
                && !(n..e).any(|t| {
                    self.head(doc.word(t)).is_some()
                        || self.name_cue(doc.word(t), NameCue::Department)
                })
                && !self.gaz_covers(doc, n, e)
        })
    }

    /// The first token of the name after a title's complement that runs from token `from`
    /// (the complement's preposition is token `j`): the first given name that opens a name of
    /// two tokens or more, or a name of two tokens or more set off by a comma ("The Executive
    /// Director of UNODC, Ghada Waly, said"); only the latter when `comma_only` (the
    /// complement's words might be the name: "Minister of Foreign Affairs Bùi Thanh Hà and").
    fn name_after_complement(
        &self,
        doc: &Doc,
        j: usize,
        from: usize,
        comma_only: bool,
    ) -> Option<usize> {
        let mut m = from;
        while m < doc.tokens.len() && m < j + 12 && doc.same_sentence(j, m) {
            let w = doc.word(m);
            if !comma_only
                && doc.is_word(m)
                && is_capitalized(w)
                && doc.gazetteer.given_name(w).is_some()
                && self.name_run(doc, m).is_some_and(|(_, n)| n >= 2)
            {
                return Some(m);
            }
            if w == "," && m > from && self.comma_name(doc, m + 1) {
                return Some(m + 1);
            }
            let cont = (doc.is_word(m) && (is_capitalized(w) || COMPLEMENT_WORDS.contains(&w)))
                || w == "-"
                || w == "&";
            if !cont {
                return None;
            }
            m += 1;
        }
        None
    }

    /// True when token `i`, first of the name run ending before `end`, is a title that is
    /// also a given name, before two or more name tokens: "Justice Mphatso Banda-Chirwa"
    /// (but "Justice Mwale" may be a person named Justice).
    fn is_given_title(&self, doc: &Doc, i: usize, end: usize) -> bool {
        end >= i + 3
            && doc.gazetteer.is_title_word(doc.word(i))
            && doc
                .gazetteer
                .given_name(doc.word(i))
                .is_some_and(|g| g.ambiguous)
    }

    fn span_of(&self, doc: &Doc, from: usize, to: usize) -> Span {
        Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)
    }

    /// The ORG or LOC that a title is linked to: just before it, or in its complement.
    fn affiliation(&self, doc: &Doc, title: Span, orgs: &[Span]) -> Option<Span> {
        let before = doc.text[..title.start].trim_end();
        let before = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .unwrap_or(before);
        let end = before.len();
        // `orgs` is sorted by start: look only at the spans near the title.
        let near = |from: usize, to: usize| {
            let a = orgs.partition_point(|o| o.start < from);
            let b = orgs.partition_point(|o| o.start < to);
            &orgs[a..b.max(a)]
        };
        if let Some(o) = near(end.saturating_sub(400), end)
            .iter()
            .find(|o| o.end == end)
        {
            return Some(*o);
        }
        if let Some(g) = doc
            .gaz_ending(end)
            .filter(|g| doc.gaz_kind(g) == EntryKind::Org)
        {
            return Some(g.span);
        }
        let inside = |s: &Span| title.contains(s);
        near(title.start, title.end)
            .iter()
            .copied()
            .find(inside)
            .or_else(|| {
                doc.gaz_within(title)
                    .iter()
                    .filter(|g| matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc))
                    .map(|g| g.span)
                    .find(inside)
            })
    }

    /// An ORG or LOC mention starting at token `k` (after an optional "the").
    fn body_at(&self, doc: &Doc, mut k: usize, orgs: &[Span]) -> Option<Span> {
        if doc.word(k).eq_ignore_ascii_case("the") {
            k += 1;
        }
        let at = doc.tokens.get(k)?.span.start;
        let i = orgs.partition_point(|o| o.start < at);
        if let Some(o) = orgs.get(i).filter(|o| o.start == at) {
            return Some(*o);
        }
        doc.gaz_starting(at)
            .filter(|g| matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc))
            .map(|g| g.span)
    }

    /// The complement of a title that ends before token `k`: "Minister [of Health] of Ghana",
    /// "head [of policy] at the Clean Oceans Alliance". Returns the end of the title with its
    /// complement and the ORG or LOC the complement names (its affiliation), when a
    /// preposition within a few words leads to one.
    fn title_complement(&self, doc: &Doc, k: usize, orgs: &[Span]) -> Option<(usize, Span)> {
        let first = k;
        let mut m = k;
        while m < doc.tokens.len() && m < first + 8 && doc.same_sentence(first, m) {
            let w = doc.word(m);
            if AFFILIATION_PREPOSITIONS.contains(&w) {
                if let Some(body) = self.body_at(doc, m + 1, orgs) {
                    let end = if m == first {
                        doc.tokens[first].span.start
                    } else {
                        doc.tokens[m - 1].span.end
                    };
                    return Some((end, body));
                }
            } else if !doc.is_word(m) && w != "-" {
                return None;
            }
            m += 1;
        }
        None
    }

    /// Finds people; `orgs` are the organization spans found so far (for affiliations).
    pub fn people(&self, doc: &Doc, orgs: &[Span]) -> Vec<PersonCand> {
        let mut out = Vec::new();
        self.titled(doc, orgs, &mut out);
        self.given_names(doc, &mut out);
        self.speakers(doc, &mut out);
        self.appositions(doc, orgs, &mut out);
        self.contacts(doc, &mut out);
        self.ages(doc, &mut out);
        self.credits(doc, &mut out);
        self.coordinated(doc, &mut out);
        // "Eduardo Mondlane Avenue", "Long Sutton Road": a street or place, not a person.
        out.retain(|c| {
            let next = doc.token_at(c.span.end);
            let place_word = |t: usize| self.name_cue(doc.word(t), NameCue::PlaceWord);
            let place = |t: usize| place_word(t) || self.name_cue(doc.word(t), NameCue::PlaceAfter);
            let ends_in_place = next > 0 && place_word(next - 1);
            let place_follows = next < doc.tokens.len()
                && doc.same_sentence(next.saturating_sub(1), next)
                && place(next);
            !(ends_in_place || place_follows)
        });
        // Rules that find the same person may each see part of the picture ("H.E. Mr. X,
        // Permanent Representative of Qatar"): share titles and affiliations.
        out.sort_by_key(|c| (c.span.start, c.span.end));
        let mut i = 0;
        while i < out.len() {
            let j = i + out[i..]
                .iter()
                .take_while(|c| c.span == out[i].span)
                .count();
            let group = &out[i..j];
            let best = group
                .iter()
                .find(|c| c.affiliation.is_some())
                .or_else(|| group.iter().find(|c| c.title.is_some()))
                .map(|c| (c.title, c.affiliation));
            if let Some((title, affiliation)) = best {
                for c in &mut out[i..j] {
                    c.title = c.title.or(title);
                    c.affiliation = c.affiliation.or(affiliation);
                }
            }
            i = j;
        }
        out
    }

    fn titled(&self, doc: &Doc, orgs: &[Span], out: &mut Vec<PersonCand>) {
        let mut k = 0;
        while k < doc.gaz.len() {
            let g = &doc.gaz[k];
            k += 1;
            if doc.gaz_kind(g) != EntryKind::Title {
                continue;
            }
            let entry = doc.gazetteer.entry(g.entry);
            let mut title: Option<Span> = (&*entry.subtype != "honorific").then_some(g.span);
            // Chained titles: "H.E. Mr.", "Deputy Prime Minister".
            let mut end = g.span.end;
            while let Some(next) = doc.gaz.get(k).filter(|n| {
                doc.gaz_kind(n) == EntryKind::Title && doc.text[end..n.span.start].trim().is_empty()
            }) {
                if &*doc.gazetteer.entry(next.entry).subtype != "honorific" {
                    title = Some(Span::new(
                        title.map_or(next.span.start, |t| t.start),
                        next.span.end,
                    ));
                }
                end = next.span.end;
                k += 1;
            }
            let mut j = doc.token_at(end);
            // The honorific's own period: "Mr." — the title match may end before it.
            if doc.word(j) == "." && doc.tokens[j].span.start == end {
                j += 1;
            }
            if j >= doc.tokens.len() || !doc.same_sentence(doc.token_at(g.span.start), j) {
                continue;
            }
            // "Minister of Energy Transition and Water Transformation, Lim Wei Sheng": a title
            // that ends in a complement may go on in capitals and "and" before the name.
            let title_text = title.map_or("", |t| t.slice(doc.text));
            let open_complement = title_text
                .split_whitespace()
                .any(|w| COMPLEMENT_WORDS[..3].contains(&w))
                && doc.is_word(j)
                && is_capitalized(doc.word(j))
                && self
                    .name_run(doc, j)
                    .is_some_and(|(e, _)| matches!(doc.word(e), "and" | "&"));
            let name_start = if COMPLEMENT_WORDS[..3].contains(&doc.word(j)) || open_complement {
                // "Special Rapporteur on Torture Alice Edwards": the name starts at the first
                // given name after the complement.
                let from = if open_complement { j } else { j + 1 };
                match self.name_after_complement(doc, j, from, open_complement) {
                    Some(m) => {
                        let last = if doc.word(m - 1) == "," { m - 2 } else { m - 1 };
                        let tail = doc.tokens[last].span.end;
                        title = title.map(|t| Span::new(t.start, tail));
                        m
                    }
                    // The capitals after the title were the name after all.
                    None if open_complement => j,
                    None => continue,
                }
            } else if doc.word(j) == "," {
                // "the District Commissioner, Agness Mulenga Tembo, met": the name set off by
                // commas after the title.
                let n = j + 1;
                if !(doc.same_sentence(j, n) && self.comma_name(doc, n)) {
                    continue;
                }
                n
            } else {
                j
            };
            let Some((end_tok, n)) = self.name_run(doc, name_start) else {
                continue;
            };
            if n == 0 {
                continue;
            }
            let name_start = self.name_start(doc, name_start, end_tok);
            let span = self.span_of(doc, name_start, end_tok);
            // "Minister of Health of Ghana": the complement's ORG or LOC is the affiliation,
            // not part of the title.
            let mut affiliation = None;
            if let Some(t) = title {
                let after = doc.token_at(t.start);
                let first =
                    (after..name_start).find(|&x| AFFILIATION_PREPOSITIONS.contains(&doc.word(x)));
                if let Some((cut, body)) = first.and_then(|f| self.title_complement(doc, f, orgs)) {
                    if body.end <= span.start {
                        title = Some(Span::new(t.start, cut.max(t.start)));
                        affiliation = Some(body);
                    }
                }
            }
            let mut affiliation =
                affiliation.or_else(|| title.and_then(|t| self.affiliation(doc, t, orgs)));
            // "Ambassador Ana Ruiz of Mexico": a body right after the name.
            if affiliation.is_none() && doc.word(end_tok) == "of" {
                affiliation = self.body_at(doc, end_tok + 1, orgs);
            }
            out.push(PersonCand {
                span,
                title,
                affiliation,
                rule: "person_title",
            });
        }
    }

    fn given_names(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        for i in 0..doc.tokens.len() {
            if doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let w = doc.word(i);
            if !is_capitalized(w) || is_all_caps(w) && w.len() > 1 {
                continue;
            }
            let Some(given) = doc.gazetteer.given_name(w) else {
                continue;
            };
            if !self.is_name_token(doc, i)
                || !(self.is_name_token(doc, i + 1) || self.particles_at(doc, i + 1) > 0)
                || !doc.same_sentence(i, i + 1)
            {
                continue;
            }
            if self.head(doc.word(i + 1)).is_some() {
                continue;
            }
            // Right after another name token, this is a middle or family name, not a start.
            if i > 0 && self.is_name_token(doc, i - 1) && doc.same_sentence(i - 1, i) {
                continue;
            }
            let Some((end, n)) = self.name_run(doc, i) else {
                continue;
            };
            if n < 2 {
                continue;
            }
            // "in Sierra Gorda", "near Santa Rosa": after a place context, a given name
            // that is also a place's starts a place.
            if given.ambiguous
                && i > 0
                && doc.same_sentence(i - 1, i)
                && self.place_word(doc.word(i - 1), PlaceWord::PlaceContext)
            {
                continue;
            }
            // "Chase Near Border" in a Title Case headline: a given name that is also a
            // word says nothing there, unless the name fills a field of a contact line.
            if given.ambiguous && doc.title_case(i) && !doc.is_field(i, end) {
                continue;
            }
            if given.ambiguous && doc.sentence_initial(i) {
                // "Will Member States…", "May God…": ask for a speech verb or a comma after.
                let after = doc.word(end);
                if !(after == "," || self.name_cue(after, NameCue::Speech)) {
                    continue;
                }
            }
            // "Justice Mphatso Banda-Chirwa": a title that is also a given name, before two or
            // more name tokens, is the title.
            let titled = n >= 3 && self.is_given_title(doc, i, end);
            let start = if titled { i + 1 } else { i };
            out.push(PersonCand {
                span: self.span_of(doc, start, end),
                title: titled.then_some(doc.tokens[i].span),
                affiliation: None,
                rule: "person_given",
            });
        }
    }

    /// The start of the run of two to four names (initials included: "Kimberly A. Voss") that
    /// ends just before token `end`.
    fn run_before(&self, doc: &Doc, end: usize) -> Option<usize> {
        let (mut s, mut names) = (end, 0);
        while s > 0 && doc.same_sentence(s - 1, end.saturating_sub(1)) && names < 5 {
            if self.is_name_token(doc, s - 1) {
                s -= 1;
            } else if s >= 2
                && doc.word(s - 1) == "."
                && self.is_initial(doc, s - 2)
                // "H.E. Moussa Faki Mahamat": an honorific, not initials.
                && ![s - 1, s - 2].iter().any(|&k| {
                    doc.gaz_ending(doc.tokens[k].span.end)
                        .is_some_and(|g| doc.gaz_kind(g) == EntryKind::Title)
                })
            {
                s -= 2;
            } else {
                break;
            }
            names += 1;
        }
        (2..=4)
            .contains(&names)
            .then(|| self.name_start(doc, s, end))
    }

    /// The span of the name at tokens `s..end` unless it is a body's or a listed name.
    fn bare_name(&self, doc: &Doc, s: usize, end: usize) -> Option<Span> {
        let orgish = (s..end).any(|t| self.head(doc.word(t)).is_some());
        (!orgish && !self.gaz_covers(doc, s, end)).then(|| self.span_of(doc, s, end))
    }

    fn speakers(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        for v in 0..doc.tokens.len() {
            let w = doc.word(v);
            let according = w == "according" && doc.word(v + 1) == "to";
            // "led by X", "chaired by X"; "colleagues, X and Y".
            let cue = self.name_cue(w, NameCue::Before);
            let by = cue && doc.word(v + 1) == "by";
            let comma = cue && doc.word(v + 1) == ",";
            if !self.name_cue(w, NameCue::Speech) && !according && !cue {
                continue;
            }
            let after = if according || by || comma {
                v + 2
            } else {
                v + 1
            };
            if let Some((end, n)) = self
                .name_run(doc, after)
                .filter(|_| doc.same_sentence(v, after))
            {
                let orgish = (after..end).any(|t| {
                    matches!(
                        self.head(doc.word(t)),
                        Some(HeadKind::Head | HeadKind::Institution)
                    )
                });
                // "said U.S. Attorney X": a title in the run is the title rule's to read.
                let titled = (after..end).any(|t| {
                    doc.gaz_starting(doc.tokens[t].span.start)
                        .is_some_and(|g| doc.gaz_kind(g) == EntryKind::Title)
                });
                if (2..=4).contains(&n) && !orgish && !titled && !self.gaz_covers(doc, after, end) {
                    out.push(PersonCand::bare(
                        self.span_of(doc, after, end),
                        "person_speaker",
                    ));
                }
            }
            if !according && !cue && v > 0 {
                if let Some(s) = self.run_before(doc, v) {
                    if let Some(span) = self.bare_name(doc, s, v) {
                        out.push(PersonCand::bare(span, "person_speaker"));
                    }
                }
            }
        }
    }

    /// True when a gazetteer ORG or LOC covers any of tokens `from..to` (beyond a single token).
    fn gaz_covers(&self, doc: &Doc, from: usize, to: usize) -> bool {
        let span = self.span_of(doc, from, to);
        let window = Span::new(span.start.saturating_sub(200), span.end);
        doc.gaz_within(window).iter().any(|g| {
            matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc)
                && g.span.overlaps(&span)
                && !(from..to).any(|t| doc.tokens[t].span == g.span)
        })
    }

    /// The people of contact lines: a name at the start of a line (or after "In Dhaka:")
    /// followed by a phone number or an e-mail address ("Nusrat Jahan Mitu, +880 1711 555"),
    /// by a labelled one ("Anitta Hietanen-Moreau, Phone: +32 2 298"), or by one field and
    /// then the number ("Choi Min-ji, Nuri Semiconductor Inc., +82 31 5180").
    fn contacts(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        let mut last_comma: Option<usize> = None;
        for c in 1..doc.tokens.len() {
            if doc.word(c) != "," {
                continue;
            }
            let previous = last_comma.replace(c);
            if !self.reachable_after(doc, c) {
                continue;
            }
            // The name fills the line's first field: this one, or the one before it on the
            // same line.
            let one_field_before = previous.filter(|&p| {
                c - p <= 12
                    && !doc.text[doc.tokens[p].span.end..doc.tokens[c].span.start].contains('\n')
            });
            for field_end in std::iter::once(c).chain(one_field_before) {
                let Some(s) = self.run_before(doc, field_end) else {
                    continue;
                };
                let line_head = doc.text[..doc.tokens[s].span.start]
                    .trim_end_matches([' ', '\t'])
                    .chars()
                    .next_back()
                    .is_none_or(|ch| matches!(ch, '\n' | ':' | '–' | '-'));
                if let Some(span) = self.bare_name(doc, s, field_end).filter(|_| line_head) {
                    out.push(PersonCand::bare(span, "person_contact"));
                    break;
                }
            }
        }
    }

    /// The people whose age follows their name, as news writes it: "Kimberly A. Voss, 47, the
    /// former billing manager", "Daw Khin Mar Lwin, 38, a teacher".
    fn ages(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        for c in 1..doc.tokens.len().saturating_sub(2) {
            let age = doc.word(c + 1);
            let is_age = doc.word(c) == ","
                && (1..=3).contains(&age.len())
                && age.bytes().all(|b| b.is_ascii_digit())
                && matches!(doc.word(c + 2), "," | ")" | ".")
                && doc.same_sentence(c, c + 2);
            if !is_age {
                continue;
            }
            if let Some(span) = self
                .run_before(doc, c)
                .and_then(|s| self.bare_name(doc, s, c))
            {
                out.push(PersonCand::bare(span, "person_age"));
            }
        }
    }

    /// True when a phone number or an e-mail address follows token `c` (a comma), maybe
    /// after a label ("Phone:", "Tel.", "E-mail:").
    fn reachable_after(&self, doc: &Doc, c: usize) -> bool {
        let reachable = |i: usize| {
            let next = doc.tokens.get(i).map_or("", |t| &doc.text[t.span.start..]);
            next.starts_with('+')
                || next.starts_with(|ch: char| ch.is_ascii_digit())
                || next
                    .split(|ch: char| ch.is_whitespace() || ch == ',')
                    .next()
                    .is_some_and(|w| w.contains('@'))
        };
        let labelled = self.name_cue(doc.word(c + 1), NameCue::ContactLabel)
            && matches!(doc.word(c + 2), ":" | ".")
            && reachable(c + 3);
        reachable(c + 1) || labelled
    }

    /// The people of a list of names that starts at token `i`: "X", "X and Y", "X, Y and Z"
    /// (each name of two tokens or more, not a known place or body), pushed with `rule`.
    fn name_list(&self, doc: &Doc, mut i: usize, rule: &'static str, out: &mut Vec<PersonCand>) {
        while let Some((end, n)) = self.name_run(doc, i) {
            let orgish = (i..end).any(|t| self.head(doc.word(t)).is_some());
            if n < 2 || orgish || self.gaz_covers(doc, i, end) {
                return;
            }
            out.push(PersonCand::bare(self.span_of(doc, i, end), rule));
            match doc.word(end) {
                "and" | "," if doc.same_sentence(end, end + 1) => i = end + 1,
                _ => return,
            }
            if doc.word(i) == "and" {
                i += 1;
            }
        }
    }

    /// Bylines and credits: "By Nargiza Abdullaeva and Pavel Sokolov" on a line of its own,
    /// "(Reporting by X; Editing by Y and Z)", and the person after the slash of a photo
    /// credit ("Photo: WFP/Abdirahman Yusuf").
    fn credits(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        // The line of the current token, found as the scan passes each line break once.
        let mut line_start = 0;
        let mut line_end: Option<usize> = None;
        let mut scanned = 0;
        for k in 0..doc.tokens.len() {
            let at = doc.tokens[k].span.start;
            if let Some(nl) = doc.text[scanned..at].rfind('\n') {
                line_start = scanned + nl + 1;
                line_end = None;
            }
            scanned = at;
            let w = doc.word(k);
            if !matches!(w, "By" | "by" | "/") {
                continue;
            }
            let end = *line_end.get_or_insert_with(|| {
                doc.text[at..].find('\n').map_or(doc.text.len(), |p| at + p)
            });
            let line = &doc.text[line_start..end];
            let first_on_line = doc.text[line_start..at].trim().is_empty();
            let byline = w == "By" && first_on_line && line.len() <= 100;
            let credit = w != "/" && k > 0 && self.name_cue(doc.word(k - 1), NameCue::Credit);
            // "Photo: WFP/Name", "Credit: …", "© …": a line that opens with a credit word.
            let first_word = line
                .trim_start()
                .split(|c: char| c.is_whitespace() || c == ':')
                .next()
                .unwrap_or("");
            let photo_line = w == "/" && self.name_cue(first_word, NameCue::Credit);
            if byline || credit || photo_line {
                self.name_list(doc, k + 1, "person_credit", out);
            }
        }
    }

    /// A second person joined to a found one: "Trial Attorneys Samuel Oyelaran and Mei-Ling
    /// Chou", "founded by Ingrid Halvorsen and Mattias Lindqvist".
    fn coordinated(&self, doc: &Doc, out: &mut Vec<PersonCand>) {
        let mut extra = Vec::new();
        let starts: std::collections::HashSet<usize> = out.iter().map(|o| o.span.start).collect();
        for c in out.iter() {
            let and = doc.token_at(c.span.end);
            if and + 1 < doc.tokens.len()
                && doc.word(and) == "and"
                && doc.same_sentence(and, and + 1)
                && !starts.contains(&doc.tokens[and + 1].span.start)
            {
                self.name_list(doc, and + 1, "person_coordinated", &mut extra);
            }
        }
        out.extend(extra);
    }

    fn appositions(&self, doc: &Doc, orgs: &[Span], out: &mut Vec<PersonCand>) {
        for c in 0..doc.tokens.len() {
            if doc.word(c) != "," || c < 2 {
                continue;
            }
            let Some(s) = self.run_before(doc, c) else {
                continue;
            };
            if s > 0 && self.is_name_token(doc, s - 1) {
                continue;
            }
            // "the Minister of Foreign Affairs, Ambassador X": the run is the tail of a title's
            // complement, or a department, not a name.
            let complement_tail = s > 0 && COMPLEMENT_WORDS[..3].contains(&doc.word(s - 1));
            if doc.word(c + 1) == "and"
                || complement_tail
                || (s..c).any(|k| self.name_cue(doc.word(k), NameCue::Department))
            {
                continue;
            }
            // A title within the next three tokens: ", the Executive Director of …".
            let Some(t) = (c + 1..(c + 4).min(doc.tokens.len())).find_map(|k| {
                doc.gaz_starting(doc.tokens[k].span.start)
                    .filter(|g| doc.gaz_kind(g) == EntryKind::Title)
            }) else {
                continue;
            };
            if self.gaz_covers(doc, s, c) || (s..c).any(|k| self.head(doc.word(k)).is_some()) {
                continue;
            }
            // The title runs to its "of/at ORG" complement, which is the affiliation.
            let k = doc.token_at(t.span.end);
            if let Some((cut, body)) = self.title_complement(doc, k, orgs) {
                out.push(PersonCand {
                    span: self.span_of(doc, s, c),
                    title: Some(Span::new(t.span.start, cut.max(t.span.end))),
                    affiliation: Some(body),
                    rule: "person_apposition",
                });
                continue;
            }
            // Otherwise a body before the title ("UNODC Executive Director") or inside it.
            let affiliation = self.affiliation(doc, t.span, orgs);
            out.push(PersonCand {
                span: self.span_of(doc, s, c),
                title: Some(t.span),
                affiliation,
                rule: "person_apposition",
            });
        }
    }
}

/// Turns person candidates into mentions.
pub fn mentions(
    cands: Vec<PersonCand>,
    sources: &dyn Fn(&'static str) -> Arc<str>,
) -> Vec<Mention> {
    cands
        .into_iter()
        .map(|c| {
            let rank = match c.rule {
                "person_title" => 6,
                "person_apposition" => 5,
                "person_given" => 4,
                _ => 3,
            };
            let mut m = Mention::new(c.span, EntityKind::Person, sources(c.rule), rank);
            m.title = c.title;
            m.affiliation = c.affiliation;
            m
        })
        .collect()
}
