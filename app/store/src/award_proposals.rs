//! The proposals of an award round: made by rule, added by hand or
//! nominated by units; the council's votes; objections and their answers.

use crate::Result;
use crate::entities::{award_form, award_proposal, block, objection, unit};
use crate::error::{code, count};
use chrono::{DateTime, Utc};
use domain::{AwardLevel, Id, ObjectionView, Proposal, ProposalSource, ProposalStatus, ProposalView, RoundView, Tally};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Replaces the rule-made proposals of a round with `proposals`; those added
/// by hand or nominated by units stay.
pub async fn replace_rule_proposals(
    db: &crate::DatabaseTransaction,
    round: &RoundView,
    proposals: &[Proposal],
    now: DateTime<Utc>,
) -> Result<usize> {
    award_proposal::Entity::delete_many()
        .filter(award_proposal::Column::CampaignId.eq(round.campaign_id))
        .filter(award_proposal::Column::PeriodId.eq(round.period_id))
        .filter(award_proposal::Column::Source.eq(ProposalSource::Rule.code()))
        .exec(db)
        .await?;
    let rows: Vec<award_proposal::ActiveModel> = proposals
        .iter()
        .map(|p| {
            new_row(
                round,
                p.form_id,
                p.unit_id,
                ProposalSource::Rule,
                p.status,
                &p.reason,
                now,
            )
        })
        .collect();
    let n = rows.len();
    crate::db::insert_all(db, rows).await?;
    Ok(n)
}

fn new_row(
    round: &RoundView,
    form_id: Id,
    unit_id: Id,
    source: ProposalSource,
    status: ProposalStatus,
    reason: &str,
    now: DateTime<Utc>,
) -> award_proposal::ActiveModel {
    award_proposal::ActiveModel {
        campaign_id: Set(round.campaign_id),
        period_id: Set(round.period_id),
        award_form_id: Set(form_id),
        unit_id: Set(unit_id),
        individual_name: Set(None),
        achievement: Set(None),
        reason: Set(reason.into()),
        source: Set(source.code().into()),
        status: Set(status.code().into()),
        votes_for: Set(0),
        votes_against: Set(0),
        votes_abstain: Set(0),
        members_present: Set(0),
        created_at: Set(now),
        office_note: Set(None),
        ..Default::default()
    }
}

/// What a person adds to a round by hand: the office's addition, or a unit's nomination.
pub struct NewProposal<'a> {
    pub form_id: Id,
    pub unit_id: Id,
    pub source: ProposalSource,
    pub individual_name: Option<&'a str>,
    pub achievement: Option<&'a str>,
    pub reason: &'a str,
    pub office_note: Option<&'a str>,
}

pub async fn add(db: &impl ConnectionTrait, round: &RoundView, p: NewProposal<'_>, now: DateTime<Utc>) -> Result<Id> {
    let mut row = new_row(
        round,
        p.form_id,
        p.unit_id,
        p.source,
        ProposalStatus::Proposed,
        p.reason,
        now,
    );
    row.individual_name = Set(p.individual_name.map(Into::into));
    row.achievement = Set(p.achievement.map(Into::into));
    row.office_note = Set(p.office_note.map(Into::into));
    Ok(row.insert(db).await?.id)
}

/// The proposal's round key (campaign, period) and status, to check a change against.
pub async fn proposal_key(db: &impl ConnectionTrait, id: Id) -> Result<Option<(Id, Id, ProposalStatus)>> {
    let Some(p) = award_proposal::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some((
        p.campaign_id,
        p.period_id,
        code(&p.status, ProposalStatus::from_code, "proposal status")?,
    )))
}

/// Sets a proposal's status, with the office's note when it is a hand change.
pub async fn set_proposal_status(
    db: &impl ConnectionTrait,
    id: Id,
    status: ProposalStatus,
    office_note: Option<&str>,
) -> Result<()> {
    let mut p: award_proposal::ActiveModel = award_proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| crate::StoreError::NotFound(format!("proposal {id}")))?
        .into();
    p.status = Set(status.code().into());
    if office_note.is_some() {
        p.office_note = Set(office_note.map(Into::into));
    }
    p.update(db).await?;
    Ok(())
}

/// Records the council's votes on a proposal and the result they give.
pub async fn record_votes(db: &impl ConnectionTrait, id: Id, tally: Tally, result: ProposalStatus) -> Result<()> {
    let mut p: award_proposal::ActiveModel = award_proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| crate::StoreError::NotFound(format!("proposal {id}")))?
        .into();
    let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    p.votes_for = Set(n(tally.votes_for));
    p.votes_against = Set(n(tally.against));
    p.votes_abstain = Set(n(tally.abstain));
    p.members_present = Set(n(tally.present));
    p.status = Set(result.code().into());
    p.update(db).await?;
    Ok(())
}

