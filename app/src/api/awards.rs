//! Awards at the mid-term and final reviews: the standing office makes the
//! proposals from the published official ranking and edits them with a
//! reason, units nominate individuals, the council votes, the office
//! publishes the approved list, answers objections and records the decision.
//! Which step allows what is `domain::award_round`'s rule.

use super::ApiError;
use domain::{Id, ProposalView, RoundView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

/// A review period (mid-term or final) that can hold an award round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub period_id: Id,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardsView {
    pub campaign_id: Id,
    pub reviews: Vec<Review>,
    pub period_id: Option<Id>,
    pub round: Option<RoundView>,
    /// Unit staff see their own unit's proposals only.
    pub proposals: Vec<ProposalView>,
    /// The campaign's award forms: (id, name).
    pub forms: Vec<(Id, String)>,
    pub publish_days: u32,
    /// The committee's public holidays from the campaign's start on.
    pub holidays: Vec<domain::Holiday>,
}

/// The round of the review `period_id` (default: the latest review that has
/// begun, else the first) of the current campaign.
#[server(endpoint = "awards/page")]
pub async fn awards_page(period_id: Option<Id>) -> Result<Option<AwardsView>, ApiError> {
    let caller = authorize(AwardsPage::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let Some(c) = super::server::current_campaign(&db).await? else {
        return Ok(None);
    };
    let today = super::server::today_local();
    let reviews: Vec<store::periods::Period> = store::periods::list(&db, c.id)
        .await?
        .into_iter()
        .filter(|p| p.kind != domain::PeriodKind::Monthly)
        .collect();
    let chosen = period_id
        .filter(|id| reviews.iter().any(|p| p.id == *id))
        .or_else(|| reviews.iter().rev().find(|p| p.starts_on <= today).map(|p| p.id))
        .or_else(|| reviews.first().map(|p| p.id));
    let publish_days = c.publish_days;
    let (round, mut proposals) = match chosen {
        Some(pid) => {
            let cal = store::awards::calendar(&db, c.committee_id).await?;
            let round = store::awards::round(&db, c.id, pid, publish_days, &cal).await?;
            (round, store::award_proposals::proposals(&db, c.id, pid).await?)
        }
        None => (None, Vec::new()),
    };
    let sees_all = me.has_any(super::access::CAMPAIGN_READERS);
    if !sees_all {
        proposals.retain(|p| Some(p.unit_id) == me.unit_id);
    }
    let forms = store::awards::forms(&db, c.id)
        .await?
        .into_iter()
        .map(|(r, name)| (r.form_id, name))
        .collect();
    Ok(Some(AwardsView {
        campaign_id: c.id,
        reviews: reviews
            .iter()
            .map(|p| Review {
                period_id: p.id,
                name: p.name.clone(),
            })
            .collect(),
        period_id: chosen,
        round,
        proposals,
        forms,
        publish_days,
        holidays: store::award_settings::holidays(&db, c.committee_id, c.starts_on).await?,
    }))
}
