//! The approved list made public before the decision (the law's publication
//! window, in working days), objections from anyone and the office's
//! answers, and the decision that closes the round.

use super::ApiError;
use chrono::NaiveDate;
use domain::{Id, ProposalView, RoundView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, super::award_support as run, leptos::server_fn::ServerFn};

/// The office publishes the council's approved list; from today the window runs.
#[server(endpoint = "awards/publish")]
pub async fn publish_awards(period_id: Id) -> Result<NaiveDate, ApiError> {
    let caller = authorize(PublishAwards::PATH).await?;
    let ctx = run::round(period_id, domain::RoundAction::Publish).await?;
    let list = store::award_proposals::proposals(&ctx.db, ctx.campaign.id, period_id).await?;
    let undecided = list
        .iter()
        .filter(|p| p.status == domain::ProposalStatus::Proposed)
        .count();
    domain::check_publish(undecided).map_err(run::invalid)?;
    let approved = list
        .iter()
        .filter(|p| p.status == domain::ProposalStatus::Approved)
        .count();
    let today = super::server::today_local();
    let txn = store::begin_write(&ctx.db).await?;
    let now = chrono::Utc::now();
    store::awards::set_status(&txn, ctx.round.id, domain::RoundStatus::Published, Some(today), now).await?;
    let note = format!(
        "{approved} đề nghị được Hội đồng thông qua, công khai từ {}",
        today.format("%d/%m/%Y")
    );
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_list_published",
        ("award_round", Some(ctx.round.id)),
        note,
    )
    .await?;
    Ok(today)
}

/// What the public page shows of a campaign's awards: each published or
/// decided round's approved list, with its objections' answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicAwardList {
    pub round: RoundView,
    pub approved: Vec<ProposalView>,
    pub decisions: Vec<domain::DecisionView>,
}

impl PublicAwardList {
    /// Who the honour roll names from this list (see `domain::awarded`).
    pub fn awarded(&self) -> Vec<(ProposalView, domain::DecisionView)> {
        domain::awarded(self.round.status, &self.approved, &self.decisions)
    }
}

/// Anyone may object to a proposal on a published list, with a name, a way
/// to reach them and what they object to.
///
/// The public page sends it as a plain form (it works without JavaScript):
/// the answer is then a redirect back to the page, saying how it went.
#[server(endpoint = "awards/object")]
pub async fn file_objection(proposal_id: Id, name: String, contact: String, text: String) -> Result<Id, ApiError> {
    let result = objection(proposal_id, name, contact, text).await;
    if let Some(back) = plain_form_referer().await {
        let outcome = if result.is_ok() { "da-gui" } else { "loi" };
        leptos_axum::redirect(&format!("{back}?phan-anh={outcome}#khen-thuong"));
    }
    result
}

