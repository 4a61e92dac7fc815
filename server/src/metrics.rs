//! `/metrics` for Prometheus: requests and their latency by kind of address
//! and status class, open live streams, changes waiting for the live worker,
//! and whether this instance hears the others on PostgreSQL.

use app::live::LiveHub;
use axum::{
    extract::{Request, State},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::{counter::Counter, family::Family, gauge::Gauge, histogram::Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    /// A kind of address, not the address: the label set stays small whatever is asked.
    route: &'static str,
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    route: &'static str,
}

type Latencies = Family<KindLabel, Histogram, fn() -> Histogram>;

#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: Latencies,
    live_clients: Gauge,
    queued: Gauge,
    listening: Gauge,
}

fn latency_buckets() -> Histogram {
    // 1 ms to about 8 s.
    Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
        0.001, 2.0, 14,
    ))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("thidua");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: Latencies = Family::new_with_constructor(latency_buckets);
        let (live_clients, queued, listening) = (Gauge::default(), Gauge::default(), Gauge::default());
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to the response's headers",
            latency.clone(),
        );
        registry.register(
            "live_clients",
            "Open live streams (pages and screens)",
            live_clients.clone(),
        );
        registry.register(
            "live_queue_depth",
            "Changes waiting for the live worker",
            queued.clone(),
        );
        registry.register(
            "instance_bus_listening",
            "1 when this instance hears the others' changes (PostgreSQL), 0 when not, -1 on SQLite",
            listening.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            requests,
            latency,
            live_clients,
            queued,
            listening,
        }
    }
}

/// The middleware that counts and times every request.
pub async fn record(State(m): State<Metrics>, req: Request, next: Next) -> Response {
    let route = route_kind(req.uri().path());
    let method = req.method().as_str().to_string();
    let started = Instant::now();
    let res = next.run(req).await;
    m.latency
        .get_or_create(&KindLabel { route })
        .observe(started.elapsed().as_secs_f64());
    let status = match res.status().as_u16() {
        100..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    m.requests.get_or_create(&RequestLabels { method, route, status }).inc();
    res
}

/// The Prometheus text format, with the gauges read now.
pub async fn scrape(State((m, hub)): State<(Metrics, LiveHub)>) -> Response {
    m.live_clients.set(hub.live_clients() as i64);
    m.queued.set(hub.queued() as i64);
    m.listening.set(match hub.listening() {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    });
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &m.registry).is_err() {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// What kind of address a path is, from its first segment.
fn route_kind(path: &str) -> &'static str {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    match first {
        "" => "public_page",
        "api" => "server_fn",
        "pkg" => "bundle",
        "truc-tiep" => "live",
        "du-lieu" => "open_data",
        "xuat" => "export",
        "tep" => "evidence",
        "healthz" | "readyz" | "metrics" => "operations",
        f if f.contains('.') => "static",
        _ => "page",
    }
}

#[cfg(test)]
mod tests {
    use super::route_kind;

    #[test]
    fn addresses_fall_into_few_kinds() {
        assert_eq!(route_kind("/"), "public_page");
        assert_eq!(route_kind("/api/reports/save_draft"), "server_fn");
        assert_eq!(route_kind("/pkg/thidua.wasm"), "bundle");
        assert_eq!(route_kind("/truc-tiep/1"), "live");
        assert_eq!(route_kind("/favicon.svg"), "static");
        assert_eq!(route_kind("/bao-cao/12"), "page");
        assert_eq!(route_kind("/readyz"), "operations");
    }
}
