//! Server functions, one module per product area. Each checks access, calls
//! the domain and the store, and returns typed errors.

pub mod error;
pub mod public;
#[cfg(feature = "ssr")]
pub mod server;

pub use error::ApiError;
