//! Reports of every unit for every monthly period, in every state of the
//! workflow: the early months approved, the later ones mixed, a few
//! missing, two late; each with its self-scores, reviews and history.

use super::rng::Rng;
use super::setup::{Seeded, SeededPeriod, SeededUnit};
use super::{demo_now, insert_all, utc_of};
use crate::Result;
use crate::demo_data::{BONUS_REASON, REOPEN_REASON, RETURN_REASONS, REVIEW_REASONS, SCORE_EXPLANATIONS};
use crate::entities::{report, report_activity, report_event, report_score};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use domain::{PeriodKind, ReportStatus};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction};

/// Where a report ends up; `None` in its place means it never came.
#[derive(Clone, Copy, PartialEq)]
enum Plan {
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Approved { via_return: bool },
    Reopened,
}

/// Units by index in `Seeded::units`, for the cases placed by hand.
const TT_VH_TT_TT: usize = 5;
const P_GD_DT: usize = 3;
const P_NOI_VU: usize = 9;
const HOI_NONG_DAN: usize = 15;
const XA_MY_THUAN: usize = 25;

/// (monthly period index, unit index) of the two late reports.
const LATE: [(usize, usize); 2] = [(1, P_NOI_VU), (4, XA_MY_THUAN)];

fn plan(rng: &mut Rng, period: usize, unit: usize) -> Option<Plan> {
    use Plan::*;
    match (period, unit) {
        (2, TT_VH_TT_TT) => return Some(Reopened),
        (4, HOI_NONG_DAN) => return None,
        (4, XA_MY_THUAN) => return Some(Submitted),
        _ => {}
    }
    let choices: &[(Option<Plan>, u32)] = match period {
        0..=2 => &[
            (Some(Approved { via_return: false }), 90),
            (Some(Approved { via_return: true }), 10),
        ],
        3 => &[
            (Some(Approved { via_return: false }), 62),
            (Some(Approved { via_return: true }), 8),
            (Some(Submitted), 15),
            (Some(Resubmitted), 8),
            (Some(Returned), 7),
        ],
        4 => &[
            (Some(Approved { via_return: false }), 35),
            (Some(Submitted), 30),
            (Some(Returned), 12),
            (Some(Resubmitted), 12),
            (Some(Draft), 8),
            (None, 3),
        ],
        _ => &[
            (Some(Draft), 35),
            (Some(Submitted), 40),
            (Some(Returned), 8),
            (Some(Resubmitted), 5),
            (None, 12),
        ],
    };
    let weights: Vec<u32> = choices.iter().map(|c| c.1).collect();
    choices[rng.weighted(&weights)].0
}

/// One step of a report's history: (from, to, when, why).
type Step = (Option<ReportStatus>, ReportStatus, NaiveDateTime, Option<String>);

/// A moment in office hours, `days` after `date`.
fn office(rng: &mut Rng, date: NaiveDate, days: i64) -> NaiveDateTime {
    let day = date + Duration::days(days);
    day.and_hms_opt(rng.range(7, 16) as u32, rng.range(0, 59) as u32, 0)
        .expect("valid time")
}

/// The history that leads to `plan`, in local time.
fn history(rng: &mut Rng, plan: Plan, period: &SeededPeriod, late: bool) -> Vec<Step> {
    use ReportStatus::*;
    // Nothing happens on or after the day the demo pretends it is.
    let deadline_day = period.deadline.date();
    let horizon = deadline_day.min(demo_now().date());
    let created = -rng.range(7, 9);
    let mut steps: Vec<Step> = vec![(None, Draft, office(rng, horizon, created), None)];
    if plan == Plan::Draft {
        return steps;
    }
    let goes_back = matches!(
        plan,
        Plan::Returned | Plan::Resubmitted | Plan::Approved { via_return: true }
    );
    let mut day = if late {
        deadline_day + Duration::days(rng.range(1, 2))
    } else if goes_back {
        horizon - Duration::days(rng.range(4, 6))
    } else {
        horizon - Duration::days(rng.range(1, 5))
    };
    steps.push((Some(Draft), Submitted, office(rng, day, 0), None));
    if goes_back {
        day += Duration::days(1);
        let reason = RETURN_REASONS[rng.range(0, RETURN_REASONS.len() as i64 - 1) as usize];
        steps.push((Some(Submitted), Returned, office(rng, day, 0), Some(reason.into())));
        if plan == Plan::Returned {
            return steps;
        }
        day += Duration::days(1);
        steps.push((Some(Returned), Resubmitted, office(rng, day, 0), None));
    }
    if matches!(plan, Plan::Submitted | Plan::Resubmitted) {
        return steps;
    }
    let last = steps.last().map(|s| s.1).unwrap_or(Submitted);
    day = day.max(deadline_day) + Duration::days(rng.range(1, 3));
    steps.push((Some(last), Approved, office(rng, day, 0), None));
    if plan == Plan::Reopened {
        day += Duration::days(rng.range(3, 8));
        steps.push((
            Some(Approved),
            Reopened,
            office(rng, day, 0),
            Some(REOPEN_REASON.into()),
        ));
    }
    steps
}

