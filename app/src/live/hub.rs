//! The server side: one worker computes a campaign's snapshot after each
//! change (changes arriving together are computed once) and broadcasts it,
//! serialized once, to every stream of that campaign.

use super::LiveSnapshot;
use super::bus::Bus;
use axum::body::Bytes;
use domain::{Id, RankingMode, Scope};
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;
use store::DatabaseConnection;
use tokio::sync::{Mutex, broadcast, mpsc, watch};

/// A snapshot, and the same as ready-made Server-Sent Events (for staff and
/// for the public) that every stream shares: a clone of `Bytes` is a
/// reference, not a copy, whatever the number of screens.
#[derive(Clone, Debug)]
pub struct Frame {
    pub campaign_id: Id,
    pub full_event: Bytes,
    pub public_event: Bytes,
    /// What was sent, to tell a real change from a minute's tick.
    snapshot: Arc<LiveSnapshot>,
}

impl Frame {
    /// What this frame was made of, as staff and screens see it.
    pub fn snapshot(&self) -> &LiveSnapshot {
        &self.snapshot
    }

    fn same_content(&self, other: &Frame) -> bool {
        let (a, b) = (&self.snapshot, &other.snapshot);
        a.overview == b.overview && a.standings == b.standings && a.completeness == b.completeness
    }
}

#[derive(Clone)]
pub struct LiveHub {
    changes: mpsc::UnboundedSender<Id>,
    frames: broadcast::Sender<Frame>,
    last: Arc<RwLock<HashMap<Id, Frame>>>,
    /// Screens that connect together before the first frame wait for one computation.
    first: Arc<Mutex<()>>,
    /// Moves whenever what a campaign's pages show may have changed: the
    /// public pages' cache keeps a page only while it stands still.
    version: Arc<AtomicU64>,
    /// Changes waiting for the worker (a metric).
    queued: Arc<AtomicUsize>,
    /// The other instances on the same PostgreSQL, if any.
    bus: Option<Bus>,
    /// Set when the server shuts down: every stream ends.
    closing: watch::Sender<bool>,
}

impl LiveHub {
    /// Starts the worker on the current runtime.
    pub fn start(db: DatabaseConnection) -> LiveHub {
        let (changes, rx) = mpsc::unbounded_channel();
        let (frames, _) = broadcast::channel(64);
        let hub = LiveHub {
            changes,
            frames,
            last: Arc::default(),
            first: Arc::default(),
            version: Arc::default(),
            queued: Arc::default(),
            bus: Bus::for_db(&db),
            closing: watch::channel(false).0,
        };
        if let Some(bus) = hub.bus.clone() {
            tokio::spawn(bus.listen(hub.clone()));
        }
        tokio::spawn(hub.clone().work(db, rx));
        hub
    }

    /// Something that may move the campaign's figures or rankings was
    /// committed here: this instance's views move, and the others are told.
    pub fn changed(&self, campaign_id: Id) {
        self.changed_elsewhere(campaign_id);
        if let Some(bus) = &self.bus {
            bus.announce(campaign_id);
        }
    }

    /// Every campaign this instance shows may have changed (notices were lost).
    pub(super) fn everything_changed(&self) {
        let ids: Vec<Id> = self
            .last
            .read()
            .map(|l| l.keys().copied().collect())
            .unwrap_or_default();
        self.version.fetch_add(1, Ordering::SeqCst);
        for id in ids {
            self.changed_elsewhere(id);
        }
    }

    /// A change committed by this or another instance.
    pub(super) fn changed_elsewhere(&self, campaign_id: Id) {
        // A page loaded from now on must not get the frame from before the
        // change: it is dropped at once, and recomputed by whoever needs it first.
        if let Ok(mut l) = self.last.write() {
            l.remove(&campaign_id);
        }
        self.version.fetch_add(1, Ordering::SeqCst);
        // Counted before it is sent, so the worker never counts below zero.
        self.queued.fetch_add(1, Ordering::SeqCst);
        if self.changes.send(campaign_id).is_err() {
            self.queued.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Open streams, for the metrics.
    pub fn live_clients(&self) -> usize {
        self.frames.receiver_count()
    }

    /// Changes not yet computed, for the metrics.
    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::SeqCst)
    }

    /// Whether this instance hears the others: `None` with no other instances possible (SQLite).
    pub fn listening(&self) -> Option<bool> {
        self.bus.as_ref().map(|b| b.listening.load(Ordering::SeqCst))
    }

