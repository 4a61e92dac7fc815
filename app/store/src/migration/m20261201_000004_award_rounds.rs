//! Award rounds: one per review (mid-term, final) of a campaign, carrying
//! the step the proposals are at, the council's vote threshold and the
//! publication date; the committee's public holidays, which the publication
//! window does not count; and the standing office's note on a proposal it
//! added or removed by hand; and the round each award decision closes.
//!
//! Frozen once released, like the earlier migrations.

use super::m20240705_000001_initial::dsl::{index, table};
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000004_award_rounds"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let rounds = table("award_rounds")
            .refs("campaign_id", "campaigns")
            .refs("period_id", "periods")
            .string("status")
            .int("vote_threshold_pct")
            .date_opt("published_on")
            .time("created_at")
            .time("updated_at")
            .build();
        let holidays = table("holidays")
            .refs("committee_id", "committees")
            .date("day")
            .string("name")
            .build();
        manager.create_table(rounds).await?;
        manager.create_table(holidays).await?;
        manager
            .create_index(index("award_rounds", &["campaign_id", "period_id"], true))
            .await?;
        manager
            .create_index(index("holidays", &["committee_id", "day"], true))
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("award_proposals")
                    .add_column(ColumnDef::new("office_note").text().null())
                    .to_owned(),
            )
            .await?;
        // Both databases take an inline reference on an added column (SQLite
        // only when it defaults to NULL; it does here).
        manager
            .alter_table(
                Table::alter()
                    .table("award_decisions")
                    .add_column(
                        ColumnDef::new("round_id")
                            .big_integer()
                            .null()
                            .extra("REFERENCES award_rounds (id)"),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("award_decisions")
                    .drop_column("round_id")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("award_proposals")
                    .drop_column("office_note")
                    .to_owned(),
            )
            .await?;
        for t in ["holidays", "award_rounds"] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
