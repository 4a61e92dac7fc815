//! The people who sign in, their roles and their unit.
//!
//! Mutations take the caller's transaction and write no audit row
//! themselves: the caller records the change with [`crate::audit::record`]
//! in the same transaction, as everywhere else in the store.
//!
//! User names are kept trimmed and lowercase, so that the unique index is
//! also unique regardless of case and a lookup is one exact match on it.

use crate::entities::{unit, user, user_role};
use crate::error::code;
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use domain::{Id, Role};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Select, SqlErr,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the user sees when the name is taken.
const NAME_TAKEN: &str = "Tên đăng nhập đã được dùng";

/// A role, everywhere (`campaign_id` None) or in one campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub campaign_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: Id,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Option<Id>,
    /// The unit's full name.
    pub unit_name: Option<String>,
    pub unit_kind: Option<domain::UnitKind>,
    /// See `NewUser::committee_id`.
    pub committee_id: Option<Id>,
    pub is_active: bool,
    pub is_demo: bool,
    /// Raised to end every session of the user; a session that began in an
    /// older epoch is no longer valid.
    pub session_epoch: i32,
    pub last_login_at: Option<DateTime<Utc>>,
    /// In the order they were granted.
    pub roles: Vec<RoleGrant>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewUser {
    /// Stored trimmed and lowercase.
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Option<Id>,
    /// The committee of staff without a unit (a unit's staff work for its
    /// committee, whatever this says); none for an installation's administrator.
    pub committee_id: Option<Id>,
    /// From [`crate::passwords::hash`]; the store never sees a password.
    pub password_hash: String,
    pub roles: Vec<RoleGrant>,
    pub is_demo: bool,
}

/// The form user names are stored and looked up in.
pub fn normalize_username(raw: &str) -> String {
    raw.trim().to_lowercase()
}

pub async fn by_id(db: &impl ConnectionTrait, id: Id) -> Result<Option<User>> {
    Ok(one(db, user::Entity::find_by_id(id)).await?.map(|(u, _)| u))
}

pub async fn by_username(db: &impl ConnectionTrait, username: &str) -> Result<Option<User>> {
    Ok(login_record(db, username).await?.map(|(u, _)| u))
}

/// The user and their password hash, for signing in; inactive users too,
/// so that the caller decides what to tell them. The name is matched
/// trimmed and regardless of case.
pub async fn login_record(db: &impl ConnectionTrait, username: &str) -> Result<Option<(User, String)>> {
    let name = normalize_username(username);
    one(db, user::Entity::find().filter(user::Column::Username.eq(name))).await
}

/// Every user: those of no unit (the committee's own staff) first, then
/// unit by unit in the order the units were created (for the demo, the
/// plan's block order), then by user name.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<User>> {
    let rows = user::Entity::find()
        .find_also_related(unit::Entity)
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?;
    let mut roles = roles_of(db, None).await?;
    let mut users = rows
        .into_iter()
        .map(|(u, unit)| {
            let grants = roles.remove(&u.id).unwrap_or_default();
            to_user(u, unit, grants).0
        })
        .collect::<Vec<_>>();
    users.sort_by(|a, b| (a.unit_id, &a.username).cmp(&(b.unit_id, &b.username)));
    Ok(users)
}

/// Creates the user with their roles. A taken name (in any case) is a
/// [`StoreError::Conflict`] with the message to show.
pub async fn create(txn: &DatabaseTransaction, new: NewUser) -> Result<Id> {
    let username = normalize_username(&new.username);
    let taken = user::Entity::find()
        .filter(user::Column::Username.eq(&username))
        .count(txn)
        .await?;
    if taken > 0 {
        return Err(StoreError::Conflict(NAME_TAKEN.into()));
    }
    let committee_id = match new.unit_id {
        Some(u) => unit::Entity::find_by_id(u)
            .one(txn)
            .await?
            .map(|u| u.committee_id)
            .ok_or_else(|| StoreError::NotFound("unit".into()))
            .map(Some)?,
        None => new.committee_id,
    };
    let now = Utc::now();
    let inserted = user::ActiveModel {
        username: Set(username),
        display_name: Set(new.display_name),
        email: Set(new.email),
        password_hash: Set(new.password_hash),
        unit_id: Set(new.unit_id),
        committee_id: Set(committee_id),
        is_active: Set(true),
        is_demo: Set(new.is_demo),
        created_at: Set(now),
        password_changed_at: Set(now),
        session_epoch: Set(0),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await;
    let row = match inserted {
        Ok(row) => row,
        // Another transaction took the name since the check.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(StoreError::Conflict(NAME_TAKEN.into()));
        }
        Err(e) => return Err(e.into()),
    };
    insert_roles(txn, row.id, new.roles).await?;
    Ok(row.id)
}

/// Enables or disables the user; either way their sessions end, so that a
/// disabled user is out at once.
pub async fn set_active(txn: &DatabaseTransaction, id: Id, active: bool) -> Result<()> {
    update(txn, id, |q| {
        q.col_expr(user::Column::IsActive, Expr::value(active))
            .col_expr(user::Column::SessionEpoch, next_epoch())
    })
    .await
}

