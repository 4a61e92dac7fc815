//! The audit trail: who changed what, when, from what to what, and why.
//!
//! Append-only: the crate offers an insert and nothing else (`crate::audit`).
//! Its ids are plain numbers, not foreign keys, so that the trail outlives
//! the users, units and campaigns it speaks of (a demo reset included);
//! `actor_label` keeps the actor's name for the same reason.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub actor_label: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub unit_id: Option<i64>,
    #[sea_orm(column_type = "Text")]
    pub old_value: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub new_value: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
