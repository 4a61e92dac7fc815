//! Evidence files, served only to those who may read their report: the
//! report's unit's staff, the standing office and the council.

use app::api::evidence::{FilesDir, files};
use app::auth::AuthSession;
use axum::{
    Extension,
    extract::Path,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::EvidenceKind;
use store::DatabaseConnection;

pub async fn download(
    Path(id): Path<i64>,
    auth: AuthSession,
    Extension(db): Extension<DatabaseConnection>,
    Extension(dir): Extension<FilesDir>,
) -> Response {
    let Some(user) = auth.user else {
        return (StatusCode::UNAUTHORIZED, "Vui lòng đăng nhập.").into_response();
    };
    let me = app::api::access::me_of(&user.user);
    let found = match store::evidence::get(&db, id).await {
        Ok(Some(e)) => e,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(e),
    };
    let unit = match store::reports::get(&db, found.report_id).await {
        Ok(Some(r)) => r.unit_id,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(e),
    };
    if !me.can_read_unit(unit) {
        return (StatusCode::FORBIDDEN, "Bạn không có quyền xem tài liệu này.").into_response();
    }
    let (EvidenceKind::File, Some(stored), Some(mime)) = (found.item.kind, found.stored_name, found.item.mime) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(path) = files::path_of(&dir.0, &stored) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let bytes = match tokio::fs::read(&path).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!("evidence file {stored}: {e}");
            return StatusCode::NOT_FOUND.into_response();
        }
    };
    // Pictures and PDFs open in the browser; office files download.
    let inline = mime.starts_with("image/") || mime == "application/pdf";
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        domain::display_name(&found.item.name).replace(|c: char| !c.is_ascii(), "_"),
        percent(&domain::display_name(&found.item.name)),
    );
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, max-age=3600".to_string()),
        ],
        bytes,
    )
        .into_response()
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn internal(e: store::StoreError) -> Response {
    tracing::error!("evidence: {e}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
