//! Translations: `locales/vi.json` (default) and `locales/en.json`,
//! compiled into typed keys by `build.rs`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n::*;

#[cfg(test)]
mod tests {
    /// A key written twice compiles (the last one wins) and silently
    /// changes another page's text: refuse it here.
    #[test]
    fn no_translation_key_is_written_twice() {
        for (name, text) in [
            ("vi", include_str!("../locales/vi.json")),
            ("en", include_str!("../locales/en.json")),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for line in text.lines() {
                let Some(rest) = line.trim_start().strip_prefix('"') else {
                    continue;
                };
                let Some((key, _)) = rest.split_once("\":") else {
                    continue;
                };
                assert!(seen.insert(key.to_string()), "{name}.json has \"{key}\" twice");
            }
            assert!(seen.len() > 100, "{name}.json read: {} keys", seen.len());
        }
    }
}
