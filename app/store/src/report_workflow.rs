//! Workflow steps of a report: a status change with its history row, and the
//! reviewer's score. Both refuse a stale version instead of overwriting.

use crate::Result;
use crate::entities::{report, report_event, report_score};
use crate::error::StoreError;
use chrono::Utc;
use domain::{Id, ReportStatus};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

fn stale() -> StoreError {
    StoreError::Conflict("Báo cáo vừa được người khác thay đổi. Tải lại để xem trạng thái mới.".into())
}

/// Moves the report from `from` to `to` if it is still at `expected_version`
/// and in `from`; stamps submission and approval; appends the history row.
pub async fn transition(
    txn: &DatabaseTransaction,
    report_id: Id,
    expected_version: i32,
    from: ReportStatus,
    to: ReportStatus,
    actor_id: Option<Id>,
    reason: Option<&str>,
) -> Result<i32> {
    let now = Utc::now();
    let mut update = report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(to.code()))
        .col_expr(report::Column::Version, Expr::col(report::Column::Version).add(1))
        .col_expr(report::Column::UpdatedAt, Expr::value(now));
    if matches!(to, ReportStatus::Submitted | ReportStatus::Resubmitted) {
        update = update
            .col_expr(report::Column::SubmittedAt, Expr::value(now))
            .col_expr(report::Column::SubmittedBy, Expr::value(actor_id));
    }
    if to == ReportStatus::Approved {
        update = update
            .col_expr(report::Column::ApprovedAt, Expr::value(now))
            .col_expr(report::Column::ApprovedBy, Expr::value(actor_id));
    }
    let done = update
        .filter(report::Column::Id.eq(report_id))
        .filter(report::Column::Version.eq(expected_version))
        .filter(report::Column::Status.eq(from.code()))
        .exec(txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(stale());
    }
    report_event::ActiveModel {
        report_id: Set(report_id),
        from_status: Set(Some(from.code().to_string())),
        to_status: Set(to.code().to_string()),
        actor_id: Set(actor_id),
        reason: Set(reason.map(str::to_string)),
        at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(expected_version + 1)
}

/// The reviewer's score for one criterion, with the reason it differs.
/// Returns the previous reviewed score for the audit trail.
pub async fn set_reviewed_score(
    txn: &DatabaseTransaction,
    report_id: Id,
    criterion_id: Id,
    score: Option<f64>,
    reason: Option<&str>,
    expected_version: i32,
) -> Result<Option<f64>> {
    crate::reports::bump_version(txn, report_id, expected_version).await?;
    let existing = report_score::Entity::find()
        .filter(report_score::Column::ReportId.eq(report_id))
        .filter(report_score::Column::CriterionId.eq(criterion_id))
        .one(txn)
        .await?;
    let old = existing.as_ref().and_then(|s| s.reviewed_score);
    match existing {
        Some(s) => {
            let mut s: report_score::ActiveModel = s.into();
            s.reviewed_score = Set(score);
            s.review_reason = Set(reason.map(str::to_string));
            s.update(txn).await?;
        }
        None => {
            report_score::ActiveModel {
                report_id: Set(report_id),
                criterion_id: Set(criterion_id),
                explanation: Set(String::new()),
                reviewed_score: Set(score),
                review_reason: Set(reason.map(str::to_string)),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(old)
}

/// The latest status change of a report: where it led, and who made it.
pub async fn last_step(
    db: &impl sea_orm::ConnectionTrait,
    report_id: Id,
) -> Result<Option<(ReportStatus, Option<Id>)>> {
    use sea_orm::QueryOrder;
    let Some(e) = report_event::Entity::find()
        .filter(report_event::Column::ReportId.eq(report_id))
        .order_by_desc(report_event::Column::At)
        .order_by_desc(report_event::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let to = crate::error::code(&e.to_status, ReportStatus::from_code, "report status")?;
    Ok(Some((to, e.actor_id)))
}
