//! Organizations by pattern: a head noun with its capitalized modifiers and its
//! "of/for/on …" complement ("Kenya Police Service", "Ministry of Foreign Affairs and
//! International Cooperation", "Permanent Mission of Japan to the United Nations"), and
//! company names with a legal-form suffix ("Northwind Holdings Inc.").

use super::{Doc, HeadKind, OrgWord, PlaceWord, Rules};
use crate::gazetteer::EntryKind;
use crate::text::{is_capitalized, Span};

/// An organization found by a rule.
pub struct OrgCand {
    /// The name.
    pub span: Span,
    /// The rule.
    pub rule: &'static str,
}

impl Rules {
    /// True when token `i` may modify an organization head ("National", "Kenya").
    fn is_modifier(&self, doc: &Doc, i: usize) -> bool {
        self.is_modifier_of(doc, i, false)
    }

    /// [`Self::is_modifier`], in a company's name when `company`: there the common words of
    /// `not_names.tsv` may be part of the name ("Accra Grain Trading Ltd.").
    fn is_modifier_of(&self, doc: &Doc, i: usize, company: bool) -> bool {
        doc.is_word(i) && {
            let w = doc.word(i);
            // "Abu Dhabi-based", "UN-backed": an adjective, not part of the name.
            let adjective = w
                .rsplit_once('-')
                .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
            let not_name = if company {
                self.is_starter(w)
            } else {
                self.is_not_name(w)
            };
            is_capitalized(w)
                && !adjective
                && !not_name
                && !doc.gazetteer.is_demonym(w)
                && !self.org_word(w, OrgWord::NotCompany)
                || self.org_word(w, OrgWord::Generic)
        }
    }

    /// The first token of the modifiers before token `h` (`h` itself when there are none).
    /// Places join the name ("Kenya Police Service"); a known organization before the head
    /// does not ("IMF Executive Board" is the IMF's board), except in a company's name
    /// (`company`: "Barclays Bank PLC", where common words join too).
    fn modifiers_start(&self, doc: &Doc, h: usize, company: bool) -> usize {
        let mut s = h;
        while s > 0 && doc.same_sentence(s - 1, h) {
            let prev = s - 1;
            if let Some(g) = doc.gaz_ending(doc.tokens[prev].span.end) {
                let first = doc.token_containing(g.span.start);
                // "SADC Secretariat", "European Union Election Observation Mission": a body's
                // name or acronym before the head of one of its organs names the organ,
                // unless a general word comes between ("IMF Executive Board"); its
                // departments and units keep their own names ("ILO Research Department").
                let acronym_organ = doc.gaz_kind(g) == EntryKind::Org
                    && self.org_word(doc.word(h), OrgWord::Organ)
                    && !(s..h).any(|i| self.org_word(doc.word(i), OrgWord::Generic));
                // "U.N. Central Emergency Response Fund", "UN Integrated Office in Haiti": the
                // United Nations names its own funds, offices and missions.
                let un = &*doc.gazetteer.entry(g.entry).subtype == "un";
                let joins = doc.gaz_kind(g) == EntryKind::Loc
                    || (company && doc.gaz_kind(g) == EntryKind::Org)
                    || acronym_organ
                    || un;
                if joins && first < s {
                    s = first;
                    continue;
                }
                if doc.gaz_kind(g) == EntryKind::Org {
                    break;
                }
            }
            let w = doc.word(prev);
            // "Sofia City Prosecutor's Office": a possessive modifier (tokens "'" and "s").
            let possessive = w == "s"
                && prev >= 2
                && matches!(doc.word(prev - 1), "'" | "’")
                && doc.tokens[prev - 1].span.end == doc.tokens[prev].span.start;
            if possessive {
                let owner = doc.gaz_ending(doc.tokens[prev - 2].span.end);
                // "U.S. Attorney's Office", "Prime Minister's Office": the office of a title.
                if let Some(t) = owner.filter(|&g| doc.gaz_kind(g) == EntryKind::Title) {
                    s = doc.token_containing(t.span.start);
                    continue;
                }
                if self.is_modifier(doc, prev - 2)
                    && owner
                        .is_none_or(|g| !matches!(doc.gaz_kind(g), EntryKind::Loc | EntryKind::Org))
                {
                    s = prev - 2;
                    continue;
                }
            }
            // "Municipal Workers' Union": a plural possessive modifier (tokens "Workers", "'").
            if matches!(w, "'" | "’")
                && prev >= 1
                && doc.tokens[prev - 1].span.end == doc.tokens[prev].span.start
                && doc.word(prev - 1).ends_with('s')
                && self.is_modifier(doc, prev - 1)
            {
                s = prev - 1;
                continue;
            }
            // "European Climate, Infrastructure and Environment Executive Agency": a list of
            // modifiers, its items joined by commas before the "and" of its last one.
            if w == ","
                && prev >= 1
                && (s..h).any(|i| matches!(doc.word(i), "and" | "&"))
                && self.is_modifier(doc, prev - 1)
                // "Nadia Hendricks, Communication and Marketing Department": a person before
                // the comma, not a list of modifiers.
                && !(prev >= 2 && doc.gazetteer.given_name(doc.word(prev - 2)).is_some())
                && !crate::text::is_all_caps(doc.word(prev - 1))
            {
                s = prev - 1;
                continue;
            }
            let joins = (w == "&" || w == "and")
                && s < h
                && prev > 0
                && self.is_modifier(doc, prev - 1)
                && !crate::text::is_all_caps(doc.word(prev - 1))
                && doc.gaz_ending(doc.tokens[prev - 1].span.end).is_none()
                && self.head(doc.word(prev - 1)).is_none();
            if self.is_modifier_of(doc, prev, company)
                && !(doc.sentence_initial(prev) && self.is_not_name(w))
                || joins
            {
                s = prev;
            } else {
                break;
            }
        }
        // Never start on a connector.
        while s < h && matches!(doc.word(s), "&" | "and") {
            s += 1;
        }
        s
    }

