//! The pure domain: types and rules of the emulation movement. No IO here:
//! this crate compiles for the server and the browser and is tested without
//! a database.

pub mod accident_log;
pub mod award_round;
pub mod awards;
pub mod baseline_import;
pub mod campaign;
pub mod campaign_setup;
pub mod completeness;
pub mod council;
mod csv_file;
pub mod evidence;
pub mod export;
pub mod figures;
pub mod on_time;
pub mod open_data;
pub mod periods;
pub mod publication;
pub mod ranking;
pub mod registration;
pub mod report;
pub mod scoring;
pub mod sheet;
pub mod standings;
pub mod types;
pub mod unit_import;
pub mod validation;
pub mod workflow;

pub use accident_log::*;
pub use award_round::*;
pub use awards::*;
pub use baseline_import::*;
pub use campaign::*;
pub use campaign_setup::*;
pub use completeness::*;
pub use council::*;
pub use evidence::*;
pub use figures::*;
pub use on_time::*;
pub use periods::*;
pub use publication::*;
pub use ranking::*;
pub use registration::*;
pub use report::*;
pub use scoring::*;
pub use sheet::*;
pub use standings::*;
pub use types::*;
pub use unit_import::*;
pub use validation::*;
pub use workflow::*;
