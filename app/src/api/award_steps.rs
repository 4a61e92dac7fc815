//! The steps of an award round, each a server function: check access, check
//! the step with the domain, write in one transaction with its audit line.

use super::ApiError;
use domain::Id;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::access::authorize, super::award_support as run, leptos::server_fn::ServerFn};

/// Opens the round of a review if needed and makes its proposals from the
/// latest published official ranking by the campaign's award forms; returns
/// how many were made. Proposals added by hand or nominated stay.
#[server(endpoint = "awards/generate")]
pub async fn generate_proposals(period_id: Id) -> Result<usize, ApiError> {
    let caller = authorize(GenerateProposals::PATH).await?;
    let db = super::server::db()?;
    let campaign = run::current_campaign(&db).await?;
    let is_review = store::periods::list(&db, campaign.id)
        .await?
        .iter()
        .any(|p| p.id == period_id && p.kind != domain::PeriodKind::Monthly);
    if !is_review {
        return Err(run::invalid("Chỉ xét khen thưởng ở kỳ sơ kết hoặc tổng kết."));
    }
    let now = chrono::Utc::now();
    let txn = store::begin_write(&db).await?;
    store::awards::open_round(&txn, campaign.id, period_id, now).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    let ctx = run::round(period_id, domain::RoundAction::Generate).await?;
    let published = store::publications::latest(&db, campaign.id).await?.ok_or_else(|| {
        run::invalid("Chưa công bố kết quả xếp hạng chính thức: công bố trước rồi mới xét khen thưởng.")
    })?;
    let rules: Vec<domain::AwardRule> = store::awards::forms(&db, campaign.id)
        .await?
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let from = {
        use chrono::TimeZone;
        let midnight = campaign.starts_on.and_hms_opt(0, 0, 0).unwrap_or_default();
        chrono_tz::Asia::Ho_Chi_Minh
            .from_local_datetime(&midnight)
            .earliest()
            .map_or(now, |t| t.with_timezone(&chrono::Utc))
    };
    let serious = store::award_proposals::areas_with_serious_accident(
        &db,
        campaign.committee_id,
        from,
        now,
        campaign.serious_deaths_threshold,
    )
    .await?;
    let blocks: Vec<domain::BlockRanking> = published.standings.tables.iter().map(Into::into).collect();
    let made = domain::propose(&blocks, &rules, |unit| serious.contains(&unit));
    let txn = store::begin_write(&db).await?;
    let n = store::award_proposals::replace_rule_proposals(&txn, &ctx.round, &made, now).await?;
    let note = format!("{n} đề nghị theo kết quả công bố đến hết {}", published.through.name);
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_proposals_made",
        ("award_round", Some(ctx.round.id)),
        note,
    )
    .await?;
    Ok(n)
}

/// The office adds a unit (or a person in it) to the list by hand, with the reason.
#[server(endpoint = "awards/add")]
pub async fn add_proposal(period_id: Id, form_id: Id, unit_id: Id, reason: String) -> Result<Id, ApiError> {
    let caller = authorize(AddProposal::PATH).await?;
    let ctx = run::round(period_id, domain::RoundAction::EditProposals).await?;
    let reason = run::text(&reason, "lý do đề nghị", 1000)?;
    check_form_and_unit(&ctx, form_id, unit_id).await?;
    let txn = store::begin_write(&ctx.db).await?;
    let new = store::award_proposals::NewProposal {
        form_id,
        unit_id,
        source: domain::ProposalSource::Manual,
        individual_name: None,
        achievement: None,
        reason: &reason,
        office_note: Some(&reason),
    };
    let id = store::award_proposals::add(&txn, &ctx.round, new, chrono::Utc::now()).await?;
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_proposal_added",
        ("award_proposal", Some(id)),
        reason,
    )
    .await?;
    Ok(id)
}

/// The office takes a proposal off the list, with the reason; it stays on record.
#[server(endpoint = "awards/remove")]
pub async fn remove_proposal(proposal_id: Id, reason: String) -> Result<(), ApiError> {
    let caller = authorize(RemoveProposal::PATH).await?;
    let ctx = run::round_of_proposal(proposal_id, domain::RoundAction::EditProposals).await?;
    let reason = run::text(&reason, "lý do đưa ra khỏi danh sách", 1000)?;
    let txn = store::begin_write(&ctx.db).await?;
    store::award_proposals::set_proposal_status(&txn, proposal_id, domain::ProposalStatus::Removed, Some(&reason))
        .await?;
    let entity = ("award_proposal", Some(proposal_id));
    run::finish(txn, &caller, &ctx, "award_proposal_removed", entity, reason).await
}

