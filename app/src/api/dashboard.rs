//! The meeting-room dashboard: read-only, opened by a display token.

use super::ApiError;
use super::public::CampaignOverview;
use leptos::prelude::*;

/// The overview of the display's campaign (or, for signed-in staff, the current one).
#[server(endpoint = "dashboard/overview")]
pub async fn dashboard_overview() -> Result<Option<CampaignOverview>, ApiError> {
    use leptos::server_fn::ServerFn;
    let caller = super::access::authorize(DashboardOverview::PATH).await?;
    let db = super::server::db()?;
    let campaign = match caller.display_campaign {
        Some(id) => store::campaigns::by_id(&db, id).await?,
        None => store::campaigns::current(&db).await?,
    };
    match campaign {
        Some(c) => super::public::overview_of(&db, c).await.map(Some),
        None => Ok(None),
    }
}
