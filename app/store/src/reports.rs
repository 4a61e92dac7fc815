//! Reports: reading one with its sheet lines, a unit's list, saving its
//! self-scores under optimistic versioning.

use crate::Result;
use crate::entities::{criteria_group, criterion, period, report, report_score, unit};
use crate::error::{StoreError, code};
use chrono::Utc;
use domain::{Activity, Applicability, Id, ReportStatus, ReportSummary, ReportView, ScoreLine, ScoringRule, UnitKind};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};
use std::collections::HashMap;

/// The report with every criterion that applies to its unit, in sheet order.
pub async fn get(db: &impl ConnectionTrait, id: Id) -> Result<Option<ReportView>> {
    let Some(r) = report::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let u = unit::Entity::find_by_id(r.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound("unit".into()))?;
    let p = period::Entity::find_by_id(r.period_id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound("period".into()))?;
    let kind = code(&u.kind, UnitKind::from_code, "unit kind")?;
    let groups: HashMap<i64, (i32, String)> = criteria_group::Entity::find()
        .filter(criteria_group::Column::CampaignId.eq(r.campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, (g.sort_order, g.code)))
        .collect();
    let scores: HashMap<i64, report_score::Model> = report_score::Entity::find()
        .filter(report_score::Column::ReportId.eq(r.id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.criterion_id, s))
        .collect();
    let mut criteria = criterion::Entity::find()
        .filter(criterion::Column::CampaignId.eq(r.campaign_id))
        .all(db)
        .await?;
    // Sheet order: groups in their order, criteria in theirs within a group.
    criteria.sort_by_key(|c| {
        (
            groups.get(&c.group_id).map(|g| g.0).unwrap_or(i32::MAX),
            c.sort_order,
            c.id,
        )
    });
    let mut lines = Vec::new();
    for c in criteria {
        let applies = Applicability::from_code(&c.applies_to)
            .ok_or_else(|| StoreError::Invalid(format!("applies_to {:?}", c.applies_to)))?;
        if !applies.applies(kind) {
            continue;
        }
        let s = scores.get(&c.id);
        lines.push(ScoreLine {
            criterion_id: c.id,
            group_code: groups.get(&c.group_id).map(|g| g.1.clone()).unwrap_or_default(),
            rule: code(&c.rule, ScoringRule::from_code, "rule")?,
            code: c.code,
            name: c.name,
            max_points: c.max_points,
            evidence_required: c.evidence_required,
            self_score: s.and_then(|s| s.self_score),
            explanation: s.map(|s| s.explanation.clone()).unwrap_or_default(),
            reviewed_score: s.and_then(|s| s.reviewed_score),
            review_reason: s.and_then(|s| s.review_reason.clone()),
            activity: c
                .activity
                .as_deref()
                .map(|a| code(a, Activity::from_code, "activity"))
                .transpose()?,
        });
    }
    let activities = crate::activities::figures(db, &r, kind).await?;
    Ok(Some(ReportView {
        id: r.id,
        campaign_id: r.campaign_id,
        unit_id: r.unit_id,
        unit_name: u.name,
        unit_kind: kind,
        period_id: r.period_id,
        period_name: p.name,
        status: code(&r.status, ReportStatus::from_code, "report status")?,
        version: r.version,
        submitted_at: r.submitted_at,
        lines,
        activities,
    }))
}

