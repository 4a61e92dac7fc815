//! Login sessions in the database, for tower-sessions (the version
//! axum-login builds on). A session survives a restart of the server and
//! works the same on SQLite and PostgreSQL.
//!
//! The session data is kept as JSON text, the expiry as a UTC timestamp.
//! Expired rows are never loaded; [`ExpiredDeletion::delete_expired`]
//! clears them out.

use crate::entities::session;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::Id as UserId;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect, SqlErr};
use std::collections::HashSet;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

/// The key under which the session data holds the signed-in user's id,
/// either at the top level or one level down (axum-login keeps it in
/// `{"axum-login.data": {"user_id": …}}`). Read only to end a user's
/// sessions outright, as the demo reset does.
pub const USER_ID_KEY: &str = "user_id";

/// How many fresh ids `create` tries before giving up. A collision of two
/// random 128-bit ids is next to impossible; a run of them means a bug.
const CREATE_ATTEMPTS: usize = 8;

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        DbSessionStore { db }
    }
}

fn backend(e: DbErr) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// The record's row. Expiry keeps whole microseconds, the finest time both
/// databases store.
fn row(record: &Record) -> session_store::Result<session::ActiveModel> {
    let data = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    let micros = record.expiry_date.unix_timestamp_nanos() / 1_000;
    let expires_at = DateTime::<Utc>::from_timestamp_micros(micros as i64)
        .ok_or_else(|| session_store::Error::Encode(format!("expiry out of range: {}", record.expiry_date)))?;
    Ok(session::ActiveModel {
        id: sea_orm::ActiveValue::Set(record.id.to_string()),
        data: sea_orm::ActiveValue::Set(data),
        expires_at: sea_orm::ActiveValue::Set(expires_at),
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    /// Inserts the record under a fresh id, drawing another id when the
    /// one drawn is taken, so that a new session never overwrites another.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        for _ in 0..CREATE_ATTEMPTS {
            match session::Entity::insert(row(record)?)
                .exec_without_returning(&self.db)
                .await
            {
                Ok(_) => return Ok(()),
                Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    record.id = Id::default();
                }
                Err(e) => return Err(backend(e)),
            }
        }
        Err(session_store::Error::Backend("no free session id".into()))
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let upsert = OnConflict::column(session::Column::Id)
            .update_columns([session::Column::Data, session::Column::ExpiresAt])
            .to_owned();
        session::Entity::insert(row(record)?)
            .on_conflict(upsert)
            .exec_without_returning(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let found = session::Entity::find_by_id(id.to_string())
            .filter(session::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(found) = found else { return Ok(None) };
        let data = serde_json::from_str(&found.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let nanos = found.expires_at.timestamp_micros() as i128 * 1_000;
        let expiry_date = OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        session::Entity::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lte(Utc::now()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Deletes every session signed in as one of `users` (see [`USER_ID_KEY`])
/// and returns how many. For removing users outright; to end the sessions
/// of a user who stays, raise their epoch instead
/// ([`crate::users::bump_epoch`]).
pub async fn delete_for_users(db: &impl ConnectionTrait, users: &[UserId]) -> crate::Result<u64> {
    if users.is_empty() {
        return Ok(0);
    }
    let users: HashSet<UserId> = users.iter().copied().collect();
    let rows: Vec<(String, String)> = session::Entity::find()
        .select_only()
        .column(session::Column::Id)
        .column(session::Column::Data)
        .into_tuple()
        .all(db)
        .await?;
    let doomed: Vec<String> = rows
        .into_iter()
        .filter(|(_, data)| user_of(data).is_some_and(|u| users.contains(&u)))
        .map(|(id, _)| id)
        .collect();
    let mut deleted = 0;
    // In batches, within any backend's limit on bound parameters.
    for batch in doomed.chunks(500) {
        let res = session::Entity::delete_many()
            .filter(session::Column::Id.is_in(batch.iter().cloned()))
            .exec(db)
            .await?;
        deleted += res.rows_affected;
    }
    Ok(deleted)
}

/// The user id a session's data holds, if any.
fn user_of(data: &str) -> Option<UserId> {
    let value: serde_json::Value = serde_json::from_str(data).ok()?;
    let map = value.as_object()?;
    map.get(USER_ID_KEY)
        .and_then(|v| v.as_i64())
        .or_else(|| map.values().find_map(|v| v.get(USER_ID_KEY)?.as_i64()))
}

#[cfg(test)]
mod tests {
    use super::user_of;

    #[test]
    fn finds_the_user_at_the_top_or_one_level_down() {
        assert_eq!(user_of(r#"{"user_id": 7}"#), Some(7));
        assert_eq!(
            user_of(r#"{"axum-login.data": {"user_id": 9, "auth_hash": [1]}}"#),
            Some(9)
        );
        assert_eq!(user_of(r#"{"axum-login.data": {"user_id": null}}"#), None);
        assert_eq!(user_of(r#"{"csrf": "x"}"#), None);
        assert_eq!(user_of("not json"), None);
    }
}
