//! Changes across server instances on one PostgreSQL: each instance says
//! what it changed with `NOTIFY`, and LISTENs for the others, so their live
//! views and page caches move within a second. SQLite is one process: no bus.

use super::LiveHub;
use domain::Id;
use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const CHANNEL: &str = "thidua_changes";

/// This instance's end of the bus.
#[derive(Clone)]
pub struct Bus {
    db: DatabaseConnection,
    /// Tells this instance's own notices from the others'.
    me: Arc<str>,
    /// Whether the listener is connected (a metric, and `/readyz`).
    pub listening: Arc<AtomicBool>,
}

impl Bus {
    pub fn for_db(db: &DatabaseConnection) -> Option<Bus> {
        (db.get_database_backend() == DatabaseBackend::Postgres).then(|| Bus {
            db: db.clone(),
            me: format!("{}-{}", std::process::id(), chrono::Utc::now().timestamp_micros()).into(),
            listening: Arc::default(),
        })
    }

    /// Tells the other instances; a lost notice costs them at most the
    /// minute's recomputation, so a failure is logged, not retried.
    pub fn announce(&self, campaign_id: Id) {
        let (db, payload) = (self.db.clone(), format!("{} {campaign_id}", self.me));
        tokio::spawn(async move {
            let sql = Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            );
            if let Err(e) = db.execute_raw(sql).await {
                tracing::warn!("notifying other instances: {e}");
            }
        });
    }

    /// Hears the other instances for as long as the process runs.
    pub(super) async fn listen(self, hub: LiveHub) {
        let pool = self.db.get_postgres_connection_pool().clone();
        loop {
            match PgListener::connect_with(&pool).await {
                Ok(mut listener) => match listener.listen(CHANNEL).await {
                    Ok(()) => {
                        self.listening.store(true, Ordering::SeqCst);
                        // Notices sent while this instance was not listening are lost.
                        hub.everything_changed();
                        self.hear(&mut listener, &hub).await;
                        self.listening.store(false, Ordering::SeqCst);
                    }
                    Err(e) => tracing::warn!("LISTEN {CHANNEL}: {e}"),
                },
                Err(e) => tracing::warn!("connecting the change listener: {e}"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn hear(&self, listener: &mut PgListener, hub: &LiveHub) {
        loop {
            match listener.try_recv().await {
                Ok(Some(n)) => {
                    if let Some(id) = others_change(n.payload(), &self.me) {
                        hub.changed_elsewhere(id);
                    }
                }
                // The connection dropped and was opened again: what came in between is lost.
                Ok(None) => hub.everything_changed(),
                Err(e) => {
                    tracing::warn!("change listener: {e}");
                    return;
                }
            }
        }
    }
}

/// The campaign another instance changed, from a notice's payload.
fn others_change(payload: &str, me: &str) -> Option<Id> {
    let (sender, id) = payload.split_once(' ')?;
    (sender != me).then(|| id.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::others_change;

    #[test]
    fn a_notice_is_heard_only_from_another_instance() {
        assert_eq!(others_change("12-34 7", "99-1"), Some(7));
        assert_eq!(others_change("12-34 7", "12-34"), None);
        assert_eq!(others_change("12-34 x", "99-1"), None);
        assert_eq!(others_change("garbage", "99-1"), None);
    }
}
