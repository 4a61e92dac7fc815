//! Hand-computed standings and the engine's properties.

use super::*;
use crate::scoring::CriterionScore;
use crate::sheet::default_sheet;
use proptest::prelude::*;

fn agency_scores(points: &[(&str, f64)], approved: bool) -> PeriodRecord {
    let scores = points
        .iter()
        .map(|(c, s)| {
            let score = CriterionScore {
                self_score: Some(*s),
                reviewed_score: None,
            };
            (c.to_string(), score)
        })
        .collect();
    PeriodRecord {
        scores: ReportScores {
            scores,
            ..Default::default()
        },
        submitted_at: None,
        approved,
    }
}

fn unit(id: Id, periods: Vec<(Id, PeriodRecord)>) -> UnitRecord {
    UnitRecord {
        unit_id: id,
        unit_name: format!("Đơn vị {id}"),
        block_id: 1,
        kind: UnitKind::Agency,
        periods: periods.into_iter().collect(),
    }
}

fn input(units: Vec<UnitRecord>) -> StandingsInput {
    StandingsInput {
        sheet: default_sheet(),
        periods: vec![
            PeriodRef {
                id: 10,
                name: "Tháng 8".into(),
                closed: true,
            },
            PeriodRef {
                id: 11,
                name: "Tháng 9".into(),
                closed: true,
            },
        ],
        blocks: vec![BlockRef {
            id: 1,
            name: "Khối 1".into(),
        }],
        units,
    }
}

#[test]
fn a_block_ranked_by_hand() {
    // An agency's applicable maximum is 15 + 5 + 20 + 5 (discipline) = 45
    // (A, B, D and H; no C, E, F or G). On time, H gives 5.
    // Unit 1: A1 5 + D1 8 + H 5 = 18 of 45 = 40.
    // Unit 2: A1 5 + D1 8 + B1 3 + H 5 = 21 of 45 = 46.67.
    // Unit 3: the same as unit 1: they share rank 2 (no outcomes, no time).
    let units = vec![
        unit(1, vec![(10, agency_scores(&[("A1", 5.0), ("D1", 8.0)], true))]),
        unit(
            2,
            vec![(10, agency_scores(&[("A1", 5.0), ("D1", 8.0), ("B1", 3.0)], true))],
        ),
        unit(3, vec![(10, agency_scores(&[("A1", 5.0), ("D1", 8.0)], true))]),
    ];
    let s = standings(&input(units), Scope::Period(10), RankingMode::Official);
    let rows = &s.tables[0].rows;
    let got: Vec<(u32, Id, f64)> = rows
        .iter()
        .map(|r| (r.rank, r.unit_id, crate::round2(r.score)))
        .collect();
    assert_eq!(got, vec![(1, 2, 46.67), (2, 1, 40.0), (2, 3, 40.0)]);
    assert!(rows.iter().all(|r| r.change.is_none()), "no period before the first");
}

#[test]
fn an_official_ranking_counts_only_approved_reports() {
    let units = vec![
        unit(1, vec![(10, agency_scores(&[("A1", 5.0)], true))]),
        unit(2, vec![(10, agency_scores(&[("A1", 5.0), ("D1", 8.0)], false))]),
    ];
    let i = input(units);
    let official = standings(&i, Scope::Period(10), RankingMode::Official);
    assert_eq!(official.tables[0].rows[0].unit_id, 1);
    let provisional = standings(&i, Scope::Period(10), RankingMode::Provisional);
    assert_eq!(provisional.tables[0].rows[0].unit_id, 2);
}

#[test]
fn the_change_of_rank_is_since_the_period_before() {
    let units = vec![
        unit(
            1,
            vec![
                (10, agency_scores(&[("A1", 5.0)], true)),
                (11, agency_scores(&[("A1", 1.0)], true)),
            ],
        ),
        unit(
            2,
            vec![
                (10, agency_scores(&[("A1", 1.0)], true)),
                (11, agency_scores(&[("A1", 5.0)], true)),
            ],
        ),
    ];
    let i = input(units);
    let s = standings(&i, Scope::Period(11), RankingMode::Official);
    let change: Vec<(Id, Option<i32>)> = s.tables[0].rows.iter().map(|r| (r.unit_id, r.change)).collect();
    assert_eq!(change, vec![(2, Some(1)), (1, Some(-1))]);
    // Cumulative: equal means (the same points over two months), shared rank.
    let c = standings(&i, Scope::Cumulative, RankingMode::Official);
    assert_eq!(c.tables[0].rows.iter().map(|r| r.rank).collect::<Vec<_>>(), vec![1, 1]);
}

