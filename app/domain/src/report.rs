//! A unit's report for one period, as the report pages show it.

use crate::types::{Activity, Id, ReportStatus, ScoringRule, UnitKind};
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
    /// The activity figure shown beside the line (and, for a line scored on
    /// an activity, the figure its points come from).
    pub activity: Option<Activity>,
}

/// One activity figure of a report, with the unit's pledge beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityFigure {
    pub activity: Activity,
    /// This period's figure; `None` until the unit enters it.
    pub value: Option<i64>,
    /// The pledge for the whole campaign; `None` if the unit made none.
    pub pledge: Option<i64>,
    /// This period's share of the pledge (see [`crate::pledge_share`]).
    pub share: f64,
    /// The unit's figures in the campaign's earlier periods, added up.
    pub before: i64,
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
    pub activities: Vec<ActivityFigure>,
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
                    activity: l.activity,
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

/// One activity figure as the unit's form sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub activity: Activity,
    pub value: Option<i64>,
}

/// The running total of what the unit's own entries earn: self-scores (each
/// within its criterion's range) and the lines scored on an activity figure,
/// out of those lines' maximum. Outcomes and reporting discipline are added
/// by the system from data the unit does not enter.
pub fn self_score_total(
    view: &ReportView,
    entered: impl Fn(&ScoreLine) -> Option<f64>,
    figure: impl Fn(Activity) -> Option<i64>,
) -> (f64, f64) {
    view.lines.iter().fold((0.0, 0.0), |(earned, max), l| {
        let points = match (l.rule, l.activity) {
            (ScoringRule::SelfScored, _) => entered(l)
                .filter(|x| x.is_finite())
                .map_or(0.0, |x| x.clamp(0.0, l.max_points)),
            (ScoringRule::ActivityAgainstPledge, Some(a)) => {
                let share = view
                    .activities
                    .iter()
                    .find(|f| f.activity == a)
                    .map_or(0.0, |f| f.share);
                crate::activity_points(l.max_points, figure(a), share)
            }
            _ => return (earned, max),
        };
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
            activity: (rule == ScoringRule::ActivityAgainstPledge).then_some(Activity::Posts),
        }
    }

    fn view(lines: Vec<ScoreLine>) -> ReportView {
        ReportView {
            id: 1,
            campaign_id: 1,
            unit_id: 1,
            unit_name: String::new(),
            unit_kind: UnitKind::Agency,
            period_id: 1,
            period_name: String::new(),
            status: ReportStatus::Draft,
            version: 1,
            submitted_at: None,
            lines,
            activities: vec![ActivityFigure {
                activity: Activity::Posts,
                value: None,
                pledge: Some(12),
                share: 2.0,
                before: 0,
            }],
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
        let v = view(lines.to_vec());
        assert_eq!(self_score_total(&v, |l| l.self_score, |_| None), (14.0, 25.0));
        assert_eq!(self_score_total(&v, |_| Some(-1.0), |_| None), (0.0, 25.0));
    }

    #[test]
    fn the_running_total_counts_a_line_scored_on_a_figure_as_it_is_typed() {
        let v = view(vec![
            line("A1", ScoringRule::SelfScored, 5.0, Some(4.0)),
            line("D2", ScoringRule::ActivityAgainstPledge, 4.0, Some(4.0)),
        ]);
        // A share of 2 posts a month: 1 post earns half of D2's 4 points.
        assert_eq!(self_score_total(&v, |l| l.self_score, |_| Some(1)), (6.0, 9.0));
        assert_eq!(self_score_total(&v, |l| l.self_score, |_| None), (4.0, 9.0));
    }
}
