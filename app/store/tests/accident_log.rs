//! The accident log and the baseline import on SQLite and PostgreSQL: each
//! write shows in the figures the pages sum, and nothing else moves.

use chrono::NaiveDate;
use domain::{AccidentFigures, AccidentInput, BaselineRow, parse_baseline_csv};
use store::testing::{databases, finish, scalar};
use store::{accident_log, accidents, campaigns};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 9, d).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn accidents_are_added_changed_and_struck_out_and_the_figures_follow() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let communes = accident_log::communes(db, c.committee_id).await.unwrap();
        assert_eq!(communes.len(), 9, "[{label}] the demo's town and eight communes");
        let figures = || accidents::figures_between(db, c.committee_id, day(20), day(20), 3);
        let before = figures().await.unwrap();
        let input = AccidentInput {
            commune_unit_id: communes[1].id,
            // 23:30 local on the 20th is the 20th in Vietnam, the 20th 16:30 UTC.
            occurred_at: Some(day(20).and_hms_opt(23, 30, 0).unwrap()),
            deaths: 3,
            injuries: 1,
            drink_driving: true,
            note: "  Va chạm xe máy  ".into(),
            ..Default::default()
        };
        let txn = store::begin_write(db).await.unwrap();
        let id = accident_log::add(&txn, c.committee_id, &input, None, false)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let mut expected = before;
        expected.add(&AccidentFigures {
            accidents: 1,
            deaths: 3,
            injuries: 1,
            drink_driving: 1,
            particularly_serious: 1,
            commercial_car: 0,
        });
        assert_eq!(figures().await.unwrap(), expected, "[{label}] added");
        let (committee, rec) = accident_log::get(db, id).await.unwrap().unwrap();
        assert_eq!(committee, c.committee_id);
        assert_eq!(rec.note, "Va chạm xe máy", "[{label}] notes are trimmed");
        assert_eq!(rec.commune_name, communes[1].name);
        assert_eq!(
            accident_log::list(db, c.committee_id).await.unwrap()[0].id,
            id,
            "[{label}] the latest recorded first"
        );

        let fixed = AccidentInput {
            deaths: 1,
            drink_driving: false,
            ..input.clone()
        };
        let (old, _) = accident_log::update(db, id, &fixed).await.unwrap();
        assert_eq!(old.deaths, 3, "[{label}] update returns the accident as it was");
        let mut expected = before;
        expected.add(&AccidentFigures {
            accidents: 1,
            deaths: 1,
            injuries: 1,
            ..Default::default()
        });
        assert_eq!(figures().await.unwrap(), expected, "[{label}] changed");

        accident_log::strike_out(db, id, "Nhập trùng").await.unwrap();
        assert_eq!(figures().await.unwrap(), before, "[{label}] struck out");
        let (_, gone) = accident_log::get(db, id).await.unwrap().unwrap();
        assert_eq!(gone.delete_reason.as_deref(), Some("Nhập trùng"));
        assert!(matches!(
            accident_log::strike_out(db, id, "again").await,
            Err(store::StoreError::Conflict(_))
        ));
        assert!(matches!(
            accident_log::update(db, id, &fixed).await,
            Err(store::StoreError::Conflict(_))
        ));
        assert!(matches!(
            accident_log::update(db, 999_999, &fixed).await,
            Err(store::StoreError::NotFound(_))
        ));
    }
    finish(dbs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_baseline_import_replaces_the_months_it_names_and_only_those() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let communes = accident_log::communes(db, c.committee_id).await.unwrap();
        let rows_before = scalar(db, "SELECT COUNT(*) FROM baselines").await;
        let july = accidents::baseline_for(db, c.committee_id, &[(2023, 7)]).await.unwrap();
        let aug = accidents::baseline_for(db, c.committee_id, &[(2023, 8)]).await.unwrap();
        let name = &communes[0].name;
        let text = format!(
            "commune,year,month,accidents,deaths,injuries,drink_driving,particularly_serious,commercial_car\n\
             {name},2023,7,9,8,7,1,1,1\n{name},2022,1,1,0,0,0,0,0\n"
        );
        // A bad row: the parser refuses the file and nothing reaches the store.
        assert!(parse_baseline_csv(&text, &communes, &[2023]).is_err());
        let good = text.lines().take(2).collect::<Vec<_>>().join("\n");
        let rows: Vec<BaselineRow> = parse_baseline_csv(&good, &communes, &[2023]).unwrap();
        let old_row = scalar(
            db,
            &format!(
                "SELECT CAST(accidents AS BIGINT) FROM baselines WHERE commune_unit_id = {} AND year = 2023 AND month = 7",
                communes[0].id
            ),
        )
        .await as u32;
        let txn = store::begin_write(db).await.unwrap();
        let replaced = accident_log::import_baseline(&txn, c.committee_id, &rows)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        assert_eq!(replaced, 1, "[{label}] the demo had July 2023 for this commune");
        assert_eq!(
            scalar(db, "SELECT COUNT(*) FROM baselines").await,
            rows_before,
            "[{label}] replaced, not added"
        );
        let july_after = accidents::baseline_for(db, c.committee_id, &[(2023, 7)]).await.unwrap();
        assert_eq!(july_after.accidents, july.accidents - old_row + 9, "[{label}]");
        assert_eq!(
            accidents::baseline_for(db, c.committee_id, &[(2023, 8)]).await.unwrap(),
            aug,
            "[{label}] other months untouched"
        );
    }
    finish(dbs).await;
}
