//! The figure queries against sums computed here, from the rows, by other
//! means: local days by chrono-tz, the serious rule written out.

use store::testing as common;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use common::{databases, finish};
use domain::{AccidentFigures, PeriodRule, month_bounds};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use store::{accidents, campaigns};

struct Row {
    local_day: NaiveDate,
    deaths: u32,
    injuries: u32,
    drink: bool,
    commercial: bool,
    marked: bool,
    deleted: bool,
}

async fn rows(db: &DatabaseConnection) -> Vec<Row> {
    let sql = "SELECT occurred_at, deaths, injuries, drink_driving, commercial_car, marked_serious, \
               deleted_at FROM accidents";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            let at: DateTime<Utc> = r.try_get("", "occurred_at").unwrap();
            Row {
                local_day: at.with_timezone(&Ho_Chi_Minh).date_naive(),
                deaths: r.try_get::<i32>("", "deaths").unwrap() as u32,
                injuries: r.try_get::<i32>("", "injuries").unwrap() as u32,
                drink: r.try_get("", "drink_driving").unwrap(),
                commercial: r.try_get("", "commercial_car").unwrap(),
                marked: r.try_get("", "marked_serious").unwrap(),
                deleted: r.try_get::<Option<DateTime<Utc>>>("", "deleted_at").unwrap().is_some(),
            }
        })
        .collect()
}

fn expected(rows: &[Row], from: NaiveDate, to: NaiveDate) -> AccidentFigures {
    let mut f = AccidentFigures::default();
    for r in rows
        .iter()
        .filter(|r| !r.deleted && from <= r.local_day && r.local_day <= to)
    {
        f.accidents += 1;
        f.deaths += r.deaths;
        f.injuries += r.injuries;
        f.drink_driving += r.drink as u32;
        f.commercial_car += r.commercial as u32;
        f.particularly_serious += (r.marked || r.deaths >= 3) as u32;
    }
    f
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[tokio::test]
async fn figures_between_equals_the_sum_of_the_rows() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        // Strike one accident out: it must stop counting.
        let strike = "UPDATE accidents SET deleted_at = occurred_at, delete_reason = 'nhập trùng' \
                      WHERE id = (SELECT MIN(id) FROM accidents)";
        db.execute_raw(Statement::from_string(db.get_database_backend(), strike))
            .await
            .unwrap();
        let all = rows(db).await;
        assert_eq!(all.iter().filter(|r| r.deleted).count(), 1);

        let months: Vec<(NaiveDate, NaiveDate)> = (1..=12)
            .map(|m| month_bounds(2024, m, PeriodRule::GovernmentMonth))
            .collect();
        let mut by_month = AccidentFigures::default();
        for &(from, to) in &months {
            let got = accidents::figures_between(db, c.committee_id, from, to, 3)
                .await
                .unwrap();
            assert_eq!(got, expected(&all, from, to), "{label}: {from}..={to}");
            by_month.add(&got);
        }
        let others = [
            (d(2024, 6, 15), d(2024, 12, 14)),
            (d(2024, 10, 5), d(2024, 10, 5)),
            (d(2025, 1, 1), d(2025, 1, 31)),
        ];
        for (from, to) in others {
            let got = accidents::figures_between(db, c.committee_id, from, to, 3)
                .await
                .unwrap();
            assert_eq!(got, expected(&all, from, to), "{label}: {from}..={to}");
        }
        // The reporting months tile the year: no accident counted twice or lost.
        let year = accidents::figures_between(db, c.committee_id, d(2023, 12, 15), d(2024, 12, 14), 3)
            .await
            .unwrap();
        assert_eq!(year, by_month, "{label}");
        assert!(year.accidents > 30, "{label}: {year:?}");
        assert_eq!(year.particularly_serious, 1, "{label}");
        // A threshold of 2 deaths makes more accidents particularly serious.
        let strict = accidents::figures_between(db, c.committee_id, d(2023, 12, 15), d(2024, 12, 14), 2)
            .await
            .unwrap();
        assert!(strict.particularly_serious > 1, "{label}");
        // Another committee has no accidents.
        let none = accidents::figures_between(db, c.committee_id + 1000, d(2024, 1, 1), d(2024, 12, 31), 3)
            .await
            .unwrap();
        assert_eq!(none, AccidentFigures::default(), "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn a_day_is_a_vietnamese_day() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let backend = db.get_database_backend();
        // 23:30 on 14 July in Vietnam is 16:30 UTC the same day; 00:30 on
        // 15 July in Vietnam is still 14 July in UTC.
        for at in ["2024-07-14T16:30:00+00:00", "2024-07-14T17:30:00+00:00"] {
            let sql = format!(
                "INSERT INTO accidents (committee_id, commune_unit_id, occurred_at, deaths, injuries, \
                 drink_driving, commercial_car, marked_serious, note, is_demo) \
                 SELECT {}, MIN(id), '{at}', 0, 1, FALSE, FALSE, FALSE, 'ranh giới ngày', TRUE \
                 FROM units WHERE kind = 'commune'",
                c.committee_id
            );
            db.execute_raw(Statement::from_string(backend, sql)).await.unwrap();
        }
        let all = rows(db).await;
        for day in [d(2024, 7, 14), d(2024, 7, 15)] {
            let got = accidents::figures_between(db, c.committee_id, day, day, 3)
                .await
                .unwrap();
            assert_eq!(got, expected(&all, day, day), "{label}: {day}");
            assert!(got.accidents >= 1, "{label}: {day}");
        }
    }
    finish(dbs).await;
}

