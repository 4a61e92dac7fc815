//! One emulation movement (phong trào thi đua) with its plan and rules.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "campaigns")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub committee_id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub plan_number: String,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub theme: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub baseline_year: i32,
    /// `domain::CampaignStatus` code.
    pub status: String,
    /// `domain::PeriodRule` code.
    pub period_rule: String,
    pub serious_deaths_threshold: i32,
    pub deadline_days: i32,
    pub publish_days: i32,
    pub is_demo: bool,
    pub plan_document_id: Option<i64>,
    /// The campaign this one was set up from, if it was copied.
    pub copied_from_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::committee::Entity",
        from = "Column::CommitteeId",
        to = "super::committee::Column::Id"
    )]
    Committee,
    #[sea_orm(
        belongs_to = "super::file::Entity",
        from = "Column::PlanDocumentId",
        to = "super::file::Column::Id"
    )]
    PlanDocument,
    #[sea_orm(has_many = "super::target::Entity")]
    Target,
    #[sea_orm(has_many = "super::period::Entity")]
    Period,
    #[sea_orm(has_many = "super::block::Entity")]
    Block,
}

impl Related<super::committee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Committee.def()
    }
}

impl Related<super::file::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PlanDocument.def()
    }
}

impl Related<super::target::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Target.def()
    }
}

impl Related<super::period::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Period.def()
    }
}

impl Related<super::block::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Block.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
