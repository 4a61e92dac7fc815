//! The audit trail: the office browses and filters all of it, a unit its own.

use super::ApiError;
use domain::Id;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditQuery {
    pub campaign_id: Option<Id>,
    pub unit_id: Option<Id>,
    pub action: Option<String>,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub id: Id,
    /// dd/mm/yyyy HH:MM, Vietnamese time.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub lines: Vec<AuditLine>,
    pub total: u64,
    pub page: u64,
    pub page_size: u64,
}

pub const PAGE_SIZE: u64 = 50;

/// The filter the caller may use: a unit's staff see only their own unit.
#[cfg(feature = "ssr")]
fn scoped(q: AuditQuery, me: &super::access::Me, limit: u64) -> Result<store::audit::AuditFilter, ApiError> {
    use domain::Role;
    let sees_all = me.has_any(&[Role::Admin, Role::StandingOffice, Role::Council]);
    let unit_id = if sees_all {
        q.unit_id
    } else {
        Some(me.unit_id.ok_or(ApiError::Forbidden)?)
    };
    Ok(store::audit::AuditFilter {
        campaign_id: q.campaign_id,
        unit_id,
        action: q.action.filter(|a| !a.is_empty()),
        limit,
        offset: q.page * limit,
        ..Default::default()
    })
}

#[server(endpoint = "audit/list")]
pub async fn audit_log(query: AuditQuery) -> Result<AuditPage, ApiError> {
    let caller = authorize(AuditLog::PATH).await?;
    let page = query.page;
    let filter = scoped(query, caller.signed_in()?, PAGE_SIZE).map_err(ApiError::respond)?;
    let db = super::server::db()?;
    let total = store::audit::count(&db, &filter).await?;
    let lines = store::audit::query(&db, &filter)
        .await?
        .into_iter()
        .map(|r| AuditLine {
            id: r.id,
            at: crate::ui::format::datetime_local(r.at),
            actor: r.actor_label,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            old_value: r.old_value,
            new_value: r.new_value,
            reason: r.reason,
        })
        .collect();
    Ok(AuditPage {
        lines,
        total,
        page,
        page_size: PAGE_SIZE,
    })
}

/// The filtered trail as CSV (UTF-8 with BOM, opens in Excel), at most 100,000 lines.
#[server(endpoint = "audit/csv")]
pub async fn audit_csv(query: AuditQuery) -> Result<String, ApiError> {
    let caller = authorize(AuditCsv::PATH).await?;
    let mut filter = scoped(query, caller.signed_in()?, 100_000).map_err(ApiError::respond)?;
    filter.offset = 0;
    let db = super::server::db()?;
    Ok(store::audit::to_csv(&store::audit::query(&db, &filter).await?))
}
