//! The server binary: configuration, subcommands, and the web server.

mod cli;
mod routes;

use clap::Parser;
use cli::{Cli, Command};

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
    // `connect` applies pending migrations, so every subcommand sees the current schema.
    let db = store::connect(&cli.database_url).await?;
    match cli.command.unwrap_or(Command::Serve) {
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

fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    if json {
        tracing_subscriber::fmt().with_env_filter(filter).json().init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
}
