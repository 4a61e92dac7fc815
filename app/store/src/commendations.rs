//! The honour roll: commendations (biểu dương), newest first.

use crate::Result;
use crate::entities::{commendation, unit};
use domain::{Commendation, Id};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The campaign's latest `limit` commendations, newest first.
pub async fn latest(db: &impl ConnectionTrait, campaign_id: Id, limit: u64) -> Result<Vec<Commendation>> {
    let rows = commendation::Entity::find()
        .filter(commendation::Column::CampaignId.eq(campaign_id))
        .order_by_desc(commendation::Column::PublishedAt)
        .order_by_desc(commendation::Column::Id)
        .limit(limit)
        .find_also_related(unit::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(c, u)| Commendation {
            id: c.id,
            unit_name: u.map(|u| u.name),
            individual_name: c.individual_name,
            text: c.text,
            published_at: c.published_at,
        })
        .collect())
}
