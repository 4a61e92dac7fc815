use store::testing as common;

use common::{databases, finish, scalar};
use domain::{PeriodKind, ReportStatus};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use store::StoreError;

const TABLES: &[&str] = &[
    "committees",
    "campaigns",
    "targets",
    "units",
    "blocks",
    "registrations",
    "pledges",
    "criteria_groups",
    "criteria",
    "periods",
    "extensions",
    "reports",
    "report_scores",
    "report_activities",
    "evidence",
    "report_events",
    "accidents",
    "baselines",
    "users",
    "user_roles",
    "sessions",
    "display_tokens",
    "audit_log",
    "award_forms",
    "award_proposals",
    "award_decisions",
    "objections",
    "commendations",
    "notifications",
    "files",
];

async fn counts(db: &DatabaseConnection) -> Vec<(&'static str, i64)> {
    let mut out = Vec::new();
    for t in TABLES {
        out.push((*t, scalar(db, &format!("SELECT COUNT(*) FROM {t}")).await));
    }
    out
}

async fn strings(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect()
}

#[tokio::test]
async fn seed_loads_plan_114_with_its_units_periods_and_reports() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        assert!(store::demo::is_empty(db).await.unwrap(), "{label}");
        store::demo::seed(db)
            .await
            .unwrap_or_else(|e| panic!("{label}: seed: {e}"));
        assert!(!store::demo::is_empty(db).await.unwrap(), "{label}");

        let c = store::campaigns::current(db)
            .await
            .unwrap()
            .expect("a current campaign");
        assert_eq!(c.slug, "ke-hoach-114-2024", "{label}");
        assert_eq!(c.plan_number, "114/KH-UBND", "{label}");
        assert_eq!(c.committee_name, "Ban An toàn giao thông huyện Mỹ Tú", "{label}");
        assert_eq!(
            (c.baseline_year, c.serious_deaths_threshold, c.is_demo),
            (2023, 3, true),
            "{label}"
        );
        assert_eq!(
            store::campaigns::by_slug(db, &c.slug).await.unwrap(),
            Some(c.clone()),
            "{label}"
        );
        assert_eq!(
            store::campaigns::targets(db, c.id).await.unwrap(),
            domain::default_targets(),
            "{label}"
        );
        let parent = "SELECT p.name FROM committees c JOIN committees p ON p.id = c.parent_id";
        assert_eq!(
            strings(db, parent).await,
            ["Ban An toàn giao thông tỉnh Sóc Trăng"],
            "{label}"
        );

        // 27 units in three blocks of 11, 7 and 9; the district itself in none.
        let per_block = "SELECT b.name, COUNT(*) FROM registrations r JOIN blocks b ON b.id = r.block_id \
                         GROUP BY b.name, b.sort_order ORDER BY b.sort_order";
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), per_block))
            .await
            .unwrap();
        let blocks: Vec<(String, i64)> = rows
            .iter()
            .map(|r| (r.try_get_by_index(0).unwrap(), r.try_get_by_index(1).unwrap()))
            .collect();
        let expected = [
            ("Khối cơ quan huyện", 11),
            ("Khối Đảng, Mặt trận và đoàn thể", 7),
            ("Khối xã, thị trấn", 9),
        ];
        assert_eq!(blocks, expected.map(|(n, k)| (n.to_string(), k)), "{label}");
        assert_eq!(
            scalar(db, "SELECT COUNT(DISTINCT unit_id) FROM registrations").await,
            27,
            "{label}"
        );
        let district = "SELECT COUNT(*) FROM units WHERE kind = 'district' \
                        AND id NOT IN (SELECT unit_id FROM registrations)";
        assert_eq!(scalar(db, district).await, 1, "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM units").await, 28, "{label}");

        // Six government months, then the mid-term and final reviews.
        let periods = store::periods::list(db, c.id).await.unwrap();
        let monthly: Vec<&str> = periods
            .iter()
            .filter(|p| p.kind == PeriodKind::Monthly)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            monthly,
            [
                "Tháng 7/2024",
                "Tháng 8/2024",
                "Tháng 9/2024",
                "Tháng 10/2024",
                "Tháng 11/2024",
                "Tháng 12/2024"
            ],
            "{label}"
        );
        assert_eq!(
            periods.iter().filter(|p| p.kind == PeriodKind::MidTerm).count(),
            1,
            "{label}"
        );
        assert_eq!(
            periods.iter().filter(|p| p.kind == PeriodKind::Final).count(),
            1,
            "{label}"
        );
        assert_eq!(periods.len(), 8, "{label}");
        let july = &periods[0];
        assert_eq!(july.starts_on.to_string(), "2024-06-15", "{label}");
        assert_eq!(july.ends_on.to_string(), "2024-07-14", "{label}");
        // 3 days after the end, 23:59:59 in Vietnam (UTC+7).
        assert_eq!(july.deadline.to_rfc3339(), "2024-07-17T16:59:59+00:00", "{label}");

        // Every state of the workflow, a few missing, the late ones.
        let statuses = strings(db, "SELECT DISTINCT status FROM reports").await;
        for s in ReportStatus::ALL {
            assert!(
                statuses.iter().any(|x| x == s.code()),
                "{label}: no {s} report among {statuses:?}"
            );
        }
        let reports = scalar(db, "SELECT COUNT(*) FROM reports").await;
        assert!(reports < 27 * 6 && reports > 27 * 5, "{label}: {reports} reports");
        let late = "SELECT COUNT(*) FROM reports r JOIN periods p ON p.id = r.period_id \
                    WHERE r.submitted_at > p.deadline";
        assert_eq!(scalar(db, late).await, 2, "{label}");
        let changed = "SELECT COUNT(*) FROM report_scores WHERE reviewed_score <> self_score";
        let unexplained = "SELECT COUNT(*) FROM report_scores \
                           WHERE reviewed_score <> self_score AND review_reason IS NULL";
        assert!(scalar(db, changed).await > 0, "{label}");
        assert_eq!(scalar(db, unexplained).await, 0, "{label}");
        let histories = "SELECT COUNT(*) FROM reports r WHERE NOT EXISTS \
                         (SELECT 1 FROM report_events e WHERE e.report_id = r.id AND e.to_status = r.status)";
        assert_eq!(
            scalar(db, histories).await,
            0,
            "{label}: a report whose history does not reach its status"
        );

        // Invented accidents, exactly one particularly serious, 2023 baselines.
        let serious = "SELECT COUNT(*) FROM accidents WHERE deaths >= 3 OR marked_serious";
        assert_eq!(scalar(db, serious).await, 1, "{label}");
        assert_eq!(
            scalar(db, "SELECT COUNT(*) FROM accidents WHERE NOT is_demo").await,
            0,
            "{label}"
        );
        assert_eq!(
            scalar(db, "SELECT COUNT(*) FROM baselines WHERE year = 2023").await,
            9 * 12,
            "{label}"
        );
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM award_forms").await, 2, "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM commendations").await, 2, "{label}");
        // The accounts are checked in `demo_accounts`.
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM users").await, 57, "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM display_tokens").await, 1, "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_second_seed_is_refused_and_changes_nothing() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let before = counts(db).await;
        match store::demo::seed(db).await {
            Err(StoreError::Conflict(_)) => {}
            other => panic!("{label}: a second seed gave {other:?}"),
        }
        assert_eq!(counts(db).await, before, "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn reset_twice_leaves_the_same_demo_and_keeps_the_audit_trail() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        // Reset also works on an empty database.
        store::demo::reset(db)
            .await
            .unwrap_or_else(|e| panic!("{label}: first reset: {e}"));
        let seeded = counts(db).await;
        let entry = store::audit::AuditEntry {
            actor_label: "Thường trực Ban ATGT".into(),
            action: "demo.reset".into(),
            entity: "campaign".into(),
            ..Default::default()
        };
        store::audit::record(db, entry).await.unwrap();
        let with_audit: Vec<_> = seeded
            .iter()
            .map(|&(t, n)| (t, if t == "audit_log" { n + 1 } else { n }))
            .collect();

        store::demo::reset(db)
            .await
            .unwrap_or_else(|e| panic!("{label}: second reset: {e}"));
        assert_eq!(counts(db).await, with_audit, "{label}");
        store::demo::reset(db)
            .await
            .unwrap_or_else(|e| panic!("{label}: third reset: {e}"));
        assert_eq!(counts(db).await, with_audit, "{label}");
        let current = store::campaigns::current(db).await.unwrap().unwrap();
        assert_eq!(current.slug, "ke-hoach-114-2024", "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn reset_leaves_real_data_alone() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let backend = db.get_database_backend();
        let sql = |s: &str| Statement::from_string(backend, s.to_string());
        db.execute_raw(sql(
            "INSERT INTO committees (name, level) VALUES ('Ban ATGT huyện Kế Sách', 'district')",
        ))
        .await
        .unwrap();
        let before = counts(db).await;
        store::demo::reset(db).await.unwrap();
        assert_eq!(counts(db).await, before, "{label}");
        let names = strings(db, "SELECT name FROM committees ORDER BY id").await;
        assert!(
            names.iter().any(|n| n == "Ban ATGT huyện Kế Sách"),
            "{label}: {names:?}"
        );
    }
    finish(dbs).await;
}
