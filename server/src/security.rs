//! Security middleware: cross-site request refusal, the Content-Security-Policy
//! with a per-request nonce, the other security headers, and the status of
//! arguments that do not decode.

use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The nonce of this request's inline hydration script, shared with Leptos.
#[derive(Clone)]
pub struct CspNonce(pub String);

/// Refuses a state-changing request that a browser sent from another site.
/// Browsers send `Sec-Fetch-Site` (or at least `Origin`) on such requests;
/// a request with neither is not from a browser, so carries no victim's cookie.
pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) && is_cross_site(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "Yêu cầu từ trang khác bị từ chối.").into_response();
    }
    next.run(req).await
}

pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        (Some(origin), Some(host)) => {
            let origin = origin.to_str().unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
            origin == "null" || origin_host != host.to_str().unwrap_or("")
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The one Content-Security-Policy, with the page's own script sources.
fn policy(script_src: &str) -> String {
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

static STATIC_PAGE_POLICY: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
    HeaderValue::from_str(&policy("'self'")).unwrap_or(HeaderValue::from_static("default-src 'self'"))
});

/// Adds a fresh nonce to the request and the matching CSP to the response.
/// The public pages carry no inline script (`site::plain_public_pages`), so
/// they get a policy without a nonce, the same for every response: they can
/// be cached whole, headers included.
pub async fn content_security_policy(https: bool, mut req: Request, next: Next) -> Response {
    let csp = if app::ui::is_static_page(req.uri().path()) {
        STATIC_PAGE_POLICY.clone()
    } else {
        let nonce = app::api::server::random_token();
        req.extensions_mut().insert(CspNonce(nonce.clone()));
        match HeaderValue::from_str(&policy(&format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"))) {
            Ok(v) => v,
            Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "CSP").into_response(),
        }
    };
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "thidua.vn")
        ])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "https://thidua.vn"),
            ("host", "thidua.vn")
        ])));
        assert!(is_cross_site(&headers(&[("origin", "null"), ("host", "thidua.vn")])));
        assert!(!is_cross_site(&headers(&[("host", "thidua.vn")])));
    }
}

/// Arguments that do not decode are the caller's mistake, not the server's:
/// the server-function layer answers them 500, so their typed error
/// (`ApiError::Invalid`) is answered 422 here instead.
pub async fn unprocessable_arguments(res: Response) -> Response {
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !res.headers().contains_key("serverfnerror") {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    if bytes.starts_with(br#"{"Invalid""#) {
        parts.status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}
