use store::testing as common;

use common::{databases, finish};
use domain::CampaignStatus;
use sea_orm::{ConnectionTrait, Statement};
use store::{campaigns, periods};

#[tokio::test]
async fn current_prefers_the_open_campaign_then_the_latest() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        assert_eq!(campaigns::current(db).await.unwrap(), None, "{label}");
        store::demo::seed(db).await.unwrap();
        let demo = campaigns::current(db).await.unwrap().unwrap();
        assert_eq!(demo.status, CampaignStatus::Open, "{label}");

        // A draft for next year starts later, but the open one stays current.
        let backend = db.get_database_backend();
        let run = |sql: String| db.execute_raw(Statement::from_string(backend, sql));
        run(format!(
            "INSERT INTO campaigns (committee_id, slug, plan_number, title, theme, starts_on, ends_on, \
             baseline_year, status, period_rule, serious_deaths_threshold, deadline_days, publish_days, \
             is_demo, created_at) VALUES ({}, 'ke-hoach-2025', '20/KH-UBND', 'Năm 2025', 'Chủ đề', \
             '2025-02-01', '2025-12-31', 2024, 'draft', 'calendar_month', 3, 3, 5, FALSE, \
             '2025-01-20T02:00:00+00:00')",
            demo.committee_id
        ))
        .await
        .unwrap();
        assert_eq!(
            campaigns::current(db).await.unwrap().unwrap().slug,
            demo.slug,
            "{label}"
        );

        // With none open, the one that started last.
        run(format!("UPDATE campaigns SET status = 'closed' WHERE id = {}", demo.id))
            .await
            .unwrap();
        let next = campaigns::current(db).await.unwrap().unwrap();
        assert_eq!(
            (next.slug.as_str(), next.status),
            ("ke-hoach-2025", CampaignStatus::Draft),
            "{label}"
        );
        assert_eq!(next.committee_name, demo.committee_name, "{label}");
        assert!(campaigns::targets(db, next.id).await.unwrap().is_empty(), "{label}");

        assert_eq!(campaigns::by_slug(db, "khong-co").await.unwrap(), None, "{label}");
        let by_id = campaigns::by_id(db, demo.id).await.unwrap().unwrap();
        assert_eq!(by_id.status, CampaignStatus::Closed, "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn periods_come_in_the_order_they_end_reviews_after_their_months() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let list = periods::list(db, c.id).await.unwrap();
        let codes: Vec<&str> = list.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "2024-07", "2024-08", "2024-09", "mid", "2024-10", "2024-11", "2024-12", "final"
            ],
            "{label}"
        );
        let fin = list.last().unwrap();
        assert_eq!(
            (fin.name.as_str(), fin.year, fin.month),
            ("Tổng kết", 2024, 12),
            "{label}"
        );
        assert_eq!(fin.starts_on.to_string(), "2024-06-15", "{label}");
        // The demo stands in mid-December: November closed, December open.
        assert!(list[5].closed_at.is_some() && list[6].closed_at.is_none(), "{label}");
        assert!(periods::list(db, c.id + 1000).await.unwrap().is_empty(), "{label}");

        let months = periods::reporting_months(db, c.id).await.unwrap();
        let got: Vec<(i32, u32, String, String)> = months
            .iter()
            .map(|m| (m.year, m.month, m.starts_on.to_string(), m.ends_on.to_string()))
            .collect();
        let first = (2024, 7, "2024-06-15".to_string(), "2024-07-14".to_string());
        let last = (2024, 12, "2024-11-15".to_string(), "2024-12-14".to_string());
        assert_eq!((got.len(), &got[0], &got[5]), (6, &first, &last), "{label}");
    }
    finish(dbs).await;
}
