//! Rules for the names no list has: people ([`person`]), organizations ([`org`]) and places
//! ([`loc`]), working on tokens and on what the gazetteers found.
//!
//! The word lists the rules use are data: organization heads and company suffixes
//! (`gazetteers/org_heads.tsv`), words that are never part of a name
//! (`gazetteers/not_names.tsv`), words that announce a name (`gazetteers/name_cues.tsv`),
//! titles and given names (the gazetteers).

pub mod loc;
pub mod org;
pub mod person;

use crate::data;
use crate::error::Result;
use crate::gazetteer::{EntryKind, GazMatch, Gazetteer};
use crate::text::Span;
use crate::tokens::{Token, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How an organization head word behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// Takes modifiers before it and/or a complement after it.
    Head,
    /// Names a body only with an "of …" complement.
    HeadOf,
    /// A company-form suffix.
    Suffix,
    /// A head that names a body even when its only modifiers are general words ("Supreme
    /// Court", "National Assembly", "Federal Police"); otherwise a [`HeadKind::Head`].
    Institution,
    /// A head written first, as in Romance languages: "Grupo Sierra Nevada", "Banco
    /// Santander", "Instituto Nacional de Estadística".
    Prefix,
}

/// How a word announces a person's name (`gazetteers/name_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCue {
    /// A verb of saying: the name follows ("said X") or precedes it ("X said").
    Speech,
    /// The name follows it: "appointed X", "led by X", "journalist X".
    Before,
    /// A word after a capitalized run that makes it a street, a place or a facility named
    /// after someone ("Eduardo Mondlane Avenue"), not a person.
    PlaceAfter,
    /// A [`NameCue::PlaceAfter`] word that is never a surname: a run ending in it is no
    /// person either ("Eduardo Mondlane Avenue", "Clark County").
    PlaceWord,
    /// A title before a family name written alone ("President Xi", "Mr. Noda").
    SurnameTitle,
    /// A credit that names people after "by" ("Reporting by X and Y; Editing by Z").
    Credit,
    /// The label of a phone number or address in a contact line ("Anitta Hietanen-Moreau,
    /// Phone: +32 2 298 56 91").
    ContactLabel,
    /// A word naming a department or function, which may follow a title after a comma
    /// ("Vice President, Investor Relations"): no person's name.
    Department,
}

/// What a word of `gazetteers/org_words.tsv` does in the organization patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgWord {
    /// A modifier that names no body on its own ("Executive Board").
    Generic,
    /// A word that never starts a name but may continue a complement ("… and Law
    /// Enforcement Affairs").
    Complement,
    /// A level of government before "Government of" ("County Government of Turkana").
    GovernmentLevel,
    /// A word that makes an "Office" one of a body's offices ("UNICEF Kenya Country Office").
    OfficeKind,
    /// A word that is never part of a company's name though it is capitalized before one: a
    /// headline's verb ("… to Acquire Volthaus GmbH") or a wire service's label ("SOURCE
    /// Kestrel Grid plc").
    NotCompany,
    /// An acronym that names no body: a currency, a time zone, a role or a measure ("USD",
    /// "GMT", "CEO", "GDP").
    NotAcronym,
    /// A lowercase word after which an unknown acronym is a body that acts or is named (a
    /// verb or a function word: "YPFB said", "YPFB and …"), not a modifier ("the SMART
    /// survey").
    AcronymActs,
    /// The members a board is made of: as a whole "of …" complement they name no body
    /// ("its Board of Directors", "the Board of Trustees").
    Members,
    /// A head that, after a body's acronym, names one of the body's organs ("SADC
    /// Secretariat", "AU Commission").
    Organ,
    /// A word that makes a unit a press or communications office, which a release names in
    /// its contacts but which is no body of its own ("Public Affairs Unit", "Strategic
    /// Communications Division").
    PressUnit,
    /// The head of a unit inside a body ("Unit", "Division", "Office"): with a `PressUnit`
    /// word it names a press office.
    Unit,
    /// A lowercase word that joins the words of a name written head first, besides the name
    /// particles ("Mouvement pour la Renaissance du Nord", "Frente para la Victoria").
    Connector,
}

/// How many kinds [`OrgWord`] has (its last variant plus one).
const ORG_WORD_KINDS: usize = OrgWord::Connector as usize + 1;

/// What a word of `gazetteers/place_words.tsv` does in the place rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceWord {
    /// Ends a natural feature's name ("Surma River").
    FeatureAfter,
    /// Starts a natural feature's name ("Lake Kariba").
    FeatureBefore,
    /// Puts a town of the look-up list after it ("near Kutum").
    TownContext,
    /// A settlement word that takes "of" before a place ("the town of Maamba").
    SettlementOf,
    /// A town context strong enough that an unknown single capitalized word after it is a
    /// place ("in Macomia", "near Kaaleng"); a [`PlaceWord::TownContext`] too.
    PlaceContext,
    /// A capitalized word that follows "in" without being a place: a language ("in Arabic").
    NotPlace,
}

