//! Publishing the official ranking. The public sees only what the standing
//! office published, frozen as it was: the official cumulative standings
//! over the closed months, and each ranked unit's breakdown month by month.
//! Provisional results are never published.

use crate::scoring::{RankingMode, ScoreBreakdown};
use crate::standings::{PeriodRef, Scope, Standings, StandingsInput, standings, unit_period};
use crate::types::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedRanking {
    pub id: Id,
    /// The last month it counts.
    pub through: PeriodRef,
    pub published_at: DateTime<Utc>,
    pub standings: Standings,
}

/// One unit's published breakdown: its place, and each month it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedBreakdown {
    pub unit_id: Id,
    pub unit_name: String,
    pub block_name: String,
    pub rank: u32,
    pub score: f64,
    pub months: Vec<PublishedMonth>,
    /// The names of the criteria in the breakdowns, by code.
    pub criteria: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedMonth {
    pub period: PeriodRef,
    /// `None`: nothing counted for the unit that month.
    pub breakdown: Option<ScoreBreakdown>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    #[error("Chưa có kỳ báo cáo nào hết hạn: chưa có kết quả chính thức để công bố.")]
    NothingClosed,
}

/// What a publication holds, computed from the campaign as it stands: the
/// last closed month, the official cumulative standings, and the breakdown
/// of every ranked unit.
pub fn publication(input: &StandingsInput) -> Result<(PeriodRef, Standings, Vec<PublishedBreakdown>), PublishError> {
    let through = input
        .periods
        .iter()
        .rev()
        .find(|p| p.closed)
        .cloned()
        .ok_or(PublishError::NothingClosed)?;
    let table = standings(input, Scope::Cumulative, RankingMode::Official);
    let closed: Vec<&PeriodRef> = input.periods.iter().filter(|p| p.closed).collect();
    let mut breakdowns = Vec::new();
    for t in &table.tables {
        for row in &t.rows {
            let Some(unit) = input.units.iter().find(|u| u.unit_id == row.unit_id) else {
                continue;
            };
            let months: Vec<PublishedMonth> = closed
                .iter()
                .map(|p| PublishedMonth {
                    period: (*p).clone(),
                    breakdown: unit_period(input, unit, p.id, RankingMode::Official),
                })
                .collect();
            let mut codes: Vec<&str> = months
                .iter()
                .flat_map(|m| m.breakdown.iter().flat_map(|b| b.lines.iter().map(|l| l.code.as_str())))
                .collect();
            codes.sort_unstable();
            codes.dedup();
            let criteria = codes
                .into_iter()
                .filter_map(|c| input.sheet.criterion(c).map(|k| (k.code.clone(), k.name.clone())))
                .collect();
            breakdowns.push(PublishedBreakdown {
                unit_id: row.unit_id,
                unit_name: row.unit_name.clone(),
                block_name: t.block_name.clone(),
                rank: row.rank,
                score: row.score,
                months,
                criteria,
            });
        }
    }
    Ok((through, table, breakdowns))
}

#[cfg(test)]
mod tests;
