//! From an approval to the Server-Sent Event on 1,000 open screens.
//!
//!     cargo bench -p thidua --bench live_fanout [-- CLIENTS]
//!
//! This process runs the real router on a TCP port over a fresh SQLite
//! file (or `DATABASE_URL`) with the demo loaded; a child process (this
//! binary again) opens CLIENTS meeting-room streams and stamps each event's
//! arrival. The office then approves, then reopens, the demo's submitted
//! reports one at a time over HTTP; each change's latency is the arrival
//! time minus the moment its request was sent (one machine, one clock).
//! The server's memory is its own (the clients live in the child).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn micros_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    if let Some(i) = args.iter().position(|a| a == "--clients") {
        let (addr, path, cookie, n) = (&args[i + 1], &args[i + 2], &args[i + 3], args[i + 4].parse().unwrap());
        rt.block_on(clients(addr, path, cookie, n));
    } else {
        let n = args
            .iter()
            .skip(1)
            .find_map(|a| a.parse::<usize>().ok())
            .unwrap_or(1000);
        rt.block_on(server(n));
    }
}

/// One raw HTTP/1.1 exchange: the status, the session cookie set, the body.
async fn http(addr: &str, request: String) -> (u16, Option<String>, String) {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let cookie = text
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: "))
        .find_map(|v| v.split(';').next().filter(|p| p.starts_with("thidua_sid=")))
        .map(str::to_string);
    (status, cookie, text)
}

fn post(path: &str, cookie: Option<&str>, body: &str) -> String {
    let cookie = cookie.map(|c| format!("cookie: {c}\r\n")).unwrap_or_default();
    format!(
        "POST {path} HTTP/1.1\r\nhost: bench\r\nconnection: close\r\n{cookie}\
         content-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

fn memory_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

async fn server(n: usize) {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| store::testing::sqlite_url());
    let db = store::connect(&url).await.expect("database");
    store::demo::seed(&db).await.expect("demo");
    let cli = <thidua::cli::Cli as clap::Parser>::parse_from(["thidua", "--login-per-account", "100000"]);
    let options = leptos::prelude::LeptosOptions::builder().output_name("thidua").build();
    let router = thidua::routes::router(&cli, options, db.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let c = store::campaigns::current(&db).await.unwrap().unwrap();
    let screen = format!(
        "GET /man-hinh/{} HTTP/1.1\r\nhost: bench\r\nconnection: close\r\n\r\n",
        store::demo::DEMO_DISPLAY_TOKEN
    );
    let (_, screen_cookie, _) = http(&addr, screen).await;
    let body = format!("username=thuongtruc&password={}", store::demo::DEMO_PASSWORD);
    let (status, office, _) = http(&addr, post("/api/auth/login", None, &body)).await;
    assert_eq!(status, 200, "the office signs in");
    let rss_idle = memory_kib("VmRSS:");

    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--clients",
            &addr,
            &app::live::stream_path(c.id),
            &screen_cookie.unwrap(),
            &n.to_string(),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = lines.next().unwrap().unwrap();
    assert_eq!(ready, "ready", "{n} streams opened");
    let rss_connected = memory_kib("VmRSS:");

    let mut submitted = Vec::new();
    loop {
        let after = submitted.last().copied().unwrap_or(0);
        let sql = format!(
            "SELECT COALESCE(MIN(id), 0) FROM reports WHERE campaign_id = {} AND status = 'submitted' AND id > {after}",
            c.id
        );
        match store::testing::scalar(&db, &sql).await {
            0 => break,
            id => submitted.push(id),
        }
    }
    let mut latencies = Vec::new();
    let mut rounds = 0;
    for kind in ["approve", "reopen"] {
        for id in &submitted {
            let version = store::reports::get(&db, *id).await.unwrap().unwrap().version;
            let sent = micros_now();
            let body = format!("report_id={id}&kind={kind}&version={version}&reason=benchmark");
            let (status, _, text) = http(&addr, post("/api/reports/act", office.as_deref(), &body)).await;
            assert_eq!(status, 200, "{kind} {id}: {text}");
            let line = lines.next().unwrap().unwrap();
            latencies.extend(
                line.split_whitespace()
                    .map(|t| t.parse::<u64>().unwrap().saturating_sub(sent)),
            );
            rounds += 1;
        }
    }
    let rss_after = memory_kib("VmRSS:");
    let peak = memory_kib("VmHWM:");
    let _ = child.kill();
    latencies.sort_unstable();
    let backend = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!(
        "live fan-out, {backend}: {n} open streams, {rounds} changes, {} events",
        latencies.len()
    );
    println!(
        "approval → event: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0)
    );
    println!(
        "server memory (RSS): {} MiB idle, {} MiB with the streams open, {} MiB after, peak {} MiB",
        rss_idle / 1024,
        rss_connected / 1024,
        rss_after / 1024,
        peak / 1024
    );
}

/// The child: `n` streams; "ready" once each has its first snapshot, then
/// one line per change with each stream's arrival time (µs since the epoch).
async fn clients(addr: &str, path: &str, cookie: &str, n: usize) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, u64)>();
    for i in 0..n {
        let (addr, tx) = (addr.to_string(), tx.clone());
        let request =
            format!("GET {path} HTTP/1.1\r\nhost: bench\r\ncookie: {cookie}\r\naccept: text/event-stream\r\n\r\n");
        tokio::spawn(async move {
            let mut s = TcpStream::connect(&addr).await.unwrap();
            s.write_all(request.as_bytes()).await.unwrap();
            let pattern = b"event: snapshot\n";
            let mut tail: Vec<u8> = Vec::new();
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let got = s.read(&mut buf).await.unwrap();
                if got == 0 {
                    return;
                }
                let at = micros_now();
                tail.extend_from_slice(&buf[..got]);
                let found = tail.windows(pattern.len()).filter(|w| *w == pattern).count();
                for _ in 0..found {
                    let _ = tx.send((i, at));
                }
                let keep = tail.len().min(pattern.len() - 1);
                tail.drain(..tail.len() - keep);
            }
        });
    }
    // Each stream's events in order: the first is the snapshot on connecting.
    let mut seen = vec![0usize; n];
    let mut round: Vec<Option<u64>> = vec![None; n];
    let mut opened = 0;
    let mut done = 0;
    while let Some((i, at)) = rx.recv().await {
        seen[i] += 1;
        if seen[i] == 1 {
            opened += 1;
            if opened == n {
                println!("ready");
            }
            continue;
        }
        round[i] = Some(at);
        done += 1;
        if done == n {
            let line: Vec<String> = round.iter_mut().map(|t| t.take().unwrap().to_string()).collect();
            println!("{}", line.join(" "));
            done = 0;
        }
    }
}
