//! A publication holds the official standings and breakdowns that add up to them.

use super::*;
use crate::scoring::{CriterionScore, ReportScores};
use crate::sheet::default_sheet;
use crate::standings::{BlockRef, PeriodRecord, UnitRecord};
use crate::types::UnitKind;

fn record(a1_self: f64, a1_reviewed: Option<f64>, approved: bool) -> PeriodRecord {
    let score = CriterionScore {
        self_score: Some(a1_self),
        reviewed_score: a1_reviewed,
    };
    PeriodRecord {
        scores: ReportScores {
            scores: [("A1".to_string(), score)].into_iter().collect(),
            ..Default::default()
        },
        submitted_at: None,
        approved,
    }
}

fn input(closed: [bool; 2]) -> StandingsInput {
    let unit = |id: Id, recs: Vec<(Id, PeriodRecord)>| UnitRecord {
        unit_id: id,
        unit_name: format!("Đơn vị {id}"),
        block_id: 1,
        kind: UnitKind::Agency,
        periods: recs.into_iter().collect(),
    };
    StandingsInput {
        sheet: default_sheet(),
        periods: vec![
            PeriodRef {
                id: 10,
                name: "Tháng 8".into(),
                closed: closed[0],
            },
            PeriodRef {
                id: 11,
                name: "Tháng 9".into(),
                closed: closed[1],
            },
        ],
        blocks: vec![BlockRef {
            id: 1,
            name: "Khối 1".into(),
        }],
        units: vec![
            // Approved with a lower reviewed score than it gave itself.
            unit(
                1,
                vec![(10, record(5.0, Some(3.0), true)), (11, record(5.0, Some(4.0), true))],
            ),
            // Not approved: a high self-score that must never be published.
            unit(2, vec![(10, record(5.0, None, false)), (11, record(5.0, None, false))]),
        ],
    }
}

#[test]
fn nothing_is_published_before_a_month_closes() {
    assert_eq!(
        publication(&input([false, false])).unwrap_err(),
        PublishError::NothingClosed
    );
}

#[test]
fn a_publication_is_the_official_ranking_through_the_last_closed_month() {
    let inp = input([true, false]);
    let (through, table, breakdowns) = publication(&inp).unwrap();
    assert_eq!(through.id, 10);
    assert_eq!(table, standings(&inp, Scope::Cumulative, RankingMode::Official));
    assert_ne!(table, standings(&inp, Scope::Cumulative, RankingMode::Provisional));
    assert_eq!(breakdowns.len(), 2);
    for b in &breakdowns {
        assert_eq!(b.months.len(), 1, "only the closed month");
        let totals: Vec<f64> = b
            .months
            .iter()
            .filter_map(|m| m.breakdown.as_ref().map(|x| x.total))
            .collect();
        let mean = totals.iter().sum::<f64>() / totals.len() as f64;
        assert!(
            (mean - b.score).abs() < 1e-9,
            "the months add up to the published score"
        );
        assert!(
            b.months
                .iter()
                .flat_map(|m| &m.breakdown)
                .all(|x| x.mode == RankingMode::Official)
        );
    }
    // The unit whose report was not approved earns nothing of its self-score.
    let unapproved = breakdowns.iter().find(|b| b.unit_id == 2).unwrap();
    let line = |b: &PublishedBreakdown| {
        b.months[0]
            .breakdown
            .as_ref()
            .unwrap()
            .lines
            .iter()
            .find(|l| l.code == "A1")
            .unwrap()
            .points
    };
    assert_eq!(line(unapproved), 0.0);
    let approved = breakdowns.iter().find(|b| b.unit_id == 1).unwrap();
    assert_eq!(line(approved), 3.0, "the reviewed score, not the self-score");
    assert!(approved.criteria.iter().any(|(c, n)| c == "A1" && !n.is_empty()));
}