/// The word lists of the rules. Build once; share across threads.
#[derive(Debug, Clone)]
pub struct Rules {
    heads: HashMap<String, HeadKind>,
    not_names: HashSet<String>,
    starters: HashSet<String>,
    name_cues: HashMap<String, NameCue>,
    place_words: HashMap<String, PlaceWord>,
    /// The words of `org_words.tsv`, one set per [`OrgWord`] kind.
    org_words: [HashSet<String>; ORG_WORD_KINDS],
}

impl Rules {
    /// The rules with the built-in lists; `extra_not_names` adds words (months, weekdays,
    /// sentence starters) that other stages own.
    pub fn new<'a>(extra_not_names: impl IntoIterator<Item = &'a str>) -> Result<Rules> {
        let heads = data::kinds("org_heads.tsv", data::ORG_HEADS, |k| match k {
            "head" => Some(HeadKind::Head),
            "head_of" => Some(HeadKind::HeadOf),
            "suffix" => Some(HeadKind::Suffix),
            "institution" => Some(HeadKind::Institution),
            "prefix" => Some(HeadKind::Prefix),
            _ => None,
        })?;
        let not_names: HashSet<String> = data::rows("not_names.tsv", data::NOT_NAMES, 1)?
            .into_iter()
            .map(|r| r.fields[0].to_string())
            .collect();
        let starters: HashSet<String> = extra_not_names.into_iter().map(String::from).collect();
        let name_cues = data::kinds("name_cues.tsv", data::NAME_CUES, |k| match k {
            "speech" => Some(NameCue::Speech),
            "before" => Some(NameCue::Before),
            "place_after" => Some(NameCue::PlaceAfter),
            "place_word" => Some(NameCue::PlaceWord),
            "credit" => Some(NameCue::Credit),
            "surname_title" => Some(NameCue::SurnameTitle),
            "contact_label" => Some(NameCue::ContactLabel),
            "department" => Some(NameCue::Department),
            _ => None,
        })?;
        let place_words = data::kinds("place_words.tsv", data::PLACE_WORDS, |k| match k {
            "feature_after" => Some(PlaceWord::FeatureAfter),
            "feature_before" => Some(PlaceWord::FeatureBefore),
            "town_context" => Some(PlaceWord::TownContext),
            "settlement_of" => Some(PlaceWord::SettlementOf),
            "place_context" => Some(PlaceWord::PlaceContext),
            "not_place" => Some(PlaceWord::NotPlace),
            _ => None,
        })?;
        let mut org_words: [HashSet<String>; ORG_WORD_KINDS] = Default::default();
        for row in data::rows("org_words.tsv", data::ORG_WORDS, 2)? {
            let kind = match row.fields[1] {
                "generic" => OrgWord::Generic,
                "complement" => OrgWord::Complement,
                "government_level" => OrgWord::GovernmentLevel,
                "office_kind" => OrgWord::OfficeKind,
                "not_company" => OrgWord::NotCompany,
                "not_acronym" => OrgWord::NotAcronym,
                "acronym_acts" => OrgWord::AcronymActs,
                "members" => OrgWord::Members,
                "organ" => OrgWord::Organ,
                "press_unit" => OrgWord::PressUnit,
                "unit" => OrgWord::Unit,
                "connector" => OrgWord::Connector,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            org_words[kind as usize].insert(row.fields[0].to_string());
        }
        Ok(Rules {
            heads,
            not_names,
            starters,
            name_cues,
            place_words,
            org_words,
        })
    }

    /// True when `word` (as written) plays the part `kind` in the organization patterns.
    pub fn org_word(&self, word: &str, kind: OrgWord) -> bool {
        self.org_words[kind as usize].contains(word)
    }

    /// True when `word` plays the part `kind` in the place rules. Feature words match in
    /// their case; town context and settlement words in any case ("In", "Town").
    pub fn place_word(&self, word: &str, kind: PlaceWord) -> bool {
        match kind {
            PlaceWord::FeatureAfter | PlaceWord::FeatureBefore | PlaceWord::NotPlace => {
                self.place_words.get(word) == Some(&kind)
            }
            PlaceWord::TownContext | PlaceWord::SettlementOf | PlaceWord::PlaceContext => {
                let found = self.place_words.get(word).or_else(|| {
                    word.starts_with(|c: char| c.is_ascii_uppercase())
                        .then(|| self.place_words.get(&word.to_ascii_lowercase()))
                        .flatten()
                });
                found == Some(&kind)
                    || (kind == PlaceWord::TownContext && found == Some(&PlaceWord::PlaceContext))
            }
        }
    }

    /// True when `word` announces a name the way `kind` says.
    pub fn name_cue(&self, word: &str, kind: NameCue) -> bool {
        self.name_cues.get(word) == Some(&kind)
    }

    /// The head kind of `word`, if it heads organization names.
    pub fn head(&self, word: &str) -> Option<HeadKind> {
        self.heads.get(word).copied()
    }

    /// True when `word` is never part of a name.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word) || self.starters.contains(word)
    }

    /// True when `word` is a sentence starter, month or weekday (the words other stages add to
    /// [`Rules::is_not_name`]): not even part of a company's name, where the common words of
    /// `not_names.tsv` may be ("Global Trading Ltd.").
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// Words a Title Case headline leaves in lowercase.
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "by", "for", "as",
    "per", "via", "vs", "with", "from", "into", "over", "after", "amid", "than", "that", "upon",
    "onto", "under",
];

