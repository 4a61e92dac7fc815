//! A ranking the standing office published: the official standings through
//! one period, frozen as JSON (`domain::Standings`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ranking_publications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub through_period_id: i64,
    #[sea_orm(column_type = "Text")]
    pub standings: String,
    pub published_at: DateTimeUtc,
    pub published_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::campaign::Entity",
        from = "Column::CampaignId",
        to = "super::campaign::Column::Id"
    )]
    Campaign,
    #[sea_orm(
        belongs_to = "super::period::Entity",
        from = "Column::ThroughPeriodId",
        to = "super::period::Column::Id"
    )]
    Period,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::PublishedBy",
        to = "super::user::Column::Id"
    )]
    PublishedBy,
}

impl ActiveModelBehavior for ActiveModel {}
