//! Date cases: text → (span, value) against a document date. The full case table lives in
//! `tests/data/dates.tsv`; these cover the resolution logic directly.

use super::*;

fn tag(text: &str, doc: &str) -> Vec<(String, Option<String>)> {
    let t = DateTagger::new().unwrap();
    let doc = NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok();
    let future = t.is_future(text);
    t.find(text)
        .into_iter()
        .map(|m| {
            (
                m.span.slice(text).to_string(),
                resolve(&m.expr, doc, future),
            )
        })
        .collect()
}

fn one(text: &str, doc: &str, span: &str, value: &str) {
    let got = tag(text, doc);
    assert_eq!(
        got,
        vec![(span.to_string(), Some(value.to_string()))],
        "in {text:?}"
    );
}

#[test]
fn absolute() {
    one(
        "on 2 October 2018 in Vienna",
        "",
        "2 October 2018",
        "2018-10-02",
    );
    one(
        "LONDON, Feb. 7, 2024 /PRNewswire/",
        "",
        "Feb. 7, 2024",
        "2024-02-07",
    );
    one(
        "on Friday, 7 June 2019.",
        "",
        "Friday, 7 June 2019",
        "2019-06-07",
    );
    one("in June 2018 the", "", "June 2018", "2018-06");
    one("Q2 2021 results", "", "Q2 2021", "2021-Q2");
    one(
        "In the first half of 2018,",
        "",
        "the first half of 2018",
        "2018-H1",
    );
    one("since the 1990s", "", "the 1990s", "199");
}

#[test]
fn ranges() {
    one(
        "on 25-29 June 2018.",
        "",
        "25-29 June 2018",
        "2018-06-25/2018-06-29",
    );
    one(
        "from 4 to 6 December",
        "2019-10-01",
        "4 to 6 December",
        "2019-12-04/2019-12-06",
    );
    one(
        "between 2 and 9 April",
        "2021-03-01",
        "2 and 9 April",
        "2021-04-02/2021-04-09",
    );
    one("from 2010 to 2015", "", "2010 to 2015", "2010/2015");
    one("the 2016-2020 plan", "", "2016-2020", "2016/2020");
    one(
        "3 May – 1 June 2020",
        "",
        "3 May – 1 June 2020",
        "2020-05-03/2020-06-01",
    );
}

#[test]
fn relative() {
    one("Today, the agency", "2018-10-02", "Today", "2018-10-02");
    one("met yesterday", "2018-10-02", "yesterday", "2018-10-01");
    one(
        "earlier this year",
        "2018-10-02",
        "earlier this year",
        "2018",
    );
    // 2019-03-20 is a Wednesday.
    one(
        "The talks will resume next week.",
        "2019-03-20",
        "next week",
        "2019-W13",
    );
    one("They met on Monday.", "2019-03-20", "Monday", "2019-03-18");
    one(
        "They will meet on Monday.",
        "2019-03-20",
        "Monday",
        "2019-03-25",
    );
    one("two days ago", "2019-03-20", "two days ago", "2019-03-18");
    one("in December", "2019-10-01", "December", "2018-12");
    one(
        "It will open in December.",
        "2019-10-01",
        "December",
        "2019-12",
    );
    one(
        "by the end of the year",
        "2019-10-01",
        "the end of the year",
        "2019",
    );
    assert_eq!(tag("Today", ""), vec![("Today".to_string(), None)]);
}

#[test]
fn not_dates() {
    for text in [
        "3,000 refugees",
        "resolution 2417 (2018)",
        "a five-year plan",
        "you may go",
        "They will March on.",
        "€12 million",
        "of 2000 refugees",
        "call +41 22 917 1234",
        "Jan Egeland said",
        "by Jan Egeland",
    ] {
        let got: Vec<_> = tag(text, "2019-01-01")
            .into_iter()
            .filter(|(s, _)| s != "2018")
            .collect();
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}
