//! Award rounds and their calendar, award forms and decisions. The rules
//! (who qualifies, which step allows what) are the domain's; this module
//! reads and writes, each write inside the caller's transaction. The
//! proposals themselves, their votes and objections: [`crate::award_proposals`].

use crate::Result;
use crate::entities::{award_decision, award_form, award_round, holiday, period};
use crate::error::{code, count};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{AwardLevel, AwardRule, DecisionView, Id, RoundStatus, RoundView, WorkCalendar};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A campaign's award forms, as rules in the order they are tried, with their names.
pub async fn forms(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<(AwardRule, String)>> {
    let rows = award_form::Entity::find()
        .filter(award_form::Column::CampaignId.eq(campaign_id))
        .order_by_asc(award_form::Column::SortOrder)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|f| {
            let rule = AwardRule {
                form_id: f.id,
                level: code(&f.level, AwardLevel::from_code, "award level")?,
                min_score: f.min_score,
                max_rank: f.max_rank.map(|r| count(r, "max_rank")).transpose()?,
                quota: f.quota.map(|q| count(q, "quota")).transpose()?,
                excluded_by_serious_accident: f.excludes_serious,
            };
            Ok((rule, f.name))
        })
        .collect()
}

/// The committee's working calendar: Saturday and Sunday off, and its holidays.
pub async fn calendar(db: &impl ConnectionTrait, committee_id: Id) -> Result<WorkCalendar> {
    let holidays = holiday::Entity::find()
        .filter(holiday::Column::CommitteeId.eq(committee_id))
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.day)
        .collect();
    Ok(WorkCalendar {
        holidays,
        ..WorkCalendar::default()
    })
}

/// The round of one review period, if it was opened.
pub async fn round(
    db: &impl ConnectionTrait,
    campaign_id: Id,
    period_id: Id,
    publish_days: u32,
    calendar: &WorkCalendar,
) -> Result<Option<RoundView>> {
    let row = award_round::Entity::find()
        .filter(award_round::Column::CampaignId.eq(campaign_id))
        .filter(award_round::Column::PeriodId.eq(period_id))
        .find_also_related(period::Entity)
        .one(db)
        .await?;
    row.map(|(r, p)| view(r, p, publish_days, calendar)).transpose()
}

fn view(
    r: award_round::Model,
    p: Option<period::Model>,
    publish_days: u32,
    calendar: &WorkCalendar,
) -> Result<RoundView> {
    Ok(RoundView {
        id: r.id,
        campaign_id: r.campaign_id,
        period_id: r.period_id,
        period_name: p.map(|p| p.name).unwrap_or_default(),
        status: code(&r.status, RoundStatus::from_code, "round status")?,
        vote_threshold_pct: count(r.vote_threshold_pct, "vote_threshold_pct")?,
        published_on: r.published_on,
        decision_earliest: r.published_on.map(|d| calendar.decision_earliest(d, publish_days)),
    })
}

/// Opens the round of a review period (proposing), or returns the open one.
pub async fn open_round(db: &impl ConnectionTrait, campaign_id: Id, period_id: Id, now: DateTime<Utc>) -> Result<Id> {
    if let Some(r) = award_round::Entity::find()
        .filter(award_round::Column::CampaignId.eq(campaign_id))
        .filter(award_round::Column::PeriodId.eq(period_id))
        .one(db)
        .await?
    {
        return Ok(r.id);
    }
    let row = award_round::ActiveModel {
        campaign_id: Set(campaign_id),
        period_id: Set(period_id),
        status: Set(RoundStatus::Proposing.code().into()),
        vote_threshold_pct: Set(50),
        published_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Moves a round to `status` (the caller checked the step with the domain).
pub async fn set_status(
    db: &impl ConnectionTrait,
    round_id: Id,
    status: RoundStatus,
    published_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut r: award_round::ActiveModel = award_round::Entity::find_by_id(round_id)
        .one(db)
        .await?
        .ok_or_else(|| crate::StoreError::NotFound(format!("award round {round_id}")))?
        .into();
    r.status = Set(status.code().into());
    if published_on.is_some() {
        r.published_on = Set(published_on);
    }
    r.updated_at = Set(now);
    r.update(db).await?;
    Ok(())
}

/// The decision on one award form of a round.
pub struct NewDecision<'a> {
    pub campaign_id: Id,
    pub round_id: Id,
    pub form_id: Id,
    pub number: &'a str,
    pub signed_on: NaiveDate,
    pub published_from: NaiveDate,
    pub publish_until: NaiveDate,
    pub created_by: Id,
}

pub async fn record_decision(db: &impl ConnectionTrait, d: NewDecision<'_>, now: DateTime<Utc>) -> Result<Id> {
    let row = award_decision::ActiveModel {
        campaign_id: Set(d.campaign_id),
        round_id: Set(Some(d.round_id)),
        award_form_id: Set(d.form_id),
        number: Set(d.number.into()),
        signed_on: Set(d.signed_on),
        published_from: Set(Some(d.published_from)),
        publish_until: Set(Some(d.publish_until)),
        created_by: Set(d.created_by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Every round of a campaign, in the order of their review periods.
pub async fn rounds(
    db: &impl ConnectionTrait,
    campaign_id: Id,
    publish_days: u32,
    calendar: &WorkCalendar,
) -> Result<Vec<RoundView>> {
    award_round::Entity::find()
        .filter(award_round::Column::CampaignId.eq(campaign_id))
        .order_by_asc(award_round::Column::PeriodId)
        .find_also_related(period::Entity)
        .all(db)
        .await?
        .into_iter()
        .map(|(r, p)| view(r, p, publish_days, calendar))
        .collect()
}

/// The award forms of a round that have a recorded decision.
pub async fn decided_forms(db: &impl ConnectionTrait, round_id: Id) -> Result<std::collections::HashSet<Id>> {
    let rows = award_decision::Entity::find()
        .filter(award_decision::Column::RoundId.eq(round_id))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|d| d.award_form_id).collect())
}

/// A campaign's recorded decisions, oldest first.
pub async fn decisions(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<DecisionView>> {
    let rows = award_decision::Entity::find()
        .filter(award_decision::Column::CampaignId.eq(campaign_id))
        .order_by_asc(award_decision::Column::Id)
        .find_also_related(award_form::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(d, f)| DecisionView {
            round_id: d.round_id,
            form_id: d.award_form_id,
            form_name: f.map(|f| f.name).unwrap_or_default(),
            number: d.number,
            signed_on: d.signed_on,
        })
        .collect())
}
