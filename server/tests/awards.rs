//! A final review's award round through the server functions, on SQLite and
//! PostgreSQL: the office makes the proposals from the published ranking,
//! a unit nominates a person, the council votes, the list is published, an
//! objection is filed and answered, a decision too early is refused, then
//! recorded; every step is audited and the public reads the approved list.

mod common;

use common::{Client, Persona, Server};
use store::testing::scalar;

/// The demo campaign and its final review.
async fn final_review(server: &Server) -> (domain::CampaignInfo, i64) {
    let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
    let sql = format!("SELECT id FROM periods WHERE campaign_id = {} AND kind = 'final'", c.id);
    let review = scalar(&server.db, &sql).await;
    (c, review)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_final_review_goes_from_the_ranking_to_a_decision() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let (c, review) = final_review(&server).await;
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let mut council = Client::signed_in(&server, Persona::Council).await;
        let mut unit = Client::signed_in(&server, Persona::Reporter).await;
        let forms = store::awards::forms(&server.db, c.id).await.unwrap();
        let giay_khen = forms[1].0.form_id;

        let (status, made) = office
            .post_full("/api/awards/generate", &format!("period_id={review}"), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {made}");
        let made: usize = made.trim().parse().unwrap();
        assert!(made > 0, "[{label}] the demo's ranking qualifies units");
        let nominate = format!(
            "period_id={review}&form_id={giay_khen}&individual_name=Nguy%E1%BB%85n%20V%C4%83n%20An&achievement=12%20bu%E1%BB%95i%20tuy%C3%AAn%20truy%E1%BB%81n"
        );
        let (status, body) = unit.post_full("/api/awards/nominate", &nominate, &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let nominee: i64 = body.trim().parse().unwrap();
        // A monthly period holds no round.
        let month = scalar(
            &server.db,
            &format!(
                "SELECT MIN(id) FROM periods WHERE campaign_id = {} AND kind = 'monthly'",
                c.id
            ),
        )
        .await;
        assert_eq!(
            office.post("/api/awards/generate", &format!("period_id={month}")).await,
            422,
            "[{label}]"
        );

        assert_eq!(
            office
                .post("/api/awards/open_voting", &format!("period_id={review}"))
                .await,
            200
        );
        // The list is the council's now: no more nominations.
        assert_eq!(unit.post("/api/awards/nominate", &nominate).await, 422, "[{label}]");
        let list = store::award_proposals::proposals(&server.db, c.id, review)
            .await
            .unwrap();
        assert_eq!(list.len(), made + 1, "[{label}]");
        // Publishing waits for every vote.
        assert_eq!(
            office.post("/api/awards/publish", &format!("period_id={review}")).await,
            422
        );
        let bad = format!("proposal_id={nominee}&votes_for=5&against=3&abstain=1&present=7");
        assert_eq!(
            council.post("/api/awards/vote", &bad).await,
            422,
            "[{label}] more votes than members"
        );
        for p in list.iter().filter(|p| p.status == domain::ProposalStatus::Proposed) {
            // The nominee gets half the votes only: not more than half, so rejected.
            let votes = if p.id == nominee {
                "4&against=4&abstain=0&present=8"
            } else {
                "6&against=1&abstain=0&present=7"
            };
            let (status, body) = council
                .post_full(
                    "/api/awards/vote",
                    &format!("proposal_id={}&votes_for={votes}", p.id),
                    &[],
                )
                .await;
            assert_eq!(status, 200, "[{label}] {body}");
        }
        let (status, body) = office
            .post_full("/api/awards/publish", &format!("period_id={review}"), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {body}");

        let approved = store::award_proposals::proposals(&server.db, c.id, review)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.status == domain::ProposalStatus::Approved)
            .expect("an approved proposal");
        let rejected = store::award_proposals::proposals(&server.db, c.id, review)
            .await
            .unwrap();
        assert_eq!(
            rejected.iter().find(|p| p.id == nominee).unwrap().status,
            domain::ProposalStatus::Rejected
        );
        let mut public = Client::anonymous(&server);
        let object = format!(
            "proposal_id={}&name=Tr%E1%BA%A7n%20B&contact=0912345678&text=Ch%C6%B0a%20%C4%91%E1%BB%A7",
            approved.id
        );
        let (status, body) = public.post_full("/api/awards/object", &object, &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let objection: i64 = body.trim().parse().unwrap();
        // Objections are about the published list only.
        let to_rejected = object.replace(
            &format!("proposal_id={}", approved.id),
            &format!("proposal_id={nominee}"),
        );
        assert_eq!(public.post("/api/awards/object", &to_rejected).await, 404, "[{label}]");

        let decide = format!(
            "period_id={review}&form_id={}&number=125%2FQ%C4%90-UBND&signed_on=",
            approved.form_id
        );
        let today = app::api::server::today_local();
        let (status, body) = office
            .post_full("/api/awards/decide", &format!("{decide}{today}"), &[])
            .await;
        assert_eq!(status, 422, "[{label}] too early: {body}");
        assert!(body.contains("ngày làm việc"), "{body}");
        // Ten days later, the window has passed; the objection still waits for its answer.
        let later = today + chrono::Days::new(10);
        let (status, body) = office
            .post_full("/api/awards/decide", &format!("{decide}{later}"), &[])
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains("chưa được trả lời"), "{body}");
        let answer = format!("objection_id={objection}&answer=%C4%90%C3%A3%20x%C3%A1c%20minh");
        assert_eq!(office.post("/api/awards/answer", &answer).await, 200, "[{label}]");
        for form in list
            .iter()
            .filter(|p| p.status == domain::ProposalStatus::Proposed)
            .map(|p| p.form_id)
        {
            let d = format!("period_id={review}&form_id={form}&number=125%2FQ%C4%90-UBND&signed_on={later}");
            let (status, body) = office.post_full("/api/awards/decide", &d, &[]).await;
            // A form may have had its decision already, or none approved: both are refusals, not errors.
            assert!(status == 200 || status == 422, "[{label}] {status} {body}");
        }
        let round = scalar(
            &server.db,
            &format!("SELECT COUNT(*) FROM award_rounds WHERE period_id = {review} AND status = 'decided'"),
        )
        .await;
        assert_eq!(
            round, 1,
            "[{label}] decided once every form with an approved proposal has its decision"
        );

        let (status, body) = public.post_full("/api/public/awards", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let lists: Vec<app::api::award_publish::PublicAwardList> = serde_json::from_str(&body).unwrap();
        assert_eq!(lists.len(), 1);
        assert!(
            lists[0]
                .approved
                .iter()
                .all(|p| p.status == domain::ProposalStatus::Approved)
        );
        assert!(
            lists[0]
                .approved
                .iter()
                .all(|p| p.objections.iter().all(|o| o.name.is_empty())),
            "names stay private"
        );
        assert_eq!(lists[0].decisions[0].number, "125/QĐ-UBND");
        let audited = scalar(
            &server.db,
            "SELECT COUNT(DISTINCT action) FROM audit_log WHERE action LIKE 'award%'",
        )
        .await;
        assert_eq!(audited, 8, "[{label}] every kind of step is in the audit trail");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_office_sets_the_threshold_the_window_and_the_holidays() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let (c, review) = final_review(&server).await;
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let settings = |pct: u32, days: u32| format!("period_id={review}&vote_threshold_pct={pct}&publish_days={days}");
        let (status, body) = office.post_full("/api/awards/settings", &settings(40, 5), &[]).await;
        assert_eq!(status, 422, "[{label}] not a majority");
        assert!(body.contains("từ 50 đến 100"), "{body}");
        assert_eq!(
            office
                .post("/api/awards/generate", &format!("period_id={review}"))
                .await,
            200
        );
        let (status, body) = office.post_full("/api/awards/settings", &settings(66, 7), &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let stored = scalar(
            &server.db,
            &format!("SELECT CAST(vote_threshold_pct + 1000 * (SELECT publish_days FROM campaigns WHERE id = {}) AS BIGINT) FROM award_rounds WHERE period_id = {review}", c.id),
        )
        .await;
        assert_eq!(stored, 7066, "[{label}] 66 % and 7 working days");
        // Once the council has the list, its threshold stays; the window may still change.
        assert_eq!(
            office
                .post("/api/awards/open_voting", &format!("period_id={review}"))
                .await,
            200
        );
        let (status, body) = office.post_full("/api/awards/settings", &settings(75, 7), &[]).await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains("đang lập danh sách"), "{body}");
        assert_eq!(
            office.post("/api/awards/settings", &settings(66, 6)).await,
            200,
            "[{label}]"
        );

        let (status, body) = office
            .post_full(
                "/api/awards/holiday_add",
                "day=2024-12-25&name=Ngh%E1%BB%89%20b%C3%B9",
                &[],
            )
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let holiday: i64 = body.trim().parse().unwrap();
        let (status, body) = office
            .post_full("/api/awards/holiday_add", "day=2024-12-25&name=L%E1%BA%A7n%202", &[])
            .await;
        assert_eq!(status, 422, "[{label}] one per day");
        assert!(body.contains("đã có"), "{body}");
        assert_eq!(
            office
                .post("/api/awards/holiday_add", "day=25%2F12%2F2024&name=x")
                .await,
            422
        );
        let cal = store::awards::calendar(&server.db, c.committee_id).await.unwrap();
        assert!(!cal.is_working_day(chrono::NaiveDate::from_ymd_opt(2024, 12, 25).unwrap()));
        let (status, body) = office.post_full("/api/awards/page", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        assert!(body.contains("Nghỉ bù"), "[{label}] the page lists the holiday");
        let remove = format!("id={holiday}");
        assert_eq!(
            office.post("/api/awards/holiday_remove", &remove).await,
            200,
            "[{label}]"
        );
        assert_eq!(
            office.post("/api/awards/holiday_remove", &remove).await,
            404,
            "[{label}]"
        );
        let audited = scalar(
            &server.db,
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('award_settings_changed', 'holiday_added', 'holiday_removed')",
        )
        .await;
        assert_eq!(audited, 4, "[{label}] two settings, one holiday added and removed");
    }
}
