//! Administration: users and their roles, display tokens for meeting-room screens.

use super::ApiError;
use domain::{Id, Role};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: Id,
    pub username: String,
    pub display_name: String,
    pub unit_name: Option<String>,
    pub roles: Vec<Role>,
    pub is_active: bool,
    pub is_demo: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewUserForm {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Option<Id>,
    pub role: Role,
    pub campaign_id: Option<Id>,
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitChoice {
    pub id: Id,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisplayTokenSummary {
    pub id: Id,
    pub name: String,
    pub created_at: String,
    pub revoked: bool,
}

#[server(endpoint = "admin/users")]
pub async fn list_users() -> Result<Vec<UserSummary>, ApiError> {
    authorize(ListUsers::PATH).await?;
    let db = super::server::db()?;
    Ok(store::users::list(&db)
        .await?
        .into_iter()
        .map(|u| UserSummary {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            unit_name: u.unit_name,
            roles: u.roles.iter().map(|g| g.role).collect(),
            is_active: u.is_active,
            is_demo: u.is_demo,
        })
        .collect())
}

/// The units a new user can belong to.
#[server(endpoint = "admin/units")]
pub async fn list_units() -> Result<Vec<UnitChoice>, ApiError> {
    authorize(ListUnits::PATH).await?;
    let units = store::units::list_active(&super::server::db()?).await?;
    Ok(units
        .into_iter()
        .map(|u| UnitChoice { id: u.id, name: u.name })
        .collect())
}

#[server(endpoint = "admin/create_user")]
pub async fn create_user(form: NewUserForm) -> Result<Id, ApiError> {
    let caller = authorize(CreateUser::PATH).await?;
    let username = form.username.trim().to_lowercase();
    if username.len() < 3 || !username.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
        return Err(ApiError::Invalid(
            "Tên đăng nhập gồm ít nhất 3 ký tự: chữ không dấu, số, dấu chấm, gạch ngang.".into(),
        )
        .respond());
    }
    if form.display_name.trim().is_empty() {
        return Err(ApiError::Invalid("Vui lòng nhập họ và tên.".into()).respond());
    }
    if matches!(form.role, Role::Reporter | Role::UnitHead) && form.unit_id.is_none() {
        return Err(ApiError::Invalid("Cán bộ báo cáo và thủ trưởng đơn vị phải thuộc một đơn vị.".into()).respond());
    }
    store::passwords::check_strength(&form.password).map_err(|m| ApiError::Invalid(m).respond())?;
    let password = form.password.clone();
    let hash = crate::auth::password_work(move || store::passwords::hash(&password))
        .await
        .map_err(|_| ApiError::Internal)??;
    let db = super::server::db()?;
    let txn = store::begin_write(&db).await?;
    let id = store::users::create(
        &txn,
        store::users::NewUser {
            username: username.clone(),
            display_name: form.display_name.trim().into(),
            email: form.email.filter(|e| !e.trim().is_empty()),
            unit_id: form.unit_id,
            // Staff without a unit work for the committee of whoever adds them.
            committee_id: caller.signed_in()?.committee_id,
            password_hash: hash,
            roles: vec![store::users::RoleGrant {
                role: form.role,
                campaign_id: form.campaign_id,
            }],
            is_demo: false,
        },
    )
    .await
    .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("user_created", "user", Some(id));
    e.new_value = Some(format!("{username} ({})", form.role.code()));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(id)
}

/// Disabling a user ends their sessions at once (the session epoch moves).
#[server(endpoint = "admin/set_user_active")]
pub async fn set_user_active(user_id: Id, active: bool) -> Result<(), ApiError> {
    let caller = authorize(SetUserActive::PATH).await?;
    if caller.me.as_ref().is_some_and(|m| m.user_id == user_id) && !active {
        return Err(ApiError::Invalid("Không thể tự khóa tài khoản của chính mình.".into()).respond());
    }
    let db = super::server::db()?;
    let before = store::users::by_id(&db, user_id).await?.ok_or(ApiError::NotFound)?;
    let txn = store::begin_write(&db).await?;
    store::users::set_active(&txn, user_id, active).await?;
    let mut e = caller.audit(
        if active { "user_enabled" } else { "user_disabled" },
        "user",
        Some(user_id),
    );
    e.old_value = Some(before.is_active.to_string());
    e.new_value = Some(active.to_string());
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(())
}

#[server(endpoint = "admin/reset_password")]
pub async fn reset_password(user_id: Id, password: String) -> Result<(), ApiError> {
    let caller = authorize(ResetPassword::PATH).await?;
    store::passwords::check_strength(&password).map_err(|m| ApiError::Invalid(m).respond())?;
    let hash = crate::auth::password_work(move || store::passwords::hash(&password))
        .await
        .map_err(|_| ApiError::Internal)??;
    let db = super::server::db()?;
    let txn = store::begin_write(&db).await?;
    store::users::set_password(&txn, user_id, &hash).await?;
    store::audit::record(&txn, caller.audit("password_reset", "user", Some(user_id))).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(())
}

/// A campaign's meeting-room screens, with the campaign they belong to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DisplayTokens {
    /// `None` when no campaign is open and none was asked for.
    pub campaign_id: Option<Id>,
    pub tokens: Vec<DisplayTokenSummary>,
}

