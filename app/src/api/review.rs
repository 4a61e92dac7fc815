//! Moving a report through its workflow, and the standing office's review.

use super::ApiError;
use domain::{ActionKind, Id};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::access::{Caller, authorize},
    leptos::server_fn::ServerFn,
    store::audit::AuditEntry,
};

#[cfg(feature = "ssr")]
fn audit(caller: &Caller, report: &domain::ReportView, action: &str) -> AuditEntry {
    let mut e = caller.audit(action, "report", Some(report.id));
    e.campaign_id = Some(report.campaign_id);
    e.unit_id = Some(report.unit_id);
    e
}

/// One workflow step: the unit submits (its head confirms); the office
/// returns with a reason, approves, or reopens with a reason. Refused when
/// the report moved on since `version`. Returns the new version.
#[server(endpoint = "reports/act")]
pub async fn report_action(
    report_id: Id,
    kind: ActionKind,
    reason: Option<String>,
    version: i32,
) -> Result<i32, ApiError> {
    use domain::Action;
    let caller = authorize(ReportAction::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let report = store::reports::get(&db, report_id).await?.ok_or(ApiError::NotFound)?;
    let reason = reason.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    let action = match kind {
        ActionKind::Save => Action::Save,
        ActionKind::Submit => Action::Submit,
        ActionKind::Approve => Action::Approve,
        ActionKind::Return => Action::Return {
            reason: reason.clone().unwrap_or_default(),
        },
        ActionKind::Reopen => Action::Reopen {
            reason: reason.clone().unwrap_or_default(),
        },
    };
    // The unit's own steps need the unit's own staff; the office's steps the office.
    if matches!(kind, ActionKind::Save | ActionKind::Submit) {
        caller.require_write_unit(report.unit_id).map_err(ApiError::respond)?;
    }
    // A step sent again (a retry after a lost answer, a double tap) by the one
    // who made it finds the report where the step led: answered as the first time.
    if report.version == version + 1
        && let Some((to, actor)) = store::report_workflow::last_step(&db, report_id).await?
        && actor == Some(me.user_id)
        && to == report.status
        && domain::step_leads_to(kind, to)
    {
        return Ok(report.version);
    }
    let next = domain::apply(report.status, &action, &me.roles).map_err(|e| match e {
        domain::WorkflowError::Forbidden { .. } => ApiError::Forbidden.respond(),
        e => ApiError::Invalid(e.to_string()).respond(),
    })?;
    if kind == ActionKind::Submit {
        let sheet = store::sheets::load(&db, report.campaign_id).await?;
        let draft = store::reports::draft_of(&db, &report).await?;
        let mut errors = domain::missing_scores(&sheet, report.unit_kind, &draft);
        errors.extend(domain::validate_report(&sheet, report.unit_kind, &draft));
        if let Some(e) = errors.first() {
            return Err(ApiError::Invalid(format!("Chưa gửi được: {}", e.message)).respond());
        }
    }
    let txn = store::begin_write(&db).await?;
    let new_version = store::report_workflow::transition(
        &txn,
        report_id,
        version,
        report.status,
        next,
        Some(me.user_id),
        reason.as_deref(),
    )
    .await
    .map_err(|e| ApiError::from(e).respond())?;
    let mut e = audit(&caller, &report, &format!("report_{}", kind.code()));
    e.old_value = Some(report.status.code().into());
    e.new_value = Some(next.code().into());
    e.reason = reason;
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(report.campaign_id);
    Ok(new_version)
}

/// The office's score for one criterion of a report under review; a score
/// that differs from the unit's needs a written reason.
#[server(endpoint = "reports/review_score")]
pub async fn review_score(
    report_id: Id,
    criterion_code: String,
    score: Option<f64>,
    reason: Option<String>,
    version: i32,
) -> Result<i32, ApiError> {
    let caller = authorize(ReviewScore::PATH).await?;
    let db = super::server::db()?;
    let report = store::reports::get(&db, report_id).await?.ok_or(ApiError::NotFound)?;
    if !domain::awaits_review(report.status) {
        return Err(ApiError::Invalid("Chỉ thẩm định được báo cáo đang chờ duyệt.".into()).respond());
    }
    let line = report
        .lines
        .iter()
        .find(|l| l.code == criterion_code)
        .ok_or(ApiError::NotFound)?;
    if let Some(s) = score
        && (!s.is_finite() || !(0.0..=line.max_points).contains(&s))
    {
        let max = domain::format_points(line.max_points);
        return Err(ApiError::Invalid(format!("Điểm thẩm định phải từ 0 đến {max}.")).respond());
    }
    let reason = reason.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    if score.is_some() && score != line.self_score && reason.is_none() {
        return Err(ApiError::Invalid("Cần ghi lý do khi điểm thẩm định khác điểm tự chấm.".into()).respond());
    }
    let txn = store::begin_write(&db).await?;
    let old = store::report_workflow::set_reviewed_score(
        &txn,
        report_id,
        line.criterion_id,
        score,
        reason.as_deref(),
        version,
    )
    .await
    .map_err(|e| ApiError::from(e).respond())?;
    let mut e = audit(&caller, &report, "reviewed_score_set");
    e.old_value = old.map(|s| format!("{criterion_code}: {s}"));
    e.new_value = score.map(|s| format!("{criterion_code}: {s}"));
    e.reason = reason;
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(report.campaign_id);
    Ok(version + 1)
}
