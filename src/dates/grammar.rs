//! The date grammar: one regular expression per expression shape, built once from the
//! lexicon, and the code that reads each match into an [`Expr`].

use super::anchors::{self, Anchors, Classes};
use super::calendar::{self, Point};
use super::lexicon::Lexicon;
use super::DateMention;
use crate::text::Span;
use chrono::{Datelike, Duration, NaiveDate};
use regex::{Captures, Regex};

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
}

/// What a date expression says, before it is resolved against the document date.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// An absolute point ("2 October 2018", "June 2018", "2018", "Q2 2021", "the 1990s").
    Point(Point),
    /// An absolute range ("25-29 June 2018", "2016-2020").
    Range(Point, Point),
    /// A day of a month; the year comes from the document date ("4 December").
    DayMonth {
        /// Day of month.
        day: u32,
        /// Month.
        month: u32,
    },
    /// A range of days; the year comes from the document date ("from 4 to 6 December").
    DayRange {
        /// First day.
        d1: u32,
        /// First month.
        m1: u32,
        /// Last day.
        d2: u32,
        /// Last month.
        m2: u32,
    },
    /// A range of months; the year comes from the document date.
    MonthRange {
        /// First month.
        m1: u32,
        /// Last month.
        m2: u32,
    },
    /// A month alone ("in December", "last March").
    Month {
        /// Month.
        month: u32,
        /// this/last/next.
        shift: Option<i32>,
    },
    /// A weekday ("on Monday", "last Friday").
    Weekday {
        /// ISO weekday.
        weekday: u32,
        /// this/last/next.
        shift: Option<i32>,
    },
    /// today, yesterday, tomorrow.
    DayOffset(i64),
    /// this/last/next week, month, quarter, year.
    Shift {
        /// The unit.
        unit: Unit,
        /// How many units from the document date.
        n: i32,
    },
    /// "two days ago".
    Ago {
        /// The unit.
        unit: Unit,
        /// How many.
        n: i64,
    },
    /// "the first quarter" (of the document's year, or a shifted one).
    QuarterOf {
        /// 1..=4.
        q: u32,
        /// Years from the document's year.
        year_shift: i32,
    },
    /// "this summer", "last autumn" (of the document's year, or a shifted one).
    SeasonOf {
        /// TIMEX3 season code.
        code: &'static str,
        /// Years from the document's year.
        year_shift: i32,
    },
    /// "the first half" (of the document's year, or a shifted one).
    HalfOf {
        /// 1..=2.
        h: u32,
        /// Years from the document's year.
        year_shift: i32,
    },
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    DayMonthRange,
    MonthDayRange,
    DmDmRange,
    MdMdRange,
    YearRange,
    MonthRange,
    Dmy,
    Mdy,
    MonthYear,
    Weekday,
    Month,
    Year,
    Quarter,
    Half,
    Decade,
    Fiscal,
    Season,
    DayRel,
    UnitRel,
    EarlierLater,
    EndOf,
    Ago,
    Iso,
    Dotted,
    Slashed,
}

impl Kind {
    /// The anchors one of which every match of a rule of this kind contains.
    fn anchors(self) -> Classes {
        use anchors::*;
        match self {
            Kind::DayMonthRange
            | Kind::MonthDayRange
            | Kind::DmDmRange
            | Kind::MdMdRange
            | Kind::MonthRange
            | Kind::Dmy
            | Kind::Mdy
            | Kind::MonthYear
            | Kind::Month => MONTH,
            Kind::Weekday => WEEKDAY,
            Kind::YearRange
            | Kind::Year
            | Kind::Decade
            | Kind::Iso
            | Kind::Dotted
            | Kind::Slashed => YEAR,
            Kind::Quarter => QUARTER,
            Kind::Half => HALF,
            Kind::Fiscal => FISCAL | YEAR,
            Kind::Season => SEASON,
            Kind::DayRel => DAY_WORD,
            Kind::UnitRel | Kind::EarlierLater | Kind::EndOf => UNIT,
            Kind::Ago => AGO,
        }
    }
}

#[derive(Debug, Clone)]
struct Rule {
    name: &'static str,
    kind: Kind,
    re: Regex,
}

/// The compiled grammar.
#[derive(Debug, Clone)]
pub struct Grammar {
    rules: Vec<Rule>,
    anchors: Anchors,
}

