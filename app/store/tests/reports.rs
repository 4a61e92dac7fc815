//! Reports and the sheet as stored, on both databases.

use store::testing::{databases, finish};

#[tokio::test]
async fn the_stored_sheet_is_the_default_sheet_in_order() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let campaign = store::campaigns::current(db).await.unwrap().unwrap();
        let sheet = store::sheets::load(db, campaign.id).await.unwrap();
        assert_eq!(sheet, domain::default_sheet(), "[{label}]");
        assert!(sheet.validate().is_ok());
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_report_lists_the_criteria_of_its_unit_kind_in_sheet_order() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let user = store::users::by_username(db, "cong-an-huyen").await.unwrap().unwrap();
        let list = store::reports::list_for_unit(db, user.unit_id.unwrap()).await.unwrap();
        assert!(!list.is_empty(), "[{label}] police reports exist");
        let r = store::reports::get(db, list[0].id).await.unwrap().unwrap();
        assert_eq!(r.unit_kind, domain::UnitKind::Police);
        let sheet = domain::default_sheet();
        let expected: Vec<&str> = sheet
            .applicable(domain::UnitKind::Police)
            .map(|c| c.code.as_str())
            .collect();
        let got: Vec<&str> = r.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(got, expected, "[{label}]");
        assert!(
            !got.contains(&"C1"),
            "infrastructure criteria do not apply to the police"
        );
    }
    finish(dbs).await;
}

#[tokio::test]
async fn the_second_of_two_concurrent_edits_is_refused_and_nothing_is_overwritten() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let user = store::users::by_username(db, "xa-long-hung").await.unwrap().unwrap();
        let list = store::reports::list_for_unit(db, user.unit_id.unwrap()).await.unwrap();
        let r = list
            .iter()
            .find(|r| domain::is_editable_by_unit(r.status))
            .expect("an editable report");
        let view = store::reports::get(db, r.id).await.unwrap().unwrap();
        let a1 = view.lines.iter().find(|l| l.code == "A1").unwrap().criterion_id;

        // Both people opened version v; the first save wins.
        let txn = store::begin_write(db).await.unwrap();
        let edit = |score: f64, explanation: &str| {
            vec![store::reports::LineEdit {
                criterion_id: a1,
                score: Some(score),
                explanation: explanation.into(),
            }]
        };
        let saved = store::reports::save_lines(&txn, r.id, view.version, &edit(3.5, "first"))
            .await
            .unwrap();
        txn.commit().await.unwrap();
        assert_eq!(saved, view.version + 1);

        let txn = store::begin_write(db).await.unwrap();
        let second = store::reports::save_lines(&txn, r.id, view.version, &edit(1.0, "second")).await;
        assert!(
            matches!(second, Err(store::StoreError::Conflict(_))),
            "[{label}] {second:?}"
        );
        drop(txn);

        let after = store::reports::get(db, r.id).await.unwrap().unwrap();
        let line = after.lines.iter().find(|l| l.code == "A1").unwrap();
        assert_eq!(
            (line.self_score, line.explanation.as_str()),
            (Some(3.5), "first"),
            "[{label}]"
        );
        assert_eq!(after.version, view.version + 1);
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_transition_stamps_the_report_writes_history_and_refuses_a_stale_version() {
    use domain::ReportStatus as S;
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let id = store::testing::scalar(db, "SELECT MIN(id) FROM reports WHERE status = 'draft'").await;
        let r = store::reports::get(db, id)
            .await
            .unwrap()
            .expect("the demo has a draft");
        let head = store::users::by_username(db, "quantri").await.unwrap().unwrap();
        let v = r.version;

        let txn = store::begin_write(db).await.unwrap();
        let v2 = store::report_workflow::transition(&txn, r.id, v, S::Draft, S::Submitted, Some(head.id), None)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let after = store::reports::get(db, r.id).await.unwrap().unwrap();
        assert_eq!((after.status, after.version), (S::Submitted, v2), "[{label}]");
        assert!(after.submitted_at.is_some());

        // A second click on the same version changes nothing more.
        let txn = store::begin_write(db).await.unwrap();
        let again =
            store::report_workflow::transition(&txn, r.id, v, S::Draft, S::Submitted, Some(head.id), None).await;
        assert!(matches!(again, Err(store::StoreError::Conflict(_))), "[{label}]");
        drop(txn);
        let events = store::testing::scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM report_events WHERE report_id = {} AND to_status = 'submitted'",
                r.id
            ),
        )
        .await;
        assert!(events >= 1);
        let a1 = after.lines.iter().find(|l| l.code == "A1").unwrap().criterion_id;
        let txn = store::begin_write(db).await.unwrap();
        store::report_workflow::set_reviewed_score(&txn, r.id, a1, Some(1.0), Some("Thiếu biên bản"), v2)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let reviewed = store::reports::get(db, r.id).await.unwrap().unwrap();
        let line = reviewed.lines.iter().find(|l| l.code == "A1").unwrap();
        assert_eq!(
            (line.reviewed_score, line.review_reason.as_deref()),
            (Some(1.0), Some("Thiếu biên bản"))
        );
    }
    finish(dbs).await;
}