/// What the rules see of a document.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Its sentences.
    pub sentences: &'a [Span],
    /// Gazetteer matches, sorted, non-overlapping.
    pub gaz: &'a [GazMatch],
    /// The gazetteer (given names, particles, entries).
    pub gazetteer: &'a Gazetteer,
    /// The sentence index of each token.
    pub token_sentence: Vec<usize>,
    /// Whether each sentence is written in Title Case.
    title_case: Vec<bool>,
    /// The index of the first word token of each sentence.
    first_word: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// Bundles a document for the rules.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [Span],
        gaz: &'a [GazMatch],
        gazetteer: &'a Gazetteer,
    ) -> Doc<'a> {
        let mut token_sentence = Vec::with_capacity(tokens.len());
        let mut s = 0;
        for t in tokens {
            while s + 1 < sentences.len() && sentences[s].end <= t.span.start {
                s += 1;
            }
            token_sentence.push(s);
        }
        // A Title Case headline capitalizes every word but short function words.
        let mut counts = vec![(0usize, 0usize); sentences.len()];
        for (t, &s) in tokens.iter().zip(&token_sentence) {
            let w = t.span.slice(text);
            if t.kind == TokenKind::Word
                && w.len() > 1
                && s < counts.len()
                && !TITLE_CASE_LOWER.contains(&w)
            {
                counts[s].0 += 1;
                counts[s].1 += usize::from(crate::text::is_capitalized(w));
            }
        }
        let title_case = counts
            .iter()
            .map(|&(words, caps)| words >= 4 && caps == words)
            .collect();
        let mut first_word = vec![usize::MAX; sentences.len()];
        for (i, (t, &s)) in tokens.iter().zip(&token_sentence).enumerate() {
            if t.kind != TokenKind::Punct && s < first_word.len() && first_word[s] == usize::MAX {
                first_word[s] = i;
            }
        }
        Doc {
            text,
            tokens,
            sentences,
            gaz,
            gazetteer,
            token_sentence,
            title_case,
            first_word,
        }
    }

    /// True when token `i` is in a sentence written in Title Case (a headline), where
    /// capitals say nothing about names.
    pub fn title_case(&self, i: usize) -> bool {
        self.title_case
            .get(self.token_sentence[i])
            .copied()
            .unwrap_or(false)
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True when tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        j < self.tokens.len() && self.token_sentence[i] == self.token_sentence[j]
    }

    /// True when token `i` is the first word of its sentence (possibly after an opening
    /// quote or bracket).
    pub fn sentence_initial(&self, i: usize) -> bool {
        self.first_word
            .get(self.token_sentence[i])
            .is_none_or(|&f| f >= i)
    }

    /// True when tokens `start..end` fill a field of a list or label line: each side is
    /// the sentence's edge or a separator (",", ";", ":", a bracket).
    pub fn is_field(&self, start: usize, end: usize) -> bool {
        let separator = |i: usize| matches!(self.word(i), "," | ";" | ":" | "(" | ")");
        let left = self.sentence_initial(start)
            || (start > 0 && self.same_sentence(start - 1, start) && separator(start - 1));
        let right = !self.same_sentence(start, end) || separator(end);
        left && right
    }

    /// The gazetteer matches that lie inside `span`.
    pub fn gaz_within(&self, span: Span) -> &'a [GazMatch] {
        let a = self.gaz.partition_point(|g| g.span.start < span.start);
        let b = self.gaz.partition_point(|g| g.span.start < span.end);
        &self.gaz[a..b.max(a)]
    }

    /// The gazetteer match that starts exactly at byte `at`.
    pub fn gaz_starting(&self, at: usize) -> Option<&'a GazMatch> {
        let k = self.gaz.partition_point(|g| g.span.start < at);
        self.gaz.get(k).filter(|g| g.span.start == at)
    }

    /// The gazetteer match that ends exactly at byte `at`.
    pub fn gaz_ending(&self, at: usize) -> Option<&'a GazMatch> {
        let k = self.gaz.partition_point(|g| g.span.end < at);
        self.gaz.get(k).filter(|g| g.span.end == at)
    }

    /// The kind of gazetteer entry matched.
    pub fn gaz_kind(&self, g: &GazMatch) -> EntryKind {
        self.gazetteer.entry(g.entry).kind
    }

    /// Index of the token that contains byte `at` (or the first one after it).
    pub fn token_containing(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= at)
    }

    /// Index of the first token at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        crate::tokens::first_at(self.tokens, at)
    }
}
