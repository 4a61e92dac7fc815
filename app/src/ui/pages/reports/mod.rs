//! A unit's reports: the list and one report.

mod actions;
mod draft;
mod evidence;
mod list;
mod tasks;
mod view;

pub use list::ReportsPage;
pub use view::ReportPage;
