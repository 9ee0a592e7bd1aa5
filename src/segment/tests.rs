//! Unit tests of the layout and scanner; the case table is `tests/data/segment.tsv`.

use super::layout::is_list_item;
use super::*;

#[test]
fn list_markers() {
    for yes in [
        "- a", "• a", "* a", "1. a", "12) a", "a) a", "(i) a", "(iv) a", "(3) a",
    ] {
        assert!(is_list_item(yes), "{yes:?}");
    }
    for no in [
        "-a",
        "1.5 million",
        "2018. The",
        "a. b",
        "The (i) thing",
        "(abcde) x",
        "ii. a",
    ] {
        assert!(!is_list_item(no), "{no:?}");
    }
}

#[test]
fn spans_are_trimmed_and_ordered() {
    let s = Segmenter::new().unwrap();
    let t = "  One.  Two?\n\n  Three!  ";
    let got: Vec<&str> = s.segment(t).iter().map(|x| x.slice(t)).collect();
    assert_eq!(got, vec!["One.", "Two?", "Three!"]);
}
