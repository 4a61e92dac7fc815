//! The police's accident log and the baseline year's monthly totals: reads
//! and the writes behind the accident pages. Accidents are struck out with a
//! reason, never deleted; a baseline import replaces the months it names.

use crate::Result;
use crate::entities::{accident, baseline, unit};
use crate::error::{StoreError, count};
use crate::time::local_to_utc;
use chrono::Utc;
use domain::{AccidentInput, AccidentRecord, BaselineRow, CommuneName, Id, UnitKind};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The communes and towns of a committee still in service: where accidents happen.
pub async fn communes(db: &impl ConnectionTrait, committee_id: Id) -> Result<Vec<CommuneName>> {
    let kinds = [UnitKind::Commune.code(), UnitKind::Town.code()];
    Ok(unit::Entity::find()
        .filter(unit::Column::CommitteeId.eq(committee_id))
        .filter(unit::Column::Kind.is_in(kinds))
        .filter(unit::Column::RetiredAt.is_null())
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| CommuneName {
            id: u.id,
            name: u.name,
            short_name: u.short_name,
        })
        .collect())
}

/// A committee's accidents, the latest recorded first (what the police just
/// typed is at the top), struck-out ones included.
pub async fn list(db: &impl ConnectionTrait, committee_id: Id) -> Result<Vec<AccidentRecord>> {
    let rows = accident::Entity::find()
        .filter(accident::Column::CommitteeId.eq(committee_id))
        .order_by_desc(accident::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<Id, String> = unit::Entity::find()
        .filter(unit::Column::CommitteeId.eq(committee_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    rows.iter().map(|a| to_record(a, &names)).collect()
}

pub async fn get(db: &impl ConnectionTrait, id: Id) -> Result<Option<(Id, AccidentRecord)>> {
    match accident::Entity::find_by_id(id).one(db).await? {
        Some(row) => Ok(Some((row.committee_id, record_of(db, &row).await?))),
        None => Ok(None),
    }
}

/// One row as a record, with its commune's name.
async fn record_of(db: &impl ConnectionTrait, row: &accident::Model) -> Result<AccidentRecord> {
    let names: HashMap<Id, String> = unit::Entity::find_by_id(row.commune_unit_id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    to_record(row, &names)
}

/// Records a new accident; the input must have passed
/// `domain::validate_accident_input`.
pub async fn add(
    db: &impl ConnectionTrait,
    committee_id: Id,
    input: &AccidentInput,
    created_by: Option<Id>,
    is_demo: bool,
) -> Result<Id> {
    let mut row = accident::ActiveModel {
        committee_id: Set(committee_id),
        is_demo: Set(is_demo),
        created_by: Set(created_by),
        ..Default::default()
    };
    fill(&mut row, input)?;
    Ok(row.insert(db).await?.id)
}

/// Changes a recorded accident that is not struck out; returns it as it
/// was and as it is now.
pub async fn update(
    db: &impl ConnectionTrait,
    id: Id,
    input: &AccidentInput,
) -> Result<(AccidentRecord, AccidentRecord)> {
    let (before, row) = live_row(db, id).await?;
    let mut row: accident::ActiveModel = row.into();
    fill(&mut row, input)?;
    let after = row.update(db).await?;
    Ok((before, record_of(db, &after).await?))
}

/// Strikes an accident out of every figure, with the reason; returns it as it was.
pub async fn strike_out(db: &impl ConnectionTrait, id: Id, reason: &str) -> Result<AccidentRecord> {
    let (before, row) = live_row(db, id).await?;
    let mut row: accident::ActiveModel = row.into();
    row.deleted_at = Set(Some(Utc::now()));
    row.delete_reason = Set(Some(reason.to_string()));
    row.update(db).await?;
    Ok(before)
}

/// Writes baseline rows, replacing any stored total of the same commune and
/// month. Returns how many rows replaced an earlier total.
pub async fn import_baseline(db: &impl ConnectionTrait, committee_id: Id, rows: &[BaselineRow]) -> Result<usize> {
    let mut replaced = 0;
    for r in rows {
        let month = r.month as i32;
        let existing = baseline::Entity::find()
            .filter(baseline::Column::CommuneUnitId.eq(r.commune_unit_id))
            .filter(baseline::Column::Year.eq(r.year))
            .filter(baseline::Column::Month.eq(month))
            .one(db)
            .await?;
        let mut row = match existing {
            Some(b) => {
                replaced += 1;
                b.into()
            }
            None => baseline::ActiveModel {
                committee_id: Set(committee_id),
                commune_unit_id: Set(r.commune_unit_id),
                year: Set(r.year),
                month: Set(month),
                ..Default::default()
            },
        };
        let f = &r.figures;
        row.accidents = Set(stored(f.accidents)?);
        row.deaths = Set(stored(f.deaths)?);
        row.injuries = Set(stored(f.injuries)?);
        row.drink_driving = Set(stored(f.drink_driving)?);
        row.particularly_serious = Set(stored(f.particularly_serious)?);
        row.commercial_car = Set(stored(f.commercial_car)?);
        row.save(db).await?;
    }
    Ok(replaced)
}

async fn live_row(db: &impl ConnectionTrait, id: Id) -> Result<(AccidentRecord, accident::Model)> {
    let row = accident::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("accident {id}")))?;
    if row.deleted_at.is_some() {
        return Err(StoreError::Conflict("Vụ tai nạn này đã bị xoá khỏi số liệu.".into()));
    }
    Ok((record_of(db, &row).await?, row))
}

fn fill(row: &mut accident::ActiveModel, input: &AccidentInput) -> Result<()> {
    let at = input
        .occurred_at
        .ok_or_else(|| StoreError::Invalid("accident without a time".into()))?;
    row.commune_unit_id = Set(input.commune_unit_id);
    row.occurred_at = Set(local_to_utc(at));
    row.deaths = Set(stored_count(input.deaths)?);
    row.injuries = Set(stored_count(input.injuries)?);
    row.drink_driving = Set(input.drink_driving);
    row.commercial_car = Set(input.commercial_car);
    row.marked_serious = Set(input.marked_serious);
    row.note = Set(input.note.trim().to_string());
    Ok(())
}

fn stored(v: u32) -> Result<i32> {
    i32::try_from(v).map_err(|_| StoreError::Invalid(format!("count {v} too large to store")))
}

fn stored_count(v: i64) -> Result<i32> {
    i32::try_from(v)
        .ok()
        .filter(|v| *v >= 0)
        .ok_or_else(|| StoreError::Invalid(format!("count {v} out of range")))
}

fn to_record(a: &accident::Model, names: &HashMap<Id, String>) -> Result<AccidentRecord> {
    Ok(AccidentRecord {
        id: a.id,
        commune_unit_id: a.commune_unit_id,
        commune_name: names.get(&a.commune_unit_id).cloned().unwrap_or_default(),
        occurred_at: a.occurred_at,
        deaths: count(a.deaths, "accident deaths")?,
        injuries: count(a.injuries, "accident injuries")?,
        drink_driving: a.drink_driving,
        commercial_car: a.commercial_car,
        marked_serious: a.marked_serious,
        note: a.note.clone(),
        is_demo: a.is_demo,
        deleted_at: a.deleted_at,
        delete_reason: a.delete_reason.clone(),
    })
}
