//! `/xuat/{name}.{xlsx|csv}`: the tables staff hand on (`domain::export`),
//! for the office and the council: the official ranking (`xep-hang`), each
//! unit's months (`diem-thang`), the completeness grid (`tien-do`) and an
//! award round's proposals (`khen-thuong?ky={review}`).

use app::auth::AuthSession;
use axum::{
    Extension,
    extract::{Path, Query},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::export::Table;
use domain::{Id, RankingMode, Scope};
use serde::Deserialize;
use store::DatabaseConnection;

#[derive(Deserialize)]
pub struct Review {
    ky: Option<Id>,
}

pub async fn export(
    Path(file): Path<String>,
    Query(review): Query<Review>,
    auth: AuthSession,
    Extension(db): Extension<DatabaseConnection>,
) -> Response {
    let Some(user) = auth.user.as_ref() else {
        return (StatusCode::UNAUTHORIZED, "Vui lòng đăng nhập.").into_response();
    };
    let me = app::api::access::me_of(&user.user);
    if !me.has_any(app::api::access::CAMPAIGN_READERS) {
        return (StatusCode::FORBIDDEN, "Bạn không có quyền tải tệp này.").into_response();
    }
    let Some((name, format)) = file.rsplit_once('.').filter(|(_, f)| *f == "xlsx" || *f == "csv") else {
        return (StatusCode::NOT_FOUND, "Không có tệp này.").into_response();
    };
    let tables = match tables(&db, me.committee_id, name, review.ky).await {
        Ok(Some(t)) => t,
        Ok(None) => return (StatusCode::NOT_FOUND, "Không có tệp này.").into_response(),
        Err(e) => {
            tracing::error!("export {file}: {e}");
            return (StatusCode::SERVICE_UNAVAILABLE, "Chưa tạo được tệp, xin thử lại sau.").into_response();
        }
    };
    let body = if format == "xlsx" {
        xlsx(&tables).map_err(|e| e.to_string())
    } else {
        tables[0].to_csv().map_err(|e| e.to_string())
    };
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            tracing::error!("export {file}: {e}");
            return (StatusCode::INTERNAL_SERVER_ERROR, "Chưa tạo được tệp.").into_response();
        }
    };
    let content_type = if format == "xlsx" {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else {
        "text/csv; charset=utf-8"
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.{format}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The tables of the caller's committee's current campaign (the
/// installation's own for an administrator).
async fn tables(
    db: &DatabaseConnection,
    committee: Option<Id>,
    name: &str,
    review: Option<Id>,
) -> Result<Option<Vec<Table>>, store::StoreError> {
    let Some(c) = store::campaigns::current_for(db, committee).await? else {
        return Ok(None);
    };
    let now = app::api::server::now_local();
    Ok(Some(match name {
        "xep-hang" | "diem-thang" => {
            let input = store::standings::input(db, c.id, now).await?;
            let standings = domain::standings(&input, Scope::Cumulative, RankingMode::Official);
            let months: Vec<_> = input.periods.iter().filter(|p| p.closed).cloned().collect();
            let total = |unit_id: Id, period_id: Id| {
                let unit = input.units.iter().find(|u| u.unit_id == unit_id)?;
                domain::unit_period(&input, unit, period_id, RankingMode::Official).map(|b| b.total)
            };
            let [ranking, by_month] = domain::export::ranking_tables(&standings, &months, total);
            if name == "xep-hang" {
                vec![ranking, by_month]
            } else {
                vec![by_month, ranking]
            }
        }
        "tien-do" => {
            let grid = store::completeness::grid(db, c.id, now).await?;
            vec![domain::export::completeness_table(&grid, now)]
        }
        "khen-thuong" => {
            let Some(period_id) = review else { return Ok(None) };
            let list = store::award_proposals::proposals(db, c.id, period_id).await?;
            vec![domain::export::proposals_table(&list)]
        }
        _ => return Ok(None),
    }))
}

/// One worksheet per table: a bold header row kept in view, columns sized to their content.
fn xlsx(tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(t.title.chars().take(31).collect::<String>())?;
        for (c, name) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, name, &bold)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                match v {
                    domain::export::Value::Text(s) => sheet.write_string(r, c as u16, s)?,
                    domain::export::Value::Number(n) => sheet.write_number(r, c as u16, domain::round_points(*n))?,
                    domain::export::Value::Empty => sheet,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    book.save_to_buffer()
}
