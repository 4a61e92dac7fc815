//! The campaign's standings: every unit's period scores from the sheet's
//! formulas, ranked within its block per period and cumulatively, with the
//! change of rank since the previous period. Pure: the store gathers the
//! inputs, this module decides.

use crate::ranking::{RankEntry, TieBreak, rank, rank_changes};
use crate::scoring::{RankingMode, ReportScores, ScoreBreakdown, cumulative, period_score};
use crate::sheet::Sheet;
use crate::types::{Id, UnitKind};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One unit's report for one period, as the engine reads it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeriodRecord {
    pub scores: ReportScores,
    pub submitted_at: Option<NaiveDateTime>,
    /// Approved by the standing office: its reviewed scores are official.
    pub approved: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitRecord {
    pub unit_id: Id,
    pub unit_name: String,
    pub block_id: Id,
    pub kind: UnitKind,
    /// By period id; a period absent here has no report from the unit, and
    /// its record (if the store built one) carries the missing flag.
    pub periods: BTreeMap<Id, PeriodRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodRef {
    pub id: Id,
    pub name: String,
    /// Past its deadline: counts in the cumulative score.
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockRef {
    pub id: Id,
    pub name: String,
}

/// Everything the standings are computed from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandingsInput {
    pub sheet: Sheet,
    /// The monthly periods, in order.
    pub periods: Vec<PeriodRef>,
    pub blocks: Vec<BlockRef>,
    pub units: Vec<UnitRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Scope {
    Period(Id),
    /// The mean of the closed periods' scores.
    Cumulative,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StandingRow {
    pub rank: u32,
    pub unit_id: Id,
    pub unit_name: String,
    pub score: f64,
    pub outcomes_points: f64,
    pub decided_by: Option<TieBreak>,
    /// Places moved up (negative: down) since the previous period's ranking.
    pub change: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockTable {
    pub block_id: Id,
    pub block_name: String,
    pub rows: Vec<StandingRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standings {
    pub mode: RankingMode,
    pub scope: Scope,
    pub tables: Vec<BlockTable>,
}

/// What a record counts in this mode: a provisional ranking takes the
/// self-scores of every report; an official one only approved reports
/// (their reviewed scores), a report not yet approved earning nothing of
/// its self-scored lines.
fn counted(record: &PeriodRecord, mode: RankingMode) -> ReportScores {
    let mut scores = record.scores.clone();
    if mode == RankingMode::Official && !record.approved {
        scores.scores.clear();
        scores.activities.clear();
    }
    scores
}

/// A unit's breakdown for a period; `None` when it has nothing for it.
pub fn unit_period(input: &StandingsInput, unit: &UnitRecord, period: Id, mode: RankingMode) -> Option<ScoreBreakdown> {
    let record = unit.periods.get(&period)?;
    Some(period_score(&input.sheet, unit.kind, &counted(record, mode), mode))
}

/// (score, outcomes points, last submission) of each unit in scope.
fn entries(input: &StandingsInput, scope: &Scope, mode: RankingMode) -> Vec<(Id, RankEntry)> {
    input
        .units
        .iter()
        .filter_map(|u| {
            let (score, outcomes, at) = match scope {
                Scope::Period(p) => {
                    let b = unit_period(input, u, *p, mode)?;
                    (
                        b.total,
                        b.outcomes_points,
                        u.periods.get(p).and_then(|r| r.submitted_at),
                    )
                }
                Scope::Cumulative => {
                    let closed: Vec<ScoreBreakdown> = input
                        .periods
                        .iter()
                        .filter(|p| p.closed)
                        .filter_map(|p| unit_period(input, u, p.id, mode))
                        .collect();
                    let totals: Vec<f64> = closed.iter().map(|b| b.total).collect();
                    let outcomes: Vec<f64> = closed.iter().map(|b| b.outcomes_points).collect();
                    let at = u.periods.values().filter_map(|r| r.submitted_at).max();
                    (cumulative(&totals)?, cumulative(&outcomes).unwrap_or(0.0), at)
                }
            };
            let entry = RankEntry {
                unit_id: u.unit_id,
                unit_name: u.unit_name.clone(),
                score,
                outcomes_points: outcomes,
                last_submitted_at: at,
            };
            Some((u.block_id, entry))
        })
        .collect()
}

fn tables(input: &StandingsInput, scope: &Scope, mode: RankingMode) -> Vec<(BlockRef, Vec<crate::ranking::Ranked>)> {
    let all = entries(input, scope, mode);
    input
        .blocks
        .iter()
        .map(|b| {
            let mine: Vec<RankEntry> = all
                .iter()
                .filter(|(block, _)| *block == b.id)
                .map(|(_, e)| e.clone())
                .collect();
            (b.clone(), rank(mine))
        })
        .collect()
}

/// The standings of one scope, each block ranked on its own, with the change
/// since the period before (for a period) or since the cumulative ranking
/// without the latest closed period (for the campaign).
pub fn standings(input: &StandingsInput, scope: Scope, mode: RankingMode) -> Standings {
    let now = tables(input, &scope, mode);
    let before = previous(input, &scope).map(|(inp, s)| tables(&inp, &s, mode));
    let tables = now
        .into_iter()
        .enumerate()
        .map(|(i, (b, ranked))| {
            let changes = before
                .as_ref()
                .map(|t| rank_changes(&t[i].1, &ranked))
                .unwrap_or_default();
            BlockTable {
                block_id: b.id,
                block_name: b.name,
                rows: ranked
                    .into_iter()
                    .map(|r| StandingRow {
                        change: changes.get(&r.unit_id).copied().flatten(),
                        rank: r.rank,
                        unit_id: r.unit_id,
                        unit_name: r.unit_name,
                        score: r.score,
                        outcomes_points: r.outcomes_points,
                        decided_by: r.decided_by,
                    })
                    .collect(),
            }
        })
        .collect();
    Standings { mode, scope, tables }
}

/// The standings of one block only: after a change to one unit's report,
/// the only block whose order can move is its own.
pub fn block_standings(input: &StandingsInput, block_id: Id, scope: Scope, mode: RankingMode) -> Option<BlockTable> {
    let only = StandingsInput {
        sheet: input.sheet.clone(),
        periods: input.periods.clone(),
        blocks: input.blocks.iter().filter(|b| b.id == block_id).cloned().collect(),
        units: input.units.iter().filter(|u| u.block_id == block_id).cloned().collect(),
    };
    standings(&only, scope, mode).tables.pop()
}

/// What the change of rank is measured against.
fn previous(input: &StandingsInput, scope: &Scope) -> Option<(StandingsInput, Scope)> {
    match scope {
        Scope::Period(p) => {
            let i = input.periods.iter().position(|x| x.id == *p)?;
            let prev = input.periods.get(i.checked_sub(1)?)?;
            Some((input.clone(), Scope::Period(prev.id)))
        }
        Scope::Cumulative => {
            let last = input.periods.iter().rposition(|p| p.closed)?;
            let mut earlier = input.clone();
            earlier.periods[last].closed = false;
            Some((earlier, Scope::Cumulative))
        }
    }
}

#[cfg(test)]
mod tests;
