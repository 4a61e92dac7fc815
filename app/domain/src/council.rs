//! The council's part in awards: a proposal's votes and their result, and
//! the publication window the law requires before a decision (at least so
//! many working days, weekends and public holidays not counted).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The votes on one proposal, of the members present at the meeting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
    pub present: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    #[error("Chưa có thành viên nào có mặt.")]
    NobodyPresent,
    #[error("Tổng số phiếu ({cast}) vượt quá số thành viên có mặt ({present}).")]
    MoreVotesThanMembers { cast: u32, present: u32 },
}

impl Tally {
    pub fn check(&self) -> Result<(), TallyError> {
        if self.present == 0 {
            return Err(TallyError::NobodyPresent);
        }
        let cast = self.votes_for + self.against + self.abstain;
        if cast > self.present {
            return Err(TallyError::MoreVotesThanMembers {
                cast,
                present: self.present,
            });
        }
        Ok(())
    }

    /// Approved when the votes for are more than `threshold_pct` per cent of
    /// the members present (the default, 50, is a simple majority of them).
    pub fn approves(&self, threshold_pct: u32) -> bool {
        self.present > 0 && u64::from(self.votes_for) * 100 > u64::from(threshold_pct) * u64::from(self.present)
    }
}

/// Which days are not working days: the weekend and the public holidays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub weekend: Vec<Weekday>,
    pub holidays: Vec<NaiveDate>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        WorkCalendar {
            weekend: vec![Weekday::Sat, Weekday::Sun],
            holidays: Vec::new(),
        }
    }
}

impl WorkCalendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !self.weekend.contains(&d.weekday()) && !self.holidays.contains(&d)
    }

    /// The first day a decision may be taken on a list published on `from`:
    /// after `days` full working days of publication, the day of publication
    /// not counted.
    pub fn decision_earliest(&self, from: NaiveDate, days: u32) -> NaiveDate {
        let mut d = from;
        let mut counted = 0;
        while counted < days {
            d = d.succ_opt().unwrap_or(d);
            if self.is_working_day(d) {
                counted += 1;
            }
        }
        d.succ_opt().unwrap_or(d)
    }

    /// Working days of publication completed by `today` (the day of publication not counted).
    pub fn working_days_between(&self, from: NaiveDate, today: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= today)
            .filter(|d| self.is_working_day(*d))
            .count() as u32
    }
}

/// The council's vote threshold (per cent of members present that must vote
/// for) and how many working days an approved list stays public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardSettings {
    pub vote_threshold_pct: u32,
    pub publish_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("Tỷ lệ biểu quyết thông qua phải từ 50 đến 100 phần trăm.")]
    Threshold,
    #[error("Danh sách phải được công khai từ 5 đến 30 ngày làm việc.")]
    PublishDays,
    #[error("Tên ngày nghỉ lễ cần có và không dài quá 120 ký tự.")]
    HolidayName,
    #[error("Một danh sách đang được công khai: chỉ đổi số ngày công khai khi không có danh sách nào đang công khai.")]
    WindowWhilePublic,
    #[error("Chỉ đổi tỷ lệ biểu quyết khi đợt khen thưởng đang lập danh sách đề nghị.")]
    ThresholdAfterProposing,
}

impl AwardSettings {
    /// The law asks for a majority and at least 5 working days of publication;
    /// more than a month would only stall the awards.
    pub fn check(self) -> Result<(), SettingsError> {
        if !(50..=100).contains(&self.vote_threshold_pct) {
            return Err(SettingsError::Threshold);
        }
        if !(5..=30).contains(&self.publish_days) {
            return Err(SettingsError::PublishDays);
        }
        Ok(())
    }
}

/// A committee's public holiday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub id: crate::Id,
    pub day: NaiveDate,
    pub name: String,
}

/// A holiday's name, trimmed, checked.
pub fn holiday_name(name: &str) -> Result<String, SettingsError> {
    let n = name.trim();
    match n.chars().count() {
        1..=120 => Ok(n.to_string()),
        _ => Err(SettingsError::HolidayName),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).unwrap()
    }

    #[test]
    fn a_majority_of_those_present_approves() {
        let t = |f, a, ab, p| Tally {
            votes_for: f,
            against: a,
            abstain: ab,
            present: p,
        };
        assert!(t(4, 3, 0, 7).approves(50));
        assert!(!t(3, 3, 1, 7).approves(50));
        assert!(!t(5, 5, 0, 10).approves(50), "half is not more than half");
        assert!(t(7, 0, 2, 9).approves(66));
        assert!(!t(5, 0, 4, 9).approves(66));
        assert_eq!(
            t(5, 3, 1, 8).check(),
            Err(TallyError::MoreVotesThanMembers { cast: 9, present: 8 })
        );
        assert_eq!(t(0, 0, 0, 0).check(), Err(TallyError::NobodyPresent));
    }

    #[test]
    fn five_working_days_skip_the_weekend_and_holidays() {
        let cal = WorkCalendar::default();
        // Published Monday 16/12/2024: Tue..Fri are 4, Mon 23 the 5th; a decision from Tue 24.
        assert_eq!(cal.decision_earliest(d(12, 16), 5), d(12, 24));
        // Published Friday: Mon..Fri of the next week.
        assert_eq!(cal.decision_earliest(d(12, 20), 5), d(12, 28));
        let with_holiday = WorkCalendar {
            holidays: vec![d(12, 25)],
            ..WorkCalendar::default()
        };
        assert_eq!(with_holiday.decision_earliest(d(12, 20), 5), d(12, 31));
        assert_eq!(cal.working_days_between(d(12, 20), d(12, 27)), 5);
        assert_eq!(cal.working_days_between(d(12, 20), d(12, 20)), 0);
    }

    #[test]
    fn settings_keep_a_majority_and_the_legal_window() {
        let s = |v, p| AwardSettings {
            vote_threshold_pct: v,
            publish_days: p,
        };
        assert_eq!(s(50, 5).check(), Ok(()));
        assert_eq!(s(100, 30).check(), Ok(()));
        assert_eq!(s(49, 5).check(), Err(SettingsError::Threshold));
        assert_eq!(s(101, 5).check(), Err(SettingsError::Threshold));
        assert_eq!(s(60, 4).check(), Err(SettingsError::PublishDays));
        assert_eq!(s(60, 31).check(), Err(SettingsError::PublishDays));
        assert_eq!(holiday_name("  Tết Dương lịch "), Ok("Tết Dương lịch".into()));
        assert_eq!(holiday_name("   "), Err(SettingsError::HolidayName));
        assert_eq!(holiday_name(&"x".repeat(121)), Err(SettingsError::HolidayName));
    }

    proptest! {
        #[test]
        fn the_window_holds_exactly_the_working_days(start in 0u32..365, days in 0u32..15, holiday_mask: u32) {
            let from = d(1, 1) + chrono::Days::new(start.into());
            let holidays = (0..32).filter(|i| holiday_mask & (1 << i) != 0)
                .map(|i| from + chrono::Days::new(i + 1)).collect();
            let cal = WorkCalendar { holidays, ..WorkCalendar::default() };
            let earliest = cal.decision_earliest(from, days);
            let before = earliest.pred_opt().unwrap();
            prop_assert_eq!(cal.working_days_between(from, before), days);
            prop_assert!(earliest > from);
            if days > 0 {
                // The last day of the window is a working day: not a day later than needed.
                prop_assert!(cal.is_working_day(before));
            }
        }
    }
}
