//! Sign-in and the user's own account.

mod my_account;
mod sign_in;

pub use my_account::AccountPage;
pub use sign_in::SignInPage;
