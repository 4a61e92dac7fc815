//! The store: sea-orm entities, migrations, queries and mutations.
//! Rows never leave this crate; it returns domain types.

pub mod accident_log;
pub mod accidents;
pub mod activities;
pub mod audit;
pub mod award_proposals;
pub mod award_settings;
pub mod awards;
pub mod backup;
pub mod campaign_setup;
pub mod campaigns;
pub mod commendations;
pub mod committees;
pub mod completeness;
mod db;
pub mod demo;
mod demo_data;
pub mod display_tokens;
pub mod evidence;
// The whole data model is defined up front; some tables get their queries
// with later features.
#[allow(dead_code)]
mod entities;
mod error;
pub mod migration;
pub mod passwords;
pub mod periods;
pub mod publications;
pub mod registrations;
pub mod report_workflow;
pub mod reports;
pub mod sessions;
pub mod sheets;
pub mod standings;
#[doc(hidden)]
pub mod testing;
mod time;
pub mod units;
pub mod users;

pub use db::{begin_write, connect};
pub use error::StoreError;
pub use sea_orm::{DatabaseConnection, DatabaseTransaction};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
