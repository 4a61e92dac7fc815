//! Meeting-room screens: a link with a display token opens the dashboard,
//! read-only, and nothing else.

use axum::{
    Extension,
    extract::Path,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use store::DatabaseConnection;
use tower_sessions::Session;

pub async fn open(
    Path(token): Path<String>,
    session: Session,
    Extension(db): Extension<DatabaseConnection>,
) -> Response {
    let hash = store::display_tokens::token_hash(&token);
    match store::display_tokens::find_active(&db, &hash).await {
        Ok(Some(t)) => {
            // A fresh session id, holding only the display's token id.
            if session.cycle_id().await.is_err()
                || session
                    .insert(app::api::access::DISPLAY_SESSION_KEY, t.id)
                    .await
                    .is_err()
            {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            Redirect::to("/man-hinh").into_response()
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Mã màn hình không đúng hoặc đã bị thu hồi.").into_response(),
        Err(e) => {
            tracing::error!("display token: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
