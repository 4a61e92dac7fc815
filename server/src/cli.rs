//! Configuration: flags, each with an environment variable, all shown by `--help`.

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "thidua",
    version,
    about = "Thi đua ATGT — phần mềm phong trào thi đua đảm bảo trật tự an toàn giao thông"
)]
pub struct Cli {
    /// Database: a SQLite file (the default) or `postgres://user@host/db`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/thidua.db?mode=rwc",
        global = true
    )]
    pub database_url: String,

    /// Address to listen on.
    #[arg(long, env = "THIDUA_ADDR", default_value = "127.0.0.1:3000", global = true)]
    pub addr: String,

    /// Folder with the built site (the wasm bundle, CSS and static files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site", global = true)]
    pub site_root: String,

    /// Load the Plan 114 demo on the first start with an empty database.
    #[arg(long, env = "THIDUA_DEMO", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub demo: bool,

    /// Log as JSON lines instead of text.
    #[arg(long, env = "THIDUA_LOG_JSON", default_value_t = false, global = true)]
    pub log_json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo campaign into an empty database and exit.
    Seed,
    /// Delete the demo data and load it afresh, then exit.
    ResetDemo,
}
