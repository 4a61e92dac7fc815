//! Server functions, one module per product area. Each starts with the access
//! check (`access::authorize`), calls the domain and the store, and returns
//! typed errors.

pub mod access;
pub mod accidents;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod award_publish;
pub mod award_settings;
pub mod award_steps;
#[cfg(feature = "ssr")]
mod award_support;
pub mod awards;
pub mod dashboard;
pub mod error;
pub mod evidence;
pub mod policies;
pub mod progress;
pub mod public;
pub mod publication;
pub mod rankings;
pub mod registration;
pub mod reports;
pub mod review;
#[cfg(feature = "ssr")]
pub mod scope;
#[cfg(feature = "ssr")]
pub mod server;
pub mod setup;

pub use error::ApiError;
