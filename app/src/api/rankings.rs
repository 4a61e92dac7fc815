//! Rankings: the standings of the current campaign per block, for a period
//! or cumulative, provisional (self-scores) or official (reviewed scores of
//! approved reports), and one unit's breakdown. Staff only: the public page
//! shows published official results through its own function.

use super::ApiError;
use chrono::{DateTime, Utc};
use domain::{EvidenceItem, Id, PeriodRef, RankingMode, ScoreBreakdown, Standings};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingView {
    pub campaign_id: Id,
    pub campaign_title: String,
    pub periods: Vec<PeriodRef>,
    pub standings: Standings,
    /// The published tie-break order, printed under every ranking.
    pub tie_breaks: Vec<String>,
    pub computed_at: DateTime<Utc>,
}

/// One criterion of a unit's breakdown, with the sheet's name and the
/// reviewer's reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakdownLine {
    pub code: String,
    pub name: String,
    pub review_reason: Option<String>,
    pub evidence: Vec<EvidenceItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakdownView {
    pub unit_id: Id,
    pub unit_name: String,
    pub period: Option<PeriodRef>,
    pub mode: RankingMode,
    /// The period's breakdown (`None`: no report and the period still open).
    pub breakdown: Option<ScoreBreakdown>,
    pub lines: Vec<BreakdownLine>,
    /// Cumulative scope: each closed period's total.
    pub period_totals: Vec<(PeriodRef, Option<f64>)>,
}

#[cfg(feature = "ssr")]
fn mode_of(official: bool) -> RankingMode {
    if official {
        RankingMode::Official
    } else {
        RankingMode::Provisional
    }
}

/// The current campaign's standings for `period_id` (or cumulative), each
/// block apart or, with `overall`, every unit in one table.
#[server(endpoint = "rankings/get")]
pub async fn get_rankings(
    period_id: Option<Id>,
    official: bool,
    #[server(default)] overall: bool,
) -> Result<Option<RankingView>, ApiError> {
    authorize(GetRankings::PATH).await?;
    let db = super::server::db()?;
    let Some(campaign) = super::server::current_campaign(&db).await? else {
        return Ok(None);
    };
    let input = store::standings::input(&db, campaign.id, super::server::now_local()).await?;
    let scope = match period_id {
        Some(p) if input.periods.iter().any(|x| x.id == p) => domain::Scope::Period(p),
        Some(_) => return Err(ApiError::NotFound.respond()),
        None => domain::Scope::Cumulative,
    };
    Ok(Some(RankingView {
        campaign_id: campaign.id,
        campaign_title: campaign.title,
        standings: if overall {
            domain::overall_standings(&input, "Tất cả đơn vị", scope, mode_of(official))
        } else {
            domain::standings(&input, scope, mode_of(official))
        },
        periods: input.periods,
        tie_breaks: domain::tie_break_descriptions().into_iter().map(String::from).collect(),
        computed_at: Utc::now(),
    }))
}

/// Why a unit stands where it does: each criterion's max, self-score,
/// reviewed score and reason, and the evidence (to those who may read the
/// unit's reports); or, cumulatively, each closed period's total.
#[server(endpoint = "rankings/breakdown")]
pub async fn unit_breakdown(unit_id: Id, period_id: Option<Id>, official: bool) -> Result<BreakdownView, ApiError> {
    let caller = authorize(UnitBreakdown::PATH).await?;
    let me = caller.signed_in()?;
    let db = super::server::db()?;
    let campaign = super::server::current_campaign(&db)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let input = store::standings::input(&db, campaign.id, super::server::now_local()).await?;
    let unit = input
        .units
        .iter()
        .find(|u| u.unit_id == unit_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let mode = mode_of(official);
    let mut out = BreakdownView {
        unit_id,
        unit_name: unit.unit_name.clone(),
        period: None,
        mode,
        breakdown: None,
        lines: vec![],
        period_totals: vec![],
    };
    let Some(period_id) = period_id else {
        out.period_totals = input
            .periods
            .iter()
            .filter(|p| p.closed)
            .map(|p| {
                (
                    p.clone(),
                    domain::unit_period(&input, unit, p.id, mode).map(|b| b.total),
                )
            })
            .collect();
        return Ok(out);
    };
    let period = input
        .periods
        .iter()
        .find(|p| p.id == period_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    out.period = Some(period.clone());
    out.breakdown = domain::unit_period(&input, unit, period_id, mode);
    let report = store::reports::of_unit_period(&db, unit_id, period_id).await?;
    let evidence = match report.as_ref().filter(|_| me.can_read_unit(unit_id)) {
        Some(r) => store::evidence::list(&db, r.id).await?,
        None => vec![],
    };
    out.lines = input
        .sheet
        .criteria
        .iter()
        .filter(|c| c.applies_to.applies(unit.kind) && !c.is_adjustment())
        .map(|c| BreakdownLine {
            code: c.code.clone(),
            name: c.name.clone(),
            review_reason: report
                .as_ref()
                .and_then(|r| r.lines.iter().find(|l| l.code == c.code))
                .and_then(|l| l.review_reason.clone()),
            evidence: evidence
                .iter()
                .filter(|e| e.criterion_code == c.code)
                .cloned()
                .collect(),
        })
        .collect();
    Ok(out)
}
