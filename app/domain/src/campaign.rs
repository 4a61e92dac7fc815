//! A campaign as pages and rules see it.

use crate::types::{CampaignStatus, Id, PeriodRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignInfo {
    pub id: Id,
    pub committee_id: Id,
    pub committee_name: String,
    /// Stable address of the campaign, e.g. `ke-hoach-114-2024`.
    pub slug: String,
    pub plan_number: String,
    pub title: String,
    pub theme: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub baseline_year: i32,
    pub status: CampaignStatus,
    pub period_rule: PeriodRule,
    pub serious_deaths_threshold: u32,
    /// Working days an approved award list stays public before a decision.
    pub publish_days: u32,
    /// Demo data is invented, and every page that shows it says so.
    pub is_demo: bool,
}

impl CampaignInfo {
    /// Whole days from `today` to the last day, counting the last day;
    /// zero once the campaign is over.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        if today > self.ends_on {
            0
        } else {
            (self.ends_on - today.max(self.starts_on)).num_days() + 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> CampaignInfo {
        CampaignInfo {
            id: 1,
            committee_id: 1,
            committee_name: "Ban An toàn giao thông huyện Mỹ Tú".into(),
            slug: "ke-hoach-114-2024".into(),
            plan_number: "114/KH-UBND".into(),
            title: "t".into(),
            theme: "th".into(),
            starts_on: NaiveDate::from_ymd_opt(2024, 7, 5).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
            baseline_year: 2023,
            status: CampaignStatus::Open,
            period_rule: PeriodRule::GovernmentMonth,
            serious_deaths_threshold: 3,
            publish_days: 5,
            is_demo: true,
        }
    }

    #[test]
    fn days_left_counts_the_last_day_and_stops_at_zero() {
        let c = info();
        assert_eq!(c.days_left(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()), 1);
        assert_eq!(c.days_left(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap()), 31);
        assert_eq!(c.days_left(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()), 0);
        assert_eq!(c.days_left(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()), 180);
    }
}

/// A reporting month as figures are bucketed: the plan compares each month
/// with the same reporting month of the baseline year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingMonth {
    pub year: i32,
    pub month: u32,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// The span of figures shown "so far": every reporting month that has begun
/// by `today`, and the baseline months to set beside them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FiguresWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// (year, month) pairs of the baseline year, one per month counted.
    pub baseline_months: Vec<(i32, u32)>,
}

pub fn figures_window(months: &[ReportingMonth], today: NaiveDate, years_back: i32) -> Option<FiguresWindow> {
    let begun: Vec<&ReportingMonth> = months.iter().filter(|m| m.starts_on <= today).collect();
    let first = begun.iter().map(|m| m.starts_on).min()?;
    let last = begun.iter().map(|m| m.ends_on).max()?;
    Some(FiguresWindow {
        from: first,
        to: last.min(today),
        baseline_months: begun.iter().map(|m| (m.year - years_back, m.month)).collect(),
    })
}

#[cfg(test)]
mod window_tests {
    use super::*;

    fn month(m: u32) -> ReportingMonth {
        ReportingMonth {
            year: 2024,
            month: m,
            starts_on: NaiveDate::from_ymd_opt(2024, m - 1, 15).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2024, m, 14).unwrap(),
        }
    }

    #[test]
    fn window_counts_only_months_begun_and_stops_today() {
        let months: Vec<_> = (7..=12).map(month).collect();
        let today = NaiveDate::from_ymd_opt(2024, 8, 20).unwrap();
        let w = figures_window(&months, today, 1).unwrap();
        assert_eq!(w.from, NaiveDate::from_ymd_opt(2024, 6, 15).unwrap());
        assert_eq!(w.to, today);
        assert_eq!(w.baseline_months, vec![(2023, 7), (2023, 8), (2023, 9)]);
        assert!(figures_window(&months, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), 1).is_none());
    }
}
