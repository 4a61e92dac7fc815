//! The default formulas of DOMAIN.md, exactly, so that anyone can recompute
//! a ranking by hand from the breakdown this module produces.

use crate::figures::AccidentFigures;
use crate::sheet::{Criterion, Sheet};
use crate::types::{Activity, Measure, ScoringRule, UnitKind, coded_enum};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The outcomes formula's own scale; a sheet that weighs group G differently
/// gets the same proportions.
pub const OUTCOMES_MAX: f64 = 25.0;
pub const MEASURE_POINTS: f64 = 5.0;
pub const DISCIPLINE_MAX: f64 = 5.0;
/// Bonus and penalty cap when a sheet has no line of its own for them.
pub const ADJUSTMENT_CAP: f64 = 5.0;
pub const MISSING_REPORT_PENALTY: f64 = 2.0;

/// The measures that earn points in group G; particularly serious accidents
/// are not a sixth measure but zero the whole group.
pub const OUTCOME_MEASURES: [Measure; 5] = [
    Measure::Accidents,
    Measure::Deaths,
    Measure::Injuries,
    Measure::DrinkDriving,
    Measure::CommercialCar,
];

/// Points for one measure: fewer than cùng kỳ earns all, staying at zero too;
/// holding a non-zero figure earns half; any rise earns nothing.
pub fn measure_points(current: u32, baseline: u32) -> f64 {
    if current < baseline || (current == 0 && baseline == 0) {
        MEASURE_POINTS
    } else if current == baseline {
        MEASURE_POINTS / 2.0
    } else {
        0.0
    }
}

/// Group G on its own 25-point scale.
pub fn outcome_points(current: &AccidentFigures, baseline: &AccidentFigures) -> f64 {
    if current.particularly_serious > 0 {
        return 0.0;
    }
    OUTCOME_MEASURES
        .iter()
        .map(|&m| measure_points(current.get(m), baseline.get(m)))
        .sum()
}

/// Group H: on time (the caller passes the extended deadline if one was granted).
pub fn discipline_points(submitted_at: Option<NaiveDateTime>, deadline: NaiveDateTime) -> f64 {
    match submitted_at {
        Some(t) if t <= deadline => DISCIPLINE_MAX,
        _ => 0.0,
    }
}

/// A criterion scored on an activity: in proportion to the period's figure
/// against the period's share of the unit's pledge, never above the max. A
/// pledge of nothing asks for nothing; a figure not reported earns nothing.
pub fn activity_points(max: f64, achieved: Option<i64>, period_share: f64) -> f64 {
    let Some(achieved) = achieved else {
        return 0.0;
    };
    if period_share.is_nan() || period_share <= 0.0 {
        return max;
    }
    (max * achieved.max(0) as f64 / period_share).min(max)
}

/// One monthly period's share of a pledge made for the whole campaign.
pub fn pledge_share(pledge: i64, monthly_periods: usize) -> f64 {
    if monthly_periods == 0 {
        pledge as f64
    } else {
        pledge as f64 / monthly_periods as f64
    }
}

coded_enum! {
    /// Provisional rankings use self-scores; official ones the reviewed scores.
    RankingMode {
        Provisional = "provisional",
        Official = "official",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub self_score: Option<f64>,
    /// Set only when a reviewer changed the self-score, with a reason.
    pub reviewed_score: Option<f64>,
}

/// Everything one unit's period score is computed from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportScores {
    /// Keyed by criterion code.
    pub scores: BTreeMap<String, CriterionScore>,
    /// Accident figures of the unit's area for the period; unused without territory.
    pub current_figures: AccidentFigures,
    /// The same period of the baseline year (cùng kỳ).
    pub baseline_figures: AccidentFigures,
    pub bonus: f64,
    pub penalty: f64,
    /// Submitted after the deadline (or the extension granted).
    pub late: bool,
    /// Still missing when the period closed.
    pub missing: bool,
    /// The period's activity figures, as the unit reported them.
    pub activities: BTreeMap<Activity, i64>,
    /// The period's share of each pledge (see [`pledge_share`]).
    pub pledge_shares: BTreeMap<Activity, f64>,
}

/// One applicable criterion in a published breakdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionLine {
    pub code: String,
    pub group_code: String,
    pub rule: ScoringRule,
    pub max_points: f64,
    pub self_score: Option<f64>,
    pub reviewed_score: Option<f64>,
    /// What entered the sum, after clamping to [0, max].
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreBreakdown {
    pub mode: RankingMode,
    pub lines: Vec<CriterionLine>,
    pub earned: f64,
    pub applicable_max: f64,
    /// 100 × earned ÷ applicable max.
    pub normalized: f64,
    /// Group G points as counted (0 for units without territory): the first tie-break.
    pub outcomes_points: f64,
    pub bonus: f64,
    /// Including the missing-report penalty, after the cap.
    pub penalty: f64,
    pub total: f64,
}

/// Non-finite input counts as nothing: a broken number must never win a rank.
fn clamp(x: f64, max: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, max.max(0.0)) }
}