/// The screens of the campaign asked for, or of the current one: one call,
/// so the page renders in full on the server.
#[server(endpoint = "admin/display_tokens")]
pub async fn list_display_tokens(campaign_id: Option<Id>) -> Result<DisplayTokens, ApiError> {
    authorize(ListDisplayTokens::PATH).await?;
    let db = super::server::db()?;
    let Some(campaign) = super::server::campaign_or_current(&db, campaign_id).await? else {
        return Ok(DisplayTokens::default());
    };
    let tokens = store::display_tokens::list(&db, campaign.id)
        .await?
        .into_iter()
        .map(|t| DisplayTokenSummary {
            id: t.id,
            name: t.name,
            created_at: crate::ui::format::datetime_local(t.created_at),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    Ok(DisplayTokens {
        campaign_id: Some(campaign.id),
        tokens,
    })
}

/// Creates a token for the campaign (the current one when none is named,
/// so a form sent before its page finished loading still works) and
/// returns it once; only its hash is kept.
#[server(endpoint = "admin/create_display_token")]
pub async fn create_display_token(campaign_id: Option<Id>, name: String) -> Result<String, ApiError> {
    let caller = authorize(CreateDisplayToken::PATH).await?;
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::Invalid("Vui lòng đặt tên cho màn hình.".into()).respond());
    }
    let raw = super::server::random_token();
    let db = super::server::db()?;
    let campaign_id = super::server::campaign_or_current(&db, campaign_id)
        .await?
        .ok_or_else(|| ApiError::Invalid("Chưa có phong trào thi đua nào đang mở.".into()).respond())?
        .id;
    let txn = store::begin_write(&db).await?;
    let me = caller.me.as_ref().map(|m| m.user_id);
    let id =
        store::display_tokens::create(&txn, campaign_id, &name, &store::display_tokens::token_hash(&raw), me).await?;
    let mut e = caller.audit("display_token_created", "display_token", Some(id));
    e.campaign_id = Some(campaign_id);
    e.new_value = Some(name);
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(raw)
}

#[server(endpoint = "admin/revoke_display_token")]
pub async fn revoke_display_token(token_id: Id) -> Result<(), ApiError> {
    let caller = authorize(RevokeDisplayToken::PATH).await?;
    let db = super::server::db()?;
    let txn = store::begin_write(&db).await?;
    store::display_tokens::revoke(&txn, token_id).await?;
    store::audit::record(
        &txn,
        caller.audit("display_token_revoked", "display_token", Some(token_id)),
    )
    .await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(())
}
