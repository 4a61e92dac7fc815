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
