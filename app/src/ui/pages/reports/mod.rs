//! A unit's reports: the list and one report.

mod actions;
mod list;
mod view;

pub use list::ReportsPage;
pub use view::ReportPage;
