//! A unit's reports: its list, one report, saving a self-score.
//! A unit's staff reach only their own unit's reports.

use super::ApiError;
use domain::{DraftLine, Id, ReportSummary, ReportView};
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

/// Saves the unit's self-scores and explanations (a draft, or a returned or
/// reopened report) if nobody saved the report since `version`; returns the
/// new version. Sending what is already stored is a no-op that returns the
/// current version, so a retry after a lost answer is safe.
#[server(endpoint = "reports/save_draft")]
pub async fn save_draft(report_id: Id, version: i32, lines: Vec<DraftLine>) -> Result<i32, ApiError> {
    let caller = authorize(SaveDraft::PATH).await?;
    let db = super::server::db()?;
    let report = store::reports::get(&db, report_id).await?.ok_or(ApiError::NotFound)?;
    caller.require_write_unit(report.unit_id).map_err(ApiError::respond)?;
    if !domain::is_editable_by_unit(report.status) {
        return Err(ApiError::Invalid(format!(
            "Báo cáo đang ở trạng thái \"{}\", đơn vị không sửa được.",
            report.status.label()
        ))
        .respond());
    }
    let sheet = store::sheets::load(&db, report.campaign_id).await?;
    let draft = domain::draft_from_lines(&lines);
    let errors = domain::validate_draft(&sheet, report.unit_kind, &draft);
    if !errors.is_empty() {
        return Err(ApiError::Fields(errors).respond());
    }
    let changed: Vec<(&domain::ScoreLine, &domain::CriterionEntry)> = report
        .lines
        .iter()
        .filter_map(|l| draft.criteria.get(&l.code).map(|e| (l, e)))
        .filter(|(l, e)| l.self_score != e.self_score || l.explanation != e.explanation)
        .collect();
    if changed.is_empty() {
        return Ok(report.version);
    }
    if version != report.version {
        return Err(conflict(&changed).respond());
    }
    let edits: Vec<store::reports::LineEdit> = changed
        .iter()
        .map(|(l, e)| store::reports::LineEdit {
            criterion_id: l.criterion_id,
            score: e.self_score,
            explanation: e.explanation.clone(),
        })
        .collect();
    let txn = store::begin_write(&db).await?;
    let new_version = store::reports::save_lines(&txn, report_id, version, &edits)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let show = |x: Option<f64>| x.map(domain::format_points).unwrap_or_else(|| "—".into());
    let mut e = caller.audit("self_scores_saved", "report", Some(report_id));
    e.campaign_id = Some(report.campaign_id);
    e.unit_id = Some(report.unit_id);
    e.old_value = Some(
        changed
            .iter()
            .map(|(l, _)| format!("{}: {}", l.code, show(l.self_score)))
            .collect::<Vec<_>>()
            .join("; "),
    );
    e.new_value = Some(
        changed
            .iter()
            .map(|(l, n)| format!("{}: {}", l.code, show(n.self_score)))
            .collect::<Vec<_>>()
            .join("; "),
    );
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(new_version)
}

/// Someone saved the report after this form loaded it: what the server now
/// holds for the lines this form changed, so the user sees what moved.
#[cfg(feature = "ssr")]
fn conflict(changed: &[(&domain::ScoreLine, &domain::CriterionEntry)]) -> ApiError {
    let held: Vec<String> = changed
        .iter()
        .map(|(l, _)| {
            format!(
                "{} = {}",
                l.code,
                l.self_score
                    .map(domain::format_points)
                    .unwrap_or_else(|| "(trống)".into())
            )
        })
        .collect();
    ApiError::Conflict(format!(
        "Báo cáo vừa được người khác lưu. Trên máy chủ hiện có: {}. Tải lại báo cáo để xem rồi nhập lại.",
        held.join("; ")
    ))
}
