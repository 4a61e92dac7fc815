//! Ranking within a block: by score, then the published tie-breaks, with
//! shared ranks for units that remain equal (1, 2, 2, 4).

use crate::types::{Id, coded_enum};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankEntry {
    pub unit_id: Id,
    pub unit_name: String,
    pub score: f64,
    pub outcomes_points: f64,
    pub last_submitted_at: Option<NaiveDateTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub rank: u32,
    pub unit_id: Id,
    pub unit_name: String,
    pub score: f64,
    pub outcomes_points: f64,
    pub last_submitted_at: Option<NaiveDateTime>,
    /// The tie-break that placed this unit below an equal score above it;
    /// `None` when the score decided, for the first unit and for a shared
    /// rank. Shown so that a close result explains itself.
    pub decided_by: Option<TieBreak>,
}

coded_enum! {
    /// The order of comparison, published on every ranking.
    TieBreak {
        Score = "score",
        OutcomesPoints = "outcomes_points",
        EarlierSubmission = "earlier_submission",
    }
}

impl TieBreak {
    /// The published order.
    pub const ORDER: [TieBreak; 3] = [TieBreak::Score, TieBreak::OutcomesPoints, TieBreak::EarlierSubmission];

    pub fn description(self) -> &'static str {
        match self {
            TieBreak::Score => "Điểm thi đua cao hơn xếp trên",
            TieBreak::OutcomesPoints => "Bằng điểm: điểm nhóm kết quả kéo giảm tai nạn giao thông cao hơn xếp trên",
            TieBreak::EarlierSubmission => "Vẫn bằng nhau: đơn vị gửi báo cáo sớm hơn xếp trên",
        }
    }
}

/// The lines a ranking page prints under its table, in order.
pub fn tie_break_descriptions() -> Vec<&'static str> {
    let mut lines: Vec<&'static str> = TieBreak::ORDER.iter().map(|t| t.description()).collect();
    lines.push("Các đơn vị vẫn bằng nhau đồng hạng; hạng kế tiếp được bỏ qua (1, 2, 2, 4)");
    lines
}

/// Float noise (0.1 + 0.2) must not split a tie that a person computing by
/// hand would see; non-finite scores sort last.
fn key(x: f64) -> i64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        i64::MIN
    } else {
        (x * 1e9).round() as i64
    }
}

/// Which rule separates `a` from `b` (a before b), if any.
fn separating(a: &RankEntry, b: &RankEntry) -> (Ordering, Option<TieBreak>) {
    let by_score = key(b.score).cmp(&key(a.score));
    if by_score != Ordering::Equal {
        return (by_score, Some(TieBreak::Score));
    }
    let by_outcomes = key(b.outcomes_points).cmp(&key(a.outcomes_points));
    if by_outcomes != Ordering::Equal {
        return (by_outcomes, Some(TieBreak::OutcomesPoints));
    }
    let by_time = match (a.last_submitted_at, b.last_submitted_at) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    if by_time != Ordering::Equal {
        return (by_time, Some(TieBreak::EarlierSubmission));
    }
    (Ordering::Equal, None)
}

pub fn rank(mut entries: Vec<RankEntry>) -> Vec<Ranked> {
    // unit_id only orders the display of exact ties, never their rank.
    entries.sort_by(|a, b| separating(a, b).0.then(a.unit_id.cmp(&b.unit_id)));
    let mut out: Vec<Ranked> = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let (rank, decided_by) = match i.checked_sub(1).map(|p| (p, separating(&entries[p], e).1)) {
            None => (1, None),
            Some((p, None)) => (out[p].rank, None),
            Some((_, Some(rule))) => (i as u32 + 1, (rule != TieBreak::Score).then_some(rule)),
        };
        out.push(Ranked {
            rank,
            unit_id: e.unit_id,
            unit_name: e.unit_name.clone(),
            score: e.score,
            outcomes_points: e.outcomes_points,
            last_submitted_at: e.last_submitted_at,
            decided_by,
        });
    }
    out
}

