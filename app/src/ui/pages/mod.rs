//! Pages by product area.

mod not_found;
mod public;

pub use not_found::NotFound;
pub use public::PublicPage;
