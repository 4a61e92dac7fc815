//! Registration (đăng ký thi đua): a unit joins a campaign in a block and
//! pledges (giao ước) its own targets for the activities it reports; the
//! unit's head confirms. Activity figures in reports are read against them.

use crate::sheet::Sheet;
use crate::types::{Activity, Id, PeriodKind, RegistrationStatus, Role, UnitKind};
use crate::validation::{FieldError, check_count};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

impl Activity {
    pub fn label(self) -> &'static str {
        match self {
            Activity::PropagandaSessions => "Số buổi tuyên truyền",
            Activity::PeopleReached => "Số lượt người tham dự",
            Activity::Posts => "Số tin, bài đăng",
            Activity::SchoolPrograms => "Số chương trình ở trường học, doanh nghiệp",
            Activity::Patrols => "Số ca tuần tra, kiểm soát",
            Activity::ViolationsHandled => "Số trường hợp vi phạm được xử lý",
            Activity::DrinkChecks => "Số lượt kiểm tra nồng độ cồn",
            Activity::BlackSpotsFixed => "Số điểm đen, điểm tiềm ẩn được xử lý",
        }
    }
}

impl RegistrationStatus {
    pub fn label(self) -> &'static str {
        match self {
            RegistrationStatus::Pending => "Chờ lãnh đạo đơn vị xác nhận",
            RegistrationStatus::Confirmed => "Đã xác nhận",
            RegistrationStatus::Withdrawn => "Đã rút",
        }
    }
}

/// The activities a unit of this kind reports and pledges: those the sheet
/// ties to a criterion that applies to it, and the people reached wherever
/// propaganda sessions are counted (the sheet's group D asks for both).
pub fn activities_for(sheet: &Sheet, kind: UnitKind) -> Vec<Activity> {
    let mut list: Vec<Activity> = sheet.applicable(kind).filter_map(|c| c.activity).collect();
    if list.contains(&Activity::PropagandaSessions) {
        list.push(Activity::PeopleReached);
    }
    list.sort();
    list.dedup();
    list
}

/// The pledges as the registration form sends them: one whole, non-negative
/// target for each activity the unit reports, and nothing else.
pub fn validate_pledges(activities: &[Activity], pledges: &BTreeMap<Activity, i64>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for a in activities {
        let field = format!("pledge.{}", a.code());
        match pledges.get(a) {
            None => errors.push(FieldError::new(field, "Chưa nhập chỉ tiêu giao ước")),
            Some(&v) => errors.extend(check_count(&field, v)),
        }
    }
    for a in pledges.keys().filter(|a| !activities.contains(a)) {
        errors.push(FieldError::new(
            format!("pledge.{}", a.code()),
            "Hoạt động này không thuộc bảng điểm của đơn vị",
        ));
    }
    errors
}

/// Why a registration step is refused; shown to the user as is.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum RegistrationError {
    #[error("Chỉ cán bộ đầu mối hoặc lãnh đạo đơn vị mới được đăng ký thi đua")]
    NotUnitStaff,
    #[error("Chỉ lãnh đạo đơn vị mới được xác nhận đăng ký thi đua")]
    NotHead,
    #[error("Đơn vị chưa đăng ký thi đua")]
    NotRegistered,
    #[error("Đăng ký đã được xác nhận")]
    AlreadyConfirmed,
    #[error("Đăng ký đã rút, không xác nhận được")]
    Withdrawn,
    #[error("Đăng ký thi đua của đơn vị chưa được lãnh đạo xác nhận, chưa lập được báo cáo")]
    NotConfirmed,
    #[error("Đơn vị chỉ lập báo cáo cho kỳ báo cáo tháng")]
    NotMonthly,
    #[error("Kỳ báo cáo này chưa bắt đầu")]
    NotStarted,
}

/// The state after the unit saves its registration (new or changed). A
/// change to a confirmed one goes back to the head: the pledges are made in
/// the unit's name, so the head confirms what they became.
pub fn register(roles: &[Role]) -> Result<RegistrationStatus, RegistrationError> {
    if !roles.iter().any(|r| matches!(r, Role::Reporter | Role::UnitHead)) {
        return Err(RegistrationError::NotUnitStaff);
    }
    Ok(RegistrationStatus::Pending)
}

/// The head's confirmation of a pending registration.
pub fn confirm(current: Option<RegistrationStatus>, roles: &[Role]) -> Result<RegistrationStatus, RegistrationError> {
    if !roles.contains(&Role::UnitHead) {
        return Err(RegistrationError::NotHead);
    }
    match current {
        None => Err(RegistrationError::NotRegistered),
        Some(RegistrationStatus::Pending) => Ok(RegistrationStatus::Confirmed),
        Some(RegistrationStatus::Confirmed) => Err(RegistrationError::AlreadyConfirmed),
        Some(RegistrationStatus::Withdrawn) => Err(RegistrationError::Withdrawn),
    }
}

/// A unit reports in a campaign once its head has confirmed its registration.
pub fn may_report(status: Option<RegistrationStatus>) -> bool {
    status == Some(RegistrationStatus::Confirmed)
}

/// Whether the unit may open its report for a period: registered and
/// confirmed, a monthly period (the reviews are the office's), already begun.
pub fn check_start(
    status: Option<RegistrationStatus>,
    period_kind: PeriodKind,
    starts_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), RegistrationError> {
    if !may_report(status) {
        Err(RegistrationError::NotConfirmed)
    } else if period_kind != PeriodKind::Monthly {
        Err(RegistrationError::NotMonthly)
    } else if starts_on > today {
        Err(RegistrationError::NotStarted)
    } else {
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockChoice {
    pub id: Id,
    pub name: String,
}

/// A unit's registration as its form and the standing office see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationView {
    pub campaign_id: Id,
    pub campaign_name: String,
    pub unit_id: Id,
    pub unit_name: String,
    /// `None` before the unit has registered.
    pub status: Option<RegistrationStatus>,
    pub block_id: Option<Id>,
    pub blocks: Vec<BlockChoice>,
    /// The activities the unit pledges, in order, with the target if set.
    pub pledges: Vec<(Activity, Option<i64>)>,
    pub registered_at: Option<chrono::DateTime<chrono::Utc>>,
    pub confirmed_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(test)]
mod tests;
