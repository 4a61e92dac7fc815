//! What every step of an award round does first and last: find the round
//! and check the step allows the action; validate a text; audit and commit.

use super::{ApiError, access::Caller, server};
use domain::{CampaignInfo, Id, RoundAction, RoundView};

pub struct Ctx {
    pub db: store::DatabaseConnection,
    pub campaign: CampaignInfo,
    pub round: RoundView,
}

/// The current campaign, or "not found".
pub async fn current_campaign(db: &store::DatabaseConnection) -> Result<CampaignInfo, ApiError> {
    super::server::current_campaign(db)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())
}

/// The current campaign's round of `period_id`, checked to allow `action`.
pub async fn round(period_id: Id, action: RoundAction) -> Result<Ctx, ApiError> {
    let db = server::db()?;
    let campaign = current_campaign(&db).await?;
    let cal = store::awards::calendar(&db, campaign.committee_id).await?;
    let round = store::awards::round(&db, campaign.id, period_id, campaign.publish_days, &cal)
        .await?
        .ok_or_else(|| ApiError::Invalid("Chưa mở đợt khen thưởng cho kỳ sơ kết, tổng kết này.".into()).respond())?;
    round.status.allows(action).map_err(invalid)?;
    Ok(Ctx { db, campaign, round })
}

/// The round a proposal belongs to, checked to allow `action`.
pub async fn round_of_proposal(proposal_id: Id, action: RoundAction) -> Result<Ctx, ApiError> {
    let db = server::db()?;
    let (campaign_id, period_id, _) = store::award_proposals::proposal_key(&db, proposal_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let ctx = round(period_id, action).await?;
    if ctx.campaign.id != campaign_id {
        return Err(ApiError::NotFound.respond());
    }
    Ok(ctx)
}

pub fn invalid(e: impl std::fmt::Display) -> ApiError {
    ApiError::Invalid(e.to_string()).respond()
}

/// A required text: trimmed, not empty, not longer than `max` characters.
pub fn text(value: &str, what: &str, max: usize) -> Result<String, ApiError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(invalid(format!("Cần nhập {what}.")));
    }
    if v.chars().count() > max {
        return Err(invalid(format!("{what} dài quá {max} ký tự.")));
    }
    Ok(v.to_string())
}

/// Writes the audit line and commits; the pages showing the round move.
pub async fn finish(
    txn: store::DatabaseTransaction,
    caller: &Caller,
    ctx: &Ctx,
    action: &str,
    entity: (&str, Option<Id>),
    new_value: String,
) -> Result<(), ApiError> {
    let mut e = caller.audit(action, entity.0, entity.1);
    e.new_value = Some(new_value);
    server::commit_audited(txn, ctx.campaign.id, e).await
}
