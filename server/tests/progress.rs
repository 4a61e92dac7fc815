//! Who has reported, through the server functions on both databases: the
//! office extends one unit's deadline with a reason, the unit sees what is
//! due and why a report came back.

mod common;

use common::{Client, Persona, Server};
use domain::{CellState, CompletenessGrid, Task};
use store::testing::scalar;

#[tokio::test(flavor = "multi_thread")]
async fn the_office_extends_a_late_units_deadline_and_the_unit_sees_its_tasks() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let (status, body) = office
            .post_full("/api/progress/grid", &format!("campaign_id={}", c.id), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let grid: CompletenessGrid = serde_json::from_str(&body).unwrap();
        let (row, i) = grid
            .rows
            .iter()
            .find_map(|r| r.cells.iter().position(|c| c.state == CellState::Late).map(|i| (r, i)))
            .expect("a late cell in the demo");
        let period = &grid.periods[i];
        let ask = |deadline: &str, reason: &str| {
            format!(
                "campaign_id={}&period_id={}&unit_id={}&new_deadline={deadline}&reason={reason}",
                c.id, period.id, row.unit_id
            )
        };
        let (status, body) = office
            .post_full("/api/progress/extend", &ask("2020-01-01T08:00", ""), &[])
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains("new_deadline") && body.contains("reason"), "{body}");
        assert_eq!(
            scalar(&server.db, "SELECT COUNT(*) FROM extensions").await,
            0,
            "[{label}]"
        );

        let (status, body) = office
            .post_full(
                "/api/progress/extend",
                &ask("2099-01-31T17:00", "Mất điện kéo dài"),
                &[],
            )
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let sql = format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'extension_granted' AND unit_id = {} AND reason = 'Mất điện kéo dài'",
            row.unit_id
        );
        assert_eq!(scalar(&server.db, &sql).await, 1, "[{label}] audited");
        let (_, body) = office
            .post_full("/api/progress/grid", &format!("campaign_id={}", c.id), &[])
            .await;
        let grid: CompletenessGrid = serde_json::from_str(&body).unwrap();
        let cell = &grid.rows.iter().find(|r| r.unit_id == row.unit_id).unwrap().cells[i];
        assert!(cell.extended && cell.state != CellState::Late, "[{label}] {cell:?}");

        // A reporter's list: what is due, and the reason a report came back.
        let mut reporter = Client::signed_in(&server, Persona::Reporter).await;
        let (status, body) = reporter.post_full("/api/progress/my_tasks", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let tasks: Vec<Task> = serde_json::from_str(&body).unwrap();
        let unit = server.unit_of(Persona::Reporter).await;
        let open = scalar(
            &server.db,
            &format!(
                "SELECT COUNT(*) FROM periods p WHERE p.campaign_id = {} AND p.kind = 'monthly' AND NOT EXISTS (SELECT 1 FROM reports r \
                 WHERE r.period_id = p.id AND r.unit_id = {unit} AND r.status IN ('submitted','resubmitted','approved'))",
                c.id
            ),
        )
        .await;
        assert_eq!(tasks.len() as i64, open, "[{label}] {tasks:?}");
        for t in &tasks {
            assert_eq!(
                t.return_reason.is_some(),
                t.state == CellState::Returned,
                "[{label}] {t:?}"
            );
        }
        store::testing::finish(vec![(label, db)]).await;
    }
}
