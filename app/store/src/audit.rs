//! The audit trail. Append-only by design: [`record`] is the only code in
//! the crate that writes to `audit_log`, the rest only reads it, and there
//! is no update or delete.

mod csv;

pub use csv::to_csv;

use crate::Result;
use crate::entities::audit_log;
use chrono::{DateTime, Utc};
use domain::Id;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};
use serde::{Deserialize, Serialize};

/// One line of the trail: who did what to which record, from what to what, why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuditEntry {
    pub actor_id: Option<Id>,
    /// The actor's name at the time, kept because users can be renamed.
    pub actor_label: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    pub campaign_id: Option<Id>,
    pub unit_id: Option<Id>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
}

/// Appends `entry`, stamped with the server's clock. Pass the transaction
/// of the change itself (any connection or transaction will do), so the
/// change and its record commit together.
pub async fn record(db: &impl ConnectionTrait, entry: AuditEntry) -> Result<Id> {
    let row = audit_log::ActiveModel {
        at: Set(Utc::now()),
        actor_id: Set(entry.actor_id),
        actor_label: Set(entry.actor_label),
        action: Set(entry.action),
        entity: Set(entry.entity),
        entity_id: Set(entry.entity_id),
        campaign_id: Set(entry.campaign_id),
        unit_id: Set(entry.unit_id),
        old_value: Set(entry.old_value),
        new_value: Set(entry.new_value),
        reason: Set(entry.reason),
        ip: Set(entry.ip),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Which lines of the trail to read. Every field narrows the search; the
/// default is all of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub campaign_id: Option<Id>,
    pub unit_id: Option<Id>,
    pub actor_id: Option<Id>,
    pub entity: Option<String>,
    pub action: Option<String>,
    /// From this instant on, inclusive.
    pub from: Option<DateTime<Utc>>,
    /// Up to this instant, exclusive, so that consecutive ranges never
    /// show a line twice.
    pub to: Option<DateTime<Utc>>,
    /// At most this many lines; 0 means no limit (an export).
    pub limit: u64,
    pub offset: u64,
}

/// One line of the trail as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Id>,
    pub actor_label: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    pub campaign_id: Option<Id>,
    pub unit_id: Option<Id>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
}

/// The lines that match, newest first (by time, then by the order they
/// were written).
pub async fn query(db: &impl ConnectionTrait, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
    let mut q = filtered(filter)
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id);
    // SQLite takes OFFSET only after a LIMIT: "no limit" is then the
    // largest one.
    if filter.limit > 0 || filter.offset > 0 {
        let limit = if filter.limit > 0 {
            filter.limit
        } else {
            i64::MAX as u64
        };
        q = q.limit(limit).offset(filter.offset);
    }
    let rows = q.all(db).await?;
    Ok(rows.into_iter().map(audit_record).collect())
}

/// How many lines match, ignoring `limit` and `offset`: the size of the
/// whole result, for paging.
pub async fn count(db: &impl ConnectionTrait, filter: &AuditFilter) -> Result<u64> {
    Ok(filtered(filter).count(db).await?)
}

fn filtered(f: &AuditFilter) -> Select<audit_log::Entity> {
    use audit_log::Column as C;
    let mut q = audit_log::Entity::find();
    let ids = [
        (C::CampaignId, f.campaign_id),
        (C::UnitId, f.unit_id),
        (C::ActorId, f.actor_id),
    ];
    for (col, value) in ids {
        if let Some(v) = value {
            q = q.filter(col.eq(v));
        }
    }
    for (col, value) in [(C::Entity, &f.entity), (C::Action, &f.action)] {
        if let Some(v) = value {
            q = q.filter(col.eq(v.as_str()));
        }
    }
    if let Some(from) = f.from {
        q = q.filter(C::At.gte(from));
    }
    if let Some(to) = f.to {
        q = q.filter(C::At.lt(to));
    }
    q
}

fn audit_record(r: audit_log::Model) -> AuditRecord {
    AuditRecord {
        id: r.id,
        at: r.at,
        actor_id: r.actor_id,
        actor_label: r.actor_label,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        campaign_id: r.campaign_id,
        unit_id: r.unit_id,
        old_value: r.old_value,
        new_value: r.new_value,
        reason: r.reason,
        ip: r.ip,
    }
}
