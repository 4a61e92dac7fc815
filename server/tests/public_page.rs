//! The public page as a resident's browser gets it, on SQLite and
//! PostgreSQL: plain HTML from the cache until a figure changes, the
//! language switch as a link, and the open data files.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{Client, Persona, Server};

async fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> (u16, axum::http::HeaderMap, String) {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = server.send(req.body(Body::empty()).unwrap()).await;
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 8 << 20).await.unwrap();
    (
        parts.status.as_u16(),
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn header(h: &axum::http::HeaderMap, name: &str) -> String {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

fn sum_of(rows: &serde_json::Value, measure: &str) -> u64 {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["measure"] == measure)
        .map(|r| r["value"].as_u64().unwrap())
        .sum()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cached_page_gives_way_to_a_new_figure() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let (status, h, html) = get(&server, "/", &[]).await;
        assert_eq!(status, 200, "[{label}]");
        assert_eq!(header(&h, "cache-control"), "no-cache", "[{label}]");
        let etag = header(&h, "etag");
        assert!(!etag.is_empty(), "[{label}]");
        // No app bundle and no inline script: only live.js.
        assert_eq!(html.matches("<script").count(), 1, "[{label}] {html}");
        assert!(html.contains(r#"<script src="/live.js" defer>"#), "[{label}]");
        let (status, _, _) = get(&server, "/", &[("if-none-match", &etag)]).await;
        assert_eq!(status, 304, "[{label}] unchanged");

        let path = format!("/du-lieu/{}/so-lieu.json", c.slug);
        let (_, _, before) = get(&server, &path, &[]).await;
        let before: serde_json::Value = serde_json::from_str(&before).unwrap();

        let commune = store::accident_log::communes(&server.db, c.committee_id).await.unwrap()[2].id;
        let mut police = Client::signed_in(&server, Persona::OtherReporter).await;
        let add = format!(
            "campaign_id={}&input[commune_unit_id]={commune}&input[occurred_at]=2024-09-20T23%3A30&input[deaths]=0\
             &input[injuries]=1&input[drink_driving]=false&input[commercial_car]=false&input[marked_serious]=false&input[note]=",
            c.id
        );
        let (status, body) = police.post_full("/api/accidents/add", &add, &[]).await;
        assert_eq!(status, 200, "[{label}] {body}");

        let (status, h, _) = get(&server, "/", &[("if-none-match", &etag)]).await;
        assert_eq!(status, 200, "[{label}] the cached page is dropped");
        assert_ne!(header(&h, "etag"), etag, "[{label}]");
        let (_, _, after) = get(&server, &path, &[]).await;
        let after: serde_json::Value = serde_json::from_str(&after).unwrap();
        assert_eq!(
            sum_of(&after, "accidents"),
            sum_of(&before, "accidents") + 1,
            "[{label}]"
        );
        assert_eq!(sum_of(&after, "injuries"), sum_of(&before, "injuries") + 1, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_the_public_does_not_see_keeps_the_cached_page() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let (_, h, _) = get(&server, "/", &[]).await;
        let etag = header(&h, "etag");
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let standings = |text: String| {
            let s: Option<app::live::LiveSnapshot> = serde_json::from_str(&text).unwrap();
            s.unwrap().standings
        };
        let (_, before) = office.post_full("/api/dashboard/overview", "", &[]).await;

        // An approval moves the live official ranking, which only staff see
        // (the public reads the published one).
        let id = store::testing::scalar(&server.db, "SELECT MIN(id) FROM reports WHERE status = 'submitted'").await;
        let v = store::reports::get(&server.db, id).await.unwrap().unwrap().version;
        let approve = format!("report_id={id}&kind=approve&version={v}");
        assert_eq!(office.post("/api/reports/act", &approve).await, 200, "[{label}]");
        let (_, after) = office.post_full("/api/dashboard/overview", "", &[]).await;
        assert_ne!(
            standings(after),
            standings(before),
            "[{label}] staff see the approval at once"
        );

        let (status, _, _) = get(&server, "/", &[("if-none-match", &etag)]).await;
        assert_eq!(status, 304, "[{label}] the public page is kept");
        store::testing::finish(vec![(label, db)]).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn open_data_names_campaign_period_and_unit_in_every_row() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let published = store::publications::latest(&server.db, c.id).await.unwrap().unwrap();
        let (status, h, csv) = get(&server, &format!("/du-lieu/{}/xep-hang.csv", c.slug), &[]).await;
        assert_eq!(status, 200, "[{label}]");
        assert_eq!(header(&h, "content-type"), "text/csv; charset=utf-8");
        assert_eq!(header(&h, "access-control-allow-origin"), "*");
        let mut lines = csv.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("campaign,period,published_at,block,unit,rank,score"));
        let rows: usize = published.standings.tables.iter().map(|t| t.rows.len()).sum();
        assert_eq!(lines.count(), rows, "[{label}]");

        let (_, _, json) = get(&server, &format!("/du-lieu/{}/bao-cao.json", c.slug), &[]).await;
        let reports: serde_json::Value = serde_json::from_str(&json).unwrap();
        let grid = store::completeness::grid(&server.db, c.id, app::api::server::now_local())
            .await
            .unwrap();
        let share = grid.on_time_share(app::api::server::now_local());
        let on_time = reports
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "on_time")
            .count();
        assert_eq!(on_time, share.on_time, "[{label}]");
        assert!(
            reports
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["campaign"] == c.slug.as_str()
                    && !r["period"].as_str().unwrap().is_empty()
                    && !r["unit"].as_str().unwrap().is_empty())
        );

        for bad in ["so-lieu.xml", "khong-co.json", "so-lieu"] {
            let (status, _, _) = get(&server, &format!("/du-lieu/{}/{bad}", c.slug), &[]).await;
            assert_eq!(status, 404, "[{label}] {bad}");
        }
        let (status, _, _) = get(&server, "/du-lieu/khong-co/so-lieu.json", &[]).await;
        assert_eq!(status, 404, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_switch_keeps_the_address_and_stays_on_this_site() {
    let Some((_, db)) = store::testing::databases().await.into_iter().next() else {
        panic!("no database")
    };
    let server = Server::start(db).await;
    let (status, h, _) = get(&server, "/ngon-ngu/en?next=%2Fc%2Fke-hoach-114-2024%3Fx%3D1", &[]).await;
    assert_eq!(status, 303);
    assert_eq!(header(&h, "location"), "/c/ke-hoach-114-2024?x=1");
    let cookie = header(&h, "set-cookie");
    assert!(cookie.starts_with("i18n_pref_locale=en; Path=/;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    for evil in ["%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example"] {
        let (_, h, _) = get(&server, &format!("/ngon-ngu/vi?next={evil}"), &[]).await;
        assert_eq!(header(&h, "location"), "/", "{evil}");
    }
    let (status, _, _) = get(&server, "/ngon-ngu/fr?next=%2F", &[]).await;
    assert_eq!(status, 404);
    let (_, _, html) = get(&server, "/", &[("cookie", "i18n_pref_locale=en")]).await;
    assert!(html.contains(r#"<html lang="en""#), "English when chosen");
    let (_, _, html) = get(&server, "/", &[]).await;
    assert!(html.contains(r#"<html lang="vi""#), "Vietnamese first");
}
