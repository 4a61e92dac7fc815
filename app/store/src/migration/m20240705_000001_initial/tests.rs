//! The migrations are written by hand; these checks keep the schema they
//! build, all of them applied in order, and the entities in agreement,
//! column by column.

use crate::entities::*;
use crate::migration::Migrator;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Schema, Statement};
use sea_orm_migration::MigratorTrait;

macro_rules! entity_tables {
    ($($m:ident),* $(,)?) => {{
        let schema = Schema::new(DbBackend::Sqlite);
        vec![$(schema.create_table_from_entity($m::Entity)),*]
    }};
}

async fn columns(db: &DatabaseConnection, table: &str) -> Vec<(String, String, i64, i64)> {
    let sql = format!("SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name");
    let rows = db
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get::<String>("", "name").unwrap(),
                r.try_get::<String>("", "type").unwrap(),
                r.try_get::<i64>("", "notnull").unwrap(),
                r.try_get::<i64>("", "pk").unwrap(),
            )
        })
        .collect()
}

async fn table_names(db: &DatabaseConnection) -> Vec<String> {
    let sql = "SELECT name FROM sqlite_master WHERE type = 'table' \
               AND name NOT LIKE 'sqlite_%' AND name <> 'seaql_migrations' ORDER BY name";
    let rows = db
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap();
    rows.iter().map(|r| r.try_get::<String>("", "name").unwrap()).collect()
}

#[tokio::test]
async fn migration_creates_exactly_the_entities_columns() {
    let migrated = Database::connect("sqlite::memory:").await.unwrap();
    Migrator::up(&migrated, None).await.unwrap();

    let derived = Database::connect("sqlite::memory:").await.unwrap();
    let stmts = entity_tables![
        accident,
        audit_log,
        award_decision,
        award_form,
        award_proposal,
        award_round,
        baseline,
        block,
        campaign,
        commendation,
        committee,
        criteria_group,
        criterion,
        display_token,
        evidence,
        extension,
        file,
        holiday,
        notification,
        objection,
        period,
        pledge,
        published_breakdown,
        ranking_publication,
        registration,
        reminder,
        report,
        report_activity,
        report_event,
        report_score,
        session,
        target,
        unit,
        user,
        user_role,
    ];
    for stmt in &stmts {
        derived.execute(stmt).await.unwrap();
    }

    let tables = table_names(&migrated).await;
    assert_eq!(tables, table_names(&derived).await);
    assert_eq!(tables.len(), 35);
    for t in &tables {
        assert_eq!(columns(&migrated, t).await, columns(&derived, t).await, "table {t}");
    }
}
