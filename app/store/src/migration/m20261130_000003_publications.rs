//! Published rankings: what the standing office made public, frozen as it
//! was published (the standings, and each unit's breakdown), so that the
//! public page shows exactly what was published whatever changes later.
//!
//! Frozen once released, like the earlier migrations.

use super::m20240705_000001_initial::dsl::{index, table};
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000003_publications"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let publications = table("ranking_publications")
            .refs("campaign_id", "campaigns")
            .refs("through_period_id", "periods")
            .text("standings")
            .time("published_at")
            .refs_opt("published_by", "users")
            .build();
        let breakdowns = table("published_breakdowns")
            .refs("publication_id", "ranking_publications")
            .refs("unit_id", "units")
            .text("data")
            .build();
        manager.create_table(publications).await?;
        manager.create_table(breakdowns).await?;
        manager
            .create_index(index("ranking_publications", &["campaign_id", "published_at"], false))
            .await?;
        manager
            .create_index(index("published_breakdowns", &["publication_id", "unit_id"], true))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in ["published_breakdowns", "ranking_publications"] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
