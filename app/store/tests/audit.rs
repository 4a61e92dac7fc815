use store::testing as common;

use chrono::{Duration, Utc};
use common::{databases, finish};
use store::audit::{self, AuditEntry, AuditFilter};

fn entry(action: &str, actor: i64, campaign: Option<i64>, unit: Option<i64>) -> AuditEntry {
    AuditEntry {
        actor_id: Some(actor),
        actor_label: format!("người {actor}"),
        action: action.into(),
        entity: action.split('.').next().unwrap().into(),
        entity_id: Some(100 + actor),
        campaign_id: campaign,
        unit_id: unit,
        ..Default::default()
    }
}

#[tokio::test]
async fn query_filters_pages_and_counts_newest_first() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let start = Utc::now() - Duration::seconds(1);
        let entries = [
            entry("report.submit", 1, Some(1), Some(10)),
            entry("report.return", 2, Some(1), Some(10)),
            entry("report.submit", 1, Some(1), Some(11)),
            entry("user.disable", 3, None, None),
            entry("report.approve", 2, Some(2), Some(10)),
        ];
        let mut ids = Vec::new();
        for e in entries {
            ids.push(audit::record(db, e).await.unwrap());
        }

        let all = audit::query(db, &AuditFilter::default()).await.unwrap();
        let got: Vec<i64> = all.iter().map(|r| r.id).collect();
        let newest_first: Vec<i64> = ids.iter().rev().copied().collect();
        assert_eq!(got, newest_first, "{label}");
        assert_eq!(all[0].actor_label, "người 2", "{label}");
        assert_eq!(audit::count(db, &AuditFilter::default()).await.unwrap(), 5, "{label}");

        let cases: Vec<(AuditFilter, Vec<i64>)> = vec![
            (
                AuditFilter {
                    campaign_id: Some(1),
                    ..Default::default()
                },
                vec![ids[2], ids[1], ids[0]],
            ),
            (
                AuditFilter {
                    unit_id: Some(10),
                    ..Default::default()
                },
                vec![ids[4], ids[1], ids[0]],
            ),
            (
                AuditFilter {
                    actor_id: Some(1),
                    ..Default::default()
                },
                vec![ids[2], ids[0]],
            ),
            (
                AuditFilter {
                    entity: Some("user".into()),
                    ..Default::default()
                },
                vec![ids[3]],
            ),
            (
                AuditFilter {
                    action: Some("report.submit".into()),
                    unit_id: Some(11),
                    ..Default::default()
                },
                vec![ids[2]],
            ),
            (
                AuditFilter {
                    from: Some(start),
                    to: Some(Utc::now() + Duration::hours(1)),
                    ..Default::default()
                },
                newest_first.clone(),
            ),
            (
                AuditFilter {
                    to: Some(start),
                    ..Default::default()
                },
                vec![],
            ),
            (
                AuditFilter {
                    from: Some(Utc::now() + Duration::hours(1)),
                    ..Default::default()
                },
                vec![],
            ),
        ];
        for (filter, expected) in cases {
            let got: Vec<i64> = audit::query(db, &filter).await.unwrap().iter().map(|r| r.id).collect();
            assert_eq!(got, expected, "{label}: {filter:?}");
            assert_eq!(
                audit::count(db, &filter).await.unwrap(),
                expected.len() as u64,
                "{label}"
            );
        }

        // Pages of two; the count ignores the paging.
        let page = |offset| AuditFilter {
            limit: 2,
            offset,
            ..Default::default()
        };
        let pages: Vec<Vec<i64>> = vec![
            audit::query(db, &page(0)).await.unwrap().iter().map(|r| r.id).collect(),
            audit::query(db, &page(2)).await.unwrap().iter().map(|r| r.id).collect(),
            audit::query(db, &page(4)).await.unwrap().iter().map(|r| r.id).collect(),
        ];
        assert_eq!(pages.concat(), newest_first, "{label}");
        assert_eq!(pages[2].len(), 1, "{label}");
        assert_eq!(audit::count(db, &page(4)).await.unwrap(), 5, "{label}");
        let rest = AuditFilter {
            offset: 3,
            ..Default::default()
        };
        let got: Vec<i64> = audit::query(db, &rest).await.unwrap().iter().map(|r| r.id).collect();
        assert_eq!(got, newest_first[3..], "{label}: an offset without a limit");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn the_csv_export_keeps_awkward_values_intact() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let e = AuditEntry {
            actor_label: "Nguyễn Văn A".into(),
            action: "report.return".into(),
            entity: "report".into(),
            entity_id: Some(42),
            old_value: Some("12,5".into()),
            new_value: Some("ghi \"chú\"".into()),
            reason: Some("dòng một\ndòng hai".into()),
            ip: Some("10.0.0.7".into()),
            ..Default::default()
        };
        audit::record(db, e).await.unwrap();
        let records = audit::query(db, &AuditFilter::default()).await.unwrap();
        let csv = audit::to_csv(&records);
        assert!(csv.starts_with("\u{feff}Thời gian,Người thực hiện,"), "{label}");
        let line = csv.split_once("\r\n").unwrap().1;
        let (time, rest) = line.split_once(',').unwrap();
        assert_eq!(time.len(), "dd/mm/yyyy HH:MM:SS".len(), "{label}: {time}");
        assert_eq!(
            rest,
            "Nguyễn Văn A,report.return,report,42,\"12,5\",\"ghi \"\"chú\"\"\",\"dòng một\ndòng hai\",10.0.0.7\r\n",
            "{label}"
        );
    }
    finish(dbs).await;
}
