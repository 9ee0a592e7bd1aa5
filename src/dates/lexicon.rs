//! The date lexicon (`gazetteers/date_words.tsv`): month and weekday forms, relative words,
//! and the context words that make a bare year or month a date.

use crate::data;
use crate::error::Result;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The words the date grammar is built from.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Month forms → 1..=12.
    pub months: HashMap<String, u32>,
    /// Weekday forms → ISO weekday 1..=7.
    pub weekdays: HashMap<String, u32>,
    /// today/yesterday/tomorrow → days from the document date.
    pub day_offsets: HashMap<String, i64>,
    /// this/last/next → 0/-1/1.
    pub shifts: HashMap<String, i32>,
    /// Number words → value.
    pub numbers: HashMap<String, u32>,
    /// Ordinals → value (-1 for "last").
    pub ordinals: HashMap<String, i32>,
    /// Season words → TIMEX3 season code.
    pub seasons: HashMap<String, String>,
    /// Words before a bare year that show it is a date.
    pub year_context: HashSet<String>,
    /// Words before a bare month that show it is a date.
    pub month_context: HashSet<String>,
    /// Plural words that may follow a year that is a date ("2020 levels"); other plurals
    /// make the number a count ("2020 applications").
    pub year_followers: HashSet<String>,
    /// Nouns counted by a number rather than dated by a year ("the 2000 people").
    pub count_nouns: HashSet<String>,
    /// Determiners before a year used as a modifier ("the 2018 elections", "its 2019 budget").
    pub determiners: HashSet<String>,
    /// Phrases that put a sentence in the future.
    pub future: Vec<String>,
    /// Past-tense verbs that do not end in "-ed" (met, held, took).
    pub past: HashSet<String>,
    /// Words ending in "-ed" that are not past-tense verbs (hundred, indeed).
    pub not_past: HashSet<String>,
    /// Auxiliaries after which a form in "-ed" is a participle (be, been, being).
    pub passive: HashSet<String>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Result<Lexicon> {
        let mut lx = Lexicon::default();
        for row in data::rows("date_words.tsv", data::DATE_WORDS, 3)? {
            let (word, kind, value) = (row.fields[0], row.fields[1], row.fields[2]);
            let num = || -> Result<i64> {
                value
                    .parse::<i64>()
                    .map_err(|_| row.error(format!("value {value:?} is not a number")))
            };
            let w = word.to_string();
            match kind {
                "month" => {
                    lx.months.insert(w, num()? as u32);
                }
                "weekday" => {
                    lx.weekdays.insert(w, num()? as u32);
                }
                "day_offset" => {
                    lx.day_offsets.insert(w, num()?);
                }
                "shift" => {
                    lx.shifts.insert(w, num()? as i32);
                }
                "unit" => {}
                "number" => {
                    lx.numbers.insert(w, num()? as u32);
                }
                "ordinal" => {
                    lx.ordinals.insert(w, num()? as i32);
                }
                "season" => {
                    lx.seasons.insert(w, value.to_string());
                }
                "future" => lx.future.push(w),
                // The kinds that are word lists.
                set => {
                    let words = match set {
                        "year_context" => &mut lx.year_context,
                        "month_context" => &mut lx.month_context,
                        "year_follower" => &mut lx.year_followers,
                        "count_noun" => &mut lx.count_nouns,
                        "determiner" => &mut lx.determiners,
                        "past" => &mut lx.past,
                        "not_past" => &mut lx.not_past,
                        "passive" => &mut lx.passive,
                        other => return Err(row.error(format!("unknown kind {other:?}"))),
                    };
                    words.insert(w);
                }
            }
        }
        Ok(lx)
    }

    /// True when `word` is a past-tense verb form: a lowercase word of five or more letters
    /// ending in "-ed" (signed, launched), or one of the lexicon's irregular forms (met, held).
    pub fn is_past_verb(&self, word: &str) -> bool {
        self.past.contains(word)
            || (word.len() >= 5
                && word.ends_with("ed")
                && word.starts_with(|c: char| c.is_ascii_lowercase())
                && !self.not_past.contains(word))
    }

    /// The month of a form as written ("Sept.", "JUNE", "june" is not a month).
    pub fn month(&self, s: &str) -> Option<u32> {
        self.months.get(s).copied().or_else(|| {
            // ALL-CAPS forms in headlines and datelines.
            let mut t = s.to_lowercase();
            if let Some(first) = t.get(..1) {
                let up = first.to_uppercase();
                t.replace_range(..1, &up);
            }
            (s.len() > 3 && crate::text::is_all_caps(s))
                .then(|| self.months.get(&t).copied())
                .flatten()
        })
    }

    /// A regex alternation of the forms of one kind, longest first, with ALL-CAPS variants of
    /// the full names; undotted forms end on a word boundary.
    pub fn alternation(forms: &HashMap<String, u32>) -> String {
        let mut all: Vec<String> = Vec::new();
        for f in forms.keys() {
            all.push(f.clone());
            if f.len() > 3 && !f.ends_with('.') {
                all.push(f.to_uppercase());
            }
        }
        all.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        all.dedup();
        all.iter()
            .map(|f| {
                let e = regex::escape(f);
                if f.ends_with('.') {
                    e
                } else {
                    format!(r"{e}(?-u:\b)")
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    }
}
