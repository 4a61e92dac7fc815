use store::testing as common;

use common::{databases, finish, scalar};
use serde_json::json;
use store::sessions::{self, DbSessionStore};
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::{ExpiredDeletion, SessionStore};

/// A record expiring `minutes` from now (in the past when negative), to
/// the whole second, so that it compares equal after a round trip.
fn record(minutes: i64, data: serde_json::Value) -> Record {
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    Record {
        id: Id::default(),
        data: serde_json::from_value(data).unwrap(),
        expiry_date: now + Duration::minutes(minutes),
    }
}

#[tokio::test]
async fn save_load_and_delete_round_trip() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let store = DbSessionStore::new(db.clone());
        let mut rec = record(30, json!({"axum-login.data": {"user_id": 5}, "ghi chú": "tiếng Việt"}));
        store.create(&mut rec).await.unwrap();
        assert_eq!(store.load(&rec.id).await.unwrap(), Some(rec.clone()), "{label}");

        // Save replaces the data and the expiry of the same id.
        rec.data.insert("lần".into(), json!(2));
        rec.expiry_date += Duration::hours(1);
        store.save(&rec).await.unwrap();
        assert_eq!(store.load(&rec.id).await.unwrap(), Some(rec.clone()), "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM sessions").await, 1, "{label}");

        // Save also inserts a record it has not seen.
        let other = record(30, json!({}));
        store.save(&other).await.unwrap();
        assert_eq!(store.load(&other.id).await.unwrap(), Some(other.clone()), "{label}");

        store.delete(&rec.id).await.unwrap();
        assert_eq!(store.load(&rec.id).await.unwrap(), None, "{label}");
        store.delete(&rec.id).await.unwrap();
        assert_eq!(store.load(&Id::default()).await.unwrap(), None, "{label}: unknown id");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM sessions").await, 1, "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn create_never_overwrites_an_existing_session() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let store = DbSessionStore::new(db.clone());
        let first = record(30, json!({"user_id": 1}));
        store.save(&first).await.unwrap();
        let mut second = record(30, json!({"user_id": 2}));
        second.id = first.id;
        store.create(&mut second).await.unwrap();
        assert_ne!(second.id, first.id, "{label}: a fresh id was drawn");
        assert_eq!(store.load(&first.id).await.unwrap(), Some(first.clone()), "{label}");
        assert_eq!(store.load(&second.id).await.unwrap(), Some(second.clone()), "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn expired_sessions_are_not_loaded_and_are_deleted() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let store = DbSessionStore::new(db.clone());
        let old = record(-1, json!({"user_id": 1}));
        let live = record(10, json!({"user_id": 1}));
        store.save(&old).await.unwrap();
        store.save(&live).await.unwrap();
        assert_eq!(store.load(&old.id).await.unwrap(), None, "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM sessions").await, 2, "{label}");

        store.delete_expired().await.unwrap();
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM sessions").await, 1, "{label}");
        assert_eq!(store.load(&live.id).await.unwrap(), Some(live), "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_users_sessions_can_be_deleted_outright() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let store = DbSessionStore::new(db.clone());
        let mine = [
            record(10, json!({"axum-login.data": {"user_id": 7, "auth_hash": [1, 2]}})),
            record(10, json!({"user_id": 7})),
        ];
        let others = [
            record(10, json!({"axum-login.data": {"user_id": 8}})),
            record(10, json!({"axum-login.data": {"user_id": null}})),
            record(10, json!({})),
        ];
        for r in mine.iter().chain(&others) {
            store.save(r).await.unwrap();
        }
        assert_eq!(sessions::delete_for_users(db, &[7, 70]).await.unwrap(), 2, "{label}");
        assert_eq!(sessions::delete_for_users(db, &[]).await.unwrap(), 0, "{label}");
        for r in &mine {
            assert_eq!(store.load(&r.id).await.unwrap(), None, "{label}");
        }
        for r in &others {
            assert!(store.load(&r.id).await.unwrap().is_some(), "{label}");
        }
    }
    finish(dbs).await;
}
