//! Opening the database: SQLite for a single office machine, PostgreSQL for
//! a shared server. Both are migrated to the current schema on open.

use crate::{StoreError, migration::Migrator};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use std::{path::Path, str::FromStr, time::Duration};

/// How long a SQLite write waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens `url` (`sqlite://path/file.db?mode=rwc` or `postgres://…`) and
/// applies any pending migrations.
pub async fn connect(url: &str) -> Result<DatabaseConnection, StoreError> {
    let db = open(url).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Opens `url` as it is, without migrating: a backup copies the schema the
/// running server has, even if this binary is newer.
pub(crate) async fn open(url: &str) -> Result<DatabaseConnection, StoreError> {
    if url.starts_with("sqlite:") {
        connect_sqlite(url).await
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        connect_postgres(url).await
    } else {
        // Only the scheme: the rest may hold a password.
        let scheme = url.split(':').next().unwrap_or_default();
        Err(StoreError::Config(format!("unsupported database scheme {scheme:?}")))
    }
}

async fn connect_sqlite(url: &str) -> Result<DatabaseConnection, StoreError> {
    let parsed = SqliteConnectOptions::from_str(url).map_err(|e| StoreError::Config(format!("bad SQLite url: {e}")))?;
    let file = parsed.get_filename();
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    if !in_memory && let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }

    let mut opts = ConnectOptions::new(url);
    // An in-memory database (trials, tests) is shared between connections
    // through a shared cache, where a lock fails at once instead of waiting
    // for the busy timeout: one connection avoids that.
    opts.max_connections(if in_memory { 1 } else { 8 })
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            // Set on the options, so every connection the pool ever opens
            // gets them, not just the first.
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                // FULL, not NORMAL: with WAL, NORMAL may lose the last
                // commits on a power cut, and an acknowledged submission or
                // approval must never vanish. Writes here are few and
                // small, so the extra fsync per commit costs nothing felt.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(BUSY_TIMEOUT)
        });
    Ok(Database::connect(opts).await?)
}

async fn connect_postgres(url: &str) -> Result<DatabaseConnection, StoreError> {
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(16)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    Ok(Database::connect(opts).await?)
}

fn create_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::Config(format!("cannot create {}: {e}", dir.display())))
}

/// Begins a transaction that will write. On SQLite it takes the write lock
/// at once (BEGIN IMMEDIATE): a deferred transaction that reads first and
/// writes later fails outright when another writer got in between, while
/// an immediate one waits for the busy timeout like any other write.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, StoreError> {
    let txn = if db.get_database_backend() == DbBackend::Sqlite {
        db.begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?
    } else {
        db.begin().await?
    };
    Ok(txn)
}

/// Inserts rows in batches small enough for any backend's parameter limit.
pub(crate) async fn insert_all<A>(txn: &DatabaseTransaction, rows: Vec<A>) -> crate::Result<()>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(200).collect();
        <A::Entity as sea_orm::EntityTrait>::insert_many(batch)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}
