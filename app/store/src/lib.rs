//! The store: sea-orm entities, migrations, queries and mutations.
//! Rows never leave this crate; it returns domain types.
