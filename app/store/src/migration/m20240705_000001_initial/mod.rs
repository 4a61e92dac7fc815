//! The initial schema: every table of the data model, with its foreign keys
//! and the indexes the pages and the rules query by.
//!
//! Frozen: this migration is never edited once released. A later schema
//! change is a new migration in `migration/`, run after this one.

use sea_orm_migration::prelude::*;

pub(super) mod dsl;
mod organisation;
mod work;

#[cfg(test)]
mod tests;

use dsl::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20240705_000001_initial"
    }
}

/// Every table, parents before children.
pub(crate) fn tables() -> Vec<TableCreateStatement> {
    let mut all = organisation::tables();
    all.extend(work::tables());
    all
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("campaigns", &["slug"], true),
        index("campaigns", &["committee_id"], false),
        index("targets", &["campaign_id"], false),
        index("units", &["committee_id"], false),
        index("users", &["username"], true),
        index("user_roles", &["user_id"], false),
        index("sessions", &["expires_at"], false),
        index("display_tokens", &["token_hash"], true),
        index("blocks", &["campaign_id"], false),
        index("registrations", &["campaign_id", "unit_id"], true),
        index("registrations", &["block_id"], false),
        index("pledges", &["registration_id"], false),
        index("criteria_groups", &["campaign_id", "code"], true),
        index("criteria", &["campaign_id", "code"], true),
        index("criteria", &["group_id"], false),
        index("periods", &["campaign_id", "code"], true),
        index("extensions", &["period_id", "unit_id"], false),
        index("reports", &["period_id", "unit_id"], true),
        index("reports", &["campaign_id", "status"], false),
        index("reports", &["unit_id"], false),
        index("reports", &["idempotency_key"], true),
        index("report_scores", &["report_id", "criterion_id"], true),
        index("report_activities", &["report_id", "activity"], true),
        index("evidence", &["report_id"], false),
        index("report_events", &["report_id", "at"], false),
        index("accidents", &["committee_id", "occurred_at"], false),
        index("accidents", &["commune_unit_id", "occurred_at"], false),
        index("baselines", &["commune_unit_id", "year", "month"], true),
        index("baselines", &["committee_id", "year", "month"], false),
        index("audit_log", &["campaign_id", "at"], false),
        index("audit_log", &["entity", "entity_id"], false),
        index("award_forms", &["campaign_id"], false),
        index("award_proposals", &["period_id", "award_form_id"], false),
        index("award_decisions", &["campaign_id"], false),
        index("objections", &["proposal_id"], false),
        index("commendations", &["campaign_id", "published_at"], false),
        index("notifications", &["user_id", "read_at"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // SQLite can roll back DDL too; without a transaction a failure halfway
    // would leave a schema that the next start can neither use nor redo.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for idx in indexes() {
            manager.create_index(idx).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables().into_iter().rev() {
            let name = table.get_table_name().cloned().expect("every table is named");
            manager.drop_table(Table::drop().table(name).to_owned()).await?;
        }
        Ok(())
    }
}
