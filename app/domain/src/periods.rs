//! Reporting periods of a campaign: whole reporting months, labelled by the
//! month they end in, then the mid-term (sơ kết) and final (tổng kết) reviews.

use crate::types::{PeriodKind, PeriodRule};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The government reporting month M starts on this day of M-1.
const GOVERNMENT_MONTH_START_DAY: u32 = 15;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodSpec {
    /// `2024-07` for a month; `mid` and `final` for the reviews.
    pub code: String,
    /// `Tháng 7/2024`, `Sơ kết`, `Tổng kết`.
    pub name: String,
    pub kind: PeriodKind,
    /// The (last) reporting month covered.
    pub month: u32,
    pub year: i32,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Local wall time in Asia/Ho_Chi_Minh: the last second of the deadline day.
    pub deadline: NaiveDateTime,
}

impl PeriodSpec {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.starts_on <= date && date <= self.ends_on
    }

    /// Closed periods count towards cumulative scores; `now` is local wall time.
    pub fn is_closed(&self, now: NaiveDateTime) -> bool {
        now > self.deadline
    }
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 { (year + 1, 1) } else { (year, month + 1) }
}

fn prev_month(year: i32, month: u32) -> (i32, u32) {
    if month == 1 { (year - 1, 12) } else { (year, month - 1) }
}

fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).expect("month is 1..=12")
}

/// Which reporting month a date falls in, as (year, month): accidents are
/// bucketed by it.
pub fn reporting_month_of(date: NaiveDate, rule: PeriodRule) -> (i32, u32) {
    match rule {
        PeriodRule::GovernmentMonth if date.day() >= GOVERNMENT_MONTH_START_DAY => {
            next_month(date.year(), date.month())
        }
        _ => (date.year(), date.month()),
    }
}

/// First and last day of reporting month `month` of `year`.
pub fn month_bounds(year: i32, month: u32, rule: PeriodRule) -> (NaiveDate, NaiveDate) {
    let (ny, nm) = next_month(year, month);
    let last_calendar_day = first_of(ny, nm).pred_opt().expect("dates are in range");
    match rule {
        PeriodRule::CalendarMonth => (first_of(year, month), last_calendar_day),
        PeriodRule::GovernmentMonth => {
            let (py, pm) = prev_month(year, month);
            let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("day 14 and 15 exist in every month");
            (
                day(py, pm, GOVERNMENT_MONTH_START_DAY),
                day(year, month, GOVERNMENT_MONTH_START_DAY - 1),
            )
        }
    }
}

/// The end of the last day to report: `ends_on` + `deadline_days`, 23:59:59.
pub fn deadline_for(ends_on: NaiveDate, deadline_days: u32) -> NaiveDateTime {
    let day = ends_on
        .checked_add_days(Days::new(deadline_days as u64))
        .unwrap_or(NaiveDate::MAX);
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"))
}

