//! The pure domain: types and rules of the emulation movement. No IO here:
//! this crate compiles for the server and the browser and is tested without
//! a database.

pub mod campaign;
pub mod figures;
pub mod types;

pub use campaign::*;
pub use figures::*;
pub use types::*;