/// The page a plain form was sent from (its path on this site), if it was one.
#[cfg(feature = "ssr")]
async fn plain_form_referer() -> Option<String> {
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.ok()?;
    let accepts_html = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let referer = headers.get(axum::http::header::REFERER)?.to_str().ok()?;
    let path = referer
        .split_once("://")
        .map_or(referer, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or("/");
    (accepts_html && path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

#[cfg(feature = "ssr")]
async fn objection(proposal_id: Id, name: String, contact: String, text: String) -> Result<Id, ApiError> {
    let caller = authorize(FileObjection::PATH).await?;
    // Anyone may object, so the sign-in limits (per address, and per proposal
    // as if it were an account) hold back a flood.
    if let (Some(throttle), Some(ip)) = (use_context::<crate::auth::Throttle>(), caller.ip)
        && !throttle.allow(&format!("objection#{proposal_id}"), ip)
    {
        return Err(ApiError::Throttled.respond());
    }
    let ctx = run::round_of_proposal(proposal_id, domain::RoundAction::Object).await?;
    let (_, _, status) = store::award_proposals::proposal_key(&ctx.db, proposal_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    if status != domain::ProposalStatus::Approved {
        return Err(ApiError::NotFound.respond());
    }
    let name = run::text(&name, "họ và tên", 120)?;
    let contact = run::text(&contact, "số điện thoại hoặc địa chỉ liên hệ", 200)?;
    let text = run::text(&text, "nội dung phản ánh", 4000)?;
    let txn = store::begin_write(&ctx.db).await?;
    let id =
        store::award_proposals::add_objection(&txn, proposal_id, &name, &contact, &text, chrono::Utc::now()).await?;
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_objection_filed",
        ("objection", Some(id)),
        text,
    )
    .await?;
    Ok(id)
}

/// The office answers an objection; the answer is public with it.
#[server(endpoint = "awards/answer")]
pub async fn answer_objection(objection_id: Id, answer: String) -> Result<(), ApiError> {
    let caller = authorize(AnswerObjection::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let proposal_id = store::award_proposals::objection_proposal(&db, objection_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let ctx = run::round_of_proposal(proposal_id, domain::RoundAction::AnswerObjection).await?;
    let answer = run::text(&answer, "câu trả lời", 4000)?;
    let txn = store::begin_write(&ctx.db).await?;
    store::award_proposals::answer_objection(&txn, objection_id, &answer, me.user_id, chrono::Utc::now()).await?;
    run::finish(
        txn,
        &caller,
        &ctx,
        "award_objection_answered",
        ("objection", Some(objection_id)),
        answer,
    )
    .await
}

/// Records the decision on one award form (its number and signing date)
/// once the list has been public for the campaign's working days and every
/// objection is answered; the round is decided when every form with an
/// approved proposal has its decision.
#[server(endpoint = "awards/decide")]
pub async fn record_decision(period_id: Id, form_id: Id, number: String, signed_on: String) -> Result<(), ApiError> {
    let caller = authorize(RecordDecision::PATH).await?;
    let me = caller.signed_in()?.clone();
    let ctx = run::round(period_id, domain::RoundAction::Decide).await?;
    let number = run::text(&number, "số quyết định", 60)?;
    let signed_on = NaiveDate::parse_from_str(signed_on.trim(), "%Y-%m-%d")
        .map_err(|_| run::invalid("Ngày ký quyết định không hợp lệ."))?;
    let published_on = ctx
        .round
        .published_on
        .ok_or_else(|| run::invalid("Danh sách chưa được công khai."))?;
    let list = store::award_proposals::proposals(&ctx.db, ctx.campaign.id, period_id).await?;
    let approved: Vec<&ProposalView> = list
        .iter()
        .filter(|p| p.status == domain::ProposalStatus::Approved)
        .collect();
    if !approved.iter().any(|p| p.form_id == form_id) {
        return Err(run::invalid(
            "Không có đề nghị nào được thông qua cho hình thức khen thưởng này.",
        ));
    }
    let open = approved
        .iter()
        .flat_map(|p| &p.objections)
        .filter(|o| o.answer.is_none())
        .count();
    let cal = store::awards::calendar(&ctx.db, ctx.campaign.committee_id).await?;
    let days = ctx.campaign.publish_days;
    domain::check_decide(published_on, signed_on, days, &cal, open).map_err(run::invalid)?;
    let until = cal
        .decision_earliest(published_on, days)
        .pred_opt()
        .unwrap_or(published_on);
    let now = chrono::Utc::now();
    let txn = store::begin_write(&ctx.db).await?;
    let d = store::awards::NewDecision {
        campaign_id: ctx.campaign.id,
        round_id: ctx.round.id,
        form_id,
        number: &number,
        signed_on,
        published_from: published_on,
        publish_until: until,
        created_by: me.user_id,
    };
    let id = store::awards::record_decision(&txn, d, now).await?;
    let decided = store::awards::decided_forms(&txn, ctx.round.id).await?;
    if domain::round_decided(&list, &decided) {
        store::awards::set_status(&txn, ctx.round.id, domain::RoundStatus::Decided, None, now).await?;
    }
    let note = format!("Quyết định số {number} ngày {}", signed_on.format("%d/%m/%Y"));
    run::finish(txn, &caller, &ctx, "award_decided", ("award_decision", Some(id)), note).await
}

/// The campaign's public award lists (at `slug`, or the current campaign).
#[server(endpoint = "public/awards")]
pub async fn public_awards(slug: Option<String>) -> Result<Vec<PublicAwardList>, ApiError> {
    authorize(PublicAwards::PATH).await?;
    let db = super::server::db()?;
    let campaign = match slug {
        Some(s) => store::campaigns::by_slug(&db, &s).await?,
        None => super::server::current_campaign(&db).await?,
    };
    let Some(c) = campaign else { return Ok(Vec::new()) };
    public_awards_of(&db, &c).await
}

/// [`public_awards`] for the live hub and the public page.
#[cfg(feature = "ssr")]
pub async fn public_awards_of(
    db: &store::DatabaseConnection,
    c: &domain::CampaignInfo,
) -> Result<Vec<PublicAwardList>, ApiError> {
    let cal = store::awards::calendar(db, c.committee_id).await?;
    let decisions = store::awards::decisions(db, c.id).await?;
    let mut out = Vec::new();
    for round in store::awards::rounds(db, c.id, c.publish_days, &cal).await? {
        if !matches!(
            round.status,
            domain::RoundStatus::Published | domain::RoundStatus::Decided
        ) {
            continue;
        }
        let mut approved = store::award_proposals::proposals(db, c.id, round.period_id).await?;
        approved.retain(|p| p.status == domain::ProposalStatus::Approved);
        for p in &mut approved {
            // Who objected is for the office; the public sees what and the answer.
            for o in &mut p.objections {
                o.name.clear();
            }
        }
        let decisions = decisions
            .iter()
            .filter(|d| d.round_id == Some(round.id))
            .cloned()
            .collect();
        out.push(PublicAwardList {
            round,
            approved,
            decisions,
        });
    }
    Ok(out)
}
