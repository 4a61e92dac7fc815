//! The report workflow (DOMAIN.md, "The workflow of a report"):
//! draft → submitted → returned → resubmitted → approved (locked) → reopened → …
//! Whether the actor belongs to the report's unit is the caller's check;
//! this module decides what the actor's roles allow in each state.

use crate::types::{ReportStatus, Role, coded_enum};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    Save,
    Submit,
    Return { reason: String },
    Approve,
    Reopen { reason: String },
}

coded_enum! {
    ActionKind {
        Save = "save",
        Submit = "submit",
        Return = "return",
        Approve = "approve",
        Reopen = "reopen",
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Save => ActionKind::Save,
            Action::Submit => ActionKind::Submit,
            Action::Return { .. } => ActionKind::Return,
            Action::Approve => ActionKind::Approve,
            Action::Reopen { .. } => ActionKind::Reopen,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Action::Return { reason } | Action::Reopen { reason } => Some(reason),
            _ => None,
        }
    }
}

impl ActionKind {
    /// A verb, to fit in "Không thể … báo cáo".
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::Save => "lưu",
            ActionKind::Submit => "gửi",
            ActionKind::Return => "trả lại",
            ActionKind::Approve => "duyệt",
            ActionKind::Reopen => "mở lại",
        }
    }

    /// The audit trail must say why a report went back or was unlocked.
    pub fn needs_reason(self) -> bool {
        matches!(self, ActionKind::Return | ActionKind::Reopen)
    }

    fn permitted(self, roles: &[Role]) -> bool {
        let any = |allowed: &[Role]| roles.iter().any(|r| allowed.contains(r));
        match self {
            ActionKind::Save => any(&[Role::Reporter, Role::UnitHead]),
            // The unit's head confirms what goes out in the unit's name.
            ActionKind::Submit => any(&[Role::UnitHead]),
            ActionKind::Return | ActionKind::Approve | ActionKind::Reopen => any(&[Role::StandingOffice, Role::Admin]),
        }
    }

    fn who_may(self) -> &'static str {
        match self {
            ActionKind::Save => "Chỉ cán bộ đầu mối hoặc lãnh đạo đơn vị mới được lưu báo cáo",
            ActionKind::Submit => "Chỉ lãnh đạo đơn vị mới được xác nhận gửi báo cáo",
            ActionKind::Return => "Chỉ Thường trực Ban An toàn giao thông mới được trả lại báo cáo",
            ActionKind::Approve => "Chỉ Thường trực Ban An toàn giao thông mới được duyệt báo cáo",
            ActionKind::Reopen => "Chỉ Thường trực Ban An toàn giao thông mới được mở lại báo cáo đã duyệt",
        }
    }
}

impl ReportStatus {
    pub fn label(self) -> &'static str {
        match self {
            ReportStatus::Draft => "Đang soạn",
            ReportStatus::Submitted => "Đã gửi",
            ReportStatus::Returned => "Bị trả lại",
            ReportStatus::Resubmitted => "Đã gửi lại",
            ReportStatus::Approved => "Đã duyệt",
            ReportStatus::Reopened => "Đã mở lại",
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum WorkflowError {
    #[error("Không thể {} báo cáo đang ở trạng thái «{}»", .action.label(), .status.label())]
    NotAllowed { action: ActionKind, status: ReportStatus },
    #[error("{}", .action.who_may())]
    Forbidden { action: ActionKind },
    #[error("Cần ghi rõ lý do khi {} báo cáo", .action.label())]
    ReasonRequired { action: ActionKind },
}

/// The state an action leads to, whoever performs it.
pub fn transition(status: ReportStatus, action: ActionKind) -> Option<ReportStatus> {
    use ActionKind as A;
    use ReportStatus as S;
    match (status, action) {
        (S::Draft | S::Returned | S::Reopened, A::Save) => Some(status),
        (S::Draft, A::Submit) => Some(S::Submitted),
        (S::Returned | S::Reopened, A::Submit) => Some(S::Resubmitted),
        (S::Submitted | S::Resubmitted, A::Return) => Some(S::Returned),
        (S::Submitted | S::Resubmitted, A::Approve) => Some(S::Approved),
        (S::Approved, A::Reopen) => Some(S::Reopened),
        _ => None,
    }
}

pub fn apply(status: ReportStatus, action: &Action, actor_roles: &[Role]) -> Result<ReportStatus, WorkflowError> {
    let kind = action.kind();
    let next = transition(status, kind).ok_or(WorkflowError::NotAllowed { action: kind, status })?;
    if !kind.permitted(actor_roles) {
        return Err(WorkflowError::Forbidden { action: kind });
    }
    if kind.needs_reason() && action.reason().is_none_or(|r| r.trim().is_empty()) {
        return Err(WorkflowError::ReasonRequired { action: kind });
    }
    Ok(next)
}

/// The buttons to show: actions these roles may take in this state.
pub fn allowed_actions(status: ReportStatus, actor_roles: &[Role]) -> Vec<ActionKind> {
    ActionKind::ALL
        .iter()
        .copied()
        .filter(|&k| transition(status, k).is_some() && k.permitted(actor_roles))
        .collect()
}

/// Whether `status` is where a step of this kind ends (a repeated step is
/// recognised by it).
pub fn step_leads_to(kind: ActionKind, status: ReportStatus) -> bool {
    match kind {
        ActionKind::Submit => awaits_review(status),
        ActionKind::Return => status == ReportStatus::Returned,
        ActionKind::Approve => status == ReportStatus::Approved,
        ActionKind::Reopen => status == ReportStatus::Reopened,
        ActionKind::Save => false,
    }
}

/// The unit may change its figures and scores.
pub fn is_editable_by_unit(status: ReportStatus) -> bool {
    matches!(
        status,
        ReportStatus::Draft | ReportStatus::Returned | ReportStatus::Reopened
    )
}

/// The report is waiting for the standing office.
pub fn awaits_review(status: ReportStatus) -> bool {
    matches!(status, ReportStatus::Submitted | ReportStatus::Resubmitted)
}

/// The unit has handed a report in ("who has reported" on the screen).
pub fn is_handed_in(status: ReportStatus) -> bool {
    awaits_review(status) || status == ReportStatus::Approved
}

#[cfg(test)]
mod tests;
