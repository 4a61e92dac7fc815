//! A unit's reports: its list, one report, saving a self-score.
//! A unit's staff reach only their own unit's reports.

use super::ApiError;
use domain::{ActivityEntry, DraftLine, Id, ReportSummary, ReportView};
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

/// Opens the caller's unit's report for a period of the current campaign as
/// an empty draft, or finds the one it has: safe to repeat.
#[server(endpoint = "reports/start")]
pub async fn start_report(period_id: Id) -> Result<Id, ApiError> {
    let caller = authorize(StartReport::PATH).await?;
    let unit_id = caller.own_unit()?;
    let db = super::server::db()?;
    let campaign = super::server::current_campaign(&db)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let period = store::periods::list(&db, campaign.id)
        .await?
        .into_iter()
        .find(|p| p.id == period_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let registered = store::registrations::status_of(&db, campaign.id, unit_id).await?;
    domain::check_start(registered, period.kind, period.starts_on, super::server::today_local())
        .map_err(|e| ApiError::Invalid(e.to_string()).respond())?;
    // Two taps at once race on the unique (period, unit) index: the loser
    // finds the winner's report on its second look.
    for _ in 0..2 {
        let txn = store::begin_write(&db).await?;
        let Ok((id, created)) = store::reports::start(&txn, campaign.id, period_id, unit_id).await else {
            continue;
        };
        if created {
            let mut e = caller.audit("report_started", "report", Some(id));
            e.campaign_id = Some(campaign.id);
            e.unit_id = Some(unit_id);
            e.new_value = Some(format!("{}: {}", period.name, domain::ReportStatus::Draft.code()));
            store::audit::record(&txn, e).await?;
        }
        txn.commit().await.map_err(store::StoreError::from)?;
        if created {
            // The screen's completeness panel shows the unit at work.
            super::server::changed(campaign.id);
        }
        return Ok(id);
    }
    Err(ApiError::Internal.respond())
}

/// Saves the unit's self-scores, explanations and activity figures (a draft,
/// or a returned or reopened report) if nobody saved the report since
/// `version`; returns the new version. Sending what is already stored is a
/// no-op that returns the current version, so a retry after a lost answer is safe.
#[server(endpoint = "reports/save_draft")]
pub async fn save_draft(
    report_id: Id,
    version: i32,
    // Empty lists do not survive form encoding: a save of figures alone has no lines.
    #[server(default)] lines: Vec<DraftLine>,
    #[server(default)] activities: Vec<ActivityEntry>,
) -> Result<i32, ApiError> {
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
    let draft = domain::draft_from_lines(&lines, &activities);
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
    let figures: Vec<(&domain::ActivityFigure, Option<i64>)> = report
        .activities
        .iter()
        .filter_map(|f| {
            activities
                .iter()
                .find(|e| e.activity == f.activity)
                .map(|e| (f, e.value))
        })
        .filter(|(f, v)| f.value != *v)
        .collect();
    if changed.is_empty() && figures.is_empty() {
        return Ok(report.version);
    }
    if version != report.version {
        return Err(conflict(&changed, &figures).respond());
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
    let entries: Vec<ActivityEntry> = figures
        .iter()
        .map(|(f, v)| ActivityEntry {
            activity: f.activity,
            value: *v,
        })
        .collect();
    store::activities::save(&txn, report_id, &entries).await?;
    let show = |x: Option<f64>| x.map(domain::format_points).unwrap_or_else(|| "—".into());
    let mut e = caller.audit("self_scores_saved", "report", Some(report_id));
    e.campaign_id = Some(report.campaign_id);
    e.unit_id = Some(report.unit_id);
    let count = |v: Option<i64>| v.map_or_else(|| "—".into(), |v| v.to_string());
    let describe = |old: bool| {
        let scores = changed.iter().map(|(l, n)| {
            let v = if old { l.self_score } else { n.self_score };
            format!("{}: {}", l.code, show(v))
        });
        let counts = figures.iter().map(|(f, v)| {
            let v = if old { f.value } else { *v };
            format!("{}: {}", f.activity.code(), count(v))
        });
        scores.chain(counts).collect::<Vec<_>>().join("; ")
    };
    e.old_value = Some(describe(true));
    e.new_value = Some(describe(false));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(new_version)
}

/// Someone saved the report after this form loaded it: what the server now
/// holds for the lines this form changed, so the user sees what moved.
#[cfg(feature = "ssr")]
fn conflict(
    changed: &[(&domain::ScoreLine, &domain::CriterionEntry)],
    figures: &[(&domain::ActivityFigure, Option<i64>)],
) -> ApiError {
    let mut held: Vec<String> = changed
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
    held.extend(figures.iter().map(|(f, _)| {
        let v = f.value.map_or_else(|| "(trống)".into(), |v| v.to_string());
        format!("{} = {v}", f.activity.label())
    }));
    ApiError::Conflict(format!(
        "Báo cáo vừa được người khác lưu. Trên máy chủ hiện có: {}. Tải lại báo cáo để xem rồi nhập lại.",
        held.join("; ")
    ))
}
