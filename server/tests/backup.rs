//! `backup` and `restore`, run as an operator runs them: the real binary on
//! real SQLite files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use store::testing::{dump_sqlite, execute, scalar, texts};

fn thidua(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .arg("--database-url")
        .arg(database_url)
        .args(args)
        .output()
        .expect("run thidua")
}

fn succeeds(database_url: &str, args: &[&str]) -> String {
    let out = thidua(database_url, args);
    assert!(
        out.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `args`, which must fail, and returns what it said on stderr.
fn fails(database_url: &str, args: &[&str]) -> String {
    let out = thidua(database_url, args);
    assert!(!out.status.success(), "{args:?} should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thidua-backup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn url(file: &Path) -> String {
    format!("sqlite://{}?mode=rwc", file.display())
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The database file with its journal files, byte for byte.
fn snapshot(file: &Path) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| std::fs::read(format!("{}{suffix}", file.display())).ok())
        .collect()
}

async fn dump(database_url: &str) -> Vec<(String, Vec<String>)> {
    let db = store::connect(database_url).await.unwrap();
    let dump = dump_sqlite(&db).await;
    db.close().await.unwrap();
    dump
}

fn assert_same(label: &str, a: &[(String, Vec<String>)], b: &[(String, Vec<String>)]) {
    let names = |d: &[(String, Vec<String>)]| d.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{label}: the tables differ");
    for ((table, rows_a), (_, rows_b)) in a.iter().zip(b) {
        assert!(rows_a == rows_b, "{label}: table {table} differs");
    }
}

#[test]
fn a_restored_backup_holds_exactly_the_data_backed_up() {
    let dir = fresh_dir("same");
    let source = url(&dir.join("thidua.db"));
    succeeds(&source, &["seed"]);
    // Neither folder exists yet: both commands create theirs.
    let copy = dir.join("saoluu").join("thidua-copy.db");
    let said = succeeds(&source, &["backup", "--to", text(&copy)]);
    assert!(said.contains("Đã sao lưu vào"), "{said}");
    let restored = url(&dir.join("khac").join("thidua.db"));
    let said_restore = succeeds(&restored, &["restore", "--from", text(&copy)]);
    assert!(said_restore.contains("Đã khôi phục từ"), "{said_restore}");

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let original = dump(&source).await;
        let rows: usize = original.iter().map(|(_, r)| r.len()).sum();
        assert!(original.len() > 10 && rows > 100, "the demo was seeded: {rows} rows");
        assert!(
            said.contains(&format!("{} bảng, {rows} dòng", original.len())),
            "the report counts every table and row: {said}"
        );
        assert_same("restored into a new database", &original, &dump(&restored).await);

        // Restoring over a database that has changed since brings it back.
        let db = store::connect(&source).await.unwrap();
        execute(&db, "DELETE FROM audit_log").await;
        execute(&db, "UPDATE units SET name = 'đã sửa'").await;
        db.close().await.unwrap();
        assert!(dump(&source).await != original, "the change took");
        succeeds(&source, &["restore", "--from", text(&copy)]);
        assert_same("restored over the changed source", &original, &dump(&source).await);
    });
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_rows_are_written_is_a_consistent_snapshot() {
    let dir = fresh_dir("live");
    let source = url(&dir.join("thidua.db"));
    let seed = source.clone();
    tokio::task::spawn_blocking(move || succeeds(&seed, &["seed"]))
        .await
        .unwrap();
    let db = store::connect(&source).await.unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                execute(
                    &db,
                    "INSERT INTO audit_log (at, actor_label, action, entity) \
                     VALUES ('2024-07-05 08:00:00+00:00', 'test', 'backup_test', 'test')",
                )
                .await;
            }
        })
    };
    let count = "SELECT COUNT(*) FROM audit_log";
    let start = scalar(&db, count).await;
    while scalar(&db, count).await < start + 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }

    let before = scalar(&db, count).await;
    let copy = dir.join("copy.db");
    let (url_, copy_) = (source.clone(), copy.clone());
    let out = tokio::task::spawn_blocking(move || thidua(&url_, &["backup", "--to", text(&copy_)]))
        .await
        .unwrap();
    let after = scalar(&db, count).await;
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(after > before, "the writer kept writing: {before} → {after}");

    let backup = store::connect(&url(&copy)).await.unwrap();
    assert_eq!(texts(&backup, "PRAGMA integrity_check").await, ["ok"]);
    let copied = scalar(&backup, count).await;
    assert!(
        (before..=after).contains(&copied),
        "{copied} rows copied, {before} before and {after} after"
    );
    // A snapshot: the rows up to the last one copied, every one of them.
    let last = scalar(&backup, "SELECT MAX(id) FROM audit_log").await;
    let in_source = scalar(&db, &format!("SELECT COUNT(*) FROM audit_log WHERE id <= {last}")).await;
    assert_eq!(copied, in_source, "the copy holds a prefix of the source's rows");
    backup.close().await.unwrap();
    db.close().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn nothing_is_overwritten_and_a_bad_backup_is_refused_untouched() {
    let dir = fresh_dir("refuse");
    let file = dir.join("thidua.db");
    let source = url(&file);
    succeeds(&source, &["seed"]);

    let existing = dir.join("existing.db");
    std::fs::write(&existing, "tệp cũ, không được ghi đè").unwrap();
    let said = fails(&source, &["backup", "--to", text(&existing)]);
    assert!(said.contains("đã có"), "{said}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "tệp cũ, không được ghi đè");

    // A backup that checks out, to spoil in two ways.
    let good = dir.join("good.db");
    succeeds(&source, &["backup", "--to", text(&good)]);
    let no_migrations = dir.join("no-migrations.db");
    std::fs::copy(&good, &no_migrations).unwrap();
    // Readable, but its index no longer matches its table: only
    // `PRAGMA integrity_check` notices.
    let bad_index = dir.join("bad-index.db");
    std::fs::copy(&good, &bad_index).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = store::connect(&url(&no_migrations)).await.unwrap();
        execute(&db, "DROP TABLE seaql_migrations").await;
        db.close().await.unwrap();
        let db = store::connect(&url(&bad_index)).await.unwrap();
        // One call, so that both statements run on the same pooled connection.
        execute(
            &db,
            "PRAGMA writable_schema = ON; UPDATE sqlite_master \
             SET sql = 'CREATE INDEX \"idx-users-unit_id\" ON \"users\" (\"username\")' \
             WHERE name = 'idx-users-unit_id'",
        )
        .await;
        db.close().await.unwrap();
    });
    let corrupt = dir.join("corrupt.db");
    let mut bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 40_000, "the demo fills many pages");
    bytes[16_384..32_768].fill(0xA5);
    std::fs::write(&corrupt, bytes).unwrap();
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, "đây không phải là cơ sở dữ liệu ".repeat(500)).unwrap();
    let empty = dir.join("empty.db");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.join("missing.db");

    let before = snapshot(&file);
    assert!(before[0].is_some());
    for (backup, expected) in [
        (&garbage, "không phải cơ sở dữ liệu SQLite"),
        (&empty, "không phải cơ sở dữ liệu SQLite"),
        (&corrupt, "bị hỏng"),
        (&bad_index, "kiểm tra toàn vẹn: row 1 missing from index"),
        (&no_migrations, "seaql_migrations"),
        (&missing, "không tìm thấy"),
        (&file, "chính là cơ sở dữ liệu"),
    ] {
        let said = fails(&source, &["restore", "--from", text(backup)]);
        assert!(said.contains(expected), "{}: {said}", backup.display());
        assert!(
            snapshot(&file) == before,
            "{}: the database was touched",
            backup.display()
        );
        assert!(!dir.join("thidua.db.restore-tmp").exists());
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn postgresql_is_sent_to_its_own_tools() {
    let dir = fresh_dir("postgres");
    let postgres = "postgres://postgres@127.0.0.1:5432/test";
    let copy = dir.join("copy.db");
    let said = fails(postgres, &["backup", "--to", text(&copy)]);
    assert!(said.contains("pg_dump"), "{said}");
    assert!(!copy.exists(), "no file was written");

    std::fs::write(&copy, "anything").unwrap();
    let said = fails(postgres, &["restore", "--from", text(&copy)]);
    assert!(said.contains("pg_restore"), "{said}");
    let _ = std::fs::remove_dir_all(dir);
}
