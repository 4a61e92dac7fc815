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

/// Registration from nothing to the first report: the reporter registers with
/// pledges (a bad one refused, nothing written), the office sees the unit
/// waiting, only the head confirms, then the unit opens a report once and
/// enters activity figures that are checked against each other.
#[tokio::test(flavor = "multi_thread")]
async fn a_unit_registers_its_head_confirms_and_then_it_reports_its_activities() {
    use domain::{Activity, RegistrationStatus, RegistrationView, ReportView};
    use store::testing::execute;
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let unit = server.unit_of(Persona::Reporter).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        // Arrange: the demo unit has not registered yet.
        let regs = format!("SELECT id FROM registrations WHERE unit_id = {unit}");
        execute(
            &server.db,
            &format!("DELETE FROM pledges WHERE registration_id IN ({regs})"),
        )
        .await;
        execute(&server.db, &format!("DELETE FROM registrations WHERE unit_id = {unit}")).await;
        // …and has not begun its last month.
        let last = format!(
            "SELECT r.id FROM reports r WHERE r.unit_id = {unit} AND r.period_id = \
             (SELECT MAX(period_id) FROM reports WHERE unit_id = {unit})"
        );
        for table in ["report_scores", "report_activities", "report_events", "evidence"] {
            execute(&server.db, &format!("DELETE FROM {table} WHERE report_id IN ({last})")).await;
        }
        execute(&server.db, &format!("DELETE FROM reports WHERE id IN ({last})")).await;

        let mut reporter = Client::signed_in(&server, Persona::Reporter).await;
        let (status, body) = reporter.post_full("/api/registration/mine", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let view: Option<RegistrationView> = serde_json::from_str(&body).unwrap();
        let view = view.unwrap();
        assert_eq!(view.status, None);
        let activities: Vec<Activity> = view.pledges.iter().map(|(a, _)| *a).collect();
        assert_eq!(
            activities,
            domain::activities_for(&domain::default_sheet(), domain::UnitKind::Commune)
        );
        let block = view.blocks[2].id;
        let form = |bad: bool| {
            let mut body = format!("block_id={block}");
            for (i, a) in activities.iter().enumerate() {
                let v = if bad && i == 1 { -5 } else { 10 * (i as i64 + 1) };
                body += &format!("&pledges[{i}][activity]={}&pledges[{i}][value]={v}", a.code());
            }
            body
        };
        let (status, body) = reporter.post_full("/api/registration/save", &form(true), &[]).await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains(&format!("pledge.{}", activities[1].code())), "{body}");
        let count = format!("SELECT COUNT(*) FROM registrations WHERE unit_id = {unit}");
        assert_eq!(scalar(&server.db, &count).await, 0, "[{label}] nothing written");

        let (status, body) = reporter.post_full("/api/registration/save", &form(false), &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        assert_eq!(
            serde_json::from_str::<RegistrationStatus>(&body).unwrap(),
            RegistrationStatus::Pending
        );
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let (_, body) = office
            .post_full("/api/progress/grid", &format!("campaign_id={}", c.id), &[])
            .await;
        let grid: CompletenessGrid = serde_json::from_str(&body).unwrap();
        assert_eq!(grid.pending, vec![view.unit_name.clone()], "[{label}]");
        assert!(
            grid.rows.iter().all(|r| r.unit_id != unit),
            "[{label}] not in the grid until confirmed"
        );

        // A period the unit has no report for.
        let period: i64 = scalar(
            &server.db,
            &format!(
                "SELECT MIN(id) FROM periods WHERE campaign_id = {} AND kind = 'monthly' \
                 AND id NOT IN (SELECT period_id FROM reports WHERE unit_id = {unit})",
                c.id
            ),
        )
        .await;
        let start = format!("period_id={period}");
        let (status, body) = reporter.post_full("/api/reports/start", &start, &[]).await;
        assert_eq!(status, 422, "[{label}] not before the head confirms: {body}");
        assert!(body.contains("chưa được lãnh đạo xác nhận"), "{body}");

        let (status, _) = reporter.post_full("/api/registration/confirm", "", &[]).await;
        assert_eq!(status, 403, "[{label}] a reporter does not confirm");
        let mut head = Client::signed_in(&server, Persona::Head).await;
        let (status, body) = head.post_full("/api/registration/confirm", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let (status, _) = head.post_full("/api/registration/confirm", "", &[]).await;
        assert_eq!(status, 422, "[{label}] confirmed once");
        let audited = format!(
            "SELECT COUNT(*) FROM audit_log WHERE unit_id = {unit} AND action IN ('registration_saved', 'registration_confirmed')"
        );
        assert_eq!(scalar(&server.db, &audited).await, 2, "[{label}]");

        let (status, body) = reporter.post_full("/api/reports/start", &start, &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let id: i64 = serde_json::from_str(&body).unwrap();
        let (_, again) = reporter.post_full("/api/reports/start", &start, &[]).await;
        assert_eq!(again, body, "[{label}] a second start finds the first report");
        let (_, body) = reporter
            .post_full("/api/reports/get", &format!("report_id={id}"), &[])
            .await;
        let report: ReportView = serde_json::from_str(&body).unwrap();
        assert_eq!(report.status, domain::ReportStatus::Draft);
        let sessions = report
            .activities
            .iter()
            .find(|f| f.activity == Activity::PropagandaSessions)
            .unwrap();
        assert_eq!((sessions.value, sessions.pledge), (None, Some(10)), "[{label}]");
        let months = scalar(
            &server.db,
            &format!(
                "SELECT COUNT(*) FROM periods WHERE campaign_id = {} AND kind = 'monthly'",
                c.id
            ),
        )
        .await;
        assert_eq!(sessions.share, 10.0 / months as f64);

        let save = |sessions: i64, version: i32| {
            format!(
                "report_id={id}&version={version}&activities[0][activity]=propaganda_sessions&activities[0][value]={sessions}\
                 &activities[1][activity]=people_reached&activities[1][value]=40"
            )
        };
        let (status, body) = reporter
            .post_full("/api/reports/save_draft", &save(0, report.version), &[])
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains("activity.people_reached"), "{body}");
        let (status, body) = reporter
            .post_full("/api/reports/save_draft", &save(2, report.version), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let (_, body) = reporter
            .post_full("/api/reports/get", &format!("report_id={id}"), &[])
            .await;
        let report: ReportView = serde_json::from_str(&body).unwrap();
        let value = |a: Activity| report.activities.iter().find(|f| f.activity == a).unwrap().value;
        assert_eq!(
            (value(Activity::PropagandaSessions), value(Activity::PeopleReached)),
            (Some(2), Some(40)),
            "[{label}]"
        );
        let sql = format!(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'report' AND entity_id = {id} AND new_value LIKE '%propaganda_sessions: 2%'"
        );
        assert_eq!(scalar(&server.db, &sql).await, 1, "[{label}] audited");
        store::testing::finish(vec![(label, db)]).await;
    }
}
