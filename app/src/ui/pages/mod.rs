//! Pages by product area.

mod accidents;
mod account;
mod admin;
mod awards;
mod dashboard;
mod not_found;
mod print;
mod progress;
mod public;
pub mod rankings;
mod registration;
mod reports;
mod setup;

pub use accidents::AccidentsPage;
pub use account::{AccountPage, SignInPage};
pub use admin::{AuditPage, DisplaysPage, UsersPage};
pub use awards::AwardsPage;
pub use dashboard::DashboardPage;
pub use not_found::NotFound;
pub use print::{ProposalsPrintPage, SummaryPrintPage};
pub use progress::ProgressPage;
pub use public::{PublicBreakdownPage, PublicPage};
pub use rankings::{BreakdownPage, RankingsPage};
pub use registration::{RegistrationNotice, RegistrationPage};
pub use reports::{ReportPage, ReportsPage};
pub use setup::{CampaignSetupPage, SetupPage};