const B: &str = r"(?-u:\b)";
const PRE: &str = r"(?:(?P<pre>[Ff]rom|[Bb]etween|FROM|BETWEEN)\s+)?";
const CONN: &str = r"(?P<c>\s*[-–—‐]\s*|\s+(?:to|until|till|through|thru|and)\s+)";
const SHIFT_WORDS: &str = "this|last|next|coming|previous|current|following";

impl Grammar {
    /// Builds every rule from the lexicon.
    pub fn new(lx: &Lexicon) -> Grammar {
        let months = Lexicon::alternation(&lx.months);
        let weekdays = Lexicon::alternation(&lx.weekdays);
        let m = |n: &str| format!("(?P<{n}>{months})");
        let w = |n: &str| format!("(?P<{n}>{weekdays})");
        let d = |n: &str| format!(r"(?P<{n}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{B}");
        let y = |n: &str| format!(r"(?P<{n}>1[89][0-9]{{2}}|20[0-9]{{2}}){B}");
        let cap = |w: &str| {
            w.split('|')
                .map(|x| {
                    let mut c = x.chars();
                    let first = c.next().unwrap();
                    format!("[{}{}]{}", first.to_ascii_uppercase(), first, c.as_str())
                })
                .collect::<Vec<_>>()
                .join("|")
        };
        let modifier = r"(?:(?P<mod>[Ee]arly|[Mm]id-?|[Ll]ate)\s*)?";
        let src: Vec<(&'static str, Kind, String)> = vec![
            (
                "day_range",
                Kind::DayMonthRange,
                format!(
                    r"{B}{PRE}(?P<span>{}{CONN}{}\s+{}(?:,?\s+{})?)",
                    d("d1"),
                    d("d2"),
                    m("m"),
                    y("y")
                ),
            ),
            (
                "month_day_range",
                Kind::MonthDayRange,
                format!(
                    r"{B}{PRE}(?P<span>{}\s+{}{CONN}{}(?:,?\s+{})?)",
                    m("m"),
                    d("d1"),
                    d("d2"),
                    y("y")
                ),
            ),
            (
                "day_month_range",
                Kind::DmDmRange,
                format!(
                    r"{B}{PRE}(?P<span>{}\s+{}(?:,?\s+{})?{CONN}{}\s+{}(?:,?\s+{})?)",
                    d("d1"),
                    m("m1"),
                    y("y1"),
                    d("d2"),
                    m("m2"),
                    y("y2")
                ),
            ),
            (
                "month_day_month_day_range",
                Kind::MdMdRange,
                format!(
                    r"{B}{PRE}(?P<span>{}\s+{}(?:,?\s+{})?{CONN}{}\s+{}(?:,?\s+{})?)",
                    m("m1"),
                    d("d1"),
                    y("y1"),
                    m("m2"),
                    d("d2"),
                    y("y2")
                ),
            ),
            (
                "year_range",
                Kind::YearRange,
                format!(
                    r"{B}{PRE}(?P<span>{}(?P<c>\s*[-–—/]\s*|\s+(?:to|until|till|through|and)\s+)(?P<y2>1[89][0-9]{{2}}|20[0-9]{{2}}|[0-9]{{2}}){B})",
                    y("y1")
                ),
            ),
            (
                "month_range",
                Kind::MonthRange,
                format!(
                    r"{B}{PRE}(?P<span>{}(?:\s+{})?{CONN}{}(?:,?\s+{})?)",
                    m("m1"),
                    y("y1"),
                    m("m2"),
                    y("y")
                ),
            ),
            (
                "day_month_year",
                Kind::Dmy,
                format!(
                    r"{B}(?P<span>(?:{},?\s+)?(?:[Tt]he\s+)?{}(?:\s+of)?\s+{}(?:,?\s+{})?)",
                    w("w"),
                    d("d"),
                    m("m"),
                    y("y")
                ),
            ),
            (
                "month_day_year",
                Kind::Mdy,
                format!(
                    r"{B}(?P<span>(?:{},?\s+)?{}\s+{}(?:,?\s+{})?)",
                    w("w"),
                    m("m"),
                    d("d"),
                    y("y")
                ),
            ),
            (
                "month_year",
                Kind::MonthYear,
                format!(
                    r"{B}(?P<span>{modifier}{},?\s+(?:of\s+)?{})",
                    m("m"),
                    y("y")
                ),
            ),
            (
                "weekday",
                Kind::Weekday,
                format!(
                    r"{B}(?P<span>(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?{})",
                    w("w")
                ),
            ),
            (
                "month",
                Kind::Month,
                format!(
                    r"{B}(?P<span>(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{modifier}{})",
                    m("m")
                ),
            ),
            (
                "year",
                Kind::Year,
                format!(r"{B}(?P<span>{modifier}{})", y("y")),
            ),
            (
                "quarter",
                Kind::Quarter,
                format!(
                    r"{B}(?P<span>(?:[Tt]he\s+)?(?:Q(?P<q>[1-4])|(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|1st|2nd|3rd|4th)\s+quarter)(?:\s+(?:of\s+)?(?:(?:fiscal\s+(?:year\s+)?|FY\s?)?{}|(?P<rel>this|last|next|the)\s+year))?){B}",
                    y("y")
                ),
            ),
            (
                "half",
                Kind::Half,
                format!(
                    r"{B}(?P<span>(?:[Tt]he\s+)?(?:(?P<ord>first|second|1st|2nd)\s+half|H(?P<h>[12]))(?:\s+(?:of\s+)?(?:{}|(?P<rel>this|last|next|the)\s+year))?){B}",
                    y("y")
                ),
            ),
            (
                "decade",
                Kind::Decade,
                format!(
                    r"{B}(?P<span>(?:[Tt]he\s+)?{modifier}(?P<dec>1[89][0-9]0|20[0-9]0)'?s){B}"
                ),
            ),
            (
                "fiscal_year",
                Kind::Fiscal,
                format!(
                    r"{B}(?P<span>(?:[Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?|[Ff]inancial\s+[Yy]ear\s+)(?P<fy>1[89][0-9]{{2}}|20[0-9]{{2}}|[0-9]{{2}})|(?P<fy2>1[89][0-9]{{2}}|20[0-9]{{2}})\s+(?:fiscal|financial)\s+year){B}"
                ),
            ),
            (
                "season",
                Kind::Season,
                format!(
                    r"{B}(?P<span>(?P<s>{seasons})\s+(?:of\s+)?{}|(?P<srel>[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|[Pp]ast|[Tt]he)\s+(?P<s2>{seasons}){B}(?:\s+(?:of\s+)?{})?)",
                    y("y"),
                    y("y2"),
                    seasons = cap("spring|summer|autumn|fall|winter"),
                ),
            ),
            (
                "relative_day",
                Kind::DayRel,
                format!(
                    r"{B}(?P<span>(?P<w>{}|TODAY|YESTERDAY|TOMORROW)){B}",
                    cap("today|yesterday|tomorrow|tonight")
                ),
            ),
            (
                "relative_unit",
                Kind::UnitRel,
                format!(
                    r"{B}(?P<span>(?:[Tt]he\s+)?(?P<shift>{})\s+(?P<unit>week|month|year|quarter)){B}",
                    cap(SHIFT_WORDS)
                ),
            ),
            (
                "earlier_later",
                Kind::EarlierLater,
                format!(
                    r"{B}(?P<span>(?P<el>[Ee]arlier|[Ll]ater)\s+this\s+(?P<unit>week|month|year)){B}"
                ),
            ),
            (
                "end_of",
                Kind::EndOf,
                format!(
                    r"{B}(?P<span>(?:[Tt]he\s+)?(?P<pos>end|beginning|start|middle|close)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)){B}"
                ),
            ),
            (
                "ago",
                Kind::Ago,
                format!(
                    r"{B}(?P<span>(?P<n>[Aa]n?|{}|[0-9]{{1,3}})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago){B}",
                    cap("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
                ),
            ),
            (
                "iso_date",
                Kind::Iso,
                format!(
                    r"{B}(?P<span>(?P<y>1[89][0-9]{{2}}|20[0-9]{{2}})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])){B}"
                ),
            ),
            (
                "dotted_date",
                Kind::Dotted,
                format!(
                    r"{B}(?P<span>(?P<d>3[01]|[12][0-9]|0?[1-9])\.(?P<mo>1[0-2]|0?[1-9])\.{})",
                    y("y")
                ),
            ),
            (
                "slashed_date",
                Kind::Slashed,
                format!(
                    r"{B}(?P<span>(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/{})",
                    y("y")
                ),
            ),
        ];
        let rules = src
            .into_iter()
            .map(|(name, kind, pat)| Rule {
                name,
                kind,
                re: Regex::new(&pat).unwrap_or_else(|e| panic!("date rule {name}: {e}")),
            })
            .collect();
        Grammar {
            rules,
            anchors: Anchors::new(lx),
        }
    }

    /// The rules' names.
    pub fn rule_names(&self) -> Vec<&'static str> {
        self.rules.iter().map(|r| r.name).collect()
    }