/// Movement since the previous ranking, positive when a unit moved up;
/// `None` for a unit that was not ranked before.
pub fn rank_changes(previous: &[Ranked], current: &[Ranked]) -> BTreeMap<Id, Option<i32>> {
    let before: BTreeMap<Id, u32> = previous.iter().map(|r| (r.unit_id, r.rank)).collect();
    current
        .iter()
        .map(|r| (r.unit_id, before.get(&r.unit_id).map(|&p| p as i32 - r.rank as i32)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn t(day: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2024, 7, day).unwrap().and_hms_opt(9, 0, 0)
    }

    fn e(id: Id, score: f64, outcomes: f64, at: Option<NaiveDateTime>) -> RankEntry {
        RankEntry {
            unit_id: id,
            unit_name: format!("Đơn vị {id}"),
            score,
            outcomes_points: outcomes,
            last_submitted_at: at,
        }
    }

    fn ranks(r: &[Ranked]) -> Vec<(Id, u32)> {
        r.iter().map(|x| (x.unit_id, x.rank)).collect()
    }

    #[test]
    fn ties_share_a_rank_and_skip_the_next() {
        let r = rank(vec![
            e(4, 70.0, 0.0, None),
            e(3, 80.0, 10.0, t(2)),
            e(2, 80.0, 10.0, t(2)),
            e(1, 95.0, 0.0, None),
        ]);
        assert_eq!(ranks(&r), vec![(1, 1), (2, 2), (3, 2), (4, 4)]);
        assert_eq!(r[2].decided_by, None);
    }

    #[test]
    fn tie_breaks_apply_in_the_published_order() {
        let r = rank(vec![
            e(1, 80.0, 10.0, t(5)),
            e(2, 80.0, 12.5, t(9)),
            e(3, 80.0, 10.0, t(3)),
            e(4, 80.0, 10.0, None),
            e(5, 90.0, 0.0, None),
        ]);
        assert_eq!(ranks(&r), vec![(5, 1), (2, 2), (3, 3), (1, 4), (4, 5)]);
        let by: Vec<_> = r.iter().map(|x| x.decided_by).collect();
        use TieBreak::*;
        assert_eq!(
            by,
            vec![
                None,
                None,
                Some(OutcomesPoints),
                Some(EarlierSubmission),
                Some(EarlierSubmission)
            ]
        );
    }

    #[test]
    fn float_noise_does_not_split_a_tie() {
        let r = rank(vec![e(1, 0.1 + 0.2, 0.0, None), e(2, 0.3, 0.0, None)]);
        assert_eq!(ranks(&r), vec![(1, 1), (2, 1)]);
    }

    #[test]
    fn changes_are_positive_when_moving_up() {
        let before = rank(vec![
            e(1, 90.0, 0.0, None),
            e(2, 80.0, 0.0, None),
            e(3, 70.0, 0.0, None),
        ]);
        let after = rank(vec![
            e(1, 60.0, 0.0, None),
            e(2, 80.0, 0.0, None),
            e(4, 70.0, 0.0, None),
        ]);
        let c = rank_changes(&before, &after);
        assert_eq!(c[&2], Some(1));
        assert_eq!(c[&1], Some(-2));
        assert_eq!(c[&4], None);
        assert!(!c.contains_key(&3));
    }

    #[test]
    fn descriptions_cover_every_tie_break() {
        let d = tie_break_descriptions();
        assert_eq!(d.len(), 4);
        assert!(d[1].contains("kéo giảm tai nạn"));
    }

    fn entries() -> impl Strategy<Value = Vec<RankEntry>> {
        // Few distinct values so that ties are common.
        let one = (
            prop_oneof![Just(70.0), Just(80.0), Just(85.5), 0.0..100.0f64],
            0u8..3,
            proptest::option::of(1u32..4),
        );
        proptest::collection::vec(one, 0..12).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (s, o, d))| e(i as Id, s, o as f64 * 2.5, d.and_then(t)))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn ranking_does_not_depend_on_input_order(v in entries(), seed: u64) {
            let mut shuffled = v.clone();
            let n = shuffled.len();
            for i in (1..n).rev() {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
                shuffled.swap(i, j);
            }
            prop_assert_eq!(rank(v), rank(shuffled));
        }

        #[test]
        fn ranks_are_competition_ranks(v in entries()) {
            let r = rank(v);
            for (i, x) in r.iter().enumerate() {
                let above = r.iter().filter(|y| separating(&entry(y), &entry(x)).0 == Ordering::Less).count();
                prop_assert_eq!(x.rank as usize, above + 1);
                if i > 0 {
                    prop_assert!(x.rank >= r[i - 1].rank);
                }
            }
        }

        #[test]
        fn raising_a_score_never_lowers_the_rank(v in entries(), pick: prop::sample::Index, raise in 0.0..30.0f64) {
            prop_assume!(!v.is_empty());
            let i = pick.index(v.len());
            let id = v[i].unit_id;
            let before = rank(v.clone()).into_iter().find(|r| r.unit_id == id).unwrap().rank;
            let mut raised = v;
            raised[i].score += raise;
            let after = rank(raised).into_iter().find(|r| r.unit_id == id).unwrap().rank;
            prop_assert!(after <= before);
        }
    }

    fn entry(r: &Ranked) -> RankEntry {
        e(r.unit_id, r.score, r.outcomes_points, r.last_submitted_at)
    }
}
