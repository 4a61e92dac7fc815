//! Gathers what the standings engine (`domain::standings`) reads: the sheet,
//! the monthly periods, the confirmed units by block, and per unit and
//! period its scores, figures, pledges and timeliness. A few queries for the
//! whole campaign, then everything is joined in memory.

use crate::Result;
use crate::entities::{
    accident, baseline, block, criterion, registration, report, report_activity, report_score, unit,
};
use crate::error::{StoreError, code};
use crate::time::utc_to_local;
use chrono::{Datelike, NaiveDateTime};
use domain::{
    AccidentFigures, Activity, BlockRef, CriterionScore, Id, PeriodKind, PeriodRecord, PeriodRef, RegistrationStatus,
    ReportScores, ReportStatus, StandingsInput, UnitKind, UnitRecord, effective_deadline,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeMap, HashMap};

/// The campaign's standings input as of `now` (local time): a period is
/// closed once its deadline has passed.
pub async fn input(db: &impl ConnectionTrait, campaign_id: Id, now: NaiveDateTime) -> Result<StandingsInput> {
    let campaign = crate::campaigns::by_id(db, campaign_id)
        .await?
        .ok_or_else(|| StoreError::NotFound("campaign".into()))?;
    let sheet = crate::sheets::load(db, campaign_id).await?;
    let mut periods = crate::periods::list(db, campaign_id).await?;
    periods.retain(|p| p.kind == PeriodKind::Monthly);
    let blocks = block::Entity::find()
        .filter(block::Column::CampaignId.eq(campaign_id))
        .order_by_asc(block::Column::SortOrder)
        .all(db)
        .await?;
    let regs: Vec<registration::Model> = registration::Entity::find()
        .filter(registration::Column::CampaignId.eq(campaign_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed.code()))
        .all(db)
        .await?;
    let units: HashMap<Id, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(regs.iter().map(|r| r.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let criteria: HashMap<Id, String> = criterion::Entity::find()
        .filter(criterion::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    let reports = report::Entity::find()
        .filter(report::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?;
    let report_ids: Vec<Id> = reports.iter().map(|r| r.id).collect();
    let mut scores: HashMap<Id, BTreeMap<String, CriterionScore>> = HashMap::new();
    for chunk in report_ids.chunks(500) {
        for s in report_score::Entity::find()
            .filter(report_score::Column::ReportId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            let Some(code) = criteria.get(&s.criterion_id) else {
                continue;
            };
            let score = CriterionScore {
                self_score: s.self_score,
                reviewed_score: s.reviewed_score,
            };
            scores.entry(s.report_id).or_default().insert(code.clone(), score);
        }
    }
    let mut activities: HashMap<Id, BTreeMap<Activity, i64>> = HashMap::new();
    for chunk in report_ids.chunks(500) {
        for a in report_activity::Entity::find()
            .filter(report_activity::Column::ReportId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            let activity = code(&a.activity, Activity::from_code, "activity")?;
            activities.entry(a.report_id).or_default().insert(activity, a.value);
        }
    }
    let reports: HashMap<(Id, Id), report::Model> =
        reports.into_iter().map(|r| ((r.unit_id, r.period_id), r)).collect();
    let extensions = crate::completeness::extensions_by(db, periods.iter().map(|p| p.id)).await?;
    let figures = Figures::load(db, campaign.committee_id, campaign.serious_deaths_threshold).await?;
    let years_back = campaign.starts_on.year() - campaign.baseline_year;
    let pledges = crate::registrations::pledges_by_registration(db, regs.iter().map(|r| r.id)).await?;
    let monthly = periods.len();

    let mut out_units = Vec::with_capacity(regs.len());
    for reg in &regs {
        let Some(u) = units.get(&reg.unit_id) else { continue };
        let kind = code(&u.kind, UnitKind::from_code, "unit kind")?;
        let shares: BTreeMap<Activity, f64> = pledges
            .get(&reg.id)
            .map(|m| m.iter().map(|(a, v)| (*a, domain::pledge_share(*v, monthly))).collect())
            .unwrap_or_default();
        let mut records = BTreeMap::new();
        for p in &periods {
            let ext = extensions.get(&(u.id, p.id)).map(Vec::as_slice).unwrap_or(&[]);
            let (deadline, _) = effective_deadline(utc_to_local(p.deadline), ext);
            let r = reports.get(&(u.id, p.id));
            let submitted = r.and_then(|r| r.submitted_at).map(utc_to_local);
            let timing = domain::timeliness(submitted, deadline, now);
            // No report and nothing due yet: the unit is not in this month's ranking.
            if r.is_none() && !timing.missing {
                continue;
            }
            let status = r
                .map(|r| code(&r.status, ReportStatus::from_code, "report status"))
                .transpose()?;
            let (current, base) = if kind.has_territory() {
                let area = kind.outcome_area(u.id);
                let baseline_month = (p.year - years_back, p.month);
                (
                    figures.current(area, p.starts_on, p.ends_on),
                    figures.baseline(area, baseline_month),
                )
            } else {
                Default::default()
            };
            let input = ReportScores {
                scores: r.and_then(|r| scores.get(&r.id)).cloned().unwrap_or_default(),
                current_figures: current,
                baseline_figures: base,
                bonus: r.map_or(0.0, |r| r.bonus),
                penalty: r.map_or(0.0, |r| r.penalty),
                late: timing.late,
                missing: timing.missing,
                activities: r.and_then(|r| activities.get(&r.id)).cloned().unwrap_or_default(),
                pledge_shares: shares.clone(),
            };
            records.insert(
                p.id,
                PeriodRecord {
                    scores: input,
                    submitted_at: submitted,
                    approved: status == Some(ReportStatus::Approved),
                },
            );
        }
        out_units.push(UnitRecord {
            unit_id: u.id,
            unit_name: u.name.clone(),
            block_id: reg.block_id,
            kind,
            periods: records,
        });
    }
    out_units.sort_by_key(|u| u.unit_id);
    Ok(StandingsInput {
        sheet,
        periods: periods
            .iter()
            .map(|p| PeriodRef {
                id: p.id,
                name: p.name.clone(),
                closed: utc_to_local(p.deadline) < now,
            })
            .collect(),
        blocks: blocks
            .into_iter()
            .map(|b| BlockRef { id: b.id, name: b.name })
            .collect(),
        units: out_units,
    })
}

/// The committee's accidents (by commune and local date) and baseline rows
/// (by commune and month), loaded once.
struct Figures {
    accidents: Vec<(Id, chrono::NaiveDate, AccidentFigures)>,
    baselines: HashMap<(Id, i32, u32), AccidentFigures>,
}

impl Figures {
    async fn load(db: &impl ConnectionTrait, committee_id: Id, threshold: u32) -> Result<Figures> {
        let mut accidents = Vec::new();
        for a in accident::Entity::find()
            .filter(accident::Column::CommitteeId.eq(committee_id))
            .filter(accident::Column::DeletedAt.is_null())
            .all(db)
            .await?
        {
            let figures = AccidentFigures::of_accident(&crate::accidents::to_domain(&a)?, threshold);
            accidents.push((a.commune_unit_id, utc_to_local(a.occurred_at).date(), figures));
        }
        let mut baselines = HashMap::new();
        for b in baseline::Entity::find()
            .filter(baseline::Column::CommitteeId.eq(committee_id))
            .all(db)
            .await?
        {
            let f = crate::accidents::baseline_figures(&b)?;
            baselines.insert((b.commune_unit_id, b.year, b.month as u32), f);
        }
        Ok(Figures { accidents, baselines })
    }

    /// One commune's figures (`None`: the whole area) from `from` to `to`, inclusive.
    fn current(&self, commune: Option<Id>, from: chrono::NaiveDate, to: chrono::NaiveDate) -> AccidentFigures {
        let mut total = AccidentFigures::default();
        for (_, _, f) in self
            .accidents
            .iter()
            .filter(|(c, day, _)| commune.is_none_or(|x| x == *c) && *day >= from && *day <= to)
        {
            total.add(f);
        }
        total
    }

    fn baseline(&self, commune: Option<Id>, (year, month): (i32, u32)) -> AccidentFigures {
        let mut total = AccidentFigures::default();
        for (_, f) in self
            .baselines
            .iter()
            .filter(|((c, y, m), _)| commune.is_none_or(|x| x == *c) && *y == year && *m == month)
        {
            total.add(f);
        }
        total
    }
}
