//! The server: configuration, the router with its middleware, subcommands.
//! A library so that integration tests drive the same router as the binary.

pub mod cli;
mod display;
mod evidence;
mod exports;
mod live;
pub mod metrics;
mod open_data;
mod ops;
pub mod public_cache;
pub mod routes;
mod security;
mod site;
