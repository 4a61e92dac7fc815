//! Published rankings, kept as they were published. Like the other
//! mutations, `publish` writes no audit row: the caller records one in the
//! same transaction.

use crate::entities::{period, published_breakdown, ranking_publication};
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use domain::{Id, PeriodRef, PublishedBreakdown, PublishedRanking, Standings};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};

fn invalid(e: serde_json::Error) -> StoreError {
    StoreError::Invalid(format!("published ranking: {e}"))
}

/// Stores a publication with every unit's breakdown; returns its id.
pub async fn publish(
    txn: &DatabaseTransaction,
    campaign_id: Id,
    through: &PeriodRef,
    standings: &Standings,
    breakdowns: &[PublishedBreakdown],
    by: Option<Id>,
    at: DateTime<Utc>,
) -> Result<Id> {
    let row = ranking_publication::ActiveModel {
        campaign_id: Set(campaign_id),
        through_period_id: Set(through.id),
        standings: Set(serde_json::to_string(standings).map_err(invalid)?),
        published_at: Set(at),
        published_by: Set(by),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut rows = Vec::with_capacity(breakdowns.len());
    for b in breakdowns {
        rows.push(published_breakdown::ActiveModel {
            publication_id: Set(row.id),
            unit_id: Set(b.unit_id),
            data: Set(serde_json::to_string(b).map_err(invalid)?),
            ..Default::default()
        });
    }
    crate::db::insert_all(txn, rows).await?;
    Ok(row.id)
}

/// The campaign's latest publication, if any.
pub async fn latest(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Option<PublishedRanking>> {
    let Some(row) = ranking_publication::Entity::find()
        .filter(ranking_publication::Column::CampaignId.eq(campaign_id))
        .order_by_desc(ranking_publication::Column::PublishedAt)
        .order_by_desc(ranking_publication::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let name = period::Entity::find_by_id(row.through_period_id)
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(Some(PublishedRanking {
        id: row.id,
        through: PeriodRef {
            id: row.through_period_id,
            name,
            closed: true,
        },
        published_at: row.published_at,
        standings: serde_json::from_str(&row.standings).map_err(invalid)?,
    }))
}

/// A unit's breakdown in a publication.
pub async fn breakdown(
    db: &impl ConnectionTrait,
    publication_id: Id,
    unit_id: Id,
) -> Result<Option<PublishedBreakdown>> {
    let row = published_breakdown::Entity::find()
        .filter(published_breakdown::Column::PublicationId.eq(publication_id))
        .filter(published_breakdown::Column::UnitId.eq(unit_id))
        .one(db)
        .await?;
    row.map(|r| serde_json::from_str(&r.data).map_err(invalid)).transpose()
}
