//! Who has reported, period by period, and the extensions the standing
//! office grants. Deadlines are compared in the committee's wall time.

use crate::Result;
use crate::entities::{block, extension, registration, report, report_event, unit};
use crate::error::code;
use crate::periods;
use crate::time::{local_to_utc, utc_to_local};
use chrono::{NaiveDateTime, Utc};
use domain::{
    Cell, CompletenessGrid, GridPeriod, GridRow, Id, PeriodKind, ReportStatus, UnitKind, cell_state, effective_deadline,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The grid of a campaign's registered units (by block) × its periods, as of `now` (local).
pub async fn grid(db: &impl ConnectionTrait, campaign_id: Id, now: NaiveDateTime) -> Result<CompletenessGrid> {
    grid_for(db, campaign_id, None, now).await
}

/// One unit's row of the grid, or `None` if it is not registered.
pub async fn row_of(
    db: &impl ConnectionTrait,
    campaign_id: Id,
    unit_id: Id,
    now: NaiveDateTime,
) -> Result<Option<(Vec<GridPeriod>, GridRow)>> {
    let g = grid_for(db, campaign_id, Some(unit_id), now).await?;
    Ok(g.rows.into_iter().next().map(|r| (g.periods, r)))
}

async fn grid_for(
    db: &impl ConnectionTrait,
    campaign_id: Id,
    only_unit: Option<Id>,
    now: NaiveDateTime,
) -> Result<CompletenessGrid> {
    // Units report monthly; the mid-term and final reviews are the office's, not theirs.
    let mut periods = periods::list(db, campaign_id).await?;
    periods.retain(|p| p.kind == PeriodKind::Monthly);
    let mut regs = registration::Entity::find().filter(registration::Column::CampaignId.eq(campaign_id));
    let mut reports = report::Entity::find().filter(report::Column::CampaignId.eq(campaign_id));
    if let Some(u) = only_unit {
        regs = regs.filter(registration::Column::UnitId.eq(u));
        reports = reports.filter(report::Column::UnitId.eq(u));
    }
    let all_regs = regs.order_by_asc(registration::Column::UnitId).all(db).await?;
    // A unit is in the grid once its head has confirmed its registration.
    let regs: Vec<registration::Model> = all_regs
        .iter()
        .filter(|r| r.status == domain::RegistrationStatus::Confirmed.code())
        .cloned()
        .collect();
    let blocks: HashMap<Id, block::Model> = block::Entity::find()
        .filter(block::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let units: HashMap<Id, String> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(regs.iter().map(|r| r.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let reports: HashMap<(Id, Id), report::Model> = reports
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.unit_id, r.period_id), r))
        .collect();
    let extensions = extensions_by(db, periods.iter().map(|p| p.id)).await?;
    let mut rows = Vec::with_capacity(regs.len());
    for reg in &regs {
        let mut cells = Vec::with_capacity(periods.len());
        for p in &periods {
            let ext = extensions.get(&(reg.unit_id, p.id)).map(Vec::as_slice).unwrap_or(&[]);
            let (deadline, extended) = effective_deadline(utc_to_local(p.deadline), ext);
            let r = reports.get(&(reg.unit_id, p.id));
            let status = r
                .map(|r| code(&r.status, ReportStatus::from_code, "report status"))
                .transpose()?;
            let submitted = r.and_then(|r| r.submitted_at).map(utc_to_local);
            let (state, late) = cell_state(status, submitted, deadline, now);
            cells.push(Cell {
                state,
                late,
                report_id: r.map(|r| r.id),
                deadline,
                extended,
            });
        }
        let b = blocks.get(&reg.block_id);
        rows.push((
            b.map_or(i32::MAX, |b| b.sort_order),
            GridRow {
                unit_id: reg.unit_id,
                unit_name: units.get(&reg.unit_id).cloned().unwrap_or_default(),
                block_name: b.map(|b| b.name.clone()).unwrap_or_default(),
                cells,
            },
        ));
    }
    rows.sort_by_key(|(order, _)| *order);
    let (unregistered, pending) = match only_unit {
        Some(_) => (vec![], vec![]),
        None => (
            unregistered(db, campaign_id, &all_regs).await?,
            crate::registrations::pending(db, campaign_id).await?,
        ),
    };
    Ok(CompletenessGrid {
        campaign_id,
        unregistered,
        pending,
        periods: periods
            .iter()
            .map(|p| GridPeriod {
                id: p.id,
                name: p.name.clone(),
                deadline: utc_to_local(p.deadline),
            })
            .collect(),
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    })
}

/// The extended deadlines (local time) granted in these periods, by (unit, period).
pub(crate) async fn extensions_by(
    db: &impl ConnectionTrait,
    period_ids: impl IntoIterator<Item = Id>,
) -> Result<HashMap<(Id, Id), Vec<NaiveDateTime>>> {
    let mut out: HashMap<(Id, Id), Vec<NaiveDateTime>> = HashMap::new();
    for e in extension::Entity::find()
        .filter(extension::Column::PeriodId.is_in(period_ids))
        .all(db)
        .await?
    {
        out.entry((e.unit_id, e.period_id))
            .or_default()
            .push(utc_to_local(e.new_deadline));
    }
    Ok(out)
}

/// The committee's units in service that have not joined the campaign
/// (individuals are nominated, and the district or province as a whole is
/// the area, not a competitor).
async fn unregistered(db: &impl ConnectionTrait, campaign_id: Id, regs: &[registration::Model]) -> Result<Vec<String>> {
    let Some(c) = crate::campaigns::by_id(db, campaign_id).await? else {
        return Ok(vec![]);
    };
    let joined: std::collections::HashSet<Id> = regs.iter().map(|r| r.unit_id).collect();
    let skip = [
        UnitKind::Individual.code(),
        UnitKind::Province.code(),
        UnitKind::District.code(),
    ];
    Ok(unit::Entity::find()
        .filter(unit::Column::CommitteeId.eq(c.committee_id))
        .filter(unit::Column::RetiredAt.is_null())
        .filter(unit::Column::Kind.is_not_in(skip))
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|u| !joined.contains(&u.id))
        .map(|u| u.name)
        .collect())
}

/// The reason of each report's latest return, for the reports given.
pub async fn return_reasons(db: &impl ConnectionTrait, report_ids: &[Id]) -> Result<HashMap<Id, String>> {
    let events = report_event::Entity::find()
        .filter(report_event::Column::ReportId.is_in(report_ids.iter().copied()))
        .filter(report_event::Column::ToStatus.eq(ReportStatus::Returned.code()))
        .order_by_asc(report_event::Column::At)
        .order_by_asc(report_event::Column::Id)
        .all(db)
        .await?;
    Ok(events
        .into_iter()
        .filter_map(|e| e.reason.map(|r| (e.report_id, r)))
        .collect())
}

/// Grants one unit a later deadline (local wall time) for one period.
pub async fn grant_extension(
    db: &impl ConnectionTrait,
    period_id: Id,
    unit_id: Id,
    new_deadline: NaiveDateTime,
    reason: &str,
    granted_by: Id,
) -> Result<Id> {
    let row = extension::ActiveModel {
        period_id: Set(period_id),
        unit_id: Set(unit_id),
        new_deadline: Set(local_to_utc(new_deadline)),
        reason: Set(reason.to_string()),
        granted_by: Set(granted_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}
