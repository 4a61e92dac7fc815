//! The campaign and its frame: committees, units, blocks, registrations
//! with pledges, the scoring sheet, periods, award forms, commendations.

use super::rng::Rng;
use super::{insert_all, utc_of};
use crate::Result;
use crate::demo_data::{self as data, DemoUnit};
use crate::entities::*;
use crate::time::local;
use chrono::{Duration, NaiveDateTime};
use domain::{
    Activity, CampaignStatus, CommitteeLevel, Criterion, PeriodKind, PeriodRule, RegistrationStatus, UnitKind,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction};

pub struct SeededUnit {
    pub id: i64,
    pub kind: UnitKind,
    pub pledges: Vec<(Activity, i64)>,
}

pub struct SeededPeriod {
    pub id: i64,
    pub kind: PeriodKind,
    /// Local wall time, as the plan states deadlines.
    pub deadline: NaiveDateTime,
}

pub struct Seeded {
    pub committee_id: i64,
    pub campaign_id: i64,
    /// The 27 units of the three blocks, block by block.
    pub units: Vec<SeededUnit>,
    /// The town and the eight communes, in the order of `demo_data`.
    pub territories: Vec<i64>,
    pub periods: Vec<SeededPeriod>,
    pub criteria: Vec<(i64, Criterion)>,
}