    /// Ends every live stream, so a shutdown need not wait for them.
    pub fn close_streams(&self) {
        self.closing.send_replace(true);
    }

    /// Becomes true when the streams must end.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// See [`LiveHub::version`]'s field: read it before rendering a page, and
    /// keep the page only while it is the same.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Frame> {
        self.frames.subscribe()
    }

    /// The latest frame of a campaign, computed now if there is none yet.
    pub async fn latest(&self, db: &DatabaseConnection, campaign_id: Id) -> Option<Frame> {
        let cached = || self.last.read().ok().and_then(|l| l.get(&campaign_id).cloned());
        if let Some(f) = cached() {
            return Some(f);
        }
        let _one_at_a_time = self.first.lock().await;
        if let Some(f) = cached() {
            return Some(f);
        }
        let frame = compute(db, campaign_id).await?;
        if let Ok(mut l) = self.last.write() {
            l.insert(campaign_id, frame.clone());
        }
        Some(frame)
    }

    async fn work(self, db: DatabaseConnection, mut rx: mpsc::UnboundedReceiver<Id>) {
        // A deadline passing moves rankings with no write: the open
        // campaigns are recomputed each minute, and sent only if they changed.
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        // What was last broadcast per campaign: the cache (`last`) may hold a
        // newer frame that a page computed first, which streams have not had.
        let mut sent: HashMap<Id, Frame> = HashMap::new();
        loop {
            let mut due = BTreeSet::new();
            tokio::select! {
                got = rx.recv() => match got {
                    Some(id) => { self.queued.fetch_sub(1, Ordering::SeqCst); due.insert(id); }
                    None => return,
                },
                _ = tick.tick() => {
                    if let Ok(l) = self.last.read() { due.extend(l.keys().copied()); }
                }
            }
            // Changes that arrive together (an import, a batch of approvals) are computed once.
            tokio::time::sleep(Duration::from_millis(30)).await;
            while let Ok(id) = rx.try_recv() {
                self.queued.fetch_sub(1, Ordering::SeqCst);
                due.insert(id);
            }
            for id in due {
                let Some(frame) = compute(&db, id).await else { continue };
                // A frame with nothing new keeps the one before it, so its
                // time says when the figures last changed.
                let frame = match self.last.write() {
                    Ok(mut l) => match l.get(&id) {
                        Some(old) if old.same_content(&frame) => old.clone(),
                        _ => {
                            l.insert(id, frame.clone());
                            self.version.fetch_add(1, Ordering::SeqCst);
                            frame
                        }
                    },
                    Err(_) => frame,
                };
                let same = sent.get(&id).is_some_and(|old| old.same_content(&frame));
                if !same {
                    sent.insert(id, frame.clone());
                    let _ = self.frames.send(frame);
                }
            }
        }
    }
}

async fn compute(db: &DatabaseConnection, campaign_id: Id) -> Option<Frame> {
    let result = async {
        let campaign = store::campaigns::by_id(db, campaign_id)
            .await?
            .ok_or_else(|| store::StoreError::NotFound("campaign".into()))?;
        let now = crate::api::server::now_local();
        let input = store::standings::input(db, campaign_id, now).await?;
        let grid = store::completeness::grid(db, campaign_id, now).await?;
        let completeness = grid.current(now);
        let overview = crate::api::public::overview_with(db, campaign, &grid)
            .await
            .map_err(|e| store::StoreError::Invalid(e.to_string()))?;
        Ok::<_, store::StoreError>((input, overview, completeness))
    }
    .await;
    let (input, overview, completeness) = match result {
        Ok(x) => x,
        Err(e) => {
            tracing::error!(campaign_id, "live snapshot: {e}");
            return None;
        }
    };
    let snapshot = LiveSnapshot {
        campaign_id,
        at: chrono::Utc::now(),
        overview,
        standings: Some(domain::standings(&input, Scope::Cumulative, RankingMode::Official)),
        completeness,
    };
    let full = serde_json::to_string(&snapshot).ok()?;
    let public = serde_json::to_string(&LiveSnapshot {
        standings: None,
        completeness: None,
        ..snapshot.clone()
    })
    .ok()?;
    Some(Frame {
        campaign_id,
        full_event: sse_event("snapshot", &full),
        public_event: sse_event("snapshot", &public),
        snapshot: Arc::new(snapshot),
    })
}

/// One Server-Sent Event; `data` is one line (compact JSON has no newline).
pub fn sse_event(name: &str, data: &str) -> Bytes {
    debug_assert!(!data.contains('\n'));
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}
