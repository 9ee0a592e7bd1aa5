//! Resolution: what one mention says about another in the same document.
//!
//! - [`acronyms`]: "Long Name (ACR)" and "ACR (Long Name)" define ACR for the document; every
//!   mention of ACR then gets the long name as `canonical`. A document's own definition wins
//!   over the gazetteer's ("ICC" defined as the International Chamber of Commerce).
//! - [`surnames`]: a surname alone ("Fedotov", "Mr. Fedotov") is linked to the full name seen
//!   in the document.

use crate::gazetteer::Gazetteer;
use crate::mention::Mention;
use crate::record::EntityKind;
use crate::rules::{NameCue, Rules};
use crate::text::{is_capitalized, Span};
use crate::tokens::{Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

const FUNCTION_WORDS: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "to", "de", "du", "des", "la", "le", "&",
];

struct Definition {
    long: Arc<str>,
    kb_id: Option<Arc<str>>,
    kind: EntityKind,
}

/// A plausible acronym: 2–12 characters, starting with a capital, at least two capitals.
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=12).contains(&n)
        && s.chars().next().is_some_and(|c| c.is_uppercase())
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&' || c == '.')
}

fn squash(s: &str) -> Arc<str> {
    Arc::from(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text inside a parenthesis that opens right after byte `at` (spaces allowed), and its span.
fn paren_after(text: &str, at: usize) -> Option<Span> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let open = at + (rest.len() - trimmed.len());
    if !trimmed.starts_with('(') {
        return None;
    }
    let close = trimmed[1..].find(')')?;
    if close > 120 {
        return None;
    }
    Some(Span::new(open + 1, open + 1 + close))
}

/// True when the words of `words` spell `acr`'s letters: every word but a function word gives
/// its initial, a function word may give one too ("Revolution for Prosperity" → RFP, "Office
/// of the Prosecutor" → OTP), and a hyphenated word may give one letter or one per part
/// ("Office on Counter-Terrorism" → UNOCT).
fn initials_match(words: &[&str], acr: &str) -> bool {
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    !letters.is_empty() && spells(words, &letters)
}

/// [`initials_match`] on upper-case letters.
fn spells(words: &[&str], letters: &[char]) -> bool {
    let Some((w, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let initial = |part: &str| part.chars().next().and_then(|c| c.to_uppercase().next());
    let takes = |n: usize, parts: &mut dyn Iterator<Item = Option<char>>| {
        letters.len() >= n && parts.zip(letters).all(|(c, l)| c == Some(*l))
    };
    let function = FUNCTION_WORDS.contains(w);
    (function && spells(rest, letters))
        || (takes(1, &mut std::iter::once(initial(w))) && spells(rest, &letters[1..]))
        || (!function && w.contains('-') && {
            let n = w.split('-').count();
            takes(n, &mut w.split('-').map(initial)) && spells(rest, &letters[n..])
        })
}

/// Learns the document's acronym definitions and applies them to every mention of each acronym.
pub fn acronyms(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>, source: &Arc<str>) {
    let mut defs: HashMap<String, Definition> = HashMap::default();
    let mut added: Vec<Mention> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !matches!(m.kind, EntityKind::Org | EntityKind::Loc) {
            continue;
        }
        let Some(inner) = paren_after(text, m.span.end) else {
            continue;
        };
        let inner_text = inner.slice(text).trim();
        let surface = m.span.slice(text);
        // "Long Name (ACR)"; the acronym starts as the name does, or at least one of its
        // words does ("Islamic State in Iraq and the Levant (ISIL)"; not "Nigeria (AP)").
        let fits = |acr: &str| {
            let first = acr.chars().next();
            surface
                .split_whitespace()
                .any(|w| w.chars().next() == first)
        };
        if is_acronym(inner_text) && !is_acronym(surface) && fits(inner_text) {
            let long = m.canonical.clone().unwrap_or_else(|| squash(surface));
            defs.insert(
                inner_text.to_string(),
                Definition {
                    long,
                    kb_id: m.kb_id.clone(),
                    kind: m.kind,
                },
            );
        } else if is_acronym(surface) && m.kind == EntityKind::Org {
            // "ACR (Long Name)": the long name is a mention filling the parenthesis.
            if let Some(long) = mentions.get(i + 1).filter(|n| {
                n.kind == EntityKind::Org
                    && n.span.start >= inner.start
                    && n.span.end <= inner.end
                    && n.span.slice(text).chars().next() == surface.chars().next()
            }) {
                if long.span.len() * 10 >= inner.slice(text).trim().len() * 8 {
                    let name = long
                        .canonical
                        .clone()
                        .unwrap_or_else(|| squash(long.span.slice(text)));
                    defs.insert(
                        surface.to_string(),
                        Definition {
                            long: name,
                            kb_id: long.kb_id.clone(),
                            kind: long.kind,
                        },
                    );
                }
            }
        }
    }
    // "Long Name (ACR)" where no mention covers the long name: match the initials.
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || k < 2 || tokens[k - 1].span.slice(text) != "(" {
            continue;
        }
        let acr = t.span.slice(text);
        if !is_acronym(acr)
            || defs.contains_key(acr)
            || tokens.get(k + 1).is_none_or(|c| c.span.slice(text) != ")")
        {
            continue;
        }
        let end_tok = k - 1;
        let words: Vec<usize> = (end_tok.saturating_sub(12)..end_tok)
            .filter(|&j| tokens[j].kind == TokenKind::Word)
            .collect();
        for n in 2..=words.len() {
            let run = &words[words.len() - n..];
            // The run must be contiguous words (no punctuation inside).
            if run.windows(2).any(|w| w[1] != w[0] + 1) || run.last() != Some(&(end_tok - 1)) {
                break;
            }
            let ws: Vec<&str> = run.iter().map(|&j| tokens[j].span.slice(text)).collect();
            if !is_capitalized(ws[0]) {
                continue;
            }
            if initials_match(&ws, acr) {
                let span = Span::new(
                    tokens[run[0]].span.start,
                    tokens[*run.last().unwrap()].span.end,
                );
                let long = squash(span.slice(text));
                defs.insert(
                    acr.to_string(),
                    Definition {
                        long,
                        kb_id: None,
                        kind: EntityKind::Org,
                    },
                );
                let mut m = Mention::new(span, EntityKind::Org, source.clone(), 8);
                m.canonical = None;
                added.push(m);
                break;
            }
        }
    }
    if defs.is_empty() {
        return;
    }
    // Long names found by initials replace what they cover.
    for a in added {
        mentions.retain(|m| !a.span.overlaps(&m.span));
        mentions.push(a);
    }
    for m in mentions.iter_mut() {
        if let Some(d) = defs.get(m.span.slice(text)) {
            m.canonical = Some(d.long.clone());
            m.kb_id = d.kb_id.clone();
            m.kind = d.kind;
        }
    }
    // Mentions of a defined acronym that nothing else found.
    let acrs: Vec<&str> = defs.keys().map(String::as_str).collect();
    let mut extra = Vec::new();
    for (span, k) in unclaimed_occurrences(text, mentions, &acrs) {
        let d = &defs[acrs[k]];
        let mut m = Mention::new(span, d.kind, source.clone(), 8);
        m.canonical = Some(d.long.clone());
        m.kb_id = d.kb_id.clone();
        extra.push(m);
    }
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.span.start);
}

