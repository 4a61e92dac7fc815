//! Reports and the sheet as stored, on both databases.

use store::testing::{databases, finish};

#[tokio::test]
async fn the_stored_sheet_is_the_default_sheet_in_order() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let campaign = store::campaigns::current(db).await.unwrap().unwrap();
        let sheet = store::sheets::load(db, campaign.id).await.unwrap();
        assert_eq!(sheet, domain::default_sheet(), "[{label}]");
        assert!(sheet.validate().is_ok());
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_report_lists_the_criteria_of_its_unit_kind_in_sheet_order() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let user = store::users::by_username(db, "cong-an-huyen").await.unwrap().unwrap();
        let list = store::reports::list_for_unit(db, user.unit_id.unwrap()).await.unwrap();
        assert!(!list.is_empty(), "[{label}] police reports exist");
        let r = store::reports::get(db, list[0].id).await.unwrap().unwrap();
        assert_eq!(r.unit_kind, domain::UnitKind::Police);
        let sheet = domain::default_sheet();
        let expected: Vec<&str> = sheet
            .applicable(domain::UnitKind::Police)
            .map(|c| c.code.as_str())
            .collect();
        let got: Vec<&str> = r.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(got, expected, "[{label}]");
        assert!(
            !got.contains(&"C1"),
            "infrastructure criteria do not apply to the police"
        );
    }
    finish(dbs).await;
}

#[tokio::test]
async fn the_second_of_two_concurrent_edits_is_refused_and_nothing_is_overwritten() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let user = store::users::by_username(db, "xa-long-hung").await.unwrap().unwrap();
        let list = store::reports::list_for_unit(db, user.unit_id.unwrap()).await.unwrap();
        let r = list
            .iter()
            .find(|r| domain::is_editable_by_unit(r.status))
            .expect("an editable report");
        let view = store::reports::get(db, r.id).await.unwrap().unwrap();
        let a1 = view.lines.iter().find(|l| l.code == "A1").unwrap().criterion_id;

        // Both people opened version v; the first save wins.
        let txn = store::begin_write(db).await.unwrap();
        let saved = store::reports::set_self_score(&txn, r.id, a1, Some(3.5), "first", view.version)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        assert_eq!(saved.new_version, view.version + 1);

        let txn = store::begin_write(db).await.unwrap();
        let second = store::reports::set_self_score(&txn, r.id, a1, Some(1.0), "second", view.version).await;
        assert!(
            matches!(second, Err(store::StoreError::Conflict(_))),
            "[{label}] {second:?}"
        );
        drop(txn);

        let after = store::reports::get(db, r.id).await.unwrap().unwrap();
        let line = after.lines.iter().find(|l| l.code == "A1").unwrap();
        assert_eq!(
            (line.self_score, line.explanation.as_str()),
            (Some(3.5), "first"),
            "[{label}]"
        );
        assert_eq!(after.version, view.version + 1);
    }
    finish(dbs).await;
}