/// The proposals of a round, best ranked block first as the forms are ordered, with objections.
pub async fn proposals(db: &impl ConnectionTrait, campaign_id: Id, period_id: Id) -> Result<Vec<ProposalView>> {
    let rows = award_proposal::Entity::find()
        .filter(award_proposal::Column::CampaignId.eq(campaign_id))
        .filter(award_proposal::Column::PeriodId.eq(period_id))
        .order_by_asc(award_proposal::Column::Id)
        .all(db)
        .await?;
    let forms: HashMap<Id, award_form::Model> = award_form::Entity::find()
        .filter(award_form::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let units: HashMap<Id, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(rows.iter().map(|r| r.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let blocks = block_of_units(db, campaign_id).await?;
    let mut objections: HashMap<Id, Vec<ObjectionView>> = HashMap::new();
    for o in objection::Entity::find()
        .filter(objection::Column::ProposalId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(objection::Column::Id)
        .all(db)
        .await?
    {
        objections.entry(o.proposal_id).or_default().push(ObjectionView {
            id: o.id,
            name: o.name,
            text: o.text,
            answer: o.answer,
            created_at: o.created_at,
        });
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let form = forms.get(&r.award_form_id);
        out.push(ProposalView {
            id: r.id,
            form_id: r.award_form_id,
            form_name: form.map(|f| f.name.clone()).unwrap_or_default(),
            level: match form {
                Some(f) => code(&f.level, AwardLevel::from_code, "award level")?,
                None => AwardLevel::GiayKhen,
            },
            block_name: blocks.get(&r.unit_id).cloned().unwrap_or_default(),
            unit_id: r.unit_id,
            unit_name: units.get(&r.unit_id).map(|u| u.name.clone()).unwrap_or_default(),
            individual_name: r.individual_name,
            achievement: r.achievement,
            reason: r.reason,
            source: code(&r.source, ProposalSource::from_code, "proposal source")?,
            status: code(&r.status, ProposalStatus::from_code, "proposal status")?,
            tally: Tally {
                votes_for: count(r.votes_for, "votes_for")?,
                against: count(r.votes_against, "votes_against")?,
                abstain: count(r.votes_abstain, "votes_abstain")?,
                present: count(r.members_present, "members_present")?,
            },
            office_note: r.office_note,
            objections: objections.remove(&r.id).unwrap_or_default(),
        });
    }
    Ok(out)
}

pub async fn add_objection(
    db: &impl ConnectionTrait,
    proposal_id: Id,
    name: &str,
    contact: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Id> {
    let row = objection::ActiveModel {
        proposal_id: Set(proposal_id),
        name: Set(name.into()),
        contact: Set(contact.into()),
        text: Set(text.into()),
        answer: Set(None),
        answered_by: Set(None),
        created_at: Set(now),
        answered_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Answers an objection; returns its proposal, or `None` if there is no such objection.
pub async fn answer_objection(
    db: &impl ConnectionTrait,
    id: Id,
    answer: &str,
    user_id: Id,
    now: DateTime<Utc>,
) -> Result<Option<Id>> {
    let Some(o) = objection::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let proposal = o.proposal_id;
    let mut o: objection::ActiveModel = o.into();
    o.answer = Set(Some(answer.into()));
    o.answered_by = Set(Some(user_id));
    o.answered_at = Set(Some(now));
    o.update(db).await?;
    Ok(Some(proposal))
}

/// Each block's name by unit, for the campaign's registered units.
async fn block_of_units(db: &impl ConnectionTrait, campaign_id: Id) -> Result<HashMap<Id, String>> {
    let blocks: HashMap<Id, String> = block::Entity::find()
        .filter(block::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let regs = crate::entities::registration::Entity::find()
        .filter(crate::entities::registration::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?;
    Ok(regs
        .into_iter()
        .filter_map(|r| blocks.get(&r.block_id).map(|b| (r.unit_id, b.clone())))
        .collect())
}

/// The areas (communes) with a particularly serious accident between two
/// instants: a unit whose area it is cannot be proposed where a form says so.
pub async fn areas_with_serious_accident(
    db: &impl ConnectionTrait,
    committee_id: Id,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    deaths_threshold: u32,
) -> Result<std::collections::HashSet<Id>> {
    use crate::entities::accident;
    let rows = accident::Entity::find()
        .filter(accident::Column::CommitteeId.eq(committee_id))
        .filter(accident::Column::DeletedAt.is_null())
        .filter(accident::Column::OccurredAt.between(from, to))
        .all(db)
        .await?;
    let threshold = i32::try_from(deaths_threshold).unwrap_or(i32::MAX);
    Ok(rows
        .into_iter()
        .filter(|a| a.marked_serious || a.deaths >= threshold)
        .map(|a| a.commune_unit_id)
        .collect())
}

/// The proposal an objection is about.
pub async fn objection_proposal(db: &impl ConnectionTrait, objection_id: Id) -> Result<Option<Id>> {
    Ok(objection::Entity::find_by_id(objection_id)
        .one(db)
        .await?
        .map(|o| o.proposal_id))
}