    /// The end (exclusive token index) of the complement after head token `h`.
    fn complement_end(&self, doc: &Doc, h: usize) -> Option<usize> {
        let p = h + 1;
        if !matches!(doc.word(p), "of" | "for" | "on") || !doc.same_sentence(h, p) {
            return None;
        }
        let mut j = p + 1;
        if doc.word(j) == "the" {
            j += 1;
        }
        // "Office of the Attorney General", "Office of the High Commissioner": an office
        // named after its holder's title.
        let titled_office = doc.word(h) == "Office" && doc.word(p + 1) == "the";
        let mut last = None;
        // The last place of the complement was a country ("… of Colombia").
        let mut after_country = false;
        while j < doc.tokens.len() && doc.same_sentence(h, j) {
            if let Some(g) = doc.gaz_starting(doc.tokens[j].span.start) {
                // "the Government of the Southern African Development Community" is no
                // government's name: a government is of a place.
                if last.is_none()
                    && doc.gaz_kind(g) == EntryKind::Org
                    && self.head(doc.word(h)) == Some(HeadKind::HeadOf)
                {
                    return None;
                }
                if matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc) {
                    j = doc.token_at(g.span.end).max(j + 1);
                    last = Some(j);
                    after_country = &*doc.gazetteer.entry(g.entry).subtype == "country";
                    continue;
                }
            }
            let w = doc.word(j);
            // "Development Bank of Latin America and the Caribbean": a region joined with
            // "and the"; but "Ministry of X of Colombia and Ecuador" names two countries.
            if w == "and" && last == Some(j) {
                let k = if doc.word(j + 1) == "the" {
                    j + 2
                } else {
                    j + 1
                };
                let place = doc
                    .tokens
                    .get(k)
                    .and_then(|t| doc.gaz_starting(t.span.start))
                    .filter(|g| doc.gaz_kind(g) == EntryKind::Loc);
                if let Some(g) = place {
                    let country = &*doc.gazetteer.entry(g.entry).subtype == "country";
                    if country && (after_country || k == j + 2) {
                        break;
                    }
                    // "… of Nigeria and the Borno State Government": the place begins
                    // another name.
                    let after = doc.token_at(g.span.end);
                    let begins_name = doc.same_sentence(k, after)
                        && doc.is_word(after)
                        && (self.head(doc.word(after)).is_some() || self.is_modifier(doc, after));
                    if begins_name {
                        break;
                    }
                    if k == j + 2 {
                        j = k;
                        continue;
                    }
                }
            }
            after_country = false;
            if doc.is_word(j)
                && is_capitalized(w)
                && (!self.is_not_name(w) || titled_office && doc.gazetteer.is_title_word(w))
                || self.org_word(w, OrgWord::Complement)
            {
                j += 1;
                last = Some(j);
            } else if w == ","
                && last.is_some()
                && self.is_modifier(doc, j + 1)
                && (j + 2..j + 5).any(|k| doc.word(k) == "and")
                // "Shire of Narrogin, Leanne Kowalczyk, and": a person after the comma.
                && doc.gazetteer.given_name(doc.word(j + 1)).is_none_or(|g| g.ambiguous)
            {
                // "Ministry of Economy, Trade and Industry".
                j += 1;
            } else if matches!(w, "and" | "&" | "of" | "the" | "for")
                && last.is_some()
                && (self.is_modifier(doc, j + 1)
                    || self.org_word(doc.word(j + 1), OrgWord::Complement))
                && !crate::text::is_all_caps(doc.word(j + 1))
                && doc
                    .gaz_starting(doc.tokens[j + 1].span.start)
                    .is_none_or(|g| doc.gaz_kind(g) == EntryKind::Loc)
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut end = last?;
        // "Board of Directors": the members of a board are no name of it.
        if end == p + 2 && self.org_word(doc.word(p + 1), OrgWord::Members) {
            return None;
        }
        // "Permanent Mission of Japan to the United Nations".
        if doc.word(end) == "to" {
            let k = if doc.word(end + 1) == "the" {
                end + 2
            } else {
                end + 1
            };
            if let Some(g) =
                doc.gaz_starting(doc.tokens.get(k).map_or(usize::MAX, |t| t.span.start))
            {
                if doc.gaz_kind(g) == EntryKind::Org {
                    end = doc.token_at(g.span.end);
                }
            }
        }
        Some(end)
    }

