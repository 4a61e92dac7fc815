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

impl ReportView {
    /// The sheet as this report's unit sees it (only the lines that apply),
    /// so the browser checks a draft with the same rules as the server.
    pub fn sheet(&self) -> crate::sheet::Sheet {
        crate::sheet::Sheet {
            groups: vec![],
            criteria: self
                .lines
                .iter()
                .map(|l| crate::sheet::Criterion {
                    code: l.code.clone(),
                    group_code: l.group_code.clone(),
                    name: l.name.clone(),
                    description: String::new(),
                    max_points: l.max_points,
                    rule: l.rule,
                    evidence_required: l.evidence_required,
                    applies_to: crate::sheet::Applicability::All,
                    activity: None,
                })
                .collect(),
        }
    }
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

/// One self-scored line as the unit's form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftLine {
    pub code: String,
    pub score: Option<f64>,
    pub explanation: String,
}

/// The running total of the unit's own scores: points entered (each within
/// its criterion's range) out of the maximum of the self-scored criteria.
/// Computed criteria (outcomes, reporting discipline) are added by the system.
pub fn self_score_total(lines: &[ScoreLine], entered: impl Fn(&ScoreLine) -> Option<f64>) -> (f64, f64) {
    lines
        .iter()
        .filter(|l| l.rule == ScoringRule::SelfScored)
        .fold((0.0, 0.0), |(earned, max), l| {
            let points = entered(l)
                .filter(|x| x.is_finite())
                .map_or(0.0, |x| x.clamp(0.0, l.max_points));
            (earned + points, max + l.max_points)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(code: &str, rule: ScoringRule, max: f64, score: Option<f64>) -> ScoreLine {
        ScoreLine {
            criterion_id: 1,
            code: code.into(),
            group_code: "A".into(),
            name: String::new(),
            max_points: max,
            rule,
            evidence_required: false,
            self_score: score,
            explanation: String::new(),
            reviewed_score: None,
            review_reason: None,
        }
    }

    #[test]
    fn the_running_total_counts_self_scores_within_range_only() {
        let lines = [
            line("A1", ScoringRule::SelfScored, 5.0, Some(4.0)),
            line("A2", ScoringRule::SelfScored, 10.0, Some(12.0)),
            line("A3", ScoringRule::SelfScored, 5.0, Some(f64::NAN)),
            line("A4", ScoringRule::SelfScored, 5.0, None),
            line("G1", ScoringRule::Outcomes, 25.0, None),
        ];
        assert_eq!(self_score_total(&lines, |l| l.self_score), (14.0, 25.0));
        assert_eq!(self_score_total(&lines, |_| Some(-1.0)), (0.0, 25.0));
    }
}
