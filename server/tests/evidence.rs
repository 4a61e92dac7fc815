//! Evidence through the server, on both databases: a file is taken by its
//! content and size, stored under a generated name, served only to those
//! who may read the report, and removed with its row.

mod common;

use common::{Client, PNG_1X1, Persona, Server, multipart};
use domain::EvidenceItem;
use store::testing::scalar;

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_is_checked_stored_served_to_readers_only_and_removed() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let report = server.editable_report_of(Persona::Reporter).await.to_string();
        let fields = [("report_id", report.as_str()), ("criterion_code", "A1")];
        let mut me = Client::signed_in(&server, Persona::Reporter).await;
        let upload = |name: &'static str, bytes: Vec<u8>| {
            let (ct, body) = multipart(&fields, Some((name, &bytes)));
            (ct, body)
        };

        // A text file dressed as a picture, and an oversized one: refused, nothing kept.
        let (ct, body) = upload("anh.png", b"<html>not a picture</html>".to_vec());
        let (status, text) = me.post_raw("/api/evidence/upload", &ct, body).await;
        assert_eq!(status, 422, "[{label}] {text}");
        assert!(text.contains("Chỉ nhận ảnh"), "{text}");
        let mut big = PNG_1X1.to_vec();
        big.resize(domain::MAX_EVIDENCE_BYTES + 1, 0);
        let (ct, body) = upload("to.png", big);
        let (status, text) = me.post_raw("/api/evidence/upload", &ct, body).await;
        assert_eq!(status, 422, "[{label}] {text}");
        assert!(text.contains("lớn quá"), "{text}");
        assert!(
            files_in(&server.files_dir).is_empty(),
            "[{label}] {:?}",
            files_in(&server.files_dir)
        );
        assert_eq!(scalar(&server.db, "SELECT COUNT(*) FROM evidence").await, 0);

        let (ct, body) = upload("../../ảnh hiện trường.png", PNG_1X1.to_vec());
        let (status, text) = me.post_raw("/api/evidence/upload", &ct, body).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let item: EvidenceItem = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (item.name.as_str(), item.mime.as_deref()),
            ("ảnh hiện trường.png", Some("image/png"))
        );
        let stored = files_in(&server.files_dir);
        assert_eq!(stored.len(), 1, "[{label}]");
        assert!(
            stored[0].ends_with(".png") && stored[0].len() == 64 + 4,
            "generated name: {}",
            stored[0]
        );
        let sql = "SELECT COUNT(*) FROM audit_log WHERE action = 'evidence_added'";
        assert_eq!(scalar(&server.db, sql).await, 1);

        // Served to the unit and the office; refused to another unit and to the public.
        let path = format!("/tep/{}", item.id);
        let res = me.get(&path).await;
        assert_eq!(res.status(), 200, "[{label}]");
        assert_eq!(res.headers()["content-type"], "image/png");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("inline")
        );
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
        assert_eq!(&bytes[..], PNG_1X1);
        assert_eq!(
            Client::signed_in(&server, Persona::Office)
                .await
                .get(&path)
                .await
                .status(),
            200
        );
        assert_eq!(
            Client::signed_in(&server, Persona::OtherReporter)
                .await
                .get(&path)
                .await
                .status(),
            403
        );
        assert_eq!(Client::anonymous(&server).get(&path).await.status(), 401);

        let link = format!("report_id={report}&criterion_code=A1&url=javascript:alert(1)");
        assert_eq!(me.post("/api/evidence/add_link", &link).await, 422, "[{label}]");
        let link = format!("report_id={report}&criterion_code=A1&url=https://soctrang.gov.vn/tin/1");
        assert_eq!(me.post("/api/evidence/add_link", &link).await, 200, "[{label}]");

        // Another unit cannot remove it; its own staff can, and the file goes too.
        let remove = format!("evidence_id={}", item.id);
        let mut other = Client::signed_in(&server, Persona::OtherReporter).await;
        assert_eq!(other.post("/api/evidence/remove", &remove).await, 403, "[{label}]");
        assert_eq!(me.post("/api/evidence/remove", &remove).await, 200, "[{label}]");
        assert!(files_in(&server.files_dir).is_empty(), "[{label}] the file is gone");
        assert_eq!(
            scalar(&server.db, "SELECT COUNT(*) FROM evidence").await,
            1,
            "[{label}] the link stays"
        );
        let _ = std::fs::remove_dir_all(&server.files_dir);
        store::testing::finish(vec![(label, db)]).await;
    }
}