    /// All date expressions of `text`: candidates of every rule, then leftmost-longest.
    pub fn find(&self, text: &str, lx: &Lexicon) -> Vec<DateMention> {
        let mut cands: Vec<DateMention> = Vec::new();
        let found = self.anchors.find(text);
        for rule in &self.rules {
            for window in anchors::windows(text, &found, rule.kind.anchors()) {
                // The haystack ends with the window, but the search sees what comes before
                // it, so word boundaries at the window's start are those of the text.
                let hay = &text[..window.end];
                let mut at = window.start;
                // A plain search first: most windows hold no match of most rules, and only
                // a match is worth the cost of its capture groups.
                while let Some(c) = rule
                    .re
                    .find_at(hay, at)
                    .and_then(|m| rule.re.captures_at(hay, m.start()))
                {
                    let whole = c.get(0).expect("group 0");
                    at = if whole.end() > whole.start() {
                        whole.end()
                    } else {
                        hay[whole.end()..]
                            .chars()
                            .next()
                            .map_or(hay.len() + 1, |ch| whole.end() + ch.len_utf8())
                    };
                    let span = c.name("span").map_or_else(
                        || {
                            let m = c.get(0).unwrap();
                            Span::new(m.start(), m.end())
                        },
                        |m| Span::new(m.start(), m.end()),
                    );
                    if let Some(expr) = read(rule.kind, &c, text, span, lx) {
                        cands.push(DateMention {
                            // "the 3rd of May" → "3rd of May"; elsewhere "the" belongs to the
                            // expression ("the first half of 2018").
                            span: if matches!(rule.kind, Kind::Dmy | Kind::Season) {
                                without_the(text, span)
                            } else {
                                span
                            },
                            expr,
                            rule: rule.name,
                        });
                    }
                    if at > hay.len() {
                        break;
                    }
                }
            }
        }
        cands.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut out: Vec<DateMention> = Vec::new();
        for c in cands {
            if out.last().is_some_and(|l| l.span.end > c.span.start) {
                continue;
            }
            out.push(c);
        }
        join_ranges(text, out)
    }
}