fn adjustment_cap(sheet: &Sheet, kind: UnitKind, rule: ScoringRule) -> f64 {
    sheet
        .applicable(kind)
        .find(|c| c.rule == rule)
        .map_or(ADJUSTMENT_CAP, |c| c.max_points)
}

/// What one criterion counts: (self-score, reviewed score, points after
/// clamping). `entries` false counts none of what the unit entered (an
/// official ranking's report that is not approved yet).
fn points(c: &Criterion, input: &ReportScores, mode: RankingMode, entries: bool) -> (Option<f64>, Option<f64>, f64) {
    let (self_score, reviewed_score, raw) = match c.rule {
        ScoringRule::Outcomes => {
            let raw = outcome_points(&input.current_figures, &input.baseline_figures) * c.max_points / OUTCOMES_MAX;
            (None, None, raw)
        }
        ScoringRule::ReportingDiscipline => {
            let on_time = !(input.late || input.missing);
            (None, None, if on_time { c.max_points } else { 0.0 })
        }
        ScoringRule::ActivityAgainstPledge => {
            let raw = c.activity.filter(|_| entries).map_or(0.0, |a| {
                let share = input.pledge_shares.get(&a).copied().unwrap_or(0.0);
                activity_points(c.max_points, input.activities.get(&a).copied(), share)
            });
            (None, None, raw)
        }
        _ => {
            let entered = input.scores.get(&c.code).filter(|_| entries);
            let (s, r) = entered.map_or((None, None), |e| (e.self_score, e.reviewed_score));
            let counted = match mode {
                RankingMode::Provisional => s,
                RankingMode::Official => r.or(s),
            };
            (s, r, counted.unwrap_or(0.0))
        }
    };
    (self_score, reviewed_score, clamp(raw, c.max_points))
}

fn line(c: &Criterion, input: &ReportScores, mode: RankingMode) -> CriterionLine {
    let (self_score, reviewed_score, points) = points(c, input, mode, true);
    CriterionLine {
        code: c.code.clone(),
        group_code: c.group_code.clone(),
        rule: c.rule,
        max_points: c.max_points,
        self_score,
        reviewed_score,
        points,
    }
}

/// (normalized, bonus, penalty, total) from the points earned.
fn finish(
    sheet: &Sheet,
    kind: UnitKind,
    input: &ReportScores,
    earned: f64,
    applicable_max: f64,
) -> (f64, f64, f64, f64) {
    let normalized = if applicable_max > 0.0 {
        (100.0 * earned / applicable_max).min(100.0)
    } else {
        0.0
    };
    let bonus = clamp(input.bonus, adjustment_cap(sheet, kind, ScoringRule::Bonus));
    let missing = if input.missing { MISSING_REPORT_PENALTY } else { 0.0 };
    let penalty = clamp(
        clamp(input.penalty, f64::MAX) + missing,
        adjustment_cap(sheet, kind, ScoringRule::Penalty),
    );
    (normalized, bonus, penalty, normalized + bonus - penalty)
}

/// A unit's score for one period, with every line that made it.
pub fn period_score(sheet: &Sheet, unit_kind: UnitKind, input: &ReportScores, mode: RankingMode) -> ScoreBreakdown {
    let lines: Vec<CriterionLine> = sheet
        .applicable(unit_kind)
        .filter(|c| !c.is_adjustment())
        .map(|c| line(c, input, mode))
        .collect();
    let earned: f64 = lines.iter().map(|l| l.points).sum();
    let applicable_max: f64 = lines.iter().map(|l| l.max_points).sum();
    let outcomes_points = lines
        .iter()
        .filter(|l| l.rule == ScoringRule::Outcomes)
        .map(|l| l.points)
        .sum();
    let (normalized, bonus, penalty, total) = finish(sheet, unit_kind, input, earned, applicable_max);
    ScoreBreakdown {
        mode,
        lines,
        earned,
        applicable_max,
        normalized,
        outcomes_points,
        bonus,
        penalty,
        total,
    }
}

/// (total, group G points) exactly as [`period_score`] computes them, without
/// building the breakdown: what a ranking of thousands of units needs.
pub fn period_total(
    sheet: &Sheet,
    kind: UnitKind,
    input: &ReportScores,
    mode: RankingMode,
    entries: bool,
) -> (f64, f64) {
    let (mut earned, mut max, mut outcomes) = (0.0, 0.0, 0.0);
    for c in sheet.applicable(kind).filter(|c| !c.is_adjustment()) {
        let (_, _, p) = points(c, input, mode, entries);
        earned += p;
        max += c.max_points;
        if c.rule == ScoringRule::Outcomes {
            outcomes += p;
        }
    }
    (finish(sheet, kind, input, earned, max).3, outcomes)
}

/// The campaign score: mean of the closed periods' scores; `None` before any closed.
pub fn cumulative(scores: &[f64]) -> Option<f64> {
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// Two decimals, for display only: ranks are decided on the unrounded scores.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
