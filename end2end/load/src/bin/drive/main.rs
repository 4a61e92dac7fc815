//! The load: goose users against a running server prepared by `seed`.
//!
//! Three scenarios, by weight (of 1,500 users: 500, 700, 300):
//! - `Unit` (5): a unit's reporter and head, each on their own phone with
//!   their own session. The reporter signs in, opens the report's page and
//!   data, then saves the draft again and again (a few scores changed each
//!   time, WRITER_PAUSE_MIN..MAX seconds apart, as the form's autosave does);
//!   after 4–8 saves the head (signed in once) submits it; the standing office
//!   returns it with a reason so that the unit can go on. Every few rounds the
//!   reporter signs out and in again.
//! - `Public` (7): a viewer of `/`: loads the page, holds the live stream
//!   `/truc-tiep/{campaign}` open for 30–90 s, reloads, again.
//! - `Screen` (3): a meeting-room screen: opens the display link (a session
//!   cookie and a redirect to `/man-hinh`), holds the same stream (which now
//!   carries the standings), reloads `/man-hinh`, again.
//!
//! Any answer other than 2xx (redirects are followed) and any connection
//! error is a failure in goose's tables; a live stream that ends or breaks
//! before the viewer lets it go is a failed `SSE held` line.
//!
//! Settings (environment): LOAD_MANIFEST (from `seed`), LOAD_HOLD_UNTIL (the
//! seconds after which viewers stop holding streams and writers stop: the
//! start-up time plus --run-time), WRITER_PAUSE_MIN / WRITER_PAUSE_MAX
//! (seconds between two saves, 2 and 6). Goose's own flags (--host, --users,
//! --run-time, --report-file, …) are passed on the command line.

mod viewers;

use futures::StreamExt;
use viewers::{public_view, screen_view};
use goose::prelude::*;
use rand::Rng;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const PASSWORD: &str = "thidua-demo-2024";
const DISPLAY_TOKEN: &str = "demo-phong-hop";

struct Plan {
    campaign: i64,
    units: Vec<(String, i64)>,
    started: Instant,
    hold_until: Duration,
    pause: (u64, u64),
    next_unit: AtomicUsize,
    office: tokio::sync::OnceCell<reqwest::Client>,
}

static PLAN: OnceLock<Plan> = OnceLock::new();
/// Live events the viewers received, printed after goose's tables.
static SNAPSHOTS: AtomicU64 = AtomicU64::new(0);
static PINGS: AtomicU64 = AtomicU64::new(0);
static STREAM_BYTES: AtomicU64 = AtomicU64::new(0);
static HELD: AtomicU64 = AtomicU64::new(0);

fn plan() -> &'static Plan {
    PLAN.get().expect("plan loaded in main")
}

/// Seconds left before the viewers let go and the writers stop.
fn left() -> Duration {
    plan().hold_until.saturating_sub(plan().started.elapsed())
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() -> Result<(), GooseError> {
    let manifest = std::env::var("LOAD_MANIFEST").expect("LOAD_MANIFEST: the file `seed` wrote");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let mut campaign = 0;
    let mut units = Vec::new();
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("campaign"), Some(id)) => campaign = id.parse().expect("campaign id"),
            (Some(user), Some(report)) => units.push((user.to_string(), report.parse().expect("report id"))),
            _ => {}
        }
    }
    let _ = PLAN.set(Plan {
        campaign,
        units,
        started: Instant::now(),
        hold_until: Duration::from_secs(env_u64("LOAD_HOLD_UNTIL", 180)),
        pause: (env_u64("WRITER_PAUSE_MIN", 2), env_u64("WRITER_PAUSE_MAX", 6)),
        next_unit: AtomicUsize::new(0),
        office: tokio::sync::OnceCell::new(),
    });

    GooseAttack::initialize()?
        .register_scenario(
            scenario!("Unit")
                .set_weight(5)?
                .register_transaction(transaction!(unit_start).set_on_start().set_name("sign in"))
                .register_transaction(transaction!(unit_round).set_name("round")),
        )
        .register_scenario(
            scenario!("Public")
                .set_weight(7)?
                .register_transaction(transaction!(public_view).set_name("view /")),
        )
        .register_scenario(
            scenario!("Screen")
                .set_weight(3)?
                .register_transaction(transaction!(screen_view).set_name("view /man-hinh")),
        )
        .set_default(GooseDefault::NoResetMetrics, true)?
        // Live streams are held longer than goose's 60 s default.
        .set_default(GooseDefault::Timeout, "150")?
        .execute()
        .await?;
    println!(
        "live streams held to the end without a break: {}; events received: {} snapshots, {} pings, {} MiB",
        HELD.load(Ordering::Relaxed),
        SNAPSHOTS.load(Ordering::Relaxed),
        PINGS.load(Ordering::Relaxed),
        STREAM_BYTES.load(Ordering::Relaxed) / (1 << 20)
    );
    Ok(())
}

