//! Accounts: a session epoch per user, so that one write ends every session
//! of the user at once (sign out everywhere, disable, password change); the
//! time of the last sign-in; display tokens that no user created (made from
//! the command line); indexes for the audit trail's filters.
//!
//! Frozen once released, like the initial migration.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20241001_000002_accounts"
    }
}

const INDEXES: &[(&str, &[&str])] = &[
    ("users", &["unit_id"]),
    ("display_tokens", &["campaign_id"]),
    // The audit page filters by any of these and shows the newest first.
    ("audit_log", &["at"]),
    ("audit_log", &["actor_id", "at"]),
    ("audit_log", &["unit_id", "at"]),
];

/// Named as in the initial migration: `idx-<table>-<columns>`.
fn index_name(table: &str, cols: &[&str]) -> String {
    format!("idx-{}-{}", table, cols.join("-"))
}

fn index(table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(index_name(table, cols)).table(table);
    for c in cols {
        idx.col(*c);
    }
    idx
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // As in the initial migration: all of it or nothing, on SQLite too.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        let epoch = ColumnDef::new("session_epoch").integer().not_null().default(0).take();
        let last_login = ColumnDef::new("last_login_at").timestamp_with_time_zone().null().take();
        for col in [epoch, last_login] {
            manager
                .alter_table(Table::alter().table("users").add_column(col).to_owned())
                .await?;
        }
        display_token_creator_optional(manager).await?;
        for (table, cols) in INDEXES {
            manager.create_index(index(table, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, cols) in INDEXES {
            let drop = Index::drop().name(index_name(table, cols)).table(*table).to_owned();
            manager.drop_index(drop).await?;
        }
        for col in ["session_epoch", "last_login_at"] {
            manager
                .alter_table(Table::alter().table("users").drop_column(col).to_owned())
                .await?;
        }
        // `display_tokens.created_by` stays optional: NOT NULL cannot come
        // back over tokens that were made without a user.
        Ok(())
    }
}

/// Drops NOT NULL from `display_tokens.created_by`. PostgreSQL alters the
/// column; SQLite cannot, so the table is rebuilt under the same name with
/// the same rows, keys and index. Nothing refers to `display_tokens`, so
/// dropping the old table is safe with foreign keys on.
async fn display_token_creator_optional(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() != DbBackend::Sqlite {
        db.execute_unprepared("ALTER TABLE display_tokens ALTER COLUMN created_by DROP NOT NULL")
            .await?;
        return Ok(());
    }
    let fk = |col: &'static str, target: &'static str| {
        ForeignKey::create()
            .name(format!("fk-display_tokens-{col}"))
            .from("display_tokens_new", col)
            .to(target, "id")
            .to_owned()
    };
    let new_table = Table::create()
        .table("display_tokens_new")
        .col(
            ColumnDef::new("id")
                .big_integer()
                .not_null()
                .auto_increment()
                .primary_key(),
        )
        .col(ColumnDef::new("campaign_id").big_integer().not_null())
        .col(ColumnDef::new("name").string().not_null())
        .col(ColumnDef::new("token_hash").string().not_null())
        .col(ColumnDef::new("created_by").big_integer().null())
        .col(ColumnDef::new("created_at").timestamp_with_time_zone().not_null())
        .col(ColumnDef::new("revoked_at").timestamp_with_time_zone().null())
        .foreign_key(&mut fk("campaign_id", "campaigns"))
        .foreign_key(&mut fk("created_by", "users"))
        .to_owned();
    manager.create_table(new_table).await?;
    let cols = "id, campaign_id, name, token_hash, created_by, created_at, revoked_at";
    db.execute_unprepared(&format!(
        "INSERT INTO display_tokens_new ({cols}) SELECT {cols} FROM display_tokens"
    ))
    .await?;
    db.execute_unprepared("DROP TABLE display_tokens").await?;
    db.execute_unprepared("ALTER TABLE display_tokens_new RENAME TO display_tokens")
        .await?;
    // The unique index went with the old table; the same name comes back.
    let mut unique = index("display_tokens", &["token_hash"]);
    manager.create_index(unique.unique().to_owned()).await?;
    Ok(())
}
