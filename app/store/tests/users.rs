use store::testing as common;

use common::{databases, finish, scalar};
use domain::{Id, Role};
use sea_orm::DatabaseConnection;
use store::users::{self, NewUser, RoleGrant};
use store::{StoreError, audit, begin_write};

fn grant(role: Role, campaign_id: Option<Id>) -> RoleGrant {
    RoleGrant { role, campaign_id }
}

fn new_user(username: &str, unit_id: Option<Id>, roles: Vec<RoleGrant>) -> NewUser {
    NewUser {
        username: username.into(),
        display_name: format!("Người dùng {username}"),
        email: Some(format!("{}@example.vn", username.trim().to_lowercase())),
        unit_id,
        committee_id: None,
        // Not a real hash: these tests never sign in.
        password_hash: format!("hash-of-{username}"),
        roles,
        is_demo: false,
    }
}

async fn create(db: &DatabaseConnection, new: NewUser) -> Result<Id, StoreError> {
    let txn = begin_write(db).await?;
    let id = users::create(&txn, new).await?;
    txn.commit().await?;
    Ok(id)
}

/// Runs one mutation in its own transaction.
macro_rules! write {
    ($db:expr, |$txn:ident| $body:expr) => {{
        let $txn = begin_write($db).await.unwrap();
        let out = $body.await;
        $txn.commit().await.unwrap();
        out
    }};
}

#[tokio::test]
async fn create_and_find_by_id_and_name_in_any_case() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let campaign = store::campaigns::current(db).await.unwrap().unwrap().id;
        let unit: Id = scalar(db, "SELECT id FROM units WHERE name = 'Xã Mỹ Hương'").await;

        let roles = vec![grant(Role::Reporter, Some(campaign)), grant(Role::UnitHead, None)];
        let id = create(db, new_user("  Nguyen.Van.A ", Some(unit), roles.clone()))
            .await
            .unwrap();
        let user = users::by_id(db, id).await.unwrap().expect("created");
        assert_eq!(user.username, "nguyen.van.a", "{label}: stored trimmed and lowercase");
        assert_eq!(user.unit_name.as_deref(), Some("Xã Mỹ Hương"), "{label}");
        assert_eq!(user.roles, roles, "{label}");
        assert_eq!(
            (user.is_active, user.is_demo, user.session_epoch),
            (true, false, 0),
            "{label}"
        );
        assert_eq!(user.last_login_at, None, "{label}");

        assert_eq!(
            users::by_username(db, "NGUYEN.VAN.A").await.unwrap(),
            Some(user.clone()),
            "{label}"
        );
        let (found, hash) = users::login_record(db, " nguyen.VAN.a\t").await.unwrap().unwrap();
        assert_eq!(
            (found, hash.as_str()),
            (user.clone(), "hash-of-  Nguyen.Van.A "),
            "{label}"
        );
        assert_eq!(users::login_record(db, "nobody").await.unwrap(), None, "{label}");
        assert_eq!(users::by_id(db, id + 10_000).await.unwrap(), None, "{label}");

        // The same name in another case is taken.
        match create(db, new_user("NGUYEN.van.a", None, vec![])).await {
            Err(StoreError::Conflict(m)) => assert_eq!(m, "Tên đăng nhập đã được dùng", "{label}"),
            other => panic!("{label}: {other:?}"),
        }
    }
    finish(dbs).await;
}