    /// True when token `i` follows "in", "at", "near"… (possibly through "the").
    fn after_locative(&self, doc: &Doc, i: usize) -> bool {
        let mut k = i;
        if k > 0 && doc.word(k - 1).eq_ignore_ascii_case("the") {
            k -= 1;
        }
        k > 0
            && doc.same_sentence(k - 1, i)
            && self.place_word(doc.word(k - 1), PlaceWord::TownContext)
    }

    /// A non-governmental organization of the gazetteer followed by a country's name is its
    /// national branch: "World Vision Kenya", "Amnesty International Kenya".
    fn national_branches(&self, doc: &Doc) -> Vec<OrgCand> {
        let mut out = Vec::new();
        for (k, g) in doc.gaz.iter().enumerate() {
            let entry = doc.gazetteer.entry(g.entry);
            if entry.kind != EntryKind::Org || &*entry.subtype != "ngo" {
                continue;
            }
            let Some(next) = doc.gaz.get(k + 1) else {
                continue;
            };
            let place = doc.gazetteer.entry(next.entry);
            let between = &doc.text[g.span.end..next.span.start];
            if place.kind != EntryKind::Loc
                || &*place.subtype != "country"
                || between != " "
                || !doc.same_sentence(doc.token_at(g.span.start), doc.token_at(next.span.start))
            {
                continue;
            }
            // "Oxfam Kenya Programme Director": a name goes on after the country.
            let after = doc.token_at(next.span.end);
            if doc.same_sentence(doc.token_at(g.span.start), after)
                && doc.is_word(after)
                && is_capitalized(doc.word(after))
            {
                continue;
            }
            out.push(OrgCand {
                span: Span::new(g.span.start, next.span.end),
                rule: "org_pattern",
            });
        }
        out
    }

