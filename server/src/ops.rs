//! What an operator's tools ask: is the process up (`/healthz`), may it take
//! traffic (`/readyz`), and when to stop (SIGTERM or Ctrl-C).

use app::live::LiveHub;
use axum::{Extension, http::StatusCode, response::IntoResponse};
use store::DatabaseConnection;

/// Up: the process answers. A load balancer's liveness probe.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Ready: the database answers, this instance hears the others (on
/// PostgreSQL), and it is not shutting down. A load balancer's readiness probe.
pub async fn readyz(
    Extension(db): Extension<DatabaseConnection>,
    Extension(hub): Extension<LiveHub>,
) -> impl IntoResponse {
    if *hub.closing().borrow() {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down");
    }
    if let Err(e) = db.ping().await {
        tracing::warn!("readyz: database: {e}");
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable");
    }
    if hub.listening() == Some(false) {
        return (StatusCode::SERVICE_UNAVAILABLE, "not hearing the other instances yet");
    }
    (StatusCode::OK, "ready")
}

/// Resolves on SIGTERM (systemd, containers) or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
