//! The campaign's standings: every unit's period scores from the sheet's
//! formulas, ranked within its block per period and cumulatively, with the
//! change of rank since the previous period. Pure: the store gathers the
//! inputs, this module decides.

use crate::ranking::{RankEntry, TieBreak, rank, rank_changes};
use crate::scoring::{RankingMode, ReportScores, ScoreBreakdown, cumulative, period_score, period_total};
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
fn counts_entries(record: &PeriodRecord, mode: RankingMode) -> bool {
    mode == RankingMode::Provisional || record.approved
}

/// A unit's breakdown for a period; `None` when it has nothing for it.
pub fn unit_period(input: &StandingsInput, unit: &UnitRecord, period: Id, mode: RankingMode) -> Option<ScoreBreakdown> {
    let record = unit.periods.get(&period)?;
    if counts_entries(record, mode) {
        return Some(period_score(&input.sheet, unit.kind, &record.scores, mode));
    }
    let mut scores = record.scores.clone();
    scores.scores.clear();
    scores.activities.clear();
    Some(period_score(&input.sheet, unit.kind, &scores, mode))
}

/// Each unit's (total, group G points) in the period at `index`.
fn column(input: &StandingsInput, index: usize, mode: RankingMode) -> Vec<Option<(f64, f64)>> {
    let id = input.periods[index].id;
    input
        .units
        .iter()
        .map(|u| {
            let r = u.periods.get(&id)?;
            Some(period_total(
                &input.sheet,
                u.kind,
                &r.scores,
                mode,
                counts_entries(r, mode),
            ))
        })
        .collect()
}

/// The periods a scope reads, as indexes: one month, or the closed ones.
fn scope_periods(input: &StandingsInput, scope: &Scope) -> Option<Vec<usize>> {
    match scope {
        Scope::Period(p) => Some(vec![input.periods.iter().position(|x| x.id == *p)?]),
        Scope::Cumulative => Some((0..input.periods.len()).filter(|&i| input.periods[i].closed).collect()),
    }
}

/// Each unit's entry in a scope, from the period columns computed once.
fn entries(
    input: &StandingsInput,
    columns: &BTreeMap<usize, Vec<Option<(f64, f64)>>>,
    periods: &[usize],
) -> Vec<(Id, RankEntry)> {
    input
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let cells: Vec<(f64, f64)> = periods.iter().filter_map(|p| columns[p][i]).collect();
            let totals: Vec<f64> = cells.iter().map(|c| c.0).collect();
            let outcomes: Vec<f64> = cells.iter().map(|c| c.1).collect();
            let at = periods
                .iter()
                .filter_map(|p| u.periods.get(&input.periods[*p].id).and_then(|r| r.submitted_at))
                .max();
            let entry = RankEntry {
                unit_id: u.unit_id,
                unit_name: u.unit_name.clone(),
                score: cumulative(&totals)?,
                outcomes_points: cumulative(&outcomes).unwrap_or(0.0),
                last_submitted_at: at,
            };
            Some((u.block_id, entry))
        })
        .collect()
}

fn ranked_blocks(input: &StandingsInput, all: Vec<(Id, RankEntry)>) -> Vec<(BlockRef, Vec<crate::ranking::Ranked>)> {
    let mut by_block: BTreeMap<Id, Vec<RankEntry>> = BTreeMap::new();
    for (block, e) in all {
        by_block.entry(block).or_default().push(e);
    }
    input
        .blocks
        .iter()
        .map(|b| (b.clone(), rank(by_block.remove(&b.id).unwrap_or_default())))
        .collect()
}

/// The standings of one scope, each block ranked on its own, with the change
/// since the period before (for a period) or since the cumulative ranking
/// without the latest closed period (for the campaign).
pub fn standings(input: &StandingsInput, scope: Scope, mode: RankingMode) -> Standings {
    let now = scope_periods(input, &scope).unwrap_or_default();
    let before: Option<Vec<usize>> = match scope {
        Scope::Period(_) => now.first().and_then(|i| i.checked_sub(1)).map(|i| vec![i]),
        Scope::Cumulative => (!now.is_empty()).then(|| now[..now.len() - 1].to_vec()),
    };
    let mut columns = BTreeMap::new();
    for &i in now.iter().chain(before.iter().flatten()) {
        columns.entry(i).or_insert_with(|| column(input, i, mode));
    }
    let current = ranked_blocks(input, entries(input, &columns, &now));
    let previous = before.map(|b| ranked_blocks(input, entries(input, &columns, &b)));
    let tables = current
        .into_iter()
        .enumerate()
        .map(|(i, (b, ranked))| {
            let changes = previous
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

/// Every unit in one table, ranked across the blocks by the same rules:
/// scores are on the same 100-point scale whatever a unit's block or kind.
/// The table's block id is 0 and its name `name`.
pub fn overall_standings(input: &StandingsInput, name: &str, scope: Scope, mode: RankingMode) -> Standings {
    let all = StandingsInput {
        sheet: input.sheet.clone(),
        periods: input.periods.clone(),
        blocks: vec![BlockRef {
            id: 0,
            name: name.to_string(),
        }],
        units: input
            .units
            .iter()
            .map(|u| UnitRecord {
                block_id: 0,
                ..u.clone()
            })
            .collect(),
    };
    standings(&all, scope, mode)
}

/// For each row of `now`, how many rows it has moved up since `before` was
/// shown (negative: down; 0 for a unit new to the table), so that a screen
/// can slide it from where it stood.
pub fn row_shifts(before: &BlockTable, now: &BlockTable) -> Vec<i32> {
    let was: BTreeMap<Id, usize> = before.rows.iter().enumerate().map(|(i, r)| (r.unit_id, i)).collect();
    now.rows
        .iter()
        .enumerate()
        .map(|(i, r)| was.get(&r.unit_id).map_or(0, |&w| w as i32 - i as i32))
        .collect()
}

#[cfg(test)]
mod tests;
