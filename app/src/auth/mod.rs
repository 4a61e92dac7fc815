//! Sign-in on the server: the axum-login backend over the store, the signed-in
//! user, throttling of sign-in attempts. Server only.

mod forwarded;
mod hashing;
mod throttle;

pub use forwarded::TrustedProxies;
pub use hashing::password_work;
pub use throttle::Throttle;

use sha2::{Digest, Sha256};
use store::DatabaseConnection;
use store::users::User;

/// The user of a session. Its auth hash changes with the password hash and the
/// session epoch, so a password change, a disable or "sign out everywhere"
/// ends every open session of the user at once.
#[derive(Clone, Debug)]
pub struct SessionUser {
    pub user: User,
    auth_hash: Vec<u8>,
}

impl SessionUser {
    fn new(user: User, password_hash: &str) -> Self {
        let mut h = Sha256::new();
        h.update(password_hash.as_bytes());
        h.update(user.session_epoch.to_le_bytes());
        let auth_hash = h.finalize().to_vec();
        SessionUser { user, auth_hash }
    }
}

impl axum_login::AuthUser for SessionUser {
    type Id = i64;

    fn id(&self) -> i64 {
        self.user.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.auth_hash
    }
}

pub struct Credentials {
    pub username: String,
    pub password: String,
}

#[derive(Clone)]
pub struct Backend {
    pub db: DatabaseConnection,
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("password check failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

impl axum_login::AuthnBackend for Backend {
    type User = SessionUser;
    type Credentials = Credentials;
    type Error = AuthError;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SessionUser>, AuthError> {
        let record = store::users::login_record(&self.db, &creds.username).await?;
        // Verify even for an unknown user, against a fixed hash, so that the
        // answer takes as long either way and does not reveal who exists.
        let (user, hash) = match record {
            Some((user, hash)) => (Some(user), hash),
            None => (None, UNKNOWN_USER_HASH.clone()),
        };
        let password = creds.password;
        let hash_for_check = hash.clone();
        let ok = password_work(move || store::passwords::verify(&password, &hash_for_check)).await?;
        Ok(match user {
            Some(user) if ok && user.is_active => Some(SessionUser::new(user, &hash)),
            _ => None,
        })
    }

    async fn get_user(&self, id: &i64) -> Result<Option<SessionUser>, AuthError> {
        let Some(user) = store::users::by_id(&self.db, *id).await? else {
            return Ok(None);
        };
        if !user.is_active {
            return Ok(None);
        }
        let Some((user, hash)) = store::users::login_record(&self.db, &user.username).await? else {
            return Ok(None);
        };
        Ok(Some(SessionUser::new(user, &hash)))
    }
}

/// A hash of a password nobody knows, checked when the user name does not exist.
static UNKNOWN_USER_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    store::passwords::hash(&format!("{:?}", std::time::Instant::now())).unwrap_or_default()
});

pub type AuthSession = axum_login::AuthSession<Backend>;
