//! Tokens that let a meeting-room screen show a campaign without signing
//! in. Only a SHA-256 of the token is kept: a leaked database or backup
//! must not open the screens. Callers hash with [`token_hash`].
//!
//! As with users, mutations write no audit row: the caller records one in
//! the same transaction.

use crate::entities::display_token;
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use domain::Id;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisplayToken {
    pub id: Id,
    pub campaign_id: Id,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The stored form of a raw token: SHA-256, lowercase hex. A plain hash is
/// enough (no salt, no slow hash): tokens are long and random, not chosen
/// by people, so there is nothing to guess from a table of hashes.
pub fn token_hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

/// Stores a token by its hash; `created_by` is None when no user made it
/// (the command line).
pub async fn create(
    txn: &DatabaseTransaction,
    campaign_id: Id,
    name: &str,
    token_hash: &str,
    created_by: Option<Id>,
) -> Result<Id> {
    let row = display_token::ActiveModel {
        campaign_id: Set(campaign_id),
        name: Set(name.into()),
        token_hash: Set(token_hash.into()),
        created_by: Set(created_by),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

/// The campaign's tokens, revoked ones included, newest first.
pub async fn list(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<DisplayToken>> {
    let rows = display_token::Entity::find()
        .filter(display_token::Column::CampaignId.eq(campaign_id))
        .order_by_desc(display_token::Column::CreatedAt)
        .order_by_desc(display_token::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(token).collect())
}

/// Revokes the token; the screen using it goes dark at its next request.
/// Revoking twice keeps the first time.
pub async fn revoke(txn: &DatabaseTransaction, id: Id) -> Result<()> {
    if display_token::Entity::find_by_id(id).one(txn).await?.is_none() {
        return Err(StoreError::NotFound(format!("display token {id}")));
    }
    display_token::Entity::update_many()
        .col_expr(display_token::Column::RevokedAt, Expr::value(Some(Utc::now())))
        .filter(display_token::Column::Id.eq(id))
        .filter(display_token::Column::RevokedAt.is_null())
        .exec(txn)
        .await?;
    Ok(())
}

/// The token with this hash, unless it was revoked.
pub async fn find_active(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<DisplayToken>> {
    let row = display_token::Entity::find()
        .filter(display_token::Column::TokenHash.eq(token_hash))
        .filter(display_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    Ok(row.map(token))
}

/// The token with this id if it is still in force: a screen's session is
/// checked on every call, so revoking a token ends its screens at once.
pub async fn active_by_id(db: &impl ConnectionTrait, id: Id) -> Result<Option<DisplayToken>> {
    let row = display_token::Entity::find_by_id(id)
        .filter(display_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    Ok(row.map(token))
}

fn token(t: display_token::Model) -> DisplayToken {
    DisplayToken {
        id: t.id,
        campaign_id: t.campaign_id,
        name: t.name,
        created_at: t.created_at,
        revoked_at: t.revoked_at,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn token_hash_is_sha256_hex() {
        assert_eq!(
            super::token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
