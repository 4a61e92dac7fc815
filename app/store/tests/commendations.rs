//! The honour roll on SQLite and PostgreSQL: newest first, with the unit's name.

use store::testing::{databases, finish, scalar};
use store::{campaigns, commendations};

#[tokio::test(flavor = "multi_thread")]
async fn the_latest_commendations_come_newest_first_with_their_unit() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let all = commendations::latest(db, c.id, 100).await.unwrap();
        let stored = scalar(
            db,
            &format!("SELECT COUNT(*) FROM commendations WHERE campaign_id = {}", c.id),
        )
        .await;
        assert!(stored >= 2, "[{label}] the demo has commendations");
        assert_eq!(all.len() as i64, stored, "[{label}]");
        assert!(
            all.windows(2).all(|w| w[0].published_at >= w[1].published_at),
            "[{label}]"
        );
        assert!(all.iter().all(|x| x.unit_name.is_some()), "[{label}]");
        let two = commendations::latest(db, c.id, 2).await.unwrap();
        assert_eq!(two, all[..2], "[{label}]");
        assert!(commendations::latest(db, c.id + 1000, 5).await.unwrap().is_empty());
    }
    finish(dbs).await;
}
