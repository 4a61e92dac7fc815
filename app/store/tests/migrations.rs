mod common;

use common::{database_urls, finish, scalar};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
use store::migration::Migrator;

#[tokio::test]
async fn migrations_apply_on_both_databases_and_are_idempotent() {
    let mut dbs = Vec::new();
    for (label, url) in database_urls().await {
        let first = store::connect(&url).await.unwrap_or_else(|e| panic!("{label}: {e}"));
        let applied = scalar(&first, "SELECT COUNT(*) FROM seaql_migrations").await;
        assert_eq!(applied, Migrator::migrations().len() as i64, "{label}");
        assert_eq!(scalar(&first, "SELECT COUNT(*) FROM audit_log").await, 0, "{label}");
        first.close().await.unwrap();

        let second = store::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{label}, second connect: {e}"));
        assert_eq!(
            scalar(&second, "SELECT COUNT(*) FROM seaql_migrations").await,
            applied,
            "{label}"
        );
        assert!(store::demo::is_empty(&second).await.unwrap(), "{label}");
        dbs.push((label, second));
    }
    finish(dbs).await;
}

async fn pragma(db: &sea_orm::DatabaseConnection, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {name}")))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .unwrap()
}

#[tokio::test]
async fn sqlite_connections_are_durable_and_patient() {
    let db = store::connect(&common::sqlite_url()).await.unwrap();
    // Hold several pooled connections at once so the pragmas are checked
    // on more than the first one the pool opened.
    let mut txns = Vec::new();
    for _ in 0..3 {
        let txn = sea_orm::TransactionTrait::begin(&db).await.unwrap();
        txns.push(txn);
    }
    for txn in &txns {
        let get = |sql: &'static str| async move {
            let row = txn
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
                .unwrap()
        };
        assert_eq!(get("PRAGMA journal_mode").await, "wal");
        assert_eq!(get("PRAGMA foreign_keys").await, "1");
        assert_eq!(get("PRAGMA synchronous").await, "2", "FULL");
        assert_eq!(get("PRAGMA busy_timeout").await, "5000");
    }
    for txn in txns {
        txn.rollback().await.unwrap();
    }
    assert_eq!(pragma(&db, "journal_mode").await, "wal");
    finish(vec![("sqlite".to_string(), db)]).await;
}

#[tokio::test]
async fn connect_opens_memory_databases_and_refuses_unknown_schemes() {
    let db = store::connect("sqlite::memory:").await.unwrap();
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM seaql_migrations").await,
        Migrator::migrations().len() as i64
    );
    db.close().await.unwrap();
    match store::connect("mysql://user:secret@host/db").await {
        Err(store::StoreError::Config(msg)) => assert!(!msg.contains("secret"), "{msg}"),
        other => panic!("{other:?}"),
    }
}