/// True when the weekday at `span` is part of a name: after a capitalized word that is not a
/// preposition or determiner of dates ("Good Friday", "Mr. Sunday Okafor"), or between "The"
/// and another capitalized word ("The Sunday Times").
fn in_a_name(text: &str, span: Span, lx: &Lexicon) -> bool {
    let before = text[..span.start].trim_end();
    let head = before.trim_end_matches('.');
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let prev = &head[start..];
    let capitalized = prev.chars().next().is_some_and(char::is_uppercase);
    // "Mr. Sunday": a short capitalized word and a period is a title, not a sentence end.
    let after_title = before.ends_with('.')
        && capitalized
        && prev.len() <= 4
        && prev.chars().all(char::is_alphabetic);
    let at_start = before.is_empty()
        || (before.ends_with(['.', '!', '?', '–', '—', ':', '"', '“', '(']) && !after_title);
    if at_start {
        return false;
    }
    let lower = prev.to_lowercase();
    let date_word = lx.month_context.contains(&lower)
        || lx.year_context.contains(&lower)
        || lx.shifts.contains_key(&lower)
        || matches!(lower.as_str(), "on" | "every" | "each" | "and" | "or");
    let next = next_word(text, span.end);
    let next_cap = next.chars().next().is_some_and(char::is_uppercase) && lx.month(next).is_none();
    (capitalized && !date_word) || (lower == "the" && next_cap)
}

/// `span` without a leading "the " (spans are tight: "the 1990s" → "1990s").
fn without_the(text: &str, span: Span) -> Span {
    let t = &text[span.start..span.end];
    match t.get(..4) {
        Some("the " | "The " | "THE ") => {
            let rest = t[4..].trim_start();
            Span::new(span.end - rest.len(), span.end)
        }
        _ => span,
    }
}

/// True when `a` and `b` are points of the same granularity with `a` before `b`.
fn same_grain_ordered(a: &Point, b: &Point) -> bool {
    use Point::*;
    match (a, b) {
        (Day(x), Day(y)) => x < y,
        (Month(y1, m1), Month(y2, m2)) => (y1, m1) < (y2, m2),
        (Week(y1, w1), Week(y2, w2)) => (y1, w1) < (y2, w2),
        (Quarter(y1, q1), Quarter(y2, q2)) => (y1, q1) < (y2, q2),
        (Half(y1, h1), Half(y2, h2)) => (y1, h1) < (y2, h2),
        (Year(x), Year(y)) | (Fiscal(x), Fiscal(y)) | (Decade(x), Decade(y)) => x < y,
        _ => false,
    }
}