/// A registration saved twice keeps one row with the second pledges and goes
/// back to pending; a report started twice is one report.
#[tokio::test]
async fn registrations_replace_their_pledges_and_a_report_starts_once() {
    use domain::{Activity, RegistrationStatus};
    use std::collections::BTreeMap;
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = store::campaigns::current(db).await.unwrap().unwrap();
        let user = store::users::by_username(db, "xa-long-hung").await.unwrap().unwrap();
        let unit = user.unit_id.unwrap();
        let before = store::registrations::view(db, c.id, unit).await.unwrap();
        assert_eq!(before.status, Some(RegistrationStatus::Confirmed), "[{label}]");
        let block = before.block_id.unwrap();
        let pledges = BTreeMap::from([(Activity::Posts, 30), (Activity::Patrols, 7)]);
        let txn = store::begin_write(db).await.unwrap();
        let (_, old) = store::registrations::save(&txn, c.id, unit, block, &pledges, RegistrationStatus::Pending)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        assert!(
            old.contains_key(&Activity::PropagandaSessions),
            "[{label}] the demo's pledges came back"
        );
        assert_eq!(store::registrations::pledges_of(db, c.id, unit).await.unwrap(), pledges);
        let after = store::registrations::view(db, c.id, unit).await.unwrap();
        assert_eq!(
            (after.status, after.confirmed_at),
            (Some(RegistrationStatus::Pending), None)
        );
        assert_eq!(
            store::registrations::pending(db, c.id).await.unwrap(),
            vec![after.unit_name.clone()]
        );

        let period = store::periods::list(db, c.id).await.unwrap()[0].id;
        let txn = store::begin_write(db).await.unwrap();
        let (first, created) = store::reports::start(&txn, c.id, period, unit).await.unwrap();
        let (second, again) = store::reports::start(&txn, c.id, period, unit).await.unwrap();
        txn.commit().await.unwrap();
        assert_eq!(
            (first, created, again),
            (second, false, false),
            "[{label}] the demo has that report"
        );
    }
    finish(dbs).await;
}

/// The standings input holds every confirmed unit, and a unit's record for a
/// period is what its report's rows say; the engine then ranks each block.
#[tokio::test]
async fn the_standings_input_is_what_the_tables_hold() {
    use store::testing::scalar;
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = store::campaigns::current(db).await.unwrap().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2024, 12, 16)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let input = store::standings::input(db, c.id, now).await.unwrap();
        let confirmed = scalar(db, "SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'").await;
        assert_eq!(input.units.len() as i64, confirmed, "[{label}]");
        let user = store::users::by_username(db, "xa-long-hung").await.unwrap().unwrap();
        let unit = input.units.iter().find(|u| Some(u.unit_id) == user.unit_id).unwrap();
        let first = input.periods[0].id;
        let record = &unit.periods[&first];
        let report = scalar(
            db,
            &format!(
                "SELECT id FROM reports WHERE unit_id = {} AND period_id = {first}",
                unit.unit_id
            ),
        )
        .await;
        let self_sum = scalar(
            db,
            &format!(
                "SELECT CAST(ROUND(SUM(self_score) * 100) AS BIGINT) FROM report_scores WHERE report_id = {report}"
            ),
        )
        .await;
        let got: f64 = record.scores.scores.values().filter_map(|s| s.self_score).sum();
        assert_eq!((got * 100.0).round() as i64, self_sum, "[{label}]");
        let status: i64 = scalar(
            db,
            &format!("SELECT COUNT(*) FROM reports WHERE id = {report} AND status = 'approved'"),
        )
        .await;
        assert_eq!(record.approved, status == 1, "[{label}]");
        let s = domain::standings(&input, domain::Scope::Cumulative, domain::RankingMode::Official);
        assert_eq!(s.tables.len(), 3, "[{label}]");
        let ranked: usize = s.tables.iter().map(|t| t.rows.len()).sum();
        assert_eq!(ranked as i64, confirmed, "[{label}] every unit ranked");
        assert!(s.tables.iter().all(|t| t.rows[0].rank == 1));
    }
    finish(dbs).await;
}

