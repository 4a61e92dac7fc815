//! Several committees in one installation: each member of staff works for
//! one committee (its campaigns are theirs; a lower committee's are theirs
//! to read), a campaign remembers the one it was copied from, and deadline
//! reminders are remembered so that each goes out once.
//!
//! Frozen once released, like the earlier migrations.

use super::m20240705_000001_initial::dsl::{index, table};
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000005_committees"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Both databases take an inline reference on an added column that
        // defaults to NULL.
        let added = [
            ("users", "committee_id", "REFERENCES committees (id)"),
            ("campaigns", "copied_from_id", "REFERENCES campaigns (id)"),
        ];
        for (t, c, refs) in added {
            manager
                .alter_table(
                    Table::alter()
                        .table(t)
                        .add_column(ColumnDef::new(c).big_integer().null().extra(refs))
                        .to_owned(),
                )
                .await?;
        }
        // Staff of a unit work for its committee; the other staff (office,
        // council) for the committee that ran the first campaign, the only
        // one there was. Administrators keep none: they see every committee.
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE users SET committee_id = (SELECT committee_id FROM units WHERE units.id = users.unit_id) \
             WHERE unit_id IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE users SET committee_id = (SELECT committee_id FROM campaigns ORDER BY id LIMIT 1) \
             WHERE unit_id IS NULL AND id NOT IN (SELECT user_id FROM user_roles WHERE role = 'admin')",
        )
        .await?;
        let reminders = table("reminders")
            .refs("period_id", "periods")
            .refs("unit_id", "units")
            .string("kind")
            .time("sent_at")
            .build();
        manager.create_table(reminders).await?;
        manager
            .create_index(index("reminders", &["period_id", "unit_id", "kind"], true))
            .await?;
        manager.create_index(index("users", &["committee_id"], false)).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("reminders").to_owned()).await?;
        manager
            .drop_index(Index::drop().name("idx-users-committee_id").table("users").to_owned())
            .await?;
        for (t, c) in [("users", "committee_id"), ("campaigns", "copied_from_id")] {
            manager
                .alter_table(Table::alter().table(t).drop_column(c).to_owned())
                .await?;
        }
        Ok(())
    }
}
