//! The public pages' cache: the compressed HTML of `/` and `/c/…` kept in
//! memory and served again until a figure it shows changed (the live hub's
//! public version moves when a recomputed overview differs from the one
//! shown before). Visitors with a session are not served from it:
//! their header shows their own links.

use app::live::LiveHub;
use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{HeaderMap, HeaderValue, Method, Response, StatusCode, header},
    middleware::Next,
};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, RwLock};

/// More addresses than a campaign has pages: beyond it the cache starts afresh.
const MAX_ENTRIES: usize = 512;
/// A public page is a few tens of kilobytes; anything far larger is not cached.
const MAX_BODY: usize = 2 * 1024 * 1024;
pub const SESSION_COOKIE: &str = "thidua_sid";
pub const LANG_COOKIE: &str = "i18n_pref_locale";

#[derive(Clone)]
struct Entry {
    version: u64,
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
}

#[derive(Clone, Default)]
pub struct PageCache {
    entries: Arc<RwLock<HashMap<String, Entry>>>,
    /// One render at a time per page: while a figure changes several times
    /// a second, visitors who miss the cache together wait for one render
    /// instead of each rendering the page anew.
    renders: Arc<std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
}

impl PageCache {
    pub async fn serve(&self, hub: &LiveHub, req: Request, next: Next) -> Response<Body> {
        let Some(key) = cache_key(&req) else {
            return next.run(req).await;
        };
        let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
        // A page asked for after a change shows it when the change is computed
        // within a moment; then the page kept is served unless a public figure moved.
        hub.settle(app::live::PUBLIC_WAIT).await;
        let version = hub.public_version();
        let entry = match self.hit(&key, version) {
            Some(e) => e,
            None => {
                let render = self.render_lock(&key);
                let _one_render = render.lock().await;
                // Whoever held the lock before may have rendered this version.
                match self.hit(&key, hub.public_version()) {
                    Some(e) => e,
                    None => {
                        let version = hub.public_version();
                        let res = next.run(req).await;
                        match self.keep(key, version, res).await {
                            Ok(e) => e,
                            Err(res) => return res,
                        }
                    }
                }
            }
        };
        if if_none_match.is_some_and(|v| v == entry.etag) {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            res.headers_mut().insert(header::ETAG, entry.etag);
            return res;
        }
        let mut res = Response::new(Body::from(entry.body));
        *res.headers_mut() = entry.headers;
        res
    }

    fn hit(&self, key: &str, version: u64) -> Option<Entry> {
        let entries = self.entries.read().ok()?;
        entries.get(key).filter(|e| e.version == version).cloned()
    }

    fn render_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.renders.lock().unwrap_or_else(|e| e.into_inner());
        if locks.len() >= MAX_ENTRIES {
            locks.clear();
        }
        locks.entry(key.to_string()).or_default().clone()
    }

    /// Keeps a successful page; anything else goes back as it came.
    async fn keep(&self, key: String, version: u64, res: Response<Body>) -> Result<Entry, Response<Body>> {
        if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
            return Err(res);
        }
        let (parts, body) = res.into_parts();
        let body = match axum::body::to_bytes(body, MAX_BODY).await {
            Ok(b) => b,
            Err(_) => return Err(Response::from_parts(parts, Body::empty())),
        };
        let mut headers = parts.headers;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut hasher);
        let etag = HeaderValue::from_str(&format!("\"{:x}-{}\"", hasher.finish(), body.len()))
            .unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
        headers.insert(header::ETAG, etag.clone());
        // Browsers ask again each time; an unchanged page costs them a 304.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        let entry = Entry {
            version,
            headers,
            body,
            etag,
        };
        if let Ok(mut m) = self.entries.write() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(key, entry.clone());
        }
        Ok(entry)
    }
}

/// The key of a cacheable request: address, language, host and encoding.
fn cache_key(req: &Request) -> Option<String> {
    if req.method() != Method::GET || !app::ui::is_static_page(req.uri().path()) {
        return None;
    }
    let h = req.headers();
    let cookies = h.get_all(header::COOKIE);
    let mut lang = "";
    for c in cookies.iter().filter_map(|v| v.to_str().ok()) {
        for pair in c.split(';').map(str::trim) {
            match pair.split_once('=') {
                Some((SESSION_COOKIE, _)) => return None,
                Some((LANG_COOKIE, v)) => lang = if v == "en" { "en" } else { "" },
                _ => {}
            }
        }
    }
    let accept = h
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let encoding = if accept.contains("br") {
        "br"
    } else if accept.contains("gzip") {
        "gzip"
    } else {
        "identity"
    };
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    Some(format!("{host}|{}|{lang}|{encoding}", req.uri()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(uri: &str, headers: &[(&'static str, &'static str)]) -> Request {
        let mut b = Request::builder().uri(uri);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_public_pages_without_a_session_are_cached() {
        assert!(cache_key(&get("/", &[])).is_some());
        assert!(cache_key(&get("/c/ke-hoach-114", &[])).is_some());
        assert!(cache_key(&get("/xep-hang", &[])).is_none());
        assert!(cache_key(&get("/", &[("cookie", "thidua_sid=abc")])).is_none());
        let post = Request::builder().method("POST").uri("/").body(Body::empty()).unwrap();
        assert!(cache_key(&post).is_none());
    }

    #[test]
    fn language_and_encoding_make_different_entries() {
        let vi = cache_key(&get("/", &[("accept-encoding", "gzip, br")])).unwrap();
        let en = cache_key(&get(
            "/",
            &[("accept-encoding", "br"), ("cookie", "i18n_pref_locale=en")],
        ))
        .unwrap();
        let plain = cache_key(&get("/", &[])).unwrap();
        assert_ne!(vi, en);
        assert_ne!(vi, plain);
        assert!(vi.ends_with("|br"));
    }
}
