//! Published rankings on SQLite and PostgreSQL: the demo's publication holds
//! every registered unit with a breakdown that agrees with its row; a later
//! publication supersedes it and leaves it on record.

use store::testing::{databases, finish, scalar};
use store::{begin_write, campaigns, publications};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_publication_is_complete_and_a_later_one_supersedes_it() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let p = publications::latest(db, c.id)
            .await
            .unwrap()
            .expect("the demo publishes");
        assert!(p.through.name.starts_with("Tháng"), "[{label}] {}", p.through.name);
        let registered = scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM registrations WHERE campaign_id = {} AND status = 'confirmed'",
                c.id
            ),
        )
        .await;
        let rows: Vec<_> = p.standings.tables.iter().flat_map(|t| &t.rows).collect();
        assert_eq!(rows.len() as i64, registered, "[{label}]");
        for r in &rows {
            let b = publications::breakdown(db, p.id, r.unit_id)
                .await
                .unwrap()
                .expect("a breakdown per unit");
            assert_eq!((b.rank, b.score), (r.rank, r.score), "[{label}] {}", r.unit_name);
            assert!(b.months.iter().all(|m| m.period.closed));
        }

        let mut empty = p.standings.clone();
        empty.tables.clear();
        let txn = begin_write(db).await.unwrap();
        let later = p.published_at + chrono::Duration::days(30);
        let id = publications::publish(&txn, c.id, &p.through, &empty, &[], None, later)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let now = publications::latest(db, c.id).await.unwrap().unwrap();
        assert_eq!((now.id, now.standings.tables.len()), (id, 0), "[{label}]");
        let kept = publications::breakdown(db, p.id, rows[0].unit_id).await.unwrap();
        assert!(kept.is_some(), "[{label}] the earlier publication stays on record");
    }
    finish(dbs).await;
}