/// The whole-word occurrences of `needles` (span, needle index) that overlap neither a
/// mention nor each other: the mentions that resolution may add.
fn unclaimed_occurrences(text: &str, mentions: &[Mention], needles: &[&str]) -> Vec<(Span, usize)> {
    let mut taken = Taken::new(mentions);
    let mut out = Vec::new();
    for (span, k) in crate::text::word_occurrences(text, needles) {
        if taken.claim(span) {
            out.push((span, k));
        }
    }
    out
}

/// The spans the mentions of a document take, by start, for overlap checks in logarithmic
/// time.
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    fn new(mentions: &[Mention]) -> Taken {
        Taken(
            mentions
                .iter()
                .map(|m| (m.span.start, m.span.end))
                .collect(),
        )
    }

    /// True when `span` overlaps a taken span.
    fn clashes(&self, span: Span) -> bool {
        self.0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start)
    }

    /// Takes `span` when it overlaps nothing taken; false when it does.
    fn claim(&mut self, span: Span) -> bool {
        let free = !self.clashes(span);
        if free {
            self.0.insert(span.start, span.end);
        }
        free
    }
}

fn last_word(name: &str) -> &str {
    name.split_whitespace().next_back().unwrap_or(name)
}

/// Links surnames to the full names of the document, and finds surname mentions no rule found.
pub fn surnames(
    text: &str,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    rules: &Rules,
    source: &Arc<str>,
) {
    let mut full: HashMap<&str, Arc<str>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let name = m.span.slice(text);
        if name.split_whitespace().count() >= 2 {
            full.entry(last_word(name)).or_insert_with(|| squash(name));
        }
    }
    if full.is_empty() {
        return;
    }
    let mut full: HashMap<String, Arc<str>> =
        full.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    // "al-Harbi" is "Al-Harbi" at the start of a sentence.
    let capitalized: Vec<(String, Arc<str>)> = full
        .iter()
        .filter(|(k, _)| !is_capitalized(k))
        .map(|(k, v)| (crate::text::capitalize_first(k), v.clone()))
        .collect();
    for (k, v) in capitalized {
        full.entry(k).or_insert(v);
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person) {
        let name = m.span.slice(text);
        if name.split_whitespace().count() == 1 {
            if let Some(f) = full.get(name) {
                m.canonical = Some(f.clone());
            }
        }
    }
    // "Xi Jinping", "Kim Jong Un": the family name comes first; the first word alone is the
    // person only where it speaks ("Xi said") or follows a title ("President Xi").
    let mut first: HashMap<String, Arc<str>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let name = m.span.slice(text);
        let words: Vec<&str> = name.split_whitespace().collect();
        if (2..=3).contains(&words.len()) && !full.contains_key(words[0]) {
            first
                .entry(words[0].to_string())
                .or_insert_with(|| squash(name));
        }
    }
    let mut extra = Vec::new();
    let mut k = 0;
    for (ti, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.slice(text);
        let word_at = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
        let f = match (full.get(w), first.get(w)) {
            (Some(f), _) => f,
            (None, Some(f))
                if rules.name_cue(word_at(ti + 1), NameCue::Speech)
                    || (ti > 0 && rules.name_cue(word_at(ti - 1), NameCue::SurnameTitle)) =>
            {
                f
            }
            _ => continue,
        };
        if rules.is_not_name(w) {
            continue;
        }
        while k < mentions.len() && mentions[k].span.end <= t.span.start {
            k += 1;
        }
        // "Noda said" after "Yoshihiko Noda": a town of that name yields to the person,
        // unless the text puts a place there ("in Noda").
        if let Some(m) = mentions.get_mut(k).filter(|m| {
            m.span == t.span
                && m.kind == EntityKind::Loc
                && m.kb_id
                    .as_deref()
                    .is_some_and(crate::gazetteer::is_local_place_id)
        }) {
            let place_context =
                ti > 0 && matches!(word_at(ti - 1), "in" | "at" | "from" | "to" | "near" | "of");
            if !place_context {
                m.kind = EntityKind::Person;
                m.canonical = Some(f.clone());
                m.kb_id = None;
                m.source = source.clone();
            }
            continue;
        }
        if mentions.get(k).is_some_and(|m| m.span.overlaps(&t.span)) {
            continue;
        }
        let mut m = Mention::new(t.span, EntityKind::Person, source.clone(), 3);
        m.canonical = Some(f.clone());
        extra.push(m);
    }
    if !extra.is_empty() {
        mentions.extend(extra);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Finds the short forms of company names defined in the document: "Halberd Analytics PLC"
/// is later "Halberd Analytics" and "Halberd".
pub fn org_short_forms(
    text: &str,
    mentions: &mut Vec<Mention>,
    rules: &Rules,
    gazetteer: &Gazetteer,
    source: &Arc<str>,
) {
    let mut forms: Vec<(String, Arc<str>)> = Vec::new();
    // Short forms the document itself defines in quotes: they override places and people.
    let mut defined: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Org) {
        let name = m.span.slice(text);
        if let Some(short) = quoted_short_form(text, m.span.end) {
            let fits = name.split_whitespace().any(|w| short.starts_with(w))
                && short.chars().count() >= 3
                && is_capitalized(short)
                && !rules.is_not_name(short);
            if fits && short != name {
                let full = m.canonical.clone().unwrap_or_else(|| squash(name));
                forms.push((short.to_string(), full));
                defined.push(short.to_string());
            }
        }
    }
    for m in mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Org && m.kb_id.is_none())
    {
        let name = m.span.slice(text);
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(last) = words.last() else { continue };
        // "Grupo Sierra Nevada" is later "Sierra Nevada".
        if words.len() >= 3 && rules.head(words[0]) == Some(crate::rules::HeadKind::Prefix) {
            let full = m.canonical.clone().unwrap_or_else(|| squash(name));
            forms.push((words[1..].join(" "), full));
            continue;
        }
        if words.len() < 2 || rules.head(last) != Some(crate::rules::HeadKind::Suffix) {
            continue;
        }
        let full = m.canonical.clone().unwrap_or_else(|| squash(name));
        let base: Vec<&str> = words[..words.len() - 1]
            .iter()
            .map(|w| w.trim_end_matches(','))
            .collect();
        if base.len() >= 2 {
            forms.push((base.join(" "), full.clone()));
        }
        let first = base[0];
        let distinctive = first.chars().count() >= 4
            && is_capitalized(first)
            && !rules.is_not_name(first)
            && gazetteer.given_name(first).is_none()
            && !gazetteer.is_demonym(first);
        if distinctive {
            forms.push((first.to_string(), full));
        }
    }
    if forms.is_empty() {
        return;
    }
    // The longest form first where several start at the same word.
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let needles: Vec<&str> = forms.iter().map(|(f, _)| f.as_str()).collect();
    // "Sierra Nevada" of "Grupo Sierra Nevada": a place inside a short form is part of it.
    let longer: Vec<Span> = crate::text::word_occurrences(text, &needles)
        .into_iter()
        .filter(|(_, k)| forms[*k].0.contains(' '))
        .map(|(span, _)| span)
        .collect();
    mentions.retain(|m| {
        !(m.kind == EntityKind::Loc
            && longer
                .iter()
                .any(|o| o.start <= m.span.start && m.span.end <= o.end && *o != m.span))
    });
    // "Gulf Harvest said": a short form the document defined is the company, not a person
    // a speech verb suggested nor a place that a rule guessed ("in Corvane's annual report");
    // a short form defined in quotes wins over the gazetteer too ("Harlow Precision Ltd.
    // (\"Harlow\")", not the English town).
    for m in mentions.iter_mut() {
        let name = m.span.slice(text);
        let guessed =
            m.kind == EntityKind::Person || (m.kind == EntityKind::Loc && m.kb_id.is_none());
        let overridden = matches!(m.kind, EntityKind::Person | EntityKind::Loc)
            && (guessed || defined.iter().any(|d| d == name));
        if !overridden {
            continue;
        }
        if let Some((_, full)) = forms.iter().find(|(f, _)| f == name) {
            m.kb_id = None;
            m.kind = EntityKind::Org;
            m.canonical = Some(full.clone());
            m.source = source.clone();
        }
    }
    let mut extra = Vec::new();
    for (span, k) in unclaimed_occurrences(text, mentions, &needles) {
        let mut m = Mention::new(span, EntityKind::Org, source.clone(), 3);
        m.canonical = Some(forms[k].1.clone());
        extra.push(m);
    }
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.span.start);
}