/// DOMAIN.md's formulas done by hand over the stored reports of one block
/// (the Party and mass organisations: no area, so no outcomes group), and
/// compared with the engine's official cumulative ranking of that block.
#[tokio::test]
async fn the_demo_official_ranking_of_one_block_is_reproduced_by_hand() {
    use domain::{ReportStatus, ScoringRule};
    use store::testing::scalar;
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = store::campaigns::current(db).await.unwrap().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2024, 12, 16)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let now_utc = now - chrono::Duration::hours(7);
        assert_eq!(
            scalar(db, "SELECT COUNT(*) FROM extensions").await,
            0,
            "[{label}] no extension to apply"
        );
        let grid = store::completeness::grid(db, c.id, now).await.unwrap();
        let block = "Khối Đảng, Mặt trận và đoàn thể";
        let units: Vec<(i64, String)> = grid
            .rows
            .iter()
            .filter(|r| r.block_name == block)
            .map(|r| (r.unit_id, r.unit_name.clone()))
            .collect();
        assert_eq!(units.len(), 7, "[{label}]");
        let closed: Vec<store::periods::Period> = store::periods::list(db, c.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.kind == domain::PeriodKind::Monthly && p.deadline.naive_utc() < now_utc)
            .collect();
        assert!(closed.len() >= 4, "[{label}] {} closed months", closed.len());
        let mut by_hand: Vec<(i64, f64)> = vec![];
        for (unit, _) in &units {
            let mut scores = vec![];
            for p in &closed {
                let report = store::reports::of_unit_period(db, *unit, p.id).await.unwrap();
                let (earned, max, on_time, missing, bonus, penalty) = match &report {
                    None => (0.0, 45.0, false, true, 0.0, 0.0),
                    Some(r) => {
                        let approved = r.status == ReportStatus::Approved;
                        let mut earned = 0.0;
                        let mut max = 0.0;
                        for l in &r.lines {
                            match l.rule {
                                ScoringRule::SelfScored => {
                                    max += l.max_points;
                                    if approved {
                                        let v = l.reviewed_score.or(l.self_score).unwrap_or(0.0);
                                        earned += v.clamp(0.0, l.max_points);
                                    }
                                }
                                ScoringRule::ReportingDiscipline => max += l.max_points,
                                ScoringRule::Bonus | ScoringRule::Penalty => {}
                                other => panic!("[{label}] no {other:?} line for this block"),
                            }
                        }
                        let on_time = r.submitted_at.is_some_and(|t| t <= p.deadline);
                        let cents = |col: &str| {
                            format!(
                                "SELECT CAST(ROUND({col} * 1000) AS BIGINT) FROM reports WHERE id = {}",
                                r.id
                            )
                        };
                        let bonus = scalar(db, &cents("bonus")).await as f64 / 1000.0;
                        let penalty = scalar(db, &cents("penalty")).await as f64 / 1000.0;
                        (earned, max, on_time, r.submitted_at.is_none(), bonus, penalty)
                    }
                };
                assert_eq!(max, 45.0, "[{label}] A 15 + B 5 + D 20 + H 5 apply to this block");
                let earned = earned + if on_time { 5.0 } else { 0.0 };
                let missing_penalty = if missing { 2.0 } else { 0.0 };
                let score = 100.0 * earned / max + bonus.clamp(0.0, 5.0) - (penalty + missing_penalty).clamp(0.0, 5.0);
                scores.push(score);
            }
            by_hand.push((*unit, scores.iter().sum::<f64>() / scores.len() as f64));
        }
        by_hand.sort_by(|a, b| b.1.total_cmp(&a.1));
        let input = store::standings::input(db, c.id, now).await.unwrap();
        let s = domain::standings(&input, domain::Scope::Cumulative, domain::RankingMode::Official);
        let engine = s.tables.iter().find(|t| t.block_name == block).unwrap();
        let got: Vec<(i64, f64)> = engine.rows.iter().map(|r| (r.unit_id, r.score)).collect();
        assert_eq!(got.len(), by_hand.len());
        for ((u1, s1), (u2, s2)) in got.iter().zip(&by_hand) {
            assert_eq!(u1, u2, "[{label}] order: engine {got:?}, by hand {by_hand:?}");
            assert!((s1 - s2).abs() < 1e-9, "[{label}] unit {u1}: engine {s1}, by hand {s2}");
        }
        let ranks: Vec<u32> = engine.rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, (1..=7).collect::<Vec<u32>>(), "[{label}] no ties in this block");
    }
    finish(dbs).await;
}
