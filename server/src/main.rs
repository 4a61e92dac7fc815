//! The server binary: configuration, subcommands, and the web server.

use clap::Parser;
use thidua::cli::{Cli, Command};
use thidua::routes;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_json);
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("Lỗi: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let command = cli.command.clone().unwrap_or(Command::Serve);
    // Neither goes through `connect`: a backup copies the database as it is,
    // without migrating it, and a restore must work when the database it
    // replaces is missing or broken.
    match &command {
        Command::Backup { to } => {
            let report = store::backup::backup_database(&cli.database_url, to)
                .await
                .map_err(plain)?;
            println!(
                "Đã sao lưu vào {}: {} bảng, {} dòng. Nhớ sao lưu cả thư mục tệp minh chứng {}.",
                to.display(),
                report.table_count(),
                report.row_count(),
                cli.files_dir
            );
            return Ok(());
        }
        Command::Restore { from } => {
            let report = store::backup::restore_sqlite(from, &cli.database_url)
                .await
                .map_err(plain)?;
            println!(
                "Đã khôi phục từ {}: {} bảng, {} dòng.",
                from.display(),
                report.table_count(),
                report.row_count()
            );
            return Ok(());
        }
        _ => {}
    }
    // `connect` applies pending migrations, so every subcommand sees the current schema.
    let db = store::connect(&cli.database_url).await?;
    match command {
        Command::Backup { .. } | Command::Restore { .. } => {} // done above
        Command::Migrate => tracing::info!("migrations applied"),
        Command::Seed => {
            if store::demo::is_empty(&db).await? {
                store::demo::seed(&db).await?;
                println!("Đã nạp dữ liệu minh họa (Kế hoạch 114/KH-UBND).");
            } else {
                println!("Cơ sở dữ liệu đã có dữ liệu; dùng `reset-demo` để nạp lại dữ liệu minh họa.");
            }
        }
        Command::ResetDemo => {
            store::demo::reset(&db).await?;
            println!("Đã nạp lại dữ liệu minh họa.");
        }
        Command::CreateAdmin { username, display_name } => create_admin(&db, &username, &display_name).await?,
        Command::Serve => {
            if cli.demo && store::demo::is_empty(&db).await? {
                store::demo::seed(&db).await?;
                tracing::info!("empty database: demo campaign loaded");
            }
            routes::serve(&cli, db).await?;
        }
    }
    Ok(())
}

/// The backup messages are whole Vietnamese sentences for the operator;
/// the error kind's English prefix would only get in their way.
fn plain(e: store::StoreError) -> Box<dyn std::error::Error> {
    use store::StoreError::*;
    match e {
        Config(m) | Conflict(m) | Invalid(m) | NotFound(m) => m.into(),
        other => other.into(),
    }
}

/// The first administrator of a real installation: no default password exists.
async fn create_admin(
    db: &store::DatabaseConnection,
    username: &str,
    display_name: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let password = match std::env::var("THIDUA_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("Mật khẩu cho {username} (ít nhất 10 ký tự), rồi Enter:");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    store::passwords::check_strength(&password)?;
    let hash = store::passwords::hash(&password)?;
    let txn = store::begin_write(db).await?;
    let id = store::users::create(
        &txn,
        store::users::NewUser {
            username: username.trim().to_lowercase(),
            display_name: display_name.trim().into(),
            email: None,
            unit_id: None,
            committee_id: None,
            password_hash: hash,
            roles: vec![store::users::RoleGrant {
                role: domain::Role::Admin,
                campaign_id: None,
            }],
            is_demo: false,
        },
    )
    .await?;
    store::audit::record(
        &txn,
        store::audit::AuditEntry {
            actor_label: "create-admin".into(),
            action: "user_created".into(),
            entity: "user".into(),
            entity_id: Some(id),
            new_value: Some(format!("{username} (admin)")),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    println!("Đã tạo quản trị viên {username}.");
    Ok(())
}

fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    if json {
        tracing_subscriber::fmt().with_env_filter(filter).json().init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
}
