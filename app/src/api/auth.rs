//! Sign-in, sign-out, the current user, and the user's own password.

use super::ApiError;
use super::access::Me;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::access::{Caller, authorize, me_of},
    crate::auth::{AuthSession, Credentials, Throttle},
    leptos::server_fn::ServerFn,
    store::audit::AuditEntry,
};

/// How long a session lives in all, however active (the idle limit is in the
/// session layer).
pub const ABSOLUTE_SESSION_HOURS: i64 = 12;
#[cfg(feature = "ssr")]
const LOGIN_AT: &str = "login_at";

#[cfg(feature = "ssr")]
async fn auth_session() -> Result<AuthSession, ApiError> {
    leptos_axum::extract().await.map_err(|_| ApiError::Internal)
}

#[cfg(feature = "ssr")]
fn entry(caller: &Caller, action: &str) -> AuditEntry {
    let me = caller.me.as_ref();
    let mut e = caller.audit(action, "user", me.map(|m| m.user_id));
    e.unit_id = me.and_then(|m| m.unit_id);
    e
}

/// Signs in; the session gets a new id. Wrong user and wrong password get the
/// same answer, and attempts are throttled per account and per address.
#[server(endpoint = "auth/login")]
pub async fn login(username: String, password: String) -> Result<Me, ApiError> {
    let caller = authorize(Login::PATH).await?;
    let db = super::server::db()?;
    let throttle = use_context::<Throttle>().ok_or(ApiError::Internal)?;
    let ip = caller.ip.unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
    let name = username.trim().to_lowercase();
    if !throttle.allow(&name, ip) {
        let mut e = entry(&caller, "login_throttled");
        e.actor_label = name;
        store::audit::record(&db, e).await?;
        return Err(ApiError::Throttled.respond());
    }
    let mut auth = auth_session().await?;
    let user = auth
        .authenticate(Credentials {
            username: name.clone(),
            password,
        })
        .await
        .map_err(|e| {
            tracing::error!("authenticate: {e}");
            ApiError::Internal
        })?;
    let Some(user) = user else {
        let mut e = entry(&caller, "login_failed");
        e.actor_label = name;
        store::audit::record(&db, e).await?;
        return Err(ApiError::Invalid("Tên đăng nhập hoặc mật khẩu không đúng.".into()).respond());
    };
    auth.login(&user).await.map_err(|_| ApiError::Internal)?;
    auth.session
        .insert(LOGIN_AT, chrono::Utc::now().timestamp())
        .await
        .map_err(|_| ApiError::Internal)?;
    let me = me_of(&user.user);
    let txn = store::begin_write(&db).await?;
    store::users::touch_login(&txn, me.user_id).await?;
    let who = Caller {
        me: Some(me.clone()),
        display_campaign: None,
        ip: caller.ip,
    };
    store::audit::record(&txn, entry(&who, "login")).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(me)
}

/// Signs out of this browser.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ApiError> {
    let caller = authorize(Logout::PATH).await?;
    let mut auth = auth_session().await?;
    auth.logout().await.map_err(|_| ApiError::Internal)?;
    if caller.me.is_some() {
        store::audit::record(&super::server::db()?, entry(&caller, "logout")).await?;
    }
    Ok(())
}

/// Ends every session of the user, on every device.
#[server(endpoint = "auth/logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), ApiError> {
    let caller = authorize(LogoutEverywhere::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let txn = store::begin_write(&db).await?;
    store::users::bump_epoch(&txn, me.user_id).await?;
    store::audit::record(&txn, entry(&caller, "logout_everywhere")).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    let mut auth = auth_session().await?;
    auth.logout().await.map_err(|_| ApiError::Internal)?;
    Ok(())
}

/// The signed-in user, or `None`. Ends a session older than the absolute limit.
#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    let caller = authorize(CurrentUser::PATH).await?;
    Ok(caller.me)
}

/// Changes the user's own password; other sessions of the user end.
#[server(endpoint = "auth/change_password")]
pub async fn change_password(current: String, new: String) -> Result<(), ApiError> {
    let caller = authorize(ChangePassword::PATH).await?;
    let me = caller.signed_in()?.clone();
    let db = super::server::db()?;
    let Some((_, hash)) = store::users::login_record(&db, &me.username).await? else {
        return Err(ApiError::Unauthorized.respond());
    };
    let ok = crate::auth::password_work(move || store::passwords::verify(&current, &hash))
        .await
        .map_err(|_| ApiError::Internal)?;
    if !ok {
        return Err(ApiError::Invalid("Mật khẩu hiện tại không đúng.".into()).respond());
    }
    if new.trim().eq_ignore_ascii_case(&me.username) {
        return Err(ApiError::Invalid("Mật khẩu không được trùng tên đăng nhập.".into()).respond());
    }
    store::passwords::check_strength(&new).map_err(|m| ApiError::Invalid(m).respond())?;
    let new_hash = crate::auth::password_work(move || store::passwords::hash(&new))
        .await
        .map_err(|_| ApiError::Internal)??;
    let txn = store::begin_write(&db).await?;
    store::users::set_password(&txn, me.user_id, &new_hash).await?;
    store::audit::record(&txn, entry(&caller, "password_changed")).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    // The epoch moved: sign this browser in again so only the others end.
    let mut auth = auth_session().await?;
    let user = axum_login::AuthnBackend::get_user(&auth.backend, &me.user_id)
        .await
        .map_err(|_| ApiError::Internal)?;
    if let Some(user) = user {
        auth.login(&user).await.map_err(|_| ApiError::Internal)?;
        auth.session
            .insert(LOGIN_AT, chrono::Utc::now().timestamp())
            .await
            .map_err(|_| ApiError::Internal)?;
    }
    Ok(())
}

/// Whether a session that began at `login_at` (Unix seconds) has outlived
/// the absolute limit at `now`.
pub fn session_expired(login_at: i64, now: i64) -> bool {
    now - login_at > ABSOLUTE_SESSION_HOURS * 3600
}

/// Middleware: ends a session that has outlived the absolute limit, before
/// anything else in the request sees its user.
#[cfg(feature = "ssr")]
pub async fn absolute_timeout(
    mut auth: AuthSession,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if auth.user.is_some() {
        let login_at: Option<i64> = auth.session.get(LOGIN_AT).await.ok().flatten();
        if login_at.is_none_or(|t| session_expired(t, chrono::Utc::now().timestamp())) {
            let _ = auth.logout().await;
            req.extensions_mut().insert(auth);
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_session_ends_twelve_hours_after_sign_in_whatever_its_activity() {
        let t0 = 1_700_000_000;
        assert!(!super::session_expired(t0, t0 + 12 * 3600));
        assert!(super::session_expired(t0, t0 + 12 * 3600 + 1));
    }
}