    /// Finds organizations by pattern.
    pub fn orgs(&self, doc: &Doc) -> Vec<OrgCand> {
        let mut out = self.national_branches(doc);
        for h in 0..doc.tokens.len() {
            if !doc.is_word(h) {
                continue;
            }
            if let Some(end) = self.suffix_end(doc, h) {
                self.company(doc, h, end, &mut out);
                continue;
            }
            let Some(kind) = self.head(doc.word(h)) else {
                continue;
            };
            match kind {
                // Found by `suffix_end` above.
                HeadKind::Suffix => {}
                HeadKind::Prefix => self.prefixed(doc, h, &mut out),
                HeadKind::Head | HeadKind::HeadOf | HeadKind::Institution => {
                    let mut start = if kind == HeadKind::HeadOf {
                        // "County Government of Turkana": a level of government before it.
                        let mut s = h;
                        while s > 0
                            && doc.same_sentence(s - 1, h)
                            && self.org_word(doc.word(s - 1), OrgWord::GovernmentLevel)
                        {
                            s -= 1;
                        }
                        // "Borno State Government", "Western Cape Government", "Borno State
                        // House of Assembly": a place's own government or house ("Lilongwe
                        // City" is a place).
                        let place = (s.saturating_sub(1)..h)
                            .filter(|&p| doc.same_sentence(p, h))
                            .filter_map(|p| doc.gaz_ending(doc.tokens[p].span.end))
                            .find(|g| doc.gaz_kind(g) == EntryKind::Loc);
                        match place {
                            Some(g) if doc.word(h) == "Government" || s < h => {
                                doc.token_containing(g.span.start).min(s)
                            }
                            _ => s,
                        }
                    } else {
                        self.modifiers_start(doc, h, false)
                    };
                    let comp = self.complement_end(doc, h);
                    // "Federal High Court": two general words make a name, and one does for
                    // an institution ("Supreme Court"). A head before the head is a general
                    // word too: "the Bank Group" names nothing, "National Police Service" does.
                    let general = (start..h)
                        .filter(|&i| {
                            self.org_word(doc.word(i), OrgWord::Generic)
                                || self.head(doc.word(i)).is_some()
                        })
                        .count();
                    let has_mods = (start..h).any(|i| {
                        (self.is_modifier(doc, i)
                            && !self.org_word(doc.word(i), OrgWord::Generic)
                            && self.head(doc.word(i)).is_none())
                            || doc.gaz_starting(doc.tokens[i].span.start).is_some()
                    }) || general >= 2
                        || (kind == HeadKind::Institution && general >= 1)
                        // "the Federal Government agreed": a level of government names one.
                        || (kind == HeadKind::HeadOf && start < h)
                        // "the Nigerian Army": a nation's own institution.
                        || (kind == HeadKind::Institution && start == h && self.demonym_before(doc, h));
                    if !has_mods && comp.is_none() {
                        continue;
                    }
                    // "the City of Cape Town launched" is the city's government, "in the City
                    // of London" a place.
                    if doc.word(h) == "City" && start == h && self.after_locative(doc, h) {
                        continue;
                    }
                    // "UNICEF Kenya Country Office", "WHO Regional Office": a body's own
                    // office takes the body's name.
                    if doc.word(h) == "Office"
                        && (start..h).any(|i| self.org_word(doc.word(i), OrgWord::OfficeKind))
                        && start > 0
                    {
                        if let Some(g) = doc
                            .gaz_ending(doc.tokens[start - 1].span.end)
                            .filter(|g| doc.gaz_kind(g) == EntryKind::Org)
                        {
                            start = doc.token_containing(g.span.start);
                        }
                    }
                    // "Sudanese Armed Forces", "Russian Foreign Ministry": a nationality
                    // before the modifiers belongs to the name.
                    if (start < h || kind == HeadKind::Institution)
                        && self.demonym_before(doc, start)
                    {
                        start -= 1;
                    }
                    let end = comp.unwrap_or_else(|| self.place_designator_end(doc, h + 1));
                    // In a Title Case line capitals say nothing, unless the name fills a
                    // field of a list ("Greece: Hellenic Police, Hellenic Coast Guard").
                    if doc.title_case(h) && !doc.is_field(start, end) {
                        continue;
                    }
                    if self.press_unit(doc, start, end) {
                        continue;
                    }
                    let span =
                        Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
                    out.push(OrgCand {
                        span,
                        rule: "org_pattern",
                    });
                }
            }
        }
        out
    }

    /// True when the word before token `i` is a nationality that belongs to the name after it
    /// ("Sudanese Armed Forces", "the Nigerian Army"), not a sentence's first word.
    fn demonym_before(&self, doc: &Doc, i: usize) -> bool {
        i > 0
            && doc.same_sentence(i - 1, i)
            && doc.is_word(i - 1)
            && doc.gazetteer.is_demonym(doc.word(i - 1))
            && !doc.sentence_initial(i - 1)
    }

    /// True when tokens `start..end` name a press or communications office of an unnamed
    /// body ("Public Affairs Unit", "Office of Communications"): a unit's head (kind `unit`), a
    /// word or two-word phrase of kind `press_unit`, and no known organization or place in
    /// the name.
    fn press_unit(&self, doc: &Doc, start: usize, end: usize) -> bool {
        let press = |i: usize| {
            self.org_word(doc.word(i), OrgWord::PressUnit)
                || i > start
                    && self.org_word(
                        &format!("{} {}", doc.word(i - 1), doc.word(i)),
                        OrgWord::PressUnit,
                    )
        };
        (start..end).any(|i| self.org_word(doc.word(i), OrgWord::Unit))
            && (start..end).any(press)
            && (start..end).all(|i| {
                doc.gaz_starting(doc.tokens[i].span.start)
                    .is_none_or(|g| !matches!(doc.gaz_kind(g), EntryKind::Org | EntryKind::Loc))
            })
    }

    /// The end of a place that designates which office a head names ("Public Prosecutor's
    /// Office Vienna", "Public Prosecutor's Office Munich I"), or `at` when none follows.
    fn place_designator_end(&self, doc: &Doc, at: usize) -> usize {
        let Some(g) = doc
            .tokens
            .get(at)
            .and_then(|t| doc.gaz_starting(t.span.start))
        else {
            return at;
        };
        if doc.gaz_kind(g) != EntryKind::Loc || !doc.same_sentence(at, doc.token_at(g.span.end) - 1)
        {
            return at;
        }
        let end = doc.token_at(g.span.end);
        // A following capitalized word would make the place the start of another name.
        let next = doc.word(end);
        if matches!(next, "I" | "II" | "III" | "IV") {
            return end + 1;
        }
        if doc.is_word(end) && is_capitalized(next) {
            return at;
        }
        end
    }

