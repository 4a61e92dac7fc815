//! The accident log through the server functions, on both databases: the
//! police record, fix and strike out accidents, and import the baseline;
//! each change reaches the figures and the audit trail, bad input changes nothing.

mod common;

use common::{Client, Persona, Server};
use store::testing::scalar;

/// Form encoding of a value, as the browser sends it.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn accident(commune: i64, when: &str, deaths: i64) -> String {
    format!(
        "input[commune_unit_id]={commune}&input[occurred_at]={}&input[deaths]={deaths}&input[injuries]=2\
         &input[drink_driving]=true&input[commercial_car]=false&input[marked_serious]=false&input[note]={}",
        enc(when),
        enc("Va chạm giữa hai xe máy")
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_police_record_fix_and_strike_out_an_accident_and_the_figures_follow() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let commune = store::accident_log::communes(&server.db, c.committee_id).await.unwrap()[2].id;
        let mut police = Client::signed_in(&server, Persona::OtherReporter).await;
        let count = |sql: &'static str| scalar(&server.db, sql);
        let live = "SELECT COUNT(*) FROM accidents WHERE deleted_at IS NULL";
        let before = count(live).await;

        // Bad input: every wrong field is named, nothing is written.
        let (status, body) = police
            .post_full(
                "/api/accidents/add",
                &format!("campaign_id={}&{}", c.id, accident(commune, "2099-01-01T08:00", -1)),
                &[],
            )
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(
            body.contains("deaths") && body.contains("occurred_at") && body.contains("tương lai"),
            "{body}"
        );
        assert_eq!(count(live).await, before, "[{label}] nothing written");

        let add = format!("campaign_id={}&{}", c.id, accident(commune, "2024-09-20T23:30", 1));
        let (status, body) = police.post_full("/api/accidents/add", &add, &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");
        let id: i64 = body.trim().parse().expect("the new accident's id");
        assert_eq!(count(live).await, before + 1);
        let sql = format!("SELECT COUNT(*) FROM audit_log WHERE action = 'accident_added' AND entity_id = {id}");
        assert_eq!(scalar(&server.db, &sql).await, 1, "[{label}] audited");

        // A change needs a reason, and keeps the old value in the trail.
        let fix = format!(
            "campaign_id={}&accident_id={id}&{}",
            c.id,
            accident(commune, "2024-09-20T23:30", 3)
        );
        let (status, body) = police
            .post_full("/api/accidents/update", &format!("{fix}&reason="), &[])
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(body.contains("lý do"), "{body}");
        let (status, body) = police
            .post_full(
                "/api/accidents/update",
                &format!("{fix}&reason={}", enc("Bổ sung người chết")),
                &[],
            )
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let (_, rec) = store::accident_log::get(&server.db, id).await.unwrap().unwrap();
        assert_eq!(rec.deaths, 3);
        let sql = format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'accident_changed' AND entity_id = {id} \
             AND old_value LIKE '%chết 1%' AND new_value LIKE '%chết 3%' AND reason = 'Bổ sung người chết'"
        );
        assert_eq!(
            scalar(&server.db, &sql).await,
            1,
            "[{label}] old and new value with the reason"
        );

        let strike = format!("campaign_id={}&accident_id={id}&reason={}", c.id, enc("Nhập trùng"));
        assert_eq!(
            police.post("/api/accidents/strike_out", &strike).await,
            200,
            "[{label}]"
        );
        assert_eq!(count(live).await, before, "[{label}] struck out of the figures");
        assert_eq!(
            police.post("/api/accidents/strike_out", &strike).await,
            409,
            "[{label}] only once"
        );

        // Another committee's accident is not reachable through this campaign.
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let other = format!("campaign_id={}&accident_id=999999&reason=x", c.id);
        assert_eq!(office.post("/api/accidents/strike_out", &other).await, 404, "[{label}]");
        store::testing::finish(vec![(label, db)]).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_baseline_file_with_a_bad_row_writes_nothing_and_the_fixed_file_writes_all() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let communes = store::accident_log::communes(&server.db, c.committee_id).await.unwrap();
        let mut police = Client::signed_in(&server, Persona::OtherReporter).await;
        let sum = "SELECT COALESCE(SUM(accidents), 0) FROM baselines";
        let before = scalar(&server.db, sum).await;
        let header = domain::BASELINE_HEADER.join(",");
        let (a, b) = (&communes[0].name, &communes[1].name);
        let bad = format!("{header}\n{a},2023,7,40,0,0,0,0,0\n{b},2023,7,1,0,0,5,0,0\n");
        let (status, body) = police
            .post_full(
                "/api/accidents/import_baseline",
                &format!("campaign_id={}&csv={}", c.id, enc(&bad)),
                &[],
            )
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let outcome: app::api::accidents::BaselineImport = serde_json::from_str(&body).unwrap();
        assert_eq!(outcome.written, 0);
        assert_eq!(outcome.errors.len(), 1, "{outcome:?}");
        assert_eq!(outcome.errors[0].line, 3);
        assert_eq!(scalar(&server.db, sum).await, before, "[{label}] nothing written");
        let sql = "SELECT COUNT(*) FROM audit_log WHERE action = 'baseline_imported'";
        assert_eq!(scalar(&server.db, sql).await, 0);

        let good = bad.replace(",1,0,0,5,0,0", ",1,0,0,1,0,0");
        let (status, body) = police
            .post_full(
                "/api/accidents/import_baseline",
                &format!("campaign_id={}&csv={}", c.id, enc(&good)),
                &[],
            )
            .await;
        assert_eq!(status, 200, "[{label}] {body}");
        let outcome: app::api::accidents::BaselineImport = serde_json::from_str(&body).unwrap();
        assert_eq!((outcome.written, outcome.errors.len()), (2, 0), "{outcome:?}");
        assert!(scalar(&server.db, sum).await > before, "[{label}] written");
        assert_eq!(scalar(&server.db, sql).await, 1, "[{label}] audited once");

        let huge = format!(
            "campaign_id={}&csv={}",
            c.id,
            "x".repeat(app::api::accidents::MAX_BASELINE_BYTES + 1)
        );
        assert_eq!(
            police.post("/api/accidents/import_baseline", &huge).await,
            422,
            "[{label}] too large"
        );
        store::testing::finish(vec![(label, db)]).await;
    }
}
