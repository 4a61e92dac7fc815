//! The typed errors every server function returns.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    /// Not signed in, or the session has ended.
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// Too many attempts; try again later.
    #[error("throttled")]
    Throttled,
    /// Someone else changed the record first (optimistic versioning).
    #[error("{0}")]
    Conflict(String),
    /// Bad input, with a message for the user (Vietnamese).
    #[error("{0}")]
    Invalid(String),
    /// Bad input in named form fields, each with its message (Vietnamese).
    #[error("{}", fields_text(.0))]
    Fields(Vec<domain::FieldError>),
    /// Something failed on the server; details are in its log, not here.
    #[error("internal error")]
    Internal,
    /// Transport or encoding failure between browser and server.
    #[error("{0}")]
    Transport(String),
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that do not decode were typed or sent wrong, not lost on the way.
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::MissingArg(detail) => {
                ApiError::Invalid(format!("Dữ liệu gửi lên không hợp lệ: {detail}"))
            }
            other => ApiError::Transport(other.to_string()),
        }
    }
}

fn fields_text(errors: &[domain::FieldError]) -> String {
    errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ")
}

impl ApiError {
    /// The message for one form field, if the server named it.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            ApiError::Fields(errors) => errors.iter().find(|e| e.field == name).map(|e| e.message.clone()),
            _ => None,
        }
    }

    /// The message shown to the user, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            ApiError::NotFound => "Không tìm thấy dữ liệu.".into(),
            ApiError::Unauthorized => "Vui lòng đăng nhập.".into(),
            ApiError::Forbidden => "Bạn không có quyền thực hiện thao tác này.".into(),
            ApiError::Throttled => "Quá nhiều lần thử. Vui lòng đợi một phút rồi thử lại.".into(),
            ApiError::Invalid(m) | ApiError::Conflict(m) => m.clone(),
            ApiError::Fields(errors) => fields_text(errors),
            ApiError::Internal => "Có lỗi ở máy chủ. Vui lòng thử lại sau.".into(),
            ApiError::Transport(_) => "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.".into(),
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Invalid(_) | ApiError::Fields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Internal | ApiError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Sets the HTTP status of the response to match, then returns the error.
    #[cfg(feature = "ssr")]
    pub fn respond(self) -> Self {
        if let Some(resp) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(self.status());
        }
        self
    }
}

#[cfg(feature = "ssr")]
impl From<store::StoreError> for ApiError {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::NotFound(_) => ApiError::NotFound,
            store::StoreError::Conflict(m) => ApiError::Conflict(m),
            e => {
                tracing::error!(error = %e, "store error");
                ApiError::Internal
            }
        }
    }
}
