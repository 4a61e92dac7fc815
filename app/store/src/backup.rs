//! Backing up and restoring a SQLite database. PostgreSQL has its own tools
//! (pg_dump, pg_restore: see the README), so both refuse it and say so.

use crate::StoreError;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, SqlxSqliteConnector, Statement};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const PG_BACKUP: &str = "cơ sở dữ liệu PostgreSQL được sao lưu bằng pg_dump: \
     pg_dump -Fc -d \"$DATABASE_URL\" -f thidua.dump (xem README, mục Backups)";
const PG_RESTORE: &str = "cơ sở dữ liệu PostgreSQL được khôi phục bằng pg_restore: \
     pg_restore --clean --if-exists -d \"$DATABASE_URL\" thidua.dump (xem README, mục Backups)";
/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What a backup holds: every table with its number of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub tables: Vec<(String, u64)>,
}

impl BackupReport {
    pub fn table_count(&self) -> usize {
        self.tables.len()
    }

    pub fn row_count(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// Backs up the database at `database_url` into the new file `to`. The
/// database is opened without migrating it: a backup copies what is there.
pub async fn backup_database(database_url: &str, to: &Path) -> Result<BackupReport, StoreError> {
    let source = sqlite_file(database_url, PG_BACKUP)?;
    // Opening the url would create an empty database and back that up.
    if !source.is_file() {
        return Err(StoreError::Config(format!(
            "không tìm thấy cơ sở dữ liệu {}",
            source.display()
        )));
    }
    let db = crate::db::open(database_url).await?;
    let report = backup_sqlite(&db, to).await;
    let _ = db.close().await;
    report
}

/// Copies the database into the new file `to` with `VACUUM INTO`: one read
/// transaction, so the copy is a consistent snapshot even while the server
/// keeps writing, and it never holds the write lock. The copy is then
/// checked; a copy that fails the check is removed so nobody trusts it.
pub async fn backup_sqlite(db: &DatabaseConnection, to: &Path) -> Result<BackupReport, StoreError> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(StoreError::Config(PG_BACKUP.into()));
    }
    // symlink_metadata: a dangling link exists too, and writing through it
    // would create a file elsewhere.
    if to.symlink_metadata().is_ok() {
        return Err(StoreError::Conflict(format!(
            "tệp {} đã có; bản sao lưu không ghi đè tệp nào, hãy chọn tên khác",
            to.display()
        )));
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error("không tạo được thư mục", dir, e))?;
    }
    let mut target = utf8(to)?.to_string();
    // The connection accepts URI file names, and `file:…` would be read as one.
    if to.is_relative() && target.starts_with("file:") {
        target.insert_str(0, "./");
    }
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [target.into()],
    ))
    .await?;
    // VACUUM INTO does not sync its output: a copy lost to a power cut just
    // after "done" would be no backup at all.
    let synced = std::fs::OpenOptions::new()
        .write(true)
        .open(to)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error("không ghi được", to, e));
    let checked = match synced {
        Ok(()) => check_sqlite_file(to).await,
        Err(e) => Err(e),
    };
    if checked.is_err() {
        let _ = std::fs::remove_file(to);
    }
    checked
}

/// Replaces the SQLite database of `database_url` with the backup `from`.
/// The server must be stopped: it would keep its open files and its cache.
/// Nothing is touched unless the backup passes every check, and the new
/// file takes the old one's place by a rename, so a crash leaves either.
pub async fn restore_sqlite(from: &Path, database_url: &str) -> Result<BackupReport, StoreError> {
    let target = sqlite_file(database_url, PG_RESTORE)?;
    if let (Ok(a), Ok(b)) = (from.canonicalize(), target.canonicalize())
        && a == b
    {
        return Err(StoreError::Conflict(
            "tệp sao lưu chính là cơ sở dữ liệu cần khôi phục; không khôi phục gì".into(),
        ));
    }
    let report = check_sqlite_file(from).await?;
    if !report.tables.iter().any(|(t, _)| t == "seaql_migrations") {
        return Err(StoreError::Invalid(format!(
            "tệp {} không phải bản sao lưu của Thi đua ATGT (thiếu bảng seaql_migrations); không khôi phục gì",
            from.display()
        )));
    }
    replace_file(from, &target)?;
    Ok(report)
}

