//! Accident figures, summed the way every page shows them.

use crate::Result;
use crate::entities::{accident, baseline};
use crate::error::count;
use crate::time::local_midnight;
use chrono::NaiveDate;
use domain::{Accident, AccidentFigures, Id};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

/// Figures of the accidents of a committee's area that happened from `from`
/// to `to`, both inclusive, as local (Asia/Ho_Chi_Minh) dates: the police
/// and the plan count days in local time, the database keeps UTC.
/// Struck-out accidents do not count.
pub async fn figures_between(
    db: &impl ConnectionTrait,
    committee_id: Id,
    from: NaiveDate,
    to: NaiveDate,
    serious_threshold: u32,
) -> Result<AccidentFigures> {
    let rows = accident::Entity::find()
        .filter(accident::Column::CommitteeId.eq(committee_id))
        .filter(accident::Column::DeletedAt.is_null())
        .filter(accident::Column::OccurredAt.gte(local_midnight(from)))
        .filter(accident::Column::OccurredAt.lt(local_midnight(next_day(to))))
        .all(db)
        .await?;
    let mut total = AccidentFigures::default();
    for row in &rows {
        total.add(&AccidentFigures::of_accident(&to_domain(row)?, serious_threshold));
    }
    Ok(total)
}

/// Figures for each (from, to) span of local dates, both inclusive, from one
/// read of the accidents: what a chart by month needs, without a query per month.
pub async fn figures_by_span(
    db: &impl ConnectionTrait,
    committee_id: Id,
    spans: &[(NaiveDate, NaiveDate)],
    serious_threshold: u32,
) -> Result<Vec<AccidentFigures>> {
    let (Some(first), Some(last)) = (spans.iter().map(|s| s.0).min(), spans.iter().map(|s| s.1).max()) else {
        return Ok(vec![]);
    };
    let rows = accident::Entity::find()
        .filter(accident::Column::CommitteeId.eq(committee_id))
        .filter(accident::Column::DeletedAt.is_null())
        .filter(accident::Column::OccurredAt.gte(local_midnight(first)))
        .filter(accident::Column::OccurredAt.lt(local_midnight(next_day(last))))
        .all(db)
        .await?;
    let mut out = vec![AccidentFigures::default(); spans.len()];
    for row in &rows {
        let day = crate::time::utc_to_local(row.occurred_at).date();
        let figures = AccidentFigures::of_accident(&to_domain(row)?, serious_threshold);
        for (total, (from, to)) in out.iter_mut().zip(spans) {
            if (*from..=*to).contains(&day) {
                total.add(&figures);
            }
        }
    }
    Ok(out)
}

/// Baseline totals of a committee's communes for each (year, month), from one query.
pub async fn baseline_by_month(
    db: &impl ConnectionTrait,
    committee_id: Id,
    months: &[(i32, u32)],
) -> Result<Vec<AccidentFigures>> {
    let years: BTreeSet<i32> = months.iter().map(|&(y, _)| y).collect();
    let rows = baseline::Entity::find()
        .filter(baseline::Column::CommitteeId.eq(committee_id))
        .filter(baseline::Column::Year.is_in(years))
        .all(db)
        .await?;
    let mut out = vec![AccidentFigures::default(); months.len()];
    for b in &rows {
        for (total, (y, m)) in out.iter_mut().zip(months) {
            if b.year == *y && b.month == *m as i32 {
                total.add(&baseline_figures(b)?);
            }
        }
    }
    Ok(out)
}

/// Baseline-year totals of a committee's communes over the given months of
/// `year` (each month counted once).
pub async fn baseline_for_months(
    db: &impl ConnectionTrait,
    committee_id: Id,
    year: i32,
    months: &[u32],
) -> Result<AccidentFigures> {
    let pairs: Vec<(i32, u32)> = months.iter().map(|&m| (year, m)).collect();
    baseline_for(db, committee_id, &pairs).await
}

/// Baseline totals of a committee's communes over (year, month) pairs, as
/// `domain::FiguresWindow::baseline_months` lists them; each pair counted once.
pub async fn baseline_for(
    db: &impl ConnectionTrait,
    committee_id: Id,
    months: &[(i32, u32)],
) -> Result<AccidentFigures> {
    let wanted: BTreeSet<(i32, i32)> = months
        .iter()
        .filter_map(|&(y, m)| i32::try_from(m).ok().map(|m| (y, m)))
        .collect();
    let years: BTreeSet<i32> = wanted.iter().map(|&(y, _)| y).collect();
    let rows = baseline::Entity::find()
        .filter(baseline::Column::CommitteeId.eq(committee_id))
        .filter(baseline::Column::Year.is_in(years))
        .all(db)
        .await?;
    let mut total = AccidentFigures::default();
    for b in rows.iter().filter(|b| wanted.contains(&(b.year, b.month))) {
        total.add(&baseline_figures(b)?);
    }
    Ok(total)
}

/// One stored baseline row (a commune's month) as figures.
pub(crate) fn baseline_figures(b: &baseline::Model) -> Result<AccidentFigures> {
    Ok(AccidentFigures {
        accidents: count(b.accidents, "baseline accidents")?,
        deaths: count(b.deaths, "baseline deaths")?,
        injuries: count(b.injuries, "baseline injuries")?,
        drink_driving: count(b.drink_driving, "baseline drink_driving")?,
        particularly_serious: count(b.particularly_serious, "baseline particularly_serious")?,
        commercial_car: count(b.commercial_car, "baseline commercial_car")?,
    })
}

pub(crate) fn to_domain(a: &accident::Model) -> Result<Accident> {
    Ok(Accident {
        deaths: count(a.deaths, "accident deaths")?,
        injuries: count(a.injuries, "accident injuries")?,
        drink_driving: a.drink_driving,
        commercial_car: a.commercial_car,
        marked_serious: a.marked_serious,
    })
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(NaiveDate::MAX)
}
