//! Hand-computed cases and properties of `scoring`.

use super::*;
use crate::sheet::default_sheet;
use chrono::NaiveDate;
use proptest::prelude::*;

fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 7, 19)
        .unwrap()
        .and_hms_opt(h, m, s)
        .unwrap()
}

fn figures(acc: u32, deaths: u32, inj: u32, drink: u32, serious: u32, comm: u32) -> AccidentFigures {
    AccidentFigures {
        accidents: acc,
        deaths,
        injuries: inj,
        drink_driving: drink,
        particularly_serious: serious,
        commercial_car: comm,
    }
}

fn selfs(pairs: &[(&str, f64)]) -> BTreeMap<String, CriterionScore> {
    pairs
        .iter()
        .map(|(c, s)| {
            (
                c.to_string(),
                CriterionScore {
                    self_score: Some(*s),
                    reviewed_score: None,
                },
            )
        })
        .collect()
}

#[test]
fn each_measure_follows_the_four_cases() {
    assert_eq!(measure_points(2, 3), 5.0);
    assert_eq!(measure_points(0, 0), 5.0);
    assert_eq!(measure_points(4, 4), 2.5);
    assert_eq!(measure_points(5, 4), 0.0);
    assert_eq!(measure_points(1, 0), 0.0);
}

#[test]
fn outcomes_sum_five_measures_and_serious_zeroes_them() {
    let base = figures(5, 1, 1, 0, 0, 0);
    // accidents fell 5, deaths held 2.5, injuries rose 0, drink 0=0 5, commercial rose 0.
    let cur = figures(3, 1, 2, 0, 0, 1);
    assert_eq!(outcome_points(&cur, &base), 12.5);
    assert_eq!(
        outcome_points(&AccidentFigures::default(), &AccidentFigures::default()),
        25.0
    );
    let serious = figures(1, 3, 0, 0, 1, 0);
    assert_eq!(outcome_points(&serious, &figures(9, 9, 9, 9, 9, 9)), 0.0);
}

#[test]
fn discipline_is_all_or_nothing_at_the_deadline() {
    let deadline = at(23, 59, 59);
    assert_eq!(discipline_points(Some(at(10, 0, 0)), deadline), 5.0);
    assert_eq!(discipline_points(Some(deadline), deadline), 5.0);
    assert_eq!(
        discipline_points(Some(deadline + chrono::Duration::seconds(1)), deadline),
        0.0
    );
    assert_eq!(discipline_points(None, deadline), 0.0);
}

fn agency_input() -> ReportScores {
    let scores = selfs(&[
        ("A1", 5.0),
        ("A2", 4.0),
        ("A3", 3.5),
        ("B1", 3.0),
        ("B2", 0.0),
        ("D1", 8.0),
        ("D2", 2.0),
        ("D3", 4.0),
        ("D4", 4.0),
    ]);
    ReportScores {
        scores,
        bonus: 2.0,
        ..Default::default()
    }
}

#[test]
fn agency_period_score_by_hand() {
    // 33.5 self-scored + 5 on time = 38.5 of 45 → 85.5556, + 2 bonus.
    let b = period_score(
        &default_sheet(),
        UnitKind::Agency,
        &agency_input(),
        RankingMode::Provisional,
    );
    assert_eq!(b.applicable_max, 45.0);
    assert_eq!(b.earned, 38.5);
    assert!((b.normalized - 3850.0 / 45.0).abs() < 1e-12);
    assert!((b.total - (3850.0 / 45.0 + 2.0)).abs() < 1e-12);
    assert_eq!(b.lines.len(), 10);
    assert_eq!(round2(b.total), 87.56);
    assert_eq!(b.outcomes_points, 0.0);
}

#[test]
fn official_mode_uses_reviewed_scores() {
    let mut input = agency_input();
    input.scores.get_mut("A1").unwrap().reviewed_score = Some(3.0);
    let p = period_score(&default_sheet(), UnitKind::Agency, &input, RankingMode::Provisional);
    let o = period_score(&default_sheet(), UnitKind::Agency, &input, RankingMode::Official);
    assert_eq!(p.earned, 38.5);
    assert_eq!(o.earned, 36.5);
    let a1 = o.lines.iter().find(|l| l.code == "A1").unwrap();
    assert_eq!(
        (a1.self_score, a1.reviewed_score, a1.points),
        (Some(5.0), Some(3.0), 3.0)
    );
}

