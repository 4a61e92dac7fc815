//! Registrations (đăng ký thi đua) and their pledges: a unit's own form,
//! the head's confirmation, and the standing office's list.

use crate::Result;
use crate::entities::{block, pledge, registration, unit};
use crate::error::{StoreError, code};
use chrono::Utc;
use domain::{Activity, BlockChoice, Id, RegistrationStatus, RegistrationView, UnitKind};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};
use std::collections::{BTreeMap, HashMap};

async fn row(db: &impl ConnectionTrait, campaign_id: Id, unit_id: Id) -> Result<Option<registration::Model>> {
    Ok(registration::Entity::find()
        .filter(registration::Column::CampaignId.eq(campaign_id))
        .filter(registration::Column::UnitId.eq(unit_id))
        .one(db)
        .await?)
}

/// Where the unit stands in the campaign; `None` if it has not registered.
pub async fn status_of(db: &impl ConnectionTrait, campaign_id: Id, unit_id: Id) -> Result<Option<RegistrationStatus>> {
    row(db, campaign_id, unit_id)
        .await?
        .map(|r| code(&r.status, RegistrationStatus::from_code, "registration status"))
        .transpose()
}

/// The unit's pledges in the campaign, by activity.
pub async fn pledges_of(db: &impl ConnectionTrait, campaign_id: Id, unit_id: Id) -> Result<BTreeMap<Activity, i64>> {
    let Some(r) = row(db, campaign_id, unit_id).await? else {
        return Ok(BTreeMap::new());
    };
    Ok(pledges_by_registration(db, [r.id])
        .await?
        .remove(&r.id)
        .unwrap_or_default())
}

/// The pledges of several registrations in one query, by registration id.
pub(crate) async fn pledges_by_registration(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Id>,
) -> Result<HashMap<Id, BTreeMap<Activity, i64>>> {
    let mut out: HashMap<Id, BTreeMap<Activity, i64>> = HashMap::new();
    for p in pledge::Entity::find()
        .filter(pledge::Column::RegistrationId.is_in(ids))
        .all(db)
        .await?
    {
        let a = code(&p.activity, Activity::from_code, "activity")?;
        out.entry(p.registration_id).or_default().insert(a, p.target_value);
    }
    Ok(out)
}

/// The unit's registration form: the campaign's blocks, the activities the
/// sheet asks of a unit of its kind, and what the unit has pledged so far.
pub async fn view(db: &impl ConnectionTrait, campaign_id: Id, unit_id: Id) -> Result<RegistrationView> {
    let campaign = crate::campaigns::by_id(db, campaign_id)
        .await?
        .ok_or_else(|| StoreError::NotFound("campaign".into()))?;
    let u = unit::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound("unit".into()))?;
    let kind = code(&u.kind, UnitKind::from_code, "unit kind")?;
    let blocks = block::Entity::find()
        .filter(block::Column::CampaignId.eq(campaign_id))
        .order_by_asc(block::Column::SortOrder)
        .all(db)
        .await?
        .into_iter()
        .map(|b| BlockChoice { id: b.id, name: b.name })
        .collect();
    let sheet = crate::sheets::load(db, campaign_id).await?;
    let reg = row(db, campaign_id, unit_id).await?;
    let pledged = pledges_of(db, campaign_id, unit_id).await?;
    Ok(RegistrationView {
        campaign_id,
        campaign_name: campaign.title,
        unit_id,
        unit_name: u.name,
        status: reg
            .as_ref()
            .map(|r| code(&r.status, RegistrationStatus::from_code, "registration status"))
            .transpose()?,
        block_id: reg.as_ref().map(|r| r.block_id),
        blocks,
        pledges: domain::activities_for(&sheet, kind)
            .into_iter()
            .map(|a| (a, pledged.get(&a).copied()))
            .collect(),
        registered_at: reg.as_ref().map(|r| r.registered_at),
        confirmed_at: reg.as_ref().and_then(|r| r.confirmed_at),
    })
}

/// Whether the block is one of the campaign's.
pub async fn block_in_campaign(db: &impl ConnectionTrait, campaign_id: Id, block_id: Id) -> Result<bool> {
    Ok(block::Entity::find_by_id(block_id)
        .one(db)
        .await?
        .is_some_and(|b| b.campaign_id == campaign_id))
}

/// Saves the unit's registration with `status` (pending: the head confirms
/// next) and replaces its pledges. Returns the registration's id and the
/// pledges it had before.
pub async fn save(
    txn: &DatabaseTransaction,
    campaign_id: Id,
    unit_id: Id,
    block_id: Id,
    pledges: &BTreeMap<Activity, i64>,
    status: RegistrationStatus,
) -> Result<(Id, BTreeMap<Activity, i64>)> {
    let before = pledges_of(txn, campaign_id, unit_id).await?;
    let now = Utc::now();
    let reg = match row(txn, campaign_id, unit_id).await? {
        Some(r) => {
            let mut r: registration::ActiveModel = r.into();
            r.block_id = Set(block_id);
            r.status = Set(status.code().into());
            r.confirmed_at = Set(None);
            r.confirmed_by = Set(None);
            r.update(txn).await?
        }
        None => {
            registration::ActiveModel {
                campaign_id: Set(campaign_id),
                unit_id: Set(unit_id),
                block_id: Set(block_id),
                status: Set(status.code().into()),
                registered_at: Set(now),
                confirmed_at: Set(None),
                confirmed_by: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?
        }
    };
    pledge::Entity::delete_many()
        .filter(pledge::Column::RegistrationId.eq(reg.id))
        .exec(txn)
        .await?;
    for (a, v) in pledges {
        pledge::ActiveModel {
            registration_id: Set(reg.id),
            activity: Set(a.code().into()),
            target_value: Set(*v),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok((reg.id, before))
}

/// Marks the unit's registration confirmed by `by`, if it is still pending
/// (a second confirmation racing the first changes nothing). Returns its id.
pub async fn confirm(txn: &DatabaseTransaction, campaign_id: Id, unit_id: Id, by: Id) -> Result<Id> {
    let done = registration::Entity::update_many()
        .col_expr(
            registration::Column::Status,
            RegistrationStatus::Confirmed.code().into(),
        )
        .col_expr(registration::Column::ConfirmedAt, Utc::now().into())
        .col_expr(registration::Column::ConfirmedBy, by.into())
        .filter(registration::Column::CampaignId.eq(campaign_id))
        .filter(registration::Column::UnitId.eq(unit_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Pending.code()))
        .exec(txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(StoreError::Conflict("Đăng ký không còn chờ xác nhận.".into()));
    }
    let reg = row(txn, campaign_id, unit_id).await?;
    Ok(reg.map_or(0, |r| r.id))
}

/// Units whose registration waits for their head, by name.
pub async fn pending(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<String>> {
    let rows = registration::Entity::find()
        .filter(registration::Column::CampaignId.eq(campaign_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Pending.code()))
        .find_also_related(unit::Entity)
        .order_by_asc(registration::Column::UnitId)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(_, u)| u.map(|u| u.name)).collect())
}
