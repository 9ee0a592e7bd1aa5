//! Events: a trigger from the lexicon (`gazetteers/event_triggers.tsv`), checked by its
//! condition, with participants, date, place and modality taken from its sentence.
//!
//! Precision comes from the conditions: "signed" needs an agreement-like object or "signed
//! by"; "launched" is a `launch` with a programme-like object, a `report_release` with a
//! report-like one and an `investigation` with an inquiry; "released" of funds is `funding`,
//! of a report `report_release`, of prisoners nothing; "said" is a `statement` only with a
//! named speaker and only when no stronger event holds the sentence. One event per type and
//! sentence.

use crate::data;
use crate::error::{Error, Result};
use crate::gazetteer::normalize::Normalized;
use crate::mention::Mention;
use crate::record::{EntityKind, Modality};
use crate::text::Span;
use crate::tokens::Token;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, Match, MatchKind, PatternID};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

#[derive(Debug, Clone)]
enum Condition {
    Always,
    Object(String),
    /// A word of the class among the next `n` tokens.
    After(String, usize),
    /// The head of the noun phrase right after the trigger is of the class: "launched an open
    /// data portal that…" (portal), not "launched a report on the programme" (report).
    Head(String),
    /// The word right before the trigger is of the class.
    Prev(String),
    /// A word of the class among the 4 tokens before the trigger ("the Board today approved").
    Before(String),
    Near(String),
    /// A word of the class in the headline or the two sentences after it: what the release is
    /// about ("Those listed include…" in a release on sanctions).
    Topic(String),
    /// A PERSON, ORG or LOC entity starts right after the trigger, or after one or two tokens
    /// ("suspended the Gambia", "elected Mr. X").
    EntityNext,
    Capitalized,
    By,
    Subject,
    Speaker,
}

#[derive(Debug, Clone)]
struct TriggerRule {
    kind: Arc<str>,
    any_of: Vec<Condition>,
    /// Conditions that must all fail (`!…` in the lexicon): "cardiac arrest", "met targets".
    none_of: Vec<Condition>,
    before_role: Arc<str>,
    after_role: Arc<str>,
}

/// An event found in a document, in byte offsets and entity indices.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFound {
    /// The event type id.
    pub kind: Arc<str>,
    /// Sentence index.
    pub sentence: usize,
    /// The trigger.
    pub trigger: Span,
    /// (entity index, role).
    pub participants: Vec<(usize, Arc<str>)>,
    /// The DATE entity giving the event's date.
    pub date: Option<usize>,
    /// No DATE entity dates the event, but a time of day does: it happened on the document's
    /// date ("presented this morning").
    pub same_day: bool,
    /// The LOC entity giving its place.
    pub location: Option<usize>,
    /// asserted / planned / negated.
    pub modality: Modality,
}

/// The event finder. Build once; share across threads.
#[derive(Debug, Clone)]
pub struct EventTagger {
    automaton: AhoCorasick,
    rules: Vec<Vec<TriggerRule>>,
    classes: HashMap<String, HashSet<String>>,
    /// Each trigger form (lowercase) and its pattern index, for the shorter forms at a
    /// match's start.
    forms: HashMap<String, usize>,
}

/// What the event finder sees of a document.
pub struct EventDoc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Its sentences.
    pub sentences: &'a [Span],
    /// The final entities, sorted.
    pub entities: &'a [Mention],
    /// Index of the entity of the dateline place, if any.
    pub dateline_place: Option<usize>,
    /// Sentence index of the dateline.
    pub dateline_sentence: Option<usize>,
    /// Index of the DATE entity of the dateline (never an event's own date).
    pub dateline_date: Option<usize>,
    /// The document date, `YYYY-MM-DD`.
    pub doc_date: Option<&'a str>,
}

/// How far (bytes) from its trigger an event looks for participants, dates and places.
const WINDOW: usize = 300;

/// How much farther (bytes) a date counts, per character its value is shorter than a day's
/// (`2024-05` counts 3 × this farther than `2024-05-03`).
const COARSE_DATE_PENALTY: usize = 8;

