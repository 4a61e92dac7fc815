//! Configuration: flags, each with an environment variable, all shown by `--help`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

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

    /// Folder for evidence files (created if missing); keep it private and back it up with the database.
    #[arg(long, env = "THIDUA_FILES_DIR", default_value = "data/files", global = true)]
    pub files_dir: String,

    /// Load the Plan 114 demo on the first start with an empty database.
    #[arg(long, env = "THIDUA_DEMO", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub demo: bool,

    /// The site is served over HTTPS (behind a TLS proxy): Secure cookies and HSTS.
    #[arg(long, env = "THIDUA_HTTPS", default_value_t = false, action = clap::ArgAction::Set, global = true)]
    pub https: bool,

    /// The site's public address (`https://atgt.example.vn`), for links shared
    /// on Zalo or Facebook; without it, the address the request came to.
    #[arg(long, env = "THIDUA_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "THIDUA_SESSION_IDLE_MINUTES", default_value_t = 60, global = true)]
    pub session_idle_minutes: i64,

    /// Sign-in attempts allowed per minute for one account.
    #[arg(long, env = "THIDUA_LOGIN_PER_ACCOUNT", default_value_t = 5, global = true)]
    pub login_per_account: u32,

    /// Sign-in attempts allowed per minute from one address.
    #[arg(long, env = "THIDUA_LOGIN_PER_ADDRESS", default_value_t = 20, global = true)]
    pub login_per_address: u32,

    /// Address for Prometheus's `/metrics` (`127.0.0.1:9300`), apart from the
    /// site so that it is never public; without it, no metrics are served.
    #[arg(long, env = "THIDUA_METRICS_ADDR", global = true)]
    pub metrics_addr: Option<String>,

    /// Reverse proxies in front (`127.0.0.1`, comma-separated) whose
    /// X-Forwarded-For names the client, for sign-in limits and the audit trail.
    #[arg(long, env = "THIDUA_TRUSTED_PROXIES", value_delimiter = ',', global = true)]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Log as JSON lines instead of text.
    #[arg(long, env = "THIDUA_LOG_JSON", default_value_t = false, global = true)]
    pub log_json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo campaign into an empty database and exit.
    Seed,
    /// Delete the demo data and load it afresh, then exit.
    ResetDemo,
    /// Create an administrator; the password is read from THIDUA_ADMIN_PASSWORD or standard input.
    CreateAdmin {
        /// User name (letters without diacritics, digits, . _ -).
        #[arg(long)]
        username: String,
        /// Full name shown in the app.
        #[arg(long)]
        display_name: String,
    },
    /// Make a consistent copy of the SQLite database while the server runs
    /// (for PostgreSQL use pg_dump; see the README).
    Backup {
        /// The new backup file; an existing file is never overwritten.
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup; stop the server first
    /// (for PostgreSQL use pg_restore; see the README).
    Restore {
        /// The backup file, checked before anything is replaced.
        #[arg(long)]
        from: PathBuf,
    },
}
