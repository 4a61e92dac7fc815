//! Small site routes: the language switch and the cache headers of static files.

use axum::{
    extract::{Path, Query, Request},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Back {
    next: Option<String>,
}

/// `/ngon-ngu/{vi|en}?next=/address`: keeps the choice in the language
/// cookie and goes back to the address, so the switch is a plain link.
pub async fn language(https: bool, Path(lang): Path<String>, Query(back): Query<Back>) -> Response {
    if lang != "vi" && lang != "en" {
        return (StatusCode::NOT_FOUND, "Không có ngôn ngữ này.").into_response();
    }
    let next = back.next.filter(|n| is_local_address(n)).unwrap_or_else(|| "/".into());
    let secure = if https { "; Secure" } else { "" };
    let cookie = format!(
        "{}={lang}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        crate::public_cache::LANG_COOKIE
    );
    let mut res = Redirect::to(&next).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// An address on this site only: a redirect elsewhere would make the switch
/// a tool for sending people to another site.
fn is_local_address(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && !next.chars().any(char::is_control)
}

/// The public pages go out without the app's bundle (`app::ui::is_static_page`),
/// so the inline scripts Leptos appends for hydration would only be dead
/// weight, and blocked by the CSP once the page is served from the cache
/// with another request's nonce: everything after `</html>` is dropped.
pub async fn plain_public_pages(req: Request, next: Next) -> Response {
    if !app::ui::is_static_page(req.uri().path()) {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 4 << 20).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Trang quá lớn.").into_response();
    };
    let html = String::from_utf8_lossy(&bytes);
    let end = html.find("</html>").map_or(html.len(), |i| i + "</html>".len());
    let plain = html[..end].replace("<script></script>", "");
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(plain))
}

/// Static files: the bundle may change with a new release, images rarely.
pub async fn static_cache_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    if !res.status().is_success() || res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let value = if path.starts_with("/pkg/") || path.ends_with(".js") || path.ends_with(".css") {
        "public, max-age=600, stale-while-revalidate=86400"
    } else if [".png", ".svg", ".ico", ".txt", ".webmanifest"]
        .iter()
        .any(|e| path.ends_with(e))
    {
        "public, max-age=86400"
    } else {
        return res;
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

#[cfg(test)]
mod tests {
    use super::is_local_address;

    #[test]
    fn only_local_addresses_are_followed() {
        assert!(is_local_address("/"));
        assert!(is_local_address("/c/ke-hoach-114?x=1"));
        assert!(!is_local_address("//evil.example/"));
        assert!(!is_local_address("https://evil.example/"));
        assert!(!is_local_address("/\\evil.example"));
        assert!(!is_local_address("/a\nSet-Cookie: x"));
    }
}