#[test]
fn commune_outcomes_are_computed_never_self_scored() {
    let mut input = ReportScores {
        scores: selfs(&[("G1", 25.0), ("A1", 5.0)]),
        current_figures: figures(3, 1, 2, 0, 0, 1),
        baseline_figures: figures(5, 1, 1, 0, 0, 0),
        late: true,
        ..Default::default()
    };
    let b = period_score(&default_sheet(), UnitKind::Commune, &input, RankingMode::Official);
    // 5 (A1) + 12.5 (G) + 0 (late) of 100.
    assert_eq!(b.outcomes_points, 12.5);
    assert_eq!(b.earned, 17.5);
    assert_eq!(b.normalized, 17.5);
    let g = b.lines.iter().find(|l| l.code == "G1").unwrap();
    assert_eq!(g.self_score, None);
    input.current_figures.particularly_serious = 1;
    let b = period_score(&default_sheet(), UnitKind::Commune, &input, RankingMode::Official);
    assert_eq!(b.outcomes_points, 0.0);
}

#[test]
fn scores_are_clamped_to_each_criterion() {
    let input = ReportScores {
        scores: selfs(&[("A1", 7.0), ("A2", -1.0), ("A3", f64::NAN), ("B1", f64::INFINITY)]),
        ..Default::default()
    };
    let b = period_score(&default_sheet(), UnitKind::Agency, &input, RankingMode::Provisional);
    // 5 + 0 + 0 + 3 + 5 on time.
    assert_eq!(b.earned, 13.0);
}

#[test]
fn missing_report_costs_discipline_and_two_penalty_points() {
    let input = ReportScores {
        missing: true,
        ..Default::default()
    };
    let b = period_score(&default_sheet(), UnitKind::Agency, &input, RankingMode::Official);
    assert_eq!((b.earned, b.penalty, b.total), (0.0, 2.0, -2.0));
    let input = ReportScores {
        missing: true,
        penalty: 4.0,
        bonus: 9.0,
        ..Default::default()
    };
    let b = period_score(&default_sheet(), UnitKind::Agency, &input, RankingMode::Official);
    assert_eq!((b.bonus, b.penalty), (5.0, 5.0));
}

#[test]
fn cumulative_is_the_mean_of_closed_periods() {
    assert_eq!(cumulative(&[]), None);
    assert_eq!(cumulative(&[80.0, 90.0, 85.5]), Some(85.16666666666667));
}

#[test]
fn activity_points_follow_the_figure_against_the_pledge_share() {
    // A pledge of 12 posts over 6 months: 2 a month.
    let share = pledge_share(12, 6);
    assert_eq!(share, 2.0);
    assert_eq!(activity_points(4.0, Some(1), share), 2.0);
    assert_eq!(activity_points(4.0, Some(2), share), 4.0);
    assert_eq!(activity_points(4.0, Some(9), share), 4.0);
    assert_eq!(activity_points(4.0, Some(0), share), 0.0);
    assert_eq!(activity_points(4.0, None, share), 0.0);
    assert_eq!(activity_points(4.0, Some(-3), share), 0.0);
    // Nothing pledged: nothing asked.
    assert_eq!(activity_points(4.0, Some(0), 0.0), 4.0);
    assert_eq!(activity_points(4.0, Some(0), f64::NAN), 4.0);
}

#[test]
fn a_criterion_on_an_activity_is_scored_from_the_figure_not_a_self_score() {
    let mut sheet = default_sheet();
    let d2 = sheet.criteria.iter_mut().find(|c| c.code == "D2").unwrap();
    d2.rule = ScoringRule::ActivityAgainstPledge;
    let mut input = ReportScores {
        // A self-score typed for D2 by mistake counts for nothing.
        scores: selfs(&[("D2", 4.0)]),
        ..Default::default()
    };
    input.activities.insert(Activity::Posts, 3);
    input.pledge_shares.insert(Activity::Posts, 4.0);
    let b = period_score(&sheet, UnitKind::Agency, &input, RankingMode::Official);
    let line = b.lines.iter().find(|l| l.code == "D2").unwrap();
    assert_eq!((line.points, line.self_score), (3.0, None));
    // The figure moves the score; a self-score does not.
    input.activities.insert(Activity::Posts, 4);
    let b = period_score(&sheet, UnitKind::Agency, &input, RankingMode::Provisional);
    assert_eq!(b.lines.iter().find(|l| l.code == "D2").unwrap().points, 4.0);
}

