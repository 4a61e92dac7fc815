//! A unit's report for one period, as the report pages show it.

use crate::types::{Id, ReportStatus, ScoringRule, UnitKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One criterion of a report: the sheet's line with the unit's and the
/// reviewer's numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub criterion_id: Id,
    pub code: String,
    pub group_code: String,
    pub name: String,
    pub max_points: f64,
    pub rule: ScoringRule,
    pub evidence_required: bool,
    pub self_score: Option<f64>,
    pub explanation: String,
    pub reviewed_score: Option<f64>,
    pub review_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: Id,
    pub campaign_id: Id,
    pub unit_id: Id,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    pub period_id: Id,
    pub period_name: String,
    pub status: ReportStatus,
    /// Optimistic version: a save names the version it edited.
    pub version: i32,
    pub submitted_at: Option<DateTime<Utc>>,
    pub lines: Vec<ScoreLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub id: Id,
    pub unit_id: Id,
    pub unit_name: String,
    pub period_id: Id,
    pub period_name: String,
    pub status: ReportStatus,
}
