//! The audit trail. Append-only by design: this insert is the only code
//! in the crate that touches `audit_log`, and there is no update or delete.

use crate::Result;
use crate::entities::audit_log;
use chrono::Utc;
use domain::Id;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

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
/// of the change itself, so the change and its record commit together.
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
