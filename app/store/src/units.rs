//! Units as lists and pickers show them.

use crate::Result;
use crate::entities::unit;
use crate::error::code;
use domain::{Id, UnitKind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: Id,
    pub name: String,
    pub kind: UnitKind,
}

/// Units still in service, in the order they were set up.
pub async fn list_active(db: &impl ConnectionTrait) -> Result<Vec<UnitRef>> {
    unit::Entity::find()
        .filter(unit::Column::RetiredAt.is_null())
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            Ok(UnitRef {
                id: u.id,
                kind: code(&u.kind, UnitKind::from_code, "unit kind")?,
                name: u.name,
            })
        })
        .collect()
}

/// A unit's kind and committee, for access rules that depend on them.
pub async fn kind_and_committee(db: &impl ConnectionTrait, id: Id) -> Result<Option<(UnitKind, Id)>> {
    match unit::Entity::find_by_id(id).one(db).await? {
        Some(u) => Ok(Some((code(&u.kind, UnitKind::from_code, "unit kind")?, u.committee_id))),
        None => Ok(None),
    }
}