/// Joins two absolute dates of the same granularity linked by a range connector into one
/// range ("2017-01-01 to 2017-12-31", "FY2019 to FY2021", "between Q1 2019 and Q3 2020").
fn join_ranges(text: &str, found: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    for m in found {
        if let Some(prev) = out.last_mut() {
            if let (Expr::Point(a), Expr::Point(b)) = (&prev.expr, &m.expr) {
                let gap = text[prev.span.end..m.span.start].trim();
                let before = prev_word(text, prev.span.start);
                let connector = matches!(gap, "-" | "–" | "—" | "to" | "until" | "through")
                    || (gap == "and" && before == "between");
                if connector && same_grain_ordered(a, b) {
                    prev.expr = Expr::Range(*a, *b);
                    prev.span = Span::new(prev.span.start, m.span.end);
                    prev.rule = "range_join";
                    continue;
                }
            }
        }
        out.push(m);
    }
    out
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn year(c: &Captures, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

fn month(c: &Captures, name: &str, lx: &Lexicon) -> Option<u32> {
    lx.month(c.name(name)?.as_str())
}

fn lower(c: &Captures, name: &str) -> Option<String> {
    c.name(name).map(|m| m.as_str().to_lowercase())
}

fn unit(s: &str) -> Unit {
    match s.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        _ => Unit::Year,
    }
}

/// The lowercased word before byte `at`.
fn prev_word(text: &str, at: usize) -> String {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '\'')
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].to_lowercase()
}

