//! One traffic accident as the district police record it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "accidents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub committee_id: i64,
    pub commune_unit_id: i64,
    pub occurred_at: DateTimeUtc,
    pub deaths: i32,
    pub injuries: i32,
    pub drink_driving: bool,
    pub commercial_car: bool,
    /// Particularly serious by the police's judgement, whatever the deaths.
    pub marked_serious: bool,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub is_demo: bool,
    pub created_by: Option<i64>,
    /// Accidents are struck out with a reason, never removed, so figures can be explained.
    pub deleted_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub delete_reason: Option<String>,
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
        belongs_to = "super::unit::Entity",
        from = "Column::CommuneUnitId",
        to = "super::unit::Column::Id"
    )]
    Commune,
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::CreatedBy",
        to = "super::user::Column::Id"
    )]
    CreatedBy,
}

impl Related<super::committee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Committee.def()
    }
}

impl Related<super::unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Commune.def()
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
