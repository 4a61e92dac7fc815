//! What an operator's tools see of a running server: liveness, readiness,
//! Prometheus metrics on their own address, and a clean stop on SIGTERM
//! with live streams open.

#[path = "common/process.rs"]
mod process;

use process::Instance;
use std::time::Duration;

fn metric(text: &str, name_and_labels: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(name_and_labels))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread")]
async fn probes_metrics_and_a_graceful_stop() {
    let dir = std::env::temp_dir().join(format!("thidua-ops-{}", std::process::id()));
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.display());
    let metrics_addr = format!("127.0.0.1:{}", process::unused_port());
    let mut server = Instance::start(&url, &[("THIDUA_DEMO", "true"), ("THIDUA_METRICS_ADDR", &metrics_addr)]);
    let http = reqwest::Client::new();
    let get = |path: String| {
        let http = http.clone();
        async move { http.get(path).send().await.expect("an answer") }
    };
    let base = server.base_url().to_string();

    assert_eq!(get(format!("{base}/healthz")).await.status(), 200);
    let ready = get(format!("{base}/readyz")).await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
    // Metrics are not on the public site.
    assert_eq!(get(format!("{base}/metrics")).await.status(), 404);

    for _ in 0..3 {
        assert_eq!(get(format!("{base}/")).await.status(), 200);
    }
    let db = store::connect(&url).await.unwrap();
    let c = store::campaigns::current(&db).await.unwrap().unwrap();
    let mut stream = get(format!("{base}{}", app::live::stream_path(c.id))).await;
    assert_eq!(stream.status(), 200);
    let first = tokio::time::timeout(Duration::from_secs(10), stream.chunk()).await;
    assert!(matches!(first, Ok(Ok(Some(_)))), "the stream's first event");

    let text = get(format!("http://{metrics_addr}/metrics"))
        .await
        .text()
        .await
        .unwrap();
    let pages = metric(
        &text,
        r#"thidua_http_requests_total{method="GET",route="public_page",status="2xx"}"#,
    );
    assert!(pages.is_some_and(|n| n >= 3.0), "three page views counted:\n{text}");
    assert_eq!(metric(&text, "thidua_live_clients "), Some(1.0), "{text}");
    assert_eq!(
        metric(&text, "thidua_instance_bus_listening "),
        Some(-1.0),
        "SQLite: no bus"
    );
    assert!(text.contains("thidua_http_request_duration_seconds_bucket{"), "{text}");

    // SIGTERM with a stream open: the stream ends and the process exits cleanly, soon.
    let status = server.terminate(Duration::from_secs(10));
    assert!(
        status.is_some_and(|s| s.success()),
        "exit: {status:?}\n{}",
        server.log()
    );
    let rest = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(_)) = stream.chunk().await {}
    })
    .await;
    assert!(rest.is_ok(), "the live stream ended with the server");
    let _ = std::fs::remove_dir_all(dir);
}

/// Behind the reverse proxy every peer is the proxy: the client it names in
/// X-Forwarded-For is who the sign-in limit counts and the audit trail records.
#[tokio::test(flavor = "multi_thread")]
async fn behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit() {
    let dir = std::env::temp_dir().join(format!("thidua-proxy-{}", std::process::id()));
    let url = format!("sqlite://{}/db.sqlite?mode=rwc", dir.display());
    let server = Instance::start(
        &url,
        &[
            ("THIDUA_DEMO", "true"),
            ("THIDUA_TRUSTED_PROXIES", "127.0.0.1"),
            ("THIDUA_LOGIN_PER_ADDRESS", "3"),
        ],
    );
    let http = reqwest::Client::new();
    let attempt = |client: &'static str| {
        let (http, url) = (http.clone(), format!("{}/api/auth/login", server.base_url()));
        async move {
            http.post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-forwarded-for", format!("1.1.1.1, {client}"))
                .body("username=thuongtruc&password=sai-mat-khau")
                .send()
                .await
                .expect("an answer")
                .status()
                .as_u16()
        }
    };
    let mut first = Vec::new();
    for _ in 0..4 {
        first.push(attempt("203.0.113.1").await);
    }
    assert_eq!(first, [422, 422, 422, 429], "one client's fourth attempt is throttled");
    assert_eq!(
        attempt("203.0.113.2").await,
        422,
        "another client behind the same proxy is not"
    );

    let db = store::connect(&url).await.unwrap();
    let recorded = store::testing::scalar(
        &db,
        "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'login%' AND ip IN ('203.0.113.1', '203.0.113.2')",
    )
    .await;
    assert_eq!(recorded, 5, "the audit trail names the clients, not the proxy");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}
