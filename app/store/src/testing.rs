//! Test support shared by the store's and the server's tests.
//! Every store test runs on both databases: a fresh SQLite file and a fresh
//! PostgreSQL database. PostgreSQL being down fails the test, never skips it:
//! a green run must mean both were checked.

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";
/// Test databases are named `t_store_<pid>_…`, so a later run can tell the
/// leftovers of a crashed run from its own.
const PREFIX: &str = "t_store_";

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique() -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis();
    format!("{}_{}_{}", std::process::id(), n, t)
}

pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES.to_string())
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[authority_start..]
        .find('/')
        .map(|i| authority_start + i)
        .unwrap_or(base.len());
    format!("{}/{}{}", &base[..host_end], name, query)
}

async fn admin() -> DatabaseConnection {
    let url = admin_url();
    let mut opts = ConnectOptions::new(url.as_str());
    opts.connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    match Database::connect(opts).await {
        Ok(db) => db,
        Err(e) => panic!(
            "PostgreSQL is unreachable at {url} ({e}). Store tests need it: start it with \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` \
             or point TEST_POSTGRES_URL at a server where the user may CREATE DATABASE."
        ),
    }
}

async fn exec(db: &DatabaseConnection, sql: String) -> Result<(), sea_orm::DbErr> {
    db.execute_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .map(|_| ())
}

/// Drops test databases left by runs of other processes (a test that
/// panicked never reaches `finish`). One still in use is left alone.
async fn sweep(admin: &DatabaseConnection) {
    let mine = format!("{PREFIX}{}_", std::process::id());
    let sql = format!("SELECT datname FROM pg_database WHERE datname LIKE '{PREFIX}%'");
    let rows = admin
        .query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap();
    for row in rows {
        let name: String = row.try_get("", "datname").unwrap();
        if name.starts_with(PREFIX) && !name.starts_with(&mine) {
            let _ = exec(admin, format!("DROP DATABASE IF EXISTS \"{name}\"")).await;
        }
    }
}

/// A fresh SQLite file in a folder that does not exist yet: `connect`
/// must create it.
pub fn sqlite_url() -> String {
    let dir = std::env::temp_dir().join(format!("store-test-{}", unique()));
    format!("sqlite://{}?mode=rwc", dir.join("data").join("thidua.db").display())
}

/// A fresh, empty PostgreSQL database.
pub async fn postgres_url() -> String {
    let admin = admin().await;
    sweep(&admin).await;
    let name = format!("{PREFIX}{}", unique());
    exec(&admin, format!("CREATE DATABASE \"{name}\"")).await.unwrap();
    admin.close().await.unwrap();
    with_database(&admin_url(), &name)
}

/// URLs of two fresh, empty databases: (label, url).
pub async fn database_urls() -> Vec<(String, String)> {
    vec![
        ("sqlite".to_string(), sqlite_url()),
        ("postgres".to_string(), postgres_url().await),
    ]
}

/// Two fresh databases, migrated: (label, connection).
pub async fn databases() -> Vec<(String, DatabaseConnection)> {
    let mut out = Vec::new();
    for (label, url) in database_urls().await {
        let db = crate::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{label}: connect: {e}"));
        out.push((label, db));
    }
    out
}

/// Closes the connections, drops the PostgreSQL test database and removes
/// the SQLite test folder.
pub async fn finish(dbs: Vec<(String, DatabaseConnection)>) {
    for (_, db) in dbs {
        let backend = db.get_database_backend();
        let sql = match backend {
            DbBackend::Postgres => "SELECT current_database()",
            _ => "SELECT file FROM pragma_database_list WHERE name = 'main'",
        };
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        let name: String = row.try_get_by_index(0).unwrap();
        db.close().await.unwrap();
        if backend == DbBackend::Postgres {
            let admin = admin().await;
            exec(&admin, format!("DROP DATABASE IF EXISTS \"{name}\""))
                .await
                .unwrap();
            admin.close().await.unwrap();
        } else if let Some(dir) = std::path::Path::new(&name).ancestors().find(|a| {
            a.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("store-test-"))
        }) {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A single number from `sql`, on either backend.
pub async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Runs `sql` to arrange a test's data, on either backend.
pub async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The first column of every row of `sql`, as text (SQLite: `PRAGMA …`).
pub async fn texts(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap_or_else(|e| panic!("{sql}: {e}")))
        .collect()
}

/// Every table of a SQLite database, each row as SQL literals (`quote`
/// keeps every type and value exactly), sorted: two databases hold the
/// same data exactly when their dumps are equal.
pub async fn dump_sqlite(db: &DatabaseConnection) -> Vec<(String, Vec<String>)> {
    let tables = texts(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .await;
    let mut dump = Vec::new();
    for table in tables {
        let columns = texts(
            db,
            &format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"),
        )
        .await;
        let values: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
        let sql = format!("SELECT json_array({}) FROM \"{table}\"", values.join(", "));
        let mut rows = texts(db, &sql).await;
        rows.sort();
        dump.push((table, rows));
    }
    dump
}
