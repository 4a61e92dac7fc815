//! Award proposals from the official ranking at the mid-term and final
//! reviews. They are proposals only: the council votes on them.

use crate::ranking::Ranked;
use crate::types::{AwardLevel, Id, ProposalStatus};
use crate::validation::format_points;
use serde::{Deserialize, Serialize};

/// Scores are compared as the ranking compares them, so that a unit at
/// 89.999999999 from float noise still reaches 90.
const EPS: f64 = 1e-9;

/// An award form of a campaign and its rule: who in a block may be proposed for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardRule {
    /// The campaign's award form (0 for the built-in defaults).
    pub form_id: Id,
    pub level: AwardLevel,
    pub min_score: f64,
    /// Only units ranked this high or higher in their block (1: the first, ties included).
    pub max_rank: Option<u32>,
    /// At most this many proposals of this form per block, best ranked first;
    /// the others may still meet a later form's rule.
    pub quota: Option<u32>,
    /// A particularly serious accident in the unit's area rules it out.
    pub excluded_by_serious_accident: bool,
}

/// DOMAIN.md's defaults, in the order they are tried.
pub fn default_award_rules() -> Vec<AwardRule> {
    vec![
        AwardRule {
            form_id: 0,
            level: AwardLevel::BangKhen,
            min_score: 90.0,
            max_rank: Some(1),
            quota: None,
            excluded_by_serious_accident: true,
        },
        AwardRule {
            form_id: 0,
            level: AwardLevel::GiayKhen,
            min_score: 80.0,
            max_rank: None,
            quota: None,
            excluded_by_serious_accident: true,
        },
    ]
}

impl AwardLevel {
    pub fn label(self) -> &'static str {
        match self {
            AwardLevel::BangKhen => "Bằng khen của Chủ tịch UBND tỉnh",
            AwardLevel::GiayKhen => "Giấy khen của Chủ tịch UBND huyện",
        }
    }
}

/// One block's official ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockRanking {
    pub block_id: Id,
    pub block_name: String,
    pub ranking: Vec<Ranked>,
}

