//! Calendar arithmetic and TIMEX3 values, on top of `chrono`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A point in time at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A day.
    Day(NaiveDate),
    /// A month: year, month.
    Month(i32, u32),
    /// An ISO week: ISO year, week.
    Week(i32, u32),
    /// A quarter: year, 1..=4.
    Quarter(i32, u32),
    /// A half: year, 1..=2.
    Half(i32, u32),
    /// A season: year, TIMEX3 code (SP, SU, FA, WI).
    Season(i32, &'static str),
    /// A year.
    Year(i32),
    /// A decade, by its first year (1990).
    Decade(i32),
    /// A fiscal year, by its number ("FY2021", "fiscal 2021").
    Fiscal(i32),
}

impl Point {
    /// The TIMEX3-style value.
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(y) => format!("{:03}", y / 10),
            Point::Fiscal(y) => format!("FY{y:04}"),
        }
    }
}

/// A day, if it exists.
pub fn day(y: i32, m: u32, d: u32) -> Option<Point> {
    NaiveDate::from_ymd_opt(y, m, d).map(Point::Day)
}

/// The ISO week that holds `d`.
pub fn week_of(d: NaiveDate) -> Point {
    let w = d.iso_week();
    Point::Week(w.year(), w.week())
}

/// `d` moved by `n` months, as a month.
pub fn add_months(y: i32, m: u32, n: i32) -> Point {
    let idx = y * 12 + m as i32 - 1 + n;
    Point::Month(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The quarter that holds month `m`.
pub fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

/// The quarter `n` quarters from the one holding `d`.
pub fn add_quarters(d: NaiveDate, n: i32) -> Point {
    let idx = d.year() * 4 + quarter_of(d.month()) as i32 - 1 + n;
    Point::Quarter(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

/// The weekday `wd` (ISO 1..=7) nearest to `d` in the given direction: `Some(false)` the
/// latest on or before `d`, `Some(true)` the first after `d`; with `strict` the day itself is
/// excluded.
pub fn weekday_near(d: NaiveDate, wd: u32, future: bool, strict: bool) -> NaiveDate {
    let cur = d.weekday().number_from_monday() as i64;
    let target = wd as i64;
    if future {
        let mut ahead = (target - cur).rem_euclid(7);
        if ahead == 0 && strict {
            ahead = 7;
        }
        d + Duration::days(ahead)
    } else {
        let mut back = (cur - target).rem_euclid(7);
        if back == 0 && strict {
            back = 7;
        }
        d - Duration::days(back)
    }
}

/// The weekday `wd` in the ISO week of `d`.
pub fn weekday_in_week(d: NaiveDate, wd: u32) -> NaiveDate {
    let cur = d.weekday().number_from_monday() as i64;
    d + Duration::days(wd as i64 - cur)
}

/// ISO weekday number of a chrono weekday.
pub fn iso_weekday(w: Weekday) -> u32 {
    w.number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let d = NaiveDate::from_ymd_opt(2019, 3, 20).unwrap();
        assert_eq!(week_of(d).value(), "2019-W12");
        assert_eq!(
            week_of(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()).value(),
            "2020-W53"
        );
        assert_eq!(add_months(2019, 1, -1).value(), "2018-12");
        assert_eq!(add_quarters(d, -1).value(), "2018-Q4");
        assert_eq!(Point::Decade(1990).value(), "199");
        // 2019-03-20 is a Wednesday.
        assert_eq!(
            weekday_near(d, 1, false, false),
            NaiveDate::from_ymd_opt(2019, 3, 18).unwrap()
        );
        assert_eq!(
            weekday_near(d, 3, false, true),
            NaiveDate::from_ymd_opt(2019, 3, 13).unwrap()
        );
        assert_eq!(
            weekday_near(d, 3, true, true),
            NaiveDate::from_ymd_opt(2019, 3, 27).unwrap()
        );
        assert!(day(2019, 2, 29).is_none());
        assert!(day(2020, 2, 29).is_some());
    }
}
