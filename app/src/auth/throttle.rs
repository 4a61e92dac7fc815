//! Brute-force defence: sign-in attempts are limited per account and per
//! address with keyed `governor` rate limiters (in memory, per instance).

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

#[derive(Clone)]
pub struct Throttle {
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
    per_address: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl Throttle {
    /// `account` attempts per minute for one user name, `address` per minute
    /// from one address (an office behind one NAT needs room for a few people).
    pub fn new(account: u32, address: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        Throttle {
            per_account: Arc::new(RateLimiter::keyed(quota(account))),
            per_address: Arc::new(RateLimiter::keyed(quota(address))),
        }
    }

    /// Counts one attempt; `false` when either limit is exhausted.
    pub fn allow(&self, username: &str, ip: IpAddr) -> bool {
        let account_ok = self.per_account.check_key(&username.trim().to_lowercase()).is_ok();
        let address_ok = self.per_address.check_key(&ip).is_ok();
        account_ok && address_ok
    }
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle::new(5, 20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_on_one_account_within_a_minute_is_refused() {
        let t = Throttle::new(5, 100);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..5 {
            assert!(t.allow("Xa-Long-Hung", ip));
        }
        assert!(
            !t.allow("xa-long-hung ", ip),
            "user names differing only in case share a limit"
        );
        assert!(t.allow("other", ip));
    }

    #[test]
    fn one_address_is_limited_across_accounts() {
        let t = Throttle::new(100, 3);
        let ip: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(t.allow("a", ip) && t.allow("b", ip) && t.allow("c", ip));
        assert!(!t.allow("d", ip));
        assert!(t.allow("d", "10.0.0.3".parse().unwrap()));
    }
}
