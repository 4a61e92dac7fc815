//! Campaigns as the pages see them.

use crate::Result;
use crate::entities::{campaign, committee, target};
use crate::error::{code, count};
use domain::{CampaignInfo, CampaignStatus, Id, Measure, PeriodRule, Target, TargetGoal};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

/// The campaign the public page shows by default: of the installation's own
/// committee (the one whose campaign was set up first; other committees'
/// campaigns have their own addresses), the open campaign that started
/// last; when none is open, the one that started last.
pub async fn current(db: &impl ConnectionTrait) -> Result<Option<CampaignInfo>> {
    let first_set_up = campaign::Entity::find()
        .order_by_asc(campaign::Column::Id)
        .one(db)
        .await?;
    match first_set_up {
        Some(c) => current_of(db, Some(&[c.committee_id])).await,
        None => Ok(None),
    }
}

/// [`current`] among the campaigns of `committees` (a committee's staff
/// work on their own committee's campaign).
pub async fn current_in(db: &impl ConnectionTrait, committees: &[Id]) -> Result<Option<CampaignInfo>> {
    current_of(db, Some(committees)).await
}

/// The current campaign of a member of staff's committee, or the
/// installation's own ([`current`]) for someone of no committee.
pub async fn current_for(db: &impl ConnectionTrait, committee: Option<Id>) -> Result<Option<CampaignInfo>> {
    match committee {
        Some(c) => current_in(db, &[c]).await,
        None => current(db).await,
    }
}

async fn current_of(db: &impl ConnectionTrait, committees: Option<&[Id]>) -> Result<Option<CampaignInfo>> {
    let candidates = || {
        let q = campaign::Entity::find()
            .order_by_desc(campaign::Column::StartsOn)
            .order_by_desc(campaign::Column::Id);
        match committees {
            Some(ids) => q.filter(campaign::Column::CommitteeId.is_in(ids.iter().copied())),
            None => q,
        }
    };
    let open = campaign::Column::Status.eq(CampaignStatus::Open.code());
    match first(db, candidates().filter(open)).await? {
        Some(info) => Ok(Some(info)),
        None => first(db, candidates()).await,
    }
}

/// Every campaign of `committees`, latest first.
pub async fn of_committees(db: &impl ConnectionTrait, committees: &[Id]) -> Result<Vec<CampaignInfo>> {
    listed(db, Some(committees)).await
}

/// Every campaign of the installation, latest first.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<CampaignInfo>> {
    listed(db, None).await
}

async fn listed(db: &impl ConnectionTrait, committees: Option<&[Id]>) -> Result<Vec<CampaignInfo>> {
    let mut q = campaign::Entity::find();
    if let Some(ids) = committees {
        q = q.filter(campaign::Column::CommitteeId.is_in(ids.iter().copied()));
    }
    let rows = q
        .order_by_desc(campaign::Column::StartsOn)
        .order_by_desc(campaign::Column::Id)
        .find_also_related(committee::Entity)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(c, committee)| info(c, committee.map(|c| c.name).unwrap_or_default()))
        .collect()
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<CampaignInfo>> {
    first(db, campaign::Entity::find().filter(campaign::Column::Slug.eq(slug))).await
}

pub async fn by_id(db: &impl ConnectionTrait, id: Id) -> Result<Option<CampaignInfo>> {
    first(db, campaign::Entity::find_by_id(id)).await
}

/// The campaign's targets in the order they were set.
pub async fn targets(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<Target>> {
    let rows = target::Entity::find()
        .filter(target::Column::CampaignId.eq(campaign_id))
        .order_by_asc(target::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|t| {
            Ok(Target {
                measure: code(&t.measure, Measure::from_code, "target measure")?,
                goal: code(&t.goal, TargetGoal::from_code, "target goal")?,
            })
        })
        .collect()
}

async fn first(db: &impl ConnectionTrait, query: Select<campaign::Entity>) -> Result<Option<CampaignInfo>> {
    match query.find_also_related(committee::Entity).one(db).await? {
        Some((c, committee)) => Ok(Some(info(c, committee.map(|c| c.name).unwrap_or_default())?)),
        None => Ok(None),
    }
}

pub(crate) fn info(c: campaign::Model, committee_name: String) -> Result<CampaignInfo> {
    Ok(CampaignInfo {
        id: c.id,
        committee_id: c.committee_id,
        committee_name,
        slug: c.slug,
        plan_number: c.plan_number,
        title: c.title,
        theme: c.theme,
        starts_on: c.starts_on,
        ends_on: c.ends_on,
        baseline_year: c.baseline_year,
        status: code(&c.status, CampaignStatus::from_code, "campaign status")?,
        period_rule: code(&c.period_rule, PeriodRule::from_code, "period rule")?,
        serious_deaths_threshold: count(c.serious_deaths_threshold, "serious deaths threshold")?,
        publish_days: count(c.publish_days, "publish days")?,
        is_demo: c.is_demo,
    })
}