/// What a unit's user keeps between rounds.
#[derive(Clone)]
struct Unit {
    username: String,
    report_id: i64,
    head: reqwest::Client,
    version: i64,
    /// (code, max points, evidence required) of each line the unit scores.
    lines: Vec<(String, f64, bool)>,
    /// The activities' codes as the server writes them.
    activities: Vec<String>,
    rounds: u32,
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("HTTP client")
}

/// A form post on another client (the head's phone, the office's computer),
/// recorded in goose's metrics under `name` (goose itself sends every
/// request with the user's own client, whose cookie is the reporter's).
async fn post_as(
    user: &mut GooseUser,
    http: &reqwest::Client,
    path: &str,
    name: &str,
    form: &[(&str, String)],
) -> Result<(u16, String), Box<TransactionError>> {
    let url = user.build_url(path)?;
    let started = Instant::now();
    let (status, text, error) = match http.post(url).form(form).send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            match res.text().await {
                Ok(text) if (200..400).contains(&status) => (status, text, None),
                Ok(text) => (status, text.clone(), Some(format!("{status}: {}", text.chars().take(200).collect::<String>()))),
                Err(e) => (status, String::new(), Some(format!("body: {e}"))),
            }
        }
        Err(e) => (0, String::new(), Some(format!("connection: {e}"))),
    };
    user.record_custom_request_duration("POST", name, started.elapsed(), error.is_none(), Some(status), error.as_deref())
        .await?;
    match error {
        None => Ok((status, text)),
        Some(e) => Err(e.into()),
    }
}

async fn read(goose: goose::goose::GooseResponse) -> Result<(u16, String), Box<TransactionError>> {
    let res = goose.response?;
    let status = res.status().as_u16();
    let text = res.text().await?;
    if !(200..400).contains(&status) {
        return Err(format!("{status}: {}", text.chars().take(200).collect::<String>()).into());
    }
    Ok((status, text))
}

async fn post(user: &mut GooseUser, path: &str, name: &str, form: &[(&str, String)]) -> Result<(u16, String), Box<TransactionError>> {
    let rb = user.get_request_builder(&GooseMethod::Post, path)?.form(form);
    let req = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path)
        .name(name)
        .set_request_builder(rb)
        .build();
    read(user.request(req).await?).await
}

fn login_form(username: &str) -> Vec<(&'static str, String)> {
    vec![("username", username.to_string()), ("password", PASSWORD.to_string())]
}

async fn unit_start(user: &mut GooseUser) -> TransactionResult {
    let n = plan().next_unit.fetch_add(1, Ordering::Relaxed);
    let (username, report_id) = plan().units[n % plan().units.len()].clone();
    post(user, "/api/auth/login", "login (reporter)", &login_form(&username)).await?;
    let head = client();
    post_as(user, &head, "/api/auth/login", "login (head)", &login_form(&format!("truong.{username}"))).await?;
    let mut unit = Unit {
        username,
        report_id,
        head,
        version: 0,
        lines: vec![],
        activities: vec![],
        rounds: 0,
    };
    open_report(user, &mut unit).await?;
    user.set_session_data(unit);
    Ok(())
}