pub async fn frame(txn: &DatabaseTransaction, rng: &mut Rng) -> Result<Seeded> {
    let province = committee::ActiveModel {
        name: Set(data::PROVINCE_COMMITTEE.into()),
        level: Set(CommitteeLevel::Province.code().into()),
        parent_id: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let committee = committee::ActiveModel {
        name: Set(data::DISTRICT_COMMITTEE.into()),
        level: Set(CommitteeLevel::District.code().into()),
        parent_id: Set(Some(province.id)),
        ..Default::default()
    }
    .insert(txn)
    .await?;

    let campaign = campaign::ActiveModel {
        committee_id: Set(committee.id),
        slug: Set(data::SLUG.into()),
        plan_number: Set(data::PLAN_NUMBER.into()),
        title: Set(data::TITLE.into()),
        theme: Set(data::THEME.into()),
        starts_on: Set(data::starts_on()),
        ends_on: Set(data::ends_on()),
        baseline_year: Set(data::BASELINE_YEAR),
        status: Set(CampaignStatus::Open.code().into()),
        period_rule: Set(PeriodRule::GovernmentMonth.code().into()),
        serious_deaths_threshold: Set(data::SERIOUS_DEATHS as i32),
        deadline_days: Set(data::DEADLINE_DAYS as i32),
        publish_days: Set(data::PUBLISH_DAYS),
        is_demo: Set(true),
        plan_document_id: Set(None),
        created_at: Set(local(2024, 7, 5, 8, 0)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let targets = domain::default_targets().into_iter().map(|t| target::ActiveModel {
        campaign_id: Set(campaign.id),
        measure: Set(t.measure.code().into()),
        goal: Set(t.goal.code().into()),
        ..Default::default()
    });
    insert_all(txn, targets.collect()).await?;

    let district = new_unit(
        txn,
        committee.id,
        None,
        data::DISTRICT_UNIT.0,
        data::DISTRICT_UNIT.1,
        UnitKind::District,
    )
    .await?;
    let mut units = Vec::new();
    let mut territories = Vec::new();
    for (b, block) in data::BLOCKS.iter().enumerate() {
        let block_row = block::ActiveModel {
            campaign_id: Set(campaign.id),
            name: Set(block.name.into()),
            sort_order: Set(b as i32 + 1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        for DemoUnit { name, short_name, kind } in block.units {
            let parent = kind.has_territory().then_some(district);
            let id = new_unit(txn, committee.id, parent, name, short_name, *kind).await?;
            if kind.has_territory() {
                territories.push(id);
            }
            let pledges = register(txn, rng, campaign.id, id, block_row.id, *kind).await?;
            units.push(SeededUnit {
                id,
                kind: *kind,
                pledges,
            });
        }
    }

    let criteria = sheet(txn, campaign.id).await?;
    let periods = periods(txn, campaign.id).await?;
    awards_and_praise(txn, campaign.id, &units).await?;
    Ok(Seeded {
        committee_id: committee.id,
        campaign_id: campaign.id,
        units,
        territories,
        periods,
        criteria,
    })
}

async fn new_unit(
    txn: &DatabaseTransaction,
    committee_id: i64,
    parent_id: Option<i64>,
    name: &str,
    short_name: &str,
    kind: UnitKind,
) -> Result<i64> {
    let row = unit::ActiveModel {
        committee_id: Set(committee_id),
        parent_id: Set(parent_id),
        name: Set(name.into()),
        short_name: Set(short_name.into()),
        kind: Set(kind.code().into()),
        nominated_by_unit_id: Set(None),
        retired_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

/// Registers the unit in its block, confirmed by the standing office a day
/// or two later, with a pledge for each activity it reports.
async fn register(
    txn: &DatabaseTransaction,
    rng: &mut Rng,
    campaign_id: i64,
    unit_id: i64,
    block_id: i64,
    kind: UnitKind,
) -> Result<Vec<(Activity, i64)>> {
    let registered_at =
        local(2024, 7, 8, 8, 0) + Duration::days(rng.range(0, 6)) + Duration::minutes(rng.range(0, 8 * 60));
    let registration = registration::ActiveModel {
        campaign_id: Set(campaign_id),
        unit_id: Set(unit_id),
        block_id: Set(block_id),
        status: Set(RegistrationStatus::Confirmed.code().into()),
        registered_at: Set(registered_at),
        confirmed_at: Set(Some(registered_at + Duration::hours(rng.range(20, 52)))),
        confirmed_by: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let pledges: Vec<(Activity, i64)> = data::activities(kind)
        .into_iter()
        .map(|a| {
            let (lo, hi) = data::pledge_range(a);
            (a, rng.range(lo, hi))
        })
        .collect();
    let rows = pledges.iter().map(|&(activity, value)| pledge::ActiveModel {
        registration_id: Set(registration.id),
        activity: Set(activity.code().into()),
        target_value: Set(value),
        ..Default::default()
    });
    insert_all(txn, rows.collect()).await?;
    Ok(pledges)
}

/// The plan's default scoring sheet, copied into the campaign so that it
/// can be edited there without touching other campaigns.
async fn sheet(txn: &DatabaseTransaction, campaign_id: i64) -> Result<Vec<(i64, Criterion)>> {
    crate::campaign_setup::write_sheet(txn, campaign_id, &domain::default_sheet()).await
}

/// The demo shows the campaign as it stood in mid-December 2024: periods
/// whose deadline had passed are closed, the first three months published.
async fn periods(txn: &DatabaseTransaction, campaign_id: i64) -> Result<Vec<SeededPeriod>> {
    let specs = domain::generate_periods(
        data::starts_on(),
        data::ends_on(),
        PeriodRule::GovernmentMonth,
        data::DEADLINE_DAYS,
    );
    let mut out = Vec::new();
    for (i, spec) in specs.into_iter().enumerate() {
        let deadline = utc_of(spec.deadline);
        let closed = spec.deadline < super::demo_now();
        let published = closed && spec.kind == PeriodKind::Monthly && i < 3;
        let row = period::ActiveModel {
            campaign_id: Set(campaign_id),
            code: Set(spec.code),
            name: Set(spec.name),
            kind: Set(spec.kind.code().into()),
            year: Set(spec.year),
            month: Set(spec.month as i32),
            starts_on: Set(spec.starts_on),
            ends_on: Set(spec.ends_on),
            deadline: Set(deadline),
            closed_at: Set(closed.then_some(deadline)),
            published_at: Set(published.then(|| deadline + Duration::days(10))),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        out.push(SeededPeriod {
            id: row.id,
            kind: spec.kind,
            deadline: spec.deadline,
        });
    }
    Ok(out)
}

async fn awards_and_praise(txn: &DatabaseTransaction, campaign_id: i64, units: &[SeededUnit]) -> Result<()> {
    let forms = data::AWARD_FORMS
        .iter()
        .enumerate()
        .map(|(i, f)| award_form::ActiveModel {
            campaign_id: Set(campaign_id),
            name: Set(f.name.into()),
            level: Set(f.level.code().into()),
            issuer: Set(f.issuer.into()),
            min_score: Set(f.min_score),
            max_rank: Set(f.max_rank),
            quota: Set(None),
            excludes_serious: Set(true),
            sort_order: Set(i as i32 + 1),
            ..Default::default()
        });
    insert_all(txn, forms.collect()).await?;

    let offsets: Vec<usize> = data::BLOCKS
        .iter()
        .scan(0, |acc, b| Some(std::mem::replace(acc, *acc + b.units.len())))
        .collect();
    let praise = data::COMMENDATIONS.iter().map(|c| {
        let (block, idx) = c.unit;
        let (y, m, d) = c.published_on;
        commendation::ActiveModel {
            campaign_id: Set(campaign_id),
            unit_id: Set(Some(units[offsets[block] + idx].id)),
            individual_name: Set(c.individual.map(Into::into)),
            text: Set(c.text.into()),
            published_at: Set(local(y, m, d, 9, 0)),
            ..Default::default()
        }
    });
    insert_all(txn, praise.collect()).await?;
    Ok(())
}