impl From<&crate::standings::BlockTable> for BlockRanking {
    fn from(t: &crate::standings::BlockTable) -> Self {
        BlockRanking {
            block_id: t.block_id,
            block_name: t.block_name.clone(),
            ranking: t
                .rows
                .iter()
                .map(|r| Ranked {
                    rank: r.rank,
                    unit_id: r.unit_id,
                    unit_name: r.unit_name.clone(),
                    score: r.score,
                    outcomes_points: r.outcomes_points,
                    last_submitted_at: None,
                    decided_by: r.decided_by,
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub form_id: Id,
    pub block_id: Id,
    pub unit_id: Id,
    pub unit_name: String,
    pub rank: u32,
    pub score: f64,
    pub level: AwardLevel,
    /// `Proposed`, or `Removed` for a unit that met the score but was
    /// excluded, so the exclusion is on record and visible to the council.
    pub status: ProposalStatus,
    pub reason: String,
}

/// Public praise (biểu dương) of a unit or of a person in it: the honour
/// roll on the public page and the meeting-room screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commendation {
    pub id: Id,
    pub unit_name: Option<String>,
    pub individual_name: Option<String>,
    pub text: String,
    pub published_at: chrono::DateTime<chrono::Utc>,
}

fn qualifies(rule: &AwardRule, r: &Ranked) -> bool {
    rule.max_rank.is_none_or(|m| r.rank <= m) && r.score + EPS >= rule.min_score
}

fn standing(r: &Ranked, block: &str, rule: &AwardRule) -> String {
    format!(
        "Xếp hạng {} khối {}, đạt {} điểm (từ {} điểm trở lên)",
        r.rank,
        block,
        format_points(r.score),
        format_points(rule.min_score)
    )
}

/// For each ranked unit the first rule it meets, tried in order. A unit
/// excluded by one rule may still meet a later rule that does not exclude;
/// ranks stay as published, so excluding the first unit does not make the
/// second one first.
pub fn propose(
    blocks: &[BlockRanking],
    rules: &[AwardRule],
    has_serious_accident: impl Fn(Id) -> bool,
) -> Vec<Proposal> {
    let mut out = Vec::new();
    for block in blocks {
        // Proposals of each rule in this block so far, for its quota.
        let mut taken = vec![0u32; rules.len()];
        for r in &block.ranking {
            let serious = has_serious_accident(r.unit_id);
            let mut excluded: Option<&AwardRule> = None;
            let mut chosen: Option<&AwardRule> = None;
            for (i, rule) in rules.iter().enumerate().filter(|(_, rule)| qualifies(rule, r)) {
                if rule.excluded_by_serious_accident && serious {
                    excluded.get_or_insert(rule);
                } else if rule.quota.is_none_or(|q| taken[i] < q) {
                    taken[i] += 1;
                    chosen = Some(rule);
                    break;
                }
            }
            let (rule, status, reason) = match (chosen, excluded) {
                (Some(rule), _) => {
                    let why = format!(
                        "{}: đề nghị tặng {}",
                        standing(r, &block.block_name, rule),
                        rule.level.label()
                    );
                    (rule, ProposalStatus::Proposed, why)
                }
                (None, Some(rule)) => {
                    let why = format!(
                        "{}, nhưng không đề nghị tặng {} do có tai nạn giao thông đặc biệt nghiêm trọng trên địa bàn",
                        standing(r, &block.block_name, rule),
                        rule.level.label()
                    );
                    (rule, ProposalStatus::Removed, why)
                }
                (None, None) => continue,
            };
            out.push(Proposal {
                form_id: rule.form_id,
                block_id: block.block_id,
                unit_id: r.unit_id,
                unit_name: r.unit_name.clone(),
                rank: r.rank,
                score: r.score,
                level: rule.level,
                status,
                reason,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranking::{RankEntry, rank};
    use proptest::prelude::*;

    fn block(id: Id, scores: &[f64]) -> BlockRanking {
        let entries = scores
            .iter()
            .enumerate()
            .map(|(i, &score)| RankEntry {
                unit_id: id * 100 + i as Id,
                unit_name: format!("Đơn vị {i}"),
                score,
                outcomes_points: 0.0,
                last_submitted_at: None,
            })
            .collect();
        BlockRanking {
            block_id: id,
            block_name: format!("{id}"),
            ranking: rank(entries),
        }
    }

    fn summary(p: &[Proposal]) -> Vec<(Id, AwardLevel, ProposalStatus)> {
        p.iter().map(|x| (x.unit_id, x.level, x.status)).collect()
    }

    use AwardLevel::*;
    use ProposalStatus::*;

    #[test]
    fn first_with_90_gets_bang_khen_others_with_80_giay_khen() {
        let p = propose(&[block(1, &[95.0, 88.0, 80.0, 79.99])], &default_award_rules(), |_| {
            false
        });
        assert_eq!(
            summary(&p),
            vec![
                (100, BangKhen, Proposed),
                (101, GiayKhen, Proposed),
                (102, GiayKhen, Proposed)
            ]
        );
        assert_eq!(
            p[0].reason,
            "Xếp hạng 1 khối 1, đạt 95 điểm (từ 90 điểm trở lên): đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh"
        );
    }

    #[test]
    fn a_first_below_90_falls_back_to_giay_khen_and_ties_share_first() {
        let p = propose(
            &[block(1, &[85.5]), block(2, &[92.0, 92.0, 70.0])],
            &default_award_rules(),
            |_| false,
        );
        assert_eq!(
            summary(&p),
            vec![
                (100, GiayKhen, Proposed),
                (200, BangKhen, Proposed),
                (201, BangKhen, Proposed)
            ]
        );
        assert!(p[0].reason.contains("85,5 điểm (từ 80 điểm"));
    }

    #[test]
    fn a_serious_accident_excludes_and_does_not_promote_the_next() {
        let p = propose(&[block(1, &[96.0, 91.0])], &default_award_rules(), |id| id == 100);
        assert_eq!(summary(&p), vec![(100, BangKhen, Removed), (101, GiayKhen, Proposed)]);
        assert!(
            p[0].reason
                .ends_with("do có tai nạn giao thông đặc biệt nghiêm trọng trên địa bàn")
        );
    }

    #[test]
    fn a_quota_passes_the_rest_to_the_next_form() {
        let mut rules = default_award_rules();
        rules[1].quota = Some(2);
        let p = propose(&[block(1, &[95.0, 89.0, 88.0, 87.0])], &rules, |_| false);
        assert_eq!(
            summary(&p),
            vec![
                (100, BangKhen, Proposed),
                (101, GiayKhen, Proposed),
                (102, GiayKhen, Proposed)
            ]
        );
        rules[0].max_rank = Some(2);
        rules[0].min_score = 85.0;
        let p = propose(&[block(1, &[95.0, 89.0, 88.0])], &rules, |_| false);
        assert_eq!(
            summary(&p),
            vec![
                (100, BangKhen, Proposed),
                (101, BangKhen, Proposed),
                (102, GiayKhen, Proposed)
            ]
        );
    }

    #[test]
    fn float_noise_does_not_miss_a_threshold() {
        let p = propose(&[block(1, &[90.0 - 1e-12])], &default_award_rules(), |_| false);
        assert_eq!(summary(&p), vec![(100, BangKhen, Proposed)]);
    }

    proptest! {
        #[test]
        fn proposals_follow_the_rules(scores in proptest::collection::vec(50.0..100.0f64, 0..10), serious_mask: u16) {
            let serious = |id: Id| serious_mask & (1 << (id % 16)) != 0;
            let b = block(1, &scores);
            let p = propose(std::slice::from_ref(&b), &default_award_rules(), serious);
            let mut ids: Vec<Id> = p.iter().map(|x| x.unit_id).collect();
            ids.dedup();
            prop_assert_eq!(ids.len(), p.len());
            for x in &p {
                prop_assert!(x.score + EPS >= 80.0);
                prop_assert_eq!(x.status == Removed, serious(x.unit_id));
                if x.level == BangKhen {
                    prop_assert!(x.rank == 1 && x.score + EPS >= 90.0);
                }
            }
            prop_assert_eq!(p.len(), b.ranking.iter().filter(|r| r.score + EPS >= 80.0).count());
        }
    }
}
