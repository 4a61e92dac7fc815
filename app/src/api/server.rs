//! What server functions share on the server: the database handle and the clock.

use super::ApiError;
use chrono::NaiveDate;
use leptos::prelude::use_context;
use store::DatabaseConnection;

/// The database handle the server puts in every request's context.
pub fn db() -> Result<DatabaseConnection, ApiError> {
    use_context::<DatabaseConnection>().ok_or_else(|| {
        tracing::error!("no database in context");
        ApiError::Internal
    })
}

/// The campaign the caller works on: their committee's current one; for
/// the public and an installation's administrator, the installation's own
/// (see `store::campaigns::current`).
pub async fn current_campaign(db: &DatabaseConnection) -> Result<Option<domain::CampaignInfo>, ApiError> {
    let committee = use_context::<super::access::Caller>().and_then(|c| c.me.and_then(|m| m.committee_id));
    Ok(store::campaigns::current_for(db, committee).await?)
}

/// Tells the open pages that the campaign's figures or rankings may have
/// moved; call after the change is committed.
pub fn changed(campaign_id: domain::Id) {
    if let Some(hub) = use_context::<crate::live::LiveHub>() {
        hub.changed(campaign_id);
    }
}

/// Writes the audit line `e` of a change to `campaign_id` and commits; the
/// pages showing the campaign move.
pub async fn commit_audited(
    txn: store::DatabaseTransaction,
    campaign_id: domain::Id,
    mut e: store::audit::AuditEntry,
) -> Result<(), ApiError> {
    e.campaign_id = Some(campaign_id);
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    changed(campaign_id);
    Ok(())
}

/// The committee works on Vietnamese time, whatever the server's zone.
pub fn today_local() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive()
}

/// A random token for a link (display screens): 256 bits, hex.
pub fn random_token() -> String {
    use rand::Rng;
    hex::encode(rand::rng().random::<[u8; 32]>())
}

/// Now on Vietnamese time, as the forms type it.
pub fn now_local() -> chrono::NaiveDateTime {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .naive_local()
}

/// The campaign a page asks for, or the current one when it names none.
pub async fn campaign_or_current(
    db: &DatabaseConnection,
    id: Option<domain::Id>,
) -> Result<Option<domain::CampaignInfo>, ApiError> {
    let Some(id) = id else {
        return current_campaign(db).await;
    };
    let campaign = store::campaigns::by_id(db, id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    // Another committee's campaign is not there for this caller.
    if let Some(caller) = use_context::<super::access::Caller>().filter(|c| c.me.is_some()) {
        let scope = super::scope::Scope::of(db, &caller).await?;
        if !scope.can_read(campaign.committee_id) {
            return Err(ApiError::NotFound.respond());
        }
    }
    Ok(Some(campaign))
}
