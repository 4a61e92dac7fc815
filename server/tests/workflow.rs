//! The review workflow through the server functions, on both databases.

mod common;

use common::{Client, Persona, Server};

async fn report_in(server: &Server, status: &str) -> (i64, i32) {
    let id = store::testing::scalar(
        &server.db,
        &format!("SELECT MIN(id) FROM reports WHERE status = '{status}'"),
    )
    .await;
    let r = store::reports::get(&server.db, id)
        .await
        .unwrap()
        .expect("the demo has such a report");
    (r.id, r.version)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_office_returns_with_a_reason_approves_and_reopens_and_every_step_is_audited() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let (id, v) = report_in(&server, "submitted").await;

        let (status, body) = office
            .post_full(
                "/api/reports/act",
                &format!("report_id={id}&kind=return&version={v}"),
                &[],
            )
            .await;
        assert_eq!(status, 422, "[{label}] returning needs a reason: {body}");
        assert!(body.contains("lý do"), "{body}");
        let reason = "Thiếu biên bản kiểm tra";
        let step = format!("report_id={id}&kind=return&reason={reason}&version={v}");
        assert_eq!(office.post("/api/reports/act", &step).await, 200);
        let again = office.post("/api/reports/act", &step).await;
        assert_eq!(again, 200, "[{label}] a repeated click is answered as the first");
        let mut head = Client::signed_in(&server, Persona::Head).await;
        let other = head.post("/api/reports/act", &step).await;
        assert!(
            [403, 409, 422].contains(&other),
            "[{label}] but not for someone else: {other}"
        );
        let sql = format!("SELECT COUNT(*) FROM report_events WHERE report_id = {id} AND reason = '{reason}'");
        assert_eq!(
            store::testing::scalar(&server.db, &sql).await,
            1,
            "[{label}] and changes nothing"
        );
        let r = store::reports::get(&server.db, id).await.unwrap().unwrap();
        assert_eq!(r.status, domain::ReportStatus::Returned);

        let (id, v) = report_in(&server, "submitted").await;
        let a1 = format!("report_id={id}&criterion_code=A1&score=0.5&version={v}");
        assert_eq!(
            office.post("/api/reports/review_score", &a1).await,
            422,
            "a changed score needs a reason"
        );
        assert_eq!(
            office
                .post("/api/reports/review_score", &format!("{a1}&reason=Chưa đủ minh chứng"))
                .await,
            200
        );
        assert_eq!(
            office
                .post(
                    "/api/reports/act",
                    &format!("report_id={id}&kind=approve&version={}", v + 1)
                )
                .await,
            200
        );
        let r = store::reports::get(&server.db, id).await.unwrap().unwrap();
        assert_eq!(r.status, domain::ReportStatus::Approved);
        assert_eq!(
            r.lines.iter().find(|l| l.code == "A1").unwrap().reviewed_score,
            Some(0.5)
        );

        // An approved report is locked for the unit.
        let unit_staff = store::users::list(&server.db).await.unwrap();
        let head = unit_staff
            .iter()
            .find(|u| u.unit_id == Some(r.unit_id) && u.username.starts_with("truong."))
            .unwrap();
        let mut head_client = Client::anonymous(&server);
        let body = format!("username={}&password={}", head.username, store::demo::DEMO_PASSWORD);
        assert_eq!(head_client.post("/api/auth/login", &body).await, 200);
        let save = format!(
            "report_id={id}&version={}&lines[0][code]=A1&lines[0][score]=1&lines[0][explanation]=",
            r.version
        );
        assert_eq!(head_client.post("/api/reports/save_draft", &save).await, 422);

        let reopen = format!("report_id={id}&kind=reopen&reason=Sai số liệu&version={}", r.version);
        assert_eq!(office.post("/api/reports/act", &reopen).await, 200);
        for action in ["report_return", "report_approve", "report_reopen", "reviewed_score_set"] {
            let f = store::audit::AuditFilter {
                action: Some(action.into()),
                limit: 10,
                ..Default::default()
            };
            assert!(
                store::audit::count(&server.db, &f).await.unwrap() >= 1,
                "[{label}] {action} is audited"
            );
        }
        store::testing::finish(vec![(label, db)]).await;
    }
}

/// Reads SSE events from a live stream until one named `snapshot` arrives.
async fn next_snapshot(body: &mut axum::body::BodyDataStream) -> app::live::LiveSnapshot {
    use futures::StreamExt;
    let mut buf = String::new();
    loop {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(5), body.next())
            .await
            .expect("an event within 5 s")
            .expect("the stream is open")
            .expect("a chunk");
        buf.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            if event.contains("event: snapshot") {
                let data: String = event
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: "))
                    .collect::<Vec<_>>()
                    .join("\n");
                return serde_json::from_str(&data).expect("a snapshot");
            }
        }
    }
}

/// The live stream: the public one carries figures only, a staff one the
/// official standings too, and an approval reaches it as a new snapshot in
/// which the approved unit's score has moved.
#[tokio::test(flavor = "multi_thread")]
async fn an_approval_reaches_the_live_stream_with_the_new_standings() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let path = app::live::stream_path(c.id);
        let mut public = Client::anonymous(&server);
        let res = public.get(&path).await;
        assert_eq!(res.status(), 200, "[{label}]");
        assert_eq!(res.headers()["content-type"], "text/event-stream");
        let mut stream = res.into_body().into_data_stream();
        let first = next_snapshot(&mut stream).await;
        assert!(first.standings.is_none(), "[{label}] no standings to the public");
        assert!(
            first.completeness.is_none(),
            "[{label}] no unit-by-unit grid to the public"
        );
        assert!(
            !first.overview.commendations.is_empty(),
            "[{label}] the honour roll is public"
        );
        assert_eq!(first.overview.campaign.id, c.id);
        drop(stream);

        let mut council = Client::signed_in(&server, Persona::Council).await;
        let mut stream = council.get(&path).await.into_body().into_data_stream();
        let staff = next_snapshot(&mut stream).await;
        let before = staff.standings.expect("standings for staff");
        // The screen's completeness panel: the period being collected, every registered unit.
        let grid = store::completeness::grid(&server.db, c.id, app::api::server::now_local())
            .await
            .unwrap();
        let expected = grid
            .current_index(app::api::server::now_local())
            .and_then(|i| grid.period(i));
        let shown = staff.completeness.expect("completeness for staff");
        assert_eq!(Some(shown.period.id), expected.map(|p| p.period.id), "[{label}]");
        assert_eq!(shown.cells.len(), grid.rows.len(), "[{label}]");
        let (id, v) = report_in(&server, "submitted").await;
        let unit = store::reports::get(&server.db, id).await.unwrap().unwrap().unit_id;
        let score = |s: &domain::Standings| {
            s.tables
                .iter()
                .flat_map(|t| &t.rows)
                .find(|r| r.unit_id == unit)
                .map(|r| r.score)
        };
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let approve = format!("report_id={id}&kind=approve&version={v}");
        assert_eq!(office.post("/api/reports/act", &approve).await, 200, "[{label}]");
        let after = next_snapshot(&mut stream).await.standings.unwrap();
        assert_ne!(
            score(&before),
            score(&after),
            "[{label}] the approved unit's score moved"
        );
        store::testing::finish(vec![(label, db)]).await;
    }
}
