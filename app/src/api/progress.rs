//! Who has reported: the completeness grid for the office and the council,
//! extensions granted by the office, and each unit's list of what is due.

use super::ApiError;
use domain::{CompletenessGrid, Id, Task};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

/// The grid of the campaign named, or of the current one; `None` without any campaign.
#[server(endpoint = "progress/grid")]
pub async fn get_completeness(campaign_id: Option<Id>) -> Result<Option<CompletenessGrid>, ApiError> {
    authorize(GetCompleteness::PATH).await?;
    let db = super::server::db()?;
    let Some(c) = super::server::campaign_or_current(&db, campaign_id).await? else {
        return Ok(None);
    };
    Ok(Some(
        store::completeness::grid(&db, c.id, super::server::now_local()).await?,
    ))
}

/// Grants one unit a later deadline for one period; `new_deadline` is local
/// time as `<input type="datetime-local">` writes it.
#[server(endpoint = "progress/extend")]
pub async fn grant_extension(
    campaign_id: Id,
    period_id: Id,
    unit_id: Id,
    new_deadline: String,
    reason: String,
) -> Result<(), ApiError> {
    let caller = authorize(GrantExtension::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let now = super::server::now_local();
    let (periods, row) = store::completeness::row_of(&db, campaign_id, unit_id, now)
        .await?
        .ok_or_else(|| ApiError::Invalid("Đơn vị chưa đăng ký tham gia phong trào này.".into()).respond())?;
    let index = periods
        .iter()
        .position(|p| p.id == period_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let deadline = domain::parse_local_time(&new_deadline);
    let errors = domain::validate_extension(periods[index].deadline, deadline, &reason);
    let Some(deadline) = deadline.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Fields(errors).respond());
    };
    let txn = store::begin_write(&db).await?;
    let id =
        store::completeness::grant_extension(&txn, period_id, unit_id, deadline, reason.trim(), me.user_id).await?;
    let mut e = caller.audit("extension_granted", "extension", Some(id));
    e.campaign_id = Some(campaign_id);
    e.unit_id = Some(unit_id);
    e.old_value = Some(format!(
        "{}: {}",
        periods[index].name,
        row.cells[index].deadline.format("%d/%m/%Y %H:%M")
    ));
    e.new_value = Some(format!(
        "{}: {}",
        periods[index].name,
        deadline.format("%d/%m/%Y %H:%M")
    ));
    e.reason = Some(reason.trim().to_string());
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign_id);
    Ok(())
}

/// The caller's unit's reports that need it, in the current campaign: not
/// handed in yet, or returned (with the office's reason).
#[server(endpoint = "progress/my_tasks")]
pub async fn my_tasks() -> Result<Vec<Task>, ApiError> {
    let caller = authorize(MyTasks::PATH).await?;
    let unit_id = caller.own_unit()?;
    let db = super::server::db()?;
    let Some(campaign) = super::server::current_campaign(&db).await? else {
        return Ok(vec![]);
    };
    let Some((periods, row)) =
        store::completeness::row_of(&db, campaign.id, unit_id, super::server::now_local()).await?
    else {
        return Ok(vec![]);
    };
    let ids: Vec<Id> = row.cells.iter().filter_map(|c| c.report_id).collect();
    let reasons = store::completeness::return_reasons(&db, &ids).await?;
    Ok(periods
        .iter()
        .zip(row.cells)
        .filter(|(_, c)| domain::needs_unit_action(c.state))
        .map(|(p, c)| Task {
            report_id: c.report_id,
            period_id: p.id,
            period_name: p.name.clone(),
            state: c.state,
            deadline: c.deadline,
            extended: c.extended,
            return_reason: c
                .report_id
                .filter(|_| c.state == domain::CellState::Returned)
                .and_then(|id| reasons.get(&id).cloned()),
        })
        .collect())
}