pub async fn seed(txn: &DatabaseTransaction, rng: &mut Rng, seeded: &Seeded) -> Result<()> {
    let mut scores = Vec::new();
    let mut activities = Vec::new();
    let mut events = Vec::new();
    let monthly = seeded.periods.iter().filter(|p| p.kind == PeriodKind::Monthly);
    for (p, period) in monthly.enumerate() {
        for (u, unit) in seeded.units.iter().enumerate() {
            let Some(plan) = plan(rng, p, u) else { continue };
            let late = LATE.contains(&(p, u));
            let steps = history(rng, plan, period, late);
            let bonus = (u == P_GD_DT && matches!(plan, Plan::Approved { .. }) && p == 2).then_some(2.0);
            let id = insert_report(txn, seeded, period, unit, &steps, bonus).await?;
            let status = steps.last().map(|s| s.1).unwrap_or(ReportStatus::Draft);
            scores.extend(self_scores(rng, seeded, unit, id, status));
            activities.extend(unit.pledges.iter().map(|&(activity, pledged)| {
                // A month's share of the campaign's pledge, give or take.
                let value = (pledged as f64 / 6.0 * rng.range(60, 140) as f64 / 100.0).round() as i64;
                report_activity::ActiveModel {
                    report_id: Set(id),
                    activity: Set(activity.code().into()),
                    value: Set(value),
                    ..Default::default()
                }
            }));
            events.extend(
                steps
                    .into_iter()
                    .map(|(from, to, at, reason)| report_event::ActiveModel {
                        report_id: Set(id),
                        from_status: Set(from.map(|s| s.code().into())),
                        to_status: Set(to.code().into()),
                        actor_id: Set(None),
                        reason: Set(reason),
                        at: Set(utc_of(at)),
                        ..Default::default()
                    }),
            );
        }
    }
    insert_all(txn, scores).await?;
    insert_all(txn, activities).await?;
    insert_all(txn, events).await
}

async fn insert_report(
    txn: &DatabaseTransaction,
    seeded: &Seeded,
    period: &SeededPeriod,
    unit: &SeededUnit,
    steps: &[Step],
    bonus: Option<f64>,
) -> Result<i64> {
    use ReportStatus::*;
    let at = |s: ReportStatus| steps.iter().rev().find(|step| step.1 == s).map(|step| utc_of(step.2));
    let first = steps.first().map(|s| utc_of(s.2)).expect("a report has a history");
    let last = steps.last().expect("a report has a history");
    let submitted_at = steps
        .iter()
        .rfind(|s| matches!(s.1, Submitted | Resubmitted))
        .map(|s| utc_of(s.2));
    let row = report::ActiveModel {
        campaign_id: Set(seeded.campaign_id),
        period_id: Set(period.id),
        unit_id: Set(unit.id),
        status: Set(last.1.code().into()),
        version: Set(steps.len() as i32),
        bonus: Set(bonus.unwrap_or(0.0)),
        bonus_reason: Set(bonus.map(|_| BONUS_REASON.into())),
        penalty: Set(0.0),
        penalty_reason: Set(None),
        submitted_at: Set(submitted_at),
        submitted_by: Set(None),
        approved_at: Set(at(Approved)),
        approved_by: Set(None),
        idempotency_key: Set(None),
        created_at: Set(first),
        updated_at: Set(utc_of(last.2)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

/// Self-scores for every self-scored criterion that applies to the unit;
/// reviewed scores once approved, a few of them lowered with a reason.
fn self_scores(
    rng: &mut Rng,
    seeded: &Seeded,
    unit: &SeededUnit,
    report_id: i64,
    status: ReportStatus,
) -> Vec<report_score::ActiveModel> {
    let reviewed = matches!(status, ReportStatus::Approved | ReportStatus::Reopened);
    let mut rows = Vec::new();
    for (criterion_id, c) in &seeded.criteria {
        if !c.is_self_scored() || !c.applies_to.applies(unit.kind) {
            continue;
        }
        // Half points: 70–100 % of the maximum.
        let self_score = (c.max_points * rng.range(70, 100) as f64 / 50.0).round() / 2.0;
        // A draft is still being filled in.
        let self_score = (status != ReportStatus::Draft || rng.chance(60)).then_some(self_score);
        let lowered = reviewed && self_score.is_some_and(|s| s >= 1.0) && rng.chance(2);
        let review = match (reviewed, self_score) {
            (true, Some(s)) if lowered => {
                let reason = REVIEW_REASONS[rng.range(0, REVIEW_REASONS.len() as i64 - 1) as usize];
                (Some(s - 1.0), Some(reason.to_string()))
            }
            (true, s) => (s, None),
            _ => (None, None),
        };
        let explanation = SCORE_EXPLANATIONS[rng.range(0, SCORE_EXPLANATIONS.len() as i64 - 1) as usize];
        rows.push(report_score::ActiveModel {
            report_id: Set(report_id),
            criterion_id: Set(*criterion_id),
            self_score: Set(self_score),
            explanation: Set(if self_score.is_some() {
                explanation.into()
            } else {
                String::new()
            }),
            reviewed_score: Set(review.0),
            review_reason: Set(review.1),
            ..Default::default()
        });
    }
    rows
}