#[test]
fn a_row_slides_from_where_it_stood() {
    let table = |ids: &[Id]| BlockTable {
        block_id: 1,
        block_name: "Khối".into(),
        rows: ids
            .iter()
            .enumerate()
            .map(|(i, &id)| StandingRow {
                rank: i as u32 + 1,
                unit_id: id,
                unit_name: format!("Đơn vị {id}"),
                score: 0.0,
                outcomes_points: 0.0,
                decided_by: None,
                change: None,
            })
            .collect(),
    };
    // 4 climbs from fourth to second; 2 and 3 each step down one; 9 is new.
    assert_eq!(
        row_shifts(&table(&[1, 2, 3, 4]), &table(&[1, 4, 2, 3, 9])),
        [0, 2, -1, -1, 0]
    );
    assert_eq!(row_shifts(&table(&[1, 2]), &table(&[1, 2])), [0, 0]);
}

#[test]
fn the_overall_table_ranks_every_unit_on_its_block_score() {
    let mut units = build(&[(10.0, 5.0, true), (4.0, 2.0, true), (12.0, 7.0, true), (6.0, 1.0, true)]);
    units[1].block_id = 2;
    units[3].block_id = 2;
    let mut inp = input(units);
    inp.blocks.push(BlockRef {
        id: 2,
        name: "Khối 2".into(),
    });
    let by_block = standings(&inp, Scope::Cumulative, RankingMode::Official);
    let all = overall_standings(&inp, "Tất cả", Scope::Cumulative, RankingMode::Official);
    assert_eq!(all.tables.len(), 1);
    let rows = &all.tables[0].rows;
    assert_eq!(rows.len(), 4);
    let block_score = |id| {
        by_block
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .find(|r| r.unit_id == id)
            .unwrap()
            .score
    };
    assert!(rows.iter().all(|r| r.score == block_score(r.unit_id)));
    assert!(
        rows.windows(2)
            .all(|w| w[0].score >= w[1].score && w[0].rank <= w[1].rank)
    );
    assert_eq!(rows[0].rank, 1);
}

fn any_units() -> impl Strategy<Value = Vec<(f64, f64, bool)>> {
    proptest::collection::vec((0.0..=15.0f64, 0.0..=8.0f64, any::<bool>()), 1..12)
}

fn build(spec: &[(f64, f64, bool)]) -> Vec<UnitRecord> {
    spec.iter()
        .enumerate()
        .map(|(i, (a, d, approved))| {
            let a1 = (a / 3.0 * 100.0).round() / 100.0;
            unit(
                i as Id + 1,
                vec![(10, agency_scores(&[("A1", a1.min(5.0)), ("D1", *d)], *approved))],
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn the_ranking_does_not_depend_on_input_order(spec in any_units(), seed: u64, official: bool) {
        let mode = if official { RankingMode::Official } else { RankingMode::Provisional };
        let units = build(&spec);
        let mut shuffled = units.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let a = standings(&input(units), Scope::Period(10), mode);
        let b = standings(&input(shuffled), Scope::Period(10), mode);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn more_points_never_lower_a_rank(spec in any_units(), pick: prop::sample::Index, extra in 0.01..3.0f64) {
        let units = build(&spec);
        let who = pick.index(units.len());
        let before = standings(&input(units.clone()), Scope::Period(10), RankingMode::Provisional);
        let mut better = units;
        let record = better[who].periods.get_mut(&10).unwrap();
        let d1 = record.scores.scores.get_mut("D1").unwrap();
        d1.self_score = Some((d1.self_score.unwrap() + extra).min(8.0));
        let after = standings(&input(better.clone()), Scope::Period(10), RankingMode::Provisional);
        let rank_of = |s: &Standings| s.tables[0].rows.iter().find(|r| r.unit_id == better[who].unit_id).unwrap().rank;
        prop_assert!(rank_of(&after) <= rank_of(&before));
    }

    #[test]
    fn every_ranked_score_stays_within_0_to_100_plus_bonus(spec in any_units()) {
        let s = standings(&input(build(&spec)), Scope::Cumulative, RankingMode::Provisional);
        for r in &s.tables[0].rows {
            prop_assert!((-5.0..=105.0).contains(&r.score));
        }
        let ranks: Vec<u32> = s.tables[0].rows.iter().map(|r| r.rank).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        prop_assert_eq!(ranks[0], 1);
    }
}
