//! The real `thidua` binary as a child process, for tests that need what an
//! in-process router cannot give: a crash (SIGKILL), a restart on the same
//! database, or two instances side by side.
//!
//! ```ignore
//! #[path = "common/process.rs"]
//! mod process;
//! let server = process::Instance::start(&url, &[("THIDUA_DEMO", "true")]);
//! let me = process::Persona::sign_in(&server, "xa-long-hung").await;
//! let (status, body) = me.post(&server, "/api/reports/save_draft", &form).await;
//! server.kill9();
//! ```
//!
//! Each instance listens on a free 127.0.0.1 port, keeps its site root,
//! evidence folder and log in a fresh temporary folder, and allows any number
//! of sign-ins (tests sign many personas in at once). Dropping it kills it.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long the binary may take to migrate, seed and listen.
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Instance {
    child: Option<Child>,
    base_url: String,
    dir: PathBuf,
}

impl Instance {
    /// Starts `thidua serve` on `database_url` and waits until `/healthz`
    /// answers. `env` is applied last, so it may override any default here
    /// (e.g. `("THIDUA_DEMO", "false")`). Panics, with the child's log, if
    /// it exits or is not up within a minute.
    pub fn start(database_url: &str, env: &[(&str, &str)]) -> Instance {
        // The port is free when asked but may be taken before the child
        // binds it; another port is tried then.
        let mut last_log = String::new();
        for _ in 0..3 {
            match Instance::try_start(database_url, env) {
                Ok(instance) => return instance,
                Err(log) if log.contains("Address already in use") => last_log = log,
                Err(log) => panic!("thidua did not start on {database_url}:\n{log}"),
            }
        }
        panic!("thidua found no free port:\n{last_log}");
    }

    fn try_start(database_url: &str, env: &[(&str, &str)]) -> Result<Instance, String> {
        let dir = fresh_dir();
        let port = free_port();
        let addr = format!("127.0.0.1:{port}");
        let log = std::fs::File::create(dir.join("log")).expect("log file");
        // A file, not a pipe: nobody drains a pipe while the test runs, and a
        // full pipe would block the server's logging.
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_thidua"));
        cmd.current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .env("DATABASE_URL", database_url)
            .env("THIDUA_ADDR", &addr)
            // `get_configuration(None)` reads these outside cargo-leptos;
            // server functions need no built bundle in the site folder.
            .env("LEPTOS_OUTPUT_NAME", "thidua")
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .env("LEPTOS_SITE_ADDR", &addr)
            .env("THIDUA_FILES_DIR", dir.join("files"))
            .env("THIDUA_LOGIN_PER_ACCOUNT", "100000")
            .env("THIDUA_LOGIN_PER_ADDRESS", "100000")
            .env("THIDUA_LOG_JSON", "false")
            .env("RUST_LOG", "warn");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().map_err(|e| format!("spawn thidua: {e}"))?;
        let mut instance = Instance {
            child: Some(child),
            base_url: format!("http://{addr}"),
            dir,
        };
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Some(status) = instance.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
                instance.child = None;
                return Err(format!("exited with {status}; its log:\n{}", instance.log()));
            }
            if healthy(port) {
                return Ok(instance);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "no answer on {addr} within {START_TIMEOUT:?}; its log:\n{}",
                    instance.log()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// What the server wrote to stdout and stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }

    /// Kills the process with SIGKILL (no shutdown, no flush) and reaps it.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` sends SIGKILL on Unix.
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill9();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn fresh_dir() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("thidua-instance-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("site")).expect("instance folder");
    dir
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// One blocking GET /healthz, so that `start` needs no runtime of its own.
fn healthy(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let req = format!("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

/// A signed-in user: an HTTP client whose cookie jar holds the session.
/// The jar sends the cookie to any instance on 127.0.0.1 (cookies ignore
/// ports), and sessions live in the database, so the same persona keeps
/// working against a restarted instance or a second one.
#[derive(Clone)]
pub struct Persona {
    pub username: String,
    http: reqwest::Client,
}

impl Persona {
    /// Signs `username` in with the demo password; panics unless answered 200.
    pub async fn sign_in(instance: &Instance, username: &str) -> Persona {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .timeout(Duration::from_secs(60))
            .build()
            .expect("HTTP client");
        let me = Persona {
            username: username.to_string(),
            http,
        };
        let body = format!("username={username}&password={}", store::demo::DEMO_PASSWORD);
        let (status, text) = me
            .post(instance.base_url(), "/api/auth/login", &body)
            .await
            .unwrap_or_else(|e| panic!("sign-in of {username}: {e}"));
        assert_eq!(status, 200, "{username} signs in: {text}");
        me
    }

    /// Calls a server function as the browser's form post does. The server
    /// refuses cross-site posts only when `Origin` or `Sec-Fetch-Site` says
    /// so; this client sends neither, like any non-browser client. An error
    /// is a failed connection or a missing answer (a killed server).
    pub async fn post(&self, base_url: &str, path: &str, form: &str) -> Result<(u16, String), reqwest::Error> {
        let res = self
            .http
            .post(format!("{base_url}{path}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_string())
            .send()
            .await?;
        let status = res.status().as_u16();
        Ok((status, res.text().await?))
    }
}

impl Instance {
    /// Sends SIGTERM, as systemd does to stop a service, and waits up to
    /// `within` for the process to exit; `None` if it did not.
    pub fn terminate(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let child = self.child.as_mut()?;
        let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                self.child = None;
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

/// A port nobody listens on now, for a second listener (metrics).
pub fn unused_port() -> u16 {
    free_port()
}
