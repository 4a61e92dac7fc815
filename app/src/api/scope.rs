//! What a caller's committee lets them reach: their own committee's
//! campaigns to work on, the committees below to read; an installation's
//! administrator (no committee) reaches every one.

use super::{ApiError, access::Caller};
use domain::{CampaignInfo, Id};
use store::DatabaseConnection;

pub struct Scope {
    /// The committee the caller works for; none for an administrator.
    pub own: Option<Id>,
    /// Their committee and those below it; none: every committee.
    pub readable: Option<Vec<Id>>,
}

impl Scope {
    pub async fn of(db: &DatabaseConnection, caller: &Caller) -> Result<Scope, ApiError> {
        let me = caller.signed_in()?;
        let readable = match me.committee_id {
            Some(c) => Some(store::committees::with_descendants(db, c).await?),
            None => None,
        };
        Ok(Scope {
            own: me.committee_id,
            readable,
        })
    }

    pub fn can_read(&self, committee_id: Id) -> bool {
        self.readable.as_ref().is_none_or(|r| r.contains(&committee_id))
    }

    pub fn can_write(&self, committee_id: Id) -> bool {
        self.own.is_none_or(|c| c == committee_id)
    }

    /// The campaign `id`, for reading: not found unless the caller may read it.
    pub async fn campaign(&self, db: &DatabaseConnection, id: Id) -> Result<CampaignInfo, ApiError> {
        store::campaigns::by_id(db, id)
            .await?
            .filter(|c| self.can_read(c.committee_id))
            .ok_or_else(|| ApiError::NotFound.respond())
    }

    /// The campaign `id`, for changing: a lower committee's is read-only.
    pub async fn campaign_to_change(&self, db: &DatabaseConnection, id: Id) -> Result<CampaignInfo, ApiError> {
        let c = self.campaign(db, id).await?;
        if !self.can_write(c.committee_id) {
            return Err(ApiError::Forbidden.respond());
        }
        Ok(c)
    }
}