impl EventTagger {
    /// The finder with the built-in trigger lexicon and word classes.
    pub fn new() -> Result<EventTagger> {
        let mut classes: HashMap<String, HashSet<String>> = HashMap::default();
        for row in data::rows("event_objects.tsv", data::EVENT_OBJECTS, 2)? {
            classes
                .entry(row.fields[0].to_string())
                .or_default()
                .insert(row.fields[1].to_lowercase());
        }
        let mut forms: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut rules: Vec<Vec<TriggerRule>> = Vec::new();
        let mut kinds: HashMap<String, Arc<str>> = HashMap::default();
        for row in data::rows("event_triggers.tsv", data::EVENT_TRIGGERS, 5)? {
            let f = &row.fields;
            let mut any_of = Vec::new();
            let mut none_of = Vec::new();
            for c in f[2].split('|') {
                let (negated, c) = match c.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, c),
                };
                let cond = match c.split_once(':') {
                    _ if c == "-" && !negated => Condition::Always,
                    _ if c == "by" => Condition::By,
                    _ if c == "subj" => Condition::Subject,
                    _ if c == "speaker" => Condition::Speaker,
                    _ if c == "cap" => Condition::Capitalized,
                    _ if c == "ent_next" => Condition::EntityNext,
                    // "!obj:" keeps its narrow window: the object right after the trigger.
                    Some(("obj", class)) if negated && classes.contains_key(class) => {
                        Condition::After(class.into(), 3)
                    }
                    Some(("obj", class)) if classes.contains_key(class) => {
                        Condition::Object(class.into())
                    }
                    Some(("next", class)) if classes.contains_key(class) => {
                        Condition::After(class.into(), 1)
                    }
                    Some(("after", class)) if classes.contains_key(class) => {
                        Condition::After(class.into(), 8)
                    }
                    Some(("close", class)) if classes.contains_key(class) => {
                        Condition::After(class.into(), 4)
                    }
                    Some(("head", class)) if classes.contains_key(class) => {
                        Condition::Head(class.into())
                    }
                    Some(("prev", class)) if classes.contains_key(class) => {
                        Condition::Prev(class.into())
                    }
                    Some(("before", class)) if classes.contains_key(class) => {
                        Condition::Before(class.into())
                    }
                    Some(("near", class)) if classes.contains_key(class) => {
                        Condition::Near(class.into())
                    }
                    Some(("topic", class)) if classes.contains_key(class) => {
                        Condition::Topic(class.into())
                    }
                    _ => return Err(row.error(format!("unknown condition {c:?}"))),
                };
                if negated {
                    none_of.push(cond);
                } else {
                    any_of.push(cond);
                }
            }
            if any_of.is_empty() {
                any_of.push(Condition::Always);
            }
            let kind = kinds
                .entry(f[1].to_string())
                .or_insert_with(|| Arc::from(f[1]))
                .clone();
            let form = f[0].to_lowercase();
            let k = *index.entry(form.clone()).or_insert_with(|| {
                forms.push(form);
                rules.push(Vec::new());
                rules.len() - 1
            });
            rules[k].push(TriggerRule {
                kind,
                any_of,
                none_of,
                before_role: Arc::from(f[3]),
                after_role: Arc::from(f[4]),
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .map_err(|e| Error::Data {
                file: "event_triggers.tsv",
                line: 0,
                message: e.to_string(),
            })?;
        Ok(EventTagger {
            automaton,
            rules,
            classes,
            forms: index,
        })
    }

    /// The longest trigger form at the start of `hit` that is made of whole words: `hit`
    /// itself, or a shorter form at the same start ("general election" in "general election,");
    /// none when the start is inside a word ("pre-trial", "anti-sanctions": not the tail of a
    /// hyphenated word either).
    fn whole_words(&self, text: &str, norm: &Normalized, hit: Match) -> Option<Match> {
        let s = norm.original(hit.start());
        let hyphen_tail = text[..s]
            .strip_suffix('-')
            .is_some_and(|h| h.ends_with(char::is_alphanumeric));
        if !crate::text::is_word_boundary(text, s) || hyphen_tail {
            return None;
        }
        let key = norm.text.as_ref();
        (hit.start() + 1..=hit.end())
            .rev()
            .filter(|&end| {
                key.is_char_boundary(end) && crate::text::is_word_boundary(text, norm.original(end))
            })
            .find_map(|end| {
                if end == hit.end() {
                    return Some(hit);
                }
                let form = key[hit.start()..end].to_lowercase();
                let k = *self.forms.get(&form)?;
                Some(Match::new(PatternID::new(k).ok()?, hit.start()..end))
            })
    }

    fn in_class(&self, class: &str, word: &str) -> bool {
        self.classes
            .get(class)
            .is_some_and(|c| c.contains(&word.to_lowercase()))
    }

    /// True when place entity `i` is the scene or topic of an event, not a country that
    /// acts: it follows a word of class `locative` ("in", "on"), possibly through "the" and
    /// the items of a list before it ("in Panama, Ghana and the Togolese Republic").
    fn scene_place(&self, doc: &EventDoc, i: usize) -> bool {
        let mut at = doc.entities[i].span.start;
        for _ in 0..8 {
            let mut before = doc.text[..at].trim_end();
            if let Some(b) = before
                .strip_suffix("the")
                .filter(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
            {
                before = b.trim_end();
            }
            let word = crate::text::word_before(before, before.len());
            if self.in_class("locative", word) {
                return true;
            }
            let rest = if let Some(b) = before.strip_suffix(',') {
                b
            } else if matches!(word, "and" | "or") && before.ends_with(word) {
                &before[..before.len() - word.len()]
            } else {
                return false;
            };
            let end = rest.trim_end().len();
            match doc
                .entities
                .iter()
                .find(|e| e.span.end == end && e.kind == EntityKind::Loc)
            {
                Some(e) => at = e.span.start,
                None => return false,
            }
        }
        false
    }

    /// Finds the events of a document.
    pub fn find(&self, doc: &EventDoc) -> Vec<EventFound> {
        let norm = Normalized::new(doc.text);
        let key = norm.text.as_ref();
        let mut found: Vec<(EventFound, bool)> = Vec::new();
        // Per sentence, and per sentence and word class (`usize::MAX` for the document's
        // lead, where `topic:` looks).
        let near_cache: std::cell::RefCell<HashMap<(usize, usize), bool>> = Default::default();
        let mut captions: HashMap<usize, bool> = HashMap::default();
        let mut pos = 0;
        while let Some(hit) = self.automaton.find(Input::new(key).range(pos..)) {
            let Some(m) = self.whole_words(doc.text, &norm, hit) else {
                // "general elections": the longest form at this start ("general election")
                // is no whole word; a trigger may start inside it ("elections").
                pos = hit.start() + key[hit.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            pos = m.end();
            let (s, e) = (norm.original(m.start()), norm.original(m.end()));
            // "Election Commission", "Central Investigating Court": a trigger inside the name
            // of an organization is part of the name. A gathering is named like a body, so a
            // conference's trigger stays ("International Conference on Public Health").
            let in_org = doc.entities[..doc.entities.partition_point(|m| m.span.start <= s)]
                .last()
                .is_some_and(|m| m.kind == EntityKind::Org && e < m.span.end)
                && !self.rules[m.pattern().as_usize()]
                    .iter()
                    .any(|r| &*r.kind == "conference");
            if in_org {
                continue;
            }
            let trigger = Span::new(s, e);
            let sent = doc
                .sentences
                .partition_point(|x| x.start <= s)
                .saturating_sub(1);
            if !doc
                .sentences
                .get(sent)
                .is_some_and(|x| x.start <= s && e <= x.end)
            {
                continue;
            }
            let sspan = doc.sentences[sent];
            let t0 = crate::tokens::first_at(doc.tokens, sspan.start);
            let t1 = crate::tokens::first_at(doc.tokens, sspan.end);
            // A photo caption or credit ("Photo: WFP/Name – A convoy crosses…", "[Photo]
            // Ministers shake hands") shows a picture; it tells no news.
            let caption = *captions.entry(sent).or_insert_with(|| {
                doc.tokens[t0..t1].windows(2).any(|p| {
                    self.in_class("caption", p[0].text(doc.text))
                        && matches!(p[1].text(doc.text), ":" | "]")
                })
            });
            if caption {
                continue;
            }
            let ts = crate::tokens::first_at(doc.tokens, s);
            let te = crate::tokens::first_at(doc.tokens, e);
            let words = |a: usize, b: usize| {
                doc.tokens[a.max(t0)..b.min(t1)]
                    .iter()
                    .map(|t| t.text(doc.text))
            };
            // The entities of the sentence near the trigger: a clause, not a whole run-on text.
            let lo = sspan.start.max(s.saturating_sub(WINDOW));
            let hi = sspan.end.min(e + WINDOW);
            let first = doc.entities.partition_point(|m| m.span.start < lo);
            let last = doc.entities.partition_point(|m| m.span.start < hi);
            let ents: Vec<usize> = (first..last.max(first))
                .filter(|&i| {
                    sspan.contains(&doc.entities[i].span) && doc.entities[i].span.end <= hi
                })
                .collect();
            let is_named =
                |i: &usize| matches!(doc.entities[*i].kind, EntityKind::Person | EntityKind::Org);
            let holds = |c: &Condition| match c {
                Condition::Always => true,
                Condition::Object(class) => {
                    // After the trigger, or before it in the passive ("the agreement, signed in…").
                    words(te, te + 8)
                        .chain(words(ts.saturating_sub(6), ts))
                        .any(|w| self.in_class(class, w))
                }
                Condition::After(class, n) => words(te, te + n).any(|w| self.in_class(class, w)),
                Condition::Head(class) => {
                    let np = |from: usize| {
                        words(from, from + 8).take_while(|w| {
                            w.starts_with(char::is_alphanumeric) && !self.in_class("np_end", w)
                        })
                    };
                    let head = np(te).last();
                    // "launched WaterMap SEA, an open online platform": a name's apposition
                    // tells what it is.
                    let n = np(te).count();
                    let apposition = words(te + n, te + n + 1).next() == Some(",")
                        && words(te, te + 1).all(|w| w.starts_with(char::is_uppercase))
                        && words(te + n + 1, te + n + 2).any(|w| matches!(w, "a" | "an"));
                    head.is_some_and(|w| self.in_class(class, w))
                        || apposition
                            && np(te + n + 1)
                                .last()
                                .is_some_and(|w| self.in_class(class, w))
                }
                Condition::Prev(class) => words(ts.saturating_sub(1), ts)
                    .next()
                    .is_some_and(|w| self.in_class(class, w)),
                Condition::Before(class) => {
                    words(ts.saturating_sub(4), ts).any(|w| self.in_class(class, w))
                }
                Condition::Near(class) => *near_cache
                    .borrow_mut()
                    .entry((sent, class.as_ptr() as usize))
                    .or_insert_with(|| words(t0, t1).any(|w| self.in_class(class, w))),
                Condition::Topic(class) => *near_cache
                    .borrow_mut()
                    .entry((usize::MAX, class.as_ptr() as usize))
                    .or_insert_with(|| {
                        let end = doc.sentences.get(2).map_or(doc.text.len(), |x| x.end);
                        let last = crate::tokens::first_at(doc.tokens, end);
                        doc.tokens[..last]
                            .iter()
                            .any(|t| self.in_class(class, t.text(doc.text)))
                    }),
                Condition::EntityNext => ents.iter().any(|&i| {
                    let en = &doc.entities[i];
                    let at = crate::tokens::first_at(doc.tokens, en.span.start);
                    // Two words between, or an honorific or title of up to five tokens
                    // ("elected H.E. Kagiso Molefhe").
                    en.kind != EntityKind::Date
                        && en.span.start >= e
                        && (at <= te + 2
                            || at <= te + 5
                                && words(te, at).all(|w| !w.starts_with(char::is_lowercase)))
                }),
                Condition::Capitalized => doc.text[s..e].starts_with(char::is_uppercase),
                Condition::By => words(te, te + 3).any(|w| w == "by"),
                Condition::Subject => ents.iter().any(|&i| {
                    doc.entities[i].span.end <= s && doc.entities[i].kind != EntityKind::Date
                }),
                // "He said": a pronoun after a person named earlier.
                Condition::Speaker if self.pronoun_speaker(doc, ts).is_some() => true,
                // "The ministry said", "Police said", "said the Council": a body or role named
                // by a common noun.
                Condition::Speaker if self.noun_speaker(doc, ts, te, t0, t1) => true,
                Condition::Speaker => ents.iter().any(|&i| {
                    let en = &doc.entities[i];
                    is_named(&i)
                        && ((en.span.end <= s
                            && (crate::tokens::first_at(doc.tokens, en.span.end) + 6 >= ts
                                || self.apposed_subject(doc, en.span, s)))
                            || (en.span.start >= e
                                && crate::tokens::first_at(doc.tokens, en.span.start) <= te + 2)
                            || (en.kind == EntityKind::Person && self.named_after(doc, e, en.span)))
                }),
            };
            let Some(rule) = self.rules[m.pattern().as_usize()]
                .iter()
                .find(|r| r.any_of.iter().any(holds) && !r.none_of.iter().any(holds))
            else {
                continue;
            };
            // "condemned the attack" after "gunmen attacked a convoy": a definite noun points
            // back to the event of its type told in an earlier sentence of the body (the
            // headlines above the dateline only announce what the body tells). As the subject
            // that opens a sentence ("The protests were called by…") it brings news of its own.
            let body_start = doc.dateline_sentence.unwrap_or(1).max(1);
            let back_reference = ts > t0 + 1
                && words(ts.saturating_sub(1), ts)
                    .next()
                    .is_some_and(|w| self.in_class("definite", w))
                && found.iter().any(|(f, _)| {
                    f.kind == rule.kind && f.sentence >= body_start && f.sentence < sent
                });
            if back_reference {
                continue;
            }
            let said_like = rule.any_of.iter().any(|c| matches!(c, Condition::Speaker));
            // "should investigate", "urged them to drop charges": demanded, not done.
            // A union that "called a rally" organizes it: no demand before a protest.
            let demanded = &*rule.kind != "statement"
                && words(ts.saturating_sub(5), ts).any(|w| {
                    self.in_class("demand", w)
                        && !(&*rule.kind == "protest" && self.in_class("organize", w))
                });
            if demanded {
                continue;
            }
            let trigger_text = key[m.start()..m.end()].to_lowercase();
            let participants = self.participants(doc, &ents, trigger, rule, &trigger_text);
            let date = ents
                .iter()
                .copied()
                .filter(|&i| {
                    doc.entities[i].kind == EntityKind::Date
                        && doc.entities[i].value.as_str().is_some()
                })
                .filter(|&i| {
                    // "since 2021", "until June", "by 2030" only bound a period.
                    let word = crate::text::word_before(
                        &doc.text[sspan.start..],
                        doc.entities[i].span.start - sspan.start,
                    );
                    // "resolution 2417 (2018)": a year in brackets dates a document.
                    let span = doc.entities[i].span;
                    let reference_year = span.len() == 4
                        && doc.text[..span.start].ends_with('(')
                        && doc.text[span.end..].starts_with(')');
                    !["since", "until", "by"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w))
                        && Some(i) != doc.dateline_date
                        && !reference_year
                })
                // The nearest date, a coarse one counting as farther: "signed on 3 May a plan
                // for 2024-2026" is dated 3 May, "indicted them in October" in October.
                .min_by_key(|&i| {
                    let v = doc.entities[i].value.as_str().unwrap_or("");
                    let granularity = v.split('/').next().unwrap_or("").len();
                    let span = doc.entities[i].span;
                    // A date after its trigger is more often its own ("the attack on 12 June").
                    let d = if span.start >= trigger.end {
                        distance(span, trigger) / 2
                    } else {
                        distance(span, trigger)
                    };
                    d + COARSE_DATE_PENALTY * (10 - granularity.min(10))
                });
            let location = ents
                .iter()
                .copied()
                .filter(|&i| doc.entities[i].kind == EntityKind::Loc)
                .filter(|&i| {
                    let w = crate::text::word_before(
                        &doc.text[sspan.start..],
                        doc.entities[i].span.start - sspan.start,
                    );
                    matches!(w, "in" | "at")
                })
                .min_by_key(|&i| distance(doc.entities[i].span, trigger))
                .or(doc
                    .dateline_place
                    .filter(|_| doc.dateline_sentence == Some(sent)));
            let before: Vec<&str> = words(ts.saturating_sub(6), ts).collect();
            let date = date.filter(|&i| {
                // An asserted event does not happen after the release's date.
                let v = doc.entities[i].value.as_str().unwrap_or("");
                let after_doc = doc.doc_date.is_some_and(|d| {
                    v.len() >= 7
                        && v.as_bytes()[4] == b'-'
                        && v.as_bytes()[5].is_ascii_digit()
                        && v[..v.len().min(10)] > d[..v.len().min(10)]
                });
                !(after_doc && said_like)
            });
            // A noun trigger takes the modality of its verb: "the report will be released",
            // "the workshop was not held".
            let mut scope = before.clone();
            scope.extend(words(ts, te)); // "will launch"
            if words(te, te + 1).any(|w| self.in_class("be", w) || self.in_class("future", w)) {
                scope.extend(words(te, te + 4));
            }
            let modality = if scope.iter().any(|w| self.in_class("negation", w)) {
                Modality::Negated
            } else if scope.iter().any(|w| self.in_class("future", w)) {
                Modality::Planned
            } else {
                Modality::Asserted
            };
            // "this morning", "earlier today": a time of day is no DATE entity, but it
            // dates the event to the release's day.
            let same_day = date.is_none() && {
                let sentence = sspan.slice(doc.text).to_lowercase();
                self.classes
                    .get("same_day")
                    .is_some_and(|c| c.iter().any(|p| sentence.contains(p.as_str())))
            };
            let ev = EventFound {
                kind: rule.kind.clone(),
                sentence: sent,
                trigger,
                participants,
                date,
                same_day,
                location,
                modality,
            };
            found.push((ev, said_like));
        }
        // One event per type and sentence; "said" yields to any stronger event of its sentence.
        let strong: HashSet<(usize, Span)> = found
            .iter()
            .filter(|(e, _)| &*e.kind != "statement")
            .map(|(e, _)| (e.sentence, e.trigger))
            .collect();
        // A stronger event of the sentence than `e`: one told by another trigger.
        let stronger = |e: &EventFound| {
            strong
                .iter()
                .any(|&(s, t)| s == e.sentence && t != e.trigger)
        };
        let condemned: HashSet<usize> = found
            .iter()
            .filter(|(e, _)| &*e.kind == "condemnation")
            .map(|(e, _)| e.sentence)
            .collect();
        let mut seen: HashSet<(usize, Arc<str>)> = HashSet::default();
        found
            .into_iter()
            .filter(|(e, said)| {
                // "said" yields to a stronger event of its sentence unless a person is quoted.
                let person = e
                    .participants
                    .iter()
                    .any(|(i, _)| doc.entities[*i].kind == EntityKind::Person);
                // "announced the appointment of X": the verb only brings the news.
                let news = self.in_class("news_verb", &doc.text[e.trigger.start..e.trigger.end]);
                let yields = (*said && !person) || news;
                // "condemned the killing … and called for an investigation": one stance, told
                // by the condemnation.
                let stance = &*e.kind == "statement" && !person && condemned.contains(&e.sentence);
                !(stance || yields && stronger(e))
            })
            .filter(|(e, _)| seen.insert((e.sentence, e.kind.clone())))
            .map(|(e, _)| e)
            .collect()
    }

    /// True when the name at `name` follows the verb ending at byte `verb` as its speaker:
    /// within three tokens ("said Dr. X"), or after a title ("said the Special Representative
    /// of the Secretary-General and Head of UNMISS, Nicholas Haysom", "said Special Agent in
    /// Charge X"): capitalized words, "of", "the", "and", "for", "on", "in", "at", "to", commas
    /// and the periods of abbreviations ("Ms.").
    fn named_after(&self, doc: &EventDoc, verb: usize, name: Span) -> bool {
        let (from, to) = (
            crate::tokens::first_at(doc.tokens, verb),
            crate::tokens::first_at(doc.tokens, name.start),
        );
        name.start >= verb
            && (to <= from + 3
                || to - from <= 16
                    && doc.tokens[from..to].iter().all(|t| {
                        let w = t.text(doc.text);
                        w.starts_with(char::is_uppercase)
                            || matches!(
                                w,
                                "of" | "the"
                                    | "and"
                                    | "for"
                                    | "on"
                                    | "in"
                                    | "at"
                                    | "to"
                                    | ","
                                    | "."
                                    | "-"
                                    | "’"
                                    | "'"
                                    | "s"
                            )
                    }))
    }

    /// True when `subject` is followed by a comma, and the verb at byte `verb` by a comma
    /// before it, with at most 30 tokens between: "Mr. X, who coordinates the programme in
    /// Y, said".
    fn apposed_subject(&self, doc: &EventDoc, subject: Span, verb: usize) -> bool {
        subject.end < verb
            && doc.text[subject.end..].starts_with(',')
            && doc.text[..verb].trim_end().ends_with(',')
            && crate::tokens::first_at(doc.tokens, verb)
                <= crate::tokens::first_at(doc.tokens, subject.end) + 30
    }

    /// True when a body or role named by a common noun of class `speaker_noun` speaks
    /// through the trigger at tokens `ts..te` of the sentence `t0..t1`: right before it, as
    /// "the ministry said", "Police said", "the Group also expressed", or right after it, as
    /// "said the Council".
    fn noun_speaker(&self, doc: &EventDoc, ts: usize, te: usize, t0: usize, t1: usize) -> bool {
        let word = |k: usize| doc.tokens[k].text(doc.text);
        // "the ministry", "its board"; or a capitalized noun that opens the sentence ("Police").
        let determined = |k: usize| {
            k > t0 && self.in_class("definite", &word(k - 1).to_lowercase())
                || (k == t0 || k == t0 + 1) && word(k).starts_with(char::is_uppercase)
        };
        let mut k = ts;
        while k > t0 && self.in_class("speaker_skip", word(k - 1)) {
            k -= 1;
        }
        let before = k > t0 && {
            let n = k - 1;
            self.in_class("speaker_noun", &word(n).to_lowercase()) && determined(n)
        };
        // Inverted only with a verb of saying and at the end of its clause: not "told the
        // organization that…" (the addressee), nor "said the party would…" (another clause).
        let after = te + 1 < t1
            && self.in_class("inverted_speech", word(te - 1))
            && word(te).eq_ignore_ascii_case("the")
            && self.in_class("speaker_noun", &word(te + 1).to_lowercase())
            && (te + 2 >= t1 || matches!(word(te + 2), "." | "," | "in" | ";"));
        before || after
    }

    /// The person a pronoun right before token `ts` ("He said") refers to: the last person
    /// named before it.
    fn pronoun_speaker(&self, doc: &EventDoc, ts: usize) -> Option<usize> {
        let w = doc.tokens.get(ts.checked_sub(1)?)?.text(doc.text);
        if !self.in_class("pronoun", w) {
            return None;
        }
        let at = doc.tokens[ts - 1].span.start;
        let before = doc.entities.partition_point(|m| m.span.end <= at);
        doc.entities[..before]
            .iter()
            .rposition(|m| m.kind == EntityKind::Person)
    }

    fn participants(
        &self,
        doc: &EventDoc,
        ents: &[usize],
        trigger: Span,
        rule: &TriggerRule,
        trigger_text: &str,
    ) -> Vec<(usize, Arc<str>)> {
        let word_before = |i: usize| crate::text::word_before(doc.text, doc.entities[i].span.start);
        // Places take part only as countries acting (donors, signatories, hosts), not as
        // the scene of the event.
        // A name in brackets or slashes is a tag of the text, not a participant: "(Reuters)",
        // "/PRNewswire/", "(NASDAQ: HLBD)".
        let tag = |i: usize| {
            doc.text[..doc.entities[i].span.start]
                .trim_end()
                .ends_with(['(', '/'])
        };
        let named = |i: usize| {
            let en = &doc.entities[i];
            !tag(i)
                && match en.kind {
                    EntityKind::Person | EntityKind::Org => true,
                    EntityKind::Loc => {
                        en.kb_id
                            .as_deref()
                            .is_some_and(|k| k.starts_with("loc:country:"))
                            && !self.scene_place(doc, i)
                            && Some(i) != doc.dateline_place
                            // "MANILA, PHILIPPINES, 4 May": a dateline's country.
                            && !(crate::text::is_all_caps(en.span.slice(doc.text))
                                && en.canonical.as_deref().is_some_and(|c| {
                                    c.eq_ignore_ascii_case(en.span.slice(doc.text))
                                }))
                    }
                    EntityKind::Date => false,
                }
        };
        let people: Vec<usize> = ents
            .iter()
            .copied()
            .filter(|&i| doc.entities[i].kind == EntityKind::Person)
            .collect();
        let affiliated = |i: usize| {
            people
                .iter()
                .any(|&p| doc.entities[p].affiliation == Some(doc.entities[i].span))
        };
        let tokens_between = |a: usize, b: usize| {
            crate::tokens::first_at(doc.tokens, b)
                .saturating_sub(crate::tokens::first_at(doc.tokens, a))
        };
        let statement = &*rule.kind == "statement" || &*rule.kind == "condemnation";
        let mut out: Vec<(usize, Arc<str>)> = Vec::new();
        if statement {
            let speaker_ok = |i: usize| {
                matches!(doc.entities[i].kind, EntityKind::Person | EntityKind::Org)
                    && !affiliated(i)
            };
            // The speaker: a person right after the trigger ("said Dr. X"), else the nearest
            // person or body right before it, else the nearest person, else the nearest body.
            let after = ents.iter().copied().find(|&i| {
                doc.entities[i].kind == EntityKind::Person
                    && self.named_after(doc, trigger.end, doc.entities[i].span)
            });
            // "Mr. X, who coordinates the programme for Y, said": the subject before the
            // clause, else the nearest person or body right before the verb.
            let apposed = ents.iter().copied().find(|&i| {
                doc.entities[i].kind == EntityKind::Person
                    && self.apposed_subject(doc, doc.entities[i].span, trigger.start)
            });
            let before = apposed.or_else(|| {
                ents.iter()
                    .copied()
                    .filter(|&i| speaker_ok(i) && doc.entities[i].span.end <= trigger.start)
                    .max_by_key(|&i| doc.entities[i].span.end)
                    .filter(|&i| tokens_between(doc.entities[i].span.end, trigger.start) <= 6)
            });
            let nearest = |kind: EntityKind| {
                ents.iter()
                    .copied()
                    .filter(|&i| doc.entities[i].kind == kind && speaker_ok(i))
                    .min_by_key(|&i| distance(doc.entities[i].span, trigger))
            };
            let pronoun =
                self.pronoun_speaker(doc, crate::tokens::first_at(doc.tokens, trigger.start));
            let speaker = after
                .or(before)
                .or(pronoun)
                .or_else(|| nearest(EntityKind::Person))
                .or_else(|| nearest(EntityKind::Org));
            if let Some(s) = speaker {
                out.push((s, rule.before_role.clone()));
                // "WFP and UNHCR warned": the bodies joined to the speaker speak too.
                for &i in ents {
                    if i != s
                        && speaker_ok(i)
                        && doc.entities[i].span.end <= doc.entities[s].span.start
                    {
                        let gap =
                            doc.text[doc.entities[i].span.end..doc.entities[s].span.start].trim();
                        if gap == "and" || gap == "," {
                            out.push((i, rule.before_role.clone()));
                        }
                    }
                }
            }
            if self.in_class("call_on", trigger_text) || &*rule.kind == "condemnation" {
                if let Some(a) = ents.iter().copied().find(|&i| {
                    named(i)
                        && doc.entities[i].span.start >= trigger.end
                        && Some(i) != speaker
                        && !affiliated(i)
                }) {
                    out.push((a, rule.after_role.clone()));
                }
            }
        } else {
            // In the passive ("X was arrested by Y") the subject undergoes the event and the
            // entity after "by" does it.
            let ts = crate::tokens::first_at(doc.tokens, trigger.start);
            let passive = trigger_text.ends_with("ed")
                && doc.tokens[ts.saturating_sub(2)..ts]
                    .iter()
                    .any(|t| self.in_class("be", t.text(doc.text)));
            for &i in ents {
                if !named(i) || affiliated(i) || out.len() >= 6 {
                    continue;
                }
                let before = doc.entities[i].span.end <= trigger.start;
                let role = match (before, passive) {
                    (true, false) => &rule.before_role,
                    (true, true) => &rule.after_role,
                    (false, true) if word_before(i).eq_ignore_ascii_case("by") => &rule.before_role,
                    (false, _) => &rule.after_role,
                };
                out.push((i, role.clone()));
            }
        }
        // One participant per entity named: "the World Health Organization (WHO)" is one.
        let mut seen: Vec<String> = Vec::new();
        out.retain(|(i, _)| {
            let e = &doc.entities[*i];
            let key = e
                .canonical
                .as_deref()
                .map_or_else(|| e.span.slice(doc.text).to_lowercase(), str::to_lowercase);
            if seen.contains(&key) {
                return false;
            }
            seen.push(key);
            true
        });
        out
    }
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
