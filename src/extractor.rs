//! The extractor: every stage, built once, run on one document at a time.

use crate::dates::{self, DateTagger, Expr};
use crate::error::{Error, Result};
use crate::events::{EventDoc, EventTagger};
use crate::gazetteer::{EntryKind, Gazetteer};
use crate::mention::{self, Mention};
use crate::record::{
    DateValue, Entity, EntityKind, EntityRef, Event, EventDate, OffsetUnit, Participant, Record,
    SentenceSpan, Trigger, SCHEMA,
};
use crate::rules::{self, Rules};
use crate::segment::Segmenter;
use crate::text::{CharCounter, Span};
use crate::tokens;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Configures and builds an [`Extractor`].
///
/// ```
/// let extractor = presstag::ExtractorBuilder::new().build().unwrap();
/// let record = extractor.extract("GENEVA, 14 March 2023 – The World Health Organization said today…");
/// assert_eq!(record.date.as_deref(), Some("2023-03-14"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    gazetteer_dirs: Vec<PathBuf>,
    no_builtin: bool,
    offsets: OffsetUnit,
    default_date: Option<NaiveDate>,
}

impl ExtractorBuilder {
    /// A builder with the built-in gazetteers, code-point offsets and no default date.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds the gazetteer files (`*.tsv`) of `dir` on top of the built-in ones.
    pub fn gazetteer_dir(&mut self, dir: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.gazetteer_dirs.push(dir.into());
        self
    }

    /// Leaves out the built-in gazetteers (only the added folders are used).
    pub fn builtin_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.no_builtin = !yes;
        self
    }

    /// The unit of the offsets in records.
    pub fn offsets(&mut self, unit: OffsetUnit) -> &mut ExtractorBuilder {
        self.offsets = unit;
        self
    }

    /// The document date of documents that have neither a date field nor a dateline.
    pub fn default_date(&mut self, date: Option<NaiveDate>) -> &mut ExtractorBuilder {
        self.default_date = date;
        self
    }

    /// Builds the extractor: loads and compiles gazetteers, rules and lexicons.
    pub fn build(&self) -> Result<Extractor> {
        let dirs: Vec<&std::path::Path> =
            self.gazetteer_dirs.iter().map(PathBuf::as_path).collect();
        // The gazetteer automaton is the slowest part: build it on a thread of its own while
        // this one compiles the segmenter, date grammar, event lexicon and rules.
        let (gazetteer, rest) = std::thread::scope(|scope| {
            let gaz = scope.spawn(|| Gazetteer::load(!self.no_builtin, &dirs));
            let rest = self.build_rest();
            let gaz = gaz
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (gaz, rest)
        });
        let gazetteer = gazetteer?;
        let (segmenter, dates, events, rules) = rest?;
        let date_sources = dates
            .rule_names()
            .into_iter()
            .map(|n| (n, Arc::from(format!("rule:date_{n}"))))
            .collect();
        let sources = [
            "person_title",
            "person_given",
            "person_speaker",
            "person_apposition",
            "person_surname",
            "person_credit",
            "person_coordinated",
            "org_pattern",
            "org_company",
            "acronym",
            "dateline",
            "admin_unit",
            "town",
            "place_context",
            "feature",
            "org_short_form",
            "acronym_unknown",
            "propagated",
        ]
        .into_iter()
        .map(|n| (n, Arc::from(format!("rule:{n}"))))
        .collect();
        Ok(Extractor {
            gazetteer,
            segmenter,
            dates,
            events,
            rules,
            sources,
            offsets: self.offsets,
            default_date: self.default_date,
            date_sources,
        })
    }

    /// Everything but the gazetteer: segmenter, date grammar, event lexicon, rules.
    fn build_rest(&self) -> Result<(Segmenter, DateTagger, EventTagger, Rules)> {
        let segmenter = Segmenter::new()?;
        let dates = DateTagger::new()?;
        let events = EventTagger::new()?;
        let lexicon_words =
            crate::data::rows("sentence_starters.tsv", crate::data::SENTENCE_STARTERS, 1)?
                .into_iter()
                .map(|r| r.fields[0])
                .chain(
                    crate::data::rows("date_words.tsv", crate::data::DATE_WORDS, 3)?
                        .into_iter()
                        .filter(|r| matches!(r.fields[1], "month" | "weekday"))
                        .map(|r| r.fields[0].trim_end_matches('.')),
                );
        let rules = Rules::new(lexicon_words)?;
        Ok((segmenter, dates, events, rules))
    }
}