/// The word after byte `at`.
fn next_word(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start();
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A connector "and" makes a range only after "between" ("between 2 and 9 April"), or
/// between consecutive days ("on 11 and 12 August").
fn connector_ok(c: &Captures) -> bool {
    let and = c.name("c").is_some_and(|m| m.as_str().trim() == "and");
    let between = c
        .name("pre")
        .is_some_and(|p| p.as_str().eq_ignore_ascii_case("between"));
    let consecutive = matches!((num(c, "d1"), num(c, "d2")), (Some(a), Some(b)) if b == a + 1)
        && c.name("m1").is_none();
    !and || between || consecutive
}

/// A number glued to currency, a symbol or other digits is not a date.
fn number_context_ok(text: &str, span: Span) -> bool {
    let before = crate::text::char_before(text, span.start);
    let after = text[span.end..].chars().next();
    let glued_before = before.is_some_and(|b| "$€£¥#/\\:.,-+%".contains(b) || b.is_ascii_digit());
    let glued_after = match after {
        Some('%' | '/' | '-') => true,
        Some('.' | ',') => text[span.end + 1..].starts_with(|c: char| c.is_ascii_digit()),
        Some(c) => c.is_ascii_digit(),
        None => false,
    };
    !glued_before && !glued_after
}

fn read(kind: Kind, c: &Captures, text: &str, span: Span, lx: &Lexicon) -> Option<Expr> {
    match kind {
        Kind::DayMonthRange | Kind::MonthDayRange => {
            if !connector_ok(c) {
                return None;
            }
            let (d1, d2, m) = (num(c, "d1")?, num(c, "d2")?, month(c, "m", lx)?);
            if d2 <= d1 {
                return None;
            }
            match year(c, "y") {
                Some(y) => Some(Expr::Range(
                    calendar::day(y, m, d1)?,
                    calendar::day(y, m, d2)?,
                )),
                None => Some(Expr::DayRange {
                    d1,
                    m1: m,
                    d2,
                    m2: m,
                }),
            }
        }
        Kind::DmDmRange | Kind::MdMdRange => {
            if !connector_ok(c) {
                return None;
            }
            let (d1, m1, d2, m2) = (
                num(c, "d1")?,
                month(c, "m1", lx)?,
                num(c, "d2")?,
                month(c, "m2", lx)?,
            );
            match (year(c, "y1"), year(c, "y2")) {
                (y1, Some(y2)) => {
                    let y1 = y1.unwrap_or(if m2 < m1 { y2 - 1 } else { y2 });
                    Some(Expr::Range(
                        calendar::day(y1, m1, d1)?,
                        calendar::day(y2, m2, d2)?,
                    ))
                }
                (None, None) => Some(Expr::DayRange { d1, m1, d2, m2 }),
                (Some(_), None) => None,
            }
        }
        Kind::YearRange => {
            if !connector_ok(c) || !number_context_ok(text, span) {
                return None;
            }
            let y1 = year(c, "y1")?;
            let raw = c.name("y2")?.as_str();
            let y2: i32 = if raw.len() == 2 {
                y1 / 100 * 100 + raw.parse::<i32>().ok()?
            } else {
                raw.parse().ok()?
            };
            let slash = c.name("c").is_some_and(|m| m.as_str().trim() == "/");
            if y2 <= y1 || y2 - y1 > 60 || (slash && y2 - y1 != 1) {
                return None;
            }
            Some(Expr::Range(Point::Year(y1), Point::Year(y2)))
        }
        Kind::MonthRange => {
            if !connector_ok(c) {
                return None;
            }
            let (m1, m2) = (month(c, "m1", lx)?, month(c, "m2", lx)?);
            if m1 == m2 && c.name("y1").is_none() {
                return None;
            }
            match (year(c, "y1"), year(c, "y")) {
                (y1, Some(y)) => {
                    let y1 = y1.unwrap_or(if m2 < m1 { y - 1 } else { y });
                    Some(Expr::Range(Point::Month(y1, m1), Point::Month(y, m2)))
                }
                (None, None) => Some(Expr::MonthRange { m1, m2 }),
                (Some(_), None) => None,
            }
        }
        Kind::Dmy | Kind::Mdy => {
            let (d, m) = (num(c, "d")?, month(c, "m", lx)?);
            match year(c, "y") {
                Some(y) => Some(Expr::Point(calendar::day(y, m, d)?)),
                None => {
                    // "May 5 people" and "March 3,000": a day needs to be a day.
                    let after = &text[span.end..];
                    if after.starts_with(',')
                        && after[1..].starts_with(|c: char| c.is_ascii_digit())
                    {
                        return None;
                    }
                    calendar::day(2000, m, d)?;
                    Some(Expr::DayMonth { day: d, month: m })
                }
            }
        }
        Kind::MonthYear => Some(Expr::Point(Point::Month(year(c, "y")?, month(c, "m", lx)?))),
        Kind::Weekday => {
            let w = lx.weekdays.get(c.name("w")?.as_str()).copied()?;
            let shift = lower(c, "shift").map(|s| lx.shifts.get(&s).copied().unwrap_or(0));
            if shift.is_none() && in_a_name(text, span, lx) {
                return None;
            }
            Some(Expr::Weekday { weekday: w, shift })
        }
        Kind::Month => {
            let m = month(c, "m", lx)?;
            // Alone, a month must be written out: "Jan" and "Mar" are names too.
            let written = c.name("m")?.as_str();
            let full = written.ends_with('.')
                || written.len() > 4
                || matches!(written, "May" | "June" | "July" | "JUNE" | "JULY");
            if !full {
                return None;
            }
            let shift = lower(c, "shift").map(|s| lx.shifts.get(&s).copied().unwrap_or(0));
            let ctx = shift.is_some()
                || c.name("mod").is_some()
                || lx.month_context.contains(&prev_word(text, span.start));
            // "May" is a verb too often to stand alone without a preposition.
            if !ctx {
                return None;
            }
            Some(Expr::Month { month: m, shift })
        }
        Kind::Year => {
            if !number_context_ok(text, span) {
                return None;
            }
            let prev = prev_word(text, span.start);
            let next = next_word(text, span.end);
            let next_lower = !next.is_empty() && next.chars().all(|c| c.is_lowercase());
            let counted = next.len() > 2
                && next.ends_with('s')
                && next_lower
                && !lx.year_followers.contains(next);
            // "resolution 2417 (2018)", "(2001)": a year alone in brackets; but not inside a
            // document number, the brackets glued to it ("CM/Rec(2025)6", "DC 094(2025)").
            let bracketed = crate::text::char_before(text, span.start) == Some('(')
                && text[span.end..].starts_with(')')
                && !crate::text::char_before(text, span.start - 1)
                    .is_some_and(|c| c.is_alphanumeric() || c == '/')
                && !text[span.end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            // "the 2018 elections", "its 2019 budget": a determiner, the year, a common noun.
            let determiner =
                lx.determiners.contains(&prev) || prev.ends_with("'s") || prev.ends_with("’s");
            let modifier = determiner && next_lower && !lx.count_nouns.contains(next);
            // "compared with 2016".
            let compared = matches!(prev.as_str(), "with" | "to")
                && prev_word(text, span.start - prev.len() - 1).as_str() == "compared";
            let ctx = c.name("mod").is_some()
                || lx.year_context.contains(&prev)
                || bracketed
                || compared
                || (modifier && !counted)
                || (determiner && next_lower && lx.year_followers.contains(next));
            if !ctx || counted && !(determiner && lx.year_followers.contains(next)) {
                return None;
            }
            Some(Expr::Point(Point::Year(year(c, "y")?)))
        }
        Kind::Quarter | Kind::Half => {
            let is_q = matches!(kind, Kind::Quarter);
            let n: i32 = match (num(c, if is_q { "q" } else { "h" }), lower(c, "ord")) {
                (Some(n), _) => n as i32,
                (None, Some(o)) => *lx.ordinals.get(&o)?,
                _ => return None,
            };
            let n = if n == -1 {
                if is_q {
                    4
                } else {
                    2
                }
            } else {
                n
            } as u32;
            let explicit = c.name("y").is_some() || c.name("rel").is_some();
            let last_word = lower(c, "ord").is_some_and(|o| o == "last" || o == "final");
            // "the last quarter", "H1" and "the first half" (of a match, of a speech) need a
            // year to be dates.
            if (last_word || c.name("h").is_some() || !is_q) && !explicit {
                return None;
            }
            if let Some(y) = year(c, "y") {
                return Some(Expr::Point(if is_q {
                    Point::Quarter(y, n)
                } else {
                    Point::Half(y, n)
                }));
            }
            let shift = match lower(c, "rel").as_deref() {
                Some("last") => -1,
                Some("next") => 1,
                _ => 0,
            };
            Some(if is_q {
                Expr::QuarterOf {
                    q: n,
                    year_shift: shift,
                }
            } else {
                Expr::HalfOf {
                    h: n,
                    year_shift: shift,
                }
            })
        }
        Kind::Decade => Some(Expr::Point(Point::Decade(
            c.name("dec")?.as_str().parse().ok()?,
        ))),
        Kind::Fiscal => {
            let raw = c.name("fy").or_else(|| c.name("fy2"))?.as_str();
            let y: i32 = if raw.len() == 2 {
                2000 + raw.parse::<i32>().ok()?
            } else {
                raw.parse().ok()?
            };
            Some(Expr::Point(Point::Fiscal(y)))
        }
        Kind::Season => {
            let word = lower(c, "s").or_else(|| lower(c, "s2"))?;
            let rel = lower(c, "srel");
            // "the fall of Kabul": "fall" is a season only with a year or this/last/next.
            if word == "fall" && rel.as_deref() == Some("the") && c.name("y2").is_none() {
                return None;
            }
            let code = lx.seasons.get(&word)?;
            let code: &'static str = match code.as_str() {
                "SP" => "SP",
                "SU" => "SU",
                "FA" => "FA",
                _ => "WI",
            };
            if let Some(y) = year(c, "y").or_else(|| year(c, "y2")) {
                return Some(Expr::Point(Point::Season(y, code)));
            }
            let shift = match rel.as_deref() {
                Some("last" | "past") => -1,
                Some("next") => 1,
                _ => 0,
            };
            Some(Expr::SeasonOf {
                code,
                year_shift: shift,
            })
        }
        Kind::DayRel => {
            // A capitalized "Today" after a word is a name ("Radio 4's Today programme").
            let written = c.name("w")?.as_str();
            let before = text[..span.start].trim_end().chars().next_back();
            if written.starts_with(|c: char| c.is_uppercase())
                && !crate::text::is_all_caps(written)
                && before.is_some_and(|b| b.is_alphanumeric())
            {
                return None;
            }
            Some(Expr::DayOffset(*lx.day_offsets.get(&lower(c, "w")?)?))
        }
        Kind::UnitRel => {
            let n = *lx.shifts.get(&lower(c, "shift")?)?;
            Some(Expr::Shift {
                unit: unit(c.name("unit")?.as_str()),
                n,
            })
        }
        Kind::EarlierLater | Kind::EndOf => Some(Expr::Shift {
            unit: unit(c.name("unit")?.as_str()),
            n: 0,
        }),
        Kind::Ago => {
            let raw = lower(c, "n")?;
            let n = match raw.parse::<i64>() {
                Ok(n) => n,
                Err(_) => *lx.numbers.get(raw.as_str())? as i64,
            };
            Some(Expr::Ago {
                unit: unit(c.name("unit")?.as_str()),
                n,
            })
        }
        Kind::Iso | Kind::Dotted => {
            if !number_context_ok(text, span) {
                return None;
            }
            Some(Expr::Point(calendar::day(
                year(c, "y")?,
                num(c, "mo")?,
                num(c, "d")?,
            )?))
        }
        Kind::Slashed => {
            if !number_context_ok(text, span) {
                return None;
            }
            let (a, b, y) = (num(c, "a")?, num(c, "b")?, year(c, "y")?);
            // Only when the order is beyond doubt: one of the two cannot be a month, or both
            // are the same ("03/03/2025").
            let (d, m) = match (a > 12, b > 12) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                (false, false) if a == b => (a, b),
                _ => return None,
            };
            Some(Expr::Point(calendar::day(y, m, d)?))
        }
    }
}

