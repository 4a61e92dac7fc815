//! Server functions of the public page: no login, published figures only.

use super::ApiError;
use domain::{CampaignInfo, FiguresWindow, TargetProgress};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the public page shows about one campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignOverview {
    pub campaign: CampaignInfo,
    pub days_left: i64,
    pub window: Option<FiguresWindow>,
    pub progress: Vec<TargetProgress>,
    /// Accidents month by month against the same month of the baseline year.
    pub months: Vec<MonthFigures>,
    /// The same as a chart (SVG drawn on the server), with `months` as its table.
    pub chart_svg: Option<String>,
    /// The honour roll's latest entries, newest first.
    pub commendations: Vec<domain::Commendation>,
    /// The official ranking as the standing office last published it.
    pub published: Option<domain::PublishedRanking>,
    /// Reports handed in by their deadline, of those already due.
    pub on_time: domain::OnTimeShare,
    /// Award lists the council approved, while public and once decided.
    pub awards: Vec<super::award_publish::PublicAwardList>,
}

/// The public page's data: the overview and when it was computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicView {
    pub overview: CampaignOverview,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// One reporting month's figures beside the same month of the baseline year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub year: i32,
    pub month: u32,
    pub current: domain::AccidentFigures,
    pub baseline: domain::AccidentFigures,
}

/// The overview of the campaign at `slug`, or of the current campaign.
#[server(endpoint = "public/overview")]
pub async fn public_overview(slug: Option<String>) -> Result<Option<PublicView>, ApiError> {
    use leptos::server_fn::ServerFn;
    super::access::authorize(PublicOverview::PATH).await?;
    let db = super::server::db()?;
    let campaign = match slug {
        Some(slug) => store::campaigns::by_slug(&db, &slug).await?,
        None => super::server::current_campaign(&db).await?,
    };
    let Some(campaign) = campaign else { return Ok(None) };
    // The live hub keeps each campaign's overview, recomputed when a figure
    // changes and each minute: the page reads it instead of the database.
    if let Some(hub) = leptos::prelude::use_context::<crate::live::LiveHub>()
        && let Some(frame) = hub.latest(&db, campaign.id, crate::live::PUBLIC_WAIT).await
    {
        let s = frame.snapshot();
        return Ok(Some(PublicView {
            overview: s.overview.clone(),
            at: frame.public_at(),
        }));
    }
    let overview = overview_of(&db, campaign).await?;
    Ok(Some(PublicView {
        overview,
        at: chrono::Utc::now(),
    }))
}

/// How many commendations the overview carries.
#[cfg(feature = "ssr")]
const HONOUR_ROLL_LEN: u64 = 6;

/// The figures of `campaign` so far against cùng kỳ, as the public page and
/// the meeting-room dashboard show them.
#[cfg(feature = "ssr")]
pub async fn overview_of(db: &store::DatabaseConnection, campaign: CampaignInfo) -> Result<CampaignOverview, ApiError> {
    let grid = store::completeness::grid(db, campaign.id, super::server::now_local()).await?;
    overview_with(db, campaign, &grid).await
}

/// [`overview_of`] with the campaign's completeness grid already read.
#[cfg(feature = "ssr")]
pub async fn overview_with(
    db: &store::DatabaseConnection,
    campaign: CampaignInfo,
    grid: &domain::CompletenessGrid,
) -> Result<CampaignOverview, ApiError> {
    let db = db.clone();
    let on_time = grid.on_time_share(super::server::now_local());
    let today = super::server::today_local();
    let months: Vec<domain::ReportingMonth> = store::periods::reporting_months(&db, campaign.id).await?;
    let years_back = chrono::Datelike::year(&campaign.starts_on) - campaign.baseline_year;
    let window = domain::figures_window(&months, today, years_back);
    let targets = store::campaigns::targets(&db, campaign.id).await?;
    let (current, baseline) = match &window {
        Some(w) => (
            store::accidents::figures_between(
                &db,
                campaign.committee_id,
                w.from,
                w.to,
                campaign.serious_deaths_threshold,
            )
            .await?,
            store::accidents::baseline_for(&db, campaign.committee_id, &w.baseline_months).await?,
        ),
        None => Default::default(),
    };
    let begun: Vec<&domain::ReportingMonth> = months.iter().filter(|m| m.starts_on <= today).collect();
    let spans: Vec<_> = begun.iter().map(|m| (m.starts_on, m.ends_on.min(today))).collect();
    let pairs: Vec<_> = begun.iter().map(|m| (m.year - years_back, m.month)).collect();
    let threshold = campaign.serious_deaths_threshold;
    let current_by_month = store::accidents::figures_by_span(&db, campaign.committee_id, &spans, threshold).await?;
    let baseline_by_month = store::accidents::baseline_by_month(&db, campaign.committee_id, &pairs).await?;
    let by_month: Vec<MonthFigures> = begun
        .iter()
        .zip(current_by_month.into_iter().zip(baseline_by_month))
        .map(|(m, (current, baseline))| MonthFigures {
            year: m.year,
            month: m.month,
            current,
            baseline,
        })
        .collect();
    let chart_svg = crate::ui::chart::accidents_svg(&by_month, campaign.baseline_year);
    let commendations = store::commendations::latest(&db, campaign.id, HONOUR_ROLL_LEN).await?;
    let published = store::publications::latest(&db, campaign.id).await?;
    let awards = super::award_publish::public_awards_of(&db, &campaign).await?;
    Ok(CampaignOverview {
        awards,
        commendations,
        published,
        on_time,
        days_left: campaign.days_left(today),
        progress: domain::progress(&targets, &current, &baseline),
        window,
        months: by_month,
        chart_svg,
        campaign,
    })
}
