//! The meeting-room dashboard: read-only, opened by a display token.

use super::ApiError;
use crate::live::LiveSnapshot;
use leptos::prelude::*;

/// The display's campaign (or, for signed-in staff, the current one) as the
/// live stream last sent it: figures and official standings.
#[server(endpoint = "dashboard/overview")]
pub async fn dashboard_overview() -> Result<Option<LiveSnapshot>, ApiError> {
    use leptos::server_fn::ServerFn;
    let caller = super::access::authorize(DashboardOverview::PATH).await?;
    let db = super::server::db()?;
    let campaign = match caller.display_campaign {
        Some(id) => store::campaigns::by_id(&db, id).await?,
        None => super::server::current_campaign(&db).await?,
    };
    let Some(c) = campaign else { return Ok(None) };
    let hub = use_context::<crate::live::LiveHub>().ok_or(ApiError::Internal)?;
    let frame = hub
        .latest(&db, c.id, crate::live::STAFF_WAIT)
        .await
        .ok_or(ApiError::Internal)?;
    Ok(Some(frame.snapshot().clone()))
}