/// Acronyms no list knows and the text does not define, in running text: "YPFB", "GKNB",
/// "KOTRA". In press releases such a word is almost always a body; the words of kind
/// `not_acronym` in `org_words.tsv` (currencies, time zones, CEO, GDP…) are not, nor are
/// Roman numerals, ticker symbols ("NASDAQ: HLBD") and words of lines written in capitals.
pub fn unknown_acronyms(
    text: &str,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    rules: &Rules,
    source: &Arc<str>,
) {
    let mut taken = Taken::new(mentions);
    let mut extra = Vec::new();
    let mut line: Option<(usize, usize, bool)> = None;
    for (k, t) in tokens.iter().enumerate() {
        let w = t.span.slice(text);
        let n = w.len();
        if t.kind != TokenKind::Word
            || !(3..=6).contains(&n)
            || !w.bytes().all(|b| b.is_ascii_uppercase())
            || w.bytes().all(|b| b"IVXLCDM".contains(&b))
            || rules.org_word(w, crate::rules::OrgWord::NotAcronym)
        {
            continue;
        }
        // A word inside a longer token run ("FARC-EP", "U.S.") or a ticker ("NYSE: ABC").
        let glued = |a: usize, b: usize| {
            tokens
                .get(a)
                .zip(tokens.get(b))
                .is_some_and(|(x, y)| x.span.end == y.span.start)
        };
        let prev = k.checked_sub(1).map(|p| tokens[p].span.slice(text));
        if (k > 0 && glued(k - 1, k) && prev != Some("("))
            || (glued(k, k + 1)
                && !matches!(
                    tokens[k + 1].span.slice(text),
                    ")" | "," | "." | "’" | "'" | ";" | ":"
                ))
            || prev == Some(":")
        {
            continue;
        }
        // "the SMART survey", "CFA francs": an acronym before a noun names a standard or a
        // programme as often as a body; before a verb or a function word it acts.
        let modifier = tokens.get(k + 1).is_some_and(|x| {
            let next = x.span.slice(text);
            x.kind == TokenKind::Word
                && next.starts_with(char::is_lowercase)
                && !rules.org_word(next, crate::rules::OrgWord::AcronymActs)
        });
        // "EMBARGOED UNTIL 10:00 GMT": a phrase in capitals, not a name.
        let caps_word = |x: Option<&Token>| {
            x.is_some_and(|x| {
                let w = x.span.slice(text);
                x.kind == TokenKind::Word
                    && w.len() >= 2
                    && w.bytes().all(|b| b.is_ascii_uppercase())
            })
        };
        let phrase =
            caps_word(k.checked_sub(1).and_then(|p| tokens.get(p))) || caps_word(tokens.get(k + 1));
        if modifier || phrase || taken.clashes(t.span) {
            continue;
        }
        // Each line is scanned once: tokens come in order.
        if line.is_none_or(|(_, end, _)| t.span.start >= end) {
            line = Some(caps_line(text, t.span.start));
        }
        if line.is_some_and(|(_, _, caps)| caps) {
            continue;
        }
        taken.claim(t.span);
        extra.push(Mention::new(t.span, EntityKind::Org, source.clone(), 1));
    }
    if !extra.is_empty() {
        mentions.extend(extra);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// The line around byte `at` (start, end) and whether it has too few lowercase letters to be
/// running text.
fn caps_line(text: &str, at: usize) -> (usize, usize, bool) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let lower = text[start..end]
        .chars()
        .filter(|c| c.is_lowercase())
        .take(10);
    (start, end, lower.count() < 10)
}

/// The short form a company's name is given in quotes right after it, perhaps after another
/// parenthesis: "Corvane Robotics, Inc. (Nasdaq: CRVN) (\"Corvane\")", "Harlow Precision Ltd.
/// (\"Harlow\" or the \"Company\")".
fn quoted_short_form(text: &str, at: usize) -> Option<&str> {
    let mut rest = text[at..].trim_start_matches([' ', ',']);
    for _ in 0..2 {
        let inner = rest.strip_prefix('(')?;
        let close = inner.find(')').filter(|&c| c <= 80)?;
        let body = inner[..close].trim_start();
        let body = body.strip_prefix("the ").unwrap_or(body);
        if let Some(q) = body.strip_prefix(['"', '“']) {
            let end = q.find(['"', '”'])?;
            return Some(&q[..end]).filter(|s| !s.is_empty() && !s.contains('\n'));
        }
        rest = inner[close + 1..].trim_start_matches(' ');
    }
    None
}

/// Gives the other mentions of a name that a rule found once the same entity: "Dadaab" of
/// "the Dadaab camps" is a place wherever it stands.
pub fn propagate(text: &str, mentions: &mut Vec<Mention>, source: &Arc<str>) {
    let mut names: Vec<(&str, EntityKind, Option<Arc<str>>)> = Vec::new();
    for m in mentions.iter() {
        let by_rule = m.kb_id.is_none() && matches!(m.kind, EntityKind::Org | EntityKind::Loc);
        let name = m.span.slice(text);
        let plain = name.len() >= 4 && !name.contains('\n') && is_capitalized(name);
        if by_rule && plain && !names.iter().any(|(n, _, _)| *n == name) {
            names.push((name, m.kind, m.canonical.clone()));
        }
    }
    if names.is_empty() {
        return;
    }
    let needles: Vec<&str> = names.iter().map(|(n, _, _)| *n).collect();
    let mut extra = Vec::new();
    for (span, k) in unclaimed_occurrences(text, mentions, &needles) {
        let (_, kind, canonical) = &names[k];
        let mut m = Mention::new(span, *kind, source.clone(), 2);
        m.canonical = canonical.clone();
        extra.push(m);
    }
    if !extra.is_empty() {
        mentions.extend(extra);
        mentions.sort_by_key(|m| m.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_spread_to_their_other_mentions() {
        let text = "Refugees in the Dadaab camps arrived. Dadaab hosts 300,000 people.";
        let src: Arc<str> = Arc::from("t");
        let mut mentions = vec![Mention::new(
            Span::new(16, 22),
            EntityKind::Loc,
            src.clone(),
            4,
        )];
        propagate(text, &mut mentions, &src);
        let found: Vec<&str> = mentions.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(found, vec!["Dadaab", "Dadaab"]);
        assert_eq!(mentions[1].span.start, 38);
    }

    #[test]
    fn initials() {
        assert!(initials_match(
            &["United", "Nations", "Office", "of", "Counter-Terrorism"],
            "UNOCT"
        ));
        assert!(initials_match(
            &["International", "Chamber", "of", "Commerce"],
            "ICC"
        ));
        assert!(!initials_match(&["International", "Chamber"], "ICC"));
        assert!(
            is_acronym("UNOCT")
                && is_acronym("UN-Habitat")
                && !is_acronym("Kenya")
                && !is_acronym("A")
        );
    }
}