/// A unit's staff nominate a person of their own unit, with a short account of the achievement.
#[server(endpoint = "awards/nominate")]
pub async fn nominate(
    period_id: Id,
    form_id: Id,
    individual_name: String,
    achievement: String,
) -> Result<Id, ApiError> {
    let caller = authorize(Nominate::PATH).await?;
    let unit_id = caller.own_unit()?;
    let ctx = run::round(period_id, domain::RoundAction::EditProposals).await?;
    let name = run::text(&individual_name, "họ và tên người được đề nghị", 120)?;
    let achievement = run::text(&achievement, "tóm tắt thành tích", 2000)?;
    check_form_and_unit(&ctx, form_id, unit_id).await?;
    let txn = store::begin_write(&ctx.db).await?;
    let new = store::award_proposals::NewProposal {
        form_id,
        unit_id,
        source: domain::ProposalSource::Nomination,
        individual_name: Some(&name),
        achievement: Some(&achievement),
        reason: "Đơn vị đề nghị khen thưởng cá nhân",
        office_note: None,
    };
    let id = store::award_proposals::add(&txn, &ctx.round, new, chrono::Utc::now()).await?;
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_nominated",
        ("award_proposal", Some(id)),
        name,
    )
    .await?;
    Ok(id)
}

#[cfg(feature = "ssr")]
async fn check_form_and_unit(ctx: &run::Ctx, form_id: Id, unit_id: Id) -> Result<(), ApiError> {
    let forms = store::awards::forms(&ctx.db, ctx.campaign.id).await?;
    if !forms.iter().any(|(r, _)| r.form_id == form_id) {
        return Err(run::invalid("Hình thức khen thưởng không thuộc phong trào này."));
    }
    let registered = store::completeness::row_of(&ctx.db, ctx.campaign.id, unit_id, super::server::now_local())
        .await?
        .is_some();
    if !registered {
        return Err(run::invalid("Đơn vị chưa đăng ký tham gia phong trào này."));
    }
    Ok(())
}

/// The office hands the list to the council.
#[server(endpoint = "awards/open_voting")]
pub async fn open_voting(period_id: Id) -> Result<(), ApiError> {
    let caller = authorize(OpenVoting::PATH).await?;
    let ctx = run::round(period_id, domain::RoundAction::OpenVoting).await?;
    let txn = store::begin_write(&ctx.db).await?;
    let now = chrono::Utc::now();
    store::awards::set_status(&txn, ctx.round.id, domain::RoundStatus::Voting, None, now).await?;
    let entity = ("award_round", Some(ctx.round.id));
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_voting_opened",
        entity,
        ctx.round.period_name.clone(),
    )
    .await
}

/// The council records one proposal's votes; the result follows the campaign's threshold.
#[server(endpoint = "awards/vote")]
pub async fn record_votes(
    proposal_id: Id,
    votes_for: u32,
    against: u32,
    abstain: u32,
    present: u32,
) -> Result<domain::ProposalStatus, ApiError> {
    let caller = authorize(RecordVotes::PATH).await?;
    let ctx = run::round_of_proposal(proposal_id, domain::RoundAction::Vote).await?;
    let (_, _, status) = store::award_proposals::proposal_key(&ctx.db, proposal_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    if status == domain::ProposalStatus::Removed {
        return Err(run::invalid("Đề nghị này đã được đưa ra khỏi danh sách."));
    }
    let tally = domain::Tally {
        votes_for,
        against,
        abstain,
        present,
    };
    tally.check().map_err(run::invalid)?;
    let result = if tally.approves(ctx.round.vote_threshold_pct) {
        domain::ProposalStatus::Approved
    } else {
        domain::ProposalStatus::Rejected
    };
    let txn = store::begin_write(&ctx.db).await?;
    store::award_proposals::record_votes(&txn, proposal_id, tally, result).await?;
    let note = format!(
        "{votes_for} tán thành, {against} không tán thành, {abstain} không biểu quyết / {present} có mặt: {result}"
    );
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_votes_recorded",
        ("award_proposal", Some(proposal_id)),
        note,
    )
    .await?;
    Ok(result)
}