/// The information extractor. Immutable, `Send + Sync`: build one and share it across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    segmenter: Segmenter,
    dates: DateTagger,
    events: EventTagger,
    rules: Rules,
    sources: HashMap<&'static str, Arc<str>>,
    date_sources: HashMap<&'static str, Arc<str>>,
    offsets: OffsetUnit,
    default_date: Option<NaiveDate>,
}

/// Per-document options for [`Extractor::extract_with`].
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    /// The record id.
    pub id: String,
    /// The document date, if the input gives it (wins over the dateline).
    pub date: Option<NaiveDate>,
}

/// Parses a `YYYY-MM-DD` date (a longer ISO timestamp is cut to its date).
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let head = t.get(..10).unwrap_or(t);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").map_err(|_| Error::InvalidDate(s.to_string()))
}

impl Extractor {
    /// The segmenter the extractor uses.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The compiled gazetteers.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts a record from `text`, with no id and no date but the dateline's.
    pub fn extract(&self, text: &str) -> Record {
        self.extract_with(text, &DocOptions::default())
    }

    /// The body that opens a title the gazetteer knows whole: "United Nations" of "United
    /// Nations Special Rapporteur", an organization of its own (the person's affiliation).
    fn title_body(&self, text: &str, title: Span) -> Option<Mention> {
        let surface = title.slice(text);
        if !surface.contains(' ') || !surface.starts_with(char::is_uppercase) {
            return None;
        }
        // The longest prefix of whole words (four at most) that is an organization's name.
        let prefixes: Vec<&str> = surface
            .match_indices(' ')
            .take(4)
            .map(|(i, _)| &surface[..i])
            .collect();
        let (g, e) = prefixes.into_iter().rev().find_map(|prefix| {
            let g = self.gazetteer.find(prefix).into_iter().next()?;
            let e = self.gazetteer.entry(g.entry);
            (g.span == Span::new(0, prefix.len()) && e.kind == EntryKind::Org).then_some((g, e))
        })?;
        let span = Span::new(title.start + g.span.start, title.start + g.span.end);
        let mut m = Mention::new(span, EntityKind::Org, e.source.clone(), 5);
        m.canonical = Some(e.canonical.clone());
        m.kb_id = Some(e.id.clone());
        Some(m)
    }

    fn source(&self, name: &'static str) -> Arc<str> {
        self.sources
            .get(name)
            .cloned()
            .unwrap_or_else(|| Arc::from(format!("rule:{name}")))
    }

    fn date_source(&self, rule: &'static str) -> Arc<str> {
        self.date_sources
            .get(rule)
            .cloned()
            .unwrap_or_else(|| Arc::from(format!("rule:date_{rule}")))
    }

