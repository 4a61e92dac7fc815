//! The binary's command line, as an operator meets it.

use std::process::Command;

fn thidua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(args)
        .output()
        .expect("run thidua")
}

#[test]
fn help_lists_every_subcommand_and_setting() {
    let out = thidua(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "migrate",
        "seed",
        "reset-demo",
        "backup",
        "restore",
        "DATABASE_URL",
        "THIDUA_ADDR",
        "THIDUA_DEMO",
        "THIDUA_METRICS_ADDR",
        "THIDUA_LOG_JSON",
        "THIDUA_FILES_DIR",
        "THIDUA_HTTPS",
        "THIDUA_PUBLIC_URL",
    ] {
        assert!(text.contains(word), "--help does not mention {word}:\n{text}");
    }
}

#[test]
fn seed_then_migrate_on_a_fresh_sqlite_file() {
    let dir = std::env::temp_dir().join(format!("thidua-cli-{}", std::process::id()));
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.display());
    let out = thidua(&["--database-url", &url, "seed"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Đã nạp dữ liệu minh họa"));
    // A second seed must not load the demo twice.
    let again = thidua(&["--database-url", &url, "seed"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("đã có dữ liệu"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn create_admin_makes_a_working_administrator_and_refuses_a_weak_password() {
    let dir = std::env::temp_dir().join(format!("thidua-admin-{}", std::process::id()));
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.display());
    let run = |password: &str| {
        Command::new(env!("CARGO_BIN_EXE_thidua"))
            .args([
                "--database-url",
                &url,
                "create-admin",
                "--username",
                "Admin.Huyen",
                "--display-name",
                "Quản trị",
            ])
            .env("THIDUA_ADMIN_PASSWORD", password)
            .output()
            .expect("run thidua")
    };
    let weak = run("123");
    assert!(!weak.status.success(), "a weak password is refused");
    let ok = run("mot-mat-khau-dai-du");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = store::connect(&url).await.unwrap();
        let (user, hash) = store::users::login_record(&db, "admin.huyen")
            .await
            .unwrap()
            .expect("created");
        assert!(user.roles.iter().any(|g| g.role == domain::Role::Admin));
        assert!(!user.is_demo);
        assert!(store::passwords::verify("mot-mat-khau-dai-du", &hash));
        assert!(store::demo::is_empty(&db).await.unwrap(), "create-admin loads no demo");
    });
    let _ = std::fs::remove_dir_all(dir);
}
