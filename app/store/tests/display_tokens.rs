use store::testing as common;

use common::{databases, finish, scalar};
use store::display_tokens::{self, token_hash};
use store::{StoreError, begin_write};

#[tokio::test]
async fn tokens_are_found_by_hash_until_revoked() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let campaign = store::campaigns::current(db).await.unwrap().unwrap().id;

        let raw = "a-long-random-token-for-the-hall";
        let txn = begin_write(db).await.unwrap();
        // Made from the command line: no user.
        let id = display_tokens::create(&txn, campaign, "Màn hình hội trường", &token_hash(raw), None)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let stored = scalar(
            db,
            &format!("SELECT COUNT(*) FROM display_tokens WHERE token_hash = '{raw}'"),
        )
        .await;
        assert_eq!(stored, 0, "{label}: the raw token is never stored");

        let found = display_tokens::find_active(db, &token_hash(raw))
            .await
            .unwrap()
            .unwrap();
        assert_eq!((found.id, found.campaign_id), (id, campaign), "{label}");
        assert_eq!(found.name, "Màn hình hội trường", "{label}");
        assert_eq!(display_tokens::find_active(db, raw).await.unwrap(), None, "{label}");

        let list = display_tokens::list(db, campaign).await.unwrap();
        let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["Màn hình hội trường", "Màn hình phòng họp"],
            "{label}: newest first"
        );
        assert!(
            display_tokens::list(db, campaign + 1000).await.unwrap().is_empty(),
            "{label}"
        );

        let txn = begin_write(db).await.unwrap();
        display_tokens::revoke(&txn, id).await.unwrap();
        txn.commit().await.unwrap();
        assert_eq!(
            display_tokens::find_active(db, &token_hash(raw)).await.unwrap(),
            None,
            "{label}"
        );
        let revoked_at = display_tokens::list(db, campaign).await.unwrap()[0].revoked_at;
        assert!(revoked_at.is_some(), "{label}");

        // Revoking again keeps the first time; an unknown token is not found.
        let txn = begin_write(db).await.unwrap();
        display_tokens::revoke(&txn, id).await.unwrap();
        let missing = display_tokens::revoke(&txn, id + 1000).await;
        assert!(matches!(missing, Err(StoreError::NotFound(_))), "{label}: {missing:?}");
        txn.commit().await.unwrap();
        assert_eq!(
            display_tokens::list(db, campaign).await.unwrap()[0].revoked_at,
            revoked_at,
            "{label}"
        );

        // Two tokens never share a hash.
        let txn = begin_write(db).await.unwrap();
        let again = display_tokens::create(&txn, campaign, "Bản sao", &token_hash(raw), None).await;
        assert!(again.is_err(), "{label}");
        txn.rollback().await.unwrap();
    }
    finish(dbs).await;
}
