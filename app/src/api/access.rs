//! Access control: one mechanism for every server function.
//!
//! Every server function is listed in [`POLICIES`] with who may call it, and
//! starts with `authorize(<Fn>::PATH)`. A function missing from the table is
//! refused to everyone (deny by default), and the access-matrix test fails.
//! Rules that depend on the data (a unit's staff reach only their unit) are
//! checked with the [`Caller`] methods once the record is loaded.

#[cfg(feature = "ssr")]
use super::ApiError;
use domain::{Id, Role, UnitKind};
use serde::{Deserialize, Serialize};

/// Who may call a server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// A signed-in user holding one of these roles.
    Roles(&'static [Role]),
    /// A meeting-room screen opened with a display token, or any signed-in user.
    Display,
}

/// The session key that marks a display session with its token's id.
pub const DISPLAY_SESSION_KEY: &str = "display_token";

/// The staff who run the campaign and see all of it.
pub const OFFICE: &[Role] = &[Role::Admin, Role::StandingOffice];
pub const ADMIN: &[Role] = &[Role::Admin];
/// The emulation council votes on award proposals; no one else does.
pub const COUNCIL: &[Role] = &[Role::Council];
/// Those who see the whole campaign: the office and the council.
pub const CAMPAIGN_READERS: &[Role] = &[Role::Admin, Role::StandingOffice, Role::Council];
/// Who may record accidents: the office, or a police unit's own staff
/// (the unit's kind is checked once the caller's unit is loaded).
pub const RECORDERS: &[Role] = &[Role::Admin, Role::StandingOffice, Role::Reporter, Role::UnitHead];
/// A unit's own staff.
pub const UNIT_STAFF: &[Role] = &[Role::Reporter, Role::UnitHead];

/// The signed-in user as server functions and pages see them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub user_id: Id,
    pub username: String,
    pub display_name: String,
    pub unit_id: Option<Id>,
    pub unit_name: Option<String>,
    pub unit_kind: Option<UnitKind>,
    /// The committee this person works for; none for an installation's administrator.
    pub committee_id: Option<Id>,
    pub roles: Vec<Role>,
}

impl Me {
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|r| roles.contains(r))
    }

    /// Reading a unit's data: its own staff, or those who see the whole campaign.
    pub fn can_read_unit(&self, unit_id: Id) -> bool {
        self.unit_id == Some(unit_id) || self.has_any(CAMPAIGN_READERS)
    }

    /// Changing a unit's own report: only that unit's reporters and head.
    pub fn can_write_unit(&self, unit_id: Id) -> bool {
        self.unit_id == Some(unit_id) && self.has_any(&[Role::Reporter, Role::UnitHead])
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;

    /// The caller of a server function, after its policy passed.
    #[derive(Clone, Debug)]
    pub struct Caller {
        pub me: Option<Me>,
        /// The campaign of a meeting-room screen's session.
        pub display_campaign: Option<Id>,
        pub ip: Option<std::net::IpAddr>,
    }

    impl Caller {
        pub fn signed_in(&self) -> Result<&Me, ApiError> {
            self.me.as_ref().ok_or(ApiError::Unauthorized)
        }

        /// The caller's own unit, for functions that act on it alone.
        pub fn own_unit(&self) -> Result<Id, ApiError> {
            self.signed_in()?.unit_id.ok_or_else(|| ApiError::Forbidden.respond())
        }

        pub fn require_read_unit(&self, unit_id: Id) -> Result<&Me, ApiError> {
            let me = self.signed_in()?;
            if me.can_read_unit(unit_id) {
                Ok(me)
            } else {
                Err(ApiError::Forbidden)
            }
        }

        pub fn require_write_unit(&self, unit_id: Id) -> Result<&Me, ApiError> {
            let me = self.signed_in()?;
            if me.can_write_unit(unit_id) {
                Ok(me)
            } else {
                Err(ApiError::Forbidden)
            }
        }

        /// An audit line by this caller; the change's details are filled in by the caller.
        pub fn audit(&self, action: &str, entity: &str, entity_id: Option<Id>) -> store::audit::AuditEntry {
            store::audit::AuditEntry {
                actor_id: self.me.as_ref().map(|m| m.user_id),
                actor_label: self.label(),
                action: action.into(),
                entity: entity.into(),
                entity_id,
                ip: self.ip.map(|ip| ip.to_string()),
                ..Default::default()
            }
        }

        /// The name written in the audit trail.
        pub fn label(&self) -> String {
            self.me
                .as_ref()
                .map(|m| m.username.clone())
                .unwrap_or_else(|| "khách".into())
        }
    }

    pub fn me_of(user: &store::users::User) -> Me {
        Me {
            user_id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            unit_id: user.unit_id,
            unit_name: user.unit_name.clone(),
            unit_kind: user.unit_kind,
            committee_id: user.committee_id,
            roles: user.roles.iter().map(|g| g.role).collect(),
        }
    }

    pub fn policy_of(path: &str) -> Option<Policy> {
        super::super::policies::POLICIES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, policy)| *policy)
    }

    /// Checks the policy of the server function at `path` for this request.
    pub async fn authorize(path: &str) -> Result<Caller, ApiError> {
        let caller = check(path).await.map_err(ApiError::respond)?;
        // The rest of the call finds its campaign by the caller's committee.
        leptos::prelude::provide_context(caller.clone());
        Ok(caller)
    }

    async fn check(path: &str) -> Result<Caller, ApiError> {
        let auth: crate::auth::AuthSession = leptos_axum::extract().await.map_err(|e| {
            tracing::error!("no auth session: {e}");
            ApiError::Internal
        })?;
        let peer = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .await
            .ok()
            .map(|c| c.0.ip());
        let headers = leptos_axum::extract::<axum::http::HeaderMap>().await.ok();
        let forwarded_for = headers
            .as_ref()
            .and_then(|h| h.get("x-forwarded-for"))
            .and_then(|v| v.to_str().ok());
        let proxies = leptos::prelude::use_context::<crate::auth::TrustedProxies>().unwrap_or_default();
        let ip = peer.map(|p| proxies.client_ip(p, forwarded_for));
        let me = auth.user.as_ref().map(|u| me_of(&u.user));
        let display_campaign = match auth.session.get::<Id>(DISPLAY_SESSION_KEY).await.ok().flatten() {
            Some(token_id) => {
                let db = super::super::server::db()?;
                store::display_tokens::active_by_id(&db, token_id)
                    .await?
                    .map(|t| t.campaign_id)
            }
            None => None,
        };
        let caller = Caller {
            me,
            display_campaign,
            ip,
        };
        match policy_of(path) {
            None => {
                tracing::error!(path, "server function without an access policy");
                Err(ApiError::Forbidden)
            }
            Some(Policy::Public) => Ok(caller),
            Some(Policy::Display) if caller.display_campaign.is_some() => Ok(caller),
            Some(Policy::Display) => caller.signed_in().map(|_| ()).map(|_| caller),
            Some(Policy::SignedIn) => caller.signed_in().map(|_| ()).map(|_| caller),
            Some(Policy::Roles(roles)) => match &caller.me {
                None => Err(ApiError::Unauthorized),
                Some(me) if me.has_any(roles) => Ok(caller),
                Some(_) => Err(ApiError::Forbidden),
            },
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::*;