pub fn month_code(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

pub fn month_name(year: i32, month: u32) -> String {
    format!("Tháng {month}/{year}")
}

/// Monthly periods from the campaign start's month to its end's month, then
/// the mid-term review over the first half of them (rounded up) and the
/// final review over all. Empty when the dates are reversed.
pub fn generate_periods(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    rule: PeriodRule,
    deadline_days: u32,
) -> Vec<PeriodSpec> {
    let mut months = Vec::new();
    let (mut y, mut m) = (starts_on.year(), starts_on.month());
    while (y, m) <= (ends_on.year(), ends_on.month()) {
        let (from, to) = month_bounds(y, m, rule);
        months.push(PeriodSpec {
            code: month_code(y, m),
            name: month_name(y, m),
            kind: PeriodKind::Monthly,
            month: m,
            year: y,
            starts_on: from,
            ends_on: to,
            deadline: deadline_for(to, deadline_days),
        });
        (y, m) = next_month(y, m);
    }
    let (Some(first), Some(last)) = (months.first().cloned(), months.last().cloned()) else {
        return months;
    };
    let mid_end = &months[months.len().div_ceil(2) - 1];
    let review = |code: &str, name: &str, kind, end: &PeriodSpec| PeriodSpec {
        code: code.into(),
        name: name.into(),
        kind,
        month: end.month,
        year: end.year,
        starts_on: first.starts_on,
        ends_on: end.ends_on,
        deadline: end.deadline,
    };
    let mid = review("mid", "Sơ kết", PeriodKind::MidTerm, mid_end);
    let fin = review("final", "Tổng kết", PeriodKind::Final, &last);
    months.push(mid);
    months.push(fin);
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn plan_114_gets_six_government_months_and_two_reviews() {
        let p = generate_periods(d(2024, 7, 5), d(2024, 12, 31), PeriodRule::GovernmentMonth, 5);
        let codes: Vec<&str> = p.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "mid", "final"
            ]
        );
        assert_eq!(p[0].name, "Tháng 7/2024");
        assert_eq!((p[0].starts_on, p[0].ends_on), (d(2024, 6, 15), d(2024, 7, 14)));
        assert_eq!(p[0].deadline, d(2024, 7, 19).and_hms_opt(23, 59, 59).unwrap());
        assert_eq!((p[5].starts_on, p[5].ends_on), (d(2024, 11, 15), d(2024, 12, 14)));
        let mid = &p[6];
        assert_eq!(
            (mid.name.as_str(), mid.kind, mid.month),
            ("Sơ kết", PeriodKind::MidTerm, 9)
        );
        assert_eq!((mid.starts_on, mid.ends_on), (d(2024, 6, 15), d(2024, 9, 14)));
        let fin = &p[7];
        assert_eq!(
            (fin.name.as_str(), fin.kind, fin.year, fin.month),
            ("Tổng kết", PeriodKind::Final, 2024, 12)
        );
        assert_eq!(
            (fin.starts_on, fin.ends_on, fin.deadline),
            (d(2024, 6, 15), d(2024, 12, 14), p[5].deadline)
        );
    }

    #[test]
    fn calendar_months_follow_the_calendar() {
        let p = generate_periods(d(2024, 1, 20), d(2024, 3, 2), PeriodRule::CalendarMonth, 0);
        assert_eq!(p.len(), 5);
        assert_eq!((p[1].starts_on, p[1].ends_on), (d(2024, 2, 1), d(2024, 2, 29)));
        assert_eq!(p[1].deadline, d(2024, 2, 29).and_hms_opt(23, 59, 59).unwrap());
        // ceil(3 / 2) = 2 months in the mid-term review.
        assert_eq!(p[3].ends_on, d(2024, 2, 29));
    }

    #[test]
    fn months_cross_the_new_year() {
        let p = generate_periods(d(2024, 11, 1), d(2025, 2, 10), PeriodRule::GovernmentMonth, 3);
        let codes: Vec<&str> = p.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(codes, ["2024-11", "2024-12", "2025-01", "2025-02", "mid", "final"]);
        assert_eq!((p[2].starts_on, p[2].ends_on), (d(2024, 12, 15), d(2025, 1, 14)));
        assert_eq!(p[2].name, "Tháng 1/2025");
    }

    #[test]
    fn reversed_dates_give_nothing_and_one_month_gives_three() {
        assert!(generate_periods(d(2024, 5, 1), d(2024, 4, 1), PeriodRule::CalendarMonth, 5).is_empty());
        assert_eq!(
            generate_periods(d(2024, 5, 1), d(2024, 5, 9), PeriodRule::CalendarMonth, 5).len(),
            3
        );
    }

    #[test]
    fn dates_fall_in_their_reporting_month() {
        let g = PeriodRule::GovernmentMonth;
        assert_eq!(reporting_month_of(d(2024, 7, 14), g), (2024, 7));
        assert_eq!(reporting_month_of(d(2024, 7, 15), g), (2024, 8));
        assert_eq!(reporting_month_of(d(2024, 12, 20), g), (2025, 1));
        assert_eq!(
            reporting_month_of(d(2024, 12, 20), PeriodRule::CalendarMonth),
            (2024, 12)
        );
    }

    #[test]
    fn a_period_closes_after_its_deadline() {
        let p = &generate_periods(d(2024, 7, 5), d(2024, 7, 31), PeriodRule::GovernmentMonth, 5)[0];
        assert!(!p.is_closed(p.deadline));
        assert!(p.is_closed(p.deadline + chrono::Duration::seconds(1)));
        assert!(p.contains(d(2024, 6, 15)) && !p.contains(d(2024, 7, 15)));
    }

    proptest! {
        #[test]
        fn months_tile_the_calendar_and_bucket_their_own_days(
            start in 0u32..3000, len in 0u32..800, gov: bool, days in 0u32..30,
        ) {
            let rule = if gov { PeriodRule::GovernmentMonth } else { PeriodRule::CalendarMonth };
            let s = d(2020, 1, 1) + Days::new(start as u64);
            let e = s + Days::new(len as u64);
            let p = generate_periods(s, e, rule, days);
            let months: Vec<_> = p.iter().filter(|x| x.kind == PeriodKind::Monthly).collect();
            prop_assert_eq!(p.len(), months.len() + 2);
            for w in months.windows(2) {
                prop_assert_eq!(w[0].ends_on.succ_opt().unwrap(), w[1].starts_on);
            }
            for m in &months {
                prop_assert_eq!(reporting_month_of(m.starts_on, rule), (m.year, m.month));
                prop_assert_eq!(reporting_month_of(m.ends_on, rule), (m.year, m.month));
                prop_assert!(m.deadline.date() >= m.ends_on);
            }
            prop_assert_eq!(reporting_month_of(s, PeriodRule::CalendarMonth), (months[0].year, months[0].month));
        }
    }
}