/// A day-month in the year that the document date and the tense make most likely: in a
/// sentence about the future, the first such day from a week before the document date on;
/// otherwise the nearest one.
fn infer_day(doc: NaiveDate, month: u32, day: u32, future: bool) -> Option<NaiveDate> {
    let y = doc.year();
    let cands = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day));
    if future {
        cands.filter(|c| *c >= doc - Duration::days(7)).min()
    } else {
        cands.min_by_key(|c| (*c - doc).num_days().abs())
    }
}

/// See [`super::resolve`].
pub fn resolve(expr: &Expr, doc: Option<NaiveDate>, future: bool) -> Option<String> {
    if let Expr::Point(p) = expr {
        return Some(p.value());
    }
    if let Expr::Range(a, b) = expr {
        return Some(format!("{}/{}", a.value(), b.value()));
    }
    let doc = doc?;
    let (y, m) = (doc.year(), doc.month());
    let point = match *expr {
        Expr::Point(_) | Expr::Range(..) => unreachable!("handled above"),
        Expr::DayMonth { day, month } => Point::Day(infer_day(doc, month, day, future)?),
        Expr::DayRange { d1, m1, d2, m2 } => {
            let a = infer_day(doc, m1, d1, future)?;
            let end_year = if m2 < m1 { a.year() + 1 } else { a.year() };
            let b = NaiveDate::from_ymd_opt(end_year, m2, d2)?;
            return Some(format!(
                "{}/{}",
                Point::Day(a).value(),
                Point::Day(b).value()
            ));
        }
        Expr::MonthRange { m1, m2 } => {
            let y2 = if m2 < m1 { y + 1 } else { y };
            return Some(format!(
                "{}/{}",
                Point::Month(y, m1).value(),
                Point::Month(y2, m2).value()
            ));
        }
        Expr::Month { month, shift } => {
            let year = match shift {
                Some(0) => y,
                Some(s) if s < 0 => {
                    if month < m {
                        y
                    } else {
                        y - 1
                    }
                }
                Some(_) => {
                    if month > m {
                        y
                    } else {
                        y + 1
                    }
                }
                None if future => {
                    if month >= m {
                        y
                    } else {
                        y + 1
                    }
                }
                None => {
                    if month <= m {
                        y
                    } else {
                        y - 1
                    }
                }
            };
            Point::Month(year, month)
        }
        Expr::Weekday { weekday, shift } => Point::Day(match shift {
            None => calendar::weekday_near(doc, weekday, future, future),
            Some(0) => calendar::weekday_in_week(doc, weekday),
            Some(s) => calendar::weekday_near(doc, weekday, s > 0, true),
        }),
        Expr::DayOffset(n) => Point::Day(doc + Duration::days(n)),
        Expr::Shift { unit, n } => match unit {
            Unit::Day => Point::Day(doc + Duration::days(n as i64)),
            Unit::Week => calendar::week_of(doc + Duration::days(7 * n as i64)),
            Unit::Month => calendar::add_months(y, m, n),
            Unit::Quarter => calendar::add_quarters(doc, n),
            Unit::Year => Point::Year(y + n),
        },
        Expr::Ago { unit, n } => match unit {
            Unit::Day => Point::Day(doc - Duration::days(n)),
            Unit::Week => calendar::week_of(doc - Duration::days(7 * n)),
            Unit::Month => calendar::add_months(y, m, -(n as i32)),
            Unit::Quarter => calendar::add_quarters(doc, -(n as i32)),
            Unit::Year => Point::Year(y - n as i32),
        },
        Expr::QuarterOf { q, year_shift } => Point::Quarter(y + year_shift, q),
        Expr::HalfOf { h, year_shift } => Point::Half(y + year_shift, h),
        Expr::SeasonOf { code, year_shift } => Point::Season(y + year_shift, code),
    };
    Some(point.value())
}
