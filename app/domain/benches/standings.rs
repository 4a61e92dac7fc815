//! The standings engine at national scale: 4,000 units in 40 blocks, a
//! 40-criterion sheet, 12 monthly periods. A full recompute (every block,
//! cumulative, with the change of rank), and the update after one changed
//! score (that unit's block only). Run: `cargo bench -p domain --bench standings`.

use criterion::{Criterion, criterion_group, criterion_main};
use domain::{
    Applicability, BlockRef, Criterion as Line, CriterionGroup, CriterionScore, PeriodRecord, PeriodRef, RankingMode,
    ReportScores, Scope, ScoringRule, Sheet, StandingsInput, UnitKind, UnitRecord, block_standings, standings,
};
use std::collections::BTreeMap;
use std::hint::black_box;

const UNITS: i64 = 4_000;
const BLOCKS: i64 = 40;
const CRITERIA: usize = 40;
const PERIODS: i64 = 12;

fn sheet() -> Sheet {
    let groups = (0..8)
        .map(|g| CriterionGroup {
            code: format!("G{g}"),
            name: format!("Nhóm {g}"),
            task_ref: String::new(),
            max_points: 12.5,
        })
        .collect();
    let criteria = (0..CRITERIA)
        .map(|i| Line {
            code: format!("C{i}"),
            group_code: format!("G{}", i / 5),
            name: format!("Tiêu chí {i}"),
            description: String::new(),
            max_points: 2.5,
            rule: ScoringRule::SelfScored,
            evidence_required: false,
            applies_to: Applicability::All,
            activity: None,
        })
        .collect();
    Sheet { groups, criteria }
}

/// Scores from a fixed arithmetic sequence: varied, reproducible, no RNG crate.
fn input() -> StandingsInput {
    let units = (0..UNITS)
        .map(|u| {
            let periods = (0..PERIODS)
                .map(|p| {
                    let scores = (0..CRITERIA)
                        .map(|c| {
                            let x = ((u * 7919 + p * 104_729 + c as i64 * 31) % 251) as f64 / 100.0;
                            let score = CriterionScore {
                                self_score: Some(x.min(2.5)),
                                reviewed_score: None,
                            };
                            (format!("C{c}"), score)
                        })
                        .collect();
                    let record = PeriodRecord {
                        scores: ReportScores {
                            scores,
                            ..Default::default()
                        },
                        submitted_at: None,
                        approved: true,
                    };
                    (p, record)
                })
                .collect::<BTreeMap<_, _>>();
            UnitRecord {
                unit_id: u,
                unit_name: format!("Đơn vị {u}"),
                block_id: u % BLOCKS,
                kind: UnitKind::Agency,
                periods,
            }
        })
        .collect();
    StandingsInput {
        sheet: sheet(),
        periods: (0..PERIODS)
            .map(|p| PeriodRef {
                id: p,
                name: format!("Tháng {}", p + 1),
                closed: true,
            })
            .collect(),
        blocks: (0..BLOCKS)
            .map(|b| BlockRef {
                id: b,
                name: format!("Khối {b}"),
            })
            .collect(),
        units,
    }
}

fn bench(c: &mut Criterion) {
    let mut input = input();
    let mut g = c.benchmark_group("standings_4000_units_40_criteria_12_periods");
    g.sample_size(10);
    g.bench_function("full_recompute_cumulative", |b| {
        b.iter(|| standings(black_box(&input), Scope::Cumulative, RankingMode::Official))
    });
    g.bench_function("one_period_all_blocks", |b| {
        b.iter(|| standings(black_box(&input), Scope::Period(11), RankingMode::Official))
    });
    // One reviewed score changes: only that unit's block is ranked again.
    let unit = 1234usize;
    let block = input.units[unit].block_id;
    g.bench_function("after_one_changed_score", |b| {
        b.iter(|| {
            let s = input.units[unit]
                .periods
                .get_mut(&11)
                .unwrap()
                .scores
                .scores
                .get_mut("C3")
                .unwrap();
            s.reviewed_score = Some(if s.reviewed_score == Some(2.5) { 0.5 } else { 2.5 });
            block_standings(black_box(&input), block, Scope::Cumulative, RankingMode::Official)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
