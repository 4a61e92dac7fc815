use store::testing as common;

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

/// A database made before the accounts migration keeps its rows: users get
/// epoch 0 and no last sign-in, display tokens keep their creator and
/// their unique hash, and a token without a creator becomes possible.
#[tokio::test]
async fn the_accounts_migration_upgrades_a_database_in_use() {
    let mut dbs = Vec::new();
    for (label, url) in database_urls().await {
        // Opened directly, not with `store::connect`, which would migrate
        // all the way; so the SQLite folder is made here.
        if let Some(path) = url.strip_prefix("sqlite://").and_then(|p| p.split('?').next()) {
            std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        }
        let db = sea_orm::Database::connect(&url).await.unwrap();
        Migrator::up(&db, Some(1))
            .await
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        let backend = db.get_database_backend();
        let run = |sql: &str| db.execute_raw(Statement::from_string(backend, sql.to_string()));
        for sql in [
            "INSERT INTO committees (name, level) VALUES ('Ban ATGT', 'district')",
            "INSERT INTO campaigns (committee_id, slug, plan_number, title, theme, starts_on, ends_on, \
             baseline_year, status, period_rule, serious_deaths_threshold, deadline_days, publish_days, \
             is_demo, created_at) VALUES (1, 'kh', '1/KH', 'T', 'C', '2024-01-01', '2024-12-31', 2023, \
             'open', 'calendar_month', 3, 3, 5, FALSE, '2024-01-01T00:00:00+00:00')",
            "INSERT INTO users (username, display_name, password_hash, is_active, is_demo, created_at, \
             password_changed_at) VALUES ('cu', 'Cũ', 'h', TRUE, FALSE, '2024-01-01T00:00:00+00:00', \
             '2024-01-01T00:00:00+00:00')",
            "INSERT INTO display_tokens (campaign_id, name, token_hash, created_by, created_at) \
             VALUES (1, 'Màn hình', 'abc', 1, '2024-01-01T00:00:00+00:00')",
        ] {
            run(sql).await.unwrap_or_else(|e| panic!("{label}: {sql}: {e}"));
        }
        db.close().await.unwrap();

        let db = store::connect(&url).await.unwrap_or_else(|e| panic!("{label}: {e}"));
        let user = store::users::by_username(&db, "cu").await.unwrap().unwrap();
        assert_eq!((user.session_epoch, user.last_login_at), (0, None), "{label}");
        let token = store::display_tokens::find_active(&db, "abc").await.unwrap().unwrap();
        assert_eq!(token.name, "Màn hình", "{label}");
        assert_eq!(scalar(&db, "SELECT created_by FROM display_tokens").await, 1, "{label}");

        if backend == DbBackend::Sqlite {
            // The rebuilt table keeps its keys.
            let sql = "SELECT sql FROM sqlite_master WHERE name = 'display_tokens'";
            let row = db
                .query_one_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
                .unwrap();
            let ddl: String = row.try_get_by_index(0).unwrap();
            assert_eq!(ddl.matches("REFERENCES").count(), 2, "{ddl}");
            assert!(ddl.contains("AUTOINCREMENT"), "{ddl}");
        }

        let txn = store::begin_write(&db).await.unwrap();
        store::display_tokens::create(&txn, 1, "Không người tạo", "def", None)
            .await
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        let twice = store::display_tokens::create(&txn, 1, "Trùng", "abc", None).await;
        assert!(twice.is_err(), "{label}: token hashes stay unique");
        txn.rollback().await.unwrap();

        // And it can be undone and done again.
        Migrator::down(&db, Some(1))
            .await
            .unwrap_or_else(|e| panic!("{label}: down: {e}"));
        Migrator::up(&db, None)
            .await
            .unwrap_or_else(|e| panic!("{label}: up again: {e}"));
        let user = store::users::by_username(&db, "cu").await.unwrap().unwrap();
        assert_eq!(user.session_epoch, 0, "{label}");
        dbs.push((label, db));
    }
    finish(dbs).await;
}
