//! `/truc-tiep/{campaign}`: the campaign's live snapshots as Server-Sent
//! Events. Staff and meeting-room screens get the official standings with
//! the figures; everyone else the public figures only. A "ping" event every
//! few seconds lets a page tell a quiet stream from a dead one.

use app::auth::AuthSession;
use app::live::{Frame, LiveHub, PING_SECS, sse_event};
use axum::{
    Extension,
    body::{Body, Bytes},
    extract::Path,
    http::{HeaderName, StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::Id;
use std::convert::Infallible;
use std::time::Duration;
use store::DatabaseConnection;
use tokio::sync::broadcast::error::RecvError;

pub async fn stream(
    Path(campaign_id): Path<Id>,
    auth: AuthSession,
    Extension(db): Extension<DatabaseConnection>,
    Extension(hub): Extension<LiveHub>,
) -> Response {
    let staff = auth.user.is_some() || is_display_of(&auth, &db, campaign_id).await;
    let rx = hub.subscribe();
    let Some(first) = hub.latest(&db, campaign_id, app::live::PUBLIC_WAIT).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let pick = move |f: &Frame| -> Bytes {
        if staff {
            f.full_event.clone()
        } else {
            f.public_event.clone()
        }
    };
    let first = pick(&first);
    let ping = tokio::time::interval(Duration::from_secs(PING_SECS));
    // A shutdown ends the stream; the page reconnects to another instance or after the restart.
    let state = (rx, ping, hub.closing(), Some(first.clone()), first);
    let events = futures::stream::unfold(
        state,
        move |(mut rx, mut ping, mut closing, first, mut sent)| async move {
            if let Some(ev) = first {
                return Some((Ok::<_, Infallible>(ev), (rx, ping, closing, None, sent)));
            }
            loop {
                let event = tokio::select! {
                    _ = closing.wait_for(|c| *c) => return None,
                    got = rx.recv() => match got {
                        Ok(f) if f.campaign_id == campaign_id => {
                            let ev = pick(&f);
                            // A change only staff see keeps the public event itself:
                            // the public stream has it already.
                            if same_bytes(&ev, &sent) {
                                continue;
                            }
                            sent = ev.clone();
                            ev
                        }
                        // Another campaign's, or frames missed while slow: the next one carries all.
                        Ok(_) | Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    },
                    _ = ping.tick() => sse_event("ping", &chrono::Utc::now().to_rfc3339()),
                };
                return Some((Ok(event), (rx, ping, closing, None, sent)));
            }
        },
    );
    // Proxies must not hold the stream back.
    (
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-store"),
            (HeaderName::from_static("x-accel-buffering"), "no"),
        ],
        Body::from_stream(events),
    )
        .into_response()
}

/// The same event, shared by the hub's frames (not merely equal text).
fn same_bytes(a: &Bytes, b: &Bytes) -> bool {
    a.as_ptr() == b.as_ptr() && a.len() == b.len()
}

async fn is_display_of(auth: &AuthSession, db: &DatabaseConnection, campaign_id: Id) -> bool {
    let Ok(Some(token_id)) = auth.session.get::<Id>(app::api::access::DISPLAY_SESSION_KEY).await else {
        return false;
    };
    matches!(
        store::display_tokens::active_by_id(db, token_id).await,
        Ok(Some(t)) if t.campaign_id == campaign_id
    )
}
