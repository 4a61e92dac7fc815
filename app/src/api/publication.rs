//! Publishing the official ranking: the standing office publishes it; the
//! public reads what was published, frozen, and each unit's breakdown.

use super::ApiError;
use domain::{Id, PublishedBreakdown, PublishedRanking};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

/// Publishes the current campaign's official ranking through its last
/// closed month; returns what was published.
#[server(endpoint = "rankings/publish")]
pub async fn publish_rankings() -> Result<PublishedRanking, ApiError> {
    let caller = authorize(PublishRankings::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let campaign = super::server::current_campaign(&db)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let input = store::standings::input(&db, campaign.id, super::server::now_local()).await?;
    let (through, table, breakdowns) =
        domain::publication(&input).map_err(|e| ApiError::Invalid(e.to_string()).respond())?;
    let at = chrono::Utc::now();
    let txn = store::begin_write(&db).await?;
    let id =
        store::publications::publish(&txn, campaign.id, &through, &table, &breakdowns, Some(me.user_id), at).await?;
    let mut e = caller.audit("ranking_published", "ranking_publication", Some(id));
    e.campaign_id = Some(campaign.id);
    e.new_value = Some(format!("Xếp hạng chính thức đến hết {}", through.name));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign.id);
    Ok(PublishedRanking {
        id,
        through,
        published_at: at,
        standings: table,
    })
}

/// A unit's breakdown as published, with the campaign it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicBreakdownView {
    pub campaign_title: String,
    pub campaign_slug: String,
    pub publication: PublishedRanking,
    pub unit: PublishedBreakdown,
}

/// The breakdown of `unit_id` in the latest publication of the campaign at
/// `slug` (or the current one); `None` when nothing of it was published.
#[server(endpoint = "public/breakdown")]
pub async fn public_breakdown(slug: Option<String>, unit_id: Id) -> Result<Option<PublicBreakdownView>, ApiError> {
    authorize(PublicBreakdown::PATH).await?;
    let db = super::server::db()?;
    let campaign = match slug {
        Some(s) => store::campaigns::by_slug(&db, &s).await?,
        None => super::server::current_campaign(&db).await?,
    };
    let Some(campaign) = campaign else { return Ok(None) };
    let Some(publication) = store::publications::latest(&db, campaign.id).await? else {
        return Ok(None);
    };
    let Some(unit) = store::publications::breakdown(&db, publication.id, unit_id).await? else {
        return Ok(None);
    };
    Ok(Some(PublicBreakdownView {
        campaign_title: campaign.title,
        campaign_slug: campaign.slug,
        publication,
        unit,
    }))
}
