//! Schema migrations, applied by [`crate::connect`] on every start.
//!
//! Each migration is frozen once released: a database in the field has run
//! it and will never run it again, so changing it would only make fresh
//! databases differ from old ones. Later schema changes get their own,
//! new migration appended to [`Migrator::migrations`].

use sea_orm_migration::prelude::*;

mod m20240705_000001_initial;
mod m20241001_000002_accounts;
mod m20261130_000003_publications;
mod m20261201_000004_award_rounds;
mod m20261202_000005_committees;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20240705_000001_initial::Migration),
            Box::new(m20241001_000002_accounts::Migration),
            Box::new(m20261130_000003_publications::Migration),
            Box::new(m20261201_000004_award_rounds::Migration),
            Box::new(m20261202_000005_committees::Migration),
        ]
    }
}
