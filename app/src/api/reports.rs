//! A unit's reports: its list, one report, saving a self-score.
//! A unit's staff reach only their own unit's reports.

use super::ApiError;
use domain::{Id, ReportSummary, ReportView};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

/// The caller's unit's reports, latest period first.
#[server(endpoint = "reports/mine")]
pub async fn my_reports() -> Result<Vec<ReportSummary>, ApiError> {
    let caller = authorize(MyReports::PATH).await?;
    let unit_id = caller.signed_in()?.unit_id.ok_or(ApiError::Forbidden)?;
    Ok(store::reports::list_for_unit(&super::server::db()?, unit_id).await?)
}

#[server(endpoint = "reports/get")]
pub async fn get_report(report_id: Id) -> Result<ReportView, ApiError> {
    let caller = authorize(GetReport::PATH).await?;
    let report = store::reports::get(&super::server::db()?, report_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    caller.require_read_unit(report.unit_id).map_err(ApiError::respond)?;
    Ok(report)
}

/// Saves one self-score of a draft (or returned, or reopened) report, if
/// nobody saved the report since `version`. Returns the new version.
#[server(endpoint = "reports/save_score")]
pub async fn save_self_score(
    report_id: Id,
    criterion_code: String,
    score: Option<f64>,
    explanation: String,
    version: i32,
) -> Result<i32, ApiError> {
    let caller = authorize(SaveSelfScore::PATH).await?;
    let db = super::server::db()?;
    let report = store::reports::get(&db, report_id).await?.ok_or(ApiError::NotFound)?;
    let me = caller.require_write_unit(report.unit_id).map_err(ApiError::respond)?;
    if !domain::is_editable_by_unit(report.status) {
        return Err(ApiError::Invalid(format!(
            "Báo cáo đang ở trạng thái \"{}\", đơn vị không sửa được.",
            report.status.label()
        ))
        .respond());
    }
    let sheet = store::sheets::load(&db, report.campaign_id).await?;
    let mut draft = domain::ReportDraft::default();
    draft.criteria.insert(
        criterion_code.clone(),
        domain::CriterionEntry {
            self_score: score,
            explanation: explanation.clone(),
            evidence_count: 0,
        },
    );
    // Evidence may come after the score; it is required at submission.
    let errors: Vec<domain::FieldError> = domain::validate_report(&sheet, report.unit_kind, &draft)
        .into_iter()
        .filter(|e| !e.field.starts_with("evidence."))
        .collect();
    if let Some(e) = errors.first() {
        return Err(ApiError::Invalid(e.message.clone()).respond());
    }
    let line = report
        .lines
        .iter()
        .find(|l| l.code == criterion_code)
        .ok_or(ApiError::NotFound)?;
    let txn = store::begin_write(&db).await?;
    let saved = store::reports::set_self_score(&txn, report_id, line.criterion_id, score, &explanation, version)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    store::audit::record(
        &txn,
        store::audit::AuditEntry {
            actor_id: Some(me.user_id),
            actor_label: me.username.clone(),
            action: "self_score_saved".into(),
            entity: "report".into(),
            entity_id: Some(report_id),
            campaign_id: Some(report.campaign_id),
            unit_id: Some(report.unit_id),
            old_value: saved.old_score.map(|s| format!("{criterion_code}: {s}")),
            new_value: score.map(|s| format!("{criterion_code}: {s}")),
            ip: caller.ip.map(|ip| ip.to_string()),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(saved.new_version)
}
