//! A report's activity figures, read against the unit's pledges.

use crate::Result;
use crate::entities::{report, report_activity};
use crate::error::code;
use domain::{Activity, ActivityEntry, ActivityFigure, Id, PeriodKind, UnitKind};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};
use std::collections::BTreeMap;

/// The figures of one report, by activity.
pub async fn of_report(db: &impl ConnectionTrait, report_id: Id) -> Result<BTreeMap<Activity, i64>> {
    report_activity::Entity::find()
        .filter(report_activity::Column::ReportId.eq(report_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| Ok((code(&a.activity, Activity::from_code, "activity")?, a.value)))
        .collect()
}

/// Every activity the report's unit reports, with this period's figure, the
/// pledge, the period's share of it and what earlier periods added up to.
pub async fn figures(db: &impl ConnectionTrait, r: &report::Model, kind: UnitKind) -> Result<Vec<ActivityFigure>> {
    let sheet = crate::sheets::load(db, r.campaign_id).await?;
    let pledges = crate::registrations::pledges_of(db, r.campaign_id, r.unit_id).await?;
    let periods = crate::periods::list(db, r.campaign_id).await?;
    let monthly = periods.iter().filter(|p| p.kind == PeriodKind::Monthly).count();
    let this_start = periods.iter().find(|p| p.id == r.period_id).map(|p| p.starts_on);
    let earlier: Vec<Id> = periods
        .iter()
        .filter(|p| this_start.is_some_and(|s| p.starts_on < s))
        .map(|p| p.id)
        .collect();
    let earlier_reports: Vec<Id> = report::Entity::find()
        .filter(report::Column::UnitId.eq(r.unit_id))
        .filter(report::Column::PeriodId.is_in(earlier))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut before: BTreeMap<Activity, i64> = BTreeMap::new();
    for a in report_activity::Entity::find()
        .filter(report_activity::Column::ReportId.is_in(earlier_reports))
        .all(db)
        .await?
    {
        *before
            .entry(code(&a.activity, Activity::from_code, "activity")?)
            .or_default() += a.value;
    }
    let now = of_report(db, r.id).await?;
    Ok(domain::activities_for(&sheet, kind)
        .into_iter()
        .map(|a| ActivityFigure {
            activity: a,
            value: now.get(&a).copied(),
            pledge: pledges.get(&a).copied(),
            share: domain::pledge_share(pledges.get(&a).copied().unwrap_or(0), monthly),
            before: before.get(&a).copied().unwrap_or(0),
        })
        .collect())
}

/// Writes the figures sent: a value replaces the stored one, a blank removes it.
pub async fn save(txn: &DatabaseTransaction, report_id: Id, entries: &[ActivityEntry]) -> Result<()> {
    for e in entries {
        let existing = report_activity::Entity::find()
            .filter(report_activity::Column::ReportId.eq(report_id))
            .filter(report_activity::Column::Activity.eq(e.activity.code()))
            .one(txn)
            .await?;
        match (existing, e.value) {
            (Some(row), None) => {
                report_activity::Entity::delete_by_id(row.id).exec(txn).await?;
            }
            (Some(row), Some(v)) => {
                let mut row: report_activity::ActiveModel = row.into();
                row.value = Set(v);
                row.update(txn).await?;
            }
            (None, Some(v)) => {
                report_activity::ActiveModel {
                    report_id: Set(report_id),
                    activity: Set(e.activity.code().into()),
                    value: Set(v),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            (None, None) => {}
        }
    }
    Ok(())
}