    /// Extracts a record from `text` with an id and an input date.
    pub fn extract_with(&self, text: &str, opts: &DocOptions) -> Record {
        let sentences = self.segmenter.segment(text);
        let title = headline(text);
        let toks = tokens::tokenize(text);
        let gaz = self.gazetteer.find(text);
        let date_mentions = self.dates.find(text);
        let doc_date = opts
            .date
            .or_else(|| self.dates.dateline_date(text, &date_mentions))
            .or(self.default_date);

        let rdoc = rules::Doc::new(text, &toks, &sentences, &gaz, &self.gazetteer);
        let mut cands: Vec<Mention> = Vec::new();
        for g in &gaz {
            let e = self.gazetteer.entry(g.entry);
            let kind = match e.kind {
                EntryKind::Org => EntityKind::Org,
                EntryKind::Loc => EntityKind::Loc,
                EntryKind::Title => {
                    cands.extend(self.title_body(text, g.span));
                    continue;
                }
                _ => continue,
            };
            let mut span = g.span;
            if kind == EntityKind::Loc {
                // "Ituri province": the unit word stays outside the place's span.
                let surface = span.slice(text);
                if let Some((name, unit)) = surface.rsplit_once(char::is_whitespace) {
                    if rules::loc::ADMIN_UNITS.contains(&unit) && !name.trim().is_empty() {
                        span = Span::new(span.start, span.start + name.trim_end().len());
                    }
                }
            }
            let mut m = Mention::new(span, kind, e.source.clone(), 5);
            m.canonical = Some(e.canonical.clone());
            m.kb_id = Some(e.id.clone());
            cands.push(m);
        }
        let orgs = self.rules.orgs(&rdoc);
        let mut org_spans: Vec<Span> = orgs.iter().map(|o| o.span).collect();
        org_spans.sort();
        for o in orgs {
            let rank = if o.rule == "org_company" { 4 } else { 2 };
            cands.push(Mention::new(
                o.span,
                EntityKind::Org,
                self.source(o.rule),
                rank,
            ));
        }
        let people = self.rules.people(&rdoc, &org_spans);
        cands.extend(rules::person::mentions(people, &|n| self.source(n)));
        let date_spans: Vec<Span> = date_mentions.iter().map(|d| d.span).collect();
        let dateline = self.rules.dateline_places(&rdoc, &date_spans);
        for s in &dateline {
            cands.push(Mention::new(
                *s,
                EntityKind::Loc,
                self.source("dateline"),
                4,
            ));
        }
        for s in self.rules.feature_places(&rdoc) {
            cands.push(Mention::new(s, EntityKind::Loc, self.source("feature"), 4));
        }
        for s in self.rules.admin_places(&rdoc) {
            cands.push(Mention::new(
                s,
                EntityKind::Loc,
                self.source("admin_unit"),
                4,
            ));
        }
        for (span, town) in self.rules.town_places(&rdoc) {
            let m = match town {
                Some(town) => {
                    let mut m = Mention::new(span, EntityKind::Loc, self.source("town"), 3);
                    m.canonical = Some(town.canonical.into());
                    m.kb_id = Some(town.id.into());
                    m
                }
                None => Mention::new(span, EntityKind::Loc, self.source("place_context"), 2),
            };
            cands.push(m);
        }
        for d in &date_mentions {
            let sent = sentence_of(&sentences, d.span.start);
            let future = match d.expr {
                Expr::Point(_) | Expr::Range(..) => false,
                _ => sentences.get(sent).is_some_and(|s| {
                    self.dates.is_future_at(
                        s.slice(text),
                        Span::new(d.span.start - s.start, d.span.end - s.start),
                    )
                }),
            };
            let value = match dates::resolve(&d.expr, doc_date, future) {
                Some(v) => DateValue::Value(v),
                None => DateValue::Null,
            };
            let mut m = Mention::new(d.span, EntityKind::Date, self.date_source(d.rule), 7);
            m.value = value;
            cands.push(m);
        }
        for c in &mut cands {
            c.span = crate::text::trim_invisible(text, c.span);
        }
        cands.retain(|c| in_one_sentence(&sentences, c.span));
        let mut mentions = mention::select(cands);
        crate::resolve::acronyms(text, &toks, &mut mentions, &self.source("acronym"));
        crate::resolve::surnames(
            text,
            &toks,
            &mut mentions,
            &self.rules,
            &self.source("person_surname"),
        );
        crate::resolve::propagate(text, &mut mentions, &self.source("propagated"));
        crate::resolve::org_short_forms(
            text,
            &mut mentions,
            &self.rules,
            &self.gazetteer,
            &self.source("org_short_form"),
        );
        crate::resolve::unknown_acronyms(
            text,
            &toks,
            &mut mentions,
            &self.rules,
            &self.source("acronym_unknown"),
        );
        mentions.retain(|m| in_one_sentence(&sentences, m.span));

        let doc_date_text = doc_date.map(|d| d.format("%Y-%m-%d").to_string());
        let dateline_place = dateline.first().and_then(|s| {
            mentions
                .iter()
                .position(|m| m.kind == EntityKind::Loc && m.span.overlaps(s))
        });
        let edoc = EventDoc {
            text,
            tokens: &toks,
            sentences: &sentences,
            entities: &mentions,
            dateline_place,
            dateline_sentence: dateline_place
                .map(|i| sentence_of(&sentences, mentions[i].span.start)),
            doc_date: doc_date_text.as_deref(),
            dateline_date: mentions.iter().position(|m| {
                let s = sentence_of(&sentences, m.span.start);
                m.kind == EntityKind::Date
                    && opts.date.is_none()
                    && m.value.as_str() == doc_date_text.as_deref()
                    && s <= 3
                    && sentences
                        .get(s)
                        .is_some_and(|x| m.span.start - x.start < 80)
            }),
        };
        let events = self.events.find(&edoc);
        self.record(text, opts, title, doc_date, &sentences, &mentions, events)
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        text: &str,
        opts: &DocOptions,
        title: Option<Span>,
        doc_date: Option<NaiveDate>,
        sentences: &[Span],
        mentions: &[Mention],
        events: Vec<crate::events::EventFound>,
    ) -> Record {
        let mut counter = CharCounter::new(text);
        let bytes = self.offsets == OffsetUnit::Bytes;
        let mut off = |b: usize| if bytes { b } else { counter.chars_at(b) };
        let out_sentences: Vec<SentenceSpan> = sentences
            .iter()
            .map(|s| SentenceSpan {
                start: off(s.start),
                end: off(s.end),
            })
            .collect();
        let index: HashMap<Span, usize> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.span, i))
            .collect();
        let mut sent = 0;
        let entities: Vec<Entity> = mentions
            .iter()
            .map(|m| {
                while sent + 1 < sentences.len() && sentences[sent].end <= m.span.start {
                    sent += 1;
                }
                Entity {
                    kind: m.kind,
                    start: off(m.span.start),
                    end: off(m.span.end),
                    text: m.span.slice(text).to_string(),
                    sentence: sent,
                    canonical: m.canonical.clone(),
                    kb_id: m.kb_id.clone(),
                    value: m.value.clone(),
                    title: m.title.map(|t| {
                        t.slice(text)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    }),
                    affiliation: m.affiliation.and_then(|a| index.get(&a).copied()),
                    source: m.source.clone(),
                }
            })
            .collect();
        // Event triggers come in text order but after the entities; offsets restart the counter.
        let mut counter = CharCounter::new(text);
        let mut off = |b: usize| if bytes { b } else { counter.chars_at(b) };
        let out_events: Vec<Event> = events
            .into_iter()
            .map(|e| Event {
                kind: e.kind,
                sentence: e.sentence,
                trigger: Trigger {
                    start: off(e.trigger.start),
                    end: off(e.trigger.end),
                    text: e.trigger.slice(text).to_string(),
                },
                participants: e
                    .participants
                    .into_iter()
                    .map(|(entity, role)| Participant { entity, role })
                    .collect(),
                date: e
                    .date
                    .and_then(|i| {
                        mentions[i].value.as_str().map(|v| EventDate {
                            entity: Some(i),
                            value: v.to_string(),
                        })
                    })
                    .or_else(|| {
                        e.same_day.then_some(()).and(doc_date).map(|d| EventDate {
                            entity: None,
                            value: d.format("%Y-%m-%d").to_string(),
                        })
                    }),
                location: e.location.map(|entity| EntityRef { entity }),
                modality: e.modality,
            })
            .collect();
        Record {
            id: opts.id.clone(),
            schema: SCHEMA,
            title: title.map(|t| t.slice(text).to_string()),
            date: doc_date.map(|d| d.format("%Y-%m-%d").to_string()),
            sentences: out_sentences,
            entities,
            events: out_events,
            warnings: Vec::new(),
            meta: None,
            error: None,
        }
    }
}

/// The index of the sentence that holds byte `at` (the last one starting at or before it).
fn sentence_of(sentences: &[Span], at: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= at)
        .saturating_sub(1)
}

/// The headline: a first line set off from the body by a line break, with no final period.
fn headline(text: &str) -> Option<Span> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let nl = rest.find(['\n', '\r'])?;
    let line = rest[..nl].trim_end();
    let more = !rest[nl..].trim().is_empty();
    if !more || line.is_empty() || line.ends_with('.') || line.chars().count() > 300 {
        return None;
    }
    Some(Span::new(start, start + line.len()))
}

/// True when `span` lies inside one of `sentences` (sorted, disjoint): an entity never
/// crosses a sentence boundary.
fn in_one_sentence(sentences: &[Span], span: Span) -> bool {
    let i = sentences.partition_point(|s| s.end <= span.start);
    sentences
        .get(i)
        .is_some_and(|s| s.start <= span.start && span.end <= s.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_rules() {
        assert_eq!(
            headline("\nBig news today\n\nBody."),
            Some(Span::new(1, 15))
        );
        assert_eq!(headline("A sentence.\nMore."), None);
        assert_eq!(headline("Only one line"), None);
    }

    #[test]
    fn extractor_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
