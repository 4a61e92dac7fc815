//! Drives the real router in-process: personas sign in through the sign-in
//! server function and carry their session cookie like a browser.

#![allow(dead_code)]

use axum::{Router, body::Body, http::Request};
use clap::Parser;
use store::DatabaseConnection;
use tower::ServiceExt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persona {
    Anonymous,
    Display,
    Reporter,
    Head,
    OtherReporter,
    Council,
    Office,
    Admin,
}

impl Persona {
    pub const ALL: [Persona; 8] = [
        Persona::Anonymous,
        Persona::Display,
        Persona::Reporter,
        Persona::Head,
        Persona::OtherReporter,
        Persona::Council,
        Persona::Office,
        Persona::Admin,
    ];

    /// The demo accounts (see the README).
    pub fn username(self) -> &'static str {
        match self {
            Persona::Reporter => "xa-long-hung",
            Persona::Head => "truong.xa-long-hung",
            Persona::OtherReporter => "cong-an-huyen",
            Persona::Council => "hoidong",
            Persona::Office => "thuongtruc",
            Persona::Admin => "quantri",
            Persona::Anonymous | Persona::Display => "",
        }
    }
}

pub struct Server {
    pub db: DatabaseConnection,
    pub router: Router,
    /// Where this server keeps evidence files: a fresh folder per server.
    pub files_dir: std::path::PathBuf,
}

impl Server {
    /// The demo loaded into `db`, behind the router the binary serves.
    pub async fn start(db: DatabaseConnection) -> Server {
        Server::with_flags(db, &["--login-per-account", "100000", "--login-per-address", "100000"]).await
    }

    pub async fn with_flags(db: DatabaseConnection, flags: &[&str]) -> Server {
        store::demo::seed(&db).await.expect("seed the demo");
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let files_dir = std::env::temp_dir().join(format!("thidua-files-{}-{n}", std::process::id()));
        let dir_flag = files_dir.to_string_lossy().into_owned();
        let args = ["thidua"]
            .into_iter()
            .chain(flags.iter().copied())
            .chain(["--files-dir", dir_flag.as_str()]);
        let cli = thidua::cli::Cli::parse_from(args);
        let options = leptos::prelude::LeptosOptions::builder().output_name("thidua").build();
        let router = thidua::routes::router(&cli, options, db.clone());
        Server { db, router, files_dir }
    }

    /// The unit of a persona's demo account.
    pub async fn unit_of(&self, who: Persona) -> i64 {
        store::users::by_username(&self.db, who.username())
            .await
            .unwrap()
            .expect("a demo account")
            .unit_id
            .expect("a unit's account")
    }

    /// A report of the persona's unit that the unit may still change.
    pub async fn editable_report_of(&self, who: Persona) -> i64 {
        let list = store::reports::list_for_unit(&self.db, self.unit_of(who).await)
            .await
            .unwrap();
        list.iter()
            .find(|r| domain::is_editable_by_unit(r.status))
            .expect("an editable demo report")
            .id
    }

    pub async fn send(&self, req: Request<Body>) -> axum::response::Response {
        self.router.clone().oneshot(req).await.expect("router answers")
    }
}

pub struct Client<'a> {
    server: &'a Server,
    pub cookie: Option<String>,
}

impl<'a> Client<'a> {
    pub fn anonymous(server: &'a Server) -> Self {
        Client { server, cookie: None }
    }

    pub async fn signed_in(server: &'a Server, who: Persona) -> Client<'a> {
        let mut c = Client::anonymous(server);
        match who {
            Persona::Anonymous => {}
            Persona::Display => {
                let res = c.get(&format!("/man-hinh/{}", store::demo::DEMO_DISPLAY_TOKEN)).await;
                assert_eq!(res.status(), 303, "display token link redirects to the dashboard");
            }
            _ => {
                let body = format!("username={}&password={}", who.username(), store::demo::DEMO_PASSWORD);
                let (status, text) = c.post_full("/api/auth/login", &body, &[]).await;
                assert_eq!(status, 200, "{who:?} signs in: {text}");
            }
        }
        c
    }

    /// Signs in an account a test made, whose password is the demo's.
    pub async fn signed_in_as(server: &'a Server, username: &str) -> Client<'a> {
        let mut c = Client::anonymous(server);
        let body = format!("username={username}&password={}", store::demo::DEMO_PASSWORD);
        let (status, text) = c.post_full("/api/auth/login", &body, &[]).await;
        assert_eq!(status, 200, "{username} signs in: {text}");
        c
    }

    fn remember(&mut self, res: &axum::response::Response) {
        for v in res.headers().get_all("set-cookie") {
            let v = v.to_str().unwrap_or("");
            if let Some(pair) = v.split(';').next().filter(|p| p.starts_with("thidua_sid=")) {
                self.cookie = Some(pair.to_string());
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> axum::response::Response {
        let mut req = Request::get(path);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = self.server.send(req.body(Body::empty()).unwrap()).await;
        self.remember(&res);
        res
    }

    /// Calls a server function the way the browser does; returns the status.
    pub async fn post(&mut self, path: &str, body: &str) -> u16 {
        self.post_full(path, body, &[]).await.0
    }

    /// Posts raw bytes with their content type (a multipart upload).
    pub async fn post_raw(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> (u16, String) {
        let mut req = Request::post(path).header("content-type", content_type);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = self.server.send(req.body(Body::from(body)).unwrap()).await;
        self.remember(&res);
        let status = res.status().as_u16();
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap_or_default();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    pub async fn post_full(&mut self, path: &str, body: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut req = Request::post(path).header("content-type", "application/x-www-form-urlencoded");
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = self.server.send(req.body(Body::from(body.to_string())).unwrap()).await;
        self.remember(&res);
        let status = res.status().as_u16();
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap_or_default();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// A multipart form as a browser sends it: text fields, then one file.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "thidua-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The smallest real PNG: a 1×1 image.
pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];
