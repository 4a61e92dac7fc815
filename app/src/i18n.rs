//! Translations: `locales/vi.json` (default) and `locales/en.json`,
//! compiled into typed keys by `build.rs`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n::*;
