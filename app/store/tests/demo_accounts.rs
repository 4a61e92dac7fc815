use store::testing as common;

use common::{databases, finish, scalar};
use domain::Role;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use store::demo::{DEMO_DISPLAY_TOKEN, DEMO_PASSWORD, slug};
use store::sessions::DbSessionStore;
use store::{display_tokens, passwords, users};
use tower_sessions::SessionStore;
use tower_sessions::session::{Id, Record};

#[test]
fn slugs_drop_vietnamese_marks() {
    assert_eq!(slug("Công an huyện"), "cong-an-huyen");
    assert_eq!(slug("Xã Long Hưng"), "xa-long-hung");
    assert_eq!(slug("Thị trấn Huỳnh Hữu Nghĩa"), "thi-tran-huynh-huu-nghia");
    assert_eq!(slug("Phòng Giáo dục và Đào tạo"), "phong-giao-duc-va-dao-tao");
    assert_eq!(
        slug("Trung tâm Văn hóa – Thể thao và Truyền thanh"),
        "trung-tam-van-hoa-the-thao-va-truyen-thanh"
    );
    assert_eq!(slug("Ủy ban MTTQ"), "uy-ban-mttq");
    assert_eq!(slug("  P. KT-HT  "), "p-kt-ht");
    // Decomposed text: "ệ" as e + circumflex + dot below.
    assert_eq!(slug("Huye\u{302}\u{323}n"), "huyen");
}

#[tokio::test]
async fn the_demo_has_an_account_for_every_role_and_unit() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let campaign = store::campaigns::current(db).await.unwrap().unwrap().id;
        let all = users::list(db).await.unwrap();
        assert_eq!(all.len(), 57, "{label}");
        assert!(all.iter().all(|u| u.is_demo && u.is_active), "{label}");
        for (role, n) in [
            (Role::Admin, 1),
            (Role::StandingOffice, 1),
            (Role::Council, 1),
            (Role::Reporter, 27),
            (Role::UnitHead, 27),
        ] {
            let holders = all.iter().filter(|u| u.roles.iter().any(|g| g.role == role)).count();
            assert_eq!(holders, n, "{label}: {role}");
        }
        assert_eq!(users::count_active_admins(db).await.unwrap(), 1, "{label}");
        // Only the admin holds a role beyond the demo campaign.
        let global: Vec<&str> = all
            .iter()
            .filter(|u| u.roles.iter().any(|g| g.campaign_id != Some(campaign)))
            .map(|u| u.username.as_str())
            .collect();
        assert_eq!(global, ["quantri"], "{label}");

        // A reporter and a head per unit, both of that unit.
        let (reporter, hash) = users::login_record(db, "xa-long-hung").await.unwrap().unwrap();
        assert_eq!(reporter.unit_name.as_deref(), Some("Xã Long Hưng"), "{label}");
        assert!(passwords::verify(DEMO_PASSWORD, &hash), "{label}");
        assert!(!passwords::verify("sai-mat-khau", &hash), "{label}");
        let head = users::by_username(db, "truong.xa-long-hung").await.unwrap().unwrap();
        assert_eq!(
            (head.unit_id, head.roles[0].role),
            (reporter.unit_id, Role::UnitHead),
            "{label}"
        );
        for name in ["cong-an-huyen", "thi-tran-huynh-huu-nghia", "truong.huyen-doan"] {
            assert!(users::by_username(db, name).await.unwrap().is_some(), "{label}: {name}");
        }
        let no_unit = "SELECT COUNT(*) FROM users WHERE unit_id IS NULL";
        assert_eq!(scalar(db, no_unit).await, 3, "{label}");
        // One hash for all: hashing once per seed keeps the seed fast.
        assert_eq!(
            scalar(db, "SELECT COUNT(DISTINCT password_hash) FROM users").await,
            1,
            "{label}"
        );

        let screen = display_tokens::find_active(db, &display_tokens::token_hash(DEMO_DISPLAY_TOKEN))
            .await
            .unwrap()
            .expect("the demo screen's token");
        assert_eq!(
            (screen.campaign_id, screen.name.as_str()),
            (campaign, "Màn hình phòng họp"),
            "{label}"
        );
    }
    finish(dbs).await;
}

fn session_of(user_id: i64) -> Record {
    Record {
        id: Id::default(),
        data: serde_json::from_value(json!({"axum-login.data": {"user_id": user_id}})).unwrap(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    }
}

#[tokio::test]
async fn reset_replaces_demo_users_and_ends_their_sessions() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let store = DbSessionStore::new(db.clone());
        let old = users::by_username(db, "quantri").await.unwrap().unwrap();
        let demo_session = session_of(old.id);
        let real_session = session_of(old.id + 10_000);
        store.save(&demo_session).await.unwrap();
        store.save(&real_session).await.unwrap();

        store::demo::reset(db).await.unwrap();
        let new = users::by_username(db, "quantri").await.unwrap().unwrap();
        assert_ne!(new.id, old.id, "{label}: removed and created afresh");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM users").await, 57, "{label}");
        assert_eq!(store.load(&demo_session.id).await.unwrap(), None, "{label}");
        assert!(store.load(&real_session.id).await.unwrap().is_some(), "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn reset_keeps_a_demo_user_that_real_data_refers_to() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let admin = users::by_username(db, "quantri").await.unwrap().unwrap();
        // Someone tried the demo admin on real data: a real committee's
        // accident entered by it.
        let backend = db.get_database_backend();
        let run = |sql: String| db.execute_raw(Statement::from_string(backend, sql));
        run("INSERT INTO committees (name, level) VALUES ('Ban ATGT huyện Kế Sách', 'district')".into())
            .await
            .unwrap();
        let committee = scalar(db, "SELECT MAX(id) FROM committees").await;
        run(format!(
            "INSERT INTO units (committee_id, name, short_name, kind) VALUES ({committee}, 'Xã An Mỹ', 'An Mỹ', 'commune')"
        ))
        .await
        .unwrap();
        let unit = scalar(db, "SELECT MAX(id) FROM units").await;
        run(format!(
            "INSERT INTO accidents (committee_id, commune_unit_id, occurred_at, deaths, injuries, drink_driving, \
             commercial_car, marked_serious, note, is_demo, created_by) VALUES ({committee}, {unit}, \
             '2024-08-01T01:00:00+00:00', 0, 1, FALSE, FALSE, FALSE, 'Va chạm nhẹ', FALSE, {})",
            admin.id
        ))
        .await
        .unwrap();

        store::demo::reset(db).await.unwrap_or_else(|e| panic!("{label}: {e}"));
        store::demo::reset(db)
            .await
            .unwrap_or_else(|e| panic!("{label}: second reset: {e}"));
        let (again, hash) = users::login_record(db, "quantri").await.unwrap().unwrap();
        assert_eq!(again.id, admin.id, "{label}: kept, and taken up by the new seed");
        assert!(
            again.is_active && again.session_epoch > admin.session_epoch,
            "{label}: {again:?}"
        );
        assert_eq!(again.roles, admin.roles, "{label}");
        assert!(passwords::verify(DEMO_PASSWORD, &hash), "{label}");
        assert_eq!(scalar(db, "SELECT COUNT(*) FROM users").await, 57, "{label}");
        let created_by = "SELECT COUNT(*) FROM accidents WHERE NOT is_demo AND created_by IS NOT NULL";
        assert_eq!(scalar(db, created_by).await, 1, "{label}");
    }
    finish(dbs).await;
}
