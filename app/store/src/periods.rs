//! Reporting periods of a campaign.

use crate::Result;
use crate::entities::period;
use crate::error::{code, count};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{Id, PeriodKind, ReportingMonth};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A reporting period as stored, with its id.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub id: Id,
    pub code: String,
    pub name: String,
    pub kind: PeriodKind,
    pub year: i32,
    /// The (last) reporting month covered.
    pub month: u32,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub deadline: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
}

/// The campaign's periods in the order they end; a month comes before a
/// review that ends on the same day, since the review sums it up.
pub async fn list(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<Period>> {
    let rows = period::Entity::find()
        .filter(period::Column::CampaignId.eq(campaign_id))
        .order_by_asc(period::Column::EndsOn)
        .order_by_desc(period::Column::StartsOn)
        .order_by_asc(period::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_domain).collect()
}

/// The campaign's monthly periods as the figure windows count them.
pub async fn reporting_months(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Vec<ReportingMonth>> {
    Ok(list(db, campaign_id)
        .await?
        .into_iter()
        .filter(|p| p.kind == PeriodKind::Monthly)
        .map(|p| ReportingMonth {
            year: p.year,
            month: p.month,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
        })
        .collect())
}

fn to_domain(p: period::Model) -> Result<Period> {
    Ok(Period {
        id: p.id,
        kind: code(&p.kind, PeriodKind::from_code, "period kind")?,
        month: count(p.month, "period month")?,
        code: p.code,
        name: p.name,
        year: p.year,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        deadline: p.deadline,
        closed_at: p.closed_at,
        published_at: p.published_at,
    })
}
