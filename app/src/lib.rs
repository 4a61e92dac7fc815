//! Thi đua ATGT: the shared application crate.
//!
//! The pure rules live in the `domain` crate (server and browser), the
//! database in the `store` crate (server only). `api` holds the server functions by product area,
//! `ui` the pages and components.
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod i18n;
pub mod live;
pub mod ui;

pub use domain;
