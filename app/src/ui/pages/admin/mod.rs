//! Administration: users, meeting-room screens, the audit trail.

mod audit;
mod displays;
mod users;

pub use audit::AuditPage;
pub use displays::DisplaysPage;
pub use users::UsersPage;