#[tokio::test]
async fn baseline_for_months_equals_the_sum_of_the_rows() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let sql = "SELECT month, accidents, deaths, injuries, drink_driving, particularly_serious, \
                   commercial_car FROM baselines WHERE year = 2023";
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap();
        let sum = |months: &[u32]| {
            let mut f = AccidentFigures::default();
            for r in &rows {
                let get = |c: &str| r.try_get::<i32>("", c).unwrap() as u32;
                if months.contains(&get("month")) {
                    f.accidents += get("accidents");
                    f.deaths += get("deaths");
                    f.injuries += get("injuries");
                    f.drink_driving += get("drink_driving");
                    f.particularly_serious += get("particularly_serious");
                    f.commercial_car += get("commercial_car");
                }
            }
            f
        };
        let cases: [&[u32]; 5] = [
            &[7],
            &[7, 8, 9],
            &[7, 8, 9, 10, 11, 12],
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            &[],
        ];
        for months in cases {
            let got = accidents::baseline_for_months(db, c.committee_id, 2023, months)
                .await
                .unwrap();
            assert_eq!(got, sum(months), "{label}: months {months:?}");
        }
        // The same through (year, month) pairs; a repeated pair counts once.
        let pairs = [(2023, 7), (2022, 7), (2023, 8), (2023, 7)];
        let got = accidents::baseline_for(db, c.committee_id, &pairs).await.unwrap();
        assert_eq!(got, sum(&[7, 8]), "{label}");
        let other_year = accidents::baseline_for_months(db, c.committee_id, 2022, &[7])
            .await
            .unwrap();
        assert_eq!(other_year, AccidentFigures::default(), "{label}");

        // The demo's story: 2024 below 2023 on most measures, one particularly
        // serious accident against none.
        let now = accidents::figures_between(db, c.committee_id, d(2024, 6, 15), d(2024, 12, 14), 3)
            .await
            .unwrap();
        let then = sum(&[7, 8, 9, 10, 11, 12]);
        let met = domain::progress(&store::campaigns::targets(db, c.id).await.unwrap(), &now, &then);
        let met_count = met.iter().filter(|p| p.met).count();
        assert!((3..met.len()).contains(&met_count), "{label}: {now:?} against {then:?}");
        assert!(
            !met.iter()
                .find(|p| p.target.measure == domain::Measure::ParticularlySerious)
                .unwrap()
                .met
        );
    }
    finish(dbs).await;
}

/// The chart's month-by-month figures, read once, equal the figures read
/// month by month; and the baseline's likewise.
#[tokio::test]
async fn figures_by_month_from_one_read_equal_each_month_read_alone() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let c = campaigns::current(db).await.unwrap().unwrap();
        let months = store::periods::reporting_months(db, c.id).await.unwrap();
        let spans: Vec<_> = months.iter().map(|m| (m.starts_on, m.ends_on)).collect();
        let pairs: Vec<_> = months.iter().map(|m| (c.baseline_year, m.month)).collect();
        let t = c.serious_deaths_threshold;
        let together = accidents::figures_by_span(db, c.committee_id, &spans, t).await.unwrap();
        let base = accidents::baseline_by_month(db, c.committee_id, &pairs).await.unwrap();
        assert_eq!(together.len(), months.len());
        let mut any = 0;
        for (i, (from, to)) in spans.iter().enumerate() {
            let alone = accidents::figures_between(db, c.committee_id, *from, *to, t)
                .await
                .unwrap();
            assert_eq!(together[i], alone, "[{label}] month {i}");
            let b = accidents::baseline_for(db, c.committee_id, &[pairs[i]]).await.unwrap();
            assert_eq!(base[i], b, "[{label}] baseline month {i}");
            any += alone.accidents;
        }
        assert!(any > 0, "[{label}] the demo has accidents in its months");
    }
    finish(dbs).await;
}
