//! The completeness grid on SQLite and PostgreSQL, against counts made here
//! in SQL; an extension moves one unit's deadline and nothing else.

use chrono::{NaiveDate, NaiveDateTime};
use domain::CellState;
use store::testing::{databases, finish, scalar};
use store::{campaigns, completeness};

fn local(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_grid_has_every_registered_unit_and_period_and_agrees_with_the_reports() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let now = local(2026, 1, 1, 0);
        let g = completeness::grid(db, c.id, now).await.unwrap();
        let regs = scalar(
            db,
            &format!("SELECT COUNT(*) FROM registrations WHERE campaign_id = {}", c.id),
        )
        .await;
        let periods = scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM periods WHERE campaign_id = {} AND kind = 'monthly'",
                c.id
            ),
        )
        .await;
        assert_eq!(g.rows.len() as i64, regs, "[{label}]");
        assert_eq!(g.periods.len() as i64, periods, "[{label}]");
        assert!(g.rows.iter().all(|r| r.cells.len() == g.periods.len()));
        let sql = format!(
            "SELECT COUNT(*) FROM units u WHERE u.committee_id = {} AND u.retired_at IS NULL \
             AND u.kind NOT IN ('individual', 'province', 'district') \
             AND NOT EXISTS (SELECT 1 FROM registrations g WHERE g.unit_id = u.id AND g.campaign_id = {})",
            c.committee_id, c.id
        );
        assert_eq!(
            g.unregistered.len() as i64,
            scalar(db, &sql).await,
            "[{label}] {:?}",
            g.unregistered
        );
        // Rows are grouped by block, in the blocks' order.
        let blocks: Vec<&str> = g.rows.iter().map(|r| r.block_name.as_str()).collect();
        let mut seen: Vec<&str> = blocks.clone();
        seen.dedup();
        assert_eq!(seen.len(), 3, "[{label}] three blocks, each in one run: {seen:?}");

        for (state, statuses) in [
            (CellState::Approved, "'approved'"),
            (CellState::Submitted, "'submitted','resubmitted'"),
            (CellState::Returned, "'returned'"),
        ] {
            let sql = format!(
                "SELECT COUNT(*) FROM reports r JOIN registrations g ON g.unit_id = r.unit_id AND g.campaign_id = r.campaign_id \
                 WHERE r.campaign_id = {} AND r.status IN ({statuses}) \
                 AND r.period_id IN (SELECT id FROM periods WHERE kind = 'monthly')",
                c.id
            );
            let in_grid: usize = (0..g.periods.len()).map(|i| g.count(i, state)).sum();
            assert_eq!(in_grid as i64, scalar(db, &sql).await, "[{label}] {state:?}");
        }
        // Long after the campaign, nothing is merely "not started" or "draft".
        let open: usize = (0..g.periods.len())
            .map(|i| g.count(i, CellState::NotStarted) + g.count(i, CellState::Draft))
            .sum();
        let reopened = scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM reports WHERE campaign_id = {} AND status = 'reopened' AND submitted_at IS NOT NULL \
                 AND period_id IN (SELECT id FROM periods WHERE kind = 'monthly')",
                c.id
            ),
        )
        .await;
        assert_eq!(open as i64, reopened, "[{label}]");
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_extension_moves_one_units_deadline_and_the_return_reason_is_found() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let g = completeness::grid(db, c.id, local(2026, 1, 1, 0)).await.unwrap();
        // A cell that is late for want of a report.
        let (row, i) = g
            .rows
            .iter()
            .find_map(|r| r.cells.iter().position(|c| c.state == CellState::Late).map(|i| (r, i)))
            .expect("the demo has a late report");
        let period = &g.periods[i];
        let later = local(2026, 2, 1, 17);
        let admin = scalar(db, "SELECT id FROM users WHERE username = 'thuongtruc'").await;
        let txn = store::begin_write(db).await.unwrap();
        completeness::grant_extension(&txn, period.id, row.unit_id, later, "Mất điện kéo dài", admin)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let (periods, after) = completeness::row_of(db, c.id, row.unit_id, local(2026, 1, 1, 0))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(periods.len(), g.periods.len());
        let cell = &after.cells[i];
        assert!(cell.extended && cell.deadline == later, "[{label}] {cell:?}");
        assert_ne!(cell.state, CellState::Late, "[{label}] no longer overdue");
        assert!(!cell.late);
        // Other units' cells for that period did not move.
        let again = completeness::grid(db, c.id, local(2026, 1, 1, 0)).await.unwrap();
        for (a, b) in g.rows.iter().zip(&again.rows).filter(|(a, _)| a.unit_id != row.unit_id) {
            assert_eq!(a.cells[i], b.cells[i], "[{label}] {}", a.unit_name);
        }

        let returned = scalar(
            db,
            &format!(
                "SELECT MIN(id) FROM reports WHERE campaign_id = {} AND status = 'returned'",
                c.id
            ),
        )
        .await;
        let reasons = completeness::return_reasons(db, &[returned]).await.unwrap();
        assert!(
            !reasons
                .get(&returned)
                .expect("a returned report has a reason")
                .is_empty(),
            "[{label}]"
        );
    }
    finish(dbs).await;
}