#[tokio::test]
async fn list_puts_staff_first_then_unit_by_unit() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        store::demo::seed(db).await.unwrap();
        let police: Id = scalar(db, "SELECT id FROM units WHERE name = 'Công an huyện'").await;
        create(db, new_user("b.canbo", Some(police), vec![])).await.unwrap();
        create(db, new_user("a.canbo", Some(police), vec![])).await.unwrap();
        create(db, new_user("zz.admin", None, vec![grant(Role::Admin, None)]))
            .await
            .unwrap();

        let all = users::list(db).await.unwrap();
        assert_eq!(all.len(), 57 + 3, "{label}");
        let names: Vec<&str> = all.iter().map(|u| u.username.as_str()).collect();
        assert_eq!(&names[..4], ["hoidong", "quantri", "thuongtruc", "zz.admin"], "{label}");
        // The police come first among the units, as in the plan's blocks.
        assert_eq!(
            &names[4..8],
            ["a.canbo", "b.canbo", "cong-an-huyen", "truong.cong-an-huyen"],
            "{label}"
        );
        let keys: Vec<_> = all.iter().map(|u| (u.unit_id, u.username.clone())).collect();
        assert!(keys.is_sorted(), "{label}");
        let admin = all.iter().find(|u| u.username == "zz.admin").unwrap();
        assert_eq!(admin.roles, [grant(Role::Admin, None)], "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn changes_end_sessions_and_are_recorded_by_the_caller() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        let id = create(db, new_user("quan.tri", None, vec![grant(Role::Admin, None)]))
            .await
            .unwrap();
        let epoch = |db| async move { users::by_id(db, id).await.unwrap().unwrap().session_epoch };
        assert_eq!(users::count_active_admins(db).await.unwrap(), 1, "{label}");

        write!(db, |txn| users::bump_epoch(&txn, id)).unwrap();
        assert_eq!(epoch(db).await, 1, "{label}");

        let before = scalar(db, "SELECT COUNT(*) FROM audit_log").await;
        let txn = begin_write(db).await.unwrap();
        users::set_active(&txn, id, false).await.unwrap();
        let entry = audit::AuditEntry {
            actor_label: "quan.tri".into(),
            action: "user.disable".into(),
            entity: "user".into(),
            entity_id: Some(id),
            ..Default::default()
        };
        audit::record(&txn, entry).await.unwrap();
        txn.commit().await.unwrap();
        let user = users::by_id(db, id).await.unwrap().unwrap();
        assert_eq!((user.is_active, user.session_epoch), (false, 2), "{label}");
        assert_eq!(
            scalar(db, "SELECT COUNT(*) FROM audit_log").await,
            before + 1,
            "{label}"
        );
        assert_eq!(users::count_active_admins(db).await.unwrap(), 0, "{label}: disabled");

        write!(db, |txn| users::set_active(&txn, id, true)).unwrap();
        assert_eq!(epoch(db).await, 3, "{label}");

        let changed_before = scalar(db, "SELECT COUNT(*) FROM users WHERE password_changed_at = created_at").await;
        assert_eq!(changed_before, 1, "{label}");
        write!(db, |txn| users::set_password(&txn, id, "new-hash")).unwrap();
        let (user, hash) = users::login_record(db, "quan.tri").await.unwrap().unwrap();
        assert_eq!((hash.as_str(), user.session_epoch), ("new-hash", 4), "{label}");
        let changed = scalar(db, "SELECT COUNT(*) FROM users WHERE password_changed_at > created_at").await;
        assert_eq!(changed, 1, "{label}");

        write!(db, |txn| users::touch_login(&txn, id)).unwrap();
        let user = users::by_id(db, id).await.unwrap().unwrap();
        let ago = chrono::Utc::now() - user.last_login_at.expect("touched");
        assert!(ago.num_seconds().abs() < 60, "{label}: {ago}");
        assert_eq!(user.session_epoch, 4, "{label}: signing in ends no session");

        // Roles are replaced whole, and the last admin can be counted away.
        let office = vec![grant(Role::StandingOffice, None), grant(Role::Council, None)];
        write!(db, |txn| users::set_roles(&txn, id, office.clone())).unwrap();
        assert_eq!(users::by_id(db, id).await.unwrap().unwrap().roles, office, "{label}");
        assert_eq!(users::count_active_admins(db).await.unwrap(), 0, "{label}");
        write!(db, |txn| users::set_roles(&txn, id, vec![])).unwrap();
        assert!(users::by_id(db, id).await.unwrap().unwrap().roles.is_empty(), "{label}");
    }
    finish(dbs).await;
}

#[tokio::test]
async fn admins_are_counted_once_and_missing_users_are_not_found() {
    let dbs = databases().await;
    for (label, db) in &dbs {
        // Two grants of the role still make one admin.
        let twice = vec![grant(Role::Admin, None), grant(Role::Admin, None)];
        create(db, new_user("mot", None, twice)).await.unwrap();
        create(db, new_user("hai", None, vec![grant(Role::Admin, None)]))
            .await
            .unwrap();
        create(db, new_user("ba", None, vec![grant(Role::Council, None)]))
            .await
            .unwrap();
        assert_eq!(users::count_active_admins(db).await.unwrap(), 2, "{label}");

        let missing = 999_999;
        let txn = begin_write(db).await.unwrap();
        for res in [
            users::set_active(&txn, missing, false).await,
            users::set_password(&txn, missing, "x").await,
            users::bump_epoch(&txn, missing).await,
            users::touch_login(&txn, missing).await,
            users::set_roles(&txn, missing, vec![]).await,
        ] {
            assert!(matches!(res, Err(StoreError::NotFound(_))), "{label}: {res:?}");
        }
        txn.rollback().await.unwrap();
    }
    finish(dbs).await;
}