/// Replaces the password hash and ends every session of the user.
pub async fn set_password(txn: &DatabaseTransaction, id: Id, password_hash: &str) -> Result<()> {
    update(txn, id, |q| {
        q.col_expr(user::Column::PasswordHash, Expr::value(password_hash))
            .col_expr(user::Column::PasswordChangedAt, Expr::value(Utc::now()))
            .col_expr(user::Column::SessionEpoch, next_epoch())
    })
    .await
}

/// Ends every session of the user ("sign out everywhere").
pub async fn bump_epoch(txn: &DatabaseTransaction, id: Id) -> Result<()> {
    update(txn, id, |q| q.col_expr(user::Column::SessionEpoch, next_epoch())).await
}

/// Records a successful sign-in.
pub async fn touch_login(txn: &DatabaseTransaction, id: Id) -> Result<()> {
    update(txn, id, |q| {
        q.col_expr(user::Column::LastLoginAt, Expr::value(Some(Utc::now())))
    })
    .await
}

/// Replaces all the user's roles. Sessions stay: roles are read afresh on
/// every request, so the change applies at the next one.
pub async fn set_roles(txn: &DatabaseTransaction, id: Id, roles: Vec<RoleGrant>) -> Result<()> {
    if user::Entity::find_by_id(id).count(txn).await? == 0 {
        return Err(StoreError::NotFound(format!("user {id}")));
    }
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    insert_roles(txn, id, roles).await
}

/// Active users holding the Admin role, so that the last one is not
/// disabled or demoted.
pub async fn count_active_admins(db: &impl ConnectionTrait) -> Result<u64> {
    let admins = Query::select()
        .column(user_role::Column::UserId)
        .from(user_role::Entity)
        .and_where(user_role::Column::Role.eq(Role::Admin.code()))
        .to_owned();
    Ok(user::Entity::find()
        .filter(user::Column::IsActive.eq(true))
        .filter(user::Column::Id.in_subquery(admins))
        .count(db)
        .await?)
}

fn next_epoch() -> Expr {
    Expr::col(user::Column::SessionEpoch).add(1)
}

async fn update(
    txn: &DatabaseTransaction,
    id: Id,
    set: impl FnOnce(sea_orm::UpdateMany<user::Entity>) -> sea_orm::UpdateMany<user::Entity>,
) -> Result<()> {
    let res = set(user::Entity::update_many())
        .filter(user::Column::Id.eq(id))
        .exec(txn)
        .await?;
    if res.rows_affected == 0 {
        return Err(StoreError::NotFound(format!("user {id}")));
    }
    Ok(())
}

async fn insert_roles(txn: &DatabaseTransaction, user_id: Id, roles: Vec<RoleGrant>) -> Result<()> {
    if roles.is_empty() {
        return Ok(());
    }
    let rows = roles.into_iter().map(|g| user_role::ActiveModel {
        user_id: Set(user_id),
        role: Set(g.role.code().into()),
        campaign_id: Set(g.campaign_id),
        ..Default::default()
    });
    user_role::Entity::insert_many(rows).exec_without_returning(txn).await?;
    Ok(())
}

/// The one user `query` finds, with their password hash.
async fn one(db: &impl ConnectionTrait, query: Select<user::Entity>) -> Result<Option<(User, String)>> {
    let Some((u, unit)) = query.find_also_related(unit::Entity).one(db).await? else {
        return Ok(None);
    };
    let grants = roles_of(db, Some(u.id)).await?.remove(&u.id).unwrap_or_default();
    Ok(Some(to_user(u, unit, grants)))
}

/// Role grants by user: of one user, or of everyone.
async fn roles_of(db: &impl ConnectionTrait, user_id: Option<Id>) -> Result<HashMap<Id, Vec<RoleGrant>>> {
    let mut q = user_role::Entity::find().order_by_asc(user_role::Column::Id);
    if let Some(id) = user_id {
        q = q.filter(user_role::Column::UserId.eq(id));
    }
    let mut out: HashMap<Id, Vec<RoleGrant>> = HashMap::new();
    for r in q.all(db).await? {
        let grant = RoleGrant {
            role: code(&r.role, Role::from_code, "role")?,
            campaign_id: r.campaign_id,
        };
        out.entry(r.user_id).or_default().push(grant);
    }
    Ok(out)
}

fn to_user(u: user::Model, unit: Option<unit::Model>, roles: Vec<RoleGrant>) -> (User, String) {
    let user = User {
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        email: u.email,
        unit_id: u.unit_id,
        unit_kind: unit.as_ref().and_then(|x| domain::UnitKind::from_code(&x.kind)),
        unit_name: unit.map(|x| x.name),
        committee_id: u.committee_id,
        is_active: u.is_active,
        is_demo: u.is_demo,
        session_epoch: u.session_epoch,
        last_login_at: u.last_login_at,
        roles,
    };
    (user, u.password_hash)
}
