//! Setting up a campaign: what the standing office types in (or changes)
//! when it creates a campaign or copies an earlier one, and the rules it
//! must meet before anything is written. Every problem is reported at once.

use crate::types::{CampaignStatus, PeriodRule, Target};
use crate::validation::FieldError;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A campaign's own settings, as created or edited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignDraft {
    /// Its stable public address, e.g. `ke-hoach-25-2025`.
    pub slug: String,
    pub plan_number: String,
    pub title: String,
    pub theme: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The year figures are compared against (cùng kỳ).
    pub baseline_year: i32,
    pub period_rule: PeriodRule,
    /// Days after a period's end its report is due.
    pub deadline_days: u32,
    /// Deaths that make an accident particularly serious.
    pub serious_deaths_threshold: u32,
    /// Working days an approved award list stays public.
    pub publish_days: u32,
    pub targets: Vec<Target>,
}

/// A campaign runs at most this long (the plan runs for months, a national
/// programme for a few years).
pub const MAX_YEARS: i32 = 5;

fn err(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, message)
}

/// Whether `slug` can be a stable address: lowercase letters without marks,
/// digits and single hyphens, 3 to 60 characters.
pub fn valid_slug(slug: &str) -> bool {
    (3..=60).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

impl CampaignDraft {
    /// Every rule the settings break; empty when they can be saved.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if !valid_slug(&self.slug) {
            out.push(err(
                "slug",
                "Địa chỉ chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (3–60 ký tự)",
            ));
        }
        let text = |field, value: &str, max: usize, name: &str, out: &mut Vec<FieldError>| {
            let n = value.trim().chars().count();
            if n == 0 {
                out.push(err(field, format!("Chưa nhập {name}")));
            } else if n > max {
                out.push(err(field, format!("{name} dài quá {max} ký tự")));
            }
        };
        text("plan_number", &self.plan_number, 40, "số kế hoạch", &mut out);
        text("title", &self.title, 300, "tên phong trào", &mut out);
        if self.theme.chars().count() > 500 {
            out.push(err("theme", "Chủ đề dài quá 500 ký tự"));
        }
        if self.ends_on <= self.starts_on {
            out.push(err("ends_on", "Ngày kết thúc phải sau ngày bắt đầu"));
        } else if self.ends_on.year() - self.starts_on.year() >= MAX_YEARS {
            out.push(err("ends_on", format!("Một phong trào kéo dài dưới {MAX_YEARS} năm")));
        }
        if self.baseline_year >= self.starts_on.year() || self.baseline_year < self.starts_on.year() - 10 {
            out.push(err(
                "baseline_year",
                "Năm so sánh (cùng kỳ) phải là một năm trước năm bắt đầu, trong vòng 10 năm",
            ));
        }
        if !(1..=31).contains(&self.deadline_days) {
            out.push(err("deadline_days", "Hạn nộp báo cáo là 1 đến 31 ngày sau kỳ"));
        }
        if !(1..=100).contains(&self.serious_deaths_threshold) {
            out.push(err(
                "serious_deaths_threshold",
                "Số người chết để tính vụ đặc biệt nghiêm trọng là 1 đến 100",
            ));
        }
        if !(1..=60).contains(&self.publish_days) {
            out.push(err(
                "publish_days",
                "Số ngày công khai danh sách khen thưởng là 1 đến 60",
            ));
        }
        let mut measures: Vec<_> = self.targets.iter().map(|t| t.measure).collect();
        measures.sort();
        measures.dedup();
        if measures.len() != self.targets.len() {
            out.push(err("targets", "Mỗi chỉ tiêu chỉ đặt một lần"));
        }
        out
    }

    /// The same settings a year on, as a copy starts: dates, baseline and
    /// address move by `years`; the plan number and title are kept for the
    /// office to change.
    pub fn moved_by_years(&self, years: i32) -> CampaignDraft {
        let shift = |d: NaiveDate| {
            d.with_year(d.year() + years)
                // 29 February has no twin in a common year.
                .or_else(|| NaiveDate::from_ymd_opt(d.year() + years, d.month(), 28))
                .unwrap_or(d)
        };
        let old_year = self.starts_on.year().to_string();
        let new_year = (self.starts_on.year() + years).to_string();
        let slug = match self.slug.strip_suffix(&old_year) {
            Some(stem) => format!("{stem}{new_year}"),
            None => format!("{}-{new_year}", self.slug),
        };
        CampaignDraft {
            slug,
            starts_on: shift(self.starts_on),
            ends_on: shift(self.ends_on),
            baseline_year: self.baseline_year + years,
            ..self.clone()
        }
    }
}

/// The moves between a campaign's states the standing office may make:
/// a draft opens, an open campaign closes (read-only from then on), a closed
/// one is archived or opened again; an archived one stays archived.
pub fn status_change_allowed(from: CampaignStatus, to: CampaignStatus) -> bool {
    use CampaignStatus::*;
    matches!(
        (from, to),
        (Draft, Open) | (Open, Closed) | (Closed, Open) | (Closed, Archived)
    )
}

/// Whether a campaign in `status` takes reports, scores and settings changes.
pub fn is_writable(status: CampaignStatus) -> bool {
    matches!(status, CampaignStatus::Draft | CampaignStatus::Open)
}

#[cfg(test)]
mod tests;

impl CampaignStatus {
    pub fn label(self) -> &'static str {
        match self {
            CampaignStatus::Draft => "Đang soạn",
            CampaignStatus::Open => "Đang diễn ra",
            CampaignStatus::Closed => "Đã kết thúc",
            CampaignStatus::Archived => "Đã lưu trữ",
        }
    }

    /// The moves the office is offered from this state, with the button's words.
    pub fn moves(self) -> &'static [(CampaignStatus, &'static str)] {
        use CampaignStatus::*;
        match self {
            Draft => &[(Open, "Mở phong trào")],
            Open => &[(Closed, "Kết thúc phong trào")],
            Closed => &[(Open, "Mở lại"), (Archived, "Lưu trữ")],
            Archived => &[],
        }
    }
}

impl PeriodRule {
    pub fn label(self) -> &'static str {
        match self {
            PeriodRule::GovernmentMonth => "Từ ngày 15 tháng trước đến ngày 14 tháng này",
            PeriodRule::CalendarMonth => "Theo tháng dương lịch",
        }
    }
}

impl crate::types::ScoringRule {
    pub fn label(self) -> &'static str {
        use crate::types::ScoringRule::*;
        match self {
            SelfScored => "Đơn vị tự chấm",
            Outcomes => "Kết quả kéo giảm tai nạn so với cùng kỳ",
            ReportingDiscipline => "Chấp hành chế độ báo cáo",
            ActivityAgainstPledge => "Hoạt động so với đăng ký",
            Bonus => "Điểm thưởng",
            Penalty => "Điểm trừ",
        }
    }
}
