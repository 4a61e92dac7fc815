//! The award settings the standing office may change: the committee's
//! public holidays, the campaign's publication window, a round's vote
//! threshold. Validation is the domain's (`domain::AwardSettings`).

use crate::Result;
use crate::entities::{award_round, campaign, holiday};
use chrono::{NaiveDate, Utc};
use domain::{Holiday, Id};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The committee's holidays from `from` on, in date order.
pub async fn holidays(db: &impl ConnectionTrait, committee_id: Id, from: NaiveDate) -> Result<Vec<Holiday>> {
    let rows = holiday::Entity::find()
        .filter(holiday::Column::CommitteeId.eq(committee_id))
        .filter(holiday::Column::Day.gte(from))
        .order_by_asc(holiday::Column::Day)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Adds a holiday; `None` when the committee already has one that day.
pub async fn add_holiday(
    db: &impl ConnectionTrait,
    committee_id: Id,
    day: NaiveDate,
    name: &str,
) -> Result<Option<Id>> {
    let taken = holiday::Entity::find()
        .filter(holiday::Column::CommitteeId.eq(committee_id))
        .filter(holiday::Column::Day.eq(day))
        .one(db)
        .await?;
    if taken.is_some() {
        return Ok(None);
    }
    let row = holiday::ActiveModel {
        committee_id: Set(committee_id),
        day: Set(day),
        name: Set(name.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(row.id))
}

/// Removes one of the committee's holidays; the removed one, if it was theirs.
pub async fn remove_holiday(db: &impl ConnectionTrait, committee_id: Id, id: Id) -> Result<Option<Holiday>> {
    let Some(h) = holiday::Entity::find_by_id(id)
        .filter(holiday::Column::CommitteeId.eq(committee_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    holiday::Entity::delete_by_id(id).exec(db).await?;
    Ok(Some(h.into()))
}

impl From<holiday::Model> for Holiday {
    fn from(h: holiday::Model) -> Self {
        Holiday {
            id: h.id,
            day: h.day,
            name: h.name,
        }
    }
}

/// The campaign's publication window, in working days.
pub async fn set_publish_days(db: &impl ConnectionTrait, campaign_id: Id, days: u32) -> Result<()> {
    let mut c: campaign::ActiveModel = campaign::Entity::find_by_id(campaign_id)
        .one(db)
        .await?
        .ok_or_else(|| crate::StoreError::NotFound(format!("campaign {campaign_id}")))?
        .into();
    c.publish_days = Set(days as i32);
    c.update(db).await?;
    Ok(())
}

/// A round's vote threshold, in per cent of the members present.
pub async fn set_threshold(db: &impl ConnectionTrait, round_id: Id, pct: u32) -> Result<()> {
    let mut r: award_round::ActiveModel = award_round::Entity::find_by_id(round_id)
        .one(db)
        .await?
        .ok_or_else(|| crate::StoreError::NotFound(format!("award round {round_id}")))?
        .into();
    r.vote_threshold_pct = Set(pct as i32);
    r.updated_at = Set(Utc::now());
    r.update(db).await?;
    Ok(())
}
