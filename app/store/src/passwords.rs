//! Password hashes: argon2id with the crate's default parameters and a
//! random salt, kept as a PHC string (`$argon2id$v=19$…`) that carries its
//! own parameters, so that stronger defaults later still verify old hashes.
//!
//! Hashing is slow on purpose (tens of milliseconds in a release build):
//! callers on an async runtime run it in `spawn_blocking`.

use crate::{Result, StoreError};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::rngs::OsRng;

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;

/// Hashes `password` with a fresh random salt.
pub fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        // Only a broken parameter set fails here, never a password.
        .map_err(|e| StoreError::Config(format!("password hashing failed: {e}")))
}

/// True when `password` matches `hash`. A malformed or foreign hash is a
/// plain "no": a damaged row must not let anyone in, nor crash a sign-in.
pub fn verify(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Checks a new password against the rules, with the message to show the
/// user when it fails. That it differs from the user name is checked by the
/// caller, which knows the name.
pub fn check_strength(password: &str) -> Result<(), String> {
    // Characters, not bytes: "mậtkhẩu" is 7 letters however it is encoded.
    if password.chars().count() < MIN_LENGTH {
        return Err(format!("Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."));
    }
    if password.chars().all(|c| c.is_ascii_digit()) {
        return Err("Mật khẩu không được chỉ gồm chữ số.".into());
    }
    if password.trim().is_empty() {
        return Err("Mật khẩu không được chỉ gồm khoảng trắng.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash("thidua-demo-2024").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("thidua-demo-2024", &h));
        assert!(!verify("thidua-demo-2025", &h));
        assert!(!verify("", &h));
    }

    #[test]
    fn salts_are_random() {
        let (a, b) = (hash("cùng một mật khẩu").unwrap(), hash("cùng một mật khẩu").unwrap());
        assert_ne!(a, b);
        assert!(verify("cùng một mật khẩu", &a) && verify("cùng một mật khẩu", &b));
    }

    #[test]
    fn malformed_hashes_never_verify_nor_panic() {
        for bad in [
            "",
            "plain",
            "$argon2id$",
            "$argon2id$v=19$m=19456,t=2,p=1$bad$bad",
            "$2b$12$abcdefghijklmnopqrstuv",
        ] {
            assert!(!verify("anything", bad), "{bad:?}");
        }
    }

    #[test]
    fn strength_rules() {
        assert!(check_strength("ngắn").unwrap_err().contains("ít nhất 10"));
        assert!(check_strength("123456789").is_err());
        assert!(check_strength("1234567890123").unwrap_err().contains("chữ số"));
        assert!(check_strength("          ").unwrap_err().contains("khoảng trắng"));
        // Ten characters of Vietnamese, more than ten bytes either way.
        assert!(check_strength("mậtkhẩuđẹp").is_ok());
        assert!(check_strength("mậtkhẩuđp").is_err());
        assert!(check_strength("thidua-demo-2024").is_ok());
    }
}
