//! A public objection to a published award proposal, and its answer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "objections")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub proposal_id: i64,
    pub name: String,
    pub contact: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    #[sea_orm(column_type = "Text")]
    pub answer: Option<String>,
    pub answered_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::award_proposal::Entity",
        from = "Column::ProposalId",
        to = "super::award_proposal::Column::Id"
    )]
    Proposal,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::AnsweredBy",
        to = "super::user::Column::Id"
    )]
    AnsweredBy,
}

impl Related<super::award_proposal::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Proposal.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AnsweredBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
