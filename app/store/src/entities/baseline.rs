//! Monthly totals of the baseline year (cùng kỳ) for one commune.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "baselines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub committee_id: i64,
    pub commune_unit_id: i64,
    pub year: i32,
    pub month: i32,
    pub accidents: i32,
    pub deaths: i32,
    pub injuries: i32,
    pub drink_driving: i32,
    pub particularly_serious: i32,
    pub commercial_car: i32,
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

impl ActiveModelBehavior for ActiveModel {}
