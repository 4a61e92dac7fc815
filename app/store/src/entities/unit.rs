//! A participating unit (đơn vị): an agency, a commune or town, the district
//! itself, or an individual nominated by one of them.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "units")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub committee_id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub short_name: String,
    /// `domain::UnitKind` code.
    pub kind: String,
    /// Set for individuals: the unit that nominated them.
    pub nominated_by_unit_id: Option<i64>,
    /// Units are retired, never deleted, so that old reports keep their unit.
    pub retired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::committee::Entity",
        from = "Column::CommitteeId",
        to = "super::committee::Column::Id"
    )]
    Committee,
    #[sea_orm(belongs_to = "Entity", from = "Column::ParentId", to = "Column::Id")]
    Parent,
    #[sea_orm(belongs_to = "Entity", from = "Column::NominatedByUnitId", to = "Column::Id")]
    NominatedBy,
}

impl Related<super::committee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Committee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