    /// "Grupo Sierra Nevada", "Instituto Nacional de Estadística": a prefix head, then
    /// capitalized words, with lowercase particles (`particle.tsv`: de, del, do, y…) between them.
    fn prefixed(&self, doc: &Doc, h: usize, out: &mut Vec<OrgCand>) {
        let name = |j: usize| {
            doc.is_word(j)
                && doc.same_sentence(h, j)
                && is_capitalized(doc.word(j))
                && !self.is_not_name(doc.word(j))
        };
        let mut last = None;
        let mut j = h + 1;
        while j < doc.tokens.len() && j <= h + 8 {
            if name(j) {
                last = Some(j);
                j += 1;
            } else if doc.word(j).starts_with(char::is_lowercase)
                && (doc.gazetteer.is_particle(doc.word(j))
                    || self.org_word(doc.word(j), OrgWord::Connector))
                && doc.same_sentence(h, j)
            {
                j += 1;
            } else {
                break;
            }
        }
        if let Some(last) = last {
            out.push(OrgCand {
                span: Span::new(doc.tokens[h].span.start, doc.tokens[last].span.end),
                rule: "org_pattern",
            });
        }
    }

    /// The end (byte) of a company suffix that starts at token `h`: "Ltd", "Inc." (the period
    /// belongs to a suffix written with one), or letters and periods that the tokenizer splits
    /// ("S.A.", "N.V.", "S.p.A.").
    fn suffix_end(&self, doc: &Doc, h: usize) -> Option<usize> {
        if let Some(end) = self.dotted_suffix(doc, h) {
            return Some(end);
        }
        if self.head(doc.word(h)) != Some(HeadKind::Suffix) {
            return None;
        }
        let end = doc.tokens[h].span.end;
        let period = doc.word(h + 1) == "."
            && doc.tokens.get(h + 1).is_some_and(|t| t.span.start == end)
            && self.head(&format!("{}.", doc.word(h))) == Some(HeadKind::Suffix);
        Some(if period { end + 1 } else { end })
    }

    /// The end (byte) of a suffix of letters and periods starting at token `h` ("S.A.").
    fn dotted_suffix(&self, doc: &Doc, h: usize) -> Option<usize> {
        let mut text = String::new();
        let mut best = None;
        let mut k = h;
        while k + 1 < doc.tokens.len() && doc.is_word(k) && doc.word(k).len() <= 3 {
            let dot = &doc.tokens[k + 1];
            if doc.word(k + 1) != "." || dot.span.start != doc.tokens[k].span.end {
                break;
            }
            text.push_str(doc.word(k));
            text.push('.');
            if k > h && self.head(&text) == Some(HeadKind::Suffix) {
                best = Some(dot.span.end);
            }
            match doc.tokens.get(k + 2) {
                Some(t) if t.span.start == dot.span.end => k += 2,
                _ => break,
            }
        }
        best
    }

    /// A company name that ends with the suffix starting at token `h` and ending at byte
    /// `end`.
    fn company(&self, doc: &Doc, h: usize, end: usize, out: &mut Vec<OrgCand>) {
        let mut k = h;
        // "Kyowa Pharma Co., Ltd.", "Nile Crest Mining Co. Ltd.", "Nordhafen GmbH & Co. KG": a
        // suffix after another one ends the same name.
        loop {
            let mut j = k;
            if j > 0 && matches!(doc.word(j - 1), "," | "&") {
                j -= 1;
            }
            if j > 0 && doc.word(j - 1) == "." {
                j -= 1;
            }
            if j > 0
                && j < k
                && (self.head(doc.word(j - 1)) == Some(HeadKind::Suffix)
                    || self.head(&format!("{}.", doc.word(j - 1))) == Some(HeadKind::Suffix))
            {
                k = j - 1;
            } else {
                break;
            }
        }
        if k > 0 && doc.word(k - 1) == "," {
            k -= 1;
        }
        // A brand the gazetteer knows is part of the company's name ("Barclays Bank PLC").
        let start = self.modifiers_start(doc, k, true);
        if start >= k {
            return;
        }
        let span = Span::new(doc.tokens[start].span.start, end);
        out.push(OrgCand {
            span,
            rule: "org_company",
        });
    }
}
