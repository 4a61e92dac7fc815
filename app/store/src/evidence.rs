//! Evidence rows of a report. The files themselves live in a folder the
//! server names; the row keeps the generated name, the sniffed type and the
//! original name for display only.

use crate::Result;
use crate::entities::{criterion, evidence};
use crate::error::{StoreError, code};
use chrono::Utc;
use domain::{EvidenceItem, EvidenceKind, Id};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;

/// What is added: a stored file or a link.
pub enum NewEvidence {
    File {
        original_name: String,
        stored_name: String,
        mime: String,
        size_bytes: i64,
    },
    Link {
        url: String,
    },
}

pub async fn add(
    db: &impl ConnectionTrait,
    report_id: Id,
    criterion_id: Id,
    item: NewEvidence,
    uploaded_by: Id,
) -> Result<Id> {
    let mut row = evidence::ActiveModel {
        report_id: Set(report_id),
        criterion_id: Set(Some(criterion_id)),
        uploaded_by: Set(uploaded_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    match item {
        NewEvidence::File {
            original_name,
            stored_name,
            mime,
            size_bytes,
        } => {
            row.kind = Set(EvidenceKind::File.code().into());
            row.original_name = Set(original_name);
            row.stored_name = Set(Some(stored_name));
            row.mime = Set(Some(mime));
            row.size_bytes = Set(Some(size_bytes));
        }
        NewEvidence::Link { url } => {
            row.kind = Set(EvidenceKind::Link.code().into());
            row.original_name = Set(url.clone());
            row.url = Set(Some(url));
        }
    }
    Ok(row.insert(db).await?.id)
}

/// How many pieces a criterion of a report has.
pub async fn count_for(db: &impl ConnectionTrait, report_id: Id, criterion_id: Id) -> Result<u64> {
    Ok(evidence::Entity::find()
        .filter(evidence::Column::ReportId.eq(report_id))
        .filter(evidence::Column::CriterionId.eq(criterion_id))
        .count(db)
        .await?)
}

/// A report's evidence, oldest first.
pub async fn list(db: &impl ConnectionTrait, report_id: Id) -> Result<Vec<EvidenceItem>> {
    let rows = evidence::Entity::find()
        .filter(evidence::Column::ReportId.eq(report_id))
        .order_by_asc(evidence::Column::Id)
        .all(db)
        .await?;
    let codes: HashMap<Id, String> = criterion::Entity::find()
        .filter(criterion::Column::Id.is_in(rows.iter().filter_map(|r| r.criterion_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    rows.iter().map(|r| to_item(r, &codes)).collect()
}

/// One piece with its report and, for a file, its stored name.
pub struct Stored {
    pub report_id: Id,
    pub item: EvidenceItem,
    pub stored_name: Option<String>,
    pub url: Option<String>,
}

pub async fn get(db: &impl ConnectionTrait, id: Id) -> Result<Option<Stored>> {
    let Some(row) = evidence::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let codes: HashMap<Id, String> = match row.criterion_id {
        Some(c) => criterion::Entity::find_by_id(c)
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect(),
        None => HashMap::new(),
    };
    Ok(Some(Stored {
        report_id: row.report_id,
        item: to_item(&row, &codes)?,
        stored_name: row.stored_name.clone(),
        url: row.url.clone(),
    }))
}

/// Removes the row; the caller removes the file once the change is committed.
pub async fn remove(db: &impl ConnectionTrait, id: Id) -> Result<()> {
    let row = evidence::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("evidence {id}")))?;
    row.delete(db).await?;
    Ok(())
}

fn to_item(r: &evidence::Model, codes: &HashMap<Id, String>) -> Result<EvidenceItem> {
    Ok(EvidenceItem {
        id: r.id,
        criterion_code: r.criterion_id.and_then(|c| codes.get(&c).cloned()).unwrap_or_default(),
        kind: code(&r.kind, EvidenceKind::from_code, "evidence kind")?,
        name: r.original_name.clone(),
        mime: r.mime.clone(),
        size_bytes: r.size_bytes,
    })
}
