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

/// How long staff pages wait for the changes before them to be computed
/// (they expect to see what they just did).
pub const STAFF_WAIT: Duration = Duration::from_secs(3);
/// How long a public page waits: a resident changed nothing, and under a
/// burst of changes the page must not queue behind them.
pub const PUBLIC_WAIT: Duration = Duration::from_millis(300);

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
    /// The hub's change count when its computation began: it holds every
    /// change counted up to there.
    seq: u64,
    /// When what the public sees last changed (staff-only changes keep it).
    public_at: chrono::DateTime<chrono::Utc>,
}

impl Frame {
    /// What this frame was made of, as staff and screens see it.
    pub fn snapshot(&self) -> &LiveSnapshot {
        &self.snapshot
    }

    /// See the field `public_at`.
    pub fn public_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.public_at
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
    /// Changes counted so far (on this instance, or heard from others).
    seq: Arc<AtomicU64>,
    /// The change count up to which every frame in `last` is computed.
    settled: watch::Sender<u64>,
    /// Moves only when what the public sees changed (a campaign's overview):
    /// the public pages' cache keeps a page while it stands still, so the
    /// many changes that move no public figure (a submission, a return) do
    /// not make it render the page again.
    public_version: Arc<AtomicU64>,
    /// The overview each campaign's public pages were last shown with.
    shown: Arc<RwLock<HashMap<Id, Arc<LiveSnapshot>>>>,
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
            seq: Arc::default(),
            settled: watch::channel(0).0,
            public_version: Arc::default(),
            shown: Arc::default(),
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
        self.public_version.fetch_add(1, Ordering::SeqCst);
        for id in ids {
            self.changed_elsewhere(id);
        }
    }

    /// A change committed by this or another instance.
    pub(super) fn changed_elsewhere(&self, campaign_id: Id) {
        // Queued before it is counted, so the worker never counts below zero.
        self.queued.fetch_add(1, Ordering::SeqCst);
        if self.changes.send(campaign_id).is_err() {
            self.queued.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        // Counted after it is sent: a worker that has read the count has it
        // in its queue (see `work`).
        self.seq.fetch_add(1, Ordering::SeqCst);
    }

    /// Waits, at most `wait`, until every change counted so far is in the
    /// frames, so that a page loaded after a change shows it. Under load
    /// this is one computation shared by every waiting page; when the
    /// worker is behind, the page goes on with the frames there are (the
    /// live stream brings the rest), rather than compute its own. False
    /// when it was not settled in time.
    pub async fn settle(&self, wait: Duration) -> bool {
        let want = self.seq.load(Ordering::SeqCst);
        let mut rx = self.settled.subscribe();
        matches!(tokio::time::timeout(wait, rx.wait_for(|s| *s >= want)).await, Ok(Ok(_)))
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

    /// See the field `public_version`: settle, read it before rendering a
    /// public page, and keep the page only while it is the same.
    pub fn public_version(&self) -> u64 {
        self.public_version.load(Ordering::SeqCst)
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Frame> {
        self.frames.subscribe()
    }

    /// The latest frame of a campaign, with the changes made before the
    /// call when the worker gets them in within `wait` (see
    /// [`LiveHub::settle`]); computed here only if there is none yet.
    pub async fn latest(&self, db: &DatabaseConnection, campaign_id: Id, wait: Duration) -> Option<Frame> {
        self.settle(wait).await;
        let cached = || self.last.read().ok().and_then(|l| l.get(&campaign_id).cloned());
        if let Some(f) = cached() {
            return Some(f);
        }
        let _one_at_a_time = self.first.lock().await;
        if let Some(f) = cached() {
            return Some(f);
        }
        let seq = self.seq.load(Ordering::SeqCst);
        let frame = compute(db, campaign_id, seq).await?;
        Some(self.install(frame))
    }

    /// Keeps a newly computed frame unless a newer one is there; a frame with
    /// nothing new keeps the one before it, so its time says when the figures
    /// last changed. Returns the frame now kept.
    fn install(&self, frame: Frame) -> Frame {
        let id = frame.campaign_id;
        let Ok(mut l) = self.last.write() else { return frame };
        let kept = match l.get(&id) {
            Some(old) if old.seq > frame.seq => return old.clone(),
            Some(old) if old.same_content(&frame) => Frame {
                seq: frame.seq,
                ..old.clone()
            },
            // Staff-only figures moved: the public keeps its event and its time.
            Some(old) if old.snapshot.overview == frame.snapshot.overview => Frame {
                public_event: old.public_event.clone(),
                public_at: old.public_at,
                ..frame
            },
            _ => frame,
        };
        l.insert(id, kept.clone());
        drop(l);
        if let Ok(mut shown) = self.shown.write() {
            let same = shown.get(&id).is_some_and(|s| s.overview == kept.snapshot.overview);
            if !same {
                shown.insert(id, kept.snapshot.clone());
                self.public_version.fetch_add(1, Ordering::SeqCst);
            }
        }
        kept
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
            // Read before draining: a change counted by now is already queued.
            let seq = self.seq.load(Ordering::SeqCst);
            while let Ok(id) = rx.try_recv() {
                self.queued.fetch_sub(1, Ordering::SeqCst);
                due.insert(id);
            }
            for id in due {
                let Some(frame) = compute(&db, id, seq).await else {
                    continue;
                };
                let frame = self.install(frame);
                let same = sent.get(&id).is_some_and(|old| old.same_content(&frame));
                if !same {
                    sent.insert(id, frame.clone());
                    let _ = self.frames.send(frame);
                }
            }
            self.settled.send_replace(seq);
        }
    }
}

async fn compute(db: &DatabaseConnection, campaign_id: Id, seq: u64) -> Option<Frame> {
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
        public_at: snapshot.at,
        snapshot: Arc::new(snapshot),
        seq,
    })
}

/// One Server-Sent Event; `data` is one line (compact JSON has no newline).
pub fn sse_event(name: &str, data: &str) -> Bytes {
    debug_assert!(!data.contains('\n'));
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}
