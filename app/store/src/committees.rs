//! Committees (Ban ATGT) and their tree: a committee works on its own
//! campaigns and reads those of the committees below it.

use crate::Result;
use crate::entities::committee;
use domain::{CommitteeLevel, Id};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Committee {
    pub id: Id,
    pub name: String,
    pub parent_id: Option<Id>,
}

/// `id` and every committee below it, `id` first.
pub async fn with_descendants(db: &impl ConnectionTrait, id: Id) -> Result<Vec<Id>> {
    let all = committee::Entity::find().all(db).await?;
    let mut out = vec![id];
    let mut i = 0;
    // Breadth first; a parent loop (a hand edit) cannot make it run forever.
    while i < out.len() && out.len() <= all.len() {
        let parent = out[i];
        out.extend(
            all.iter()
                .filter(|c| c.parent_id == Some(parent) && !out.contains(&c.id))
                .map(|c| c.id)
                .collect::<Vec<_>>(),
        );
        i += 1;
    }
    Ok(out)
}

pub async fn by_id(db: &impl ConnectionTrait, id: Id) -> Result<Option<Committee>> {
    Ok(committee::Entity::find_by_id(id).one(db).await?.map(|c| Committee {
        id: c.id,
        name: c.name,
        parent_id: c.parent_id,
    }))
}

/// Adds a committee under `parent_id`.
pub async fn create(txn: &DatabaseTransaction, name: &str, level: CommitteeLevel, parent_id: Option<Id>) -> Result<Id> {
    let row = committee::ActiveModel {
        name: Set(name.trim().into()),
        level: Set(level.code().into()),
        parent_id: Set(parent_id),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

/// The committees directly below `id`.
pub async fn children(db: &impl ConnectionTrait, id: Id) -> Result<Vec<Committee>> {
    Ok(committee::Entity::find()
        .filter(committee::Column::ParentId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| Committee {
            id: c.id,
            name: c.name,
            parent_id: c.parent_id,
        })
        .collect())
}