/// The report's page, then its data as the form loads it.
async fn open_report(user: &mut GooseUser, unit: &mut Unit) -> TransactionResult {
    let page = format!("/bao-cao/{}", unit.report_id);
    let goose = user.get_named(&page, "/bao-cao/{id}").await?;
    read(goose).await?;
    let (_, body) = post(
        user,
        "/api/reports/get",
        "/api/reports/get",
        &[("report_id", unit.report_id.to_string())],
    )
    .await?;
    let v: serde_json::Value = serde_json::from_str(&body).map_err(|e| format!("report JSON: {e}"))?;
    unit.version = v["version"].as_i64().ok_or("no version")?;
    unit.lines = v["lines"]
        .as_array()
        .ok_or("no lines")?
        .iter()
        // Only self-scored lines take the unit's score (`self` is the rule's
        // code; the variant's name too, whichever serde writes).
        .filter(|l| matches!(l["rule"].as_str(), Some("self" | "SelfScored")))
        .map(|l| {
            (
                l["code"].as_str().unwrap_or_default().to_string(),
                l["max_points"].as_f64().unwrap_or(0.0),
                l["evidence_required"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    unit.activities = v["activities"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["activity"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok(())
}

/// A score the unit may give itself: half points up to the maximum, 0 where
/// evidence would be needed (the scenario attaches no files).
fn score(rng: &mut impl Rng, max: f64, evidence: bool) -> String {
    if evidence {
        return "0".into();
    }
    let halves = (max * 2.0).floor() as i64;
    let s = rng.random_range(0..=halves) as f64 / 2.0;
    format!("{s}")
}

/// A draft save: `changed` lines get new scores (all of them when `all`),
/// every activity a figure.
fn draft_form(unit: &Unit, all: bool) -> Vec<(String, String)> {
    let mut rng = rand::rng();
    let mut form = vec![
        ("report_id".to_string(), unit.report_id.to_string()),
        ("version".to_string(), unit.version.to_string()),
    ];
    let picked: Vec<usize> = if all || unit.lines.is_empty() {
        (0..unit.lines.len()).collect()
    } else {
        (0..rng.random_range(1..=3usize)).map(|_| rng.random_range(0..unit.lines.len())).collect()
    };
    for (i, &l) in picked.iter().enumerate() {
        let (code, max, evidence) = &unit.lines[l];
        form.push((format!("lines[{i}][code]"), code.clone()));
        form.push((format!("lines[{i}][score]"), score(&mut rng, *max, *evidence)));
        form.push((
            format!("lines[{i}][explanation]"),
            format!("Đã triển khai, lần {}", rng.random_range(1..1000)),
        ));
    }
    for (i, a) in unit.activities.iter().enumerate() {
        form.push((format!("activities[{i}][activity]"), a.clone()));
        // People reached need at least one session: keep both above zero.
        form.push((format!("activities[{i}][value]"), rng.random_range(3..40).to_string()));
    }
    form
}

async fn save(user: &mut GooseUser, unit: &mut Unit, all: bool) -> TransactionResult {
    let form = draft_form(unit, all);
    let form: Vec<(&str, String)> = form.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let (_, body) = post(user, "/api/reports/save_draft", "/api/reports/save_draft", &form).await?;
    unit.version = body.trim().parse().map_err(|_| format!("version: {body}"))?;
    Ok(())
}

async fn pause(min: u64, max: u64) -> bool {
    let wait = Duration::from_millis(rand::rng().random_range(min * 1000..=max * 1000));
    if left() <= wait {
        return false;
    }
    tokio::time::sleep(wait).await;
    true
}

/// One round: saves, the head's submission, the office's return.
async fn unit_round(user: &mut GooseUser) -> TransactionResult {
    if left() < Duration::from_secs(1) {
        // The run is ending: idle until goose stops this user.
        tokio::time::sleep(Duration::from_secs(1)).await;
        return Ok(());
    }
    let mut unit: Unit = user.get_session_data::<Unit>().ok_or("no unit")?.clone();
    let (min, max) = plan().pause;
    unit.rounds += 1;
    if unit.rounds % 3 == 0 {
        // A new session now and then (another phone, the next morning).
        post(user, "/api/auth/logout", "logout (reporter)", &[]).await?;
        post(user, "/api/auth/login", "login (reporter)", &login_form(&unit.username)).await?;
        open_report(user, &mut unit).await?;
    }
    let saves = rand::rng().random_range(4..=8);
    for _ in 0..saves {
        if !pause(min, max).await {
            user.set_session_data(unit);
            return Ok(());
        }
        save(user, &mut unit, false).await?;
    }
    if !pause(min, max).await {
        user.set_session_data(unit);
        return Ok(());
    }
    // The form is complete: every line and figure filled in.
    save(user, &mut unit, true).await?;
    let head = unit.head.clone();
    let submitted = act(user, &head, "submit (head)", &unit, "submit", unit.version).await?;
    let office = plan()
        .office
        .get_or_try_init(|| async {
            let http = client();
            let res = http
                .post(user.build_url("/api/auth/login")?)
                .form(&login_form("thuongtruc"))
                .send()
                .await?;
            if !res.status().is_success() {
                return Err(Box::new(TransactionError::from(format!("office login: {}", res.status()))));
            }
            Ok::<_, Box<TransactionError>>(http)
        })
        .await?
        .clone();
    // The office reads it and returns it a little later.
    let reading = Duration::from_millis(rand::rng().random_range(500..2000));
    tokio::time::sleep(reading).await;
    unit.version = act(user, &office, "return (office)", &unit, "return", submitted).await?;
    user.set_session_data(unit);
    Ok(())
}

/// A workflow step on the unit's report; the report's new version.
async fn act(
    user: &mut GooseUser,
    http: &reqwest::Client,
    who: &str,
    unit: &Unit,
    kind: &str,
    version: i64,
) -> Result<i64, Box<TransactionError>> {
    let mut form = vec![
        ("report_id", unit.report_id.to_string()),
        ("kind", kind.to_string()),
        ("version", version.to_string()),
    ];
    if kind == "return" {
        form.push(("reason", "Bổ sung minh chứng (thử tải)".into()));
    }
    let name = format!("/api/reports/act {who}");
    let (_, body) = post_as(user, http, "/api/reports/act", &name, &form).await?;
    Ok(body.trim().parse().map_err(|_| format!("version: {body}"))?)
}
