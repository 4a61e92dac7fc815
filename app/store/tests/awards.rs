//! Award rounds on SQLite and PostgreSQL: rule-made proposals from the
//! published ranking replace only themselves, hand additions stay, votes
//! and objections are kept with their proposal, a decision is recorded.

use chrono::{NaiveDate, Utc};
use domain::{BlockRanking, ProposalSource, ProposalStatus, RoundStatus, Tally};
use store::award_proposals::{self, NewProposal};
use store::award_settings;
use store::awards::{self, NewDecision};
use store::testing::{databases, finish, scalar};
use store::{begin_write, campaigns, periods, publications};

#[tokio::test(flavor = "multi_thread")]
async fn a_round_goes_from_proposals_to_a_decision() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let final_review = periods::list(db, c.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.kind == domain::PeriodKind::Final)
            .expect("the demo has a final review");
        let cal = awards::calendar(db, c.committee_id).await.unwrap();
        let now = Utc::now();

        let txn = begin_write(db).await.unwrap();
        let id = awards::open_round(&txn, c.id, final_review.id, now).await.unwrap();
        assert_eq!(
            awards::open_round(&txn, c.id, final_review.id, now).await.unwrap(),
            id,
            "one round per review"
        );
        txn.commit().await.unwrap();
        let round = awards::round(db, c.id, final_review.id, 5, &cal)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((round.status, round.vote_threshold_pct), (RoundStatus::Proposing, 50));

        let forms = awards::forms(db, c.id).await.unwrap();
        assert_eq!(forms.len(), 2, "[{label}] the demo's two forms");
        let rules: Vec<_> = forms.iter().map(|(r, _)| r.clone()).collect();
        let published = publications::latest(db, c.id).await.unwrap().unwrap();
        let blocks: Vec<BlockRanking> = published.standings.tables.iter().map(BlockRanking::from).collect();
        let made = domain::propose(&blocks, &rules, |_| false);
        assert!(!made.is_empty(), "[{label}] the demo qualifies someone");

        let txn = begin_write(db).await.unwrap();
        let n = award_proposals::replace_rule_proposals(&txn, &round, &made, now)
            .await
            .unwrap();
        let unit = made[0].unit_id;
        let hand = award_proposals::add(
            &txn,
            &round,
            NewProposal {
                form_id: rules[1].form_id,
                unit_id: unit,
                source: ProposalSource::Nomination,
                individual_name: Some("Nguyễn Văn An"),
                achievement: Some("Tổ chức 12 buổi tuyên truyền tại trường học"),
                reason: "Đơn vị đề nghị cá nhân",
                office_note: None,
            },
            now,
        )
        .await
        .unwrap();
        // Made again: the rule-made ones are replaced, the nomination stays.
        award_proposals::replace_rule_proposals(&txn, &round, &made, now)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let list = award_proposals::proposals(db, c.id, final_review.id).await.unwrap();
        assert_eq!(list.len(), n + 1, "[{label}]");
        let nomination = list.iter().find(|p| p.id == hand).unwrap();
        assert_eq!(nomination.individual_name.as_deref(), Some("Nguyễn Văn An"));
        assert!(!nomination.block_name.is_empty(), "[{label}] its block");

        let txn = begin_write(db).await.unwrap();
        let tally = Tally {
            votes_for: 5,
            against: 1,
            abstain: 1,
            present: 7,
        };
        award_proposals::record_votes(&txn, hand, tally, ProposalStatus::Approved)
            .await
            .unwrap();
        let objection =
            award_proposals::add_objection(&txn, hand, "Trần Thị B", "0912345678", "Chưa đủ thành tích", now)
                .await
                .unwrap();
        let publish_on = NaiveDate::from_ymd_opt(2024, 12, 16).unwrap();
        awards::set_status(&txn, round.id, RoundStatus::Published, Some(publish_on), now)
            .await
            .unwrap();
        assert_eq!(
            award_proposals::answer_objection(&txn, objection, "Đã xác minh: đủ thành tích", 1, now)
                .await
                .unwrap(),
            Some(hand)
        );
        let decision = awards::record_decision(
            &txn,
            NewDecision {
                campaign_id: c.id,
                round_id: round.id,
                form_id: rules[1].form_id,
                number: "125/QĐ-UBND",
                signed_on: NaiveDate::from_ymd_opt(2024, 12, 26).unwrap(),
                published_from: publish_on,
                publish_until: NaiveDate::from_ymd_opt(2024, 12, 23).unwrap(),
                created_by: 1,
            },
            now,
        )
        .await
        .unwrap();
        txn.commit().await.unwrap();
        let p = award_proposals::proposals(db, c.id, final_review.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.id == hand)
            .unwrap();
        assert_eq!((p.status, p.tally), (ProposalStatus::Approved, tally), "[{label}]");
        assert_eq!(p.objections.len(), 1);
        assert_eq!(p.objections[0].answer.as_deref(), Some("Đã xác minh: đủ thành tích"));
        let round = awards::round(db, c.id, final_review.id, 5, &cal)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(round.published_on, Some(publish_on));
        assert_eq!(
            round.decision_earliest,
            Some(NaiveDate::from_ymd_opt(2024, 12, 24).unwrap())
        );
        let stored = scalar(
            db,
            &format!("SELECT COUNT(*) FROM award_decisions WHERE id = {decision}"),
        )
        .await;
        assert_eq!(stored, 1, "[{label}]");
        let decided = awards::decided_forms(db, round.id).await.unwrap();
        assert_eq!(
            decided,
            [rules[1].form_id].into(),
            "[{label}] the decision closes its own round"
        );
        assert!(awards::decided_forms(db, round.id + 1000).await.unwrap().is_empty());
        let listed = awards::decisions(db, c.id).await.unwrap();
        assert_eq!(listed[0].round_id, Some(round.id));
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn holidays_are_not_working_days() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let christmas = NaiveDate::from_ymd_opt(2024, 12, 25).unwrap();
        let id = award_settings::add_holiday(db, c.committee_id, christmas, "Nghỉ bù")
            .await
            .unwrap()
            .unwrap();
        let cal = awards::calendar(db, c.committee_id).await.unwrap();
        assert!(!cal.is_working_day(christmas), "[{label}]");
        let dup = award_settings::add_holiday(db, c.committee_id, christmas, "Trùng").await;
        assert_eq!(dup.unwrap(), None, "[{label}] one entry per day");
        let listed = award_settings::holidays(db, c.committee_id, christmas).await.unwrap();
        assert_eq!(listed.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["Nghỉ bù"]);
        assert!(
            award_settings::holidays(db, c.committee_id, christmas.succ_opt().unwrap())
                .await
                .unwrap()
                .is_empty()
        );
        // Another committee cannot remove it.
        assert_eq!(
            award_settings::remove_holiday(db, c.committee_id + 99, id)
                .await
                .unwrap(),
            None
        );
        assert!(
            award_settings::remove_holiday(db, c.committee_id, id)
                .await
                .unwrap()
                .is_some()
        );
        let cal = awards::calendar(db, c.committee_id).await.unwrap();
        assert!(cal.is_working_day(christmas), "[{label}] removed");
        award_settings::set_publish_days(db, c.id, 7).await.unwrap();
        assert_eq!(campaigns::current(db).await.unwrap().unwrap().publish_days, 7);
    }
    finish(dbs).await;
}
