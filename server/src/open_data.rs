//! `/du-lieu/{slug}/{dataset}.{csv|json}`: the public figures as open data
//! (rows built by `domain::open_data`). Stable addresses, documented in the
//! README; any site may read them (CORS `*`), as they are public anyway.

use app::live::LiveHub;
use axum::{
    Extension,
    extract::Path,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::Datelike;
use domain::open_data::{self as od};
use serde::Serialize;
use store::DatabaseConnection;

pub async fn dataset(
    Path((slug, file)): Path<(String, String)>,
    Extension(db): Extension<DatabaseConnection>,
    Extension(hub): Extension<LiveHub>,
) -> Response {
    let Some((name, format)) = file.rsplit_once('.') else {
        return not_found();
    };
    if format != "csv" && format != "json" {
        return not_found();
    }
    let campaign = match store::campaigns::by_slug(&db, &slug).await {
        Ok(Some(c)) => c,
        Ok(None) => return not_found(),
        Err(e) => return unavailable(e),
    };
    let Some(frame) = hub.latest(&db, campaign.id, app::live::PUBLIC_WAIT).await else {
        return unavailable("no frame");
    };
    let overview = &frame.snapshot().overview;
    let slug = campaign.slug.as_str();
    match name {
        "so-lieu" => {
            let years_back = campaign.starts_on.year() - campaign.baseline_year;
            let months = overview
                .months
                .iter()
                .map(|m| (m.year, m.month, &m.current, &m.baseline));
            let rows = od::figure_rows(slug, &campaign.committee_name, years_back, months);
            answer(&rows, od::FIGURE_COLUMNS, format, &format!("{slug}-so-lieu"))
        }
        "xep-hang" => {
            let rows = overview
                .published
                .as_ref()
                .map(|p| od::ranking_rows(slug, p))
                .unwrap_or_default();
            answer(&rows, od::RANKING_COLUMNS, format, &format!("{slug}-xep-hang"))
        }
        "bao-cao" => {
            let now = app::api::server::now_local();
            match store::completeness::grid(&db, campaign.id, now).await {
                Ok(grid) => {
                    let rows = od::report_rows(slug, &grid, now);
                    answer(&rows, od::REPORT_COLUMNS, format, &format!("{slug}-bao-cao"))
                }
                Err(e) => unavailable(e),
            }
        }
        _ => not_found(),
    }
}

fn answer<T: Serialize>(rows: &[T], columns: &[&str], format: &str, file: &str) -> Response {
    let (body, content_type) = if format == "csv" {
        (
            od::to_csv(rows, columns).map_err(|e| e.to_string()),
            "text/csv; charset=utf-8",
        )
    } else {
        (
            serde_json::to_vec(rows).map_err(|e| e.to_string()),
            "application/json; charset=utf-8",
        )
    };
    let body = match body {
        Ok(b) => b,
        Err(e) => return unavailable(e),
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{file}.{format}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Không có dữ liệu ở địa chỉ này.").into_response()
}

fn unavailable(e: impl std::fmt::Display) -> Response {
    tracing::error!("open data: {e}");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "Chưa đọc được dữ liệu, xin thử lại sau.",
    )
        .into_response()
}
