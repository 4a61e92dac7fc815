//! Units as lists and pickers show them.

use crate::Result;
use crate::entities::{block, registration, unit};
use crate::error::code;
use domain::{Id, UnitKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: Id,
    pub name: String,
    pub kind: UnitKind,
}

/// Units still in service, in the order they were set up.
pub async fn list_active(db: &impl ConnectionTrait) -> Result<Vec<UnitRef>> {
    unit::Entity::find()
        .filter(unit::Column::RetiredAt.is_null())
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            Ok(UnitRef {
                id: u.id,
                kind: code(&u.kind, UnitKind::from_code, "unit kind")?,
                name: u.name,
            })
        })
        .collect()
}

/// A unit's kind and committee, for access rules that depend on them.
pub async fn kind_and_committee(db: &impl ConnectionTrait, id: Id) -> Result<Option<(UnitKind, Id)>> {
    match unit::Entity::find_by_id(id).one(db).await? {
        Some(u) => Ok(Some((code(&u.kind, UnitKind::from_code, "unit kind")?, u.committee_id))),
        None => Ok(None),
    }
}

/// The names of a committee's units, retired ones too (a name is taken once).
pub async fn names_in(db: &impl ConnectionTrait, committee_id: Id) -> Result<Vec<String>> {
    Ok(unit::Entity::find()
        .filter(unit::Column::CommitteeId.eq(committee_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.name)
        .collect())
}

/// Creates the committee's units from checked rows; those with a block are
/// registered in the campaign, waiting for their head to confirm.
pub async fn import(
    txn: &DatabaseTransaction,
    committee_id: Id,
    campaign_id: Id,
    rows: &[domain::UnitRow],
) -> Result<Vec<Id>> {
    let now = chrono::Utc::now();
    let mut ids = Vec::with_capacity(rows.len());
    for r in rows {
        let u = unit::ActiveModel {
            committee_id: Set(committee_id),
            parent_id: Set(None),
            name: Set(r.name.clone()),
            short_name: Set(r.short_name.clone()),
            kind: Set(r.kind.code().into()),
            nominated_by_unit_id: Set(None),
            retired_at: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if let Some(block_id) = r.block_id {
            registration::ActiveModel {
                campaign_id: Set(campaign_id),
                unit_id: Set(u.id),
                block_id: Set(block_id),
                status: Set(domain::RegistrationStatus::Pending.code().into()),
                registered_at: Set(now),
                confirmed_at: Set(None),
                confirmed_by: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
        ids.push(u.id);
    }
    Ok(ids)
}

/// The campaign's blocks by name, for an import to name them.
pub async fn blocks_of(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<domain::BlockName>> {
    Ok(block::Entity::find()
        .filter(block::Column::CampaignId.eq(campaign_id))
        .order_by_asc(block::Column::SortOrder)
        .all(db)
        .await?
        .into_iter()
        .map(|b| domain::BlockName { id: b.id, name: b.name })
        .collect())
}
