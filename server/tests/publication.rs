//! Publishing the official ranking, on SQLite and PostgreSQL: only the
//! office publishes; what the public reads is frozen as published, even as
//! approvals move the live official ranking; each publication is audited.

mod common;

use common::{Client, Persona, Server};

#[tokio::test(flavor = "multi_thread")]
async fn the_office_publishes_and_the_public_reads_it_frozen() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let before = store::publications::latest(&server.db, c.id)
            .await
            .unwrap()
            .expect("the demo's");

        // An approval moves the live official ranking, not what was published.
        let id = store::testing::scalar(&server.db, "SELECT MIN(id) FROM reports WHERE status = 'submitted'").await;
        let v = store::reports::get(&server.db, id).await.unwrap().unwrap().version;
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let approve = format!("report_id={id}&kind=approve&version={v}");
        assert_eq!(office.post("/api/reports/act", &approve).await, 200, "[{label}]");
        let mut public = Client::anonymous(&server);
        let (status, text) = public.post_full("/api/public/overview", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let view: Option<app::api::public::PublicView> = serde_json::from_str(&text).unwrap();
        assert_eq!(
            view.unwrap().overview.published,
            Some(before.clone()),
            "[{label}] frozen"
        );

        // The council reads but does not publish; the office does.
        let mut council = Client::signed_in(&server, Persona::Council).await;
        assert_eq!(council.post("/api/rankings/publish", "").await, 403, "[{label}]");
        let (status, text) = office.post_full("/api/rankings/publish", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let now = store::publications::latest(&server.db, c.id).await.unwrap().unwrap();
        assert_ne!(now.id, before.id, "[{label}]");
        let input = store::standings::input(&server.db, c.id, app::api::server::now_local())
            .await
            .unwrap();
        let official = domain::standings(&input, domain::Scope::Cumulative, domain::RankingMode::Official);
        assert_eq!(
            now.standings, official,
            "[{label}] the official ranking, not the provisional one"
        );
        assert_ne!(
            now.standings, before.standings,
            "[{label}] the approval is in the new publication"
        );
        let audited = store::testing::scalar(
            &server.db,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'ranking_published' AND entity_id = {}",
                now.id
            ),
        )
        .await;
        assert_eq!(audited, 1, "[{label}]");

        // Each unit's published breakdown is public and agrees with its row.
        let row = &now.standings.tables[0].rows[0];
        let (status, text) = public
            .post_full("/api/public/breakdown", &format!("unit_id={}", row.unit_id), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {text}");
        let b: Option<app::api::publication::PublicBreakdownView> = serde_json::from_str(&text).unwrap();
        let b = b.expect("published");
        assert_eq!((b.unit.rank, b.unit.score), (row.rank, row.score), "[{label}]");
        store::testing::finish(vec![(label, db)]).await;
    }
}
