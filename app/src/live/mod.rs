//! Live updates: every change that moves a figure or a ranking is pushed to
//! the open pages as a snapshot of what they show, over Server-Sent Events.
//! The hub (server) computes one snapshot per change for all listeners; the
//! pages (browser) keep the last good one and say when the stream is silent.

use crate::api::public::CampaignOverview;
use chrono::{DateTime, Utc};
use domain::{Id, PeriodCompleteness, Standings};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod bus;
#[cfg(feature = "ssr")]
mod hub;
#[cfg(feature = "ssr")]
pub use hub::{Frame, LiveHub, PUBLIC_WAIT, STAFF_WAIT, sse_event};

/// What an open page needs to redraw after a change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveSnapshot {
    pub campaign_id: Id,
    pub at: DateTime<Utc>,
    pub overview: CampaignOverview,
    /// The official cumulative standings: staff and meeting-room screens
    /// only; the public stream carries none.
    pub standings: Option<Standings>,
    /// Who has reported for the period being collected: staff and screens only.
    pub completeness: Option<PeriodCompleteness>,
}

/// The stream's address for a campaign.
pub fn stream_path(campaign_id: Id) -> String {
    format!("/truc-tiep/{campaign_id}")
}

/// Seconds between the server's "still here" events; a page that hears
/// nothing for [`STALE_AFTER_SECS`] says its data may be out of date.
pub const PING_SECS: u64 = 15;
pub const STALE_AFTER_SECS: u64 = 40;
