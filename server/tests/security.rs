//! Sign-in defences, session endings, cross-site refusal and security headers,
//! on SQLite and PostgreSQL.

mod common;

use common::{Client, Persona, Server};

async fn each_database<F, Fut>(flags: &'static [&'static str], test: F)
where
    F: Fn(Server) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for (label, db) in store::testing::databases().await {
        eprintln!("-- {label}");
        test(Server::with_flags(db.clone(), flags).await).await;
        store::testing::finish(vec![(label, db)]).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_quick_bad_sign_ins_are_throttled_and_audited() {
    each_database(
        &["--login-per-account", "5", "--login-per-address", "1000"],
        |server| async move {
            let mut c = Client::anonymous(&server);
            let mut statuses = Vec::new();
            for _ in 0..20 {
                statuses.push(
                    c.post("/api/auth/login", "username=xa-long-hung&password=wrong-password")
                        .await,
                );
            }
            assert!(
                statuses[..5].iter().all(|s| *s == 422),
                "first five are plain failures: {statuses:?}"
            );
            assert!(
                statuses[5..].iter().all(|s| *s == 429),
                "the rest are throttled: {statuses:?}"
            );
            // Even the right password is refused while throttled.
            let body = format!("username=xa-long-hung&password={}", store::demo::DEMO_PASSWORD);
            assert_eq!(c.post("/api/auth/login", &body).await, 429);
            let filter = store::audit::AuditFilter {
                action: Some("login_throttled".into()),
                limit: 100,
                ..Default::default()
            };
            assert_eq!(store::audit::count(&server.db, &filter).await.unwrap(), 16);
            let failed = store::audit::AuditFilter {
                action: Some("login_failed".into()),
                limit: 100,
                ..Default::default()
            };
            assert_eq!(store::audit::count(&server.db, &failed).await.unwrap(), 5);
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_user_and_a_wrong_password_get_the_same_answer() {
    each_database(&[], |server| async move {
        let mut c = Client::anonymous(&server);
        let unknown = c
            .post_full("/api/auth/login", "username=nobody-here&password=whatever-123", &[])
            .await;
        let wrong = c
            .post_full("/api/auth/login", "username=quantri&password=whatever-123", &[])
            .await;
        assert_eq!(unknown, wrong);
        assert!(
            unknown.1.contains("Tên đăng nhập hoặc mật khẩu không đúng"),
            "{}",
            unknown.1
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_disabled_users_open_session_stops_working_at_once() {
    each_database(&[], |server| async move {
        let mut reporter = Client::signed_in(&server, Persona::Reporter).await;
        let (status, me) = reporter.post_full("/api/auth/me", "", &[]).await;
        assert_eq!(status, 200);
        assert!(me.contains("xa-long-hung"), "{me}");
        assert_eq!(reporter.post("/api/reports/mine", "").await, 200);

        let user = store::users::by_username(&server.db, "xa-long-hung")
            .await
            .unwrap()
            .unwrap();
        let mut admin = Client::signed_in(&server, Persona::Admin).await;
        let status = admin
            .post(
                "/api/admin/set_user_active",
                &format!("user_id={}&active=false", user.id),
            )
            .await;
        assert_eq!(status, 200);

        let (_, me) = reporter.post_full("/api/auth/me", "", &[]).await;
        assert_eq!(me.trim(), "null", "the disabled user's session has ended");
        assert_eq!(reporter.post("/api/reports/mine", "").await, 401);
        let body = format!("username=xa-long-hung&password={}", store::demo::DEMO_PASSWORD);
        assert_eq!(
            Client::anonymous(&server).post("/api/auth/login", &body).await,
            422,
            "and cannot sign in again"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_everywhere_ends_the_other_sessions_too() {
    each_database(&[], |server| async move {
        let mut phone = Client::signed_in(&server, Persona::Office).await;
        let mut laptop = Client::signed_in(&server, Persona::Office).await;
        assert_ne!(phone.cookie, laptop.cookie);
        assert_eq!(laptop.post("/api/auth/logout_everywhere", "").await, 200);
        let (_, me) = phone.post_full("/api/auth/me", "", &[]).await;
        assert_eq!(me.trim(), "null");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_issues_a_new_http_only_same_site_session_cookie() {
    each_database(&[], |server| async move {
        let mut c = Client::anonymous(&server);
        let res = c.get(&format!("/man-hinh/{}", store::demo::DEMO_DISPLAY_TOKEN)).await;
        let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let before = c.cookie.clone();
        let body = format!("username=thuongtruc&password={}", store::demo::DEMO_PASSWORD);
        assert_eq!(c.post("/api/auth/login", &body).await, 200);
        assert!(
            c.cookie.is_some() && c.cookie != before,
            "the session id changes at sign-in"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cross_site_posts_are_refused_and_pages_carry_security_headers() {
    each_database(&[], |server| async move {
        let mut c = Client::signed_in(&server, Persona::Admin).await;
        let (status, _) = c
            .post_full("/api/admin/users", "", &[("sec-fetch-site", "cross-site")])
            .await;
        assert_eq!(status, 403);
        let (status, _) = c
            .post_full(
                "/api/admin/users",
                "",
                &[("origin", "https://evil.example"), ("host", "x")],
            )
            .await;
        assert_eq!(status, 403);
        assert_eq!(
            c.post_full("/api/admin/users", "", &[("sec-fetch-site", "same-origin")])
                .await
                .0,
            200
        );

        // A staff page hydrates: its inline script carries the nonce its CSP names.
        let res = Client::anonymous(&server).get("/dang-nhap").await;
        let h = res.headers().clone();
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap().to_string();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert!(h.get("referrer-policy").is_some());
        let html = String::from_utf8(axum::body::to_bytes(res.into_body(), 1 << 22).await.unwrap().to_vec()).unwrap();
        let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap();
        assert!(
            html.contains(&format!("nonce=\"{nonce}\"")),
            "the hydration script carries the CSP nonce"
        );
        // The public page has no inline script, so no nonce and no wasm: the strictest policy.
        let res = Client::anonymous(&server).get("/").await;
        let csp = res
            .headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            csp.contains("script-src 'self';") && !csp.contains("nonce") && !csp.contains("wasm"),
            "{csp}"
        );
        assert_eq!(res.headers().get("x-frame-options").unwrap(), "DENY");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unit_sees_only_its_own_part_of_the_audit_trail() {
    each_database(&[], |server| async move {
        let mut own = Client::signed_in(&server, Persona::Reporter).await;
        let mut other = Client::signed_in(&server, Persona::OtherReporter).await;
        let other_unit = store::users::by_username(&server.db, "cong-an-huyen")
            .await
            .unwrap()
            .unwrap()
            .unit_id
            .unwrap();
        // Asking for another unit's lines still returns only one's own.
        let (status, body) = own
            .post_full(
                "/api/audit/list",
                &format!("query[unit_id]={other_unit}&query[page]=0"),
                &[],
            )
            .await;
        assert_eq!(status, 200);
        assert!(
            body.contains("xa-long-hung") && !body.contains("cong-an-huyen"),
            "{body}"
        );
        let (_, csv) = other.post_full("/api/audit/csv", "query[page]=0", &[]).await;
        assert!(csv.contains("cong-an-huyen") && !csv.contains("xa-long-hung"), "{csv}");
        // The office sees both.
        let (_, all) = Client::signed_in(&server, Persona::Office)
            .await
            .post_full("/api/audit/list", "query[page]=0", &[])
            .await;
        assert!(all.contains("xa-long-hung") && all.contains("cong-an-huyen"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_https_cookies_are_secure_and_hsts_is_sent() {
    each_database(&["--https", "true"], |server| async move {
        let mut c = Client::anonymous(&server);
        let res = c.get(&format!("/man-hinh/{}", store::demo::DEMO_DISPLAY_TOKEN)).await;
        assert!(
            res.headers()
                .get("set-cookie")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(res.headers().get("strict-transport-security").is_some());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn revoking_a_display_token_ends_the_screens_already_open() {
    each_database(&[], |server| async move {
        let mut office = Client::signed_in(&server, Persona::Office).await;
        let campaign = store::campaigns::current(&server.db).await.unwrap().unwrap();
        // A second token, so that the demo's token stays in force beside it.
        let (status, raw) = office
            .post_full(
                "/api/admin/create_display_token",
                &format!("campaign_id={}&name=P2", campaign.id),
                &[],
            )
            .await;
        assert_eq!(status, 200);
        let raw = raw.trim().trim_matches('"').to_string();
        let mut screen = Client::anonymous(&server);
        assert_eq!(screen.get(&format!("/man-hinh/{raw}")).await.status(), 303);
        assert_eq!(screen.post("/api/dashboard/overview", "").await, 200);
        let token = store::display_tokens::find_active(&server.db, &store::display_tokens::token_hash(&raw))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            office
                .post("/api/admin/revoke_display_token", &format!("token_id={}", token.id))
                .await,
            200
        );
        assert_eq!(
            screen.post("/api/dashboard/overview", "").await,
            401,
            "the open screen loses access at once"
        );
        assert_eq!(
            Client::anonymous(&server)
                .get(&format!("/man-hinh/{raw}"))
                .await
                .status(),
            404
        );
        let mut demo = Client::signed_in(&server, Persona::Display).await;
        assert_eq!(
            demo.post("/api/dashboard/overview", "").await,
            200,
            "other screens keep working"
        );
    })
    .await;
}
