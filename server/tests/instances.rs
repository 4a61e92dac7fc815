//! Two server processes on one PostgreSQL: a change made through one reaches
//! the live stream and the public page served by the other within a second.
//! PostgreSQL only: an SQLite file belongs to one process, so there is no
//! second instance to tell (the bus is off there, see `app::live::bus`).

#[path = "common/process.rs"]
mod process;

use domain::Measure;
use process::{Instance, Persona};
use std::time::{Duration, Instant};

/// Reads a live stream until its next snapshot.
async fn next_snapshot(res: &mut reqwest::Response, buf: &mut String, within: Duration) -> app::live::LiveSnapshot {
    let deadline = Instant::now() + within;
    loop {
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            if event.contains("event: snapshot") {
                let data: String = event.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
                return serde_json::from_str(&data).expect("a snapshot");
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = tokio::time::timeout(left, res.chunk())
            .await
            .unwrap_or_else(|_| panic!("no snapshot within {within:?}"))
            .expect("the stream is readable")
            .expect("the stream is open");
        buf.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn public_page(http: &reqwest::Client, instance: &Instance) -> String {
    let res = http.get(format!("{}/", instance.base_url())).send().await.unwrap();
    res.text().await.unwrap()
}

fn accidents(s: &app::live::LiveSnapshot) -> u32 {
    s.overview
        .progress
        .iter()
        .find(|p| p.target.measure == Measure::Accidents)
        .expect("the plan's accident target")
        .comparison
        .current
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_through_one_instance_reaches_the_other_within_a_second() {
    let url = store::testing::postgres_url().await;
    let a = Instance::start(&url, &[("THIDUA_DEMO", "true")]);
    let b = Instance::start(&url, &[("THIDUA_DEMO", "true")]);
    let db = store::connect(&url).await.expect("the shared database");
    let c = store::campaigns::current(&db)
        .await
        .unwrap()
        .expect("the demo campaign");
    let commune = store::accident_log::communes(&db, c.committee_id).await.unwrap()[2].id;
    let http = reqwest::Client::new();

    // Both instances ready: each hears the other (readyz says so on PostgreSQL).
    for i in [&a, &b] {
        let ready = http.get(format!("{}/readyz", i.base_url())).send().await.unwrap();
        assert_eq!(ready.status(), 200, "{}", ready.text().await.unwrap_or_default());
    }
    // B's public page is served, and so cached, before the change.
    let page_before = public_page(&http, &b).await;
    let mut stream = http
        .get(format!("{}{}", b.base_url(), app::live::stream_path(c.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    let mut buf = String::new();
    let first = next_snapshot(&mut stream, &mut buf, Duration::from_secs(10)).await;

    // The police record an accident through A.
    let police = Persona::sign_in(&a, "cong-an-huyen").await;
    let form = format!(
        "campaign_id={}&input[commune_unit_id]={commune}&input[occurred_at]=2024-09-20T23%3A30&input[deaths]=0\
         &input[injuries]=1&input[drink_driving]=false&input[commercial_car]=false&input[marked_serious]=false\
         &input[note]=Hai%20xe%20m%C3%A1y",
        c.id
    );
    let (status, body) = police.post(a.base_url(), "/api/accidents/add", &form).await.unwrap();
    assert_eq!(status, 200, "{body}");
    let saved = Instant::now();

    // B's stream carries the new figure within a second of A's answer.
    let next = next_snapshot(&mut stream, &mut buf, Duration::from_secs(1)).await;
    eprintln!("B's stream moved {:?} after A's answer", saved.elapsed());
    assert_eq!(accidents(&next), accidents(&first) + 1);

    // B's cached public page was dropped: it shows the new figure too.
    let page_after = public_page(&http, &b).await;
    assert_ne!(
        page_before, page_after,
        "B still serves the page from before the change"
    );
    let figure = |page: &str| -> u32 {
        // The first number in the accident row's "so far" cell.
        let row = page
            .split("data-measure=\"accidents\"")
            .nth(1)
            .expect("the accident row");
        let cell = row.split("class=\"num current\"").nth(1).expect("its figure so far");
        let text = cell.split_once('>').expect("the cell's content").1;
        let digits: String = text
            .chars()
            .skip_while(|ch| !ch.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().expect("a number")
    };
    assert_eq!(figure(&page_before), accidents(&first));
    assert_eq!(figure(&page_after), accidents(&first) + 1);
    drop((a, b));
}
