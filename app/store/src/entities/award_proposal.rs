//! A proposal of an award for a unit or a nominated individual, and the council's vote.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "award_proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub period_id: i64,
    pub award_form_id: i64,
    pub unit_id: i64,
    pub individual_name: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub achievement: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// `rule` or `manual`.
    pub source: String,
    /// `domain::ProposalStatus` code.
    pub status: String,
    pub votes_for: i32,
    pub votes_against: i32,
    pub votes_abstain: i32,
    pub members_present: i32,
    pub created_at: DateTimeUtc,
    /// Why the standing office added or removed it by hand.
    #[sea_orm(column_type = "Text", nullable)]
    pub office_note: Option<String>,
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
        from = "Column::PeriodId",
        to = "super::period::Column::Id"
    )]
    Period,
    #[sea_orm(
        belongs_to = "super::award_form::Entity",
        from = "Column::AwardFormId",
        to = "super::award_form::Column::Id"
    )]
    AwardForm,
    #[sea_orm(
        belongs_to = "super::unit::Entity",
        from = "Column::UnitId",
        to = "super::unit::Column::Id"
    )]
    Unit,
}

impl Related<super::campaign::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Campaign.def()
    }
}

impl Related<super::period::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Period.def()
    }
}

impl Related<super::award_form::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AwardForm.def()
    }
}

impl Related<super::unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
