use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("not found: {0}")]
    NotFound(String),
    /// The write lost a race (stale version, duplicate key) or would clash
    /// with data already there.
    #[error("conflict: {0}")]
    Conflict(String),
    /// A stored value the code no longer understands, such as an unknown
    /// status code: a bug or a hand edit, never the user's fault.
    #[error("invalid stored data: {0}")]
    Invalid(String),
    #[error("cannot open the database: {0}")]
    Config(String),
}

/// Counts are stored as signed integers; a negative one is corrupt data.
pub(crate) fn count(value: i32, what: &str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::Invalid(format!("{what} = {value}")))
}

/// Parses a stored enum code with the domain's `from_code`.
pub(crate) fn code<T>(value: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<T, StoreError> {
    parse(value).ok_or_else(|| StoreError::Invalid(format!("{what} code {value:?}")))
}
