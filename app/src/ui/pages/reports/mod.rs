//! A unit's reports: the list and one report.

mod actions;
mod draft;
mod evidence;
mod figures;
mod list;
mod parse;
mod storage;
mod tasks;
mod view;

pub use draft::parse_count;
pub use list::ReportsPage;
pub use view::ReportPage;
