//! Saving a report's draft through the server function, on both databases:
//! a retry of a save whose answer was lost is harmless, a stale save is
//! refused with what the server holds, a bad value is named and changes nothing.

mod common;

use common::{Client, Persona, Server};
use store::testing::scalar;

fn lines(version: i32, id: i64, a1: &str, explanation: &str) -> String {
    format!(
        "report_id={id}&version={version}&lines[0][code]=A1&lines[0][score]={a1}&lines[0][explanation]={explanation}"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retried_save_is_one_save_and_a_stale_one_is_refused_with_what_changed() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let report_id = server.editable_report_of(Persona::Reporter).await;
        let v = store::reports::get(&server.db, report_id)
            .await
            .unwrap()
            .unwrap()
            .version;
        let mut me = Client::signed_in(&server, Persona::Reporter).await;
        let audit = format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'self_scores_saved' AND entity_id = {}",
            report_id
        );

        let (status, body) = me
            .post_full("/api/reports/save_draft", &lines(v, report_id, "2,5", "x"), &[])
            .await;
        assert_eq!(
            status, 422,
            "[{label}] a decimal comma is the browser's to read: {body}"
        );
        let (status, body) = me
            .post_full("/api/reports/save_draft", &lines(v, report_id, "99", "x"), &[])
            .await;
        assert_eq!(status, 422, "[{label}] {body}");
        assert!(
            body.contains("score.A1") && body.contains("Điểm phải từ 0 đến"),
            "{body}"
        );
        assert_eq!(scalar(&server.db, &audit).await, 0);

        let first = lines(v, report_id, "2.5", "Ban hành kế hoạch số 12");
        let (status, body) = me.post_full("/api/reports/save_draft", &first, &[]).await;
        assert_eq!((status, body.trim()), (200, (v + 1).to_string().as_str()), "[{label}]");
        // The answer was lost; the phone sends the same again with the old version.
        let (status, body) = me.post_full("/api/reports/save_draft", &first, &[]).await;
        assert_eq!(
            (status, body.trim()),
            (200, (v + 1).to_string().as_str()),
            "[{label}] a retry is harmless"
        );
        assert_eq!(
            scalar(&server.db, &audit).await,
            1,
            "[{label}] one save, one audit line"
        );

        // Another device still at version v types something else: refused, told what is there.
        let (status, body) = me
            .post_full("/api/reports/save_draft", &lines(v, report_id, "1", "khác"), &[])
            .await;
        assert_eq!(status, 409, "[{label}] {body}");
        assert!(
            body.contains("A1 = 2,5"),
            "[{label}] the message shows the server's value: {body}"
        );
        let after = store::reports::get(&server.db, report_id).await.unwrap().unwrap();
        let a1 = after.lines.iter().find(|l| l.code == "A1").unwrap();
        assert_eq!(
            (a1.self_score, a1.explanation.as_str()),
            (Some(2.5), "Ban hành kế hoạch số 12"),
            "[{label}]"
        );
        assert_eq!(after.version, v + 1);
        store::testing::finish(vec![(label, db)]).await;
    }
}