fn any_score() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -10.0..40.0f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
    ]
}

proptest! {
    #[test]
    fn normalized_and_total_stay_in_range(
        kind in proptest::sample::select(UnitKind::ALL),
        selfs in proptest::collection::vec(any_score(), 24),
        reviewed in proptest::collection::vec(proptest::option::of(any_score()), 24),
        bonus in any_score(), penalty in any_score(),
        late: bool, missing: bool, official: bool,
        cur in proptest::array::uniform6(0u32..6), base in proptest::array::uniform6(0u32..6),
    ) {
        let sheet = default_sheet();
        let scores = sheet.criteria.iter().enumerate().map(|(i, c)| {
            (c.code.clone(), CriterionScore { self_score: Some(selfs[i]), reviewed_score: reviewed[i] })
        }).collect();
        let f = |a: [u32; 6]| figures(a[0], a[1], a[2], a[3], a[4], a[5]);
        let input = ReportScores {
            scores, current_figures: f(cur), baseline_figures: f(base), bonus, penalty, late, missing,
            ..Default::default()
        };
        let mode = if official { RankingMode::Official } else { RankingMode::Provisional };
        let b = period_score(&sheet, kind, &input, mode);
        prop_assert!((0.0..=100.0).contains(&b.normalized));
        prop_assert!((-5.0..=105.0).contains(&b.total));
        prop_assert!((0.0..=OUTCOMES_MAX).contains(&b.outcomes_points));
        for l in &b.lines {
            prop_assert!((0.0..=l.max_points).contains(&l.points));
        }
    }
}

proptest! {
    #[test]
    fn more_activity_never_earns_fewer_points(
        max in 0.5..20.0f64, a in 0i64..500, extra in 0i64..500, share in 0.0..100.0f64,
    ) {
        let less = activity_points(max, Some(a), share);
        let more = activity_points(max, Some(a + extra), share);
        prop_assert!(less <= more);
        prop_assert!((0.0..=max).contains(&more));
    }
}

proptest! {
    /// The ranking's fast path adds up exactly what the breakdown shows.
    #[test]
    fn the_period_total_equals_the_breakdowns_total(
        kind in proptest::sample::select(UnitKind::ALL),
        selfs in proptest::collection::vec(any_score(), 24),
        reviewed in proptest::collection::vec(proptest::option::of(any_score()), 24),
        bonus in any_score(), penalty in any_score(), late: bool, missing: bool, official: bool,
        cur in proptest::array::uniform6(0u32..6), base in proptest::array::uniform6(0u32..6),
    ) {
        let sheet = default_sheet();
        let scores = sheet.criteria.iter().enumerate().map(|(i, c)| {
            (c.code.clone(), CriterionScore { self_score: Some(selfs[i]), reviewed_score: reviewed[i] })
        }).collect();
        let f = |a: [u32; 6]| figures(a[0], a[1], a[2], a[3], a[4], a[5]);
        let input = ReportScores {
            scores, current_figures: f(cur), baseline_figures: f(base), bonus, penalty, late, missing,
            ..Default::default()
        };
        let mode = if official { RankingMode::Official } else { RankingMode::Provisional };
        let b = period_score(&sheet, kind, &input, mode);
        let (total, outcomes) = period_total(&sheet, kind, &input, mode, true);
        prop_assert_eq!((total, outcomes), (b.total, b.outcomes_points));
        let empty = ReportScores { scores: BTreeMap::new(), ..input.clone() };
        let b = period_score(&sheet, kind, &empty, mode);
        prop_assert_eq!(period_total(&sheet, kind, &input, mode, false), (b.total, b.outcomes_points));
    }
}
