//! Campaign administration on SQLite and PostgreSQL: a copy carries the
//! blocks, sheet, award forms and targets with new periods and nothing of
//! the old campaign's work; units come in from a checked import; the sheet
//! and periods stay as they are once reports exist; staff belong to their
//! committee.

use domain::{CampaignStatus, CommitteeLevel, PeriodKind};
use store::testing::{databases, finish, scalar};
use store::{begin_write, campaign_setup, campaigns, committees, units};

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_into_another_committee_takes_the_frame_and_none_of_the_work() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let old = campaigns::current(db).await.unwrap().unwrap();
        let mut draft = campaign_setup::draft_of(db, old.id).await.unwrap().unwrap();
        draft = draft.moved_by_years(1);
        draft.plan_number = "25/KH-BATGT".into();

        let txn = begin_write(db).await.unwrap();
        let province = committees::by_id(&txn, old.committee_id)
            .await
            .unwrap()
            .unwrap()
            .parent_id;
        let other = committees::create(&txn, "Ban ATGT huyện Châu Thành", CommitteeLevel::District, province)
            .await
            .unwrap();
        let id = campaign_setup::copy(&txn, old.id, other, &draft).await.unwrap();
        txn.commit().await.unwrap();

        let new = campaigns::by_id(db, id).await.unwrap().unwrap();
        assert_eq!(
            (new.committee_id, new.status),
            (other, CampaignStatus::Draft),
            "[{label}]"
        );
        assert_eq!(new.plan_number, "25/KH-BATGT");
        assert_eq!(
            store::sheets::load(db, id).await.unwrap(),
            store::sheets::load(db, old.id).await.unwrap(),
            "[{label}] the same sheet"
        );
        assert_eq!(
            campaigns::targets(db, id).await.unwrap(),
            campaigns::targets(db, old.id).await.unwrap()
        );
        let count = |table: &str, campaign: i64| format!("SELECT COUNT(*) FROM {table} WHERE campaign_id = {campaign}");
        for table in ["blocks", "award_forms", "criteria", "criteria_groups"] {
            let (a, b) = (
                scalar(db, &count(table, old.id)).await,
                scalar(db, &count(table, id)).await,
            );
            assert!(a > 0 && a == b, "[{label}] {table}: {a} then {b}");
        }
        for table in [
            "reports",
            "registrations",
            "commendations",
            "ranking_publications",
            "award_rounds",
            "display_tokens",
        ] {
            assert_eq!(
                scalar(db, &count(table, id)).await,
                0,
                "[{label}] no {table} carried over"
            );
        }
        // The periods follow the new dates: July to December 2025 and two reviews.
        let periods = store::periods::list(db, id).await.unwrap();
        let monthly: Vec<_> = periods.iter().filter(|p| p.kind == PeriodKind::Monthly).collect();
        assert_eq!(monthly.len(), 6, "[{label}]");
        assert!(monthly.iter().all(|p| p.year == 2025));
        assert_eq!(periods.len(), 8);

        // The other committee's staff work on it; the first committee's do not see it.
        assert_eq!(campaigns::current_in(db, &[other]).await.unwrap().unwrap().id, id);
        assert_eq!(
            campaigns::current_in(db, &[old.committee_id])
                .await
                .unwrap()
                .unwrap()
                .id,
            old.id,
            "[{label}]"
        );
        let below = committees::with_descendants(db, province.unwrap()).await.unwrap();
        assert!(below.contains(&other) && below.contains(&old.committee_id));
        let theirs = campaigns::of_committees(db, &[other]).await.unwrap();
        assert_eq!(theirs.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);

        // A second copy may not take the same address.
        let txn = begin_write(db).await.unwrap();
        let again = campaign_setup::copy(&txn, old.id, other, &draft).await;
        assert!(matches!(again, Err(store::StoreError::Conflict(_))), "[{label}]");
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_in_the_same_committee_keeps_each_unit_in_its_block_to_confirm_again() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let old = campaigns::current(db).await.unwrap().unwrap();
        let draft = campaign_setup::draft_of(db, old.id)
            .await
            .unwrap()
            .unwrap()
            .moved_by_years(1);
        let txn = begin_write(db).await.unwrap();
        let id = campaign_setup::copy(&txn, old.id, old.committee_id, &draft)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let registered = |campaign: i64, status: &str| {
            format!("SELECT COUNT(*) FROM registrations WHERE campaign_id = {campaign} AND status = '{status}'")
        };
        let before = scalar(db, &registered(old.id, "confirmed")).await;
        assert_eq!(scalar(db, &registered(id, "pending")).await, before, "[{label}]");
        assert_eq!(scalar(db, &registered(id, "confirmed")).await, 0, "[{label}]");
        let pledges = format!(
            "SELECT COUNT(*) FROM pledges WHERE registration_id IN (SELECT id FROM registrations WHERE campaign_id = {id})"
        );
        assert_eq!(scalar(db, &pledges).await, 0, "[{label}] pledges are made anew");
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_units_join_their_blocks_and_a_campaign_with_reports_keeps_its_sheet() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let blocks = units::blocks_of(db, c.id).await.unwrap();
        let existing = units::names_in(db, c.committee_id).await.unwrap();
        let csv = format!(
            "name,short_name,kind,block\nXã Mới Một,,commune,{}\nHội Cựu chiến binh,,mass_organisation,\n",
            blocks[0].name
        );
        let rows = domain::parse_units_csv(&csv, &existing, &blocks).unwrap();
        let txn = begin_write(db).await.unwrap();
        let ids = units::import(&txn, c.committee_id, c.id, &rows).await.unwrap();
        txn.commit().await.unwrap();
        assert_eq!(ids.len(), 2);
        let pending = format!(
            "SELECT COUNT(*) FROM registrations WHERE unit_id = {} AND block_id = {} AND status = 'pending'",
            ids[0], blocks[0].id
        );
        assert_eq!(scalar(db, &pending).await, 1, "[{label}]");
        let none = format!("SELECT COUNT(*) FROM registrations WHERE unit_id = {}", ids[1]);
        assert_eq!(scalar(db, &none).await, 0, "[{label}]");
        let again = domain::parse_units_csv(&csv, &units::names_in(db, c.committee_id).await.unwrap(), &blocks);
        assert_eq!(again.unwrap_err().len(), 2, "[{label}] both names are taken now");

        // The demo campaign has reports: its sheet and periods stay.
        let txn = begin_write(db).await.unwrap();
        let sheet = domain::default_sheet();
        let refused = campaign_setup::write_sheet(&txn, c.id, &sheet).await;
        assert!(matches!(refused, Err(store::StoreError::Conflict(_))), "[{label}]");
        let draft = campaign_setup::draft_of(&txn, c.id).await.unwrap().unwrap();
        let refused = campaign_setup::write_periods(&txn, c.id, &campaign_setup::periods_of(&draft)).await;
        assert!(matches!(refused, Err(store::StoreError::Conflict(_))), "[{label}]");
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_work_for_their_committee_and_the_administrator_for_all() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        for name in ["thuongtruc", "hoidong", "xa-long-hung", "truong.xa-long-hung"] {
            let u = store::users::by_username(db, name).await.unwrap().unwrap();
            assert_eq!(u.committee_id, Some(c.committee_id), "[{label}] {name}");
        }
        let admin = store::users::by_username(db, "quantri").await.unwrap().unwrap();
        assert_eq!(admin.committee_id, None, "[{label}]");
    }
    finish(dbs).await;
}