/// The file of a SQLite url; PostgreSQL gets `advice` instead.
fn sqlite_file(database_url: &str, advice: &str) -> Result<PathBuf, StoreError> {
    if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
        return Err(StoreError::Config(advice.into()));
    }
    if !database_url.starts_with("sqlite:") {
        // Only the scheme: the rest may hold a password.
        let scheme = database_url.split(':').next().unwrap_or_default();
        return Err(StoreError::Config(format!(
            "không hỗ trợ loại cơ sở dữ liệu {scheme:?}"
        )));
    }
    if database_url.contains(":memory:") || database_url.contains("mode=memory") {
        return Err(StoreError::Config(
            "cơ sở dữ liệu trong bộ nhớ không sao lưu hay khôi phục được".into(),
        ));
    }
    let options = SqliteConnectOptions::from_str(database_url)
        .map_err(|e| StoreError::Config(format!("địa chỉ SQLite sai: {e}")))?;
    Ok(options.get_filename().to_path_buf())
}

/// Checks that `path` is a sound SQLite database and counts its rows,
/// without writing anything next to it.
async fn check_sqlite_file(path: &Path) -> Result<BackupReport, StoreError> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    match read {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Config(format!("không tìm thấy tệp {}", path.display())));
        }
        // An empty file is a valid, empty SQLite database to SQLite itself.
        Err(e) if e.kind() != std::io::ErrorKind::UnexpectedEof => return Err(io_error("không đọc được", path, e)),
        _ if &header != SQLITE_HEADER => {
            return Err(StoreError::Invalid(format!(
                "tệp {} không phải cơ sở dữ liệu SQLite; không khôi phục gì",
                path.display()
            )));
        }
        _ => {}
    }
    let broken = |e: String| StoreError::Invalid(format!("tệp {} bị hỏng ({e}); không dùng được", path.display()));
    // Immutable: no lock, no -wal or -shm file created beside a backup that
    // may sit on read-only media; only the main file counts, and only the
    // main file is what a restore copies.
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| broken(e.to_string()))?;
    let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    let result = inspect(&db).await;
    let _ = db.close().await;
    match result {
        Ok((problems, _)) if problems != ["ok"] => Err(broken(format!(
            "kiểm tra toàn vẹn: {}",
            problems.into_iter().take(5).collect::<Vec<_>>().join("; ")
        ))),
        Ok((_, tables)) => Ok(BackupReport { tables }),
        Err(e) => Err(broken(e.to_string())),
    }
}

/// The result of `PRAGMA integrity_check` and every table's row count.
async fn inspect(db: &DatabaseConnection) -> Result<(Vec<String>, Vec<(String, u64)>), sea_orm::DbErr> {
    let integrity = texts(db, "PRAGMA integrity_check").await?;
    let names = texts(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .await?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let sql = format!("SELECT COUNT(*) FROM \"{}\"", name.replace('"', "\"\""));
        let rows = db
            .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
            .await?
            .map(|r| r.try_get_by_index::<i64>(0))
            .transpose()?
            .unwrap_or(0);
        tables.push((name, u64::try_from(rows).unwrap_or(0)));
    }
    Ok((integrity, tables))
}

async fn texts(db: &DatabaseConnection, sql: &str) -> Result<Vec<String>, sea_orm::DbErr> {
    db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<String>(0))
        .collect()
}

/// Puts a copy of `from` in place of `target` atomically: copied beside the
/// target, synced, then renamed over it.
fn replace_file(from: &Path, target: &Path) -> Result<(), StoreError> {
    let dir = match target.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| io_error("không tạo được thư mục", &dir, e))?;
    let name = target
        .file_name()
        .ok_or_else(|| StoreError::Config(format!("{} không phải tên tệp", target.display())))?
        .to_string_lossy()
        .into_owned();
    let temp = dir.join(format!("{name}.restore-tmp"));
    let copied =
        std::fs::copy(from, &temp).and_then(|_| std::fs::OpenOptions::new().write(true).open(&temp)?.sync_all());
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(io_error("không ghi được", &temp, e));
    }
    // The old database's journal files belong to the old file: left beside
    // the new one, SQLite would replay them into it. Losing the old file's
    // last commits, should the rename below not happen, is no loss: it is
    // being replaced.
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = dir.join(format!("{name}{suffix}"));
        match std::fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                let _ = std::fs::remove_file(&temp);
                return Err(io_error("không xóa được", &side, e));
            }
            _ => {}
        }
    }
    std::fs::rename(&temp, target).map_err(|e| io_error("không thay được", target, e))?;
    // The rename itself is durable only once the folder is synced.
    #[cfg(unix)]
    std::fs::File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error("không ghi được thư mục", &dir, e))?;
    Ok(())
}

fn utf8(path: &Path) -> Result<&str, StoreError> {
    path.to_str()
        .ok_or_else(|| StoreError::Config(format!("đường dẫn {} có ký tự không hợp lệ", path.display())))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Config(format!("{what} {}: {e}", path.display()))
}