/// The unit's report for the period, created as an empty draft if the unit
/// has none yet; a second start (a double tap, a retry) finds the first.
pub async fn start(txn: &DatabaseTransaction, campaign_id: Id, period_id: Id, unit_id: Id) -> Result<(Id, bool)> {
    let existing = report::Entity::find()
        .filter(report::Column::PeriodId.eq(period_id))
        .filter(report::Column::UnitId.eq(unit_id))
        .one(txn)
        .await?;
    if let Some(r) = existing {
        return Ok((r.id, false));
    }
    let now = Utc::now();
    let row = report::ActiveModel {
        campaign_id: Set(campaign_id),
        period_id: Set(period_id),
        unit_id: Set(unit_id),
        status: Set(ReportStatus::Draft.code().into()),
        version: Set(1),
        bonus: Set(0.0),
        bonus_reason: Set(None),
        penalty: Set(0.0),
        penalty_reason: Set(None),
        submitted_at: Set(None),
        submitted_by: Set(None),
        approved_at: Set(None),
        approved_by: Set(None),
        idempotency_key: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok((row.id, true))
}

/// The unit's report for the period, if it has one.
pub async fn of_unit_period(db: &impl ConnectionTrait, unit_id: Id, period_id: Id) -> Result<Option<ReportView>> {
    let found = report::Entity::find()
        .filter(report::Column::UnitId.eq(unit_id))
        .filter(report::Column::PeriodId.eq(period_id))
        .one(db)
        .await?;
    match found {
        Some(r) => get(db, r.id).await,
        None => Ok(None),
    }
}

/// A unit's reports, latest period first.
pub async fn list_for_unit(db: &impl ConnectionTrait, unit_id: Id) -> Result<Vec<ReportSummary>> {
    let rows = report::Entity::find()
        .filter(report::Column::UnitId.eq(unit_id))
        .find_also_related(period::Entity)
        .order_by_desc(period::Column::EndsOn)
        .all(db)
        .await?;
    let u = unit::Entity::find_by_id(unit_id).one(db).await?;
    let unit_name = u.map(|u| u.name).unwrap_or_default();
    rows.into_iter()
        .map(|(r, p)| {
            Ok(ReportSummary {
                id: r.id,
                unit_id: r.unit_id,
                unit_name: unit_name.clone(),
                period_id: r.period_id,
                period_name: p.map(|p| p.name).unwrap_or_default(),
                status: code(&r.status, ReportStatus::from_code, "report status")?,
            })
        })
        .collect()
}

/// Claims the report for one change: moves its version on if it is still at
/// `expected`, else refuses with `Conflict` (someone saved it meanwhile).
pub(crate) async fn bump_version(txn: &DatabaseTransaction, report_id: Id, expected: i32) -> Result<()> {
    let bumped = report::Entity::update_many()
        .col_expr(report::Column::Version, Expr::col(report::Column::Version).add(1))
        .col_expr(report::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(report::Column::Id.eq(report_id))
        .filter(report::Column::Version.eq(expected))
        .exec(txn)
        .await?;
    if bumped.rows_affected != 1 {
        return Err(StoreError::Conflict(
            "Báo cáo vừa được người khác thay đổi. Tải lại để xem thay đổi rồi nhập lại.".into(),
        ));
    }
    Ok(())
}

/// One self-scored line as the unit saves it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineEdit {
    pub criterion_id: Id,
    pub score: Option<f64>,
    pub explanation: String,
}

/// Saves the unit's lines in one change if the report is still at
/// `expected_version`; a report someone else saved meanwhile is refused with
/// `Conflict`, never overwritten. Returns the new version.
pub async fn save_lines(
    txn: &DatabaseTransaction,
    report_id: Id,
    expected_version: i32,
    lines: &[LineEdit],
) -> Result<i32> {
    bump_version(txn, report_id, expected_version).await?;
    for line in lines {
        let existing = report_score::Entity::find()
            .filter(report_score::Column::ReportId.eq(report_id))
            .filter(report_score::Column::CriterionId.eq(line.criterion_id))
            .one(txn)
            .await?;
        let mut row = match existing {
            Some(s) => s.into(),
            None => report_score::ActiveModel {
                report_id: Set(report_id),
                criterion_id: Set(line.criterion_id),
                ..Default::default()
            },
        };
        row.self_score = Set(line.score);
        row.explanation = Set(line.explanation.clone());
        row.save(txn).await?;
    }
    Ok(expected_version + 1)
}

/// The report as the domain's validation reads it: scores, explanations and
/// how much evidence each criterion has.
pub async fn draft_of(db: &impl ConnectionTrait, report: &ReportView) -> Result<domain::ReportDraft> {
    use crate::entities::evidence;
    let evidence = evidence::Entity::find()
        .filter(evidence::Column::ReportId.eq(report.id))
        .all(db)
        .await?;
    let mut draft = domain::ReportDraft {
        activities: crate::activities::of_report(db, report.id).await?,
        ..Default::default()
    };
    for l in report.lines.iter().filter(|l| l.rule == ScoringRule::SelfScored) {
        let count = evidence
            .iter()
            .filter(|e| e.criterion_id == Some(l.criterion_id))
            .count() as u32;
        draft.criteria.insert(
            l.code.clone(),
            domain::CriterionEntry {
                self_score: l.self_score,
                explanation: l.explanation.clone(),
                evidence_count: count,
            },
        );
    }
    Ok(draft)
}
